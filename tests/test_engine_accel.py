"""The C accelerators (reader/compare/_scan.c, _runs.c) give exactly what their Python twins give."""

from __future__ import annotations

import itertools
from array import array
from collections import Counter
from pathlib import Path

import diff_match_patch
import fast_diff_match_patch
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader.compare.anchors as anchors
import reader.compare.prepare as prepare_module
import reader.compare.worddiff as worddiff
from reader.compare import compare
from reader.compare.model import CompareOptions
from reader.compare.prepare import Vocabulary, prepare
from reader.text.tokens import TOKEN_RE


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("[0-9]*.txt"))]


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SCAN = prepare_module._scan
RUNS = anchors._runs
DIFF = worddiff._diff

# Everything the tokeniser treats specially: letters, marks, tatweel, digits of three scripts and
# an astral one, number separators, the Arabic ر decimal, spaces, newlines, joiners, bidi and
# other invisible marks, quotes and punctuation, underscore, an emoji.
ALPHABET = (
    "قالمتحدثإنأىةءئؤآ"
    "\u064b\u064e\u0650\u0652\u0670\u0640"
    "0123٠١٢٣۴۵𝟘"
    ".,٫٬ر"
    " \t\n\u00a0\u2003"
    "\u200c\u200d\u200b\u200f\u202b\u202c\u2066\u2069\ufeff\u061c"
    '«»"“”()،؛؟!-_'
    "abZ😀"
)
texts = st.text(alphabet=ALPHABET, max_size=80)


def test_accelerators_are_built() -> None:
    """The install builds both extensions where a C compiler is present (CI has one): the speed
    figures of bench/bench_engine.py are the C path's."""
    assert SCAN is not None, "reader.compare._scan was not built (is a C compiler installed?)"
    assert RUNS is not None, "reader.compare._runs was not built (is a C compiler installed?)"
    assert DIFF is not None, "reader.compare._diff was not built (is a C compiler installed?)"


def _python_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def _scan(text: str, index: dict[str, int]) -> tuple[bytes, bytes, bytes, bytes]:
    starts, ends, ids, newline, firsts, _ = SCAN.tokenize(text)
    return starts, ends, SCAN.number(text, starts, ends, ids, firsts, index), newline


def _c_tokens(text: str) -> tuple[list[tuple[int, int, str]], list[int]]:
    index: dict[str, int] = {}
    starts, ends, raw, newline = _scan(text, index)
    starts_, ends_, raw_ = (array("q", b"") for _ in range(3))
    starts_.frombytes(starts)
    ends_.frombytes(ends)
    raw_.frombytes(raw)
    tokens_by_id = list(index)
    tokens = [(s, e, tokens_by_id[r]) for s, e, r in zip(starts_, ends_, raw_, strict=True)]
    return tokens, list(newline)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_scan_finds_the_tokens_of_the_regex(text: str) -> None:
    tokens, newline = _c_tokens(text)
    assert tokens == _python_tokens(text)
    gaps = [text[tokens[k - 1][1] if k else 0 : tokens[k][0]] for k in range(len(tokens))]
    assert newline == [int("\n" in gap) for gap in gaps]


def test_scan_numbers_tokens_across_calls() -> None:
    index: dict[str, int] = {}
    _, _, first, _ = _scan("قال إن قال", index)
    _, _, second, _ = _scan("إن ما", index)
    assert index == {"قال": 0, "إن": 1, "ما": 2}
    assert array("q", first).tolist() == [0, 1, 0]
    assert array("q", second).tolist() == [1, 2]


def test_scan_and_derive_refuse_bad_arguments() -> None:
    with pytest.raises(TypeError):
        SCAN.tokenize(b"bytes")
    starts, ends, ids, _, firsts, token_chars = SCAN.tokenize("قال إن")
    assert token_chars == 5
    with pytest.raises(TypeError):
        SCAN.number("قال إن", starts, ends, ids, firsts, [])
    with pytest.raises(ValueError):  # offsets of another, longer text
        SCAN.number("قال", starts, ends, ids, firsts, {})
    with pytest.raises(ValueError):
        SCAN.derive(array("q", [5]).tobytes(), array("q", [0]).tobytes(), b"\x00", b"\x00")
    with pytest.raises(ValueError):
        RUNS.unique_seeds([0, -7], [0], set())
    with pytest.raises(TypeError):
        RUNS.unique_seeds([0], [0], [1])
    with pytest.raises(ValueError):
        RUNS.exact_runs([0], [0], array("q", [3, 0]).tobytes())
    with pytest.raises(TypeError):
        RUNS.chain_runs([(1, 2)], 24, 2)
    with pytest.raises(ValueError):
        RUNS.cluster([(1, -2, 1, True)], 24)
    with pytest.raises(ValueError):
        RUNS.cluster([], 0)


def _documents(text: str) -> tuple:
    """The Document of `text` by each path, with ids spelled as their folded keys (the paths
    number keys in different orders; only equality of ids matters to the aligner)."""
    out = []
    for scan in (SCAN, None):
        prepare_module._scan = scan
        try:
            vocabulary = Vocabulary(CompareOptions().normalize)
            doc = prepare(text, vocabulary)
        finally:
            prepare_module._scan = SCAN
        key_of = {v: k for k, v in vocabulary.key_ids.items()}
        out.append(
            (
                list(doc.starts),
                list(doc.ends),
                [key_of[i] for i in doc.ids],
                list(doc.word_tokens),
                [key_of[i] for i in doc.word_ids],
                list(doc.content),
                list(doc.words_before),
                list(doc.content_before),
                doc.paragraph_ends,
                sorted(key_of[i] for i in vocabulary.punct_ids),
                sorted(key_of[i] for i in vocabulary.stop_ids),
                doc.token_chars,
                [doc.key_text.index(c) for c in doc.key_text],  # equal letters where ids are equal
            )
        )
    return tuple(out)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_prepare_in_c_equals_prepare_in_python(text: str) -> None:
    in_c, in_python = _documents(text)
    assert in_c == in_python


@pytest.mark.parametrize("text", ["", "\n\n", "«»", "قال\n", "\nقال المتحدث، إن 07ر3 بالمئة.\n\nنعم"])
def test_prepare_in_c_equals_prepare_in_python_at_the_edges(text: str) -> None:
    in_c, in_python = _documents(text)
    assert in_c == in_python


def test_prepare_in_c_equals_prepare_in_python_on_the_seeds() -> None:
    for text in seed_texts():
        in_c, in_python = _documents(text)
        assert in_c == in_python


def _runs_in_python(wa: list[int], wb: list[int], stop: set[int]) -> tuple[list, Counter, Counter]:
    count_a, count_b = Counter(wa), Counter(wb)
    runs = anchors._exact_runs(wa, wb, anchors._unique_seeds(wa, wb, count_a, count_b, stop))
    return runs, count_a, count_b


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 12), max_size=120),
    st.lists(st.integers(0, 12), max_size=120),
    st.sets(st.integers(0, 12), max_size=3),
)
def test_exact_runs_in_c_equal_exact_runs_in_python(wa: list[int], wb: list[int], stop: set[int]) -> None:
    runs_c, count_a, count_b = anchors._exact_runs_in_c(wa, wb, stop)
    runs_py, counter_a, counter_b = _runs_in_python(wa, wb, stop)
    assert runs_c == runs_py
    assert [count_a[w] for w in range(len(count_a))] == [counter_a[w] for w in range(len(count_a))]
    assert [count_b[w] for w in range(len(count_b))] == [counter_b[w] for w in range(len(count_b))]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200), st.integers(1, 30)), max_size=40))
def test_chains_in_c_equal_chains_in_python(spans: list[tuple[int, int, int]]) -> None:
    runs = [(i, j, n, True) for i, j, n in spans]
    in_c = anchors._chain_candidates(runs)
    anchors._runs = None
    try:
        in_python = anchors._chain_candidates(runs)
    finally:
        anchors._runs = RUNS
    assert in_c == in_python


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 150), st.integers(0, 150), st.integers(1, 3), st.booleans()), max_size=60
    )
)
def test_clusters_in_c_equal_clusters_in_python(anchor_list: list[tuple[int, int, int, bool]]) -> None:
    assert RUNS.cluster(anchor_list, anchors.GRID) == anchors._cluster_in_python(anchor_list)
    assert RUNS.cluster(anchor_list, 7) == _cluster_with_grid(anchor_list, 7)


def _cluster_with_grid(anchor_list: list, grid: int) -> list:
    saved = anchors.GRID
    anchors.GRID = grid
    try:
        return anchors._cluster_in_python(anchor_list)
    finally:
        anchors.GRID = saved


def test_exact_runs_in_c_on_a_shuffled_copy() -> None:
    """Long texts of distinct words with a block moved: the seeds are unique words and trigrams."""
    wa = list(range(3000))
    wb = wa[2000:] + wa[:2000]
    runs_c, _, _ = anchors._exact_runs_in_c(wa, wb, set())
    assert runs_c == _runs_in_python(wa, wb, set())[0]
    assert sorted(runs_c) == [(0, 1000, 2000, True), (2000, 0, 1000, True)]


def _compare_both_ways(a: str, b: str) -> tuple[dict, dict]:
    results = []
    for scan, runs, diff in ((SCAN, RUNS, DIFF), (None, None, None)):
        prepare_module._scan, anchors._runs, worddiff._diff = scan, runs, diff
        try:
            results.append(compare(a, b).to_dict())
        finally:
            prepare_module._scan, anchors._runs, worddiff._diff = SCAN, RUNS, DIFF
    return results[0], results[1]


def _library_diff(x: str, y: str) -> list[tuple[str, int]]:
    """What worddiff used before the C port: the library's C++ build, with no time limit."""
    if x == y:
        return [("=", len(x))] if x else []
    return fast_diff_match_patch.diff(x, y, timelimit=0, checklines=False, cleanup="No", counts_only=True)


def _reference_diff(x: str, y: str) -> list[tuple[str, int]]:
    """The library's reference implementation in Python."""
    dmp = diff_match_patch.diff_match_patch()
    dmp.Diff_Timeout = 0
    symbol = {0: "=", -1: "-", 1: "+"}
    return [(symbol[op], len(text)) for op, text in dmp.diff_main(x, y, False)]


# small alphabets make many equal letters: prefixes, suffixes, containment, shifts in the cleanup
@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="abcd", max_size=30), st.text(alphabet="abcd", max_size=30))
def test_diff_in_c_equals_diff_match_patch(x: str, y: str) -> None:
    ours = DIFF.diff(x, y)
    assert ours == _library_diff(x, y)
    assert ours == _reference_diff(x, y)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0x100, 0x2000), min_size=1, max_size=300), st.data())
def test_diff_in_c_equals_diff_match_patch_on_edited_copies(codes: list[int], data) -> None:
    """Blocks as the engine diffs them: a run of word code points against an edited copy."""
    x = "".join(map(chr, codes))
    edits = data.draw(
        st.lists(st.tuples(st.integers(0, len(x)), st.integers(0, 3), st.text("\u0100\u0101", max_size=3)))
    )
    y = x
    for at, cut, insert in edits:
        y = y[:at] + insert + y[at + cut :]
    assert DIFF.diff(x, y) == _library_diff(x, y)


def test_diff_in_c_equals_the_library_on_the_blocks_of_a_long_pair() -> None:
    seeds = seed_texts()
    vocabulary = Vocabulary(CompareOptions().normalize)
    da, db = prepare(seeds[0] * 3, vocabulary), prepare(seeds[1] * 2, vocabulary)
    for lo in range(0, len(da.key_text), 97):
        x, y = da.key_text[lo : lo + 400], db.key_text[lo // 2 : lo // 2 + 350]
        assert DIFF.diff(x, y) == _library_diff(x, y)


def test_compare_in_c_equals_compare_in_python_on_the_seeds() -> None:
    seeds = seed_texts()
    for a, b in itertools.product(seeds, repeat=2):
        in_c, in_python = _compare_both_ways(a, b)
        assert in_c == in_python


def test_compare_in_c_equals_compare_in_python_on_a_repetitive_text() -> None:
    """A bulletin that repeats itself takes the fallback that pairs n-grams in order."""
    bulletin = "قال المتحدث إن الوضع مستقر في المدينة. " * 60
    edited = bulletin.replace("مستقر", "هادئ", 9) + "\n" + bulletin[:400]
    in_c, in_python = _compare_both_ways(bulletin, edited)
    assert in_c == in_python
    assert in_c["stats"]["passages"] >= 1


def test_block_differ_in_c_labels_every_block_as_python_does() -> None:
    """Every block of every seed pair, shifted variants of them, in both modes (reordered or not)."""
    from reader.compare.anchors import find_candidates
    from reader.compare.blocks import build_blocks
    from reader.compare.engine import _token_range

    checked = 0
    for a, b in itertools.product(seed_texts(), repeat=2):
        vocabulary = Vocabulary(CompareOptions().normalize)
        da, db = prepare(a, vocabulary), prepare(b, vocabulary)
        weak = vocabulary.punct_ids | vocabulary.stop_ids
        in_c = worddiff.block_differ(da, db, weak, bytes(vocabulary.flags))
        blocks = build_blocks(find_candidates(da, db, vocabulary.stop_ids), da, db, 5)
        ranges = [(_token_range(da, k.a0, k.a1), _token_range(db, k.b0, k.b1)) for k in blocks]
        ranges += [((max(0, ta[0] - 7), ta[1]), (tb[0], min(len(db.ids), tb[1] + 9))) for ta, tb in ranges]
        ranges.append(((0, min(len(da.ids), 60)), (0, min(len(db.ids), 80))))
        for passage, (ta, tb) in enumerate(ranges):
            for reordered in (False, True):
                ours = in_c(ta, tb, passage, reordered)
                theirs = worddiff.diff_block(da, db, ta, tb, passage, weak, reordered)
                assert ours[2:] == theirs[2:]
                for mine, reference in ((ours.a, theirs.a), (ours.b, theirs.b)):
                    assert (mine.firsts, mine.kinds, mine.passages, mine.chars, mine.end) == (
                        reference.firsts,
                        reference.kinds,
                        reference.passages,
                        reference.chars,
                        reference.end,
                    )
                checked += 1
    assert checked >= 150  # 25 pairs, their blocks and variants, two modes each
