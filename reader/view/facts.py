"""What the window's facts panel and status line show, computed off the GUI thread: the facts of
the pair shown and the summary that splits the shared share into identical and reworded."""

from __future__ import annotations

from dataclasses import dataclass

from reader.compare import Comparison
from reader.facts import FactPair, Facts, find_facts
from reader.report.summary import Summary, summarize

# Above this many characters the facts are not looked for (a million-word pair would keep the
# worker busy for long with the engine's own work done; the window stays as it was).
MAX_FACTS_CHARS = 4_000_000


@dataclass(frozen=True)
class FactsView:
    left_id: int
    right_id: int
    facts: Facts
    summary: Summary

    def rows(self) -> tuple[FactPair, ...]:
        """The panel's rows: disagreeing facts first, then those stated alike; names stated alike
        and facts one article states alone are left to the report (they would bury the rest)."""
        agreeing = tuple(p for p in self.facts.with_status("agree") if p.kind != "name")
        return (*self.facts.differing, *agreeing)


def facts_view(
    left_id: int, right_id: int, comparison: Comparison, text_a: str, text_b: str
) -> FactsView | None:
    if len(text_a) + len(text_b) > MAX_FACTS_CHARS:
        return None
    facts = find_facts(text_a, text_b, comparison)
    return FactsView(left_id, right_id, facts, summarize(comparison, facts, text_a, text_b))


def next_row(rows: tuple[FactPair, ...], current: int | None, forward: bool) -> int | None:
    """The next (or previous) disagreeing row after `current`, wrapping around; None if none differs."""
    differing = [k for k, pair in enumerate(rows) if pair.status in ("differ", "spelled")]
    if not differing:
        return None
    if current is None:
        return differing[0] if forward else differing[-1]
    later = [k for k in differing if (k > current if forward else k < current)]
    if later:
        return later[0] if forward else later[-1]
    return differing[0] if forward else differing[-1]
