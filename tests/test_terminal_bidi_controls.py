"""Bidi controls in terminal output: every class prints, visually ordered, shown as a marker that
reorders nothing, so a title's controls cannot reverse Qarin's own words (Trojan Source)."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.terminal import TerminalOptions, TerminalWriter
from reader.text.bidi_controls import CONTROL_NAMES, FSI, PDI, isolated, shown_controls

ISOLATED_TITLE = "قال إن الاتفاق \u2066سري\u2069 ولن يعلن."
OVERRIDE_TITLE = "عنوان \u202eمقلوب 000,01"


def visual(text: str, width: int = 0) -> str:
    stream = io.StringIO()
    TerminalWriter(stream, TerminalOptions(visual=True, width=width)).paragraph([(text, None)])
    return stream.getvalue()


@pytest.mark.parametrize("control", sorted(CONTROL_NAMES))
def test_every_control_class_prints_as_its_marker(control):
    out = visual(f"قال {control}الاتفاق{control} سري abc")
    assert f"<{CONTROL_NAMES[control]}>" in out
    assert not any(ch in out for ch in CONTROL_NAMES)  # the control itself never reaches the terminal
    assert "abc" in out  # the Latin word kept its order inside the right-to-left line


def test_an_override_reorders_nothing():
    out = visual("قال \u202eabc 123 def")
    assert "abc 123 def" in out and "<RLO>" in out


def test_markers_read_forwards_at_a_right_to_left_level():
    out = visual("قال \u202bنص\u202c ثم \u2067كلمة\u2069 انتهى")
    for name in ("RLE", "PDF", "RLI", "PDI"):
        assert f"<{name}>" in out
    assert ">" + "ELR" not in out


def test_a_mark_still_steers_the_neutrals_beside_it():
    # RLM after the Latin word puts the exclamation mark on the right-to-left side
    with_mark = visual("قال abc\u200f! انتهى")
    assert "<RLM>" in with_mark and "\u200f" not in with_mark


_ALPHABET = st.sampled_from(
    list("אבגד") + list("قالسري") + list("abcXYZ") + list("0123") + list(" .,:!()[]-+%") + list(CONTROL_NAMES)
)


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=60), st.sampled_from([0, 20]))
def test_any_mix_of_controls_prints_each_as_one_marker(text, width):
    out = visual(text, width)
    assert not any(ch in out for ch in CONTROL_NAMES)
    for control, name in CONTROL_NAMES.items():
        assert out.count(f"<{name}>") == text.count(control)


def test_isolated_cannot_leak():
    wrapped = isolated("a\u202eb\u2066c\u2069\u2069\u2067d")
    assert wrapped.startswith(FSI) and wrapped.endswith(PDI + PDI)
    assert "<PDI>" in wrapped  # the PDI without an opener would have closed ours early
    depth = 0
    for ch in wrapped:
        depth += ch in "\u2066\u2067\u2068"
        depth -= ch == PDI
        assert depth >= 0
    assert depth == 0


def test_shown_controls_leaves_plain_text_alone():
    assert shown_controls("قال abc") == "قال abc"
    assert shown_controls("x\u202ey") == "x<RLO>y"


@pytest.fixture
def library(tmp_path, capsys):
    path = str(tmp_path / "lib.sqlite3")
    first, second = tmp_path / "isolate.txt", tmp_path / "override.txt"
    first.write_text(ISOLATED_TITLE + "\n", encoding="utf-8")
    second.write_text(OVERRIDE_TITLE + "\nنص المقال \u202bقال\u202c و\u200fرقم 5\n", encoding="utf-8")
    assert main(["import", str(first), str(second), "--library", path]) == 0
    capsys.readouterr()
    return path


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "unexpected error" not in captured.err and code == 0, captured.err
    return captured.out


@pytest.mark.parametrize(
    "argv",
    [("list",), ("show", "6"), ("show", "7"), ("search", "الاتفاق"), ("compare", "6", "7")],
)
def test_commands_print_isolates_on_a_terminal(library, capsys, argv):
    out = run(capsys, *argv, "--bidi", "visual", "--color", "always", "--library", library)
    assert "<LRI>" in out or "<RLO>" in out
    assert not any(ch in out for ch in CONTROL_NAMES)


def test_an_unterminated_override_leaves_the_flag_readable(library, capsys):
    out = run(capsys, "list", "--bidi", "visual", "--library", library)
    line = next(line for line in out.splitlines() if "<RLO>" in line)
    assert "[bidi controls]" in line


def test_piped_titles_are_kept_but_isolated(library, capsys):
    out = run(capsys, "list", "--library", library)
    line = next(line for line in out.splitlines() if "\u202e" in line)
    assert f"{FSI}{OVERRIDE_TITLE}{PDI} [bidi controls]" in line
