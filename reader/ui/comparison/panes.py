"""A reading pane: read-only QPlainTextEdit, right-to-left by default, each paragraph in the direction
of the script that dominates it (DESIGN.md section 3). Text goes to Qt in logical order, never
reshaped or reordered.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextBlock,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from reader.ui.comparison.outlines import Outlines, OutlineStyle, paint_outlines
from reader.view.paragraphs import (
    HIDDEN_SIGNS,
    PositionMap,
    astral_offsets,
    direction_marks,
    display_text,
    document_text,
    reveal_hidden,
)

_HIDDEN_RE = re.compile("[" + "".join(HIDDEN_SIGNS) + "]")
LARGE_TEXT = 300_000  # characters; a longer text is loaded in slices so the window stays responsive
LOAD_SLICE = 30_000
BASE_POINT_SIZE = 15.0
FONT_FAMILY = "Amiri"  # replaced by the family of the bundled font once loaded


@dataclass(frozen=True)
class VisibleBlocks:
    """Where the visible blocks sit in the viewport, to place link bands without layout walks."""

    numbers: tuple[int, ...]
    positions: tuple[int, ...]  # Qt position of each block
    tops: tuple[float, ...]
    heights: tuple[float, ...]
    layouts: tuple[object, ...]
    viewport_height: float
    end_position: int  # Qt position just after the last visible block

    def y_of(self, qt_position: int, *, bottom: bool = False) -> float:
        """Viewport y of the top (or bottom) of the line holding a text position; positions above or
        below the viewport clamp just outside it."""
        if not self.positions or qt_position < self.positions[0]:
            return -4.0
        if qt_position >= self.end_position:
            return self.viewport_height + 4.0
        k = bisect_right(self.positions, qt_position) - 1
        layout = self.layouts[k]
        y = self.tops[k]
        if layout is not None and layout.lineCount() > 0:  # lineAt on an unlaid block crashes
            line = layout.lineForTextPosition(qt_position - self.positions[k])
            if line.isValid():
                return y + line.y() + (line.height() if bottom else 0.0)
        return y + (self.heights[k] if bottom else 0.0)

    def span(self, start: int, end: int) -> tuple[float, float]:
        """Top of the first line and bottom of the last line of the Qt range [start, end)."""
        return self.y_of(start), self.y_of(max(start, end - 1), bottom=True)


class ReadingPane(QPlainTextEdit):
    """Shows one article; emits `clicked(offset)` (Python offset) and `focused` for the window."""

    clicked = Signal(int)
    focused = Signal()
    painted = Signal()
    loaded = Signal()  # a long text finished loading

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # scroll bar on the left, as in Arabic
        document = self.document()
        document.setUndoRedoEnabled(False)
        option = QTextOption()
        # Each paragraph takes the direction of its first strong character (steered by a mark where
        # needed, see reader.view.paragraphs). QPlainTextEdit aligns every block by the document's
        # option (QTBUG-7516): right here, and left for left-to-right blocks in paintEvent.
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        document.setDefaultTextOption(option)
        document.setDocumentMargin(10)
        self._zoom = 0
        self.loading = False
        self._load_timer = QTimer(self)
        self._load_timer.setInterval(0)
        self._load_timer.timeout.connect(self._load_slice)
        self.text = ""
        self.reveal_hidden = True
        self.positions = PositionMap("")
        self.ltr_blocks: frozenset[int] = frozenset()
        self.outlines: dict[str, Outlines] = {}  # role ("change", "find" ...) -> ranges drawn outlined
        self._apply_font()

    # --- text ----------------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Show `text`; offsets into it (Python str indices) stay valid for every method here.
        A long text goes in by slices from the event loop (`loading` until `loaded`)."""
        self._load_timer.stop()
        self.text = display_text(text)
        if len(self.text) <= LARGE_TEXT:
            marks, ltr = direction_marks(self.text)
            self.positions = PositionMap(self.text, marks)
            self.ltr_blocks = frozenset(ltr)
            self.setPlainText(document_text(self._shown(self.text), marks))
            self.moveCursor(QTextCursor.MoveOperation.Start)
            self.loading = False
            return
        self.loading = True
        self._load_at = 0
        self._load_block = 0
        self._load_marks: dict[int, str] = {}
        self._load_ltr: list[int] = []
        self._load_astral: list[int] = []
        self.positions = PositionMap("")
        self.ltr_blocks = frozenset()
        self.setPlainText("")
        self._load_timer.start()

    def _load_slice(self) -> None:
        """Append the next paragraphs (about LOAD_SLICE characters) with their direction marks."""
        text = self.text
        start = self._load_at
        end = min(len(text), start + LOAD_SLICE)
        if end < len(text):
            newline = text.find("\n", end)
            end = len(text) if newline < 0 else newline + 1
        piece = text[start:end]
        marks, ltr = direction_marks(piece)
        self._load_marks.update((start + offset, mark) for offset, mark in marks.items())
        self._load_ltr.extend(self._load_block + number for number in ltr)
        self._load_astral.extend(start + offset for offset in astral_offsets(piece))
        self._load_block += piece.count("\n")
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(document_text(self._shown(piece), marks))
        self._load_at = end
        if end >= len(text):
            self._load_timer.stop()
            self.positions = PositionMap(text, self._load_marks, self._load_astral)
            self.ltr_blocks = frozenset(self._load_ltr)
            self.moveCursor(QTextCursor.MoveOperation.Start)
            self.loading = False
            self.loaded.emit()

    def _align_visible_ltr_blocks(self) -> None:
        """Left-align the left-to-right paragraphs in view. The block layout keeps this option until
        Qt lays the block out again, which is always followed by a paint (so by this call)."""
        if not self.ltr_blocks:
            return
        block = self.firstVisibleBlock()
        bottom = self.viewport().height()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        while block.isValid() and top <= bottom:
            if block.blockNumber() in self.ltr_blocks:
                layout = block.layout()
                option = layout.textOption()
                if not option.alignment() & Qt.AlignmentFlag.AlignLeft:
                    option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
                    layout.setTextOption(option)
            top += self.blockBoundingRect(block).height()
            block = block.next()

    def set_show_hidden(self, show: bool) -> None:
        """Show bidi controls and zero-width characters of the text as visible signs (on by default:
        they can make a text read differently than it is stored), or let them act unseen."""
        if show == self.reveal_hidden:
            return
        self.reveal_hidden = show
        if not self.loading and _HIDDEN_RE.search(self.text):
            self._replace_hidden()

    def _shown(self, text: str) -> str:
        return reveal_hidden(text) if self.reveal_hidden else text

    def _replace_hidden(self) -> None:
        """Swap each hidden character for its sign (or back) in place: one character for one, so
        the layout of the rest, the highlighting and every offset stay as they are."""
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for match in _HIDDEN_RE.finditer(self.text):
            offset, ch = match.start(), match.group()
            position = self.positions.to_qt(offset)
            cursor.setPosition(position)
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(HIDDEN_SIGNS[ch] if self.reveal_hidden else ch)
        cursor.endEditBlock()

    # --- zoom ----------------------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        self._zoom = steps
        self._apply_font()

    def _apply_font(self) -> None:
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(max(5.0, BASE_POINT_SIZE + self._zoom))
        self.setFont(font)

    # --- geometry ------------------------------------------------------------------------------

    def visible_blocks(self) -> VisibleBlocks:
        numbers, positions, tops, heights, layouts = [], [], [], [], []
        block = self.firstVisibleBlock()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        height_limit = self.viewport().height()
        end_position = 0
        while block.isValid() and top <= height_limit:
            height = self.blockBoundingRect(block).height()
            numbers.append(block.blockNumber())
            positions.append(block.position())
            tops.append(top)
            heights.append(height)
            layouts.append(block.layout())
            end_position = block.position() + block.length()
            top += height
            block = block.next()
        return VisibleBlocks(
            tuple(numbers),
            tuple(positions),
            tuple(tops),
            tuple(heights),
            tuple(layouts),
            float(height_limit),
            end_position,
        )

    def offset_at(self, y: float) -> int:
        """The Python offset of the text at viewport height `y`."""
        cursor = self.cursorForPosition(QPoint(self.viewport().width() // 2, int(y)))
        return self.positions.to_py(cursor.position())

    def scroll_offset_to(self, offset: int, y: float) -> None:
        """Scroll so the line holding `offset` sits across viewport height `y` (to the nearest
        line). The scroll bar counts lines: the lines above are counted by their laid-out heights."""
        qt_position = self.positions.to_qt(offset)
        block = self.document().findBlock(qt_position)
        if not block.isValid():
            return
        self.blockBoundingRect(block)  # lays the block out if it is not yet (out of view)
        layout = block.layout()
        line_in_block = 0
        own_height = float(self.fontMetrics().lineSpacing())
        if layout is not None and layout.lineCount() > 0:
            line = layout.lineForTextPosition(qt_position - block.position())
            if line.isValid():
                line_in_block = line.lineNumber()
                own_height = line.height()
        above = self._lines_above(block, line_in_block, y - own_height / 2)
        target = block.firstLineNumber() + line_in_block - above
        bar = self.verticalScrollBar()
        bar.setValue(max(bar.minimum(), min(bar.maximum(), target)))

    def _lines_above(self, block: QTextBlock, line_in_block: int, y: float) -> int:
        """How many lines above line `line_in_block` of `block` fill height `y`, to the nearest."""
        spacing = max(1.0, float(self.fontMetrics().lineSpacing()))
        count, height = 0, 0.0
        number = line_in_block - 1
        while block.isValid() and height < y:
            layout = block.layout()
            laid_out = layout is not None and layout.lineCount() > 0
            while number >= 0 and height < y:
                line_height = layout.lineAt(number).height() if laid_out else spacing
                if height + line_height / 2 > y:
                    return count
                height += line_height
                count += 1
                number -= 1
            block = block.previous()
            if block.isValid():
                self.blockBoundingRect(block)
                lines = block.layout().lineCount() if block.layout() is not None else 0
                number = (lines or max(1, block.lineCount())) - 1
        return count

    def select_range(self, start: int, end: int, *, scroll: bool = True) -> None:
        """Select [start, end) (Python offsets) and bring it into view."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_qt(min(end, len(self.text))))
        cursor.setPosition(self.positions.to_qt(start), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if scroll:
            self.scroll_offset_to(start, self.viewport().height() / 3)

    def set_outlines(self, role: str, ranges: Sequence[tuple[int, int]], style: OutlineStyle) -> None:
        """Outline the Python ranges under `role` (replacing that role's earlier ones); an empty
        range is drawn as an insertion bar. No ranges: the role is cleared."""
        if not ranges:
            self.clear_outlines(role)
            return
        to_qt = self.positions.to_qt
        self.outlines[role] = Outlines.of([(to_qt(lo), to_qt(hi)) for lo, hi in ranges], style)
        self.viewport().update()

    def clear_outlines(self, role: str) -> None:
        if self.outlines.pop(role, None) is not None:
            self.viewport().update()

    def outlined(self, role: str) -> list[tuple[int, int]]:
        """The Python ranges outlined under `role`."""
        outlines = self.outlines.get(role)
        if outlines is None:
            return []
        to_py = self.positions.to_py
        return [(to_py(lo), to_py(hi)) for lo, hi in zip(outlines.starts, outlines.ends, strict=True)]

    def bring_into_view(self, start: int, end: int, y: float | None = None) -> None:
        """Scroll so [start, end) is in view: to height `y` when given, else only if it is not."""
        if y is None:
            visible = self.visible_blocks()
            top, bottom = visible.span(self.positions.to_qt(start), self.positions.to_qt(max(start, end)))
            if top >= 0 and bottom <= visible.viewport_height:
                return
            y = self.viewport().height() / 3
        self.scroll_offset_to(start, y)

    def place_cursor(self, offset: int) -> None:
        """Move the text cursor to `offset` without selecting (a selection hides the colours)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_qt(min(offset, len(self.text))))
        self.setTextCursor(cursor)

    def clear_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    def selected_range(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return self.positions.to_py(cursor.selectionStart()), self.positions.to_py(cursor.selectionEnd())

    def cursor_offset(self) -> int:
        return self.positions.to_py(self.textCursor().position())

    def selected_text(self) -> str:
        start, end = self.selected_range()
        return self.text[start:end]

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        """Copy the original text, without the direction marks the pane added."""
        data = QMimeData()
        data.setText(self.selected_text())
        return data

    # --- events --------------------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked.emit(self.cursor_offset())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        self._align_visible_ltr_blocks()
        super().paintEvent(event)
        if self.outlines:
            painter = QPainter(self.viewport())
            paint_outlines(self, painter, list(self.outlines.values()))
            painter.end()
        self.painted.emit()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.focused.emit()
