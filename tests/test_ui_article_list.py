"""Choosing pairs from the keyboard: the filter, Down into the list, Enter against the left pane,
Shift+Enter on the left, the panes' articles marked and kept reachable, Ctrl+PgDown walking the
reports of a story against one base, the Shared column for every article, the keymap editor's
filter."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from window_helpers import ALT, CTRL, SHIFT, add_article, key, seed_id, type_text

from reader.compare import compare
from reader.library import open_library
from reader.ui.application import load_fonts
from reader.ui.library.article_model import COL_PANE, COL_TITLE
from reader.ui.window.mainwindow import MainWindow
from reader.ui.window.settings import WindowSettings
from reader.view.paragraphs import display_text


@pytest.fixture
def library(tmp_path: Path):
    lib = open_library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


@pytest.fixture
def window(qtbot, qapp, library, tmp_path):
    load_fonts()
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


def show(qtbot, window, left: int, right: int) -> None:
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        window.show_pair(left, right)


def listed(window) -> list[int]:
    return [window.proxy.article_id(row) for row in range(window.proxy.rowCount())]


def test_filter_then_down_then_enter_compares_against_the_left_pane(qtbot, window, library) -> None:
    id_000, id_001, id_004 = (seed_id(library, n) for n in ("000", "001", "004"))
    show(qtbot, window, id_000, id_001)
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    type_text(window.filter_edit, "قرغيزيا")  # only seed 004 spells it so
    assert window.pair == (id_000, id_001)  # typing changes the list, never the panes
    key(qtbot, window, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.table and window.selected_article() == id_004
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_Return)
    assert window.pair == (id_000, id_004)
    # Shift+Enter puts the current article on the left instead
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_Return, SHIFT)
    assert window.pair == (id_004, id_004)


def test_alt_arrows_work_on_the_current_row_of_a_filtered_list(qtbot, window, library) -> None:
    id_000, id_001, id_002 = (seed_id(library, n) for n in ("000", "001", "002"))
    show(qtbot, window, id_000, id_001)
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    type_text(window.filter_edit, "50 دولة")  # seed 002's title
    key(qtbot, window, Qt.Key.Key_Down)
    assert window.selected_article() == id_002
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_Left, ALT)
    assert window.pair == (id_002, id_001)
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_Right, ALT)
    assert window.pair == (id_002, id_002)


def test_the_panes_articles_are_marked_and_reachable_when_the_filter_hides_them(
    qtbot, window, library
) -> None:
    id_000, id_001, id_004 = (seed_id(library, n) for n in ("000", "001", "004"))
    show(qtbot, window, id_000, id_001)
    marks = {
        window.proxy.article_id(r): window.proxy.index(r, COL_PANE).data()
        for r in range(window.proxy.rowCount())
    }
    assert marks[id_000] == "A" and marks[id_001] == "B" and marks[id_004] == ""
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    type_text(window.filter_edit, "قرغيزيا")
    assert set(listed(window)) == {id_000, id_001, id_004}
    for article, italic in ((id_000, True), (id_001, True), (id_004, False)):
        row = window.proxy.proxy_row_of(article)
        font = window.proxy.index(row, COL_TITLE).data(Qt.ItemDataRole.FontRole)
        assert (font is not None and font.italic()) == italic
    tip = window.proxy.index(window.proxy.proxy_row_of(id_000), COL_TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Not matching the filter")
    # the pinned rows can be gone to and used like any other
    window.select_article(id_001)
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_Left, ALT)
    assert window.pair == (id_001, id_001)


def test_ctrl_page_down_walks_the_list_against_one_base(qtbot, window, library) -> None:
    ids = [seed_id(library, n) for n in ("000", "001", "002", "003", "004")]
    show(qtbot, window, ids[2], ids[0])
    window.select_article(ids[2])
    key(qtbot, window, Qt.Key.Key_1, CTRL)
    seen = []
    for _ in range(2):
        with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
            key(qtbot, window, Qt.Key.Key_PageDown, CTRL)
        assert window.pair[0] == ids[2]  # the base stays on the left
        seen.append(window.pair[1])
        assert window.selected_article() == window.pair[1]
        left, right = window.view.left.text, window.view.right.text
        assert window.result().comparison == compare(left, right, window.options)
    assert seen == [ids[3], ids[4]]
    key(qtbot, window, Qt.Key.Key_PageDown, CTRL)  # the end of the list: said, nothing changes
    assert window.pair == (ids[2], ids[4]) and "No more articles" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_PageUp, CTRL)
    assert window.pair == (ids[2], ids[3])


def test_the_shared_column_is_filled_for_every_article_new_ones_included(qtbot, window, library) -> None:
    ids = [seed_id(library, n) for n in ("000", "001", "002", "003", "004")]
    show(qtbot, window, ids[0], ids[1])
    show(qtbot, window, ids[0], ids[2])  # a new pair cuts the background work short...
    show(qtbot, window, ids[0], ids[3])
    qtbot.waitUntil(lambda: all(window.model.shared(i) is not None for i in ids[1:]), timeout=30_000)
    copy = display_text(library.text(ids[4]))
    new = add_article(library, copy + "\nفقرة أضيفت في نهاية المقال المنقول.", "copy-of-004")
    window._imported(new)  # as an import ends
    qtbot.waitUntil(lambda: window.model.shared(new) is not None, timeout=30_000)
    expected = compare(display_text(library.text(ids[0])), library.text(new)).stats.shared_b
    assert window.model.shared(new) == pytest.approx(expected)


def test_the_keymap_editor_edits_the_visible_selected_row(qtbot, window) -> None:
    from reader.ui.actions.keymap_dialog import KeymapDialog

    key(qtbot, window, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, KeymapDialog) and w.isVisible())
    dialog.select("zoom.in")
    qtbot.keyClicks(dialog.filter, "swap")  # hides the selected row
    assert not dialog.table.isRowHidden(dialog.table.currentRow())
    assert dialog.current_id() == "pair.swap"
    assert "Swap sides" in dialog.editing.text()
    qtbot.keyClicks(dialog.filter, "nothing-is-called-this")
    assert dialog.current_id() is None and not dialog.set_button.isEnabled()
    dialog.reject()
