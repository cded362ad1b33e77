"""The view of one story: the base report, what each report reprints, adds and drops, the
collation table, the matrix of shared shares and who took from whom.

The collation runs the comparison engine (reader.compare) on the base against each report: this
package sits above both the engine and the library (ui -> stories -> compare / library -> text),
so the library never needs the engine. The matrix and the provenance use the reuse index's
fingerprints (one set intersection per pair rather than one alignment per pair: a story of 20
reports has 190 pairs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.compare import compare
from reader.compare.model import Comparison
from reader.library import Library
from reader.stories.model import (
    ABSENT,
    REWORDED,
    SAME,
    Cell,
    Reason,
    ReportSummary,
    Story,
    StoryView,
    moment_of,
)
from reader.stories.provenance import trace
from reader.text.sentences import sentences

Progress = Callable[[int, int, str], None]

# Outlets whose report, when a story has one, is the base: the agency copy the others reprint.
AGENCIES = frozenset({"was", "spa", "واس", "وكالة الأنباء السعودية", "afp", "reuters", "ap", "رويترز"})


@dataclass(frozen=True)
class CollationSettings:
    same: float = 0.95  # share of a sentence's letters word for word in the report: "same"
    reworded: float = 0.5  # share carried, changed words included: "reworded"; less: "absent"


COLLATION = CollationSettings()


BASE_PHRASES = {  # why a report is the base, in English (the window translates them)
    "agency": "the agency's report ({name})",
    "earliest": "the earliest report ({when})",
    "first": "the first report (no dates)",
}


def choose_base(library: Library, story: Story) -> tuple[int, Reason]:
    """The agency's report when an agency is among the outlets, else the earliest report."""
    summaries = [library.summary(article_id) for article_id in story.article_ids]
    for summary in summaries:
        if summary.source.strip().lower() in AGENCIES:
            return summary.id, Reason("agency", (("name", summary.source),))
    first = summaries[0]
    when = moment_of(first)
    return first.id, Reason("earliest", (("when", when),)) if when else Reason("first")


def _visible(text: str, start: int, end: int) -> int:
    return sum(1 for ch in text[start:end] if not ch.isspace())


def collate_sentence(
    base_text: str, start: int, end: int, comparison: Comparison, settings: CollationSettings = COLLATION
) -> Cell:
    """How one base sentence fares in one report, from the base side of their comparison."""
    counts = {"same": 0, "changed": 0, "only": 0}
    by_passage: dict[int, int] = {}
    for segment in comparison.segments_a:
        if segment.end <= start:
            continue
        if segment.start >= end:
            break
        letters = _visible(base_text, max(start, segment.start), min(end, segment.end))
        counts[segment.kind] += letters
        if segment.passage is not None:
            by_passage[segment.passage] = by_passage.get(segment.passage, 0) + letters
    total = sum(counts.values())
    if not total or not by_passage:
        return Cell(ABSENT, None)
    passage = comparison.passages[max(by_passage, key=by_passage.__getitem__)].b
    if counts["same"] / total >= settings.same:
        return Cell(SAME, passage)
    if (counts["same"] + counts["changed"]) / total >= settings.reworded:
        return Cell(REWORDED, passage)
    return Cell(ABSENT, None)


def _verbatim(base_text: str, comparison: Comparison) -> float:
    total = _visible(base_text, 0, len(base_text))
    same = sum(_visible(base_text, s.start, s.end) for s in comparison.segments_a if s.kind == "same")
    return same / total if total else 0.0


def fingerprint_shares(library: Library, article_ids: tuple[int, ...]) -> dict[tuple[int, int], float]:
    """shares[i, j]: the share of report i's own text (its fingerprints outside boilerplate) that
    report j holds too. Boilerplate is left out of the whole as well as of the part, or a
    congratulation cable, half honorific titles, would never count as more than half reprinted."""
    prints = library.reuse.fingerprints_of(list(article_ids))
    sizes = {article_id: max(1, len(prints[article_id])) for article_id in article_ids}
    return {(i, j): len(prints[i] & prints[j]) / sizes[i] for i in article_ids for j in article_ids if i != j}


def build_story_view(library: Library, story: Story, progress: Progress | None = None) -> StoryView:
    """Everything the story view shows; `progress(done, total, label)` after each comparison."""
    base_id, base_why = choose_base(library, story)
    base_text = library.text(base_id)
    rows = sentences(base_text)
    others = [article_id for article_id in story.article_ids if article_id != base_id]
    reports: list[ReportSummary] = []
    columns: list[list[Cell]] = []
    for done, article_id in enumerate(others):
        if progress is not None:
            progress(done, len(others), f"comparing #{article_id} with the base #{base_id}")
        summary = library.summary(article_id)
        comparison = compare(base_text, library.text(article_id))
        stats = comparison.stats
        reports.append(
            ReportSummary(
                article_id=article_id,
                source=summary.source,
                moment=moment_of(summary),
                title=summary.title,
                reprints=stats.shared_a,
                adds=1.0 - stats.shared_b,
                drops=1.0 - stats.shared_a,
                verbatim=_verbatim(base_text, comparison),
            )
        )
        columns.append([collate_sentence(base_text, s.start, s.end, comparison) for s in rows])
    shares = fingerprint_shares(library, story.article_ids)
    matrix = tuple(
        tuple(1.0 if i == j else shares[i, j] for j in story.article_ids) for i in story.article_ids
    )
    summaries = [library.summary(article_id) for article_id in story.article_ids]
    if progress is not None:
        progress(len(others), len(others), "")
    return StoryView(
        story=story,
        base_id=base_id,
        base_reason=BASE_PHRASES[base_why.kind].format(**dict(base_why.values)),
        base_why=base_why,
        sentences=tuple((s.start, s.end) for s in rows),
        reports=tuple(reports),
        collation=tuple(tuple(column[row] for column in columns) for row in range(len(rows))),
        shares=matrix,
        provenance=tuple(trace(summaries, shares)),
    )
