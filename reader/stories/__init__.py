"""Stories: every report of one story across the library, and who took what from whom.

Qt-free; the window's story view (reader/ui/stories) and `qarin stories | story` use this API.
Layering: ui / commands -> stories -> compare / library -> text. The library indexes shared text
(reader/library/reuse.py) without the engine; this package groups with that index and collates
with the engine.
"""

from __future__ import annotations

from reader.library import Library, LibraryError
from reader.stories.grouping import GROUPING, GroupingSettings, day_of, group_library, recurring_filter
from reader.stories.model import Story, StoryView
from reader.stories.view import build_story_view


def stories_of(
    library: Library, since: str | None = None, settings: GroupingSettings = GROUPING, related: bool = False
) -> list[Story]:
    """Every story of two or more reports (latest first); `since`: only those seen on or after it;
    `related`: also same-period reports on the same event that share little wording."""
    summaries = library.summaries()
    keep = recurring_filter({s.id: day_of(s) for s in summaries}, settings)
    pairs, sizes = library.reuse.pair_counts(keep), library.reuse.sizes()
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


__all__ = ["Story", "StoryView", "build_story_view", "stories_of", "story_containing"]
