"""A passage of one text quoted at two places of the other is aligned at both (result version 3:
the second use is marked `reused` on its shared side), whatever else pairs weakly with the
second copy. Checked with hypothesis on words of the seeds split into vocabularies sharing no
folded word, so the only shared words are the ones placed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vocabulary_helpers import A_WORDS, B_WORDS, SHARED_WORDS, distinct, paragraphs, some_words

from reader.compare import compare

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def quoted_twice(draw) -> tuple[str, str, str]:
    """A holds paragraph P once, and elsewhere a sentence opening with P's first words (a lure:
    the opening of P's second copy in B pairs with it weakly). B holds P twice."""
    quoted = distinct(draw, SHARED_WORDS, draw(st.integers(20, 60)))
    p = " ".join(quoted) + "."
    opening = draw(st.integers(3, 5))
    lure = f"{' '.join(quoted[:opening])} {some_words(draw, A_WORDS, 4, 10)}."
    a_parts = paragraphs(draw, A_WORDS, 1, 3)
    a_parts.insert(draw(st.integers(0, len(a_parts))), lure)
    a_parts.insert(draw(st.integers(0, len(a_parts))), p)
    b_parts = [*paragraphs(draw, B_WORDS, 1, 2), p, *paragraphs(draw, B_WORDS, 1, 2), p]
    b_parts += paragraphs(draw, B_WORDS, 0, 2)
    return "\n".join(a_parts), "\n".join(b_parts), p


@SETTINGS
@given(quoted_twice())
def test_a_paragraph_quoted_twice_is_aligned_at_both_places(case: tuple[str, str, str]) -> None:
    a, b, p = case
    result = compare(a, b)
    start_a = a.index(p)
    first = b.index(p)
    second = b.index(p, first + 1)
    for start_b in (first, second):
        assert any(
            q.a[0] <= start_a < q.a[1]
            and q.b[0] <= start_b
            and start_b + len(p) - 1 <= q.b[1]
            and q.a[1] >= start_a + len(p) - 1
            for q in result.passages
        ), (start_b, result.passages)
    assert sorted(q.reused or "" for q in result.passages if q.a[0] <= start_a < q.a[1]) == ["", "a"]
