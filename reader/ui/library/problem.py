"""The library cannot be opened: say why in a window, not only on stderr (a desktop launcher has no
terminal), and offer what can be done: open another library, make a new one, or repair this one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.library import Library, LibraryError, open_library
from reader.library.errors import DamagedLibraryError
from reader.library.repair import repair_library

_FILTER = QCoreApplication.translate("LibraryProblem", "Qarin libraries (*.sqlite3);;All files (*)")


class LibraryProblemDialog(QMessageBox):
    """Why the library at `path` cannot be opened, with a button for each way on."""

    def __init__(self, path: Path, error: Exception, parent: QWidget | None = None) -> None:
        super().__init__(
            QMessageBox.Icon.Critical,
            "Qarin",
            QCoreApplication.translate("LibraryProblem", "Qarin cannot open the library"),
            parent=parent,
        )
        self.setInformativeText(str(error))
        self.setDetailedText(str(path))
        self.open_button = self.addButton(
            QCoreApplication.translate("LibraryProblem", "Open Another Library…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        self.new_button = self.addButton(
            QCoreApplication.translate("LibraryProblem", "Make a New Library…"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        self.repair_button = None
        if isinstance(error, DamagedLibraryError):
            self.repair_button = self.addButton(
                QCoreApplication.translate("LibraryProblem", "Try to Repair"),
                QMessageBox.ButtonRole.AcceptRole,
            )
            self.setDefaultButton(self.repair_button)
        self.quit_button = self.addButton(
            QCoreApplication.translate("LibraryProblem", "Quit"), QMessageBox.ButtonRole.RejectRole
        )
        self.setEscapeButton(self.quit_button)


def ask_for_library(
    path: Path,
    error: Exception,
    *,
    choose_existing: Callable[[Path], str] | None = None,
    choose_new: Callable[[Path], str] | None = None,
    dialog_shown: Callable[[QMessageBox], None] | None = None,
) -> Library | None:
    """Show why `path` could not be opened until the user opens a library or quits (None).

    `choose_existing` / `choose_new` return a file name ("" when cancelled); they default to file
    dialogs. `dialog_shown` is called with each box before it runs (tests answer it from there).
    """
    choose_existing = choose_existing or (
        lambda folder: QFileDialog.getOpenFileName(
            None, QCoreApplication.translate("LibraryProblem", "Open a Library"), str(folder), _FILTER
        )[0]
    )
    choose_new = choose_new or (
        lambda folder: QFileDialog.getSaveFileName(
            None, QCoreApplication.translate("LibraryProblem", "Make a New Library"), str(folder), _FILTER
        )[0]
    )
    while True:
        dialog = LibraryProblemDialog(path, error)
        if dialog_shown is not None:
            dialog_shown(dialog)
        dialog.exec()
        clicked = dialog.clickedButton()
        if clicked is None or clicked is dialog.quit_button:
            return None
        if clicked is dialog.repair_button:
            try:
                report = repair_library(path)
                _say_repaired(report, dialog_shown)
            except LibraryError as failure:
                error = failure
                continue
            chosen = str(path)
        else:
            chooser = choose_existing if clicked is dialog.open_button else choose_new
            chosen = chooser(path.parent)
            if not chosen:
                continue
        try:
            return open_library(chosen)
        except LibraryError as failure:
            path, error = Path(chosen), failure


def _say_repaired(report, dialog_shown: Callable[[QMessageBox], None] | None) -> None:  # noqa: ANN001
    if report.problem is None:
        text = QCoreApplication.translate("LibraryProblem", "SQLite found nothing wrong with it this time.")
    else:
        text = QCoreApplication.translate(
            "LibraryProblem", "Recovered {0} articles into a new library; the damaged file is kept as {1}."
        ).format(report.articles, report.kept_as)
    if report.lost:
        text += " " + QCoreApplication.translate(
            "LibraryProblem", "{0} articles could not be read whole."
        ).format(len(report.lost))
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Qarin",
        QCoreApplication.translate("LibraryProblem", "The library was repaired"),
    )
    box.setInformativeText(text)
    if dialog_shown is not None:
        dialog_shown(box)
    box.exec()
