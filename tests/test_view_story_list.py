"""The story mode's rows without Qt: named columns, latest first, sorting, the folded filter, dates
and outlets as an RTL row shows them; and grouping with progress and cancellation."""

from __future__ import annotations

import pytest
from story_helpers import make_newsroom

from reader.stories import STEPS, GroupingCancelled, stories_of
from reader.stories.model import Story
from reader.view.digits import ARABIC_INDIC
from reader.view.story_list import (
    COLUMN_NAMES,
    COLUMNS,
    FIRST_SEEN,
    HEADLINE,
    LAST_SEEN,
    OUTLETS,
    REPORTS,
    StoryTable,
)

LRI, PDI = "\u2066", "\u2069"


def story(first_id: int, headline: str, reports: int, outlets, first, last) -> Story:
    return Story(headline, tuple(range(first_id, first_id + reports)), tuple(outlets), first, last)


STORIES = [
    story(10, "أمير مكة يدشن مشروع القطار", 13, ["was", "sabq", "okaz"], "2015-07-21 08:00:00",
          "2015-07-21 10:56:00"),
    story(40, "خبر ثان\nسطر آخر", 2, ["اليوم", "الشرق الأوسط"], "2015-07-22 10:30:00", "2015-07-23 12:00:00"),
    story(30, "Reuters wire", 3, ["reuters", "okaz"], "2015-07-20", "2015-07-23 12:00:00"),
    story(50, "بلا تاريخ", 2, [], None, None),
]  # fmt: skip


@pytest.fixture
def table() -> StoryTable:
    table = StoryTable()
    table.set_stories(STORIES)
    return table


def headlines(table: StoryTable) -> list[str]:
    return [table.text(row, HEADLINE) for row in range(table.row_count())]


def test_the_columns_are_named_and_in_the_order_of_the_issue():
    assert [c.name for c in COLUMNS] == ["headline", "reports", "first_seen", "last_seen", "outlets"]
    assert COLUMN_NAMES["outlets"] == OUTLETS and COLUMN_NAMES["reports"] == REPORTS
    assert {c.align for c in COLUMNS} == {"text", "number", "center"}


def test_latest_first_ties_by_the_older_story_and_undated_last(table):
    # two stories last seen at the same minute: the one whose first report is older (id 30) first
    assert [table.story(r).id for r in range(table.row_count())] == [30, 40, 10, 50]
    assert headlines(table)[1] == "خبر ثان"  # the first line of a headline only


def test_sorting_by_any_column_both_ways(table):
    table.sort(REPORTS, descending=True)
    assert [table.story(r).reports for r in range(4)] == [13, 3, 2, 2]
    table.sort(REPORTS, descending=False)
    assert [table.story(r).reports for r in range(4)] == [2, 2, 3, 13]
    table.sort(FIRST_SEEN, descending=False)
    assert [table.story(r).id for r in range(4)] == [50, 30, 10, 40]  # undated first
    table.sort(OUTLETS, descending=True)
    assert table.story(0).id == 10  # the most outlets


def test_the_filter_folds_spelling_and_reads_outlets(table):
    table.set_filter("امير")  # no hamza: finds أمير
    assert [table.story(r).id for r in range(table.row_count())] == [10]
    table.set_filter("okaz")
    assert {table.story(r).id for r in range(table.row_count())} == {10, 30}
    table.set_filter("okaz مكة")  # every word
    assert table.row_count() == 1
    table.set_filter("")
    assert table.row_count() == 4 and len(table.stories) == 4
    table.set_filter("لا شيء")
    assert table.row_count() == 0 and table.row_of(10) == -1 and len(table.stories) == 4


def test_moments_read_left_to_right_and_the_last_seen_drops_the_day_it_shares(table):
    row = table.row_of(10)
    assert table.text(row, FIRST_SEEN) == f"{LRI}2015-07-21 08:00{PDI}"
    assert table.text(row, LAST_SEEN) == f"{LRI}10:56{PDI}"  # the same day as the first report
    other = table.row_of(40)
    assert table.text(other, LAST_SEEN) == f"{LRI}2015-07-23 12:00{PDI}"
    undated = table.row_of(50)
    assert table.text(undated, FIRST_SEEN) == table.text(undated, LAST_SEEN) == "—"
    assert table.text(table.row_of(30), FIRST_SEEN) == f"{LRI}2015-07-20{PDI}"  # a date without time


def test_outlets_latin_isolated_arabic_with_the_arabic_comma(table):
    assert table.text(table.row_of(10), OUTLETS) == f"{LRI}was, sabq, okaz{PDI}"
    assert table.text(table.row_of(40), OUTLETS) == "اليوم، الشرق الأوسط"
    assert table.right_to_left(table.row_of(40), OUTLETS) and not table.right_to_left(
        table.row_of(10), OUTLETS
    )
    assert table.right_to_left(table.row_of(10), HEADLINE) and not table.right_to_left(
        table.row_of(30), HEADLINE
    )


def test_digits_in_the_style_of_the_window(table):
    table.digits = ARABIC_INDIC
    row = table.row_of(10)
    assert table.text(row, REPORTS) == "١٣"
    assert table.text(row, FIRST_SEEN) == f"{LRI}٢٠١٥-٠٧-٢١ ٠٨:٠٠{PDI}"
    assert table.column_texts(REPORTS) == {"١٣", "٣", "٢"}


def test_the_story_of_an_article(table):
    assert table.story(table.row_containing(22)).id == 10  # report 22 of the story 10..22
    assert table.row_containing(999) == -1


def test_grouping_reports_each_step_and_can_be_cancelled(tmp_path):
    library, ids = make_newsroom(tmp_path)
    try:
        steps = []
        stories = stories_of(library, progress=lambda step, total, name: steps.append((step, total, name)))
        assert steps == [(k, len(STEPS), STEPS[k]) for k in range(len(STEPS))]
        assert any(ids["agency"] in s.article_ids for s in stories)
        asked = []

        def cancelled() -> bool:
            asked.append(True)
            return len(asked) > 1  # let the first step start, stop at the second

        with pytest.raises(GroupingCancelled):
            stories_of(library, progress=lambda *a: steps.append(a), cancelled=cancelled)
    finally:
        library.close()
