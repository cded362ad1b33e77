"""The engine on real news: SaudiNewsNet (read from ../shared/corpora/saudinewsnet/, never copied).

    python bench/eval_real.py [--seed 7] [--per-kind 30] [--pairs 300] [--worst 5] [--kinds a,b]
                              [--set NAME=VALUE ...]

1. Known reuse at real sizes (bench/reuse_cases.py): PAN precision, recall, granularity and
   plagdet per kind of obfuscation and overall (pairs with no reuse pooled in, as PAN does).
2. Real cross-outlet pairs that share text (bench/real_pairs.py): paired coverage of the runs of
   >= 8 identical folded words they share.
3. Unrelated same-day pairs on one topic: passages of >= 8 words found there are false.
`--set` changes an aligner parameter for this run (`reader.compare.params.AlignParams`).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import os
import pickle
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pan
import real_pairs
import reuse_cases
import snn

from reader.compare import CompareOptions, compare

TARGETS = {
    "plagdet": 0.975,
    "precision": 0.98,
    "granularity": 1.03,
    "verbatim": 0.995,
    "permuted": 0.95,
    "permuted_share": 0.95,
    "phrases": 0.95,
    "substitution": 0.97,
    "paired coverage": 0.995,
}


def detections_of(pair_id: str, comparison) -> list[pan.Annotation]:
    return [pan.Annotation(pair_id, p.a, p.b) for p in comparison.passages]


def evaluate_cases(pairs, options: CompareOptions, worst: int) -> dict[str, float]:
    results = []
    seconds = []
    for pair in pairs:
        started = time.perf_counter()
        comparison = compare(pair.a, pair.b, options)
        seconds.append(time.perf_counter() - started)
        cases = [pan.Annotation(pair.pair_id, a, b) for a, b in pair.cases]
        results.append((pair, cases, detections_of(pair.pair_id, comparison)))
    print(f"{'kind':<17}{'pairs':>6}{'cases':>6}{'dets':>6}{'prec':>8}{'rec':>8}{'gran':>8}{'plagdet':>9}")
    figures = {}
    for kind in reuse_cases.KINDS:
        members = [r for r in results if r[0].kind == kind]
        if not members:
            continue
        cases = [c for _, cs, _ in members for c in cs]
        detections = [d for _, _, ds in members for d in ds]
        if kind == "negative":
            flagged = sum(1 for _, _, ds in members if ds)
            print(f"{kind:<17}{len(members):>6}{0:>6}{len(detections):>6}  false passages in {flagged} pairs")
            continue
        s = pan.evaluate(cases, detections)
        figures[kind] = s.recall
        print(
            f"{kind:<17}{len(members):>6}{s.cases:>6}{s.detections:>6}"
            f"{s.precision:8.3f}{s.recall:8.3f}{s.granularity:8.3f}{s.plagdet:9.3f}"
        )
    cases = [c for _, cs, _ in results for c in cs]
    detections = [d for _, _, ds in results for d in ds]
    s = pan.evaluate(cases, detections)
    print(
        f"{'ALL':<17}{len(results):>6}{s.cases:>6}{s.detections:>6}"
        f"{s.precision:8.3f}{s.recall:8.3f}{s.granularity:8.3f}{s.plagdet:9.3f}"
    )
    ms = sorted(1000 * x for x in seconds)
    print(f"time per compare: median {statistics.median(ms):.1f} ms, max {ms[-1]:.1f} ms")
    figures.update(plagdet=s.plagdet, precision=s.precision, granularity=s.granularity)
    if worst:
        scored = sorted(
            ((pan.evaluate(cs, ds).plagdet, pair, cs, ds) for pair, cs, ds in results if cs),
            key=lambda x: x[0],
        )
        print(f"worst {worst} pairs:")
        for plagdet, pair, cs, ds in scored[:worst]:
            print(
                f"  {pair.pair_id}: plagdet {plagdet:.3f} words A {len(pair.a.split())} "
                f"B {len(pair.b.split())} cases {[(c.a, c.b) for c in cs]} passages "
                f"{[(d.a, d.b) for d in ds if any(pan.detects(d, c) for c in cs)]} "
                f"(+{sum(1 for d in ds if not any(pan.detects(d, c) for c in cs))} others)"
            )
    return figures


def evaluate_real(items, n_pairs: int, seed: int, options: CompareOptions, worst: int) -> dict[str, float]:
    started = time.perf_counter()
    sets, index = real_pairs.shingle_index(items)
    counts = real_pairs.sharing_pairs(items, index)
    rng = random.Random(seed)
    sharing = real_pairs.sample_sharing_pairs(items, counts, n_pairs, rng)
    unrelated = real_pairs.unrelated_pairs(items, sets, n_pairs, rng)
    print(
        f"real pairs: {len(counts)} cross-outlet pairs share 5-grams; {len(sharing)} sampled, "
        f"{len(unrelated)} unrelated same-day pairs ({time.perf_counter() - started:.1f} s)"
    )
    paired = total = 0
    misses = []
    for k, m in sharing:
        a, b = items[k], items[m]
        runs = real_pairs.shared_runs(a.keys, b.keys)
        comparison = compare(a.text, b.text, options)
        passages = [(p.a, p.b) for p in comparison.passages]
        got, size, missed = real_pairs.paired_coverage(a, b, runs, passages)
        paired += got
        total += size
        if missed:
            misses.append((size - got, a, b, missed))
    coverage = paired / total if total else 1.0
    print(
        f"paired coverage: {coverage:.4f} of {total} characters in shared runs of >= "
        f"{real_pairs.RUN_WORDS} words; {len(misses)} of {len(sharing)} pairs miss some"
    )
    for lost, a, b, missed in sorted(misses, key=lambda x: -x[0])[:worst]:
        run = missed[0]
        print(f"  {a.key} / {b.key}: {lost} chars lost, e.g. {' '.join(a.keys[run.i : run.i + run.length])}")
    false = false_chars = flagged = 0
    for k, m in unrelated:
        comparison = compare(items[k].text, items[m].text, options)
        found = [p for p in comparison.passages if len(items[k].text[p.a[0] : p.a[1]].split()) >= 8]
        false += len(found)
        false_chars += sum(p.a[1] - p.a[0] for p in found)
        flagged += bool(found)
    print(f"unrelated pairs: {false} false passages of >= 8 words in {flagged} of {len(unrelated)} pairs")
    return {"paired coverage": coverage, "false passages": false}


def cached_cases(items, per_kind: int, seed: int, kinds) -> list:
    """The known-reuse pairs, kept in the user's cache folder (outside the repository) between runs
    of the same generator code and arguments."""
    here = Path(__file__).resolve().parent
    code = b"".join((here / name).read_bytes() for name in ("reuse_cases.py", "obfuscate.py", "snn.py"))
    key = hashlib.sha256(code + repr((per_kind, seed, list(kinds), len(items))).encode()).hexdigest()[:16]
    folder = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "qarin-bench"
    cache = folder / f"cases-{key}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    pairs = reuse_cases.build(reuse_cases.Pool(items), per_kind, seed, kinds)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(pairs))
    return pairs


def _options(settings: list[str]) -> CompareOptions:
    options = CompareOptions()
    if not settings:
        return options
    from reader.compare.params import AlignParams

    changes = {}
    fields = {f.name: f for f in dataclasses.fields(AlignParams)}
    for setting in settings:
        name, _, value = setting.partition("=")
        if name not in fields:
            raise SystemExit(f"no aligner parameter {name!r}; known: {', '.join(fields)}")
        kind = type(getattr(AlignParams(), name))
        changes[name] = kind(float(value)) if kind is not bool else value.lower() in ("1", "true", "yes")
    return dataclasses.replace(options, align=dataclasses.replace(options.align, **changes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-kind", type=int, default=30)
    parser.add_argument("--pairs", type=int, default=300, help="real sharing pairs and unrelated pairs")
    parser.add_argument("--worst", type=int, default=5)
    parser.add_argument("--kinds", default="", help="only these kinds of known reuse (comma-separated)")
    parser.add_argument("--no-real", action="store_true", help="skip the real pairs")
    parser.add_argument("--no-cases", action="store_true", help="skip the known-reuse cases")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args(argv)
    options = _options(args.set)
    started = time.perf_counter()
    items = list(snn.articles(min_words=20))
    print(f"corpus: {len(items)} articles from {snn.CORPUS} ({time.perf_counter() - started:.1f} s)")
    figures: dict[str, float] = {}
    if not args.no_cases:
        started = time.perf_counter()
        kinds = [k for k in args.kinds.split(",") if k] or reuse_cases.KINDS
        pairs = cached_cases(items, args.per_kind, args.seed, kinds)
        sizes = sorted(len(p.a[a0:a1].split()) for p in pairs for (a0, a1), _ in p.cases)
        print(
            f"known reuse: {len(pairs)} pairs, {len(sizes)} cases of {sizes[0]}-{sizes[-1]} words "
            f"(median {statistics.median(sizes):.0f}), built in {time.perf_counter() - started:.1f} s "
            f"(seed {args.seed})"
        )
        figures.update(evaluate_cases(pairs, options, args.worst))
    if not args.no_real:
        figures.update(evaluate_real(items, args.pairs, args.seed, options, args.worst))
    print("targets:")
    for name, target in TARGETS.items():
        if name in figures:
            upper = name == "granularity"
            ok = figures[name] <= target if upper else figures[name] >= target
            relation = "<=" if upper else ">="
            verdict = "MET" if ok else "NOT MET"
            print(f"  {name:<16} {figures[name]:.4f} (target {relation} {target}) {verdict}")
    if "false passages" in figures:
        verdict = "NOT MET" if figures["false passages"] else "MET"
        print(f"  false passages   {figures['false passages']:.0f} (target 0) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
