"""Captions the way people write them, for the scenes `scenes.py` draws.

A caption is built from the scene's attributes by a small grammar rather than picked from a list of
whole templates: every concept has many wordings (`circle`, `ball`, `dot`; `at night`, `under a starry
sky`), optional parts come and go (size, position, background, a lead-in such as "a picture of", filler
adjectives), and the parts are put together in several orders ("a red ball in the top left on blue",
"blue background, small red dot top left", "in the top left corner, a red circle against a blue
backdrop"). Words that carry nothing the picture shows (picture, simple, beautiful) are trained as
filler, so a prompt that uses them is not pulled towards another scene.

The rules on meaning, which the pictures must keep true:
* every attribute a caption states is drawn (a colour, size, position, time of day, ground or extra);
* an unstated size is medium and an unstated position the centre (as before); an unstated background
  colour, ground or extra is any;
* a word names one thing: colour words in landscapes only for what is drawn in that colour (green
  hills, a blue day sky, an orange sunset), no landscape words in shapes, and no word here means
  different things in different captions except `star` (the shape, or the night's stars, which the
  neighbouring words tell apart as before).

`caption_words()` lists every word the grammar can produce: the model's vocabulary.
"""

from __future__ import annotations

import re

import numpy as np

MAX_WORDS = 20  # the text encoder's length; longer captions are drawn again

# ------------------------------------------------------------------------------------------------ shapes

SHAPE_NOUNS: dict[str, tuple[str, ...]] = {
    "circle": ("circle", "circle", "circle", "ball", "dot", "disc", "disk", "sphere", "orb", "round shape",
               "round dot", "spot", "circle shape"),
    "square": ("square", "square", "square", "box", "block", "tile", "cube", "square shape", "square block"),
    "triangle": ("triangle", "triangle", "triangle", "pyramid", "triangle shape", "triangular shape",
                 "triangular block"),
    "star": ("star", "star", "star", "five pointed star", "star shape", "five point star"),
}
COLOR_WORDS: dict[str, tuple[str, ...]] = {
    "red": ("red",), "green": ("green",), "blue": ("blue",), "yellow": ("yellow",), "orange": ("orange",),
    "purple": ("purple", "violet"), "pink": ("pink",), "white": ("white",), "black": ("black",),
    "gray": ("gray", "grey"), "brown": ("brown",),
}
COLOR_FILLERS = ("bright", "solid", "plain", "vivid", "pure")
SIZE_PHRASES: dict[str, tuple[str, ...]] = {
    "small": ("small", "small", "little", "tiny", "mini", "smallish", "very small", "small sized", "teeny"),
    "medium": ("medium", "medium sized", "mid sized", "normal sized", "average sized"),
    "big": ("big", "big", "large", "huge", "giant", "very big", "large sized", "enormous", "massive"),
}
CANVAS = ("picture", "image", "frame", "canvas")
VERTICAL = {"top": ("top", "upper"), "bottom": ("bottom", "lower")}
HORIZONTAL = {"left": ("left",), "right": ("right",)}


def pick(rng: np.random.Generator, options):
    return options[rng.integers(0, len(options))]


def chance(rng: np.random.Generator, p: float) -> bool:
    return bool(rng.random() < p)


def article(rng: np.random.Generator, phrase: str) -> str:
    a = "an" if phrase[0] in "aeiou" else "a"
    return pick(rng, ("one", "a single", "the", "just one", f"just {a}")) if chance(rng, 0.12) else a


def position_phrase(rng: np.random.Generator, position: str) -> str:
    """A phrase that puts something at one of the nine positions ("in the upper left", "down at the bottom")."""
    canvas = pick(rng, CANVAS)
    if position == "center":
        return pick(rng, ("in the center", "in the center", "in the middle", "in the middle", "centered",
                          f"in the middle of the {canvas}", f"in the center of the {canvas}", "right in the middle",
                          "in the centre", "dead center", f"centered in the {canvas}", "at the center"))
    parts = position.split(" ")
    if len(parts) == 2:
        v, h = pick(rng, VERTICAL[parts[0]]), parts[1]
        up_down = "up" if parts[0] == "top" else "down"
        return pick(rng, (f"at the {v} {h}", f"in the {v} {h}", f"in the {v} {h} corner", f"in the {v} {h} corner",
                          f"at the {v} {h} corner", f"{v} {h}", f"{v} {h} corner", f"near the {v} {h} corner",
                          f"in the {v} {h} of the {canvas}", f"{up_down} in the {v} {h}", f"{up_down} in the {v} {h} corner",
                          f"in the very {v} {h}", f"tucked in the {v} {h} corner", f"towards the {v} {h}",
                          f"in the {h} corner at the {parts[0]}", f"at the {parts[0]} on the {h}"))
    side = parts[0]
    if side in ("top", "bottom"):
        v = pick(rng, VERTICAL[side])
        up_down = "up" if side == "top" else "down"
        return pick(rng, (f"at the {side}", f"at the {side}", f"at the {side} center", f"at the {side} middle",
                          f"near the {side}", f"at the {side} of the {canvas}", f"along the {side}",
                          f"{up_down} at the {side}", f"in the {v} middle", f"{side} center", f"at the very {side}",
                          f"at the {side} edge", f"{up_down} near the {side}"))
    return pick(rng, (f"on the {side}", f"on the {side}", f"at the {side}", f"to the {side}", f"on the {side} side",
                      f"on the {side} hand side", f"off to the {side}", f"at the {side} edge",
                      f"on the {side} of the {canvas}", f"near the {side} edge", f"in the middle {side}",
                      f"on the {side} middle"))


def background_phrase(rng: np.random.Generator, color: str, leading: bool) -> str:
    """The background colour as said after the shape, or (leading) before it."""
    c = pick(rng, COLOR_WORDS[color])
    plain = pick(rng, ("", "", "", "plain ", "solid ", "flat "))
    a = "an" if (plain or c)[0] in "aeiou" else "a"
    if leading:
        return pick(rng, (f"{a} {plain}{c} background with", f"{a} {plain}{c} background with",
                          f"{plain}{c} background,", f"on {a} {plain}{c} background,", f"{a} {c} backdrop and",
                          f"against {a} {plain}{c} background,", f"{c} background and", f"{a} {c} wall with"))
    return pick(rng, (f"on {a} {plain}{c} background", f"on {a} {plain}{c} background", f"on {c}", f"on {c}",
                      f"against {a} {plain}{c} background", f"against {c}", f"on {a} {c} backdrop",
                      f"against {a} {c} backdrop", f"over {a} {c} background", f"with {a} {plain}{c} background",
                      f"{c} background", f"in front of {a} {c} wall", f"on {a} {c} wall", f"on {a} {c} page",
                      f"on {c} paper", f"on a field of {c}", f"surrounded by {c}", f"and the background is {c}",
                      f"the background is {c}", f"with {c} behind it", f"set against {c}",
                      f"with {c} all around it"))


def shape_caption(rng: np.random.Generator, shape: str, color: str, background: str | None, size: str | None,
                  position: str | None) -> str:
    """`size`, `position`, `background`: None when the caption leaves them unsaid."""
    noun = pick(rng, SHAPE_NOUNS[shape])
    c = pick(rng, COLOR_WORDS[color])
    colour_filler = pick(rng, COLOR_FILLERS) + " " if chance(rng, 0.08) else ""
    size_words = pick(rng, SIZE_PHRASES[size]) + " " if size else ""
    if chance(rng, 0.1):  # "a circle in red", "a red colored ball"
        body = pick(rng, (f"{size_words}{noun} in {c}", f"{size_words}{c} colored {noun}",
                          f"{size_words}{c} coloured {noun}"))
    else:
        body = f"{size_words}{colour_filler}{c} {noun}"
    thing = f"{article(rng, body)} {body}" if chance(rng, 0.85) else body
    where = position_phrase(rng, position) if position else ""
    lead_in = pick(rng, ("a picture of", "an image of", "a drawing of", "draw", "paint", "show me",
                         "a simple", "simple", "a flat icon of", "minimalist", "illustration of", "an icon of",
                         "a photo of", "please draw", "make")) if chance(rng, 0.15) else ""
    if lead_in.startswith("a ") and lead_in.split(" ")[1] in ("simple",):
        lead_in, thing = "", f"a simple {body}"  # "a simple red circle", never "a simple a red circle"
    if background is not None and chance(rng, 0.22):
        parts = [background_phrase(rng, background, leading=True), thing, where]
    else:
        tail = background_phrase(rng, background, leading=False) if background is not None else ""
        if where and chance(rng, 0.15):
            parts = [where + ",", thing, tail]  # "in the top left, a red circle on blue"
        elif where and tail and chance(rng, 0.2):
            parts = [thing, tail, where]
        else:
            parts = [thing, where, tail]
    return join(lead_in, *parts)


# -------------------------------------------------------------------------------------------- landscapes

TIME_PHRASES: dict[str, tuple[str, ...]] = {  # said after the scene: "the ocean at night"
    "day": ("during the day", "on a sunny day", "in the daytime", "at noon", "at midday", "on a clear day",
            "under a blue sky", "under a clear blue sky", "with a blue sky", "on a bright day",
            "in the afternoon", "on a sunny afternoon", "in bright sunlight", "in the sunshine",
            "with the sun shining", "under the sun", "on a summer day", "in daylight", "on a sunny morning"),
    "sunset": ("at sunset", "at sunset", "at sundown", "in the sunset", "during sunset", "as the sun sets",
               "with the setting sun", "under an orange sky", "under a sunset sky", "at golden hour",
               "with the sun going down", "in the orange glow of sunset"),
    "dusk": ("at dusk", "at dusk", "at twilight", "in the evening", "at nightfall", "after sunset",
             "under a purple sky", "in the evening light", "as night falls", "in the late evening",
             "at the end of the day"),
    "night": ("at night", "at night", "under the stars", "on a starry night", "in the moonlight",
              "under a starry sky", "by moonlight", "at midnight", "under a night sky", "on a dark night",
              "with stars in the sky", "in the dark", "at nighttime", "under a sky full of stars"),
}
TIME_NOUNS: dict[str, tuple[str, ...]] = {  # said before the scene: "a sunset over the ocean"
    "day": ("a sunny day", "a bright day", "a clear day", "daytime", "a summer day", "sunshine", "a blue sky"),
    "sunset": ("sunset", "sunset", "a sunset", "sundown", "a golden sunset", "an orange sunset", "the setting sun"),
    "dusk": ("dusk", "twilight", "evening", "nightfall", "a purple dusk"),
    "night": ("a starry night", "a clear night", "night", "the night sky", "a starry sky", "midnight",
              "a dark starry night"),
}
SKY_ALONE: dict[str, tuple[str, ...]] = {  # captions of the sky only; the ground is any
    "day": ("a clear blue sky", "a blue sky on a sunny day", "a sunny sky", "the sky at noon", "a bright day"),
    "sunset": ("a sunset sky", "a sunset", "a beautiful sunset", "an orange sky at sunset", "the sky at sunset",
               "sunset colors in the sky"),
    "dusk": ("a sky at dusk", "a twilight sky", "an evening sky", "the sky at twilight", "a purple evening sky"),
    "night": ("a starry night sky", "the night sky full of stars", "stars in the night sky", "a starry sky",
              "a night sky with stars", "the sky at night"),
}
GROUND_PHRASES: dict[str, tuple[str, ...]] = {
    "ocean": ("the ocean", "the ocean", "the sea", "the sea", "the waves", "a calm sea", "a calm ocean",
              "the open sea", "ocean waves", "the water", "a seascape", "the open ocean", "gentle waves",
              "the sea and waves"),
    "mountains": ("mountains", "the mountains", "rocky mountains", "a mountain range", "mountain peaks",
                  "tall mountains", "high peaks", "the peaks", "rugged mountains", "a range of mountains"),
    "snowy mountains": ("snowy mountains", "snow capped mountains", "snowy peaks", "mountains with snow",
                        "snow covered mountains", "snow covered peaks", "mountains covered in snow",
                        "snowy mountain peaks", "white snowy peaks", "a snowy mountain range"),
    "hills": ("green hills", "hills", "rolling hills", "a green valley", "a valley", "grassy hills",
              "a meadow", "green fields", "the countryside", "a hillside", "gentle hills",
              "rolling green hills", "a grassy valley"),
    "forest": ("a forest", "a pine forest", "the woods", "a forest of trees", "dense woods", "a woodland",
               "tall pine trees", "an evergreen forest", "a thick forest", "a forest of pine trees"),
}
EXTRA_PHRASES: dict[str, tuple[str, ...]] = {
    "lighthouse": ("a lighthouse", "a lighthouse", "a tall lighthouse", "an old lighthouse"),
    "house": ("a house", "a little house", "a cabin", "a cottage", "a small house", "a farmhouse", "a hut",
              "a wooden cabin", "a tiny house", "a home"),
    "trees": ("trees", "pine trees", "a few trees", "some trees", "a couple of trees", "a few pine trees"),
    "beach": ("a beach", "a sandy beach", "the beach", "sand", "the shore", "a sandy shore"),
}
MOON_PHRASES = ("the moon", "a full moon", "the moon and stars", "a bright moon", "a big moon", "the full moon")
NEAR = ("by", "near", "with", "next to", "beside", "on", "overlooking", "along")
LANDSCAPE_LEAD_INS = ("a picture of", "a painting of", "an image of", "a photo of", "a view of",
                      "a landscape of", "a landscape with", "scenery with", "a drawing of", "a scene of",
                      "a peaceful", "a beautiful", "a pretty", "a quiet", "a lovely", "a nice", "a calm view of",
                      "draw", "show me")


def landscape_caption(rng: np.random.Generator, time: str, ground: str, extras: set[str], snowy: bool,
                      moon: bool) -> str:
    if chance(rng, 0.06):
        return pick(rng, SKY_ALONE[time])
    subject = pick(rng, GROUND_PHRASES["snowy mountains" if snowy else ground])
    if snowy and chance(rng, 0.1):
        subject = f"{pick(rng, GROUND_PHRASES['mountains'])} in winter"
    if "beach" in extras and chance(rng, 0.5):
        subject = pick(rng, ("the beach", "a beach", "a sandy beach", "the beach by the sea", "the shore",
                             "a sandy beach by the ocean", "the seashore", "the coast"))
    with_parts = [pick(rng, EXTRA_PHRASES[extra]) for extra in ("lighthouse", "house", "trees", "beach")
                  if extra in extras and extra not in subject and not ("beach" == extra and "shore" in subject)
                  and chance(rng, 0.85)]
    if moon and chance(rng, 0.5):
        with_parts.append(pick(rng, MOON_PHRASES))
    if with_parts and chance(rng, 0.5):  # "a lighthouse by the sea" puts an extra first
        lead = with_parts.pop(0)
        subject = f"{lead} {pick(rng, NEAR)} {subject}"
    joiner = pick(rng, (" and ", " and ", ", ", " with "))
    extra = f" {pick(rng, ('with', 'with', 'and'))} {joiner.join(with_parts)}" if with_parts else ""
    lead_in = pick(rng, LANDSCAPE_LEAD_INS) if chance(rng, 0.3) else ""
    frame = rng.random()
    if frame < 0.25:  # "a sunset over the ocean"
        time_noun = pick(rng, TIME_NOUNS[time])
        if lead_in.split(" ")[0] in ("a", "an") and len(lead_in.split(" ")) == 2:  # "a peaceful sunset"
            time_noun = time_noun.split(" ", 1)[-1] if time_noun.split(" ")[0] in ("a", "an") else time_noun
        return join(lead_in, time_noun, pick(rng, ("over", "over", "over", "above", "at")), subject + extra)
    if frame < 0.35:  # "at night, a lighthouse by the sea"
        return join(lead_in, pick(rng, TIME_PHRASES[time]) + ",", subject + extra)
    if lead_in.split(" ")[0] in ("a", "an") and len(lead_in.split(" ")) == 2:  # "a peaceful calm sea"
        words = subject.split(" ")
        subject = " ".join(words[1:]) if words[0] in ("a", "an", "the") else subject
    separator = pick(rng, (" ", " ", " ", ", "))
    return join(lead_in, f"{subject}{extra}{separator}{pick(rng, TIME_PHRASES[time])}")


# ------------------------------------------------------------------------------------------------ common


def join(*parts: str) -> str:
    text = " ".join(p.strip() for p in parts if p and p.strip())
    return re.sub(r"\s+,", ",", text).strip(" ,")


def words_of(text: str) -> list[str]:
    return [w for w in re.split(r"[^a-z]+", text.lower()) if w]


def fits(caption: str) -> bool:
    return len(words_of(caption)) <= MAX_WORDS


def concept_words() -> dict[str, str]:
    """Word -> the scene word it stands for ("ball" -> "circle", "midnight" -> "night"), for the words
    that appear in the wordings of exactly one concept: a grown vocabulary starts them from that
    concept's embedding."""
    seen: dict[str, set[str]] = {}
    for table in (SHAPE_NOUNS, COLOR_WORDS, SIZE_PHRASES, TIME_PHRASES, TIME_NOUNS, SKY_ALONE, GROUND_PHRASES,
                  EXTRA_PHRASES):
        for concept, phrases in table.items():
            for phrase in phrases:
                for word in words_of(phrase):
                    seen.setdefault(word, set()).add(concept.split(" ")[-1])
    return {word: next(iter(concepts)) for word, concepts in seen.items() if len(concepts) == 1}


def caption_words() -> set[str]:
    """Every word any caption can contain (the tables hold every phrase the grammar uses, plus the
    connecting words written in the functions above, collected from a large sample by the tokenizer)."""
    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, str):
            found.update(words_of(value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (tuple, list)):
            for v in value:
                walk(v)

    for table in (SHAPE_NOUNS, COLOR_WORDS, COLOR_FILLERS, SIZE_PHRASES, CANVAS, VERTICAL, HORIZONTAL,
                  TIME_PHRASES, TIME_NOUNS, SKY_ALONE, GROUND_PHRASES, EXTRA_PHRASES, MOON_PHRASES, NEAR,
                  LANDSCAPE_LEAD_INS):
        walk(table)
    return found
