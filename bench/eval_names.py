"""How well `reader.facts.spelling.same_name` tells one name spelled two ways from two names.

Judged pairs: bench/data/name_pairs.tsv (from SaudiNewsNet and the seeds, judged by hand). Prints
precision and recall of "same name" per source and overall, and the pairs the rule gets wrong.

    python bench/eval_names.py
"""

from __future__ import annotations

from pathlib import Path

from reader.facts.spelling import RULE, SpellingRule, same_name

PAIRS = Path(__file__).resolve().parent / "data" / "name_pairs.tsv"


def load() -> list[tuple[str, str, bool, str]]:
    rows = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        a, b, judged, source = line.split("\t")
        rows.append((a, b, judged == "same", source))
    return rows


def score(rows, rule: SpellingRule = RULE) -> dict[str, tuple[int, int, int, int]]:
    """Per source: (true positives, false positives, false negatives, true negatives)."""
    out: dict[str, list[int]] = {}
    for a, b, same, source in rows:
        said = same_name(a, b, rule)
        for key in (source, "all"):
            counts = out.setdefault(key, [0, 0, 0, 0])
            counts[0 if said and same else 1 if said else 2 if same else 3] += 1
    return {k: tuple(v) for k, v in out.items()}


def main() -> None:
    rows = load()
    same = sum(r[2] for r in rows)
    print(f"{len(rows)} judged pairs ({same} same name, {len(rows) - same} different)")
    print(f"{'source':<10} {'pairs':>5} {'precision':>9} {'recall':>6} {'accuracy':>8}")
    for source, (tp, fp, fn, tn) in sorted(score(rows).items()):
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        total = tp + fp + fn + tn
        print(f"{source:<10} {total:>5} {precision:>9.3f} {recall:>6.3f} {(tp + tn) / total:>8.3f}")
    wrong = [(a, b, same) for a, b, same, _ in rows if same_name(a, b) != same]
    if wrong:
        print("wrong:")
        for a, b, same in wrong:
            judged, said = ("same", "different") if same else ("different", "same")
            print(f"  judged {judged}, rule said {said}: {a} / {b}")


if __name__ == "__main__":
    main()
