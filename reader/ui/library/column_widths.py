"""Column widths of a big table from what its columns show, without measuring row by row.

`QTableView.resizeColumnsToContents` asks the delegate for the size of a thousand rows of every
column, each a round trip through the Python model and the proxy: over a second of the window's
start on 20,000 articles. A column's width depends only on the widest text it shows, and the
article list's columns hold few distinct texts (14 outlets, a few hundred dates), so measuring
those gives the same widths.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Protocol

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QStyle, QTableView


class ColumnTexts(Protocol):
    def column_texts(self, column: int) -> set[str]: ...


def fit_columns(table: QTableView, model: ColumnTexts, columns: Iterable[int]) -> None:
    """Size each column to its widest text as `resizeColumnToContents` would: the text's width,
    the item margins of the style, the grid line, and never narrower than the header."""
    metrics = QFontMetricsF(table.font())  # fractional widths, rounded up as the item layout does
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    grid = 1 if table.showGrid() else 0
    header = table.horizontalHeader()
    for column in columns:
        widest = math.ceil(max(map(metrics.horizontalAdvance, model.column_texts(column)), default=0))
        header.resizeSection(column, max(widest + margin + grid, header.sectionSizeHint(column)))
