"""Find under the Arabic folds, with hits mapped back to the text as shown (no widgets)."""

from __future__ import annotations

from importlib.resources import files

from hypothesis import given
from hypothesis import strategies as st

from reader.text.normalize import NormalizeOptions
from reader.text.search_fold import find_all, fold_chars, fold_with_map

SENTENCE = "قالَ الرئيسُ الأمريكيّ إنّ المفاوضات… ستستمر مع Trump"


def hits(text: str, query: str, **options) -> list[str]:
    return [text[s:e] for s, e in find_all(text, query, NormalizeOptions(**options))]


def test_a_bare_query_finds_words_with_tashkeel_and_hamza():
    assert hits(SENTENCE, "الامريكي") == ["الأمريكيّ"]  # shadda trailing the last letter is selected too
    assert hits(SENTENCE, "ان") == ["إنّ"]
    assert hits(SENTENCE, "رئيس") == ["رئيسُ"]
    assert hits(SENTENCE, "قال") == ["قالَ"]
    assert hits(SENTENCE, "trump") == ["Trump"]


def test_a_query_with_marks_finds_the_bare_spelling():
    assert hits("الامريكي والرئيس", "الأمريكيّ") == ["الامريكي"]


def test_expanding_characters_map_back_to_one_character():
    assert hits(SENTENCE, "...") == ["…"]
    assert hits(SENTENCE, "المفاوضات...") == ["المفاوضات…"]
    text = "a…b…c"
    folded = fold_with_map(text)
    assert folded.folded == "a...b...c"
    assert [folded.original_offset(i) for i in range(len(folded.folded))] == [0, 1, 1, 1, 2, 3, 3, 3, 4]


def test_hits_after_many_dropped_marks_land_on_the_right_offsets():
    text = "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ ١٢٣ العربيّة"
    assert hits(text, "الرحيم") == ["الرَّحِيمِ"]
    assert hits(text, "الرحمن") == ["الرَّحْمَٰنِ"]  # the dagger alef is a mark, dropped like the harakat
    assert hits(text, "الرحم") == ["الرَّحْمَٰ"]  # the marks on the last letter come along
    assert hits(text, "123") == ["١٢٣"]
    assert hits(text, "العربيه") == ["العربيّة"]


def test_options_switch_rules_off():
    assert hits(SENTENCE, "الامريكي", hamza=False) == []
    assert hits(SENTENCE, "قالُ", diacritics=False) == []  # damma asked, fatha written
    assert hits(SENTENCE, "قالَ", diacritics=False) == ["قالَ"]


def test_empty_and_blank_queries_find_nothing():
    assert find_all(SENTENCE, "") == []
    assert find_all(SENTENCE, "   ") == []
    assert find_all(SENTENCE, "\u064e") == []  # a lone fatha folds to nothing
    assert find_all("", "x") == []


def test_hits_do_not_overlap():
    assert find_all("ااااا", "اا") == [(0, 2), (2, 4)]


def test_seed_text_hits_are_real_words():
    seed = next(p for p in sorted(files("reader.seeds").iterdir()) if p.name.endswith(".txt"))
    text = seed.read_text(encoding="utf-8")
    found = find_all(text, "الامريكي")
    assert found
    for start, end in found:
        assert fold_chars(text[start:end]) == "الامريكي"


MIXED = st.text(alphabet=st.sampled_from(list("ابتأإآىةئؤ ءَُِّْـ\u200f…ßİ،؟«» abcABC٠١٢\n")), max_size=60)


@given(MIXED, st.integers(min_value=0, max_value=59), st.integers(min_value=1, max_value=6))
def test_every_hit_folds_to_the_query(text, start, length):
    """Whatever text and whatever slice of it is searched for, each hit folds to what was asked."""
    query = text[start : start + length]
    needle = fold_chars(query)
    for s, e in find_all(text, query):
        assert fold_chars(text[s:e]) == needle
        assert 0 <= s < e <= len(text)


@given(MIXED)
def test_fold_chars_equals_the_mapped_fold(text):
    folded = fold_with_map(text)
    assert folded.folded == fold_chars(text)
    for index, ch in enumerate(folded.folded):
        assert ch in fold_chars(text[folded.original_offset(index)])


def test_the_table_folds_every_character_as_fold_text_does():
    """The one-call table build assumes no rule joins characters: check it against fold_text one by one."""
    from reader.text.normalize import DEFAULT_OPTIONS, fold_text
    from reader.text.search_fold import _tables

    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    table = _tables(DEFAULT_OPTIONS, every).translate
    wrong = [code for code in range(0x10000) if table[code] != fold_text(chr(code))]
    assert wrong == []
