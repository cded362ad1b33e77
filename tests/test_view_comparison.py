"""The comparison as the window shows it, built and checked without Qt: span tables, hunks, overview
marks, the opening pair, and comparisons in a child process."""

from __future__ import annotations

import sys
import time

from hypothesis import given
from hypothesis import strategies as st
from library_helpers import seed_text

from reader.compare import CHANGED, ONLY, SAME, CompareOptions, Segment, compare
from reader.report.worddiff import differing_letters
from reader.view.child_process import run_in_child
from reader.view.compare_process import compare_in_child, pack, unpack
from reader.view.comparison import CompareRequest, pick_similar_pair, prepare_result, swapped_result
from reader.view.navigation import OVERVIEW_BUCKETS, overview_marks
from reader.view.paragraphs import display_text, paragraph_starts
from reader.view.spans import SpanTable, Style, build_span_table

BASE_STYLE = {SAME: Style.SAME, CHANGED: Style.CHANGED, ONLY: Style.ONLY}


def painted_styles(text: str, table: SpanTable) -> dict[int, set[int]]:
    """Python offset -> the styles the table paints over that character."""
    painted: dict[int, set[int]] = {}
    to_py = table.positions.to_py
    for number, block_start in enumerate(paragraph_starts(text)):
        base = table.positions.block_start_qt(block_start)
        for start, length, style in table.spans(number):
            for offset in range(to_py(base + start), to_py(base + start + length)):
                painted.setdefault(offset, set()).add(style)
    return painted


def expected_styles(text: str, segments, moved) -> dict[int, set[int]]:
    """What the segments say each character is; paragraph breaks are painted by nothing."""
    expected: dict[int, set[int]] = {}
    for segment in segments:
        style = BASE_STYLE[segment.kind]
        is_moved = segment.passage is not None and moved[segment.passage]
        if segment.kind != ONLY and is_moved:
            style = Style.SAME_MOVED if segment.kind == SAME else Style.CHANGED_MOVED
        if segment.kind == SAME and segment.reordered:  # same words found elsewhere in the passage
            style = Style.SAME_MOVED_REORDERED if is_moved else Style.SAME_REORDERED
        if segment.passage is None:
            style = Style.ONLY
        for offset in range(segment.start, segment.end):
            expected.setdefault(offset, set()).add(style)
        if segment.kind == CHANGED:  # a changed number is marked whole (140 / 104)
            for lo, hi in differing_letters(text, segment.start, segment.end, segment.chars):
                for offset in range(lo, hi):
                    expected[offset].add(Style.CHANGED_CHARS)
    return {offset: styles for offset, styles in expected.items() if text[offset] != "\n"}


def test_span_table_cuts_segments_at_paragraphs() -> None:
    text = "أ ب\nج د"
    segments = (Segment(0, 5, "only", None), Segment(5, 7, "same", 0))
    table = build_span_table(text, segments, [False])
    assert table.spans(0) == ((0, 3, Style.ONLY),)
    assert table.spans(1) == ((0, 1, Style.ONLY), (1, 2, Style.SAME))


pieces = st.lists(st.sampled_from(["قال", " ", "\n", "C5+1", "😀", "\r\n", "إنّ", "2025"]), max_size=30)


@given(pieces, st.data())
def test_span_tables_paint_each_character_as_its_segment_says(parts, data) -> None:
    """Whatever the paragraphs, direction marks and characters outside the BMP (which shift Qt's
    positions), the table paints every character with the style of its segment."""
    text = display_text("".join(parts)) or "قال"
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=6)) | {0, len(text)})
    kinds = [data.draw(st.sampled_from([SAME, CHANGED, ONLY])) for _ in cuts[1:]]
    reordered = [kind == SAME and data.draw(st.booleans()) for kind in kinds]
    segments = tuple(
        Segment(lo, hi, kind, None if kind == ONLY else 0, ((lo, lo + 1),) if kind == CHANGED else (), again)
        for lo, hi, kind, again in zip(cuts, cuts[1:], kinds, reordered, strict=False)
        if hi > lo
    )
    moved = [data.draw(st.booleans())]
    table = build_span_table(text, segments, moved)
    assert painted_styles(text, table) == expected_styles(text, segments, moved)


def test_a_seed_pair_prepared_for_the_panes() -> None:
    text_a, text_b = display_text(seed_text("000")), display_text(seed_text("001"))
    result = prepare_result(CompareRequest(7, 8, text_a, text_b, CompareOptions()))
    comparison = result.comparison
    assert comparison == compare(text_a, text_b)
    assert (result.left_id, result.right_id) == (7, 8) and comparison.stats.passages == 3
    # painted as moved: the passages whose order changed; 001 keeps 000's order, cutting between
    moved = [p.crossing for p in result.placements]
    assert moved == [False] * 3 and [p.moved for p in comparison.passages].count(True) == 2
    for text, table, side in ((text_a, result.table_a, "a"), (text_b, result.table_b, "b")):
        assert painted_styles(text, table) == expected_styles(text, comparison.segments(side), moved)
    # each hunk is a stretch of differing words, trimmed, inside the segments that are not `same`
    differing = {i for s in comparison.segments("a") if s.kind != SAME for i in range(s.start, s.end)}
    assert result.hunks_a and all(
        set(range(h.start, h.end)) <= differing and text_a[h.start : h.end] == text_a[h.start : h.end].strip()
        for h in result.hunks_a
    )
    assert result.indexes()["a"].passage_at(comparison.passages[0].a[0]) == 0

    swapped = swapped_result(result)
    assert (swapped.left_id, swapped.right_id) == (8, 7)
    assert swapped.table_a is result.table_b and swapped.comparison == comparison.swapped()
    assert swapped.indexes()["a"].passage_at(comparison.passages[0].b[0]) == 0


def test_the_opening_pair_is_the_most_similar_one() -> None:
    texts = {number: seed_text(f"00{number}") for number in range(5)}
    # 000, 001 and 004 report one wire story; 001 rewrites 000 (DESIGN.md, bench/README.md)
    assert pick_similar_pair(texts, CompareOptions()) == (0, 1)
    assert pick_similar_pair({3: texts[3]}, CompareOptions()) is None


def test_overview_marks_one_per_bucket() -> None:
    length = OVERVIEW_BUCKETS * 10
    segments = (
        Segment(0, 100, "same", 0),
        Segment(100, 120, "only", None),
        Segment(120, 125, "changed", 1, ((121, 122),)),
        Segment(125, length, "same", 1),
    )
    marks = dict(overview_marks(length, segments, [False, True]))
    assert marks[10] == "only" and marks[11] == "only"
    assert marks[12] == "changed_chars"  # the stronger mark wins the shared bucket
    assert marks[13] == "moved" and marks[OVERVIEW_BUCKETS - 1] == "moved"
    assert 0 not in marks


def test_large_inputs_are_compared_in_a_child_process_with_the_same_result() -> None:
    text_a, text_b = display_text(seed_text("000")), display_text(seed_text("001"))
    expected = compare(text_a, text_b)
    assert unpack(*pack(expected)) == expected
    assert compare_in_child(text_a, text_b, CompareOptions(), lambda: False) == expected


def test_a_superseded_child_comparison_is_killed() -> None:
    text = display_text(seed_text("001"))
    started = time.perf_counter()
    assert compare_in_child(text * 200, text * 150, CompareOptions(), lambda: True) is None
    assert time.perf_counter() - started < 5


def report_window_modules(texts: list[str], send) -> None:
    loaded = sorted(name for name in sys.modules if name.startswith(("reader.ui", "PySide6", "shiboken6")))
    send("done", (texts, loaded))


def test_a_comparison_child_never_loads_the_window_or_qt() -> None:
    """The child starts from `reader.view` alone: no `reader.ui` (and no reference-count guard of
    reader/ui/__init__.py), no Qt, even when the parent has loaded them."""
    answers = []
    finished = run_in_child(
        report_window_modules,
        (),
        ["نص", "text"],
        lambda: False,
        lambda *message: answers.append(message) or True,
    )
    assert finished and answers == [("done", (["نص", "text"], []), ())]


def test_a_passage_used_twice_and_a_reordered_one_cross_to_the_window_whole() -> None:
    """The child process hands the window every field of the result: a passage of A placed at two
    places of B (`reused`, segments listing both passages) and one whose phrases were reordered."""
    copied = (
        "استقبل الأمين العام لرابطة العالم الإسلامي الدكتور عبدالله التركي مدير الجامعة الإسلامية "
        "بجاكرتا البروفسور ويدي روسادا أحمد يرافقه مدير مركز التوافق الديني."
    )
    a = f"مقدمة عن موضوع آخر تماما.\n{copied}\nخاتمة النص الأول."
    b = f"تقرير جديد.\n{copied}\nفقرة عن الطقس والرياح في المنطقة الشرقية اليوم.\n{copied}"
    result = compare(a, b)
    assert sorted(p.reused or "" for p in result.passages) == ["", "a"]
    assert any(s.also for s in result.segments_a)
    shuffled = "، ".join(reversed(copied.rstrip(".").split(" مدير ")))
    reordered = compare(a, f"تقرير جديد.\n{shuffled}.")
    assert any(s.reordered for s in reordered.segments_b)
    for comparison in (result, reordered):
        assert unpack(*pack(comparison)) == comparison
