"""Where a stretch of one text stands in the other, read from the comparison's passages.

Inside a passage, `same` segments are equal word for word and come in the same order on both
sides, so the k-th `same` segment of a passage in A is the k-th in B. A word in a `same` segment
has its counterpart at the same word of the other side; a word in a changed stretch between two
`same` segments has its counterpart somewhere in the stretch between their counterparts.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from reader.compare.model import SAME, Comparison, Segment, Side
from reader.text.tokens import TOKEN_RE


@dataclass(frozen=True)
class _Side:
    segments: tuple[Segment, ...]
    starts: list[int]
    owner: list[int | None]  # the passage each segment lies in (`only` inside a passage too)
    rank: list[int]  # for a `same` segment: its number among its passage's `same` segments
    extents: dict[int, tuple[int, int]]  # each passage's first and last offset on this side


class Places:
    def __init__(self, comparison: Comparison, text_a: str, text_b: str) -> None:
        self._texts = {"a": text_a, "b": text_b}
        self._sides = {side: _index(comparison, side) for side in ("a", "b")}
        # per passage: the `same` segments of each side, in order
        self._same: dict[Side, dict[int, list[Segment]]] = {
            side: _same_by_passage(self._sides[side]) for side in ("a", "b")
        }

    def counterpart(self, side: Side, start: int, end: int) -> tuple[int, int] | None:
        """The range of the other text that corresponds to text[start:end] of `side`, or None when
        it lies outside every passage (or the passage's two sides do not line up)."""
        lo = self._map(side, start, at_end=False)
        hi = self._map(side, max(start, end - 1), at_end=True)
        if lo is None or hi is None or lo[0] != hi[0]:
            return None
        return lo[1], max(lo[1], hi[2])

    def _map(self, side: Side, offset: int, at_end: bool) -> tuple[int, int, int] | None:
        """(passage, lo, hi) of the other side for one offset."""
        index = self._sides[side]
        k = bisect_right(index.starts, offset) - 1
        if k < 0:
            return None
        passage = index.owner[k]
        if passage is None:
            return None
        other: Side = "b" if side == "a" else "a"
        mine, theirs = self._same[side].get(passage, []), self._same[other].get(passage, [])
        if len(mine) != len(theirs):
            return None
        segment = index.segments[k]
        if segment.kind == SAME:
            counterpart = theirs[index.rank[k]]
            word = _words_before(self._texts[side], segment.start, offset)
            lo = _word_offset(self._texts[other], counterpart, word)
            return passage, lo, lo
        # a changed stretch: between the counterparts of the `same` segments around it
        before = bisect_right([s.end for s in mine], segment.start)
        extent = self._sides[other].extents[passage]
        lo = theirs[before - 1].end if before > 0 else extent[0]
        hi = theirs[before].start if before < len(theirs) else extent[1]
        return passage, lo, max(lo, hi)


def _index(comparison: Comparison, side: Side) -> _Side:
    segments = comparison.segments(side)
    extents = {}
    for segment in segments:
        if segment.passage is not None:
            lo, hi = extents.get(segment.passage, (segment.start, segment.end))
            extents[segment.passage] = (min(lo, segment.start), max(hi, segment.end))
    ordered = sorted((lo, hi, p) for p, (lo, hi) in extents.items())
    firsts = [lo for lo, _, _ in ordered]
    owner: list[int | None] = []
    rank: list[int] = []
    counts: dict[int, int] = {}
    for segment in segments:
        passage = segment.passage
        if passage is None:  # an insertion inside a passage belongs to it
            k = bisect_right(firsts, segment.start) - 1
            passage = ordered[k][2] if k >= 0 and segment.start < ordered[k][1] else None
        owner.append(passage)
        if segment.kind == SAME and passage is not None:
            rank.append(counts.get(passage, 0))
            counts[passage] = counts.get(passage, 0) + 1
        else:
            rank.append(-1)
    return _Side(segments, [s.start for s in segments], owner, rank, extents)


def _same_by_passage(index: _Side) -> dict[int, list[Segment]]:
    out: dict[int, list[Segment]] = {}
    for segment, passage in zip(index.segments, index.owner, strict=True):
        if segment.kind == SAME and passage is not None:
            out.setdefault(passage, []).append(segment)
    return out


def _words_before(text: str, start: int, offset: int) -> int:
    return sum(1 for m in TOKEN_RE.finditer(text, start, offset) if m.end() <= offset)


def _word_offset(text: str, segment: Segment, word: int) -> int:
    for n, m in enumerate(TOKEN_RE.finditer(text, segment.start, segment.end)):
        if n == word:
            return m.start()
    return segment.end
