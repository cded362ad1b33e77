"""Inside one aligned block: a word-level diff (diff-match-patch, each token one id), then a
character diff inside short changed stretches so the view can mark `الأمريكي` / `الأميركي`.
Both run in C (`_diff.BlockDiffer`: blockdiff.c over dmp.c, a port of diff-match-patch)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from reader.compare import _diff
from reader.compare.params import AlignParams
from reader.compare.prepare import Document


class Stretches:
    """The labelled stretches of one side of a block, contiguous and in token order: stretch k
    covers the tokens from firsts[k] to the next stretch's first (the last one's to `end`).
    Parallel lists rather than an object per stretch: a million words make 600k of them."""

    __slots__ = ("firsts", "kinds", "passages", "chars", "end")

    def __init__(self) -> None:
        self.firsts: list[int] = []
        self.kinds: list[str] = []
        self.passages: list[int | None] = []
        self.chars: list[tuple[tuple[int, int], ...]] = []
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
        da, db, weak_flags, p.max_char_diff_tokens, p.min_spelling_overlap, p.min_only_words
    )

    def diff(ta: Span, tb: Span, passage: int, reordered: bool = False) -> BlockDiff:
        a, b, span_a, span_b, *counts = differ.diff(ta[0], ta[1], tb[0], tb[1], passage, reordered)
        return BlockDiff(_stretches(a, span_a[1]), _stretches(b, span_b[1]), span_a, span_b, *counts)

    return diff


def _stretches(lists: tuple[list, list, list, list], end: int) -> Stretches:
    out = Stretches.__new__(Stretches)
    out.firsts, out.kinds, out.passages, out.chars = lists
    out.end = end if out.firsts else 0
    return out
