"""What the aligner promises whatever surrounds the shared text, checked with hypothesis on text
built from the seeds' words and paragraphs:

- every maximal run of 8 or more equal (folded) words, two of them content words, that occurs
  once in each text lies in ONE passage on both sides (a paragraph break on either side ends a
  run: what follows it belongs to the next paragraph, which may be aligned elsewhere);
- every paragraph that occurs exactly once in each text (folded) and holds at least two content
  words is aligned, wherever it moved, however short;
- a text against a copy with its paragraphs shuffled: 99% of each side aligned, the moves marked.

The runs and paragraphs are found here independently of the engine (tokens and folds of
reader.text only), by brute force on the small texts hypothesis makes.
"""

from __future__ import annotations

import importlib.resources
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.compare import compare
from reader.text.normalize import fold_word
from reader.text.stopwords import stopword_keys
from reader.text.tokens import tokenize

_SEEDS = [
    p.read_text(encoding="utf-8")
    for p in sorted(importlib.resources.files("reader.seeds").iterdir(), key=lambda p: p.name)
    if p.name.endswith(".txt")
]
PARAGRAPHS = sorted({p.strip() for seed in _SEEDS for p in seed.splitlines() if len(p.split()) >= 3})
SHORT_LINES = sorted({p for p in PARAGRAPHS if len(p.split()) <= 8})
WORDS = sorted({w for seed in _SEEDS for w in seed.split()})
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def words_of(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, folded key, whether a paragraph break comes before it) of each word token."""
    out = []
    last_end = 0
    for token in tokenize(text):
        key = fold_word(token.text)
        if key and any(ch.isalnum() for ch in key):
            after_break = not out or "\n" in text[last_end : token.start]
            out.append((token.start, token.end, key, after_break))
            last_end = token.end
    return out


def maximal_runs(wa: list, wb: list, length: int) -> list[tuple[int, int, int]]:
    """(i, j, n): words [i, i+n) of A equal words [j, j+n) of B, n >= length, maximal both ways
    within paragraphs: a paragraph break on either side ends a run."""

    def continues(i: int, j: int) -> bool:
        return wa[i][2] == wb[j][2] and not wa[i][3] and not wb[j][3]

    runs = []
    for i in range(len(wa)):
        for j in range(len(wb)):
            if wa[i][2] != wb[j][2] or (i and j and continues(i, j) and wa[i - 1][2] == wb[j - 1][2]):
                continue
            n = 1
            while i + n < len(wa) and j + n < len(wb) and continues(i + n, j + n):
                n += 1
            if n >= length:
                runs.append((i, j, n))
    return runs


def _content(run: list[str]) -> int:
    stop = stopword_keys()
    return sum(1 for key in run if key not in stop and len(key) > 1)


def occurrences(keys: list[str], run: list[str]) -> int:
    n = len(run)
    return sum(1 for k in range(len(keys) - n + 1) if keys[k : k + n] == run)


def in_one_passage(result, span_a: tuple[int, int], span_b: tuple[int, int]) -> bool:
    return any(
        p.a[0] <= span_a[0] and span_a[1] <= p.a[1] and p.b[0] <= span_b[0] and span_b[1] <= p.b[1]
        for p in result.passages
    )


@st.composite
def texts_sharing_a_run(draw) -> tuple[str, str]:
    """A and B of seed words and paragraphs, with one stretch of A copied into B between other
    words (so its edges meet text that differs)."""
    a_parts = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=4, unique=True))
    a = "\n".join(a_parts)
    words = a.split()
    start = draw(st.integers(0, max(0, len(words) - 8)))
    length = draw(st.integers(8, max(8, min(40, len(words) - start))))
    copied = " ".join(words[start : start + length])
    before = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=12)))
    after = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=12)))
    others = draw(st.lists(st.sampled_from(PARAGRAPHS), max_size=3))
    b_parts = [*others, f"{before} {copied} {after}".strip()]
    order = draw(st.permutations(range(len(b_parts))))
    return a, "\n".join(b_parts[k] for k in order)


# B's second line copies A across A's paragraph break: the words after a break on both sides
# begin another run, so no run may cross it.
_HEADLINE = '"تكتل دفاعي" يتشكّل.. هل تقترب آسيا الوسطى من بناء منظومة أمنية إقليمية؟'
CROSSING_A_BREAK = (
    "\n".join(
        (
            "وجاء في بيان للمكتب الصحفي الرئاسي: تسعى كازاخستان إلى المساهمة في التغلب على المواجهة.",
            _HEADLINE,
            "من الثروات إلى التحالفات.. آسيا الوسطى تتطلع لبناء محور استراتيجي مع أمريكا",
        )
    ),
    _HEADLINE + "\nمن بناء منظومة أمنية إقليمية؟ من الثروات إلى",
)


@SETTINGS
@given(texts_sharing_a_run())
@example(CROSSING_A_BREAK)
def test_a_run_of_eight_words_unique_to_both_texts_is_one_passage(pair: tuple[str, str]) -> None:
    a, b = pair
    wa, wb = words_of(a), words_of(b)
    ka, kb = [w[2] for w in wa], [w[2] for w in wb]
    result = compare(a, b)
    for i, j, n in maximal_runs(wa, wb, 8):
        run = ka[i : i + n]
        if occurrences(ka, run) != 1 or occurrences(kb, run) != 1 or _content(run) < 2:
            continue
        span_a = (wa[i][0], wa[i + n - 1][1])
        span_b = (wb[j][0], wb[j + n - 1][1])
        assert in_one_passage(result, span_a, span_b), (a[span_a[0] : span_a[1]], result.passages)


@st.composite
def texts_sharing_paragraphs(draw) -> tuple[str, str]:
    """A: paragraphs (some of them short lines). B: some of A's in another order, among others."""
    chosen = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=2, max_size=6, unique=True))
    chosen += draw(st.lists(st.sampled_from(SHORT_LINES), max_size=3, unique=True))
    chosen = list(dict.fromkeys(chosen))
    kept = draw(st.lists(st.sampled_from(chosen), min_size=1, max_size=len(chosen), unique=True))
    others = draw(st.lists(st.sampled_from(PARAGRAPHS), max_size=3))
    b_parts = draw(st.permutations(kept + others))
    return "\n".join(chosen), "\n".join(b_parts)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def folded(text: str) -> tuple[str, ...]:
    return tuple(w[2] for w in words_of(text))


@SETTINGS
@given(texts_sharing_paragraphs())
def test_a_paragraph_unique_to_both_texts_is_aligned_wherever_it_moved(pair: tuple[str, str]) -> None:
    a, b = pair
    result = compare(a, b)
    stop = stopword_keys()
    keys_a = Counter(folded(a[s:e]) for s, e in paragraph_spans(a))
    keys_b = Counter(folded(b[s:e]) for s, e in paragraph_spans(b))
    spans_b = {folded(b[s:e]): (s, e) for s, e in paragraph_spans(b)}
    for s, e in paragraph_spans(a):
        key = folded(a[s:e])
        if keys_a[key] != 1 or keys_b[key] != 1 or sum(1 for w in key if w not in stop and len(w) > 1) < 2:
            continue
        assert in_one_passage(result, _words_span(a, s, e), _words_span(b, *spans_b[key])), a[s:e]


def _words_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The characters from the paragraph's first word to its last (punctuation at its ends may
    be left out of a passage)."""
    words = words_of(text[start:end])
    return start + words[0][0], start + words[-1][1]


@SETTINGS
@given(st.lists(st.sampled_from(PARAGRAPHS), min_size=3, max_size=10, unique=True), st.randoms())
def test_a_text_against_itself_with_its_paragraphs_shuffled_is_aligned(paragraphs, rng) -> None:
    shuffled = list(paragraphs)
    rng.shuffle(shuffled)
    a, b = "\n".join(paragraphs), "\n".join(shuffled)
    result = compare(a, b)
    assert result.stats.shared_a >= 0.99 and result.stats.shared_b >= 0.99
    if shuffled != paragraphs:
        assert any(p.moved for p in result.passages)
