"""Procedural scenes with captions: the only training data of sparkler-tiny.

Two families, 60% shapes, 40% landscapes:

* landscapes: a time of day (day, sunset, dusk, night) with its sky gradient, sun, moon and stars, over
  one ground (ocean, mountains, hills, forest) with optional extras (beach, lighthouse, house, trees);
* shapes: one shape (circle, square, triangle, star) of a named colour and size at one of nine positions
  on a named background colour.

Everything is drawn with numpy on a canvas SUPERSAMPLE times the native size and box-filtered down, which
antialiases edges for free. `make_scene` returns the image (H, W, 3) float32 in [0, 1], a caption and the
attributes a prompt-adherence checker needs (see `Scene`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

import phrasing

SIZE = 32
SUPERSAMPLE = 2

TIMES = ("day", "sunset", "dusk", "night")
GROUNDS = ("ocean", "mountains", "hills", "forest")
SHAPES = ("circle", "square", "triangle", "star")
COLORS: dict[str, tuple[int, int, int]] = {
    "red": (220, 30, 30),
    "green": (30, 170, 50),
    "blue": (30, 70, 220),
    "yellow": (245, 220, 30),
    "orange": (245, 140, 20),
    "purple": (130, 40, 180),
    "pink": (245, 130, 190),
    "white": (245, 245, 245),
    "black": (15, 15, 15),
    "gray": (128, 128, 128),
    "brown": (120, 70, 30),
}
SIZES = {"small": 0.10, "medium": 0.15, "big": 0.22}  # shape "radius" as a fraction of the image side
# Shape centres as (x, y) fractions of the image, y pointing down.
POSITIONS: dict[str, tuple[float, float]] = {
    "top left": (0.25, 0.25), "top": (0.5, 0.25), "top right": (0.75, 0.25),
    "left": (0.25, 0.5), "center": (0.5, 0.5), "right": (0.75, 0.5),
    "bottom left": (0.25, 0.75), "bottom": (0.5, 0.75), "bottom right": (0.75, 0.75),
}
POSITION_PHRASES: dict[str, tuple[str, ...]] = {
    "top left": ("at the top left", "in the top left corner", "in the upper left"),
    "top": ("at the top", "at the top center"),
    "top right": ("at the top right", "in the top right corner", "in the upper right"),
    "left": ("on the left", "at the left"),
    "center": ("in the center", "in the middle"),
    "right": ("on the right", "at the right"),
    "bottom left": ("at the bottom left", "in the bottom left corner", "in the lower left"),
    "bottom": ("at the bottom", "at the bottom center"),
    "bottom right": ("at the bottom right", "in the bottom right corner", "in the lower right"),
}


@dataclass
class Scene:
    image: np.ndarray  # (SIZE, SIZE, 3) float32 in [0, 1]
    caption: str
    attributes: dict = field(default_factory=dict)


# ----------------------------------------------------------------------------------------------- drawing


class Canvas:
    """An RGB float canvas at SUPERSAMPLE x the native size; coordinates are fractions of the side."""

    def __init__(self, size: int = SIZE * SUPERSAMPLE):
        self.n = size
        c = (np.arange(size, dtype=np.float32) + 0.5) / size
        self.x = c[None, :]
        self.y = c[:, None]
        self.rgb = np.zeros((size, size, 3), np.float32)

    def paint(self, mask: np.ndarray, color, alpha: float = 1.0) -> None:
        m = (np.broadcast_to(mask, (self.n, self.n)).astype(np.float32) * alpha)[..., None]
        self.rgb *= 1.0 - m
        self.rgb += m * (np.asarray(color, np.float32) / 255.0)

    def vertical_gradient(self, top, bottom, y0: float = 0.0, y1: float = 1.0) -> np.ndarray:
        t = np.clip((self.y - y0) / max(y1 - y0, 1e-6), 0, 1)[..., None]
        img = (1 - t) * np.asarray(top, np.float32) + t * np.asarray(bottom, np.float32)
        return np.broadcast_to(img / 255.0, (self.n, self.n, 3))

    def disk(self, cx: float, cy: float, r: float) -> np.ndarray:
        return (self.x - cx) ** 2 + (self.y - cy) ** 2 <= r * r

    def polygon(self, pts: list[tuple[float, float]]) -> np.ndarray:
        """Even-odd point-in-polygon test, vectorised over the pixel grid."""
        inside = np.zeros((self.n, self.n), bool)
        xs, ys = np.broadcast_arrays(self.x, self.y)
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            if y0 == y1:
                continue
            crosses = (y0 > ys) != (y1 > ys)
            xcross = x0 + (ys - y0) * (x1 - x0) / (y1 - y0)
            inside ^= crosses & (xs < xcross)
        return inside

    def below(self, curve: np.ndarray) -> np.ndarray:
        """Mask of pixels below a curve y(x) given per column."""
        return self.y >= curve[None, :]

    def downsample(self) -> np.ndarray:
        s, n = SUPERSAMPLE, self.n // SUPERSAMPLE
        return self.rgb.reshape(n, s, n, s, 3).mean(axis=(1, 3))


def jitter(rng: np.random.Generator, color, amount: float = 12.0) -> np.ndarray:
    return np.clip(np.asarray(color, np.float32) + rng.normal(0, amount, 3), 0, 255)


def mix(a, b, t: float) -> np.ndarray:
    return (1 - t) * np.asarray(a, np.float32) + t * np.asarray(b, np.float32)


# -------------------------------------------------------------------------------------------- landscapes

SKY = {  # (zenith, horizon) colours
    "day": ((60, 120, 215), (175, 215, 245)),
    "sunset": ((70, 50, 125), (250, 140, 50)),
    "dusk": ((20, 25, 70), (140, 85, 125)),
    "night": ((4, 6, 22), (22, 32, 70)),
}
LIGHT = {"day": 1.0, "sunset": 0.7, "dusk": 0.4, "night": 0.22}  # how lit the ground is
WATER = {
    "day": ((45, 110, 185), (20, 60, 130)),
    "sunset": ((150, 80, 100), (45, 30, 80)),
    "dusk": ((60, 50, 100), (25, 25, 60)),
    "night": ((18, 25, 60), (6, 10, 30)),
}


def shade(color, time: str) -> np.ndarray:
    """Darken a daylight colour for the time of day, tinting it warm at sunset and blue at dusk/night."""
    tint = {"day": (1, 1, 1), "sunset": (1.1, 0.8, 0.75), "dusk": (0.8, 0.75, 1.0), "night": (0.7, 0.8, 1.2)}
    return np.clip(np.asarray(color, np.float32) * LIGHT[time] * np.asarray(tint[time]), 0, 255)


def draw_sky(cv: Canvas, rng: np.random.Generator, time: str, horizon: float) -> dict:
    top, bottom = (jitter(rng, c, 8) for c in SKY[time])
    cv.rgb = cv.vertical_gradient(top, bottom, 0.0, horizon).copy()
    info: dict = {"sun": None, "moon": None}
    if time == "day":
        sx, sy = rng.uniform(0.15, 0.85), rng.uniform(0.1, 0.3)
        cv.paint(cv.disk(sx, sy, 0.14), (255, 250, 220), 0.18)
        cv.paint(cv.disk(sx, sy, 0.065), (255, 248, 210))
        info["sun"] = (sx, sy)
    elif time == "sunset":
        sx, sy, r = rng.uniform(0.25, 0.75), horizon - rng.uniform(0.0, 0.1), rng.uniform(0.08, 0.12)
        d2 = (cv.x - sx) ** 2 + (cv.y - sy) ** 2
        cv.paint(np.exp(-d2 / 0.03), (255, 190, 90), 0.55)
        cv.paint(cv.disk(sx, sy, r), (255, 205, 90))
        info["sun"] = (sx, sy)
    if time in ("dusk", "night") and rng.random() < (0.85 if time == "night" else 0.5):
        mx, my, r = rng.uniform(0.15, 0.85), rng.uniform(0.1, 0.3), rng.uniform(0.045, 0.065)
        cv.paint(cv.disk(mx, my, r * 2.2), (200, 210, 240), 0.12)
        moon = cv.disk(mx, my, r)
        if rng.random() < 0.4:  # crescent
            moon &= ~cv.disk(mx + r * 0.6, my - r * 0.3, r)
        cv.paint(moon, (240, 238, 215))
        info["moon"] = (mx, my)
    return info


def draw_stars(img: np.ndarray, rng: np.random.Generator, time: str, horizon: float) -> None:
    """Stars go on the native-size image: one pixel each, so they stay sharp."""
    count = {"night": rng.integers(12, 30), "dusk": rng.integers(0, 6)}.get(time, 0)
    rows = max(1, int(horizon * SIZE) - 2)
    for _ in range(count):
        y, x = rng.integers(0, rows), rng.integers(0, SIZE)
        b = rng.uniform(0.55, 1.0)
        img[y, x] = np.maximum(img[y, x], b)


def draw_ocean(cv: Canvas, rng: np.random.Generator, time: str, horizon: float, sky: dict) -> None:
    top, bottom = WATER[time]
    water = cv.vertical_gradient(jitter(rng, top, 6), jitter(rng, bottom, 6), horizon, 1.0)
    depth = np.clip((cv.y - horizon) / (1 - horizon), 0, 1)
    freq, phase = rng.uniform(55, 75), rng.uniform(0, 2 * np.pi)
    waves = np.sin(freq * np.clip(cv.y - horizon, 0, None) ** 0.8 * 6 + 3 * np.sin(cv.x * 9 + phase) + phase)
    water = water * (1 + 0.12 * (0.3 + depth) * waves)[..., None]
    light = sky["sun"] or sky["moon"]
    if light is not None and time != "day":  # reflection column under the sun or moon
        lx = light[0]
        col = np.exp(-((cv.x - lx) ** 2) / (0.002 + 0.01 * depth)) * (waves > -0.2)
        glow = (255, 190, 90) if time == "sunset" else (220, 220, 200)
        water = water + col[..., None] * (np.asarray(glow, np.float32) / 255 - water) * 0.7
    m = (cv.y >= horizon)[..., None]
    cv.rgb = np.where(m, np.clip(water, 0, 1), cv.rgb)


def draw_beach(cv: Canvas, rng: np.random.Generator, time: str) -> float:
    base = rng.uniform(0.8, 0.88)
    edge = base + 0.03 * np.sin(cv.x[0] * rng.uniform(4, 9) + rng.uniform(0, 6))
    cv.paint(cv.below(edge - 0.012), shade((240, 245, 250), time), 0.8)  # foam
    cv.paint(cv.below(edge), shade(jitter(rng, (232, 208, 155)), time))
    return base


def draw_mountains(cv: Canvas, rng: np.random.Generator, time: str, horizon: float, snowy: bool) -> None:
    for layer in range(2):
        far = layer == 0
        n = rng.integers(2, 5)
        xs = np.sort(rng.uniform(-0.1, 1.1, n))
        heights = rng.uniform(0.25, 0.45, n) * (0.75 if far else 1.0)
        ridge = np.full(cv.n, horizon)
        for px, h in zip(xs, heights):  # each peak is a tent; the ridge is their maximum
            slope = rng.uniform(1.1, 1.6)
            ridge = np.minimum(ridge, horizon - h + slope * np.abs(cv.x[0] - px))
        rock = shade(jitter(rng, (125, 120, 140) if far else (95, 90, 100), 10), time)
        if far:
            rock = mix(rock, SKY[time][1], 0.35)
        body = cv.below(ridge) & (cv.y < horizon + 0.01)
        cv.paint(body, rock)
        if snowy:
            snow_line = (horizon - ridge) * 0.55
            cap = body & (cv.y < (ridge + 0.09 + 0.03 * np.sin(cv.x[0] * 40))[None, :]) & (snow_line > 0.08)[None, :]
            cv.paint(cap, shade((245, 248, 255), time))


def draw_hills(cv: Canvas, rng: np.random.Generator, time: str, horizon: float) -> None:
    for layer, green in enumerate(((95, 160, 75), (65, 135, 55))):
        amp, freq = rng.uniform(0.02, 0.06), rng.uniform(3, 7)
        curve = horizon + layer * 0.08 + amp * np.sin(cv.x[0] * freq + rng.uniform(0, 6))
        cv.paint(cv.below(curve), shade(jitter(rng, green, 10), time))


def draw_field(cv: Canvas, rng: np.random.Generator, time: str, horizon: float) -> None:
    cv.paint(cv.y >= horizon, shade(jitter(rng, (80, 145, 65), 10), time))


def draw_tree(cv: Canvas, x: float, base: float, h: float, time: str, rng: np.random.Generator) -> None:
    w = h * 0.32
    cv.paint((np.abs(cv.x - x) < w * 0.18) & (cv.y > base - h * 0.25) & (cv.y < base), shade((90, 60, 35), time))
    cv.paint(cv.polygon([(x, base - h), (x - w, base - h * 0.2), (x + w, base - h * 0.2)]),
             shade(jitter(rng, (30, 95, 45), 10), time))


def draw_trees(cv: Canvas, rng: np.random.Generator, time: str, horizon: float, count: int) -> None:
    xs = np.sort(rng.uniform(0.03, 0.97, count))
    for x in xs:
        base = horizon + rng.uniform(0.04, 0.3 if count < 8 else 0.12)
        draw_tree(cv, x, base, rng.uniform(0.12, 0.24), time, rng)
    if count >= 8:  # the forest floor in front of the trees
        draw_trees_row(cv, rng, time, horizon)


def draw_trees_row(cv: Canvas, rng: np.random.Generator, time: str, horizon: float) -> None:
    for x in np.linspace(-0.02, 1.02, rng.integers(8, 13)):
        draw_tree(cv, x + rng.uniform(-0.02, 0.02), rng.uniform(0.88, 0.98), rng.uniform(0.25, 0.36), time, rng)


def draw_lighthouse(cv: Canvas, rng: np.random.Generator, time: str, horizon: float) -> None:
    x = rng.choice([rng.uniform(0.12, 0.3), rng.uniform(0.7, 0.88)])
    base, top = horizon + rng.uniform(0.12, 0.22), horizon - rng.uniform(0.3, 0.4)
    cv.paint(cv.polygon([(x - 0.16, 1.01), (x - 0.1, base - 0.02), (x + 0.1, base - 0.02), (x + 0.16, 1.01)]),
             shade((70, 65, 60), time))  # rock
    tower = cv.polygon([(x - 0.055, base), (x - 0.035, top), (x + 0.035, top), (x + 0.055, base)])
    stripes = (np.floor((cv.y - top) / (base - top) * 4) % 2 == 0)
    cv.paint(tower, shade((245, 245, 240), time))
    cv.paint(tower & stripes, shade((200, 40, 40), time))
    lit = time in ("dusk", "night") or rng.random() < 0.3
    lamp = (255, 235, 140) if lit else shade((60, 60, 70), time)
    if lit:
        cv.paint(cv.disk(x, top - 0.035, 0.12), (255, 230, 140), 0.25)
    cv.paint((np.abs(cv.x - x) < 0.04) & (cv.y > top - 0.06) & (cv.y < top), lamp)
    cv.paint(cv.polygon([(x - 0.05, top - 0.06), (x, top - 0.11), (x + 0.05, top - 0.06)]), shade((40, 40, 45), time))


def draw_house(cv: Canvas, rng: np.random.Generator, time: str, horizon: float) -> None:
    x, base, w = rng.uniform(0.2, 0.8), horizon + rng.uniform(0.15, 0.25), rng.uniform(0.12, 0.17)
    wall = jitter(rng, [(235, 225, 200), (200, 80, 60), (150, 110, 70)][rng.integers(0, 3)])
    cv.paint((np.abs(cv.x - x) < w) & (cv.y > base - w * 1.3) & (cv.y < base), shade(wall, time))
    cv.paint(cv.polygon([(x - w * 1.2, base - w * 1.3), (x, base - w * 2.2), (x + w * 1.2, base - w * 1.3)]),
             shade((130, 40, 35), time))
    window = (255, 220, 120) if time in ("dusk", "night") else shade((90, 130, 170), time)
    cv.paint((np.abs(cv.x - x + w * 0.45) < w * 0.25) & (np.abs(cv.y - base + w * 0.75) < w * 0.25), window)


def make_landscape(rng: np.random.Generator) -> Scene:
    time = TIMES[rng.integers(0, len(TIMES))]
    ground = GROUNDS[rng.integers(0, len(GROUNDS))]
    horizon = rng.uniform(0.5, 0.66)
    cv = Canvas()
    sky = draw_sky(cv, rng, time, horizon)
    extras: set[str] = set()
    snowy = False
    if ground == "ocean":
        draw_ocean(cv, rng, time, horizon, sky)
        if rng.random() < 0.45:
            draw_beach(cv, rng, time)
            extras.add("beach")
        if rng.random() < 0.3:
            draw_lighthouse(cv, rng, time, horizon)
            extras.add("lighthouse")
    elif ground == "mountains":
        snowy = bool(rng.random() < 0.5)
        draw_mountains(cv, rng, time, horizon, snowy)
        if rng.random() < 0.4:
            draw_ocean(cv, rng, time, horizon, sky)
        else:
            draw_field(cv, rng, time, horizon)
        if rng.random() < 0.3:
            draw_trees(cv, rng, time, horizon, int(rng.integers(2, 6)))
            extras.add("trees")
    elif ground == "hills":
        draw_hills(cv, rng, time, horizon)
        if rng.random() < 0.4:
            draw_trees(cv, rng, time, horizon, int(rng.integers(2, 6)))
            extras.add("trees")
        if rng.random() < 0.4:
            draw_house(cv, rng, time, horizon)
            extras.add("house")
    else:
        draw_hills(cv, rng, time, horizon)
        draw_trees(cv, rng, time, horizon, int(rng.integers(8, 14)))
        if rng.random() < 0.25:
            draw_house(cv, rng, time, horizon)
            extras.add("house")
    img = cv.downsample()
    draw_stars(img, rng, time, horizon)
    caption = draw_caption(rng, lambda: phrasing.landscape_caption(rng, time, ground, extras, snowy,
                                                                   sky["moon"] is not None))
    attributes = {"kind": "landscape", "time": time, "ground": ground, "snowy": snowy,
                  "extras": sorted(extras), "horizon": float(horizon),
                  "sun": sky["sun"], "moon": sky["moon"]}
    return Scene(img, caption, attributes)


# ------------------------------------------------------------------------------------------------ shapes


def shape_mask(cv: Canvas, shape: str, cx: float, cy: float, r: float, angle: float) -> np.ndarray:
    if shape == "circle":
        return cv.disk(cx, cy, r)
    if shape == "square":
        s = r * 0.85
        return (np.abs(cv.x - cx) <= s) & (np.abs(cv.y - cy) <= s)
    if shape == "triangle":  # upright, centroid at the centre
        return cv.polygon([(cx + r * np.cos(a), cy - r * np.sin(a)) for a in np.pi / 2 + np.arange(3) * 2 * np.pi / 3])
    pts = []  # five-pointed star
    for i in range(10):
        a = np.pi / 2 + angle + i * np.pi / 5
        rr = r * 1.1 if i % 2 == 0 else r * 0.45
        pts.append((cx + rr * np.cos(a), cy - rr * np.sin(a)))
    return cv.polygon(pts)


def make_shape(rng: np.random.Generator) -> Scene:
    pick = lambda options: options[rng.integers(0, len(options))]  # noqa: E731
    names = list(COLORS)
    shape, color = pick(SHAPES), pick(names)
    background = pick([c for c in names if c != color])
    say_size, say_pos, say_bg = rng.random() < 0.6, rng.random() < 0.7, rng.random() < 0.8
    # Unstated attributes take a fixed default, so that "a red circle" has one clear answer.
    size = pick(("small", "big")) if say_size else "medium"
    position = pick(list(POSITIONS)) if say_pos else "center"
    px, py = POSITIONS[position]
    cx, cy = px + rng.uniform(-0.03, 0.03), py + rng.uniform(-0.03, 0.03)
    r = SIZES[size] * rng.uniform(0.9, 1.1)
    cv = Canvas()
    cv.rgb[:] = jitter(rng, COLORS[background]) / 255.0
    cv.paint(shape_mask(cv, shape, cx, cy, r, rng.uniform(-0.15, 0.15)), jitter(rng, COLORS[color]))

    said_size = size if say_size or rng.random() < 0.08 else None  # "medium" is said now and then
    caption = draw_caption(rng, lambda: phrasing.shape_caption(rng, shape, color, background if say_bg else None,
                                                               said_size, position if say_pos else None))
    attributes = {"kind": "shape", "shape": shape, "color": color, "background": background, "size": size,
                  "position": position, "center": (float(cx), float(cy)), "radius": float(r)}
    return Scene(cv.downsample(), caption, attributes)


def article_for(noun: str) -> str:
    return "an" if noun[0] in "aeiou" else "a"


def draw_caption(rng: np.random.Generator, phrase) -> str:
    """A caption from `phrase` that fits the text encoder (the grammar's longest wordings do not)."""
    while not phrasing.fits(caption := phrase()):
        pass
    return caption


def make_scene(rng: np.random.Generator, shape_fraction: float = 0.6) -> Scene:
    return make_shape(rng) if rng.random() < shape_fraction else make_landscape(rng)


def make_batch(rng: np.random.Generator, n: int, shape_fraction: float = 0.6) -> tuple[np.ndarray, list[str]]:
    """n scenes as a (n, 3, SIZE, SIZE) float32 array in [-1, 1] and their captions."""
    scenes = [make_scene(rng, shape_fraction) for _ in range(n)]
    images = np.stack([s.image for s in scenes]).transpose(0, 3, 1, 2)
    return (images * 2 - 1).astype(np.float32), [s.caption for s in scenes]
