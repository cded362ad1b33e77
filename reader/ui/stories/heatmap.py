"""The heat map of shared shares fitted to its room: the columns share the width (no sideways
scrolling however many reports), headed by the rows' numbers so a header stays a few pixels wide
whatever the article ids; a cell too narrow for its number keeps its colour and its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

NARROWEST_CELL = 8  # pixels: below this a colour is hard to tell from its neighbours'
CELL_FONT_SCALE = 0.85


class NumberIfItFits(QStyledItemDelegate):
    """Draws the cell's number only when it fits whole: an elided `1…` would read as a wrong share."""

    def initStyleOption(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if option.fontMetrics.horizontalAdvance(option.text) > text_room(option):
            option.text = ""


def text_room(option: QStyleOptionViewItem) -> int:
    """The width a cell's text gets: the style keeps a margin on each side (it elides past it)."""
    style = option.widget.style() if option.widget else QApplication.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, option.widget) + 1
    return option.rect.width() - 2 * margin


def fit_heat_map(table: QTableView) -> None:
    """Columns stretched over the viewport, never wider than it (the minimum is what a colour needs)."""
    header = table.horizontalHeader()
    header.setMinimumSectionSize(NARROWEST_CELL)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    table.setItemDelegate(NumberIfItFits(table))
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    font = table.font()  # the shares a size smaller: "100" then fits the column of one of 13 reports
    font.setPointSizeF(font.pointSizeF() * CELL_FONT_SCALE)
    table.setFont(font)
