"""Build the Qarin bundle: `python packaging/build.py [--onefile] [--dist DIR] [--work DIR]`.

1. Builds the wheel (no dependencies, no network) and unpacks it into a staging folder, so the bundle
   holds exactly what `pip install qarin` installs: reader/, with resources/ and seeds/ mapped to
   reader/resources and reader/seeds (pyproject's package-dir).
2. Runs PyInstaller on packaging/qarin.spec: dist/qarin/ (one folder, the main artefact) and, with
   --onefile, dist/qarin-onefile (one self-extracting file).
3. Puts the .desktop file, the icon and install-desktop.sh beside the executable.
4. Prints the size of each result, its limit, and the build time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LIMITS_MB = {"onefolder": 150, "onefile": 70}


def run(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, env=env, cwd=cwd)


def stage_wheel(source: Path, work: Path) -> Path:
    """Build the wheel and unpack it; returns the staging folder (a sys.path entry holding `reader`)."""
    wheels = work / "wheel"
    stage = work / "stage"
    for folder in (wheels, stage):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    # setuptools writes build/ and *.egg-info into the source tree; keep the tree clean with a copy.
    with tempfile.TemporaryDirectory(prefix="qarin-src-") as copy:
        tree = Path(copy) / "src"
        shutil.copytree(
            source,
            tree,
            ignore=shutil.ignore_patterns(
                ".git",
                "build",
                "dist",
                "*.egg-info",
                "__pycache__",
                ".*_cache",
                ".hypothesis",
                "bench",
                "*.so",
            ),
        )
        wheel_cmd = [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation"]
        run([*wheel_cmd, "-q", "-w", str(wheels)], cwd=tree)
    (wheel,) = wheels.glob("qarin-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(stage)
    for needed in ("reader/__init__.py", "reader/resources/fonts", "reader/seeds/__init__.py"):
        if not (stage / needed).exists():
            raise SystemExit(f"build: the wheel lacks {needed}; check pyproject's package-data")
    return stage


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def add_desktop_files(bundle: Path, stage: Path) -> None:
    """The .desktop entry, the icon, and a script that installs both for the current user."""
    shutil.copy2(PACKAGING / "qarin.desktop", bundle / "qarin.desktop")
    shutil.copy2(stage / "reader" / "resources" / "icons" / "qarin-256.png", bundle / "qarin.png")
    shutil.copy2(PACKAGING / "install-desktop.sh", bundle / "install-desktop.sh")
    (bundle / "install-desktop.sh").chmod(0o755)


def pyinstaller(stage: Path, dist: Path, work: Path, onefile: bool) -> None:
    env = dict(os.environ, QARIN_STAGE=str(stage), QARIN_ONEFILE="1" if onefile else "0")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work / ("onefile" if onefile else "onefolder"))]
    run([*command, str(PACKAGING / "qarin.spec")], env=env)


def report(label: str, path: Path, limit_mb: int, seconds: float) -> bool:
    size_mb = folder_size(path) / 1e6
    fits = size_mb < limit_mb
    verdict = "ok" if fits else "TOO BIG"
    print(f"{label}: {path}  {size_mb:.1f} MB (limit {limit_mb} MB, {verdict})  built in {seconds:.1f} s")
    return fits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the Qarin PyInstaller bundle.")
    parser.add_argument("--onefile", action="store_true", help="also build the one-file executable")
    parser.add_argument("--source", type=Path, default=ROOT, help="project tree to build (default: this one)")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the results go")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle", help="scratch folder")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()

    started = time.perf_counter()
    stage = stage_wheel(args.source.resolve(), work)
    staged = time.perf_counter()
    print(f"staged the wheel in {staged - started:.1f} s")

    pyinstaller(stage, dist, work, onefile=False)
    onefolder = dist / "qarin"
    add_desktop_files(onefolder, stage)
    ok = report("one-folder", onefolder, LIMITS_MB["onefolder"], time.perf_counter() - started)

    if args.onefile:
        before = time.perf_counter()
        onefile_dist = work / "onefile-dist"
        pyinstaller(stage, onefile_dist, work, onefile=True)
        target = dist / "qarin-onefile"
        shutil.move(str(onefile_dist / "qarin"), target)
        seconds = time.perf_counter() - before + (staged - started)
        ok = report("one-file", target, LIMITS_MB["onefile"], seconds) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
