"""Calibration pictures for the Swift prompt-adherence checker (Tests/SparklerAdherence).

    cd training && .venv/bin/python adherence_samples.py --out /tmp/sparkler-adherence
    cd training && .venv/bin/python adherence_samples.py --out /tmp/sparkler-adherence-model \\
        --model runs/main/ckpt.pt --cfg 3

For every caption of the adherence suite (the same list as `AdherenceSuite.captions` in Swift), draws
`--per-caption` 32x32 scenes with scenes.py's own drawing code and the caption's attributes, or, with
`--model`, samples that many pictures from a checkpoint (DDIM, training/sample.py). Writes them as PNGs
plus `samples.json`: for each picture its file, the caption it was drawn for and mismatched captions
(swapped colours, another position, another time of day) that it should fail.

The Swift calibration test reads that folder when SPARKLER_ADHERENCE_SAMPLES names it:

    SPARKLER_ADHERENCE_SAMPLES=/tmp/sparkler-adherence swift test --filter AdherenceCalibration

`--outlines N` draws, instead of the suite, N random captions per shape and size (medium and big, random
colour, background and position) for the outline check in ShapeChecks.swift, mismatched against the
other three shapes (`--outlines 25 --per-caption 4`: 800 pictures, of which 798 pass their outline).

and prints the score of every picture against its true and mismatched captions; the checker's thresholds
were chosen from those numbers (AdherenceChecker.swift documents each one). Shapes are drawn as
`make_shape` draws them (same jitter of centre, radius and colours), with unstated attributes chosen the
way `make_shape` chooses them; landscapes are `make_landscape` pictures kept only when their time of day
and ground (and snow, when the caption says so) match the caption.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from PIL import Image

import scenes

# (caption, attributes to draw, mismatched captions). Shapes: shape, color, background (None = any, as
# make_shape picks it), size, position. Landscapes: time, ground, snowy (None = either).
SUITE: list[tuple[str, dict, list[str]]] = [
    ("a red circle on a blue background",
     dict(shape="circle", color="red", background="blue", size="medium", position="center"),
     ["a blue circle on a red background", "a red circle at the bottom right on a blue background"]),
    ("a blue circle on a red background",
     dict(shape="circle", color="blue", background="red", size="medium", position="center"),
     ["a red circle on a blue background", "a blue circle at the top left on a red background"]),
    ("a yellow star at the top left",
     dict(shape="star", color="yellow", background=None, size="medium", position="top left"),
     ["a yellow star at the bottom right", "a yellow star at the top right", "a purple star at the top left"]),
    ("a big green triangle at the bottom right on a white background",
     dict(shape="triangle", color="green", background="white", size="big", position="bottom right"),
     ["a big green triangle at the top left on a white background",
      "a big white triangle at the bottom right on a green background",
      "a small green triangle at the bottom right on a white background"]),
    ("a white background with a black square on the left",
     dict(shape="square", color="black", background="white", size="medium", position="left"),
     ["a white background with a black square on the right",
      "a black background with a white square on the left"]),
    ("a small pink circle at the top right on black",
     dict(shape="circle", color="pink", background="black", size="small", position="top right"),
     ["a small pink circle at the bottom left on black", "a big pink circle at the top right on black",
      "a small pink circle at the top on black"]),
    ("a large orange square at the top on a purple background",
     dict(shape="square", color="orange", background="purple", size="big", position="top"),
     ["a large orange square at the bottom on a purple background",
      "a large purple square at the top on an orange background"]),
    ("a green star in the lower left on a yellow background",
     dict(shape="star", color="green", background="yellow", size="medium", position="bottom left"),
     ["a green star in the upper right on a yellow background",
      "a yellow star in the lower left on a green background"]),
    ("a brown triangle at the bottom on a gray background",
     dict(shape="triangle", color="brown", background="gray", size="medium", position="bottom"),
     ["a brown triangle at the top on a gray background", "a gray triangle at the bottom on a brown background"]),
    ("a purple circle on the right on a white background",
     dict(shape="circle", color="purple", background="white", size="medium", position="right"),
     ["a purple circle on the left on a white background", "a white circle on the right on a purple background"]),
    ("a beautiful sunset over the ocean", dict(time="sunset", ground="ocean", snowy=None),
     ["the ocean at night", "the ocean during the day", "a forest at sunset"]),
    ("the sea on a sunny day", dict(time="day", ground="ocean", snowy=None),
     ["the sea at night", "the sea at sunset", "green hills on a sunny day"]),
    ("a starry night over the sea", dict(time="night", ground="ocean", snowy=None),
     ["the sea during the day", "the sea at sunset", "the sea at dusk"]),
    ("mountains with snow at night", dict(time="night", ground="mountains", snowy=True),
     ["mountains with snow during the day", "mountains with snow at sunset"]),
    ("snowy mountains at sunset", dict(time="sunset", ground="mountains", snowy=True),
     ["snowy mountains at night", "snowy mountains during the day"]),
    ("a forest during the day", dict(time="day", ground="forest", snowy=None),
     ["a forest at night", "a forest at sunset", "the ocean during the day"]),
    ("green hills at dusk", dict(time="dusk", ground="hills", snowy=None),
     ["green hills during the day", "green hills at sunset", "the sea at dusk"]),
]


def outline_suite(rng: np.random.Generator, count: int) -> list[tuple[str, dict, list[str]]]:
    """For the outline check: `count` captions per shape and size (medium, big), each with a random
    colour, background and position; the mismatches name each other shape."""
    suite = []
    names = list(scenes.COLORS)
    for shape in scenes.SHAPES:
        for size in ("medium", "big"):
            for _ in range(count):
                color = names[rng.integers(0, len(names))]
                background = [c for c in names if c != color][rng.integers(0, len(names) - 1)]
                position = list(scenes.POSITIONS)[rng.integers(0, len(scenes.POSITIONS))]
                words = f"{size + ' ' if size == 'big' else ''}{color}"
                caption = f"{scenes.article_for(words)} {words} {{}} {scenes.POSITION_PHRASES[position][0]} on {background}"
                suite.append((caption.format(shape),
                              dict(shape=shape, color=color, background=background, size=size, position=position),
                              [caption.format(other) for other in scenes.SHAPES if other != shape]))
    return suite


def draw_shape(rng: np.random.Generator, shape: str, color: str, background: str | None, size: str,
               position: str) -> np.ndarray:
    """make_shape's drawing with the attributes fixed (its random jitter kept)."""
    if background is None:
        background = [c for c in scenes.COLORS if c != color][rng.integers(0, len(scenes.COLORS) - 1)]
    px, py = scenes.POSITIONS[position]
    cx, cy = px + rng.uniform(-0.03, 0.03), py + rng.uniform(-0.03, 0.03)
    r = scenes.SIZES[size] * rng.uniform(0.9, 1.1)
    cv = scenes.Canvas()
    cv.rgb[:] = scenes.jitter(rng, scenes.COLORS[background]) / 255.0
    mask = scenes.shape_mask(cv, shape, cx, cy, r, rng.uniform(-0.15, 0.15))
    cv.paint(mask, scenes.jitter(rng, scenes.COLORS[color]))
    return cv.downsample()


def draw_landscape(rng: np.random.Generator, time: str, ground: str, snowy: bool | None) -> np.ndarray:
    """The first make_landscape picture with this time, ground (and snow) — the real distribution."""
    while True:
        scene = scenes.make_landscape(rng)
        a = scene.attributes
        if a["time"] == time and a["ground"] == ground and (snowy is None or a["snowy"] == snowy):
            return scene.image


def draw(rng: np.random.Generator, attributes: dict) -> np.ndarray:
    if "shape" in attributes:
        return draw_shape(rng, **attributes)
    return draw_landscape(rng, **attributes)


def sample_model(ckpt: Path, captions: list[str], seeds: int, steps: int, cfg: float) -> list[np.ndarray]:
    """seeds pictures per caption from a checkpoint, (H, W, 3) uint8 each, caption-major."""
    import torch

    from sample import ddim, load, to_uint8

    torch.set_num_threads(2)
    model, tok, _ = load(ckpt)
    images: list[np.ndarray] = []
    for caption in captions:
        ids = torch.tensor([tok.encode(caption).ids] * seeds)
        noise = torch.stack([torch.randn(3, 32, 32, generator=torch.Generator().manual_seed(s)) for s in range(seeds)])
        images.extend(to_uint8(ddim(model, ids, noise, steps, cfg)))
    return images


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, required=True, help="folder for the PNGs and samples.json (outside the repo)")
    p.add_argument("--per-caption", type=int, default=20)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--model", type=Path, help="sample this checkpoint instead of drawing scenes")
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--cfg", type=float, default=3.0)
    p.add_argument("--outlines", type=int, metavar="N",
                   help="instead of the suite, N random captions per shape and size (medium, big) for the "
                        "outline check, mismatched against the other shapes")
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    suite = outline_suite(np.random.default_rng(args.seed + 1), args.outlines) if args.outlines else SUITE
    captions = [caption for caption, _, _ in suite]
    if args.model:
        pictures = sample_model(args.model, captions, args.per_caption, args.steps, args.cfg)
    else:
        rng = np.random.default_rng(args.seed)
        pictures = [(draw(rng, attributes) * 255).round().astype(np.uint8)
                    for _, attributes, _ in suite for _ in range(args.per_caption)]

    samples = []
    source = "model" if args.model else "scene"
    for index, (caption, _, mismatches) in enumerate(suite):
        for k in range(args.per_caption):
            name = f"{source}_{index:03d}_{k:02d}.png"
            Image.fromarray(pictures[index * args.per_caption + k]).save(args.out / name)
            samples.append({"file": name, "caption": caption, "mismatches": mismatches})
    (args.out / "samples.json").write_text(json.dumps({"source": source, "samples": samples}, indent=1))
    print(f"wrote {len(samples)} pictures and samples.json to {args.out}")


if __name__ == "__main__":
    main()
