"""The story room, driven from the keyboard: the list in story mode, one story of 13 reports (its
reports, collation table in RTL, heat map, who took from whom), Enter on a collation cell opening
that pair at that passage, and the articles sharing text with the current one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from story_helpers import OUTLETS, make_newsroom

from reader.stories.model import ABSENT, REWORDED, SAME
from reader.ui.application import load_fonts
from reader.ui.stories.heatmap import text_room
from reader.ui.stories.models import CELL_SIGNS, heat_colour
from reader.ui.window.mainwindow import MainWindow
from reader.ui.window.settings import WindowSettings

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SHOTS = os.environ.get("QARIN_SCREENSHOTS")  # a folder: the test saves what it drove there to look at


@pytest.fixture
def newsroom(tmp_path: Path):
    library, ids = make_newsroom(tmp_path)
    yield library, ids
    library.close()


@pytest.fixture
def window(qtbot, qapp, newsroom, tmp_path):
    library, _ = newsroom
    load_fonts()
    settings = WindowSettings(QSettings(str(tmp_path / "qarin.ini"), QSettings.Format.IniFormat))
    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _open_story(qtbot, window):
    window.activateWindow()
    window.table.setFocus()
    with qtbot.waitSignal(window.stories._panel().storiesShown, timeout=20_000):
        _key(qtbot, Qt.Key.Key_G, CTRL_SHIFT)
    panel = window.stories.panel
    assert panel.isVisible() and QApplication.focusWidget() is panel.story_list
    return panel


def test_the_list_in_story_mode_and_a_story_of_13_reports(qtbot, window, newsroom):
    library, ids = newsroom
    panel = _open_story(qtbot, window)
    model = panel.story_model
    stories = model.stories
    assert [s.last_seen for s in stories] == sorted((s.last_seen for s in stories), reverse=True)
    big = next(row for row, s in enumerate(stories) if ids["agency"] in s.article_ids)
    assert model.data(model.index(big, 1)) == "13"
    assert model.data(model.index(big, 0)) == "أمير مكة يدشن مشروع القطار"
    assert model.data(model.index(big, 4)) == "\u20662015-07-21 10:56\u2069"  # isolated: reads LTR in RTL
    # walk down to it with the arrows and open it with Enter
    panel.story_list.setCurrentIndex(model.index(0, 0))
    for _ in range(big):
        _key(qtbot, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.storyShown, timeout=20_000):
        _key(qtbot, Qt.Key.Key_Return)
    view = panel.view
    assert view.base_id == ids["agency"] and len(view.reports) == 12
    assert panel.reports_model.rowCount() == 12 and panel.matrix_model.rowCount() == 13
    rows = panel.provenance.items()
    assert len(rows) == 13 and "took its text from" in rows[1].toolTip(0) and "after" in rows[1].toolTip(0)
    collation = panel.collation_model
    assert collation.rowCount() == 8 and collation.columnCount() == 13
    assert panel.collation.layoutDirection() == Qt.LayoutDirection.RightToLeft
    signs = {collation.data(collation.index(r, c)) for r in range(8) for c in range(1, 13)}
    assert signs == {CELL_SIGNS[SAME], CELL_SIGNS[REWORDED], CELL_SIGNS[ABSENT]}
    if SHOTS:
        panel.grab().save(str(Path(SHOTS) / "story-view.png"))


def test_enter_on_a_cell_opens_that_pair_at_that_passage(qtbot, window, newsroom):
    library, ids = newsroom
    panel = _open_story(qtbot, window)
    row = next(r for r, s in enumerate(panel.story_model.stories) if ids["agency"] in s.article_ids)
    panel.story_list.setCurrentIndex(panel.story_model.index(row, 0))
    with qtbot.waitSignal(panel.storyShown, timeout=20_000):
        _key(qtbot, Qt.Key.Key_Return)
    panel.collation.setFocus()
    column = 1 + [r.article_id for r in panel.view.reports].index(ids["okaz"])  # number 1: dropped sentence 6
    panel.collation.setCurrentIndex(panel.collation_model.index(0, 1))
    for _ in range(3):
        _key(qtbot, Qt.Key.Key_Down)  # to sentence 4; in RTL, Left walks to the next report
    for _ in range(column - 1):
        _key(qtbot, Qt.Key.Key_Left)
    current = panel.collation.currentIndex()
    assert (current.row(), current.column()) == (3, column)
    cell = panel.collation_model.cell(3, column)
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        _key(qtbot, Qt.Key.Key_Return)
    assert window.pair == (ids["agency"], ids["okaz"])
    # the passage of that sentence is made current (underlined, not selected: the colours stay
    # visible), the cursor at its start in the right pane
    qtbot.waitUntil(lambda: window.view.current_passage is not None, timeout=5000)
    start, end = window.view.comparison.passages[window.view.current_passage].b
    assert start < cell.passage[1] and end > cell.passage[0]
    assert window.view.panes["b"].cursor_offset() == start


def test_articles_sharing_text_with_this_one(qtbot, window, newsroom):
    library, ids = newsroom
    window.activateWindow()
    window.select_article(ids["okaz"])
    window.table.setFocus()
    panel = window.stories._panel()
    _key(qtbot, Qt.Key.Key_K, CTRL_SHIFT)
    qtbot.waitUntil(lambda: panel.similar_model.rowCount() > 0, timeout=20_000)
    model = panel.similar_model
    found = {model.data(model.index(r, 0), Qt.ItemDataRole.UserRole + 1) for r in range(model.rowCount())}
    assert found == {ids["agency"]} | {ids[o] for o in OUTLETS if ids[o] != ids["okaz"]}
    assert QApplication.focusWidget() is panel.similar
    first = model.rows[0][0]
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        _key(qtbot, Qt.Key.Key_Return)
    assert window.pair == (ids["okaz"], first.article_id)
    if SHOTS:
        panel.grab().save(str(Path(SHOTS) / "similar.png"))


def test_the_heat_map_ramp_is_one_hue_from_light_to_dark():
    shades = [heat_colour(k / 10) for k in range(11)]
    lightness = [c.lightnessF() for c in shades]
    assert lightness == sorted(lightness, reverse=True) and lightness[0] > 0.95 and lightness[-1] < 0.3
    assert all(c.blue() >= c.red() and c.blue() >= c.green() for c in shades)  # no red or green


def test_add_feed_imports_its_entries(qtbot, window, monkeypatch):
    from test_library_feeds import _server  # the feed tests' local server on 127.0.0.1

    from reader.ui.stories import host

    before = window.model.rowCount()
    with _server() as site:
        monkeypatch.setattr(host.QInputDialog, "getText", lambda *args, **kwargs: (f"{site}/atom.xml", True))
        window.action("file.add_feed").trigger()
        qtbot.waitUntil(lambda: window.model.rowCount() == before + 1, timeout=20_000)
    titles = {window.model.summary(row).title for row in range(window.model.rowCount())}
    assert "خبر أتوم" in titles


def test_the_related_switch_regroups_from_the_keyboard(qtbot, window, newsroom, monkeypatch):
    from reader.ui.stories import window as room

    asked = []
    original = room.stories_of
    monkeypatch.setattr(
        room,
        "stories_of",
        lambda library, related=False: asked.append(related) or original(library, related=related),
    )
    panel = _open_story(qtbot, window)
    panel.related.setFocus()
    with qtbot.waitSignal(panel.storiesShown, timeout=20_000):
        _key(qtbot, Qt.Key.Key_Space)
    assert panel.related.isChecked() and asked == [False, True]
    assert panel.story_model.rowCount() >= 2


def _strip_isolates(text: str) -> str:
    return text.replace("\u2066", "").replace("\u2069", "")


def test_who_took_from_whom_is_a_graph_with_the_clis_evidence(qtbot, window, newsroom):
    library, ids = newsroom
    panel = _open_story(qtbot, window)
    row = next(r for r, s in enumerate(panel.story_model.stories) if ids["agency"] in s.article_ids)
    panel.story_list.setCurrentIndex(panel.story_model.index(row, 0))
    with qtbot.waitSignal(panel.storyShown, timeout=20_000):
        _key(qtbot, Qt.Key.Key_Return)
    view, tree = panel.view, panel.provenance
    by_id = {item.article_id: item for item in view.provenance}
    # each report nested under the report it took its text from; where text starts at the top
    top = [tree.topLevelItem(k) for k in range(tree.topLevelItemCount())]
    assert [node.data(0, Qt.ItemDataRole.UserRole + 1)[0] for node in top][0] == ids["agency"]
    rows = tree.items()
    assert sorted(node.data(0, Qt.ItemDataRole.UserRole + 1)[0] for node in rows) == sorted(by_id)
    for node in rows:
        article_id, source_id = node.data(0, Qt.ItemDataRole.UserRole + 1)
        assert source_id == by_id[article_id].source_id
        if node.parent() is not None:
            assert node.parent().data(0, Qt.ItemDataRole.UserRole + 1)[0] == source_id
        # in English the window says what the CLI and JSON say, word for word
        assert _strip_isolates(node.toolTip(0)).endswith(": " + by_id[article_id].evidence)
        verdict = by_id[article_id].confidence if source_id is not None else "where the text starts"
        assert node.text(1) == verdict
    assert view.base_reason in _strip_isolates(panel.details.text())
    # the current report's evidence stands under the graph, wrapped
    tree.setCurrentItem(rows[1])
    assert panel.provenance.detail.text() == rows[1].toolTip(0) and "took its text from" in rows[1].toolTip(0)
    # Enter on a report compares it with its source
    taker = next(node for node in rows if node.parent() is not None)
    article_id, source_id = taker.data(0, Qt.ItemDataRole.UserRole + 1)
    tree.setFocus()
    tree.setCurrentItem(taker)
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        _key(qtbot, Qt.Key.Key_Return)
    assert window.pair == (source_id, article_id)


def test_the_story_view_is_built_off_the_gui_thread_with_progress(qtbot, window, newsroom, monkeypatch):
    import threading

    from PySide6.QtCore import QTimer

    from reader.ui.stories import window as room

    library, ids = newsroom
    release, threads = threading.Event(), []
    original = room.build_story_view

    def held(library, story, progress=None):
        threads.append(threading.current_thread())

        def step(done: int, total: int, label: str) -> None:
            progress(done, total, label)
            if done == 1:
                release.wait(20)  # the window is watched while the work is held here

        return original(library, story, progress=step)

    monkeypatch.setattr(room, "build_story_view", held)
    panel = _open_story(qtbot, window)
    story = next(s for s in panel.story_model.stories if ids["agency"] in s.article_ids)
    panel.show_story(story)
    qtbot.waitUntil(lambda: "report 2 of 12" in panel.status.text(), timeout=10_000)
    assert panel.busy.isVisible() and panel.view is None
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=2_000)  # the GUI thread answers meanwhile
    with qtbot.waitSignal(panel.storyShown, timeout=20_000):
        release.set()
    assert threads and threads[0] is not threading.main_thread()
    assert not panel.busy.isVisible() and panel.view.story.id == story.id


@pytest.mark.parametrize("size", [(1400, 860), (1100, 700)])
def test_the_heat_map_of_13_reports_fits_its_room_without_sideways_scrolling(qtbot, window, newsroom, size):
    _, ids = newsroom
    window.resize(*size)
    panel = _open_story(qtbot, window)
    panel.window().resize(*size)
    model = panel.story_model
    big = next(row for row, s in enumerate(model.stories) if ids["agency"] in s.article_ids)
    panel.story_list.setCurrentIndex(model.index(big, 0))
    with qtbot.waitSignal(panel.storyShown, timeout=20_000):
        _key(qtbot, Qt.Key.Key_Return)
    matrix, heat = panel.matrix, panel.matrix_model
    qtbot.waitUntil(lambda: matrix.viewport().width() > 0)
    QApplication.processEvents()
    columns = heat.columnCount()
    assert columns == 13
    widths = [matrix.columnWidth(c) for c in range(columns)]
    assert sum(widths) <= matrix.viewport().width() and matrix.horizontalScrollBar().maximum() == 0
    # columns are headed by the rows' numbers; each row names its number and its report
    across = [heat.headerData(c, Qt.Orientation.Horizontal) for c in range(columns)]
    assert across == [str(n) for n in range(1, 14)]
    down = heat.headerData(0, Qt.Orientation.Vertical)
    first = panel.view.story.article_ids[0]
    assert down.startswith("1 ") and f"#{first}" in down
    assert f"#{first}" in heat.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    # a number is drawn whole or not at all (the colour and the tooltip stay), never elided
    shown = []
    for row in range(heat.rowCount()):
        for column in range(columns):
            index = heat.index(row, column)
            option = QStyleOptionViewItem()
            option.rect = matrix.visualRect(index)
            matrix.itemDelegate().initStyleOption(option, index)
            assert option.text in (index.data(), "")
            if option.text:
                assert option.fontMetrics.horizontalAdvance(option.text) <= text_room(option)
                shown.append(option.text)
            assert index.data(Qt.ItemDataRole.ToolTipRole)
    if size == (1400, 860):
        assert len(shown) == 13 * 13  # at a normal size every share is read in its cell
    if SHOTS:
        panel.grab().save(str(Path(SHOTS) / f"story-heat-{size[0]}x{size[1]}.png"))
