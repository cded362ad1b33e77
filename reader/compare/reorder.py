"""Pieces of one passage reordered inside a paragraph: one passage, its reordering marked inside.

A passage whose phrases were shuffled (cut at punctuation and conjunctions, put back in another
order) is found as several exact pieces in another order. When the pieces lie inside ONE paragraph
of one text, and together fill a stretch of each text that holds nothing else (they are a common
interval of the two orders), they are one passage reordered from within. Whole paragraphs that
changed places are moves, not rewordings: they stay passages of their own.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.compare.bags import Block, dice

if TYPE_CHECKING:
    from reader.compare.blocks import Pair


def merge_reordered(blocks: list[Block], pair: Pair) -> list[Block]:
    merged = _merge_within_paragraphs(blocks, pair, side_b=True)
    return _merge_within_paragraphs(
        merged, pair, side_b=False, index=None if merged is not blocks else _Index(blocks)
    )


def _span(block: Block, side_b: bool) -> tuple[int, int]:
    return (block.b0, block.b1) if side_b else (block.a0, block.a1)


def _merge_within_paragraphs(
    blocks: list[Block], pair: Pair, side_b: bool, index: _Index | None = None
) -> list[Block]:
    doc = pair.db if side_b else pair.da
    ends = doc.paragraph_ends
    by_paragraph: dict[int, list[Block]] = defaultdict(list)
    for block in blocks:
        lo, hi = _span(block, side_b)
        first = bisect.bisect_left(ends, lo)
        if first == bisect.bisect_left(ends, hi - 1):  # inside one paragraph on this side
            by_paragraph[first].append(block)
    merged: dict[int, Block] = {}  # id of a member -> the passage it became
    for members in by_paragraph.values():
        if len(members) < 2 or not _reordered(members):
            continue
        if index is None:
            index = _Index(blocks)
        for group, (hull, swallowed) in _closed_groups(members, index, pair, not side_b):
            for member in group:
                merged[id(member)] = hull
            for stray in swallowed:
                merged[id(stray)] = hull
    if not merged:
        return blocks
    out, seen = [], set()
    for block in blocks:
        hull = merged.get(id(block), block)
        if id(hull) not in seen:
            seen.add(id(hull))
            out.append(hull)
    out.sort(key=lambda b: b.a0)
    return out


def _closed_groups(
    members: list[Block], index: _Index, pair: Pair, side_b: bool
) -> list[tuple[list[Block], tuple[Block, list[Block]]]]:
    """Groups of the members that make one reordered passage, with their hulls: all of them if
    their hull is closed and alike, else each half after a cut at their widest gap in the other
    text, and so on down."""
    pending, out = [sorted(members, key=lambda b: _span(b, side_b))], []
    while pending:
        group = pending.pop()
        if len(group) < 2 or not _reordered(group):
            continue
        hull = _hull_if_closed(group, index, pair)
        if hull is not None:
            out.append((group, hull))
            continue
        gaps = [
            _span(later, side_b)[0] - _span(earlier, side_b)[1]
            for earlier, later in zip(group, group[1:], strict=False)
        ]
        cut = gaps.index(max(gaps)) + 1
        pending += [group[:cut], group[cut:]]
    return out


class _Index:
    """The blocks sorted by their start in each text (they are disjoint in each)."""

    def __init__(self, blocks: list[Block]) -> None:
        self.by_a = sorted(blocks, key=lambda b: b.a0)
        self.by_b = sorted(blocks, key=lambda b: b.b0)
        self.starts_a = [b.a0 for b in self.by_a]
        self.starts_b = [b.b0 for b in self.by_b]


def _meeting(index: _Index, a0: int, a1: int, b0: int, b1: int) -> Iterator[Block]:
    """The blocks that overlap [a0, a1) in A or [b0, b1) in B (lazily: a caller may stop at the
    first that settles its question)."""
    for blocks, starts, lo, hi, side_b in (
        (index.by_a, index.starts_a, a0, a1, False),
        (index.by_b, index.starts_b, b0, b1, True),
    ):
        k = max(0, bisect.bisect_right(starts, lo) - 1)
        while k < len(blocks) and starts[k] < hi:
            if _span(blocks[k], side_b)[1] > lo:
                yield blocks[k]
            k += 1


def _reordered(group: list[Block]) -> bool:
    """Not all in one order in both texts (in-order pieces are the neighbours' merge to make)."""
    by_a = sorted(group, key=lambda b: b.a0)
    return any(later.b0 < earlier.b0 for earlier, later in zip(by_a, by_a[1:], strict=False))


def _hull_if_closed(group: list[Block], index: _Index, pair: Pair) -> tuple[Block, list[Block]] | None:
    """The group's hull as one reordered block, and the stray blocks inside it, when no block of
    passage length stands inside it in either text and its words are alike as bags. Shorter
    blocks inside (a pair of words that happen to match elsewhere) are swallowed."""
    a0, a1 = min(b.a0 for b in group), max(b.a1 for b in group)
    b0, b1 = min(b.b0 for b in group), max(b.b1 for b in group)
    members = {id(b) for b in group}
    swallowed = []
    for other in _meeting(index, a0, a1, b0, b1):
        if id(other) in members:
            continue
        if other.forced or min(other.a1 - other.a0, other.b1 - other.b0) >= pair.min_words:
            return None
        swallowed.append(other)
    score = dice(pair.da.word_ids, pair.db.word_ids, a0, a1, b0, b1)
    if score < pair.p.reordered_dice:
        return None
    return Block(a0, a1, b0, b1, score, forced=any(b.forced for b in group), reordered=True), swallowed
