"""Turn a text into the flat arrays the aligner works on, at C speed even for a million words."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from reader.compare import _scan
from reader.text.normalize import NormalizeOptions, lines_folder
from reader.text.stopwords import stopword_keys

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
    key_text: str  # one code point per token, equal for equal ids (found by regex: sentence marks)
    paragraph_ends: list[int]  # sorted word indices after which a newline (or the text) ends
    token_chars: int  # characters in tokens (what "shared share" counts: no whitespace, no marks)

    def paragraph_end_at_or_after(self, w: int) -> int:
        """The last word of the paragraph holding word w."""
        return self.paragraph_ends[bisect.bisect_left(self.paragraph_ends, w)]


class Vocabulary:
    """Folded keys -> small ints, shared by both sides so equal ids mean equal words."""

    def __init__(self, options: NormalizeOptions) -> None:
        self.options = options
        self.key_ids: dict[str, int] = {}
        self.stop_ids: set[int] = set()
        self.punct_ids: set[int] = set()
        self.flags = bytearray()  # per key id: PUNCT | STOP bits (what the C path reads)
        self._stop_keys = stopword_keys(options)
        self._fold_lines = lines_folder(options)
        self.raw_index: dict[str, int] = {}  # token text -> raw id, in order of first sight (C path)
        self.raw_keys = array("q")  # raw id -> key id

    def key_ids_of(self, tokens: list[str]) -> list[int]:
        """The key id of each token; new keys are numbered and flagged as they come."""
        if not tokens:
            return []
        # one fold over all the tokens at once: the per-call overhead, not the letters, is the cost
        keys = self._fold_lines("\n".join(tokens)).split("\n")
        key_ids = self.key_ids
        fresh = list(dict.fromkeys(itertools.filterfalse(key_ids.__contains__, keys)))
        first = len(key_ids)
        key_ids.update(zip(fresh, itertools.count(first)))
        is_punct = list(map(operator.not_, map(_HAS_ALNUM.search, fresh)))
        # a function word, or a one-letter key, never seeds a passage
        is_short = map((2).__gt__, map(len, fresh))
        is_stop = list(map(operator.or_, map(self._stop_keys.__contains__, fresh), is_short))
        flags = [PUNCT if p else STOP if s else 0 for p, s in zip(is_punct, is_stop, strict=True)]
        self.flags.extend(flags)
        self.punct_ids.update(itertools.compress(itertools.count(first), map(PUNCT.__eq__, flags)))
        self.stop_ids.update(itertools.compress(itertools.count(first), map(STOP.__eq__, flags)))
        return list(map(key_ids.__getitem__, keys))

    def fold_new_raw_tokens(self) -> None:
        """Give a key id to every token the C scanner numbered since the last call."""
        new = list(itertools.islice(self.raw_index, len(self.raw_keys), None))
        self.raw_keys.extend(self.key_ids_of(new))


PUNCT, STOP = 1, 2  # Vocabulary.flags bits (as in _scan.c)


def prepare(text: str, vocabulary: Vocabulary) -> Document:
    """The Document of `text`, from passes in C (no Python object per token but the ids):
    tokenise, number the distinct tokens across both sides, fold only the new ones, then derive
    the per-word arrays."""
    # (the tokeniser releases the GIL: a window stays responsive while a long text is read; two
    # sides tokenised in two threads measured no faster, the scan is bound by memory)
    starts, ends, local_ids, newline_before, firsts, token_chars = _scan.tokenize(
        text, vocabulary.options.compound_names
    )
    raw = _scan.number(text, starts, ends, local_ids, firsts, vocabulary.raw_index)
    vocabulary.fold_new_raw_tokens()
    ids, word_tokens, word_ids, content, words_before, content_before, key_text, paragraph_ends = (
        _scan.derive(raw, vocabulary.raw_keys.tobytes(), bytes(vocabulary.flags), newline_before)
    )
    return Document(
        text,
        _int64s(starts),
        _int64s(ends),
        ids,
        _int64s(word_tokens),
        word_ids,
        content,
        _int64s(words_before),
        _int64s(content_before),
        key_text,
        paragraph_ends,
        token_chars,
    )


def _int64s(raw: bytes) -> array:
    values = array("q")
    values.frombytes(raw)
    return values


KEY_LIMIT = _scan.KEY_LIMIT  # ids from here on share one code point in key_text


def key_char(token_id: int) -> str:
    """The code point that stands for `token_id` in Document.key_text."""
    return chr(_scan.key_point(token_id))
