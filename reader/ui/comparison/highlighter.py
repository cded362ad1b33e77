"""Highlighting from the engine's segments: the span tables of `reader.view.spans`, built off the GUI
thread, applied by a QSyntaxHighlighter block by block (visible blocks first, the rest in short
timer slices)."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextCursor, QTextDocument

from reader.ui.comparison.theme import Theme, char_formats
from reader.view.spans import CURRENT, SpanTable

_SLICE_SECONDS = 0.012  # keep each highlighting slice well under a frame


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
