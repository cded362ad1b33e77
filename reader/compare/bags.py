"""Blocks and their word bags: Dice over all the words of a block separates real reuse (0.5-1.0
measured on Arabic newswire) from blocks made of shared topic words (0.1-0.35)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.compare import _bags


@dataclass(slots=True)
class Block:
    """Words [a0, a1) of A aligned with words [b0, b1) of B."""

    a0: int
    a1: int
    b0: int
    b1: int
    dice: float = 0.0
    solid: bool = False  # a chain of exact runs from edge to edge: its edges are where they belong
    forced: bool = False  # an exact run or paragraph unique to both texts: a passage however short
    reordered: bool = False  # pieces reordered inside it: its words are labelled order-free
    again: str = ""  # "a" or "b": that side is another passage's too (one passage reused twice)

    def size(self) -> int:
        return (self.a1 - self.a0) + (self.b1 - self.b0)


def bag(words: Sequence[int]) -> Counter:
    """word -> count (Counter counts in C)."""
    return Counter(words)


def shared_count(bag_a: Mapping[int, int], bag_b: Mapping[int, int]) -> int:
    """Size of the multiset intersection, summed in C (Counter's `&` loops in Python)."""
    common = bag_a.keys() & bag_b.keys()
    return sum(map(min, map(bag_a.__getitem__, common), map(bag_b.__getitem__, common)))


def dice(wa: list[int], wb: list[int], a0: int, a1: int, b0: int, b1: int) -> float:
    """Dice of the word bags of wa[a0:a1] and wb[b0:b1] (counted in C)."""
    total = (a1 - a0) + (b1 - b0)
    if total <= 0:
        return 0.0
    return 2.0 * _bags.shared(wa, a0, a1, wb, b0, b1) / total


def dice_at_least(threshold: float, wa: list[int], wb: list[int], a0: int, a1: int, b0: int, b1: int) -> bool:
    return dice(wa, wb, a0, a1, b0, b1) >= threshold


def shared_share(x: list[int], x0: int, x1: int, y: list[int], y0: int, y1: int) -> float:
    """The share of the words of x[x0:x1] that y[y0:y1] holds too (as bags)."""
    return _bags.shared(x, x0, x1, y, y0, y1) / (x1 - x0) if x1 > x0 else 1.0
