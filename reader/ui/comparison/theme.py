"""Highlight colours (Okabe-Ito based, told apart with red-green colour blindness) and the legend.

Each kind has a light and a dark variant. Moved passages differ by colour AND by a dotted underline,
words reordered inside a passage by a hatched background in the shared colour, the current passage
by a solid underline and the current change by an outline, so no distinction rests on hue alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPalette, QResizeEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from reader.ui.comparison.outlines import OutlineStyle
from reader.view.spans import CURRENT, Style

REORDERED_STYLES = (Style.SAME_REORDERED, Style.SAME_MOVED_REORDERED)
MOVED_STYLES = (Style.SAME_MOVED, Style.CHANGED_MOVED, Style.SAME_MOVED_REORDERED)


@dataclass(frozen=True)
class Theme:
    name: str
    same: str
    moved: str
    changed: str
    changed_chars: str
    only: str
    current: str  # underline of the selected passage, its band outline, the current change's outline
    band: str  # fill of link bands
    band_moved: str
    find: str  # outlines of find hits

    def background(self, style: Style) -> str:
        return {
            Style.SAME: self.same,
            Style.SAME_MOVED: self.moved,
            Style.CHANGED: self.changed,
            Style.CHANGED_MOVED: self.changed,
            Style.CHANGED_CHARS: self.changed_chars,
            Style.ONLY: self.only,
            Style.SAME_REORDERED: self.same,
            Style.SAME_MOVED_REORDERED: self.moved,
        }[style]

    def hatch(self, colour: str) -> QBrush:
        """The hatched brush of words reordered inside a passage, in their shared colour."""
        return QBrush(QColor(colour).darker(150 if self.name == "light" else 60), Qt.BrushStyle.BDiagPattern)

    @property
    def change_outline(self) -> OutlineStyle:
        return OutlineStyle(self.current, 2.5)

    @property
    def find_outline(self) -> OutlineStyle:
        return OutlineStyle(self.find, 1.5, dashed=True)

    @property
    def find_current_outline(self) -> OutlineStyle:
        return OutlineStyle(self.find, 3.0)


# Okabe-Ito: sky blue #56B4E9 (same), orange #E69F00 (changed), reddish purple #CC79A7 (only),
# bluish green #009E73 (moved), blue #0072B2 (current).
LIGHT = Theme(
    name="light",
    same="#d3eafa",
    moved="#c4eadc",
    changed="#fde3b0",
    changed_chars="#f2a91c",
    only="#f3d3e5",
    current="#0072b2",
    band="#9fcfee",
    band_moved="#7fd0b4",
    find="#d55e00",  # Okabe-Ito vermillion
)
DARK = Theme(
    name="dark",
    same="#1d4663",
    moved="#14503e",
    changed="#5c4310",
    changed_chars="#a8700a",
    only="#5a2c47",
    current="#7cc4f0",
    band="#2f6f99",
    band_moved="#1f7a5c",
    find="#ff8c42",
)


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def current_theme() -> Theme:
    return DARK if is_dark() else LIGHT


def char_formats(theme: Theme) -> dict[int, QTextCharFormat]:
    """One format per style, and per style with the CURRENT flag."""
    formats: dict[int, QTextCharFormat] = {}
    for style in Style:
        fmt = QTextCharFormat()
        if style in REORDERED_STYLES:
            fmt.setBackground(theme.hatch(theme.background(style)))
        else:
            fmt.setBackground(QColor(theme.background(style)))
        if style in MOVED_STYLES:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(theme.band_moved))
        formats[int(style)] = fmt
        current = QTextCharFormat(fmt)
        current.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        current.setUnderlineColor(QColor(theme.current))
        formats[int(style) | CURRENT] = current
    return formats


LEGEND_ENTRIES = (
    ("same", QT_TRANSLATE_NOOP("Legend", "Same")),
    ("changed", QT_TRANSLATE_NOOP("Legend", "Changed words")),
    ("changed_chars", QT_TRANSLATE_NOOP("Legend", "Changed letters")),
    ("only", QT_TRANSLATE_NOOP("Legend", "Only on this side")),
    ("moved", QT_TRANSLATE_NOOP("Legend", "Moved passage")),
    ("reordered", QT_TRANSLATE_NOOP("Legend", "Reordered inside the passage")),
)


class Legend(QWidget):
    """Colour swatches with their meaning, wrapping onto more lines where the window is narrow
    (a row of labels would set the window's minimum width); right to left in an Arabic UI."""

    SWATCH = 14
    GAP = 5  # between a swatch and its words
    SPACING = 16  # between entries

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.theme = theme
        self.entries: list[tuple[str, str]] = [
            (key, QCoreApplication.translate("Legend", label)) for key, label in LEGEND_ENTRIES
        ]
        self.note = self.tr("Underlined: selected passage · outlined: current change")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def texts(self) -> list[str]:
        """What the legend says, entry by entry (the note last)."""
        return [label for _, label in self.entries] + [self.note]

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def _items(self) -> list[tuple[str | None, str, int]]:
        metrics = self.fontMetrics()
        items = [
            (key, label, self.SWATCH + self.GAP + metrics.horizontalAdvance(label))
            for key, label in self.entries
        ]
        items.append((None, self.note, metrics.horizontalAdvance(self.note)))
        return items

    def _lines(self, width: int) -> list[list[tuple[str | None, str, int]]]:
        lines: list[list[tuple[str | None, str, int]]] = [[]]
        used = 0
        for item in self._items():
            needed = item[2] + (self.SPACING if lines[-1] else 0)
            if lines[-1] and used + needed > width:
                lines.append([])
                used, needed = 0, item[2]
            lines[-1].append(item)
            used += needed
        return lines

    def _line_height(self) -> int:
        return max(self.SWATCH, self.fontMetrics().height()) + 4

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return len(self._lines(max(1, width - 8))) * self._line_height() + 4

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        width = sum(item[2] for item in self._items()) + self.SPACING * len(self.entries) + 8
        return QSize(width, self._line_height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(max(item[2] for item in self._items()) + 8, self._line_height() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        height = self.heightForWidth(self.width())
        if height != self.height():
            self.setFixedHeight(height)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        line_height = self._line_height()
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        border = self.palette().color(QPalette.ColorRole.Mid)
        for row, line in enumerate(self._lines(max(1, self.width() - 8))):
            x = 4
            top = 2 + row * line_height
            for key, label, width in line:
                left = self.width() - x - width if rtl else x
                text_left = left
                if key is not None:
                    swatch_left = left + width - self.SWATCH if rtl else left
                    box = QRect(swatch_left, top + (line_height - self.SWATCH) // 2, self.SWATCH, self.SWATCH)
                    if key == "reordered":  # hatched in the shared colour, as the words are
                        painter.fillRect(box, self.palette().base())
                        painter.fillRect(box, self.theme.hatch(self.theme.same))
                    else:
                        painter.fillRect(box, QColor(getattr(self.theme, key)))
                    painter.setPen(border)
                    painter.drawRect(box.adjusted(0, 0, -1, -1))
                    text_left = left if rtl else left + self.SWATCH + self.GAP
                painter.setPen(text_colour)
                text_width = width - (self.SWATCH + self.GAP if key is not None else 0)
                painter.drawText(
                    QRect(text_left, top, text_width, line_height), Qt.AlignmentFlag.AlignVCenter, label
                )
                x += width + self.SPACING
        painter.end()
