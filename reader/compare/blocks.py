"""From anchor clusters to passages: check each block by word-bag Dice, merge neighbours, resolve overlaps.

Dice over all the words of a block separates real reuse (0.5-1.0 measured on Arabic newswire) from
blocks made of shared topic words (0.1-0.35). Neighbouring blocks whose hull still scores well are one
passage, so an edited paragraph is not split in pieces.
"""

from __future__ import annotations

import bisect
import re
from collections import _count_elements
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.compare.anchors import Candidate, split_at_widest_gap, wide_enough
from reader.compare.prepare import Document, key_char

SOLID_EDGE = 3  # words of exact run at each end of a chain that need no edge search
MIN_DICE = 0.4  # a block must share at least this much of its words
MERGE_DICE = 0.6  # two neighbours merge when their hull keeps this much
MAX_MERGE_GAP = 40  # words of unrelated text two pieces of one passage may have between them
SNAP_ANCHORED = 16  # ...and this close when both paragraphs share their edge word
TAIL_DICE = 0.3  # leftover paragraph ends this alike are a rewording, not other text
SNAP_WORDS = 4  # a block this close to a paragraph edge on both sides extends to it
EDGE_SEARCH = 10  # edges are moved up to this many words to maximise Dice


@dataclass(slots=True)
class Block:
    a0: int
    a1: int
    b0: int
    b1: int
    dice: float = 0.0
    solid: bool = False  # a chain of exact runs from edge to edge: its edges are where they belong

    def size(self) -> int:
        return (self.a1 - self.a0) + (self.b1 - self.b0)


def dice(wa: list[int], wb: list[int], a0: int, a1: int, b0: int, b1: int) -> float:
    total = (a1 - a0) + (b1 - b0)
    if total <= 0:
        return 0.0
    words_a, words_b = wa[a0:a1], wb[b0:b1]
    if words_a == words_b:  # a verbatim copy, common in long texts: every word is shared
        return 1.0
    bag_a, bag_b = _bag(words_a), _bag(words_b)
    if len(bag_a) == len(words_a) and len(bag_b) == len(words_b):  # no word twice: sets will do
        return 2.0 * len(bag_a.keys() & bag_b.keys()) / total
    return 2.0 * shared_count(bag_a, bag_b) / total


def dice_at_least(threshold: float, wa: list[int], wb: list[int], a0: int, a1: int, b0: int, b1: int) -> bool:
    """dice(...) >= threshold, mostly without counting: the words both stretches hold (each counted
    once) are a lower bound of the words they share, and are enough to settle most questions."""
    total = (a1 - a0) + (b1 - b0)
    # computed as dice() computes, so the bound can only pass where dice() would
    if total > 0 and 2.0 * len(set(wa[a0:a1]).intersection(wb[b0:b1])) / total >= threshold:
        return True
    return dice(wa, wb, a0, a1, b0, b1) >= threshold


def _bag(words: Sequence[int]) -> dict[int, int]:
    """word -> count, as Counter(words) without its Python-level set-up (thousands of small bags)."""
    bag: dict[int, int] = {}
    _count_elements(bag, words)
    return bag


def shared_count(bag_a: Mapping[int, int], bag_b: Mapping[int, int]) -> int:
    """Size of the multiset intersection, summed in C (Counter's `&` loops in Python)."""
    common = bag_a.keys() & bag_b.keys()
    return sum(map(min, map(bag_a.__getitem__, common), map(bag_b.__getitem__, common)))


def build_blocks(
    candidates: list[Candidate],
    da: Document,
    db: Document,
    min_words: int,
    sentence_ends: frozenset[int] | set[int] = frozenset(),
) -> list[Block]:
    """`sentence_ends`: ids of the punctuation that ends a sentence (. ? !)."""
    wa, wb = da.word_ids, db.word_ids
    blocks = []
    pending = list(candidates)
    while pending:
        c = pending.pop()
        if not wide_enough(c):  # (a half of a split cluster may be)
            continue
        block = _extend(Block(c.a0, c.a1, c.b0, c.b1), wa, wb)
        snapped = _snap_to_paragraphs(Block(block.a0, block.a1, block.b0, block.b1), da, db)
        if 2 * c.exact >= MIN_DICE * snapped.size() + 4 and _solid_edges(c):
            # a chain that starts and ends on exact runs of several words has no stray edge to
            # cut, and its exact words alone clear the bar: no word bags to count (long texts)
            snapped.dice = 2 * c.exact / snapped.size()
            snapped.solid = True
            blocks.append(snapped)
            continue
        _tighten(block, wa, wb)
        if block.dice >= MIN_DICE:
            # an edge that reached a paragraph edge on both sides keeps it: a reworded last
            # sentence is still part of the copied paragraph
            block = _restore_snapped(block, snapped, da, db)
            block.dice = dice(wa, wb, block.a0, block.a1, block.b0, block.b1)
            blocks.append(block)
            continue
        halves = split_at_widest_gap(c)
        if halves:
            pending.extend(halves)
    blocks = [_trim_overreach(block, da, db) for block in blocks]
    if not all(block.solid for block in blocks):  # (solid blocks never grow: no starts needed)
        starts_a, starts_b = _sentence_starts(da, sentence_ends), _sentence_starts(db, sentence_ends)
        blocks = [_grow_to_sentences(block, starts_a, starts_b, wa, wb) for block in blocks]
    blocks = _resolve_overlaps(blocks, wa, wb)
    # pieces too short to be passages on their own would only stand between real neighbours
    blocks = [b for b in blocks if min(b.a1 - b.a0, b.b1 - b.b0) >= min_words]
    blocks = _merge_neighbours(blocks, wa, wb)
    return [b for b in blocks if b.a1 - b.a0 >= min_words and b.b1 - b.b0 >= min_words and b.dice >= MIN_DICE]


SENTENCE_REACH = 24  # words an edge may move out to reach the edge of its sentence


def _sentence_starts(doc: Document, sentence_ends: frozenset[int] | set[int]) -> list[int]:
    """Sorted word indices that start a sentence (after . ? ! or a paragraph break), and the
    number of words (where the last sentence ends)."""
    starts = {0, len(doc.word_ids)}
    starts.update(end + 1 for end in doc.paragraph_ends)
    if sentence_ends:
        # the marks found in key_text (a code point per token) by a regex: C speed on 1M tokens
        marks = "".join(re.escape(key_char(token_id)) for token_id in sentence_ends)
        words_before = doc.words_before
        starts.update(words_before[m.end()] for m in re.finditer(f"[{marks}]", doc.key_text))
    return sorted(w for w in starts if w <= len(doc.word_ids))


def _grow_to_sentences(block: Block, starts_a: list[int], starts_b: list[int], wa, wb) -> Block:  # noqa: ANN001
    """Grow a block's edges out to the edges of the sentences they cut, when that makes it more
    alike: a shuffled sentence is anchored by its rare words only, which need not be its first
    and last, and its other words (shared, only elsewhere in the sentence) are then left out."""
    if block.solid:
        return block
    a0 = _sentence_start(starts_a, block.a0)
    a1 = _sentence_end(starts_a, block.a1)
    b0 = _sentence_start(starts_b, block.b0)
    b1 = _sentence_end(starts_b, block.b1)
    if (a0, a1, b0, b1) == (block.a0, block.a1, block.b0, block.b1):
        return block
    grown = dice(wa, wb, a0, a1, b0, b1)
    if grown <= block.dice:
        return block
    return Block(a0, a1, b0, b1, grown)


def _sentence_start(starts: list[int], w0: int) -> int:
    start = starts[bisect.bisect_right(starts, w0) - 1]
    return start if w0 - start <= SENTENCE_REACH else w0


def _sentence_end(starts: list[int], w1: int) -> int:
    k = bisect.bisect_left(starts, w1)
    end = starts[k] if k < len(starts) else w1
    return end if end - w1 <= SENTENCE_REACH else w1


def _solid_edges(c: Candidate) -> bool:
    if not c.exact:
        return False
    if min(c.anchors)[2] < SOLID_EDGE:  # the first run
        return False
    return max(c.anchors, key=_run_end)[2] >= SOLID_EDGE  # the run that reaches furthest in A


def _run_end(run: tuple[int, int, int]) -> int:
    return run[0] + run[2]


def _extend(block: Block, wa: list[int], wb: list[int]) -> Block:
    """Grow the block over exactly matching words on either end (anchors skip function words)."""
    a0, a1, b0, b1 = block.a0, block.a1, block.b0, block.b1
    while a0 > 0 and b0 > 0 and wa[a0 - 1] == wb[b0 - 1]:
        a0 -= 1
        b0 -= 1
    while a1 < len(wa) and b1 < len(wb) and wa[a1] == wb[b1]:
        a1 += 1
        b1 += 1
    return Block(a0, a1, b0, b1)


def _newline_after(doc: Document, w: int) -> bool:
    """True when a paragraph ends after word w (a newline before the next word, or the text ends)."""
    return w >= len(doc.word_ids) - 1 or doc.paragraph_end_at_or_after(w) == w


def _words_to_paragraph_end(doc: Document, w1: int) -> int | None:
    """How many words from w1 on belong to the paragraph of word w1 - 1."""
    n_words = len(doc.word_ids)
    if w1 <= 0 or not n_words:
        return None
    ends = doc.paragraph_ends  # (Document.paragraph_end_at_or_after, without a call per use)
    w = w1 - 1 if w1 <= n_words else n_words - 1
    return ends[bisect.bisect_left(ends, w)] - (w1 - 1)


def _words_from_paragraph_start(doc: Document, w0: int) -> int | None:
    """How many words before w0 belong to the paragraph of word w0."""
    if w0 >= len(doc.word_ids):
        return None
    ends = doc.paragraph_ends  # (Document.paragraph_start_of, without a call per use)
    k = bisect.bisect_left(ends, w0) - 1
    return w0 - (ends[k] + 1 if k >= 0 else 0)


def _snap_to_paragraphs(block: Block, da: Document, db: Document) -> Block:
    """A block that stops a few words short of a paragraph edge on both sides takes those words in:
    a copied paragraph reworded at its end is still one passage to its end. Further from the edge
    (up to SNAP_ANCHORED words) it does so when both paragraphs open (or close) on the same word, or
    the two leftover stretches still share words: a paragraph whose first clause or last sentence was
    rewritten is still the same paragraph."""
    wa, wb = da.word_ids, db.word_ids
    a0, a1, b0, b1 = block.a0, block.a1, block.b0, block.b1
    tail_a = _words_to_paragraph_end(da, a1)
    tail_b = _words_to_paragraph_end(db, b1)
    if tail_a is not None and tail_b is not None:
        reach = tail_a if tail_a > tail_b else tail_b
        if reach <= SNAP_WORDS or (
            reach <= SNAP_ANCHORED
            and tail_a
            and tail_b
            and _alike(wa, wb, a1 + tail_a - 1, b1 + tail_b - 1, a1, a1 + tail_a, b1, b1 + tail_b)
        ):
            block.a1 = a1 + tail_a
            block.b1 = b1 + tail_b
    head_a = _words_from_paragraph_start(da, a0)
    head_b = _words_from_paragraph_start(db, b0)
    if head_a is not None and head_b is not None:
        reach = head_a if head_a > head_b else head_b
        if reach <= SNAP_WORDS or (
            reach <= SNAP_ANCHORED
            and head_a
            and head_b
            and _alike(wa, wb, a0 - head_a, b0 - head_b, a0 - head_a, a0, b0 - head_b, b0)
        ):
            block.a0 = a0 - head_a
            block.b0 = b0 - head_b
    return block


def _alike(
    wa: list[int], wb: list[int], edge_a: int, edge_b: int, a0: int, a1: int, b0: int, b1: int
) -> bool:
    """Leftover stretches [a0, a1) and [b0, b1) that end (or open) on one word, or still share words
    (the edge words first: they settle most cases without counting word bags)."""
    return wa[edge_a] == wb[edge_b] or dice_at_least(TAIL_DICE, wa, wb, a0, a1, b0, b1)


def _restore_snapped(block: Block, snapped: Block, da: Document, db: Document) -> Block:
    out = Block(block.a0, block.a1, block.b0, block.b1)
    if _newline_after(da, snapped.a1 - 1) and _newline_after(db, snapped.b1 - 1):
        out.a1, out.b1 = snapped.a1, snapped.b1
    at_start_a = snapped.a0 == 0 or _newline_after(da, snapped.a0 - 1)
    if at_start_a and (snapped.b0 == 0 or _newline_after(db, snapped.b0 - 1)):
        out.a0, out.b0 = snapped.a0, snapped.b0
    return out


def _trim_overreach(block: Block, da: Document, db: Document) -> Block:
    """A block that runs over a paragraph break on both sides keeps what lies beyond it only if that
    part is itself alike: a chain may reach over the break to a stock phrase (`تهدف إلى تعزيز`)
    the next paragraphs happen to share. The two breaks need not be the same paragraph's: a stray
    edge word may leave one side reaching back into the paragraph before. So the part beyond them
    is cut from both sides or from one, whichever leaves the block most alike."""
    wa, wb = da.word_ids, db.word_ids
    original = block
    end_a = _last_break_inside(da, block.a0, block.a1)
    end_b = _last_break_inside(db, block.b0, block.b1) if end_a is not None else None
    if end_a is not None and end_b is not None:
        if not dice_at_least(MERGE_DICE, wa, wb, end_a + 1, block.a1, end_b + 1, block.b1):
            block = _most_alike(
                [
                    Block(block.a0, end_a + 1, block.b0, end_b + 1),
                    Block(block.a0, end_a + 1, block.b0, block.b1),
                    Block(block.a0, block.a1, block.b0, end_b + 1),
                ],
                wa,
                wb,
            )
    start_a = _first_break_inside(da, block.a0, block.a1)
    start_b = _first_break_inside(db, block.b0, block.b1) if start_a is not None else None
    if start_a is not None and start_b is not None:
        if not dice_at_least(MERGE_DICE, wa, wb, block.a0, start_a + 1, block.b0, start_b + 1):
            block = _most_alike(
                [
                    Block(start_a + 1, block.a1, start_b + 1, block.b1),
                    Block(start_a + 1, block.a1, block.b0, block.b1),
                    Block(block.a0, block.a1, start_b + 1, block.b1),
                ],
                wa,
                wb,
            )
    if not original.solid:  # a chain of exact runs from edge to edge holds no foreign paragraph
        block = _trim_unshared_paragraphs(block, da, db)
    if block is not original:
        block.dice = dice(wa, wb, block.a0, block.a1, block.b0, block.b1)
    return block


UNSHARED_PARAGRAPH = 0.25  # a block's first or last paragraph sharing less of its words than this is cut


def _trim_unshared_paragraphs(block: Block, da: Document, db: Document) -> Block:
    """A first or last paragraph of a block (on one side) whose words are hardly in the other side
    at all is not part of it: a headline or a one-line paragraph the tightening could not step over."""
    wa, wb = da.word_ids, db.word_ids
    for _ in range(2):
        a0, a1, b0, b1 = block.a0, block.a1, block.b0, block.b1
        cut = _first_break_inside(da, a0, a1)
        if cut is not None and _shared_share(wa[a0 : cut + 1], wb[b0:b1]) < UNSHARED_PARAGRAPH:
            block = Block(cut + 1, a1, b0, b1)
            continue
        cut = _first_break_inside(db, b0, b1)
        if cut is not None and _shared_share(wb[b0 : cut + 1], wa[a0:a1]) < UNSHARED_PARAGRAPH:
            block = Block(a0, a1, cut + 1, b1)
            continue
        cut = _last_break_inside(da, a0, a1)
        if cut is not None and _shared_share(wa[cut + 1 : a1], wb[b0:b1]) < UNSHARED_PARAGRAPH:
            block = Block(a0, cut + 1, b0, b1)
            continue
        cut = _last_break_inside(db, b0, b1)
        if cut is not None and _shared_share(wb[cut + 1 : b1], wa[a0:a1]) < UNSHARED_PARAGRAPH:
            block = Block(a0, a1, b0, cut + 1)
            continue
        break
    return block


def _shared_share(part: list[int], other: list[int]) -> float:
    """The share of `part`'s words that `other` holds too (as bags)."""
    return shared_count(_bag(part), _bag(other)) / len(part) if part else 1.0


def _most_alike(choices: list[Block], wa: list[int], wb: list[int]) -> Block:
    """The choice with the highest Dice; the first one (cutting both sides) on a tie."""
    scores = [dice(wa, wb, c.a0, c.a1, c.b0, c.b1) for c in choices]
    return choices[scores.index(max(scores))]


def _last_break_inside(doc: Document, w0: int, w1: int) -> int | None:
    """The last word before a paragraph break strictly inside words [w0, w1), if any."""
    k = bisect.bisect_left(doc.paragraph_ends, w1 - 1) - 1
    return doc.paragraph_ends[k] if k >= 0 and doc.paragraph_ends[k] >= w0 else None


def _first_break_inside(doc: Document, w0: int, w1: int) -> int | None:
    k = bisect.bisect_left(doc.paragraph_ends, w0)
    return doc.paragraph_ends[k] if k < len(doc.paragraph_ends) and doc.paragraph_ends[k] < w1 - 1 else None


def _tighten(block: Block, wa: list[int], wb: list[int]) -> None:
    """Move each edge inward (up to EDGE_SEARCH words) to where Dice is highest: a stray shared
    word at a cluster's edge (a name both texts use elsewhere) is not part of the passage."""
    bags = (_bag(wa[block.a0 : block.a1]), _bag(wb[block.b0 : block.b1]))
    inter = shared_count(*bags)
    total = (block.a1 - block.a0) + (block.b1 - block.b0)
    for edge in ("a0", "a1", "b0", "b1"):
        side = 0 if edge[0] == "a" else 1
        words = wa if side == 0 else wb
        mine, theirs = bags[side], bags[1 - side]
        origin = getattr(block, edge)
        step = 1 if edge.endswith("0") else -1
        removed: list[tuple[int, bool]] = []
        best = (2.0 * inter / total if total else 0.0, 0, inter)
        length = (block.a1 - block.a0) if side == 0 else (block.b1 - block.b0)
        for shift in range(1, min(EDGE_SEARCH, length - 2) + 1):
            word = words[origin + step * (shift - 1) if step == 1 else origin - shift]
            shared = mine[word] <= theirs.get(word, 0)
            mine[word] -= 1
            removed.append((word, shared))
            inter -= shared
            score = 2.0 * inter / (total - shift)
            if score > best[0]:
                best = (score, shift, inter)
        score, shift, _ = best
        for word, shared in removed[shift:]:  # put back what the best cut keeps
            mine[word] += 1
            inter += shared
        total -= shift
        setattr(block, edge, origin + step * shift)
    block.dice = 2.0 * inter / total if total else 0.0


def _merge_neighbours(blocks: list[Block], wa: list[int], wb: list[int]) -> list[Block]:
    """Join disjoint blocks that are neighbours in both texts with a small gap, if the hull stays
    similar; a block that stands between them in either text (a moved paragraph) keeps them apart."""
    rank_b = {id(b): rank for rank, b in enumerate(sorted(blocks, key=lambda b: (b.b0, b.a0)))}
    blocks.sort(key=lambda b: (b.a0, b.b0))
    merged: list[Block] = []
    last_rank = -2
    for block in blocks:
        rank, previous_rank, last_rank = rank_b[id(block)], last_rank, rank_b[id(block)]
        if merged and rank == previous_rank + 1:  # neighbours in both texts: nothing between them
            prev = merged[-1]
            gap_a = block.a0 - prev.a1
            gap_b = block.b0 - prev.b1
            in_order = block.b0 >= prev.b0 and block.b1 >= prev.b1 and block.a1 >= prev.a1
            if (
                in_order
                and -MAX_MERGE_GAP <= gap_a <= MAX_MERGE_GAP
                and -MAX_MERGE_GAP <= gap_b <= MAX_MERGE_GAP
            ):
                a0, a1 = prev.a0, max(prev.a1, block.a1)
                b0, b1 = prev.b0, max(prev.b1, block.b1)
                score = dice(wa, wb, a0, a1, b0, b1)
                # each block with the gap it would take in must itself be shared material, so a
                # stray pair of shared words next to a passage does not stretch it
                if (
                    score >= MERGE_DICE
                    and dice_at_least(
                        MIN_DICE, wa, wb, a0, max(prev.a1, block.a0), b0, max(prev.b1, block.b0)
                    )
                    and dice_at_least(
                        MIN_DICE, wa, wb, min(prev.a1, block.a0), a1, min(prev.b1, block.b0), b1
                    )
                ):
                    merged[-1] = Block(a0, a1, b0, b1, score)
                    continue
        merged.append(block)
    return merged


class _Intervals:
    """Disjoint, non-empty half-open intervals of word positions, for overlap checks. A byte per
    word says whether an interval holds it (and which words open and close one): a check scans
    the few bytes of a block's own words, where a sorted list of 15k intervals (a million words)
    paid for every insertion in its middle."""

    def __init__(self, n_words: int) -> None:
        self.taken = bytearray(n_words)
        self.opens = bytearray(n_words)  # 1 on the first word of each interval
        self.closes = bytearray(n_words)  # 1 on the last word of each interval

    def overlap(self, lo: int, hi: int) -> tuple[int, int] | None:
        """The union bounds of stored intervals meeting [lo, hi), or None."""
        first = self.taken.find(1, lo, hi)
        if first < 0:
            return None
        last = self.taken.rfind(1, lo, hi)
        return self.opens.rfind(1, 0, first + 1), self.closes.find(1, last) + 1

    def add(self, lo: int, hi: int) -> None:
        self.taken[lo:hi] = b"\x01" * (hi - lo)
        self.opens[lo] = 1
        self.closes[hi - 1] = 1


def _clip(lo: int, hi: int, taken: tuple[int, int] | None) -> tuple[int, int]:
    """The larger free part of [lo, hi) outside `taken` (which may cover one end or the middle)."""
    if taken is None:
        return lo, hi
    t0, t1 = taken
    left = (lo, min(hi, t0))
    right = (max(lo, t1), hi)
    return left if left[1] - left[0] >= right[1] - right[0] else right


def _resolve_overlaps(blocks: list[Block], wa: list[int], wb: list[int]) -> list[Block]:
    """Each word belongs to at most one passage: stronger blocks first, weaker ones clipped or dropped."""
    taken_a, taken_b = _Intervals(len(wa)), _Intervals(len(wb))
    kept = []
    for block in sorted(blocks, key=lambda b: b.dice * b.size(), reverse=True):
        overlap_a = taken_a.overlap(block.a0, block.a1)
        overlap_b = taken_b.overlap(block.b0, block.b1)
        if overlap_a is not None or overlap_b is not None:  # (most blocks meet no stronger one)
            a0, a1 = _clip(block.a0, block.a1, overlap_a)
            b0, b1 = _clip(block.b0, block.b1, overlap_b)
            if a1 - a0 < 2 or b1 - b0 < 2 or taken_a.overlap(a0, a1) or taken_b.overlap(b0, b1):
                continue
            block = Block(a0, a1, b0, b1, dice(wa, wb, a0, a1, b0, b1))
            if block.dice < MIN_DICE:
                continue
        taken_a.add(block.a0, block.a1)
        taken_b.add(block.b0, block.b1)
        kept.append(block)
    kept.sort(key=lambda b: b.a0)
    return kept
