"""Large comparisons and the library-wide shares, in a child process (`reader.view.child_process`).

The child sends a comparison back packed into flat arrays, which unpickle in one memcpy; the worker
thread rebuilds the frozen result objects in plain Python loops, which let the GUI thread run
between bytecodes. A superseded request kills its child at once.
"""

from __future__ import annotations

import time
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.compare import CHANGED, ONLY, SAME, CompareOptions, Comparison, Passage, Segment, Stats, compare
from reader.text.normalize import fold_word
from reader.text.stopwords import stopword_keys
from reader.text.tokens import token_spans
from reader.view.child_process import Send, run_in_child

# Inputs longer than this (characters of both texts) go to a child process (~0.3 s to start one).
LARGE_INPUT_CHARS = 400_000
# Articles up to this many words are compared exactly for the shares column; longer ones estimated.
EXACT_SHARE_WORDS = 30_000
_SHARES_EMIT_SECONDS = 0.25
_KINDS = (SAME, CHANGED, ONLY)  # a segment's kind as one byte: its index here
REORDERED_BIT = 0x80


def pack(comparison: Comparison) -> tuple[dict, list[bytes]]:
    """The small parts of a comparison, and its segments as flat arrays of bytes (six per side)."""
    small = {
        "lengths": (comparison.a_length, comparison.b_length),
        "stats": (comparison.stats.shared_a, comparison.stats.shared_b, comparison.stats.passages,
                  comparison.stats.moved),
        "passages": [(p.a, p.b, p.moved, p.similarity, p.reordered, p.reused) for p in comparison.passages],
    }  # fmt: skip
    blobs: list[bytes] = []
    for side in ("a", "b"):
        starts, ends, passages = array("q"), array("q"), array("q")
        kinds = bytearray()  # the kind's index, REORDERED_BIT added for a reordered `same`
        chars = array("q")  # triples: segment index, start, end
        also = array("q")  # pairs: segment index, another passage it belongs to
        for index, segment in enumerate(comparison.segments(side)):
            starts.append(segment.start)
            ends.append(segment.end)
            passages.append(-1 if segment.passage is None else segment.passage)
            kinds.append(_KINDS.index(segment.kind) | (REORDERED_BIT if segment.reordered else 0))
            for lo, hi in segment.chars:
                chars.extend((index, lo, hi))
            for other in segment.also:
                also.extend((index, other))
        blobs += [
            starts.tobytes(),
            ends.tobytes(),
            passages.tobytes(),
            bytes(kinds),
            chars.tobytes(),
            also.tobytes(),
        ]
    return small, blobs


def _unpack_side(packed: Sequence[bytes]) -> tuple[Segment, ...]:
    starts, ends, passages, chars, also = array("q"), array("q"), array("q"), array("q"), array("q")
    starts.frombytes(packed[0])
    ends.frombytes(packed[1])
    passages.frombytes(packed[2])
    kinds = packed[3]
    chars.frombytes(packed[4])
    also.frombytes(packed[5])
    by_segment: dict[int, list[tuple[int, int]]] = {}
    for k in range(0, len(chars), 3):
        by_segment.setdefault(chars[k], []).append((chars[k + 1], chars[k + 2]))
    others: dict[int, list[int]] = {}
    for k in range(0, len(also), 2):
        others.setdefault(also[k], []).append(also[k + 1])
    out = []
    for index in range(len(starts)):
        passage = passages[index]
        kind = kinds[index]
        out.append(
            Segment(
                starts[index], ends[index], _KINDS[kind & ~REORDERED_BIT], None if passage < 0 else passage,
                tuple(by_segment.get(index, ())), bool(kind & REORDERED_BIT), tuple(others.get(index, ())),
            )
        )  # fmt: skip
    return tuple(out)


def unpack(small: dict, blobs: Sequence[bytes]) -> Comparison:
    passages = tuple(
        Passage(tuple(a), tuple(b), moved, similarity, reordered, reused)
        for a, b, moved, similarity, reordered, reused in small["passages"]
    )
    a_length, b_length = small["lengths"]
    return Comparison(
        a_length, b_length, Stats(*small["stats"]), passages, _unpack_side(blobs[:6]), _unpack_side(blobs[6:])
    )


def _compare_child(texts: list[str], send: Send, options: CompareOptions) -> None:
    small, blobs = pack(compare(texts[0], texts[1], options))
    send("done", small, blobs)


def compare_in_child(
    text_a: str, text_b: str, options: CompareOptions, cancelled: Callable[[], bool]
) -> Comparison | None:
    """`compare` in a child process; None when `cancelled()` turned true first (child killed)."""
    answer: list[Comparison] = []

    def received(_kind: str, small: dict, blobs: tuple[bytes, ...]) -> bool:
        answer.append(unpack(small, blobs))
        return True

    run_in_child(_compare_child, (options,), (text_a, text_b), cancelled, received)
    return answer[0] if answer else None


def compare_anywhere(
    text_a: str, text_b: str, options: CompareOptions, cancelled: Callable[[], bool]
) -> Comparison | None:
    """Small inputs here, large ones in a child process."""
    if len(text_a) + len(text_b) < LARGE_INPUT_CHARS:
        return compare(text_a, text_b, options)
    return compare_in_child(text_a, text_b, options, cancelled)


def word_set(text: str, options: CompareOptions) -> frozenset[str]:
    """Folded content words: cheap similarity for large texts."""
    stop = stopword_keys(options.normalize)
    _, _, words = token_spans(text)
    keys = (fold_word(w, options.normalize) for w in words)
    return frozenset(k for k in keys if len(k) > 1 and k not in stop)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _shares_child(
    texts: list[str],
    send: Send,
    library_path: str,
    others: tuple[tuple[int, int], ...],
    options: CompareOptions,
) -> None:
    """Share of each other article found in the pinned one; partial results as they come."""
    # here, not at the top: the fork server preloads this module, and the library would double
    # its start-up (0.3 -> 0.6 s of a CPU the window's first paint is waiting for)
    from reader.library import open_library  # noqa: PLC0415

    pinned = texts[0]
    pinned_words = len(pinned) // 5  # a word and a space average ~6 characters
    pinned_set: frozenset[str] | None = None
    library = open_library(library_path, seed_if_empty=False)
    shares: dict[int, float] = {}
    last = time.perf_counter()
    for article_id, words in others:
        text = library.text(article_id)
        if max(words, pinned_words) <= EXACT_SHARE_WORDS:
            shares[article_id] = compare(pinned, text, options).stats.shared_b
        else:
            pinned_set = pinned_set if pinned_set is not None else word_set(pinned, options)
            other = word_set(text, options)
            shares[article_id] = len(pinned_set & other) / len(other) if other else 0.0
        if time.perf_counter() - last > _SHARES_EMIT_SECONDS:
            send("partial", shares)
            shares, last = {}, time.perf_counter()
    library.close()
    send("done", shares)


def shares_in_child(
    library_path: str | Path,
    pinned_text: str,
    others: Sequence[tuple[int, int]],
    options: CompareOptions,
    cancelled: Callable[[], bool],
    progress: Callable[[dict[int, float], bool], None],
) -> None:
    """How much of each other article (id, words) the pinned text shares, computed in a child
    process; `progress(all shares so far, done)` as partial results arrive."""
    shares: dict[int, float] = {}

    def received(kind: str, payload: dict[int, float], _blobs: tuple[bytes, ...]) -> bool:
        shares.update(payload)
        progress(dict(shares), kind == "done")
        return kind == "done"

    args = (str(library_path), tuple(others), options)
    run_in_child(_shares_child, args, (pinned_text,), cancelled, received)
