"""`qarin --self-test`: passes on a working install, and each check fails when its condition is broken."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QFont

from reader.ui import selftest
from reader.ui.application import create_application
from reader.ui.comparison import panes
from reader.ui.comparison.panes import ReadingPane

OK_LINE = re.compile(
    r"^qarin self-test ok: 2 seeds, [1-9]\d* passages, "
    r"font Amiri \((\d+) Arabic glyphs, (\d+) contextual forms\), \d+\.\d\d s$"
)
SEED_TEXT = (
    "استضاف الرئيس الأمريكي دونالد ترامب قادة دول آسيا الوسطى في البيت الأبيض، "
    "في قمة تحمل اسم C5+1 لبحث التعاون في مجالات الطاقة والمعادن والتجارة.\n\n"
) * 6


def test_self_test_passes_in_process(qapp, capsys):
    assert selftest.run() == 0
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == 1
    match = OK_LINE.match(lines[0])
    assert match, lines[0]
    glyphs, shaped = map(int, match.groups())
    assert glyphs >= selftest.MIN_ARABIC_GLYPHS
    assert shaped >= selftest.MIN_SHAPED_GLYPHS
    assert "propagateSizeHints" not in err


def test_self_test_from_the_command_line():
    """The path an editor takes: `qarin --self-test` through reader.cli and the launcher's library check."""
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--self-test"], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert OK_LINE.match(done.stdout.strip()), done.stdout
    assert done.stderr == ""


def test_missing_seed_fails_with_one_line(qapp, capsys, monkeypatch):
    monkeypatch.setattr(selftest, "SEEDS", ("000_8ab2242164f0a436.txt", "999_missing.txt"))
    assert selftest.run() == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "qarin self-test FAILED: seed 999_missing.txt is missing from reader.seeds"


def test_font_not_from_the_bundle_fails(qapp, capsys, monkeypatch):
    """If the drawn glyphs came from any other font file, the check says so."""
    monkeypatch.setattr(selftest, "bundled_font_tables", lambda: {b"not the head table of any font": "Amiri"})
    assert selftest.run() == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["qarin self-test FAILED: no Arabic glyph on screen came from the bundled font"]


def test_error_dialog_fails_instead_of_hanging(qapp, capsys, monkeypatch):
    """A comparison that raises makes the window open a message box; offscreen nobody closes it."""
    from reader.view import comparison

    def broken(*args, **kwargs):
        raise ValueError("engine exploded")

    monkeypatch.setattr(comparison, "compare_anywhere", broken)
    started = time.monotonic()
    assert selftest.run() == 1
    assert time.monotonic() - started < selftest.PAINT_TIMEOUT_SECONDS
    # (the worker itself also logs the traceback on stderr; the self-test's verdict is one line)
    verdicts = [line for line in capsys.readouterr().err.splitlines() if line.startswith("qarin self-test")]
    assert len(verdicts) == 1
    assert verdicts[0].startswith("qarin self-test FAILED: the window reported an error: ")
    assert "engine exploded" in verdicts[0]


def _shown_pane(qtbot, text: str, family: str | None = None) -> ReadingPane:
    create_application()
    pane = ReadingPane()
    qtbot.addWidget(pane)
    if family is not None:
        font = QFont(family)
        font.setPointSize(16)
        pane.setFont(font)
    pane.resize(700, 500)
    pane.set_text(text)
    pane.show()
    qtbot.waitExposed(pane)
    if text:
        qtbot.waitUntil(lambda: pane.firstVisibleBlock().layout().lineCount() > 0, timeout=5000)
    qtbot.wait(20)
    return pane


def test_glyph_check_accepts_the_bundled_font(qtbot):
    pane = _shown_pane(qtbot, SEED_TEXT)
    report = selftest.check_glyphs(pane)
    assert report.family == panes.FONT_FAMILY == "Amiri"
    assert report.shaped_glyphs >= selftest.MIN_SHAPED_GLYPHS


def test_glyph_check_rejects_a_system_font(qtbot):
    pane = _shown_pane(qtbot, SEED_TEXT, family="DejaVu Sans")
    with pytest.raises(selftest.SelfTestFailure, match="bundled font"):
        selftest.check_glyphs(pane)


def test_ink_check_rejects_an_empty_pane(qtbot):
    pane = _shown_pane(qtbot, "")
    with pytest.raises(selftest.SelfTestFailure, match="almost no text"):
        selftest.check_ink_and_highlights(pane)


def test_highlight_check_rejects_unhighlighted_text(qtbot):
    """Text with ink but no comparison painted on it is not a rendered comparison."""
    pane = _shown_pane(qtbot, SEED_TEXT)
    with pytest.raises(selftest.SelfTestFailure, match="no highlight"):
        selftest.check_ink_and_highlights(pane)


def test_arabic_ui_translation_is_compiled_from_its_source():
    """qarin_ar.qm (loaded by the app and checked by the self-test) is what qarin_ar.ts compiles to."""
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, str(root / "packaging" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    translator = QTranslator()
    assert translator.load("qarin_ar", str(root / "resources" / "translations"))
    assert translator.translate("Menus", "&File") == "&ملف"
    assert translator.translate("MainWindow", "Comparing…") == "جارٍ المقارنة…"
