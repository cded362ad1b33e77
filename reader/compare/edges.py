"""Where a block's edges belong: grown over equal words, snapped to paragraph edges, tightened to
where Dice is highest, cut back at paragraph breaks it overreaches, grown to sentence edges."""

from __future__ import annotations

import bisect
import re

from reader.compare import _bags
from reader.compare.anchors import Candidate
from reader.compare.bags import Block, bag, dice, dice_at_least, shared_share
from reader.compare.params import AlignParams
from reader.compare.prepare import KEY_LIMIT, Document, key_char


def extend(block: Block, wa: list[int], wb: list[int]) -> Block:
    """Grow the block over exactly matching words on either end (anchors skip function words)."""
    a0, a1, b0, b1 = block.a0, block.a1, block.b0, block.b1
    while a0 > 0 and b0 > 0 and wa[a0 - 1] == wb[b0 - 1]:
        a0 -= 1
        b0 -= 1
    while a1 < len(wa) and b1 < len(wb) and wa[a1] == wb[b1]:
        a1 += 1
        b1 += 1
    return Block(a0, a1, b0, b1)


def solid_edges(c: Candidate, p: AlignParams) -> bool:
    """A chain that starts and ends on exact runs of several words: no stray edge to cut."""
    if not c.exact:
        return False
    if min(c.anchors)[2] < p.solid_edge:  # the first run
        return False
    return max(c.anchors, key=_run_end)[2] >= p.solid_edge  # the run that reaches furthest in A


def _run_end(run: tuple[int, int, int, bool]) -> int:
    return run[0] + run[2]


def newline_after(doc: Document, w: int) -> bool:
    """True when a paragraph ends after word w (a newline before the next word, or the text ends)."""
    return w >= len(doc.word_ids) - 1 or doc.paragraph_end_at_or_after(w) == w


def _words_to_paragraph_end(doc: Document, w1: int) -> int | None:
    """How many words from w1 on belong to the paragraph of word w1 - 1."""
    n_words = len(doc.word_ids)
    if w1 <= 0 or not n_words:
        return None
    ends = doc.paragraph_ends
    w = w1 - 1 if w1 <= n_words else n_words - 1
    return ends[bisect.bisect_left(ends, w)] - (w1 - 1)


def _words_from_paragraph_start(doc: Document, w0: int) -> int | None:
    """How many words before w0 belong to the paragraph of word w0."""
    if w0 >= len(doc.word_ids):
        return None
    ends = doc.paragraph_ends
    k = bisect.bisect_left(ends, w0) - 1
    return w0 - (ends[k] + 1 if k >= 0 else 0)


def snap_to_paragraphs(block: Block, da: Document, db: Document, p: AlignParams) -> Block:
    """A block that stops a few words short of a paragraph edge on both sides takes those words in:
    a copied paragraph reworded at its end is still one passage to its end. Further from the edge
    (up to snap_anchored words) it does so when both paragraphs open (or close) on the same word, or
    the two leftover stretches still share words: a paragraph whose first clause or last sentence was
    rewritten is still the same paragraph."""
    wa, wb = da.word_ids, db.word_ids
    a0, a1, b0, b1 = block.a0, block.a1, block.b0, block.b1
    tail_a = _words_to_paragraph_end(da, a1)
    tail_b = _words_to_paragraph_end(db, b1)
    if tail_a is not None and tail_b is not None:
        reach = max(tail_a, tail_b)
        if reach <= p.snap_words or (
            reach <= p.snap_anchored
            and tail_a
            and tail_b
            and _alike(wa, wb, a1 + tail_a - 1, b1 + tail_b - 1, a1, a1 + tail_a, b1, b1 + tail_b, p)
        ):
            block.a1 = a1 + tail_a
            block.b1 = b1 + tail_b
    head_a = _words_from_paragraph_start(da, a0)
    head_b = _words_from_paragraph_start(db, b0)
    if head_a is not None and head_b is not None:
        reach = max(head_a, head_b)
        if reach <= p.snap_words or (
            reach <= p.snap_anchored
            and head_a
            and head_b
            and _alike(wa, wb, a0 - head_a, b0 - head_b, a0 - head_a, a0, b0 - head_b, b0, p)
        ):
            block.a0 = a0 - head_a
            block.b0 = b0 - head_b
    return block


def _alike(
    wa: list[int], wb: list[int], edge_a: int, edge_b: int, a0: int, a1: int, b0: int, b1: int, p: AlignParams
) -> bool:
    """Leftover stretches [a0, a1) and [b0, b1) that end (or open) on one word, or still share words
    (the edge words first: they settle most cases without counting word bags)."""
    return wa[edge_a] == wb[edge_b] or dice_at_least(p.tail_dice, wa, wb, a0, a1, b0, b1)


def restore_snapped(block: Block, snapped: Block, da: Document, db: Document) -> Block:
    """An edge that reached a paragraph edge on both sides keeps it: a reworded last sentence is
    still part of the copied paragraph."""
    out = Block(block.a0, block.a1, block.b0, block.b1)
    if newline_after(da, snapped.a1 - 1) and newline_after(db, snapped.b1 - 1):
        out.a1, out.b1 = snapped.a1, snapped.b1
    at_start_a = snapped.a0 == 0 or newline_after(da, snapped.a0 - 1)
    if at_start_a and (snapped.b0 == 0 or newline_after(db, snapped.b0 - 1)):
        out.a0, out.b0 = snapped.a0, snapped.b0
    return out


def tighten(block: Block, wa: list[int], wb: list[int], p: AlignParams) -> None:
    """Move each edge inward (up to edge_search words) to where Dice is highest: a stray shared
    word at a cluster's edge (a name both texts use elsewhere) is not part of the passage. The
    edges a0, a1, b0, b1 in turn, each seeing the word bags as the edges before it left them
    (counted in C)."""
    block.a0, block.a1, block.b0, block.b1, block.dice = _bags.tighten(
        wa, wb, block.a0, block.a1, block.b0, block.b1, p.edge_search
    )


def trim_overreach(block: Block, da: Document, db: Document, p: AlignParams) -> Block:
    """A block that runs over a paragraph break on both sides keeps what lies beyond it only if that
    part is itself alike: a chain may reach over the break to a stock phrase (`تهدف إلى تعزيز`)
    the next paragraphs happen to share. The two breaks need not be the same paragraph's: a stray
    edge word may leave one side reaching back into the paragraph before. So the part beyond them
    is cut from both sides or from one, whichever leaves the block most alike."""
    wa, wb = da.word_ids, db.word_ids
    original = block
    end_a = last_break_inside(da, block.a0, block.a1)
    end_b = last_break_inside(db, block.b0, block.b1) if end_a is not None else None
    if end_a is not None and end_b is not None:
        if not dice_at_least(p.merge_dice, wa, wb, end_a + 1, block.a1, end_b + 1, block.b1):
            block = _most_alike(
                [
                    Block(block.a0, end_a + 1, block.b0, end_b + 1),
                    Block(block.a0, end_a + 1, block.b0, block.b1),
                    Block(block.a0, block.a1, block.b0, end_b + 1),
                ],
                wa,
                wb,
            )
    start_a = first_break_inside(da, block.a0, block.a1)
    start_b = first_break_inside(db, block.b0, block.b1) if start_a is not None else None
    if start_a is not None and start_b is not None:
        if not dice_at_least(p.merge_dice, wa, wb, block.a0, start_a + 1, block.b0, start_b + 1):
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
        block = _trim_unshared_paragraphs(block, da, db, p)
    if block is not original:
        block.dice = dice(wa, wb, block.a0, block.a1, block.b0, block.b1)
    return block


def _trim_unshared_paragraphs(block: Block, da: Document, db: Document, p: AlignParams) -> Block:
    """A first or last paragraph of a block (on one side) whose words are hardly in the other side
    at all is not part of it: a headline or a one-line paragraph the tightening could not step over."""
    wa, wb = da.word_ids, db.word_ids
    limit = p.unshared_paragraph
    for _ in range(2):
        a0, a1, b0, b1 = block.a0, block.a1, block.b0, block.b1
        cut = first_break_inside(da, a0, a1)
        if cut is not None and shared_share(wa, a0, cut + 1, wb, b0, b1) < limit:
            block = Block(cut + 1, a1, b0, b1)
            continue
        cut = first_break_inside(db, b0, b1)
        if cut is not None and shared_share(wb, b0, cut + 1, wa, a0, a1) < limit:
            block = Block(a0, a1, cut + 1, b1)
            continue
        cut = last_break_inside(da, a0, a1)
        if cut is not None and shared_share(wa, cut + 1, a1, wb, b0, b1) < limit:
            block = Block(a0, cut + 1, b0, b1)
            continue
        cut = last_break_inside(db, b0, b1)
        if cut is not None and shared_share(wb, cut + 1, b1, wa, a0, a1) < limit:
            block = Block(a0, a1, b0, cut + 1)
            continue
        break
    return block


def _most_alike(choices: list[Block], wa: list[int], wb: list[int]) -> Block:
    """The choice with the highest Dice; the first one (cutting both sides) on a tie."""
    scores = [dice(wa, wb, c.a0, c.a1, c.b0, c.b1) for c in choices]
    return choices[scores.index(max(scores))]


def last_break_inside(doc: Document, w0: int, w1: int) -> int | None:
    """The last word before a paragraph break strictly inside words [w0, w1), if any."""
    k = bisect.bisect_left(doc.paragraph_ends, w1 - 1) - 1
    return doc.paragraph_ends[k] if k >= 0 and doc.paragraph_ends[k] >= w0 else None


def first_break_inside(doc: Document, w0: int, w1: int) -> int | None:
    k = bisect.bisect_left(doc.paragraph_ends, w0)
    return doc.paragraph_ends[k] if k < len(doc.paragraph_ends) and doc.paragraph_ends[k] < w1 - 1 else None


def sentence_starts(doc: Document, sentence_ends: frozenset[int] | set[int]) -> list[int]:
    """Sorted word indices that start a sentence (after . ? ! or a paragraph break), and the
    number of words (where the last sentence ends)."""
    starts = {0, len(doc.word_ids)}
    starts.update(end + 1 for end in doc.paragraph_ends)
    words_before = doc.words_before
    if sentence_ends and max(sentence_ends) < KEY_LIMIT:
        # the marks found in key_text (a code point per token) by a regex: C speed on 1M tokens
        marks = "".join(re.escape(key_char(token_id)) for token_id in sentence_ends)
        starts.update(words_before[m.end()] for m in re.finditer(f"[{marks}]", doc.key_text))
    elif sentence_ends:  # a mark first seen after a million distinct words shares its code point
        ends = frozenset(sentence_ends)
        starts.update(words_before[k + 1] for k, token_id in enumerate(doc.ids) if token_id in ends)
    return sorted(w for w in starts if w <= len(doc.word_ids))


def grow_to_sentences(
    block: Block, starts_a: list[int], starts_b: list[int], wa: list[int], wb: list[int], p: AlignParams
) -> Block:
    """Grow a block's edges out to the edges of the sentences they cut, when that makes it more
    alike: a shuffled sentence is anchored by its rare words only, which need not be its first
    and last, and its other words (shared, only elsewhere in the sentence) are then left out."""
    if block.solid:
        return block
    reach = p.sentence_reach
    a0 = _sentence_start(starts_a, block.a0, reach)
    a1 = _sentence_end(starts_a, block.a1, reach)
    b0 = _sentence_start(starts_b, block.b0, reach)
    b1 = _sentence_end(starts_b, block.b1, reach)
    if (a0, a1, b0, b1) == (block.a0, block.a1, block.b0, block.b1):
        return block
    grown = dice(wa, wb, a0, a1, b0, b1)
    if grown <= block.dice:
        return block
    return Block(a0, a1, b0, b1, grown)


def _sentence_start(starts: list[int], w0: int, reach: int) -> int:
    start = starts[bisect.bisect_right(starts, w0) - 1]
    return start if w0 - start <= reach else w0


def _sentence_end(starts: list[int], w1: int, reach: int) -> int:
    k = bisect.bisect_left(starts, w1)
    end = starts[k] if k < len(starts) else w1
    return end if end - w1 <= reach else w1


def fit_bags(
    block: Block, wa: list[int], wb: list[int], stop_flags: bytes, p: AlignParams, rounds: int = 3
) -> Block:
    """The edges of a block whose words were reordered moved, in or out, to where its two word
    bags agree best: each side in turn becomes the stretch near its present one with the most
    words the other side's bag holds, less the words it does not (a maximum subarray), until
    neither moves. A coarse cluster's box is bounded by rare words only; this finds the edges.
    Function words and punctuation count for nothing: they are in every bag, so the text beside a
    passage would lend them and take the copies its own words need."""
    a0, a1, b0, b1 = block.a0, block.a1, block.b0, block.b1
    for _ in range(rounds):
        new_a = _best_range(wa, a0, a1, bag(wb[b0:b1]), stop_flags, p)
        new_b = _best_range(wb, b0, b1, bag(wa[new_a[0] : new_a[1]]), stop_flags, p)
        if new_a == (a0, a1) and new_b == (b0, b1):
            break
        (a0, a1), (b0, b1) = new_a, new_b
    return Block(a0, a1, b0, b1, dice(wa, wb, a0, a1, b0, b1), reordered=True)


def _best_range(
    words: list[int], lo: int, hi: int, other: dict[int, int], stop_flags: bytes, p: AlignParams
) -> tuple[int, int]:
    margin = max(p.edge_search, (hi - lo) // 4)
    start, stop = max(0, lo - margin), min(len(words), hi + margin)
    available = dict(other)
    best, best_lo, best_hi = 0, lo, hi
    running, running_lo = 0, start
    taken: list[int] = []  # the copies the current stretch holds, given back when it is dropped
    for x in range(start, stop):
        word = words[x]
        if stop_flags[word]:
            continue
        if available.get(word, 0) > 0:
            available[word] -= 1
            taken.append(word)
            running += 1
        else:
            running -= 1
        if running <= 0:
            for held in taken:
                available[held] += 1
            taken.clear()
            running, running_lo = 0, x + 1
        elif running > best:
            best, best_lo, best_hi = running, running_lo, x + 1
    return (best_lo, best_hi) if best > 0 else (lo, hi)
