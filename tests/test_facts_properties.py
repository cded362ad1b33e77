"""Invariants of the facts of any pair of texts, on texts built from the seeds with random edits."""

from __future__ import annotations

from collections import Counter
from importlib import resources

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.compare import compare
from reader.facts import AGREE, find_facts
from reader.facts.places import Places

_SEEDS = [
    p.read_text(encoding="utf-8")
    for p in sorted(resources.files("reader.seeds").iterdir(), key=lambda p: p.name)
    if p.name.endswith(".txt")
]
PARAGRAPHS = [p for seed in _SEEDS for p in seed.splitlines() if len(p.split()) >= 6]
NUMBERS = ["27", "٣١", "07ر3", "410.000", "ثلاثة", "ملياري", "15%", "مليون"]
WORDS = sorted({w for seed in _SEEDS for w in seed.split()})


@st.composite
def article(draw) -> str:
    chosen = draw(st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=4))
    return "\n\n".join(chosen)


@st.composite
def edited(draw, text: str) -> str:
    words = text.split(" ")
    for _ in range(draw(st.integers(0, 5))):
        at = draw(st.integers(0, len(words) - 1))
        words[at] = draw(st.sampled_from(NUMBERS + WORDS))
    return " ".join(words)


@st.composite
def pair(draw) -> tuple[str, str]:
    a = draw(article())
    return a, draw(edited(a))


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(article())
def test_a_text_against_itself_has_no_disagreement(text):
    facts = find_facts(text, text)
    assert all(p.status == AGREE for p in facts.pairs)
    assert all(p.a == p.b for p in facts.pairs)


@SETTINGS
@given(pair())
def test_swapping_the_sides_mirrors_the_result(texts):
    a, b = texts
    assert find_facts(b, a) == find_facts(a, b).swapped()


@SETTINGS
@given(pair())
def test_every_mention_points_at_its_words_and_pairs_at_most_once_per_use(texts):
    """Once, or once more for each passage that uses its words a second time (`reused`)."""
    a, b = texts
    comparison = compare(a, b)
    facts = find_facts(a, b, comparison)
    places = Places(comparison, a, b)
    seen: Counter = Counter()
    for p in facts.pairs:
        for side, text in (("a", a), ("b", b)):
            mention = p.mention(side)
            if mention is None:
                continue
            assert text[mention.start : mention.end] == mention.text
            seen[side, mention.kind, mention.start, mention.end] += 1
    for (side, _kind, start, end), times in seen.items():
        assert times <= places.uses(side, start, end)
