"""The facts panel beside the comparison: each fact the two articles state, disagreeing first; a row
activated (Enter, double click) or reached with next/previous disagreement shows both places."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from reader.facts import FactPair
from reader.report import describe, moves
from reader.report.describe import label, shown, where
from reader.report.html import COLOURS
from reader.view.digits import LATIN, Digits
from reader.view.facts import FactsView, next_row

MAX_COLUMN_WIDTH = 150


def _label_in_language(text: str) -> str:
    """A fact's label in the user's language (the wording lives in reader.report.describe)."""
    return QCoreApplication.translate(describe.CONTEXT, text)


def _place_in_language(text: str) -> str:
    return QCoreApplication.translate(moves.CONTEXT, text)


class FactsPanel(QWidget):
    """`set_view(view)` fills it; `jump(pair)` asks the window to show a fact in both panes."""

    jump = Signal(object)  # FactPair

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("factsPanel")
        self.heading = QLabel(self.tr("Facts"), self)
        self.heading.setObjectName("factsHeading")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("factsTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels([self.tr("Fact"), self.tr("Left"), self.tr("Right")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if self.tree.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            # the window is mirrored but the panes are not: the left article's column stays left
            # of the right one's, the fact's name first (at the right)
            self.tree.header().moveSection(2, 1)
        self.tree.itemActivated.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        self.rows: tuple[FactPair, ...] = ()
        self.digits: Digits = LATIN  # the window's: the counts and the ¶ numbers in its style
        self._view: FactsView | None = None

    def set_digits(self, digits: Digits) -> None:
        self.digits = digits
        if self._view is not None:
            self.set_view(self._view)

    def clear(self) -> None:
        self.rows = ()
        self._view = None
        self.tree.clear()
        self.heading.setText(self.tr("Facts"))

    def set_view(self, view: FactsView) -> None:
        self.tree.clear()
        self._view = view
        self.rows = view.rows()
        differ = len(view.facts.differing)
        heading = self.tr("Facts: %n differ", "", differ) + self.tr(", %n shown", "", len(self.rows))
        self.heading.setText(self.digits.of(heading))
        digits = self.digits
        for pair in self.rows:
            item = QTreeWidgetItem(
                [label(pair, _label_in_language), _side(pair, "a", digits), _side(pair, "b", digits)]
            )
            colour = COLOURS.get(pair.status)
            if colour:
                item.setBackground(0, QBrush(QColor(colour)))
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
                item.setToolTip(column, _side(pair, "a" if column == 1 else "b", digits, limit=400))
            self.tree.addTopLevelItem(item)
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
            # a long quote would push the other side out of sight: its tooltip has the whole of it
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), MAX_COLUMN_WIDTH))

    def current_row(self) -> int | None:
        item = self.tree.currentItem()
        return self.tree.indexOfTopLevelItem(item) if item is not None else None

    def step(self, forward: bool) -> FactPair | None:
        """Select the next (previous) disagreeing fact and show it; None when no fact differs."""
        row = next_row(self.rows, self.current_row(), forward)
        if row is None:
            return None
        item = self.tree.topLevelItem(row)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        self.jump.emit(self.rows[row])
        return self.rows[row]

    def focus(self) -> None:
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        row = self.tree.indexOfTopLevelItem(item)
        if 0 <= row < len(self.rows):
            self.jump.emit(self.rows[row])


def _side(pair: FactPair, side: str, digits: Digits, limit: int = 70) -> str:
    """The words of the fact on one side and where they stand (the article's words untouched)."""
    mention = pair.mention(side)
    if mention is None:
        return "—"
    return f"{shown(mention, limit)} \u2066{digits.of(where(mention, _place_in_language))}\u2069"
