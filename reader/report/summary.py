"""How much of each text is identical, how much reworded, and how many facts differ.

A passage holds `same` and `changed` words; the engine's share counts both. Said as one number
("100% shared") it hides that a casualty figure changed, so the summary splits it in two and
names the facts that differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.compare import CHANGED, SAME, Comparison
from reader.compare.model import Side
from reader.facts import DIFFER, SPELLED, Facts


@dataclass(frozen=True)
class Shares:
    identical: float  # share of the side's visible characters in `same` segments
    reworded: float  # ... in `changed` segments

    @property
    def shared(self) -> float:
        return self.identical + self.reworded


@dataclass(frozen=True)
class Summary:
    a: Shares
    b: Shares
    passages: int
    moved: int
    facts_differ: int  # facts the texts state differently
    names_spelled: int  # names spelled two ways
    facts_agree: int

    def side(self, side: Side) -> Shares:
        return self.a if side == "a" else self.b


def shares(comparison: Comparison, side: Side, text: str) -> Shares:
    counts = {SAME: 0, CHANGED: 0}
    total = 0
    for segment in comparison.segments(side):
        visible = _visible(text, segment.start, segment.end)
        total += visible
        if segment.kind in counts:
            counts[segment.kind] += visible
    if not total:
        return Shares(0.0, 0.0)
    return Shares(counts[SAME] / total, counts[CHANGED] / total)


def _visible(text: str, start: int, end: int) -> int:
    piece = text[start:end]
    return len(piece) - sum(piece.count(ch) for ch in " \t\r\n\u00a0")


def summarize(comparison: Comparison, facts: Facts, text_a: str, text_b: str) -> Summary:
    return Summary(
        shares(comparison, "a", text_a),
        shares(comparison, "b", text_b),
        comparison.stats.passages,
        comparison.stats.moved,
        facts.count(DIFFER),
        facts.count(SPELLED),
        facts.count("agree"),
    )


def percent(share: float) -> str:
    """A share as a whole percentage that never rounds a difference away (99.6% is not 100%)."""
    value = share * 100
    if 99 < value < 100:
        return "99%"
    if 0 < value < 1:
        return "<1%"
    return f"{value:.0f}%"


def side_line(shares_: Shares) -> str:
    """`92% identical, 8% reworded`, or `nothing shared`."""
    if shares_.shared == 0:
        return "nothing shared"
    parts = [f"{percent(shares_.identical)} identical"]
    if shares_.reworded:
        parts.append(f"{percent(shares_.reworded)} reworded")
    return ", ".join(parts)


def facts_line(summary: Summary) -> str:
    """`3 facts differ, 1 name spelled two ways`, or `no fact differs`."""
    parts = []
    if summary.facts_differ:
        parts.append(f"{summary.facts_differ} fact{'s' if summary.facts_differ != 1 else ''} differ")
        if summary.facts_differ == 1:
            parts[-1] = "1 fact differs"
    if summary.names_spelled:
        n = summary.names_spelled
        parts.append(f"{n} name{'s' if n != 1 else ''} spelled two ways")
    return ", ".join(parts) if parts else "no fact differs"
