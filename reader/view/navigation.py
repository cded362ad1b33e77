"""Pure helpers for walking a comparison: differences to step through, the passage at an offset, and
the counterpart offset that keeps two panes aligned while scrolling. No Qt here."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate

from reader.compare import Comparison, Passage, Segment
from reader.facts.alignment import align


@dataclass(frozen=True, slots=True)
class Hunk:
    """A run of differing text on one side (changed or only), in Python offsets."""

    start: int
    end: int
    passage: int | None


def difference_hunks(text: str, segments: Sequence[Segment]) -> tuple[Hunk, ...]:
    """Adjacent non-`same` segments of one passage (or outside passages) form one hunk; hunks of
    whitespace alone are not differences."""
    hunks: list[Hunk] = []
    run_start = run_end = -1
    run_passage: int | None = None
    for segment in segments:
        if segment.kind == "same":
            continue
        if run_start >= 0 and segment.start == run_end and segment.passage == run_passage:
            run_end = segment.end
            continue
        if run_start >= 0 and text[run_start:run_end].strip():
            hunks.append(Hunk(run_start, run_end, run_passage))
        run_start, run_end, run_passage = segment.start, segment.end, segment.passage
    if run_start >= 0 and text[run_start:run_end].strip():
        hunks.append(Hunk(run_start, run_end, run_passage))
    return tuple(_trimmed(text, hunk) for hunk in hunks)


def _trimmed(text: str, hunk: Hunk) -> Hunk:
    """Without leading/trailing whitespace, so a selected hunk shows just the words."""
    piece = text[hunk.start : hunk.end]
    start = hunk.start + (len(piece) - len(piece.lstrip()))
    end = hunk.end - (len(piece) - len(piece.rstrip()))
    return Hunk(start, end, hunk.passage)


def next_hunk(hunks: Sequence[Hunk], offset: int, forward: bool) -> Hunk | None:
    """The first hunk starting after `offset` (or the last one starting before it)."""
    starts = [h.start for h in hunks]
    if forward:
        k = bisect_right(starts, offset)
        return hunks[k] if k < len(hunks) else None
    k = bisect_right(starts, offset - 1) - 1
    while k >= 0 and hunks[k].start >= offset:
        k -= 1
    return hunks[k] if k >= 0 else None


class PassageIndex:
    """Passages of one comparison seen from one side ("a" or "b").

    A side's passages follow each other without overlapping, except where a passage of this text
    is aligned at two places of the other (`Passage.reused`): then two passages share a span here.
    They are ordered by their start here, then by their counterpart's start, so stepping visits
    both places; `reach` (the furthest end so far) keeps the bisections right over overlaps."""

    def __init__(self, comparison: Comparison, side: str, own_length: int, other_length: int) -> None:
        self.comparison = comparison
        other = "b" if side == "a" else "a"
        spans = [(p.span(side), p.span(other), k, p.moved) for k, p in enumerate(comparison.passages)]
        spans.sort(key=lambda item: (item[0][0], item[1][0]))
        self.order = [k for _, _, k, _ in spans]  # passage indices in this side's reading order
        self.rank = {k: rank for rank, k in enumerate(self.order)}
        self.own = [own for own, _, _, _ in spans]
        self.other = [theirs for _, theirs, _, _ in spans]
        self.starts = [own[0] for own in self.own]
        self.ends = [own[1] for own in self.own]
        self.reach = list(accumulate(self.ends, max))  # sorted even where passages overlap
        anchors = [(own, theirs) for own, theirs, _, moved in spans if not moved]
        self.anchor_starts = [own[0] for own, _ in anchors]
        self.anchors = anchors
        self.own_length = own_length
        self.other_length = other_length

    def ranks_at(self, offset: int) -> list[int]:
        """Ranks (positions in `order`) of the passages holding `offset`, in reading order."""
        k = bisect_right(self.starts, offset) - 1
        found = []
        while k >= 0 and self.reach[k] > offset:
            if self.ends[k] > offset:
                found.append(k)
            k -= 1
        return found[::-1]

    def passages_at(self, offset: int) -> list[int]:
        """Every passage holding `offset` (two or more where a passage is used twice)."""
        return [self.order[k] for k in self.ranks_at(offset)]

    def passage_at(self, offset: int, prefer: int | None = None) -> int | None:
        """The passage holding `offset`: `prefer` if it is one of them, else the first."""
        found = self.passages_at(offset)
        if prefer is not None and prefer in found:
            return prefer
        return found[0] if found else None

    def visible(self, first: int, last: int) -> list[int]:
        """Passages with a part in [first, last), found by bisection among thousands."""
        lo = bisect_right(self.reach, first)
        hi = bisect_left(self.starts, last)
        return [self.order[k] for k in range(lo, hi) if self.ends[k] > first]

    def step(self, current: int | None, offset: int, forward: bool) -> int | None:
        """The passage after (before) the current one, or after (before) `offset` if none is current."""
        if not self.order:
            return None
        if current is not None and current in self.rank:
            k = self.rank[current] + (1 if forward else -1)
        elif forward:  # the first passage starting at or after the cursor
            k = bisect_left(self.starts, offset)
        else:  # the last one starting before it
            k = bisect_left(self.starts, offset) - 1
        return self.order[k] if 0 <= k < len(self.order) else None

    def counterpart(self, offset: int, prefer: int | None = None) -> int:
        """Where `offset` lands in the other text: proportionally inside its passage (`prefer` where
        two hold it), else between the neighbouring passages that did not move."""
        ranks = self.ranks_at(offset)
        if ranks:
            chosen = next((k for k in ranks if self.order[k] == prefer), ranks[0])
            return _scale(offset, self.own[chosen], self.other[chosen])
        k = bisect_right(self.anchor_starts, offset) - 1
        # the gap after anchor k (or the start of the text) up to the next anchor (or the end)
        while k >= 0 and self.anchors[k][0][1] > offset:
            k -= 1
        own_lo, other_lo = (self.anchors[k][0][1], self.anchors[k][1][1]) if k >= 0 else (0, 0)
        if k + 1 < len(self.anchors):
            own_hi, other_hi = self.anchors[k + 1][0][0], self.anchors[k + 1][1][0]
        else:
            own_hi, other_hi = self.own_length, self.other_length
        return _scale(offset, (own_lo, own_hi), (other_lo, max(other_lo, other_hi)))


def change_counterpart(
    text_a: str, text_b: str, passage: Passage, side: str, start: int, end: int
) -> tuple[int, int]:
    """The stretch of the other text that the change [start, end) of `side` stands for, inside its
    passage: what the other text says instead (empty where it says nothing: the place words were
    left out). The passage's two sides are lined up word by word (reader.facts.alignment)."""
    stretches = align(text_a, passage.a, text_b, passage.b)
    other = "b" if side == "a" else "a"
    lo = hi = -1
    for stretch in stretches:
        own, theirs = getattr(stretch, side), getattr(stretch, other)
        inside = own[0] < end and own[1] > start if own[0] < own[1] else start <= own[0] <= end
        if not inside or (own[0] == own[1] and stretch.op == "equal"):
            continue
        if stretch.op == "equal":  # the same words: the part of them the change covers
            theirs = (_scale(max(start, own[0]), own, theirs), _scale(min(end, own[1]), own, theirs))
        lo = theirs[0] if lo < 0 else min(lo, theirs[0])
        hi = max(hi, theirs[1])
    if lo < 0:  # nothing lined up (a change of spacing only): the proportional place
        at = _scale(start, passage.span(side), passage.span(other))
        return at, at
    return lo, hi


def _scale(offset: int, own: tuple[int, int], other: tuple[int, int]) -> int:
    width = own[1] - own[0]
    if width <= 0:
        return other[0]
    fraction = min(1.0, max(0.0, (offset - own[0]) / width))
    return int(other[0] + fraction * (other[1] - other[0]))


OVERVIEW_BUCKETS = 2048  # resolution of the overview ruler (more than any screen has pixel rows)
_OVERVIEW_RANK = {"moved": 0, "only": 1, "changed_chars": 2}  # the stronger mark wins a bucket


def overview_marks(
    length: int, segments: Sequence[Segment], moved: Sequence[bool]
) -> tuple[tuple[int, str], ...]:
    """(bucket, colour key) for the overview ruler: what each 1/2048 of the text holds, at most
    one mark per bucket, so painting never walks the segments of a million-word text."""
    buckets: dict[int, str] = {}
    scale = OVERVIEW_BUCKETS / max(1, length)
    for segment in segments:
        if segment.kind == "same":
            if segment.passage is None or not moved[segment.passage]:
                continue
            key = "moved"
        else:
            key = "only" if segment.kind == "only" else "changed_chars"
        first = int(segment.start * scale)
        last = max(first, int((segment.end - 1) * scale))
        for bucket in range(first, min(last, OVERVIEW_BUCKETS - 1) + 1):
            if _OVERVIEW_RANK[key] >= _OVERVIEW_RANK.get(buckets.get(bucket, ""), -1):
                buckets[bucket] = key
    return tuple(sorted(buckets.items()))
