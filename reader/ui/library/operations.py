"""File menu work on the library: import files or a folder, paste an article, edit metadata.
Problems are reported in a message box and never lose what was already imported."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from reader.library import ArticleSummary, Library
from reader.ui.library import import_job
from reader.ui.library.import_job import ImportTarget

_FILTER = QT_TRANSLATE_NOOP("Library", "Articles (*.txt *.html *.htm);;All files (*)")


def import_files(target: ImportTarget) -> None:
    """Ask for files, then import them in the background; a summary names every problem."""
    paths, _ = QFileDialog.getOpenFileNames(
        target.parent,
        QCoreApplication.translate("Library", "Import articles"),
        "",
        QCoreApplication.translate("Library", _FILTER),
    )
    if paths:
        import_job.start_import(target, paths)


def import_folder(target: ImportTarget) -> None:
    folder = QFileDialog.getExistingDirectory(
        target.parent, QCoreApplication.translate("Library", "Import a folder of articles")
    )
    if folder:
        import_job.start_import(target, [folder])


def paste_article(target: ImportTarget) -> None:
    text = QApplication.clipboard().text()
    if not text.strip():
        if target.show_status is not None:
            target.show_status(QCoreApplication.translate("Library", "The clipboard holds no text"))
        return
    import_job.start_text_import(target, text)


class MetadataDialog(QDialog):
    def __init__(self, title: str, source: str, date: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Library", "Edit article"))
        self.title_edit = QLineEdit(title, self)
        self.source_edit = QLineEdit(source, self)
        self.date_edit = QLineEdit(date, self)
        self.date_edit.setPlaceholderText(QCoreApplication.translate("Library", "YYYY-MM-DD"))
        for edit in (self.title_edit, self.source_edit):
            edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("Library", "Title"), self.title_edit)
        form.addRow(QCoreApplication.translate("Library", "Source"), self.source_edit)
        form.addRow(QCoreApplication.translate("Library", "Date"), self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())


def edit_metadata(parent: QWidget, library: Library, article_id: int) -> ArticleSummary | None:
    """Edit an article's title, source and date; its new summary, or None when nothing was saved.
    A value the library refuses (a malformed date) is shown and the dialog stays open to fix it."""
    summary = library.summary(article_id)
    dialog = MetadataDialog(summary.title, summary.source, summary.date or "", parent)
    while dialog.exec():
        try:
            library.update(
                article_id,
                title=dialog.title_edit.text(),
                source=dialog.source_edit.text(),
                date=dialog.date_edit.text(),
            )
        except Exception as error:  # noqa: BLE001 - e.g. a malformed date: say so and let them fix it
            QMessageBox.warning(parent, QCoreApplication.translate("Library", "Cannot save"), str(error))
            continue
        return library.summary(article_id)
    return None
