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
from functools import lru_cache

from reader.text.normalize import fold_word


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


@lru_cache(maxsize=1 << 18)
def word_number(word: str) -> int:
    """The folded word's CRC-32: two spellings the folds join get the same number."""
    return zlib.crc32(fold_word(word).encode("utf-8", "surrogatepass"))


def shingle_hashes(words: Sequence[str], settings: ShingleSettings = SHINGLES) -> list[int]:
    """The hash of every word n-gram, in text order (empty for a text shorter than one n-gram)."""
    numbers = array("I", map(word_number, words)).tobytes()
    step = 4 * settings.ngram
    view = memoryview(numbers)
    crc = zlib.crc32
    return [crc(view[start : start + step]) - _SIGNED for start in range(0, len(numbers) - step + 1, 4)]


def fingerprints(words: Sequence[str], settings: ShingleSettings = SHINGLES) -> frozenset[int]:
    """The winnowed fingerprints of a text given as its words."""
    hashes = shingle_hashes(words, settings)
    window = settings.window
    if len(hashes) <= window:
        return frozenset(hashes)
    windows = zip(*(hashes[k : len(hashes) - window + k + 1] for k in range(window)), strict=True)
    return frozenset(map(min, windows))
