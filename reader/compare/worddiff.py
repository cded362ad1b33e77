"""Inside one aligned block: a word-level diff (diff-match-patch, each token one id), then a
character diff inside short changed stretches so the view can mark `الأمريكي` / `الأميركي`.
Both run in C (`_diff.BlockDiffer`: blockdiff.c over dmp.c, a port of diff-match-patch)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

import fast_diff_match_patch

from reader.compare import _diff
from reader.compare.model import ONLY, SAME
from reader.compare.params import AlignParams
from reader.compare.prepare import Document


class Stretches:
    """The labelled stretches of one side of a block, contiguous and in token order: stretch k
    covers the tokens from firsts[k] to the next stretch's first (the last one's to `end`).
    Parallel lists rather than an object per stretch: a million words make 600k of them."""

    __slots__ = ("firsts", "kinds", "passages", "chars", "reordered", "end")

    def __init__(self) -> None:
        self.firsts: list[int] = []
        self.kinds: list[str] = []
        self.passages: list[int | None] = []
        self.chars: list[tuple[tuple[int, int], ...]] = []
        self.reordered: list[bool] | None = None  # per stretch, when any is (reordered blocks)
        self.end = 0


class BlockDiff(NamedTuple):  # a named tuple: made once per block, 15k times for a million words
    a: Stretches
    b: Stretches
    span_a: tuple[int, int]  # tokens actually aligned (leading/trailing one-sided edits trimmed)
    span_b: tuple[int, int]
    equal_words: int
    equal_content_words: int  # equal words that are not function words
    longest_equal: int  # words in the longest stretch of equal words
    words_a: int
    words_b: int


def diff_ops(x: str, y: str, cleanup: str = "Semantic") -> list[tuple[str, int]]:
    """diff-match-patch with no time limit (callers keep pieces small): [(op, length)], op one of
    "=", "-", "+". Without cleanup the engine's own port runs; a semantic cleanup (for text people
    read, as the facts do) is the library's C++ build."""
    if x == y:
        return [("=", len(x))] if x else []
    if cleanup == "No":
        return _diff.diff(x, y)
    return fast_diff_match_patch.diff(x, y, timelimit=0, checklines=False, cleanup=cleanup, counts_only=True)


Span = tuple[int, int]  # tokens [lo, hi) of one side
BlockDiffFunction = Callable[..., BlockDiff]


def block_differ(da: Document, db: Document, weak_flags: bytes, p: AlignParams) -> BlockDiffFunction:
    """`diff(ta, tb, passage, reordered=False)` labels the tokens of one block of the pair.
    `weak_flags`: a byte per id, nonzero for function words and punctuation (Vocabulary.flags).

    The word diff's equal stretches are `same`; an edit between them is `changed` (letters
    compared inside short ones), or `only` when one side inserts min_only_words words or more;
    one or two function words equal between two edits belong to the edit (`في` inside a rewritten
    clause). A one-sided edit at either end is not aligned material and is left out of the span.
    `reordered`: the block is known to be reuse with its words shuffled, so all of it is the
    passage: edits at its ends stay, and nothing in it is `only`."""
    differ = _diff.BlockDiffer(
        da, db, weak_flags, p.max_char_diff_tokens, p.min_spelling_overlap, p.min_only_words, p.max_diff_cells
    )

    def diff(ta: Span, tb: Span, passage: int, reordered: bool = False) -> BlockDiff:
        a, b, span_a, span_b, *counts = differ.diff(ta[0], ta[1], tb[0], tb[1], passage, reordered)
        return BlockDiff(_stretches(a, span_a[1]), _stretches(b, span_b[1]), span_a, span_b, *counts)

    return diff


def _stretches(lists: tuple[list, list, list, list], end: int) -> Stretches:
    out = Stretches.__new__(Stretches)
    out.firsts, out.kinds, out.passages, out.chars = lists
    out.reordered = None
    out.end = end if out.firsts else 0
    return out


def mark_reordered(diff: BlockDiff, da: Document, db: Document, passage: int) -> BlockDiff:
    """Inside a reordered passage, the words the in-order diff left unmatched are matched as bags:
    a word of one side that the other side's unmatched words hold too is `same`, marked
    `reordered` (it stands at another place of the passage); the rest stay `changed`. A stretch
    whose words the other side holds all is relabelled whole (counted in C); only one that is
    partly matched is walked word by word."""
    pool_a = _unmatched(diff.a, da.ids)
    pool_b = _unmatched(diff.b, db.ids)
    out = []
    for stretches, ids, pool in ((diff.a, da.ids, pool_b), (diff.b, db.ids, pool_a)):
        relabelled = Stretches()
        relabelled.reordered = []
        bounds = [*stretches.firsts[1:], stretches.end]
        for first, end, kind, chars in zip(
            stretches.firsts, bounds, stretches.kinds, stretches.chars, strict=True
        ):
            if kind == SAME:
                _append(relabelled, first, SAME, passage, False, chars)
                continue
            need = Counter(ids[first:end])
            if all(pool[token_id] >= n for token_id, n in need.items()):
                pool.subtract(need)
                _append(relabelled, first, SAME, passage, True)
                continue
            if not any(pool[token_id] > 0 for token_id in need):  # a rewording, kept as it was
                _append(relabelled, first, kind, passage, False, chars)
                continue
            for token in range(first, end):
                reordered = pool[ids[token]] > 0
                if reordered:
                    pool[ids[token]] -= 1
                _append(relabelled, token, SAME if reordered else kind, passage, reordered)
        relabelled.end = stretches.end
        out.append(relabelled)
    return diff._replace(a=out[0], b=out[1])


def _unmatched(stretches: Stretches, ids: list[int]) -> Counter:
    """The ids of the tokens no `same` stretch covers."""
    pool: Counter = Counter()
    bounds = [*stretches.firsts[1:], stretches.end]
    for first, end, kind in zip(stretches.firsts, bounds, stretches.kinds, strict=True):
        if kind != SAME:
            pool.update(ids[first:end])
    return pool


def _append(
    stretches: Stretches,
    token: int,
    kind: str,
    passage: int,
    reordered: bool,
    chars: tuple[tuple[int, int], ...] = (),
) -> None:
    if stretches.kinds and stretches.kinds[-1] == kind and stretches.reordered[-1] == reordered:
        if chars:
            stretches.chars[-1] += chars
        return
    stretches.firsts.append(token)
    stretches.kinds.append(kind)
    stretches.passages.append(passage if kind != ONLY else None)
    stretches.chars.append(chars)
    stretches.reordered.append(reordered)


def moved_inside(
    diff: BlockDiff, ta: Span, tb: Span, da: Document, db: Document, weak_flags: bytes, min_words: int
) -> bool:
    """The block holds a piece that the in-order diff saw deleted on one side and inserted on the
    other: the same `min_words` content words or more, left unmatched on both sides (a clause that
    changed places inside the copied paragraph)."""
    # a moved piece is trimmed from an end on one side at least, or `only` inside
    trimmed = _trimmed(da.words_before, ta, diff.span_a) + _trimmed(db.words_before, tb, diff.span_b)
    if trimmed < min_words and ONLY not in diff.a.kinds and ONLY not in diff.b.kinds:
        return False
    left_a = _unmatched_content(diff.a, ta, da, weak_flags)
    left_b = _unmatched_content(diff.b, tb, db, weak_flags)
    shared = left_a.keys() & left_b.keys()
    return sum(min(left_a[w], left_b[w]) for w in shared) >= min_words


def _trimmed(words_before: Sequence[int], span: Span, kept: Span) -> int:
    """Words of `span` outside `kept` (edits the diff left out at either end)."""
    return (words_before[kept[0]] - words_before[span[0]]) + (words_before[span[1]] - words_before[kept[1]])


def _unmatched_content(stretches: Stretches, span: Span, doc: Document, weak_flags: bytes) -> Counter:
    """Content word ids of the tokens in `span` that no `same` stretch covers."""
    same = []
    bounds = [*stretches.firsts[1:], stretches.end]
    for first, end, kind in zip(stretches.firsts, bounds, stretches.kinds, strict=True):
        if kind == SAME:
            same.append((first, end))
    out: Counter = Counter()
    cursor = span[0]
    ids = doc.ids
    for lo, hi in [*same, (span[1], span[1])]:
        out.update(ids[cursor:lo])
        cursor = max(cursor, hi)
    for weak in [w for w in out if weak_flags[w]]:
        del out[weak]
    return out
