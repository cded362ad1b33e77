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

try:  # the C twin of the per-token loops below (reader/compare/_scan.c), built when a compiler is there
    from reader.compare import _scan
except ImportError:  # pragma: no cover - exercised by the tests that switch it off
    _scan = None

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
    token_chars: int  # characters in tokens (what "shared share" counts: no whitespace, no marks)

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
        self.flags = bytearray()  # per key id: PUNCT | STOP bits (what the C path reads)
        self._stop_keys = stopword_keys(options)
        self._fold_lines = lines_folder(options)
        self.token_ids: dict[str, int] = {}  # token text -> key id (the Python path)
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

    def ids_for(self, unique_tokens: dict[str, None]) -> dict[str, int]:
        """token -> id for every token; tokens seen on the other side are not folded again."""
        known = self.token_ids
        new = list(unique_tokens.keys() - known.keys())
        known.update(zip(new, self.key_ids_of(new), strict=True))
        return known

    def fold_new_raw_tokens(self) -> None:
        """Give a key id to every token the C scanner numbered since the last call."""
        new = list(itertools.islice(self.raw_index, len(self.raw_keys), None))
        self.raw_keys.extend(self.key_ids_of(new))


PUNCT, STOP = 1, 2  # Vocabulary.flags bits (as in _scan.c)


def prepare(text: str, vocabulary: Vocabulary) -> Document:
    if _scan is not None:
        return _prepare_in_c(text, vocabulary)
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
        sum(ends) - sum(starts),
    )


def _prepare_in_c(text: str, vocabulary: Vocabulary) -> Document:
    """The same Document as the Python path above, from passes in C (no Python object per token
    but the ids): tokenise, number the distinct tokens across both sides, fold only the new ones,
    then derive the per-word arrays."""
    # (the tokeniser releases the GIL: a window stays responsive while a long text is read; two
    # sides tokenised in two threads measured no faster, the scan is bound by memory)
    starts, ends, local_ids, newline_before, firsts, token_chars = _scan.tokenize(text)
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


def _paragraph_ends(text: str, word_starts: list[int]) -> list[int]:
    ends = {bisect.bisect_right(word_starts, m.start()) - 1 for m in _NEWLINE_RE.finditer(text)}
    ends.discard(-1)
    ends.add(len(word_starts) - 1)
    return sorted(ends)


_CODES: list[str] = []


def key_char(token_id: int) -> str:
    """The code point that stands for `token_id` in Document.key_text (as _scan.c writes it)."""
    return chr(token_id + 0x100) if token_id < 0xD700 else chr(token_id + 0x900)


def _code_points(size: int) -> list[str]:
    """A code point per id (skipping surrogates, which cannot cross into the C++ diff)."""
    while len(_CODES) < size:
        _CODES.append(key_char(len(_CODES)))
    return _CODES
