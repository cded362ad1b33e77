"""Precision and recall of the facts that differ, on real SaudiNewsNet articles with planted changes.

Each case is a real article (A) and a copy (B) with one or two facts changed as reports really
differ (bench/fact_edits.py): a casualty or money figure changed or its digits swapped (140 /
104), a number respelled in Arabic-Indic digits (must NOT be flagged), a weekday or a day of the
month changed, a transliterated name spelled another way or replaced by another name, a word of a
quote swapped, a quote given to another speaker. A flagged fact (`differ` or `spelled`) is right
when it stands on a planted change of its kind with the expected status; every other flag is a
false alarm (A and B are otherwise the same text). Also prints the judged cross-outlet sample
(bench/data/facts_judged.tsv) when it is there.

    python bench/eval_facts.py [--cases N]      (targets: numbers, dates >= 0.9; names, quotes >= 0.8)
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fact_edits as edits
from corpus import articles

from reader.facts import DIFFER, SPELLED, find_facts

KINDS = ("number", "date", "name", "quote")
TARGETS = {"number": 0.9, "date": 0.9, "name": 0.8, "quote": 0.8}
SPEAKER_REACH = 400  # characters after a changed speaker where its quote may stand


def sample_articles(count: int, rng: random.Random) -> list[dict]:
    pool = [a for a in articles() if 600 <= len(a.get("content") or "") <= 8000]
    rng.shuffle(pool)
    return pool[:count]


def edit_options(text: str, rng: random.Random, names: list[str]) -> dict[str, object]:
    """Each edit that can be made in `text`, by name, as a function of the text."""
    options = {}
    numbers = [m for m in edits.NUMBER_RE.finditer(text) if not 1900 <= int(m.group()) <= 2100]
    if numbers:
        options["number value"] = lambda t: edits.change_number(t, rng.choice(numbers), rng)
        options["digits respelled"] = lambda t: edits.respell_number(t, rng.choice(numbers), rng)
    weekdays = list(edits.WEEKDAY_RE.finditer(text))
    if weekdays:
        options["weekday"] = lambda t: edits.change_weekday(t, rng.choice(weekdays), rng)
    days = list(edits.MONTH_DAY_RE.finditer(text))
    if days:
        options["day of month"] = lambda t: edits.change_month_day(t, rng.choice(days), rng)
    titled = list(edits.NAME_RE.finditer(text))
    if titled:
        options["name respelled"] = lambda t: edits.respell_name(t, rng.choice(titled), rng)
        options["another name"] = lambda t: edits.change_name(t, rng.choice(titled), rng)
    quotes = list(edits.QUOTE_RE.finditer(text))
    if quotes:
        options["quote reworded"] = lambda t: edits.change_quote_word(t, rng.choice(quotes), rng)
    speakers = list(edits.SPEAKER_RE.finditer(text))
    if speakers:
        options["another speaker"] = lambda t: edits.change_speaker(t, rng.choice(speakers), rng, names)
    return options


def build_cases(count: int, seed: int = 13) -> list[tuple[dict, str, str, edits.Planted]]:
    """One planted edit per article; each article gets the edit made least often so far."""
    rng = random.Random(seed)
    chosen = sample_articles(count, rng)
    names = edits.PEOPLE
    made: Counter = Counter()
    cases = []
    for article in chosen:
        text = article["content"]
        options = edit_options(text, rng, names)
        for name in sorted(options, key=lambda n: (made[n], n)):
            done = options[name](text)
            if done is not None:
                made[name] += 1
                cases.append((article, text, *done))
                break
    return cases


def judge(case, facts) -> tuple[list[tuple[str, bool]], bool]:
    """(each flag's kind and whether it is right, whether the planted change was found)."""
    _, _, _, planted = case
    flags = []
    found = False
    for pair in facts.differing:
        right = planted.expected != "none" and _on(planted, pair) and _as_expected(planted, pair)
        found = found or right
        flags.append((pair.kind, right))
    return flags, found


def _on(planted: edits.Planted, pair) -> bool:
    if planted.edit == "another speaker" and pair.kind == "quote" and "speaker" in pair.reasons:
        return True  # every quote of the changed speaker (وأضاف: ...) is given to another now
    reach = SPEAKER_REACH if planted.edit == "another speaker" else 0
    for side, (lo, hi) in (("a", planted.a), ("b", planted.b)):
        mention = pair.mention(side)
        if mention is not None and mention.start < hi + reach and lo < mention.end:
            return True
    return False


def _as_expected(planted: edits.Planted, pair) -> bool:
    if planted.edit == "another speaker":
        return pair.kind in ("quote", "name")  # the speaker's name differs too
    if pair.kind == "quote" and pair.status == DIFFER and "wording" in pair.reasons:
        return True  # the change stands inside a quote: its words did change
    if planted.kind == "number" and pair.kind == "date" and pair.status == DIFFER:
        return True  # the number was the day of a date
    if pair.kind != planted.kind:
        return False
    return pair.status == (SPELLED if planted.expected == "spelled" else DIFFER)


JUDGED = Path(__file__).resolve().parent / "data" / "facts_judged.tsv"


def judged_sample() -> None:
    """The hand-judged cross-outlet pairs: today's flags against the judgements (a flag nobody
    judged is counted apart), and the judged misses that are found now."""
    rows = [
        line.split("\t")
        for line in JUDGED.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    by_url = {a["url"]: a for a in articles() if a.get("url")}
    pairs: dict[tuple[str, str], list[list[str]]] = {}
    for row in rows:
        pairs.setdefault((row[1], row[2]), []).append(row)
    counts = {kind: Counter() for kind in KINDS}
    unjudged = 0
    for (url_a, url_b), judged in pairs.items():
        a, b = by_url[url_a]["content"], by_url[url_b]["content"]
        flags = find_facts(a, b).differing
        verdicts = {(r[3], int(r[4])): r[8] for r in judged if r[3] != "-"}
        for pair in flags:
            verdict = verdicts.get((pair.kind, pair.a.start))
            if verdict is None:
                unjudged += 1
            else:
                counts[pair.kind]["tp" if verdict in ("tp", "fn") else "fp"] += 1
        for r in judged:
            if r[8] in ("tp", "fn") and not any(p.kind == r[3] and p.a.start == int(r[4]) for p in flags):
                counts[r[3]]["fn"] += 1
    print(
        f"judged cross-outlet pairs: {len(pairs)} (bench/data/facts_judged.tsv), flags not judged: {unjudged}"
    )
    print(f"{'kind':<8} {'tp':>3} {'fp':>3} {'fn':>3} {'precision':>9} {'recall':>6}")
    for kind in KINDS:
        tp, fp, fn = (counts[kind][k] for k in ("tp", "fp", "fn"))
        precision = tp / (tp + fp) if tp + fp else float("nan")
        recall = tp / (tp + fn) if tp + fn else float("nan")
        print(f"{kind:<8} {tp:>3} {fp:>3} {fn:>3} {precision:>9.3f} {recall:>6.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=400, help="articles to plant a change in")
    parser.add_argument("--seed", type=int, default=13, help="which articles and edits (13: the default set)")
    args = parser.parse_args()
    started = time.perf_counter()
    cases = build_cases(args.cases, args.seed)
    flagged: Counter = Counter()
    right: Counter = Counter()
    planted_count: Counter = Counter()
    found_count: Counter = Counter()
    by_edit: Counter = Counter()
    found_by_edit: Counter = Counter()
    false_alarms = []
    negatives: Counter = Counter()
    clean: Counter = Counter()
    for case in cases:
        article, a, b, planted = case
        facts = find_facts(a, b)
        flags, found = judge(case, facts)
        by_edit[planted.edit] += 1
        found_by_edit[planted.edit] += found or planted.expected == "none" and not flags
        if planted.expected == "none":
            negatives[planted.kind] += 1
            clean[planted.kind] += not any(_on(planted, pair) for pair in facts.differing)
        if planted.expected != "none":
            planted_count[planted.kind] += 1
            found_count[planted.kind] += found
        for kind, ok in flags:
            flagged[kind] += 1
            right[kind] += ok
            if not ok:
                false_alarms.append((kind, planted.edit, article["url"]))
    seconds = time.perf_counter() - started
    print(f"{len(cases)} real articles with a planted change ({seconds:.1f} s)")
    print(f"{'edit':<18} {'cases':>5} {'as expected':>11}")
    for edit in sorted(by_edit):
        print(f"{edit:<18} {by_edit[edit]:>5} {found_by_edit[edit] / by_edit[edit]:>11.3f}")
    print(f"{'kind':<8} {'flags':>5} {'precision':>9} {'planted':>7} {'recall':>6}  target")
    for kind in KINDS:
        precision = right[kind] / flagged[kind] if flagged[kind] else 1.0
        recall = found_count[kind] / planted_count[kind] if planted_count[kind] else 1.0
        verdict = "ok" if min(precision, recall) >= TARGETS[kind] else "BELOW"
        print(
            f"{kind:<8} {flagged[kind]:>5} {precision:>9.3f} {planted_count[kind]:>7} {recall:>6.3f}"
            f"  >= {TARGETS[kind]} {verdict}"
        )
    for kind in sorted(negatives):
        print(f"unchanged facts respelled ({kind}): {clean[kind]} of {negatives[kind]} not flagged")
    if JUDGED.exists():
        judged_sample()
    if false_alarms:
        print(f"false alarms: {len(false_alarms)} (first 10 by kind, planted edit, article)")
        for kind, edit, url in false_alarms[:10]:
            print(f"  {kind:<7} {edit:<16} {url[:90]}")


if __name__ == "__main__":
    main()
