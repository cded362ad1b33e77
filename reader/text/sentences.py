"""Sentences with their offsets: the rows of a story's collation table.

A sentence ends at `.`, `!`, `?`, `؟`, `…` or a line break. A dot between digits (`30.3`,
`410.000`) ends nothing, and a piece of fewer than `MIN_WORDS` words (a dateline such as
`الرياض - واس:`, an initial) joins the sentence after it, so that no row of the table is a stray
fragment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_WORDS = 3

_END_RE = re.compile(r"(?<!\d)[.!?؟…]+(?!\d)|(?<=\d)[.!?؟…]+(?=\s|$)|\n+")
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int  # the end of its text, closing punctuation included, trailing spaces not

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text` in order; they do not overlap, and whitespace between them is left out."""
    pieces: list[tuple[int, int]] = []
    position = 0
    for match in _END_RE.finditer(text):
        end = match.end() if match.group()[0] != "\n" else match.start()
        pieces.append((position, end))
        position = match.end()
    pieces.append((position, len(text)))
    result: list[Sentence] = []
    pending: int | None = None  # start of a short piece waiting to join the next
    for start, end in pieces:
        start, end = _strip(text, start, end)
        if start >= end:
            continue
        if pending is not None:
            start, pending = pending, None
        if len(_WORD_RE.findall(text[start:end])) < MIN_WORDS:
            pending = start
            continue
        result.append(Sentence(start, end))
    if pending is not None:
        tail_end = _strip(text, pending, len(text))[1]
        if result:
            result[-1] = Sentence(result[-1].start, tail_end)
        elif pending < tail_end:
            result.append(Sentence(pending, tail_end))
    return result


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
