"""A comparison as the window shows it, built in pure Python off the GUI thread: the engine's result
with the span tables, difference hunks, overview marks and passage indexes of both panes; the
choice of the opening pair; the texts read for the panes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from reader.compare import CompareOptions, Comparison, compare
from reader.facts.words import paragraph_numbers
from reader.library import open_library
from reader.report.moves import Placement, crossing_flags, describe, placements
from reader.view.compare_process import LARGE_INPUT_CHARS, compare_anywhere, jaccard, word_set
from reader.view.navigation import Hunk, PassageIndex, difference_hunks, overview_marks
from reader.view.paragraphs import display_text
from reader.view.spans import SpanTable, build_tables

PICK_CANDIDATES = 200  # most recent articles considered when choosing the opening pair
PICK_COMPARED = 3  # best pairs by word overlap that are then compared exactly


@dataclass(frozen=True)
class CompareRequest:
    left_id: int
    right_id: int
    text_a: str
    text_b: str
    options: CompareOptions

    @property
    def large(self) -> bool:
        """Compared in a child process, and with garbage collection paused while the result is built."""
        return len(self.text_a) + len(self.text_b) >= LARGE_INPUT_CHARS


@dataclass(frozen=True)
class CompareResult:
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
    paragraphs_a: tuple[int, ...] = ()  # start offsets of each text's paragraphs (¶ numbers)
    paragraphs_b: tuple[int, ...] = ()
    placements: tuple[Placement, ...] = ()  # where each passage stands (reader.report.moves)

    def describe(
        self, passage: int, translate: Callable[[str], str] = str, number: Callable[[int], str] = str
    ) -> str:
        """Where a passage stands, in words ("brought forward: ¶7 of A is ¶3 of B")."""
        return describe(self.placements, passage, translate, number) if self.placements else ""

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
    paragraphs_a, paragraphs_b = paragraph_numbers(text_a), paragraph_numbers(text_b)
    places = placements(comparison, paragraphs_a, paragraphs_b)
    moved = crossing_flags(places)  # painted as moved: passages whose order changed
    table_a, table_b = build_tables(text_a, text_b, comparison, moved)
    return CompareResult(
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
        tuple(paragraphs_a),
        tuple(paragraphs_b),
        places,
    )


def swapped_result(result: CompareResult) -> CompareResult:
    swapped = result.comparison.swapped()
    return CompareResult(
        result.right_id,
        result.left_id,
        swapped,
        result.table_b,
        result.table_a,
        result.hunks_b,
        result.hunks_a,
        result.seconds,
        result.overview_b,
        result.overview_a,
        None,  # the passage indexes are rebuilt for the swapped comparison on use
        None,
        result.paragraphs_b,
        result.paragraphs_a,
        placements(swapped, list(result.paragraphs_b), list(result.paragraphs_a)),
    )


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


def pick_opening_pair(
    library_path: str | Path, ids: Sequence[int], options: CompareOptions, cancelled: Callable[[], bool]
) -> CompareResult | None:
    """The most similar pair of the most recent articles, compared already so the window shows it at
    once; None when there is no pair or the work was cancelled. Opens its own library connection
    (an sqlite connection belongs to the thread that made it)."""
    texts = read_texts(library_path, sorted(ids)[-PICK_CANDIDATES:])
    pair = pick_similar_pair(texts, options)
    if pair is None or cancelled():
        return None
    left, right = pair
    return prepare_result(CompareRequest(left, right, texts[left], texts[right], options), cancelled)


def read_texts(library_path: str | Path, ids: Sequence[int]) -> dict[int, str]:
    """{article id: text}, read through a connection of this thread's own."""
    library = open_library(library_path, seed_if_empty=False)
    try:
        return {article_id: library.text(article_id) for article_id in ids}
    finally:
        library.close()
