"""One passage of a text found at two places of the other: the second use is kept, marked `again`
on its shared side (result version 3: `Passage.reused`)."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from reader.compare.bags import Block, dice
from reader.compare.overlaps import Intervals, strength
from reader.compare.params import AlignParams

if TYPE_CHECKING:
    from reader.compare.blocks import Pair


def reused_twice(checked: list[Block], blocks: list[Block], pair: Pair) -> list[Block]:
    """A checked block that was dropped because one side of it is another passage's, while its
    other side is free, is that passage reused a second time (a source paragraph quoted at two
    places of the other text): it stays, marked `again` on its shared side."""
    wa, wb, p = pair.da.word_ids, pair.db.word_ids, pair.p
    taken_a = Intervals(len(wa))
    taken_b = Intervals(len(wb))
    for b in blocks:
        taken_a.add(b.a0, b.a1)
        taken_b.add(b.b0, b.b1)
    kept = {(b.a0, b.a1, b.b0, b.b1) for b in blocks}
    spans_a = sorted(((b.a0, b.a1, b) for b in blocks), key=lambda x: x[:2])
    spans_b = sorted(((b.b0, b.b1, b) for b in blocks), key=lambda x: x[:2])
    out = []
    # a few words a text repeats (a headline's phrase again in the body) are no second use
    shortest = max(pair.min_words, p.protected_run)
    candidates = [
        b
        for b in checked
        if b.dice >= p.merge_dice
        and min(b.a1 - b.a0, b.b1 - b.b0) >= shortest
        and (b.a0, b.a1, b.b0, b.b1) not in kept
    ]
    for block in sorted(candidates, key=strength, reverse=True):
        over_a = taken_a.overlap(block.a0, block.a1)
        over_b = taken_b.overlap(block.b0, block.b1)
        if over_a is not None and over_b is None:
            shared = "a"
        elif over_b is not None and over_a is None:
            shared = "b"
        else:
            continue
        # the two places of the other text that align with this one passage hold the same text
        # (half of a shuffled sentence, aligned beside its other half, does not)
        # (an exact run unique to both texts is its own evidence)
        first = (
            _holder(spans_a, block.a0, block.a1) if shared == "a" else _holder(spans_b, block.b0, block.b1)
        )
        if first is None or not (block.forced or _same_text(first, block, shared, wa, wb, p)):
            continue
        again = Block(block.a0, block.a1, block.b0, block.b1, block.dice, forced=block.forced, again=shared)
        if shared == "a":
            taken_b.add(block.b0, block.b1)
        else:
            taken_a.add(block.a0, block.a1)
        out.append(again)
    return out


def _holder(spans: list[tuple[int, int, Block]], lo: int, hi: int) -> Block | None:
    """Of `spans` (sorted, disjoint: (lo, hi, block) of one side), the block that overlaps
    [lo, hi) most."""
    k = max(0, bisect.bisect_right(spans, (lo, lo)) - 1)
    best, best_overlap = None, 0
    while k < len(spans) and spans[k][0] < hi:
        o_lo, o_hi, block = spans[k]
        overlap = min(hi, o_hi) - max(lo, o_lo)
        if overlap > best_overlap:
            best, best_overlap = block, overlap
        k += 1
    return best


def _same_text(first: Block, again: Block, shared: str, wa: list[int], wb: list[int], p: AlignParams) -> bool:
    """The other side of `again` holds the same text as the part of `first` that its shared side
    aligns with (read off first's diagonal: the first passage may be much longer)."""
    if shared == "a":  # both are B's: compare B with B
        lo = first.b0 + max(0, again.a0 - first.a0)
        hi = min(first.b1, lo + (again.a1 - again.a0))
        return hi > lo and dice(wb, wb, lo, hi, again.b0, again.b1) >= p.merge_dice
    lo = first.a0 + max(0, again.b0 - first.b0)
    hi = min(first.a1, lo + (again.b1 - again.b0))
    return hi > lo and dice(wa, wa, lo, hi, again.a0, again.a1) >= p.merge_dice
