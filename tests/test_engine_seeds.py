"""The engine on the real seed articles and on small hand-made Arabic cases."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

import pytest

from reader.compare import CHANGED, ONLY, SAME, CompareOptions, Comparison, compare


def seed(prefix: str) -> str:
    folder = importlib.resources.files("reader.seeds")
    (name,) = [p.name for p in folder.iterdir() if p.name.startswith(prefix)]
    return folder.joinpath(name).read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def seeds_0_1() -> tuple[str, str, Comparison]:
    a, b = seed("000"), seed("001")
    return a, b, compare(a, b)


def passage_holding(result: Comparison, a: str, phrase: str) -> int:
    at = a.index(phrase)
    for number, p in enumerate(result.passages):
        if p.a[0] <= at < p.a[1]:
            return number
    raise AssertionError(f"no passage holds {phrase!r}")


def kinds_over(result: Comparison, side: str, start: int, end: int) -> set[str]:
    return {s.kind for s in result.segments(side) if s.start < end and s.end > start}


def test_closing_quote_of_000_is_found_moved_and_reworded_in_001(seeds_0_1):
    a, b, result = seeds_0_1
    number = passage_holding(result, a, "في الأسابيع الأخيرة، عززت إدارتي")
    passage = result.passages[number]
    assert passage.moved
    b_text = b[passage.b[0] : passage.b[1]]
    assert "في الأسابيع الأخيرة، عززت إدارتي الأمن الاقتصادي" in b_text
    # B opens its closing quote near its start, A at its very end
    assert passage.a[0] > 0.8 * len(a) and passage.b[0] < 0.3 * len(b)
    assert 0.5 < passage.similarity < 1.0
    kinds = {s.kind for s in result.segments("b") if s.passage == number}
    assert kinds == {SAME, CHANGED}


def test_moved_paragraph_is_one_passage_not_delete_plus_insert(seeds_0_1):
    a, b, result = seeds_0_1
    start = a.index("وتمتلك آسيا الوسطى احتياطيات")
    end = a.index("\n", start)
    number = passage_holding(result, a, "وتمتلك آسيا الوسطى احتياطيات")
    passage = result.passages[number]
    assert passage.a[0] == start and passage.a[1] >= end - 1
    assert passage.moved
    assert b[passage.b[0] :].startswith("وتمتلك آسيا الوسطى احتياطيات كبيرة")
    # the whole paragraph, edits included, belongs to that single passage
    assert all(s.passage == number for s in result.segments("a") if start <= s.start and s.end <= end)


def test_silk_road_quote_matches_across_quote_styles(seeds_0_1):
    a, b, result = seeds_0_1
    quote_a = a.index('"كانت هذه الدول')
    quote_b = b.index("“كانت هذه الدول")
    number = passage_holding(result, a, '"كانت هذه الدول')
    passage = result.passages[number]
    assert passage.a[0] <= quote_a < passage.a[1] and passage.b[0] <= quote_b < passage.b[1]
    # the opening marks " and “ are the same under the punctuation fold
    assert kinds_over(result, "a", quote_a, quote_a + 1) == {SAME}
    assert kinds_over(result, "b", quote_b, quote_b + 1) == {SAME}
    # ...and different when that fold is off
    strict = compare(a, b, CompareOptions().with_normalize(punctuation=False))
    assert kinds_over(strict, "a", quote_a, quote_a + 1) != {SAME}


def test_stats_and_first_passages(seeds_0_1):
    a, b, result = seeds_0_1
    assert result.stats.passages == len(result.passages) >= 3
    assert result.stats.moved == sum(p.moved for p in result.passages) >= 1
    assert 0.4 < result.stats.shared_a < 0.7  # most of 000's first half and closing quote
    assert 0.1 < result.stats.shared_b < 0.3  # 001 is three times longer
    opening = result.passages[0]
    assert a[opening.a[0] :].startswith("استضاف الرئيس الأمريكي") and not opening.moved


def test_swapping_sides_mirrors_the_result(seeds_0_1):
    a, b, result = seeds_0_1
    mirrored = compare(b, a)
    assert mirrored.to_dict() == result.swapped().to_dict()
    assert [p.a for p in mirrored.passages] == sorted(p.a for p in mirrored.passages)


def test_text_against_itself_is_one_passage_covering_all():
    text = seed("001")
    result = compare(text, text)
    assert len(result.passages) == 1
    passage = result.passages[0]
    assert passage.a == passage.b and passage.similarity == 1.0 and not passage.moved
    assert text[: passage.a[0]].strip() == "" and text[passage.a[1] :].strip() == ""
    assert [(s.start, s.end, s.kind) for s in result.segments_a] == [(0, len(text), SAME)]
    assert result.stats.shared_a == result.stats.shared_b == 1.0


def test_unrelated_seeds_share_no_passage():
    # 002 (the minerals club meeting) and 003 (the summit preview) share topic words only
    result = compare(seed("002"), seed("003"))
    assert result.passages == ()
    assert {s.kind for s in result.segments_a} == {ONLY}


def test_edited_paragraph_is_one_passage_with_changed_letters_marked():
    a = (
        "قال الرئيس الأمريكي إن كازاخستان ستنضم إلى الاتفاقيات خلال الأسبوع المقبل، "
        "وأكد رئيس كازاخستان قاسم جومارت توكاييف أن بلاده تدعم المبادرة بشكل كامل."
    )
    b = (
        "قال الرئيس الأميركي إن كازاخستان ستنضم إلى الاتفاقيات خلال الأسبوع القادم، "
        "وأكد رئيس كازاخستان قاسم جومرت توكاييف أن بلاده تدعم المبادرة بشكل كامل."
    )
    result = compare(a, b)
    assert len(result.passages) == 1
    changed_a = [s for s in result.segments_a if s.kind == CHANGED]
    words = [a[s.start : s.end].strip(" ،") for s in changed_a]
    assert words == ["الأمريكي", "المقبل", "جومارت"]
    american = changed_a[0]
    # ر and ي swapped places: a minimal letter diff marks one of the two
    assert [a[x:y] for x, y in american.chars] in (["ر"], ["ي"])
    jomart = changed_a[2]
    assert [a[x:y] for x, y in jomart.chars] == ["ا"]
    # different words are changed as a whole: no letter noise between المقبل and القادم
    assert changed_a[1].chars == ()
    assert all(s.passage == 0 for s in result.segments_a if s.kind != ONLY)


def test_inserted_sentence_inside_a_copied_paragraph_stays_one_passage():
    base = next(p for p in seed("000").split("\n\n") if "مقارنة بـ" in p)  # Kazakhstan exports
    cut = base.index("مقارنة بـ")
    inserted = "وهذه أرقام رسمية نشرتها وزارة التجارة في أستانا الشهر الماضي بعد مراجعة طويلة. "
    b = base[:cut] + inserted + base[cut:]
    result = compare(base, b)
    assert len(result.passages) == 1
    only_b = [b[s.start : s.end] for s in result.segments_b if s.kind == ONLY]
    assert only_b == [inserted]


def test_function_words_do_not_make_a_passage():
    a = "في من على إلى عن أن في من على إلى عن أن وقال إن ذلك في هذا اليوم."
    b = "المعادن النادرة: في من على إلى عن أن في من على إلى عن أن وقال ذلك هذا."
    assert compare(a, b).passages == ()


def test_min_passage_words_option():
    a = "افتتح المعرض الدولي للكتاب أبوابه صباح اليوم وسط حضور كبير من الزوار."
    b = "في خبر آخر: المعرض الدولي للكتاب أبوابه مغلقة بسبب الأمطار الغزيرة."
    assert compare(a, b).passages == ()  # four shared words are below the default of five
    short = CompareOptions(min_passage_words=3)
    long = CompareOptions(min_passage_words=12)
    assert len(compare(a, b, short).passages) == 1
    assert len(compare(a, b, long).passages) == 0


def test_a_text_that_repeats_itself_still_aligns():
    # nothing is unique in a bulletin repeated thirty times: n-grams pair up in order instead
    a = (seed("000") + "\n") * 30
    b = (seed("000") + "\n") * 29 + seed("001")
    result = compare(a, b)
    assert result.stats.shared_a > 0.95 and result.stats.shared_b > 0.9
    assert not any(p.moved for p in result.passages)


def test_a_sentence_with_shuffled_words_is_one_passage():
    sentence = next(p for p in seed("001").splitlines() if p.startswith("وخلال الاجتماع"))
    words = sentence.split()
    shuffled = " ".join(words[k] for k in (*range(1, len(words), 2), *range(0, len(words), 2)))
    a = seed("002") + "\n" + sentence + "\n" + seed("003")
    b = seed("004") + "\n" + shuffled + "\n"
    result = compare(a, b)
    assert len(result.passages) == 1
    passage = result.passages[0]
    start = a.index(sentence)
    covered = min(passage.a[1], start + len(sentence)) - max(passage.a[0], start)
    assert covered >= 0.8 * len(sentence)
    assert passage.b[0] >= b.index(shuffled) - 1 and passage.similarity < 0.8  # reordered, not copied


def _paragraph_of(text: str, opening: str) -> str:
    (paragraph,) = [p for p in text.split("\n") if p.startswith(opening)]
    return paragraph


def test_reworded_paragraphs_after_other_text_are_found_from_either_side() -> None:
    """Two paragraphs of 002 copied into other reports' text with words replaced. The aligner runs
    on the pair in one canonical order (here B first); a stray shared word before the copy used
    to make it cut the first copied paragraph of A away with B's preceding paragraph."""
    a = seed("002")
    first = (
        "وفي هذا السياق، أعلن وزير الداخلية الأميركي دوغ الأوسط محادثات أن 11 دولة إضافية ستنضم "
        "هذا الأسبوع إلى “نادي تجارة المعادن الحيوية”، إلى جانب الولايات المتحدة وأستراليا واليابان "
        "وكوريا الجنوبية لتأسيسها تنفيذ لعام مشيراً إلى أن 20 دولة أخرى أبدت “اهتماماً قوياً” "
        "استعدادا نفوذ التحالف."
    )
    second = (
        "من جهتها، قالت السفارة الصينية في واشنطن، رداً على سؤال لوكالة “رويترز”، إن الصين "
        "“لطالما لعبت بدوره هائلة العلاقات إقامة في الحفاظ على سلامة واستقرار الإشارة طريق الإمداد "
        "العالمية للمعادن الحيوية”، مؤكدة استعدادها لمواصلة بذل جهود فعالة في هذا المجال."
    )
    b = "\n\n".join(
        [
            _paragraph_of(seed("001"), "وأضاف البيان أن"),
            _paragraph_of(seed("001"), "واقترح ميرزيوييف"),
            first,
            second,
            _paragraph_of(seed("000"), "وفي بداية الشهر الماضي"),
        ]
    )
    assert (len(a), a) > (len(b), b)  # the engine aligns (b, a) and swaps the result back
    for result, text in ((compare(a, b), a), (compare(b, a).swapped(), a)):
        passage_holding(result, text, "أعلن وزير الداخلية الأميركي دوغ بورغوم")
        passage_holding(result, text, "قالت السفارة الصينية في واشنطن")


def test_a_shuffled_sentence_is_found_whole_not_from_its_first_rare_word() -> None:
    """A sentence of 003 with its words shuffled, as a paragraph between other reports' text. Its
    rare words anchor it, but its first and last words (كازاخستان, الكازاخستاني) are not rare: the
    passage still reaches the sentence's edges on both sides."""
    a = seed("003")
    sentence = "وتُولي كازاخستان اهتماما خاصا"
    end = "ميناء أكتاو الكازاخستاني."
    shuffled = (
        "أدى واشنطن رئيسة تدهور بعد كازاخستان اهتماما معالجة خاصا أن بحر المدعوم ميناء مثل سفن في "
        'مياهه حمولاتها إلى موانئ بالحصول تقليص إلى أمريكيا، منسوب الأوسط" وتُولي قزوين، أكتاو '
        '"الممر الشحن للوصول إعاقة تطوير دعم انخفاض إلى الكازاخستاني. بيئة التجاري حيث اضطرت على'
    )
    b = "\n".join(
        [
            _paragraph_of(seed("002"), "إضافة إلى تدخلات"),
            shuffled,
            _paragraph_of(seed("000"), "وتبحث واشنطن الآن"),
            _paragraph_of(seed("001"), "وعقد ترامب ورؤساء"),
        ]
    )
    result = compare(a, b)
    passage = result.passages[passage_holding(result, a, "تدهور بيئة بحر قزوين")]
    assert passage.a[0] <= a.index(sentence)
    assert passage.a[1] >= a.index(end) + len(end) - 1
    # in B the shuffled words carry the full stop to the middle: the passage ends there
    assert passage.b[0] == b.index(shuffled)
    assert passage.b[1] >= b.index("إلى الكازاخستاني.") + len("إلى الكازاخستاني")


def test_a_moved_headline_is_not_swallowed_by_the_paragraph_after_it() -> None:
    """003's cross-reference headline, then a paragraph of 003 that in B follows other text: the
    paragraph's chain starts a few words before the headline, and tightening alone (ten words at
    a time) could not step over the whole line. Its words are not in the paragraph's counterpart,
    so the line is cut off and found as its own moved passage."""
    a = seed("003")
    openings = [
        ("002", "وتشارك في اجتماع واشنطن"),
        ("001", "وعقد ترامب ورؤساء"),
        ("001", "وقال ترامب:"),
        ("004", "وتجمع القمة ترامب"),
        ("001", "من المقرر أن تستحوذ"),
        ("003", '"تكتل دفاعي" يتشكّل'),
        ("003", "وإلى جانب ملف المعادن"),
        ("003", "وأشارت وزارة الخارجية"),
        ("001", "وتمتلك آسيا الوسطى"),
        ("003", "استثمار بكين الصامت"),
        ("004", "وأكد الرئيس الأمريكي"),
    ]
    b = "\n".join(_paragraph_of(seed(source), opening) for source, opening in openings)
    headline = _paragraph_of(a, '"تكتل دفاعي" يتشكّل')
    result = compare(a, b)
    passage = result.passages[passage_holding(result, a, headline)]
    assert passage.b[0] <= b.index(headline) < passage.b[1]


def test_a_name_written_split_or_joined_is_the_same_word():
    a = "استقبل الأمير عبدالله بن عبدالعزيز وفدا من أبوظبي برئاسة الشيخ عبد الرحمن في القصر اليوم."
    b = "استقبل الأمير عبد الله بن عبد العزيز وفدا من أبو ظبي برئاسة الشيخ عبدالرحمن في القصر اليوم."
    result = compare(a, b)
    assert [s.kind for s in result.segments_a] == ["same"] and len(result.passages) == 1
    # without the fold the names differ, and the short runs between them make no passage at all
    apart = compare(a, b, CompareOptions().with_normalize(compound_names=False))
    assert "same" not in {s.kind for s in apart.segments_a}


_FACTS = Path(__file__).resolve().parent / "data" / "facts"
_ENGLISH = "Under President Trump, we are taking {} steps to identify and develop domestic reserves."


def test_a_copy_in_order_with_one_word_changed_is_not_reordered():
    """Bags may find a piece of a copied paragraph; standing in order, it is labelled in order,
    with the differing letters of a respelled name still marked."""
    a = (
        (_FACTS / "casualty_a.txt").read_text(encoding="utf-8").rstrip()
        + "\n\n"
        + _ENGLISH.format("decisive")
    )
    b = (_FACTS / "casualty_b.txt").read_text(encoding="utf-8").rstrip() + "\n\n" + _ENGLISH.format("bold")
    result = compare(a, b)
    assert not any(p.reordered for p in result.passages)
    assert any(s.chars for s in result.segments_a)


def test_a_paragraph_used_again_with_a_figure_changed_is_reused():
    a = (_FACTS / "casualty_a.txt").read_text(encoding="utf-8").rstrip()
    first = a.split("\n")[0]
    result = compare(a, a + "\n\n" + first.replace("27", "31"))
    assert [p.reused for p in result.passages] == [None, "a"]
    again = result.passages[1]
    assert again.a == (0, len(first)) and again.b[0] > len(a)
