"""Inside one aligned block: a word-level diff (diff-match-patch, each token one character), then a
character diff inside short changed stretches so the view can mark `الأمريكي` / `الأميركي`."""

from __future__ import annotations

from dataclasses import dataclass
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
    # Walk the ops into regions: ("=", a_lo, a_hi, b_lo, b_hi) or ("~", ...) for edits between equals.
    regions: list[tuple[str, int, int, int, int]] = []
    ia, ib = ta[0], tb[0]
    pending = None
    for op, n in ops:
        if op == "=":
            if pending:
                regions.append(("~", *pending))
                pending = None
            regions.append(("=", ia, ia + n, ib, ib + n))
            ia += n
            ib += n
        else:
            if pending is None:
                pending = [ia, ia, ib, ib]
            if op == "-":
                ia += n
                pending[1] = ia
            else:
                ib += n
                pending[3] = ib
    if pending:
        regions.append(("~", *pending))
    regions = _absorb_function_words(regions, da, weak)
    # A one-sided edit at either end (an insertion, stray punctuation) is not aligned material.
    while regions and _one_sided(regions[0]) and not reordered:
        regions.pop(0)
    while regions and _one_sided(regions[-1]) and not reordered:
        regions.pop()
    runs_a: list[Run] = []
    runs_b: list[Run] = []
    equal = equal_content = 0
    if not any(region[0] == "=" for region in regions):
        regions = []
    for tag, a0, a1, b0, b1 in regions:
        if tag == "=":
            runs_a.append(Run(a0, a1, SAME, passage))
            runs_b.append(Run(b0, b1, SAME, passage))
            equal += da.words_in(a0, a1)
            equal_content += da.content_in(a0, a1)
            continue
        _label_edit(da, db, a0, a1, b0, b1, passage, runs_a, runs_b, reordered)
    if not regions:
        return BlockDiff([], [], (ta[0], ta[0]), (tb[0], tb[0]), 0, 0, 0, 0)
    span_a, span_b = (regions[0][1], regions[-1][2]), (regions[0][3], regions[-1][4])
    words_a = da.words_in(*span_a)
    words_b = db.words_in(*span_b)
    return BlockDiff(runs_a, runs_b, span_a, span_b, equal, equal_content, words_a, words_b)


def _one_sided(region: tuple[str, int, int, int, int]) -> bool:
    tag, a0, a1, b0, b1 = region
    return tag == "~" and (a0 == a1 or b0 == b1)


def _absorb_function_words(
    regions: list[tuple[str, int, int, int, int]], da: Document, weak: set[int]
) -> list[tuple[str, int, int, int, int]]:
    """An equal stretch of one or two function words between two edits is part of one rewording
    (`في` matching `في` inside a rewritten clause); content words stay `same` however short."""
    out: list[tuple[str, int, int, int, int]] = []
    for k, region in enumerate(regions):
        tag, a0, a1, b0, b1 = region
        between_edits = 0 < k < len(regions) - 1 and out and out[-1][0] == "~" and regions[k + 1][0] == "~"
        if tag == "=" and between_edits and a1 - a0 <= 2 and all(i in weak for i in da.ids[a0:a1]):
            tag = "~"
        if tag == "~" and out and out[-1][0] == "~":
            prev = out.pop()
            region = ("~", prev[1], a1, prev[3], b1)
        else:
            region = (tag, a0, a1, b0, b1)
        out.append(region)
    return out


def _label_edit(
    da: Document,
    db: Document,
    a0: int,
    a1: int,
    b0: int,
    b1: int,
    passage: int,
    runs_a: list[Run],
    runs_b: list[Run],
    reordered: bool,
) -> None:
    na, nb = a1 - a0, b1 - b0
    if na and nb:
        chars_a: tuple[tuple[int, int], ...] = ()
        chars_b: tuple[tuple[int, int], ...] = ()
        if na <= MAX_CHAR_DIFF_TOKENS and nb <= MAX_CHAR_DIFF_TOKENS:
            chars_a, chars_b = char_differences(da, db, a0, a1, b0, b1)
        runs_a.append(Run(a0, a1, CHANGED, passage, chars_a))
        runs_b.append(Run(b0, b1, CHANGED, passage, chars_b))
        return
    doc, lo, hi, runs = (da, a0, a1, runs_a) if na else (db, b0, b1, runs_b)
    if doc.words_in(lo, hi) >= MIN_ONLY_WORDS and not reordered:
        runs.append(Run(lo, hi, ONLY, None))
    else:
        runs.append(Run(lo, hi, CHANGED, passage))


def char_differences(
    da: Document, db: Document, a0: int, a1: int, b0: int, b1: int
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Absolute character ranges that differ between two short token stretches, or nothing when
    the stretches are different words rather than spellings of one (a letter diff would be noise)."""
    start_a, start_b = da.starts[a0], db.starts[b0]
    x = da.text[start_a : da.ends[a1 - 1]]
    y = db.text[start_b : db.ends[b1 - 1]]
    out_a: list[tuple[int, int]] = []
    out_b: list[tuple[int, int]] = []
    ia = ib = 0
    ops = diff_ops(x, y, cleanup="No")
    common = sum(n for op, n in ops if op == "=")
    if common < MIN_SPELLING_OVERLAP * max(len(x), len(y)):
        return (), ()
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
