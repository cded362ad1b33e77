"""Cleaning benchmark: texts of many short lines (the shape that made cleaning quadratic).

    python bench/bench_cleaning.py [--sizes 1000,10000,100000]

Each size is a text of that many short Arabic lines with no sentence end, so every line is in
the "top block" the cleaner inspects. Prints the time to clean (make_draft) and to import it into
a fresh library, and the growth per 10x lines: near-linear is ~10x, quadratic ~100x (issue 14:
100k lines took 41.9 s to import before the fix).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from reader.library import open_library
from reader.library.importers import make_draft


def short_lines(count: int) -> str:
    return "\n".join(f"سطر قصير رقم {number} من القائمة" for number in range(count))


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'lines':>8} {'clean s':>9} {'import s':>9} {'clean x':>8} {'import x':>9}")
    previous: tuple[int, float, float] | None = None
    with tempfile.TemporaryDirectory() as folder:
        for number, size in enumerate(sizes):
            text = short_lines(size)
            clean = timed(
                lambda text=text: make_draft(
                    text, original=b"", encoding="utf-8", format="txt", origin="bench"
                )
            )
            library = open_library(Path(folder) / f"bench{number}.sqlite3", seed_if_empty=False)
            try:
                imported = timed(lambda text=text, library=library: library.import_bytes(text.encode()))
            finally:
                library.close()
            ratios = ""
            if previous is not None:
                scale = size / previous[0]
                ratios = f" {clean / previous[1]:>7.1f}x {imported / previous[2]:>8.1f}x  (lines x{scale:g})"
            print(f"{size:>8} {clean:>9.3f} {imported:>9.3f}{ratios}")
            previous = (size, clean, imported)


if __name__ == "__main__":
    main()
