"""The article list beside the comparison: a filter box over the table of articles, driven from the
keyboard. Typing filters (titles, sources, and words of the texts through full-text search) and
never changes the panes; Down (or Enter) goes into the list; Enter there compares the current row
against the left pane, Shift+Enter puts it on the left. The articles in the panes are marked (A,
B) and stay listed, in italics, when the filter would hide them.

The list has a story mode (`set_story_mode`): the library's stories instead of its articles
(reader/ui/library/story_mode.py), grouped off the GUI thread the first time and again after the
library changed; the filter narrows the stories by headline and outlets, and Enter on one asks
for its story view (`storyRequested`).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.library.model import ArticleSummary
from reader.ui.library.article_model import (
    COL_PANE,
    COL_SHARED,
    COL_SOURCE,
    COL_TITLE,
    COLUMN_COUNT,
    ArticleFilterProxy,
    ArticleTableModel,
)
from reader.ui.library.column_widths import fit_columns
from reader.ui.library.story_mode import StoryModeView
from reader.ui.tasks import TaskManager
from reader.view.digits import Digits

log = logging.getLogger(__name__)

SOURCE_COLUMN_MAX = 110  # pixels: long site names must not squeeze the titles
TITLE_SHARE = 0.55  # of the list's width the title keeps at least; the columns past it scroll into view
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_INTO_LIST = (Qt.Key.Key_Down, Qt.Key.Key_PageDown)


class ArticleListPanel(QWidget):
    """`compareRequested(article_id, side)`: Enter on a row ("b": against the left pane) or
    Shift+Enter ("a": on the left); `storyRequested(story)`: Enter on a story in story mode;
    `modeChanged(stories)`: the list switched between articles and stories."""

    compareRequested = Signal(int, str)  # noqa: N815 - Qt naming
    storyRequested = Signal(object)  # noqa: N815
    modeChanged = Signal(bool)  # noqa: N815

    def __init__(
        self,
        search: Callable[[str], Iterable[int]],
        parent: QWidget | None = None,
        *,
        tasks: TaskManager | None = None,
        library_path: Callable[[], Path] | None = None,
    ) -> None:
        """`search(query)`: ids of the articles whose text matches (full-text search); `tasks` and
        `library_path()`: where the story mode groups the library (no story mode without them)."""
        super().__init__(parent)
        self.setObjectName("articlePanel")
        self._search = search
        self.model = ArticleTableModel(self)
        self.proxy = ArticleFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("listFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.installEventFilter(self)
        self.table = QTableView(self)
        self.table.setObjectName("articleList")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # at the end of the text, in its direction
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.moveSection(COL_PANE, 0)  # which pane an article is in: the first thing on the row
        # what an editor picks a pair by comes next to the title, before date, words and source
        header.moveSection(header.visualIndex(COL_SHARED), header.visualIndex(COL_TITLE) + 1)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self._request(index, "b"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.story_mode: StoryModeView | None = None
        if tasks is not None and library_path is not None:
            self.story_mode = StoryModeView(tasks, library_path, self)
            self.story_mode.storyActivated.connect(self.storyRequested)
            self.stack.addWidget(self.story_mode)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.stack, 1)
        self.filter_edit.setPlaceholderText(self._placeholder())

    # --- the mode --------------------------------------------------------------------------

    def showing_stories(self) -> bool:
        return self.story_mode is not None and self.stack.currentWidget() is self.story_mode

    def set_story_mode(self, stories: bool) -> None:
        """List the library's stories (grouped in the background when not known yet) or its
        articles; the filter's text carries over."""
        stories = bool(stories) and self.story_mode is not None
        if stories == self.showing_stories():
            return
        if stories:
            self.story_mode.set_filter(self.filter_edit.text())
            self.stack.setCurrentWidget(self.story_mode)
            if self.story_mode.stale:
                self.story_mode.load()
        else:
            self.stack.setCurrentWidget(self.table)
        self.filter_edit.setPlaceholderText(self._placeholder())
        self.modeChanged.emit(stories)

    def _placeholder(self) -> str:
        if self.showing_stories():
            return self.tr("Filter stories: words of the headline or outlets")
        return self.tr("Filter: title, source or words in the text")

    def set_digits(self, digits: Digits) -> None:
        self.model.set_digits(digits)
        if self.story_mode is not None:
            self.story_mode.set_digits(digits)

    def library_changed(self) -> None:
        """Articles were imported or edited: the stories are grouped again (now, when shown)."""
        if self.story_mode is None:
            return
        self.story_mode.stale = True
        if self.showing_stories():
            self.story_mode.load()

    # --- content ---------------------------------------------------------------------------

    def set_articles(self, summaries: Iterable[ArticleSummary]) -> None:
        self.model.set_articles(summaries)
        self.library_changed()
        fit_columns(self.table, self.model, (c for c in range(COLUMN_COUNT) if c != COL_TITLE))
        header = self.table.horizontalHeader()
        if header.sectionSize(COL_SOURCE) > SOURCE_COLUMN_MAX:
            header.resizeSection(COL_SOURCE, SOURCE_COLUMN_MAX)
        self._fit_title()

    def _fit_title(self) -> None:
        """The title takes the room the other columns leave, and never less than `TITLE_SHARE` of
        the list: in a narrow list a title stays readable and the other columns scroll into view."""
        header = self.table.horizontalHeader()
        width = self.table.viewport().width()
        others = sum(header.sectionSize(c) for c in range(COLUMN_COUNT) if c != COL_TITLE)
        header.resizeSection(COL_TITLE, max(width - others, math.ceil(width * TITLE_SHARE)))

    def update_article(self, summary: ArticleSummary) -> None:
        """An article's metadata changed (its title may name a story)."""
        self.model.update_article(summary)
        self.library_changed()

    def set_pair(self, left: int | None, right: int | None) -> None:
        """Mark the articles of the panes, and keep them listed whatever the filter."""
        self.model.set_pair(left, right)
        self.proxy.set_pinned((left, right))

    def sorted_by_share(self) -> bool:
        return self.table.horizontalHeader().sortIndicatorSection() == COL_SHARED

    # --- the current row -------------------------------------------------------------------

    def selected_article(self) -> int | None:
        """The current row's article; in story mode, the current story's earliest report."""
        if self.showing_stories():
            story = self.story_mode.current_story()
            return story.id if story is not None else None
        index = self.table.currentIndex()
        return self.proxy.article_id(index.row()) if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        """Make an article the current row (in story mode, also the story it is a report of)."""
        if self.showing_stories():
            self.story_mode.select_story_of(article_id)
        row = self.proxy.proxy_row_of(article_id)
        if row < 0:
            return False
        self._make_current(row)
        return True

    def _make_current(self, row: int) -> None:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        index = self.proxy.index(row, COL_TITLE)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def neighbour(self, article_id: int | None, step: int, skip: int | None = None) -> int | None:
        """The article `step` rows after `article_id` in the list as shown (from the current row
        when it is not listed), passing over `skip`; None past either end."""
        row = self.proxy.proxy_row_of(article_id) if article_id is not None else -1
        if row < 0:
            row = self.table.currentIndex().row()
        rows = self.proxy.rowCount()
        while True:
            row = row + step if row >= 0 else (0 if step > 0 else rows - 1)
            if not 0 <= row < rows:
                return None
            found = self.proxy.article_id(row)
            if found != skip:
                return found

    def focus_list(self) -> None:
        if self.showing_stories():
            self.story_mode.focus_list()
            return
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self._make_current(0)

    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    # --- filtering -------------------------------------------------------------------------

    def _filter_changed(self, text: str) -> None:
        """Narrow the list (and only the list: the panes keep their articles)."""
        if self.showing_stories():
            self.story_mode.set_filter(text)
            return
        self.proxy.set_filter_text(text)
        matches = None
        if text.strip():
            try:
                matches = list(self._search(text))
            except Exception as error:  # noqa: BLE001 - a malformed query filters by titles only
                log.info("search failed for %r: %s", text, error)
        self.proxy.set_text_matches(matches)
        current = self.selected_article()
        if current is None or not self.proxy.matches(current):
            first = next(
                (
                    row
                    for row in range(self.proxy.rowCount())
                    if self.proxy.matches(self.proxy.article_id(row))
                ),
                -1,
            )
            if first >= 0:  # the row under the keyboard: the first that matches
                self._make_current(first)

    # --- keys ------------------------------------------------------------------------------

    def _request(self, index: QModelIndex, side: str) -> None:
        if index.isValid():
            self.compareRequested.emit(self.proxy.article_id(index.row()), side)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_title()
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key_event: QKeyEvent = event  # type: ignore[assignment]
        key = key_event.key()
        modifiers = key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if watched is self.filter_edit and modifiers == Qt.KeyboardModifier.NoModifier:
            if key in _INTO_LIST or key in _ENTER:
                self.focus_list()
                return True
        if watched is self.table and key in _ENTER:
            side = "a" if modifiers == Qt.KeyboardModifier.ShiftModifier else "b"
            self._request(self.table.currentIndex(), side)
            return True
        return super().eventFilter(watched, event)
