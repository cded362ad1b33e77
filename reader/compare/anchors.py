"""Order-free candidate blocks: what two texts share, wherever it stands in each.

Positions are word indices (punctuation left out). The per-word loops run in C (`_runs.c`).
1. Words and word n-grams rare in both texts seed exact runs, grown both ways while the words
   agree. Runs that follow each other in both texts with small gaps (the edits of a reworded
   paragraph) are chained; each chain is a candidate. Chains are monotone, so two paragraphs that
   swapped places are two chains, and each is found wherever it moved.
2. Where no chain stands, rare content words (at most a few occurrences per text) are clustered on
   a grid of word positions: a sentence whose words were shuffled or swapped for synonyms keeps no
   run, but its rare words still fall in one spot of the grid. Coarser grids, keeping only dense
   cells, find long passages whose words were reordered all through.
The block checks in `blocks.py` (word-bag Dice, edge search, merging) throw stray candidates away.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.compare import _runs
from reader.compare.params import AlignParams
from reader.compare.prepare import Document

# (i, j, length, unique): words [i, i+length) of A equal words [j, j+length) of B; `unique` when
# that word occurs once in each text (a repeated one may pair the wrong copies).
Anchor = tuple[int, int, int, bool]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A rectangle of word positions [a0, a1) x [b0, b1) holding a cluster of anchors."""

    a0: int
    a1: int
    b0: int
    b1: int
    anchors: tuple[Anchor, ...]
    exact: int = 0  # words known equal in order (a chain of exact runs), 0 when not known


def candidate_of(anchors: Sequence[Anchor], exact: int = 0) -> Candidate:
    return Candidate(
        min(a[0] for a in anchors),
        max(a[0] + a[2] for a in anchors),
        min(a[1] for a in anchors),
        max(a[1] + a[2] for a in anchors),
        tuple(anchors),
        exact,
    )


def wide_enough(candidate: Candidate) -> bool:
    """At least two words in each text: anything narrower is no block."""
    return candidate.a1 - candidate.a0 >= 2 and candidate.b1 - candidate.b0 >= 2


def split_at_widest_gap(candidate: Candidate) -> tuple[Candidate, Candidate] | None:
    """Cut a cluster in two where its anchors leave the widest empty band (in A or in B).
    Scattered topic words can chain two unrelated spots into one cluster; this undoes that."""
    best: tuple[int, list] | None = None
    for axis in (0, 1):
        ordered = sorted(candidate.anchors, key=lambda anchor: anchor[axis])
        reach = ordered[0][axis] + ordered[0][2]
        for k in range(1, len(ordered)):
            gap = ordered[k][axis] - reach
            if best is None or gap > best[0]:
                best = (gap, [ordered[:k], ordered[k:]])
            reach = max(reach, ordered[k][axis] + ordered[k][2])
    if best is None or best[0] < 1:
        return None
    left, right = best[1]
    return candidate_of(left), candidate_of(right)


@dataclass(frozen=True, slots=True)
class Matches:
    """What the candidate passes need of a pair: exact runs, and each word's count per text."""

    runs: list[Anchor]
    count_a: array
    count_b: array


def exact_runs(da: Document, db: Document, stop_flags: bytes, p: AlignParams) -> Matches:
    """Exact runs grown from words and n-grams rare in both texts (C: `_runs.seeds`), with the
    word counts. Texts that repeat themselves (a bulletin) have almost no rare n-grams: then the
    k-th occurrence of each shared n-gram in A is paired with its k-th in B."""
    wa, wb = da.word_ids, db.word_ids
    ngrams = (1, p.ngram)
    pairs, raw_count_a, raw_count_b = _runs.seeds(wa, wb, stop_flags, ngrams, p.max_rare_count)
    count_a, count_b = array("q"), array("q")
    count_a.frombytes(raw_count_a)
    count_b.frombytes(raw_count_b)
    if len(pairs) // 24 * p.sparse_seeds < min(len(wa), len(wb)):
        seeds = array("q")
        seeds.frombytes(pairs)
        bits = (len(count_a) - 1).bit_length() or 1
        grams_a, grams_b = _gram_codes(wa, bits, p.ngram), _gram_codes(wb, bits, p.ngram)
        known = {(i, j): unique for i, j, unique in zip(seeds[0::3], seeds[1::3], seeds[2::3], strict=True)}
        for i, j in _pair_in_order(grams_a, grams_b):
            known.setdefault((i, j), 0)
        merged = sorted((i, j, unique) for (i, j), unique in known.items())
        pairs = array("q", itertools.chain.from_iterable(merged)).tobytes()
    return Matches(_runs.exact_runs(wa, wb, pairs), count_a, count_b)


def _gram_codes(words: list[int], bits: int, n: int) -> list[int]:
    """Each word n-gram as one int (ids of `bits` bits side by side), computed at C speed."""
    codes = words[: max(0, len(words) - n + 1)]
    for k in range(1, n):
        shifted = map(operator.lshift, codes, itertools.repeat(bits))
        codes = list(map(operator.or_, shifted, words[k : k + len(codes)]))
    return codes


def _pair_in_order(grams_a: list[int], grams_b: list[int]) -> list[tuple[int, int]]:
    """(i, j) pairing the k-th occurrence of each shared n-gram in A with its k-th in B."""
    shared = set(grams_a).intersection(grams_b)
    in_b: dict[int, list[int]] = {}
    for j in itertools.compress(range(len(grams_b)), map(shared.__contains__, grams_b)):
        in_b.setdefault(grams_b[j], []).append(j)
    seen: Counter = Counter()
    pairs = []
    for i in itertools.compress(range(len(grams_a)), map(shared.__contains__, grams_a)):
        gram = grams_a[i]
        k = seen[gram]
        if k < len(in_b[gram]):
            pairs.append((i, in_b[gram][k]))
            seen[gram] = k + 1
    return pairs


def chain_candidates(runs: list[Anchor], p: AlignParams) -> list[Candidate]:
    """Runs that follow each other in both texts with small gaps, chained (C: `_runs.chain_runs`);
    each chain at least two words wide is a candidate, its exact words counted."""
    chains = _runs.chain_runs(sorted(runs), p.chain_gap, p.chain_slack)
    return [
        Candidate(a0, a1, b0, b1, tuple(chain), exact)
        for a0, a1, b0, b1, exact, chain in chains
        if a1 - a0 >= 2 and b1 - b0 >= 2  # wide_enough, before the Candidate is made
    ]


class Coverage:
    """Which word positions lie inside any of a set of ranges (bisect over merged ranges)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for lo, hi in sorted(ranges):
            if self.ends and lo <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], hi)
            else:
                self.starts.append(lo)
                self.ends.append(hi)

    def holds(self, position: int) -> bool:
        k = bisect.bisect_right(self.starts, position) - 1
        return k >= 0 and position < self.ends[k]


def rare_anchors(
    da: Document,
    db: Document,
    matches: Matches,
    stop_ids: set[int],
    covered_a: Coverage,
    covered_b: Coverage,
    p: AlignParams,
) -> list[Anchor]:
    """Pairs of occurrences of rare content words, where nothing has claimed either position."""
    count_a, count_b = matches.count_a, matches.count_b
    few = frozenset(range(1, p.max_rare_count + 1))
    rare = set(itertools.compress(range(len(count_a)), map(few.__contains__, count_a)))
    rare.intersection_update(itertools.compress(range(len(count_b)), map(few.__contains__, count_b)))
    rare.difference_update(stop_ids)
    if not rare:
        return []
    in_a = _uncovered_positions(da.word_ids, rare, covered_a)
    in_b = _uncovered_positions(db.word_ids, rare, covered_b)
    return [
        (i, j, 1, count_a[w] == 1 and count_b[w] == 1)
        for w, positions in in_a.items()
        if w in in_b
        for i in positions
        for j in in_b[w]
    ]


def _uncovered_positions(words: list[int], wanted: set[int], covered: Coverage) -> dict[int, list[int]]:
    """word -> its positions outside the covered ranges (only the gaps are scanned)."""
    index: dict[int, list[int]] = {}
    lo = 0
    for start, end in [*zip(covered.starts, covered.ends, strict=True), (len(words), len(words))]:
        for pos in itertools.compress(range(lo, start), map(wanted.__contains__, words[lo:start])):
            index.setdefault(words[pos], []).append(pos)
        lo = max(lo, end)
    return index


def grid_candidates(anchors: list[Anchor], cell: int, min_count: int, split_gap: int) -> list[Candidate]:
    """Anchors whose grid cells (of `cell` words, holding at least `min_count` anchors) touch,
    grouped (C: `_runs.cluster`), each group cut at its gaps of `split_gap` words."""
    out = []
    for group in _runs.cluster(anchors, cell, min_count):
        if len(group) > 1 or group[0][2] > 1:
            out.extend(filter(wide_enough, map(candidate_of, _split_on_all_gaps(group, split_gap))))
    return out


def _split_on_all_gaps(anchors: list[Anchor], gap: int) -> list[list[Anchor]]:
    """Split along A, then along B, until no piece has a gap left in either text."""
    done, pending = [], [anchors]
    while pending:
        group = pending.pop()
        pieces = _split_on_gaps(group, 0, gap)
        if len(pieces) == 1:
            pieces = _split_on_gaps(group, 1, gap)
        if len(pieces) == 1:
            done.append(group)
        else:
            pending.extend(pieces)
    return done


def _split_on_gaps(anchors: list[Anchor], axis: int, gap: int) -> list[list[Anchor]]:
    """Cut a cluster where no anchor covers `gap` words of one text: a stray shared word at a
    cluster's edge would otherwise stretch the block over unrelated text. Pieces of one passage are
    joined again by the merging of neighbours, which checks the text between them."""
    ordered = sorted(anchors, key=lambda anchor: anchor[axis])
    groups: list[list[Anchor]] = [[]]
    reach = ordered[0][axis]
    for anchor in ordered:
        if anchor[axis] - reach >= gap:
            groups.append([])
        groups[-1].append(anchor)
        reach = max(reach, anchor[axis] + anchor[2])
    return groups


def coarse_levels(p: AlignParams) -> list[tuple[int, int, int]]:
    """(cell, min_count, split_gap) of each coarser grid, cells twice as wide at each level. A cell
    is kept when it holds as many anchors as a reordered passage puts there: one of n words whose
    words were shuffled all through spreads its rare words (about 0.5-0.65 per word, measured on
    SaudiNewsNet) evenly over its n x n square, so a cell of side g in [n/2, n] holds at least
    about a quarter of g of them, while shared topic words leave a tenth of one per cell."""
    levels = []
    cell = p.grid
    for _ in range(p.grid_levels):
        cell *= 2
        levels.append((cell, max(3, int(p.coarse_density * cell)), cell // 2))
    return levels
