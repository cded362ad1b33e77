"""Fingerprints of a text for finding shared passages across a library (the reuse index).

A text's words are folded (reader.text.normalize, default options: harakat, hamza and alef forms,
ى/ي, ة/ه, digits), numbered, and cut into overlapping word n-grams; each n-gram is hashed and a
winnowing window keeps the smallest hash of every `window` consecutive ones (Schleimer, Wilkerson
and Aiken, SIGMOD 2003). Winnowing keeps about 2 / (window + 1) of the n-grams and guarantees that
any run of at least `ngram + window - 1` words two texts share verbatim gives both of them at
least one common fingerprint, so a shared sentence is never missed while the index stays small.

The hashes are CRC-32 of the words' folded spellings (a documented, stable function), so a
library written by one Python keeps matching in another. They are stored as signed 32-bit ints
(SQLite keeps those in 4 bytes).
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from reader.text.normalize import fold_words
from reader.text.word_table import WordTable


@dataclass(frozen=True)
class ShingleSettings:
    """How a text is fingerprinted. Changing these invalidates a stored index (`qarin reindex`)."""

    ngram: int = 5  # words per shingle: long enough that function words alone rarely match
    window: int = 4  # winnowing window: runs of >= ngram + window - 1 = 8 shared words always match

    @property
    def version(self) -> str:
        """Stored beside an index so that one built with other settings is known to be stale."""
        return f"crc32-fold-{self.ngram}gram-winnow{self.window}"


SHINGLES = ShingleSettings()

_SIGNED = 1 << 31


def _numbers_of(words: list[str]) -> list[int]:
    """Each word's number: its folded spelling's CRC-32, so spellings the folds join are one word."""
    return [zlib.crc32(key.encode("utf-8", "surrogatepass")) for key in fold_words(words)]


_WORD_NUMBERS = WordTable(_numbers_of)


def _crcs(words: Sequence[str], ngram: int) -> list[int]:
    """The unsigned CRC-32 of every word n-gram (its words' numbers as 4-byte ints), with no
    Python-level step per n-gram."""
    numbers = array("I", _WORD_NUMBERS.values(words)).tobytes()
    step, end = 4 * ngram, len(numbers)
    windows = map(slice, range(0, end - step + 1, 4), range(step, end + 1, 4))
    return list(map(zlib.crc32, map(numbers.__getitem__, windows)))


def shingle_hashes(words: Sequence[str], settings: ShingleSettings = SHINGLES) -> list[int]:
    """The hash of every word n-gram, in text order (empty for a text shorter than one n-gram)."""
    return list(map(_SIGNED.__rsub__, _crcs(words, settings.ngram)))


def fingerprints(words: Sequence[str], settings: ShingleSettings = SHINGLES) -> frozenset[int]:
    """The winnowed fingerprints of a text given as its words (the smallest hash of each window;
    taken before the shift to signed values, which keeps the order)."""
    hashes = _crcs(words, settings.ngram)
    window = settings.window
    if len(hashes) > window > 1:
        last = len(hashes) - window + 1
        hashes = set(map(min, *(hashes[k : last + k] for k in range(window))))
    return frozenset(map(_SIGNED.__rsub__, hashes))
