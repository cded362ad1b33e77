"""File menu work on the library: import files or a folder, paste an article, edit metadata.
Problems are reported in a message box and never lose what was already imported."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
)

from reader.ui.library import import_job

if TYPE_CHECKING:
    from reader.ui.window.mainwindow import MainWindow

_FILTER = "Articles (*.txt *.html *.htm);;All files (*)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Library", text)


def import_files(window: MainWindow) -> None:
    paths, _ = QFileDialog.getOpenFileNames(window, _tr("Import articles"), "", _tr(_FILTER))
    if paths:
        run_import(window, paths)


def import_folder(window: MainWindow) -> None:
    folder = QFileDialog.getExistingDirectory(window, _tr("Import a folder of articles"))
    if folder:
        run_import(window, [folder])


def run_import(window: MainWindow, paths: list[str]) -> None:
    """Import in the background with a progress dialog; a summary names every problem."""
    import_job.start_import(window, paths)


def paste_article(window: MainWindow) -> None:
    text = QApplication.clipboard().text()
    if not text.strip():
        window.statusBar().showMessage(_tr("The clipboard holds no text"), 4000)
        return
    import_job.start_text_import(window, text)


class MetadataDialog(QDialog):
    def __init__(self, title: str, source: str, date: str, parent: MainWindow) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Edit article"))
        self.title_edit = QLineEdit(title, self)
        self.source_edit = QLineEdit(source, self)
        self.date_edit = QLineEdit(date, self)
        self.date_edit.setPlaceholderText("YYYY-MM-DD")
        for edit in (self.title_edit, self.source_edit):
            edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        form = QFormLayout(self)
        form.addRow(_tr("Title"), self.title_edit)
        form.addRow(_tr("Source"), self.source_edit)
        form.addRow(_tr("Date"), self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())


def edit_metadata(window: MainWindow) -> None:
    article_id = window.selected_article()
    if article_id is None:
        window.statusBar().showMessage(_tr("Select an article in the list first"), 4000)
        return
    summary = window.library.summary(article_id)
    dialog = MetadataDialog(summary.title, summary.source, summary.date or "", window)
    while dialog.exec():
        try:
            window.library.update(
                article_id,
                title=dialog.title_edit.text(),
                source=dialog.source_edit.text(),
                date=dialog.date_edit.text(),
            )
        except Exception as error:  # noqa: BLE001 - e.g. a malformed date: say so and let them fix it
            QMessageBox.warning(window, _tr("Cannot save"), str(error))
            continue
        window.model.update_article(window.library.summary(article_id))
        return
