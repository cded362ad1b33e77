"""`qarin import | list | search | show | edit | remove` with --library: output, errors, exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from library_helpers import seed_bytes, seed_text

from reader.cli import main

DATA = Path(__file__).parent / "data" / "library"


@pytest.fixture
def lib(tmp_path):
    return str(tmp_path / "cli.sqlite3")


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_json_has_the_seeds(capsys, lib):
    code, out, err = run(capsys, "list", "--format", "json", "--library", lib)
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert [row["id"] for row in rows] == [1, 2, 3, 4, 5]
    assert set(rows[0]) == {"id", "title", "source", "date", "words"}
    assert rows[0]["date"] == "2025-11-07" and rows[3]["source"] == "شركة إرم ميديا"


def test_list_text(capsys, lib):
    code, out, _ = run(capsys, "list", "--library", lib)
    assert code == 0 and len(out.strip().split("\n")) == 5
    assert "من الثروات إلى التحالفات" in out


def test_import_files_and_folders_exit_codes(capsys, lib, tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes((seed_text("002") + "تحديث: سطر أضيف لاحقا").replace("\n", "\r\n").encode("cp1256"))
    code, out, err = run(capsys, "import", str(good), str(DATA / "article.html"), "--library", lib)
    assert code == 0 and err == ""
    assert "imported 6:" in out and "imported 7: ترامب يستضيف قادة آسيا الوسطى" in out
    assert "2 imported, 0 already there, 0 failed" in out

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary\x00" * 40)
    code, out, err = run(capsys, "import", str(good), str(bad), str(tmp_path / "nope.txt"), "--library", lib)
    assert code == 1
    assert "already in the library as 6" in out
    assert f"qarin: {bad}: binary data" in err and f"qarin: {tmp_path / 'nope.txt'}: no such file" in err
    assert len(err.strip().split("\n")) == 2  # one line per bad file, no traceback


def test_import_from_stdin(capsys, lib, monkeypatch):
    data = (seed_text("004") + "\nتحديث").encode("utf-16")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = run(capsys, "import", "-", "--title", "من الطرفية", "--library", lib)
    assert code == 0 and "من الطرفية  (stdin)" in out, err
    code, out, _ = run(capsys, "show", "6", "--format", "json", "--library", lib)
    article = json.loads(out)
    assert article["encoding"] == "utf-16-le" and article["date"] == "2025-11-07"
    # the same seed again is a duplicate of the seeded article 5
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(seed_bytes("000"))))
    code, out, _ = run(capsys, "import", "-", "--library", lib)
    assert code == 0 and "already in the library as 1" in out


def test_empty_stdin_fails_with_one_line(capsys, lib, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"  \n")))
    code, out, err = run(capsys, "import", "-", "--library", lib)
    assert code == 1 and err.strip() == "qarin: stdin: empty: no text in it"


def test_search_text_and_json(capsys, lib):
    code, out, _ = run(capsys, "search", "الأميركي", "--library", lib)
    assert code == 0 and "«الأمريكي»" in out and "«الأميركي»" in out
    code, out, _ = run(capsys, "search", "قمة", "C5+1", "--format", "json", "--library", lib)
    hits = json.loads(out)
    assert hits[0]["id"] == 5
    start, end = hits[0]["highlights"][0]
    assert hits[0]["snippet"][start:end] in ("قمة", "C5")
    code, out, err = run(capsys, "search", "كلمةغيرموجودة", "--library", lib)
    assert code == 1 and out == "" and "no article matches" in err


def test_show_lists_removed_lines(capsys, lib):
    code, out, _ = run(capsys, "show", "4", "--library", lib)
    assert code == 0
    assert "source:    شركة إرم ميديا" in out
    assert "removed while cleaning (16;" in out
    assert "headline of another story" in out and "تابعونا على" in out


def test_edit_and_restore(capsys, lib):
    run(capsys, "list", "--library", lib)  # create and seed
    code, out, _ = run(
        capsys,
        "edit",
        "3",
        "--title",
        "عنوان جديد",
        "--source",
        "رويترز",
        "--date",
        "2025-11-06",
        "--library",
        lib,
    )
    assert code == 0 and out.strip() == "3: عنوان جديد | رويترز | 2025-11-06"
    code, out, _ = run(capsys, "edit", "4", "--restore", "1", "--restore", "2", "--library", lib)
    assert code == 0
    code, out, _ = run(capsys, "show", "4", "--format", "json", "--library", lib)
    article = json.loads(out)
    assert len(article["removed"]) == 14 and article["text"].startswith("logo\nالعالم\n\nمن الثروات")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["edit", "3", "--date", "7/11/2025"],
            "qarin: not a date: '7/11/2025' (expected YYYY-MM-DD or YYYY-MM-DD HH:MM)",
        ),
        (["edit", "3"], "qarin: nothing to change: give --title, --source, --date or --restore"),
        (["edit", "99", "--title", "x"], "qarin: no article with id 99"),
        (["show", "99"], "qarin: no article with id 99"),
        (["remove", "99"], "qarin: no article with id 99"),
        (["edit", "4", "--restore", "40"], "qarin: article 4 has no removed line 40"),
    ],
)
def test_errors_are_one_line_with_exit_code_2(capsys, lib, argv, message):
    run(capsys, "list", "--library", lib)
    code, out, err = run(capsys, *argv, "--library", lib)
    assert code == 2 and err.strip() == message


def test_remove(capsys, lib):
    run(capsys, "list", "--library", lib)
    code, out, _ = run(capsys, "remove", "2", "--library", lib)
    assert code == 0 and out.startswith("removed 2:")
    code, out, _ = run(capsys, "list", "--format", "json", "--library", lib)
    assert [row["id"] for row in json.loads(out)] == [1, 3, 4, 5]


def test_not_a_library_is_refused_untouched(capsys, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("ملاحظات شخصية", encoding="utf-8")
    code, out, err = run(capsys, "list", "--library", str(path))
    assert code == 2 and err.strip() == f"qarin: {path} is not a Qarin library (not an SQLite database)"
    assert path.read_text(encoding="utf-8") == "ملاحظات شخصية"


def test_import_from_a_real_pipe(tmp_path):
    """The console script end to end: bytes on stdin, exit code, nothing on stderr."""
    library = tmp_path / "pipe.sqlite3"
    result = subprocess.run(
        [sys.executable, "-m", "reader", "import", "-", "--library", str(library)],
        input=seed_text("002").encode("cp1256"),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0 and result.stderr == b""
    assert "already in the library as 3" in result.stdout.decode("utf-8")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_on_a_terminal_only(capsys, lib, tmp_path, monkeypatch):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"مقال رقم {i} عن المعادن", encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["import", str(tmp_path), "--library", lib, "--quiet"]) == 0
    shown = terminal.getvalue()
    assert "\r\x1b[K[0/3] " in shown and "[2/3] " in shown and shown.endswith("\r\x1b[K")
    # piped: no progress line at all
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    (tmp_path / "3.txt").write_text("مقال رابع عن المعادن", encoding="utf-8")
    assert main(["import", str(tmp_path), "--library", lib, "--quiet"]) == 0
    assert piped.getvalue() == ""


def test_visual_output_shapes_arabic_and_logical_keeps_it(capsys, lib):
    code, logical, _ = run(capsys, "show", "1", "--bidi", "logical", "--library", lib)
    assert code == 0 and "استضاف الرئيس" in logical
    code, visual, _ = run(capsys, "show", "1", "--bidi", "visual", "--color", "never", "--library", lib)
    assert code == 0 and "استضاف" not in visual
    assert any("\ufe70" <= ch <= "\ufeff" for ch in visual)  # joined letter forms (arabic-reshaper)
    assert "\x1b[" not in visual.replace("\x1b[8l", "").replace("\x1b[8h", "")


@pytest.mark.parametrize("columns", [80, 120])
def test_list_on_a_terminal_keeps_its_columns_whatever_the_title(capsys, lib, tmp_path, monkeypatch, columns):
    long_title = "عنوان طويل جدا " * 12 + "في نهايته"
    (tmp_path / "long.txt").write_text(long_title + "\nنص المقال عن القمة في واشنطن.", encoding="utf-8")
    assert main(["import", str(tmp_path / "long.txt"), "--library", lib, "--quiet"]) == 0
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run(capsys, "list", "--bidi", "visual", "--color", "never", "--library", lib)
    lines = [line for line in out.replace("\x1b[8l", "").replace("\x1b[8h", "").split("\n") if line]
    assert code == 0 and len(lines) == 6  # one line per article, nothing wrapped
    bars = {line.index("|") for line in lines}
    assert len(bars) == 1  # the title column starts at the same place on every line
    assert all(len(line) <= columns for line in lines)
    cut = lines[-1]
    title = cut[cut.index("|") + 3 :]
    assert title.startswith("…")  # cut at its end, which in visual order is on the left
    for line in lines:  # the ids, dates and word counts stay on the left, in order
        assert line.split()[0].isdigit() and line.split()[2].endswith("w")


def test_show_in_visual_order_keeps_each_label_before_its_value(capsys, lib, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = run(capsys, "show", "1", "--bidi", "visual", "--color", "never", "--library", lib)
    lines = out.replace("\x1b[8l", "").replace("\x1b[8h", "").split("\n")
    labels = [line.split()[0] for line in lines[:12] if line and not line.startswith(" ")]
    assert labels[:4] == ["id:", "title:", "source:", "date:"]  # never ":title"
    title_line = lines.index(next(line for line in lines if line.startswith("title:")))
    assert lines[title_line + 1].startswith(" " * 11) and lines[title_line + 1].strip()  # wrapped under it
    assert not any(line.rstrip().endswith(":title") for line in lines)
