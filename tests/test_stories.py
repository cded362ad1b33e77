"""Stories: reports sharing substantial text grouped, without chaining through digests or templates;
the story view's base report, collation, shared shares and who took from whom."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from story_helpers import OUTLETS, WORDS, make_newsroom

from reader.cli import main
from reader.library import LibraryError, open_library
from reader.library.importers import make_draft
from reader.stories import build_story_view, stories_of, story_containing
from reader.stories.grouping import GROUPING, Link, cluster, headline_of
from reader.stories.model import ABSENT, REWORDED, SAME
from reader.text.sentences import sentences


@pytest.fixture
def newsroom(tmp_path):
    library, ids = make_newsroom(tmp_path)
    yield library, ids
    library.close()


def test_the_reprints_are_one_story_with_its_outlets_and_times(newsroom):
    library, ids = newsroom
    story = story_containing(library, ids["agency"])
    expected = {ids["agency"], *(ids[outlet] for outlet in OUTLETS)}
    assert set(story.article_ids) == expected and story.reports == 13
    assert story.article_ids[0] == ids["agency"]  # earliest first
    assert story.outlets[0] == "was" and set(story.outlets) == {"was", *OUTLETS}
    assert (story.first_seen, story.last_seen) == ("2015-07-21 08:00:00", "2015-07-21 10:56:00")
    assert story.headline == "أمير مكة يدشن مشروع القطار"  # the agency's: the others add their name


def test_a_digest_does_not_chain_two_stories(newsroom):
    library, ids = newsroom
    stories = {frozenset(s.article_ids) for s in stories_of(library)}
    first = next(s for s in stories if ids["first_a"] in s)
    second = next(s for s in stories if ids["second_a"] in s)
    assert first != second
    assert {ids["first_a"], ids["first_b"]} <= first and {ids["second_a"], ids["second_b"]} <= second
    assert len(first | second) <= 5


def test_template_cables_on_many_days_are_not_a_story(newsroom):
    library, ids = newsroom
    in_stories = {article for story in stories_of(library) for article in story.article_ids}
    assert not in_stories & set(ids["cables"])


def test_since_keeps_the_stories_seen_on_or_after_a_day(newsroom, capsys):
    library, ids = newsroom
    assert {s.id for s in stories_of(library, since="2015-07-22")} == {
        s.id for s in stories_of(library) if s.last_seen >= "2015-07-22"
    }
    assert main(["stories", "--since", "2015-07-22", "--format", "json", "--library", str(library.path)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(row["last_seen"] >= "2015-07-22" for row in rows)
    assert main(["stories", "--since", "22/7", "--library", str(library.path)]) == 2


def test_the_story_view_collates_the_base_sentences(newsroom):
    library, ids = newsroom
    story = story_containing(library, ids["agency"])
    steps = []
    view = build_story_view(library, story, progress=lambda *step: steps.append(step))
    assert view.base_id == ids["agency"] and "agency" in view.base_reason
    assert [r.article_id for r in view.reports] == [i for i in story.article_ids if i != ids["agency"]]
    assert steps[-1][:2] == (12, 12)
    base_text = library.text(view.base_id)
    assert len(view.sentences) == len(sentences(base_text)) == 8
    column = {report.article_id: k for k, report in enumerate(view.reports)}
    for number, outlet in enumerate(OUTLETS):
        cells = [row[column[ids[outlet]]] for row in view.collation]
        kinds = [cell.kind for cell in cells]
        assert kinds[5] == (ABSENT if number % 3 == 1 else SAME)
        assert kinds[2] == (REWORDED if number % 3 == 2 else SAME)
        assert all(kind == SAME for k, kind in enumerate(kinds) if k not in (2, 5))
        report_text = library.text(ids[outlet])
        start, end = cells[0].passage
        assert base_text[view.sentences[0][0] : view.sentences[0][1]] in report_text[start:end]
        summary = view.reports[column[ids[outlet]]]
        assert summary.drops == pytest.approx(1 - summary.reprints)
        assert (summary.adds > 0.2) == (number % 4 == 0)
        assert (summary.drops > 0.05) == (number % 3 == 1)


def test_shares_and_who_took_from_whom(newsroom):
    library, ids = newsroom
    story = story_containing(library, ids["agency"])
    view = build_story_view(library, story)
    size = story.reports
    assert len(view.shares) == size and all(len(row) == size for row in view.shares)
    assert all(view.shares[k][k] == 1.0 for k in range(size))
    assert all(0.0 <= v <= 1.0 for row in view.shares for v in row)
    sources = {item.article_id: item for item in view.provenance}
    assert sources[ids["agency"]].source_id is None
    expanded = sources[ids["sabq"]]  # number 0: the whole copy plus four sentences of its own
    assert expanded.source_id == ids["agency"] and expanded.confidence == "dates and text agree"
    assert "after #" in expanded.evidence and "plus more" in expanded.evidence
    for item in view.provenance[1:]:
        assert item.source_id in story.article_ids
        earlier = story.article_ids.index(item.source_id) < story.article_ids.index(item.article_id)
        assert earlier


def test_the_story_command(newsroom, capsys):
    library, ids = newsroom
    path = str(library.path)
    assert main(["story", str(ids["okaz"]), "--format", "json", "--library", path]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["base"]["id"] == ids["agency"] and len(data["collation"]) == 8
    assert {cell["kind"] for row in data["collation"] for cell in row["cells"]} == {SAME, REWORDED, ABSENT}
    assert main(["story", str(ids["okaz"]), "--library", path, "--bidi", "logical"]) == 0
    out = capsys.readouterr().out
    assert "who took from whom:" in out and f"from #{ids['agency']}" in out
    assert main(["story", str(ids["cables"][0]), "--library", path]) == 2
    with pytest.raises(LibraryError, match="in no story"):
        story_containing(library, ids["cables"][0])


def test_the_headline_is_the_title_most_like_the_others():
    from reader.library import ArticleSummary

    def summary(number: int, title: str) -> ArticleSummary:
        return ArticleSummary(number, title, "x", "2015-07-21", 10, "o", "t", False)

    titles = [
        "Breaking news",
        "ولي العهد يصل إلى الأردن",
        "سمو ولي العهد يصل إلى عمّان",
        "ولي العهد يصل الأردن",
    ]
    assert headline_of([summary(k, t) for k, t in enumerate(titles)]) == "ولي العهد يصل إلى الأردن"


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_clusters_are_disjoint_dense_and_short(data):
    count = data.draw(st.integers(2, 14))
    days = {k: date(2015, 7, 21) + timedelta(days=data.draw(st.integers(0, 6))) for k in range(count)}
    pairs = data.draw(st.sets(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=40))
    links = [Link(a, b, 10, data.draw(st.floats(0.2, 1)), 0.5) for a, b in pairs if a < b]
    groups = cluster(sorted(links, key=lambda link: -link.strength), days)
    seen = [article for group in groups for article in group]
    assert len(seen) == len(set(seen))
    linked = {(link.first, link.second) for link in links}
    for group in groups:
        assert len(group) >= 2
        assert (max(days[a] for a in group) - min(days[a] for a in group)).days <= GROUPING.max_span_days
        inside = sum(1 for a in group for b in group if a < b and (a, b) in linked)
        assert inside >= len(group) - 1  # connected by links: a story is never glued by nothing


def test_related_joins_rewritten_reports_of_one_event_only_when_asked(tmp_path):
    rng = random.Random(11)
    library = open_library(tmp_path / "related.sqlite3", seed_if_empty=False)

    def prose() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(60)) + "."

    first = _add_report(
        library, prose(), "okaz", "2015-07-23 09:00", "اختطاف خمسة تشيكيين في البقاع اللبناني"
    )
    second = _add_report(library, prose(), "sabq", "2015-07-23 15:00", "اختطاف التشيكيين الخمسة في البقاع")
    columns = [
        _add_report(library, prose(), "alriyadh", f"2015-07-2{day} 08:00", "بين الخطأ والصواب")
        for day in range(1, 5)
    ]
    for _ in range(30):  # a library of other titles, so that the names above are rare words
        _add_report(library, prose(), "alyaum", "2015-07-22 10:00", " ".join(rng.sample(WORDS, 6)))
    assert stories_of(library) == []
    joined = [set(story.article_ids) for story in stories_of(library, related=True)]
    assert {first, second} in joined
    assert not any(set(columns) & group for group in joined)
    library.close()


def _add_report(library, text: str, source: str, when: str, title: str) -> int:
    day, clock = when.split(" ")
    draft = make_draft(text, original=text.encode(), encoding="utf-8", format="json", origin=title,
                       title=title, source=source, date=day, time=clock)  # fmt: skip
    return library.add(draft).article_id
