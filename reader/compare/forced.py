"""Forced passages: what is shared for certain, whatever surrounds it, found before any cluster
and only grown by later stages.

- A paragraph that occurs exactly once in each text (word for word, or as a bag of words in
  another order), with two content words at least.
- An exact run of protected_run words or more unique to both texts: the blocks around it yield
  its words (`make_room`), keeping the runs they hold themselves.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from reader.compare.anchors import Matches
from reader.compare.bags import Block, dice
from reader.compare.overlaps import Intervals, clip, strength
from reader.compare.prepare import Document

if TYPE_CHECKING:
    from reader.compare.blocks import Pair


def unique_paragraphs(pair: Pair) -> list[Block]:
    """A paragraph that occurs exactly once in each text, word for word (folded, punctuation
    too), with at least two content words, is one passage however short: a subheading, a list
    item or a line of verse moved alone is found wherever it went. So is one whose words another
    paragraph holds in another order, once in each text: one reordered passage."""
    da, db = pair.da, pair.db
    in_a, in_b = _paragraphs(da), _paragraphs(db)
    found = []
    for key, (j0, j1, count) in in_b.items():
        if count == 1 and key in in_a and in_a[key][2] == 1:
            i0, i1, _ = in_a[key]
            if sum(da.content[i0:i1]) >= 2:
                found.append(Block(i0, i1, j0, j1, 1.0, forced=True))
    # the same words in another order (a paragraph whose words or phrases were shuffled): only
    # paragraphs whose length and sum of word ids (order-free, summed at C speed) meet are sorted
    rest_a = {k for k in in_a if k not in in_b}
    rest_b = {k for k in in_b if k not in in_a}
    sums_a = {k: _sum_key(in_a[k], da.word_ids) for k in rest_a}
    sums_b = {k: _sum_key(in_b[k], db.word_ids) for k in rest_b}
    meeting = set(sums_a.values()) & set(sums_b.values())
    rest_a = {k for k in rest_a if sums_a[k] in meeting}
    rest_b = {k for k in rest_b if sums_b[k] in meeting}
    bags_a = _bags(in_a, rest_a, da.word_ids)
    for key, (j0, j1, count) in _bags(in_b, rest_b, db.word_ids).items():
        if count == 1 and key in bags_a and bags_a[key][2] == 1:
            i0, i1, _ = bags_a[key]
            if sum(da.content[i0:i1]) >= 2:
                found.append(Block(i0, i1, j0, j1, 1.0, forced=True, reordered=True))
    return found


def _sum_key(paragraph: tuple[int, int, int], word_ids: list[int]) -> tuple[int, int]:
    start, end, _ = paragraph
    return end - start, sum(word_ids[start:end])


def _bags(paragraphs: dict, keys: set, word_ids: list[int]) -> dict[tuple[int, ...], tuple[int, int, int]]:
    """The paragraphs of `keys` by their words as a bag (sorted)."""
    out: dict[tuple[int, ...], tuple[int, int, int]] = {}
    for key in keys:
        start, end, count = paragraphs[key]
        bag_key = tuple(sorted(word_ids[start:end]))
        seen = out.get(bag_key)
        out[bag_key] = (start, end, count + (seen[2] if seen else 0))
    return out


def _paragraphs(doc: Document) -> dict[str | tuple[int, ...], tuple[int, int, int]]:
    """Each paragraph's tokens (their keys, from the first word to the last) -> (first word, end,
    how many paragraphs hold exactly these tokens). Slices of key_text: hashed at C speed."""
    out: dict[str | tuple[int, ...], tuple[int, int, int]] = {}
    start = 0
    key_text, word_tokens, ids = doc.key_text, doc.word_tokens, doc.ids
    exact = chr(0x10FFFF) not in key_text  # (past a million distinct words ids share a code point)
    for end in doc.paragraph_ends:
        if end < start:
            continue
        first, last = word_tokens[start], word_tokens[end] + 1
        key = key_text[first:last] if exact else tuple(ids[first:last])
        seen = out.get(key)
        out[key] = (start, end + 1, seen[2] + 1 if seen else 1)
        start = end + 1
    return out


def protect_runs(blocks: list[Block], matches: Matches, pair: Pair) -> tuple[list[Block], list[Block]]:
    """An exact run of protected_run words or more, its words occurring once in each text and two
    of them content words at least, lies in ONE passage on both sides, whatever surrounds it: one
    the blocks left out or cut in two becomes a passage of its own, the blocks around it yielding
    its words (it merges with its neighbours later, as any block). A paragraph break on either side
    ends a run: what follows it belongs to the next paragraph, which may be aligned elsewhere."""
    p = pair.p
    length = p.protected_run
    content = pair.da.content  # (a run of function words alone is no shared text)
    runs = [
        run
        for run in matches.runs
        if run[3] and run[2] >= length and sum(content[run[0] : run[0] + run[2]]) >= 2
    ]
    if not runs:
        return blocks, []
    starts = sorted((b.a0, k) for k, b in enumerate(blocks))

    def held(i: int, j: int, n: int) -> bool:
        """A block holds the run whole on both sides, where its alignment puts it (a block that
        pairs the run's words in A with other words of B only happens to span its copy): it is
        a passage, however short."""
        k = bisect.bisect_right(starts, (i, len(blocks))) - 1
        holder = blocks[starts[k][1]] if k >= 0 else None
        if holder is None or not (holder.a1 >= i + n and holder.b0 <= j and j + n <= holder.b1):
            return False
        drift = abs((j - holder.b0) - (i - holder.a0))
        if not holder.reordered and drift > max(p.chain_gap, (holder.size() // 8)):
            return False
        holder.forced = True
        return True

    holds = [held(i, j, n) for i, j, n, _ in runs]
    lost = [
        Block(i, i + n, j, j + n, 1.0, forced=True)
        for run, kept in zip(runs, holds, strict=True)
        if not kept  # (most are: a passage holding a run holds its pieces)
        for i, j, n, _ in _within_paragraphs(run, pair)
        if n >= length and not held(i, j, n)
    ]
    if not lost:
        return blocks, []
    # runs on crossing diagonals may overlap (a stock sentence two reports put in different
    # paragraphs): one already in a passage, then the longer, is kept
    kept_runs = [run for run, kept in zip(runs, holds, strict=True) if kept]
    held_a = sorted((i, i + n) for i, j, n, _ in kept_runs)
    held_b = sorted((j, j + n) for i, j, n, _ in kept_runs)
    taken_a, taken_b = Intervals(len(pair.da.word_ids)), Intervals(len(pair.db.word_ids))
    disjoint, repeats = [], []
    for run in sorted(lost, key=lambda b: b.a1 - b.a0, reverse=True):
        shared_a, shared_b = _meets(run.a0, run.a1, held_a), _meets(run.b0, run.b1, held_b)
        if shared_a != shared_b:
            # its words on one side are in a passage already, paired elsewhere: on the other side
            # they are a second use of them (checked against the final blocks at the end)
            run.again = "a" if shared_a else "b"
            repeats.append(run)
            continue
        if shared_a:
            continue
        if taken_a.overlap(run.a0, run.a1) is None and taken_b.overlap(run.b0, run.b1) is None:
            taken_a.add(run.a0, run.a1)
            taken_b.add(run.b0, run.b1)
            disjoint.append(run)
    kept_runs_by_block = [(i, i + n, j, j + n) for i, j, n, _ in kept_runs]
    return make_room(blocks, disjoint, pair, kept_runs_by_block), repeats


def _meets(lo: int, hi: int, spans: list[tuple[int, int]]) -> bool:
    """One of the sorted `spans` overlaps [lo, hi)."""
    k = max(0, bisect.bisect_left(spans, (lo, lo)) - 1)
    while k < len(spans) and spans[k][0] < hi:
        if spans[k][1] > lo:
            return True
        k += 1
    return False


def _within_paragraphs(run: tuple[int, int, int, bool], pair: Pair) -> list[tuple[int, int, int, bool]]:
    """The run cut at the paragraph breaks of either text."""
    i, j, n, unique = run
    cuts = {0, n}
    for doc, start in ((pair.da, i), (pair.db, j)):
        ends = doc.paragraph_ends
        k = bisect.bisect_left(ends, start)
        while k < len(ends) and ends[k] < start + n - 1:
            cuts.add(ends[k] + 1 - start)
            k += 1
    bounds = sorted(cuts)
    return [(i + lo, j + lo, hi - lo, unique) for lo, hi in zip(bounds, bounds[1:], strict=False)]


def make_room(
    blocks: list[Block], forced: list[Block], pair: Pair, held: list[tuple[int, int, int, int]] = ()
) -> list[Block]:
    """`blocks` with `forced` (disjoint among themselves) put in. A block that meets forced ones
    takes them in when its hull with them stays as alike (the run was cut off its edge); else it
    keeps its larger part outside them on each side, or goes when too little is left."""
    wa, wb, p = pair.da.word_ids, pair.db.word_ids, pair.p
    held = sorted(held)
    held_starts = [r[0] for r in held]
    by_a = sorted(forced, key=lambda b: b.a0)
    starts_a = [b.a0 for b in by_a]
    by_b = sorted(forced, key=lambda b: b.b0)
    starts_b = [b.b0 for b in by_b]
    absorbed: set[int] = set()
    out, hulls = [], []
    for block in sorted(blocks, key=strength, reverse=True):
        meeting = {id(f): f for f in _meeting_runs(by_a, starts_a, block.a0, block.a1, False)}
        meeting.update((id(f), f) for f in _meeting_runs(by_b, starts_b, block.b0, block.b1, True))
        meeting = {k: f for k, f in meeting.items() if k not in absorbed}
        if not meeting:
            out.append(block)
            continue
        if not all(_beside(block, f, p.split_gap) for f in meeting.values()):
            out.append(block)  # a run that pairs other places: the block will be clipped
            continue
        hull = Block(
            min(block.a0, *(f.a0 for f in meeting.values())),
            max(block.a1, *(f.a1 for f in meeting.values())),
            min(block.b0, *(f.b0 for f in meeting.values())),
            max(block.b1, *(f.b1 for f in meeting.values())),
            forced=True,
            reordered=block.reordered,
        )
        hull.dice = dice(wa, wb, hull.a0, hull.a1, hull.b0, hull.b1)
        # (a run cut off the block's edge fits it; one that pairs other places spoils it)
        alike = hull.dice >= max(p.merge_dice, block.dice - p.hull_loss)
        if alike and not _holds_other(hull, by_a, starts_a, meeting):
            absorbed.update(meeting)
            hulls.append(hull)
            continue
        out.append(block)  # clipped below, once every block has had its chance to take runs in
    kept = [f for f in forced if id(f) not in absorbed]
    taken_a, taken_b = Intervals(len(wa)), Intervals(len(wb))
    for block in kept + hulls:
        taken_a.add(block.a0, block.a1)
        taken_b.add(block.b0, block.b1)
    final = kept + hulls
    # every other block, a forced one (a unique paragraph, a holder of another run) too, yields
    for block in out:
        over_a = taken_a.overlap(block.a0, block.a1)
        over_b = taken_b.overlap(block.b0, block.b1)
        if over_a is None and over_b is None:
            final.append(block)
            continue
        k = bisect.bisect_left(held_starts, block.a0)
        inside = []
        while k < len(held) and held[k][0] < block.a1:
            r = held[k]
            if r[1] <= block.a1 and block.b0 <= r[2] and r[3] <= block.b1:
                inside.append(r)
            k += 1
        for piece in _cut(block, over_a, over_b, inside):
            a0, a1, b0, b1 = piece
            if a1 - a0 < 2 or b1 - b0 < 2 or taken_a.overlap(a0, a1) or taken_b.overlap(b0, b1):
                continue
            score = dice(wa, wb, a0, a1, b0, b1)
            if score >= p.min_dice or any(piece[0] <= r[0] and r[1] <= piece[1] for r in inside):
                final.append(Block(a0, a1, b0, b1, score, forced=block.forced, reordered=block.reordered))
    final.sort(key=lambda b: b.a0)
    return final


def _cut(
    block: Block,
    over_a: tuple[int, int] | None,
    over_b: tuple[int, int] | None,
    held: list[tuple[int, int, int, int]],
) -> list[tuple[int, int, int, int]]:
    """What is left of a block where forced runs take [over_a) and [over_b): its larger part on
    each side, or, when the cut falls between runs the block holds on both of its sides, two
    pieces, each with its runs (the block keeps its alignment on either side of the cut)."""
    for side, over in (("b", over_b), ("a", over_a)):
        if over is None or not held:
            continue
        lo, hi = (block.b0, block.b1) if side == "b" else (block.a0, block.a1)
        first, second = (2, 3) if side == "b" else (0, 1)
        before = [r for r in held if r[second] <= over[0]]
        after = [r for r in held if r[first] >= over[1]]
        if before and after and over[0] > lo and over[1] < hi:
            other_first, other_second = (0, 1) if side == "b" else (2, 3)
            split = max(r[other_second] for r in before)
            if split <= min(r[other_first] for r in after):
                if side == "b":
                    return [(block.a0, split, lo, over[0]), (split, block.a1, over[1], hi)]
                return [(lo, over[0], block.b0, split), (over[1], hi, split, block.b1)]
    a0, a1 = clip(block.a0, block.a1, over_a, tuple((r[0], r[1]) for r in held))
    b0, b1 = clip(block.b0, block.b1, over_b, tuple((r[2], r[3]) for r in held))
    return [(a0, a1, b0, b1)]


def _beside(block: Block, run: Block, gap: int) -> bool:
    """The run overlaps the block, or lies within `gap` words of it, in both texts, and where the
    block's alignment would put it (as far from the block's start in one text as in the other)."""
    near = run.a0 <= block.a1 + gap and block.a0 <= run.a1 + gap and run.b0 <= block.b1 + gap
    aligned = abs((run.a0 - block.a0) - (run.b0 - block.b0)) <= max(gap, block.size() // 8)
    return near and block.b0 <= run.b1 + gap and (aligned or block.reordered)


def _meeting_runs(runs: list[Block], starts: list[int], lo: int, hi: int, side_b: bool) -> list[Block]:
    """The runs (sorted by their start on that side, disjoint) that overlap [lo, hi) there."""
    k = max(0, bisect.bisect_left(starts, lo) - 1)
    out = []
    while k < len(runs) and starts[k] < hi:
        run = runs[k]
        if (run.b1 if side_b else run.a1) > lo:
            out.append(run)
        k += 1
    return out


def _holds_other(hull: Block, by_a: list[Block], starts_a: list[int], meeting: dict[int, Block]) -> bool:
    """A forced run other than those being taken in lies inside the hull in A."""
    return any(id(run) not in meeting for run in _meeting_runs(by_a, starts_a, hull.a0, hull.a1, False))
