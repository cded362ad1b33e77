"""Pure helpers for walking a comparison: differences to step through, the passage at an offset, and
the counterpart offset that keeps two panes aligned while scrolling. No Qt here."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reader.compare import Comparison, Segment


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
    """Passages of one comparison seen from one side ("a" or "b")."""

    def __init__(self, comparison: Comparison, side: str, own_length: int, other_length: int) -> None:
        self.comparison = comparison
        other = "b" if side == "a" else "a"
        spans = [(p.span(side), p.span(other), k, p.moved) for k, p in enumerate(comparison.passages)]
        spans.sort(key=lambda item: item[0][0])
        self.order = [k for _, _, k, _ in spans]  # passage indices in this side's reading order
        self.own = [own for own, _, _, _ in spans]
        self.other = [theirs for _, theirs, _, _ in spans]
        self.starts = [own[0] for own in self.own]
        self.ends = [own[1] for own in self.own]  # sorted too: a side's passages are disjoint
        anchors = [(own, theirs) for own, theirs, _, moved in spans if not moved]
        self.anchor_starts = [own[0] for own, _ in anchors]
        self.anchors = anchors
        self.own_length = own_length
        self.other_length = other_length

    def passage_at(self, offset: int) -> int | None:
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and self.own[k][0] <= offset < self.own[k][1]:
            return self.order[k]
        return None

    def step(self, current: int | None, offset: int, forward: bool) -> int | None:
        """The passage after (before) the current one, or after (before) `offset` if none is current."""
        if not self.order:
            return None
        if current is not None and current in self.order:
            k = self.order.index(current) + (1 if forward else -1)
        elif forward:  # the first passage starting at or after the cursor
            k = bisect_left(self.starts, offset)
        else:  # the last one starting before it
            k = bisect_left(self.starts, offset) - 1
        return self.order[k] if 0 <= k < len(self.order) else None

    def counterpart(self, offset: int) -> int:
        """Where `offset` lands in the other text: proportionally inside its passage, else between
        the neighbouring passages that did not move."""
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and self.own[k][0] <= offset < self.own[k][1]:
            return _scale(offset, self.own[k], self.other[k])
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
