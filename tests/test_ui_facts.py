"""The facts panel beside the comparison, from the keyboard: the casualty pair's five differences
listed first, Alt+Shift+Down / Up walking them and selecting both places, the status line counting them,
File > Export comparison and File > Print of the same report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from reader.library import open_library
from reader.ui.application import load_fonts
from reader.ui.window.mainwindow import MainWindow
from reader.ui.window.settings import WindowSettings

DATA = Path(__file__).parent / "data" / "facts"
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, qapp, tmp_path):
    library = open_library(tmp_path / "library.sqlite3", seed_if_empty=False)
    ids = [
        library.import_text((DATA / name).read_text(encoding="utf-8"), title=name).article_id
        for name in ("casualty_a.txt", "casualty_b.txt")
    ]
    load_fonts()
    settings = WindowSettings(QSettings(str(tmp_path / "qarin.ini"), QSettings.Format.IniFormat))
    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    win.resize(1500, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    with qtbot.waitSignal(win.comparisonPainted, timeout=20_000):
        win.show_pair(*ids)
    qtbot.waitUntil(lambda: len(win.facts_panel.rows) > 0, timeout=20_000)
    yield win
    win.close()
    library.close()


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def test_the_panel_lists_the_five_differences_first_and_the_status_counts_them(window, tmp_path):
    rows = window.facts_panel.rows
    assert [p.status for p in rows[:5]].count("differ") == 4 and rows[4].status == "spelled"
    assert all(p.status == "agree" for p in rows[5:])
    status = window.stats_label.full_text
    assert "5 facts differ" in status and "reworded" in status and "100%" not in status
    window.grab().save(str(tmp_path / "facts-window.png"))


def test_alt_shift_down_walks_the_differences_and_selects_both_places(qtbot, window):
    window.view.left.setFocus()
    press(qtbot, window, Qt.Key.Key_Down, ALT_SHIFT)
    assert window.view.left.selected_text() == "27 شخصا"
    assert window.view.right.selected_text() == "31 شخصا"
    press(qtbot, window, Qt.Key.Key_Down, ALT_SHIFT)
    assert window.view.right.selected_text() == "104 آخرون"
    press(qtbot, window, Qt.Key.Key_Up, ALT_SHIFT)
    assert window.view.left.selected_text() == "27 شخصا"
    press(qtbot, window, Qt.Key.Key_Up, ALT_SHIFT)  # wraps to the last one: the name spelled two ways
    assert window.view.right.selected_text() == "إسماعيل بالاكاغلو"


def test_enter_on_a_row_jumps_to_it(qtbot, window):
    press(qtbot, window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # focus the panel
    assert QApplication.focusWidget() is window.facts_panel.tree
    tree = window.facts_panel.tree
    tree.setCurrentItem(tree.topLevelItem(2))
    press(qtbot, window, Qt.Key.Key_Return)
    assert (window.view.left.selected_text(), window.view.right.selected_text()) == ("الثلاثاء", "الأربعاء")


def test_export_writes_the_report_as_html_and_pdf(window, tmp_path):
    page = window.reports.export(str(tmp_path / "report.html"))
    text = Path(page).read_text(encoding="utf-8")
    assert "Facts (5 differ)" in text and "casualty_a.txt" in text
    pdf = Path(window.reports.export(str(tmp_path / "report.pdf")))
    assert pdf.read_bytes().startswith(b"%PDF")


def test_print_paints_the_same_report(window, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert window.reports.print_(printer)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    assert window.action("file.print").shortcut().toString() == "Ctrl+P"
    assert window.action("file.export").shortcut().toString() == "Ctrl+E"


def column_lefts(panel) -> list[int]:
    """Where the Fact, Left and Right columns stand on screen, left to right."""
    tree = panel.tree
    row = tree.indexFromItem(tree.topLevelItem(0))
    return [tree.visualRect(row.siblingAtColumn(column)).left() for column in range(3)]


def test_the_columns_read_fact_left_right_like_the_panes(window):
    fact, left, right = column_lefts(window.facts_panel)
    assert fact < left < right  # the left article's column left of the right one's
    assert window.view.left.mapToGlobal(window.view.left.rect().center()).x() < (
        window.view.right.mapToGlobal(window.view.right.rect().center()).x()
    )
