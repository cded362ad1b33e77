"""Turn a text into the flat arrays the aligner works on, at C speed even for a million words."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from reader.text.normalize import NormalizeOptions, lines_folder
from reader.text.stopwords import stopword_keys
from reader.text.tokens import TOKEN_RE

# Capturing form: split() then alternates gap, token, gap, token, ..., gap.
_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")
_NEWLINE_RE = re.compile(r"\n")
_HAS_ALNUM = re.compile(r"[^\W_]")


@dataclass(frozen=True, slots=True)
class Document:
    """One side of a comparison. Token k spans text[starts[k]:ends[k]]."""

    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    ids: list[int]  # folded-key id of each token (equal ids = equal under the options)
    word_tokens: Sequence[int]  # token index of each word (punctuation excluded)
    word_ids: list[int]  # ids of the words, in order
    content: list[bool]  # per word: not a function word (may seed a passage)
    # words_before[k]: words among tokens [0, k); content_before[k]: content words among them
    words_before: Sequence[int]
    content_before: Sequence[int]
    key_text: str  # one code point per token, equal for equal ids: what diff-match-patch compares
    paragraph_ends: list[int]  # sorted word indices after which a newline (or the text) ends

    def paragraph_end_at_or_after(self, w: int) -> int:
        """The last word of the paragraph holding word w."""
        return self.paragraph_ends[bisect.bisect_left(self.paragraph_ends, w)]

    def paragraph_start_of(self, w: int) -> int:
        """The first word of the paragraph holding word w."""
        k = bisect.bisect_left(self.paragraph_ends, w) - 1
        return self.paragraph_ends[k] + 1 if k >= 0 else 0

    def words_in(self, lo: int, hi: int) -> int:
        return self.words_before[hi] - self.words_before[lo]

    def content_in(self, lo: int, hi: int) -> int:
        return self.content_before[hi] - self.content_before[lo]


class Vocabulary:
    """Folded keys -> small ints, shared by both sides so equal ids mean equal words."""

    def __init__(self, options: NormalizeOptions) -> None:
        self.options = options
        self.key_ids: dict[str, int] = {}
        self.stop_ids: set[int] = set()
        self.punct_ids: set[int] = set()
        self._stop_keys = stopword_keys(options)
        self._fold_lines = lines_folder(options)
        self.token_ids: dict[str, int] = {}

    def ids_for(self, unique_tokens: dict[str, None]) -> dict[str, int]:
        """token -> id for every token; tokens seen on the other side are not folded again."""
        known = self.token_ids
        new = list(unique_tokens.keys() - known.keys())
        if not new:
            return known
        # one fold over all new tokens at once: the per-call overhead, not the letters, is the cost
        keys = self._fold_lines("\n".join(new)).split("\n")
        key_ids = self.key_ids
        for token, key in zip(new, keys, strict=True):
            token_id = key_ids.get(key)
            if token_id is None:
                token_id = key_ids[key] = len(key_ids)
                if not _HAS_ALNUM.search(key):
                    self.punct_ids.add(token_id)
                elif key in self._stop_keys or len(key) < 2:
                    self.stop_ids.add(token_id)
            known[token] = token_id
        return known


def prepare(text: str, vocabulary: Vocabulary) -> Document:
    parts = _SPLIT_RE.split(text)
    tokens = parts[1::2]
    # offsets and counts as machine-int arrays: a million-word text keeps five of these, and a list
    # of Python ints costs 36 bytes an entry against 8
    bounds = array("q", itertools.accumulate(map(len, parts)))
    del parts
    starts = bounds[0::2][: len(tokens)]
    ends = bounds[1::2]
    del bounds
    token_ids = vocabulary.ids_for(dict.fromkeys(tokens))
    ids = list(map(token_ids.__getitem__, tokens))
    del tokens
    punct = vocabulary.punct_ids
    is_word = list(map(operator.not_, map(punct.__contains__, ids)))
    word_tokens = array("q", itertools.compress(range(len(ids)), is_word))
    word_ids = list(map(ids.__getitem__, word_tokens))
    stop = vocabulary.stop_ids
    content = list(map(operator.not_, map(stop.__contains__, word_ids)))
    is_content = list(map(operator.and_, is_word, map(operator.not_, map(stop.__contains__, ids))))
    words_before = array("q", [0, *itertools.accumulate(is_word)])
    content_before = array("q", [0, *itertools.accumulate(is_content)])
    del is_word, is_content
    key_text = "".join(map(_code_points(len(vocabulary.key_ids)).__getitem__, ids))
    return Document(
        text,
        starts,
        ends,
        ids,
        word_tokens,
        word_ids,
        content,
        words_before,
        content_before,
        key_text,
        _paragraph_ends(text, list(map(starts.__getitem__, word_tokens))),
    )


def _paragraph_ends(text: str, word_starts: list[int]) -> list[int]:
    ends = {bisect.bisect_right(word_starts, m.start()) - 1 for m in _NEWLINE_RE.finditer(text)}
    ends.discard(-1)
    ends.add(len(word_starts) - 1)
    return sorted(ends)


_CODES: list[str] = []


def _code_points(size: int) -> list[str]:
    """A code point per id (skipping surrogates, which cannot cross into the C++ diff)."""
    while len(_CODES) < size:
        i = len(_CODES)
        _CODES.append(chr(i + 0x100) if i < 0xD700 else chr(i + 0x900))
    return _CODES
