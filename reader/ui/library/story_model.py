"""The story mode of the article list as a Qt model over `reader.view.story_list.StoryTable`:
named columns, a role for the story's id, its reports and a sort key; sorting and filtering are
the table's (one Python sort, no proxy calling back per comparison)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from reader.view.digits import Digits
from reader.view.story_list import (
    COLUMNS,
    CONTEXT,
    FIRST_SEEN,
    LAST_SEEN,
    StoryTable,
    outlets_text,
)

if TYPE_CHECKING:
    from reader.stories.model import Story

StoryIdRole = Qt.ItemDataRole.UserRole + 1  # the story's id (its earliest report)
ReportIdsRole = Qt.ItemDataRole.UserRole + 2  # the ids of its reports, earliest first
StorySortRole = Qt.ItemDataRole.UserRole + 3  # the value the column sorts by

Index = QModelIndex | QPersistentModelIndex

# Absolute: a right-to-left layout would mirror plain AlignRight, and Arabic must stay on the right.
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


class StoryTableModel(QAbstractTableModel):
    """One row per story; `table` holds the rows (Qt-free)."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001 - any QObject
        super().__init__(parent)
        self.table = StoryTable()

    def set_stories(self, stories: Iterable[Story]) -> None:
        self.beginResetModel()
        self.table.set_stories(stories)
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        anchors = [(self.table.story(index.row()).id, index.column()) for index in persistent]
        self.table.set_filter(text)
        self._move_persistent(persistent, anchors)
        self.layoutChanged.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        anchors = [(self.table.story(index.row()).id, index.column()) for index in persistent]
        self.table.sort(column, order == Qt.SortOrder.DescendingOrder)
        self._move_persistent(persistent, anchors)
        self.layoutChanged.emit()

    def _move_persistent(self, persistent: list, anchors: list[tuple[int, int]]) -> None:
        """Selections follow their stories; one filtered out is dropped."""
        moved = []
        for story_id, column in anchors:
            row = self.table.row_of(story_id)
            moved.append(self.index(row, column) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, moved)

    def set_digits(self, digits: Digits) -> None:
        self.table.digits = digits
        if self.table.row_count():
            self.dataChanged.emit(self.index(0, 0), self.index(self.table.row_count() - 1, len(COLUMNS) - 1))

    def story(self, row: int) -> Story:
        return self.table.story(row)

    def column_texts(self, column: int) -> set[str]:
        return self.table.column_texts(column)

    # QAbstractTableModel
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else self.table.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(CONTEXT, COLUMNS[section].header)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _CENTER
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self.table.row_count():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.table.text(row, column)
        if role == StoryIdRole:
            return self.table.story(row).id
        if role == ReportIdsRole:
            return list(self.table.story(row).article_ids)
        if role == StorySortRole:
            return self.table.sort_key(self.table.story(row), column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            kind = COLUMNS[column].align
            if kind == "text":
                return _RIGHT if self.table.right_to_left(row, column) else _LEFT
            return _RIGHT if kind == "number" else _CENTER
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def _tooltip(self, row: int) -> str:
        story, digits = self.table.story(row), self.table.digits
        reports = QCoreApplication.translate("StoryList", "%n report(s)", "", story.reports)
        outlets = QCoreApplication.translate("StoryList", "%n outlet(s):", "", len(story.outlets))
        seen = QCoreApplication.translate("StoryList", "First seen {first}, last seen {last}").format(
            first=self.table.text(row, FIRST_SEEN), last=self.table.text(row, LAST_SEEN)
        )
        lines = [
            story.headline.strip(),
            digits.of(reports),
            f"{digits.of(outlets)} {outlets_text(story.outlets)}",
            seen,
            QCoreApplication.translate(
                "StoryList", "Enter opens the story: its reports, the collation and who took from whom"
            ),
        ]
        return "\n".join(line for line in lines if line)
