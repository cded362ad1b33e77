"""Speed and memory of the comparison engine (issue 2, "Speed and memory").

    python bench/bench_engine.py [--quick] [--sizes 10000,100000,1000000] [--runs 20] [--against DIR]

1. Seed articles (1-2k words): median ms per compare over --runs runs, for pairs of the five seeds.
2. Generated pairs of N words per side: A is varied Arabic text drawn from the seeds' words with a
   bigram model (a fifth of the words drawn from the seed vocabulary with clitics and suffixes
   added, so the text does not repeat itself as copies of seed paragraphs would); B is A with a
   quarter of its paragraphs moved and 10% of its words edited (replaced, deleted or inserted).
   Each size runs in a fresh subprocess that reports the compare time and its peak memory (RSS);
   `git diff --no-index --word-diff=porcelain` runs on the same two files for comparison.
3. Growth: the ratio of times between successive sizes (near-linear: ~10x per 10x).
4. Documents of 140,000 characters (the longest of the public Arabic text-reuse corpora): the same
   generated text cut to that length on each side, fastest of --runs compares (target < 0.1 s).
With --against DIR (another checkout, its C extensions built in place) sections 2 and 4 also run
that checkout's engine, alternating with this one's, so both meet the same machine load.
Generated files and a JSON summary go to bench/out/ (not in git).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
SEEDS = BENCH.parent / "seeds"
TARGET_SEED_MS = 20.0
TARGET_100K_S = 0.5
TARGET_1M_S = 5.0
TARGET_1M_MB = 1024.0
TARGET_GIT_RATIO = 5.0
TARGET_DOCUMENT_S = 0.1
DOCUMENT_CHARS = 140_000
PREFIXES = ("", "و", "ف", "ب", "ل", "وال", "بال", "لل")
SUFFIXES = ("", "ها", "هم", "ات", "ين", "ون", "ية", "كم")
LEXICON_SKEW = 4  # u**4 for u uniform: a Zipf-like spread of form frequencies


# --- generated text ---------------------------------------------------------------------------------


def _seed_words() -> tuple[list[list[str]], list[str]]:
    paragraphs = []
    for path in sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            words = line.split()
            if len(words) >= 8:
                paragraphs.append(words)
    vocabulary = sorted({w for p in paragraphs for w in p})
    return paragraphs, vocabulary


def generate_article(words: int, rng: random.Random) -> list[str]:
    """Paragraphs of about `words` words: seed bigrams, with one word in five drawn instead from a
    lexicon of seed words with clitics and suffixes added, skewed so a few forms are common and
    most are rare (as in real text; a small bigram model alone would repeat the seeds' phrases)."""
    paragraphs, vocabulary = _seed_words()
    successors: dict[str, list[str]] = {}
    for p in paragraphs:
        for x, y in zip(p, p[1:], strict=False):
            successors.setdefault(x, []).append(y)
    lengths = [len(p) for p in paragraphs]
    starts = [p[0] for p in paragraphs]
    arabic = [w for w in vocabulary if w.isalpha()]
    lexicon = [p + w + s for w in arabic for p in PREFIXES for s in SUFFIXES if p or s]
    random.Random(len(lexicon)).shuffle(lexicon)
    out: list[str] = []
    total = 0
    while total < words:
        length = min(rng.choice(lengths), words - total)
        word = rng.choice(starts)
        paragraph = [word]
        while len(paragraph) < length:
            follow = successors.get(word)
            if follow and rng.random() < 0.8:
                word = rng.choice(follow)
            else:  # another form: breaks the long repeats a small bigram model would make
                word = lexicon[int(len(lexicon) * rng.random() ** LEXICON_SKEW)]
            paragraph.append(word)
        out.append(" ".join(paragraph))
        total += len(paragraph)
    return out


def edit_copy(paragraphs: list[str], rng: random.Random, move_share=0.25, edit_share=0.10) -> list[str]:
    """B from A: move a share of the paragraphs elsewhere, then edit a share of the words."""
    _, vocabulary = _seed_words()
    order = list(range(len(paragraphs)))
    moving = rng.sample(order, k=int(len(order) * move_share))
    kept = [i for i in order if i not in set(moving)]
    for i in moving:
        kept.insert(rng.randint(0, len(kept)), i)
    out = []
    for i in kept:
        words = []
        for word in paragraphs[i].split(" "):
            roll = rng.random()
            if roll >= edit_share:
                words.append(word)
            elif roll < edit_share * 0.5:
                words.append(rng.choice(vocabulary))  # replaced
            elif roll < edit_share * 0.75:
                continue  # deleted
            else:
                words.extend((word, rng.choice(vocabulary)))  # inserted after
        out.append(" ".join(words))
    return out


def distinct_word_share(text: str) -> float:
    words = text.split()
    return len(set(words)) / max(1, len(words))


def distinct_ngram_share(text: str, n: int = 5) -> float:
    words = text.split()
    grams = [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]
    return len(set(grams)) / max(1, len(grams))


def write_pair(size: int, seed: int) -> tuple[Path, Path]:
    rng = random.Random(seed + size)
    a = generate_article(size, rng)
    b = edit_copy(a, rng)
    OUT.mkdir(exist_ok=True)
    path_a, path_b = OUT / f"gen_{size}_a.txt", OUT / f"gen_{size}_b.txt"
    path_a.write_text("\n\n".join(a), encoding="utf-8")
    path_b.write_text("\n\n".join(b), encoding="utf-8")
    return path_a, path_b


# --- measurements ---------------------------------------------------------------------------------


def child(path_a: str, path_b: str, repeats: int) -> None:
    """Runs in a fresh process: `repeats` compares (the first one cold), the fastest and the first
    time, and the process's peak RSS over the first compare, as JSON. The fastest of a few is the
    figure that other work on a shared machine disturbs least."""
    import reader.compare.anchors
    import reader.compare.prepare
    from reader.compare import compare

    accelerated = reader.compare.prepare._scan is not None and reader.compare.anchors._runs is not None
    a = Path(path_a).read_text(encoding="utf-8")
    b = Path(path_b).read_text(encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = compare(a, b)
        times.append(time.perf_counter() - started)
        if len(times) == 1:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {
                "seconds": min(times),
                "first_seconds": times[0],
                "accelerated": accelerated,
                "peak_mb": peak / 1024,
                "before_mb": before / 1024,
                "passages": len(result.passages),
                "moved": result.stats.moved,
                "shared_a": result.stats.shared_a,
                "shared_b": result.stats.shared_b,
            }
        )
    )


def measure_in_child(
    path_a: Path, path_b: Path, timeout: float, repeats: int, code: Path | None = None
) -> dict | None:
    """The child's figures, or None when it runs past `timeout` seconds (it is then killed). With
    `code`, the engine of that checkout (first on the child's path; run outside this checkout)."""
    env = dict(os.environ, PYTHONPATH=str(code)) if code else None
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path_a), str(path_b), "--repeats", str(repeats)],
            capture_output=True,
            text=True,
            check=True,
            timeout=timeout,
            env=env,
            cwd=tempfile.gettempdir() if code else None,
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def time_git(path_a: Path, path_b: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        ["git", "diff", "--no-index", "--word-diff=porcelain", str(path_a), str(path_b)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr.decode(errors="replace"))
    return seconds


def bench_seeds(runs: int) -> dict:
    from reader.compare import compare

    texts = {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("[0-9][0-9][0-9]_*.txt"))}
    print(f"1. seed articles: median of {runs} compares per pair (target < {TARGET_SEED_MS:.0f} ms)")
    medians = {}
    for x, y in combinations(sorted(texts), 2):
        compare(texts[x], texts[y])  # warm caches once
        ms = []
        for _ in range(runs):
            started = time.perf_counter()
            result = compare(texts[x], texts[y])
            ms.append((time.perf_counter() - started) * 1000)
        medians[f"{x}-{y}"] = statistics.median(ms)
        words = len(texts[x].split()) + len(texts[y].split())
        print(
            f"   {x} vs {y} ({words:>4} words): median {statistics.median(ms):6.1f} ms, "
            f"max {max(ms):6.1f} ms, {len(result.passages)} passages"
        )
    worst = max(medians.values())
    verdict = "MET" if worst < TARGET_SEED_MS else "NOT MET"
    print(f"   slowest pair median {worst:.1f} ms -> {verdict}")
    return medians


def bench_sizes(
    sizes: list[int], seed: int, timeout: float, repeats: int, against: Path | None = None
) -> list[dict]:
    print(
        "2. generated pairs: 25% of paragraphs moved, 10% of words edited; each size in a subprocess,"
        f" fastest of {repeats} compares (first, cold, in brackets); git fastest of 3"
    )
    rows = []
    for size in sizes:
        path_a, path_b = write_pair(size, seed)
        text_a = path_a.read_text(encoding="utf-8")
        old = measure_in_child(path_a, path_b, timeout, repeats, against) if against else None
        figures = measure_in_child(path_a, path_b, timeout, repeats)
        git_seconds = min(time_git(path_a, path_b) for _ in range(3))
        if against:
            seconds = f"{old['seconds']:7.3f} s" if old else f"not done in {timeout:g} s"
            print(f"   {size:>9,} words/side, against {against}: engine {seconds}, git {git_seconds:6.3f} s")
        if figures is None:
            print(f"   {size:>9,} words/side: engine not done in {timeout:g} s, git {git_seconds:.3f} s")
            break
        row = {
            "words": size,
            "chars_a": len(text_a),
            "distinct_5grams_a": distinct_ngram_share(text_a),
            "distinct_words_a": distinct_word_share(text_a),
            "git_seconds": git_seconds,
            **figures,
        }
        rows.append(row)
        print(
            f"   {size:>9,} words/side ({row['chars_a']:>10,} chars, "
            f"distinct words {row['distinct_words_a']:.0%}, 5-grams {row['distinct_5grams_a']:.1%}): "
            f"engine {row['seconds']:7.3f} s ({row['first_seconds']:.3f}), peak RSS {row['peak_mb']:6.0f} MB "
            f"(before compare {row['before_mb']:.0f} MB), git {git_seconds:6.3f} s, "
            f"engine/git {row['seconds'] / git_seconds:5.1f}x, {row['passages']} passages, "
            f"{row['moved']} moved, shared {row['shared_a']:.2f}/{row['shared_b']:.2f}"
        )
    return rows


def bench_documents(seed: int, runs: int, against: Path | None = None) -> float:
    """Section 4: the generated pair cut to DOCUMENT_CHARS characters a side."""
    path_a, path_b = write_pair(20_000, seed)  # (about 190,000 characters a side)
    cut = []
    for path in (path_a, path_b):
        text = path.read_text(encoding="utf-8")[:DOCUMENT_CHARS]
        shorter = OUT / f"doc_{DOCUMENT_CHARS}_{path.stem[-1]}.txt"
        shorter.write_text(text[: text.rfind(" ")], encoding="utf-8")
        cut.append(shorter)
    print(f"4. documents of {DOCUMENT_CHARS:,} characters a side: fastest of {runs} compares in a subprocess")
    codes = ([("against " + str(against), against)] if against else []) + [("this checkout", None)]
    seconds = float("nan")
    for name, code in codes:
        figures = measure_in_child(cut[0], cut[1], 60, runs, code)
        seconds = figures["seconds"] if figures else float("inf")
        print(f"   {name}: {seconds * 1000:.1f} ms, {figures['passages'] if figures else '?'} passages")
    verdict = _met(seconds < TARGET_DOCUMENT_S)
    print(f"   {seconds * 1000:.1f} ms (target < {TARGET_DOCUMENT_S * 1000:.0f} ms) -> {verdict}")
    return seconds


def report_targets(rows: list[dict]) -> None:
    by_size = {row["words"]: row for row in rows}
    print("3. growth (time ratio between successive sizes; near-linear is ~10x per 10x)")
    for small, large in zip(rows, rows[1:], strict=False):
        factor = large["words"] / small["words"]
        print(
            f"   {small['words']:,} -> {large['words']:,} words (x{factor:g}): "
            f"time x{large['seconds'] / small['seconds']:.1f}, "
            f"peak RSS x{large['peak_mb'] / small['peak_mb']:.1f}"
        )
    paths = {row["accelerated"] for row in rows}
    path = "C accelerators" if paths == {True} else "pure Python (C accelerators not built)"
    print(f"engine path: {path}")
    print("targets:")
    if 100_000 in by_size:
        s = by_size[100_000]["seconds"]
        print(f"   100k words: {s:.3f} s (target < {TARGET_100K_S} s) -> {_met(s < TARGET_100K_S)}")
    if 1_000_000 in by_size:
        row = by_size[1_000_000]
        seconds, peak = row["seconds"], row["peak_mb"]
        ratio = seconds / row["git_seconds"]
        print(f"   1M words: {seconds:.2f} s (target < {TARGET_1M_S} s) -> {_met(seconds < TARGET_1M_S)}")
        memory, speed_up = _met(peak < TARGET_1M_MB), _met(ratio <= TARGET_GIT_RATIO)
        print(f"   1M words: peak RSS {peak:.0f} MB (target < {TARGET_1M_MB:.0f} MB) -> {memory}")
        print(f"   1M words: engine/git {ratio:.1f}x (target <= {TARGET_GIT_RATIO:g}x) -> {speed_up}")


def _met(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="words per side, comma-separated")
    parser.add_argument("--runs", type=int, default=20, help="compares per seed pair")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the generated text")
    parser.add_argument("--timeout", type=float, default=120, help="seconds allowed per generated size")
    parser.add_argument("--quick", action="store_true", help="5 runs per seed pair, sizes 10k and 100k only")
    parser.add_argument("--repeats", type=int, default=3, help="compares per generated size (fastest kept)")
    parser.add_argument("--against", type=Path, help="another checkout, timed in the same run")
    parser.add_argument("--child", nargs=2, metavar=("A", "B"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child, args.repeats)
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    runs = args.runs
    if args.quick:
        sizes = [s for s in sizes if s <= 100_000] or [10_000]
        runs = 5
    seeds = bench_seeds(runs)
    against = args.against.resolve() if args.against else None
    rows = bench_sizes(sizes, args.seed, args.timeout, args.repeats, against)
    report_targets(rows)
    document_seconds = bench_documents(args.seed, runs, against)
    OUT.mkdir(exist_ok=True)
    summary = {"seeds_ms": seeds, "sizes": rows, "document_seconds": document_seconds}
    (OUT / "bench_engine.json").write_text(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
