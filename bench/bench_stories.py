"""Stories benchmark on SaudiNewsNet: import with indexing, "sharing text with this one", grouping
every article into stories and building a story's view, at 5k, 10k and all 20,329 articles.

    python bench/bench_stories.py [--sizes 5000,10000,0] [--keep DIR]

Each size is a fresh library filled with the first N articles of the corpus (read from
../shared/corpora/saudinewsnet, never copied; 0 = all), imported as `qarin import` does (JSON
records from the zips, cleaned, search- and reuse-indexed, committed about once a second).
Prints each figure beside its target (issue 12) and the growth from each size to the next:
import < 90 s, similar < 50 ms median, grouping < 20 s (all at 20k); the story view (the engine's
part of opening a story of 12+ reports: collation, shares, provenance) is printed for the window's
< 1 s budget. Per-article costs are printed for README's "Beyond one machine".
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_folder

from reader.library import open_library
from reader.library.archives import draft_from_record, read_collection
from reader.stories import build_story_view, stories_of


def corpus_items(limit: int | None):
    items = []
    for path in sorted(corpus_folder().glob("*.zip")):
        for record in read_collection(path):
            items.append((record.label, partial(draft_from_record, record, record.label), None))
            if limit and len(items) >= limit:
                return items
    return items


def measure(size: int, work: Path) -> dict[str, float]:
    items = corpus_items(size or None)
    library = open_library(work / f"library-{size or 'all'}.sqlite3", seed_if_empty=False)
    started, cpu = time.perf_counter(), time.process_time()
    report = library.import_items(items)
    figures = {
        "articles": float(library.count()),
        "import s": time.perf_counter() - started,
        "import cpu s": time.process_time() - cpu,
    }
    ids = [summary.id for summary in library.summaries()]
    sample = random.Random(1).sample(ids, min(300, len(ids)))
    times = []
    for article_id in sample:
        begun = time.perf_counter()
        library.similar(article_id)
        times.append(time.perf_counter() - begun)
    figures["similar median ms"] = statistics.median(times) * 1000
    figures["similar p95 ms"] = sorted(times)[int(len(times) * 0.95)] * 1000
    started = time.perf_counter()
    stories = stories_of(library)
    figures["grouping s"] = time.perf_counter() - started
    figures["stories"] = float(len(stories))
    big = [story for story in stories if story.reports >= 12][:20]
    view_times = []
    for story in big:
        begun = time.perf_counter()
        build_story_view(library, story)
        view_times.append(time.perf_counter() - begun)
    figures["story view (12+ reports) median ms"] = (
        statistics.median(view_times) * 1000 if view_times else 0.0
    )
    figures["library MB"] = os.path.getsize(library.path) / 1e6
    library.close()
    print(f"  {size or 'all'}: {len(report.imported)} imported, {len(report.failed)} failed", flush=True)
    return figures


TARGETS = {
    "import s": 90.0,
    "similar median ms": 50.0,
    "grouping s": 20.0,
    "story view (12+ reports) median ms": 1000.0,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,10000,0", help="articles per library (0: the whole corpus)")
    parser.add_argument("--keep", type=Path, help="keep the libraries in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="qarin-bench-stories-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores)")
    sizes = [int(value) for value in args.sizes.split(",")]
    results = [measure(size, work) for size in sizes]
    names = [f"{int(r['articles'])}" for r in results]
    print(f"{'':38}" + "".join(f"{name:>12}" for name in names) + "      target")
    for key in results[0]:
        target = f"  < {TARGETS[key]:g}" if key in TARGETS else ""
        print(f"{key:38}" + "".join(f"{r[key]:>12.1f}" for r in results) + target)
    for before, after in zip(results, results[1:], strict=False):
        ratio = after["articles"] / before["articles"]
        growth = {
            key: after[key] / before[key]
            for key in ("import s", "similar median ms", "grouping s")
            if before[key]
        }
        print(
            f"x{ratio:.2f} articles -> " + ", ".join(f"{key} x{value:.2f}" for key, value in growth.items())
        )
    last = results[-1]
    print(
        f"per article at {int(last['articles'])}: import {last['import s'] / last['articles'] * 1000:.2f} ms,"
        f" grouping {last['grouping s'] / last['articles'] * 1000:.3f} ms,"
        f" index {last['library MB'] / last['articles'] * 1000:.1f} kB of library file"
    )
    if not args.keep:
        print(f"libraries in {work} (delete when done)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
