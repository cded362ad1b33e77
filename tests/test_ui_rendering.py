"""What Qt lays out in a reading pane: visual order of mixed Arabic/Latin text, paragraph direction
and alignment. python-bidi's get_display is the oracle here (test use only, never fed to Qt)."""

from __future__ import annotations

import unicodedata
from importlib import resources

import pytest
from bidi import get_display
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QPlainTextEdit

from reader.text.direction import is_right_to_left
from reader.ui.application import load_fonts
from reader.ui.comparison.panes import ReadingPane
from reader.view.paragraphs import LRM, RLM

MIXED = [
    "قمة C5+1 بالبيت الأبيض",
    "أعلن ترامب على منصته للتواصل الاجتماعي Truth Social أن الدولة الواقعة في آسيا الوسطى",
    "بين ناريمان أبساميتوف، رئيس Tau-Ken Samruk، وبيني ألتهاوس",
    "أرسلت في عام 2023 ما قيمته 07ر3 مليار دولار من المعادن",
    "وارتفع الإنتاج إلى 410.000 طن بقيمة 30.3 مليار",
    "C5+1: قمة في البيت الأبيض",
    "date 2025-11-07 استضاف الرئيس الأمريكي",
]


def seed(prefix: str) -> str:
    folder = resources.files("reader.seeds")
    entry = next(e for e in folder.iterdir() if e.name.startswith(prefix) and e.name.endswith(".txt"))
    return entry.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def fonts(qapp) -> list[str]:
    return load_fonts()


@pytest.fixture
def pane(qtbot, fonts) -> ReadingPane:
    widget = ReadingPane()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _block(pane: ReadingPane, number: int) -> QTextBlock:
    return pane.document().findBlockByNumber(number)


def _glyph_x(block: QTextBlock, index: int) -> float | None:
    """Leftmost x of the glyphs Qt drew for character `index` of the block (None: no glyph)."""
    xs = [p.x() for run in block.layout().glyphRuns(index, 1) for p in run.positions()]
    return min(xs) if xs else None


def qt_visual_order(block: QTextBlock) -> str:
    """The block's characters from left to right as laid out (marks and harakat left out)."""
    text = block.text()
    placed = []
    for index, ch in enumerate(text):
        if ch in (RLM, LRM) or unicodedata.combining(ch):
            continue
        x = _glyph_x(block, index)
        assert x is not None, f"no glyph for {ch!r} at {index}"
        placed.append((round(x, 2), -index, ch))  # a ligature's letters share x: right to left
    return "".join(ch for _, _, ch in sorted(placed))


def oracle(text: str) -> str:
    visual = get_display(text, base_dir="R" if is_right_to_left(text) else "L")
    return "".join(ch for ch in visual if not unicodedata.combining(ch) and ch not in (RLM, LRM))


def test_bundled_font_is_loaded_and_used(pane: ReadingPane, fonts: list[str]) -> None:
    assert fonts and "Amiri" in fonts[0]
    pane.set_text(MIXED[0])
    pane.viewport().repaint()
    runs = _block(pane, 0).layout().glyphRuns(0, 3)
    assert runs and all(run.rawFont().familyName() == fonts[0] for run in runs)
    assert all(index > 0 for run in runs for index in run.glyphIndexes())


@pytest.mark.parametrize("text", MIXED)
def test_visual_order_matches_unicode_bidi(pane: ReadingPane, text: str) -> None:
    pane.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    pane.set_text(text)
    pane.viewport().repaint()
    block = _block(pane, 0)
    assert block.layout().lineCount() == 1
    assert qt_visual_order(block) == oracle(text)


def test_arabic_paragraph_opening_with_latin_is_right_to_left(pane: ReadingPane) -> None:
    text = seed("000")
    assert text.startswith("date 2025-11-07") or text.lstrip().startswith("date 2025-11-07")
    pane.set_text(text)
    pane.viewport().repaint()
    block = _block(pane, 0)
    assert block.text().startswith(RLM)  # steers Qt's first-strong-character rule
    date_x = _glyph_x(block, block.text().index("date"))
    arabic_x = _glyph_x(block, block.text().index("استضاف"))
    assert date_x is not None and arabic_x is not None
    assert date_x > arabic_x  # in a right-to-left line the opening Latin run sits on the right
    # and the line is right-aligned like the rest of the Arabic text
    assert _right_edge(block, 0) > pane.viewport().width() * 0.9


def _line_glyph_xs(block: QTextBlock, line_number: int) -> list[float]:
    line = block.layout().lineAt(line_number)
    start, length = line.textStart(), line.textLength()
    runs = block.layout().glyphRuns(start, length)
    return [p.x() for run in runs for p in run.positions()]


def _right_edge(block: QTextBlock, line_number: int) -> float:
    xs = _line_glyph_xs(block, line_number)
    return max(xs) if xs else 0.0


def _left_edge(block: QTextBlock, line_number: int) -> float:
    xs = _line_glyph_xs(block, line_number)
    return min(xs) if xs else 1e9


def test_english_tweet_in_seed_002_is_left_to_right_and_left_aligned(pane: ReadingPane) -> None:
    text = seed("002")
    pane.set_text(text)
    numbers = [
        n for n in range(pane.document().blockCount()) if "Critical minerals" in _block(pane, n).text()
    ]
    assert len(numbers) == 1
    number = numbers[0]
    pane.scroll_offset_to(text.index("Critical minerals"), 10)
    pane.viewport().repaint()
    block = _block(pane, number)
    assert number in pane.ltr_blocks
    assert not block.text().startswith((RLM, LRM))
    width = pane.viewport().width()
    # logical order runs left to right: "Critical" is left of "minerals"
    assert _glyph_x(block, block.text().index("Critical")) < _glyph_x(block, block.text().index("minerals"))
    assert _left_edge(block, 0) < width * 0.1  # starts at the left margin
    # the full stop ends the paragraph on the right of the last word, as in English
    last = block.text().rstrip()
    assert last.endswith(".")
    assert _glyph_x(block, len(last) - 1) > _glyph_x(block, len(last) - 2)


def test_arabic_paragraphs_are_right_aligned(pane: ReadingPane) -> None:
    text = seed("002")
    pane.set_text(text)
    pane.viewport().repaint()
    width = pane.viewport().width()
    block = _block(pane, 0)
    assert is_right_to_left(block.text())
    assert block.layout().lineCount() >= 2
    for line in range(block.layout().lineCount()):
        # every line ends at the right margin; the first starts there too
        assert _right_edge(block, line) > width * 0.9
    # the last line of a wrapped Arabic paragraph is short and hangs from the right
    last = block.layout().lineCount() - 1
    assert _left_edge(block, last) > _left_edge(block, 0)


def test_copy_gives_the_original_text_without_marks(pane: ReadingPane) -> None:
    text = "C5+1: قمة في البيت الأبيض"
    pane.set_text(text)
    pane.selectAll()
    assert pane.createMimeDataFromSelection().text() == text
    assert pane.toPlainText() == RLM + text


def test_bidi_controls_show_as_visible_signs_by_default(qtbot):
    from reader.ui.comparison.panes import ReadingPane

    text = "قال المتحدث \u202eإن الصفقة\u202c انتهت\nsecond \u2067line\u2069 here"
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.set_text(text)
    assert pane.text == text  # offsets index the stored text, controls included
    shown = pane.document().toPlainText()
    assert "\u202e" not in shown and "⇇" in shown and "⊣" in shown and "⊤" in shown
    pane.set_show_hidden(False)  # the setting off: the controls act again, unseen
    assert "\u202e" in pane.document().toPlainText() and "⇇" not in pane.document().toPlainText()
    pane.set_show_hidden(True)
    assert pane.document().toPlainText() == shown
