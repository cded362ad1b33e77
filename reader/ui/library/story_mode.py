"""The article list's story mode: the library's stories in the list panel, one row each (headline,
reports, outlets, first and last seen), latest first. The rows are grouped off the GUI thread
through the window's task manager, on a library connection of the task's own, with a progress bar
and a line saying which step runs; the window stays responsive and a newer request supersedes an
older one. Enter (or a double click) on a story asks for its story view.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.library import Library, open_library
from reader.ui.library.column_widths import fit_columns
from reader.ui.library.story_model import StoryTableModel
from reader.ui.tasks import TaskManager
from reader.view.digits import Digits
from reader.view.story_list import COLUMNS, HEADLINE, LAST_SEEN, OUTLETS

if TYPE_CHECKING:
    from reader.stories.model import Story

LANE = "list-stories"
HEADLINE_SHARE = 0.45  # of the list's width, whatever the other columns need
OUTLETS_COLUMN_MAX = 150  # pixels: a story in every outlet must not squeeze the headlines
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
STEP_NAMES = (  # what each step of reader.stories.stories_of (its STEPS) is called on the progress line
    QT_TRANSLATE_NOOP("StoryList", "reading the list"),
    QT_TRANSLATE_NOOP("StoryList", "counting shared text"),
    QT_TRANSLATE_NOOP("StoryList", "grouping and naming stories"),
)


def stories_of(library: Library, progress: Callable, cancelled: Callable[[], bool]) -> list[Story]:
    """The grouping, loaded on first use (the window starts without it)."""
    from reader.stories import stories_of as group  # noqa: PLC0415

    return group(library, progress=progress, cancelled=cancelled)


class StoryModeView(QWidget):
    """`storyActivated(story)`: Enter on a story row; `storiesShown()`: the rows are filled."""

    storyActivated = Signal(object)  # noqa: N815 - Qt naming
    storiesShown = Signal()  # noqa: N815

    def __init__(
        self, tasks: TaskManager, library_path: Callable[[], Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("storyMode")
        self._tasks = tasks
        self._library_path = library_path
        self.digits = Digits()
        self.stale = True  # the rows no longer answer the library (never grouped, or imported since)
        self.loading = False
        self.model = StoryTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("storyModeList")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(LAST_SEEN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.table.doubleClicked.connect(lambda index: self._activate(index.row()))
        self.status = QLabel(self)
        self.status.setObjectName("storyModeStatus")
        self.status.setWordWrap(True)  # a long line must not hold the list panel wide
        self.progress = QProgressBar(self)
        self.progress.setObjectName("storyModeProgress")
        self.progress.setRange(0, len(STEP_NAMES))
        self.progress.setMaximumHeight(8)
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.hide()
        status_row = QHBoxLayout()
        status_row.setContentsMargins(4, 0, 4, 0)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(status_row)

    # --- rows ------------------------------------------------------------------------------

    def load(self) -> None:
        """Group the library into stories in the background; the rows shown stay until then."""
        path = self._library_path()
        self.stale, self.loading = False, True

        def work(context) -> list[Story]:  # noqa: ANN001 - a TaskContext
            library = open_library(path, seed_if_empty=False)
            try:
                return stories_of(
                    library,
                    progress=lambda step, total, _name: context.progress((step, total)),
                    cancelled=context.cancelled,
                )
            finally:
                library.close()

        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(QCoreApplication.translate("StoryList", "Grouping the library into stories…"))
        self._tasks.run(
            work, on_success=self._loaded, on_failure=self._failed, on_cancel=self._cancelled,
            on_progress=self._step, lane=LANE, log_errors_as="story mode",
        )  # fmt: skip

    def _step(self, value: tuple[int, int]) -> None:
        step, total = value
        self.progress.setValue(step)
        self.status.setText(
            QCoreApplication.translate(
                "StoryList", "Grouping the library into stories: step {step} of {total}, {name}…"
            ).format(
                step=self.digits.number(step + 1),
                total=self.digits.number(total),
                name=QCoreApplication.translate("StoryList", STEP_NAMES[step]),
            )
        )

    def _loaded(self, stories: list[Story]) -> None:
        self.loading = False
        self.progress.hide()
        current = self.current_story()
        self.model.set_stories(stories)
        fit_columns(self.table, self.model, (c for c in range(len(COLUMNS)) if c != HEADLINE))
        header = self.table.horizontalHeader()
        if header.sectionSize(OUTLETS) > OUTLETS_COLUMN_MAX:
            header.resizeSection(OUTLETS, OUTLETS_COLUMN_MAX)
        self._fit_headline()
        self._say_count()
        row = self.model.table.row_of(current.id) if current is not None else -1
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(max(row, 0), HEADLINE))
        self.storiesShown.emit()

    def _fit_headline(self) -> None:
        """The headline takes the room the other columns leave, and never less than
        `HEADLINE_SHARE` of the list: in a narrow panel the outlets scroll out of view first."""
        header = self.table.horizontalHeader()
        room = self.table.viewport().width()
        others = sum(header.sectionSize(c) for c in range(len(COLUMNS)) if c != HEADLINE)
        header.resizeSection(HEADLINE, max(int(room * HEADLINE_SHARE), room - others, 80))

    def _say_count(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.table.stories)
        text = QCoreApplication.translate("StoryList", "%n stories of two or more reports", "", total)
        if shown != total:
            text = QCoreApplication.translate("StoryList", "{shown} of {text}").format(
                shown=self.digits.number(shown), text=text
            )
        self.status.setText(self.digits.of(text))

    def _failed(self, error: Exception) -> None:
        self.loading, self.stale = False, True
        self.progress.hide()
        self.status.setText(
            QCoreApplication.translate("StoryList", "Could not group the library into stories: {}").format(
                error
            )
        )

    def _cancelled(self) -> None:
        self.loading = False
        self.progress.hide()

    def set_filter(self, text: str) -> None:
        self.model.set_filter(text)
        if not self.loading:
            self._say_count()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, HEADLINE))

    def set_digits(self, digits: Digits) -> None:
        self.digits = digits
        self.model.set_digits(digits)
        if not self.loading and self.model.table.stories:
            self._say_count()

    # --- the current row -------------------------------------------------------------------

    def current_story(self) -> Story | None:
        index = self.table.currentIndex()
        return self.model.story(index.row()) if index.isValid() else None

    def select_story_of(self, article_id: int) -> bool:
        """Make the story an article is a report of the current row."""
        row = self.model.table.row_containing(article_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, HEADLINE))
        return row >= 0

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, HEADLINE))

    def _activate(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.storyActivated.emit(self.model.story(row))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_headline()
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in _ENTER:
                self._activate(self.table.currentIndex().row())
                return True
        return super().eventFilter(watched, event)
