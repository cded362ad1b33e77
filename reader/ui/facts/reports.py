"""File > Export comparison (HTML or PDF) and File > Print: the report `qarin compare --format
html|pdf` writes, made from the pair on screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from reader.report.html import ReportSide, report_html
from reader.text.translation import QT_TRANSLATE_NOOP
from reader.ui.facts.printing import report_document, write_pdf

HTML_FILTER = QT_TRANSLATE_NOOP("ReportActions", "HTML page (*.html)")
PDF_FILTER = QT_TRANSLATE_NOOP("ReportActions", "PDF (*.pdf)")


class ReportActions(QObject):
    """Export and print for a window that has `report_inputs()` -> (comparison, facts view, sides)."""

    def __init__(self, window: QWidget, font_family: Callable[[], str]) -> None:
        super().__init__(window)
        self.window = window
        self.font_family = font_family  # the bundled font as Qt registered it

    def _inputs(self):  # noqa: ANN202 - (comparison, FactsView, (ReportSide, ReportSide)) or None
        inputs = self.window.report_inputs()
        if inputs is None:
            self.window.show_status(self.tr("Nothing to export: no comparison yet"))
        return inputs

    def page(self, for_qt: bool) -> str | None:
        inputs = self._inputs()
        if inputs is None:
            return None
        comparison, view, (side_a, side_b) = inputs
        return report_html(comparison, view.facts, view.summary, side_a, side_b, for_qt=for_qt)

    def export(self, path: str | None = None) -> str | None:
        """Ask where (unless `path` is given) and write the report there; the suffix chooses HTML or PDF."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Export comparison"),
                "comparison.html",
                f"{self.tr(HTML_FILTER)};;{self.tr(PDF_FILTER)}",
            )
            if not path:
                return None
        target = Path(path)
        try:
            if target.suffix.lower() == ".pdf":
                page = self.page(for_qt=True)
                if page is None:
                    return None
                write_pdf(report_document(page, self.font_family()), str(target))
            else:
                page = self.page(for_qt=False)
                if page is None:
                    return None
                target.write_text(page, encoding="utf-8")
        except OSError as error:
            QMessageBox.warning(self.window, self.tr("Cannot export"), f"{target}: {error.strerror or error}")
            return None
        self.window.show_status(self.tr("Comparison exported to {0}").format(str(target)))
        return str(target)

    def print_(self, printer=None) -> bool:  # noqa: ANN001 - a QPrinter
        """Print the report on a printer the user picks (QPrintDialog), or on `printer` as given."""
        try:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: PLC0415 - only to print
        except ImportError:
            QMessageBox.warning(
                self.window, self.tr("Cannot print"), self.tr("Qt's printing module is missing")
            )
            return False
        page = self.page(for_qt=True)
        if page is None:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self.window)
            dialog.setWindowTitle(self.tr("Print comparison"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        report_document(page, self.font_family()).print_(printer)
        return True


def report_sides(titles: tuple[str, str], summaries, texts: tuple[str, str]) -> tuple[ReportSide, ReportSide]:  # noqa: ANN001
    """The two sides as the report names them, from the library's summaries of the pair."""
    sides = []
    for title, summary, text in zip(titles, summaries, texts, strict=True):
        sides.append(
            ReportSide(
                f"article {summary.id}" if summary else "",
                title,
                (summary.source or "") if summary else "",
                (summary.date or "") if summary else "",
                text,
            )
        )
    return sides[0], sides[1]
