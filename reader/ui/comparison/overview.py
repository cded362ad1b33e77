"""A thin overview ruler beside a pane (WinMerge's location pane, KDiff3's overview): where in the
whole article the differences are, and which part is in view. Clicking scrolls there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from reader.ui.comparison.panes import ReadingPane
from reader.ui.comparison.theme import LIGHT, Theme
from reader.view.navigation import OVERVIEW_BUCKETS


class OverviewRuler(QWidget):
    def __init__(self, pane: ReadingPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane = pane
        self.theme: Theme = LIGHT
        self._marks: list[tuple[int, str]] = []  # (bucket of OVERVIEW_BUCKETS, colour key)
        self._cache: QPixmap | None = None
        self.setFixedWidth(12)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Differences in the whole article; click to go there"))
        pane.verticalScrollBar().valueChanged.connect(self.update)
        pane.verticalScrollBar().rangeChanged.connect(self.update)

    def set_marks(self, marks: Sequence[tuple[int, str]]) -> None:
        """(bucket, colour key) pairs from `navigation.overview_marks`."""
        self._marks = list(marks)
        self._cache = None
        self.update()

    def clear(self) -> None:
        self.set_marks(())

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._cache = None
        self.update()

    def _render(self) -> QPixmap:
        pixmap = QPixmap(self.size())
        pixmap.fill(self.palette().base().color())
        painter = QPainter(pixmap)
        scale = self.height() / OVERVIEW_BUCKETS
        colours = {key: QColor(getattr(self.theme, key)) for key in ("moved", "only", "changed_chars")}
        run_start, run_end, run_key = -1, -1, ""
        for bucket, key in [*self._marks, (OVERVIEW_BUCKETS + 1, "")]:  # a sentinel ends the last run
            if key == run_key and bucket == run_end:
                run_end = bucket + 1
                continue
            if run_key:  # one rectangle per run of equal buckets
                top = int(run_start * scale)
                height = max(1, int(run_end * scale) - top)
                painter.fillRect(QRect(2, top, self.width() - 4, height), colours[run_key])
            run_start, run_end, run_key = bucket, bucket + 1, key
        painter.end()
        return pixmap

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self._cache is None or self._cache.size() != self.size():
            self._cache = self._render()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._cache)
        bar = self.pane.verticalScrollBar()
        span = bar.maximum() - bar.minimum() + bar.pageStep()
        if span > 0:  # the part of the article in view
            top = int(self.height() * (bar.value() - bar.minimum()) / span)
            height = max(4, int(self.height() * bar.pageStep() / span))
            colour = QColor(self.theme.current)
            colour.setAlpha(70)
            painter.fillRect(QRect(0, top, self.width(), height), colour)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        share = min(1.0, max(0.0, event.position().y() / max(1, self.height())))
        offset = int(share * len(self.pane.text))
        self.pane.scroll_offset_to(offset, self.pane.viewport().height() / 2)
