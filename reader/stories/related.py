"""The optional second pass: same-period reports on the same event that share little wording.

Outlets that rewrite a story rather than reprint it share few sentences, but their headlines name
the same people, places and figures. Each story (or lone report) is described by the rare words of
its reports' titles: words in at most `rare_share` of the library's titles (names and places;
honorific titles and common verbs are in far more) and seen on fewer than `recurring_days` days (a
recurring column's or a series' name is not an event's). Two of them published within `max_span_days`
join when they have at least `min_words` rare title words in common and a Jaccard of at least
`min_jaccard`. Each story joins at most one other in this pass (the best match first), so
headlines alone never chain a string of stories together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date

from reader.library import ArticleSummary
from reader.library.search import word_keys, words_of
from reader.text.stopwords import stopword_keys


@dataclass(frozen=True)
class RelatedSettings:
    rare_share: float = 0.002  # of the library's titles: a word rarer than this names something
    min_words: int = 2
    min_jaccard: float = 0.4
    max_span_days: int = 2
    recurring_days: int = 3  # a title word seen on this many days names a column or a series


RELATED = RelatedSettings()


def _title_words(summary: ArticleSummary, stop: frozenset[str]) -> set[str]:
    """Folded title words without their clitic prefixes (التشيكيين and تشيكيين are one name)."""
    words = {word_keys(w)[1] for w in words_of(summary.title)}
    return {w for w in words if len(w) > 2 and w.isalpha()} - stop  # no figures, no `&#8211` leftovers


def join_related(
    groups: Sequence[list[int]],
    summaries: dict[int, ArticleSummary],
    days: dict[int, Date | None],
    settings: RelatedSettings = RELATED,
) -> list[list[int]]:
    """`groups` (stories of shared text) and every lone article, with same-event pairs joined."""
    stop = stopword_keys()
    words = {article_id: _title_words(summary, stop) for article_id, summary in summaries.items()}
    frequency = Counter(word for bag in words.values() for word in bag)
    seen_on: dict[str, set[Date | None]] = {}
    for article_id, bag in words.items():
        for word in bag:
            seen_on.setdefault(word, set()).add(days.get(article_id))
    limit = max(2, settings.rare_share * len(summaries))
    names = {w for w, n in frequency.items() if n <= limit and len(seen_on[w]) < settings.recurring_days}
    rare = {article_id: bag & names for article_id, bag in words.items()}
    grouped = {article for group in groups for article in group}
    units = [list(group) for group in groups] + [[i] for i in summaries if i not in grouped]
    bags = [set().union(*(rare[i] for i in unit)) for unit in units]
    spans = [_span([days.get(i) for i in unit]) for unit in units]
    holders: dict[str, list[int]] = {}
    for number, bag in enumerate(bags):
        for word in bag:
            holders.setdefault(word, []).append(number)
    common: Counter[tuple[int, int]] = Counter()
    for members in holders.values():
        if len(members) <= limit:
            for k, first in enumerate(members):
                for second in members[k + 1 :]:
                    common[first, second] += 1
    candidates = []
    for (first, second), shared in common.items():
        if shared < settings.min_words:
            continue
        jaccard = shared / len(bags[first] | bags[second])
        merged = _span([*spans[first], *spans[second]])
        too_long = merged[0] and merged[1] and (merged[1] - merged[0]).days > settings.max_span_days
        if jaccard < settings.min_jaccard or too_long:
            continue
        candidates.append((jaccard, first, second))
    joined: set[int] = set()
    result: list[list[int]] = []
    for _, first, second in sorted(candidates, reverse=True):
        if first in joined or second in joined:
            continue
        joined.update((first, second))
        result.append(sorted(units[first] + units[second]))
    result += [unit for number, unit in enumerate(units) if number not in joined and len(unit) > 1]
    return result


def _span(days: Sequence[Date | None]) -> tuple[Date | None, Date | None]:
    known = [day for day in days if day]
    return (min(known), max(known)) if known else (None, None)
