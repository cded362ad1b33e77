"""The bands between the panes (Meld's link map): a curved band from a passage's lines in the left
pane to its counterpart's lines in the right pane.

With many passages (a shuffled text has dozens, most moved) bands to places out of view would
cross everything, so only passages with both ends in view get a band, drawn lightly; a passage
with one end in view gets a short tab at that end pointing to where the other end is (the overview
rulers show the rest); the selected passage's band is always drawn, strongly. Bands of passages
whose order changed cross the others and are dashed; a passage reordered inside is hatched; a
passage used twice has a band from its shared lines to each place. A band's tooltip says where
the passage stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QHelpEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from reader.compare import Comparison
from reader.ui.comparison.panes import ReadingPane
from reader.ui.comparison.theme import LIGHT, Theme
from reader.view.navigation import PassageIndex

MIN_WIDTH, MAX_WIDTH = 56, 128  # the gutter grows with the window, up to this
WIDTH_SHARE = 0.06  # of the comparison view's width
TAB_WIDTH = 12.0  # a tab for a passage whose other end is out of view


@dataclass(frozen=True)
class Band:
    passage: int
    path: QPainterPath
    full: bool  # both ends in view (or the selected passage): a band; else a tab at one end


class LinkMap(QWidget):
    """Draws the bands; clicking a band emits `passageClicked(index)`."""

    passageClicked = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, left: ReadingPane, right: ReadingPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left = left
        self.right = right
        self.comparison: Comparison | None = None
        self.indexes: dict[str, PassageIndex] = {}
        self.moved: list[bool] = []  # per passage: its order changed (its band crosses others)
        self.current: int | None = None
        self.theme: Theme = LIGHT
        self.describe: Callable[[int], str] = lambda _index: ""  # the tooltip of a passage's band
        self.setFixedWidth(MIN_WIDTH)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        for pane in (left, right):
            pane.verticalScrollBar().valueChanged.connect(self.update)
            pane.updateRequest.connect(self._pane_updated)

    def _pane_updated(self, _rect: QRectF, dy: int) -> None:
        if dy:
            self.update()

    def set_comparison(
        self,
        comparison: Comparison | None,
        indexes: dict[str, PassageIndex] | None = None,
        moved: list[bool] | None = None,
    ) -> None:
        self.comparison = comparison
        self.indexes = indexes or {}
        if moved is None:
            moved = [p.moved for p in comparison.passages] if comparison is not None else []
        self.moved = list(moved)
        self.current = None
        self.update()

    def set_current(self, index: int | None) -> None:
        self.current = index
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def fit_width(self, available: int) -> None:
        """A wider gutter where the window has room (bands between distant lines stay readable)."""
        self.setFixedWidth(max(MIN_WIDTH, min(MAX_WIDTH, int(available * WIDTH_SHARE))))

    # --- geometry ------------------------------------------------------------------------------

    def bands(self) -> list[Band]:
        """The bands and tabs to draw, in widget coordinates, the selected passage's last."""
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
        candidates = self._candidates(lv, rv)
        if self.current is not None and self.current not in candidates:
            candidates.append(self.current)
        out: list[Band] = []
        selected: list[Band] = []
        for index in candidates:
            passage = comparison.passages[index]
            l0, l1 = lv.span(to_qt_left(passage.a[0]), to_qt_left(passage.a[1]))
            r0, r1 = rv.span(to_qt_right(passage.b[0]), to_qt_right(passage.b[1]))
            l0, l1 = l0 + left_offset, l1 + left_offset
            r0, r1 = r0 + right_offset, r1 + right_offset
            left_in = l1 >= 0 and l0 <= height
            right_in = r1 >= 0 and r0 <= height
            if index == self.current:
                if left_in or right_in:
                    selected.append(Band(index, _band(width, l0, l1, r0, r1), True))
            elif left_in and right_in:
                out.append(Band(index, _band(width, l0, l1, r0, r1), True))
            elif left_in:
                out.append(Band(index, _tab(0.0, TAB_WIDTH, l0, l1, r0 > height), False))
            elif right_in:
                out.append(Band(index, _tab(width, width - TAB_WIDTH, r0, r1, l0 > height), False))
        return out + selected

    def band_paths(self) -> list[tuple[int, QPainterPath]]:
        """(passage index, outline) of every band and tab drawn now."""
        return [(band.passage, band.path) for band in self.bands()]

    def _candidates(self, lv, rv) -> list[int]:  # noqa: ANN001 - VisibleBlocks of each pane
        """Passages with a part in view on either side."""
        found: set[int] = set()
        for side, pane, visible in (("a", self.left, lv), ("b", self.right, rv)):
            index = self.indexes.get(side)
            if index is None or not visible.positions:
                continue
            first = pane.positions.to_py(visible.positions[0])
            last = pane.positions.to_py(visible.end_position)
            found.update(index.visible(first, last))
        return sorted(found)

    def passages_at(self, point: QPointF) -> list[int]:
        """Passages whose band or tab holds `point`, the one drawn on top first."""
        seen: list[int] = []
        for band in reversed(self.bands()):
            if band.path.contains(point) and band.passage not in seen:
                seen.append(band.passage)
        return seen

    # --- painting and events -------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        passages = self.comparison.passages if self.comparison is not None else ()
        for band in self.bands():
            moved = band.passage < len(self.moved) and self.moved[band.passage]
            selected = band.passage == self.current
            fill = QColor(self.theme.band_moved if moved else self.theme.band)
            fill.setAlpha(220 if selected else 110 if band.full else 150)
            pen = QPen(QColor(self.theme.current), 2.5) if selected else QPen(QColor(fill).darker(150), 1.0)
            if moved:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawPath(band.path)
            if passages[band.passage].reordered:  # hatched: its words are shared, but reordered
                hatch = QColor(fill).darker(170)
                hatch.setAlpha(200)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
                painter.drawPath(band.path)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        found = self.passages_at(event.position())
        if found:
            self.passageClicked.emit(found[0])
            return
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        """A band's tooltip says where its passage stands (every passage under the pointer)."""
        if event.type() == QEvent.Type.ToolTip:
            help_event: QHelpEvent = event  # type: ignore[assignment]
            text = self.tooltip_at(QPointF(help_event.pos()))
            if text:
                QToolTip.showText(help_event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, point: QPointF) -> str:
        return "\n".join(self.describe(index) for index in self.passages_at(point))


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


def _tab(edge: float, tip: float, top: float, bottom: float, points_down: bool) -> QPainterPath:
    """A short tab on one edge beside [top, bottom], its point showing whether the other end is
    further down or further up."""
    bottom = max(bottom, top + 6.0)
    path = QPainterPath(QPointF(edge, top))
    if points_down:
        path.lineTo(QPointF(tip, top + (bottom - top) * 0.35))
        path.lineTo(QPointF(tip, bottom + 4.0))
    else:
        path.lineTo(QPointF(tip, top - 4.0))
        path.lineTo(QPointF(tip, bottom - (bottom - top) * 0.35))
    path.lineTo(QPointF(edge, bottom))
    path.closeSubpath()
    return path
