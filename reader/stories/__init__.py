"""Stories: every report of one story across the library, and who took what from whom.

Qt-free; the window's story view (reader/ui/stories) and `qarin stories | story` use this API.
Layering: ui / commands -> stories -> compare / library -> text. The library indexes shared text
(reader/library/reuse.py) without the engine; this package groups with that index and collates
with the engine.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.library import Library, LibraryError
from reader.stories.grouping import GROUPING, GroupingSettings, day_of, group_library, recurring_filter
from reader.stories.model import Story, StoryView
from reader.stories.view import build_story_view

# The steps of grouping, as `stories_of` reports them to `progress(step, STEPS, name)`.
STEPS = ("reading the list", "counting shared text", "grouping and naming stories")
CHECK_EVERY = 4096  # fingerprints between two looks at `cancelled` while shared text is counted


class GroupingCancelled(Exception):
    """`cancelled()` turned true while the library was being grouped."""


def stories_of(
    library: Library,
    since: str | None = None,
    settings: GroupingSettings = GROUPING,
    related: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Story]:
    """Every story of two or more reports (latest first); `since`: only those seen on or after it;
    `related`: also same-period reports on the same event that share little wording.

    `progress(step, len(STEPS), name)` is called as each step starts; `cancelled()` is asked
    between steps and every few thousand fingerprints (GroupingCancelled is raised when true)."""

    def step(number: int) -> None:
        if cancelled is not None and cancelled():
            raise GroupingCancelled("grouping cancelled")
        if progress is not None:
            progress(number, len(STEPS), STEPS[number])

    step(0)
    summaries = library.summaries()
    keep_recurring = recurring_filter({s.id: day_of(s) for s in summaries}, settings)
    seen = 0

    def keep(ids: list[int]) -> bool:
        nonlocal seen
        seen += 1
        if seen % CHECK_EVERY == 0 and cancelled is not None and cancelled():
            raise GroupingCancelled("grouping cancelled")
        return keep_recurring(ids)

    step(1)
    pairs, sizes = library.reuse.pair_counts(keep), library.reuse.sizes()
    step(2)
    stories = group_library(summaries, pairs, sizes, settings, related=related)
    if since:
        stories = [story for story in stories if (story.last_seen or "") >= since]
    return stories


def story_containing(library: Library, article_id: int, settings: GroupingSettings = GROUPING) -> Story:
    """The story an article belongs to; LibraryError when it shares no story with any other."""
    library.summary(article_id)
    for story in stories_of(library, settings=settings):
        if article_id in story.article_ids:
            return story
    raise LibraryError(f"article {article_id} is in no story: no other report shares enough of its text")


__all__ = [
    "STEPS",
    "GroupingCancelled",
    "Story",
    "StoryView",
    "build_story_view",
    "stories_of",
    "story_containing",
]
