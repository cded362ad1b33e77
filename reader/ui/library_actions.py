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
    QProgressDialog,
)

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow

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
    progress = QProgressDialog(_tr("Importing…"), _tr("Cancel"), 0, 0, window)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)

    def report(done: int, total: int, _path: str) -> None:
        progress.setMaximum(total)
        progress.setValue(done)
        QApplication.processEvents()

    try:
        outcome = window.library.import_paths(paths, progress=report, cancel=progress.wasCanceled)
    except Exception as error:  # noqa: BLE001 - shown, never a traceback
        progress.close()
        QMessageBox.warning(window, _tr("Import failed"), str(error))
        return
    progress.close()
    window.reload_articles()
    lines = [
        _tr("{0} imported, {1} already in the library.").format(
            len(outcome.imported), len(outcome.duplicates)
        )
    ]
    if outcome.cancelled:
        lines.append(_tr("Cancelled before the end."))
    for path, reason in outcome.failed[:20]:
        lines.append(f"{path}: {reason}")
    if len(outcome.failed) > 20:
        lines.append(_tr("… and {0} more problems.").format(len(outcome.failed) - 20))
    if outcome.failed:
        QMessageBox.warning(window, _tr("Import"), "\n".join(lines))
    else:
        window.statusBar().showMessage(lines[0], 6000)
    if outcome.imported:
        window.select_article(outcome.imported[-1])


def paste_article(window: MainWindow) -> None:
    text = QApplication.clipboard().text()
    if not text.strip():
        window.statusBar().showMessage(_tr("The clipboard holds no text"), 4000)
        return
    try:
        outcome = window.library.import_text(text)
    except Exception as error:  # noqa: BLE001
        QMessageBox.warning(window, _tr("Paste failed"), str(error))
        return
    window.reload_articles()
    window.select_article(outcome.article_id)
    message = _tr("Already in the library") if outcome.duplicate else _tr("Pasted as a new article")
    window.statusBar().showMessage(message, 4000)


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
