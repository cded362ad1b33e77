"""Turn a text into the flat arrays the aligner works on, at C speed even for a million words."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from reader.text.normalize import NormalizeOptions, fold_word
from reader.text.stopwords import stopword_keys
from reader.text.tokens import TOKEN_RE

# Capturing form: split() then alternates gap, token, gap, token, ..., gap.
_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")


@dataclass(frozen=True, slots=True)
class Document:
    """One side of a comparison. Token k spans text[starts[k]:ends[k]]."""

    text: str
    tokens: list[str]
    starts: list[int]
    ends: list[int]
    ids: list[int]  # folded-key id of each token (equal ids = equal under the options)
    word_tokens: list[int]  # token index of each word (punctuation excluded)
    word_ids: list[int]  # ids of the words, in order
    content: list[bool]  # per word: not a function word (may seed a passage)


class Vocabulary:
    """Folded keys -> small ints, shared by both sides so equal ids mean equal words."""

    def __init__(self, options: NormalizeOptions) -> None:
        self.options = options
        self.key_ids: dict[str, int] = {}
        self.stop_ids: set[int] = set()
        self.punct_ids: set[int] = set()
        self._stop_keys = stopword_keys(options)

    def ids_for(self, unique_tokens: dict[str, None]) -> dict[str, int]:
        key_ids = self.key_ids
        out: dict[str, int] = {}
        for token in unique_tokens:
            key = fold_word(token, self.options)
            token_id = key_ids.get(key)
            if token_id is None:
                token_id = key_ids[key] = len(key_ids)
                if not any(ch.isalnum() for ch in key):
                    self.punct_ids.add(token_id)
                elif key in self._stop_keys or len(key) < 2:
                    self.stop_ids.add(token_id)
            out[token] = token_id
        return out


def prepare(text: str, vocabulary: Vocabulary) -> Document:
    parts = _SPLIT_RE.split(text)
    tokens = parts[1::2]
    bounds = list(itertools.accumulate(map(len, parts)))
    starts = bounds[0::2][: len(tokens)]
    ends = bounds[1::2]
    token_ids = vocabulary.ids_for(dict.fromkeys(tokens))
    ids = list(map(token_ids.__getitem__, tokens))
    punct = vocabulary.punct_ids
    is_word = [i not in punct for i in ids]
    word_tokens = list(itertools.compress(range(len(ids)), is_word))
    word_ids = list(map(ids.__getitem__, word_tokens))
    stop = vocabulary.stop_ids
    content = [i not in stop for i in word_ids]
    return Document(text, tokens, starts, ends, ids, word_tokens, word_ids, content)
