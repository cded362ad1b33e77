"""The words of one passage lined up across the two texts.

A passage's two sides are the same text with edits; their tokens, folded as the engine folds
them, are diffed (diff-match-patch, one character per distinct word) into stretches that are
equal on both sides or say different things. Facts use it to find where a fact of one text stands
in the other; the report uses it to print a passage once, as a word diff.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reader.compare import Comparison
from reader.compare.worddiff import diff_ops
from reader.text.normalize import fold_word
from reader.text.tokens import Token, tokenize

Op = Literal["equal", "differ"]


@dataclass(frozen=True)
class Stretch:
    op: Op
    a: tuple[int, int]  # character offsets in A (empty when only B has words here)
    b: tuple[int, int]


def extent(comparison: Comparison, index: int, side: str) -> tuple[int, int]:
    """A passage's span on one side, widened to cover every segment that belongs to it."""
    start, end = comparison.passages[index].span(side)
    for segment in comparison.segments(side):
        if segment.passage == index:
            start, end = min(start, segment.start), max(end, segment.end)
    return start, end


def extents(comparison: Comparison, side: str) -> list[tuple[int, int]]:
    """Every passage's extent on one side, in passage order (one walk over the segments)."""
    spans = [list(p.span(side)) for p in comparison.passages]
    for segment in comparison.segments(side):
        if segment.passage is not None:
            span = spans[segment.passage]
            span[0], span[1] = min(span[0], segment.start), max(span[1], segment.end)
    return [(lo, hi) for lo, hi in spans]


def align(text_a: str, span_a: tuple[int, int], text_b: str, span_b: tuple[int, int]) -> list[Stretch]:
    """Equal and differing stretches covering both spans, in order."""
    tokens_a = [_shifted(t, span_a[0]) for t in tokenize(text_a[span_a[0] : span_a[1]])]
    tokens_b = [_shifted(t, span_b[0]) for t in tokenize(text_b[span_b[0] : span_b[1]])]
    symbols: dict[str, str] = {}
    x = "".join(_symbol(symbols, fold_word(t.text)) for t in tokens_a)
    y = "".join(_symbol(symbols, fold_word(t.text)) for t in tokens_b)
    stretches: list[Stretch] = []
    ia = ib = 0
    pending_a, pending_b = ia, ib
    for op, length in diff_ops(x, y, cleanup="Semantic"):
        if op == "=":
            if (ia, ib) != (pending_a, pending_b):
                stretches.append(
                    _stretch("differ", tokens_a, pending_a, ia, tokens_b, pending_b, ib, span_a, span_b)
                )
            stretches.append(
                _stretch("equal", tokens_a, ia, ia + length, tokens_b, ib, ib + length, span_a, span_b)
            )
            ia, ib = ia + length, ib + length
            pending_a, pending_b = ia, ib
        elif op == "-":
            ia += length
        else:
            ib += length
    if (ia, ib) != (pending_a, pending_b):
        stretches.append(_stretch("differ", tokens_a, pending_a, ia, tokens_b, pending_b, ib, span_a, span_b))
    return stretches


def _shifted(token: Token, by: int) -> Token:
    return Token(token.start + by, token.end + by, token.text)


def _symbol(symbols: dict[str, str], key: str) -> str:
    if key not in symbols:
        symbols[key] = _code_point(len(symbols))
    return symbols[key]


def _code_point(n: int) -> str:
    """Distinct characters for distinct words, clear of the surrogates."""
    return chr(0xE000 + n) if n < 0x1900 else chr(0x10000 + n)


def _stretch(
    op: Op,
    tokens_a: list[Token],
    a0: int,
    a1: int,
    tokens_b: list[Token],
    b0: int,
    b1: int,
    span_a: tuple[int, int],
    span_b: tuple[int, int],
) -> Stretch:
    return Stretch(op, _offsets(tokens_a, a0, a1, span_a), _offsets(tokens_b, b0, b1, span_b))


def _offsets(tokens: list[Token], first: int, last: int, span: tuple[int, int]) -> tuple[int, int]:
    """Offsets of tokens [first, last); an empty stretch sits where its next token starts."""
    if first < last:
        return tokens[first].start, tokens[last - 1].end
    at = tokens[first].start if first < len(tokens) else (tokens[-1].end if tokens else span[0])
    return at, at
