"""Importing articles in the background (a task of the window's `TaskManager`), with a progress dialog
and one summary at the end.

The work opens its OWN library connection (sqlite connections belong to the thread that made them),
never touches a widget, and reports progress through the task. Every article is committed as it is
imported, so cancelling keeps what is done.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from reader.library import ImportReport, Library, LibraryError, open_library
from reader.ui.tasks import Task, TaskContext, TaskManager
from reader.view.paragraphs import shown_title

PROGRESS_INTERVAL = 0.04  # seconds between progress reports: thousands of files must not flood the loop
SUMMARY_NAMED = 10  # failures and duplicates named in the box itself; all of them in the details


@dataclass(frozen=True)
class ImportRequest:
    """What to import: files and folders, or one text (pasted or dropped)."""

    library_path: Path
    paths: tuple[str, ...] = ()
    text: str | None = None
    origin: str = "pasted"


@dataclass(frozen=True)
class ImportTarget:
    """Where imports go and who hears of them: the window hands this to its menus and drop sites."""

    parent: QWidget  # the dialogs' parent
    tasks: TaskManager
    library: Library
    on_imported: Callable[[int | None], None]  # list again, select this article (None: none new)
    show_status: Callable[[str], None] | None = None  # one pasted or dropped text: a line, not a box


class ImportJob(QObject):
    """One background import. Signals arrive on the GUI thread."""

    progress = Signal(int, int, str)  # done, total, current path
    finished = Signal(object)  # ImportReport
    failed = Signal(str)
    done = Signal()  # after finished or failed

    def __init__(self, request: ImportRequest, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self.report: ImportReport | None = None
        self.error: str | None = None
        self.dialog: QProgressDialog | None = None  # set by start_import
        self.summary_box: QMessageBox | None = None  # the box shown at the end
        self.feed: _ProgressFeed | None = None
        self.status_message: str | None = None  # shown instead of a box for one text in a main window
        self._tasks = tasks
        self._task: Task | None = None
        self._stop = threading.Event()  # stop before the next file; the report still comes
        self._last_report = 0.0

    def start(self) -> None:
        self._task = self._tasks.run(
            self._import,
            on_success=self._on_finished,
            on_failure=self._on_failed,
            on_progress=self._on_progress,
        )

    def cancel(self) -> None:
        """Stop before the next file; what is imported stays."""
        self._stop.set()

    @property
    def cancel_requested(self) -> bool:
        return self._stop.is_set()

    def is_running(self) -> bool:
        return self._task is not None and not self._task.ended

    # --- the worker thread ---------------------------------------------------------------------

    def _import(self, context: TaskContext) -> ImportReport:
        request = self.request

        def report_progress(done: int, total: int, path: str) -> None:
            now = time.monotonic()
            if done in (0, total) or now - self._last_report >= PROGRESS_INTERVAL:
                self._last_report = now
                context.progress((done, total, path))

        library = open_library(request.library_path, seed_if_empty=False)
        try:
            if request.text is None:

                def stop() -> bool:  # asked by the user, or the window closes
                    return self._stop.is_set() or context.cancelled()

                return library.import_paths(request.paths, progress=report_progress, cancel=stop)
            context.progress((0, 1, request.origin))
            outcome = library.import_text(request.text, origin=request.origin)
            context.progress((1, 1, ""))
            if outcome.duplicate:
                return ImportReport(duplicates=[(request.origin, outcome.article_id)])
            return ImportReport(imported=[outcome.article_id])
        finally:
            library.close()

    # --- the GUI thread ------------------------------------------------------------------------

    def _on_progress(self, update: tuple[int, int, str]) -> None:
        self.progress.emit(*update)

    def _on_finished(self, report: ImportReport) -> None:
        self.report = report
        self.finished.emit(report)
        self.done.emit()

    def _on_failed(self, error: Exception) -> None:
        self.error = str(error) if isinstance(error, LibraryError) else f"{type(error).__name__}: {error}"
        self.failed.emit(self.error)
        self.done.emit()


# --- the dialogs around it ---------------------------------------------------------------------


def start_import(target: ImportTarget, paths: Sequence[str]) -> ImportJob:
    """Import files and folders in the background, with a progress dialog and a summary."""
    request = ImportRequest(Path(target.library.path), paths=tuple(str(p) for p in paths))
    return _start(target, request, QCoreApplication.translate("ImportJob", "Importing articles…"))


def start_text_import(target: ImportTarget, text: str, origin: str = "pasted") -> ImportJob:
    """Import one text (pasted or dropped) through the same background job."""
    request = ImportRequest(Path(target.library.path), text=text, origin=origin)
    return _start(target, request, QCoreApplication.translate("ImportJob", "Importing the text…"))


def _start(target: ImportTarget, request: ImportRequest, label: str) -> ImportJob:
    job = ImportJob(request, target.tasks, parent=target.parent)
    dialog = QProgressDialog(
        label, QCoreApplication.translate("ImportJob", "Cancel"), 0, 0, target.parent
    )  # busy until the walk is done
    dialog.setWindowTitle(QCoreApplication.translate("ImportJob", "Import"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # a quick import flashes nothing
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)  # the Cancel button
    dialog.rejected.connect(job.cancel)  # Esc
    job.dialog = dialog
    job.feed = _ProgressFeed(dialog)  # held by the job: a connection alone would not keep it alive
    job.progress.connect(job.feed.update)
    job.finished.connect(lambda report: _finish(target, job, report))
    job.failed.connect(lambda message: _fail(target, job, message))
    job.done.connect(job.deleteLater)
    job.start()
    return job


class _ProgressFeed:
    """Feeds the dialog. A window-modal QProgressDialog runs processEvents inside setValue, which
    would deliver the next progress signal inside this one: keep only the latest instead."""

    def __init__(self, dialog: QProgressDialog) -> None:
        self._dialog = dialog
        self._busy = False
        self._pending: tuple[int, int, str] | None = None

    def update(self, done: int, total: int, path: str) -> None:
        self._pending = (done, total, path)
        if self._busy:
            return
        self._busy = True
        try:
            while self._pending is not None:
                done, total, path = self._pending
                self._pending = None
                if self._dialog.maximum() != max(total, 1):
                    self._dialog.setMaximum(max(total, 1))
                if path:
                    self._dialog.setLabelText(
                        QCoreApplication.translate("ImportJob", "Importing {0} of {1}\n{2}").format(
                            done + 1, total, _short(path)
                        )
                    )
                self._dialog.setValue(min(done, total))
        finally:
            self._busy = False


def _short(path: str, limit: int = 70) -> str:
    return path if len(path) <= limit else "…" + path[-(limit - 1) :]


def _close_dialog(job: ImportJob) -> None:
    job.dialog.reset()
    job.dialog.close()
    job.dialog.deleteLater()


def _finish(target: ImportTarget, job: ImportJob, report: ImportReport) -> None:
    _close_dialog(job)
    chosen = (
        report.imported[-1] if report.imported else (report.duplicates[-1][1] if report.duplicates else None)
    )
    target.on_imported(chosen)
    if job.request.text is not None and target.show_status is not None:
        # one pasted or dropped text: the selected row says it all, a box would only interrupt
        job.status_message = (
            QCoreApplication.translate("ImportJob", "Already in the library")
            if report.duplicates
            else QCoreApplication.translate("ImportJob", "Imported as a new article")
        )
        target.show_status(job.status_message)
        return
    job.summary_box = _summary_box(target, report)
    job.summary_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    job.summary_box.open()  # window-modal, not a nested event loop


def _fail(target: ImportTarget, job: ImportJob, message: str) -> None:
    _close_dialog(job)
    target.on_imported(None)  # anything committed before the fault stays and is listed
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ImportJob", "Import failed"),
        message,
        parent=target.parent,
    )
    box.setInformativeText(
        QCoreApplication.translate("ImportJob", "Articles imported before the problem are kept.")
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    job.summary_box = box
    box.open()


def summary_lines(
    report: ImportReport, title_of: Callable[[int], str | None] | None = None
) -> tuple[str, list[str], list[str]]:
    """The headline, short lines for the box (file names) and detail lines (full paths, titles)
    of an import report: every problem is named."""
    headline = QCoreApplication.translate(
        "ImportJob", "{0} imported, {1} already in the library, {2} failed."
    ).format(len(report.imported), len(report.duplicates), len(report.failed))
    if report.cancelled:
        headline += " " + QCoreApplication.translate(
            "ImportJob", "Cancelled: what was imported before stays."
        )
    short: list[str] = []
    details: list[str] = []
    for path, reason in report.failed:
        short.append(
            QCoreApplication.translate("ImportJob", "Failed: {0} — {1}").format(
                Path(path).name or path, reason
            )
        )
        details.append(QCoreApplication.translate("ImportJob", "Failed: {0} — {1}").format(path, reason))
    for path, article_id in report.duplicates:
        short.append(
            QCoreApplication.translate("ImportJob", "Already in the library: {0} (#{1})").format(
                Path(path).name or path, article_id
            )
        )
        title = title_of(article_id) if title_of else None
        # the title last on its line: an Arabic run inside brackets would be reordered around them
        existing = f"#{article_id} {title}" if title else f"#{article_id}"
        details.append(
            QCoreApplication.translate("ImportJob", "Already in the library: {0} — {1}").format(
                path, existing
            )
        )
    return headline, short, details


def _summary_box(target: ImportTarget, report: ImportReport) -> QMessageBox:
    library = target.library

    def title_of(article_id: int) -> str | None:
        try:
            return shown_title(library.summary(article_id).title)
        except Exception:  # noqa: BLE001 - removed meanwhile: the id is enough
            return None

    headline, short, details = summary_lines(report, title_of)
    icon = QMessageBox.Icon.Warning if report.failed else QMessageBox.Icon.Information
    box = QMessageBox(icon, QCoreApplication.translate("ImportJob", "Import"), headline, parent=target.parent)
    if details:
        shown = short[:SUMMARY_NAMED]
        if len(short) > SUMMARY_NAMED:
            shown.append(
                QCoreApplication.translate("ImportJob", "… and {0} more (Show Details).").format(
                    len(short) - SUMMARY_NAMED
                )
            )
        box.setInformativeText("\n".join(shown))
        box.setDetailedText("\n".join(details))  # a scrollable text box: thousands fit
    return box
