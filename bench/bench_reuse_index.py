"""The reuse index as shipped against MinHash + LSH, on the SaudiNewsNet articles.

    python bench/bench_reuse_index.py [--articles N]

Both read the same folded word 5-grams of each article (reader/text/shingles.py). Shipped: the
winnowed fingerprints in an inverted index (here in memory, as the SQLite postings are), pairs
counted exactly, boilerplate (fingerprints in > 50 articles) left out. MinHash + LSH: datasketch's
MinHash (128 permutations) over all 5-grams, MinHashLSH at a Jaccard threshold of 0.5 (datasketch
is not a Qarin dependency: `pip install datasketch` to run that half).

The truth: pairs whose exact 5-gram sets overlap by at least half of the smaller one (containment
>= 0.5: one reprints the other), split into near copies (Jaccard >= 0.5) and reprints inside a
longer report (Jaccard < 0.5). Printed per method: build time per article, query time (median),
recall of each kind, and how many candidate pairs it returns.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles

from reader.library.search import words_of
from reader.text.shingles import fingerprints, shingle_hashes

CAP = 50


def truth(shingles: list[set[int]]) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    holders: dict[int, list[int]] = defaultdict(list)
    for number, values in enumerate(shingles):
        for value in values:
            holders[value].append(number)
    shared: Counter[tuple[int, int]] = Counter()
    for ids in holders.values():
        if 2 <= len(ids) <= CAP:
            for k, first in enumerate(ids):
                for second in ids[k + 1 :]:
                    shared[first, second] += 1
    near, inside = set(), set()
    for (a, b), count in shared.items():
        small = min(len(shingles[a]), len(shingles[b]))
        if small and count / small >= 0.5:
            jaccard = count / (len(shingles[a]) + len(shingles[b]) - count)
            (near if jaccard >= 0.5 else inside).add((a, b))
    return near, inside


def shipped(words: list[list[str]]) -> tuple[float, float, set[tuple[int, int]]]:
    started = time.perf_counter()
    prints = [fingerprints(w) for w in words]
    index: dict[int, list[int]] = defaultdict(list)
    for number, values in enumerate(prints):
        for value in values:
            index[value].append(number)
    build = (time.perf_counter() - started) / len(words)
    found: set[tuple[int, int]] = set()
    times = []
    for number, values in enumerate(prints):
        begun = time.perf_counter()
        counts: Counter[int] = Counter()
        for value in values:
            holders = index[value]
            if len(holders) <= CAP:
                counts.update(holders)
        times.append(time.perf_counter() - begun)
        for other, count in counts.items():
            if other != number and count >= 2:
                found.add((min(number, other), max(number, other)))
    return build, statistics.median(times), found


def minhash_lsh(shingles: list[set[int]]) -> tuple[float, float, set[tuple[int, int]]] | None:
    try:
        from datasketch import MinHash, MinHashLSH  # optional: this comparison only
    except ImportError:
        return None
    started = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    hashes = []
    for number, values in enumerate(shingles):
        minhash = MinHash(num_perm=128)
        minhash.update_batch([value.to_bytes(8, "little", signed=True) for value in values])
        hashes.append(minhash)
        lsh.insert(str(number), minhash)
    build = (time.perf_counter() - started) / len(shingles)
    found: set[tuple[int, int]] = set()
    times = []
    for number, minhash in enumerate(hashes):
        begun = time.perf_counter()
        result = lsh.query(minhash)
        times.append(time.perf_counter() - begun)
        for key in result:
            other = int(key)
            if other != number:
                found.add((min(number, other), max(number, other)))
    return build, statistics.median(times), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=0, help="the first N articles (default: all)")
    args = parser.parse_args()
    texts = [a.get("content") or "" for a in articles()]
    texts = [t for t in texts if t.strip()][: args.articles or None]
    words = [words_of(t) for t in texts]
    shingles = [set(shingle_hashes(w)) for w in words]
    near, inside = truth(shingles)
    print(f"{len(texts)} articles; truth: {len(near)} near copies, {len(inside)} reprints in a longer report")
    rows = {"inverted index (shipped)": shipped(words), "MinHash + LSH (0.5)": minhash_lsh(shingles)}
    for name, row in rows.items():
        if row is None:
            print(f"{name}: datasketch not installed (pip install datasketch)")
            continue
        build, query, found = row
        print(
            f"{name:26} build {build * 1000:6.2f} ms/article  query {query * 1000:6.2f} ms median"
            f"  recall near copies {len(near & found) / max(1, len(near)):.3f}"
            f"  reprints inside {len(inside & found) / max(1, len(inside)):.3f}  candidates {len(found)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
