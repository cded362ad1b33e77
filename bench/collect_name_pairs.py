"""Candidate name pairs from SaudiNewsNet for `bench/data/name_pairs.tsv` (judged by hand there).

Names are the words `reader.facts.names` finds introduced by a title, a verb of speech or a
country list in every article; a candidate is two such words of one first sound, lengths within
three letters and a weighted distance (`spelling.distance`) of at most MAX_DISTANCE: the pairs a
spelling rule must tell apart (variants of one name, and different names that look alike).

    python bench/collect_name_pairs.py [--days N] [--limit N] > candidates.tsv
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles

from reader.facts.names import ORGANISATION, _introduced
from reader.facts.spelling import _CLASS_OF, distance, name_key
from reader.facts.words import Words

MAX_DISTANCE = 2.0
MIN_COUNT = 2


def name_words(days: int | None) -> Counter:
    counts: Counter = Counter()
    for article in articles(days):
        words = Words(article.get("content") or "")
        for first, last, kind in _introduced(words, set()):
            if kind == ORGANISATION:
                continue
            for k in range(first, last + 1):
                key = name_key(words.tokens[k].text)
                if len(key) >= 3 and key.isalpha():
                    counts[key] += 1
    return counts


def candidates(counts: Counter, min_length: int) -> list[tuple[float, str, str, int, int]]:
    frequent = sorted(w for w, n in counts.items() if n >= MIN_COUNT and len(w) >= min_length)
    by_sound: dict[int, list[str]] = {}
    for word in frequent:
        by_sound.setdefault(_CLASS_OF.get(word[0], ord(word[0])), []).append(word)
    out = []
    for group in by_sound.values():
        for i, x in enumerate(group):
            for y in group[i + 1 :]:
                if abs(len(x) - len(y)) <= 3:
                    d = distance(x, y)
                    if d <= MAX_DISTANCE:
                        out.append((d, x, y, counts[x], counts[y]))
    return sorted(out, key=lambda c: -min(c[3], c[4]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=None, help="read only the first N days")
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--min-length", type=int, default=3, help="only words this long (folded letters)")
    parser.add_argument("--counts", help="a JSON file to keep the name counts in (read when it exists)")
    args = parser.parse_args()
    if args.counts and Path(args.counts).exists():
        counts = Counter(json.loads(Path(args.counts).read_text(encoding="utf-8")))
    else:
        counts = name_words(args.days)
        if args.counts:
            Path(args.counts).write_text(json.dumps(counts, ensure_ascii=False), encoding="utf-8")
    print(f"# {len(counts)} name words", file=sys.stderr)
    for d, x, y, nx, ny in candidates(counts, args.min_length)[: args.limit]:
        print(f"{x}\t{y}\t{d:.2f}\t{nx}\t{ny}")


if __name__ == "__main__":
    main()
