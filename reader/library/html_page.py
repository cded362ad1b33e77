"""A saved web page made ready for trafilatura, and what to do when trafilatura finds nothing.

- Bidi controls: trafilatura drops every unprintable character, so an override in a page's title
  vanished and the article was never flagged. They travel through it as printable stand-ins
  (`protect_controls`) and are put back afterwards (`restore_controls`), as text import keeps them.
- Scripts: htmldate took a date from inside `<script>` code; scripts other than JSON-LD (the
  standard place for a publication date) are cut out before extraction.
- Deep nesting: libxml2 refuses trees deeper than 256 elements, so a page of 100,000 nested tags
  lost its text; `plain_text` reads such a page with the standard library's streaming parser.
- Navigation: a page of menus and links is not an article (`mostly_links`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from reader.text.bidi_controls import CONTROL_NAMES
from reader.text.decoding import InputError, decode_bytes

_STAND_IN = "\u2983Q{:04X}\u2984"  # ⦃Q202E⦄: printable, so trafilatura keeps it
_STAND_IN_RE = re.compile("\u2983Q([0-9A-F]{4})\u2984")
_CONTROL_RE = re.compile("[" + "".join(CONTROL_NAMES) + "]")
_CONTROL_CODES = {ord(ch) for ch in CONTROL_NAMES}
_ENTITY_RE = re.compile(r"&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(lrm|rlm));")
_SCRIPT_RE = re.compile(
    r"<script\b(?![^>]*application/ld\+json)[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL
)
_LINK_RE = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"<[^>]*>")

# Share of an extracted body's letters that sit inside links above which the page is navigation.
MOST_LINKS = 0.8


def protect_controls(html: str) -> str:
    """Bidi controls (as characters or as entities such as `&#x202E;`) replaced by stand-ins."""

    def entity(match: re.Match[str]) -> str:
        decimal, hexadecimal, name = match.groups()
        code = (
            {"lrm": 0x200E, "rlm": 0x200F}[name]
            if name
            else int(decimal or hexadecimal, 16 if hexadecimal else 10)
        )
        return _STAND_IN.format(code) if code in _CONTROL_CODES else match.group()

    html = _ENTITY_RE.sub(entity, html)
    return _CONTROL_RE.sub(lambda match: _STAND_IN.format(ord(match.group())), html)


def restore_controls(text: str) -> str:
    return _STAND_IN_RE.sub(lambda match: chr(int(match.group(1), 16)), text)


def without_scripts(html: str) -> str:
    """The page without its `<script>` elements, except JSON-LD metadata."""
    return _SCRIPT_RE.sub(" ", html)


def mostly_links(html: str, body: str) -> bool:
    """True when nearly all of `body` is link text of the page: a menu or index, not an article."""
    links = {" ".join(_TAG_RE.sub(" ", text).split()) for text in _LINK_RE.findall(html)}
    links.discard("")
    lines = [" ".join(line.split()) for line in body.splitlines()]
    total = sum(len(line) for line in lines)
    linked = sum(len(line) for line in lines if line in links)
    return total > 0 and linked >= MOST_LINKS * total


_SKIPPED = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form"})
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "blockquote"}
)


class _TextCollector(HTMLParser):
    """Text of a page by a streaming parser: no tree, so no depth limit."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.title = ""
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, _attrs: list) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCKS:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _BLOCKS:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping:
            self.lines[-1] += data


def plain_text(html: str) -> tuple[str, str]:
    """(title, body) of a page, read without building a tree; paragraphs one per line."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    paragraphs = [" ".join(line.split()) for line in collector.lines]
    return " ".join(collector.title.split()), "\n".join(p for p in paragraphs if p)


# the parts of a page that are not its article, and that extraction leaves out by name
PAGE_REGIONS = {
    "nav": "navigation",
    "header": "header",
    "aside": "asides",
    "footer": "footer",
    "form": "forms",
}
_HIDDEN = frozenset({"script", "style", "noscript", "template"})


@dataclass(frozen=True)
class LeftOut:
    """What a page held besides the text extracted from it, in visible characters."""

    page: int  # every visible character of the page (scripts and styles aside)
    regions: dict[str, int]  # "navigation", "asides", "footer" ... -> characters in them
    scripts: int  # script and style elements the page had


def left_out(page: bytes) -> LeftOut:
    """The visible text of a page's navigation, header, asides, footer and forms, and of the whole
    page: what an editor is told the extraction left out (the Removed lines dialog)."""
    try:
        html = decode_bytes(page).text
    except InputError:
        html = page.decode("utf-8", "replace")
    counter = _RegionCounter()
    counter.feed(html)
    counter.close()
    return LeftOut(counter.page, {name: n for name, n in counter.regions.items() if n}, counter.scripts)


class _RegionCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = 0
        self.scripts = 0
        self.regions: dict[str, int] = dict.fromkeys(PAGE_REGIONS.values(), 0)
        self._open: list[str] = []  # the region elements open now, outermost first
        self._hidden = 0

    def handle_starttag(self, tag: str, _attrs: list) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
            self.scripts += tag in ("script", "style")
        elif tag in PAGE_REGIONS:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag)]

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        visible = len("".join(data.split()))
        self.page += visible
        if self._open:
            self.regions[PAGE_REGIONS[self._open[0]]] += visible
