"""Grouping a library's articles into stories: reports that share substantial text.

Two reports are linked when they share at least `min_shared` fingerprints (boilerplate left out by
the reuse index) covering at least `min_containment` of the shorter one, and were published within
`max_span_days` of each other. Linked reports are then clustered, strongest links first, as in
average-linkage clustering: two groups merge only when more than `min_density` (half) of the pairs
between them are linked and the merged story spans at most `max_span_days`.

Why not simply the connected components of the links (single linkage): a digest that reprints
five agency items links all five stories, and a daily weather bulletin links every day to the next;
components chain them into one "story" of hundreds of reports. Requiring most pairs across two
groups to be linked keeps each story to reports that really share its text; the span keeps a
recurring template from gathering a fortnight of bulletins.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date as Date

from reader.library import ArticleSummary
from reader.stories.model import Story, moment_of
from reader.stories.related import join_related
from reader.text.normalize import fold_word
from reader.text.search_fold import fold_chars
from reader.text.stopwords import stopword_keys

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class GroupingSettings:
    """What makes two reports one story (measured on SaudiNewsNet: bench/eval_stories.py)."""

    min_shared: int = 6  # fingerprints: about two dozen words in common (winnowing keeps ~2 in 5)
    min_containment: float = 0.2  # of the shorter report: a reprint, not a quoted line
    min_density: float = 0.5  # more than this share of the pairs across two groups must be linked
    max_span_days: int = 3  # from a story's first report to its last
    # a fingerprint held on more distinct days than a story can span is a recurring template
    # (the wording of congratulation cables, weather bulletins, market reports), not a story's text
    recurring_days: int = 5


GROUPING = GroupingSettings()


@dataclass(frozen=True)
class Link:
    """Two reports sharing text: `shared` fingerprints, the shares of each the other covers."""

    first: int
    second: int
    shared: int
    share_of_first: float
    share_of_second: float

    @property
    def strength(self) -> float:
        return max(self.share_of_first, self.share_of_second)


def links_between(
    pair_counts: Mapping[tuple[int, int], int],
    sizes: Mapping[int, int],
    days: Mapping[int, Date | None],
    settings: GroupingSettings = GROUPING,
) -> list[Link]:
    """The pairs that share substantial text and were published close enough together."""
    links = []
    for (first, second), shared in pair_counts.items():
        if shared < settings.min_shared:
            continue
        size_first, size_second = sizes.get(first, 0), sizes.get(second, 0)
        if not size_first or not size_second:
            continue
        if shared / min(size_first, size_second) < settings.min_containment:
            continue
        day_first, day_second = days.get(first), days.get(second)
        if day_first and day_second and abs((day_first - day_second).days) > settings.max_span_days:
            continue
        links.append(Link(first, second, shared, shared / size_first, shared / size_second))
    links.sort(key=lambda link: (-link.strength, -link.shared, link.first, link.second))
    return links


def cluster(
    links: Iterable[Link], days: Mapping[int, Date | None], settings: GroupingSettings = GROUPING
) -> list[list[int]]:
    """Groups of two or more articles, strongest links merged first (see the module docstring)."""
    neighbours: dict[int, set[int]] = defaultdict(set)
    ordered = list(links)
    for link in ordered:
        neighbours[link.first].add(link.second)
        neighbours[link.second].add(link.first)
    group_of: dict[int, int] = {}
    members: dict[int, list[int]] = {}
    span: dict[int, tuple[Date | None, Date | None]] = {}
    for article in neighbours:
        group_of[article] = article
        members[article] = [article]
        span[article] = (days.get(article), days.get(article))
    for link in ordered:
        one, other = group_of[link.first], group_of[link.second]
        if one == other:
            continue
        if len(members[one]) < len(members[other]):
            one, other = other, one
        merged_span = _merge_spans(span[one], span[other])
        if (
            merged_span[0]
            and merged_span[1]
            and (merged_span[1] - merged_span[0]).days > settings.max_span_days
        ):
            continue
        across = sum(1 for article in members[other] for n in neighbours[article] if group_of[n] == one)
        if across <= settings.min_density * len(members[one]) * len(members[other]):
            continue
        for article in members[other]:
            group_of[article] = one
        members[one].extend(members.pop(other))
        span[one] = merged_span
    return [sorted(group) for group in members.values() if len(group) > 1]


def _merge_spans(
    first: tuple[Date | None, Date | None], second: tuple[Date | None, Date | None]
) -> tuple[Date | None, Date | None]:
    starts = [day for day in (first[0], second[0]) if day]
    ends = [day for day in (first[1], second[1]) if day]
    return (min(starts) if starts else None, max(ends) if ends else None)


def day_of(summary: ArticleSummary) -> Date | None:
    try:
        return Date.fromisoformat(summary.date) if summary.date else None
    except ValueError:
        return None


def make_story(reports: list[ArticleSummary]) -> Story:
    """A story from its reports (any order): sorted by time, with its headline, outlets and span."""
    ordered = sorted(reports, key=lambda s: (moment_of(s) or "9999", s.id))
    outlets = list(dict.fromkeys(s.source for s in ordered if s.source))
    moments = [m for m in (moment_of(s) for s in ordered) if m]
    return Story(
        headline=headline_of(ordered),
        article_ids=tuple(s.id for s in ordered),
        outlets=tuple(outlets),
        first_seen=moments[0] if moments else None,
        last_seen=moments[-1] if moments else None,
    )


def headline_of(reports: list[ArticleSummary]) -> str:
    """The title most like the others (the most words in common with them), Arabic preferred,
    the earliest among equals: the wording most outlets chose, not one outlet's slant."""
    stop = stopword_keys()
    bags = [{fold_word(w) for w in fold_chars(s.title).split()} - stop for s in reports]
    arabic = [any("\u0600" <= ch <= "\u06ff" for ch in s.title) for s in reports]

    def score(index: int) -> tuple[bool, float, int]:
        mine = bags[index]
        alike = sum(
            len(mine & other) / len(mine | other)
            for k, other in enumerate(bags)
            if k != index and mine | other
        )
        return (arabic[index], alike, -index)

    return reports[max(range(len(reports)), key=score)].title


def recurring_filter(
    days: Mapping[int, Date | None], settings: GroupingSettings = GROUPING
) -> Callable[[list[int]], bool]:
    """Keep a fingerprint unless its holders were published on `recurring_days` or more days."""
    limit = settings.recurring_days

    def keep(ids: list[int]) -> bool:
        return len(ids) < limit or len({days.get(i) for i in ids}) < limit

    return keep


def group_library(
    summaries: Iterable[ArticleSummary],
    pair_counts: Mapping[tuple[int, int], int],
    sizes: Mapping[int, int],
    settings: GroupingSettings = GROUPING,
    related: bool = False,
) -> list[Story]:
    """Every story of two or more reports, latest first. `related`: also join same-period reports
    on the same event that share little wording (reader/stories/related.py)."""
    by_id = {s.id: s for s in summaries}
    days = {article_id: day_of(summary) for article_id, summary in by_id.items()}
    links = links_between(pair_counts, sizes, days, settings)
    groups = cluster(links, days, settings)
    if related:
        groups = join_related(groups, by_id, days)
    stories = [make_story([by_id[i] for i in group if i in by_id]) for group in groups]
    stories.sort(key=lambda story: (story.last_seen or "", story.article_ids[0]), reverse=True)
    return stories
