"""Where a passage stands in each text, in words, for the window's status line and band tooltips and
the CLI report alike: "brought forward: ¶7 of A is ¶3 of B".

The engine marks a passage `moved` when it left the order of the passages, or when its place shifted
far more than the others' did (text before it was cut). An editor reads the two apart: a passage
has really changed order when its band crosses the band of a passage that kept its place (one the
engine did not mark); a marked passage whose band crosses none kept its order and only shifted.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.compare import Comparison, Passage
from reader.compare.model import Side
from reader.facts.words import paragraph_at
from reader.text.translation import QT_TRANSLATE_NOOP

CONTEXT = "Moves"  # translation context of the wording below
KEPT = "kept"
SHIFTED_UP = "shifted_up"  # in order; text before it was cut
SHIFTED_DOWN = "shifted_down"  # in order; text was added before it
FORWARD = "forward"
BACK = "back"
TO_START = "to_start"
TO_END = "to_end"
CROSSING = frozenset({FORWARD, BACK, TO_START, TO_END})

PLACES = {
    KEPT: QT_TRANSLATE_NOOP("Moves", "in order: {a} of A is {b} of B"),
    SHIFTED_UP: QT_TRANSLATE_NOOP("Moves", "in order, text before it cut: {a} of A is {b} of B"),
    SHIFTED_DOWN: QT_TRANSLATE_NOOP("Moves", "in order, text added before it: {a} of A is {b} of B"),
    FORWARD: QT_TRANSLATE_NOOP("Moves", "brought forward: {a} of A is {b} of B"),
    BACK: QT_TRANSLATE_NOOP("Moves", "moved back: {a} of A is {b} of B"),
    TO_START: QT_TRANSLATE_NOOP("Moves", "moved to the start: {a} of A is {b} of B"),
    TO_END: QT_TRANSLATE_NOOP("Moves", "moved to the end: {a} of A is {b} of B"),
}
REUSED = {
    "a": QT_TRANSLATE_NOOP("Moves", "used again: {a} of A is also {b} of B"),
    "b": QT_TRANSLATE_NOOP("Moves", "used again: {b} of B is also {a} of A"),
}
REORDERED = QT_TRANSLATE_NOOP("Moves", "reordered inside the passage")
PARAGRAPH = QT_TRANSLATE_NOOP("Moves", "¶{0}")
PARAGRAPHS = QT_TRANSLATE_NOOP("Moves", "¶{0}–{1}")
JOIN = QT_TRANSLATE_NOOP("Moves", ", ")
SEPARATOR = " · "


@dataclass(frozen=True)
class Placement:
    """One passage's place: `kind` (KEPT, SHIFTED_UP ... TO_END), its paragraphs on each side
    (first, last; 1-based), and, for a passage one side of which is used twice, the other
    passages sharing that side (`again`, on `again_side`)."""

    kind: str
    paragraphs_a: tuple[int, int]
    paragraphs_b: tuple[int, int]
    again: tuple[int, ...] = ()
    again_side: Side | None = None
    reordered: bool = False

    @property
    def crossing(self) -> bool:
        """Its order among the passages changed: its band crosses others."""
        return self.kind in CROSSING

    def paragraphs(self, side: Side) -> tuple[int, int]:
        return self.paragraphs_a if side == "a" else self.paragraphs_b


def paragraph_span(starts: list[int], span: tuple[int, int]) -> tuple[int, int]:
    """First and last paragraph (1-based) of a span, given the paragraphs' start offsets."""
    return paragraph_at(starts, span[0]), paragraph_at(starts, max(span[0], span[1] - 1))


def sharing(passages: Sequence[Passage]) -> dict[int, tuple[Side, tuple[int, ...]]]:
    """For each passage one side of which another passage holds too (a passage of one text aligned
    at two places of the other), that side and the other passages overlapping it there."""
    found: dict[int, tuple[Side, list[int]]] = {}
    for side in ("a", "b"):
        reused = [k for k, p in enumerate(passages) if p.reused == side]
        if not reused:
            continue
        order = sorted(range(len(passages)), key=lambda k: passages[k].span(side))
        starts = [passages[k].span(side)[0] for k in order]
        for k in reused:
            lo, hi = passages[k].span(side)
            # spans of one side overlap only where reused: the candidates start before `hi`
            for j in order[: bisect_left(starts, hi)]:
                if j != k and passages[j].span(side)[1] > lo:
                    found.setdefault(k, (side, []))[1].append(j)
                    found.setdefault(j, (side, []))[1].append(k)
    return {k: (side, tuple(sorted(set(others)))) for k, (side, others) in found.items()}


def placements(
    comparison: Comparison, paragraphs_a: list[int], paragraphs_b: list[int]
) -> tuple[Placement, ...]:
    """Each passage's Placement; `paragraphs_x` are the start offsets of the paragraphs of each text
    (reader.facts.words.paragraph_numbers)."""
    passages = comparison.passages
    shared = sharing(passages)
    kept = [k for k, p in enumerate(passages) if not p.moved]
    kept_a = sorted((passages[k].a[0], k) for k in kept)
    kept_b = sorted((passages[k].b[0], k) for k in kept)
    first_b = min((p.b[0] for p in passages), default=0)
    last_b = max((p.b[0] for p in passages), default=0)
    out = []
    for k, passage in enumerate(passages):
        side, again = shared.get(k, (None, ()))
        kind = KEPT
        if passage.moved:
            others = set(again)
            before_a = _kept_before(kept_a, passage.a[0], others)
            before_b = _kept_before(kept_b, passage.b[0], others)
            if before_a == before_b:
                below = paragraph_at(paragraphs_b, passage.b[0]) < paragraph_at(paragraphs_a, passage.a[0])
                kind = SHIFTED_UP if below else SHIFTED_DOWN
            elif passage.b[0] == first_b and before_b == 0:
                kind = TO_START
            elif passage.b[0] == last_b and before_b == len(kept_b) - len(others & set(kept)):
                kind = TO_END
            else:
                kind = FORWARD if before_b < before_a else BACK
        out.append(
            Placement(
                kind,
                paragraph_span(paragraphs_a, passage.a),
                paragraph_span(paragraphs_b, passage.b),
                again,
                side,
                passage.reordered,
            )
        )
    return tuple(out)


def _kept_before(kept: list[tuple[int, int]], start: int, others: set[int]) -> int:
    """How many kept passages start before `start` on one side, leaving out those sharing it."""
    before = bisect_left(kept, (start, -1))
    return before - sum(1 for _, k in kept[:before] if k in others)


def describe(
    placements_of: Sequence[Placement],
    index: int,
    translate: Callable[[str], str] = str,
    number: Callable[[int], str] = str,
) -> str:
    """Where passage `index` stands, in words: its place, then "used again" and "reordered" if so.
    `translate` gives a wording in the user's language, `number` writes a paragraph number."""
    placement = placements_of[index]
    paragraphs = paragraphs_label(translate, number)
    parts = [
        translate(PLACES[placement.kind]).format(
            a=paragraphs(placement.paragraphs_a), b=paragraphs(placement.paragraphs_b)
        )
    ]
    if placement.again and placement.again_side is not None:
        side = placement.again_side
        other = "b" if side == "a" else "a"
        places = translate(JOIN).join(paragraphs(placements_of[j].paragraphs(other)) for j in placement.again)
        labels = {side: paragraphs(placement.paragraphs(side)), other: places}
        parts.append(translate(REUSED[side]).format(**labels))
    if placement.reordered:
        parts.append(translate(REORDERED))
    return SEPARATOR.join(part for part in parts if part)


def paragraphs_label(
    translate: Callable[[str], str] = str, number: Callable[[int], str] = str
) -> Callable[[tuple[int, int]], str]:
    """`label((7, 9))` -> "¶7–9" (one paragraph: "¶7")."""

    def label(span: tuple[int, int]) -> str:
        first, last = span
        if first == last:
            return translate(PARAGRAPH).format(number(first))
        return translate(PARAGRAPHS).format(number(first), number(last))

    return label


def crossing_flags(placements_of: Sequence[Placement]) -> list[bool]:
    """Per passage: drawn as moved (its order changed), as the panes, bands and rulers show it."""
    return [placement.crossing for placement in placements_of]


def moves_line(placements_of: Sequence[Placement]) -> str:
    """`1 moved, 2 shifted in order, 2 used twice, 1 reordered inside` for a report's header: the
    kinds of order change an editor reads apart (parts with none are left out, but `moved`)."""
    counts = [
        (sum(p.crossing for p in placements_of), "moved"),
        (sum(p.kind in (SHIFTED_UP, SHIFTED_DOWN) for p in placements_of), "shifted in order"),
        (sum(bool(p.again) for p in placements_of), "used twice"),
        (sum(p.reordered for p in placements_of), "reordered inside"),
    ]
    return ", ".join(f"{n:,} {what}" for k, (n, what) in enumerate(counts) if n or k == 0)
