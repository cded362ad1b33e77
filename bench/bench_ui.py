"""Window speed: prints figures and their targets (issue 3). Not a test; run by hand:

    python bench/bench_ui.py            # all four measures
    python bench/bench_ui.py --skip-1m  # without the million-word pair (needs ~1.5 GB and a minute)

1. cold start (new process) to the first painted comparison of two seeds      target < 1.5 s
2. switching to another pair of seed-length articles, until painted             target < 150 ms
3. highlighting a 100k-word pair after the engine returned, until painted       target < 0.5 s
4. longest event-loop stall while a 1M-word pair is compared (QTimer heartbeat)  target < 100 ms
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = tempfile.mkdtemp(prefix="qarin-bench-")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")

CHILD = r"""
import sys, time
started = float(sys.argv[1])
from PySide6.QtCore import QSettings, QTimer
from reader.ui.application import create_application
app = create_application(["qarin"])
from reader.library import open_library
from reader.ui.window.mainwindow import MainWindow
from reader.ui.window.settings import WindowSettings
library = open_library(sys.argv[2])
settings = WindowSettings(QSettings(sys.argv[3], QSettings.Format.IniFormat))
window = MainWindow(library, settings, persist=False)
def painted():
    print(f"{time.time() - started:.4f}", flush=True)
    app.quit()
window.comparisonPainted.connect(painted)
window.show()
window.open_initial_pair()
QTimer.singleShot(30000, app.quit)
app.exec()
"""


def seeds() -> list[str]:
    folder = resources.files("reader.seeds")
    return [
        e.read_text(encoding="utf-8")
        for e in sorted(folder.iterdir(), key=lambda e: e.name)
        if e.name.endswith(".txt")
    ]


def big_pair(words: int, seed: int = 7) -> tuple[str, str]:
    """Two long texts made of seed paragraphs: B reuses most of A's paragraphs, some moved, with
    a few words changed, plus paragraphs of its own."""
    rng = random.Random(seed)
    paragraphs = [p for text in seeds() for p in text.split("\n") if len(p.split()) > 8]
    a_parts: list[str] = []
    count = 0
    serial = 0
    while count < words:
        p = rng.choice(paragraphs)
        serial += 1
        p = f"{p} ({serial})"  # every paragraph distinct, as in a real archive
        a_parts.append(p)
        count += len(p.split())
    b_parts = []
    for p in a_parts:
        roll = rng.random()
        if roll < 0.15:
            continue  # dropped
        tokens = p.split()
        if roll < 0.45:
            for _ in range(2):
                tokens[rng.randrange(len(tokens))] = "تعديل"
        b_parts.append(" ".join(tokens))
        if roll > 0.9:
            b_parts.append(rng.choice(paragraphs) + " (ب)")
    for _ in range(len(b_parts) // 20):  # move some paragraphs far away
        i, j = rng.randrange(len(b_parts)), rng.randrange(len(b_parts))
        b_parts.insert(j, b_parts.pop(i))
    return "\n".join(a_parts), "\n".join(b_parts)


def cold_start(runs: int = 3) -> list[float]:
    folder = Path(tempfile.mkdtemp(prefix="qarin-cold-"))
    library = folder / "library.sqlite3"
    figures = []
    for run in range(runs):
        ini = folder / f"settings{run}.ini"
        started = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, repr(started), str(library), str(ini)],
            capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip
        figures.append(float(out.stdout.strip().splitlines()[-1]))
    return figures


def in_process(skip_1m: bool, only_1m: bool = False) -> None:
    from PySide6.QtCore import QSettings

    from reader.compare import CompareOptions
    from reader.library import open_library
    from reader.ui.application import create_application
    from reader.ui.window.mainwindow import MainWindow
    from reader.ui.window.settings import WindowSettings
    from reader.view.comparison import CompareRequest, prepare_result

    app = create_application(["qarin"])
    folder = Path(tempfile.mkdtemp(prefix="qarin-bench-"))
    library = open_library(folder / "library.sqlite3")
    settings = WindowSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(library, settings, persist=False)
    window.resize(1400, 860)
    window.show()
    state = {"painted": False}
    window.comparisonPainted.connect(lambda: state.__setitem__("painted", True))

    def wait(condition, timeout: float = 600.0) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            app.processEvents()
            if time.perf_counter() > deadline:
                raise TimeoutError
            time.sleep(0.0005)

    ids = [s.id for s in library.summaries()]
    window.show_pair(ids[0], ids[1])
    wait(lambda: state["painted"] and not window.view.highlighting())

    if only_1m:
        million_words(app, window, library, state, wait)
        return
    # 2. switching pairs
    pairs = [(a, b) for a in ids for b in ids if a < b]
    timings = []
    for left, right in pairs * 2:
        state["painted"] = False
        started = time.perf_counter()
        window.show_pair(left, right)
        wait(lambda: state["painted"])
        timings.append(time.perf_counter() - started)
        wait(lambda: not window.view.highlighting())
    print(
        f"2. switch pair (seed-length, {len(timings)} switches): "
        f"median {statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms  "
        f"(target < 150 ms; ratio {max(timings) / 0.150:.2f})"
    )

    # 3. highlighting a 100k-word pair after the engine returned
    text_a, text_b = big_pair(100_000)
    view = window.view
    view.set_texts(text_a, text_b)
    wait(lambda: not (view.left.loading or view.right.loading))
    started = time.perf_counter()
    result = prepare_result(CompareRequest(0, 0, text_a, text_b, CompareOptions()))
    engine = time.perf_counter() - started
    view._awaiting_paint.clear()
    painted = {"done": False}
    view.painted.connect(lambda: painted.__setitem__("done", True))
    started = time.perf_counter()
    view.apply_result(result)
    wait(lambda: painted["done"])
    to_paint = time.perf_counter() - started
    wait(lambda: not view.highlighting())
    to_full = time.perf_counter() - started
    words_a, words_b = len(text_a.split()), len(text_b.split())
    print(
        f"3. highlight {words_a:,} x {words_b:,} words ({len(result.comparison.passages)} passages; engine + "
        f"span tables {engine:.2f} s in the worker): painted after {to_paint * 1000:.0f} ms, "
        f"every block after {to_full:.2f} s in slices  (target < 0.5 s; ratio {to_paint / 0.5:.2f})"
    )

    if not skip_1m:
        million_words(app, window, library, state, wait)


def million_words(_app, window, library, state, wait) -> None:
    """4. event-loop stall while a 1M-word pair is compared."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    text_a, text_b = big_pair(1_000_000, seed=11)
    library.import_text(text_a, title="bench A")
    library.import_text(text_b, title="bench B")
    window.reload_articles()
    big_ids = [s.id for s in library.summaries() if s.title.startswith("bench")]
    window.comparer.cancel_background()
    if os.environ.get("BENCH_NO_SHARES"):
        window._shares_timer.setInterval(10**9)
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(beat)
    state["painted"] = False
    heartbeat.start()
    last[0] = clock.elapsed()
    started = time.perf_counter()
    window.show_pair(big_ids[0], big_ids[1])  # the panes load 2 x 1M words in slices meanwhile
    load = time.perf_counter() - started
    compare_started = time.perf_counter()
    wait(lambda: window.result() is not None)
    compare_seconds = time.perf_counter() - compare_started
    compare_gaps = list(gaps)
    gaps.clear()
    wait(lambda: state["painted"] and not window.view.highlighting())
    heartbeat.stop()
    highlight_gaps = list(gaps)
    print(
        f"4. 1M-word pair ({len(text_a.split()):,} x {len(text_b.split()):,} words): show_pair returned "
        f"after {load:.2f} s; loading panes in slices + comparing in a child {compare_seconds:.1f} s "
        f"with the longest event-loop stall {max(compare_gaps):.0f} ms over {len(compare_gaps)} heartbeats "
        f"(target < 100 ms; ratio {max(compare_gaps) / 100:.2f}); while highlighting in slices: longest "
        f"stall {max(highlight_gaps or [0]):.0f} ms"
    )
    window.close()
    QApplication.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--skip-1m", action="store_true", help="leave out the million-word pair")
    parser.add_argument("--only-1m", action="store_true", help="only the million-word pair")
    args = parser.parse_args()
    if not args.only_1m:
        cold = cold_start()
        print(
            f"1. cold start to first painted comparison (new process, seeded library): "
            f"{', '.join(f'{c:.2f}' for c in cold)} s; best {min(cold):.2f} s  (target < 1.5 s; ratio "
            f"{min(cold) / 1.5:.2f})"
        )
    in_process(args.skip_1m, args.only_1m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
