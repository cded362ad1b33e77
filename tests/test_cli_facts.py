"""`qarin compare` shows the facts that differ first, keeps every difference visible without colour,
labels places by paragraph, and puts the facts in the JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reader.cli import main

DATA = Path(__file__).parent / "data" / "facts"
A, B = str(DATA / "casualty_a.txt"), str(DATA / "casualty_b.txt")


def report(capsys, *args: str) -> str:
    assert main(["compare", A, B, "--bidi", "logical", "--width", "0", *args]) == 0
    return capsys.readouterr().out


def test_text_report_lists_the_five_differences_before_the_passages(capsys):
    out = report(capsys, "--color", "never")
    facts = out.index("── Facts that differ: 5")
    passages = out.index("── Passage 1 of 1")
    assert facts < passages
    listed = out[facts:passages].splitlines()
    for head, a, b in (
        ("· number differs · A ¶1 · B ¶1", "27 شخصا", "31 شخصا"),
        ("· number differs · A ¶1 · B ¶1", "140 آخرون", "104 آخرون"),
        ("· date differs · A ¶1 · B ¶1", "الثلاثاء", "الأربعاء"),
        ("· name spelled two ways · A ¶2 · B ¶2", "إسماعيل بالاكاوغلو", "إسماعيل بالاكاغلو"),
    ):
        at = listed.index(f"  A │ {a}")
        assert listed[at - 1] == head and listed[at + 1] == f"  B │ {b}"
    at = listed.index("· quote worded differently · A ¶2 · B ¶2")
    assert listed[at + 1 : at + 3] == [
        "  = │ المتحدث باسم الإدارة إسماعيل بالاكاوغلو",
        "  ± │ [-للغاية-]{+جدا+}",
    ]
    assert "Facts: 4 facts differ, 1 name spelled two ways" in out


def test_without_colour_every_changed_word_is_marked_as_word_diff_does(capsys):
    out = report(capsys, "--color", "never")
    passage = out[out.index("── Passage 1 of 1") :]
    for a, b in (
        ("27", "31"),
        ("140", "104"),
        ("الثلاثاء", "الأربعاء"),
        ("بالاكاوغلو", "بالاكاغلو"),
        ("للغاية", "جدا"),
    ):
        assert f"[-{a}-]{{+{b}+}}" in passage
    assert "\x1b" not in out
    # places are paragraphs, not character offsets
    assert "in order: ¶1–3 of A is ¶1–3 of B" in passage.splitlines()[0]
    assert not re.search(r"A \d+-\d+, B \d+-\d+", out)


def test_the_share_line_never_says_all_shared_when_words_differ(capsys):
    out = report(capsys, "--color", "never")
    shared = next(line for line in out.splitlines() if line.startswith("Shared:"))
    assert "reworded" in shared and "100%" not in shared


def test_with_colour_numbers_are_marked_whole(capsys):
    out = report(capsys, "--color", "always")
    assert "\x1b[1;30;43m104" in out  # the whole number, not only its changed letter


def test_json_lists_the_facts(capsys):
    assert main(["compare", A, B, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["version"] == 3
    differing = [f for f in document["facts"] if f["status"] in ("differ", "spelled")]
    assert len(differing) == 5
    numbers = [f for f in differing if f["kind"] == "number"]
    assert [(f["a"]["value"], f["b"]["value"], f["a"]["unit"]) for f in numbers] == [
        (27.0, 31.0, "شخصا"),
        (140.0, 104.0, "آخرون"),
    ]
    weekday = next(f for f in differing if f["kind"] == "date")
    assert (weekday["a"]["value"], weekday["b"]["value"]) == ({"weekday": 2}, {"weekday": 3})
    quote = next(f for f in differing if f["kind"] == "quote")
    assert quote["words"] == [{"a": "للغاية", "b": "جدا"}] and quote["reasons"] == ["wording"]
    assert document["facts"][: len(differing)] == differing  # disagreeing first
