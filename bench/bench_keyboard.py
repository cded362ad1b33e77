"""Speed of the keyboard helper's pieces: the article list model and the Arabic-aware find.

Prints figures and the targets next to them; nothing here fails. Run from the repository root:
    python bench/bench_keyboard.py
"""

from __future__ import annotations

import os
import statistics
import time
from importlib.resources import files

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from reader.library.model import ArticleSummary
from reader.text.search_fold import fold_with_map
from reader.ui.comparison.findbar import FindBar
from reader.ui.library.article_model import (
    COL_SHARED,
    COL_TITLE,
    COL_WORDS,
    ArticleFilterProxy,
    ArticleTableModel,
)


def seeds() -> list[str]:
    return [
        p.read_text(encoding="utf-8")
        for p in sorted(files("reader.seeds").iterdir())
        if p.name.endswith(".txt")
    ]


def timed(function, runs: int = 1) -> float:
    """Median milliseconds of `runs` calls."""
    laps = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        laps.append((time.perf_counter() - start) * 1000)
    return statistics.median(laps)


def row(what: str, ms: float, target: str) -> None:
    print(f"  {what:<52} {ms:9.1f} ms   target {target}")


def bench_list(texts: list[str]) -> None:
    titles = [text.strip().split("\n", 1)[0][:90] for text in texts]
    sources = ["الأهرام", "سكاي نيوز عربية", "Reuters"]
    summaries = [
        ArticleSummary(i, f"{titles[i % len(titles)]} ({i})", sources[i % 3],
                       f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}", 300 + i % 1700, f"/n/{i}.txt", "", False)
        for i in range(10_000)
    ]  # fmt: skip
    model = ArticleTableModel()
    proxy = ArticleFilterProxy()
    print("article list, 10,000 rows")
    row("set_articles", timed(lambda: model.set_articles(summaries)), "< 100 ms")
    proxy.setSourceModel(model)
    row("first sort by title (folds every title)", timed(lambda: proxy.sort(COL_TITLE)), "< 300 ms")
    row("sort by words", timed(lambda: proxy.sort(COL_WORDS, Qt.SortOrder.DescendingOrder)), "< 100 ms")
    laps = []
    query = "الامريكي ترامب"
    for end in range(1, len(query) + 1):
        laps.append(timed(lambda end=end: proxy.set_filter_text(query[:end])))
    print(f"  {'filter, per keystroke typing ' + repr(query):<52} {statistics.median(laps):9.1f} ms median,"
          f" {max(laps):.1f} ms max   target < 50 ms; {proxy.rowCount()} rows left")  # fmt: skip
    proxy.set_filter_text("")
    proxy.sort(COL_SHARED, Qt.SortOrder.DescendingOrder)
    shares = {i: (i * 37 % 100) / 100 for i in range(10_000)}
    row("set_shared for every row, list sorted by share", timed(lambda: model.set_shared(shares)), "< 100 ms")


def bench_find(texts: list[str]) -> None:
    seed = texts[0]
    words = sum(len(t.split()) for t in texts)
    big = "\n".join(texts * (1_000_000 // words + 1))
    print(f"find (seed: {len(seed.split())} words; big: {len(big.split()):,} words, {len(big):,} chars)")
    row("fold_with_map, seed", timed(lambda: fold_with_map(seed), runs=20), "< 5 ms")
    folded = fold_with_map(seed)
    row("find_all 'الامريكي', seed", timed(lambda: folded.find_all("الامريكي"), runs=20), "< 1 ms")
    row("fold_with_map, big", timed(lambda: fold_with_map(big)), "< 1000 ms")
    folded_big = fold_with_map(big)
    hits = folded_big.find_all("الامريكي")
    row(
        f"find_all 'الامريكي', big ({len(hits)} hits)",
        timed(lambda: folded_big.find_all("الامريكي")),
        "< 200 ms",
    )

    editor = QPlainTextEdit()
    editor.setPlainText(big)
    bar = FindBar(None, editor)
    bar.query.setText("الامريكي")
    row("find bar, first F3 in the big pane (folds it)", timed(bar.find_next), "< 1500 ms")
    row("find bar, next F3", timed(bar.find_next, runs=10), "< 100 ms")


def main() -> None:
    app = QApplication.instance() or QApplication([])
    texts = seeds()
    bench_list(texts)
    bench_find(texts)
    del app


if __name__ == "__main__":
    main()
