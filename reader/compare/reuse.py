"""One passage of a text found at two places of the other: the second use is kept, marked `again`
on its shared side (result version 3: `Passage.reused`)."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from reader.compare import edges
from reader.compare.bags import Block, dice
from reader.compare.overlaps import Intervals, strength
from reader.compare.params import AlignParams

if TYPE_CHECKING:
    from reader.compare.blocks import Pair

Spans = list[tuple[int, int, Block]]  # (lo, hi, block) of one side of the passages, sorted


def reused_twice(checked: list[Block], blocks: list[Block], pair: Pair) -> list[Block]:
    """The blocks, with the second uses of passages added. A checked block that was dropped
    because one side of it is another passage's, while its other side is free, is that passage
    reused a second time (a source paragraph quoted at two places of the other text): it stays,
    marked `again` on its shared side. Its other side need only be free of stronger passages:
    weaker ones there (a few words that happened to pair with the copy while its source was
    taken) give way to it, as they would have to any stronger block."""
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
    dropped: set[int] = set()
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
        if over_a is not None and over_b is not None:
            shared = _shared_side(block, spans_a, spans_b, dropped)
            if shared is None:
                shared = _cut_holder(block, spans_a, spans_b, dropped, pair)
                if shared is None:
                    continue
                taken_a, taken_b = _taken(spans_a, dropped, out, len(wa), len(wb))
        elif over_a is not None:
            shared = "a"
        elif over_b is not None:
            shared = "b"
        else:
            continue
        # the two places of the other text that align with this one passage hold the same text
        # (half of a shuffled sentence, aligned beside its other half, does not)
        # (an exact run unique to both texts is its own evidence)
        first = (
            _holder(spans_a, block.a0, block.a1, dropped)
            if shared == "a"
            else _holder(spans_b, block.b0, block.b1, dropped)
        )
        if first is None or not (block.forced or _same_text(first, block, shared, wa, wb, p)):
            continue
        free_side = spans_b if shared == "a" else spans_a
        lo, hi = (block.b0, block.b1) if shared == "a" else (block.a0, block.a1)
        for _, _, weaker in _meeting(free_side, lo, hi, dropped):
            dropped.add(id(weaker))
            taken_a.remove(weaker.a0, weaker.a1)
            taken_b.remove(weaker.b0, weaker.b1)
        again = Block(block.a0, block.a1, block.b0, block.b1, block.dice, forced=block.forced, again=shared)
        if shared == "a":
            taken_b.add(block.b0, block.b1)
        else:
            taken_a.add(block.a0, block.a1)
        out.append(again)
    return [b for _, _, b in spans_a if id(b) not in dropped] + out


def _taken(
    spans_a: Spans, dropped: set[int], again: list[Block], n_a: int, n_b: int
) -> tuple[Intervals, Intervals]:
    """The words of both sides that passages hold: those kept, and the free sides of second uses."""
    taken_a, taken_b = Intervals(n_a), Intervals(n_b)
    for _, _, b in spans_a:
        if id(b) not in dropped:
            taken_a.add(b.a0, b.a1)
            taken_b.add(b.b0, b.b1)
    for b in again:
        if b.again == "a":
            taken_b.add(b.b0, b.b1)
        else:
            taken_a.add(b.a0, b.a1)
    return taken_a, taken_b


def _cut_holder(block: Block, spans_a: Spans, spans_b: Spans, dropped: set[int], pair: Pair) -> str | None:
    """The side `block` shares with the one passage it meets on both sides, when that passage runs
    on over a paragraph break into `block`'s other side (a chain of exact runs over the paragraph
    between the two copies): it is cut back at those breaks, in both texts, leaving `block` free
    there. `spans_a` and `spans_b` are updated in place."""
    for shared in ("a", "b"):
        free = spans_b if shared == "a" else spans_a
        lo, hi = (block.b0, block.b1) if shared == "a" else (block.a0, block.a1)
        meeting = _meeting(free, lo, hi, dropped)
        if len(meeting) != 1:
            continue
        holder = meeting[0][2]
        if (
            holder.forced
            or holder.again
            or _holder(
                spans_a if shared == "a" else spans_b,
                *((block.a0, block.a1) if shared == "a" else (block.b0, block.b1)),
                dropped,
            )
            is not holder
        ):
            continue
        cut = _cut_at_breaks(holder, lo, hi, shared, pair)
        if cut is None:
            continue
        for spans in (spans_a, spans_b):
            k = next(k for k, entry in enumerate(spans) if entry[2] is holder)
            spans[k] = (cut.a0, cut.a1, cut) if spans is spans_a else (cut.b0, cut.b1, cut)
        return shared
    return None


def _cut_at_breaks(holder: Block, lo: int, hi: int, shared: str, pair: Pair) -> Block | None:
    """`holder` cut at its paragraph breaks so that its free side (B when `shared` is "a") ends
    before [lo, hi) or starts after it, or None when no such cut leaves a passage as alike."""
    da, db = pair.da, pair.db
    free_doc, free0, free1 = (db, holder.b0, holder.b1) if shared == "a" else (da, holder.a0, holder.a1)
    own_doc, own0, own1 = (da, holder.a0, holder.a1) if shared == "a" else (db, holder.b0, holder.b1)
    if free0 < lo < free1 <= hi:  # its end runs into the copy
        free_end = edges.last_break_inside(free_doc, free0, lo)
        own_end = edges.last_break_inside(own_doc, own0, own1)
        if free_end is None or own_end is None:
            return None
        free_cut, own_cut = (free0, free_end + 1), (own0, own_end + 1)
    elif lo <= free0 < hi < free1:  # its start lies inside the copy
        free_start = edges.first_break_inside(free_doc, hi - 1, free1)
        own_start = edges.first_break_inside(own_doc, own0, own1)
        if free_start is None or own_start is None:
            return None
        free_cut, own_cut = (free_start + 1, free1), (own_start + 1, own1)
    else:
        return None
    a_side, b_side = (own_cut, free_cut) if shared == "a" else (free_cut, own_cut)
    cut = Block(*a_side, *b_side)
    if min(cut.a1 - cut.a0, cut.b1 - cut.b0) < pair.min_words:
        return None
    cut.dice = dice(pair.da.word_ids, pair.db.word_ids, cut.a0, cut.a1, cut.b0, cut.b1)
    return cut if cut.dice >= max(holder.dice, pair.p.merge_dice) else None


def _shared_side(block: Block, spans_a: Spans, spans_b: Spans, dropped: set[int]) -> str | None:
    """The side on which `block` meets a passage it may reuse, when the passages its other side
    meets are all weaker than it and free to give way (not forced, no second use themselves)."""
    for shared, other in (("a", spans_b), ("b", spans_a)):
        lo, hi = (block.b0, block.b1) if shared == "a" else (block.a0, block.a1)
        meeting = [m for _, _, m in _meeting(other, lo, hi, dropped)]
        if meeting and all(not m.forced and not m.again for m in meeting):
            if sum(strength(m) for m in meeting) < strength(block):
                return shared
    return None


def _meeting(
    spans: list[tuple[int, int, Block]], lo: int, hi: int, dropped: set[int]
) -> list[tuple[int, int, Block]]:
    """The entries of `spans` (sorted, disjoint: (lo, hi, block) of one side of the passages) that
    meet [lo, hi), those given way left out."""
    k = max(0, bisect.bisect_right(spans, (lo, lo)) - 1)
    out = []
    while k < len(spans) and spans[k][0] < hi:
        if spans[k][1] > lo and id(spans[k][2]) not in dropped:
            out.append(spans[k])
        k += 1
    return out


def _holder(spans: list[tuple[int, int, Block]], lo: int, hi: int, dropped: set[int]) -> Block | None:
    """Of the blocks of `spans` that meet [lo, hi), the one that overlaps it most."""
    best, best_overlap = None, 0
    for o_lo, o_hi, block in _meeting(spans, lo, hi, dropped):
        overlap = min(hi, o_hi) - max(lo, o_lo)
        if overlap > best_overlap:
            best, best_overlap = block, overlap
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
