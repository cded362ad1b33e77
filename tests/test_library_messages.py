"""Each way a library or an input cannot be used has its own one-line reason (issue 14, item 9):
read-only files and folders, a full disk, a lock held by another Qarin, ids beyond SQLite's
integers, devices and named pipes, empty and unreadable folders."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace

import pytest

from reader.cli import main
from reader.library import open_library, schema
from reader.text.decoding import InputError, read_stream_bytes


@pytest.fixture
def library(tmp_path):
    path = tmp_path / "lib" / "library.sqlite3"
    open_library(path).close()
    return path


def run(capsys, *argv, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_line(err: str) -> str:
    assert err.count("\n") == 1 and "unexpected" not in err and "Traceback" not in err, err
    return err


@pytest.fixture
def read_only(monkeypatch):
    """Make a file or folder read-only for this process: chmod, or for root (whom chmod does not
    stop) the immutable attribute; where neither is possible, the permission probe says so."""
    made: list = []

    def make(path):
        if os.geteuid() != 0:
            path.chmod(0o555 if path.is_dir() else 0o444)
            made.append(("chmod", path))
        elif subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0:
            made.append(("chattr", path))
        else:
            real_access = os.access
            monkeypatch.setattr(
                os,
                "access",
                lambda p, mode, **kw: False if str(p) == str(path) else real_access(p, mode, **kw),
            )

    yield make
    for how, path in made:
        if how == "chattr":
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            path.chmod(0o755)


def test_a_read_only_folder_can_be_listed_not_written(library, read_only, capsys, monkeypatch, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("مقال قصير للتجربة", encoding="utf-8")
    read_only(library.parent)
    code, out, err = run(capsys, "list", "--library", str(library))
    assert code == 0 and err == "" and len(out.splitlines()) == 5
    for argv in (("edit", "1", "--title", "x"), ("remove", "1"), ("import", str(article))):
        code, _, err = run(capsys, *argv, "--library", str(library))
        assert code == 2 and "read-only folder" in one_line(err) and "nothing was written" in err
    code, _, err = run(
        capsys, "import", "-", "--library", str(library), stdin=b"abc def", monkeypatch=monkeypatch
    )
    assert code == 2 and "read-only" in one_line(err)


def test_a_read_only_file_says_so(library, read_only, capsys):
    read_only(library)
    code, _, err = run(capsys, "remove", "2", "--library", str(library))
    assert code == 2 and "is read-only" in one_line(err)
    assert run(capsys, "show", "2", "--library", str(library))[0] == 0


def test_no_new_library_in_a_read_only_folder(tmp_path, read_only, capsys):
    folder = tmp_path / "ro"
    folder.mkdir()
    read_only(folder)
    code, _, err = run(capsys, "list", "--library", str(folder / "new.sqlite3"))
    assert code == 2 and "cannot make a library there" in one_line(err)


@pytest.fixture
def small_disk(monkeypatch):
    """SQLite told the file may hold no more pages than it has: what a full disk looks like to it."""
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        db = real_connect(*args, **kwargs)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        return db

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_a_new_library_on_a_full_disk(tmp_path, small_disk, capsys):
    code, _, err = run(capsys, "list", "--library", str(tmp_path / "new.sqlite3"))
    assert code == 2 and "is full: nothing was written" in one_line(err)
    assert "rollback" not in err


def test_full_disk_on_import_and_edit(library, small_disk, capsys, monkeypatch):
    code, _, err = run(
        capsys,
        "import",
        "-",
        "--library",
        str(library),
        stdin=("نص " * 20000).encode(),
        monkeypatch=monkeypatch,
    )
    assert code == 2 and "is full" in one_line(err)
    code, _, err = run(capsys, "edit", "1", "--title", "عنوان " * 2000, "--library", str(library))
    assert code == 2 and "is full" in one_line(err)


@pytest.fixture
def locked(library, monkeypatch):
    monkeypatch.setattr(schema, "TUNING", replace(schema.TUNING, busy_timeout_ms=200))
    holder = sqlite3.connect(library, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE articles SET title = title WHERE id = 1")
    yield library
    holder.execute("ROLLBACK")
    holder.close()


def test_a_lock_is_waited_for_then_named(locked, capsys, monkeypatch):
    for argv in (("edit", "1", "--title", "x"), ("remove", "1")):
        code, _, err = run(capsys, *argv, "--library", str(locked))
        assert code == 2 and "is locked: another Qarin is writing to it (waited" in one_line(err)
    code, _, err = run(
        capsys, "import", "-", "--library", str(locked), stdin=b"abc def", monkeypatch=monkeypatch
    )
    assert code == 2 and "is locked" in one_line(err)


def test_ids_and_limits_beyond_sqlites_integers(library, capsys):
    code, _, err = run(capsys, "show", str(10**23), "--library", str(library))
    assert code == 2 and f"no article with id {10**23}" in one_line(err)
    code, out, _ = run(capsys, "search", "ترامب", "--limit", str(10**20), "--library", str(library))
    assert code == 0 and "ترامب" in out
    code, _, err = run(capsys, "compare", str(10**23), "1", "--library", str(library))
    assert code == 2 and "no article with id" in one_line(err)


def test_devices_and_named_pipes_are_refused_at_once(library, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for argv in (["import", str(fifo), "/dev/zero"], ["compare", str(fifo), "/dev/zero"]):
        done = subprocess.run(
            [sys.executable, "-m", "reader", *argv, "--library", str(library)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode in (1, 2)
        assert "named pipe" in done.stderr and "Traceback" not in done.stderr
        assert "/dev/zero: is a device" in done.stderr or argv[0] == "compare"


def test_standard_input_over_the_limit_is_refused():
    with pytest.raises(InputError, match=r"too large \(11 bytes; the limit is 10 bytes\)"):
        read_stream_bytes(io.BytesIO(b"x" * 11), max_bytes=10)
    assert read_stream_bytes(io.BytesIO(b"x" * 10), max_bytes=10) == b"x" * 10


def test_an_empty_folder_is_named(library, tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "import", str(empty), "--library", str(library))
    assert code == 1 and f"{empty}: no files to import in this folder" in one_line(err)


def test_an_unreadable_folder_is_named(library, tmp_path, capsys, monkeypatch):
    folder = tmp_path / "articles"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text("مقال يمكن قراءته", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run(capsys, "import", str(folder), "--library", str(library))
    assert code == 1 and "imported 6" in out
    assert f"{folder / 'locked'}: cannot read this folder (permission denied)" in one_line(err)
