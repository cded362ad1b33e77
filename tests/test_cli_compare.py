"""`qarin compare A B`: JSON offsets index the decoded text, the report reads right, errors are one line."""

from __future__ import annotations

import json
import os
import pty
import random
import re
import subprocess
import sys
import unicodedata
from importlib import resources
from pathlib import Path

import arabic_reshaper
import pytest

# The oracle is python-bidi's reference algorithm: its Rust `bidi.get_display` (0.5+) skips rule L4
# and leaves brackets unmirrored, so "(" would point the wrong way in right-to-left lines.
from bidi.algorithm import get_display

from reader.cli import main
from reader.compare import compare
from reader.text.decoding import MAX_FILE_BYTES

SEED_NAMES = sorted(p.name for p in resources.files("reader.seeds").iterdir() if p.name.endswith(".txt"))
ANSI_RE = re.compile(r"\x1b\[[0-9;]*m")


def seed_text(index: int) -> str:
    return resources.files("reader.seeds").joinpath(SEED_NAMES[index]).read_bytes().decode("utf-8")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def run_qarin(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "reader", "compare", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=120,
    )


@pytest.fixture
def pair(tmp_path) -> tuple[Path, Path, str, str]:
    """Seed 0 as cp1256 with Windows newlines, seed 1 as UTF-16 LE without a BOM."""
    text_a = seed_text(0).replace("\n", "\r\n")
    text_b = seed_text(1)
    return (
        write(tmp_path / "a.txt", text_a, "cp1256"),
        write(tmp_path / "b.txt", text_b, "utf-16-le"),
        text_a,
        text_b,
    )


# ------------------------------------------------------------------------------------------- json


def test_json_has_the_design_shape_and_offsets_index_the_decoded_text(pair, capsys):
    path_a, path_b, text_a, text_b = pair
    assert main(["compare", str(path_a), str(path_b), "--format", "json"]) == 0
    out = capsys.readouterr().out
    result = json.loads(out)
    assert set(result) == {"version", "a", "b", "stats", "passages", "segments", "facts"}
    assert result["version"] == 3
    assert result["a"] == {"length": len(text_a)}  # \r\n kept: offsets count the \r too
    assert result["b"] == {"length": len(text_b)}
    assert set(result["stats"]) == {"shared_a", "shared_b", "passages", "moved"}
    assert result["stats"]["passages"] == len(result["passages"])
    # The same result as the engine's on the decoded texts: the CLI neither edits nor re-reads them.
    facts = result.pop("facts")
    assert result == json.loads(json.dumps(compare(text_a, text_b).to_dict()))
    for fact in facts:
        for side, text in (("a", text_a), ("b", text_b)):
            if fact[side] is not None:
                assert text[fact[side]["start"] : fact[side]["end"]] == fact[side]["text"]
    for side, text in (("a", text_a), ("b", text_b)):
        segments = result["segments"][side]
        assert "".join(text[s["start"] : s["end"]] for s in segments) == text
        assert all(s["kind"] in ("same", "changed", "only") for s in segments)
        for passage in result["passages"]:
            start, end = passage[side]
            assert 0 <= start < end <= len(text)
            assert text[start:end].strip()


def test_json_is_utf8_arabic_not_escaped(pair):
    path_a, path_b, _, _ = pair
    done = run_qarin(str(path_a), str(path_b), "--format", "json", env={"PYTHONIOENCODING": "latin-1"})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["version"] == 3
    assert done.stderr == ""


def test_json_of_a_cp1256_file_slices_to_its_words(tmp_path, capsys):
    sentence = 'قال الرئيس: "نعم".\r\nوأضاف أن 07ر3 مليار دولار\r\n'
    path_a = write(tmp_path / "a.txt", sentence * 3, "cp1256")
    path_b = write(tmp_path / "b.txt", sentence * 3, "utf-8")
    assert main(["compare", str(path_a), str(path_b), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    text_a = (sentence * 3).encode("cp1256").decode("cp1256")
    pieces = [text_a[s["start"] : s["end"]] for s in result["segments"]["a"]]
    assert "".join(pieces) == text_a
    assert any("07ر3" in piece for piece in pieces)


# ------------------------------------------------------------------------------------ text report


def test_piped_text_report_is_logical_plain_and_holds_the_articles_words(pair):
    path_a, path_b, text_a, text_b = pair
    done = run_qarin(str(path_a), str(path_b))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = done.stdout
    assert not ANSI_RE.search(out)  # piped: no colour
    assert not any("\ufe70" <= ch <= "\ufeff" for ch in out)  # logical: no presentation forms
    assert "\r" not in out
    assert str(path_a) in out and str(path_b) in out
    for text in (text_a, text_b):
        words = re.findall(r"[\u0621-\u064a]{5,}", text)
        assert words
        missing = [w for w in set(words) if w not in out]
        assert not missing


def test_header_names_each_file_its_encoding_and_any_repair(tmp_path, capsys):
    path_a = write(tmp_path / "a.txt", seed_text(0), "cp1256")
    path_b = tmp_path / "b.txt"
    path_b.write_bytes(seed_text(1).rstrip(" \n.").encode("utf-8")[:-1])  # cut in the middle of a letter
    assert main(["compare", str(path_a), str(path_b), "--bidi", "logical", "--width", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"A  {path_a} · {len(seed_text(0)):,} characters · cp1256"
    assert lines[1].startswith(f"B  {path_b} · ")
    assert lines[1].endswith("utf-8, 1 damaged byte sequence shown as \ufffd")


def test_report_lists_every_passage_and_the_moved_ones(tmp_path, capsys):
    text_a, text_b = seed_text(0), seed_text(1)
    result = compare(text_a, text_b)
    path_a, path_b = write(tmp_path / "a.txt", text_a), write(tmp_path / "b.txt", text_b)
    assert main(["compare", str(path_a), str(path_b), "--bidi", "logical", "--width", "80"]) == 0
    out = capsys.readouterr().out
    assert len(re.findall(r"── Passage \d+ of (\d+)", out)) == result.stats.passages
    # each passage says where it stands: these two shifted in order, text before them cut
    assert out.count("in order, text before it cut:") == sum(p.moved for p in result.passages) == 2
    assert re.search(r"Shared: A \d+% identical, \d+% reworded · B \d+% identical", out)
    # Each passage shows A's wording and B's.
    for passage in result.passages:
        first_a = re.findall(r"\S+", text_a[passage.a[0] : passage.a[1]])[0]
        first_b = re.findall(r"\S+", text_b[passage.b[0] : passage.b[1]])[0]
        assert first_a in out and first_b in out


def test_texts_with_nothing_in_common(tmp_path, capsys):
    path_a = write(tmp_path / "a.txt", "استضاف الرئيس الأمريكي قادة خمس دول من آسيا الوسطى")
    path_b = write(tmp_path / "b.txt", "The weather in Cairo was mild on Thursday afternoon")
    assert main(["compare", str(path_a), str(path_b), "--bidi", "logical"]) == 0
    out = capsys.readouterr().out
    assert "No shared passages" in out
    assert "Only in A" in out and "Only in B" in out
    assert "الوسطى" in out and "Thursday" in out


def test_lines_wrap_at_the_width(pair, capsys):
    path_a, path_b, _, _ = pair
    assert main(["compare", str(path_a), str(path_b), "--bidi", "logical", "--width", "60"]) == 0
    lines = capsys.readouterr().out.splitlines()
    widths = [sum(unicodedata.category(ch) != "Mn" for ch in line) for line in lines]
    assert max(widths) <= 60
    assert sum(w > 50 for w in widths) > 10  # and they are filled, not chopped short


def test_width_zero_keeps_each_paragraph_on_one_line(tmp_path, capsys):
    paragraph = " ".join(["كلمة"] * 80)
    path_a = write(tmp_path / "a.txt", paragraph + "\n")
    path_b = write(tmp_path / "b.txt", "نص آخر مختلف تماما\n")
    assert main(["compare", str(path_a), str(path_b), "--bidi", "logical", "--width", "0"]) == 0
    assert "A │ " + paragraph in capsys.readouterr().out.splitlines()


def oracle_base(line: str) -> str:
    rtl = sum(unicodedata.bidirectional(ch) in ("R", "AL") for ch in line)
    ltr = sum(unicodedata.bidirectional(ch) == "L" for ch in line)
    return "R" if rtl > ltr else "L"


def test_visual_lines_are_reshaped_and_reordered_logical_lines(pair, capsys):
    path_a, path_b, _, _ = pair
    args = ["compare", str(path_a), str(path_b), "--width", "70"]
    assert main([*args, "--bidi", "logical"]) == 0
    logical = capsys.readouterr().out.splitlines()
    assert main([*args, "--bidi", "visual"]) == 0
    visual = capsys.readouterr().out.splitlines()
    assert len(visual) == len(logical)
    rtl_lines = 0
    for number, (plain, shown) in enumerate(zip(logical, visual, strict=True)):
        # A bare gutter line between two paragraphs takes the direction of the paragraph after it.
        base = oracle_base(logical[number + 1] if plain in ("A │", "B │", "AB │") else plain)
        expected = get_display(arabic_reshaper.reshape(plain), base_dir=base)
        if base == "R":
            rtl_lines += 1
            assert shown.lstrip(" ") == expected.lstrip(" ")
            assert len(shown) == 70  # right-to-left lines end at the right margin
        else:
            assert shown == expected
    assert rtl_lines > 20


def test_visual_mode_mirrors_brackets_in_right_to_left_text(tmp_path, capsys):
    path_a = write(tmp_path / "a.txt", "أكثر من 100 مليار دولار (86.6 مليار يورو) في غضون عام\n")
    path_b = write(tmp_path / "b.txt", "نص آخر لا علاقة له بالأول أبدا\n")
    assert main(["compare", str(path_a), str(path_b), "--bidi", "visual", "--width", "0"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if "86.6" in line)
    # Read right to left, the parenthesis opens before يورو: on screen "(" is left of ")" around it.
    assert re.search(r"\(\ufe8d?[^()]*86\.6\)", line)


def test_colour_marks_changed_and_only_text(tmp_path, capsys):
    base = "استضاف الرئيس الأمريكي دونالد ترامب قادة خمس دول من آسيا الوسطى في البيت الأبيض يوم الخميس"
    path_a = write(
        tmp_path / "a.txt", base + " وقال إن الاجتماع كان مثمرا.\n\nفقرة لا توجد إلا هنا في الأول.\n"
    )
    path_b = write(tmp_path / "b.txt", base.replace("قادة", "زعماء") + " وقال إن الاجتماع كان مثمرا.\n")
    assert main(["compare", str(path_a), str(path_b), "--bidi", "logical", "--color", "always"]) == 0
    out = capsys.readouterr().out
    assert "\x1b[33m" in out or "\x1b[1;30;43m" in out  # changed words (or their letters)
    assert "\x1b[36m" in out  # only-in-one text
    assert ANSI_RE.sub("", out).count("فقرة لا توجد إلا هنا في الأول.") == 1
    assert main(["compare", str(path_a), str(path_b), "--bidi", "logical", "--color", "never"]) == 0
    assert not ANSI_RE.search(capsys.readouterr().out)


def run_on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run qarin with stdout on a pseudo-terminal (a TTY, as in an editor's shell)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdout=terminal,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "90", "TERM": "xterm-256color", **env},
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""
    return b"".join(chunks).decode("utf-8")


def test_on_a_terminal_auto_means_colour_and_visual_unless_no_color(pair):
    path_a, path_b, _, _ = pair
    env = {k: "" for k in ("NO_COLOR",)}
    shown = run_on_a_terminal(["compare", str(path_a), str(path_b)], env)
    assert ANSI_RE.search(shown)
    assert any("\ufe70" <= ch <= "\ufeff" for ch in shown)  # shaped for a terminal without shaping
    # A BiDi terminal (GNOME's VTE) is asked to keep our order, and given its default back at the end.
    assert shown.startswith("\x1b[8l") and shown.rstrip("\r\n").endswith("\x1b[8h")
    plain = run_on_a_terminal(["compare", str(path_a), str(path_b)], {"NO_COLOR": "1"})
    assert not ANSI_RE.search(plain)
    assert any("\ufe70" <= ch <= "\ufeff" for ch in plain)


def test_control_characters_in_a_file_do_not_reach_the_terminal(tmp_path, capsys):
    path_a = write(tmp_path / "a.txt", "نص فيه رمز تحكم \x1b]0;title\x07 في وسطه وكلام كثير بعده\n")
    path_b = write(tmp_path / "b.txt", "نص آخر\n")
    assert main(["compare", str(path_a), str(path_b), "--bidi", "logical", "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\ufffd]0;title\ufffd" in out


def test_a_closed_pipe_ends_quietly(tmp_path):
    big = (seed_text(2) + "\n") * 40
    path_a, path_b = write(tmp_path / "a.txt", big), write(tmp_path / "b.txt", seed_text(3))
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "compare", str(path_a), str(path_b)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    assert process.wait(timeout=120) == 0
    assert process.stderr.read() == b""


def test_one_side_can_come_from_standard_input(tmp_path):
    path_b = write(tmp_path / "b.txt", seed_text(1))
    done = subprocess.run(
        [sys.executable, "-m", "reader", "compare", "-", str(path_b), "--format", "json"],
        input=seed_text(0).encode("cp1256"),
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["a"]["length"] == len(seed_text(0))


def test_empty_standard_input_is_one_line(tmp_path):
    path_b = write(tmp_path / "b.txt", seed_text(1))
    done = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(path_b), "-"],
        input=b"",
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.decode() == "qarin: standard input: file is empty\n"


def test_both_sides_from_standard_input_is_refused(capsys):
    assert main(["compare", "-", "-"]) == 2
    assert capsys.readouterr().err == "qarin: only one of A and B can be - (standard input)\n"


# ---------------------------------------------------------------------------------- library ids


@pytest.fixture
def library_file(tmp_path) -> Path:
    from reader.library import open_library

    path = tmp_path / "library.sqlite3"
    library = open_library(path)  # an empty library gets the five seeds
    assert library.count() == 5
    library.close()
    return path


def test_article_ids_come_from_the_library(library_file, capsys):
    from reader.library import open_library

    library = open_library(library_file, seed_if_empty=False)
    ids = [summary.id for summary in library.summaries()][:2]
    texts = [library.text(article_id) for article_id in ids]
    library.close()
    argv = ["compare", str(ids[0]), str(ids[1]), "--library", str(library_file), "--format", "json"]
    assert main(argv) == 0
    result = json.loads(capsys.readouterr().out)
    assert result.pop("facts") is not None
    assert result == json.loads(json.dumps(compare(texts[0], texts[1]).to_dict()))


def test_an_article_id_can_be_mixed_with_a_file(library_file, tmp_path, capsys):
    path = write(tmp_path / "b.txt", seed_text(4))
    assert main(["compare", "1", str(path), "--library", str(library_file), "--bidi", "logical"]) == 0
    out = capsys.readouterr().out
    assert "article 1" in out and str(path) in out


def test_a_number_that_names_an_existing_file_is_the_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "7", seed_text(0))
    write(tmp_path / "8", seed_text(1))
    assert main(["compare", "7", "8", "--format", "json", "--library", str(tmp_path / "none.sqlite3")]) == 0
    assert json.loads(capsys.readouterr().out)["a"]["length"] == len(seed_text(0))


# ---------------------------------------------------------------------------------------- errors


def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, words the error line must contain)."""
    (tmp_path / "folder").mkdir()
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "blank.txt", "  \n\n  ")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "noise.txt").write_bytes(bytes(b for b in random.Random(3).randbytes(4000) if b))
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    return {
        "missing": (tmp_path / "missing.txt", "no such file"),
        "directory": (tmp_path / "folder", "is a directory"),
        "empty": (tmp_path / "empty.txt", "empty"),
        "blank": (tmp_path / "blank.txt", "empty"),
        "binary": (tmp_path / "binary.bin", "binary"),
        "undecodable": (tmp_path / "noise.txt", "not text in any encoding"),
        "too large": (tmp_path / "huge.txt", "too large"),
    }


@pytest.mark.parametrize(
    "name", ["missing", "directory", "empty", "blank", "binary", "undecodable", "too large"]
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, name):
    good = write(tmp_path / "good.txt", seed_text(0))
    path, words = bad_inputs(tmp_path)[name]
    for args in ([str(path), str(good)], [str(good), str(path)]):
        done = run_qarin(*args)
        assert done.returncode == 2
        assert done.stdout == ""
        lines = done.stderr.splitlines()
        assert len(lines) == 1, done.stderr
        assert lines[0].startswith(f"qarin: {path}: ")
        assert words in lines[0]
        assert "Traceback" not in done.stderr


def test_unknown_article_id_is_one_line(library_file, capsys):
    assert main(["compare", "1", "999", "--library", str(library_file)]) == 2
    captured = capsys.readouterr()
    assert captured.err == "qarin: library article 999: no article with id 999\n"
    assert captured.out == ""


def test_article_id_without_a_library_is_one_line(tmp_path, capsys):
    missing = tmp_path / "no-library.sqlite3"
    assert main(["compare", "1", "2", "--library", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("qarin: 1 and 2: no such file")
    assert not missing.exists()  # looking up an id never creates a library


def test_a_broken_library_file_is_one_line(tmp_path, capsys):
    broken = write(tmp_path / "broken.sqlite3", "this is not a database")
    assert main(["compare", "1", "2", "--library", str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("qarin: ")


@pytest.mark.parametrize(
    "args",
    [
        ["only-one-file"],
        ["a", "b", "--format", "xml"],
        ["a", "b", "--bidi", "sideways"],
        ["a", "b", "--width", "x"],
    ],
)
def test_usage_errors_exit_2(args):
    done = run_qarin(*args)
    assert done.returncode == 2
    assert "usage:" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_engine_failure_is_one_line_not_a_traceback(pair, monkeypatch, capsys):
    import reader.commands.compare as command

    def broken(a, b, options=None):
        raise IndexError("list index out of range")

    monkeypatch.setattr(command, "compare", broken)
    path_a, path_b, _, _ = pair
    assert main(["compare", str(path_a), str(path_b)]) == 2
    err = capsys.readouterr().err
    assert err == "qarin: internal error while comparing (IndexError: list index out of range)\n"


def test_negative_width_is_refused(pair, capsys):
    path_a, path_b, _, _ = pair
    assert main(["compare", str(path_a), str(path_b), "--width", "-5"]) == 2
    assert capsys.readouterr().err.startswith("qarin: --width must be 0")


# ------------------------------------------------------------------------- colour through bidi


def test_colour_follows_each_word_through_shaping_and_reordering():
    from reader.terminal import to_visual

    runs = [("قال ", None), ("الرئيس", "changed"), (" أمس (C5+1)", None)]
    shown = to_visual(runs, "R")
    plain = "".join(piece for piece, _ in runs)
    assert "".join(piece for piece, _ in shown) == get_display(arabic_reshaper.reshape(plain), base_dir="R")
    coloured = "".join(piece for piece, style in shown if style == "changed")
    assert coloured == get_display(arabic_reshaper.reshape("الرئيس"), base_dir="R")


def test_differing_letters_keep_their_colour_in_joined_form():
    from reader.terminal import to_visual

    # "بالغرب" where only the first letter differs: the highlighted glyph is the initial form of ب.
    shown = to_visual([("يربط الشرق ", None), ("ب", "changed_chars"), ("الغرب", "changed")], "R")
    assert [piece for piece, style in shown if style == "changed_chars"] == ["\ufe91"]
    # Harakat are dropped by the reshaper; colours stay on the letters around them.
    shown = to_visual([("إنّ", "only"), (" الرئيسَ", None)], "R")
    assert "".join(piece for piece, style in shown if style == "only") == get_display(
        arabic_reshaper.reshape("إنّ"), base_dir="R"
    )


def test_terminals_that_always_reorder_get_logical_text(pair):
    path_a, path_b, text_a, _ = pair
    shown = run_on_a_terminal(["compare", str(path_a), str(path_b)], {"KONSOLE_VERSION": "230805"})
    assert not any("\ufe70" <= ch <= "\ufeff" for ch in shown)
    assert "\x1b[8l" not in shown
    assert "استضاف" in shown


def test_piped_visual_output_has_no_terminal_modes(pair):
    path_a, path_b, _, _ = pair
    done = run_qarin(str(path_a), str(path_b), "--bidi", "visual")
    assert done.returncode == 0
    assert "\x1b" not in done.stdout


def test_without_the_reference_bidi_module_order_survives_and_only_colour_is_lost(monkeypatch):
    import bidi
    from bidi import algorithm

    from reader.terminal import to_visual

    monkeypatch.delattr(algorithm, "reorder_resolved_levels")
    runs = [("قال ", None), ("الرئيس", "changed"), (" أمس", None)]
    shown = to_visual(runs, "R")
    assert shown == [(bidi.get_display(arabic_reshaper.reshape("قال الرئيس أمس"), base_dir="R"), None)]
