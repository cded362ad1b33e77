"""The engine's compiled core (reader/compare/_scan.c, _runs.c, the _diff extension) against its
specifications: the tokens of reader.text.tokens.TOKEN_RE, diff-match-patch's own diff, and the
definitions of seeds, runs and clusters."""

from __future__ import annotations

from array import array
from pathlib import Path

import diff_match_patch
import fast_diff_match_patch
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.compare import _bags, _diff, _runs, _scan
from reader.compare.model import CompareOptions
from reader.compare.prepare import Vocabulary, prepare
from reader.text.tokens import TOKEN_RE


def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("[0-9]*.txt"))]


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SCAN, RUNS, DIFF = _scan, _runs, _diff

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
        RUNS.seeds([0, -7], [0], b"", (1,), 3)
    with pytest.raises(ValueError):
        RUNS.seeds([0], [0], b"", (1,), 9)  # more occurrences than a slot keeps
    with pytest.raises(TypeError):
        RUNS.seeds([0], [0], b"", [1], 3)
    with pytest.raises(ValueError):
        RUNS.exact_runs([0], [0], array("q", [3, 0, 1]).tobytes())
    with pytest.raises(TypeError):
        RUNS.chain_runs([(1, 2)], 24, 2)
    with pytest.raises(ValueError):
        RUNS.cluster([(1, -2, 1, True)], 24)
    with pytest.raises(ValueError):
        RUNS.cluster([], 0)


def _seeds(wa: list[int], wb: list[int], stop: bytes, ngrams: tuple[int, ...], most: int) -> list[tuple]:
    pairs = array("q")
    pairs.frombytes(RUNS.seeds(wa, wb, stop, ngrams, most)[0])
    return list(zip(pairs[0::3], pairs[1::3], pairs[2::3], strict=True))


def _grams(words: list[int], n: int) -> list[tuple[int, ...]]:
    return [tuple(words[k : k + n]) for k in range(len(words) - n + 1)]


id_lists = st.lists(st.integers(0, 12), max_size=60)


@settings(max_examples=300, deadline=None)
@given(id_lists, id_lists, st.sets(st.integers(0, 12), max_size=3), st.integers(1, 4))
def test_seeds_pair_what_is_rare_in_both_texts(
    wa: list[int], wb: list[int], stop: set[int], most: int
) -> None:
    """Seeds are (i, j) of an n-gram (n = 1: a word not in `stop`) at i in A and j in B, with at
    most `most` occurrences in each text and either as many in both (paired k-th with k-th) or one
    in one of them (paired with each); `unique` when it occurs once in each."""
    flags = bytes(1 if w in stop else 0 for w in range(13))
    got = _seeds(wa, wb, flags, (1, 3), most)
    expected = set()
    for n in (1, 3):
        grams_a, grams_b = _grams(wa, n), _grams(wb, n)
        for gram in set(grams_a) & set(grams_b):
            if n == 1 and gram[0] in stop:
                continue
            at_a = [i for i, g in enumerate(grams_a) if g == gram]
            at_b = [j for j, g in enumerate(grams_b) if g == gram]
            if len(at_a) > most or len(at_b) > most:
                continue
            unique = len(at_a) == 1 and len(at_b) == 1
            if len(at_a) == len(at_b):
                expected.update((i, j, unique) for i, j in zip(at_a, at_b, strict=True))
            elif 1 in (len(at_a), len(at_b)):
                expected.update((i, j, False) for i in at_a for j in at_b)
    merged = {}
    for i, j, unique in expected:
        merged[i, j] = merged.get((i, j), False) or unique
    assert got == sorted((i, j, int(unique)) for (i, j), unique in merged.items())


@settings(max_examples=300, deadline=None)
@given(id_lists, id_lists)
def test_exact_runs_are_maximal_equal_stretches(wa: list[int], wb: list[int]) -> None:
    seeds = _seeds(wa, wb, bytes(13), (1, 3), 4)
    runs = RUNS.exact_runs(wa, wb, array("q", [x for seed in seeds for x in seed]).tobytes())
    for i, j, length, unique in runs:
        assert length >= 1 and wa[i : i + length] == wb[j : j + length]
        assert i == 0 or j == 0 or wa[i - 1] != wb[j - 1]  # maximal both ways
        assert i + length == len(wa) or j + length == len(wb) or wa[i + length] != wb[j + length]
        if unique:  # it holds a seed unique to both texts
            assert any(u and i <= si < i + length and sj - si == j - i for si, sj, u in seeds)
    covered = {(i + k, j + k) for i, j, length, _ in runs for k in range(length)}
    assert all((i, j) in covered for i, j, _ in seeds)  # every seed grew into a run


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300), st.just(1), st.booleans()), max_size=60),
    st.integers(1, 4),
)
def test_clusters_keep_dense_cells_that_touch(anchor_list: list, min_count: int) -> None:
    grid = 24
    groups = RUNS.cluster(anchor_list, grid, min_count)
    cells = {}
    for anchor in anchor_list:
        cells.setdefault((anchor[0] // grid, anchor[1] // grid), []).append(anchor)
    dense = {cell for cell, members in cells.items() if len(members) >= min_count}
    assert sorted(a for g in groups for a in g) == sorted(a for c in dense for a in cells[c])
    group_of = {(a[0] // grid, a[1] // grid): k for k, g in enumerate(groups) for a in g}
    for (ci, cj), k in group_of.items():
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                neighbour = (ci + di, cj + dj)
                if neighbour in group_of:
                    assert group_of[neighbour] == k


def _library_diff(x: str, y: str) -> list[tuple[str, int]]:
    """diff-match-patch's C++ build, with no time limit."""
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


def test_diff_in_c_equals_the_library_on_long_diffs_of_many_edits() -> None:
    """Thousands of edits in one diff (the cleanup reads its list once per pass, where the library
    splices it in place): still the library's result, op for op."""
    import random

    rng = random.Random(5)
    for alphabet in (40, 400):
        x = "".join(chr(0x100 + rng.randrange(alphabet)) for _ in range(6000))
        y = list(x)
        for _ in range(1500):
            at = rng.randrange(len(y))
            if rng.random() < 0.5:
                del y[at]
            else:
                y.insert(at, chr(0x100 + rng.randrange(alphabet)))
        y = "".join(y)
        ours = DIFF.diff(x, y)
        assert len(ours) > 1000
        assert ours == _library_diff(x, y)


def test_a_block_diffed_again_is_labelled_as_the_first_time() -> None:
    """The differ keeps the last block's word diff for the engine's second look at it (in order,
    then order-free): asked again, after another block or not, it labels as a new differ does."""
    from reader.compare.worddiff import block_differ

    seeds = seed_texts()
    options = CompareOptions()
    vocabulary = Vocabulary(options.normalize)
    da, db = prepare(seeds[0], vocabulary), prepare(seeds[1], vocabulary)
    flags = bytes(vocabulary.flags)
    n = min(len(da.ids), len(db.ids))
    blocks = [((0, n // 2), (0, n // 2)), ((n // 4, n), (n // 5, n)), ((0, n // 2), (0, n // 2))]
    kept = block_differ(da, db, flags, options.align)
    for ta, tb in blocks:
        for reordered in (False, True, False):
            fresh = block_differ(da, db, flags, options.align)
            assert _labels(kept(ta, tb, 0, reordered)) == _labels(fresh(ta, tb, 0, reordered))


def _labels(diff) -> tuple:
    sides = tuple((s.firsts, s.kinds, s.passages, s.chars, s.end) for s in (diff.a, diff.b))
    return sides + tuple(diff[2:])


def _apply(ops: list[tuple[str, int]], x: str, y: str) -> tuple[str, str]:
    """The two texts an op list says it was made from: what it keeps and deletes, what it keeps and
    inserts."""
    out_x, out_y, ix, iy = [], [], 0, 0
    for op, n in ops:
        if op in "=-":
            out_x.append(x[ix : ix + n])
        if op in "=+":
            out_y.append(y[iy : iy + n])
        if op == "=":
            assert x[ix : ix + n] == y[iy : iy + n]
        ix += n if op in "=-" else 0
        iy += n if op in "=+" else 0
    return "".join(out_x), "".join(out_y)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0x100, 0x160), max_size=200), st.permutations(range(40)), st.integers(0, 400))
def test_the_bounded_diff_is_a_diff_of_its_inputs(codes: list[int], order: list[int], cells: int) -> None:
    """Cut at anchors unique to both sides or not, the ops rebuild both texts exactly and their
    equal stretches are equal; within the bound it is diff-match-patch's own result."""
    x = "".join(map(chr, codes))
    y = "".join(x[k::40] for k in order)  # the same letters, reordered in stripes
    ops = DIFF.diff(x, y, float(cells))
    assert _apply(ops, x, y) == (x, y)
    if len(x) * len(y) <= cells:
        assert ops == DIFF.diff(x, y)


def test_the_bounded_diff_keeps_the_anchors_of_a_shuffled_copy() -> None:
    """A long stretch and a copy with a few symbols moved: past the bound the unique symbols in
    order are kept equal, so nearly everything is still `=`."""
    x = "".join(chr(0x100 + k) for k in range(3000))
    y = x[:1000] + x[2000:2100] + x[1000:2000] + x[2100:]
    ops = DIFF.diff(x, y, 1e5)
    assert _apply(ops, x, y) == (x, y)
    assert sum(n for op, n in ops if op == "=") >= 2900


word_lists = st.lists(st.integers(0, 12), max_size=60)


@settings(max_examples=400, deadline=None)
@given(word_lists, word_lists, *[st.integers(-70, 70)] * 4)
def test_shared_words_are_the_bags_intersection(x, y, x0: int, x1: int, y0: int, y1: int) -> None:
    """As a slice would take them (negative and outside bounds too), counted with repeats."""
    from collections import Counter

    assert _bags.shared(x, x0, x1, y, y0, y1) == sum((Counter(x[x0:x1]) & Counter(y[y0:y1])).values())


def _dice_of(wa, wb, a0, a1, b0, b1) -> float:
    from collections import Counter

    total = (a1 - a0) + (b1 - b0)
    return 2.0 * sum((Counter(wa[a0:a1]) & Counter(wb[b0:b1])).values()) / total if total else 0.0


@settings(max_examples=400, deadline=None)
@given(word_lists, word_lists, st.data(), st.integers(0, 12))
def test_tighten_moves_each_edge_in_turn_to_the_best_dice(wa, wb, data, search: int) -> None:
    """Edges a0, a1, b0, b1 in turn, each moved inward by the first shift of 0..search (keeping two
    words) with the highest Dice of the block as the edges before it left it."""
    a0 = data.draw(st.integers(0, len(wa)))
    a1 = data.draw(st.integers(a0, len(wa)))
    b0 = data.draw(st.integers(0, len(wb)))
    b1 = data.draw(st.integers(b0, len(wb)))
    edges = [a0, a1, b0, b1]
    for k in range(4):
        lo, hi = edges[k // 2 * 2], edges[k // 2 * 2 + 1]
        best, best_shift = None, 0
        for shift in range(0, max(0, min(search, hi - lo - 2)) + 1):
            moved = list(edges)
            moved[k] += shift if k % 2 == 0 else -shift
            score = _dice_of(wa, wb, *moved)
            if best is None or score > best:
                best, best_shift = score, shift
        edges[k] += best_shift if k % 2 == 0 else -best_shift
    *got, score = _bags.tighten(wa, wb, a0, a1, b0, b1, search)
    assert got == edges
    assert score == _dice_of(wa, wb, *edges)


def test_key_ids_past_the_last_code_point_share_one() -> None:
    """More distinct words than Unicode has code points (over 1,111,807) still make a key_text:
    the ids past the limit share its last code point; the word diff compares ids, not it."""
    from reader.compare.prepare import KEY_LIMIT, key_char

    assert key_char(KEY_LIMIT - 1) != key_char(KEY_LIMIT) == key_char(KEY_LIMIT + 5) == chr(0x10FFFF)
    ids = [KEY_LIMIT - 1, KEY_LIMIT, KEY_LIMIT + 1]
    flags = bytes(KEY_LIMIT + 2)
    _, _, _, _, _, _, key_text, _ = SCAN.derive(
        array("q", [0, 1, 2]).tobytes(), array("q", ids).tobytes(), flags, b"\x00\x00\x00"
    )
    assert key_text == key_char(KEY_LIMIT - 1) + chr(0x10FFFF) * 2


name_texts = st.lists(
    st.sampled_from(["عبد", "أبو", "ابو", "الله", "ظبي", "العزيز", "قال", "3", "،", "عبدالله", "\n", "  "]),
    max_size=12,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(name_texts)
def test_scan_joins_compound_names_as_the_spec_does(text: str) -> None:
    """With join_names the scanner reads a name written split (`عبد الله`, `أبو ظبي`) as one
    token, exactly where reader.text.tokens.join_names does; without it, TOKEN_RE's tokens."""
    from reader.text.tokens import join_names, tokenize

    index: dict[str, int] = {}
    starts, ends, ids, _, firsts, _ = SCAN.tokenize(text, True)
    raw = array("q")
    raw.frombytes(SCAN.number(text, starts, ends, ids, firsts, index))
    bounds_s, bounds_e = array("q"), array("q")
    bounds_s.frombytes(starts)
    bounds_e.frombytes(ends)
    got = [(s, e, text[s:e]) for s, e in zip(bounds_s, bounds_e, strict=True)]
    assert got == [(t.start, t.end, t.text) for t in join_names(text, tokenize(text))]
    assert _c_tokens(text)[0] == _python_tokens(text)  # off by default
