"""Order-free candidate blocks: word anchors shared by both texts, clustered on a grid of positions.

Two kinds of anchor (positions are word indices, punctuation left out):
- rare word n-grams (in order), which pin verbatim and lightly edited passages;
- rare content words (at most a few occurrences per text), which still pin a passage whose words
  were shuffled or partly replaced by synonyms, where no n-gram survives.
Anchors are dropped into cells of GRID x GRID word positions; occupied cells that touch (including
diagonally) form one candidate block. Repeated topic words make scattered single cells; the block
checks in `blocks.py` throw those away.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from reader.compare.prepare import Document

NGRAM = 3
MAX_NGRAM_COUNT = 4  # an n-gram seen more often than this in a text is boilerplate, not evidence
MAX_RARE_COUNT = 3  # "rare word": at most this many occurrences in each text
GRID = 24  # cell size in words (measured on Arabic newswire reuse: ~24 keeps shuffled sentences whole)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A rectangle of word positions [a0, a1) x [b0, b1) holding a cluster of anchors."""

    a0: int
    a1: int
    b0: int
    b1: int
    anchors: tuple[tuple[int, int, int], ...]  # (i, j, length) in word positions


def candidate_of(anchors: list[tuple[int, int, int]] | tuple[tuple[int, int, int], ...]) -> Candidate:
    return Candidate(
        min(i for i, _, _ in anchors),
        max(i + n for i, _, n in anchors),
        min(j for _, j, _ in anchors),
        max(j + n for _, j, n in anchors),
        tuple(anchors),
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
    anchors = _ngram_anchors(da.word_ids, db.word_ids, stop_ids)
    anchors += _rare_word_anchors(da.word_ids, db.word_ids, stop_ids)
    return _cluster(anchors)


def _positions_of(grams: list, wanted: set) -> dict:
    index: dict = {}
    for pos in itertools.compress(range(len(grams)), map(wanted.__contains__, grams)):
        index.setdefault(grams[pos], []).append(pos)
    return index


def _ngram_anchors(wa: list[int], wb: list[int], stop: set[int]) -> list[tuple[int, int, int]]:
    grams_a = list(zip(*(wa[k:] for k in range(NGRAM)), strict=False))
    grams_b = list(zip(*(wb[k:] for k in range(NGRAM)), strict=False))
    count_a = Counter(grams_a)
    count_b = Counter(grams_b)
    shared = {
        g
        for g in count_a.keys() & count_b.keys()
        if count_a[g] <= MAX_NGRAM_COUNT and count_b[g] <= MAX_NGRAM_COUNT and not all(w in stop for w in g)
    }
    if not shared:
        return []
    in_b = _positions_of(grams_b, shared)
    anchors = []
    for i in itertools.compress(range(len(grams_a)), map(shared.__contains__, grams_a)):
        for j in in_b[grams_a[i]]:
            anchors.append((i, j, NGRAM))
    return anchors


def _rare_word_anchors(wa: list[int], wb: list[int], stop: set[int]) -> list[tuple[int, int, int]]:
    count_a = Counter(wa)
    count_b = Counter(wb)
    rare = {
        w
        for w in count_a.keys() & count_b.keys()
        if count_a[w] <= MAX_RARE_COUNT and count_b[w] <= MAX_RARE_COUNT and w not in stop
    }
    if not rare:
        return []
    in_a = _positions_of(wa, rare)
    in_b = _positions_of(wb, rare)
    return [(i, j, 1) for w, positions in in_a.items() for i in positions for j in in_b[w]]


def _cluster(anchors: list[tuple[int, int, int]]) -> list[Candidate]:
    cells: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
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
    groups: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
    for key, members in cells.items():
        groups.setdefault(root(key), []).extend(members)
    return [candidate_of(members) for members in groups.values()]
