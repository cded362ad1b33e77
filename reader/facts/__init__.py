"""Facts that two reports state: numbers with what they count, dates, names, quotes with speakers;
paired across the texts and judged alike or different. Pure Python, no Qt.

    from reader.facts import find_facts
    facts = find_facts(text_a, text_b)            # -> Facts; facts.differing first in facts.pairs
    facts = find_facts(text_a, text_b, comparison)  # reuse a comparison already made
"""

from __future__ import annotations

from reader.compare import Comparison, compare
from reader.facts.dates import find_dates
from reader.facts.model import (
    AGREE,
    DIFFER,
    KINDS,
    ONLY,
    SPELLED,
    FactPair,
    Facts,
    Mention,
    WordChange,
    sort_pairs,
)
from reader.facts.names import find_names
from reader.facts.numbers import find_numbers
from reader.facts.pairing import pair_mentions
from reader.facts.places import Places
from reader.facts.quotes import find_quotes
from reader.facts.words import Words

__all__ = [
    "find_facts",
    "mentions_of",
    "Facts",
    "FactPair",
    "Mention",
    "WordChange",
    "AGREE",
    "DIFFER",
    "SPELLED",
    "ONLY",
]


def find_facts(a: str, b: str, comparison: Comparison | None = None) -> Facts:
    """Every fact of a and b, paired; `comparison` is compare(a, b) if already made."""
    if (len(a), a) > (len(b), b):
        # one canonical order, as the engine's: swapping the sides mirrors the result exactly
        swapped = comparison.swapped() if comparison is not None else None
        return find_facts(b, a, swapped).swapped()
    if comparison is None:
        comparison = compare(a, b)
    words_a, words_b = Words(a), Words(b)
    found_a, found_b = mentions_of(words_a, words_b), mentions_of(words_b, words_a)
    places = Places(comparison, a, b)
    pairs: list[FactPair] = []
    for kind in KINDS:
        pairs += pair_mentions(kind, found_a[kind], found_b[kind], words_a, words_b, places)
    return Facts(sort_pairs(pairs))


def mentions_of(words: Words, other: Words | None = None) -> dict[str, list[Mention]]:
    """The facts one text states, by kind; names introduced in `other` are looked for too."""
    dates, taken = find_dates(words)
    numbers = find_numbers(words, taken)
    taken = taken | {
        k for m in numbers for k in range(words.index_at(m.start), words.index_at(m.end - 1) + 1)
    }
    quotes = find_quotes(words)
    names = find_names(words, taken, (other,) if other is not None else ())
    return {"number": numbers, "date": dates, "name": names, "quote": quotes}
