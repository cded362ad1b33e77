"""Order-free candidate blocks: what two texts share, wherever it stands in each.

Positions are word indices (punctuation left out). Two passes keep the cost near-linear:
1. Words and word trigrams that occur exactly once in each text seed exact runs, grown both ways
   while the words agree. Runs that follow each other in both texts with small gaps (the edits of a
   reworded paragraph) are chained; each chain is a candidate. Chains are monotone, so two
   paragraphs that swapped places are two chains, and each is found wherever it moved.
2. Where no chain stands, rare content words (at most a few occurrences per text) are clustered on
   a grid of GRID x GRID word positions: a sentence whose words were shuffled or swapped for
   synonyms keeps no run, but its rare words still fall in one spot of the grid. Clusters are cut
   where their anchors leave a gap in either text.
The block checks in `blocks.py` (word-bag Dice, edge search, merging) throw stray candidates away.
"""

from __future__ import annotations

import bisect
import itertools
import operator
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.compare.prepare import Document

try:  # the C twins of _unique_seeds and _exact_runs (reader/compare/_runs.c)
    from reader.compare import _runs
except ImportError:  # pragma: no cover - exercised by the tests that switch it off
    _runs = None

NGRAM = 3
MAX_RARE_COUNT = 3  # "rare word": at most this many occurrences in each text
SPLIT_GAP = 8  # words; see _split_on_gaps
CHAIN_GAP = 24  # words of edits two exact runs of one passage may have between them
SOLID_CHAIN = 8  # words of exact runs that make a chain certain
CHAIN_SLACK = 2  # runs of one chain may overlap this much (a repeated word at the seam)
SPARSE_SEEDS = 50  # fewer unique seeds than one per this many words: the text repeats itself
GRID = 24  # cell size in words (measured on Arabic newswire reuse: ~24 keeps shuffled sentences whole)


# (i, j, length, unique): words [i, i+length) of A equal words [j, j+length) of B; `unique` when
# that n-gram or word occurs once in each text (a repeated one may pair the wrong copies).
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


def candidate_of(anchors: list[Anchor] | tuple[Anchor, ...], exact: int = 0) -> Candidate:
    return Candidate(
        min(a[0] for a in anchors),
        max(a[0] + a[2] for a in anchors),
        min(a[1] for a in anchors),
        max(a[1] + a[2] for a in anchors),
        tuple(anchors),
        exact,
    )


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


def find_candidates(da: Document, db: Document, stop_ids: set[int]) -> list[Candidate]:
    """Candidate blocks in two passes, so the cost stays near-linear in the length of the texts:
    1. in-order material: exact runs grown from words and n-grams unique to both texts, chained
       along their diagonal into blocks (an edit every few words leaves a chain whole);
    2. what no chain covers: rare shared words clustered on the grid, which finds sentences whose
       words were shuffled or swapped for synonyms."""
    wa, wb = da.word_ids, db.word_ids
    if _runs is not None:
        runs, count_a, count_b = _exact_runs_in_c(wa, wb, stop_ids)
    else:
        count_a, count_b = Counter(wa), Counter(wb)
        runs = _exact_runs(wa, wb, _unique_seeds(wa, wb, count_a, count_b, stop_ids))
    # a candidate narrower than two words in either text is no block (build_blocks skips it):
    # not making it at all keeps texts of shuffled shared words (every word one lone run) fast
    candidates = _chain_candidates(runs)
    # only a chain with real weight claims its text; a few scattered one-word runs (a shuffled
    # sentence) leave it to the grid pass
    solid = [c for c in candidates if c.exact >= SOLID_CHAIN]
    covered_a = _Coverage([(c.a0, c.a1) for c in solid])
    covered_b = _Coverage([(c.b0, c.b1) for c in solid])
    loose = _rare_word_anchors(wa, wb, count_a, count_b, stop_ids, covered_a, covered_b)
    for cluster in _cluster(loose):
        if len(cluster) > 1 or cluster[0][2] > 1:
            groups = _split_on_all_gaps(cluster)
            candidates.extend(filter(wide_enough, map(candidate_of, groups)))
    return candidates


def wide_enough(candidate: Candidate) -> bool:
    """At least two words in each text: anything narrower is no block (build_blocks skips it)."""
    return candidate.a1 - candidate.a0 >= 2 and candidate.b1 - candidate.b0 >= 2


class _Coverage:
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


# Counts of each word id in one text: a Counter (Python path) or an array indexed by id (C path).
Counts = Counter | Sequence[int]


def _exact_runs_in_c(wa: list[int], wb: list[int], stop: set[int]) -> tuple[list[Anchor], array, array]:
    """_exact_runs(_unique_seeds(...)) with the counting, pairing and growing done in C."""
    pairs, raw_count_a, raw_count_b = _runs.unique_seeds(wa, wb, stop)
    count_a, count_b = array("q"), array("q")
    count_a.frombytes(raw_count_a)
    count_b.frombytes(raw_count_b)
    if _too_few_seeds(len(pairs) // 16, wa, wb):
        # the repetitive-text fallback is rare: it runs in Python, as in _unique_seeds
        seeds = array("q")
        seeds.frombytes(pairs)
        bits = (len(count_a) - 1).bit_length() or 1
        grams_a, grams_b = _gram_codes(wa, bits), _gram_codes(wb, bits)
        more = _pair_in_order(grams_a, grams_b, Counter(grams_a), Counter(grams_b))
        merged = sorted([*zip(seeds[0::2], seeds[1::2], strict=True), *more])
        pairs = array("q", itertools.chain.from_iterable(merged)).tobytes()
    return _runs.exact_runs(wa, wb, pairs), count_a, count_b


def _unique_seeds(
    wa: list[int], wb: list[int], count_a: Counter, count_b: Counter, stop: set[int]
) -> list[tuple[int, int]]:
    """(i, j) of every content word, and every word n-gram, that occurs exactly once in each text."""
    unique = (_once(count_a) - stop) & _once(count_b)
    seeds = _pair_positions(wa, wb, unique)
    bits = max(max(wa, default=0), max(wb, default=0)).bit_length() or 1  # one code for both texts
    grams_a, grams_b = _gram_codes(wa, bits), _gram_codes(wb, bits)
    gram_count_a, gram_count_b = Counter(grams_a), Counter(grams_b)
    seeds += _pair_positions(grams_a, grams_b, _once(gram_count_a) & _once(gram_count_b))
    if _too_few_seeds(len(seeds), wa, wb):
        # Repetitive texts (a bulletin that repeats itself) have almost nothing unique: pair the
        # k-th occurrence of each shared n-gram in A with its k-th occurrence in B.
        seeds += _pair_in_order(grams_a, grams_b, gram_count_a, gram_count_b)
    seeds.sort()  # runs already in order: Timsort merges them in linear time
    return seeds


def _too_few_seeds(n_seeds: int, wa: list[int], wb: list[int]) -> bool:
    """Fewer unique seeds than one per SPARSE_SEEDS words: the text repeats itself."""
    return n_seeds * SPARSE_SEEDS < min(len(wa), len(wb))


def _pair_in_order(grams_a: list[int], grams_b: list[int], count_a: Counter, count_b: Counter) -> list:
    shared = count_a.keys() & count_b.keys()
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


def _once(counts: Counter) -> set[int]:
    """The keys counted exactly once (iterated in C: no Python loop over a million keys)."""
    return set(itertools.compress(counts.keys(), map((1).__eq__, counts.values())))


def _gram_codes(words: list[int], bits: int) -> list[int]:
    """Each word n-gram as one int (ids of `bits` bits side by side), computed at C speed."""
    codes = words[: max(0, len(words) - NGRAM + 1)]
    for k in range(1, NGRAM):
        shifted = map(operator.lshift, codes, itertools.repeat(bits))
        codes = list(map(operator.or_, shifted, words[k : k + len(codes)]))
    return codes


def _pair_positions(seq_a: list[int], seq_b: list[int], wanted: set[int]) -> list[tuple[int, int]]:
    """(i, j) where seq_a[i] == seq_b[j] is one of `wanted` (each occurs once per side)."""
    if not wanted:
        return []
    at_b = list(itertools.compress(range(len(seq_b)), map(wanted.__contains__, seq_b)))
    where_b = dict(zip(map(seq_b.__getitem__, at_b), at_b, strict=True))
    at_a = list(itertools.compress(range(len(seq_a)), map(wanted.__contains__, seq_a)))
    return list(zip(at_a, map(where_b.__getitem__, map(seq_a.__getitem__, at_a)), strict=True))


def _exact_runs(wa: list[int], wb: list[int], seeds: list[tuple[int, int]]) -> list[Anchor]:
    """Grow each seed both ways while the words agree; a seed inside a run already grown is skipped."""
    runs: list[Anchor] = []
    reach: dict[int, int] = {}  # diagonal j - i -> end (in A) of the last run grown on it
    na, nb = len(wa), len(wb)
    for i, j in seeds:
        if reach.get(j - i, -1) > i:
            continue
        i0, j0 = i, j
        while i0 > 0 and j0 > 0 and wa[i0 - 1] == wb[j0 - 1]:
            i0 -= 1
            j0 -= 1
        i1, j1 = i + 1, j + 1
        while i1 < na and j1 < nb and wa[i1] == wb[j1]:
            i1 += 1
            j1 += 1
        reach[j - i] = i1
        runs.append((i0, j0, i1 - i0, True))
    return runs


def _chain_candidates(runs: list[Anchor]) -> list[Candidate]:
    """The chains of _chain_runs as candidates (those at least two words wide), their bounds and
    exact words found in C if built."""
    if _runs is None:
        chained = (candidate_of(chain, exact=sum(run[2] for run in chain)) for chain in _chain_runs(runs))
        return list(filter(wide_enough, chained))
    chains = _runs.chain_runs(sorted(runs), CHAIN_GAP, CHAIN_SLACK)
    return [
        Candidate(a0, a1, b0, b1, tuple(chain), exact)
        for a0, a1, b0, b1, exact, chain in chains
        if a1 - a0 >= 2 and b1 - b0 >= 2  # wide_enough, before the Candidate is made
    ]


def _chain_runs(runs: list[Anchor]) -> list[list[Anchor]]:
    """Chain runs that follow each other in both texts with small gaps (edits between them)."""
    runs = sorted(runs)
    open_chains: list[list[Anchor]] = []
    done: list[list[Anchor]] = []
    for run in runs:
        i0, j0, n, _ = run
        best, best_cost = None, None
        still_open = []
        for chain in open_chains:
            last = chain[-1]
            gap_i = i0 - (last[0] + last[2])
            gap_j = j0 - (last[1] + last[2])
            if gap_i > CHAIN_GAP:
                done.append(chain)
                continue
            still_open.append(chain)
            if -CHAIN_SLACK <= gap_i and -CHAIN_SLACK <= gap_j <= CHAIN_GAP:
                cost = max(gap_i, 0) + abs(gap_j)
                if best_cost is None or cost < best_cost:
                    best, best_cost = chain, cost
        open_chains = still_open
        if best is None:
            open_chains.append([run])
        else:
            best.append(run)
    return done + open_chains


def _split_on_all_gaps(anchors: list[Anchor]) -> list[list[Anchor]]:
    """Split along A, then along B, until no piece has a gap left in either text."""
    done, pending = [], [anchors]
    while pending:
        group = pending.pop()
        pieces = _split_on_gaps(group, axis=0)
        if len(pieces) == 1:
            pieces = _split_on_gaps(group, axis=1)
        if len(pieces) == 1:
            done.append(group)
        else:
            pending.extend(pieces)
    return done


def _split_on_gaps(anchors: list[Anchor], axis: int) -> list[list[Anchor]]:
    """Cut a cluster where no anchor covers SPLIT_GAP words of one text: a stray shared word at a
    cluster's edge would otherwise stretch the block over unrelated text. Pieces of one passage are
    joined again by `blocks._merge_neighbours`, which checks the text between them."""
    ordered = sorted(anchors, key=lambda anchor: anchor[axis])
    groups: list[list[Anchor]] = [[]]
    reach = ordered[0][axis]
    for anchor in ordered:
        if anchor[axis] - reach >= SPLIT_GAP:
            groups.append([])
        groups[-1].append(anchor)
        reach = max(reach, anchor[axis] + anchor[2])
    return groups


def _present(counts: Counts) -> Iterable[int]:
    """The ids counted at least once."""
    if isinstance(counts, Counter):
        return counts.keys()
    return itertools.compress(range(len(counts)), counts)


def _rare_word_anchors(
    wa: list[int],
    wb: list[int],
    count_a: Counts,
    count_b: Counts,
    stop: set[int],
    covered_a: _Coverage,
    covered_b: _Coverage,
) -> list[Anchor]:
    """Pairs of occurrences of rare content words, where no chain has claimed either position."""
    rare = {w for w in _present(count_a) if count_a[w] <= MAX_RARE_COUNT and w not in stop}
    rare &= {w for w in _present(count_b) if count_b[w] <= MAX_RARE_COUNT}
    if not rare:
        return []
    in_a = _uncovered_positions(wa, rare, covered_a)
    in_b = _uncovered_positions(wb, rare, covered_b)
    return [
        (i, j, 1, count_a[w] == 1 and count_b[w] == 1)
        for w, positions in in_a.items()
        if w in in_b
        for i in positions
        for j in in_b[w]
    ]


def _uncovered_positions(words: list[int], wanted: set[int], covered: _Coverage) -> dict[int, list[int]]:
    """word -> its positions outside the covered ranges (only the gaps are scanned)."""
    index: dict[int, list[int]] = {}
    lo = 0
    for start, end in [*zip(covered.starts, covered.ends, strict=True), (len(words), len(words))]:
        for pos in itertools.compress(range(lo, start), map(wanted.__contains__, words[lo:start])):
            index.setdefault(words[pos], []).append(pos)
        lo = max(lo, end)
    return index


def _cluster(anchors: list[Anchor]) -> list[list[Anchor]]:
    """Anchors whose grid cells touch, grouped (C twin in _runs.c, same groups in the same order)."""
    if _runs is not None:
        return _runs.cluster(anchors, GRID)
    return _cluster_in_python(anchors)


def _cluster_in_python(anchors: list[Anchor]) -> list[list[Anchor]]:
    cells: dict[tuple[int, int], list[Anchor]] = {}
    for anchor in anchors:
        cells.setdefault((anchor[0] // GRID, anchor[1] // GRID), []).append(anchor)
    parent = {key: key for key in cells}

    def root(key: tuple[int, int]) -> tuple[int, int]:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for ci, cj in cells:
        for di, dj in ((1, -1), (1, 0), (1, 1), (0, 1)):
            other = (ci + di, cj + dj)
            if other in parent:
                ra, rb = root((ci, cj)), root(other)
                if ra != rb:
                    parent[rb] = ra
    groups: dict[tuple[int, int], list[Anchor]] = {}
    for key, members in cells.items():
        groups.setdefault(root(key), []).extend(members)
    return list(groups.values())
