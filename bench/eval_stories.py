"""Quality of the story grouping on SaudiNewsNet: recall of real reuse, and no chaining.

    python bench/eval_stories.py [--library PATH]

The corpus (read from ../shared/corpora/saudinewsnet, never copied) is imported into a temporary
library unless --library names one that holds it. The truth is built from the texts alone, not
from the reuse index:

- recall: pairs of articles that share at least 3 sentences word for word (after the spelling
  folds; sentences of 10+ words; sentences found in more than 50 articles are boilerplate and do
  not count) must be in one story. Printed for all such pairs and for those published within the
  stories' span (3 days), since a story by definition does not gather reports a week apart.
- chaining: pairs of reports inside one story that are unrelated: they share no such sentence and
  almost none of their rare words (words in at most 0.5% of the articles: names, places, figures;
  Jaccard < 0.1). Honorific titles, datelines, sign-offs and the wording of template cables are
  common words, so reports joined only by those count as unrelated. Printed: the share of
  within-story pairs that are unrelated, the stories holding one, and the largest story.

Both are printed for the grouping as shipped and for single linkage (connected components of the
same links), to show what the density rule buys.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date as Date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_folder

from reader.library import open_library
from reader.library.search import words_of
from reader.stories import stories_of
from reader.stories.grouping import GROUPING
from reader.text.normalize import fold_text, fold_word
from reader.text.sentences import sentences
from reader.text.stopwords import stopword_keys

MIN_SENTENCE_WORDS = 10
MIN_SHARED_SENTENCES = 3
BOILERPLATE_ARTICLES = 50
RARE_SHARE = 0.005
UNRELATED_JACCARD = 0.1


def open_corpus_library(path: Path | None):
    if path is not None and path.exists():
        return open_library(path, seed_if_empty=False)
    work = Path(tempfile.mkdtemp(prefix="qarin-eval-stories-"))
    library = open_library(work / "library.sqlite3", seed_if_empty=False)
    started = time.perf_counter()
    report = library.import_paths(sorted(corpus_folder().glob("*.zip")))
    print(f"imported {len(report.imported)} articles in {time.perf_counter() - started:.0f} s ({work})")
    return library


def truth(library) -> tuple[set[tuple[int, int]], dict[int, frozenset[str]], dict[int, set[str]]]:
    """(pairs sharing >= 3 non-boilerplate sentences, each article's such sentences, rare words)."""
    summaries = library.summaries()
    sentence_sets: dict[int, frozenset[str]] = {}
    word_sets: dict[int, set[str]] = {}
    holders: dict[str, list[int]] = defaultdict(list)
    word_df: Counter[str] = Counter()
    stop = stopword_keys()
    for summary in summaries:
        text = library.text(summary.id)
        keys = set()
        for sentence in sentences(text):
            folded = " ".join(fold_text(sentence.text_of(text)).split())
            if len(folded.split()) >= MIN_SENTENCE_WORDS:
                keys.add(folded)
        sentence_sets[summary.id] = frozenset(keys)
        for key in keys:
            holders[key].append(summary.id)
        words = {fold_word(w) for w in words_of(text)} - stop
        word_sets[summary.id] = words
        word_df.update(words)
    rare_limit = RARE_SHARE * len(summaries)
    rare = {i: {w for w in ws if word_df[w] <= rare_limit and not w.isdigit()} for i, ws in word_sets.items()}
    boiler = {key for key, ids in holders.items() if len(ids) > BOILERPLATE_ARTICLES}
    shared: Counter[tuple[int, int]] = Counter()
    for key, ids in holders.items():
        if key in boiler or len(ids) < 2:
            continue
        for pair in itertools.combinations(sorted(set(ids)), 2):
            shared[pair] += 1
    pairs = {pair for pair, count in shared.items() if count >= MIN_SHARED_SENTENCES}
    sentence_sets = {i: keys - boiler for i, keys in sentence_sets.items()}
    return pairs, sentence_sets, rare


def _day(summary) -> Date | None:
    return Date.fromisoformat(summary.date) if summary.date else None


def score(stories, pairs, sentence_sets, rare, days) -> dict[str, float]:
    story_of = {article: number for number, story in enumerate(stories) for article in story.article_ids}
    found = sum(1 for a, b in pairs if a in story_of and story_of[a] == story_of.get(b))
    near = [
        (a, b)
        for a, b in pairs
        if days[a] and days[b] and abs((days[a] - days[b]).days) <= GROUPING.max_span_days
    ]
    found_near = sum(1 for a, b in near if a in story_of and story_of[a] == story_of.get(b))
    inside = unrelated = 0
    chained_stories = 0
    for story in stories:
        chained = False
        for a, b in itertools.combinations(story.article_ids, 2):
            inside += 1
            if sentence_sets[a] & sentence_sets[b]:
                continue
            union = rare[a] | rare[b]
            if not union or len(rare[a] & rare[b]) / len(union) < UNRELATED_JACCARD:
                unrelated += 1
                chained = True
        chained_stories += chained
    return {
        "stories": len(stories),
        "articles in stories": sum(s.reports for s in stories),
        "largest story": max((s.reports for s in stories), default=0),
        "recall (all pairs)": found / max(1, len(pairs)),
        "recall (within 3 days)": found_near / max(1, len(near)),
        "unrelated pairs inside stories": unrelated / max(1, inside),
        "stories holding an unrelated pair": chained_stories / max(1, len(stories)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, help="a library holding the corpus (default: import it)")
    args = parser.parse_args()
    library = open_corpus_library(args.library)
    started = time.perf_counter()
    pairs, sentence_sets, rare = truth(library)
    days = {s.id: _day(s) for s in library.summaries()}
    print(
        f"truth: {len(pairs)} pairs share >= {MIN_SHARED_SENTENCES} sentences verbatim"
        f" ({time.perf_counter() - started:.0f} s)"
    )
    rows = {}
    variants = [
        ("as shipped", GROUPING),
        ("single linkage", replace(GROUPING, min_density=0.0)),
        ("no template rule", replace(GROUPING, recurring_days=10**6)),
    ]
    for name, settings in variants:
        started = time.perf_counter()
        stories = stories_of(library, settings=settings)
        elapsed = time.perf_counter() - started
        rows[name] = score(stories, pairs, sentence_sets, rare, days) | {"grouping s": elapsed}
    names = list(rows)
    print(f"{'':34}" + "".join(f"{name:>18}" for name in names))
    for key in rows[names[0]]:
        cells = "".join(
            f"{rows[n][key]:>18.3f}" if isinstance(rows[n][key], float) else f"{rows[n][key]:>18}"
            for n in names
        )
        print(f"{key:34}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
