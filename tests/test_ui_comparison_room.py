"""The comparison room from the keyboard: the current change marked on both sides without hiding
the colours, where a passage stands said in the status line and on its band, passages used twice
and reordered inside, readable bands with many passages, the reading position kept."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import QApplication
from window_helpers import (
    ALT,
    CTRL,
    SHIFT,
    add_article,
    brought_forward,
    key,
    paragraphs_shuffled,
    phrases_shuffled,
    seed_id,
    used_twice,
)

from reader.library import open_library
from reader.ui.application import load_fonts
from reader.ui.comparison.theme import LIGHT
from reader.ui.window.mainwindow import MainWindow
from reader.ui.window.settings import WindowSettings


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
    win.view.set_theme(LIGHT)
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
    qtbot.waitUntil(lambda: not window.view.highlighting(), timeout=20_000)


def show_texts(qtbot, window, library, texts: tuple[str, str]) -> tuple[int, int]:
    ids = add_article(library, texts[0], "a"), add_article(library, texts[1], "b")
    window.reload_articles()
    show(qtbot, window, *ids)
    return ids


def colours_in(pane, start: int, end: int) -> Counter:
    """The colours of the pane's pixels over the text range (what the reader sees there)."""
    image = pane.viewport().grab().toImage()
    cursor = pane.textCursor()
    cursor.setPosition(pane.positions.to_qt(start))
    first = pane.cursorRect(cursor)
    cursor.setPosition(pane.positions.to_qt(end))
    last = pane.cursorRect(cursor)
    top, bottom = first.top() + 3, first.bottom() - 3
    left, right = sorted((first.center().x(), last.center().x())) if first.top() == last.top() else (0, 0)
    counts: Counter = Counter()
    for x in range(int(left) + 3, int(right) - 3):
        for y in range(top, bottom):
            counts[QColor(image.pixel(x, y)).name()] += 1
    return counts


def in_view(pane, start: int) -> bool:
    y = pane.visible_blocks().y_of(pane.positions.to_qt(start))
    return 0 <= y < pane.viewport().height()


def test_next_difference_outlines_both_sides_and_keeps_the_colours_visible(qtbot, window, library) -> None:
    show(qtbot, window, seed_id(library, "000"), seed_id(library, "001"))
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    comparison = window.result().comparison
    first, changed = [h for h in window.result().hunks_a if h.passage is not None][:2]
    while window.view.left.outlined("change") != [(changed.start, changed.end)]:
        key(qtbot, window, Qt.Key.Key_F8)
    left, right = window.view.left, window.view.right
    ((lo, hi),) = right.outlined("change")
    assert right.text[lo:hi].strip() and (lo, hi) != comparison.passages[changed.passage].b
    assert in_view(left, changed.start) and in_view(right, lo)  # both sides in view at once
    assert not left.textCursor().hasSelection() and not right.textCursor().hasSelection()
    qtbot.wait(50)
    # what the reader sees over the words is the highlight, not a selection's blue
    seen = colours_in(left, changed.start, changed.end)
    selection = left.palette().highlight().color().name()
    assert seen[LIGHT.changed] > seen[selection] and seen[LIGHT.changed] > 20
    assert colours_in(right, lo, hi)[LIGHT.changed] > 20
    # the outline is drawn around the words, never over them
    outlined = left.viewport().grab().toImage()
    left.set_outlines("change", [], LIGHT.change_outline)
    qtbot.wait(20)
    plain = left.viewport().grab().toImage()
    cursor = left.textCursor()
    cursor.setPosition(left.positions.to_qt(changed.start))
    box = left.cursorRect(cursor).united(left.cursorRect(left.textCursor()))
    differing = [
        (x, y) for x in range(plain.width()) for y in range(box.top() - 8, box.bottom() + 8)
        if 0 <= y < plain.height() and plain.pixel(x, y) != outlined.pixel(x, y)
    ]  # fmt: skip
    assert differing
    assert any(
        QColor(outlined.pixel(x, y)).blue() > 120 and QColor(outlined.pixel(x, y)).red() < 90
        for x, y in differing
    )
    assert all(box.top() - 8 <= y <= box.bottom() + 8 for _, y in differing)
    # F7 goes back to the change before; the passage stays underlined on both sides
    key(qtbot, window, Qt.Key.Key_F7)
    assert window.view.left.outlined("change") == [(first.start, first.end)]
    assert window.passage_label.full_text.startswith("Passage ")


def test_a_change_with_nothing_opposite_marks_the_place_on_the_other_side(qtbot, window, library) -> None:
    text_a, _ = brought_forward()
    paragraphs = text_a.split("\n")
    longer = paragraphs[:]
    words = paragraphs[0].split(" ")
    middle = len(words) // 2  # words inside a copied paragraph: the other text lacks them there
    longer[0] = " ".join(
        [*words[:middle], "وأضاف المتحدث أن الاجتماع المقبل سيعقد في الرياض", *words[middle:]]
    )
    show_texts(qtbot, window, library, ("\n".join(longer), text_a))
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    key(qtbot, window, Qt.Key.Key_F8)
    ((start, end),) = window.view.left.outlined("change")
    assert "الرياض" in window.view.left.text[start:end]
    ((lo, hi),) = window.view.right.outlined("change")
    assert lo == hi  # an insertion bar: the right text says nothing there
    assert abs(lo - len(" ".join(words[:middle]))) <= 1  # where the left text has its words


def test_where_a_passage_stands_is_said_in_the_status_line_and_on_its_band(qtbot, window, library) -> None:
    show_texts(qtbot, window, library, brought_forward())
    view = window.view
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    key(qtbot, window, Qt.Key.Key_Home, CTRL)
    moved = next(k for k, p in enumerate(window.result().placements) if p.crossing)
    for _ in range(len(window.result().comparison.passages)):
        key(qtbot, window, Qt.Key.Key_PageDown, ALT)
        if view.current_passage == moved:
            break
    assert "brought forward: ¶7 of A is ¶3 of B" in window.passage_label.full_text
    assert view.linkmap.moved == [p.crossing for p in window.result().placements]
    band = dict(view.linkmap.band_paths())[moved]
    point = band.pointAtPercent(0.5) if band.length() else band.boundingRect().center()
    inside = next(
        QPointF(x, y)
        for x in range(2, view.linkmap.width() - 2)
        for y in range(int(band.boundingRect().top()), int(band.boundingRect().bottom()))
        if band.contains(QPointF(x, y))
    ) if not band.contains(point) else point  # fmt: skip
    assert window.passage_label.full_text in view.linkmap.tooltip_at(inside)


def test_a_passage_used_twice_has_a_band_to_each_place_and_both_are_visited(qtbot, window, library) -> None:
    show_texts(qtbot, window, library, used_twice())
    view, result = window.view, window.result()
    twice = [k for k, place in enumerate(result.placements) if place.again]
    assert len(twice) == 2
    first, second = (result.comparison.passages[k] for k in twice)
    assert first.a == second.a and first.b != second.b
    paths = dict(view.linkmap.band_paths())
    assert set(twice) <= set(paths)  # both bands drawn, from the same lines on the left

    def left_edge(k: int) -> float:
        path = paths[k]
        return min(path.elementAt(i).y for i in range(path.elementCount()) if abs(path.elementAt(i).x) < 0.5)

    assert abs(left_edge(twice[0]) - left_edge(twice[1])) < 1.0
    for k in twice:
        assert "used again: ¶3 of A is also" in view.passage_summary(k)
    # stepping through the passages from the left visits both places of the right
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    key(qtbot, window, Qt.Key.Key_Home, CTRL)
    visited = []
    for _ in range(len(result.comparison.passages)):
        key(qtbot, window, Qt.Key.Key_PageDown, ALT)
        visited.append(view.current_passage)
    assert set(twice) <= set(visited)
    # and from the right too; the overview rulers show the texts without error
    assert view.rulers["a"]._marks is not None and view.rulers["b"].grab().width() > 0


def test_words_reordered_inside_a_passage_are_hatched_and_said(qtbot, window, library) -> None:
    show_texts(qtbot, window, library, phrases_shuffled())
    view, result = window.view, window.result()
    reordered = next(s for s in result.comparison.segments("b") if s.reordered)
    pane = view.right
    block = pane.document().findBlock(pane.positions.to_qt(reordered.start))
    at = pane.positions.to_qt(reordered.start) - block.position()
    ranges = [r for r in block.layout().formats() if r.start <= at < r.start + r.length]
    assert ranges and ranges[-1].format.background().style() == Qt.BrushStyle.BDiagPattern
    assert "Reordered inside the passage" in view.legend.texts()
    assert view.passage_summary(reordered.passage).endswith("reordered inside the passage")
    plain = next(s for s in result.comparison.segments("b") if s.kind == "same" and not s.reordered)
    block = pane.document().findBlock(pane.positions.to_qt(plain.start))
    assert all(
        r.format.background().style() == Qt.BrushStyle.SolidPattern for r in block.layout().formats()
        if r.format.underlineStyle() != QTextCharFormat.UnderlineStyle.SingleUnderline
        and r.start <= pane.positions.to_qt(plain.start) - block.position() < r.start + r.length
    )  # fmt: skip


def test_with_many_passages_only_bands_with_both_ends_in_view_are_drawn(qtbot, window, library) -> None:
    show_texts(qtbot, window, library, paragraphs_shuffled())
    view, comparison = window.view, window.result().comparison
    assert len(comparison.passages) > 20 and sum(p.crossing for p in window.result().placements) > 10
    height = view.linkmap.height()
    bands = view.linkmap.bands()
    full = [b for b in bands if b.full]
    tabs = [b for b in bands if not b.full]
    assert tabs  # passages with one end in view point to the other
    for band in full:  # a light band only where both ends are in view
        box = band.path.boundingRect()
        assert box.bottom() >= 0 and box.top() <= height
    # the selected passage is drawn strongly even with its other end far away
    far = max(
        range(len(comparison.passages)),
        key=lambda k: abs(comparison.passages[k].b[0] - comparison.passages[k].a[0]),
    )
    view.select_passage(far, "a")
    chosen = [b for b in view.linkmap.bands() if b.passage == far]
    assert chosen and chosen[-1].full and view.linkmap.bands()[-1].passage == far
    # a wider gutter where there is room
    window.resize(1900, 900)
    qtbot.waitUntil(lambda: view.linkmap.width() > 60)
    wide = view.linkmap.width()
    window.resize(900, 700)
    qtbot.waitUntil(lambda: view.linkmap.width() < wide)


def test_swapping_keeps_the_passage_in_view(qtbot, window, library) -> None:
    show_texts(qtbot, window, library, paragraphs_shuffled(2))
    view = window.view
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    middle = len(view.left.text) * 2 // 3
    view.left.scroll_offset_to(middle, view.left.viewport().height() / 2)
    before = view.reading_position("a")
    passage = view.indexes["a"].passage_at(before.offset)
    key(qtbot, window, Qt.Key.Key_S, CTRL | SHIFT)
    qtbot.wait(50)
    after = view.reading_position("b")  # that text is now on the right
    assert abs(after.offset - before.offset) < 120
    assert view.indexes["b"].passage_at(after.offset) == view.indexes["b"].passage_at(before.offset)
    assert passage is not None
    counterpart = view.result.comparison.passages[view.indexes["b"].passage_at(before.offset)].a
    assert in_view(view.left, counterpart[0]) or in_view(view.left, counterpart[1] - 1)


def test_loading_one_side_keeps_the_other_and_aligns_the_new_one(qtbot, window, library) -> None:
    base, copy = paragraphs_shuffled(3)
    ids = show_texts(qtbot, window, library, (base, copy))
    other = add_article(library, paragraphs_shuffled(4)[1], "c")
    window.reload_articles()
    view = window.view
    view.left.scroll_offset_to(len(base) // 2, view.left.viewport().height() / 2)
    before = view.reading_position("a")
    window.select_article(other)
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_Right, ALT)
    assert window.pair == (ids[0], other)
    assert abs(view.reading_position("a").offset - before.offset) < 120  # the left pane did not move
    passage = view.indexes["a"].passage_at(before.offset)
    assert passage is not None
    start, end = view.result.comparison.passages[passage].b
    assert in_view(view.right, start) or in_view(view.right, end - 1)  # its counterpart beside it


def test_resizing_keeps_the_reading_position(qtbot, window, library) -> None:
    show_texts(qtbot, window, library, paragraphs_shuffled(5))
    view = window.view
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    view.left.scroll_offset_to(len(view.left.text) * 3 // 4, view.left.viewport().height() / 2)
    before = view.reading_position("a")
    window.resize(1000, 860)
    qtbot.waitUntil(lambda: view._resizing is None)
    qtbot.wait(50)
    after = view.reading_position("a")
    # the same line is read at the same height (a line holds some 60 characters)
    assert abs(after.offset - before.offset) < 150
    window.resize(1400, 860)
    qtbot.waitUntil(lambda: view._resizing is None)
    qtbot.wait(50)
    assert abs(view.reading_position("a").offset - before.offset) < 150


def test_find_searches_both_panes_outlines_every_hit_and_counts_each_side(qtbot, window, library) -> None:
    from window_helpers import type_text

    from reader.text.search_fold import fold_with_map

    show(qtbot, window, seed_id(library, "000"), seed_id(library, "001"))
    view = window.view
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    key(qtbot, window, Qt.Key.Key_F, CTRL)
    bar = window.find_bar
    assert bar.isVisible() and bar.query.hasFocus() and bar.both.isChecked()
    type_text(bar.query, "ترامب")
    expected = {
        side: fold_with_map(pane.text, window.options.normalize).find_all("ترامب", window.options.normalize)
        for side, pane in view.panes.items()
    }
    assert expected["a"] and expected["b"]
    assert view.left.outlined("find") == expected["a"] and view.right.outlined("find") == expected["b"]
    counts = f"left {len(expected['a'])}, right {len(expected['b'])}"
    assert bar.status.text() == f"1 of {len(expected['a'])} · {counts}"
    # F3 walks the left pane's hits, then goes on in the right pane
    for _ in range(len(expected["a"])):
        key(qtbot, window, Qt.Key.Key_F3)
    assert view.active_side == "b"
    assert view.right.selected_range() == expected["b"][0]
    assert view.right.outlined("find.current") == [expected["b"][0]]
    assert bar.status.text().startswith(f"1 of {len(expected['b'])} · ")
    # the scope switch: only the focused pane, its count alone
    key(qtbot, window, Qt.Key.Key_B, ALT)
    assert not bar.both.isChecked()
    assert view.left.outlined("find") == [] and view.right.outlined("find") == expected["b"]
    assert bar.status.text() == f"1 of {len(expected['b'])}"
    key(qtbot, window, Qt.Key.Key_Escape)
    assert not bar.isVisible() and view.right.outlined("find") == [] and view.left.outlined("find") == []
