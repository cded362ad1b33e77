"""The window on a big library (issue 4): open a 10,000-article library and scroll its list.

    python bench/bench_library_window.py [--library PATH]

Without --library it first builds one with `bench_library.py --keep` (about a minute). Prints the
time from a new process to the window shown with every row listed (target < 2 s) and the longest
step while the list is scrolled from top to bottom a page at a time, each step painted (smooth:
every step well under the 16-50 ms of a frame).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import os, sys, time
started = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from reader.ui.application import create_application
app = create_application(["qarin"])
from reader.library import open_library
from reader.ui.window.mainwindow import MainWindow
library = open_library(sys.argv[1], seed_if_empty=False)
window = MainWindow(library, persist=False)
window.resize(1400, 860)
window.show()
app.processEvents()
shown = time.perf_counter() - started
rows = window.model.rowCount()
bar = window.table.verticalScrollBar()
steps = []
while bar.value() < bar.maximum():
    t = time.perf_counter()
    bar.setValue(bar.value() + bar.pageStep())
    window.table.viewport().repaint()
    app.processEvents()
    steps.append(time.perf_counter() - t)
print(shown, rows, len(steps), max(steps), sorted(steps)[len(steps) // 2], flush=True)
window.close()
app.processEvents()
os._exit(0)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path)
    args = parser.parse_args()
    bench = Path(__file__).resolve().parent
    library = args.library
    if library is None:
        work = Path(tempfile.mkdtemp(prefix="qarin-bench-window-"))
        subprocess.run([sys.executable, str(bench / "bench_library.py"), "--keep", str(work)], check=True)
        library = work / "library.sqlite3"
    env = dict(os.environ, XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="qarin-bench-config-"))
    runs = []
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(library)], capture_output=True, text=True, env=env, check=True
        )
        shown, rows, steps, longest, median = done.stdout.split()
        runs.append((float(shown), int(rows), int(steps), float(longest), float(median)))
    best = min(runs)
    times = ", ".join(f"{r[0]:.2f}" for r in runs)
    print(
        f"open a {best[1]:,}-article library to the window with every row listed: {times} s; "
        f"best {best[0]:.2f} s (target < 2 s; ratio {best[0] / 2:.2f})"
    )
    median_ms = statistics.median(r[4] for r in runs) * 1000
    longest_ms = max(r[3] for r in runs) * 1000
    print(
        f"scroll the list top to bottom, {best[2]} page steps each painted: median {median_ms:.1f} ms, "
        f"longest {longest_ms:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
