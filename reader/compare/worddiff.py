"""Inside one aligned block: a word-level diff (diff-match-patch, each token one character), then a
character diff inside short changed stretches so the view can mark `الأمريكي` / `الأميركي`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

from reader.compare.prepare import Document

try:  # the C++ build of diff-match-patch; the pure-Python one is the fallback
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - exercised only where the wheel is missing
    _fast = None
import diff_match_patch as _dmp_module

SAME, CHANGED, ONLY = "same", "changed", "only"
MAX_CHAR_DIFF_TOKENS = 4  # longer rewordings are marked whole, a letter diff there is noise
MIN_SPELLING_OVERLAP = 0.6  # letters two spellings of one word share (الأمريكي / الأميركي: 0.75)
MIN_ONLY_WORDS = 4  # an insertion this long inside a passage is its own `only` stretch


class Run(NamedTuple):
    """Tokens [lo, hi) of one side with one label."""

    lo: int
    hi: int
    kind: str
    passage: int | None
    chars: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class BlockDiff:
    runs_a: list[Run]
    runs_b: list[Run]
    span_a: tuple[int, int]  # tokens actually aligned (leading/trailing one-sided edits trimmed)
    span_b: tuple[int, int]
    equal_words: int
    equal_content_words: int  # equal words that are not function words
    words_a: int
    words_b: int


def diff_ops(x: str, y: str, cleanup: str = "Semantic") -> list[tuple[str, int]]:
    """diff-match-patch with no time limit (callers keep pieces small): [(op, length)]."""
    if x == y:
        return [("=", len(x))] if x else []
    if _fast is not None:
        return _fast.diff(x, y, timelimit=0, checklines=False, cleanup=cleanup, counts_only=True)
    dmp = _dmp_module.diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(x, y, False)
    if cleanup == "Semantic":
        dmp.diff_cleanupSemantic(diffs)
    symbol = {0: "=", -1: "-", 1: "+"}
    return [(symbol[op], len(text)) for op, text in diffs]


def diff_block(
    da: Document,
    db: Document,
    ta: tuple[int, int],
    tb: tuple[int, int],
    passage: int,
    punct: set[int],
    weak: set[int],
    reordered: bool = False,
) -> BlockDiff:
    """Label the tokens of one block. `weak` holds function-word and punctuation ids.

    `reordered`: the block is known to be reuse with its words shuffled, so all of it is the
    passage: edits at its ends stay, and nothing in it is `only`."""
    ops = diff_ops(da.key_text[ta[0] : ta[1]], db.key_text[tb[0] : tb[1]], cleanup="No")
    regions = _regions(ops, ta[0], tb[0], da.ids, weak)
    first, last = 0, len(regions)
    if not reordered:
        # A one-sided edit at either end (an insertion, stray punctuation) is not aligned material.
        while first < last and _one_sided(regions[first]):
            first += 1
        while first < last and _one_sided(regions[last - 1]):
            last -= 1
    regions = regions[first:last]
    if not any(region[0] for region in regions):
        return BlockDiff([], [], (ta[0], ta[0]), (tb[0], tb[0]), 0, 0, 0, 0)
    runs_a: list[Run] = []
    runs_b: list[Run] = []
    add_a, add_b = runs_a.append, runs_b.append
    words_a, words_b = da.words_before, db.words_before
    content_a = da.content_before
    equal = equal_content = 0
    for is_equal, a0, a1, b0, b1 in regions:
        if is_equal:
            add_a(_run((a0, a1, SAME, passage, ())))
            add_b(_run((b0, b1, SAME, passage, ())))
            equal += words_a[a1] - words_a[a0]
            equal_content += content_a[a1] - content_a[a0]
        elif a0 == a1:
            add_b(_one_sided_run(words_b, b0, b1, passage, reordered))
        elif b0 == b1:
            add_a(_one_sided_run(words_a, a0, a1, passage, reordered))
        else:
            chars_a = chars_b = ()
            if a1 - a0 <= MAX_CHAR_DIFF_TOKENS and b1 - b0 <= MAX_CHAR_DIFF_TOKENS:
                chars_a, chars_b = char_differences(da, db, a0, a1, b0, b1)
            add_a(_run((a0, a1, CHANGED, passage, chars_a)))
            add_b(_run((b0, b1, CHANGED, passage, chars_b)))
    span_a, span_b = (regions[0][1], regions[-1][2]), (regions[0][3], regions[-1][4])
    return BlockDiff(
        runs_a,
        runs_b,
        span_a,
        span_b,
        equal,
        equal_content,
        words_a[span_a[1]] - words_a[span_a[0]],
        words_b[span_b[1]] - words_b[span_b[0]],
    )


# Run's own constructor goes through a Python-level __new__ for the default `chars`: a
# million-word comparison makes over half a million runs, so they are made from full tuples.
_run = partial(tuple.__new__, Run)

Region = tuple[bool, int, int, int, int]  # (equal?, a0, a1, b0, b1)


def _regions(
    ops: list[tuple[str, int]], ia: int, ib: int, ids: Sequence[int], weak: set[int]
) -> list[Region]:
    """Walk the ops into equal stretches and the edits between them. An equal stretch of one or two
    function words between two edits is part of one rewording (`في` matching `في` inside a
    rewritten clause) and joins them; content words stay equal however short."""
    regions: list[Region] = []
    add = regions.append
    edit_a = edit_b = -1  # where the pending edit starts, or -1
    last_op = len(ops) - 1
    for k, (op, n) in enumerate(ops):
        if op != "=":
            if edit_a < 0:
                edit_a, edit_b = ia, ib
            if op == "-":
                ia += n
            else:
                ib += n
            continue
        if edit_a >= 0:
            if n <= 2 and k < last_op and ops[k + 1][0] != "=" and all(i in weak for i in ids[ia : ia + n]):
                ia += n  # absorbed: the pending edit goes on over it
                ib += n
                continue
            add((False, edit_a, ia, edit_b, ib))
            edit_a = -1
        add((True, ia, ia + n, ib, ib + n))
        ia += n
        ib += n
    if edit_a >= 0:
        add((False, edit_a, ia, edit_b, ib))
    return regions


def _one_sided(region: Region) -> bool:
    is_equal, a0, a1, b0, b1 = region
    return not is_equal and (a0 == a1 or b0 == b1)


def _one_sided_run(words_before: Sequence[int], lo: int, hi: int, passage: int, reordered: bool) -> Run:
    """Tokens only one side has inside a passage: a long insertion is its own `only` stretch."""
    if words_before[hi] - words_before[lo] >= MIN_ONLY_WORDS and not reordered:
        return _run((lo, hi, ONLY, None, ()))
    return _run((lo, hi, CHANGED, passage, ()))


def char_differences(
    da: Document, db: Document, a0: int, a1: int, b0: int, b1: int
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Absolute character ranges that differ between two short token stretches, or nothing when
    the stretches are different words rather than spellings of one (a letter diff would be noise)."""
    start_a, start_b = da.starts[a0], db.starts[b0]
    x = da.text[start_a : da.ends[a1 - 1]]
    y = db.text[start_b : db.ends[b1 - 1]]
    needed = MIN_SPELLING_OVERLAP * max(len(x), len(y))
    # No diff can keep more letters than the two stretches have in common as bags of letters:
    # most changed stretches are different words, and this bound (cheaper than a diff) says so.
    if sum(min(x.count(c), y.count(c)) for c in set(x).intersection(y)) < needed:
        return (), ()
    ops = diff_ops(x, y, cleanup="No")
    if sum(n for op, n in ops if op == "=") < needed:
        return (), ()
    out_a: list[tuple[int, int]] = []
    out_b: list[tuple[int, int]] = []
    ia = ib = 0
    for op, n in ops:
        if op == "=":
            ia += n
            ib += n
        elif op == "-":
            _add(out_a, start_a + ia, start_a + ia + n)
            ia += n
        else:
            _add(out_b, start_b + ib, start_b + ib + n)
            ib += n
    return tuple(out_a), tuple(out_b)


def _add(ranges: list[tuple[int, int]], lo: int, hi: int) -> None:
    if ranges and ranges[-1][1] == lo:
        ranges[-1] = (ranges[-1][0], hi)
    else:
        ranges.append((lo, hi))
