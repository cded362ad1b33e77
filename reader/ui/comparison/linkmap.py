"""The bands between the panes (Meld's link map): one curved band per passage, from its lines in the
left pane to its counterpart's lines in the right pane. Bands of moved passages cross the others.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reader.compare import Comparison
from reader.ui.comparison.panes import ReadingPane
from reader.ui.comparison.theme import LIGHT, Theme
from reader.view.navigation import PassageIndex


class LinkMap(QWidget):
    """Draws the bands; clicking a band emits `passageClicked(index)`."""

    passageClicked = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, left: ReadingPane, right: ReadingPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left = left
        self.right = right
        self.comparison: Comparison | None = None
        self.indexes: dict[str, PassageIndex] = {}
        self.current: int | None = None
        self.theme: Theme = LIGHT
        self._paths: list[tuple[int, QPainterPath]] = []
        self.setFixedWidth(64)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        for pane in (left, right):
            pane.verticalScrollBar().valueChanged.connect(self.update)
            pane.updateRequest.connect(self._pane_updated)

    def _pane_updated(self, _rect: QRectF, dy: int) -> None:
        if dy:
            self.update()

    def set_comparison(
        self, comparison: Comparison | None, indexes: dict[str, PassageIndex] | None = None
    ) -> None:
        self.comparison = comparison
        self.indexes = indexes or {}
        self.current = None
        self.update()

    def set_current(self, index: int | None) -> None:
        self.current = index
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def band_paths(self) -> list[tuple[int, QPainterPath]]:
        """(passage index, band outline) for each passage with a visible end, in widget coordinates."""
        comparison = self.comparison
        if comparison is None or not comparison.passages:
            return []
        # pane viewports and this widget may not share their top edge (headers, frames)
        own_top = self.mapToGlobal(QPoint(0, 0)).y()
        left_offset = self.left.viewport().mapToGlobal(QPoint(0, 0)).y() - own_top
        right_offset = self.right.viewport().mapToGlobal(QPoint(0, 0)).y() - own_top
        lv = self.left.visible_blocks()
        rv = self.right.visible_blocks()
        to_qt_left = self.left.positions.to_qt
        to_qt_right = self.right.positions.to_qt
        width = float(self.width())
        height = float(self.height())
        paths: list[tuple[int, QPainterPath]] = []
        for index in self._candidates(lv, rv):
            passage = comparison.passages[index]
            l0, l1 = lv.span(to_qt_left(passage.a[0]), to_qt_left(passage.a[1]))
            r0, r1 = rv.span(to_qt_right(passage.b[0]), to_qt_right(passage.b[1]))
            l0, l1 = l0 + left_offset, l1 + left_offset
            r0, r1 = r0 + right_offset, r1 + right_offset
            above = l1 < 0 and r1 < 0
            below = l0 > height and r0 > height
            if above or below:
                continue
            paths.append((index, _band(width, l0, l1, r0, r1)))
        return paths

    def _candidates(self, lv, rv) -> list[int]:  # noqa: ANN001 - VisibleBlocks of each pane
        """Passages with a part in view on either side: passages of one side are disjoint and in
        order, so two bisections per side find them among thousands."""
        found: set[int] = set()
        for side, pane, visible in (("a", self.left, lv), ("b", self.right, rv)):
            index = self.indexes.get(side)
            if index is None or not visible.positions:
                continue
            first = pane.positions.to_py(visible.positions[0])
            last = pane.positions.to_py(visible.end_position)
            lo = bisect_right(index.ends, first)
            hi = bisect_left(index.starts, last)
            found.update(index.order[lo:hi])
        return sorted(found)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._paths = self.band_paths()
        passages = self.comparison.passages if self.comparison is not None else ()
        for index, path in self._paths:
            moved = passages[index].moved
            fill = QColor(self.theme.band_moved if moved else self.theme.band)
            fill.setAlpha(150)
            outline = QColor(fill).darker(140)
            pen = QPen(outline, 1.0)
            if index == self.current:
                pen = QPen(QColor(self.theme.current), 2.5)
                fill.setAlpha(220)
            if moved:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawPath(path)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = event.position()
        for index, path in reversed(self._paths):
            if path.contains(point):
                self.passageClicked.emit(index)
                return
        super().mousePressEvent(event)


def _band(width: float, l0: float, l1: float, r0: float, r1: float) -> QPainterPath:
    """A band from [l0, l1] on the left edge to [r0, r1] on the right edge, with S-curved sides."""
    l1 = max(l1, l0 + 2.0)
    r1 = max(r1, r0 + 2.0)
    mid = width / 2.0
    path = QPainterPath(QPointF(0.0, l0))
    path.cubicTo(QPointF(mid, l0), QPointF(mid, r0), QPointF(width, r0))
    path.lineTo(QPointF(width, r1))
    path.cubicTo(QPointF(mid, r1), QPointF(mid, l1), QPointF(0.0, l1))
    path.closeSubpath()
    return path
