"""PLACEHOLDER until the aligner lands: everything is `only`. Same signature as the real engine."""

from __future__ import annotations

from reader.compare.model import ONLY, CompareOptions, Comparison, Segment, Stats


def compare(a: str, b: str, options: CompareOptions | None = None) -> Comparison:
    seg_a = (Segment(0, len(a), ONLY, None),) if a else ()
    seg_b = (Segment(0, len(b), ONLY, None),) if b else ()
    return Comparison(len(a), len(b), Stats(0.0, 0.0, 0, 0), (), seg_a, seg_b)
