"""Importing articles off the GUI thread, with a progress dialog and one summary at the end.

The worker lives in its own QThread and opens its OWN library connection (sqlite connections belong
to the thread that made them); it never touches a widget and talks to the window only through
queued signals. Every article is committed as it is imported, so cancelling keeps what is done.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from reader.library import ImportReport, LibraryError, open_library

PROGRESS_INTERVAL = 0.04  # seconds between progress signals: thousands of files must not flood the loop
SUMMARY_NAMED = 10  # failures and duplicates named in the box itself; all of them in the details


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportJob", text)


@dataclass(frozen=True)
class ImportRequest:
    """What to import: files and folders, or one text (pasted or dropped)."""

    library_path: Path
    paths: tuple[str, ...] = ()
    text: str | None = None
    origin: str = "pasted"


class ImportWorker(QObject):
    """Runs one ImportRequest in the thread it was moved to."""

    progress = Signal(int, int, str)  # done, total, current path
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(self, request: ImportRequest, cancel_event: threading.Event) -> None:
        super().__init__()
        self._request = request
        self._cancel = cancel_event
        self._last_emit = 0.0

    def _report_progress(self, done: int, total: int, path: str) -> None:
        now = time.monotonic()
        if done in (0, total) or now - self._last_emit >= PROGRESS_INTERVAL:
            self._last_emit = now
            self.progress.emit(done, total, path)

    @Slot()
    def run(self) -> None:
        try:
            report = self._import()
        except LibraryError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - a message for the user, never a traceback
            self.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self.finished.emit(report)
        finally:
            QThread.currentThread().quit()  # the thread stops even if nobody reads the result

    def _import(self) -> ImportReport:
        request = self._request
        library = open_library(request.library_path, seed_if_empty=False)
        try:
            if request.text is None:
                return library.import_paths(
                    request.paths, progress=self._report_progress, cancel=self._cancel.is_set
                )
            self.progress.emit(0, 1, request.origin)
            outcome = library.import_text(request.text, origin=request.origin)
            self.progress.emit(1, 1, "")
            if outcome.duplicate:
                return ImportReport(duplicates=[(request.origin, outcome.article_id)])
            return ImportReport(imported=[outcome.article_id])
        finally:
            library.close()


class ImportJob(QObject):
    """One background import. Signals arrive on the thread that created the job (the GUI's)."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # ImportReport
    failed = Signal(str)
    done = Signal()  # after finished or failed, once the thread has stopped

    def __init__(self, request: ImportRequest, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self.report: ImportReport | None = None
        self.error: str | None = None
        self.dialog: QProgressDialog | None = None  # set by start_import
        self.summary_box: QMessageBox | None = None  # the box shown at the end
        self.feed: _ProgressFeed | None = None
        self.status_message: str | None = None  # shown instead of a box for one text in a main window
        self._cancel = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("qarin-import")
        self.worker = ImportWorker(request, self._cancel)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        self.worker.progress.connect(self.progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self._thread.finished.connect(self.done)
        _running.add(self)
        self.done.connect(lambda: _running.discard(self))
        _stop_on_quit()

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Stop before the next file; what is imported stays."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def stop(self, timeout_ms: int = 10000) -> bool:
        """Cancel and wait for the thread (on quit or window close). True when it has stopped."""
        self.cancel()
        return self._thread.wait(timeout_ms)

    @Slot(object)
    def _on_finished(self, report: ImportReport) -> None:
        self.report = report
        self.finished.emit(report)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.error = message
        self.failed.emit(message)


_running: set[ImportJob] = set()  # jobs alive until their thread stops, whoever holds them


def stop_all_imports(timeout_ms: int = 10000) -> None:
    """Cancel every running import and wait: call before the window's library is closed."""
    for job in list(_running):
        job.stop(timeout_ms)


def _stop_on_quit() -> None:
    """A thread still running when Qt tears down aborts the process: stop imports on quit."""
    app = QCoreApplication.instance()
    if app is not None and not app.property("qarinImportsStopOnQuit"):
        app.setProperty("qarinImportsStopOnQuit", True)
        app.aboutToQuit.connect(stop_all_imports)


# --- the window side ---------------------------------------------------------------------------


def start_import(window: Any, paths: Sequence[str]) -> ImportJob:
    """Import files and folders in the background, with a progress dialog and a summary."""
    request = ImportRequest(Path(window.library.path), paths=tuple(str(p) for p in paths))
    return _start(window, request, _tr("Importing articles…"))


def start_text_import(window: Any, text: str, origin: str = "pasted") -> ImportJob:
    """Import one text (pasted or dropped) through the same background job."""
    request = ImportRequest(Path(window.library.path), text=text, origin=origin)
    return _start(window, request, _tr("Importing the text…"))


def _start(window: Any, request: ImportRequest, label: str) -> ImportJob:
    job = ImportJob(request, parent=window)
    dialog = QProgressDialog(label, _tr("Cancel"), 0, 0, window)  # busy until the walk is done
    dialog.setWindowTitle(_tr("Import"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # a quick import flashes nothing
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)  # the Cancel button
    dialog.rejected.connect(job.cancel)  # Esc
    job.dialog = dialog
    job.feed = _ProgressFeed(dialog)  # held by the job: a connection alone would not keep it alive
    job.progress.connect(job.feed.update)
    job.finished.connect(lambda report: _finish(window, job, report))
    job.failed.connect(lambda message: _fail(window, job, message))
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
                        _tr("Importing {0} of {1}\n{2}").format(done + 1, total, _short(path))
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


def _finish(window: Any, job: ImportJob, report: ImportReport) -> None:
    _close_dialog(job)
    window.reload_articles()
    chosen = (
        report.imported[-1] if report.imported else (report.duplicates[-1][1] if report.duplicates else None)
    )
    if chosen is not None and hasattr(window, "select_article"):
        window.select_article(chosen)
    if job.request.text is not None and hasattr(window, "statusBar"):
        # one pasted or dropped text: the selected row says it all, a box would only interrupt
        job.status_message = (
            _tr("Already in the library") if report.duplicates else _tr("Imported as a new article")
        )
        window.statusBar().showMessage(job.status_message, 6000)
        return
    job.summary_box = _summary_box(window, report)
    job.summary_box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    job.summary_box.open()  # window-modal, not a nested event loop


def _fail(window: Any, job: ImportJob, message: str) -> None:
    _close_dialog(job)
    window.reload_articles()  # anything committed before the fault stays and is listed
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Import failed"), message, parent=window)
    box.setInformativeText(_tr("Articles imported before the problem are kept."))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    job.summary_box = box
    box.open()


def summary_lines(report: ImportReport, title_of: Any = None) -> tuple[str, list[str], list[str]]:
    """The headline, short lines for the box (file names) and detail lines (full paths, titles)
    of an import report: every problem is named."""
    headline = _tr("{0} imported, {1} already in the library, {2} failed.").format(
        len(report.imported), len(report.duplicates), len(report.failed)
    )
    if report.cancelled:
        headline += " " + _tr("Cancelled: what was imported before stays.")
    short: list[str] = []
    details: list[str] = []
    for path, reason in report.failed:
        short.append(_tr("Failed: {0} — {1}").format(Path(path).name or path, reason))
        details.append(_tr("Failed: {0} — {1}").format(path, reason))
    for path, article_id in report.duplicates:
        short.append(_tr("Already in the library: {0} (#{1})").format(Path(path).name or path, article_id))
        title = title_of(article_id) if title_of else None
        # the title last on its line: an Arabic run inside brackets would be reordered around them
        existing = f"#{article_id} {title}" if title else f"#{article_id}"
        details.append(_tr("Already in the library: {0} — {1}").format(path, existing))
    return headline, short, details


def _summary_box(window: QWidget, report: ImportReport) -> QMessageBox:
    library = window.library

    def title_of(article_id: int) -> str | None:
        try:
            return library.summary(article_id).title
        except Exception:  # noqa: BLE001 - removed meanwhile: the id is enough
            return None

    headline, short, details = summary_lines(report, title_of)
    icon = QMessageBox.Icon.Warning if report.failed else QMessageBox.Icon.Information
    box = QMessageBox(icon, _tr("Import"), headline, parent=window)
    if details:
        shown = short[:SUMMARY_NAMED]
        if len(short) > SUMMARY_NAMED:
            shown.append(_tr("… and {0} more (Show Details).").format(len(short) - SUMMARY_NAMED))
        box.setInformativeText("\n".join(shown))
        box.setDetailedText("\n".join(details))  # a scrollable text box: thousands fit
    return box
