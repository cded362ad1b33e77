"""The two reading panes with the link map between them: applying a result, synchronised scrolling,
walking differences and passages, and marking the selected passage on both sides."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from reader.compare import Comparison
from reader.ui.comparison.highlighter import DiffHighlighter, IncrementalRehighlighter
from reader.ui.comparison.linkmap import LinkMap
from reader.ui.comparison.overview import OverviewRuler
from reader.ui.comparison.panes import ReadingPane
from reader.ui.comparison.theme import Legend, Theme, current_theme
from reader.view.comparison import CompareResult
from reader.view.navigation import Hunk, PassageIndex, next_hunk
from reader.view.paragraphs import reveal_hidden

SIDES = ("a", "b")
SYNC_POINT = 0.5  # the height (share of the viewport) kept aligned while scrolling, as Meld does


class _PaneColumn(QWidget):
    """A title above a pane, with the overview ruler on the pane's outer side."""

    def __init__(self, pane: ReadingPane, ruler_outside_left: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ruler = OverviewRuler(pane, self)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
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
        self.active_side = "a"
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
        self.linkmap.passageClicked.connect(lambda index: self.select_passage(index, origin=self.active_side))

    # --- texts and results ---------------------------------------------------------------------

    def set_texts(self, text_a: str | None, text_b: str | None, title_a: str = "", title_b: str = "") -> None:
        """New texts (None keeps a side's text and its highlights until the next result)."""
        self.clear_result()
        for side, text in zip(SIDES, (text_a, text_b), strict=True):
            if text is not None:
                self.rehighlighters[side].stop()
                self.highlighters[side].set_table(None)
                self.panes[side].set_text(text)
        # hidden characters as signs: an override in a title shows, and reverses nothing
        self.left_column.title.setText(reveal_hidden(title_a))
        self.right_column.title.setText(reveal_hidden(title_b))

    def clear_result(self) -> None:
        """Forget the result: no bands, no passage; highlights stay until replaced."""
        self.result = None
        self._pending = None
        self.indexes = {}
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
        self.linkmap.set_comparison(comparison, self.indexes)
        self.rulers["a"].set_marks(result.overview_a)
        self.rulers["b"].set_marks(result.overview_b)
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
        passage = index.passage_at(offset)
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

    def _show_counterpart(self, side: str, passage: int, offset: int) -> None:
        """Select the passage's counterpart on the other side and align it with `offset`."""
        comparison = self.comparison
        if comparison is None:
            return
        other_side = "b" if side == "a" else "a"
        other = self.panes[other_side]
        start, end = comparison.passages[passage].span(other_side)
        pane = self.panes[side]
        y = _y_in_viewport(pane, offset)
        self._syncing = True
        try:
            other.select_range(start, end, scroll=False)
            other.scroll_offset_to(self.indexes[side].counterpart(offset), y)
        finally:
            self._syncing = False
        self.linkmap.update()

    def select_passage(self, passage: int, origin: str | None = None) -> None:
        """Select a passage on the `origin` side, its counterpart on the other, both in view."""
        comparison = self.comparison
        if comparison is None or not 0 <= passage < len(comparison.passages):
            return
        side = origin or self.active_side
        start, end = comparison.passages[passage].span(side)
        self._syncing = True
        try:
            self.panes[side].select_range(start, end)
        finally:
            self._syncing = False
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
        side = self.active_side
        pane = self.panes[side]
        if self.result is None:
            self.message.emit(self.tr("No comparison yet"))
            return None
        start, end = pane.selected_range()
        offset = start if pane.textCursor().hasSelection() else pane.cursor_offset()
        hunk = next_hunk(self.hunks(side), offset, forward)
        if hunk is None:
            self.message.emit(self.tr("No more differences"))
            return None
        self._syncing = True
        try:
            pane.select_range(hunk.start, hunk.end)
        finally:
            self._syncing = False
        self.set_current_passage(hunk.passage)
        if hunk.passage is not None:
            self._show_counterpart(side, hunk.passage, hunk.start)
        else:
            self.panes["b" if side == "a" else "a"].clear_selection()
            self._sync_from(side)
        return hunk

    def jump_to_counterpart(self) -> int | None:
        """Move the focus to the other pane, onto the counterpart of the passage at the cursor."""
        side = self.active_side
        index = self.indexes.get(side)
        if index is None:
            return None
        pane = self.panes[side]
        offset = pane.selected_range()[0] if pane.textCursor().hasSelection() else pane.cursor_offset()
        passage = index.passage_at(offset)
        if passage is None:
            passage = self.current_passage
        if passage is None:
            self.message.emit(self.tr("No shared passage at the cursor"))
            return None
        other_side = "b" if side == "a" else "a"
        self.set_current_passage(passage)
        self._show_counterpart(side, passage, offset)
        self.panes[other_side].setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.active_side = other_side
        return passage


def _y_in_viewport(pane: ReadingPane, offset: int) -> float:
    y = pane.visible_blocks().y_of(pane.positions.to_qt(offset))
    return min(max(0.0, y), pane.viewport().height() * 0.8)
