"""The text report of `qarin compare`: header, the facts that differ, passages, what one text says.

With colour, each passage shows A's wording and B's, changed words coloured. Without colour (piped,
NO_COLOR, `--color never`) each passage is printed once as a word diff, `[-A's words-]{+B's words+}`
as `git diff --word-diff` marks them, so no difference is lost. Places are paragraph numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.compare import CHANGED, ONLY, Comparison
from reader.compare.model import Segment, Side
from reader.facts import Facts
from reader.facts.alignment import extent
from reader.facts.words import Words
from reader.report.describe import label, shown, where
from reader.report.moves import (
    Placement,
    describe,
    moves_line,
    paragraph_span,
    paragraphs_label,
    placements,
)
from reader.report.summary import Summary, facts_line, side_line
from reader.report.worddiff import differing_letters, merged
from reader.terminal import Run, TerminalWriter, text_width

if TYPE_CHECKING:
    from reader.commands.compare import Document

_DEFAULT_WIDTH = 100
DELETED_MARKS = ("[-", "-]")  # git diff --word-diff's plain marks
INSERTED_MARKS = ("{+", "+}")


@dataclass(frozen=True)
class ReportSide:
    label: str
    text: str
    detail: str
    words: Words


def write_report(
    out: TerminalWriter, result: Comparison, facts: Facts, summary: Summary, doc_a: Document, doc_b: Document
) -> None:
    """Header, facts that differ, passages in A's order, then what only A and only B say."""
    sides = {
        side: ReportSide(d.label, d.text, d.detail, Words(d.text)) for side, d in (("a", doc_a), ("b", doc_b))
    }
    places = placements(result, sides["a"].words.paragraph_starts, sides["b"].words.paragraph_starts)
    for side in ("a", "b"):
        doc = sides[side]
        out.paragraph(
            [
                (f"{side.upper()}  ", "heading"),
                (f"{doc.label} · {len(doc.text):,} characters · {doc.detail}", None),
            ]
        )
    out.paragraph(
        [
            (
                f"Shared: A {side_line(summary.a)} · B {side_line(summary.b)} · "
                f"{count(summary.passages, 'passage')}, {moves_line(places)}",
                "heading",
            )
        ]
    )
    out.paragraph([(f"Facts: {facts_line(summary)} · {summary.facts_agree} agree", "heading")])
    if out.options.color:
        out.paragraph(
            [
                ("Colours: ", "dim"),
                ("changed words", "changed"),
                (" (", None),
                ("differing letters", "changed_chars"),
                (") · ", None),
                ("only in one text", "only"),
                (" · ", None),
                ("moved", "moved"),
                (" passage", None),
            ]
        )
    else:
        out.paragraph([("Marks: [-A's words-]{+B's words+} · ¶ = paragraph", "dim")])
    _write_facts(out, facts)
    _write_passages(out, result, sides, places)
    _write_only(out, result, sides)


def _write_facts(out: TerminalWriter, facts: Facts) -> None:
    """Each fact that differs: what kind of difference and where (one line), then what each text
    says, each on a line of its own so each line reads in its own direction."""
    differing = facts.differing
    if not differing:
        return
    out.blank()
    _rule(out, [(f"Facts that differ: {len(differing)}", "heading")])
    color = out.options.color
    for pair in differing:
        head = f"· {label(pair)} · A {where(pair.a)} · B {where(pair.b)}"
        out.paragraph([(head, "dim")])
        if pair.kind == "quote":
            speakers = (pair.a.speaker, pair.b.speaker)
            if "speaker" in pair.reasons:
                for side, speaker in zip("AB", speakers, strict=True):
                    out.paragraph([(speaker or "?", None)], [(f"  {side} │ ", "dim")])
            elif speakers[0]:
                out.paragraph([(speakers[0], None)], [("  = │ ", "dim")])
            changes = [
                run for change in pair.words for run in (*_marked(change.a, change.b, color), (" … ", "dim"))
            ]
            if changes:
                out.paragraph(changes[:-1], [("  ± │ ", "dim")])
            continue
        for side, mention in (("A", pair.a), ("B", pair.b)):
            out.paragraph([(shown(mention), "changed")], [(f"  {side} │ ", "dim")])


def _marked(a: str, b: str, color: bool) -> list[Run]:
    """A's words then B's, coloured, or marked as `git diff --word-diff` marks them."""
    runs: list[Run] = []
    if a:
        runs.append((a, "changed") if color else (f"{DELETED_MARKS[0]}{a}{DELETED_MARKS[1]}", None))
    if b:
        if color and a:
            runs.append((" → ", "dim"))
        runs.append((b, "only") if color else (f"{INSERTED_MARKS[0]}{b}{INSERTED_MARKS[1]}", None))
    return runs


def _write_passages(
    out: TerminalWriter, result: Comparison, sides: dict[str, ReportSide], places: tuple[Placement, ...]
) -> None:
    order = sorted(range(len(result.passages)), key=lambda i: (result.passages[i].a, result.passages[i].b))
    if not order:
        out.blank()
        out.paragraph([("No shared passages: the two texts have nothing Qarin could align.", "heading")])
    for number, index in enumerate(order, start=1):
        passage = result.passages[index]
        out.blank()
        title: list[Run] = [(f"Passage {number} of {len(order)} · {passage.similarity:.0%} same words", None)]
        title += [(" · ", None), (describe(places, index), "moved" if places[index].crossing else "dim")]
        spans = {side: extent(result, index, side) for side in ("a", "b")}
        _rule(out, title)
        if out.options.color:
            for side in ("a", "b"):
                if side == "b":
                    out.blank()
                start, end = spans[side]
                _write_text(
                    out, side.upper(), list(_styled(sides[side].text, result.segments(side), start, end))
                )
        else:
            pieces = merged(result, index, sides["a"].text, sides["b"].text)
            runs = [
                (p.text, None)
                if p.part == "same"
                else _marked(p.text, "", False)[0]
                if p.part == "a"
                else _marked("", p.text, False)[0]
                for p in pieces
            ]
            _write_text(out, "AB", runs)


def _paragraphs(side: ReportSide, span: tuple[int, int]) -> str:
    return paragraphs_label()(paragraph_span(side.words.paragraph_starts, span))


def _write_only(out: TerminalWriter, result: Comparison, sides: dict[str, ReportSide]) -> None:
    for side in ("a", "b"):
        doc = sides[side]
        stretches = list(_only_stretches(result, side, doc.text))
        if not stretches:
            continue
        out.blank()
        total = sum(end - start for start, end in stretches)
        _rule(
            out,
            [(f"Only in {side.upper()}: {count(len(stretches), 'stretch')}, {total:,} characters", "only")],
        )
        for start, end in stretches:
            out.paragraph([(f"· {side.upper()} {_paragraphs(doc, (start, end))}", "dim")])
            _write_text(out, side.upper(), [(doc.text[start:end], None)])


def _rule(out: TerminalWriter, title: list[Run]) -> None:
    used = 3 + text_width("".join(piece for piece, _ in title)) + 1
    fill = max(3, (out.options.width or _DEFAULT_WIDTH) - used)
    out.paragraph([("── ", "dim"), *title, (" " + "─" * fill, "dim")])


def _write_text(out: TerminalWriter, name: str, runs: list[Run]) -> None:
    out.text(runs, [(f"{name} │ ", "dim")], separator=[(f"{name} │", "dim")])


def count(number: int, noun: str) -> str:
    plural = noun + ("es" if noun.endswith("ch") else "s")
    return f"{number:,} {noun if number == 1 else plural}"


def _styled(text: str, segments: tuple[Segment, ...], start: int, end: int) -> Iterator[Run]:
    """Runs of text[start:end] styled by segment kind; inside `changed`, differing letters stronger."""
    for segment in segments:
        lo, hi = max(start, segment.start), min(end, segment.end)
        if lo >= hi:
            continue
        if segment.kind == ONLY:
            yield text[lo:hi], "only"
        elif segment.kind == CHANGED:
            yield from _changed_runs(
                text, lo, hi, differing_letters(text, segment.start, segment.end, segment.chars)
            )
        else:
            yield text[lo:hi], None


def _changed_runs(text: str, lo: int, hi: int, chars: tuple[tuple[int, int], ...]) -> Iterator[Run]:
    position = lo
    for char_start, char_end in chars:
        char_start, char_end = max(char_start, position), min(char_end, hi)
        if char_start >= char_end:
            continue
        if char_start > position:
            yield text[position:char_start], "changed"
        yield text[char_start:char_end], "changed_chars"
        position = char_end
    if position < hi:
        yield text[position:hi], "changed"


def _only_stretches(result: Comparison, side: Side, text: str) -> Iterator[tuple[int, int]]:
    """Stretches of one side outside every passage, joined across whitespace, skipping bare punctuation."""
    extents = [extent(result, index, side) for index in range(len(result.passages))]
    current: list[int] | None = None
    for segment in result.segments(side):
        inside = any(lo <= segment.start and segment.end <= hi for lo, hi in extents)
        if segment.kind == ONLY and not inside:
            if current is not None and not text[current[1] : segment.start].strip():
                current[1] = segment.end
            else:
                if current is not None:
                    yield from _trimmed(text, *current)
                current = [segment.start, segment.end]
    if current is not None:
        yield from _trimmed(text, *current)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    piece = text[start:end]
    if not any(ch.isalnum() for ch in piece):
        return
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    yield start, end
