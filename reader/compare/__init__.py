"""The comparison engine: pure Python, no Qt. `compare(a, b)` returns a `Comparison`."""

from reader.compare.engine import compare
from reader.compare.model import (
    CHANGED,
    ONLY,
    SAME,
    CompareOptions,
    Comparison,
    Passage,
    Segment,
    Stats,
)

__all__ = [
    "compare",
    "CompareOptions",
    "Comparison",
    "Passage",
    "Segment",
    "Stats",
    "SAME",
    "CHANGED",
    "ONLY",
]
