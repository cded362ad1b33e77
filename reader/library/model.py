"""Frozen records the library hands out: summaries for lists, full articles, search hits, reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class ArticleSummary(NamedTuple):
    """One row of the article list: everything but the texts, so 10,000 of them load at once (a
    named tuple, made three times faster than a frozen dataclass: the list waits for them)."""

    id: int
    title: str
    source: str
    date: str | None  # ISO YYYY-MM-DD
    words: int
    origin: str  # the path it came from, or "pasted"
    imported_at: str  # ISO timestamp, UTC
    has_bidi_controls: bool
    time: str | None = None  # HH:MM[:SS] on `date`, when the source gave one
    author: str = ""


@dataclass(frozen=True)
class RemovedLine:
    """A piece of scraper leftover taken out of the cleaned text; `restore_line` puts it back.

    `line` counts lines of `Article.extracted`; `start`/`end` are `str` offsets inside that line
    (a whole line, or a prefix such as `date 2025-11-07 `).
    """

    line: int
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    """Everything the library keeps about one article."""

    id: int
    title: str
    source: str
    date: str | None
    language: str  # "ar", "en" or "und"
    origin: str
    format: str  # "txt", "html" or "pasted"
    imported_at: str
    content_hash: str
    original: bytes  # exactly as imported (file bytes, or the pasted text in UTF-8)
    encoding: str | None  # how `original` was decoded
    extracted: str  # decoded (HTML: extracted) text with line endings normalised, before cleaning
    text: str  # the cleaned text shown and compared
    words: int
    has_bidi_controls: bool
    removed: tuple[RemovedLine, ...] = ()
    time: str | None = None
    author: str = ""


@dataclass(frozen=True)
class SearchHit:
    """A ranked search result. `highlights` are (start, end) offsets of the hits inside `snippet`."""

    article_id: int
    score: float  # higher is better
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()

    def marked(self, opening: str = "«", closing: str = "»") -> str:
        """The snippet with each hit wrapped in markers (plain-text output)."""
        parts: list[str] = []
        position = 0
        for start, end in self.highlights:
            parts += [self.snippet[position:start], opening, self.snippet[start:end], closing]
            position = end
        parts.append(self.snippet[position:])
        return "".join(parts)


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one imported text: a new article, or the id of the one it duplicates."""

    article_id: int
    duplicate: bool
    title: str


@dataclass
class ImportReport:
    """The result of importing files and folders, filled in as the import goes; bad files are named
    with their reason."""

    imported: list[int] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (path, existing article id)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed
