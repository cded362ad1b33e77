"""The comparison report on paper and as PDF: Qt's rich text lays the page out (HarfBuzz shapes the
Arabic, the bidi algorithm orders it, each paragraph in the direction its `dir` says), QPdfWriter
or the printer the user picks in QPrintDialog paints it."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from reader.report.fonts import FONT_FAMILY

PAGE_MARGIN_MM = 15
RESOLUTION = 300  # dots per inch of the PDF writer


def report_document(page: str, family: str) -> QTextDocument:
    """The page as a QTextDocument in the bundled font (the page names it by FONT_FAMILY)."""
    document = QTextDocument()
    document.setDefaultFont(QFont(family, 11))
    document.setHtml(page.replace(f'"{FONT_FAMILY}", ', f'"{family}", '))
    return document


def write_pdf(document: QTextDocument, path: str) -> None:
    writer = QPdfWriter(path)
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(*(PAGE_MARGIN_MM,) * 4), QPageLayout.Unit.Millimeter)
    writer.setTitle(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    writer.setCreator("Qarin")
    document.print_(writer)  # paginated on the writer's page, sizes in points
