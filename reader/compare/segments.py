"""Labelled stretches -> character segments that tile each text; passage order -> `moved`; shares."""

from __future__ import annotations

import bisect
import itertools

from reader.compare.model import ONLY, Segment, make_segment
from reader.compare.params import AlignParams
from reader.compare.prepare import Document
from reader.compare.worddiff import Stretches


def tile(
    doc: Document, blocks: list[Stretches], number: dict[int, int] | None = None
) -> tuple[tuple[Segment, ...], float]:
    """Segments covering [0, len(text)) (the blocks' stretches in token order, gaps `only`,
    whitespace joined to the left), and the share of the text's visible characters that lie in
    same/changed segments. `number` renumbers the passages (the sides are being swapped)."""
    n_tokens = len(doc.ids)
    if not doc.text:
        return (), 0.0
    if n_tokens == 0:
        return (Segment(0, len(doc.text), ONLY, None),), 0.0
    # each stretch: its first token, kind, passage, chars and reordered flag
    firsts: list[int] = []
    kinds: list[str] = []
    passages: list[int | None] = []
    chars_of: list[tuple[tuple[int, int], ...]] = []
    cursor = 0
    flagged = []  # (where a block's stretches start, its reordered flags), for the few that have them
    # blocks never overlap, so their first token alone orders them
    for block in sorted(filter(_has_stretches, blocks), key=_first_token):
        if block.firsts[0] > cursor and not (kinds and kinds[-1] == ONLY):
            firsts.append(cursor)
            kinds.append(ONLY)
            passages.append(None)
            chars_of.append(())
        if block.reordered:
            flagged.append((len(firsts), block.reordered))
        firsts += block.firsts
        kinds += block.kinds
        passages += block.passages
        chars_of += block.chars
        cursor = block.end
    if cursor < n_tokens and not (kinds and kinds[-1] == ONLY):
        firsts.append(cursor)
        kinds.append(ONLY)
        passages.append(None)
        chars_of.append(())
    reordered: list[bool] | itertools.repeat = itertools.repeat(False)
    if flagged:
        reordered = [False] * len(firsts)
        for at, flags in flagged:
            reordered[at : at + len(flags)] = flags
    if number is not None:
        passages = list(map(number.get, passages))  # `only` stretches have None: get() keeps it
    bounds = [0, *map(doc.starts.__getitem__, firsts[1:]), len(doc.text)]
    segments = tuple(
        map(
            make_segment,
            zip(
                bounds[:-1],
                bounds[1:],
                kinds,
                passages,
                chars_of,
                reordered,
                itertools.repeat(()),
                strict=False,
            ),
        )
    )
    # visible characters: those of tokens, so whitespace and layout marks count for nothing;
    # summed over the whole text and over the `only` stretches, not added up token by token
    ends, starts = doc.ends, doc.starts
    visible = doc.token_chars
    firsts.append(n_tokens)
    unshared = 0
    for k, kind in enumerate(kinds):
        if kind == ONLY:
            lo, hi = firsts[k], firsts[k + 1]
            unshared += sum(ends[lo:hi]) - sum(starts[lo:hi])
    return segments, (visible - unshared) / visible if visible else 0.0


def add_passage(segments: tuple[Segment, ...], span: tuple[int, int], passage: int) -> tuple[Segment, ...]:
    """The segments with `passage` added to those inside `span` (characters) that belong to a
    passage already: a passage of this side reused at a second place of the other."""
    starts = [s.start for s in segments]
    lo = bisect.bisect_right(starts, span[0]) - 1
    out = list(segments)
    for k in range(max(0, lo), len(segments)):
        s = segments[k]
        if s.start >= span[1]:
            break
        if s.passage is not None and s.end > span[0] and passage not in s.also and passage != s.passage:
            out[k] = s._replace(also=(*s.also, passage))
    return tuple(out)


def _has_stretches(block: Stretches) -> bool:
    return bool(block.firsts)


def _first_token(block: Stretches) -> int:
    return block.firsts[0]


def moved_flags(rel_a: list[float], rel_b: list[float], weights: list[int], p: AlignParams) -> list[bool]:
    """Which passages (given in A order, with their relative places in A and B) have moved.

    A passage has moved when it is outside the heaviest chain of passages that keep their order in
    both texts (a crossing band), or when its place in the text shifted far more than the typical
    passage's did: seed 001 brings the closing quote of seed 000 up to its opening section while
    dropping the paragraphs between, which keeps the order but is plainly a move to a reader.
    """
    n = len(rel_b)
    if n == 0:
        return []
    out_of_order = _outside_heaviest_chain(rel_b, weights)
    shifts = [b - a for a, b in zip(rel_a, rel_b, strict=True)]
    typical = _weighted_median(shifts, weights)
    return [out_of_order[k] or abs(shifts[k] - typical) > p.move_shift for k in range(n)]


def _weighted_median(values: list[float], weights: list[int]) -> float:
    pairs = sorted(zip(values, weights, strict=True))
    half = sum(weights) / 2
    running = 0
    for value, weight in pairs:
        running += weight
        if running >= half:
            return value
    return pairs[-1][0]


def _outside_heaviest_chain(b_starts: list[float], weights: list[int]) -> list[bool]:
    n = len(b_starts)
    ranks = {value: rank for rank, value in enumerate(sorted(set(b_starts)))}
    size = len(ranks)
    tree = [(0, -1)] * (size + 1)  # Fenwick tree of (best weight, index) over B ranks

    def query(rank: int) -> tuple[int, int]:
        best = (0, -1)
        while rank > 0:
            if tree[rank][0] > best[0]:
                best = tree[rank]
            rank -= rank & -rank
        return best

    def update(rank: int, value: tuple[int, int]) -> None:
        while rank <= size:
            if value[0] > tree[rank][0]:
                tree[rank] = value
            rank += rank & -rank

    best_weight = [0] * n
    parent = [-1] * n
    for k in range(n):
        rank = ranks[b_starts[k]]
        prior_weight, prior = query(rank)  # strictly earlier in B
        best_weight[k] = prior_weight + weights[k]
        parent[k] = prior
        update(rank + 1, (best_weight[k], k))
    k = max(range(n), key=best_weight.__getitem__)
    keep = set()
    while k != -1:
        keep.add(k)
        k = parent[k]
    return [k not in keep for k in range(n)]
