"""Draw Qarin's icon: two overlapping pages, the front one carrying the letter ق in the bundled Amiri font.

Writes resources/icons/qarin.svg (the letter as a path, so no font is needed to show it) and PNGs at the
sizes desktops ask for, plus qarin.ico for Windows. Run it again after changing the drawing:

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtSvg import QSvgGenerator

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "Amiri-Bold.ttf"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
CANVAS = 256.0

# Okabe-Ito colours, the same family as the highlight theme.
SKY = QColor("#56B4E9")
ORANGE = QColor("#E69F00")
BLUE = QColor("#0072B2")
INK = QColor("#1d2b36")


def letter_path(family: str) -> QPainterPath:
    """ق as outlines, scaled and centred on the front page."""
    font = QFont(family)
    font.setPixelSize(150)
    path = QPainterPath()
    path.addText(0, 0, font, "ق")
    box = path.boundingRect()
    target = QRectF(92, 84, 118, 132)  # inside the front page, clear of its border
    scale = min(target.width() / box.width(), target.height() / box.height())
    transform = QTransform()
    transform.translate(target.center().x(), target.center().y())
    transform.scale(scale, scale)
    transform.translate(-box.center().x(), -box.center().y())
    return transform.map(path)


def paint(painter: QPainter, family: str) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # Back page: tilted, blue, with lines of "text" (the other report).
    painter.save()
    painter.translate(96, 112)
    painter.rotate(-9)
    painter.setPen(QPen(SKY.darker(130), 6))
    painter.setBrush(QColor("#e8f4fc"))
    painter.drawRoundedRect(QRectF(-74, -92, 140, 180), 14, 14)
    painter.setPen(QPen(SKY, 9, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for i, width in enumerate((96, 80, 100, 64, 88)):
        y = -62 + i * 28
        painter.drawLine(QPointF(48, y), QPointF(48 - width, y))  # right-aligned, as Arabic lines are
    painter.restore()
    # Front page: white with an orange border, overlapping the back one.
    painter.setPen(QPen(ORANGE, 7))
    painter.setBrush(QColor("#fffdf8"))
    front = QRectF(84, 62, 142, 178)
    painter.drawRoundedRect(front, 14, 14)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BLUE)
    painter.drawPath(letter_path(family))


def render_png(size: int, family: str) -> QImage:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.scale(size / CANVAS, size / CANVAS)
    paint(painter, family)
    painter.end()
    return image


def render_svg(path: Path, family: str) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(int(CANVAS), int(CANVAS)))
    generator.setViewBox(QRectF(0, 0, CANVAS, CANVAS))
    generator.setTitle("Qarin")
    generator.setDescription("Two overlapping pages with the Arabic letter qaf")
    painter = QPainter(generator)
    paint(painter, family)
    painter.end()


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts and painting need an application
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    if font_id < 0:
        print(f"cannot load {FONT}", file=sys.stderr)
        return 1
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    ICONS.mkdir(parents=True, exist_ok=True)
    render_svg(ICONS / "qarin.svg", family)
    for size in PNG_SIZES:
        render_png(size, family).save(str(ICONS / f"qarin-{size}.png"))
    # Windows wants one .ico; Qt's ico writer stores a single size, 256 is what Explorer scales from.
    render_png(256, family).save(str(ICONS / "qarin.ico"))
    print(f"wrote {ICONS}: qarin.svg, qarin.ico, {len(PNG_SIZES)} PNGs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
