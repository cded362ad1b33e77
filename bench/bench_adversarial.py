"""Hostile shapes against the engine: every input under the size limit compares in near-linear time.

    python bench/bench_adversarial.py [--sizes 100000,1000000] [--timeout 120] [--against DIR]

Text: real articles of SaudiNewsNet (read where they lie), joined to the size. Against it:
  ordinary        the text with a quarter of its paragraphs moved and 10% of its words edited
  para-shuffled   every paragraph's words shuffled (one block per paragraph, nothing in order)
  all-shuffled    the whole text as one paragraph, its words shuffled
  reversed-3      the text cut into 3-word pieces put back in reverse order
Each runs in a fresh process (fastest of 2 compares); the ratio to `ordinary` at the same size is
the figure to watch (target: each under 2x). With --against DIR (another checkout, its C extensions
built in place) each pair also runs that checkout's engine, just before this one's.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SHAPES = ("ordinary", "para-shuffled", "all-shuffled", "reversed-3")


def source_text(words: int) -> list[str]:
    """Paragraphs of real articles, about `words` words in all."""
    import snn

    paragraphs, total = [], 0
    for article in snn.articles(min_words=50):
        for line in article.text.split("\n"):
            if line.strip():
                paragraphs.append(line.strip())
                total += len(line.split())
        if total >= words:
            return paragraphs
    raise SystemExit(f"the corpus holds fewer than {words} words")


def shaped(paragraphs: list[str], shape: str, rng: random.Random) -> tuple[str, str]:
    a = "\n".join(paragraphs)
    if shape == "ordinary":
        import bench_engine

        return a, "\n".join(bench_engine.edit_copy(list(paragraphs), rng))
    if shape == "para-shuffled":
        return a, "\n".join(" ".join(rng.sample(p.split(), len(p.split()))) for p in paragraphs)
    words = a.split()
    if shape == "all-shuffled":
        return " ".join(words), " ".join(rng.sample(words, len(words)))
    pieces = [words[k : k + 3] for k in range(0, len(words), 3)]
    return " ".join(words), " ".join(w for piece in reversed(pieces) for w in piece)


def child(path_a: str, path_b: str) -> None:
    import time

    from reader.compare import compare

    a, b = Path(path_a).read_text(encoding="utf-8"), Path(path_b).read_text(encoding="utf-8")
    best = None
    for _ in range(2):
        started = time.perf_counter()
        result = compare(a, b)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    print(json.dumps({"seconds": best, "passages": result.stats.passages, "shared_a": result.stats.shared_a}))


def run_child(path_a: Path, path_b: Path, timeout: float, code: Path | None) -> dict | None:
    """The child's figures (with `code`, that checkout's engine), or None past `timeout` seconds."""
    env = dict(os.environ, PYTHONPATH=str(code)) if code else None
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path_a), str(path_b)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
            env=env,
            cwd=tempfile.gettempdir() if code else None,  # (not this checkout's folder first on the path)
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--timeout", type=float, default=180)
    parser.add_argument("--against", type=Path, help="another checkout, timed in the same run")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    codes: dict[str, Path | None] = {"": None}
    if args.against:
        codes = {"against ": args.against.resolve(), "this    ": None}
    worst = dict.fromkeys(codes, 0.0)
    with tempfile.TemporaryDirectory() as folder:
        for size in map(int, args.sizes.split(",")):
            paragraphs = source_text(size)
            baseline: dict[str, float] = {}
            for shape in SHAPES:
                a, b = shaped(paragraphs, shape, random.Random(f"{size}:{shape}"))
                path_a, path_b = Path(folder, "a.txt"), Path(folder, "b.txt")
                path_a.write_text(a, encoding="utf-8")
                path_b.write_text(b, encoding="utf-8")
                for name, code in codes.items():
                    row = run_child(path_a, path_b, args.timeout, code)
                    if row is None:
                        print(f"{name}{size:>9,} words {shape:<14} over {args.timeout:.0f} s (stopped)")
                        worst[name] = float("inf")
                        continue
                    if shape == "ordinary":
                        baseline[name] = row["seconds"]
                    ratio = row["seconds"] / baseline[name] if name in baseline else float("nan")
                    if shape != "ordinary":
                        worst[name] = max(worst[name], ratio)
                    print(
                        f"{name}{size:>9,} words {shape:<14} {row['seconds']:7.2f} s  x{ratio:4.1f} of "
                        f"ordinary  {row['passages']:>6} passages, shared {row['shared_a']:.2f}"
                    )
    for name, ratio in worst.items():
        verdict = "MET" if ratio < 2 else "NOT MET"
        print(f"{name}worst ratio to ordinary text of the same size: x{ratio:.1f} (target < 2x) -> {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
