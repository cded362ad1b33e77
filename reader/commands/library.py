"""`qarin import | list | search | show | edit | remove`: the article library from the terminal.

Output is plain logical text (what a pipe or another program wants); errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reader.commands import CliError
from reader.library import Library, LibraryError, default_library_path, open_library
from reader.library.errors import LibraryLockedError, LibraryUnwritableError
from reader.library.repair import repair_library
from reader.terminal import (
    Run,
    TerminalOptions,
    TerminalWriter,
    color_wanted,
    fit,
    is_terminal,
    text_width,
    visual_wanted,
)
from reader.text.bidi_controls import has_controls, isolated, shown_controls
from reader.text.decoding import InputError, read_stream_bytes

LIST_SOURCE_COLUMNS = 18  # `qarin list` on a terminal: a longer site name is cut to this
LIST_SEPARATOR = "  |  "
_BIDI_HELP = "visual: shape and reorder Arabic for terminals that cannot; logical: as stored; auto (default)"


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", metavar="PATH", help="library file (default: the user's Qarin library)")

    parser = subparsers.add_parser(
        "import", parents=[common], help="import text/HTML/JSON/JSONL/zip files, folders, or stdin (-)"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - reads stdin")
    parser.add_argument("--title", help="title for text read from stdin")
    parser.add_argument("--quiet", "-q", action="store_true", help="print only failures")
    parser.set_defaults(run=run_import)

    shown = argparse.ArgumentParser(add_help=False)
    shown.add_argument("--bidi", choices=("auto", "visual", "logical"), default="auto", help=_BIDI_HELP)
    shown.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    parser = subparsers.add_parser("list", parents=[common, shown], help="list the articles")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run_list)

    parser = subparsers.add_parser("search", parents=[common, shown], help="search titles and texts")
    parser.add_argument("query", nargs="+", help="words to find (spelling variants and tashkeel ignored)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--limit", type=int, default=50, help="at most this many results (default 50)")
    parser.set_defaults(run=run_search)

    parser = subparsers.add_parser("show", parents=[common, shown], help="an article's metadata and text")
    parser.add_argument("id", type=int)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run_show)

    parser = subparsers.add_parser("edit", parents=[common], help="change an article's metadata")
    parser.add_argument("id", type=int)
    parser.add_argument("--title")
    parser.add_argument("--source")
    parser.add_argument("--date", help='YYYY-MM-DD, or "" to clear it')
    parser.add_argument(
        "--restore", type=int, metavar="N", action="append", help="put removed line N back (see show)"
    )
    parser.set_defaults(run=run_edit)

    parser = subparsers.add_parser("remove", parents=[common], help="remove an article")
    parser.add_argument("id", type=int)
    parser.set_defaults(run=run_remove)

    parser = subparsers.add_parser(
        "repair",
        parents=[common],
        help="recover a damaged library into a new file (the damaged one is kept beside it)",
    )
    parser.set_defaults(run=run_repair)


@contextmanager
def library_of(args: argparse.Namespace) -> Iterator[Library]:
    try:
        library = open_library(args.library)
    except LibraryError as error:
        raise CliError(str(error)) from None
    try:
        yield library
    except LibraryError as error:
        raise CliError(str(error)) from None
    finally:
        library.close()


class Output:
    """Plain logical lines when piped; on a terminal, shaped and reordered Arabic (reader.terminal)."""

    def __init__(self, args: argparse.Namespace) -> None:
        out = sys.stdout
        visual = visual_wanted(args.bidi, out)
        color = color_wanted(args.color, out)
        self.writer: TerminalWriter | None = None
        if visual or color:
            import shutil  # noqa: PLC0415

            width = max(40, min(shutil.get_terminal_size((100, 24)).columns, 160))
            options = TerminalOptions(
                color=color, visual=visual, width=width, explicit_bidi=visual and is_terminal(out)
            )
            self.writer = TerminalWriter(out, options)

    @contextmanager
    def session(self) -> Iterator[Output]:
        if self.writer is None:
            yield self
        else:
            with self.writer.session():
                yield self

    def shown(self, text: str) -> str:
        """A title or other article text placed among Qarin's own words on one line.

        On a terminal its bidi controls are shown as markers (reader.terminal); a pipe gets it as
        stored, closed in an isolate so its controls cannot reorder what follows on the line.
        """
        return text if self.writer is not None else shown_title(text)

    def line(self, *runs: Run) -> None:
        if self.writer is None:
            print("".join(piece for piece, _ in runs))
        elif any(piece.strip() for piece, _ in runs):
            self.writer.paragraph(list(runs))
        else:
            self.writer.blank()

    @property
    def width(self) -> int | None:
        """Columns of the terminal; None when piped (lines are printed whole)."""
        return self.writer.options.width if self.writer is not None else None

    def row(self, *runs: Run) -> None:
        """Columns on one line, left to right (each already fitted to its width)."""
        if self.writer is None:
            print("".join(piece for piece, _ in runs))
        else:
            self.writer.row(list(runs))

    def field(self, label: str, value: str, style: str | None = None) -> None:
        """`label:  value`: the label on the left as written, the value after it in its own
        direction, wrapped lines indented under it."""
        if self.writer is None:
            print(f"{label}{value}")
        else:
            indent = [(" " * text_width(label), None)]
            self.writer.paragraph([(value, style)], [(label, "dim")], base="L", hanging=indent)

    def text(self, text: str) -> None:
        """A whole article: paragraphs kept apart by blank lines."""
        if self.writer is None:
            print(text)
        else:
            self.writer.text([(text, None)], separator=[("", None)])


def shown_title(text: str) -> str:
    """A title printed plainly among Qarin's words: a terminal sees its controls as markers, a
    pipe gets it as stored, closed in an isolate so its controls cannot reorder the rest."""
    if is_terminal(sys.stdout):
        return shown_controls(text)
    return isolated(text) if has_controls(text) else text


class ProgressLine:
    """`[ 120/3000] path` rewritten in place on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.shown = False

    def __call__(self, done: int, total: int, current: str) -> None:
        if not self.enabled or total < 2:
            return
        width = len(str(total))
        line = f"[{done:>{width}}/{total}] {current}"[:100]
        sys.stderr.write("\r\x1b[K" + line)
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def run_import(args: argparse.Namespace) -> int:
    failed = 0
    with library_of(args) as library:
        paths = [p for p in args.paths if p != "-"]
        if "-" in args.paths:
            try:
                data = read_stream_bytes(sys.stdin.buffer)
                outcome = library.import_bytes(data, origin="stdin", title=args.title)
            except (LibraryLockedError, LibraryUnwritableError):
                raise  # the library, not the input: one line from library_of
            except (InputError, LibraryError) as error:
                print(f"qarin: stdin: {error}", file=sys.stderr)
                failed += 1
            else:
                _say_outcome(args, "stdin", outcome.article_id, outcome.duplicate, outcome.title)
        if paths:
            progress = ProgressLine()
            try:
                report = library.import_paths(paths, progress=progress)
            finally:
                progress.clear()
            for article_id in report.imported:
                if not args.quiet:
                    summary = library.summary(article_id)
                    print(f"imported {article_id}: {shown_title(summary.title)}  ({summary.origin})")
            for path, article_id in report.duplicates:
                if not args.quiet:
                    print(f"already in the library as {article_id}: {path}")
            for path, reason in report.failed:
                print(f"qarin: {path}: {reason}", file=sys.stderr)
            failed += len(report.failed)
            if len(report.imported) + len(report.duplicates) + len(report.failed) > 1 and not args.quiet:
                print(
                    f"{len(report.imported)} imported, {len(report.duplicates)} already there, "
                    f"{len(report.failed)} failed"
                )
    return 1 if failed else 0


def _say_outcome(args: argparse.Namespace, origin: str, article_id: int, duplicate: bool, title: str) -> None:
    if args.quiet:
        return
    if duplicate:
        print(f"already in the library as {article_id}: {origin}")
    else:
        print(f"imported {article_id}: {shown_title(title)}  ({origin})")


def run_list(args: argparse.Namespace) -> int:
    with library_of(args) as library:
        summaries = library.summaries()
    if args.format == "json":
        rows = [
            {"id": s.id, "title": s.title, "source": s.source, "date": s.date, "words": s.words}
            for s in summaries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    with Output(args).session() as out:
        # on a terminal each row is one line: source and title cut to their columns, so the
        # columns stay under one another; piped, the rows hold everything
        source_width = min(
            LIST_SOURCE_COLUMNS, max((text_width(s.source or "-") for s in summaries), default=1)
        )
        for s in summaries:
            flag = " [bidi controls]" if s.has_bidi_controls else ""
            prefix = f"{s.id:>5}  {s.date or '----------'}  {s.words:>6}w  "
            source = fit(out.shown(s.source) or "-", source_width)
            title = out.shown(s.title).split("\n", 1)[0] + flag
            if out.width is not None:
                room = out.width - text_width(prefix) - source_width - len(LIST_SEPARATOR)
                title = fit(title, max(10, room), pad=False)
            else:
                source = s.source or "-"
            out.row((prefix, "dim"), (source, "dim"), (LIST_SEPARATOR, "dim"), (title, None))
    return 0


def run_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with library_of(args) as library:
        hits = library.search(query, limit=max(1, args.limit), snippets=max(1, args.limit))
        titles = {hit.article_id: library.summary(hit.article_id).title for hit in hits}
    if args.format == "json":
        rows = [
            {
                "id": hit.article_id,
                "score": round(hit.score, 4),
                "title": titles[hit.article_id],
                "snippet": hit.snippet,
                "highlights": [list(span) for span in hit.highlights],
            }
            for hit in hits
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not hits:
        print(f"no article matches {query!r}", file=sys.stderr)
        return 1
    with Output(args).session() as out:
        for hit in hits:
            out.line((f"{hit.article_id:>5}  ", "dim"), (out.shown(titles[hit.article_id]), "heading"))
            runs: list[Run] = [("       ", None)]
            position = 0
            for start, end in hit.highlights:
                runs += [(hit.snippet[position:start], None), ("«" + hit.snippet[start:end] + "»", "changed")]
                position = end
            runs.append((hit.snippet[position:], None))
            out.line(*runs)
    return 0


def run_show(args: argparse.Namespace) -> int:
    with library_of(args) as library:
        article = library.article(args.id)
    if args.format == "json":
        data = {
            "id": article.id,
            "title": article.title,
            "source": article.source,
            "date": article.date,
            "time": article.time,
            "author": article.author,
            "language": article.language,
            "origin": article.origin,
            "format": article.format,
            "encoding": article.encoding,
            "imported_at": article.imported_at,
            "words": article.words,
            "has_bidi_controls": article.has_bidi_controls,
            "content_hash": article.content_hash,
            "text": article.text,
            "removed": [
                {"line": r.line, "start": r.start, "end": r.end, "text": r.text, "reason": r.reason}
                for r in article.removed
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    with Output(args).session() as out:
        for name, value in [
            ("id", str(article.id)),
            ("title", article.title),
            ("source", article.source or "-"),
            ("date", " ".join(filter(None, (article.date, article.time))) or "-"),
            ("author", article.author or "-"),
            ("language", article.language),
            ("origin", f"{article.origin} ({article.format}, {article.encoding or 'as found'})"),
            ("imported", article.imported_at),
            ("words", str(article.words)),
        ]:
            out.field(f"{name + ':':<11}", out.shown(value))
        if article.has_bidi_controls:
            out.line(
                (
                    "warning:   bidi override/isolate controls in the text: it may read unlike it is stored",
                    "moved",
                )
            )
        out.line()
        out.text(article.text)
        if article.removed:
            out.line()
            restore = f"`qarin edit {article.id} --restore N`"
            out.line((f"removed while cleaning ({len(article.removed)}; {restore}):", "heading"))
            for index, item in enumerate(article.removed):
                out.field(
                    f"  {index:>2}  line {item.line + 1:<4} {item.reason:<26} ", out.shown(item.text.strip())
                )
    return 0


def run_edit(args: argparse.Namespace) -> int:
    if args.title is None and args.source is None and args.date is None and not args.restore:
        raise CliError("nothing to change: give --title, --source, --date or --restore")
    with library_of(args) as library:
        library.update(args.id, title=args.title, source=args.source, date=args.date)
        # restore from the highest index down so the earlier indexes stay valid
        for index in sorted(set(args.restore or ()), reverse=True):
            library.restore_line(args.id, index)
        summary = library.summary(args.id)
    source = shown_title(summary.source) or "-"
    print(f"{summary.id}: {shown_title(summary.title)} | {source} | {summary.date or '-'}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    with library_of(args) as library:
        summary = library.summary(args.id)
        library.remove(args.id)
    print(f"removed {summary.id}: {shown_title(summary.title)}")
    return 0


def run_repair(args: argparse.Namespace) -> int:
    path = Path(args.library) if args.library else default_library_path()
    try:
        report = repair_library(path)
    except LibraryError as error:
        raise CliError(str(error)) from None
    if report.problem is None:
        print(f"nothing to repair: {path} passed SQLite's integrity check and its search index is sound")
        return 0
    print(f"{path} was damaged ({report.problem})")
    lost = ""
    if report.lost:
        shown = ", ".join(map(str, report.lost[:20])) + (", ..." if len(report.lost) > 20 else "")
        lost = f"; {len(report.lost)} could not be read whole (ids {shown})"
    print(f"repaired: {report.articles} articles recovered{lost}; the search index was rebuilt")
    if report.rows_skipped:
        print(f"{report.rows_skipped} other rows (or stretches of rows) could not be kept")
    print(f"the damaged file is kept as {report.kept_as}")
    return 0
