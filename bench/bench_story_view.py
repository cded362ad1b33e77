"""The story view in the window: opening a story of 12+ reports until its tables and heat map are
painted, on a library holding the SaudiNewsNet corpus.

    python bench/bench_story_view.py --library PATH [--stories 10] [--screenshots DIR] [--locale ar]

Opens the main window on the library (offscreen unless QT_QPA_PLATFORM says otherwise), opens the
stories window (grouping the library off the GUI thread), then for each of the first N stories of
12 or more reports: selects it, presses Enter, and waits until the collation table, the heat map
and the provenance list are filled and painted (a grab of the window). Prints each time, the
median against the target (< 1 s, issue 12) and the grouping time. With --screenshots, saves the
list in story mode and the first story's view as PNGs to look at, and the main window's list in
story mode; --locale ar shows them in Arabic (right to left, Arabic-Indic digits).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QLocale, QTimer
from PySide6.QtWidgets import QApplication

from reader.library import open_library
from reader.ui.application import install_translations, load_fonts
from reader.ui.window.mainwindow import MainWindow


def wait_for(signal, timeout_s: float = 120.0) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--stories", type=int, default=10)
    parser.add_argument("--screenshots", type=Path)
    parser.add_argument("--locale", default="en", help="the interface's language: en or ar")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    load_fonts()
    install_translations(app, QLocale(args.locale))
    library = open_library(args.library, seed_if_empty=False)
    window = MainWindow(library, persist=False)
    window.resize(1400, 860)
    window.show()
    started = time.perf_counter()
    panel = window.stories.open_stories()
    wait_for(panel.storiesShown)
    print(f"grouping {library.count()} articles into {panel.story_model.rowCount()} stories:"
          f" {time.perf_counter() - started:.2f} s (off the GUI thread)")  # fmt: skip
    if args.screenshots:
        args.screenshots.mkdir(parents=True, exist_ok=True)
        app.processEvents()
        panel.grab().save(str(args.screenshots / "stories-list.png"))
    rows = [r for r, s in enumerate(panel.story_model.stories) if s.reports >= 12][: args.stories]
    times = []
    for number, row in enumerate(rows):
        panel.story_list.setCurrentIndex(panel.story_model.index(row, 0))
        begun = time.perf_counter()
        panel.show_story(panel.story_model.stories[row])
        wait_for(panel.storyShown)
        panel.grab()  # painted: the tables, the heat map and the list drawn once
        times.append(time.perf_counter() - begun)
        if args.screenshots and number == 0:
            panel.grab().save(str(args.screenshots / "story-view.png"))
            panel.tabs.setCurrentIndex(1)
            panel.show_similar(panel.view.base_id)
            wait_for(panel.similarShown)
            panel.grab().save(str(args.screenshots / "similar.png"))
            panel.tabs.setCurrentIndex(0)
    if times:
        sizes = [panel.story_model.stories[r].reports for r in rows]
        print(
            "story view, open to painted (s): "
            + ", ".join(f"{t:.2f} ({n})" for t, n in zip(times, sizes, strict=True))
        )
        print(f"median {statistics.median(times):.2f} s for {min(sizes)}-{max(sizes)} reports (< 1 s)")
    if args.screenshots:
        window.set_list_mode(True)
        mode = window.list_panel.story_mode
        wait_for(mode.storiesShown)
        app.processEvents()
        window.grab().save(str(args.screenshots / "list-story-mode.png"))
    window.close()
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
