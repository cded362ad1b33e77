"""`qarin compare A B --format html|pdf -o FILE`: the comparison as a page or a PDF to hand on.

The HTML is made here (reader.report.html). The PDF is Qt's own writer (QTextDocument printed by
QPdfWriter, shaping Arabic with HarfBuzz) run in a child `qarin --render-pdf` offscreen, so this
command never loads Qt itself.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from reader.commands import CliError
from reader.compare import Comparison
from reader.facts import Facts
from reader.report.html import ReportSide, report_html
from reader.report.summary import Summary

PDF_TIMEOUT_SECONDS = 300


def write_report_file(
    fmt: str,
    output: str | None,
    result: Comparison,
    facts: Facts,
    summary: Summary,
    a: ReportSide,
    b: ReportSide,
) -> None:
    if fmt == "pdf" and not output:
        raise CliError("--format pdf needs -o FILE (a PDF is not written to the terminal)")
    if fmt == "html":
        page = report_html(result, facts, summary, a, b)
        if output:
            _write(Path(output), page.encode("utf-8"))
        else:
            sys.stdout.buffer.write(page.encode("utf-8"))
        return
    page = report_html(result, facts, summary, a, b, for_qt=True)
    render_pdf(page, Path(output))


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except OSError as error:
        raise CliError(f"{path}: cannot write ({error.strerror or error})") from None


def pdf_command() -> list[str]:
    """The command line of the child that prints a page to PDF (the bundle is its own python)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--render-pdf"]
    return [sys.executable, "-m", "reader", "--render-pdf"]


def render_pdf(page: str, output: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="qarin-pdf-") as folder:
        source = Path(folder) / "report.html"
        source.write_text(page, encoding="utf-8")
        target = Path(folder) / "report.pdf"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        try:
            done = subprocess.run(
                [*pdf_command(), str(source), str(target)],
                capture_output=True,
                text=True,
                timeout=PDF_TIMEOUT_SECONDS,
                env=env,
            )
        except subprocess.TimeoutExpired:
            raise CliError("writing the PDF took too long (Qt did not finish)") from None
        if done.returncode != 0 or not target.exists():
            reason = (done.stderr or done.stdout).strip().splitlines()
            raise CliError(f"cannot write the PDF: {reason[-1] if reason else 'Qt failed'}")
        _write(output, target.read_bytes())
