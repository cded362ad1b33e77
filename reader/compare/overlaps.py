"""Each word belongs to at most one passage: stronger blocks first, weaker ones clipped or dropped."""

from __future__ import annotations

import bisect
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

    def remove(self, lo: int, hi: int) -> None:
        """Forget the stored interval [lo, hi) (exactly one that was added)."""
        self.taken[lo:hi] = bytes(hi - lo)
        self.opens[lo] = 0
        self.closes[hi - 1] = 0


def clip(
    lo: int, hi: int, taken: tuple[int, int] | None, keep: tuple[tuple[int, int], ...] = ()
) -> tuple[int, int]:
    """The larger free part of [lo, hi) outside `taken` (which may cover one end or the middle);
    the part holding more of the `keep` ranges (exact runs a passage must not lose), if any."""
    if taken is None:
        return lo, hi
    t0, t1 = taken
    left = (lo, min(hi, t0))
    right = (max(lo, t1), hi)
    held_left = sum(max(0, min(e, left[1]) - max(s, left[0])) for s, e in keep)
    held_right = sum(max(0, min(e, right[1]) - max(s, right[0])) for s, e in keep)
    if held_left != held_right:
        return left if held_left > held_right else right
    return left if left[1] - left[0] >= right[1] - right[0] else right


def strength(block: Block) -> float:
    return block.dice * block.size()


def resolve_overlaps(
    blocks: Iterable[Block], wa: list[int], wb: list[int], p: AlignParams, kept_first: Iterable[Block] = ()
) -> list[Block]:
    """Blocks made disjoint in both texts. `kept_first` go in first as they are (blocks already
    settled); the others, strongest first, are clipped to what is free or dropped. A forced block
    (an exact run or paragraph unique to both texts) goes in before the rest. A block that would
    push out weaker ones which, side by side, explain more words than it does (a loose hull laid
    over two exact paragraphs that changed places) gives way to them."""
    settled = list(kept_first)
    taken_a, taken_b = Intervals(len(wa)), Intervals(len(wb))
    kept = []
    for block in settled:
        taken_a.add(block.a0, block.a1)
        taken_b.add(block.b0, block.b1)
        kept.append(block)
    ordered = sorted(blocks, key=lambda b: (b.forced, strength(b)), reverse=True)
    rivals = _Rivals(ordered)
    for rank, block in enumerate(ordered):
        rivals.done(rank)
        if not block.forced and rivals.outweigh(block, taken_a, taken_b):
            continue
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


RIVALS = 64  # at most this many weaker blocks are weighed against a stronger one


class _Rivals:
    """The blocks still to come, by their start in A, to find those a block would push out."""

    def __init__(self, ordered: list[Block]) -> None:
        self.ordered = ordered
        self.by_a = sorted(range(len(ordered)), key=lambda k: ordered[k].a0)
        self.starts = [ordered[k].a0 for k in self.by_a]
        self.pending = [True] * len(ordered)

    def done(self, rank: int) -> None:
        self.pending[rank] = False

    def outweigh(self, block: Block, taken_a: Intervals, taken_b: Intervals) -> bool:
        """Weaker blocks still to come that overlap `block` in A, are free and fit side by side
        (disjoint in both texts), explain more words together than `block` does."""
        # (looking back as far as it is wide: a scan from the widest block's width before would
        # cost the whole text on each call)
        lo = bisect.bisect_left(self.starts, block.a0 - (block.a1 - block.a0))
        hi = bisect.bisect_left(self.starts, block.a1)
        overlapping = [
            self.ordered[k]
            for k in self.by_a[lo:hi]
            if self.pending[k]
            and self.ordered[k].a1 > block.a0
            and taken_a.overlap(self.ordered[k].a0, self.ordered[k].a1) is None
            and taken_b.overlap(self.ordered[k].b0, self.ordered[k].b1) is None
        ]
        if len(overlapping) < 2:
            return False
        # the strongest that fit side by side, until they outweigh it (a bounded look: a block
        # over thousands of small ones is weighed against the strongest of them)
        chosen: list[Block] = []
        total, own = 0.0, strength(block)
        for other in sorted(overlapping, key=strength, reverse=True)[:RIVALS]:
            if all(_apart(other, c) for c in chosen):
                chosen.append(other)
                total += strength(other)
                if len(chosen) > 1 and total > own:
                    return True
        return False


def _apart(x: Block, y: Block) -> bool:
    return (x.a1 <= y.a0 or y.a1 <= x.a0) and (x.b1 <= y.b0 or y.b1 <= x.b0)
