"""Highlight colours (Okabe-Ito based, told apart with red-green colour blindness) and the legend.

Each kind has a light and a dark variant. Moved passages differ by colour AND by a dotted underline,
and the current passage by a solid underline, so no distinction rests on hue alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QWidget

from reader.view.spans import CURRENT, Style


@dataclass(frozen=True)
class Theme:
    name: str
    same: str
    moved: str
    changed: str
    changed_chars: str
    only: str
    current: str  # underline of the selected passage and its band outline
    band: str  # fill of link bands
    band_moved: str

    def background(self, style: Style) -> str:
        return {
            Style.SAME: self.same,
            Style.SAME_MOVED: self.moved,
            Style.CHANGED: self.changed,
            Style.CHANGED_MOVED: self.changed,
            Style.CHANGED_CHARS: self.changed_chars,
            Style.ONLY: self.only,
        }[style]


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
        fmt.setBackground(QColor(theme.background(style)))
        if style in (Style.SAME_MOVED, Style.CHANGED_MOVED):
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(theme.band_moved))
        formats[int(style)] = fmt
        current = QTextCharFormat(fmt)
        current.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        current.setUnderlineColor(QColor(theme.current))
        formats[int(style) | CURRENT] = current
    return formats


LEGEND_ENTRIES = (
    ("same", "Same"),
    ("changed", "Changed words"),
    ("changed_chars", "Changed letters"),
    ("only", "Only on this side"),
    ("moved", "Moved passage"),
)


class Legend(QWidget):
    """A row of colour swatches with their meaning."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.swatches: dict[str, QFrame] = {}
        for key, label in LEGEND_ENTRIES:
            swatch = QFrame(self)
            swatch.setFixedSize(14, 14)
            swatch.setFrameShape(QFrame.Shape.Box)
            self.swatches[key] = swatch
            layout.addWidget(swatch)
            text = QLabel(self.tr(label), self)
            layout.addWidget(text)
            layout.addSpacing(10)
        current = QLabel(self.tr("Underlined: selected passage"), self)
        layout.addWidget(current)
        layout.addStretch(1)
        self.set_theme(theme)

    def set_theme(self, theme: Theme) -> None:
        for key, swatch in self.swatches.items():
            swatch.setStyleSheet(f"background: {getattr(theme, key)}; border: 1px solid palette(mid);")
