"""What counts as evidence of a shared passage when no run of `min_passage_words` equal words
holds it: a sentence with a word changed is a passage, a stock phrase (a title and a name, four
words) inside two different sentences is not. Checked with hypothesis on words of the seeds split
into vocabularies that share no folded word, so the only shared words are the ones placed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vocabulary_helpers import A_WORDS, B_WORDS, SHARED_WORDS, distinct, sentence, some_words

from reader.compare import compare

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def stock_phrase_pairs(draw) -> tuple[str, str, str]:
    """A title and a name (`صاحب السمو الملكي الأمير محمد بن نايف` / `... سعود بن نايف`): six of
    seven words equal, the longest run four, inside sentences that differ otherwise."""
    words = distinct(draw, SHARED_WORDS, 8)
    phrase_a = " ".join([*words[:4], words[6], *words[4:6]])
    phrase_b = " ".join([*words[:4], words[7], *words[4:6]])
    a = [sentence(draw, A_WORDS, 8, 14)]
    b = [sentence(draw, B_WORDS, 8, 14)]
    a.append(f"{some_words(draw, A_WORDS, 3, 6)} {phrase_a} {some_words(draw, A_WORDS, 3, 6)}.")
    b.append(f"{some_words(draw, B_WORDS, 3, 6)} {phrase_b} {some_words(draw, B_WORDS, 3, 6)}.")
    a.append(sentence(draw, A_WORDS, 8, 14))
    b.append(sentence(draw, B_WORDS, 8, 14))
    return "\n".join(a), "\n".join(b), phrase_a


@st.composite
def one_word_changed(draw) -> tuple[str, str, str]:
    """An eight-word sentence in both texts with its fifth word changed: no run of five."""
    words = distinct(draw, SHARED_WORDS, 9)
    sentence_a = " ".join(words[:8]) + "."
    sentence_b = " ".join([*words[:4], words[8], *words[5:8]]) + "."
    a = f"{sentence(draw, A_WORDS, 8, 14)}\n{sentence_a}\n{sentence(draw, A_WORDS, 8, 14)}"
    b = f"{sentence(draw, B_WORDS, 8, 14)}\n{sentence_b}\n{sentence(draw, B_WORDS, 8, 14)}"
    return a, b, sentence_a


@SETTINGS
@given(stock_phrase_pairs())
def test_a_stock_phrase_inside_different_sentences_is_no_passage(case: tuple[str, str, str]) -> None:
    a, b, _phrase = case
    assert compare(a, b).passages == ()


@SETTINGS
@given(one_word_changed())
def test_a_sentence_with_one_word_changed_is_a_passage(case: tuple[str, str, str]) -> None:
    a, b, sentence = case
    start = a.index(sentence)
    passages = compare(a, b).passages
    assert any(p.a[0] <= start and start + len(sentence) - 1 <= p.a[1] for p in passages), passages


def test_a_title_and_name_shared_by_two_different_sentences_is_no_passage() -> None:
    intro_a = "افتتح المعرض السنوي للكتاب في الرياض بحضور عدد كبير من الزوار والناشرين."
    intro_b = "أعلنت الهيئة العامة للطيران المدني عن رحلات إضافية هذا الصيف إلى المدن الأوروبية."
    met = "واستقبل صاحب السمو الملكي الأمير محمد بن نايف وفد الجامعة في مكتبه بجدة أمس."
    honoured = "وكرم صاحب السمو الملكي الأمير سعود بن نايف الفائزين بجائزة التميز في الدمام."
    a = f"{intro_a}\n{met}\nوتستمر الفعاليات حتى نهاية الأسبوع المقبل في القاعة الكبرى."
    b = f"{intro_b}\n{honoured}\nوتشمل الخطة تدريب الكوادر الوطنية على الإسعاف الميداني."
    assert compare(a, b).passages == ()
    # the same sentence with the name changed is one passage
    renamed = met.replace("محمد", "سعود")
    passages = compare(a, b.replace(honoured, renamed)).passages
    assert [a[p.a[0] : p.a[1]] for p in passages] == [met]
