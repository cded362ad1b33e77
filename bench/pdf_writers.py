"""Which PDF writer renders the comparison report's Arabic correctly: Qt's own (what `qarin compare
--format pdf` uses) against the same HTML page through WeasyPrint, xhtml2pdf and headless Chromium.

One pair (the casualty reports of issue 13 with an English paragraph added, one word changed in
each language) is written as the report page; each writer turns it into a PDF, pdftoppm into PNG
pages to look at (letters joined, right to left, highlights on the right words, the English
paragraph left to right, the facts table). Printed per writer: seconds, PDF size, pages, fonts the
PDF embeds, what pdftotext reads back (the words in logical order, or presentation forms: a sign
the writer drew pre-shaped glyphs), and its weight as a dependency: the Python distributions it
pulls in and the shared libraries it maps beyond a bare interpreter.

The other writers need not be installed in the project's environment (they are not dependencies):
`--python PATH` names interpreters to look for them in (a scratch venv per library); a writer found
nowhere is skipped, saying so.

    python bench/pdf_writers.py OUT_FOLDER [--python /scratch/wp/bin/python ...]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAIR = ROOT / "tests" / "data" / "facts"
# Seed 002's English tweet; B says `bold` for `decisive`, as the Arabic quote says جدا for للغاية.
ENGLISH = (
    "Under President Trump, we are taking {} steps to identify and develop domestic reserves for "
    "critical minerals, to benefit all Americans."
)
# Words pdftotext must read back as written (logical order, no presentation forms).
PROBES = ("بالاكاوغلو", "للغاية", "الثلاثاء", "ملاطية", "decisive", "Americans")
PRESENTATION_FORMS = [(0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]

# Each writer: the Python module it needs (None: a program) and the code a child runs with
# argv = [html, pdf]; it prints a JSON line with what it mapped and which distributions it loaded.
WEIGHT = r"""
import json, os, re, sys, importlib.metadata as md
def _maps():
    with open("/proc/self/maps") as f:
        return {l.split()[-1] for l in f if ".so" in l.split()[-1]}
def _weight(dist, before):
    seen, todo, size = set(), [dist], 0
    while todo:
        name = todo.pop()
        try:
            d = md.distribution(name)
        except md.PackageNotFoundError:
            continue
        key = d.metadata["Name"].lower()
        if key in seen:
            continue
        seen.add(key)
        for f in d.files or ():
            p = d.locate_file(f)
            if os.path.isfile(p):
                size += os.path.getsize(p)
        for req in d.requires or ():
            if "extra ==" not in req:
                todo.append(re.split(r"[ ;\\[(<>=!~]", req)[0])
    extra = sorted(p for p in _maps() - before if not p.startswith((sys.prefix, sys.base_prefix)))
    libs = sum(os.path.getsize(p) for p in extra if os.path.exists(p))
    print(json.dumps({"dists": sorted(seen), "python_bytes": size, "system_libs": extra, "lib_bytes": libs}))
"""
XHTML2PDF = """before = _maps()
import re
from xhtml2pdf import pisa
page = open(sys.argv[1], encoding="utf-8").read()
font = {font!r}
if font:
    page = re.sub(r"src: url\\(data:[^)]*\\) format\\([^)]*\\)", f"src: url({{font}})", page)
with open(sys.argv[2], "wb") as out:
    pisa.CreatePDF(page, dest=out, encoding="utf-8")
_weight("xhtml2pdf", before)
"""
AMIRI = str(ROOT / "resources" / "fonts" / "Amiri-Regular.ttf")
WRITERS = {
    "weasyprint": (
        "weasyprint",
        WEIGHT + "before = _maps()\nimport weasyprint\n"
        "weasyprint.HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])\n_weight('weasyprint', before)\n",
    ),
    "xhtml2pdf": ("xhtml2pdf", WEIGHT + XHTML2PDF.format(font="")),
    # ReportLab reads TrueType files, not the page's WOFF data URL: give it the whole Amiri
    "xhtml2pdf+amiri": ("xhtml2pdf", WEIGHT + XHTML2PDF.format(font=AMIRI)),
}


def write_pair(folder: Path) -> tuple[Path, Path]:
    paths = []
    for side, word in (("a", "decisive"), ("b", "bold")):
        text = (PAIR / f"casualty_{side}.txt").read_text(encoding="utf-8").rstrip("\n")
        path = folder / f"casualty_{side}.txt"
        path.write_text(f"{text}\n\n{ENGLISH.format(word)}\n", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


def arabic_letters(text: str) -> int:
    return sum(1 for ch in unicodedata.normalize("NFKC", text) if "\u0621" <= ch <= "\u064a")


def page_letters(html: Path) -> int:
    """Arabic letters the page shows (its text without the style sheet, title and tags)."""
    page = re.sub(r"<(style|title)>.*?</\1>", "", html.read_text(encoding="utf-8"), flags=re.S)
    return arabic_letters(re.sub(r"<[^>]+>", "", page))


def pdf_facts(pdf: Path) -> dict:
    """Pages, embedded fonts and what the text layer reads back."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = next((int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:")), 0)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    forms = sum(1 for ch in text if any(lo <= ord(ch) <= hi for lo, hi in PRESENTATION_FORMS))
    return {
        "pages": pages,
        "fonts": sorted({line.split()[0].split("+")[-1] for line in fonts if line.strip()}),
        "read_back": [word for word in PROBES if word in text],
        "presentation_forms": forms,
        "letters": arabic_letters(text),
    }


def to_png(pdf: Path, stem: Path) -> list[str]:
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf), str(stem)], check=True)
    return sorted(str(p) for p in stem.parent.glob(f"{stem.name}-*.png"))


def find_python(module: str, pythons: list[str]) -> str | None:
    for python in pythons:
        if subprocess.run([python, "-c", f"import {module}"], capture_output=True).returncode == 0:
            return python
    return None


def render(name: str, html: Path, out: Path, pythons: list[str]) -> tuple[float, dict] | str:
    """Seconds and weight, or why the writer was skipped."""
    if name == "chromium":
        browser = shutil.which("chromium") or shutil.which("chromium-browser")
        if not browser:
            return "chromium not found"
        started = time.perf_counter()
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
        subprocess.run(
            [browser, *flags, f"--print-to-pdf={out}", html.resolve().as_uri()],
            capture_output=True,
            check=True,
            timeout=120,
        )
        return time.perf_counter() - started, {"program": browser}
    module, code = WRITERS[name]
    python = find_python(module, pythons)
    if python is None:
        return f"{module} is not installed in {', '.join(pythons)}"
    started = time.perf_counter()
    done = subprocess.run(
        [python, "-c", code, str(html), str(out)], capture_output=True, text=True, timeout=300
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        return f"failed: {(done.stderr.strip().splitlines() or ['?'])[-1]}"
    return seconds, json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--python", action="append", default=[], help="an interpreter to find writers in")
    args = parser.parse_args()
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    pythons = [*args.python, sys.executable]
    with tempfile.TemporaryDirectory(prefix="qarin-pdfw-") as scratch:
        a, b = write_pair(Path(scratch))
        qarin = [sys.executable, "-m", "reader", "compare", str(a), str(b)]
        html = folder / "report.html"
        subprocess.run([*qarin, "--format", "html", "-o", str(html)], check=True)
        started = time.perf_counter()
        subprocess.run([*qarin, "--format", "pdf", "-o", str(folder / "qt.pdf")], check=True)
        results = {"qt": (time.perf_counter() - started, {"dists": ["PySide6 (already a dependency)"]})}
    letters = page_letters(html)
    print(f"report page: {html} ({html.stat().st_size:,} bytes, {letters} Arabic letters)")
    for name in ("weasyprint", "xhtml2pdf", "xhtml2pdf+amiri", "chromium"):
        results[name] = render(name, html, folder / f"{name}.pdf", pythons)
    for name, result in results.items():
        if isinstance(result, str):
            print(f"{name}: skipped ({result})")
            continue
        seconds, weight = result
        pdf = folder / f"{name}.pdf"
        facts = pdf_facts(pdf)
        pngs = to_png(pdf, folder / name)
        print(
            f"{name}: {seconds:.2f} s, {pdf.stat().st_size:,} bytes, {facts['pages']} pages, "
            f"fonts {facts['fonts']}"
        )
        print(
            f"  read back {len(facts['read_back'])}/{len(PROBES)} words {facts['read_back']}, "
            f"{facts['presentation_forms']} presentation-form letters; Arabic letters in the text layer "
            f"{facts['letters']} of {letters} ({facts['letters'] / letters:.0%})"
        )
        if "python_bytes" in weight:
            print(
                f"  weight: {len(weight['dists'])} distributions {weight['python_bytes'] / 1e6:.1f} MB "
                f"({', '.join(weight['dists'])}); {len(weight['system_libs'])} system libraries mapped "
                f"{weight['lib_bytes'] / 1e6:.1f} MB"
            )
            print("  libraries: " + " ".join(Path(p).name for p in weight["system_libs"]))
        else:
            print(f"  weight: {', '.join(f'{k} {v}' for k, v in weight.items())}")
        print("  pages: " + " ".join(pngs))


if __name__ == "__main__":
    main()
