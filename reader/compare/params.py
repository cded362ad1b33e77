"""Every tuning constant of the aligner, in one frozen object the evaluation can sweep.

Distances are in words (punctuation left out); shares and Dice scores are 0..1. The defaults were
measured with `bench/eval_real.py` on real news (SaudiNewsNet) and the seed set of
`bench/eval_engine.py`; `bench/eval_real.py --set NAME=VALUE` runs it with one changed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AlignParams:
    # --- seeds and exact runs (anchors.py, _runs.c)
    ngram: int = 3  # word n-grams unique to both texts seed exact runs
    max_rare_count: int = 3  # a "rare word" occurs at most this often in each text
    sparse_seeds: int = 50  # fewer unique seeds than one per this many words: the text repeats itself
    chain_gap: int = 24  # words of edits two exact runs of one passage may have between them
    chain_slack: int = 2  # runs of one chain may overlap this much (a repeated word at the seam)
    solid_chain: int = 8  # words of exact runs that make a chain certain
    protected_run: int = 8  # an exact run this long, unique to both texts, is never split or lost
    hull_loss: float = 0.05  # ...a block takes such a run in when its Dice drops no more than this
    # --- order-free clusters of rare words (anchors.py)
    grid: int = 24  # finest cell, in words (~24 keeps a shuffled sentence whole)
    grid_levels: int = 7  # coarser grids, each twice as wide, for long reordered passages
    coarse_density: float = 0.08  # anchors per word of cell side a coarse cell needs
    split_gap: int = 8  # a cluster is cut where no anchor covers this many words of one text
    # --- checking blocks (blocks.py)
    min_dice: float = 0.4  # a block shares at least this much of its words (word bags)
    merge_dice: float = 0.6  # neighbours merge when their hull keeps this much
    max_merge_gap: int = 40  # words of unrelated text two pieces of one passage may have between them
    snap_words: int = 4  # a block this close to a paragraph edge on both sides extends to it
    snap_anchored: int = 16  # ...this close when both paragraphs share their edge word
    tail_dice: float = 0.3  # leftover paragraph ends this alike are a rewording, not other text
    edge_search: int = 10  # edges move up to this many words to maximise Dice
    solid_edge: int = 3  # words of exact run at each end of a chain that need no edge search
    sentence_reach: int = 24  # words an edge may move out to reach the edge of its sentence
    unshared_paragraph: float = 0.25  # a block's end paragraph sharing less of its words is cut
    shuffled_dice: float = 0.7  # word-bag agreement that makes a reordered block a passage
    # an in-order passage holds a run of min_passage_words equal words, or has this share of its
    # words equal, or is long_passage words long with long_dice word-bag agreement
    close_similarity: float = 0.75
    close_sentences: float = 0.75  # ...and holds this share of the sentences it touches, both sides
    long_passage: int = 30
    long_dice: float = 0.5
    reordered_dice: float = 0.6  # pieces reordered inside one paragraph are one passage at this Dice
    # --- labelling words inside a passage (worddiff.py, blockdiff.c)
    max_char_diff_tokens: int = 4  # longer rewordings are marked whole, a letter diff there is noise
    min_spelling_overlap: float = 0.6  # letters two spellings of one word share
    min_only_words: int = 4  # an insertion this long inside a passage is its own `only` stretch
    # past this many cells (tokens x tokens) a block's word diff is cut at anchors unique to both
    # sides, and a piece with none is marked changed whole: every block is diffed in bounded time
    max_diff_cells: float = 4e6
    # --- moves (segments.py)
    move_shift: float = 0.25  # a passage whose place shifts this much more than the rest has moved


DEFAULT_PARAMS = AlignParams()
