"""The window on a big library (issue 4): open a 10,000-article library and scroll its list.

    python bench/bench_library_window.py [--library PATH] [--runs N] [--against DIR]

Without --library it first builds one with `bench_library.py --keep` (about a minute). Prints the
time from a new process to the window shown with every row listed (target < 2 s) and the longest
step while the list is scrolled from top to bottom a page at a time, each step painted (smooth:
every step well under the 16-50 ms of a frame).

The child processes keep their bytecode (in a temporary folder), as an installed Qarin does; one
first run of each checkout writes it and is not counted. With --against DIR (a checkout of another
commit, its C extensions built in place) the runs alternate between the two, so both meet the
same machine load.
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


def open_window(code: Path, library: Path, env: dict[str, str]) -> tuple[float, int, int, float, float]:
    """(seconds to the window shown, rows, scroll steps, longest step, median step) of one start."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(library)],
        capture_output=True, text=True, check=True, env=dict(env, PYTHONPATH=str(code)),
        cwd=tempfile.gettempdir(),  # `-c` puts the current folder first on sys.path
    )  # fmt: skip
    shown, rows, steps, longest, median = done.stdout.split()
    return float(shown), int(rows), int(steps), float(longest), float(median)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout to time in the same run")
    args = parser.parse_args()
    bench = Path(__file__).resolve().parent
    library = args.library
    if library is None:
        work = Path(tempfile.mkdtemp(prefix="qarin-bench-window-"))
        subprocess.run([sys.executable, str(bench / "bench_library.py"), "--keep", str(work)], check=True)
        library = work / "library.sqlite3"
    env = dict(os.environ, XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="qarin-bench-config-"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    codes = {"this checkout": bench.parent}
    if args.against:
        codes = {f"against {args.against}": args.against.resolve(), **codes}
    caches = {name: tempfile.mkdtemp(prefix="qarin-bench-pycache-") for name in codes}
    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores)")
    runs: dict[str, list[tuple[float, int, int, float, float]]] = {name: [] for name in codes}
    for name, code in codes.items():  # writes the bytecode
        open_window(code, library, dict(env, PYTHONPYCACHEPREFIX=caches[name]))
    for _ in range(args.runs):
        for name, code in codes.items():
            runs[name].append(open_window(code, library, dict(env, PYTHONPYCACHEPREFIX=caches[name])))
    for name, measured in runs.items():
        best = min(measured)
        times = ", ".join(f"{r[0]:.2f}" for r in measured)
        print(
            f"{name}: open a {best[1]:,}-article library to the window with every row listed: {times} s;"
            f" best {best[0]:.2f} s, median {statistics.median(r[0] for r in measured):.2f} s"
            f" (target < 2 s; ratio {best[0] / 2:.2f})"
        )
        median_ms = statistics.median(r[4] for r in measured) * 1000
        longest_ms = max(r[3] for r in measured) * 1000
        print(
            f"  scroll the list top to bottom, {best[2]} page steps each painted: median {median_ms:.1f} ms,"
            f" longest {longest_ms:.1f} ms"
        )
    if args.against:
        old, new = (statistics.median(r[0] for r in runs[name]) for name in codes)
        print(f"median open time this / against: {new / old:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
