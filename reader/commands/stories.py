"""`qarin similar | reindex | stories | story`: text shared across the library, and stories.

Output is plain logical text when piped, shaped on a terminal (as the other library commands);
`--format json` gives UTF-8 JSON with Arabic unescaped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from reader.commands.library import Output, ProgressLine, library_of
from reader.library import ArticleSummary

_BIDI_HELP = "visual: shape and reorder Arabic for terminals that cannot; logical: as stored; auto (default)"


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--library", metavar="PATH", help="library file (default: the user's Qarin library)")
    shown = argparse.ArgumentParser(add_help=False)
    shown.add_argument("--bidi", choices=("auto", "visual", "logical"), default="auto", help=_BIDI_HELP)
    shown.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    shown.add_argument("--format", choices=("text", "json"), default="text")

    parser = subparsers.add_parser(
        "similar", parents=[common, shown], help="the articles sharing text with one article"
    )
    parser.add_argument("id", type=int)
    parser.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    parser.set_defaults(run=run_similar)

    parser = subparsers.add_parser("reindex", parents=[common], help="rebuild the index of shared text")
    parser.set_defaults(run=run_reindex)


def _when(summary: ArticleSummary) -> str:
    if not summary.date:
        return "----------"
    return f"{summary.date} {summary.time[:5]}" if summary.time else summary.date


def run_similar(args: argparse.Namespace) -> int:
    with library_of(args) as library:
        overlaps = library.similar(args.id, limit=max(1, args.limit))
        summaries = {o.article_id: library.summary(o.article_id) for o in overlaps}
    if args.format == "json":
        rows = [
            {
                "id": o.article_id,
                "share_of_this": round(o.share_of_this, 4),
                "share_of_other": round(o.share_of_other, 4),
                "shared_fingerprints": o.shared,
                "title": summaries[o.article_id].title,
                "source": summaries[o.article_id].source,
                "date": summaries[o.article_id].date,
                "time": summaries[o.article_id].time,
            }
            for o in overlaps
        ]
        print(json.dumps({"id": args.id, "similar": rows}, ensure_ascii=False, indent=1))
        return 0
    if not overlaps:
        print(f"no article shares text with {args.id}", file=sys.stderr)
        return 0
    with Output(args).session() as out:
        out.line(("   id  of this  of it  date              source  |  title", "dim"))
        for o in overlaps:
            summary = summaries[o.article_id]
            out.line(
                (f"{o.article_id:>5}  {o.share_of_this:>6.0%}  {o.share_of_other:>5.0%}  ", None),
                (f"{_when(summary):<16}  {summary.source or '-'}  |  ", "dim"),
                (summary.title, None),
            )
    return 0


def run_reindex(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    with library_of(args) as library:
        progress = ProgressLine()
        try:
            count = library.reindex(progress=progress)
        finally:
            progress.clear()
    print(f"reuse index rebuilt: {count} articles in {time.perf_counter() - started:.1f} s")
    return 0
