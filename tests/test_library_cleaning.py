"""Cleaning scraped text: leftovers go (recorded with a reason), real paragraphs always stay."""

from __future__ import annotations

from datetime import date

import pytest
from library_helpers import seed_text

from reader.library.cleaning import apply_removals, find_removals, normalise_newlines
from reader.library.importers import make_draft
from reader.library.metadata import parse_arabic_date, source_from_copyright


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _clean(text: str, today: date | None = None) -> tuple[str, list[tuple[str, str]]]:
    cleaning = find_removals(normalise_newlines(text), today)
    cleaned = apply_removals(normalise_newlines(text), cleaning.removed)
    return cleaned, [(r.reason, r.text.strip()) for r in cleaning.removed]


def test_seed_003_loses_exactly_its_scraper_leftovers():
    text = seed_text("003")
    cleaned, removed = _clean(text)
    reasons = dict((t, r) for r, t in removed)
    assert (
        reasons['الكرملين: مشاركة الأوروبيين في مفاوضات أوكرانيا "لا تبشّر بالخير"']
        == "headline of another story"
    )
    assert reasons["logo"] == "site chrome"
    assert reasons["العالم"] == "section label"
    assert reasons["تابعونا على"] == "site chrome"
    assert reasons["أخبار ذات علاقة"] == "related links"
    assert reasons['زيارة كسر العزلة واستعادة النفوذ.. بوتين يعود إلى آسيا الوسطى من بوابة "دوشنبه"'] == (
        "related links"
    )
    assert reasons["رئيس جمهورية أوزبكستان مع الرئيس الأمريكيالمصدر: رئاسة أوزبكستان"] == "image caption"
    assert any(r == "copyright" and "إرم ميديا" in t for r, t in removed)
    assert len(removed) == 16
    # every real paragraph and both subheadings stay, in order
    kept = _paragraphs(cleaned)
    removed_texts = {t for _, t in removed}
    assert kept == [p for p in _paragraphs(text) if p not in removed_texts]
    assert "رهان آسيا الوسطى" in kept and "الملفات الشائكة" in kept
    assert kept[0] == "من الثروات إلى التحالفات.. آسيا الوسطى تتطلع لبناء محور استراتيجي مع أمريكا"
    assert "\n\n\n" not in cleaned


@pytest.mark.parametrize("prefix", ["001", "002"])
def test_clean_seeds_lose_nothing(prefix):
    text = seed_text(prefix)
    cleaned, removed = _clean(text)
    assert removed == []
    assert _paragraphs(cleaned) == _paragraphs(text)


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_date_prefix_becomes_the_date_and_leaves_the_text(prefix):
    text = seed_text(prefix)
    draft = make_draft(text, original=text.encode(), encoding="utf-8", format="txt", origin="x")
    assert draft.date == "2025-11-07"
    assert draft.text == text.strip("\n")[len(" date 2025-11-07 ") :].rstrip("\n")
    assert [r.reason for r in draft.removed] == ["date"]


def test_removals_are_undone_by_dropping_them():
    text = normalise_newlines(seed_text("003"))
    removed = find_removals(text).removed
    assert apply_removals(text, ()).strip() == text.strip()
    without_logo = [r for r in removed if r.text != "logo"]
    assert "\nlogo\n" in "\n" + apply_removals(text, without_logo) + "\n"


def test_crlf_is_normalised_for_the_cleaned_text_only():
    original = "عنوان الخبر\r\n\r\nفقرة أولى من الخبر.\r\nlogo\r\nفقرة ثانية من الخبر.\r\n".encode()
    draft = make_draft(original.decode(), original=original, encoding="utf-8", format="txt", origin="x")
    assert "\r" not in draft.text and draft.original == original
    assert draft.text == "عنوان الخبر\n\nفقرة أولى من الخبر.\nفقرة ثانية من الخبر."


def test_a_paragraph_quoting_a_source_is_not_taken_for_a_caption():
    text = (
        "عنوان\n\nوقال المصدر: إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة.\n\n"
        "المصدر: لم يتم الاتفاق بعد\n\nفقرة أخيرة طويلة بما يكفي لتكون فقرة حقيقية من نص الخبر."
    )
    cleaned, removed = _clean(text)
    assert "وقال المصدر: إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة." in cleaned
    assert removed == [("credit line", "المصدر: لم يتم الاتفاق بعد")]


def test_related_block_stops_at_a_real_paragraph():
    text = (
        "عنوان الخبر الرئيسي عن القمة\n\nأخبار ذات صلة\n\n"
        "هذه فقرة حقيقية طويلة تتحدث عن القمة وتفاصيلها الكثيرة التي جرت في واشنطن بحضور قادة الدول "
        "الخمس وعدد كبير من المسؤولين والخبراء.\n\nفقرة ثانية."
    )
    cleaned, removed = _clean(text)
    assert [t for _, t in removed] == ["أخبار ذات صلة"]
    assert "هذه فقرة حقيقية طويلة" in cleaned


def test_a_first_line_that_is_the_real_title_stays():
    text = seed_text("003").split("\n", 2)[2]  # without the stray headline
    cleaned, removed = _clean(text)
    assert cleaned.startswith("من الثروات إلى التحالفات")
    assert "headline of another story" not in {r for r, _ in removed}


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("7 نوفمبر 2025", "2025-11-07"),
        ("٧ نوفمبر ٢٠٢٥", "2025-11-07"),
        ("الخميس 12 كانون الثاني 2024", "2024-01-12"),
        ("3 آذار/مارس 2023", "2023-03-03"),
        ("السادس من نوفمبر/تشرين الثاني", "2025-11-06"),
        ("الحادي والعشرين من أيلول", "2025-09-21"),
        ("1 تموز", "2025-07-01"),
        ("20 ديسمبر", "2024-12-20"),  # after "today": last year
    ],
)
def test_arabic_dates_opening_a_text(opening, expected):
    parsed = parse_arabic_date(opening + " - القاهرة", today=date(2025, 11, 24))
    assert parsed is not None and parsed[0] == expected


@pytest.mark.parametrize("text", ["ترامب يلتقي قادة آسيا", "30 فبراير 2025", "في 7 نوفمبر 2025 التقى"])
def test_no_date_where_there_is_none(text):
    assert parse_arabic_date(text, today=date(2025, 11, 24)) is None


def test_dateline_leaves_the_text_but_prose_keeps_its_date_words():
    dateline, removed = _clean("7 نوفمبر 2025 - التقى الرئيس قادة الدول.", today=date(2025, 11, 24))
    assert dateline == "التقى الرئيس قادة الدول."
    prose, removed = _clean("السادس من نوفمبر موعد القمة المقبلة.", today=date(2025, 11, 24))
    assert prose == "السادس من نوفمبر موعد القمة المقبلة." and removed == []
    draft = make_draft("السادس من نوفمبر/تشرين الثاني موعد القمة.", original=b"", encoding=None, format="txt",
                       origin="x", today=date(2025, 11, 24))  # fmt: skip
    assert draft.date == "2025-11-06"


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("جميع الحقوق محفوظة © 2025 شركة إرم ميديا - Erem Media FZ LLC", "شركة إرم ميديا"),
        ("© 2024 الجزيرة", "الجزيرة"),
        ("Copyright © 2023 Reuters. All rights reserved.", "Reuters"),
        ("فقرة عادية بلا حقوق", None),
    ],
)
def test_source_from_a_copyright_line(line, source):
    assert source_from_copyright(line) == source


def test_social_networks_after_follow_us_are_chrome():
    text = (
        "عنوان\n\nفقرة حقيقية من الخبر تنتهي هنا.\n\n"
        "تابعونا على\nفيسبوك\nتويتر\nيوتيوب\n\nفيسبوك تحذف حسابات مزيفة."
    )
    cleaned, removed = _clean(text)
    assert [t for _, t in removed] == ["تابعونا على", "فيسبوك", "تويتر", "يوتيوب"]
    assert cleaned.endswith("فيسبوك تحذف حسابات مزيفة.")


@pytest.mark.parametrize(
    "dateline", ["الخميس 6 نوفمبر 2025 - 10:30 ص", "6 تشرين الثاني 2025", "٦ نوفمبر ٢٠٢٥ | 22:15"]
)
def test_a_dateline_under_the_title(dateline):
    text = f"قمة آسيا الوسطى في واشنطن\n{dateline}\n\nاستضاف الرئيس قادة خمس دول في البيت الأبيض يوم الخميس."
    cleaning = find_removals(text, date(2025, 11, 24))
    assert cleaning.date == "2025-11-06"
    assert [(r.reason, r.text) for r in cleaning.removed] == [("date", dateline)]


def test_a_headline_starting_with_a_date_is_not_a_dateline():
    text = "6 نوفمبر موعد القمة المقبلة بين القادة\n\nاستضاف الرئيس قادة خمس دول في البيت الأبيض يوم الخميس."
    cleaning = find_removals(text, date(2025, 11, 24))
    assert cleaning.removed == () and cleaning.date == "2025-11-06"


def test_title_of_a_text_without_a_headline_is_its_first_clause():
    draft = make_draft(seed_text("000"), original=b"x", encoding="utf-8", format="txt", origin="x")
    assert draft.title == (
        "استضاف الرئيس الأمريكي دونالد ترامب قادة خمس دول من آسيا الوسطى في البيت الأبيض يوم الخميس"
    )
    long_clause = " ".join(["كلمة"] * 40)
    draft = make_draft(long_clause, original=b"x", encoding="utf-8", format="txt", origin="x")
    assert draft.title == " ".join(["كلمة"] * 14) + "…"


def test_language_by_script():
    from reader.library.metadata import detect_language

    assert detect_language(seed_text("002")) == "ar"
    assert detect_language("Critical minerals talks in Washington with 50 countries") == "en"
    assert detect_language("2025 - 11 - 07") == "und"
