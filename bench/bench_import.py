"""`qarin import` of the SaudiNewsNet corpus (issue 12: "import with indexing under 90 s"): wall and
CPU time of the command, and, with --against, the same for another checkout in the same run.

    python bench/bench_import.py [--zips N] [--runs N] [--against DIR]

Each run imports the corpus's zips (read from ../shared/corpora/saudinewsnet, never copied) into a
fresh library in a temporary folder, as a user would: `python -m reader import --quiet --library
LIB ZIPS`, in a child process whose CPU time (user + system) is read from the OS. With --against
DIR (a checkout of another commit, its C extensions built in place) the runs alternate between the
two, so both meet the same machine load, and the two libraries are compared: every stored column
but the import time, the search index's columns, the reuse index, and the answers to searches.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_folder

ROOT = Path(__file__).resolve().parents[1]
# what must be equal in two libraries of the same import (imported_at is the clock's)
CONTENT = (
    "SELECT id, title, source, date, language, origin, format, content_hash, encoding, words,"
    " has_bidi_controls, time, author FROM articles ORDER BY id",
    "SELECT * FROM article_bodies ORDER BY article_id",
    "SELECT * FROM removed_lines ORDER BY article_id, line, start",
    "SELECT * FROM search_text ORDER BY article_id",
    "SELECT * FROM reuse_articles ORDER BY article_id",
    "SELECT * FROM reuse_postings ORDER BY fingerprint, article_id",
)
QUERIES = ("الملك سلمان", "وزارة الصحة", "كورونا", "النفط", "أمير منطقة الرياض", "الهلال", "داعش")


def import_once(code: Path, zips: list[Path], work: Path) -> tuple[float, float, Path]:
    """(wall s, CPU s, library) of one `qarin import` run with the package at `code`."""
    library = Path(tempfile.mkdtemp(dir=work)) / "library.sqlite3"
    env = dict(os.environ, PYTHONPATH=str(code), XDG_DATA_HOME=str(work / "data"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reader", "import", "--quiet", "--library", str(library), *map(str, zips)],
        env=env,
        cwd=work,
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip  (items of the corpus without text fail, as they should: the exit code says so)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, library


def digest(library: Path) -> str:
    """A hash of everything two imports of the same files must agree on."""
    sha = hashlib.sha256()
    with sqlite3.connect(library) as db:
        for query in CONTENT:
            for row in db.execute(query):
                sha.update(repr(row).encode())
    code = (
        "import sys; from reader.library import open_library"
        "; lib = open_library(sys.argv[1], seed_if_empty=False)"
        "; print([[h.article_id for h in lib.search(q)] for q in sys.argv[2:]])"
    )
    answers = subprocess.run(
        [sys.executable, "-c", code, str(library), *QUERIES], capture_output=True, text=True, check=True
    )
    sha.update(answers.stdout.encode())
    return sha.hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zips", type=int, default=0, help="the first N zips of the corpus (0: all 12)")
    parser.add_argument("--runs", type=int, default=2, help="runs of each checkout")
    parser.add_argument("--against", type=Path, help="another checkout to time in the same run")
    args = parser.parse_args()
    zips = sorted(corpus_folder().glob("*.zip"))[: args.zips or None]
    work = Path(tempfile.mkdtemp(prefix="qarin-bench-import-"))
    codes = {"this checkout": ROOT}
    if args.against:
        codes = {f"against {args.against}": args.against.resolve(), **codes}
    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores); {len(zips)} zips")
    figures: dict[str, list[tuple[float, float]]] = {name: [] for name in codes}
    digests: dict[str, set[str]] = {name: set() for name in codes}
    try:
        for run in range(args.runs):
            for name, code in codes.items():
                wall, cpu, library = import_once(code, zips, work)
                articles = sqlite3.connect(library).execute("SELECT count(*) FROM articles").fetchone()[0]
                figures[name].append((wall, cpu))
                digests[name].add(digest(library))
                print(f"  run {run + 1} {name}: {articles} articles, {wall:.1f} s wall, {cpu:.1f} s CPU",
                      flush=True)  # fmt: skip
                shutil.rmtree(library.parent)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for name, runs in figures.items():
        wall = min(w for w, _ in runs)
        cpu = min(c for _, c in runs)
        print(f"{name:40} best wall {wall:6.1f} s   best CPU {cpu:6.1f} s   (target < 90 s)")
    if args.against:
        (old, new) = (figures[name] for name in codes)
        print(f"CPU ratio this / against: {min(c for _, c in new) / min(c for _, c in old):.2f}")
        same = len(set().union(*digests.values())) == 1
        print("libraries identical (content, search index, reuse index, search answers):", same)
    return 0


if __name__ == "__main__":
    sys.exit(main())
