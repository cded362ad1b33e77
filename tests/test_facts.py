"""Facts that disagree: numbers with what they count, dates, names, quotes; paired across two texts."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from reader.facts import AGREE, DIFFER, ONLY, SPELLED, find_facts
from reader.facts.numbers import readings, values_agree

DATA = Path(__file__).parent / "data" / "facts"
SEEDS = sorted(p for p in resources.files("reader.seeds").iterdir() if p.name.endswith(".txt"))


def seed(index: int) -> str:
    return SEEDS[index].read_text(encoding="utf-8")


def casualty() -> tuple[str, str]:
    return (DATA / "casualty_a.txt").read_text(encoding="utf-8"), (DATA / "casualty_b.txt").read_text(
        encoding="utf-8"
    )


def differing(a: str, b: str) -> list[tuple[str, str, str, str]]:
    return [(p.kind, p.status, p.a.text, p.b.text) for p in find_facts(a, b).differing]


def test_casualty_report_has_all_five_differences_and_they_come_first():
    a, b = casualty()
    facts = find_facts(a, b)
    found = [(p.kind, p.status, p.a.text, p.b.text) for p in facts.differing]
    assert ("number", DIFFER, "27 شخصا", "31 شخصا") in found
    assert ("number", DIFFER, "140 آخرون", "104 آخرون") in found
    assert ("date", DIFFER, "الثلاثاء", "الأربعاء") in found
    assert ("name", SPELLED, "إسماعيل بالاكاوغلو", "إسماعيل بالاكاغلو") in found
    quote = next(p for p in facts.differing if p.kind == "quote")
    assert [(w.a, w.b) for w in quote.words] == [("للغاية", "جدا")]
    assert len(found) == 5
    statuses = [p.status for p in facts.pairs]
    assert statuses[:5].count(DIFFER) + statuses[:5].count(SPELLED) == 5  # listed first
    for pair in facts.differing:  # offsets point at the words as written
        assert a[pair.a.start : pair.a.end] == pair.a.text and b[pair.b.start : pair.b.end] == pair.b.text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أرسلت ما قيمته 07ر3 مليار دولار من المعادن", "أرسلت ما قيمته 3.07 مليار دولار من المعادن"),
        ("تمثل ٪١٥ من الإنتاج العالمي للنفط", "تمثل 15% من الإنتاج العالمي للنفط"),
        ("إضافة إلى ملياري دولار من التمويل الخاص", "إضافة إلى 2 مليار دولار من التمويل الخاص"),
        ("استضاف قادة خمس دول من آسيا الوسطى", "استضاف قادة 5 دول من آسيا الوسطى"),
        ("الرواسب التي تقدر بنحو 410.000 طن من التنغستن", "الرواسب التي تقدر بنحو 410 ألف طن من التنغستن"),
        ("بلغت قيمة الصفقة ١٧ مليار دولار هذا العام", "بلغت قيمة الصفقة 17 مليار دولار هذا العام"),
        ("وأصيب ثلاثة وعشرون شخصا بجروح", "وأصيب 23 شخصا بجروح"),
    ],
)
def test_equal_values_in_different_spellings_agree(a, b):
    facts = find_facts(a, b)
    numbers = [p for p in facts.pairs if p.kind == "number"]
    assert [p.status for p in numbers] == [AGREE], [(p.status, p.a, p.b) for p in numbers]


def test_different_values_for_the_same_thing_disagree():
    found = differing("وبلغت قيمة الصفقة 1.1 مليار دولار وفق البيان", "وبلغت قيمة الصفقة 1.3 مليار دولار")
    assert found == [("number", DIFFER, "1.1 مليار دولار", "1.3 مليار دولار")]
    found = differing("وبلغت قيمة المشروع 900 مليون دولار في التمويل", "وبلغت قيمة المشروع 900 مليون يورو")
    assert found == [("number", DIFFER, "900 مليون دولار", "900 مليون يورو")]
    # one unit in two words: no difference
    assert (
        differing("المشروع الذي يمتد ل 25 سنة في المنطقة", "المشروع الذي يمتد إلى 25 عاماً في المنطقة") == []
    )


def test_number_readings():
    assert readings("410.000") == (410.0, 410000.0)  # dot as thousands or as decimal: both kept
    assert readings("3.07") == (3.07,)
    assert readings("07ر3") == (3.07,)
    assert readings("1,000,000") == (1_000_000.0,)
    assert values_agree((3.07e9,), (3070e6,)) and not values_agree((140.0,), (104.0,))


def test_dates_and_weekdays():
    assert differing("تعقد القمة في السادس من نوفمبر/تشرين الثاني المقبل", "تعقد القمة في 6 نوفمبر") == []
    assert differing("تعقد القمة في 7 نوفمبر المقبل في واشنطن", "تعقد القمة في 8 نوفمبر المقبل") == [
        ("date", DIFFER, "7 نوفمبر", "8 نوفمبر")
    ]
    assert differing("وقع الانفجار يوم الخميس في العاصمة", "وقع الانفجار يوم الجمعة في العاصمة") == [
        ("date", DIFFER, "الخميس", "الجمعة")
    ]


def test_names_spelled_two_ways_and_different_names():
    # seeds 001 and 004: the Uzbek president and the Kazakh president spelled two ways
    found = differing(seed(1), seed(4))
    spelled = {(a, b) for kind, status, a, b in found if kind == "name" and status == SPELLED}
    assert ("شوكت ميرزيوييف", "شوكت ميرضيائيف") in spelled
    assert ("قاسم جومارت توكاييف", "قاسم جومرت توكاييف") in spelled
    assert ("وقيرغيزستان", "وقرغيزيا") in spelled
    assert all(status == SPELLED for kind, status, _, _ in found if kind == "name")
    # the same role, another person
    assert differing(
        "وقال وزير الخارجية سامح شكري إن المحادثات كانت مثمرة",
        "وقال وزير الخارجية نبيل فهمي إن المحادثات كانت مثمرة",
    ) == [("name", DIFFER, "سامح شكري", "نبيل فهمي")]


def test_quotes_worded_differently_and_given_to_another_speaker():
    a = 'وقال الرئيس ترامب: "هذه المنطقة مهمة جدا لبلادنا وللعالم كله".'
    b = 'وقال الرئيس بايدن: "هذه المنطقة مهمة جدا لبلادنا وللعالم كله".'
    quote = next(p for p in find_facts(a, b).pairs if p.kind == "quote")
    assert quote.status == DIFFER and quote.reasons == ("speaker",) and quote.words == ()
    b = "وقال الرئيس ترامب: «هذه المنطقة مهمة للغاية لبلادنا وللعالم كله»."  # another quote style
    quote = next(p for p in find_facts(a, b).pairs if p.kind == "quote")
    assert quote.status == DIFFER and quote.reasons == ("wording",)
    assert [(w.a, w.b) for w in quote.words] == [("جدا", "للغاية")]
    assert quote.a.speaker == quote.b.speaker == "الرئيس ترامب"


def test_a_quote_after_wa_adaf_belongs_to_the_speaker_before():
    text = 'وقال ترامب: "كانت هذه الدول ذات يوم موطنا لطريق الحرير".\n\nوأضاف: "أنا أتفهم أهمية هذه المنطقة".'
    quotes = [p.a for p in find_facts(text, text).pairs if p.kind == "quote"]
    assert [q.speaker for q in quotes] == ["ترامب", "ترامب"]
    assert [q.paragraph for q in quotes] == [1, 2]


def test_swapping_the_sides_mirrors_the_facts():
    a, b = casualty()
    forward, backward = find_facts(a, b), find_facts(b, a)
    assert backward == forward.swapped()


def test_facts_only_one_text_states():
    facts = find_facts("وأكد البيان أن 12 سفينة وصلت إلى الميناء أمس", "وأكد البيان أن السفن وصلت أمس")
    only = [(p.kind, p.a.text if p.a else None, p.b.text if p.b else None) for p in facts.with_status(ONLY)]
    assert ("number", "12 سفينة", None) in only
