"""Check that an engine change leaves every result byte-identical (speed work must not move output).

    python bench/check_identical.py save  SNAPDIR   # before a change: write the reference results
    python bench/check_identical.py check SNAPDIR   # after it: compare, print the pairs that differ

Pairs: every ordered pair of the seeds and each seed with itself, and the generated 10k and 100k-word
pairs of bench/out in both orders (copied into SNAPDIR on `save`, so a regenerated bench/out does not
change the inputs). `python bench/eval_engine.py`'s table is compared without its timing figures.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from reader.compare import compare

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ("gen_10000", "gen_100000")
_BUILT_IN = re.compile(r", built in [0-9.]+ s")  # the set's build time


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def _pairs(snap: Path) -> list[tuple[str, Path, Path]]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    pairs = [(f"seed_{a.stem[:3]}_{b.stem[:3]}", a, b) for a, b in itertools.product(seeds, repeat=2)]
    for name in GENERATED:
        a, b = snap / f"{name}_a.txt", snap / f"{name}_b.txt"
        pairs += [(f"{name}_ab", a, b), (f"{name}_ba", b, a)]
    return pairs


def _eval_table() -> str:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_engine.py")], capture_output=True, text=True, check=True
    ).stdout
    lines = (_BUILT_IN.sub("", line) for line in out.splitlines() if "time per compare" not in line)
    return "".join(line + "\n" for line in lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("save", "check"))
    parser.add_argument("snap", type=Path)
    args = parser.parse_args()
    snap: Path = args.snap
    if args.mode == "save":
        for name in GENERATED:
            for side in "ab":
                shutil.copyfile(ROOT / "bench" / "out" / f"{name}_{side}.txt", snap / f"{name}_{side}.txt")
    differ = []
    for name, a, b in _pairs(snap):
        text = json.dumps(compare(_read(a), _read(b)).to_dict(), ensure_ascii=False, sort_keys=True)
        path = snap / f"{name}.json"
        if args.mode == "save":
            path.write_text(text, encoding="utf-8")
        elif path.read_text(encoding="utf-8") != text:
            differ.append(name)
    table = _eval_table()
    if args.mode == "save":
        (snap / "eval_table.txt").write_text(table, encoding="utf-8")
    elif (snap / "eval_table.txt").read_text(encoding="utf-8") != table:
        differ.append("eval_table")
    total = len(_pairs(snap)) + 1
    if args.mode == "save":
        print(f"saved {total} references in {snap}")
        return 0
    print(f"{total - len(differ)}/{total} identical" + (f"; DIFFER: {', '.join(differ)}" if differ else ""))
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
