"""From the words two texts share to passages, in named stages (`build_blocks`):

1. candidates: exact runs chained in order, and rare words clustered on a fine grid (anchors.py);
2. check: each candidate grown over equal words, snapped to paragraph edges, tightened to where
   its word-bag Dice is highest, kept when it is alike (edges.py); halves of one passage that
   overlap in one text are joined;
3. overlaps: stronger blocks first, weaker ones clipped, a block giving way to weaker ones that
   explain more side by side (overlaps.py); paragraphs unique to both texts go in forced;
4. forced runs: exact runs of protected_run words unique to both texts (forced.py);
5. coarse: rare words nothing claimed, on coarser grids that keep dense cells only: passages whose
   words were reordered all through;
6. reordered: pieces of one passage reordered inside one paragraph become one passage (reorder.py);
7. neighbours: blocks next to each other in both texts, with little between, merge;
8. used twice: a checked block dropped for one side only is a second use of a passage (reuse.py).
"""

from __future__ import annotations

import bisect
from collections import Counter
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
from reader.compare.forced import protect_runs, unique_paragraphs
from reader.compare.overlaps import resolve_overlaps
from reader.compare.params import AlignParams
from reader.compare.prepare import Document
from reader.compare.reorder import merge_reordered
from reader.compare.reuse import reused_twice


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
    return reused_twice(checked + repeats, blocks, pair)


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
    often pieces of one passage (a shuffled sentence whose rare words fell in two clusters, a
    permuted paragraph whose clusters each hold part of it): their hull replaces them when it is
    more alike than either, however long (the coarse grids miss a reordered passage of a hundred
    words or two that fills no coarse cell densely)."""
    wa, wb, p = pair.da.word_ids, pair.db.word_ids, pair.p
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
            block = edges.fit_bags(Block(c.a0, c.a1, c.b0, c.b1), wa, wb, pair.stop_flags, p)
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


def merge_neighbours(blocks: list[Block], wa: list[int], wb: list[int], p: AlignParams) -> list[Block]:
    """Join disjoint blocks that are neighbours in both texts with a small gap, if the hull stays
    similar; a block that stands between them in either text (a moved paragraph) keeps them apart."""
    blocks = _merge_chains(blocks, wa, wb, p)
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
                # a hull as alike as its least alike piece (a reworded passage) loses nothing
                if (
                    score >= min(p.merge_dice, prev.dice, block.dice)
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


def _merge_chains(blocks: list[Block], wa: list[int], wb: list[int], p: AlignParams) -> list[Block]:
    """A chain of neighbours (in order in both texts, nothing between them) whose hull's word bags
    agree as a reordered passage's do is one passage. A passage with part of its words moved about
    leaves in-order pieces too unlike one another for a merge judged two at a time; the hull, taken
    whole, holds the moved words again. A gap of more than `max_merge_gap` words joins the chain
    only when most of its words, on both sides, are words of the chain's other side."""
    blocks = sorted(blocks, key=lambda b: (b.a0, b.b0))
    rank_b = {id(b): rank for rank, b in enumerate(sorted(blocks, key=lambda b: (b.b0, b.a0)))}
    chains: list[list[Block]] = []
    chain_a: Counter = Counter()
    chain_b: Counter = Counter()
    for block in blocks:
        if chains and _links(chains[-1][-1], block, rank_b, wa, wb, chain_a, chain_b, p):
            prev = chains[-1][-1]
            chain_a.update(wa[prev.a1 : block.a1])
            chain_b.update(wb[prev.b1 : block.b1])
            chains[-1].append(block)
            continue
        chains.append([block])
        chain_a, chain_b = Counter(wa[block.a0 : block.a1]), Counter(wb[block.b0 : block.b1])
    out: list[Block] = []
    for chain in chains:
        first, last = chain[0], chain[-1]
        if len(chain) > 1 and dice_at_least(p.shuffled_dice, wa, wb, first.a0, last.a1, first.b0, last.b1):
            score = dice(wa, wb, first.a0, last.a1, first.b0, last.b1)
            forced = any(b.forced for b in chain)
            reordered = any(b.reordered for b in chain)
            out.append(Block(first.a0, last.a1, first.b0, last.b1, score, forced=forced, reordered=reordered))
        else:
            out.extend(chain)
    return out


def _links(
    prev: Block,
    block: Block,
    rank_b: dict[int, int],
    wa: list[int],
    wb: list[int],
    chain_a: Counter,
    chain_b: Counter,
    p: AlignParams,
) -> bool:
    gap_a, gap_b = block.a0 - prev.a1, block.b0 - prev.b1
    if rank_b[id(block)] != rank_b[id(prev)] + 1 or gap_a < 0 or gap_b < 0 or block.b1 < prev.b1:
        return False
    if gap_a <= p.max_merge_gap and gap_b <= p.max_merge_gap:
        return True
    # the chain's words so far and the new block's, without copying the chain's bags
    ahead_a, ahead_b = Counter(wa[prev.a1 : block.a1]), Counter(wb[prev.b1 : block.b1])
    gap_words_a, gap_words_b = wa[prev.a1 : block.a0], wb[prev.b1 : block.b0]
    return (
        _held(gap_words_a, chain_b, ahead_b) >= p.shuffled_dice
        and _held(gap_words_b, chain_a, ahead_a) >= p.shuffled_dice
    )


def _held(words: list[int], chain: Counter, ahead: Counter) -> float:
    """The share of `words` that the two bags hold between them (each copy once)."""
    held = sum(min(n, chain[w] + ahead[w]) for w, n in Counter(words).items())
    return held / max(1, len(words))
