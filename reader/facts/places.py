"""Where a stretch of one text stands in the other, read from the comparison's passages.

Each passage's two sides are lined up word by word (`alignment`). A word in an equal stretch has
its counterpart at the same word of the other side; a word in a differing stretch has its
counterpart somewhere in what the other side says there.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

from reader.compare.model import Comparison, Side
from reader.facts.alignment import Stretch, align, extents
from reader.text.tokens import TOKEN_RE


class Places:
    def __init__(self, comparison: Comparison, text_a: str, text_b: str) -> None:
        self._comparison = comparison
        self._texts = {"a": text_a, "b": text_b}
        self._aligned: dict[int, list[Stretch]] = {}

    @cached_property
    def _extents(self) -> dict[str, list[tuple[int, int]]]:
        return {side: extents(self._comparison, side) for side in ("a", "b")}

    @cached_property
    def _order(self) -> dict[str, tuple[list[int], list[int]]]:
        """Per side: passage starts in text order, and the passage of each."""
        out = {}
        for side in ("a", "b"):
            order = sorted(range(len(self._extents[side])), key=lambda k: self._extents[side][k])
            out[side] = ([self._extents[side][k][0] for k in order], order)
        return out

    def stretches(self, passage: int) -> list[Stretch]:
        if passage not in self._aligned:
            self._aligned[passage] = align(
                self._texts["a"],
                self._extents["a"][passage],
                self._texts["b"],
                self._extents["b"][passage],
            )
        return self._aligned[passage]

    def counterpart(self, side: Side, start: int, end: int) -> tuple[int, int] | None:
        """The range of the other text that corresponds to text[start:end] of `side`, or None when
        it lies outside every passage."""
        passage = self._passage_at(side, start)
        if passage is None or self._passage_at(side, max(start, end - 1)) != passage:
            return None
        other = "b" if side == "a" else "a"
        lo = hi = None
        for stretch in self.stretches(passage):
            mine, theirs = getattr(stretch, side), getattr(stretch, other)
            if mine[0] >= end or mine[1] <= start:
                continue
            if stretch.op == "equal":
                first = self._mapped(side, stretch, max(start, mine[0]))
                last = self._mapped(side, stretch, min(end, mine[1]) - 1)
                lo = first if lo is None else min(lo, first)
                hi = last if hi is None else max(hi, last)
            else:
                lo = theirs[0] if lo is None else min(lo, theirs[0])
                hi = theirs[1] if hi is None else max(hi, theirs[1])
        if lo is None:
            return None
        return lo, max(lo, hi)

    def uses(self, side: Side, start: int, end: int) -> int:
        """How many times the other text uses text[start:end] of `side`: once, plus once for each
        passage that takes it a second time (the engine's `reused` passages)."""
        again = sum(
            1
            for passage, (lo, hi) in zip(self._comparison.passages, self._extents[side], strict=True)
            if passage.reused == side and lo < end and start < hi
        )
        return 1 + again

    def _passage_at(self, side: Side, offset: int) -> int | None:
        starts, order = self._order[side]
        k = bisect_right(starts, offset) - 1
        if k < 0:
            return None
        passage = order[k]
        lo, hi = self._extents[side][passage]
        return passage if lo <= offset < hi else None

    def _mapped(self, side: Side, stretch: Stretch, offset: int) -> int:
        """The other side's offset of the word at `offset` in an equal stretch."""
        other = "b" if side == "a" else "a"
        mine, theirs = getattr(stretch, side), getattr(stretch, other)
        words = sum(1 for m in TOKEN_RE.finditer(self._texts[side], mine[0], offset + 1))
        for n, m in enumerate(TOKEN_RE.finditer(self._texts[other], theirs[0], theirs[1]), start=1):
            if n == words:
                return m.start()
        return theirs[1]
