"""Frozen records of stories: a story in the list, and everything its view shows."""

from __future__ import annotations

from dataclasses import dataclass

from reader.library import ArticleSummary


def moment_of(summary: ArticleSummary) -> str | None:
    """`YYYY-MM-DD HH:MM[:SS]` (or the date alone), comparable as text; None when undated."""
    if not summary.date:
        return None
    return f"{summary.date} {summary.time}" if summary.time else summary.date


@dataclass(frozen=True)
class Story:
    """Reports of one story, earliest first."""

    headline: str
    article_ids: tuple[int, ...]
    outlets: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None

    @property
    def id(self) -> int:
        """The story is named by its earliest report."""
        return self.article_ids[0]

    @property
    def reports(self) -> int:
        return len(self.article_ids)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "headline": self.headline,
            "reports": self.reports,
            "article_ids": list(self.article_ids),
            "outlets": list(self.outlets),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
        }


# --- the view of one story ---------------------------------------------------------------------

SAME, REWORDED, ABSENT = "same", "reworded", "absent"


@dataclass(frozen=True)
class Cell:
    """One base sentence in one report: `kind` is same / reworded / absent; `passage` is the
    report's counterpart as (start, end) offsets into the report's text, None when absent."""

    kind: str
    passage: tuple[int, int] | None


@dataclass(frozen=True)
class ReportSummary:
    """One report against the base: how much of the base it reprints, adds, drops (shares of letters)."""

    article_id: int
    source: str
    moment: str | None
    title: str
    reprints: float  # share of the base this report carries (same or reworded)
    adds: float  # share of this report that the base does not have
    drops: float  # share of the base this report leaves out
    verbatim: float  # share of the base it carries word for word


@dataclass(frozen=True)
class Reason:
    """One piece of evidence, as data: `kind` names its phrase (reader.stories.provenance.PHRASES,
    which the window translates) and `values` fill it in (`source`: the other report's id,
    `name`: its outlet, `minutes`, `share`, `back`: shares 0..1)."""

    kind: str
    values: tuple[tuple[str, object], ...] = ()

    def value(self, name: str) -> object:
        return dict(self.values)[name]


@dataclass(frozen=True)
class Provenance:
    """Where one report's text most likely came from, and why (`evidence` in English words, from
    `reasons`)."""

    article_id: int
    source_id: int | None  # None: nothing earlier in the story holds its text
    confidence: str  # "dates and text agree", "text only", "dates only", ...
    evidence: str
    reasons: tuple[Reason, ...] = ()

    def to_dict(self) -> dict:
        return {key: value for key, value in vars(self).items() if key != "reasons"}


@dataclass(frozen=True)
class StoryView:
    """Everything the story view shows, computed off the GUI thread."""

    story: Story
    base_id: int
    base_reason: str
    base_why: Reason  # base_reason as data: agency (name), earliest (when) or first
    sentences: tuple[tuple[int, int], ...]  # the base report's sentences: (start, end) offsets
    reports: tuple[ReportSummary, ...]  # the other reports, in story order
    collation: tuple[tuple[Cell, ...], ...]  # [sentence][report] for `reports`
    shares: tuple[tuple[float, ...], ...]  # [i][j]: share of story report i's text report j covers
    provenance: tuple[Provenance, ...]  # one per story report, in story order

    def to_dict(self, base_text: str) -> dict:
        return {
            "story": self.story.to_dict(),
            "base": {"id": self.base_id, "why": self.base_reason},
            "reports": [vars(report) for report in self.reports],
            "collation": [
                {
                    "sentence": base_text[start:end],
                    "offsets": [start, end],
                    "cells": [
                        {"id": report.article_id, "kind": cell.kind, "passage": cell.passage}
                        for report, cell in zip(self.reports, row, strict=True)
                    ],
                }
                for (start, end), row in zip(self.sentences, self.collation, strict=True)
            ],
            "shares": {"ids": list(self.story.article_ids), "matrix": [list(row) for row in self.shares]},
            "provenance": [item.to_dict() for item in self.provenance],
        }
