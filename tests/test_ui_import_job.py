"""Importing in the background: the report, the progress signals, a GUI thread that stays free,
cancelling that keeps what was imported, faults as messages, and the dialog/summary around it."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_helpers import seed_text
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton
from shiboken6 import isValid
from ui_fakes import FakeWindow

from reader.ui.library.import_job import ImportJob, ImportRequest, start_import, summary_lines
from reader.ui.tasks import TaskManager


@pytest.fixture
def window(qtbot, library) -> FakeWindow:
    win = FakeWindow(library)
    qtbot.addWidget(win)
    win.show()
    return win


def make_folder(root: Path, good: int, bad: bool = True) -> Path:
    """`good` distinct articles in nested folders, plus (if `bad`) an empty file, a binary file
    and a duplicate of the first article."""
    folder = root / "articles"
    for i in range(good):
        sub = folder / f"batch{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        text = seed_text(f"00{i % 5}") + f"\n\nمقالة رقم {i}\n"
        (sub / f"article{i:03}.txt").write_text(text, encoding="utf-8")
    if bad:
        (folder / "empty.txt").write_bytes(b"")
        (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
        (folder / "zz_duplicate.txt").write_bytes((folder / "batch0" / "article000.txt").read_bytes())
    return folder


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()


def run_job(qtbot, tasks: TaskManager, request: ImportRequest) -> ImportJob:
    job = ImportJob(request, tasks)
    with qtbot.waitSignal(job.done, timeout=60000):
        job.start()
    return job


def test_background_import_reports_and_keeps_the_gui_thread_free(qtbot, tmp_path, library, tasks):
    folder = make_folder(tmp_path, good=120)
    job = ImportJob(ImportRequest(library.path, paths=(str(folder),)), tasks)
    progress: list[tuple[int, int, str]] = []
    threads: set[bool] = set()

    def on_progress(done: int, total: int, path: str) -> None:
        progress.append((done, total, path))
        threads.add(QThread.currentThread() is job.thread())  # delivered on the GUI thread

    ticks = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(job.is_running()))
    job.progress.connect(on_progress)
    timer.start()
    with qtbot.waitSignal(job.done, timeout=60000):
        job.start()
    timer.stop()

    report = job.report
    assert job.error is None
    assert len(report.imported) == 120 and not report.cancelled
    assert report.duplicates == [(str(folder / "zz_duplicate.txt"), report.imported[0])]
    failed = dict(report.failed)
    assert set(failed) == {str(folder / "empty.txt"), str(folder / "binary.txt")}
    assert "empty" in failed[str(folder / "empty.txt")]
    assert "binary" in failed[str(folder / "binary.txt")]
    assert library.count() == 120  # the GUI's own connection sees the worker's commits
    assert threads == {True}
    assert progress[0][:2] == (0, 123) and progress[0][2].endswith(".txt")
    assert progress[-1] == (123, 123, "")
    assert [p[0] for p in progress] == sorted(p[0] for p in progress)
    assert sum(ticks) >= 5  # the event loop kept running while the worker imported


def test_cancel_stops_early_and_keeps_what_was_imported(qtbot, tmp_path, library, tasks):
    folder = make_folder(tmp_path, good=150, bad=False)
    job = ImportJob(ImportRequest(library.path, paths=(str(folder),)), tasks)
    # cancel at the first progress report: the file being imported when it arrives finishes
    job.progress.connect(lambda *_: job.cancel())
    with qtbot.waitSignal(job.done, timeout=60000):
        job.start()
    report = job.report
    assert report.cancelled
    assert 1 <= len(report.imported) < 150
    assert [s.id for s in library.summaries()] == report.imported
    assert "مقالة رقم 0" in library.text(report.imported[0])
    assert library.integrity_check() == "ok"


def test_text_import_and_its_duplicate(qtbot, library, tasks):
    text = seed_text("002")
    first = run_job(qtbot, tasks, ImportRequest(library.path, text=text, origin="dropped")).report
    assert len(first.imported) == 1 and not first.duplicates
    assert library.article(first.imported[0]).origin == "dropped"
    again = run_job(qtbot, tasks, ImportRequest(library.path, text=text, origin="dropped")).report
    assert again.imported == [] and again.duplicates == [("dropped", first.imported[0])]


def test_a_file_that_is_no_library_fails_with_a_message(qtbot, tmp_path, tasks):
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_bytes(b"these are my notes, not a database\n" * 10)
    before = bogus.read_bytes()
    job = ImportJob(ImportRequest(bogus, text="نص قصير للتجربة"), tasks)
    with qtbot.waitSignal(job.failed, timeout=20000) as failed:
        job.start()
    qtbot.waitUntil(lambda: not job.is_running())
    assert job.report is None
    assert str(bogus) in failed.args[0] and "Traceback" not in failed.args[0]
    assert bogus.read_bytes() == before


def test_start_import_reloads_selects_and_summarises(qtbot, tmp_path, window, library):
    folder = make_folder(tmp_path, good=6)
    job = start_import(window.import_target, [str(folder)])
    assert job.dialog is not None and job.dialog.maximum() == 0  # busy until the walk is done
    bar: list[tuple[int, int]] = []  # what the dialog's bar shows after each progress signal
    job.progress.connect(lambda *_: bar.append((job.dialog.value(), job.dialog.maximum())))
    qtbot.waitUntil(lambda: job.summary_box is not None, timeout=60000)
    report = job.report
    assert window.reloads == 1 and window.listed == report.imported
    assert window.selected == report.imported[-1]
    box = job.summary_box
    assert box.icon() == QMessageBox.Icon.Warning  # two files failed
    assert box.text().startswith("6 imported, 1 already in the library, 2 failed.")
    details = box.detailedText()
    assert str(folder / "empty.txt") in details and str(folder / "binary.txt") in details
    title = library.summary(report.imported[0]).title
    # the title in an isolate, so its own direction cannot reorder the path and id around it
    assert f"{folder / 'zz_duplicate.txt'} — #{report.imported[0]} \u2068{title}\u2069" in details
    assert "Already in the library: zz_duplicate.txt" in box.informativeText()
    assert "Failed: empty.txt — empty" in box.informativeText()
    assert bar[0] == (0, 9) and bar[-1] == (9, 9)
    qtbot.waitUntil(lambda: not isValid(job.dialog))  # the progress dialog is gone
    box.close()


def test_cancel_button_cancels_the_job_and_nothing_is_lost(qtbot, tmp_path, window, library):
    folder = make_folder(tmp_path, good=150, bad=False)
    job = start_import(window.import_target, [str(folder)])
    job.dialog.findChild(QPushButton).click()  # the user presses Cancel straight away
    assert job.cancel_requested
    qtbot.waitUntil(lambda: job.summary_box is not None, timeout=60000)
    report = job.report
    assert report.cancelled and len(report.imported) < 150
    assert window.listed == report.imported == [s.id for s in library.summaries()]
    assert "Cancelled" in job.summary_box.text()
    job.summary_box.close()


def test_escape_on_the_progress_dialog_cancels(qtbot, tmp_path, window):
    job = start_import(window.import_target, [str(make_folder(tmp_path, good=3, bad=False))])
    job.dialog.reject()  # what Esc does
    assert job.cancel_requested
    qtbot.waitUntil(lambda: job.summary_box is not None, timeout=60000)
    job.summary_box.close()


def test_summary_names_every_problem_when_there_are_thousands():
    from reader.library import ImportReport

    report = ImportReport(
        imported=[1, 2],
        duplicates=[("/a/dup.txt", 1)],
        failed=[(f"/a/bad{i}.txt", "empty") for i in range(3000)],
    )
    headline, short, details = summary_lines(report, title_of=lambda i: f"title {i}")
    assert headline == "2 imported, 1 already in the library, 3000 failed."
    assert len(details) == len(short) == 3001
    assert details[0] == "Failed: /a/bad0.txt — empty" and short[0] == "Failed: bad0.txt — empty"
    assert details[-1] == "Already in the library: /a/dup.txt — #1 title 1"
    assert short[-1] == "Already in the library: dup.txt (#1)"
