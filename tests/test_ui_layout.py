"""The window's layout and small things, from the keyboard: the list resized, put away (Ctrl+B) and
brought back at the width it had, that width kept for the next window; at 800x600 the panes keep
the room and the list is a key away; the zoom indicator; the matching rules switched off named in
the status line; counts in plural forms (English and Arabic); the list's Arabic titles right-aligned
and elided at their end, the pane headers elided."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from window_helpers import CTRL, SHIFT, add_article, key, seed_id

from reader.library import open_library
from reader.ui.application import install_translations, load_fonts
from reader.ui.comparison.panes import BASE_POINT_SIZE
from reader.ui.library.article_model import COL_PANE, COL_SHARED, COL_TITLE
from reader.ui.window.mainwindow import MainWindow
from reader.ui.window.panels import MIN_PANEL_WIDTH
from reader.ui.window.settings import WindowSettings


@pytest.fixture
def library(tmp_path: Path):
    lib = open_library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def make_window(qtbot, library, tmp_path: Path, size: tuple[int, int] = (1400, 860)) -> MainWindow:
    load_fonts()
    settings = WindowSettings(QSettings(str(tmp_path / "qarin.ini"), QSettings.Format.IniFormat))
    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


@pytest.fixture
def window(qtbot, qapp, library, tmp_path):
    win = make_window(qtbot, library, tmp_path)
    yield win
    win.close()


def show(qtbot, window, left: int, right: int) -> None:
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        window.show_pair(left, right)


def list_width(window) -> int:
    return window.splitter.sizes()[0]


def drag_list_edge_to(qtbot, window, width: int) -> None:
    """The user drags the handle between the list and the comparison."""
    handle = window.splitter.handle(1)
    middle = QPoint(handle.width() // 2, handle.height() // 2)
    step = width - list_width(window)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(handle, middle + QPoint(step, 0))  # one move: the handle follows the mouse
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=middle)


def test_the_list_is_resized_put_away_and_brought_back_at_its_width(qtbot, window, library, tmp_path) -> None:
    show(qtbot, window, seed_id(library, "000"), seed_id(library, "001"))
    assert window.side_panels.shown("list") and list_width(window) >= MIN_PANEL_WIDTH
    drag_list_edge_to(qtbot, window, 420)
    assert abs(list_width(window) - 420) <= 4
    pane_width = window.view.left.width()
    key(qtbot, window, Qt.Key.Key_B, CTRL)  # put away: the panes take its room
    assert list_width(window) == 0 and not window.action("view.list").isChecked()
    qtbot.waitUntil(lambda: window.view.left.width() > pane_width + 150)
    key(qtbot, window, Qt.Key.Key_B, CTRL)  # back at the width it was given, focused
    assert abs(list_width(window) - 420) <= 4 and window.action("view.list").isChecked()
    assert QApplication.focusWidget() is window.table
    # dragged thinner than a panel can be read: put away rather than left a strip
    drag_list_edge_to(qtbot, window, 60)
    assert list_width(window) == 0 and not window.action("view.list").isChecked()
    key(qtbot, window, Qt.Key.Key_B, CTRL)
    assert abs(list_width(window) - 420) <= 4
    window.close()
    # the next window opens with the list at that width
    again = make_window(qtbot, library, tmp_path)
    assert abs(list_width(again) - 420) <= 4
    again.close()


def test_at_800_by_600_the_panes_keep_the_room_and_the_list_is_a_key_away(qtbot, window, library) -> None:
    show(qtbot, window, seed_id(library, "000"), seed_id(library, "001"))
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.width() == 800)
    assert not window.side_panels.shown("list") and not window.side_panels.shown("facts")
    assert not window.action("view.list").isChecked()
    qtbot.waitUntil(lambda: window.view.left.width() >= 300 and window.view.right.width() >= 300)
    window.view.left.setFocus()
    key(qtbot, window, Qt.Key.Key_B, CTRL)  # the list when it is wanted, readable
    assert list_width(window) >= MIN_PANEL_WIDTH and QApplication.focusWidget() is window.table
    qtbot.waitUntil(lambda: window.view.left.width() >= 150 and window.view.right.width() >= 150)
    key(qtbot, window, Qt.Key.Key_B, CTRL)
    assert list_width(window) == 0
    # a wide window again brings back what narrowness put away, not what the user put away
    window.resize(1500, 860)
    qtbot.waitUntil(lambda: window.side_panels.shown("facts"))
    assert not window.side_panels.shown("list")


def test_the_zoom_indicator_says_the_text_size(qtbot, window, library) -> None:
    show(qtbot, window, seed_id(library, "000"), seed_id(library, "001"))
    label = window.status_line.zoom_label
    assert label.full_text == "100%" and label.isVisible()

    def shown_size() -> str:
        return f"{round(window.view.left.font().pointSizeF() / BASE_POINT_SIZE * 100)}%"

    key(qtbot, window, Qt.Key.Key_Equal, CTRL)
    key(qtbot, window, Qt.Key.Key_Equal, CTRL)
    assert label.full_text == shown_size() != "100%"
    key(qtbot, window, Qt.Key.Key_Minus, CTRL)
    key(qtbot, window, Qt.Key.Key_Minus, CTRL)
    key(qtbot, window, Qt.Key.Key_Minus, CTRL)
    assert label.full_text == shown_size() and int(label.full_text[:-1]) < 100
    key(qtbot, window, Qt.Key.Key_0, CTRL)
    assert label.full_text == "100%" and "Ctrl+0" in label.toolTip()


def test_the_status_line_names_the_matching_rules_switched_off(qtbot, window, library) -> None:
    show(qtbot, window, seed_id(library, "000"), seed_id(library, "001"))
    rules = window.status_line.rules_label
    assert rules.full_text == ""  # the defaults: nothing to say
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)  # hamza and alef forms counted
    assert rules.full_text == "Not ignored: hamza and alef forms" and rules.isVisible()
    assert rules.width() > 40
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_D, CTRL | SHIFT)  # diacritics too
    assert rules.full_text == "Not ignored: diacritics, hamza and alef forms"
    assert "diacritics: counted as a difference" in rules.toolTip()
    assert "punctuation style: ignored" in rules.toolTip()
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_A, CTRL | SHIFT)
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_D, CTRL | SHIFT)
    assert rules.full_text == ""


def two_paragraphs() -> tuple[str, str, str]:
    """One text, the same text, and its two paragraphs in the other order (two passages)."""
    from window_helpers import seed_paragraphs

    first, second = seed_paragraphs(1)[:2]
    return f"{first}\n{second}", f"{first}\n{second}", f"{second}\n{first}"


@pytest.fixture
def arabic(qapp):
    translators = install_translations(qapp, QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    install_translations(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_counts_are_said_in_plural_forms(qtbot, window, library) -> None:
    text, same, swapped = two_paragraphs()
    a, b, c = (add_article(library, t, n) for t, n in ((text, "a"), (same, "b"), (swapped, "c")))
    window.reload_articles()
    show(qtbot, window, a, b)
    parts = window.stats_label.full_text.split(" · ")
    assert window.result().comparison.stats.passages == 1
    assert "1 passage" in parts and "0 moved" in parts
    show(qtbot, window, a, c)
    parts = window.stats_label.full_text.split(" · ")
    assert window.result().comparison.stats.passages == 2
    assert "2 passages" in parts and "1 moved" in parts


def test_arabic_counts_take_their_plural_forms(qtbot, arabic, library, tmp_path) -> None:
    text, same, swapped = two_paragraphs()
    a, b, c = (add_article(library, t, n) for t, n in ((text, "a"), (same, "b"), (swapped, "c")))
    window = make_window(qtbot, library, tmp_path)
    show(qtbot, window, a, b)
    assert "مقطع واحد" in window.stats_label.full_text.split(" · ")  # one: its own form
    show(qtbot, window, a, c)
    assert "مقطعان" in window.stats_label.full_text.split(" · ")  # two: the dual
    window.close()


def ink_columns(image, rect, background: QColor) -> list[int]:
    """The x of the columns of `rect` where something other than the background is painted."""
    found = []
    for x in range(rect.left() + 1, rect.right()):
        if any(QColor(image.pixel(x, y)) != background for y in range(rect.top() + 2, rect.bottom() - 1)):
            found.append(x)
    return found


def test_the_list_right_aligns_arabic_titles_and_elides_them_at_their_end(qtbot, window, library) -> None:
    start = "استضاف الرئيس الأمريكي قادة خمس دول من آسيا الوسطى في البيت الأبيض"
    titled = {
        "long": f"{start} يوم الخميس لبحث المعادن",
        "other end": f"{start} لتوقيع اتفاقيات تجارية جديدة",
        "other start": f"زار وزير الخارجية السعودي {start}",
        "short": "خبر قصير",
    }
    long_one, other_end, other_start, short = (
        library.import_text(f"نص المقال {k}.", origin=f"{k}.txt", title=title).article_id
        for k, title in enumerate(titled.values())
    )
    window.reload_articles()
    window.table.setFocus()
    table = window.table
    table.horizontalHeader().resizeSection(COL_TITLE, 160)
    qtbot.wait(50)
    image = table.viewport().grab().toImage()
    background = QColor(image.pixel(2, image.height() - 2))  # below the rows

    def cell(article: int):
        rect = table.visualRect(window.proxy.index(window.proxy.proxy_row_of(article), COL_TITLE))
        return rect, image.copy(rect)

    rect, _ = cell(short)
    ink = ink_columns(image, rect, background)
    assert ink and rect.right() - ink[-1] < 10 and ink[0] - rect.left() > 40  # on the right
    # a long title keeps its beginning (its right) and loses its end (the left): titles that
    # differ only at their end look the same, titles that differ at their start do not
    (rect, first), (_, second), (_, third) = cell(long_one), cell(other_end), cell(other_start)
    ink = ink_columns(image, rect, background)
    assert ink[0] - rect.left() < 12 and rect.right() - ink[-1] < 10  # the whole width is used
    assert first == second and first != third


def test_pane_headers_elide_their_titles(qtbot, window, library) -> None:
    title = "استضاف الرئيس الأمريكي دونالد ترامب قادة خمس دول من آسيا الوسطى في البيت الأبيض " * 3
    a = library.import_text("نص أول من فقرة واحدة.", origin="a.txt", title=title.strip()).article_id
    window.reload_articles()
    show(qtbot, window, a, seed_id(library, "001"))
    header = window.view.left_column.title
    assert header.full_text == title.strip() and header.toolTip() == title.strip()
    assert header.text().endswith("…") and title.startswith(
        header.text()[:-1].rstrip("\u200d")
    )  # joined to the ellipsis
    assert header.fontMetrics().horizontalAdvance(header.text()) <= header.contentsRect().width()
    assert header.width() <= window.view.left_column.width()


def test_a_narrow_list_keeps_its_titles_readable_and_the_shared_column_beside_them(
    qtbot, window, library
) -> None:
    show(qtbot, window, seed_id(library, "000"), seed_id(library, "001"))
    table, header = window.table, window.table.horizontalHeader()
    for width in (330, 250, 520):
        window.toggle_panel("list", False)
        window.settings.qsettings.setValue("panels/list_width", width)
        key(qtbot, window, Qt.Key.Key_B, CTRL)
        qtbot.waitUntil(lambda: list_width(window) >= MIN_PANEL_WIDTH)
        qtbot.wait(20)
        viewport = table.viewport().width()
        assert header.sectionSize(COL_TITLE) >= 0.55 * viewport  # never squeezed by the others
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != COL_TITLE)
        if others + 0.55 * viewport <= viewport:  # room for all: the title fills what is left
            assert abs(header.sectionSize(COL_TITLE) + others - viewport) <= 2
    # the share of the left article next to the title: seen without scrolling in a narrow list
    order = [header.logicalIndex(v) for v in range(header.count())]
    assert order[:3] == [COL_PANE, COL_TITLE, COL_SHARED]
