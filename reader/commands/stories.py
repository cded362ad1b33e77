"""`qarin similar | reindex | stories | story`: text shared across the library, and stories.

Output is plain logical text when piped, shaped on a terminal (as the other library commands);
`--format json` gives UTF-8 JSON with Arabic unescaped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from reader.commands import CliError
from reader.commands.library import Output, ProgressLine, library_of
from reader.library import ArticleSummary
from reader.library.metadata import valid_iso_date
from reader.stories import build_story_view, stories_of, story_containing
from reader.stories.model import ABSENT, REWORDED, SAME

_CELL_MARKS = {SAME: "=", REWORDED: "~", ABSENT: "."}

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

    parser = subparsers.add_parser(
        "stories", parents=[common, shown], help="reports sharing substantial text, grouped into stories"
    )
    parser.add_argument("--since", metavar="DATE", help="only stories seen on or after YYYY-MM-DD")
    parser.add_argument(
        "--related",
        action="store_true",
        help="also join same-period reports on one event, little shared wording",
    )
    parser.set_defaults(run=run_stories)

    parser = subparsers.add_parser(
        "story", parents=[common, shown], help="one story: base report, collation, who took from whom"
    )
    parser.add_argument("id", type=int, help="any article of the story")
    parser.set_defaults(run=run_story)


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


def run_stories(args: argparse.Namespace) -> int:
    since = None
    if args.since:
        try:
            since = valid_iso_date(args.since)
        except ValueError as error:
            raise CliError(str(error)) from None
    with library_of(args) as library:
        stories = stories_of(library, since=since, related=args.related)
    if args.format == "json":
        print(json.dumps([story.to_dict() for story in stories], ensure_ascii=False, indent=1))
        return 0
    if not stories:
        print(
            "no story: no two articles share enough text" + (f" since {since}" if since else ""),
            file=sys.stderr,
        )
        return 0
    with Output(args).session() as out:
        out.line(("   id  reports  first seen        last seen         outlets  |  headline", "dim"))
        for story in stories:
            out.line(
                (f"{story.id:>5}  {story.reports:>7}  {(story.first_seen or '-')[:16]:<16}  ", None),
                (f"{(story.last_seen or '-')[:16]:<16}  {', '.join(story.outlets) or '-'}  |  ", "dim"),
                (story.headline, None),
            )
    return 0


def run_story(args: argparse.Namespace) -> int:
    with library_of(args) as library:
        story = story_containing(library, args.id)
        progress = ProgressLine()
        try:
            view = build_story_view(library, story, progress=progress)
        finally:
            progress.clear()
        base_text = library.text(view.base_id)
    if args.format == "json":
        print(json.dumps(view.to_dict(base_text), ensure_ascii=False, indent=1))
        return 0
    with Output(args).session() as out:
        out.line((story.headline, "heading"))
        span = f"{story.first_seen} .. {story.last_seen}"
        out.line((f"{story.reports} reports, {', '.join(story.outlets)}; {span}", "dim"))
        out.line((f"base: #{view.base_id}, {view.base_reason}", None))
        out.line()
        out.line(("   id  source        reprints  verbatim  adds  drops", "dim"))
        for report in view.reports:
            out.line(
                (
                    f"{report.article_id:>5}  {report.source[:12]:<12}  {report.reprints:>8.0%}  "
                    f"{report.verbatim:>8.0%}  {report.adds:>4.0%}  {report.drops:>5.0%}",
                    None,
                )
            )
        out.line()
        ids = "  ".join(str(report.article_id) for report in view.reports)
        out.line((f"collation (= same, ~ reworded, . absent) of the base's sentences in: {ids}", "dim"))
        for number, ((start, end), row) in enumerate(
            zip(view.sentences, view.collation, strict=True), start=1
        ):
            marks = "".join(_CELL_MARKS[cell.kind] for cell in row)
            out.line((f"{number:>3} {marks}  ", None), (base_text[start:end][:60], "dim"))
        out.line()
        out.line(("who took from whom:", "heading"))
        for item in view.provenance:
            source = f"from #{item.source_id}" if item.source_id is not None else "first"
            out.line(
                (f"{item.article_id:>5}  {source:<11} {item.confidence}: ", None), (item.evidence, "dim")
            )
    return 0
