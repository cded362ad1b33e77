"""Damaged libraries: found before anything is written, writes refused in one line, and
`qarin repair` recovers what SQLite can read into a new file, keeping the damaged one."""

from __future__ import annotations

import sqlite3

import pytest

from reader.cli import main
from reader.library import LibraryError, open_library
from reader.library.errors import DamagedLibraryError
from reader.library.repair import RECOVERED, find_damage, repair_library

ARTICLES = 60


def texts(path) -> dict[int, str]:
    db = sqlite3.connect(path)
    try:
        return dict(db.execute("SELECT article_id, text FROM article_bodies"))
    finally:
        db.close()


@pytest.fixture
def healthy(tmp_path):
    path = tmp_path / "library.sqlite3"
    library = open_library(path)
    for number in range(ARTICLES):
        library.import_text(f"مقال رقم {number}\n" + "نص طويل للمقال يكرر كلماته " * 60 + str(number))
    library.close()
    return path


def corrupt_page_of(path, table: str) -> None:
    """Overwrite the cell pointers of one leaf page of `table` (the middle one)."""
    db = sqlite3.connect(path)
    pages = db.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", (table,)
    ).fetchall()
    size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    page = pages[len(pages) // 2][0]
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * size + 8)
        handle.write(b"\xff" * 64)


def corrupt_search_index(path) -> None:
    db = sqlite3.connect(path)
    db.execute("UPDATE search_index_data SET block = x'00ff00ff00ff' WHERE id > 1")
    db.commit()
    db.close()


def test_page_damage_is_found_on_open_and_nothing_is_written(healthy):
    corrupt_page_of(healthy, "articles")
    before = healthy.read_bytes()
    with pytest.raises(DamagedLibraryError, match="damaged Qarin library .*qarin repair"):
        open_library(healthy)
    assert healthy.read_bytes() == before


def test_the_cli_says_so_in_one_line(healthy, capsys):
    corrupt_page_of(healthy, "article_bodies")
    for argv in (["list"], ["show", "3"], ["import", "-"], ["edit", "3", "--title", "x"]):
        assert main([*argv, "--library", str(healthy)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "damaged Qarin library" in err and "qarin repair" in err
        assert "unexpected" not in err


def test_a_damaged_search_index_refuses_writes_but_reads(healthy):
    corrupt_search_index(healthy)
    library = open_library(healthy)
    try:
        assert library.count() == ARTICLES + 5  # the seeds
        with pytest.raises(DamagedLibraryError, match="search index is damaged"):
            library.import_text("مقال جديد لن يكتب")
        with pytest.raises(DamagedLibraryError):
            library.update(1, title="x")
        assert library.count() == ARTICLES + 5
    finally:
        library.close()


def test_repair_recovers_a_damaged_page_and_keeps_the_original(healthy):
    originals = texts(healthy)
    corrupt_page_of(healthy, "articles")
    damaged = healthy.read_bytes()
    report = repair_library(healthy)
    assert report.problem and report.kept_as.read_bytes() == damaged
    # the metadata rows on the damaged page are lost, but their texts were read: rebuilt
    assert report.articles == len(originals)
    assert find_damage(healthy) is None
    library = open_library(healthy)
    try:
        recovered = [s for s in library.summaries() if s.origin == RECOVERED]
        assert recovered and all(s.title.startswith("مقال رقم") for s in recovered)
        assert {s.id: library.text(s.id) for s in library.summaries()} == originals
        assert len(library.search("للمقال", limit=1000)) == ARTICLES
        library.import_text("مقال بعد الإصلاح")  # writable again
    finally:
        library.close()


def test_repair_of_a_lost_text_page_loses_only_those_articles(healthy):
    originals = texts(healthy)
    corrupt_page_of(healthy, "article_bodies")
    report = repair_library(healthy)
    assert report.lost and report.articles + len(report.lost) >= len(originals)
    recovered = texts(healthy)
    assert all(originals[i] == text for i, text in recovered.items())
    assert not set(report.lost) & set(recovered)


def test_repair_rebuilds_a_damaged_search_index(healthy, capsys):
    corrupt_search_index(healthy)
    assert main(["repair", "--library", str(healthy)]) == 0
    out = capsys.readouterr().out
    assert "search index" in out and f"{ARTICLES + 5} articles recovered" in out and ".damaged-" in out
    library = open_library(healthy)
    try:
        assert len(library.search("للمقال", limit=1000)) == ARTICLES
    finally:
        library.close()


def test_repair_leaves_a_sound_library_alone(healthy, capsys):
    before = healthy.read_bytes()
    assert main(["repair", "--library", str(healthy)]) == 0
    assert "nothing to repair" in capsys.readouterr().out
    assert healthy.read_bytes() == before
    assert [p.name for p in healthy.parent.iterdir() if ".damaged-" in p.name] == []


def test_schema_version_zero_is_damage_not_a_migration_error(healthy, capsys):
    db = sqlite3.connect(healthy)
    db.execute("PRAGMA user_version = 0")
    db.close()
    assert main(["list", "--library", str(healthy)]) == 2
    err = capsys.readouterr().err
    assert "schema version is 0" in err and "already exists" not in err
    assert repair_library(healthy).articles == ARTICLES + 5


def test_repair_refuses_what_is_not_a_library(tmp_path):
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(LibraryError, match="not a Qarin library"):
        repair_library(other)
