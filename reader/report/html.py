"""The comparison as one self-contained right-to-left HTML page: both articles' titles, sources and
dates, the shares, the legend, the facts table (disagreeing first), and the passages side by side
(moved ones marked), then what only one article says.

The page carries its font: a subset of the bundled Amiri holding the characters the page uses,
embedded as a data URL (`fonts.embedded_font_css`); without it the page names Amiri, Noto Naskh
Arabic and DejaVu Sans in turn. Every colour is inline, so Qt's rich text (which reads a subset
of CSS) prints and writes the same page as PDF (`for_qt=True` leaves the font to Qt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from reader.compare import CHANGED, ONLY, SAME, Comparison
from reader.compare.model import Segment
from reader.facts import FactPair, Facts
from reader.facts.alignment import extent
from reader.facts.words import paragraph_numbers
from reader.report.describe import label, shown, where
from reader.report.fonts import FONT_STACK, embedded_font_css
from reader.report.moves import Placement, describe, moves_line, placements
from reader.report.summary import Summary, facts_line, side_line
from reader.report.worddiff import differing_letters
from reader.terminal import base_direction

# The window's light palette (Okabe-Ito, told apart with red-green colour blindness).
COLOURS = {
    SAME: "#d3eafa",
    CHANGED: "#fde3b0",
    "changed_chars": "#f2a91c",
    ONLY: "#f3d3e5",
    "moved": "#009e73",
    "moved_fill": "#c4eadc",
    "differ": "#cc79a7",
    "spelled": "#e69f00",
}


@dataclass(frozen=True)
class ReportSide:
    """One article as the report names it."""

    label: str  # file name or `article 12`
    title: str
    source: str
    date: str
    text: str


def report_html(
    comparison: Comparison, facts: Facts, summary: Summary, a: ReportSide, b: ReportSide, for_qt: bool = False
) -> str:
    texts = a.text + b.text
    head = [
        "<!DOCTYPE html>",
        '<html lang="ar" dir="rtl"><head><meta charset="utf-8">',
        f"<title>{escape(_title(a))} / {escape(_title(b))} — Qarin</title>",
        "<style>",
        "" if for_qt else embedded_font_css(texts + _FIXED_WORDS),
        _qt_sizes(_STYLE) if for_qt else _STYLE.replace("FONTS", FONT_STACK),
        "</style></head><body>",
    ]
    places = placements(comparison, paragraph_numbers(a.text), paragraph_numbers(b.text))
    body = [
        _header(a, b, summary, moves_line(places)),
        _legend(),
        _facts_table(facts),
        _passages(comparison, a, b, places),
        _only(comparison, a, b),
        '<p class="foot" dir="ltr">Made by Qarin (قارِن).</p>',
        "</body></html>",
    ]
    page = "\n".join(head + body)
    return _cells_right_to_left(page) if for_qt else page


_TAG_RE = re.compile(r"<[^>]+>")
# Words of the page itself, so the embedded font holds their letters too.
_FIXED_WORDS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;·—–¶%()[]{}+-/→←=±…'\"«»“”"

_STYLE = """
body { font-family: FONTS; font-size: 15px; line-height: 1.7; margin: 24px; color: #1b1b1b; }
h1 { font-size: 20px; margin: 0 0 8px; }
h2 { font-size: 17px; margin: 22px 0 8px; border-bottom: 1px solid #bbb; }
table { border-collapse: collapse; width: 100%; }
td, th { vertical-align: top; padding: 6px 8px; border: 1px solid #ccc; }
th { background: #f2f2f2; font-weight: bold; }
.meta td { border: none; padding: 2px 8px; }
.legend span { padding: 1px 6px; margin: 0 4px; }
.passage td { width: 50%; }
.foot { color: #777; font-size: 12px; margin-top: 24px; }
"""


_ROW_RE = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_CELL_START_RE = re.compile(r"(?=<t[dh][ >])")


def _cells_right_to_left(page: str) -> str:
    """Qt lays table columns out left to right whatever the direction: give it each row's cells in
    reverse, so the first column (A, the fact) stands on the right as in the browser."""

    def reverse(match: re.Match) -> str:
        cells = [cell for cell in _CELL_START_RE.split(match.group(1)) if cell]
        return "<tr>" + "".join(reversed(cells)) + "</tr>"

    return _ROW_RE.sub(reverse, page)


def _qt_sizes(style: str) -> str:
    """Qt's rich text prints pixel sizes at the printer's resolution (tiny at 300 dpi): points there."""
    return re.sub(r"(\d+)px", lambda m: f"{max(1, round(int(m.group(1)) * 0.75))}pt", style).replace(
        "FONTS", FONT_STACK
    )


def _title(side: ReportSide) -> str:
    return side.title or side.label


def _header(a: ReportSide, b: ReportSide, summary: Summary, moves: str) -> str:
    rows = []
    for name, side in (("A", a), ("B", b)):
        details = " · ".join(escape(x) for x in (side.source, side.date, side.label) if x)
        title = _title(side)
        rows.append(
            f'<tr><td dir="ltr"><b>{name}</b></td><td dir="{_dir(title)}"><b>{escape(title)}</b></td>'
            f'<td dir="ltr">{details}</td></tr>'
        )
    shares = (
        f"Shared: A {side_line(summary.a)} · B {side_line(summary.b)} · "
        f"{summary.passages} passage{'s' if summary.passages != 1 else ''}, {moves}"
    )
    return (
        '<h1 dir="ltr">Qarin comparison</h1>'
        f'<table dir="rtl" cellpadding="6" class="meta">{"".join(rows)}</table>'
        f'<p dir="ltr"><b>{escape(shares)}</b><br><b>Facts: {escape(facts_line(summary))}</b> · '
        f"{summary.facts_agree} agree</p>"
    )


def _legend() -> str:
    items = [
        (COLOURS[SAME], "shared word for word"),
        (COLOURS[CHANGED], "changed words"),
        (COLOURS["changed_chars"], "differing letters"),
        (COLOURS[ONLY], "only in one article"),
        (COLOURS["moved_fill"], "moved passage"),
    ]
    spans = "".join(
        f'<span style="background-color:{colour}">{escape(text)}</span>' for colour, text in items
    )
    return f'<p class="legend" dir="ltr">Colours: {spans}</p>'


def _facts_table(facts: Facts) -> str:
    """Facts the two articles both state, disagreeing first; then, in a line each, what only one states."""
    rows = []
    agreeing = [p for p in facts.with_status("agree") if p.kind != "name"]  # names: counted below
    for pair in (*facts.differing, *agreeing):
        colour = COLOURS.get(pair.status, "")
        mark = f' style="background-color:{colour}"' if colour else ""
        rows.append(
            f'<tr><td dir="ltr"{mark}>{escape(label(pair))}</td>'
            f"{_fact_cell(pair, 'a')}{_fact_cell(pair, 'b')}"
            f'<td dir="rtl">{_differences(pair)}</td></tr>'
        )
    parts = [f'<h2 dir="ltr">Facts ({len(facts.differing)} differ)</h2>']
    if rows:
        heads = "".join(f'<th dir="ltr">{name}</th>' for name in ("fact", "A", "B", "what differs"))
        parts.append(
            f'<table dir="rtl" cellpadding="6" class="facts"><tr>{heads}</tr>{"".join(rows)}</table>'
        )
    else:
        parts.append('<p dir="ltr">No number, date, name or quote stated in both articles.</p>')
    names = facts.count("agree", "name")
    if names:
        plural = "s" if names != 1 else ""
        parts.append(f'<p dir="ltr"><small>{names} name{plural} both articles give alike.</small></p>')
    for side in ("a", "b"):
        only = [p.mention(side) for p in facts.with_status("only") if p.mention(side)]
        if only:
            listed = " · ".join(f'<span dir="{_dir(m.text)}">{escape(shown(m, 60))}</span>' for m in only)
            intro = f'<small dir="ltr">Only {side.upper()} states ({len(only)}):</small>'
            parts.append(f'<p dir="rtl">{intro} {listed}</p>')
    return "".join(parts)


def _fact_cell(pair: FactPair, side: str) -> str:
    mention = pair.mention(side)
    if mention is None:
        return '<td dir="ltr">—</td>'
    text = shown(mention, 140)
    speaker = f"<br><small>{escape(mention.speaker)}</small>" if mention.speaker else ""
    # the paragraph mark isolated left to right, so `¶1` never reads `1¶` inside Arabic
    return f'<td dir="{_dir(text)}"><small>\u2066{where(mention)}\u2069</small> {escape(text)}{speaker}</td>'


def _differences(pair: FactPair) -> str:
    if pair.words:
        return " … ".join(_marked(w.a, w.b) for w in pair.words)
    if pair.reasons and pair.a and pair.b and pair.kind != "quote":
        return _marked(shown(pair.a), shown(pair.b))
    return ""


def _marked(a: str, b: str) -> str:
    out = []
    if a:
        out.append(f'<del style="background-color:{COLOURS[CHANGED]}">{escape(a)}</del>')
    if b:
        out.append(f'<ins style="background-color:{COLOURS[ONLY]}">{escape(b)}</ins>')
    return " ".join(out)


def _passages(comparison: Comparison, a: ReportSide, b: ReportSide, places: tuple[Placement, ...]) -> str:
    order = sorted(
        range(len(comparison.passages)), key=lambda i: (comparison.passages[i].a, comparison.passages[i].b)
    )
    parts = [f'<h2 dir="ltr">Passages ({len(order)})</h2>']
    for number, index in enumerate(order, start=1):
        passage = comparison.passages[index]
        spans = {side: extent(comparison, index, side) for side in ("a", "b")}
        title = f"Passage {number} of {len(order)} · {passage.similarity:.0%} same words"
        title += f" · {describe(places, index)}"
        moved = ""
        if places[index].crossing:
            edge, fill = COLOURS["moved"], COLOURS["moved_fill"]
            moved = f' style="border-right:6px solid {edge}; background-color:{fill}"'
        cells = "".join(
            f"<td{moved}>{_styled(side.text, comparison.segments(key), *spans[key])}</td>"
            for key, side in (("a", a), ("b", b))
        )
        parts.append(
            f'<p dir="ltr"><b>{escape(title)}</b></p><table dir="rtl" cellpadding="6" class="passage">'
            f'<tr><th dir="ltr">A</th><th dir="ltr">B</th></tr><tr>{cells}</tr></table>'
        )
    if not order:
        parts.append('<p dir="ltr">No shared passages.</p>')
    return "".join(parts)


def _styled(text: str, segments: tuple[Segment, ...], start: int, end: int) -> str:
    """text[start:end] as paragraphs (each in the direction of its own script) of coloured spans."""
    pieces: list[tuple[int, int, str | None]] = []
    for segment in segments:
        lo, hi = max(start, segment.start), min(end, segment.end)
        if lo >= hi:
            continue
        if segment.kind == CHANGED:
            position = lo
            chars = differing_letters(text, segment.start, segment.end, segment.chars)
            for c0, c1 in chars:
                c0, c1 = max(c0, position), min(c1, hi)
                if c0 < c1:
                    if c0 > position:
                        pieces.append((position, c0, CHANGED))
                    pieces.append((c0, c1, "changed_chars"))
                    position = c1
            if position < hi:
                pieces.append((position, hi, CHANGED))
        else:
            pieces.append((lo, hi, segment.kind))
    return _paragraph_html(text, pieces)


def _paragraph_html(text: str, pieces: list[tuple[int, int, str | None]]) -> str:
    paragraphs: list[list[str]] = [[]]
    for lo, hi, style in pieces:
        lines = text[lo:hi].split("\n")
        for k, line in enumerate(lines):
            if k:
                paragraphs.append([])
            if line:
                colour = COLOURS.get(style) if style else None
                html = escape(line)
                paragraphs[-1].append(
                    f'<span style="background-color:{colour}">{html}</span>' if colour else html
                )
    out = []
    for parts in paragraphs:
        inner = "".join(parts)
        if not inner.strip():
            continue
        plain = _plain(inner)
        out.append(f'<p dir="{_dir(plain)}">{inner}</p>')
    return "".join(out)


def _plain(html: str) -> str:
    return _TAG_RE.sub("", html)


def _dir(text: str) -> str:
    return "rtl" if base_direction(text) == "R" else "ltr"


def _only(comparison: Comparison, a: ReportSide, b: ReportSide) -> str:
    parts = []
    for key, side in (("a", a), ("b", b)):
        inside = [extent(comparison, i, key) for i in range(len(comparison.passages))]
        pieces = [
            (s.start, s.end, ONLY)
            for s in comparison.segments(key)
            if s.kind == ONLY and not any(lo <= s.start and s.end <= hi for lo, hi in inside)
        ]
        html = _paragraph_html(side.text, pieces)
        if html:
            parts.append(f'<h2 dir="ltr">Only in {key.upper()}</h2>{html}')
    return "".join(parts)
