"""Who took what from whom: for each report of a story, the report its text most likely came from.

Two kinds of evidence, weighed as an editor would:
- dates and times: the earlier report is the source. Scraped archives often carry the time a page
  was fetched rather than published, so the order of times is a hint, not proof.
- containment: when one report holds another's text and more besides, it is the later one (the
  copy that added to what it took); a report whose text is mostly in another took from it.

A report's source is the earlier report (by time) that covers most of its text; with no time to go
by, the one whose text it holds plus more. When the two kinds of evidence disagree, the report's
source is still the one the text points to, and the evidence says that the dates disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from reader.library import ArticleSummary
from reader.stories.model import Provenance, Reason, moment_of


@dataclass(frozen=True)
class ProvenanceSettings:
    contained: float = 0.8  # share of a report found in another for "holds its text"
    related: float = 0.1  # share of a report found in another for it to be a candidate source


PROVENANCE = ProvenanceSettings()

AGREE, TEXT_ONLY, DISAGREE, NONE = "dates and text agree", "text only", "dates and text disagree", "none"


def _parse(moment: str | None) -> datetime | None:
    if not moment:
        return None
    try:
        return datetime.fromisoformat(moment)
    except ValueError:
        return None


# The evidence in English words, one phrase per kind of Reason; the window says the same in the
# user's language (reader/ui/stories/evidence.py).
PHRASES = {
    "published_after": "published {gap} after {source}",
    "text_in": "{share} of its text is in {source}, and it carries {back} of that one's",
    "expanded": "it holds that report's text plus more of its own, as a later version does",
    "source_holds": "{source} holds all of this text plus more, which is what a later version looks like",
    "no_time": "no time tells them apart",
    "fetched": "the times may be when the pages were fetched rather than published",
    "apart": "no other report of the story carries much of its text: it was written apart",
    "earliest": "the earliest report: the others carry its text",
    "all_later": "the reports that share its text are all dated later: it is where they took it from",
}


def gap_words(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60:02d} min"
    return f"{minutes // (24 * 60)} days"


def report_name(article_id: int, outlet: str) -> str:
    return f"#{article_id} ({outlet or 'no source'})"


def in_words(reason: Reason) -> str:
    """A reason as the English evidence says it."""
    values = dict(reason.values)
    fields = {}
    if "source" in values:
        fields["source"] = report_name(values["source"], values["name"])
    if "minutes" in values:
        fields["gap"] = gap_words(values["minutes"])
    for key in ("share", "back"):
        if key in values:
            fields[key] = f"{values[key]:.0%}"
    return PHRASES[reason.kind].format(**fields)


def _minutes(earlier: datetime, later: datetime) -> int:
    return int((later - earlier).total_seconds() // 60)


def _of(summary: ArticleSummary) -> tuple[tuple[str, object], ...]:
    return (("source", summary.id), ("name", summary.source))


def _provenance(report: int, source: int | None, confidence: str, reasons: list[Reason]) -> Provenance:
    evidence = "; ".join(in_words(reason) for reason in reasons)
    return Provenance(report, source, confidence, evidence, tuple(reasons))


def trace(
    reports: Sequence[ArticleSummary],
    shares: Mapping[tuple[int, int], float],
    settings: ProvenanceSettings = PROVENANCE,
) -> list[Provenance]:
    """One Provenance per report, in the given (story) order.

    `shares[r, s]` is the share of report r's text that report s also has.
    """
    moments = {r.id: _parse(moment_of(r)) for r in reports}
    result = []
    for report in reports:
        best: tuple[float, int, ArticleSummary] | None = None
        for position, other in enumerate(reports):
            if other.id == report.id or shares.get((report.id, other.id), 0.0) < settings.related:
                continue
            if not _may_precede(other, report, moments, shares, settings):
                continue
            candidate = (shares[report.id, other.id], -position, other)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        if best is None:
            result.append(_provenance(report.id, None, NONE, [_no_source(report, reports, shares, settings)]))
            continue
        result.append(_explain(report, best[2], moments, shares, settings))
    return result


def _may_precede(
    source: ArticleSummary,
    report: ArticleSummary,
    moments: Mapping[int, datetime | None],
    shares: Mapping[tuple[int, int], float],
    settings: ProvenanceSettings,
) -> bool:
    """`source` could be where `report` took its text from."""
    holds_source = shares.get((source.id, report.id), 0.0) >= settings.contained
    source_holds = shares.get((report.id, source.id), 0.0) >= settings.contained
    expanded = holds_source and not source_holds  # report = source's text + more: report is later
    shortened_source = source_holds and not holds_source  # source = report's text + more: source later
    when_source, when_report = moments[source.id], moments[report.id]
    if when_source is None or when_report is None or when_source == when_report:
        return expanded or (not shortened_source and source.id < report.id)
    if when_source < when_report:
        return True
    return False


def _explain(
    report: ArticleSummary,
    source: ArticleSummary,
    moments: Mapping[int, datetime | None],
    shares: Mapping[tuple[int, int], float],
    settings: ProvenanceSettings,
) -> Provenance:
    in_source = shares.get((report.id, source.id), 0.0)
    of_source = shares.get((source.id, report.id), 0.0)
    reasons = [Reason("text_in", (*_of(source), ("share", in_source), ("back", of_source)))]
    when_source, when_report = moments[source.id], moments[report.id]
    dated = when_source is not None and when_report is not None and when_source != when_report
    if dated:
        minutes = _minutes(when_source, when_report)
        reasons.insert(0, Reason("published_after", (*_of(source), ("minutes", minutes))))
    expanded = of_source >= settings.contained and in_source < settings.contained
    shortened_source = in_source >= settings.contained and of_source < settings.contained
    if expanded:
        reasons.append(Reason("expanded"))
    elif shortened_source:
        reasons.append(Reason("source_holds", _of(source)))
    if not dated:
        confidence = TEXT_ONLY
        reasons.append(Reason("no_time"))
    elif shortened_source:
        confidence = DISAGREE
        reasons.append(Reason("fetched"))
    else:
        confidence = AGREE
    return _provenance(report.id, source.id, confidence, reasons)


def _no_source(
    report: ArticleSummary,
    reports: Sequence[ArticleSummary],
    shares: Mapping[tuple[int, int], float],
    settings: ProvenanceSettings,
) -> Reason:
    sharing = [
        o for o in reports if o.id != report.id and shares.get((report.id, o.id), 0.0) >= settings.related
    ]
    if not sharing:
        return Reason("apart")
    if report.id == reports[0].id or all(_parse(moment_of(o)) is None for o in sharing):
        return Reason("earliest")
    return Reason("all_later")
