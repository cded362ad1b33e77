"""The article list's story mode as a table, Qt-free: one row per story (headline, reports, outlets,
first and last seen), latest first, sortable by any column, filtered by folded words of the
headline and the outlets. `reader.ui.library.story_model` shows it to Qt; the rows come from
`reader.stories.stories_of`, computed off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.text.direction import is_right_to_left
from reader.text.search_fold import fold_chars
from reader.text.translation import QT_TRANSLATE_NOOP
from reader.view.digits import LATIN, Digits

if TYPE_CHECKING:
    from reader.stories.model import Story

CONTEXT = "StoryList"  # translation context of the headers
LRI, PDI = "\u2066", "\u2069"


@dataclass(frozen=True)
class StoryColumn:
    """`name` is stable (tests, settings); `header` is English, translated on use; `align` is
    "text" (by the text's own direction), "number" (on the last digit) or "center"."""

    name: str
    header: str
    align: str


# The outlets come last: the one column that can be long, elided where the panel ends.
HEADLINE, REPORTS, FIRST_SEEN, LAST_SEEN, OUTLETS = range(5)
COLUMNS = (
    StoryColumn("headline", QT_TRANSLATE_NOOP("StoryList", "Headline"), "text"),
    StoryColumn("reports", QT_TRANSLATE_NOOP("StoryList", "Reports"), "number"),
    StoryColumn("first_seen", QT_TRANSLATE_NOOP("StoryList", "First seen"), "center"),
    StoryColumn("last_seen", QT_TRANSLATE_NOOP("StoryList", "Last seen"), "center"),
    StoryColumn("outlets", QT_TRANSLATE_NOOP("StoryList", "Outlets"), "text"),
)
COLUMN_NAMES = {column.name: number for number, column in enumerate(COLUMNS)}


def isolated(text: str) -> str:
    """Left-to-right text (a date, Latin outlet names) kept in its order inside a right-to-left row."""
    return f"{LRI}{text}{PDI}" if text else text


def first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0].strip()


def outlets_text(outlets: Sequence[str]) -> str:
    """The outlets in story order: with the Arabic comma when they are Arabic names, isolated
    left to right when any is Latin (so `sabq, okaz` keeps its order in an Arabic row)."""
    if outlets and all(is_right_to_left(name) for name in outlets):
        return "، ".join(outlets)
    return isolated(", ".join(outlets))


class StoryTable:
    """The rows of the story mode. Sorted by last seen, latest first, until `sort` says otherwise
    (ties: the earlier story id first); `set_filter` keeps the stories whose folded headline and
    outlets hold every folded word of the query."""

    def __init__(self) -> None:
        self.digits: Digits = LATIN
        self._stories: list[Story] = []
        self._rows: list[Story] = []
        self._folded: dict[int, str] = {}
        self._words: tuple[str, ...] = ()
        self.sort_column, self.descending = LAST_SEEN, True

    # content
    def set_stories(self, stories: Iterable[Story]) -> None:
        self._stories = list(stories)
        self._folded = {
            story.id: fold_chars(f"{story.headline}\n{' '.join(story.outlets)}") for story in self._stories
        }
        self._arrange()

    def set_filter(self, text: str) -> None:
        self._words = tuple(fold_chars(text).split())
        self._arrange()

    def sort(self, column: int, descending: bool) -> None:
        self.sort_column, self.descending = column, descending
        self._arrange()

    def _arrange(self) -> None:
        shown = [s for s in self._stories if all(w in self._folded[s.id] for w in self._words)]
        shown.sort(key=lambda story: story.id)  # ties: the older story (smaller first id) first
        self._rows = sorted(
            shown, key=lambda story: self.sort_key(story, self.sort_column), reverse=self.descending
        )

    # lookups
    @property
    def stories(self) -> list[Story]:
        """Every story, filtered out or not."""
        return list(self._stories)

    def row_count(self) -> int:
        return len(self._rows)

    def story(self, row: int) -> Story:
        return self._rows[row]

    def row_of(self, story_id: int) -> int:
        """The row of a story (named by its earliest report), -1 when not shown."""
        return next((row for row, story in enumerate(self._rows) if story.id == story_id), -1)

    def row_containing(self, article_id: int) -> int:
        """The row of the story an article is a report of, -1 when none shown."""
        return next((row for row, s in enumerate(self._rows) if article_id in s.article_ids), -1)

    # cells
    def text(self, row: int, column: int) -> str:
        return self.cell_text(self._rows[row], column)

    def column_texts(self, column: int) -> set[str]:
        """Every distinct text a column shows for any story, filtered out or not (to size it)."""
        return {self.cell_text(story, column) for story in self._stories}

    def cell_text(self, story: Story, column: int) -> str:
        if column == HEADLINE:
            return first_line(story.headline)
        if column == REPORTS:
            return self.digits.number(story.reports)
        if column == OUTLETS:
            return outlets_text(story.outlets)
        if column == FIRST_SEEN:
            return self.moment_text(story.first_seen)
        if column == LAST_SEEN:
            return self.moment_text(story.last_seen, story.first_seen)
        raise IndexError(column)

    def moment_text(self, moment: str | None, same_day_as: str | None = None) -> str:
        """`2015-07-21 10:56`; only `10:56` when it is the day of `same_day_as` (a story's last
        report on the day of its first: the row says how long the story ran without repeating the
        date); a dash when undated."""
        if not moment:
            return "—"
        shown = moment[:16]
        if same_day_as and len(shown) > 10 and same_day_as[:10] == shown[:10]:
            shown = shown[11:]
        return isolated(self.digits.of(shown))

    def right_to_left(self, row: int, column: int) -> bool:
        """Whether a text cell reads right to left (its alignment follows)."""
        story = self._rows[row]
        if column == HEADLINE:
            return is_right_to_left(story.headline)
        if column == OUTLETS:
            return bool(story.outlets) and all(is_right_to_left(name) for name in story.outlets)
        return False

    def sort_key(self, story: Story, column: int) -> tuple:
        """A key that sorts a column right: folded text, counts, moments (undated first)."""
        if column == HEADLINE:
            return (fold_chars(story.headline),)
        if column == REPORTS:
            return (story.reports, story.last_seen or "")
        if column == OUTLETS:
            return (len(story.outlets), fold_chars(" ".join(story.outlets)))
        if column == FIRST_SEEN:
            return (story.first_seen or "",)
        return (story.last_seen or "",)
