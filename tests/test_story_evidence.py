"""Who took from whom as data: each piece of evidence is a Reason (a kind and its values), and the
English evidence of the CLI and JSON is made from the reasons, word for word what it always said."""

from __future__ import annotations

from story_helpers import make_newsroom

from reader.library import ArticleSummary
from reader.stories import build_story_view, story_containing
from reader.stories.model import Reason
from reader.stories.provenance import AGREE, DISAGREE, NONE, PHRASES, TEXT_ONLY, in_words, trace
from reader.stories.view import BASE_PHRASES


def _report(number: int, source: str, when: str | None) -> ArticleSummary:
    day, clock = when.split(" ") if when else (None, None)
    return ArticleSummary(number, f"t{number}", source, day, 100, "o", "t", False, clock)


AGENCY = _report(1, "was", "2015-07-21 08:00:00")
REPORTS = [
    AGENCY,
    _report(7, "okaz", "2015-07-21 08:30:00"),  # half of it in the agency's, minutes later
    _report(2, "sabq", "2015-07-21 09:05:00"),  # the agency's text and more of its own
    _report(4, "alyaum", "2015-07-21 10:00:00"),  # nearly all in the agency's, which holds more
    _report(3, "", None),  # undated, no outlet named
    _report(6, "aawsat", "2015-07-24 09:00:00"),  # days later
    _report(5, "alwatan", "2015-07-24 08:00:00"),  # shares nothing
]
SHARES = {
    (7, 1): 0.5, (1, 7): 0.5,
    (2, 1): 0.6, (1, 2): 1.0,
    (4, 1): 0.95, (1, 4): 0.4,
    (3, 1): 0.5, (1, 3): 0.3,
    (6, 1): 0.5, (1, 6): 0.2,
}  # fmt: skip


def test_the_english_evidence_is_what_it_always_said():
    found = {item.article_id: item for item in trace(REPORTS, SHARES)}
    expected = {
        1: (None, NONE, "the earliest report: the others carry its text"),
        7: (1, AGREE, "published 30 min after #1 (was); 50% of its text is in #1 (was), and it carries 50% "
                      "of that one's"),
        2: (1, AGREE, "published 1 h 05 min after #1 (was); 60% of its text is in #1 (was), and it carries "
                      "100% of that one's; it holds that report's text plus more of its own, as a later "
                      "version does"),
        4: (1, DISAGREE, "published 2 h 00 min after #1 (was); 95% of its text is in #1 (was), and it "
                         "carries 40% of that one's; #1 (was) holds all of this text plus more, which is "
                         "what a later version looks like; the times may be when the pages were fetched "
                         "rather than published"),
        3: (1, TEXT_ONLY, "50% of its text is in #1 (was), and it carries 30% of that one's; no time tells "
                          "them apart"),
        6: (1, AGREE, "published 3 days after #1 (was); 50% of its text is in #1 (was), and it carries 20% "
                      "of that one's"),
        5: (None, NONE, "no other report of the story carries much of its text: it was written apart"),
    }  # fmt: skip
    assert {k: (p.source_id, p.confidence, p.evidence) for k, p in found.items()} == expected
    # the reasons say the same as data: kinds and values, each rendered by its phrase
    assert [r.kind for r in found[4].reasons] == ["published_after", "text_in", "source_holds", "fetched"]
    assert found[4].reasons[0].value("minutes") == 120 and found[4].reasons[1].value("share") == 0.95
    for item in found.values():
        assert item.evidence == "; ".join(in_words(reason) for reason in item.reasons)
        assert item.to_dict() == {
            "article_id": item.article_id,
            "source_id": item.source_id,
            "confidence": item.confidence,
            "evidence": item.evidence,
        }  # the JSON keeps its four keys: no reasons in it


def test_a_report_with_no_outlet_is_named_so():
    assert in_words(Reason("source_holds", (("source", 3), ("name", "")))).startswith("#3 (no source) holds")
    assert set(PHRASES) == {"published_after", "text_in", "expanded", "source_holds", "no_time",
                            "fetched", "apart", "earliest", "all_later"}  # fmt: skip


def test_the_base_reason_as_data_and_in_words(tmp_path):
    library, ids = make_newsroom(tmp_path)
    try:
        view = build_story_view(library, story_containing(library, ids["okaz"]))
        plain = build_story_view(library, story_containing(library, ids["first_b"]))  # no agency in it
    finally:
        library.close()
    assert view.base_why == Reason("agency", (("name", "was"),))
    assert view.base_reason == "the agency's report (was)"
    assert plain.base_id == ids["first_a"]  # by default the earliest
    assert plain.base_why == Reason("earliest", (("when", "2015-07-22 10:00:00"),))
    assert plain.base_reason == "the earliest report (2015-07-22 10:00:00)"
    earliest = BASE_PHRASES["earliest"].format(when="2015-07-21 08:00:00")
    assert earliest == "the earliest report (2015-07-21 08:00:00)"
