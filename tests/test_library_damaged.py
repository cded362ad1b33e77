"""A library file that claims a schema version but lacks its tables is refused, untouched."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from reader.library import LibraryError, open_library


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "library.sqlite3"
    open_library(path).close()
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE library_facts")
    db.close()
    return path


def test_open_refuses_a_library_missing_a_table(damaged):
    before = damaged.read_bytes()
    with pytest.raises(LibraryError, match="damaged Qarin library .*library_facts"):
        open_library(damaged)
    assert damaged.read_bytes() == before


def test_cli_says_so_in_one_line(damaged):
    done = subprocess.run(
        [sys.executable, "-m", "reader", "list", "--library", str(damaged)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert "damaged Qarin library" in line and str(damaged) in line
