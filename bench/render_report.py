"""Render the comparison report as a person sees it: the HTML page in headless Chromium, the PDF
through pdftoppm, into PNGs to look at (letters joined, right to left, highlights on the right words,
English paragraphs left to right). Needs Debian's `chromium` and `poppler-utils`.

    python bench/render_report.py A B OUT_FOLDER
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--hide-scrollbars",
    "--window-size=1200,2400",
]


def main() -> None:
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    a, b, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    folder.mkdir(parents=True, exist_ok=True)
    qarin = [sys.executable, "-m", "reader", "compare", a, b]
    for fmt in ("html", "pdf"):
        started = time.perf_counter()
        subprocess.run([*qarin, "--format", fmt, "-o", str(folder / f"report.{fmt}")], check=True)
        size = (folder / f"report.{fmt}").stat().st_size
        print(f"{fmt}: {size:,} bytes in {time.perf_counter() - started:.2f} s")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser:
        shot = folder / "report-html.png"
        subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--screenshot={shot}", (folder / "report.html").resolve().as_uri()],
            check=True,
            capture_output=True,
            timeout=120,
        )
        print(f"chromium: {shot}")
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", str(folder / "report.pdf"), str(folder / "report-pdf")],
            check=True,
        )
        print("pdftoppm: " + " ".join(str(p) for p in sorted(folder.glob("report-pdf*.png"))))


if __name__ == "__main__":
    main()
