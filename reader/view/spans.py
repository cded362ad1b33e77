"""What each stretch of a pane is painted as: per-paragraph span lists built from the engine's
segments, in pure Python so the worker thread builds them and the highlighter only applies them.

Offsets: the engine counts `str` code points, Qt counts UTF-16 units and sees the direction marks
(`reader.view.paragraphs.PositionMap` converts).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from reader.compare import CHANGED, ONLY, SAME, Comparison, Segment
from reader.report.worddiff import differing_letters
from reader.view.paragraphs import PositionMap, direction_marks, paragraph_starts


class Style(IntEnum):
    """What a span of text is; CURRENT is a flag added to any of them. `moved`: the passage changed
    order (reader.report.moves); `reordered`: same words matched at another place inside it."""

    SAME = 0
    SAME_MOVED = 1
    CHANGED = 2
    CHANGED_MOVED = 3
    CHANGED_CHARS = 4
    ONLY = 5
    SAME_REORDERED = 6
    SAME_MOVED_REORDERED = 7


CURRENT = 8  # bit flag: the span lies in the selected passage


@dataclass(frozen=True)
class SpanTable:
    """For each block: ((start, length, style), ...) in Qt units relative to the block."""

    blocks: tuple[tuple[tuple[int, int, int], ...], ...]
    block_starts: tuple[int, ...]  # Python offset of each block
    positions: PositionMap

    def spans(self, block_number: int) -> tuple[tuple[int, int, int], ...]:
        return self.blocks[block_number] if 0 <= block_number < len(self.blocks) else ()


def _style(segment: Segment, moved: Sequence[bool]) -> int:
    if segment.kind == ONLY or segment.passage is None:
        return Style.ONLY
    is_moved = moved[segment.passage] if segment.passage < len(moved) else False
    if segment.kind == SAME:
        if segment.reordered:
            return Style.SAME_MOVED_REORDERED if is_moved else Style.SAME_REORDERED
        return Style.SAME_MOVED if is_moved else Style.SAME
    return Style.CHANGED_MOVED if is_moved else Style.CHANGED


def build_span_table(text: str, segments: Sequence[Segment], moved: Sequence[bool]) -> SpanTable:
    """Cut the segments at paragraph boundaries; pure Python, safe to run in a worker thread.
    `text` is the pane's text (`display_text`); its direction marks shift Qt positions."""
    starts = paragraph_starts(text)
    positions = PositionMap(text, direction_marks(text)[0])
    pieces: list[list[tuple[int, int, int]]] = [[] for _ in starts]
    ranges: list[tuple[int, int, int]] = []
    for segment in segments:
        ranges.append((segment.start, segment.end, _style(segment, moved)))
        if segment.kind == CHANGED:  # letters that differ are painted over their word
            chars = differing_letters(text, segment.start, segment.end, segment.chars)
            ranges.extend((lo, hi, Style.CHANGED_CHARS) for lo, hi in chars)
    count = len(starts)
    to_qt = positions.to_qt
    for lo, hi, style in ranges:
        block = bisect_right(starts, lo) - 1
        while lo < hi and block < count:
            block_start = starts[block]
            block_end = starts[block + 1] - 1 if block + 1 < count else len(text)
            piece_hi = min(hi, block_end)
            if piece_hi > lo:
                base = positions.block_start_qt(block_start)
                q0, q1 = to_qt(lo) - base, to_qt(piece_hi) - base
                pieces[block].append((q0, q1 - q0, style))
            block += 1
            lo = starts[block] if block < count else hi
    return SpanTable(tuple(tuple(p) for p in pieces), tuple(starts), positions)


def build_tables(
    text_a: str, text_b: str, comparison: Comparison, moved: Sequence[bool] | None = None
) -> tuple[SpanTable, SpanTable]:
    """Both panes' tables; `moved` (per passage) says which to paint as moved (default: the
    engine's flags; the window passes those whose order changed)."""
    if moved is None:
        moved = [p.moved for p in comparison.passages]
    return (
        build_span_table(text_a, comparison.segments("a"), moved),
        build_span_table(text_b, comparison.segments("b"), moved),
    )
