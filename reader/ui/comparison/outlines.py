"""Outlines drawn over a pane's text: the current change and its counterpart, find hits.

A selection paints its own opaque colour over the highlighting and hides what the colours say; an
outline around the words keeps them readable. A range with nothing in it (the place the other
text left words out) is drawn as an insertion bar. Only ranges in view are drawn: the ranges are
kept sorted by start and found by bisection, so thousands of find hits cost nothing off screen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QPlainTextEdit

BAR_WIDTH = 3.0  # an insertion bar: the place where the other text has words this one lacks


@dataclass(frozen=True)
class OutlineStyle:
    colour: str
    width: float = 2.0
    dashed: bool = False
    fill_alpha: int = 0  # 0: outline only, the highlighting shows through untouched


@dataclass(frozen=True)
class Outlines:
    """Ranges in Qt positions, sorted by start, drawn in one style."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    reach: tuple[int, ...]  # the furthest end so far: ranges may overlap
    style: OutlineStyle

    @classmethod
    def of(cls, ranges: Sequence[tuple[int, int]], style: OutlineStyle) -> Outlines:
        ordered = sorted(ranges)
        ends = [end for _, end in ordered]
        return cls(tuple(s for s, _ in ordered), tuple(ends), tuple(accumulate(ends, max)), style)

    def within(self, first: int, last: int) -> list[tuple[int, int]]:
        """The ranges that touch Qt positions [first, last]."""
        lo = bisect_left(self.reach, first)
        hi = bisect_right(self.starts, last)
        return [(self.starts[k], self.ends[k]) for k in range(lo, hi) if self.ends[k] >= first]


def paint_outlines(pane: QPlainTextEdit, painter: QPainter, sets: Sequence[Outlines]) -> None:
    """Draw each set's ranges that are in view on the pane's viewport."""
    block = pane.firstVisibleBlock()
    if not block.isValid() or not any(s.starts for s in sets):
        return
    offset = pane.contentOffset()
    bottom = pane.viewport().height()
    blocks = []  # (block, top) of the visible blocks
    top = pane.blockBoundingGeometry(block).translated(offset).top()
    while block.isValid() and top <= bottom:
        blocks.append((block, top))
        top += pane.blockBoundingRect(block).height()
        block = block.next()
    first = blocks[0][0].position()
    last = blocks[-1][0].position() + blocks[-1][0].length()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for outlines in sets:
        style = outlines.style
        colour = QColor(style.colour)
        pen = QPen(colour, style.width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if style.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        fill = QColor(colour)
        fill.setAlpha(style.fill_alpha)
        for start, end in outlines.within(first, last):
            if start == end:
                _paint_bar(painter, blocks, start, colour)
                continue
            path = _range_path(blocks, start, end)
            if not path.isEmpty():
                painter.setPen(pen)
                painter.setBrush(fill if style.fill_alpha else Qt.BrushStyle.NoBrush)
                painter.drawPath(path)


def _range_path(blocks: list, start: int, end: int) -> QPainterPath:
    """The outline of Qt range [start, end): one rounded rectangle per line it covers, joined."""
    path = QPainterPath()
    for block, top in blocks:
        position = block.position()
        if position + block.length() <= start or position >= end:
            continue
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:  # lineAt on an unlaid block crashes
            continue
        origin = layout.position()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            line_start = position + line.textStart()
            line_end = line_start + line.textLength()
            lo, hi = max(start, line_start), min(end, line_end)
            if lo >= hi:
                continue
            x1 = line.cursorToX(lo - position)[0]
            x2 = line.cursorToX(hi - position)[0]
            if abs(x2 - x1) < 1.0:
                continue
            rect = QRectF(min(x1, x2) - 2.0, top + origin.y() + line.y(), abs(x2 - x1) + 4.0, line.height())
            rect.translate(origin.x(), 0.0)
            piece = QPainterPath()
            piece.addRoundedRect(rect, 3.0, 3.0)
            path = path.united(piece)
    return path


def _paint_bar(painter: QPainter, blocks: list, position: int, colour: QColor) -> None:
    """An insertion bar with small caps, at a Qt position."""
    for block, top in blocks:
        start = block.position()
        if not start <= position < start + block.length():
            continue
        layout = block.layout()
        if layout is None or layout.lineCount() == 0:
            return
        line = layout.lineForTextPosition(position - start)
        if not line.isValid():
            return
        origin = layout.position()
        x = origin.x() + line.cursorToX(position - start)[0]
        y0 = top + origin.y() + line.y()
        y1 = y0 + line.height()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(QRectF(x - BAR_WIDTH / 2, y0, BAR_WIDTH, y1 - y0))
        for y, sign in ((y0, 1.0), (y1, -1.0)):
            cap = QPainterPath(QPointF(x - 5.0, y))
            cap.lineTo(QPointF(x + 5.0, y))
            cap.lineTo(QPointF(x, y + sign * 5.0))
            cap.closeSubpath()
            painter.drawPath(cap)
        return
