"""Start-up benchmark of the bundle: process start to `--self-test` success, wall clock, median of N runs.

    python packaging/measure_startup.py [--runs 10] [EXECUTABLE ...]

Defaults to dist/qarin/qarin (and dist/qarin-onefile when built). Target: one-folder < 1 s. The first,
cold run is reported apart: it pays for reading the files from disk.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 1.0


def time_run(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed


def measure(label: str, command: list[str], runs: int, env: dict[str, str]) -> None:
    cold = time_run(command, env)
    times = sorted(time_run(command, env) for _ in range(runs))
    median = statistics.median(times)
    verdict = "ok" if median < TARGET_SECONDS else "over"
    ratio = median / TARGET_SECONDS
    print(
        f"{label:<34} median {median:.3f} s  min {times[0]:.3f}  max {times[-1]:.3f}  first {cold:.3f}"
        f"  ({runs} runs; target {TARGET_SECONDS:.1f} s: {verdict}, {ratio:.2f}x)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--source", action="store_true", help="also time `python -m reader --self-test`")
    parser.add_argument("executables", nargs="*", type=Path)
    args = parser.parse_args(argv)
    executables = args.executables or [
        p for p in (ROOT / "dist" / "qarin" / "qarin", ROOT / "dist" / "qarin-onefile") if p.exists()
    ]
    if not executables and not args.source:
        print("nothing to time: build with `python packaging/build.py` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="qarin-bench-") as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
        env.update(XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config")
        print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        for exe in executables:
            measure(f"{exe.relative_to(ROOT) if exe.is_relative_to(ROOT) else exe} --self-test",
                    [str(exe), "--self-test"], args.runs, env)  # fmt: skip
            measure(f"{exe.name} --version", [str(exe), "--version"], args.runs, env)
        if args.source:
            measure(
                "python -m reader --self-test",
                [sys.executable, "-m", "reader", "--self-test"],
                args.runs,
                env,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
