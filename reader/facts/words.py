"""A text as the fact finders read it: tokens with offsets, folded keys, paragraphs."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from reader.text.normalize import fold_word
from reader.text.stopwords import stopword_keys
from reader.text.tokens import Token, is_word, tokenize

# Conjunctions and prepositions written onto a word, and the article (لل = ل + ال).
_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
SENTENCE_END = frozenset(".!?؟\n")
_PARAGRAPH_RE = re.compile(r"[^\n]*\S[^\n]*")


def prefix_forms(key: str) -> list[str]:
    """A folded word and the words it may be with its clitic letters taken off (وبالثلاثاء ->
    بالثلاثاء, الثلاثاء; للثلاثاء -> الثلاثاء), longest first; at least two letters are kept."""
    forms = [key]
    for prefix in _PREFIXES:
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            rest = key[len(prefix) :]
            forms.append(rest)
            if prefix.endswith("ل") and rest.startswith("ل") and len(rest) >= 3:
                forms.append("ا" + rest)  # لل + word = ل + ال + word
    return forms


def lookup(key: str, table: dict | frozenset) -> object | None:
    """The first clitic form of `key` found in `table` (its value for a dict), or None."""
    for form in prefix_forms(key):
        if form in table:
            return table[form] if isinstance(table, dict) else form
    return None


def bare(key: str) -> str:
    """A word key without its clitics and article, for comparing nouns: والقتلى -> قتلي."""
    for form in prefix_forms(key):
        if form.startswith("ال") and len(form) > 3:
            return form[2:]
    return key


def paragraph_numbers(text: str) -> list[int]:
    """Start offsets of the paragraphs (non-empty lines), so paragraph k is 1-based index k."""
    return [m.start() for m in _PARAGRAPH_RE.finditer(text)]


def paragraph_at(starts: list[int], offset: int) -> int:
    """The 1-based number of the paragraph holding `offset`, given `paragraph_numbers`."""
    return max(1, bisect_right(starts, offset))


@dataclass(frozen=True)
class Words:
    text: str

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.text)

    @cached_property
    def keys(self) -> list[str]:
        return [fold_word(t.text) for t in self.tokens]

    @cached_property
    def stop(self) -> frozenset[str]:
        return stopword_keys()

    @cached_property
    def paragraph_starts(self) -> list[int]:
        return paragraph_numbers(self.text)

    def paragraph(self, offset: int) -> int:
        return paragraph_at(self.paragraph_starts, offset)

    def index_at(self, offset: int) -> int:
        """The first token that ends after `offset`."""
        ends = self._ends
        return bisect_right(ends, offset)

    @cached_property
    def _ends(self) -> list[int]:
        return [t.end for t in self.tokens]

    def is_content(self, k: int) -> bool:
        """A word that is not a function word."""
        return is_word(self.tokens[k].text) and self.keys[k] not in self.stop

    def breaks_sentence(self, k: int) -> bool:
        """Token k ends a sentence, or a line break lies between it and the next token."""
        tokens = self.tokens
        if tokens[k].text in SENTENCE_END:
            return True
        return k + 1 < len(tokens) and "\n" in self.text[tokens[k].end : tokens[k + 1].start]

    def span(self, first: int, last: int) -> tuple[int, int, str]:
        """Offsets and text of tokens first..last inclusive."""
        start, end = self.tokens[first].start, self.tokens[last].end
        return start, end, self.text[start:end]

    def context(self, first: int, last: int, reach: int = 6) -> frozenset[str]:
        """Content words around tokens first..last within the same paragraph: what a fact is about."""
        around = set()
        lo, hi = max(0, first - reach), min(len(self.tokens), last + 1 + reach)
        for k in (*range(lo, first), *range(last + 1, hi)):
            if self.is_content(k) and not any(ch.isdigit() for ch in self.keys[k]):
                around.add(bare(self.keys[k]))
        return frozenset(around)
