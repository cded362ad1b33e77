"""compare(a, b): find shared passages wherever they stand, then diff the words inside each.

1. Both texts become token arrays with folded-key ids (`prepare`).
2. Rare word n-grams and rare words shared by both texts are clustered on a grid of positions into
   candidate blocks, independent of order, so moved paragraphs are found (`anchors`).
3. Blocks are checked by word-bag Dice, merged with neighbours, and made disjoint (`blocks`).
4. Inside each block diff-match-patch labels words same / changed / only, and letters inside short
   changes (`worddiff`); the labels become segments that tile each text (`segments`).
The work is bounded by anchoring, never by diff-match-patch's time limit.
"""

from __future__ import annotations

import bisect
import gc
import itertools
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from reader.compare.bags import Block, shared_count
from reader.compare.blocks import Pair, build_blocks
from reader.compare.edges import sentence_starts
from reader.compare.model import CompareOptions, Comparison, Passage, Stats
from reader.compare.params import AlignParams
from reader.compare.prepare import Document, Vocabulary, prepare
from reader.compare.segments import add_passage, moved_flags, tile
from reader.compare.worddiff import BlockDiff, block_differ, mark_reordered, moved_inside

SENTENCE_END_KEYS = (".", "?", "!", "؟")  # folded keys of the marks that end a sentence

# Punctuation that opens what follows: a passage may start on it (a quotation's opening mark).
OPENING_MARKS = frozenset("\"«“„‘'([{")


def compare(a: str, b: str, options: CompareOptions | None = None) -> Comparison:
    options = options or CompareOptions()
    with _no_gc_pauses():
        return _compare_canonical(a, b, options)


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """The aligner makes millions of small tuples and keeps them: the cyclic collector would walk
    them again and again (a fifth of the time on a million words) and finds no cycles to free."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compare_canonical(a: str, b: str, options: CompareOptions) -> Comparison:
    # The aligner breaks ties by order; running it on a canonical order of the pair makes the
    # result symmetric: swapping the sides in the window mirrors the view, never changes it.
    if (len(a), a) > (len(b), b):
        return _compare(b, a, options, swap=True)
    return _compare(a, b, options)


def _compare(a: str, b: str, options: CompareOptions, swap: bool = False) -> Comparison:
    """Compare a with b; with `swap`, return it seen from b's side (as `Comparison.swapped()`
    would, but numbering the passages in b's order as the segments are made)."""
    p = options.align
    vocabulary = Vocabulary(options.normalize)
    da = prepare(a, vocabulary)
    db = prepare(b, vocabulary)
    flags = bytes(vocabulary.flags)
    identical = da.ids == db.ids and bool(da.word_ids)
    sentence_ends = frozenset(vocabulary.key_ids[k] for k in SENTENCE_END_KEYS if k in vocabulary.key_ids)
    if identical:  # equal under the options: one passage, all same
        blocks = [Block(0, len(da.word_ids), 0, len(db.word_ids), 1.0, forced=True)]
    else:
        pair = Pair(da, db, vocabulary.stop_ids, flags, sentence_ends, p, options.min_passage_words)
        blocks = build_blocks(pair)

    ranges_a = _clamp(
        [_token_range(da, block.a0, block.a1) for block in blocks], [b.again == "a" for b in blocks]
    )
    ranges_b = _clamp(
        [_token_range(db, block.b0, block.b1) for block in blocks], [b.again == "b" for b in blocks]
    )
    if identical:
        ranges_a, ranges_b = [(0, len(da.ids))], [(0, len(db.ids))]
    diff_block = block_differ(da, db, flags, p)
    sentences = _Sentences(da, db, sentence_ends)
    diffs: list[BlockDiff] = []
    reordered: list[bool] = []
    reused: list[str] = []
    for block, ta, tb in zip(blocks, ranges_a, ranges_b, strict=True):
        diff = diff_block(ta, tb, len(diffs), block.reordered)
        shuffled = block.reordered
        if shuffled and _nearly_in_order(diff_block(ta, tb, len(diffs)), p):
            # found by its bags, but its words stand in order after all (a piece of a copied
            # paragraph a coarse cluster picked up): labelled as in-order text, letters marked
            diff = diff_block(ta, tb, len(diffs))
            shuffled = False
        if not (block.forced and diff.equal_words) and not _in_order_evidence(
            block, diff, options.min_passage_words, p, sentences
        ):
            if not _shuffled_enough(block, diff, da, db, options.min_passage_words, p):
                continue
            if not shuffled:
                diff = diff_block(ta, tb, len(diffs), reordered=True)
                shuffled = True
        elif not shuffled and moved_inside(diff, ta, tb, da, db, flags, options.min_passage_words):
            diff = diff_block(ta, tb, len(diffs), reordered=True)
            shuffled = True
        if shuffled:
            diff = mark_reordered(diff, da, db, len(diffs))
        diffs.append(diff)
        reordered.append(shuffled)
        reused.append(block.again)

    spans_a = [(da.starts[d.span_a[0]], da.ends[d.span_a[1] - 1]) for d in diffs]
    spans_b = [(db.starts[d.span_b[0]], db.ends[d.span_b[1] - 1]) for d in diffs]
    similarity = [2.0 * d.equal_words / max(1, d.words_a + d.words_b) for d in diffs]
    moved = moved_flags(
        [start / max(1, len(a)) for start, _ in spans_a],
        [start / max(1, len(b)) for start, _ in spans_b],
        [d.words_a + d.words_b for d in diffs],
        p,
    )
    # a side a passage shares with another (reused twice) is tiled once, by the first of them;
    # one whose shared side meets no other passage's words after all is a passage like any
    reused = [_still_shared(k, again, diffs, reused) for k, again in enumerate(reused)]
    stretches_a = [d.a for d, again in zip(diffs, reused, strict=True) if again != "a"]
    stretches_b = [d.b for d, again in zip(diffs, reused, strict=True) if again != "b"]
    order = sorted(range(len(diffs)), key=spans_b.__getitem__) if swap else list(range(len(diffs)))
    number = {old: new for new, old in enumerate(order)}
    segments_a, shared_a = tile(da, stretches_a, number if swap else None)
    segments_b, shared_b = tile(db, stretches_b, number if swap else None)
    for k, again in enumerate(reused):
        if again == "a":
            segments_a = add_passage(segments_a, spans_a[k], number[k])
        elif again == "b":
            segments_b = add_passage(segments_b, spans_b[k], number[k])
    passages = [
        Passage(spans_a[k], spans_b[k], moved[k], similarity[k], reordered[k], reused[k] or None)
        for k in range(len(diffs))
    ]
    if not swap:
        stats = Stats(shared_a, shared_b, len(passages), sum(moved))
        return Comparison(len(a), len(b), stats, tuple(passages), segments_a, segments_b)
    # Seen from b's side, passages numbered in b's order (as Comparison.swapped() numbers them),
    # each object made once, in its final form
    stats = Stats(shared_b, shared_a, len(passages), sum(moved))
    return Comparison(
        len(b), len(a), stats, tuple(passages[k].swapped() for k in order), segments_b, segments_a
    )


def _still_shared(k: int, again: str, diffs: list[BlockDiff], reused: list[str]) -> str:
    """`again` if passage k's shared side overlaps the aligned tokens of a passage that is not
    itself shared on that side, else ""."""
    if not again:
        return again
    span = diffs[k].span_a if again == "a" else diffs[k].span_b
    for other, (diff, other_again) in enumerate(zip(diffs, reused, strict=True)):
        if other == k or other_again == again:
            continue
        lo, hi = diff.span_a if again == "a" else diff.span_b
        if lo < span[1] and span[0] < hi:
            return again
    return ""


def _token_range(doc: Document, w0: int, w1: int) -> tuple[int, int]:
    """Tokens of words [w0, w1), widened over the punctuation next to them (quotes, a full stop),
    but not across a paragraph break."""
    text, starts, ends, word_tokens = doc.text, doc.starts, doc.ends, doc.word_tokens
    lo = word_tokens[w0]
    floor = word_tokens[w0 - 1] + 1 if w0 > 0 else 0
    while (
        lo > floor
        and text[starts[lo - 1] : ends[lo - 1]] in OPENING_MARKS
        and "\n" not in text[ends[lo - 1] : starts[lo]]
    ):
        lo -= 1
    hi = word_tokens[w1 - 1] + 1
    ceiling = word_tokens[w1] if w1 < len(word_tokens) else len(doc.ids)
    while hi < ceiling and "\n" not in text[ends[hi - 1] : starts[hi]]:
        hi += 1
    return lo, hi


def _shuffled_enough(
    block: Block, diff: BlockDiff, da: Document, db: Document, min_words: int, p: AlignParams
) -> bool:
    """A block whose words are shared but reordered (a sentence rewritten with its words shuffled)
    has few equal words in order, yet its word bags agree: Dice says it is reuse, if what the bags
    share is content words and not function words."""
    if not (
        block.dice >= p.shuffled_dice
        and min(diff.words_a, diff.words_b) >= min_words
        and min(block.a1 - block.a0, block.b1 - block.b0) >= 2 * min_words
    ):
        return False
    content_a = Counter(itertools.compress(da.word_ids[block.a0 : block.a1], da.content[block.a0 : block.a1]))
    content_b = Counter(itertools.compress(db.word_ids[block.b0 : block.b1], db.content[block.b0 : block.b1]))
    return shared_count(content_a, content_b) >= min_words


def _nearly_in_order(diff: BlockDiff, p: AlignParams) -> bool:
    """Most of the block's words are equal in order (close_similarity of them)."""
    return 2 * diff.equal_words >= p.close_similarity * max(1, diff.words_a + diff.words_b)


class _Sentences:
    """Where the sentences of both texts start, found only when a block needs them."""

    def __init__(self, da: Document, db: Document, sentence_ends: frozenset[int]) -> None:
        self._docs = (da, db)
        self._ends = sentence_ends
        self._starts: tuple[list[int], list[int]] | None = None

    def share(self, block: Block) -> float:
        """The smaller, over the two sides, of the share of the words of the sentences the block
        touches that the block holds."""
        if self._starts is None:
            self._starts = (
                sentence_starts(self._docs[0], self._ends),
                sentence_starts(self._docs[1], self._ends),
            )
        return min(
            _held_share(self._starts[0], block.a0, block.a1),
            _held_share(self._starts[1], block.b0, block.b1),
        )


def _held_share(starts: list[int], w0: int, w1: int) -> float:
    first = starts[max(0, bisect.bisect_right(starts, w0) - 1)]
    k = bisect.bisect_left(starts, w1)
    last = starts[k] if k < len(starts) else w1
    return (w1 - w0) / max(1, last - first)


def _in_order_evidence(
    block: Block, diff: BlockDiff, min_words: int, p: AlignParams, sentences: _Sentences
) -> bool:
    """A passage shares a run of at least `min_words` equal words in order, nearly all of its
    shared words content words (function words and punctuation match everywhere and never make a
    passage on their own); or nearly all its words are equal in order; or it is long, and still
    alike as word bags, with only shorter runs (a paragraph reworded all through). Stock phrases
    that reports of one kind share (`المتحدث الرسمي ... غرفة العمليات`) hold runs of two to four
    words: measured on SaudiNewsNet, no such match held one of five."""
    if min(diff.words_a, diff.words_b) < min_words or diff.equal_content_words < max(1, min_words - 1):
        return False
    if diff.longest_equal >= min_words:
        return True
    # a sentence with a word or two changed (`37 طائرة` / `37 مروحية`) is nearly all equal; a
    # stock phrase (`صاحب السمو الملكي الأمير ... بن`) is nearly all equal too, but only a piece
    # of the differing sentences around it
    close = 2 * diff.equal_words >= p.close_similarity * (diff.words_a + diff.words_b)
    if close and sentences.share(block) >= p.close_sentences:
        return True
    return min(diff.words_a, diff.words_b) >= p.long_passage and block.dice >= p.long_dice


def _clamp(ranges: list[tuple[int, int]], again: list[bool]) -> list[tuple[int, int]]:
    """Widening over punctuation can make neighbours share tokens: the earlier block keeps them.
    A block whose side repeats another passage's (`again`) overlaps it by design and is left be."""
    out = list(ranges)
    previous_hi = 0
    for k in sorted(range(len(out)), key=lambda k: out[k][0]):
        if again[k]:
            continue
        lo, hi = out[k]
        lo = max(lo, previous_hi)
        out[k] = (lo, max(lo, hi))
        previous_hi = out[k][1]
    return out
