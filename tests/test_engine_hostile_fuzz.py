"""`compare` on hostile Unicode keeps its result contract (DESIGN.md section 2, issue 14).

Lone surrogates, NUL, every bidi control, astral characters, stacks of marks, huge single words and
long runs of one character, mixed with real Arabic words and shared between the two sides so that
passages form. The JSON form is checked, as outside callers see it.
"""

from __future__ import annotations

import importlib.resources
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.compare import compare
from reader.text.bidi_controls import CONTROL_NAMES

_SEED_WORDS = sorted(
    {
        word
        for entry in importlib.resources.files("reader.seeds").iterdir()
        if entry.name.endswith(".txt")
        for word in entry.read_text(encoding="utf-8").split()
    }
)
ODD_CHARACTERS = [
    "\x00", "\ud800", "\udbff", "\udc00", "\udfff", "\ufeff", "\ufffd", "\ufffe", "\uffff", "\u200b",
    "\u200c", "\u200d", "\u0640", "\u0651", "\u064b", "\U0001f600", "\U0001f1f8\U0001f1e6", "\U00020000",
    "\U0010ffff", "\r", "\r\n", "\t", "\x0b", "\x1b", "\u2028", "\u2029", "\u0085", "٫", "٬", "ر", "5", "٣",
    *CONTROL_NAMES,
]  # fmt: skip
_ODD = st.sampled_from(ODD_CHARACTERS)
_RUN = st.builds(
    lambda piece, count: piece * count,
    st.sampled_from(["ا", "x", "\u0651", "😀", "\u202e", "و "]),
    st.integers(50, 3000),
)
_HUGE_WORD = st.builds(lambda word, count: word * count, st.sampled_from(_SEED_WORDS), st.integers(200, 2000))
_WORD = st.sampled_from(_SEED_WORDS)
_GLUED = st.builds(lambda word, odd, at: word[:at] + odd + word[at:], _WORD, _ODD, st.integers(0, 6))
PIECE = st.one_of(_WORD, _WORD, _WORD, _GLUED, _ODD, st.text(max_size=8), _RUN, _HUGE_WORD)
SEPARATOR = st.sampled_from([" ", " ", "\n", "\n\n", "", "\u200f ", "\x00", "\u2066", " \u2069 "])


@st.composite
def hostile_text(draw) -> list[str]:
    return draw(st.lists(st.tuples(PIECE, SEPARATOR), max_size=40))


def joined(pieces: list[tuple[str, str]]) -> str:
    return "".join(piece + separator for piece, separator in pieces)


@st.composite
def hostile_pair(draw) -> tuple[str, str]:
    """A hostile text, and a second one sharing a shuffled, damaged part of it."""
    a = draw(hostile_text())
    shared = draw(st.permutations(a))[: draw(st.integers(0, len(a)))]
    b = []
    for piece in shared:
        b.append(piece)
        if draw(st.integers(0, 4)) == 0:
            b.append(draw(st.tuples(PIECE, SEPARATOR)))
    return joined(a), joined(b)


def check_contract(result: dict, a: str, b: str) -> None:
    json.dumps(result)  # plain data: what `qarin compare --format json` prints
    passages = result["passages"]
    assert result["a"]["length"] == len(a) and result["b"]["length"] == len(b)
    for passage in passages:
        for side, text in (("a", a), ("b", b)):
            start, end = passage[side]
            assert 0 <= start <= end <= len(text)
        assert isinstance(passage["moved"], bool) and 0.0 <= passage["similarity"] <= 1.0
    for side, text in (("a", a), ("b", b)):
        segments = result["segments"][side]
        position = 0
        for segment in segments:
            assert segment["start"] == position and segment["end"] > segment["start"]
            assert segment["kind"] in ("same", "changed", "only")
            if segment["kind"] == "only":
                assert segment["passage"] is None
            else:
                assert 0 <= segment["passage"] < len(passages)
            position = segment["end"]
        assert position == len(text)
        # every passage shows on both sides (one reused twice through the segments of its shared
        # side, which list every passage they belong to in `passages`)
        referenced = {k for segment in segments for k in segment.get("passages", [segment["passage"]])}
        assert referenced - {None} == set(range(len(passages)))
        for segment in segments:
            if "passages" in segment:
                assert segment["passages"][0] == segment["passage"] is not None
    stats = result["stats"]
    assert stats["passages"] == len(passages)
    assert stats["moved"] == sum(passage["moved"] for passage in passages)
    assert 0.0 <= stats["shared_a"] <= 1.0 and 0.0 <= stats["shared_b"] <= 1.0


# A generous deadline: a run that is merely slow on a busy machine must not fail, a hang must.
FUZZ = settings(max_examples=150, deadline=20_000, suppress_health_check=list(HealthCheck))


@FUZZ
@given(hostile_pair())
def test_hostile_pairs_keep_the_contract(pair):
    a, b = pair
    check_contract(compare(a, b).to_dict(), a, b)


@FUZZ
@given(hostile_text().map(joined))
def test_a_hostile_text_against_itself(text):
    result = compare(text, text).to_dict()
    check_contract(result, text, text)
    assert all(not passage["moved"] for passage in result["passages"])
