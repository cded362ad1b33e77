"""Split text into word and punctuation tokens that keep their offsets into the original string."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.text.normalize import INVISIBLE, MARKS, TATWEEL

_WORD_CHARS = rf"\w{MARKS}{TATWEEL}\u200c\u200d"
# A number with separators (07ر3, 30.3, 410.000, 1,000, 3٫5) before plain words, so it stays whole.
TOKEN_RE = re.compile(
    rf"(?:[^\W\d_]{{1,3}})?\d+(?:[.,٫٬]\d+)+(?![{_WORD_CHARS}])"  # number, maybe with و/ب/ل before it
    rf"|[{_WORD_CHARS}]+"  # a word: letters, digits, harakat, tatweel, ZWNJ/ZWJ
    rf"|[^\s{INVISIBLE}]"  # any other visible character is a token of its own
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Tokens of `text` with `str` offsets; whitespace and invisible marks between them are skipped."""
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


def token_spans(text: str) -> tuple[list[int], list[int], list[str]]:
    """The same tokens as parallel lists (starts, ends, texts): cheaper for million-word inputs."""
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    for m in TOKEN_RE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
        words.append(m.group())
    return starts, ends, words


def is_word(token_text: str) -> bool:
    """A word (letters or digits), as opposed to punctuation."""
    return any(ch.isalnum() for ch in token_text)
