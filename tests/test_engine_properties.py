"""Properties of every comparison, on texts built from the seeds' words with random edits."""

from __future__ import annotations

import importlib.resources

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.compare import ONLY, SAME, Comparison, compare
from reader.text.normalize import fold_word
from reader.text.tokens import tokenize

_SEEDS = [
    p.read_text(encoding="utf-8")
    for p in sorted(importlib.resources.files("reader.seeds").iterdir(), key=lambda p: p.name)
    if p.name.endswith(".txt")
]
PARAGRAPHS = [p for seed in _SEEDS for p in seed.splitlines() if len(p.split()) >= 8]
WORDS = sorted({w for seed in _SEEDS for w in seed.split()})
SPACES = st.sampled_from([" ", "  ", "\n", "\n\n", "\u200f ", " \t"])


@st.composite
def edited_pair(draw) -> tuple[str, str]:
    """A: some seed paragraphs. B: some of them, reordered and edited, with new text between."""
    # distinct paragraphs: a paragraph repeated on both sides has no single right pairing
    chosen = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=5, unique=True))
    kept = draw(st.permutations(chosen))
    paragraphs_b = []
    for paragraph in kept[: draw(st.integers(0, len(kept)))]:
        words = paragraph.split(" ")
        for _ in range(draw(st.integers(0, 4))):
            at = draw(st.integers(0, len(words) - 1))
            action = draw(st.sampled_from(["replace", "delete", "insert", "tashkeel"]))
            if action == "replace":
                words[at] = draw(st.sampled_from(WORDS))
            elif action == "delete" and len(words) > 1:
                del words[at]
            elif action == "insert":
                words.insert(at, draw(st.sampled_from(WORDS)))
            else:
                words[at] = words[at] + "َ"
        paragraphs_b.append(" ".join(words))
    if draw(st.booleans()):
        paragraphs_b.insert(0, draw(st.sampled_from([p for p in PARAGRAPHS if p not in chosen])))
    a = draw(SPACES).join(chosen)
    b = draw(SPACES).join(paragraphs_b)
    return a, b


def assert_tiles(result: Comparison, side: str, length: int) -> None:
    segments = result.segments(side)
    if length == 0:
        assert segments == ()
        return
    assert segments[0].start == 0 and segments[-1].end == length
    for left, right in zip(segments, segments[1:], strict=False):
        assert left.end == right.start and left.start < left.end
        # runs are merged
        assert (left.kind, left.passage, left.reordered, left.also) != (
            right.kind,
            right.passage,
            right.reordered,
            right.also,
        )
    for s in segments:
        assert (s.passage is None) == (s.kind == ONLY)
        for x, y in s.chars:
            assert s.start <= x < y <= s.end


def folded_words(text: str) -> list[str]:
    return [k for k in (fold_word(t.text) for t in tokenize(text)) if k]


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(edited_pair())
def test_segments_tile_both_texts(pair):
    a, b = pair
    result = compare(a, b)
    assert_tiles(result, "a", len(a))
    assert_tiles(result, "b", len(b))
    assert result.to_dict()["a"]["length"] == len(a)


@SETTINGS
@given(edited_pair())
def test_same_text_is_equal_under_normalisation(pair):
    """`same` words are equal under the folds: in order, or (marked `reordered`, inside a passage
    whose words were reordered) as bags."""
    a, b = pair
    result = compare(a, b)
    for number, passage in enumerate(result.passages):
        if passage.reused:  # its shared side is labelled by the passage it shares it with
            continue
        words = {}
        for side, text in (("a", a), ("b", b)):
            for reordered in (False, True):
                words[side, reordered] = [
                    w
                    for s in result.segments(side)
                    if s.passage == number and s.kind == SAME and s.reordered == reordered
                    for w in folded_words(text[s.start : s.end])
                ]
        assert words["a", False] == words["b", False]
        assert sorted(words["a", True]) == sorted(words["b", True])
        assert words["a", False] or words["a", True]
        assert passage.reordered or not words["a", True]
        # the passage's span starts and ends on its own segments
        for side, (start, end) in (("a", passage.a), ("b", passage.b)):
            own = [s for s in result.segments(side) if s.passage == number]
            assert own[0].start <= start < own[0].end and own[-1].start < end <= own[-1].end


@SETTINGS
@given(edited_pair())
def test_swapping_sides_swaps_the_shares(pair):
    a, b = pair
    forward, backward = compare(a, b), compare(b, a)
    assert abs(forward.stats.shared_a - backward.stats.shared_b) <= 0.01
    assert abs(forward.stats.shared_b - backward.stats.shared_a) <= 0.01


@SETTINGS
@given(st.sampled_from(PARAGRAPHS), st.lists(st.sampled_from(PARAGRAPHS), max_size=3))
def test_a_text_against_itself_is_one_passage(first, rest):
    text = "\n".join([first, *rest])
    result = compare(text, text)
    assert len(result.passages) == 1
    assert all(s.kind == SAME for s in result.segments_a)
