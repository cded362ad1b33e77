"""`qarin compare A B --format html|pdf -o FILE`: a self-contained right-to-left page and its PDF."""

from __future__ import annotations

import io
import re
from pathlib import Path

from fontTools.ttLib import TTFont

from reader.cli import main
from reader.compare import compare
from reader.facts import find_facts
from reader.report.fonts import font_subset
from reader.report.html import ReportSide, report_html
from reader.report.summary import summarize

DATA = Path(__file__).parent / "data" / "facts"
A, B = str(DATA / "casualty_a.txt"), str(DATA / "casualty_b.txt")


def test_html_page_is_self_contained_right_to_left_with_the_facts_and_passages(tmp_path):
    out = tmp_path / "report.html"
    assert main(["compare", A, B, "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ar" dir="rtl">' in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:|//)""", page)  # nothing fetched
    assert re.search(r"@font-face \{[^}]*url\(data:font/woff;base64,", page)
    assert "Facts (5 differ)" in page and "Passage 1 of 1" in page
    for a, b in (("27 شخصا", "31 شخصا"), ("الثلاثاء", "الأربعاء"), ("للغاية", "جدا")):
        assert f">{a}</del>" in page and f">{b}</ins>" in page
    assert "casualty_a.txt" in page and "casualty_b.txt" in page


def test_an_english_paragraph_is_laid_out_left_to_right():
    a = "فقرة عربية مشتركة بين النصين عن الاجتماع في واشنطن.\n"
    a += "Under President Trump, we are taking decisive steps.\n"
    b = a.replace("decisive", "bold")
    result = compare(a, b)
    facts = find_facts(a, b, result)
    sides = [ReportSide(name, "", "", "", text) for name, text in (("a", a), ("b", b))]
    page = report_html(result, facts, summarize(result, facts, a, b), *sides)
    assert '<p dir="ltr"><span style="background-color:#d3eafa">Under President Trump' in page
    assert '<p dir="rtl"><span' in page


def test_the_embedded_font_keeps_the_arabic_forms():
    subset = TTFont(io.BytesIO(font_subset(frozenset("قتل شخصا"))))
    cmap = subset.getBestCmap()
    assert ord("ق") in cmap and ord("ش") in cmap and ord("ب") not in cmap  # only what the page uses
    assert "GSUB" in subset  # initial, medial and final forms reachable: letters join in a browser
    assert len(subset.getGlyphOrder()) > len(set("قتلشخصا"))


def test_pdf_is_written_by_a_child_process(tmp_path):
    out = tmp_path / "report.pdf"
    assert main(["compare", A, B, "--format", "pdf", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") >= 1


def test_pdf_needs_an_output_file_and_text_refuses_one(capsys, tmp_path):
    assert main(["compare", A, B, "--format", "pdf"]) == 2
    assert "needs -o FILE" in capsys.readouterr().err
    assert main(["compare", A, B, "-o", str(tmp_path / "x.txt")]) == 2
    assert "-o FILE is for --format html or pdf" in capsys.readouterr().err
