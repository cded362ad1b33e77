"""The find bar over a QPlainTextEdit: Arabic folds, n of m, wrapping, keys, astral characters."""

from __future__ import annotations

from importlib.resources import files

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QVBoxLayout, QWidget

from reader.ui.comparison.findbar import FindBar

TEXT = (
    "قالَ الرئيسُ الأمريكيّ إنّ القمة ناجحة.\n"
    "وأضاف الرئيس أن الأمريكيين سيواصلون المحادثات.\n"
    "The President spoke."
)


@pytest.fixture
def setup(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    editor = QPlainTextEdit()
    editor.setReadOnly(True)
    editor.setPlainText(TEXT)
    bar = FindBar(host, editor)
    layout = QVBoxLayout(host)
    layout.addWidget(bar)
    layout.addWidget(editor)
    host.resize(700, 400)
    host.show()
    qtbot.waitExposed(host)
    yield bar, editor
    host.close()  # the fixture holds `host` until the test ends


def type_text(widget: QWidget, text: str) -> None:
    """Type any text as key events (QTest's keyClicks only knows ASCII and aborts on Arabic)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def selected(editor: QPlainTextEdit) -> str:
    return editor.textCursor().selectedText()


def test_typing_a_bare_word_selects_the_spelling_with_hamza_and_shadda(qtbot, setup):
    bar, editor = setup
    bar.open()
    assert bar.isVisible() and bar.query.hasFocus()
    type_text(bar.query, "الامريكي")
    assert selected(editor) == "الأمريكيّ"
    assert bar.status.text() == "1 of 2"
    assert [TEXT[s:e] for s, e in bar.hits] == ["الأمريكيّ", "الأمريكي"]


def test_enter_f3_steps_and_wraps_around(qtbot, setup):
    bar, editor = setup
    bar.open()
    type_text(bar.query, "الرئيس")
    assert bar.status.text() == "1 of 2" and selected(editor) == "الرئيسُ"
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)
    assert bar.status.text() == "2 of 2" and selected(editor) == "الرئيس"
    bar.find_next()  # F3 from the window
    assert bar.status.text() == "1 of 2"  # wrapped
    qtbot.keyClick(bar.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.status.text() == "2 of 2"  # backwards, wrapped
    bar.find_previous()
    assert bar.status.text() == "1 of 2"


def test_case_and_teh_marbuta_fold_and_no_match_is_reported(qtbot, setup):
    bar, editor = setup
    bar.open()
    type_text(bar.query, "president")
    assert selected(editor) == "President" and bar.status.text() == "1 of 1"
    bar.query.clear()
    type_text(bar.query, "ناجحه")
    assert selected(editor) == "ناجحة"
    type_text(bar.query, "xyz")
    assert bar.status.text() == "No matches" and bar.current == -1 and bar.hits == []


def test_next_hit_follows_the_cursor_the_user_moved(qtbot, setup):
    bar, editor = setup
    bar.open()
    type_text(bar.query, "الرئيس")
    cursor = editor.textCursor()
    cursor.setPosition(TEXT.index("\n"))  # the user clicked at the end of the first line
    editor.setTextCursor(cursor)
    bar.find_next()
    assert bar.current == 1


def test_escape_closes_and_gives_the_focus_back(qtbot, setup):
    bar, editor = setup
    bar.open()
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert editor.hasFocus()


def test_open_takes_the_selected_word_and_f3_without_query_opens(qtbot, setup):
    bar, editor = setup
    cursor = editor.textCursor()
    start = TEXT.index("القمة")
    cursor.setPosition(start)
    cursor.setPosition(start + len("القمة"), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    bar.open()
    assert bar.query.text() == "القمة" and bar.status.text() == "1 of 1"

    bar.close_bar()
    bar.query.clear()
    bar.find_next()
    assert bar.isVisible() and bar.query.hasFocus()


def test_hits_follow_a_new_text_and_a_new_editor(qtbot, setup):
    bar, editor = setup
    bar.open()
    type_text(bar.query, "الرئيس")
    editor.setPlainText("لا شيء هنا")
    bar.find_next()
    assert bar.status.text() == "No matches"
    other = QPlainTextEdit()
    qtbot.addWidget(other)
    seed = next(p for p in sorted(files("reader.seeds").iterdir()) if p.name.endswith(".txt"))
    other.setPlainText(seed.read_text(encoding="utf-8"))
    bar.set_editor(other)
    bar.query.setText("الامريكي")
    bar.find_next()
    assert bar.hits and bar.current >= 0
    assert other.textCursor().selectedText().replace("أ", "ا").startswith("الامريكي")


def test_astral_characters_before_a_hit_do_not_shift_the_selection(qtbot, setup):
    bar, editor = setup
    editor.setPlainText("😀😀 قال الرئيس 🇪🇬 إن القمة ناجحة")
    bar.open()
    type_text(bar.query, "القمه")
    assert selected(editor) == "القمة"


def test_hit_changed_signal_reports_index_and_count(qtbot, setup):
    bar, _editor = setup
    seen: list[tuple[int, int]] = []
    bar.hitChanged.connect(lambda index, count: seen.append((index, count)))
    bar.open()
    type_text(bar.query, "ان")
    assert seen[-1][1] == len(bar.hits) and seen[-1][0] == bar.current >= 0


def test_options_decide_what_counts_as_the_same(qtbot, setup):
    from reader.text.normalize import NormalizeOptions

    bar, editor = setup
    bar.open()
    type_text(bar.query, "الامريكي")
    assert len(bar.hits) == 2
    bar.set_options(NormalizeOptions(hamza=False))
    bar.find_next()
    assert bar.hits == [] and bar.status.text() == "No matches"
    bar.set_options(NormalizeOptions())
    bar.find_next()
    assert len(bar.hits) == 2
