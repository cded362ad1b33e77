"""Score the comparison engine with the PAN measures on the evaluation set of bench/eval_corpus.py.

    python bench/eval_engine.py [--seed 2026] [--per-kind 20] [--worst 5]

Prints precision, recall, granularity and plagdet overall and per kind of edit, the false passages
found in pairs with no reuse, the time per compare (median, max), and the targets
(plagdet >= 0.97, granularity <= 1.02).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_corpus
import pan

from reader.compare import compare

TARGET_PLAGDET = 0.97
TARGET_GRANULARITY = 1.02


def run(pairs: list[eval_corpus.EvalPair]) -> tuple[dict, list[float], dict]:
    """Compare every pair; return its cases and detections keyed by pair id, the seconds per
    compare, and the `moved` flags of each pair's passages."""
    results = {}
    seconds = []
    moved = {}
    for pair in pairs:
        started = time.perf_counter()
        comparison = compare(pair.a, pair.b)
        elapsed = time.perf_counter() - started
        seconds.append(elapsed)
        cases = [pan.Annotation(pair.pair_id, a, b) for a, b in pair.cases]
        detections = [pan.Annotation(pair.pair_id, p.a, p.b) for p in comparison.passages]
        results[pair.pair_id] = (pair, cases, detections)
        moved[pair.pair_id] = [p.moved for p in comparison.passages]
    return results, seconds, moved


def report_moves(results: dict, moved: dict) -> None:
    """Pairs whose copies were reordered need a passage flagged moved; a single copy never does."""
    reordered = [pid for pid, (pair, _, _) in results.items() if pair.kind in ("moved", "mixed")]
    single = [pid for pid, (pair, _, _) in results.items() if len(pair.cases) == 1]
    flagged = sum(1 for pid in reordered if any(moved[pid]))
    false = sum(1 for pid in single if any(moved[pid]))
    print(
        f"moved flags: {flagged} of {len(reordered)} reordered pairs show a moved passage; "
        f"{false} of {len(single)} single-copy pairs show one (should be 0)"
    )


def line(label: str, scores: pan.Scores, pairs: int) -> str:
    return (
        f"{label:<14} {pairs:>5} {scores.cases:>5} {scores.detections:>5}  "
        f"{scores.precision:6.3f} {scores.recall:6.3f} {scores.granularity:6.3f} {scores.plagdet:7.3f}"
    )


def report(results: dict, seconds: list[float]) -> bool:
    all_cases = [c for _, cases, _ in results.values() for c in cases]
    all_detections = [d for _, _, detections in results.values() for d in detections]
    header = ("kind", "pairs", "cases", "dets", "prec", "rec", "gran", "plagdet")
    print("{:<14} {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6} {:>7}".format(*header))
    for kind in eval_corpus.KINDS:
        members = [r for r in results.values() if r[0].kind == kind]
        cases = [c for _, cs, _ in members for c in cs]
        detections = [d for _, _, ds in members for d in ds]
        if kind == "negative":
            chars = sum(d.size for d in detections)
            flagged = sum(1 for _, _, ds in members if ds)
            print(
                f"{kind:<14} {len(members):>5} {0:>5} {len(detections):>5}  "
                f"false passages: {len(detections)} in {flagged} of {len(members)} pairs ({chars} chars)"
            )
            continue
        print(line(kind, pan.evaluate(cases, detections), len(members)))
    overall = pan.evaluate(all_cases, all_detections)
    print(line("ALL", overall, len(results)))
    ms = sorted(s * 1000 for s in seconds)
    print(
        f"time per compare: median {statistics.median(ms):.1f} ms, max {ms[-1]:.1f} ms, "
        f"total {sum(ms) / 1000:.2f} s for {len(ms)} pairs"
    )
    met = overall.plagdet >= TARGET_PLAGDET and overall.granularity <= TARGET_GRANULARITY
    print(
        f"target: plagdet >= {TARGET_PLAGDET} and granularity <= {TARGET_GRANULARITY}: "
        f"plagdet {overall.plagdet:.3f}, granularity {overall.granularity:.3f} "
        f"-> {'MET' if met else 'NOT MET'}"
    )
    return met


def _show_worst(results: dict, count: int) -> None:
    scored = []
    for pair, cases, detections in results.values():
        if not cases and not detections:
            continue
        s = pan.evaluate(cases, detections)
        scored.append((s.plagdet, pair, cases, detections, s))
    scored.sort(key=lambda x: x[0])
    print(f"\nworst {count} pairs:")
    for plagdet, pair, cases, detections, s in scored[:count]:
        print(
            f"  {pair.pair_id}: plagdet {plagdet:.3f} (P {s.precision:.2f} R {s.recall:.2f} "
            f"G {s.granularity:.2f}) cases {[(c.a, c.b) for c in cases]} "
            f"passages {[(d.a, d.b) for d in detections]}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=2026, help="random seed of the evaluation set")
    parser.add_argument("--per-kind", type=int, default=20, help="pairs per kind of edit")
    parser.add_argument("--worst", type=int, default=5, help="show the N lowest-scoring pairs")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    pairs = eval_corpus.build_pairs(seed=args.seed, per_kind=args.per_kind)
    for pair in pairs:
        eval_corpus.check_pair(pair)
    built = time.perf_counter() - started
    words = sum(len(p.a.split()) + len(p.b.split()) for p in pairs)
    print(f"evaluation set: {len(pairs)} pairs, {words} words, built in {built:.2f} s (seed {args.seed})")
    sizes = sorted(len(p.a[a0:a1].split()) for p in pairs for (a0, a1), _ in p.cases)
    print(
        f"cases: {len(sizes)}, words in A: min {sizes[0]}, median {statistics.median(sizes):.0f}, "
        f"max {sizes[-1]}"
    )
    results, seconds, moved = run(pairs)
    report(results, seconds)
    report_moves(results, moved)
    if args.worst:
        _show_worst(results, args.worst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
