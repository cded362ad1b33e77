"""`qarin import | list | search | show | edit | remove`: the article library from the terminal.

Output is plain logical text (what a pipe or another program wants); errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from reader.cli import CliError
from reader.library import Library, LibraryError, open_library


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", metavar="PATH", help="library file (default: the user's Qarin library)")

    parser = subparsers.add_parser(
        "import", parents=[common], help="import text/HTML files, folders, or stdin (-)"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - reads stdin")
    parser.add_argument("--title", help="title for text read from stdin")
    parser.add_argument("--quiet", "-q", action="store_true", help="print only failures")
    parser.set_defaults(run=run_import)

    parser = subparsers.add_parser("list", parents=[common], help="list the articles")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(run=run_list)

    parser = subparsers.add_parser("search", parents=[common], help="search titles and texts")
    parser.add_argument("query", nargs="+", help="words to find (spelling variants and tashkeel ignored)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--limit", type=int, default=50, help="at most this many results (default 50)")
    parser.set_defaults(run=run_search)

    parser = subparsers.add_parser("show", parents=[common], help="an article's metadata and text")
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


@contextmanager
def _library(args: argparse.Namespace) -> Iterator[Library]:
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


class _ProgressLine:
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
    with _library(args) as library:
        paths = [p for p in args.paths if p != "-"]
        if "-" in args.paths:
            data = sys.stdin.buffer.read()
            try:
                outcome = library.import_bytes(data, origin="stdin", title=args.title)
            except LibraryError as error:
                print(f"qarin: stdin: {error}", file=sys.stderr)
                failed += 1
            else:
                _say_outcome(args, "stdin", outcome.article_id, outcome.duplicate, outcome.title)
        if paths:
            progress = _ProgressLine()
            try:
                report = library.import_paths(paths, progress=progress)
            finally:
                progress.clear()
            for article_id in report.imported:
                if not args.quiet:
                    summary = library.summary(article_id)
                    print(f"imported {article_id}: {summary.title}  ({summary.origin})")
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
        print(f"imported {article_id}: {title}  ({origin})")


def run_list(args: argparse.Namespace) -> int:
    with _library(args) as library:
        summaries = library.summaries()
    if args.format == "json":
        rows = [
            {"id": s.id, "title": s.title, "source": s.source, "date": s.date, "words": s.words}
            for s in summaries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for s in summaries:
        flag = " [bidi controls]" if s.has_bidi_controls else ""
        print(f"{s.id:>5}  {s.date or '----------'}  {s.words:>6}w  {s.source or '-'}  |  {s.title}{flag}")
    return 0


def run_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with _library(args) as library:
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
    for hit in hits:
        print(f"{hit.article_id:>5}  {titles[hit.article_id]}")
        print(f"       {hit.marked()}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    with _library(args) as library:
        article = library.article(args.id)
    if args.format == "json":
        data = {
            "id": article.id,
            "title": article.title,
            "source": article.source,
            "date": article.date,
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
    print(f"id:        {article.id}")
    print(f"title:     {article.title}")
    print(f"source:    {article.source or '-'}")
    print(f"date:      {article.date or '-'}")
    print(f"language:  {article.language}")
    print(f"origin:    {article.origin} ({article.format}, {article.encoding or 'as found'})")
    print(f"imported:  {article.imported_at}")
    print(f"words:     {article.words}")
    if article.has_bidi_controls:
        print("warning:   the text holds bidi override/isolate controls (it may read unlike it is stored)")
    print()
    print(article.text)
    if article.removed:
        print()
        print(f"removed while cleaning ({len(article.removed)}; `qarin edit {article.id} --restore N`):")
        for index, item in enumerate(article.removed):
            print(f"  {index:>2}  line {item.line + 1:<4} {item.reason:<26} {item.text.strip()}")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    if args.title is None and args.source is None and args.date is None and not args.restore:
        raise CliError("nothing to change: give --title, --source, --date or --restore")
    with _library(args) as library:
        library.update(args.id, title=args.title, source=args.source, date=args.date)
        # restore from the highest index down so the earlier indexes stay valid
        for index in sorted(set(args.restore or ()), reverse=True):
            library.restore_line(args.id, index)
        summary = library.summary(args.id)
    print(f"{summary.id}: {summary.title} | {summary.source or '-'} | {summary.date or '-'}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    with _library(args) as library:
        summary = library.summary(args.id)
        library.remove(args.id)
    print(f"removed {summary.id}: {summary.title}")
    return 0
