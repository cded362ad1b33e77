"""Highlighting from the engine's segments: per-block span lists built off the GUI thread, applied by a
QSyntaxHighlighter block by block (visible blocks first, the rest in short timer slices).

Offsets: the engine counts `str` code points, Qt counts UTF-16 units and sees the direction marks
(`reader.ui.paragraphs.PositionMap` converts).
"""

from __future__ import annotations

import time
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextCursor, QTextDocument

from reader.compare import Comparison, Segment
from reader.ui.paragraphs import PositionMap, direction_marks, paragraph_starts
from reader.ui.theme import CURRENT, Style, Theme, char_formats

_SLICE_SECONDS = 0.012  # keep each highlighting slice well under a frame


@dataclass(frozen=True)
class SpanTable:
    """For each block: ((start, length, style), ...) in Qt units relative to the block."""

    blocks: tuple[tuple[tuple[int, int, int], ...], ...]
    block_starts: tuple[int, ...]  # Python offset of each block
    positions: PositionMap

    def spans(self, block_number: int) -> tuple[tuple[int, int, int], ...]:
        return self.blocks[block_number] if 0 <= block_number < len(self.blocks) else ()

    def block_of(self, offset: int) -> int:
        return max(0, bisect_right(self.block_starts, offset) - 1)


def _style(segment: Segment, moved: Sequence[bool]) -> int:
    if segment.kind == "only" or segment.passage is None:
        return Style.ONLY
    is_moved = moved[segment.passage] if segment.passage < len(moved) else False
    if segment.kind == "same":
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
        if segment.kind == "changed":  # letters that differ are painted over their word
            ranges.extend((lo, hi, Style.CHANGED_CHARS) for lo, hi in segment.chars)
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


def build_tables(text_a: str, text_b: str, comparison: Comparison) -> tuple[SpanTable, SpanTable]:
    moved = [p.moved for p in comparison.passages]
    return (
        build_span_table(text_a, comparison.segments("a"), moved),
        build_span_table(text_b, comparison.segments("b"), moved),
    )


class DiffHighlighter(QSyntaxHighlighter):
    """Paints a SpanTable onto its document; `current` underlines the selected passage."""

    def __init__(self, document: QTextDocument, theme: Theme) -> None:
        super().__init__(document)
        self._formats = char_formats(theme)
        self._table: SpanTable | None = None
        self._current: tuple[int, int] | None = None  # Qt positions

    @property
    def table(self) -> SpanTable | None:
        return self._table

    def set_theme(self, theme: Theme) -> None:
        self._formats = char_formats(theme)

    def set_table(self, table: SpanTable | None) -> None:
        self._table = table

    def set_current(self, span: tuple[int, int] | None) -> None:
        """Underline the passage at Python offsets `span` (None: no passage)."""
        old = self._current
        table = self._table
        self._current = None if span is None or table is None else tuple(map(table.positions.to_qt, span))
        for qt_span in (old, self._current):
            if qt_span is not None:
                self.rehighlight_range(*qt_span)

    def rehighlight_range(self, start: int, end: int) -> None:
        """Re-highlight the blocks holding Qt positions [start, end]."""
        document = self.document()
        first = document.findBlock(start)
        last = document.findBlock(max(start, end))
        if first.isValid():
            last = last if last.isValid() else document.lastBlock()
            reformat_blocks(document, first.position(), last.position() + last.length() - 1)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        table = self._table
        if table is None:
            return
        block = self.currentBlock()
        spans = table.spans(block.blockNumber())
        formats = self._formats
        for start, length, style in spans:
            self.setFormat(start, length, formats[style])
        current = self._current
        if current is None or not spans:
            return
        position = block.position()
        lo, hi = current[0] - position, current[1] - position
        if hi <= 0 or lo >= len(text):
            return
        for start, length, style in spans:
            a, b = max(start, lo), min(start + length, hi)
            if a < b:
                self.setFormat(a, b - a, formats[style | CURRENT])


def reformat_blocks(document: QTextDocument, start: int, end: int) -> None:
    """Have the document's QSyntaxHighlighter redo the blocks spanning Qt positions [start, end]:
    it re-highlights whatever range the document reports changed, and one edit block around it
    makes Qt lay the range out once."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    document.contentsChange.emit(start, 0, max(0, end - start))
    cursor.endEditBlock()


class IncrementalRehighlighter(QObject):
    """Re-highlights a document in time slices: the visible blocks at once, the rest from the event
    loop, so a million-word document never freezes the window.

    QSyntaxHighlighter re-highlights a range of blocks when the document reports that range changed
    (its contentsChange signal); `rehighlightBlock` costs ~1 ms a block and `rehighlight` does the
    whole document at once. Reporting a range inside one edit block costs ~0.03 ms a block.
    """

    finished = Signal()

    def __init__(self, highlighter: DiffHighlighter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._highlighter = highlighter
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._slice)
        self._next = 0  # number of the next block to highlight
        self._batch = 64  # blocks per slice, adapted to keep slices near _SLICE_SECONDS
        self.running = False

    def start(self, first_visible: QTextBlock, visible_count: int) -> None:
        """Highlight `visible_count` blocks from `first_visible` now, then everything else."""
        if visible_count > 0 and first_visible.isValid():
            self.reformat(first_visible.blockNumber(), visible_count)
        self._next = 0
        self.running = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.running = False

    def reformat(self, first: int, count: int) -> int:
        """Re-highlight blocks [first, first + count); returns the number of the block after them."""
        document = self._highlighter.document()
        total = document.blockCount()
        last_number = min(first + count, total) - 1
        if last_number < first:
            return total
        last = document.findBlockByNumber(last_number)
        start = document.findBlockByNumber(first).position()
        reformat_blocks(document, start, last.position() + last.length() - 1)
        return last_number + 1

    def _slice(self) -> None:
        started = time.perf_counter()
        self._next = self.reformat(self._next, self._batch)
        elapsed = time.perf_counter() - started
        per_block = max(elapsed / self._batch, 1e-6)
        self._batch = max(8, min(4096, int(_SLICE_SECONDS / per_block)))
        if self._next >= self._highlighter.document().blockCount():
            self.stop()
            self.finished.emit()
