"""`qarin compare A B`: compare two articles (files or library ids) in the terminal or as JSON.

The text report lists the shared passages in A's order, each with A's and B's wording (changed words
coloured, the differing letters stronger, moved passages marked), then what only A and only B say.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

from reader.commands import CliError
from reader.compare import CHANGED, ONLY, Comparison, compare
from reader.compare.model import Segment, Side
from reader.terminal import (
    Run,
    TerminalOptions,
    TerminalWriter,
    color_wanted,
    is_terminal,
    text_width,
    visual_wanted,
)
from reader.text.decoding import MAX_FILE_BYTES, InputError, decode_document, read_text_file

STDIN = "-"
_ARTICLE_ID_RE = re.compile(r"[0-9]+")
_HAS_WORD_RE = re.compile(r"\w")
_DEFAULT_WIDTH = 100
_MAX_WIDTH = 160  # very wide lines are hard to read, even on a wide terminal


@dataclass(frozen=True)
class Document:
    """One side of the comparison: its text exactly as decoded, and how to name it."""

    label: str
    text: str
    detail: str  # e.g. "utf-8" or "library article"


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="compare two articles",
        description=(
            "Compare two Arabic articles: what they share word for word, what one reworded, what only "
            "one says, and which passages moved. A and B are text files (any common Arabic encoding) "
            f"of at most {MAX_FILE_BYTES // (1024 * 1024)} MiB, or ids of articles in the library."
        ),
        epilog="Exit status: 0 on success, 2 on a usage error or a file that cannot be read as text.",
    )
    parser.add_argument("a", metavar="A", help="first article: a file, a library article id, or - (stdin)")
    parser.add_argument("b", metavar="B", help="second article: a file, a library article id, or - (stdin)")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: a report to read (default); json: the comparison with offsets into the decoded text",
    )
    parser.add_argument(
        "--bidi",
        choices=("auto", "visual", "logical"),
        default="auto",
        help="visual: shape and reorder Arabic for terminals that cannot; logical: text as stored; "
        "auto (default): visual on a terminal, logical when piped",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (auto: on a terminal, unless NO_COLOR is set)",
    )
    parser.add_argument(
        "--width",
        type=int,
        metavar="COLUMNS",
        help="wrap the text report at this many columns (default: the terminal's width; 0: no wrapping)",
    )
    parser.add_argument(
        "--library", metavar="PATH", help="library file for article ids (default: the user's Qarin library)"
    )
    parser.set_defaults(run=run_compare)


def run_compare(args: argparse.Namespace) -> int:
    doc_a, doc_b = load_documents(args.a, args.b, args.library)
    try:
        result = compare(doc_a.text, doc_b.text)
    except MemoryError:
        raise CliError("not enough memory to compare these two texts") from None
    except Exception as error:  # noqa: BLE001 - a bug in the engine is still one line, not a traceback
        raise CliError(
            f"internal error while comparing ({type(error).__name__}: {_one_line(error)})"
        ) from None
    out = sys.stdout
    try:
        if args.format == "json":
            _prefer_utf8(out, strict=True)
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        else:
            _prefer_utf8(out, strict=False)
            visual = visual_wanted(args.bidi, out)
            options = TerminalOptions(
                color=color_wanted(args.color, out),
                visual=visual,
                width=_report_width(args.width),
                explicit_bidi=visual and is_terminal(out),
            )
            writer = TerminalWriter(out, options)
            with writer.session():
                write_report(writer, result, doc_a, doc_b)
        out.flush()
    except BrokenPipeError:
        # `qarin compare a b | head`: the reader left; stop quietly, and keep Python's exit-time
        # flush from complaining about the closed pipe.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return 0
    return 0


# ------------------------------------------------------------------------------------------ input


def load_documents(spec_a: str, spec_b: str, library_path: str | None) -> tuple[Document, Document]:
    if spec_a == spec_b == STDIN:
        raise CliError("only one of A and B can be - (standard input)")
    ids = [spec for spec in (spec_a, spec_b) if _is_article_id(spec)]
    from_library = _load_articles(ids, library_path) if ids else {}
    return tuple(from_library.get(spec) or _load_file(spec) for spec in (spec_a, spec_b))  # type: ignore[return-value]


def _is_article_id(spec: str) -> bool:
    """A plain number names a library article, unless a file by that name exists."""
    return bool(_ARTICLE_ID_RE.fullmatch(spec)) and not os.path.exists(spec)


def _load_file(path: str) -> Document:
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
            decoded = decode_document(data, "standard input")
            path = "(standard input)"
        else:
            decoded = read_text_file(path)
    except InputError as error:
        raise CliError(str(error)) from None
    detail = decoded.encoding + (" with byte-order mark" if decoded.had_bom else "")
    if decoded.replaced:
        detail += f", {_count(decoded.replaced, 'damaged byte sequence')} shown as \ufffd"
    return Document(path, decoded.text, detail)


def _load_articles(ids: list[str], library_path: str | None) -> dict[str, Document]:
    try:
        from reader.library import default_library_path, open_library  # noqa: PLC0415 - only ids need it

        path = library_path or default_library_path()
        if not os.path.isfile(path):
            names = " and ".join(ids)
            raise CliError(f"{names}: no such file, and no library at {path} to look up an article id in")
        library = open_library(path, seed_if_empty=False)
    except CliError:
        raise
    except Exception as error:  # noqa: BLE001 - any failure is one line for the user
        raise CliError(f"cannot open the library: {_one_line(error)}") from None
    try:
        documents = {}
        for spec in ids:
            try:
                text = library.text(int(spec))
                title = library.summary(int(spec)).title
            except Exception as error:  # noqa: BLE001
                raise CliError(f"library article {spec}: {_one_line(error)}") from None
            if not text.strip():
                raise CliError(f"library article {spec}: the article is empty")
            documents[spec] = Document(
                f"article {spec}: {title}" if title else f"article {spec}", text, "library"
            )
        return documents
    finally:
        library.close()


def _one_line(error: BaseException) -> str:
    message = " ".join(str(error).split())
    return message or type(error).__name__


# ----------------------------------------------------------------------------------------- output


def _prefer_utf8(stream: TextIO, strict: bool) -> None:
    """JSON must be UTF-8; a report on a narrower terminal encoding shows `?` rather than crash."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if encoding in ("utf-8", "utf8"):
        return
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    try:
        reconfigure(encoding="utf-8") if strict else reconfigure(errors="replace")
    except (ValueError, OSError):
        pass


def _report_width(requested: int | None) -> int:
    if requested is not None:
        if requested < 0:
            raise CliError(f"--width must be 0 (no wrapping) or a number of columns, not {requested}")
        return requested
    import shutil  # noqa: PLC0415

    columns = shutil.get_terminal_size((_DEFAULT_WIDTH, 24)).columns
    return max(20, min(columns, _MAX_WIDTH))


def write_report(out: TerminalWriter, result: Comparison, doc_a: Document, doc_b: Document) -> None:
    """The text report: header, passages in A's order, then what only A and only B say."""
    stats = result.stats
    out.paragraph(
        [("A  ", "heading"), (f"{doc_a.label} · {result.a_length:,} characters · {doc_a.detail}", None)]
    )
    out.paragraph(
        [("B  ", "heading"), (f"{doc_b.label} · {result.b_length:,} characters · {doc_b.detail}", None)]
    )
    out.paragraph(
        [
            (
                f"Shared: {stats.shared_a:.0%} of A, {stats.shared_b:.0%} of B · "
                f"{_count(stats.passages, 'passage')}, {stats.moved} moved",
                "heading",
            )
        ]
    )
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
    order = sorted(range(len(result.passages)), key=lambda i: result.passages[i].a)
    b_rank = {index: rank for rank, index in enumerate(sorted(order, key=lambda i: result.passages[i].b))}
    if not order:
        out.blank()
        out.paragraph([("No shared passages: the two texts have nothing Qarin could align.", "heading")])
    for number, index in enumerate(order, start=1):
        passage = result.passages[index]
        out.blank()
        title: list[Run] = [(f"Passage {number} of {len(order)} · {passage.similarity:.0%} same words", None)]
        if passage.moved:
            title += [(" · ", None), (f"moved: no. {b_rank[index] + 1} in B", "moved")]
        title.append((f" · A {passage.a[0]}-{passage.a[1]}, B {passage.b[0]}-{passage.b[1]}", "dim"))
        _rule(out, title)
        for side, doc in (("a", doc_a), ("b", doc_b)):
            if side == "b":
                out.blank()
            start, end = _passage_extent(result, index, side)
            _write_text(out, side, list(_styled(doc.text, result.segments(side), start, end)))
    for side, doc in (("a", doc_a), ("b", doc_b)):
        stretches = list(_only_stretches(result, side, doc.text))
        if not stretches:
            continue
        out.blank()
        total = sum(end - start for start, end in stretches)
        _rule(
            out,
            [(f"Only in {side.upper()}: {_count(len(stretches), 'stretch')}, {total:,} characters", "only")],
        )
        for start, end in stretches:
            out.paragraph([(f"· {side.upper()} {start}-{end}", "dim")])
            _write_text(out, side, [(doc.text[start:end], None)])


def _rule(out: TerminalWriter, title: list[Run]) -> None:
    used = 3 + text_width("".join(piece for piece, _ in title)) + 1
    fill = max(3, (out.options.width or _DEFAULT_WIDTH) - used)
    out.paragraph([("── ", "dim"), *title, (" " + "─" * fill, "dim")])


def _write_text(out: TerminalWriter, side: str, runs: list[Run]) -> None:
    gutter: list[Run] = [(f"{side.upper()} │ ", "dim")]
    out.text(runs, gutter, separator=[(f"{side.upper()} │", "dim")])


def _count(number: int, noun: str) -> str:
    plural = noun + ("es" if noun.endswith("ch") else "s")
    return f"{number:,} {noun if number == 1 else plural}"


def _passage_extent(result: Comparison, index: int, side: Side) -> tuple[int, int]:
    """A passage's span on one side, widened to cover every segment that belongs to it."""
    start, end = result.passages[index].span(side)
    for segment in result.segments(side):
        if segment.passage == index:
            start, end = min(start, segment.start), max(end, segment.end)
    return start, end


def _styled(text: str, segments: tuple[Segment, ...], start: int, end: int) -> Iterator[Run]:
    """Runs of text[start:end] styled by segment kind; inside `changed`, differing letters stronger."""
    for segment in segments:
        lo, hi = max(start, segment.start), min(end, segment.end)
        if lo >= hi:
            continue
        if segment.kind == ONLY:
            yield text[lo:hi], "only"
        elif segment.kind == CHANGED:
            yield from _changed_runs(text, lo, hi, segment.chars)
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
    extents = [_passage_extent(result, index, side) for index in range(len(result.passages))]
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
    if not _HAS_WORD_RE.search(piece):
        return
    start += len(piece) - len(piece.lstrip())
    end -= len(piece) - len(piece.rstrip())
    yield start, end
