"""One passage as one word diff: its shared words once, each changed stretch as A's words then B's.

The text report marks the two as `git diff --word-diff` does (`[-A's words-]{+B's words+}`), the
HTML with <del>/<ins>. Words equal under the spelling folds count as shared (A's spelling shown).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from reader.compare import Comparison
from reader.facts.alignment import align, extent

Part = Literal["same", "a", "b"]
# One number as written (و410.000, 07ر3, ١٤٠, 15%): C5+1 or 2015-2016 are not one number.
_NUMBER_RE = re.compile(r"[^\W\d]{0,2}\d[\d.,٫٬ر]*[%٪]?")


@dataclass(frozen=True)
class Piece:
    part: Part  # "same": both texts (as A writes it); "a": A's wording only; "b": B's only
    text: str


def merged(comparison: Comparison, index: int, text_a: str, text_b: str) -> list[Piece]:
    """Passage `index` as pieces in A's order."""
    span_a, span_b = extent(comparison, index, "a"), extent(comparison, index, "b")
    pieces: list[Piece] = []
    cursor_a, cursor_b = span_a[0], span_b[0]
    for stretch in align(text_a, span_a, text_b, span_b):
        a1, b1 = stretch.a[1], stretch.b[1]
        if stretch.op == "equal":
            pieces.append(Piece("same", text_a[cursor_a:a1]))
        else:
            pieces += _change(text_a[cursor_a:a1], text_b[cursor_b:b1])
        cursor_a, cursor_b = max(cursor_a, a1), max(cursor_b, b1)
    return _joined(pieces)


def _change(a: str, b: str) -> Iterator[Piece]:
    """A's and B's words of one change, the space before them kept once (as A has it)."""
    around = a if a.strip() else b
    lead = around[: len(around) - len(around.lstrip())]
    if lead:
        yield Piece("same", lead)
    if a.strip():
        yield Piece("a", a.strip())
    if b.strip():
        yield Piece("b", b.strip())


def _joined(pieces: list[Piece]) -> list[Piece]:
    out: list[Piece] = []
    for piece in pieces:
        if out and out[-1].part == piece.part == "same":
            out[-1] = Piece("same", out[-1].text + piece.text)
        elif piece.text:
            out.append(piece)
    return out


def differing_letters(
    text: str, segment_start: int, segment_end: int, chars: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """The letters to mark inside a changed segment: the engine's `chars`, except that a changed
    number is marked whole (140 / 104 differ as numbers, not in the letter 4)."""
    piece = text[segment_start:segment_end].strip()
    if _NUMBER_RE.fullmatch(piece):
        lead = len(text[segment_start:segment_end]) - len(text[segment_start:segment_end].lstrip())
        return ((segment_start + lead, segment_start + lead + len(piece)),)
    return chars
