"""End to end, from the keyboard alone: open the window, choose two articles, walk the differences,
jump to a counterpart, swap, zoom, use the palette; assertions on what the panes show and select."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QAction, QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication

from reader.compare import compare
from reader.library import open_library
from reader.ui.app import resolve_article
from reader.ui.application import load_fonts
from reader.ui.window.mainwindow import MainWindow
from reader.ui.window.settings import WindowSettings
from reader.view.actions import ACTIONS
from reader.view.paragraphs import display_text

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def library(tmp_path: Path):
    lib = open_library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


@pytest.fixture
def settings(tmp_path: Path) -> WindowSettings:
    return WindowSettings(QSettings(str(tmp_path / "qarin.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, qapp, library, settings):
    load_fonts()
    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    yield win
    win.close()


def key(qtbot, window, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press delivered to whatever has the focus, as a user's would be."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, k, modifier)


def type_text(widget, text: str) -> None:
    """Typing on an Arabic keyboard: key events carrying the letters (QTest only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def seed_id(library, name: str) -> int:
    return resolve_article(library, name)


def open_and_wait(qtbot, window) -> None:
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        window.open_initial_pair()


def test_opens_on_the_two_most_similar_articles(qtbot, window, library) -> None:
    open_and_wait(qtbot, window)
    assert set(window.pair) == {seed_id(library, "000"), seed_id(library, "001")}
    left, right = window.pair
    assert window.view.left.text == display_text(library.text(left))
    assert window.view.right.text == display_text(library.text(right))
    comparison = window.result().comparison
    assert comparison == compare(window.view.left.text, window.view.right.text)  # the engine's answer
    stats = comparison.stats
    assert stats.passages == 3  # 001 rewrites 000 (measured; bench/bench_engine.py lists it)
    assert f"{stats.passages} passages" in window.stats_label.full_text
    assert window.view.linkmap.band_paths()  # bands are drawn between the panes


def test_keyboard_only_comparison(qtbot, window, library, settings) -> None:
    open_and_wait(qtbot, window)
    id_000, id_001, id_004 = (seed_id(library, n) for n in ("000", "001", "004"))

    # choose two articles: the list, a filter typed in, the arrows, Alt+Left / Alt+Right
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    assert QApplication.focusWidget() is window.filter_edit
    pair_before = window.pair
    type_text(window.filter_edit, "قرغيزيا")  # only seed 004 spells it so
    assert window.pair == pair_before  # typing in the filter never changes the panes
    listed = [window.proxy.article_id(row) for row in range(window.proxy.rowCount())]
    assert [i for i in listed if window.proxy.matches(i)] == [id_004]
    assert set(listed) == {id_004, *pair_before}  # the panes' articles stay reachable
    key(qtbot, window, Qt.Key.Key_Down)  # into the list, on the first article that matches
    assert QApplication.focusWidget() is window.table
    assert window.selected_article() == id_004
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_Right, ALT)
    assert window.pair[1] == id_004
    window.filter_edit.clear()
    key(qtbot, window, Qt.Key.Key_1, CTRL)
    window.select_article(id_000)
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_Left, ALT)
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_PageDown, CTRL)  # the next article of the list, on the right
    assert window.selected_article() == id_001
    assert window.pair == (id_000, id_001)
    text_a, text_b = display_text(library.text(id_000)), display_text(library.text(id_001))
    assert window.view.left.text == text_a and window.view.right.text == text_b
    comparison = window.result().comparison
    assert comparison == compare(text_a, text_b, window.options)
    assert window.view.left.toPlainText().replace("\u200f", "") == text_a

    # walk the differences in the left pane: each Alt+Down outlines the next changed/only stretch
    # and what stands for it on the right (outlines, not selections: the colours stay visible)
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    assert QApplication.focusWidget() is window.view.left
    hunks = window.result().hunks_a
    assert len(hunks) >= 3
    for hunk in hunks[:3]:
        key(qtbot, window, Qt.Key.Key_Down, ALT)
        assert window.view.left.outlined("change") == [(hunk.start, hunk.end)]
        assert not window.view.left.textCursor().hasSelection()
        kinds = {s.kind for s in comparison.segments("a") if s.start < hunk.end and s.end > hunk.start}
        assert "same" not in kinds
        if hunk.passage is not None:  # its counterpart is outlined on the right, inside the passage
            assert window.view.current_passage == hunk.passage
            ((lo, hi),) = window.view.right.outlined("change")
            start_b, end_b = comparison.passages[hunk.passage].b
            assert start_b <= lo <= hi <= end_b
            assert not window.view.right.textCursor().hasSelection()
    key(qtbot, window, Qt.Key.Key_Up, ALT)
    assert window.view.left.outlined("change") == [(hunks[1].start, hunks[1].end)]

    # next passage link, then jump to its counterpart (focus moves to the right pane)
    key(qtbot, window, Qt.Key.Key_Home, CTRL)
    window.view.set_current_passage(None)
    key(qtbot, window, Qt.Key.Key_PageDown, ALT)
    first = window.view.indexes["a"].order[0]
    assert window.view.current_passage == first
    assert window.view.left.cursor_offset() == comparison.passages[first].a[0]
    key(qtbot, window, Qt.Key.Key_J, CTRL)
    assert QApplication.focusWidget() is window.view.right
    start, end = comparison.passages[first].b
    assert window.view.right.cursor_offset() == start
    # the counterpart is in view: its first line lies inside the right viewport
    y = window.view.right.visible_blocks().y_of(window.view.right.positions.to_qt(start))
    assert 0 <= y < window.view.right.viewport().height()

    # swap sides: texts, titles and the result change places without a new comparison
    key(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
    assert window.pair == (id_001, id_000)
    assert window.view.left.text == text_b and window.view.right.text == text_a
    assert window.result().comparison == comparison.swapped()
    assert window.stats_label.full_text.startswith(f"Left {round(comparison.stats.shared_b * 100)}%")

    # zoom in twice, out once, reset
    size = window.view.left.font().pointSizeF()
    key(qtbot, window, Qt.Key.Key_Equal, CTRL)
    key(qtbot, window, Qt.Key.Key_Equal, CTRL)
    key(qtbot, window, Qt.Key.Key_Minus, CTRL)
    assert window.view.left.font().pointSizeF() == size + 1
    assert window.view.right.font().pointSizeF() == size + 1
    assert settings.zoom == 1
    key(qtbot, window, Qt.Key.Key_0, CTRL)
    assert window.view.left.font().pointSizeF() == size

    # the palette finds "swap" by name; Enter runs it
    key(qtbot, window, Qt.Key.Key_P, CTRL | SHIFT)
    palette = window.command_palette
    assert palette is not None and palette.isVisible()
    qtbot.keyClicks(palette.query, "swap")
    assert palette.current_id() == "pair.swap"
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert window.pair == (id_000, id_001)
    assert window.view.left.text == text_a


def test_matching_option_recomputes_and_persists(qtbot, window, library, settings) -> None:
    open_and_wait(qtbot, window)
    assert window.options.normalize.hamza
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)  # "Ignore hamza and alef forms" off
    assert not window.options.normalize.hamza
    assert not window.action("matching.hamza").isChecked()
    assert not settings.compare_options().normalize.hamza
    left, right = window.pair
    expected = compare(display_text(library.text(left)), display_text(library.text(right)), window.options)
    assert window.result().comparison == expected


def test_shares_column_fills_in_the_background(qtbot, window, library) -> None:
    open_and_wait(qtbot, window)
    left, right = window.pair
    qtbot.waitUntil(lambda: window.model.shared(right) is not None, timeout=20_000)
    expected = compare(display_text(library.text(left)), library.text(right)).stats.shared_b
    assert window.model.shared(right) == pytest.approx(expected)
    assert window.model.shared(left) is None  # the pinned article itself


def test_state_persists_between_windows(qtbot, qapp, window, library, settings) -> None:
    open_and_wait(qtbot, window)
    window.set_zoom(3)
    pair = window.pair
    window.close()
    again = MainWindow(library, settings)
    qtbot.addWidget(again)
    assert again.view.left.zoom == 3
    assert settings.last_pair() == pair
    with qtbot.waitSignal(again.comparisonPainted, timeout=20_000):
        again.show()
        again.open_initial_pair()
    assert again.pair == pair
    again.close()


def test_newer_request_supersedes_a_stale_one(qtbot, window, library) -> None:
    ids = [s.id for s in library.summaries()]
    results = []
    window.comparer.resultReady.connect(results.append)
    window.show_pair(ids[0], ids[1])
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        window.show_pair(ids[2], ids[3])
    qtbot.wait(200)
    assert [(r.left_id, r.right_id) for r in results] == [(ids[2], ids[3])]
    assert window.view.left.text == display_text(library.text(ids[2]))


def test_articles_named_by_id_or_seed_file_and_bad_arguments_fail_in_one_line(library) -> None:
    from reader.ui.app import UsageError, parse_arguments

    by_name = resolve_article(library, "001")
    assert library.summary(by_name).origin.endswith("001_abe78c42e994441b.txt")
    assert resolve_article(library, "001_abe78c42e994441b.txt") == by_name
    assert resolve_article(library, str(by_name)) == by_name
    with pytest.raises(UsageError, match="no article"):
        resolve_article(library, "999")
    with pytest.raises(UsageError, match="unrecognized arguments: --bogus"):
        parse_arguments(["--bogus"])
    assert parse_arguments(["--screenshot", "x.png", "--left", "000"]).left == "000"


def test_a_file_dropped_on_the_window_is_imported_and_removed_lines_are_reachable(qtbot, window, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    article = tmp_path / "new.txt"
    article.write_text(
        "مقال جديد عن قمة آسيا الوسطى في واشنطن وما اتفق عليه القادة هناك.\n", encoding="utf-8"
    )
    before = window.library.count()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    copy, buttons, mods = Qt.DropAction.CopyAction, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPointF(20, 20), copy, mime, buttons, mods)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(30, 30), copy, mime, buttons, mods))
    qtbot.waitUntil(lambda: window.library.count() == before + 1, timeout=30000)
    job = window.drop_importer.last_job
    qtbot.waitUntil(lambda: job.summary_box is not None or job.report is not None, timeout=30000)
    assert window.action("article.removed_lines").isEnabled()


def test_long_articles_are_read_off_the_gui_thread(qtbot, window, monkeypatch):
    from reader.ui.window import mainwindow

    monkeypatch.setattr(mainwindow, "BACKGROUND_READ_WORDS", 10)  # every seed counts as long here
    ids = [s.id for s in window.library.summaries()]
    window.show_pair(ids[2], ids[3])
    assert window.result() is None and window.pair != (ids[2], ids[3])  # still reading
    assert window.stats_label.full_text == "Loading…"
    qtbot.waitUntil(lambda: window.pair == (ids[2], ids[3]), timeout=30000)
    assert window.view.left.text == window.library.text(ids[2])
    assert window.view.right.text == window.library.text(ids[3])
    qtbot.waitUntil(lambda: window.result() is not None, timeout=60000)
    assert (window.result().left_id, window.result().right_id) == (ids[2], ids[3])


def test_every_action_reaches_a_method_of_the_window(window) -> None:
    missing = [spec.id for spec in ACTIONS if spec.handler.target_of(window) is None]
    assert missing == []
    assert all(window.action(spec.id).isEnabled() for spec in ACTIONS)
    assert window.actions() and all(isinstance(a, QAction) for a in window.actions())  # Qt's own, unshadowed
    assert window.palette().color(QPalette.ColorRole.Window).isValid()
