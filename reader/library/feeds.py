"""RSS and Atom feeds, from a file or a URL: one article per entry.

An entry's text is its full content (`content:encoded`, Atom `content`) when the feed carries it;
when it holds only a summary, the linked page is fetched and its article extracted (trafilatura,
as for saved pages). The feed, a page that cannot be fetched and an entry with no text each fail
with one line saying why (network error, HTTP status, timeout, not a feed); nothing of a failed
entry is written.
"""

from __future__ import annotations

import calendar
import json
import socket
import ssl
import urllib.error
import urllib.request
import xml.sax
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from reader.library.errors import LibraryError
from reader.library.importers import MAX_BYTES, Draft, draft_from_html, is_url, make_draft, read_bytes

USER_AGENT = "Qarin (news reader; +feed import)"


@dataclass(frozen=True)
class FeedSettings:
    timeout: float = 15.0  # seconds for one request (the feed, or one linked page)


FEEDS = FeedSettings()


def fetch(url: str, settings: FeedSettings = FEEDS) -> bytes:
    """The body at `url`; LibraryError in one line for every way a request can fail."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=settings.timeout) as response:
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise LibraryError(f"the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise LibraryError(f"no answer within {settings.timeout:g} s") from None
        if isinstance(reason, ssl.SSLError):
            raise LibraryError(f"secure connection failed ({reason.reason or reason})") from None
        if isinstance(reason, OSError) and reason.strerror:
            raise LibraryError(f"cannot connect: {reason.strerror}") from None
        raise LibraryError(f"cannot connect: {reason}") from None
    except TimeoutError:
        raise LibraryError(f"no answer within {settings.timeout:g} s") from None
    except (OSError, ValueError) as error:
        raise LibraryError(f"cannot fetch it: {error}") from None
    if len(data) > MAX_BYTES:
        raise LibraryError(f"too large (over {MAX_BYTES // (1024 * 1024)} MiB)")
    return data


def _html_text(fragment: str) -> str:
    """Readable text of an entry's HTML: one paragraph a line, tags and scripts gone."""
    import lxml.html  # noqa: PLC0415 - only feeds with HTML content need it

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return fragment.strip()
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for element in root.iter("br", "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _moment(entry: dict) -> tuple[str | None, str | None]:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None, None
    moment = datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    return moment.date().isoformat(), moment.strftime("%H:%M:%S")


def draft_from_entry(entry: dict, feed_title: str, origin: str, settings: FeedSettings = FEEDS) -> Draft:
    date, time = _moment(entry)
    link = entry.get("link") or ""
    title = " ".join((entry.get("title") or "").split()) or None
    author = entry.get("author") or ""
    contents = [c.get("value", "") for c in entry.get("content") or [] if c.get("value", "").strip()]
    if contents:
        body = _html_text(max(contents, key=len))
        if not body.strip():
            raise LibraryError("the entry's content has no text")
        original = json.dumps({"title": title, "link": link, "content": contents}, ensure_ascii=False)
        return make_draft(
            body, original=original.encode("utf-8"), encoding="utf-8", format="feed", origin=link or origin,
            title=title, source=feed_title, date=date, time=time, author=author,
        )  # fmt: skip
    if not is_url(link):
        summary = _html_text(entry.get("summary") or "")
        if not summary:
            raise LibraryError("the entry has no text and no link to its page")
        return make_draft(
            summary, original=summary.encode("utf-8"), encoding="utf-8", format="feed", origin=origin,
            title=title, source=feed_title, date=date, time=time, author=author,
        )  # fmt: skip
    try:
        page = fetch(link, settings)
    except LibraryError as error:
        raise LibraryError(f"the feed holds only a summary, and its page {link} failed: {error}") from None
    draft = draft_from_html(page, origin=link, title=title)
    return replace(
        draft,
        source=feed_title or draft.source,
        date=date or draft.date,
        time=time,
        author=" ".join(author.split()),
    )


def parse_feed(data: bytes) -> tuple[str, list[dict]]:
    """(feed title, entries); LibraryError when the data is no feed."""
    import feedparser  # noqa: PLC0415 - slow to import; only feeds need it

    parsed = feedparser.parse(data)
    problem = parsed.get("bozo_exception")
    if isinstance(problem, xml.sax.SAXException):  # a cut-off or broken document: refused whole
        where = f" at line {problem.getLineNumber()}" if hasattr(problem, "getLineNumber") else ""
        raise LibraryError(f"not an RSS or Atom feed (malformed XML: {problem.getMessage()}{where})")
    entries = [entry for entry in parsed.get("entries") or [] if entry]
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            detail = str(problem).split("\n")[0] if problem else "unreadable"
            raise LibraryError(f"not an RSS or Atom feed ({detail})")
        if parsed.get("version"):
            raise LibraryError("the feed has no entries")
        raise LibraryError("not an RSS or Atom feed")
    title = " ".join((parsed.get("feed", {}).get("title") or "").split())
    return title, entries


def feed_items(source: str, settings: FeedSettings = FEEDS) -> Iterator[tuple[str, object]]:
    """(label, make-draft function) for every entry of the feed at a URL or in a file."""
    data = fetch(source, settings) if is_url(source) else read_bytes(Path(source))
    title, entries = parse_feed(data)
    for number, entry in enumerate(entries):
        label = entry.get("link") or f"{source}#{number}"
        yield label, partial(draft_from_entry, entry, title, f"{source}#{number}", settings)
