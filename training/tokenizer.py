"""Word-level tokenizer: lowercase, split on anything that is not a letter, look each word up.

The vocabulary is every word the caption grammar (phrasing.py) can write (sorted, so it is stable), after two special
ids: 0 = <pad> (fills the caption up to MAX_LENGTH; the empty caption used for classifier-free guidance is
all pads) and 1 = <unk> (a word the model never saw; such words are reported, never silently dropped).
Captions longer than MAX_LENGTH words are truncated (also reported).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

import phrasing
import scenes

PAD, UNK = "<pad>", "<unk>"
MAX_LENGTH = 20
SPLIT = re.compile(r"[^a-z]+")


def words(text: str) -> list[str]:
    return [w for w in SPLIT.split(text.lower()) if w]


@dataclass
class Encoded:
    ids: list[int]  # always MAX_LENGTH long
    unknown: list[str]  # words not in the vocabulary, in caption order
    truncated: list[str]  # words past MAX_LENGTH


class Tokenizer:
    def __init__(self, vocab: list[str], max_length: int = MAX_LENGTH):
        assert vocab[:2] == [PAD, UNK]
        self.vocab = vocab
        self.index = {w: i for i, w in enumerate(vocab)}
        self.max_length = max_length

    @classmethod
    def from_scenes(cls, samples: int = 20000, seed: int = 1234) -> "Tokenizer":
        """Every word of the caption grammar's tables, plus the connecting words a large seeded sample of
        captions uses."""
        rng = np.random.default_rng(seed)
        seen: set[str] = phrasing.caption_words()
        for _ in range(samples):
            seen.update(words(scenes.make_scene(rng).caption))
        seen.update(scenes.COLORS, scenes.SHAPES, scenes.TIMES, scenes.GROUNDS)
        return cls([PAD, UNK] + sorted(seen))

    @classmethod
    def load(cls, path: Path) -> "Tokenizer":
        data = json.loads(Path(path).read_text())
        return cls(data["vocab"], data["max_length"])

    def save(self, path: Path) -> None:
        data = {
            "type": "word-level",
            "lowercase": True,
            "split_regex": SPLIT.pattern,
            "max_length": self.max_length,
            "pad_id": 0,
            "unk_id": 1,
            "empty_caption": "all pad ids",
            "vocab": self.vocab,
        }
        Path(path).write_text(json.dumps(data, indent=1) + "\n")

    def encode(self, text: str) -> Encoded:
        ws = words(text)
        kept, truncated = ws[: self.max_length], ws[self.max_length:]
        ids = [self.index.get(w, 1) for w in kept]
        unknown = [w for w in kept if w not in self.index]
        return Encoded(ids + [0] * (self.max_length - len(ids)), unknown, truncated)

    def encode_batch(self, texts: list[str]) -> np.ndarray:
        return np.array([self.encode(t).ids for t in texts], dtype=np.int64)
