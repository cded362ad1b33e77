"""A comparison as the window shows it, built in pure Python off the GUI thread: the engine's result
with the span tables, difference hunks, overview marks and passage indexes of both panes; and the
choice of the opening pair.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from reader.compare import CompareOptions, Comparison, compare
from reader.view.compare_process import LARGE_INPUT_CHARS, compare_anywhere, jaccard, word_set
from reader.view.navigation import Hunk, PassageIndex, difference_hunks, overview_marks
from reader.view.paragraphs import display_text
from reader.view.spans import SpanTable, build_tables

PICK_CANDIDATES = 200  # most recent articles considered when choosing the opening pair
PICK_COMPARED = 3  # best pairs by word overlap that are then compared exactly


@dataclass(frozen=True)
class CompareRequest:
    generation: int
    left_id: int
    right_id: int
    text_a: str
    text_b: str
    options: CompareOptions


@dataclass(frozen=True)
class CompareResult:
    generation: int
    left_id: int
    right_id: int
    comparison: Comparison
    table_a: SpanTable
    table_b: SpanTable
    hunks_a: tuple[Hunk, ...]
    hunks_b: tuple[Hunk, ...]
    seconds: float
    overview_a: tuple[tuple[int, str], ...] = ()
    overview_b: tuple[tuple[int, str], ...] = ()
    index_a: PassageIndex | None = None  # built here too: sorting thousands of passages takes a while
    index_b: PassageIndex | None = None

    def indexes(self) -> dict[str, PassageIndex]:
        comparison = self.comparison
        index_a = self.index_a or PassageIndex(comparison, "a", comparison.a_length, comparison.b_length)
        index_b = self.index_b or PassageIndex(comparison, "b", comparison.b_length, comparison.a_length)
        return {"a": index_a, "b": index_b}


def prepare_result(
    request: CompareRequest, cancelled: Callable[[], bool] = lambda: False
) -> CompareResult | None:
    """Everything the window needs that is pure Python: run here, in the worker thread (large
    inputs are compared in a child process). None when cancelled."""
    started = time.perf_counter()
    text_a, text_b = display_text(request.text_a), display_text(request.text_b)  # no-ops for pane texts
    comparison = compare_anywhere(text_a, text_b, request.options, cancelled)
    if comparison is None:
        return None
    table_a, table_b = build_tables(text_a, text_b, comparison)
    moved = [p.moved for p in comparison.passages]
    return CompareResult(
        request.generation,
        request.left_id,
        request.right_id,
        comparison,
        table_a,
        table_b,
        difference_hunks(text_a, comparison.segments("a")),
        difference_hunks(text_b, comparison.segments("b")),
        time.perf_counter() - started,
        overview_marks(len(text_a), comparison.segments("a"), moved),
        overview_marks(len(text_b), comparison.segments("b"), moved),
        PassageIndex(comparison, "a", comparison.a_length, comparison.b_length),
        PassageIndex(comparison, "b", comparison.b_length, comparison.a_length),
    )


def swapped_result(result: CompareResult, generation: int) -> CompareResult:
    return CompareResult(
        generation,
        result.right_id,
        result.left_id,
        result.comparison.swapped(),
        result.table_b,
        result.table_a,
        result.hunks_b,
        result.hunks_a,
        result.seconds,
        result.overview_b,
        result.overview_a,
    )  # the passage indexes are rebuilt for the swapped comparison on use


def pick_similar_pair(texts: dict[int, str], options: CompareOptions) -> tuple[int, int] | None:
    """The two articles that share most: word-set overlap shortlists, the engine decides."""
    ids = sorted(texts)
    if len(ids) < 2:
        return None
    sets = {i: word_set(texts[i], options) for i in ids}
    ranked = sorted(
        combinations(ids, 2), key=lambda pair: jaccard(sets[pair[0]], sets[pair[1]]), reverse=True
    )
    best, best_score = ranked[0], -1.0
    for left, right in ranked[:PICK_COMPARED]:
        if max(len(texts[left]), len(texts[right])) > LARGE_INPUT_CHARS:
            continue
        stats = compare(texts[left], texts[right], options).stats
        score = (stats.shared_a + stats.shared_b) / 2
        if score > best_score:
            best, best_score = (left, right), score
    return best
