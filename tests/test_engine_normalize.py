"""Each spelling rule lets two spellings match, and switching the rule off makes them differ."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.compare import CHANGED, SAME, CompareOptions, compare
from reader.text.normalize import NormalizeOptions, _table, _translator, canonical_number, fold_word
from reader.text.tokens import tokenize

BASE = (
    "أعلنت الحكومة المصرية أن صادرات الغاز الطبيعي إلى أوروبا بلغت 3.07 مليار دولار "
    "خلال الربع الأول، وأكدت أن هذه الزيادة تعود إلى مشاريع جديدة في البحر المتوسط."
)

# (option, original word in BASE, variant spelling)
VARIANTS = [
    ("diacritics", "الحكومة", "الحُكُومَةُ"),
    ("tatweel", "الغاز", "الغـــاز"),
    ("hamza", "أوروبا", "اوروبا"),
    ("hamza", "أعلنت", "إعلنت"),
    ("alef_maqsura", "إلى", "الي"),
    ("teh_marbuta", "الحكومة", "الحكومه"),
    ("digits", "3.07", "٣٫٠٧"),
    ("digits", "3.07", "07ر3"),
    ("punctuation", "الأول،", "الأول,"),
    ("invisible", "الطبيعي", "الطبي\u200cعي"),
]


@pytest.mark.parametrize(("option", "word", "variant"), VARIANTS)
def test_variant_is_same_under_its_rule_and_changed_without_it(option, word, variant):
    other = BASE.replace(word, variant, 1)
    assert other != BASE
    with_rule = compare(BASE, other)
    assert len(with_rule.passages) == 1
    assert {s.kind for s in with_rule.segments_a} == {SAME}
    without = compare(BASE, other, CompareOptions().with_normalize(**{option: False}))
    assert CHANGED in {s.kind for s in without.segments_b}


def test_bidi_marks_between_words_never_count():
    # between words they are layout, not text: ignored even with the invisible rule off
    other = BASE.replace(" ", " \u202b", 3).replace("مليار", "\u200fمليار")
    for options in (CompareOptions(), CompareOptions().with_normalize(invisible=False)):
        result = compare(BASE, other, options)
        assert {s.kind for s in result.segments_b} == {SAME}


def test_clitics_are_off_by_default_and_fold_when_on():
    assert fold_word("وقال") != fold_word("قال")
    on = NormalizeOptions(clitics=True)
    assert fold_word("وقال", on) == fold_word("قال", on)
    assert fold_word("بالمعادن", on) == fold_word("المعادن", on) == fold_word("معادن", on)


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("07ر3", "3.07"),
        ("8ر1", "1.8"),
        ("30.3", "30.3"),
        ("1,000", "1000"),
        ("1.000.000", "1000000"),
        ("3.50", "3.5"),
        ("544", "544"),
    ],
)
def test_numbers_compare_by_value(token, value):
    assert canonical_number(token) == value


def test_number_tokens_stay_whole():
    tokens = [t.text for t in tokenize("بلغت 07ر3 مليار و410.000 طن و30.3 مليار")]
    assert tokens == ["بلغت", "07ر3", "مليار", "و410.000", "طن", "و30.3", "مليار"]
    assert fold_word("و٤١٠٬٠٠٠") == fold_word("و410,000") == "و410000"


def test_words_keep_their_harakat():
    assert [t.text for t in tokenize("إنّ الحُكومةَ قالت")] == ["إنّ", "الحُكومةَ", "قالت"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet='أإآٱؤئىیةهاب٠١۴5«»"“.,،\u064b\u0650\u0640\u200c\u200f\u202b \n', max_size=60),
    st.sampled_from(
        [
            NormalizeOptions(),
            NormalizeOptions(hamza=False, digits=False),
            NormalizeOptions(
                diacritics=False,
                tatweel=False,
                invisible=False,
                punctuation=False,
                alef_maqsura=False,
                teh_marbuta=False,
                hamza=False,
                digits=False,
            ),
        ]
    ),
)
def test_the_fold_translates_as_str_translate_does(text: str, options: NormalizeOptions) -> None:
    """The fold replaces only the characters its table names (a faster str.translate)."""
    table = _table(options)
    assert _translator(table)(text) == text.translate(table)
