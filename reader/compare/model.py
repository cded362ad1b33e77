"""The comparison result: plain frozen value types, the JSON contract of DESIGN.md section 2."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Literal, NamedTuple

from reader.compare.params import DEFAULT_PARAMS, AlignParams
from reader.text.normalize import NormalizeOptions

Kind = Literal["same", "changed", "only"]
Side = Literal["a", "b"]
SAME: Kind = "same"
CHANGED: Kind = "changed"
ONLY: Kind = "only"
# 2: `qarin compare --format json` gained `facts` (reader.facts); the comparison's own fields unchanged
# 3: passages may be reused (one passage of a text aligned at two places of the other: `reused`
# names the side they share, a segment lists every passage it belongs to in `passages`), and a
# reordered passage marks its same words found at another place with `reordered`.
RESULT_VERSION = 3


@dataclass(frozen=True)
class CompareOptions:
    """What counts as the same, and how long a passage must be to be shown."""

    normalize: NormalizeOptions = field(default_factory=NormalizeOptions)
    # A passage needs this many words unless it sits inside a longer aligned block.
    min_passage_words: int = 5
    align: AlignParams = DEFAULT_PARAMS  # the aligner's tuning (the evaluation sweeps it)

    def with_normalize(self, **changes: bool) -> CompareOptions:
        return replace(self, normalize=replace(self.normalize, **changes))


class Segment(NamedTuple):
    """A stretch of one text. Segments of a side tile the text with no gap and no overlap.

    A named tuple (as Meld's DiffChunk) rather than a dataclass: a million-word comparison makes
    hundreds of thousands of them, and a tuple is built several times faster."""

    start: int
    end: int
    kind: Kind
    passage: int | None  # index into Comparison.passages; None for `only`
    # For `changed`: the character ranges (absolute offsets) that differ from the counterpart.
    chars: tuple[tuple[int, int], ...] = ()
    # `same` words of a reordered passage that match their counterpart at another place in it
    reordered: bool = False
    also: tuple[int, ...] = ()  # the other passages this stretch belongs to (a passage reused)

    def to_dict(self) -> dict:
        out: dict = {"start": self.start, "end": self.end, "kind": self.kind, "passage": self.passage}
        if self.kind == CHANGED and self.chars:
            out["chars"] = [[s, e] for s, e in self.chars]
        if self.reordered:
            out["reordered"] = True
        if self.also:
            out["passages"] = [self.passage, *self.also]
        return out


@dataclass(frozen=True, slots=True)
class Passage:
    """One aligned block: a shared stretch of A and its counterpart in B."""

    a: tuple[int, int]
    b: tuple[int, int]
    moved: bool  # its order in B differs from its order in A
    similarity: float  # 0..1, share of the block's words that are equal
    reordered: bool = False  # its words are shared but reordered inside it (phrases, words)
    reused: Side | None = None  # that side is (partly) another passage's too: reused twice

    def span(self, side: Side) -> tuple[int, int]:
        return self.a if side == "a" else self.b

    def swapped(self) -> Passage:
        reused = {"a": "b", "b": "a"}.get(self.reused) if self.reused else None
        return Passage(self.b, self.a, self.moved, self.similarity, self.reordered, reused)

    def to_dict(self) -> dict:
        return {
            "a": list(self.a),
            "b": list(self.b),
            "moved": self.moved,
            "similarity": round(self.similarity, 4),
            "reordered": self.reordered,
            "reused": self.reused,
        }


@dataclass(frozen=True, slots=True)
class Stats:
    shared_a: float  # share of A's visible characters inside passages
    shared_b: float
    passages: int
    moved: int

    def swapped(self) -> Stats:
        return Stats(self.shared_b, self.shared_a, self.passages, self.moved)

    def to_dict(self) -> dict:
        return {
            "shared_a": round(self.shared_a, 4),
            "shared_b": round(self.shared_b, 4),
            "passages": self.passages,
            "moved": self.moved,
        }


@dataclass(frozen=True)
class Comparison:
    a_length: int
    b_length: int
    stats: Stats
    passages: tuple[Passage, ...]
    segments_a: tuple[Segment, ...]
    segments_b: tuple[Segment, ...]

    def segments(self, side: Side) -> tuple[Segment, ...]:
        return self.segments_a if side == "a" else self.segments_b

    def swapped(self) -> Comparison:
        """The same comparison seen from the other side (B as A), passages numbered in its order."""
        order = order_by_b(self.passages)
        segments_a, segments_b = self.segments_b, self.segments_a
        if order != list(range(len(order))):  # numbers change: a million words have 600k segments
            number = {old: new for new, old in enumerate(order)}
            segments_a, segments_b = _renumbered(segments_a, number), _renumbered(segments_b, number)
        return Comparison(
            self.b_length,
            self.a_length,
            self.stats.swapped(),
            swapped_passages(self.passages, order),
            segments_a,
            segments_b,
        )

    def to_dict(self) -> dict:
        return {
            "version": RESULT_VERSION,
            "a": {"length": self.a_length},
            "b": {"length": self.b_length},
            "stats": self.stats.to_dict(),
            "passages": [p.to_dict() for p in self.passages],
            "segments": {
                "a": [s.to_dict() for s in self.segments_a],
                "b": [s.to_dict() for s in self.segments_b],
            },
        }


def order_by_b(passages: Sequence[Passage]) -> list[int]:
    """Indices of the passages in the order of their B side: their numbers once the sides swap."""
    return sorted(range(len(passages)), key=lambda k: passages[k].b)


def swapped_passages(passages: Sequence[Passage], order: list[int]) -> tuple[Passage, ...]:
    """The passages taken in `order`, each with its two sides exchanged."""
    return tuple(p.swapped() for p in map(passages.__getitem__, order))


# Segment's own constructor goes through a Python-level __new__ (for the default fields): a million
# words make 600k segments, built from plain tuples instead.
make_segment = partial(tuple.__new__, Segment)


def _renumbered(segments: tuple[Segment, ...], number: dict[int, int]) -> tuple[Segment, ...]:
    """The segments with their passages renumbered (`only` segments have none and stay as they are)."""
    return tuple(
        [
            s
            if s[3] is None
            else make_segment((s[0], s[1], s[2], number[s[3]], s[4], s[5], tuple(number[k] for k in s[6])))
            for s in segments
        ]
    )
