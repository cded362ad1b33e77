"""Split text into word and punctuation tokens that keep their offsets into the original string."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.text.normalize import INVISIBLE, MARKS, TATWEEL

_WORD_CHARS = rf"\w{MARKS}{TATWEEL}\u200c\u200d"
# A word: letters, digits, harakat, tatweel, ZWNJ/ZWJ; a number keeps its separators whole (07ر3,
# 30.3, 410.000, 1,000, 3٫5, و410.000). Any other visible character is a token of its own.
TOKEN_RE = re.compile(rf"[{_WORD_CHARS}]+(?:(?<=\d)[.,٫٬]\d+)*|[^\s{INVISIBLE}]")


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
