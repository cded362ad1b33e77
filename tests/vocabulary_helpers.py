"""Words of the seeds split into vocabularies that share no folded word, so a test that builds two
texts from different vocabularies knows that the only words they share are the ones it placed."""

from __future__ import annotations

import importlib.resources
import zlib

from hypothesis import strategies as st

from reader.text.normalize import fold_word
from reader.text.stopwords import stopword_keys

_SEEDS = [
    p.read_text(encoding="utf-8")
    for p in sorted(importlib.resources.files("reader.seeds").iterdir(), key=lambda p: p.name)
    if p.name.endswith(".txt")
]
_STOP = stopword_keys()


def vocabulary(part: int, parts: int = 3) -> list[str]:
    """Content words of the seeds whose folded key falls in one of `parts` parts."""
    words = set()
    for seed in _SEEDS:
        for word in seed.split():
            key = fold_word(word)
            content = word.isalpha() and len(word) >= 3 and key not in _STOP
            if content and zlib.crc32(key.encode()) % parts == part:
                words.add(word)
    return sorted(words)


A_WORDS, B_WORDS, SHARED_WORDS = vocabulary(0), vocabulary(1), vocabulary(2)


def some_words(draw, words: list[str], low: int, high: int) -> str:
    return " ".join(draw(st.lists(st.sampled_from(words), min_size=low, max_size=high)))


def sentence(draw, words: list[str], low: int, high: int) -> str:
    return some_words(draw, words, low, high) + "."


def distinct(draw, words: list[str], n: int) -> list[str]:
    """`n` words of `words`, no two equal when folded."""
    return draw(st.lists(st.sampled_from(words), min_size=n, max_size=n, unique_by=fold_word))


def paragraphs(draw, words: list[str], low: int, high: int) -> list[str]:
    """One to `high` paragraphs (at least `low`) of one to three sentences of 8-14 words."""
    count = draw(st.integers(low, high))
    return [
        " ".join(sentence(draw, words, 8, 14) for _ in range(draw(st.integers(1, 3)))) for _ in range(count)
    ]
