"""Imports that lost or invented (issue 14, item 10) and HTML bidi controls (item 7): the wrong code
page, navigation pages, deep nesting, dates in scripts, controls dropped by the extractor."""

from __future__ import annotations

import pytest

from reader.library import LibraryError
from reader.library.importers import draft_from_html
from reader.text.decoding import decode_bytes

FRENCH = "Le président s'est rendu à l'Élysée. Ça va très bien, à côté du Château. Les Écoles, l'ÉTÉ."
ARABIC_WITH_LATIN = "أطلقت أبل جهاز وiPad الجديد في الأسواق، وقال المتحدث إن المبيعات سترتفع هذا العام."
PARAGRAPH = "قال الرئيس إن الاتفاق سري ولن يعلن قبل نهاية الشهر الجاري، وأضاف أن المفاوضات مستمرة. "


def test_latin1_french_is_not_read_as_cp1256():
    decoded = decode_bytes(FRENCH.encode("latin-1"))
    assert decoded.text == FRENCH and decoded.encoding == "cp1252"


def test_cp1256_arabic_with_a_glued_latin_word_stays_arabic():
    decoded = decode_bytes((ARABIC_WITH_LATIN * 3).encode("cp1256"))
    assert decoded.text == ARABIC_WITH_LATIN * 3 and decoded.encoding == "cp1256"


def test_short_cp1256_opening_with_a_mark_is_still_read():
    text = "\u200fاليامي للمرتبة الثالثة عشرة\n\nأصدر وزير النقل قرارا بترقية نائب المدير العام."
    assert decode_bytes(text.encode("cp1256")).text == text


def page(body: str, head: str = "<title>خبر</title>") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def test_a_navigation_page_is_not_an_article():
    links = "".join(f"<li><a href='/s{i}'>قسم الأخبار رقم {i}</a></li>" for i in range(30))
    with pytest.raises(LibraryError, match="navigation links only"):
        draft_from_html(page(f"<nav><ul>{links}</ul></nav>"), origin="nav.html")


def test_an_article_with_a_menu_is_still_an_article():
    links = "".join(f"<li><a href='/s{i}'>قسم {i}</a></li>" for i in range(10))
    draft = draft_from_html(
        page(f"<ul>{links}</ul><article><p>{PARAGRAPH * 4}</p></article>"), origin="a.html"
    )
    assert "المفاوضات مستمرة" in draft.text


def test_deeply_nested_tags_keep_their_text():
    deep = "<div>" * 100_000 + f"<p>{PARAGRAPH * 3}</p>" + "</div>" * 100_000
    draft = draft_from_html(page(deep), origin="deep.html")
    assert draft.text.count("المفاوضات مستمرة") == 3


def test_a_date_inside_a_script_is_not_the_articles_date():
    script = "<script>var published = '2011-02-03'; var d = new Date('2011-02-03');</script>"
    draft = draft_from_html(
        page(f"<article><p>{PARAGRAPH * 3}</p></article>", head=f"<title>خبر</title>{script}"),
        origin="s.html",
    )
    assert draft.date != "2011-02-03"


def test_a_json_ld_date_is_still_read():
    json_ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-11-07"}</script>'
    )
    draft = draft_from_html(
        page(f"<article><p>{PARAGRAPH * 3}</p></article>", head=f"<title>خبر</title>{json_ld}"),
        origin="j.html",
    )
    assert draft.date == "2025-11-07"


def test_html_keeps_and_flags_bidi_controls_like_text_import():
    body = f"<article><p>{PARAGRAPH}قال \u2066الاتفاق\u2069 و&#x202E;مقلوب&#x202C; {PARAGRAPH}</p></article>"
    draft = draft_from_html(page(body, head="<title>عنوان \u202eمقلوب</title>"), origin="b.html")
    assert draft.title == "عنوان \u202eمقلوب"
    assert "\u2066الاتفاق\u2069" in draft.text and "\u202eمقلوب\u202c" in draft.text
    assert draft.has_bidi_controls
