"""Dropping files, folders and text on a widget imports them through the background job."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_helpers import seed_bytes, seed_text
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from ui_fakes import FakeWindow

from reader.ui.library.drop_import import DropImporter
from reader.ui.library.import_job import ImportTarget
from reader.ui.tasks import TaskManager

COPY = Qt.DropAction.CopyAction
NO_BUTTONS = Qt.MouseButton.NoButton
NO_MODIFIERS = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot, library) -> FakeWindow:
    win = FakeWindow(library)
    qtbot.addWidget(win)
    win.resize(400, 300)
    win.show()
    return win


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def text_mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


def drag_enter(widget: QWidget, mime: QMimeData) -> bool:
    enter = QDragEnterEvent(QPointF(20, 20), COPY, mime, NO_BUTTONS, NO_MODIFIERS)
    QApplication.sendEvent(widget, enter)
    accepted = enter.isAccepted()
    move = QDragMoveEvent(QPointF(30, 30), COPY, mime, NO_BUTTONS, NO_MODIFIERS)
    QApplication.sendEvent(widget, move)
    assert move.isAccepted() == accepted
    return accepted


def drop(widget: QWidget, mime: QMimeData) -> bool:
    event = QDropEvent(QPointF(30, 30), COPY, mime, NO_BUTTONS, NO_MODIFIERS)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def finish(qtbot, importer: DropImporter):
    job = importer.last_job
    assert job is not None
    qtbot.waitUntil(lambda: job.summary_box is not None, timeout=60000)
    job.summary_box.close()
    return job.report


def test_install_makes_the_widget_a_drop_site(window):
    assert not window.acceptDrops()
    DropImporter.install(window.import_target)
    assert window.acceptDrops()


def test_drop_of_files_and_a_folder_imports_them(qtbot, tmp_path, window, library):
    importer = DropImporter.install(window.import_target)
    single = tmp_path / "one.txt"
    single.write_bytes(seed_bytes("000"))
    folder = tmp_path / "folder"
    (folder / "inner").mkdir(parents=True)
    (folder / "inner" / "two.txt").write_bytes(seed_bytes("001"))
    (folder / "three.txt").write_bytes(seed_bytes("004"))
    mime = file_mime(single, folder)
    assert drag_enter(window, mime)
    assert drop(window, mime)
    report = finish(qtbot, importer)
    assert len(report.imported) == 3 and not report.failed
    origins = sorted(Path(library.article(i).origin).name for i in report.imported)
    assert origins == ["one.txt", "three.txt", "two.txt"]
    assert window.listed == report.imported


def test_drop_of_text_imports_it_as_a_dropped_article(qtbot, window, library):
    importer = DropImporter.install(window.import_target)
    text = seed_text("002")
    mime = text_mime(text)
    assert drag_enter(window, mime)
    assert drop(window, mime)
    report = finish(qtbot, importer)
    assert len(report.imported) == 1
    article = library.article(report.imported[0])
    assert article.origin == "dropped" and article.format == "pasted"
    assert article.original == text.encode("utf-8")
    assert window.listed == report.imported


def test_links_blank_text_and_other_data_are_refused(window, library):
    importer = DropImporter.install(window.import_target)
    link = QMimeData()
    link.setUrls([QUrl("https://example.com/article.html")])
    link.setText("https://example.com/article.html")
    blank = text_mime("  \n\t ")
    image = QMimeData()
    image.setData("image/png", b"\x89PNG\r\n")
    for mime in (link, blank, image):
        assert not drag_enter(window, mime)
        assert not drop(window, mime)
        # even a drop delivered straight to the filter (no enter before it) is refused
        event = QDropEvent(QPointF(30, 30), COPY, mime, NO_BUTTONS, NO_MODIFIERS)
        event.setAccepted(True)
        assert importer.eventFilter(window, event)
        assert not event.isAccepted()
    assert importer.last_job is None and library.count() == 0


def test_installs_on_a_child_widget_for_the_window(qtbot, tmp_path, window, library):
    child = QWidget(window)
    child.resize(100, 100)
    child.show()
    importer = DropImporter.install(window.import_target, child)
    assert child.acceptDrops() and not window.acceptDrops()
    path = tmp_path / "dropped.txt"
    path.write_bytes(seed_bytes("003"))
    mime = file_mime(path)
    assert drag_enter(child, mime)  # Qt delivers a drop only after the drag entered
    assert drop(child, mime)
    report = finish(qtbot, importer)
    assert len(report.imported) == 1 and window.listed == report.imported


def test_text_dropped_on_a_main_window_is_reported_in_the_status_bar(qtbot, library):
    win = QMainWindow()
    qtbot.addWidget(win)
    win.show()
    tasks = TaskManager(win)
    target = ImportTarget(
        win, tasks, library, lambda _id: None, lambda text: win.statusBar().showMessage(text)
    )
    importer = DropImporter.install(target)
    mime = text_mime(seed_text("004"))
    for expected in ("Imported as a new article", "Already in the library"):
        assert drag_enter(win, mime) and drop(win, mime)
        job = importer.last_job
        qtbot.waitUntil(lambda job=job: job.status_message is not None, timeout=60000)
        assert job.summary_box is None
        assert win.statusBar().currentMessage() == job.status_message == expected
    assert library.count() == 1
