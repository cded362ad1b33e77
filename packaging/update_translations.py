"""Refresh the Arabic UI translation: `python packaging/update_translations.py [--check]`.

1. pyside6-lupdate collects the strings of reader/ui, reader/view and reader/report (self.tr,
   QT_TRANSLATE_NOOP) into resources/translations/qarin_ar.ts, keeping the translations already
   there; new strings arrive unfinished for a translator (Qt Linguist, or any editor: it is XML).
   The counted strings ("%n passage(s)") also go into qarin_en.ts, which holds only their English
   plural forms ("1 passage", "2 passages").
2. pyside6-lrelease compiles both to .qm files: reader.ui.application always loads the English
   plurals, and the Arabic catalogue over them for an Arabic locale.
With --check nothing is written: exit 1 when a .qm is not what its .ts compiles to.
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
PLURALS_TS = TRANSLATIONS / "qarin_en.ts"  # English plural forms only
PLURALS_QM = TRANSLATIONS / "qarin_en.qm"
CATALOGUES = ((TS, QM), (PLURALS_TS, PLURALS_QM))


def tool(name: str) -> str:
    # The scripts sit beside the interpreter in a virtualenv that is not activated.
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
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
        stale = []
        with tempfile.TemporaryDirectory() as scratch:
            for ts, qm in CATALOGUES:
                fresh = Path(scratch) / qm.name
                release(ts, fresh)
                same = qm.is_file() and fresh.read_bytes() == qm.read_bytes()
                verdict = "up to date" if same else "STALE, run packaging/update_translations.py"
                print(f"{qm.relative_to(ROOT)}: {verdict}")
                stale += [] if same else [qm]
        return 1 if stale else 0
    sources = sorted(
        str(p.relative_to(ROOT))
        for folder in ("ui", "view", "report")
        for p in (ROOT / "reader" / folder).rglob("*.py")
    )
    lupdate = [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources]
    subprocess.run([*lupdate, "-ts", str(TS)], check=True, cwd=ROOT)
    subprocess.run(
        [*lupdate, "-pluralonly", "-source-language", "en", "-target-language", "en", "-ts", str(PLURALS_TS)],
        check=True,
        cwd=ROOT,
    )
    for ts, qm in CATALOGUES:
        release(ts, qm)
    print(f"wrote {', '.join(str(p.relative_to(ROOT)) for pair in CATALOGUES for p in pair)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
