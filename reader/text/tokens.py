"""Split text into word and punctuation tokens that keep their offsets into the original string."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.text.normalize import INVISIBLE, MARKS, TATWEEL

_WORD_CHARS = rf"\w{MARKS}{TATWEEL}\u200c\u200d"
# A word: letters, digits, harakat, tatweel, ZWNJ/ZWJ; a number keeps its separators whole (07ر3,
# 30.3, 410.000, 1,000, 3٫5, و410.000). Any other visible character is a token of its own.
TOKEN_RE = re.compile(rf"[{_WORD_CHARS}]+(?:(?<=\d)[.,٫٬]\d+)*|[^\s{INVISIBLE}]")
# The tokens of TOKEN_RE that are words (hold a letter or digit), found without the others: a
# run of word characters with an alphanumeric one in it ([^\W_]: what str.isalnum accepts).
WORD_RE = re.compile(rf"[{_WORD_CHARS}]*?[^\W_][{_WORD_CHARS}]*(?:(?<=\d)[.,٫٬]\d+)*")


# The first words of compound names, written split or joined in copied news (عبد الله / عبدالله,
# أبو ظبي / أبوظبي): with the compound_names fold the engine reads a split one as one token.
NAME_PREFIXES = frozenset({"عبد", "أبو", "ابو"})


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


def join_names(text: str, tokens: list[Token]) -> list[Token]:
    """The tokens with each compound name written split (a NAME_PREFIXES word, one space, a word
    that starts with a letter) made one token, as the engine's scanner reads them."""
    out: list[Token] = []
    k = 0
    while k < len(tokens):
        token = tokens[k]
        if (
            token.text in NAME_PREFIXES
            and k + 1 < len(tokens)
            and tokens[k + 1].start == token.end + 1
            and text[token.end] == " "
            and tokens[k + 1].text[0].isalpha()
            and is_word(tokens[k + 1].text)
        ):
            following = tokens[k + 1]
            out.append(Token(token.start, following.end, text[token.start : following.end]))
            k += 2
            continue
        out.append(token)
        k += 1
    return out
