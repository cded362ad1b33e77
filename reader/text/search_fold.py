"""Arabic-aware find: fold a text character by character and map hits back to the original offsets.

`fold_text` folds a whole text for the search index; find-in-page also needs to know where each
folded character came from, so that a hit can be selected in the text as shown. Folding one character
at a time keeps that mapping simple: each original character becomes zero (a haraka, tatweel, a
zero-width mark), one (most letters) or several (`…` -> `...`) folded characters.

Only characters whose fold is not exactly one character are remembered, so the map of a 1M-word text
costs memory in proportion to its harakat, not to its length. Numbers are not compared by value here
(`07ر3` is not found by `3.07`): that rule needs whole tokens.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from reader.text.normalize import DEFAULT_OPTIONS, TATWEEL, NormalizeOptions, fold_text

_SEPARATOR = "\n"  # folds to itself and joins nothing, so one fold_text call folds many characters


class _Tables:
    """Each character's fold, filled in per block of 256 code points the first time a text uses it.

    Folding a block is one `fold_text` call on its characters joined by newlines; doing the whole
    Basic Multilingual Plane at once cost 0.3 s at the first keystroke. Characters beyond the BMP
    (emoji, historic scripts) are compared as they are.
    """

    def __init__(self, options: NormalizeOptions) -> None:
        self.options = options
        self.translate: list[str] = list(map(chr, range(0x10000)))  # str.translate table, identity so far
        self.irregular: re.Pattern[str] | None = None  # characters whose fold is not one character
        self.trailing_marks: frozenset[str] = frozenset()  # dropped marks belonging to the letter before
        self._done = bytearray(256)  # 1 for each block folded
        self._irregular_chars: list[str] = []
        self._lock = threading.Lock()

    def prepare(self, text: str) -> _Tables:
        """Make sure every block `text` uses is folded."""
        if text:
            blocks = set(text.encode("utf-16-be", "surrogatepass")[0::2])  # the high byte of each unit
            missing = [block for block in blocks if not self._done[block]]
            if missing:
                with self._lock:
                    self._fold_blocks([block for block in missing if not self._done[block]])
        return self

    def _fold_blocks(self, blocks: list[int]) -> None:
        chars = [chr(code) for block in blocks for code in range(block << 8, (block + 1) << 8)]
        chars = [ch for ch in chars if ch != _SEPARATOR]
        pieces = fold_text(_SEPARATOR.join(chars), self.options).split(_SEPARATOR)
        if len(pieces) != len(chars):  # a rule joined characters after all: fold them one by one
            pieces = [fold_text(ch, self.options) for ch in chars]
        trailing = set(self.trailing_marks)
        for ch, out in zip(chars, pieces, strict=True):
            if out == ch:
                continue
            self.translate[ord(ch)] = out
            if len(out) != 1:
                self._irregular_chars.append(ch)
                if _is_trailing_mark(ch, out):
                    trailing.add(ch)
        if self._irregular_chars:
            self.irregular = re.compile(f"[{re.escape(''.join(self._irregular_chars))}]")
        self.trailing_marks = frozenset(trailing)
        for block in blocks:
            self._done[block] = 1


@lru_cache(maxsize=16)
def _tables_for(options: NormalizeOptions) -> _Tables:
    return _Tables(options)


def _tables(options: NormalizeOptions, text: str = "") -> _Tables:
    return _tables_for(options).prepare(text)


def fold_chars(text: str, options: NormalizeOptions = DEFAULT_OPTIONS) -> str:
    """Fold every character on its own: the key `FoldedText.folded` holds, for queries and filters."""
    return text.translate(_tables(options, text).translate)


def _is_trailing_mark(ch: str, folded: str) -> bool:
    """A mark that belongs to the letter before it (haraka, shadda, tatweel): selected with that letter."""
    return folded == "" and (unicodedata.combining(ch) > 0 or ch == TATWEEL)


@dataclass(frozen=True)
class FoldedText:
    """A text folded for matching, with a way back from folded to original offsets.

    `_folded_starts[k]` is where the k-th irregular character's fold starts in `folded`,
    `_original[k]` its index in the original text and `_widths[k]` its folded length (0, 2, 3 ...).
    Between irregular characters, one original character is one folded character.
    """

    text: str
    folded: str
    _folded_starts: tuple[int, ...]
    _original: tuple[int, ...]
    _widths: tuple[int, ...]
    _trailing_marks: frozenset[str]

    def original_offset(self, folded_index: int) -> int:
        """The original index of the character that produced `folded[folded_index]`."""
        k = bisect_right(self._folded_starts, folded_index) - 1
        if k < 0:
            return folded_index
        start, original, width = self._folded_starts[k], self._original[k], self._widths[k]
        if folded_index < start + width:
            return original
        return original + 1 + (folded_index - start - width)

    def span(self, folded_start: int, folded_end: int) -> tuple[int, int]:
        """The original [start, end) of a non-empty folded range, with the marks trailing its last letter."""
        start = self.original_offset(folded_start)
        end = self.original_offset(folded_end - 1) + 1
        text = self.text
        while end < len(text) and text[end] in self._trailing_marks:
            end += 1
        return start, end

    def find_all(self, query: str, options: NormalizeOptions = DEFAULT_OPTIONS) -> list[tuple[int, int]]:
        """Every non-overlapping hit of `query` (folded the same way) as original (start, end) offsets."""
        needle = fold_chars(query, options)
        if not needle.strip():
            return []
        hits: list[tuple[int, int]] = []
        position = self.folded.find(needle)
        while position >= 0:
            hits.append(self.span(position, position + len(needle)))
            position = self.folded.find(needle, position + len(needle))
        return hits


def fold_with_map(text: str, options: NormalizeOptions = DEFAULT_OPTIONS) -> FoldedText:
    """Fold `text` character by character, keeping where each folded character came from."""
    tables = _tables(options, text)
    folded = text.translate(tables.translate)
    starts: list[int] = []
    originals: list[int] = []
    widths: list[int] = []
    if tables.irregular is not None:  # a C-speed scan; the loop runs once per harakah, tatweel, "…"
        shift = 0  # folded index minus original index so far
        for match in tables.irregular.finditer(text):
            index = match.start()
            width = len(tables.translate[ord(match.group())])
            starts.append(index + shift)
            originals.append(index)
            widths.append(width)
            shift += width - 1
    return FoldedText(text, folded, tuple(starts), tuple(originals), tuple(widths), tables.trailing_marks)


def find_all(text: str, query: str, options: NormalizeOptions = DEFAULT_OPTIONS) -> list[tuple[int, int]]:
    """Hits of `query` in `text` under the Arabic folds, as original (start, end) offsets."""
    return fold_with_map(text, options).find_all(query, options)
