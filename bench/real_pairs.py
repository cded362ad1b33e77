"""Real cross-outlet pairs from SaudiNewsNet, and what an aligner must find in them.

- *Sharing pairs*: articles of two different outlets that share folded word 5-grams (5-grams found
  in more than BOILERPLATE_ARTICLES articles, such as sign-offs and honorific titles, do not count).
- *Paired coverage*: for every maximal run of >= RUN_WORDS identical folded words two articles
  share, the characters of the run, on both sides, that lie in ONE common passage. A run repeated
  in a text counts once; any of its copies may pair it.
- *Unrelated pairs*: two outlets' articles of one day on a common topic (many shared content words)
  with no shared 5-gram at all: any passage of >= RUN_WORDS words found there is false.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from snn import Article, shingles

from reader.text.stopwords import stopword_keys

SHINGLE = 5
RUN_WORDS = 8
BOILERPLATE_ARTICLES = 30


@dataclass(frozen=True)
class Run:
    """Words [i, i+length) of A equal words [j, j+length) of B, maximal on its diagonal."""

    i: int
    j: int
    length: int


def shared_runs(keys_a: Sequence[str], keys_b: Sequence[str], min_words: int = RUN_WORDS) -> list[Run]:
    """Every maximal diagonal run of >= min_words equal keys (all copies of repeated text)."""
    at_b: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in range(len(keys_b) - min_words + 1):
        at_b[tuple(keys_b[j : j + min_words])].append(j)
    hits: dict[int, list[int]] = defaultdict(list)  # diagonal j - i -> starts i
    for i in range(len(keys_a) - min_words + 1):
        for j in at_b.get(tuple(keys_a[i : i + min_words]), ()):
            hits[j - i].append(i)
    runs = []
    for diagonal, starts in hits.items():
        first = previous = starts[0]
        for i in starts[1:] + [None]:
            if i is not None and i == previous + 1:
                previous = i
                continue
            runs.append(Run(first, first + diagonal, previous - first + min_words))
            if i is not None:
                first = previous = i
    return runs


def paired_coverage(
    a: Article, b: Article, runs: list[Run], passages: Sequence[tuple[tuple[int, int], tuple[int, int]]]
) -> tuple[int, int, list[Run]]:
    """(characters paired, characters in runs, runs not wholly paired). `passages`: (a span, b span)
    in characters. A run's words may occur more than once in a text: any copy in A and any copy in
    B lying in one common passage pair it (the best pairing counts), and runs with the same words
    count once."""
    seen: set[tuple[str, ...]] = set()
    paired = total = 0
    missed = []
    for run in sorted(runs, key=lambda r: -r.length):
        words = tuple(a.keys[run.i : run.i + run.length])
        if words in seen:
            continue
        seen.add(words)
        copies_a = [_span(a, k, run.length) for k in _occurrences(a.keys, words)]
        copies_b = [_span(b, k, run.length) for k in _occurrences(b.keys, words)]
        size = (copies_a[0][1] - copies_a[0][0]) + (copies_b[0][1] - copies_b[0][0])
        best = 0
        for span_a in copies_a:
            for span_b in copies_b:
                inside = max((_inside(span_a, pa) + _inside(span_b, pb) for pa, pb in passages), default=0)
                best = max(best, inside * size // ((span_a[1] - span_a[0]) + (span_b[1] - span_b[0])))
        paired += min(best, size)
        total += size
        if best < size:
            missed.append(run)
    return paired, total, missed


def _occurrences(keys: Sequence[str], words: tuple[str, ...]) -> list[int]:
    first, n = words[0], len(words)
    return [k for k in range(len(keys) - n + 1) if keys[k] == first and tuple(keys[k : k + n]) == words]


def _span(article: Article, k: int, n: int) -> tuple[int, int]:
    return article.words[k][0], article.words[k + n - 1][1]


def _inside(span: tuple[int, int], outer: tuple[int, int]) -> int:
    return max(0, min(span[1], outer[1]) - max(span[0], outer[0]))


def shingle_index(items: Sequence[Article]) -> tuple[list[set[int]], dict[int, list[int]]]:
    """Each article's 5-gram set, and 5-gram -> articles holding it (boilerplate left out)."""
    sets = [set(shingles(article.keys, SHINGLE)) for article in items]
    index: dict[int, list[int]] = defaultdict(list)
    for k, grams in enumerate(sets):
        for gram in grams:
            index[gram].append(k)
    return sets, {gram: ks for gram, ks in index.items() if len(ks) <= BOILERPLATE_ARTICLES}


def sharing_pairs(items: Sequence[Article], index: dict[int, list[int]]) -> dict[tuple[int, int], int]:
    """(k, l) with k < l of different outlets -> number of shared (non-boilerplate) 5-grams."""
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for holders in index.values():
        for x in range(len(holders)):
            for y in range(x + 1, len(holders)):
                k, m = holders[x], holders[y]
                if items[k].source != items[m].source:
                    counts[(k, m)] += 1
    return counts


def sample_sharing_pairs(
    items: Sequence[Article], counts: dict[tuple[int, int], int], n: int, rng: random.Random
) -> list[tuple[int, int]]:
    """n pairs that share at least one run of RUN_WORDS words, half with little shared text (a
    quote or a sentence) and half with much (reprints), so both kinds weigh in."""
    keys = sorted(counts)
    rng.shuffle(keys)
    few, many = [], []
    for k, m in keys:
        if len(few) >= n // 2 and len(many) >= n - n // 2:
            break
        shared = counts[(k, m)]
        bucket = few if shared < 40 else many
        if len(bucket) >= (n // 2 if bucket is few else n - n // 2):
            continue
        if shared_runs(items[k].keys, items[m].keys):
            bucket.append((k, m))
    return few + many


def unrelated_pairs(
    items: Sequence[Article], sets: list[set[int]], n: int, rng: random.Random
) -> list[tuple[int, int]]:
    """n same-day pairs of two outlets with no shared 5-gram, the most alike in content words of
    the random candidates drawn (hard negatives: one topic, no reuse)."""
    stop = stopword_keys()
    by_day: dict[str, list[int]] = defaultdict(list)
    for k, article in enumerate(items):
        by_day[article.key.split("#")[0]].append(k)
    content = {}
    scored = []
    days = sorted(by_day)
    for _ in range(n * 60):
        day = rng.choice(days)
        k, m = rng.sample(by_day[day], 2)
        if items[k].source == items[m].source or sets[k] & sets[m]:
            continue
        for x in (k, m):
            if x not in content:
                content[x] = {w for w in items[x].keys if w not in stop and len(w) > 2}
        overlap = len(content[k] & content[m]) / max(1, min(len(content[k]), len(content[m])))
        scored.append((overlap, min(k, m), max(k, m)))
    scored = sorted(set(scored), reverse=True)
    return [(k, m) for _, k, m in scored[:n]]
