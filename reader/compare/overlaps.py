"""Each word belongs to at most one passage: stronger blocks first, weaker ones clipped or dropped."""

from __future__ import annotations

from collections.abc import Iterable

from reader.compare.bags import Block, dice
from reader.compare.params import AlignParams


class Intervals:
    """Disjoint, non-empty half-open intervals of word positions, for overlap checks. A byte per
    word says whether an interval holds it (and which words open and close one): a check scans
    the few bytes of a block's own words, where a sorted list of 15k intervals (a million words)
    paid for every insertion in its middle."""

    def __init__(self, n_words: int) -> None:
        self.taken = bytearray(n_words)
        self.opens = bytearray(n_words)  # 1 on the first word of each interval
        self.closes = bytearray(n_words)  # 1 on the last word of each interval

    def overlap(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The union bounds of stored intervals meeting [lo, hi), or None."""
        first = self.taken.find(1, lo, hi)
        if first < 0:
            return None
        last = self.taken.rfind(1, lo, hi)
        return self.opens.rfind(1, 0, first + 1), self.closes.find(1, last) + 1

    def add(self, lo: int, hi: int) -> None:
        self.taken[lo:hi] = b"\x01" * (hi - lo)
        self.opens[lo] = 1
        self.closes[hi - 1] = 1


def clip(lo: int, hi: int, taken: tuple[int, int] | None) -> tuple[int, int]:
    """The larger free part of [lo, hi) outside `taken` (which may cover one end or the middle)."""
    if taken is None:
        return lo, hi
    t0, t1 = taken
    left = (lo, min(hi, t0))
    right = (max(lo, t1), hi)
    return left if left[1] - left[0] >= right[1] - right[0] else right


def strength(block: Block) -> float:
    return block.dice * block.size()


def resolve_overlaps(
    blocks: Iterable[Block], wa: list[int], wb: list[int], p: AlignParams, kept_first: Iterable[Block] = ()
) -> list[Block]:
    """Blocks made disjoint in both texts. `kept_first` go in first as they are (blocks already
    settled); the others, strongest first, are clipped to what is free or dropped. A forced block
    (an exact run or paragraph unique to both texts) is never clipped: it goes in before the rest."""
    settled = list(kept_first)
    taken_a, taken_b = Intervals(len(wa)), Intervals(len(wb))
    kept = []
    for block in settled:
        taken_a.add(block.a0, block.a1)
        taken_b.add(block.b0, block.b1)
        kept.append(block)
    for block in sorted(blocks, key=lambda b: (b.forced, strength(b)), reverse=True):
        overlap_a = taken_a.overlap(block.a0, block.a1)
        overlap_b = taken_b.overlap(block.b0, block.b1)
        if overlap_a is not None or overlap_b is not None:  # (most blocks meet no stronger one)
            a0, a1 = clip(block.a0, block.a1, overlap_a)
            b0, b1 = clip(block.b0, block.b1, overlap_b)
            if a1 - a0 < 2 or b1 - b0 < 2 or taken_a.overlap(a0, a1) or taken_b.overlap(b0, b1):
                continue
            clipped = Block(a0, a1, b0, b1, dice(wa, wb, a0, a1, b0, b1), reordered=block.reordered)
            if clipped.dice < p.min_dice:
                continue
            block = clipped
        taken_a.add(block.a0, block.a1)
        taken_b.add(block.b0, block.b1)
        kept.append(block)
    kept.sort(key=lambda b: b.a0)
    return kept
