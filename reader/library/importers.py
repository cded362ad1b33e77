"""Turning files, folders, HTML pages and pasted text into drafts the store can save.

A draft is everything known about an article before it gets an id: the original bytes, the
extracted text, the removals found by cleaning and the metadata read on the way.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from reader.library.cleaning import apply_removals, find_removals, normalise_newlines
from reader.library.errors import LibraryError
from reader.library.html_page import (
    mostly_links,
    plain_text,
    protect_controls,
    restore_controls,
    without_scripts,
)
from reader.library.metadata import detect_language, title_from_lines
from reader.library.model import RemovedLine
from reader.library.search import index_columns, words_of
from reader.text.decoding import MAX_FILE_BYTES, InputError, decode_bytes, read_file_bytes, too_large
from reader.text.normalize import has_bidi_controls
from reader.text.shingles import fingerprints

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
COLLECTION_SUFFIXES = (*JSON_SUFFIXES, ".zip")  # many articles in one file: reader/library/archives.py
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES + HTML_SUFFIXES + COLLECTION_SUFFIXES + (".rss", ".atom")
)  # feeds: reader/library/feeds.py
FEED_SUFFIXES = (".rss", ".atom", ".xml")  # read by reader/library/feeds.py, loaded when one is met
MAX_BYTES = MAX_FILE_BYTES  # the limit the CLI's compare uses too


@dataclass(frozen=True)
class Draft:
    """An article ready to be stored."""

    original: bytes
    encoding: str | None
    format: str  # "txt", "html", "pasted"
    origin: str
    extracted: str
    text: str
    removed: tuple[RemovedLine, ...]
    title: str
    source: str
    date: str | None
    language: str
    words: int
    has_bidi_controls: bool
    content_hash: str
    index: tuple[str, str, str, str]  # the search index columns
    fingerprints: frozenset[int]  # the reuse index's (reader/text/shingles.py)
    author: str = ""
    time: str | None = None  # HH:MM or HH:MM:SS, when the source gave one


def is_url(value: str) -> bool:
    """A feed's address (`qarin import URL`)."""
    return value.startswith(("http://", "https://"))


def content_hash(extracted: str) -> str:
    """Same words, same hash: whatever the encoding or line endings the file came in."""
    return hashlib.sha256(extracted.strip().encode("utf-8")).hexdigest()


def count_words(text: str) -> int:
    return len(words_of(text))


def make_draft(
    extracted: str,
    *,
    original: bytes,
    encoding: str | None,
    format: str,
    origin: str,
    title: str | None = None,
    source: str | None = None,
    date: str | None = None,
    time: str | None = None,
    author: str | None = None,
    today: Date | None = None,
) -> Draft:
    """Clean the text and read its metadata; refuse text with nothing in it."""
    extracted = normalise_newlines(extracted)
    if _SURROGATE_RE.search(extracted):  # lone surrogates (a broken clipboard) cannot be stored as text
        extracted = _SURROGATE_RE.sub("\ufffd", extracted)
    if not extracted.strip():
        raise LibraryError("empty: no text in it")
    if _looks_binary(extracted):
        raise LibraryError("binary data, not text")
    cleaning = find_removals(extracted, today)
    text = apply_removals(extracted, cleaning.removed)
    if not text.strip():
        text, removed = extracted.strip("\n"), ()
    else:
        removed = cleaning.removed
    words = words_of(text)
    title = (title or "").strip() or title_from_lines(text.split("\n"))
    return Draft(
        original=original,
        encoding=encoding,
        format=format,
        origin=origin,
        extracted=extracted,
        text=text,
        removed=removed,
        title=title,
        source=(source or "").strip() or cleaning.source or "",
        date=date or cleaning.date,
        language=detect_language(text),
        words=len(words),
        has_bidi_controls=has_bidi_controls(extracted),
        content_hash=content_hash(extracted),
        index=index_columns(title, text, words),
        fingerprints=fingerprints(words),
        author=" ".join((author or "").split()),
        time=time,
    )


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _looks_binary(text: str) -> bool:
    """Pasted or extracted text full of control characters is binary data (the decoder checks files)."""
    sample = text[:8192]
    return "\x00" in sample or len(_CONTROL_RE.findall(sample)) > len(sample) * 0.02


def _decode(data: bytes) -> tuple[str, str | None]:
    try:
        decoded = decode_bytes(data)
    except InputError as error:
        raise LibraryError(str(error)) from None
    return decoded.text, decoded.encoding


def read_bytes(path: Path) -> bytes:
    try:
        return read_file_bytes(path, MAX_BYTES)
    except InputError as error:
        raise LibraryError(str(error)) from None


def draft_from_bytes(data: bytes, *, origin: str, format: str = "txt", title: str | None = None) -> Draft:
    """A text file's bytes (or stdin's): decoded, cleaned, with metadata."""
    if not data.strip():
        raise LibraryError("empty: no text in it")
    if len(data) > MAX_BYTES:
        raise LibraryError(too_large(len(data), MAX_BYTES))
    text, encoding = _decode(data)
    return make_draft(text, original=data, encoding=encoding, format=format, origin=origin, title=title)


def looks_like_html(data: bytes) -> bool:
    """A saved page rather than text: it opens with a doctype or an <html> tag."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def draft_from_html(data: bytes, *, origin: str, title: str | None = None) -> Draft:
    """A saved web page: body, title, date and site name by trafilatura, without boilerplate.

    Bidi controls are kept (and flagged) as text import keeps them; a page too deeply nested for
    trafilatura is read by a streaming parser; a page of links only is refused (html_page).
    """
    if not data.strip():
        raise LibraryError("empty: no text in it")
    import trafilatura  # noqa: PLC0415 - slow to import; only HTML needs it
    from trafilatura.utils import decode_file  # noqa: PLC0415

    html = protect_controls(without_scripts(decode_file(data)))
    try:
        document = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_links=False,
            include_images=False,
            include_tables=True,
            with_metadata=True,
        )
    except Exception:  # noqa: BLE001 - a page trafilatura cannot parse is read by the fallback below
        document = None
    fields = (document.as_dict() if hasattr(document, "as_dict") else dict(document)) if document else {}
    body, page_title = fields.get("text") or "", fields.get("title") or ""
    if not body.strip():
        fallback_title, fallback_body = plain_text(html)
        page_title, body = page_title or fallback_title, _sentences_only(fallback_body)
    if not body.strip():
        raise LibraryError("no article text found in the HTML")
    if mostly_links(html, body):
        raise LibraryError("no article in the HTML: its text is navigation links only")
    date = fields.get("date")
    return make_draft(
        restore_controls(body),
        original=data,
        encoding=None,
        format="html",
        origin=origin,
        title=title or restore_controls(page_title) or None,
        source=fields.get("sitename"),
        date=date[:10] if isinstance(date, str) and len(date) >= 10 else None,
    )


_MIN_SENTENCE_WORDS = 8  # a fallback body needs at least one line this long to be an article


def _sentences_only(body: str) -> str:
    """A body read without trafilatura is kept only if some line of it reads like prose."""
    return body if any(len(line.split()) >= _MIN_SENTENCE_WORDS for line in body.splitlines()) else ""


def draft_from_path(path: Path) -> Draft:
    data = read_bytes(path)
    origin = str(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        return draft_from_html(data, origin=origin)
    return draft_from_bytes(data, origin=origin)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[tuple[Path, str | None]]:
    """Every file to import, in order: (path, None), or (path, reason) for a path that cannot be."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: list[Path] = []
            unreadable: list[OSError] = []

            for folder, dirnames, filenames in os.walk(path, onerror=lambda e, out=unreadable: out.append(e)):
                dirnames.sort()
                for name in filenames:
                    if name.lower().endswith(SUPPORTED_SUFFIXES) and not name.startswith("."):
                        found.append(Path(folder, name))
            yield from ((item, None) for item in sorted(found))
            for error in unreadable:
                reason = error.strerror.lower() if error.strerror else str(error)
                yield Path(error.filename or path), f"cannot read this folder ({reason})"
            if not found and not unreadable:
                yield path, f"no files to import in this folder (looked for {', '.join(SUPPORTED_SUFFIXES)})"
        elif path.exists():
            yield path, None
        else:
            yield path, "no such file or folder"
