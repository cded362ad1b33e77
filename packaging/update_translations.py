"""Refresh the Arabic UI translation: `python packaging/update_translations.py [--check]`.

1. pyside6-lupdate collects the strings of reader/ui, reader/view and reader/report (self.tr,
   QT_TRANSLATE_NOOP) into resources/translations/qarin_ar.ts, keeping the translations already
   there; new strings arrive unfinished for a translator (Qt Linguist, or any editor: it is XML).
2. pyside6-lrelease compiles it to qarin_ar.qm, which reader.ui.application loads for an Arabic locale.
With --check nothing is written: exit 1 when qarin_ar.qm is not what the .ts compiles to.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "qarin_ar.ts"
QM = TRANSLATIONS / "qarin_ar.qm"


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the .qm is up to date")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as scratch:
            fresh = Path(scratch) / QM.name
            release(TS, fresh)
            same = QM.is_file() and fresh.read_bytes() == QM.read_bytes()
        verdict = "up to date" if same else "STALE, run packaging/update_translations.py"
        print(f"{QM.relative_to(ROOT)}: {verdict}")
        return 0 if same else 1
    sources = sorted(
        str(p.relative_to(ROOT))
        for folder in ("ui", "view", "report")
        for p in (ROOT / "reader" / folder).rglob("*.py")
    )
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(TS)],
        check=True,
        cwd=ROOT,
    )
    release(TS, QM)
    print(f"wrote {TS.relative_to(ROOT)} and {QM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
