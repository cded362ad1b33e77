"""The two reading panes with the link map between them: applying a result, synchronised scrolling,
walking differences and passages, marking the current change and the selected passage on both
sides, and keeping the reading position when texts change or the panes resize."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from reader.compare import Comparison
from reader.report.moves import CONTEXT as MOVES_CONTEXT
from reader.text.direction import is_right_to_left
from reader.ui.comparison.highlighter import DiffHighlighter, IncrementalRehighlighter
from reader.ui.comparison.linkmap import LinkMap
from reader.ui.comparison.overview import OverviewRuler
from reader.ui.comparison.panes import ReadingPane
from reader.ui.comparison.theme import Legend, Theme, current_theme
from reader.view.comparison import CompareResult
from reader.view.navigation import Hunk, PassageIndex, change_counterpart, next_hunk
from reader.view.paragraphs import reveal_hidden

SIDES = ("a", "b")
SYNC_POINT = 0.5  # the height (share of the viewport) kept aligned while scrolling, as Meld does
CHANGE_ROLE = "change"  # the outline of the current change (and its counterpart)


def other_side(side: str) -> str:
    return "b" if side == "a" else "a"


@dataclass(frozen=True)
class ReadingPosition:
    """What the reader is looking at: the text at height `y` of one pane's viewport."""

    side: str
    offset: int
    y: float


@dataclass(frozen=True)
class Change:
    """The current difference: a hunk of `side` and the stretch of the other side it stands for."""

    side: str
    hunk: Hunk
    counterpart: tuple[int, int] | None  # None: outside every passage, nothing stands for it


class ElidedLabel(QLabel):
    """A one-line label that shows its whole text when it fits and ends in an ellipsis when it
    does not (at the end of the text: the left for Arabic); the tooltip holds all of it."""

    MINIMUM = 48  # pixels it may shrink to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override: all of it, where there is room
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self.full_text) + margins.left() + margins.right() + 2
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(min(self.MINIMUM, self.sizeHint().width()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.contentsRect().width())
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, width))


class _PaneColumn(QWidget):
    """A title above a pane, with the overview ruler on the pane's outer side."""

    def __init__(self, pane: ReadingPane, ruler_outside_left: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ruler = OverviewRuler(pane, self)
        self.title = ElidedLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.title.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        row = QHBoxLayout()
        row.setSpacing(2)
        row.addWidget(pane, 1)
        row.insertWidget(0 if ruler_outside_left else 1, self.ruler)
        layout.addLayout(row, 1)

    def set_title(self, title: str) -> None:
        """The article's title, laid out in its own direction and elided to fit."""
        rtl = is_right_to_left(title)
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        self.title.setLayoutDirection(direction)
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        self.title.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
        self.title.set_full_text(title)


class ComparisonView(QWidget):
    """Left pane (side "a"), link map, right pane (side "b"), legend underneath."""

    painted = Signal()  # the highlighted result is on screen
    highlightFinished = Signal()  # noqa: N815 - every block of both panes is highlighted
    passageChanged = Signal(object)  # noqa: N815 - passage index or None
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = current_theme()
        self.left = ReadingPane(self)
        self.right = ReadingPane(self)
        self.left.setObjectName("leftPane")
        self.right.setObjectName("rightPane")
        self.panes = {"a": self.left, "b": self.right}
        self.linkmap = LinkMap(self.left, self.right, self)
        self.highlighters = {
            side: DiffHighlighter(pane.document(), self.theme) for side, pane in self.panes.items()
        }
        self.rehighlighters = {
            side: IncrementalRehighlighter(h, self) for side, h in self.highlighters.items()
        }
        for rehighlighter in self.rehighlighters.values():
            rehighlighter.finished.connect(self._rehighlight_finished)
        self.result: CompareResult | None = None
        self.indexes: dict[str, PassageIndex] = {}
        self.current_passage: int | None = None
        self.current_change: Change | None = None
        self.active_side = "a"
        self.number: Callable[[int], str] = str  # how numbers are written (the window's digits)
        self._restore: ReadingPosition | None = None  # to show again once the next result is in
        self._resizing: ReadingPosition | None = None
        self._syncing = False
        self._awaiting_paint: set[str] = set()
        self._pending: CompareResult | None = None  # a result waiting for a long text to load

        self.left_column = _PaneColumn(self.left, True)
        self.right_column = _PaneColumn(self.right, False)
        self.rulers = {"a": self.left_column.ruler, "b": self.right_column.ruler}
        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addSpacing(self.left_column.title.sizeHint().height() + 2)
        middle_layout.addWidget(self.linkmap, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("paneSplitter")
        self.splitter.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # "left" stays left
        self.splitter.addWidget(self.left_column)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.right_column)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(2, 1)
        self.legend = Legend(self.theme, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter, 1)
        legend_row = QHBoxLayout()
        legend_row.addWidget(self.legend)
        layout.addLayout(legend_row)

        for side, pane in self.panes.items():
            pane.verticalScrollBar().valueChanged.connect(lambda _v, s=side: self._sync_from(s))
            pane.clicked.connect(lambda offset, s=side: self._clicked(s, offset))
            pane.focused.connect(lambda s=side: setattr(self, "active_side", s))
            pane.painted.connect(lambda s=side: self._pane_painted(s))
            pane.loaded.connect(self._pane_loaded)
            pane.installEventFilter(self)
        self.linkmap.passageClicked.connect(lambda index: self.select_passage(index, origin=self.active_side))
        self.linkmap.describe = self.passage_summary

    # --- texts and results ---------------------------------------------------------------------

    def set_texts(
        self,
        text_a: str | None,
        text_b: str | None,
        title_a: str = "",
        title_b: str = "",
        keep: ReadingPosition | None = None,
    ) -> None:
        """New texts (None keeps a side's text and its highlights until the next result). The
        reading position is kept: `keep` if given (the window swaps sides), else that of a pane
        whose text stays; the other pane is aligned to it once the comparison is in."""
        if keep is None and (text_a is None) != (text_b is None):
            keep = self.reading_position("a" if text_a is None else "b")
        self.clear_result()
        for side, text in zip(SIDES, (text_a, text_b), strict=True):
            if text is not None:
                self.rehighlighters[side].stop()
                self.highlighters[side].set_table(None)
                self.panes[side].set_text(text)
        # hidden characters as signs: an override in a title shows, and reverses nothing
        self.left_column.set_title(reveal_hidden(title_a))
        self.right_column.set_title(reveal_hidden(title_b))
        self._restore = keep
        if keep is not None and not self.panes[keep.side].loading:
            self.panes[keep.side].scroll_offset_to(keep.offset, keep.y)

    def clear_result(self) -> None:
        """Forget the result: no bands, no passage; highlights stay until replaced."""
        self.result = None
        self._pending = None
        self.indexes = {}
        self.set_current_change(None)
        self.set_current_passage(None)
        self.linkmap.set_comparison(None)
        for ruler in self.rulers.values():
            ruler.clear()

    def _pane_loaded(self) -> None:
        pending = self._pending
        if pending is not None and not any(p.loading for p in self.panes.values()):
            self._pending = None
            self.apply_result(pending)

    def apply_result(self, result: CompareResult) -> None:
        """Paint a result whose texts are the ones shown: visible blocks now, the rest incrementally.
        While a long text is still loading, the result waits for it."""
        if any(pane.loading for pane in self.panes.values()):
            self._pending = result
            return
        self._pending = None
        self.result = result
        comparison = result.comparison
        self.indexes = result.indexes()
        self.current_passage = None
        for side, table in (("a", result.table_a), ("b", result.table_b)):
            pane = self.panes[side]
            self.highlighters[side].set_current(None)
            self.highlighters[side].set_table(table)
            self._awaiting_paint.add(side)
            self.rehighlighters[side].start(pane.firstVisibleBlock(), self._visible_block_count(pane))
        self.linkmap.set_comparison(comparison, self.indexes, [p.crossing for p in result.placements] or None)
        self.rulers["a"].set_marks(result.overview_a)
        self.rulers["b"].set_marks(result.overview_b)
        restore, self._restore = self._restore, None
        if restore is not None:
            self.panes[restore.side].scroll_offset_to(restore.offset, restore.y)
            self.active_side = restore.side
            self._sync_from(restore.side)
        if not self.isVisible():
            self._awaiting_paint.clear()
            QTimer.singleShot(0, self.painted.emit)
            return
        # Paint what is in view now (the rest is highlighted from the event loop): a timer slice
        # must not come first.
        self.linkmap.repaint()
        for pane in self.panes.values():
            pane.viewport().repaint()

    def highlighting(self) -> bool:
        """Still loading or highlighting (a result may be on screen already)."""
        loading = self._pending is not None or any(p.loading for p in self.panes.values())
        return loading or any(r.running for r in self.rehighlighters.values())

    @property
    def comparison(self) -> Comparison | None:
        return self.result.comparison if self.result is not None else None

    def _visible_block_count(self, pane: ReadingPane) -> int:
        return len(pane.visible_blocks().numbers) + 2

    def _pane_painted(self, side: str) -> None:
        if side in self._awaiting_paint:
            self._awaiting_paint.discard(side)
            if not self._awaiting_paint:
                self.painted.emit()

    def _rehighlight_finished(self) -> None:
        if not self.highlighting():
            self.highlightFinished.emit()

    # --- theme and zoom ------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.legend.set_theme(theme)
        for ruler in self.rulers.values():
            ruler.set_theme(theme)
        self.linkmap.set_theme(theme)
        for side, highlighter in self.highlighters.items():
            highlighter.set_theme(theme)
            if highlighter.table is not None:
                self.rehighlighters[side].start(self.panes[side].firstVisibleBlock(), 0)

    def set_zoom(self, steps: int) -> None:
        for pane in self.panes.values():
            pane.set_zoom(steps)
        self.linkmap.update()

    # --- synchronised scrolling ----------------------------------------------------------------

    def _sync_from(self, side: str) -> None:
        if self._syncing or side not in self.indexes:
            return
        self._syncing = True  # re-entry guard (Meld's scroll lock): the other pane's scroll is ours
        try:
            pane = self.panes[side]
            other = self.panes["b" if side == "a" else "a"]
            y = pane.viewport().height() * SYNC_POINT
            offset = pane.offset_at(y)
            other.scroll_offset_to(self.indexes[side].counterpart(offset), y)
        finally:
            self._syncing = False
        self.linkmap.update()

    # --- passages and differences --------------------------------------------------------------

    def _clicked(self, side: str, offset: int) -> None:
        self.active_side = side
        index = self.indexes.get(side)
        if index is None:
            return
        passage = index.passage_at(offset, prefer=self.current_passage)
        self.set_current_change(None)
        self.set_current_passage(passage)
        if passage is not None:
            self._show_counterpart(side, passage, offset)

    def set_current_passage(self, passage: int | None) -> None:
        comparison = self.comparison
        if comparison is None or passage is None or not 0 <= passage < len(comparison.passages):
            passage = None
        self.current_passage = passage
        for side in SIDES:
            span = comparison.passages[passage].span(side) if passage is not None else None
            self.highlighters[side].set_current(span)
        self.linkmap.set_current(passage)
        self.passageChanged.emit(passage)

    def set_current_change(self, change: Change | None) -> None:
        """Outline the change on its side and what stands for it on the other (no selection: the
        colours under it stay readable)."""
        self.current_change = change
        style = self.theme.change_outline
        for side, pane in self.panes.items():
            ranges: list[tuple[int, int]] = []
            if change is not None and side == change.side:
                ranges = [(change.hunk.start, change.hunk.end)]
            elif change is not None and change.counterpart is not None:
                ranges = [change.counterpart]
            pane.set_outlines(CHANGE_ROLE, ranges, style)

    def passage_summary(self, passage: int) -> str:
        """A passage in words, as the status line and its band's tooltip give it:
        "Passage 3 of 9: 85% alike · brought forward: ¶7 of A is ¶3 of B"."""
        result = self.result
        if result is None or not 0 <= passage < len(result.comparison.passages):
            return ""
        item = result.comparison.passages[passage]
        number = self.number
        head = self.tr("Passage {0} of {1}: {2}% alike").format(
            number(passage + 1), number(len(result.comparison.passages)), number(round(item.similarity * 100))
        )
        where = result.describe(passage, lambda text: QCoreApplication.translate(MOVES_CONTEXT, text), number)
        return f"{head} · {where}" if where else head

    def _show_counterpart(self, side: str, passage: int, offset: int) -> None:
        """Align the passage's counterpart on the other side with `offset` on this side."""
        comparison = self.comparison
        if comparison is None:
            return
        other = self.panes[other_side(side)]
        pane = self.panes[side]
        y = _y_in_viewport(pane, offset)
        self._syncing = True
        try:
            other.scroll_offset_to(self.indexes[side].counterpart(offset, prefer=passage), y)
        finally:
            self._syncing = False
        self.linkmap.update()

    def select_passage(self, passage: int, origin: str | None = None) -> None:
        """Make a passage current: underlined on both sides, its start in view on the `origin`
        side with its counterpart beside it; the cursor goes to its start."""
        comparison = self.comparison
        if comparison is None or not 0 <= passage < len(comparison.passages):
            return
        side = origin or self.active_side
        start, end = comparison.passages[passage].span(side)
        self._syncing = True
        try:
            self.panes[side].place_cursor(start)
            self.panes[side].bring_into_view(start, end)
        finally:
            self._syncing = False
        self.set_current_change(None)
        self.set_current_passage(passage)
        self._show_counterpart(side, passage, start)

    def step_passage(self, forward: bool) -> int | None:
        index = self.indexes.get(self.active_side)
        if index is None:
            self.message.emit(self.tr("No comparison yet"))
            return None
        offset = self.panes[self.active_side].cursor_offset()
        passage = index.step(self.current_passage, offset, forward)
        if passage is None:
            self.message.emit(self.tr("No more passages"))
            return None
        self.select_passage(passage, self.active_side)
        return passage

    def hunks(self, side: str) -> tuple[Hunk, ...]:
        if self.result is None:
            return ()
        return self.result.hunks_a if side == "a" else self.result.hunks_b

    def step_difference(self, forward: bool) -> Hunk | None:
        """The next (previous) change on the active side: outlined there, what stands for it
        outlined on the other side, both in view at one height."""
        side = self.active_side
        pane = self.panes[side]
        if self.result is None:
            self.message.emit(self.tr("No comparison yet"))
            return None
        change = self.current_change
        if change is not None and change.side == side and change.hunk.start == pane.cursor_offset():
            offset = change.hunk.start
        else:
            start, _end = pane.selected_range()
            offset = start if pane.textCursor().hasSelection() else pane.cursor_offset()
            if not forward and change is None:
                offset += 1  # a change starting at the cursor is the previous one
        hunk = next_hunk(self.hunks(side), offset, forward)
        if hunk is None:
            self.message.emit(self.tr("No more differences"))
            return None
        self.show_change(side, hunk)
        return hunk

    def show_change(self, side: str, hunk: Hunk) -> None:
        counterpart = None
        number = hunk.passage
        if number is None and side in self.indexes:  # words only this side has, inside a passage
            number = self.indexes[side].passage_at(hunk.start, prefer=self.current_passage)
        if number is not None and self.comparison is not None:
            passage = self.comparison.passages[number]
            counterpart = change_counterpart(
                self.left.text, self.right.text, passage, side, hunk.start, hunk.end
            )
        pane = self.panes[side]
        self._syncing = True
        try:
            pane.place_cursor(hunk.start)
            pane.bring_into_view(hunk.start, hunk.end)
        finally:
            self._syncing = False
        self.set_current_change(Change(side, hunk, counterpart))
        self.set_current_passage(number)
        if counterpart is not None:
            other = self.panes[other_side(side)]
            self._syncing = True
            try:
                other.scroll_offset_to(counterpart[0], _y_in_viewport(pane, hunk.start))
                other.bring_into_view(*counterpart)
            finally:
                self._syncing = False
            self.linkmap.update()
        else:
            self._sync_from(side)

    def jump_to_counterpart(self) -> int | None:
        """Move the focus to the other pane, onto the counterpart of the passage at the cursor."""
        side = self.active_side
        index = self.indexes.get(side)
        if index is None:
            return None
        pane = self.panes[side]
        offset = pane.selected_range()[0] if pane.textCursor().hasSelection() else pane.cursor_offset()
        passage = index.passage_at(offset, prefer=self.current_passage)
        if passage is None:
            passage = self.current_passage
        if passage is None:
            self.message.emit(self.tr("No shared passage at the cursor"))
            return None
        target = other_side(side)
        self.set_current_passage(passage)
        self._show_counterpart(side, passage, offset)
        start = self.comparison.passages[passage].span(target)[0]
        change = self.current_change
        if change is not None and change.side == side and change.counterpart is not None:
            start = change.counterpart[0]
        self.panes[target].place_cursor(start)
        self.panes[target].setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.active_side = target
        return passage

    # --- the reading position ------------------------------------------------------------------

    def reading_position(self, side: str | None = None) -> ReadingPosition:
        """The text at the sync height of a pane (the active one by default)."""
        side = side or self.active_side
        pane = self.panes[side]
        y = pane.viewport().height() * SYNC_POINT
        return ReadingPosition(side, pane.offset_at(y), y)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """A pane about to resize: its lines rewrap, so note what is read there and show it again
        (at the same height, the other pane aligned) once the new layout is in."""
        if event.type() == QEvent.Type.Resize and watched is self.panes[self.active_side]:
            resize: QResizeEvent = event  # type: ignore[assignment]
            if resize.oldSize().isValid() and resize.oldSize().width() != resize.size().width():
                if self._resizing is None and self.panes[self.active_side].text:
                    self._resizing = self.reading_position()
                    QTimer.singleShot(0, self._resized)
        return super().eventFilter(watched, event)

    def _resized(self) -> None:
        position, self._resizing = self._resizing, None
        if position is None:
            return
        pane = self.panes[position.side]
        pane.scroll_offset_to(position.offset, pane.viewport().height() * SYNC_POINT)
        self._sync_from(position.side)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.linkmap.fit_width(self.width())


def _y_in_viewport(pane: ReadingPane, offset: int) -> float:
    y = pane.visible_blocks().y_of(pane.positions.to_qt(offset))
    return min(max(0.0, y), pane.viewport().height() * 0.8)
