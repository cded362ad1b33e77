"""The highlights painted in the panes (read back from each block's QTextLayout formats) equal the
engine's segments, character by character."""

from __future__ import annotations

from importlib import resources

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat

from reader.compare import (
    CompareOptions,
    Comparison,
    Passage,
    Segment,
    Stats,
    compare,
)
from reader.report.worddiff import differing_letters
from reader.ui.application import load_fonts
from reader.ui.comparison.theme import LIGHT
from reader.ui.comparison.view import ComparisonView
from reader.view.comparison import CompareRequest, prepare_result
from reader.view.paragraphs import display_text
from reader.view.spans import Style


def seed(prefix: str) -> str:
    folder = resources.files("reader.seeds")
    entry = next(e for e in folder.iterdir() if e.name.startswith(prefix) and e.name.endswith(".txt"))
    return entry.read_text(encoding="utf-8")


FLAT = [s for s in Style if s not in (Style.SAME_REORDERED, Style.SAME_MOVED_REORDERED)]
BACKGROUND_TO_STYLE = {QColor(LIGHT.background(style)).name(): style for style in FLAT}
BACKGROUND_TO_STYLE[QColor(LIGHT.changed).name()] = Style.CHANGED  # CHANGED and CHANGED_MOVED share it
HATCHED_TO_STYLE = {  # words reordered inside a passage: hatched in their shared colour
    LIGHT.hatch(LIGHT.same).color().name(): Style.SAME_REORDERED,
    LIGHT.hatch(LIGHT.moved).color().name(): Style.SAME_MOVED_REORDERED,
}


def expected_styles(
    text: str, comparison: Comparison, side: str, moved_flags: list[bool] | None = None
) -> list[Style | None]:
    """What each character should show, from the segments alone (None: a paragraph break).
    `moved_flags`: the passages painted as moved (the window's: those whose order changed)."""
    if moved_flags is None:
        moved_flags = [p.moved for p in comparison.passages]
    styles: list[Style | None] = [None] * len(text)
    for segment in comparison.segments(side):
        moved = segment.passage is not None and moved_flags[segment.passage]
        if segment.kind == "same" and segment.reordered:
            style = Style.SAME_MOVED_REORDERED if moved else Style.SAME_REORDERED
        elif segment.kind == "same":
            style = Style.SAME_MOVED if moved else Style.SAME
        elif segment.kind == "changed":
            style = Style.CHANGED_MOVED if moved else Style.CHANGED
        else:
            style = Style.ONLY
        for k in range(segment.start, segment.end):
            styles[k] = style
        # the differing letters; a changed number whole (140 / 104 differ as numbers)
        for lo, hi in (
            differing_letters(text, segment.start, segment.end, segment.chars)
            if segment.kind == "changed"
            else ()
        ):
            for k in range(lo, hi):
                styles[k] = Style.CHANGED_CHARS
    return [None if text[k] == "\n" else s for k, s in enumerate(styles)]


def _style_of(fmt: QTextCharFormat) -> Style:
    if fmt.background().style() == Qt.BrushStyle.BDiagPattern:
        return HATCHED_TO_STYLE[fmt.background().color().name()]
    style = BACKGROUND_TO_STYLE[fmt.background().color().name()]
    if style == Style.CHANGED and fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine:
        return Style.CHANGED_MOVED
    return style


def painted_styles(view: ComparisonView, side: str) -> list[Style | None]:
    """Read the formats Qt holds for every block and map them back to Python offsets."""
    pane = view.panes[side]
    text = pane.text
    styles: list[Style | None] = [None] * len(text)
    block = pane.document().firstBlock()
    while block.isValid():
        for fmt_range in block.layout().formats():
            style = _style_of(fmt_range.format)
            for q in range(
                block.position() + fmt_range.start, block.position() + fmt_range.start + fmt_range.length
            ):
                offset = pane.positions.to_py(q)
                if pane.positions.to_qt(offset) == q:  # skip the second unit of a surrogate pair
                    styles[offset] = style
        block = block.next()
    return [None if text[k] == "\n" else s for k, s in enumerate(styles)]


@pytest.fixture
def view(qtbot, qapp) -> ComparisonView:
    load_fonts()
    widget = ComparisonView()
    widget.set_theme(LIGHT)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show(qtbot, view: ComparisonView, text_a: str, text_b: str, comparison: Comparison | None = None):
    view.set_texts(text_a, text_b)
    request = CompareRequest(1, 2, text_a, text_b, CompareOptions())
    result = prepare_result(request)
    if comparison is not None:  # a hand-built result for the same texts
        from reader.view.comparison import CompareResult
        from reader.view.navigation import difference_hunks
        from reader.view.spans import build_tables

        a, b = display_text(text_a), display_text(text_b)
        table_a, table_b = build_tables(a, b, comparison)
        result = CompareResult(
            1, 2, comparison, table_a, table_b,
            difference_hunks(a, comparison.segments("a")), difference_hunks(b, comparison.segments("b")), 0.0,
        )  # fmt: skip
    with qtbot.waitSignal(view.highlightFinished, timeout=10_000):
        view.apply_result(result)
    return result


@pytest.mark.parametrize("pair", [("000", "001"), ("000", "004"), ("001", "003")])
def test_painted_spans_equal_engine_segments_for_seed_pairs(qtbot, view, pair) -> None:
    text_a, text_b = seed(pair[0]), seed(pair[1])
    result = show(qtbot, view, text_a, text_b)
    comparison = result.comparison
    assert comparison == compare(display_text(text_a), display_text(text_b))
    crossing = [p.crossing for p in result.placements]  # moved: the order changed
    for side, text in (("a", display_text(text_a)), ("b", display_text(text_b))):
        assert painted_styles(view, side) == expected_styles(text, comparison, side, crossing)
    if pair == ("000", "001"):  # the pair with real reuse shows all kinds
        kinds = {s.kind for s in comparison.segments("a")}
        assert kinds == {"same", "changed", "only"}


def _hand_built() -> tuple[str, str, Comparison]:
    """Two paragraphs swapped (moved), an emoji before them (two UTF-16 units), a Latin-led
    paragraph (direction mark) and a changed word with its differing letters."""
    text_a = "😀 تمهيد\nالفقرة الأولى هنا\nC5+1 الفقرة الثانية"
    text_b = "C5+1 الفقرة الثانية\nالفقرة الأولي هنا"
    a1 = text_a.index("الفقرة الأولى")
    a2 = text_a.index("C5+1")
    b2 = text_b.index("الفقرة الأولي")
    word_a = text_a.index("الأولى")
    word_b = text_b.index("الأولي")
    passages = (
        Passage((a1, a1 + len("الفقرة الأولى هنا")), (b2, len(text_b)), True, 0.66),
        Passage((a2, len(text_a)), (0, len("C5+1 الفقرة الثانية")), True, 1.0),
    )
    segments_a = (
        Segment(0, a1, "only", None),
        Segment(a1, word_a, "same", 0),
        Segment(word_a, word_a + 6, "changed", 0, ((word_a + 5, word_a + 6),)),
        Segment(word_a + 6, a2, "same", 0),
        Segment(a2, len(text_a), "same", 1),
    )
    segments_b = (
        Segment(0, b2, "same", 1),
        Segment(b2, word_b, "same", 0),
        Segment(word_b, word_b + 6, "changed", 0, ((word_b + 5, word_b + 6),)),
        Segment(word_b + 6, len(text_b), "same", 0),
    )
    stats = Stats(0.8, 1.0, 2, 2)
    return text_a, text_b, Comparison(len(text_a), len(text_b), stats, passages, segments_a, segments_b)


def test_hand_built_moved_passages_emoji_and_marks(qtbot, view) -> None:
    text_a, text_b, comparison = _hand_built()
    show(qtbot, view, text_a, text_b, comparison)
    for side, text in (("a", text_a), ("b", text_b)):
        assert painted_styles(view, side) == expected_styles(text, comparison, side)
    # the Latin-led Arabic paragraphs got a mark, so Qt positions differ from offsets there
    assert view.left.positions.to_qt(text_a.index("C5+1")) == text_a.index("C5+1") + 2  # emoji + mark
    assert painted_styles(view, "a")[text_a.index("ى")] == Style.CHANGED_CHARS


def test_current_passage_is_underlined_on_both_sides(qtbot, view) -> None:
    text_a, text_b, comparison = _hand_built()
    show(qtbot, view, text_a, text_b, comparison)
    view.set_current_passage(1)
    for side in ("a", "b"):
        start, end = comparison.passages[1].span(side)
        pane = view.panes[side]
        block = pane.document().findBlock(pane.positions.to_qt(start))
        underlined = [
            r for r in block.layout().formats()
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
        ]  # fmt: skip
        covered = sum(r.length for r in underlined)
        assert covered == pane.positions.to_qt(end) - pane.positions.to_qt(start)
    view.set_current_passage(None)
    block = view.left.document().findBlock(view.left.positions.to_qt(comparison.passages[1].a[0]))
    assert not any(
        r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
        for r in block.layout().formats()
    )


def test_large_document_loads_and_is_highlighted_in_slices(qtbot, view) -> None:
    """A long text goes into the pane by slices; a result that arrives meanwhile waits for it; then
    the visible blocks are highlighted at once and the rest from the event loop."""
    paragraph = seed("000").split("\n")[2]
    text_a = "\n".join(f"{paragraph} {n}" for n in range(3000))
    text_b = "\n".join([paragraph] * 10)
    result = prepare_result(CompareRequest(1, 2, text_a, text_b, CompareOptions()))
    view.set_texts(text_a, text_b)
    assert view.left.loading and view.left.document().characterCount() < len(text_a)
    view.apply_result(result)  # waits for the text
    assert view.result is None and view.highlighting()
    qtbot.waitUntil(lambda: not view.left.loading, timeout=20_000)
    assert view.result is result
    assert view.left.toPlainText() == text_a
    first = view.left.document().firstBlock()
    last = view.left.document().lastBlock()
    assert first.layout().formats()  # what is on screen is painted already
    assert view.highlighting() and not last.layout().formats()
    qtbot.waitUntil(lambda: not view.highlighting(), timeout=20_000)
    crossing = [p.crossing for p in result.placements]
    assert painted_styles(view, "a") == expected_styles(text_a, result.comparison, "a", crossing)


def test_bands_of_moved_passages_cross(qtbot, view) -> None:
    text_a, text_b, comparison = _hand_built()
    show(qtbot, view, text_a, text_b, comparison)
    paths = dict(view.linkmap.band_paths())
    assert set(paths) == {0, 1}
    width = view.linkmap.width()

    def edge_top(index: int, x: float) -> float:
        path = paths[index]
        ys = [path.elementAt(k).y for k in range(path.elementCount()) if abs(path.elementAt(k).x - x) < 0.5]
        return min(ys)

    # passage 0 is above passage 1 on the left, below it on the right: the bands cross
    assert edge_top(0, 0) < edge_top(1, 0)
    assert edge_top(0, width) > edge_top(1, width)


def test_scrolling_one_pane_brings_the_counterpart_into_view(qtbot, view) -> None:
    text_a, text_b = seed("000"), seed("001")
    result = show(qtbot, view, text_a, text_b)
    comparison = result.comparison
    moved = next(k for k, p in enumerate(comparison.passages) if p.moved)
    start_b, end_b = comparison.passages[moved].b
    view.left.setFocus()
    # bring the passage's middle in the right pane to the middle: the left pane follows
    view.right.scroll_offset_to((start_b + end_b) // 2, view.right.viewport().height() / 2)
    start_a, end_a = comparison.passages[moved].a
    visible = view.left.visible_blocks()
    first = view.left.positions.to_py(visible.positions[0])
    last = view.left.positions.to_py(visible.end_position)
    assert first <= start_a + (end_a - start_a) // 2 and start_a < last
