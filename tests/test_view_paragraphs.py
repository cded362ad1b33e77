"""What a pane's document holds, without Qt: direction marks, and Python offsets <-> Qt positions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.view.paragraphs import LRM, RLM, PositionMap, direction_marks, display_text, document_text


def test_direction_marks_only_where_first_strong_character_disagrees() -> None:
    text = "C5+1: قمة في البيت الأبيض\nCritical minerals are vital.\nقمة C5+1\n2025\n\nاستضاف Trump"
    marks, ltr = direction_marks(text)
    assert marks == {0: RLM, text.index("2025"): RLM}
    assert ltr == [1]
    assert LRM not in marks.values()


def test_utf16_positions_round_trip():
    text = "a😀b𝔸c"
    positions = PositionMap(text)
    assert [positions.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [positions.to_py(positions.to_qt(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    plain = PositionMap("abc")
    assert plain.to_qt(2) == 2 and plain.to_py(2) == 2


@given(st.lists(st.sampled_from(["قال", "Trump", " ", "\n", "😀", "2025", "C5+1:", "\u200f"]), max_size=25))
def test_position_map_counts_utf16_units_of_the_document_qt_is_given(parts) -> None:
    """Qt's position of each offset is the UTF-16 length of the document text (marks included)
    before it, and maps back to the offset."""
    text = display_text("".join(parts))
    marks, _ltr = direction_marks(text)
    document = document_text(text, marks)
    positions = PositionMap(text, marks)
    for offset in range(len(text) + 1):
        before = document_text(text[:offset], {k: v for k, v in marks.items() if k <= offset})
        assert positions.to_qt(offset) == len(before.encode("utf-16-le")) // 2
        assert positions.to_py(positions.to_qt(offset)) == offset
    assert positions.to_qt(len(text)) == len(document.encode("utf-16-le")) // 2
