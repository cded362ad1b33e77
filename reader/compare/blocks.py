"""From the words two texts share to passages, in named stages (`build_blocks`):

1. candidates: exact runs chained in order, and rare words clustered on a fine grid (anchors.py);
2. check: each candidate grown over equal words, snapped to paragraph edges, tightened to where
   its word-bag Dice is highest, kept when it is alike (edges.py);
3. edges: what overreaches a paragraph break is cut back, edges that cut a sentence grow to it;
4. overlaps: stronger blocks first, weaker ones clipped (overlaps.py);
5. coarse: rare words nothing claimed, on coarser grids that keep dense cells only: passages whose
   words were reordered all through;
6. reordered: pieces of one passage reordered inside one paragraph become one passage (reorder.py);
7. neighbours: blocks next to each other in both texts, with little between, merge.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from reader.compare import edges
from reader.compare.anchors import (
    Candidate,
    Coverage,
    Matches,
    chain_candidates,
    coarse_levels,
    exact_runs,
    grid_candidates,
    rare_anchors,
    split_at_widest_gap,
    wide_enough,
)
from reader.compare.bags import Block, dice, dice_at_least
from reader.compare.overlaps import Intervals, clip, resolve_overlaps, strength
from reader.compare.params import AlignParams
from reader.compare.prepare import Document
from reader.compare.reorder import merge_reordered


@dataclass(frozen=True)
class Pair:
    """The two sides of a comparison and what the stages need to know of their words."""

    da: Document
    db: Document
    stop_ids: set[int]
    stop_flags: bytes  # a byte per id: nonzero for function words (and punctuation)
    sentence_ends: frozenset[int]  # ids of . ? ! ؟
    p: AlignParams
    min_words: int


def build_blocks(pair: Pair) -> list[Block]:
    da, db, p = pair.da, pair.db, pair.p
    wa, wb = da.word_ids, db.word_ids
    matches = exact_runs(da, db, pair.stop_flags, p)
    paragraphs = unique_paragraphs(pair)
    candidates = chain_candidates(matches.runs, p)
    # only a chain with real weight claims its text; a few scattered one-word runs (a shuffled
    # sentence) leave it to the grid, and a paragraph found whole needs no clusters
    solid = [(c.a0, c.a1, c.b0, c.b1) for c in candidates if c.exact >= p.solid_chain]
    solid += [(b.a0, b.a1, b.b0, b.b1) for b in paragraphs]
    covered_a = Coverage([(a0, a1) for a0, a1, _, _ in solid])
    covered_b = Coverage([(b0, b1) for _, _, b0, b1 in solid])
    loose = rare_anchors(da, db, matches, pair.stop_ids, covered_a, covered_b, p)
    candidates += grid_candidates(loose, p.grid, 1, p.split_gap)
    if paragraphs:  # what lies inside a paragraph found whole is that paragraph's already
        inside = _Inside(paragraphs)
        candidates = [c for c in candidates if not inside.holds(c)]
    checked = join_overlapping(shape_edges(check_candidates(candidates, pair), pair), pair)
    blocks = resolve_overlaps(checked + paragraphs, wa, wb, p)
    # later stages only add words to forced blocks, never cut them
    blocks, repeats = protect_runs(blocks, matches, pair)
    blocks = add_coarse(blocks, matches, pair)
    blocks = merge_reordered(blocks, pair)
    # pieces too short to be passages on their own would only stand between real neighbours
    blocks = [b for b in blocks if b.forced or min(b.a1 - b.a0, b.b1 - b.b0) >= pair.min_words]
    blocks = merge_neighbours(blocks, wa, wb, p)
    blocks = [b for b in blocks if b.forced or _passes(b, pair)]
    return blocks + reused_twice(checked + repeats, blocks, pair)


class _Inside:
    """Whether a candidate lies inside one of some disjoint blocks, on both sides."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = sorted(blocks, key=lambda b: b.a0)
        self.starts = [b.a0 for b in self.blocks]

    def holds(self, c: Candidate) -> bool:
        k = bisect.bisect_right(self.starts, c.a0) - 1
        if k < 0:
            return False
        b = self.blocks[k]
        return c.a1 <= b.a1 and b.b0 <= c.b0 and c.b1 <= b.b1


def _passes(block: Block, pair: Pair) -> bool:
    words = pair.min_words
    return block.a1 - block.a0 >= words and block.b1 - block.b0 >= words and block.dice >= pair.p.min_dice


def check_candidates(candidates: list[Candidate], pair: Pair) -> list[Block]:
    """Each candidate shaped (grown over equal words, snapped to paragraph edges, tightened) and
    kept when its words are alike; one that is not is split at its widest gap and tried again."""
    da, db, p = pair.da, pair.db, pair.p
    wa, wb = da.word_ids, db.word_ids
    blocks = []
    pending = list(candidates)
    while pending:
        c = pending.pop()
        if not wide_enough(c):  # (a half of a split cluster may be)
            continue
        if c.exact and c.exact == c.a1 - c.a0 == c.b1 - c.b0 < pair.min_words:
            # one short exact run, maximal already: a piece, never a passage alone, with nothing to
            # grow or tighten (texts made of many small reordered pieces have tens of thousands)
            blocks.append(Block(c.a0, c.a1, c.b0, c.b1, 1.0, solid=True))
            continue
        block = edges.extend(Block(c.a0, c.a1, c.b0, c.b1), wa, wb)
        snapped = edges.snap_to_paragraphs(Block(block.a0, block.a1, block.b0, block.b1), da, db, p)
        if 2 * c.exact >= p.min_dice * snapped.size() + 4 and edges.solid_edges(c, p):
            # a chain that starts and ends on exact runs of several words has no stray edge to
            # cut, and its exact words alone clear the bar: no word bags to count (long texts)
            snapped.dice = 2 * c.exact / snapped.size()
            snapped.solid = True
            blocks.append(snapped)
            continue
        edges.tighten(block, wa, wb, p)
        if block.dice >= p.min_dice:
            block = edges.restore_snapped(block, snapped, da, db)
            block.dice = dice(wa, wb, block.a0, block.a1, block.b0, block.b1)
            blocks.append(block)
            continue
        halves = split_at_widest_gap(c)
        if halves:
            pending.extend(halves)
    return blocks


def shape_edges(blocks: list[Block], pair: Pair) -> list[Block]:
    """Cut back what overreaches a paragraph break; grow edges that cut a sentence to its edge."""
    da, db, p = pair.da, pair.db, pair.p
    blocks = [edges.trim_overreach(block, da, db, p) for block in blocks]
    if all(block.solid for block in blocks):  # (solid blocks never grow: no starts needed)
        return blocks
    starts_a = edges.sentence_starts(da, pair.sentence_ends)
    starts_b = edges.sentence_starts(db, pair.sentence_ends)
    return [
        edges.grow_to_sentences(block, starts_a, starts_b, da.word_ids, db.word_ids, p) for block in blocks
    ]


def join_overlapping(blocks: list[Block], pair: Pair) -> list[Block]:
    """Two checked blocks that overlap in one text and follow each other closely in the other are
    often halves of one passage (a shuffled sentence whose rare words fell in two clusters): their
    hull replaces them when it is more alike than either."""
    wa, wb, p = pair.da.word_ids, pair.db.word_ids, pair.p
    widest = 4 * p.grid  # the halves of a sentence, not whole paragraphs
    solid = [b for b in blocks if b.solid]  # exact chains are whole already
    blocks = [b for b in blocks if not b.solid]
    for by_b in (False, True):
        ordered = sorted(blocks, key=(lambda b: (b.b0, b.a0)) if by_b else (lambda b: (b.a0, b.b0)))
        alive = [True] * len(ordered)
        for k, block in enumerate(ordered):
            if not alive[k]:
                continue
            j = k + 1
            while j < len(ordered) and _start(ordered[j], by_b) <= _end(block, by_b) + p.split_gap:
                other = ordered[j]
                if alive[j] and _overlap_other(block, other, by_b):
                    a0, a1 = min(block.a0, other.a0), max(block.a1, other.a1)
                    b0, b1 = min(block.b0, other.b0), max(block.b1, other.b1)
                    if max(a1 - a0, b1 - b0) > widest:  # longer reorderings are the coarse grids'
                        j += 1
                        continue
                    score = dice(wa, wb, a0, a1, b0, b1)
                    if score > max(block.dice, other.dice):
                        block = ordered[k] = Block(a0, a1, b0, b1, score)
                        alive[j] = False
                j += 1
        blocks = [b for b, keep in zip(ordered, alive, strict=True) if keep]
    return solid + blocks


def _start(block: Block, by_b: bool) -> int:
    return block.b0 if by_b else block.a0


def _end(block: Block, by_b: bool) -> int:
    return block.b1 if by_b else block.a1


def _overlap_other(x: Block, y: Block, by_b: bool) -> bool:
    """x and y overlap in the other text than the one they are ordered by."""
    if by_b:
        return x.a0 < y.a1 and y.a0 < x.a1
    return x.b0 < y.b1 and y.b0 < x.b1


def add_coarse(blocks: list[Block], matches: Matches, pair: Pair) -> list[Block]:
    """Rare words that no block claims, clustered on coarser grids that keep only dense cells: a
    long passage whose words were reordered all through leaves no run and no fine cluster, but its
    rare words crowd one coarse cell. The blocks found so far keep their words."""
    levels = coarse_levels(pair.p)
    if not levels or not blocks and not matches.runs:
        return blocks
    da, db, p = pair.da, pair.db, pair.p
    covered_a = Coverage([(b.a0, b.a1) for b in blocks])
    covered_b = Coverage([(b.b0, b.b1) for b in blocks])
    loose = rare_anchors(da, db, matches, pair.stop_ids, covered_a, covered_b, p)
    if len(loose) < levels[0][1]:
        return blocks
    wa, wb = da.word_ids, db.word_ids
    found: list[Block] = []
    # coarsest first: the anchors a block found already holds are no more clustered finer
    for cell, min_count, split_gap in reversed(levels):
        if found:
            held_a = Coverage([(f.a0, f.a1) for f in found])
            held_b = Coverage([(f.b0, f.b1) for f in found])
            loose = [x for x in loose if not (held_a.holds(x[0]) and held_b.holds(x[1]))]
        for c in grid_candidates(loose, cell, min_count, split_gap):
            if any(f.a0 <= c.a0 and c.a1 <= f.a1 and f.b0 <= c.b0 and c.b1 <= f.b1 for f in found):
                continue
            block = edges.fit_bags(Block(c.a0, c.a1, c.b0, c.b1), wa, wb, p)
            if (
                block.dice >= p.shuffled_dice
                and min(block.a1 - block.a0, block.b1 - block.b0) >= pair.min_words
            ):
                found.append(block)

    # forced passages and exact chains of a protected run's length keep their words; a coarse
    # block competes with the rest (stray matches of a few words inside a reordered passage) by
    # the words it explains
    def settled_block(b: Block) -> bool:
        return b.forced or b.solid and min(b.a1 - b.a0, b.b1 - b.b0) >= p.protected_run

    settled = [b for b in blocks if settled_block(b)]
    loose_blocks = [b for b in blocks if not settled_block(b)]
    if not found:
        return blocks
    return resolve_overlaps(found + loose_blocks, wa, wb, p, kept_first=settled)


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


def merge_neighbours(blocks: list[Block], wa: list[int], wb: list[int], p: AlignParams) -> list[Block]:
    """Join disjoint blocks that are neighbours in both texts with a small gap, if the hull stays
    similar; a block that stands between them in either text (a moved paragraph) keeps them apart."""
    rank_b = {id(b): rank for rank, b in enumerate(sorted(blocks, key=lambda b: (b.b0, b.a0)))}
    blocks.sort(key=lambda b: (b.a0, b.b0))
    merged: list[Block] = []
    last_rank = -2
    gap = p.max_merge_gap
    for block in blocks:
        rank, previous_rank, last_rank = rank_b[id(block)], last_rank, rank_b[id(block)]
        if merged and rank == previous_rank + 1:  # neighbours in both texts: nothing between them
            prev = merged[-1]
            gap_a = block.a0 - prev.a1
            gap_b = block.b0 - prev.b1
            in_order = block.b0 >= prev.b0 and block.b1 >= prev.b1 and block.a1 >= prev.a1
            if in_order and -gap <= gap_a <= gap and -gap <= gap_b <= gap:
                a0, a1 = prev.a0, max(prev.a1, block.a1)
                b0, b1 = prev.b0, max(prev.b1, block.b1)
                # the words the two share, each in itself, are a lower bound of what their hull
                # shares: enough to settle most merges without counting a long hull's words again
                # (a chain of merges would count its growing hull once per piece)
                known = prev.dice * prev.size() + block.dice * block.size()
                hull = (a1 - a0) + (b1 - b0)
                apart = gap_a >= 0 and gap_b >= 0  # (overlapping pieces: the bound counts words twice)
                bounded = apart and hull and known >= p.merge_dice * hull
                score = known / hull if bounded else dice(wa, wb, a0, a1, b0, b1)
                gaps = max(0, gap_a) + max(0, gap_b)
                # each block with the gap it would take in must itself be shared material, so a
                # stray pair of shared words next to a passage does not stretch it
                if (
                    score >= p.merge_dice
                    and (
                        apart
                        and prev.dice * prev.size() >= p.min_dice * (prev.size() + gaps)
                        or dice_at_least(
                            p.min_dice, wa, wb, a0, max(prev.a1, block.a0), b0, max(prev.b1, block.b0)
                        )
                    )
                    and (
                        apart
                        and block.dice * block.size() >= p.min_dice * (block.size() + gaps)
                        or dice_at_least(
                            p.min_dice, wa, wb, min(prev.a1, block.a0), a1, min(prev.b1, block.b0), b1
                        )
                    )
                ):
                    merged[-1] = Block(
                        a0,
                        a1,
                        b0,
                        b1,
                        score,
                        forced=prev.forced or block.forced,
                        reordered=prev.reordered or block.reordered,
                    )
                    continue
        merged.append(block)
    return merged
