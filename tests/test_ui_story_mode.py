"""The main list's story mode, from the keyboard: Ctrl+Shift+L (View > Stories in the list) switches
between articles and stories; the rows are grouped off the GUI thread with progress; the filter
narrows stories; Enter on a story opens its story view; switching back gives the articles again."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from story_helpers import make_newsroom
from window_helpers import CTRL, SHIFT, key, type_text

from reader.ui.library import story_mode
from reader.ui.window.mainwindow import MainWindow
from reader.ui.window.settings import WindowSettings
from reader.view.story_list import HEADLINE, REPORTS


@pytest.fixture
def newsroom(tmp_path: Path):
    library, ids = make_newsroom(tmp_path)
    yield library, ids
    library.close()


@pytest.fixture
def window(qtbot, newsroom, tmp_path):
    library, _ = newsroom
    settings = WindowSettings(QSettings(str(tmp_path / "qarin.ini"), QSettings.Format.IniFormat))
    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    yield win
    win.close()


def _to_stories(qtbot, window):
    window.focus_list()
    mode = window.list_panel.story_mode
    with qtbot.waitSignal(mode.storiesShown, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_L, CTRL | SHIFT)
    return mode


def test_the_switch_is_an_action_with_a_key_in_the_view_menu(window):
    action = window.action("view.story_mode")
    assert action.isCheckable() and not action.isChecked()
    assert action.shortcut().toString() == "Ctrl+Shift+L"
    assert action in window.menus["View"].actions()


def test_stories_are_grouped_off_the_gui_thread_with_progress(qtbot, window, newsroom, monkeypatch):
    library, ids = newsroom
    release, threads, seen = threading.Event(), [], []
    original = story_mode.stories_of

    def slow_stories_of(lib, progress, cancelled):
        threads.append(threading.current_thread())

        def held(step, total, name):
            progress(step, total, name)
            if step == 1:  # the window is asked to show this step while the work waits
                release.wait(10)

        return original(lib, progress=held, cancelled=cancelled)

    monkeypatch.setattr(story_mode, "stories_of", slow_stories_of)
    window.focus_list()
    key(qtbot, window, Qt.Key.Key_L, CTRL | SHIFT)
    mode = window.list_panel.story_mode
    assert window.list_panel.showing_stories() and window.action("view.story_mode").isChecked()
    qtbot.waitUntil(lambda: "step 2 of 3" in mode.status.text(), timeout=10_000)
    seen.append(mode.status.text())
    assert mode.progress.isVisible() and mode.progress.value() == 1
    assert threads and threads[0] is not threading.main_thread()
    with qtbot.waitSignal(mode.storiesShown, timeout=20_000):
        release.set()
    assert not mode.progress.isVisible()
    assert mode.status.text() == "3 stories of two or more reports"
    assert "counting shared text" in seen[0]
    model = mode.model
    big = model.table.row_containing(ids["agency"])
    assert model.index(big, HEADLINE).data() == "أمير مكة يدشن مشروع القطار"  # Arabic, the agency's
    assert model.index(big, REPORTS).data() == "13"
    last_seen = [model.story(r).last_seen for r in range(model.rowCount())]
    assert last_seen == sorted(last_seen, reverse=True)  # latest first


def test_enter_on_a_story_opens_its_story_view(qtbot, window, newsroom, monkeypatch):
    library, ids = newsroom
    mode = _to_stories(qtbot, window)
    assert QApplication.focusWidget() is mode.table
    grouped = []
    monkeypatch.setattr(
        "reader.ui.stories.window.stories_of", lambda *a, **k: grouped.append(1) or []
    )  # the stories window must not group the library again
    mode.table.setCurrentIndex(mode.model.index(0, HEADLINE))
    for _ in range(mode.model.table.row_containing(ids["agency"])):
        key(qtbot, window, Qt.Key.Key_Down)
    room = window.stories._panel()
    with qtbot.waitSignal(room.storyShown, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_Return)
    assert room.isVisible() and room.view.base_id == ids["agency"] and len(room.view.reports) == 12
    assert room.collation_model.columnCount() == 13 and grouped == []
    row = room.story_list.currentIndex().row()
    assert room.story_model.stories[row].id == ids["agency"]  # the stories window lists it, selected
    room.close()


def test_the_filter_narrows_stories_and_the_switch_comes_back_to_articles(qtbot, window, newsroom):
    library, ids = newsroom
    articles_width, facts_width = window.splitter.sizes()[0], window.splitter.sizes()[2]
    assert facts_width > 0
    mode = _to_stories(qtbot, window)
    assert window.splitter.sizes()[0] > articles_width  # room for the story columns
    # at 1400 pixels the facts panel makes way for the while: every column in view, none scrolled
    assert window.splitter.sizes()[2] == 0 and not window.action("view.facts").isChecked()
    header = mode.table.horizontalHeader()
    assert header.length() <= mode.table.viewport().width()
    assert window.filter_edit.placeholderText().startswith("Filter stories")
    window.focus_filter()
    type_text(window.filter_edit, "امير")  # folded: finds أمير
    assert mode.model.rowCount() == 1 and mode.status.text() == "1 of 3 stories of two or more reports"
    key(qtbot, window, Qt.Key.Key_Down)  # into the stories
    assert QApplication.focusWidget() is mode.table and mode.current_story().id == ids["agency"]
    assert window.selected_article() == ids["agency"]  # the story's earliest report
    window.filter_edit.clear()
    assert mode.model.rowCount() == 3
    key(qtbot, window, Qt.Key.Key_L, CTRL | SHIFT)
    assert not window.list_panel.showing_stories() and not window.action("view.story_mode").isChecked()
    assert QApplication.focusWidget() is window.table and window.table.isVisible()
    assert window.splitter.sizes()[0] == articles_width
    assert window.splitter.sizes()[2] == facts_width and window.action("view.facts").isChecked()
    assert window.filter_edit.placeholderText().startswith("Filter: title")


def test_stories_are_grouped_again_after_the_library_changed(qtbot, window, newsroom, monkeypatch):
    library, ids = newsroom
    mode = _to_stories(qtbot, window)
    calls = []
    original = story_mode.stories_of
    monkeypatch.setattr(story_mode, "stories_of", lambda *a, **k: calls.append(1) or original(*a, **k))
    key(qtbot, window, Qt.Key.Key_L, CTRL | SHIFT)
    with qtbot.assertNotEmitted(mode.storiesShown, wait=200):
        key(qtbot, window, Qt.Key.Key_L, CTRL | SHIFT)  # back: the stories known are shown
    assert calls == [] and mode.model.rowCount() == 3
    with qtbot.waitSignal(mode.storiesShown, timeout=20_000):
        window.reload_articles()  # as after an import
    assert calls == [1]
