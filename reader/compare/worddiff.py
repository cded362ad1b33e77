"""Inside one aligned block: a word-level diff (diff-match-patch, each token one character), then a
character diff inside short changed stretches so the view can mark `الأمريكي` / `الأميركي`."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from reader.compare.prepare import Document

try:  # the C++ build of diff-match-patch; the pure-Python one is the fallback
    import fast_diff_match_patch as _fast
except ImportError:  # pragma: no cover - exercised only where the wheel is missing
    _fast = None
import diff_match_patch as _dmp_module

try:  # the same algorithm in C without the wrapper's per-call conversions (reader/compare/_diff.c)
    from reader.compare import _diff
except ImportError:  # pragma: no cover - exercised by the tests that switch it off
    _diff = None

SAME, CHANGED, ONLY = "same", "changed", "only"
MAX_CHAR_DIFF_TOKENS = 4  # longer rewordings are marked whole, a letter diff there is noise
MIN_SPELLING_OVERLAP = 0.6  # letters two spellings of one word share (الأمريكي / الأميركي: 0.75)
MIN_ONLY_WORDS = 4  # an insertion this long inside a passage is its own `only` stretch


class Stretches:
    """The labelled stretches of one side of a block, contiguous and in token order: stretch k
    covers the tokens from firsts[k] to the next stretch's first (the last one's to `end`).
    Parallel lists rather than an object per stretch: a million words make 600k of them, and
    tile() turns the lists into segments in C. A stretch labelled like the one before it (same
    words on both sides of an insertion into the other side) joins it as it is added."""

    __slots__ = ("firsts", "kinds", "passages", "chars", "end")

    def __init__(self) -> None:
        self.firsts: list[int] = []
        self.kinds: list[str] = []
        self.passages: list[int | None] = []
        self.chars: list[tuple[tuple[int, int], ...]] = []
        self.end = 0

    def add(
        self, first: int, kind: str, passage: int | None, chars: tuple[tuple[int, int], ...] = ()
    ) -> None:
        kinds = self.kinds
        if kinds and kinds[-1] == kind and self.passages[-1] == passage:
            if chars:
                self.chars[-1] += chars
            return
        self.firsts.append(first)
        kinds.append(kind)
        self.passages.append(passage)
        self.chars.append(chars)


class BlockDiff(NamedTuple):  # a named tuple: made once per block, 15k times for a million words
    a: Stretches
    b: Stretches
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
    if _diff is not None and cleanup == "No":
        return _diff.diff(x, y)
    if _fast is not None:
        return _fast.diff(x, y, timelimit=0, checklines=False, cleanup=cleanup, counts_only=True)
    dmp = _dmp_module.diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main(x, y, False)
    if cleanup == "Semantic":
        dmp.diff_cleanupSemantic(diffs)
    symbol = {0: "=", -1: "-", 1: "+"}
    return [(symbol[op], len(text)) for op, text in diffs]


BlockDiffFunction = Callable[..., BlockDiff]
Span = tuple[int, int]  # tokens [lo, hi) of one side


def block_differ(da: Document, db: Document, weak: set[int], weak_flags: bytes) -> BlockDiffFunction:
    """`diff(ta, tb, passage, reordered=False)` for the blocks of one pair: diff_block below, or
    its C twin (reader/compare/_diff.c, same results) when built. `weak_flags`: a byte per id,
    nonzero for the ids in `weak` (Vocabulary.flags)."""
    if _diff is None:

        def diff_in_python(ta: Span, tb: Span, passage: int, reordered: bool = False) -> BlockDiff:
            return diff_block(da, db, ta, tb, passage, weak, reordered)

        return diff_in_python
    differ = _diff.BlockDiffer(da, db, weak_flags)

    def diff_in_c(ta: Span, tb: Span, passage: int, reordered: bool = False) -> BlockDiff:
        a, b, span_a, span_b, *counts = differ.diff(ta[0], ta[1], tb[0], tb[1], passage, reordered)
        return BlockDiff(_stretches(a, span_a[1]), _stretches(b, span_b[1]), span_a, span_b, *counts)

    return diff_in_c


def _stretches(lists: tuple[list, list, list, list], end: int) -> Stretches:
    out = Stretches.__new__(Stretches)
    out.firsts, out.kinds, out.passages, out.chars = lists
    out.end = end if out.firsts else 0  # as diff_block leaves an empty side
    return out


def diff_block(
    da: Document,
    db: Document,
    ta: tuple[int, int],
    tb: tuple[int, int],
    passage: int,
    weak: set[int],
    reordered: bool = False,
) -> BlockDiff:
    """Label the tokens of one block. `weak` holds function-word and punctuation ids.

    `reordered`: the block is known to be reuse with its words shuffled, so all of it is the
    passage: edits at its ends stay, and nothing in it is `only`."""
    ops = diff_ops(da.key_text[ta[0] : ta[1]], db.key_text[tb[0] : tb[1]], cleanup="No")
    # One walk over the ops labels equal stretches and the edits between them as it goes.
    out_a, out_b = Stretches(), Stretches()
    ids, words_a, content_a = da.ids, da.words_before, da.content_before
    ia, ib = ta[0], tb[0]
    start_a = start_b = -1  # where the aligned material starts, once an equal stretch is seen
    edit_a = edit_b = -1  # where the pending edit starts, or -1
    equal = equal_content = 0
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
            # An equal stretch of one or two function words between two edits is part of one
            # rewording (`في` matching `في` inside a rewritten clause): the edit goes on over it.
            # Content words stay equal however short.
            if n <= 2 and k < last_op and ops[k + 1][0] != "=" and weak.issuperset(ids[ia : ia + n]):
                ia += n
                ib += n
                continue
            # A one-sided edit at the start (an insertion, stray punctuation) is not aligned material.
            if start_a >= 0 or reordered or (edit_a < ia and edit_b < ib):
                _label_edit(da, db, edit_a, ia, edit_b, ib, passage, reordered, out_a, out_b)
                if start_a < 0:
                    start_a, start_b = edit_a, edit_b
            edit_a = -1
        if start_a < 0:
            start_a, start_b = ia, ib
        out_a.add(ia, SAME, passage)
        out_b.add(ib, SAME, passage)
        equal += words_a[ia + n] - words_a[ia]
        equal_content += content_a[ia + n] - content_a[ia]
        ia += n
        ib += n
    if start_a < 0:  # no equal word: nothing is aligned
        return BlockDiff(Stretches(), Stretches(), (ta[0], ta[0]), (tb[0], tb[0]), 0, 0, 0, 0)
    if edit_a >= 0:
        if reordered or (edit_a < ia and edit_b < ib):
            _label_edit(da, db, edit_a, ia, edit_b, ib, passage, reordered, out_a, out_b)
        else:  # ...nor is one at the end
            ia, ib = edit_a, edit_b
    out_a.end, out_b.end = ia, ib
    return BlockDiff(
        out_a,
        out_b,
        (start_a, ia),
        (start_b, ib),
        equal,
        equal_content,
        words_a[ia] - words_a[start_a],
        db.words_before[ib] - db.words_before[start_b],
    )


def _label_edit(
    da: Document,
    db: Document,
    a0: int,
    a1: int,
    b0: int,
    b1: int,
    passage: int,
    reordered: bool,
    out_a: Stretches,
    out_b: Stretches,
) -> None:
    """Tokens [a0, a1) of A replaced by [b0, b1) of B inside a passage. A long insertion (tokens
    only one side has) is its own `only` stretch; letters are compared inside short rewordings."""
    if a0 == a1 or b0 == b1:
        if a0 == a1:
            words, lo, hi, out = db.words_before, b0, b1, out_b
        else:
            words, lo, hi, out = da.words_before, a0, a1, out_a
        if words[hi] - words[lo] >= MIN_ONLY_WORDS and not reordered:
            out.add(lo, ONLY, None)
        else:
            out.add(lo, CHANGED, passage)
        return
    chars_a = chars_b = ()
    if a1 - a0 <= MAX_CHAR_DIFF_TOKENS and b1 - b0 <= MAX_CHAR_DIFF_TOKENS:
        chars_a, chars_b = char_differences(da, db, a0, a1, b0, b1)
    out_a.add(a0, CHANGED, passage, chars_a)
    out_b.add(b0, CHANGED, passage, chars_b)


def char_differences(
    da: Document, db: Document, a0: int, a1: int, b0: int, b1: int
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Absolute character ranges that differ between two short token stretches, or nothing when
    the stretches are different words rather than spellings of one (a letter diff would be noise)."""
    start_a, start_b = da.starts[a0], db.starts[b0]
    end_a, end_b = da.ends[a1 - 1], db.ends[b1 - 1]
    needed = MIN_SPELLING_OVERLAP * max(end_a - start_a, end_b - start_b)
    # No diff can keep more letters than the shorter stretch has, or than the two have in common
    # as bags of letters: most changed stretches are different words, and these bounds (cheaper
    # than a diff) say so.
    if min(end_a - start_a, end_b - start_b) < needed:
        return (), ()
    x, y = da.text[start_a:end_a], db.text[start_b:end_b]
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
