"""Blocks and their word bags: Dice over all the words of a block separates real reuse (0.5-1.0
measured on Arabic newswire) from blocks made of shared topic words (0.1-0.35)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


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
    total = (a1 - a0) + (b1 - b0)
    if total <= 0:
        return 0.0
    words_a, words_b = wa[a0:a1], wb[b0:b1]
    if words_a == words_b:  # a verbatim copy, common in long texts: every word is shared
        return 1.0
    set_a, set_b = set(words_a), set(words_b)
    if len(set_a) == len(words_a) and len(set_b) == len(words_b):  # no word twice: sets will do
        return 2.0 * len(set_a & set_b) / total
    return 2.0 * shared_count(bag(words_a), bag(words_b)) / total


def dice_at_least(threshold: float, wa: list[int], wb: list[int], a0: int, a1: int, b0: int, b1: int) -> bool:
    """dice(...) >= threshold, mostly without counting: the words both stretches hold (each counted
    once) are a lower bound of the words they share, and are enough to settle most questions."""
    total = (a1 - a0) + (b1 - b0)
    # computed as dice() computes, so the bound can only pass where dice() would
    if total > 0 and 2.0 * len(set(wa[a0:a1]).intersection(wb[b0:b1])) / total >= threshold:
        return True
    return dice(wa, wb, a0, a1, b0, b1) >= threshold


def shared_share(part: list[int], other: list[int]) -> float:
    """The share of `part`'s words that `other` holds too (as bags)."""
    return shared_count(bag(part), bag(other)) / len(part) if part else 1.0
