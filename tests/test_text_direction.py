"""The one dominant-direction rule (panes, article list, terminal): more letters decide, a tie reads
right to left, a text without letters takes the direction around it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.terminal import base_direction
from reader.text.direction import is_right_to_left


def test_the_script_with_more_letters_decides_not_the_first_letter():
    assert is_right_to_left("date 2025-11-07 استضاف الرئيس الأمريكي قادة خمس دول")
    assert is_right_to_left("C5+1: قمة في البيت الأبيض")
    assert not is_right_to_left("Critical minerals are vital to technological innovation.")
    assert not is_right_to_left("قال Donald Trump")  # 11 Latin letters against 3 Arabic ones


def test_a_tie_reads_right_to_left_and_no_letters_follows_the_surroundings():
    assert is_right_to_left("ab جد")
    assert is_right_to_left("2025 - 11") and is_right_to_left("")
    assert not is_right_to_left("2025 - 11", without_letters=False)
    assert is_right_to_left("٢٠٢٥", without_letters=False)  # Arabic-Indic digits belong to the script


def test_the_terminal_uses_the_same_rule_with_its_own_surroundings():
    assert base_direction("ab جد") == "R"  # a tie: as in the panes (it was "L" in the terminal)
    assert base_direction("C5+1: قمة") == "R" and base_direction("Trump قال") == "L"
    assert base_direction("── 3 ──") == "L"  # a rule of dashes stays where the terminal puts it


arabic = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=1, max_size=20)
latin = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=20)
neutral = st.text(alphabet="0123456789 .,:-()«»\"'", max_size=20)


@given(arabic, latin, neutral, neutral)
def test_digits_and_punctuation_never_change_the_direction(rtl, ltr, before, after):
    for text in (rtl + " " + ltr, ltr + " " + rtl):
        expected = len(ltr) <= len(rtl)
        assert is_right_to_left(text) == expected
        assert is_right_to_left(before + text + after) == expected
