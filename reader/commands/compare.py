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
from dataclasses import dataclass
from typing import TextIO

from reader.commands import CliError
from reader.commands.compare_files import write_report_file
from reader.commands.compare_text import count, write_report
from reader.compare import Comparison, compare
from reader.facts import Facts, find_facts
from reader.report.html import ReportSide
from reader.report.summary import summarize
from reader.terminal import (
    TerminalOptions,
    TerminalWriter,
    color_wanted,
    is_terminal,
    visual_wanted,
)
from reader.text.decoding import MAX_FILE_BYTES, InputError, decode_document, read_text_file

STDIN = "-"
_ARTICLE_ID_RE = re.compile(r"[0-9]+")
_DEFAULT_WIDTH = 100
_MAX_WIDTH = 160  # very wide lines are hard to read, even on a wide terminal


@dataclass(frozen=True)
class Document:
    """One side of the comparison: its text exactly as decoded, and how to name it."""

    label: str
    text: str
    detail: str  # e.g. "utf-8" or "library article"
    title: str = ""
    source: str = ""
    date: str = ""

    def for_report(self) -> ReportSide:
        return ReportSide(self.label, self.title, self.source, self.date, self.text)


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
        choices=("text", "json", "html", "pdf"),
        default="text",
        help="text: a report to read (default); json: the comparison with offsets into the decoded text; "
        "html: a self-contained page; pdf: the same page as PDF (needs -o)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write the html or pdf report to FILE")
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
        facts = find_facts(doc_a.text, doc_b.text, result)
        summary = summarize(result, facts, doc_a.text, doc_b.text)
    except MemoryError:
        raise CliError("not enough memory to compare these two texts") from None
    except Exception as error:  # noqa: BLE001 - a bug in the engine is still one line, not a traceback
        raise CliError(
            f"internal error while comparing ({type(error).__name__}: {_one_line(error)})"
        ) from None
    if args.format in ("html", "pdf"):
        write_report_file(
            args.format, args.output, result, facts, summary, doc_a.for_report(), doc_b.for_report()
        )
        return 0
    if args.output:
        raise CliError("-o FILE is for --format html or pdf; text and json go to standard output")
    out = sys.stdout
    try:
        if args.format == "json":
            _prefer_utf8(out, strict=True)
            out.write(json.dumps(json_document(result, facts), ensure_ascii=False) + "\n")
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
                write_report(writer, result, facts, summary, doc_a, doc_b)
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
        detail += f", {count(decoded.replaced, 'damaged byte sequence')} shown as \ufffd"
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
                summary = library.summary(int(spec))
                title = summary.title
            except Exception as error:  # noqa: BLE001
                raise CliError(f"library article {spec}: {_one_line(error)}") from None
            if not text.strip():
                raise CliError(f"library article {spec}: the article is empty")
            documents[spec] = Document(
                f"article {spec}: {title}" if title else f"article {spec}",
                text,
                "library",
                title,
                summary.source or "",
                summary.date or "",
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


def json_document(result: Comparison, facts: Facts) -> dict:
    """The comparison's JSON (DESIGN.md section 2) with the facts list (README, "JSON")."""
    return {**result.to_dict(), "facts": facts.to_list()}
