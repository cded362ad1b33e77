"""Schema versions: a new file gets the latest schema; a v1 library is migrated forward intact."""

from __future__ import annotations

import sqlite3

import pytest

from reader.library import open_library
from reader.library.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, migrate


def _version(path) -> tuple[int, int]:
    db = sqlite3.connect(path)
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        return version, db.execute("PRAGMA application_id").fetchone()[0]
    finally:
        db.close()


def _make_library_at(path, version: int) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=version)
    return db


def test_a_new_library_gets_the_latest_schema(tmp_path):
    path = tmp_path / "new.sqlite3"
    open_library(path).close()
    assert _version(path) == (SCHEMA_VERSION, APPLICATION_ID)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()


def test_an_empty_file_becomes_a_library(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.write_bytes(b"")
    with open_library(path) as library:
        assert library.count() == 5


def _schema(db: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()


@pytest.mark.parametrize("start", range(1, SCHEMA_VERSION))
def test_a_library_of_any_older_version_opens_migrated_and_works(tmp_path, start):
    """A library left at each earlier version (migration stops there) is brought forward when
    opened: the latest version, the tables and indexes of a new library, and it imports and finds."""
    path = tmp_path / f"v{start}.sqlite3"
    _make_library_at(path, start).close()
    assert _version(path)[0] == start
    with open_library(path, seed_if_empty=False) as library:
        outcome = library.import_text("خبر عن قمة الرياض الاقتصادية", title="قمة الرياض")
        assert [hit.article_id for hit in library.search("الرياض")] == [outcome.article_id]
    with open_library(tmp_path / "new.sqlite3", seed_if_empty=False):
        pass
    assert _version(path) == (SCHEMA_VERSION, APPLICATION_ID)
    migrated, new = sqlite3.connect(path), sqlite3.connect(tmp_path / "new.sqlite3")
    assert _schema(migrated) == _schema(new)
    assert migrated.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    migrated.close()
    new.close()


def test_v1_library_with_articles_migrates_to_the_latest(tmp_path):
    path = tmp_path / "v1.sqlite3"
    db = _make_library_at(path, 1)
    assert _version(path)[0] == 1
    columns = {row[1] for row in db.execute("PRAGMA table_info(articles)")}
    assert "has_bidi_controls" not in columns  # v1 had no flag and no search index
    text = "مؤتمر صحفي للرئيس \u202eالأمريكي\u202c في البيت الأبيض\nوفقرة عن الأمن الاقتصادي"
    db.execute(
        "INSERT INTO articles (title, source, date, language, origin, format, imported_at, content_hash,"
        " encoding, words) VALUES ('مؤتمر صحفي', '', NULL, 'ar', 'old.txt', 'txt',"
        " '2024-01-01T00:00:00+00:00', 'h1', 'utf-8', 12)"
    )
    db.execute("INSERT INTO article_bodies VALUES (1, ?, ?, ?)", (text, text, text.encode()))
    db.execute(
        "INSERT INTO removed_lines VALUES (1, 2, 0, 4, 'logo', 'site chrome')",
    )
    db.close()

    with open_library(path) as library:
        assert _version(path) == (SCHEMA_VERSION, APPLICATION_ID)
        assert library.count() == 1  # not seeded: it was not empty
        article = library.article(1)
        assert article.text == text and article.original == text.encode()
        assert article.has_bidi_controls  # computed by the migration
        assert article.removed[0].text == "logo"
        hits = library.search("الاميركي")  # the search index was built for the old articles
        assert [hit.article_id for hit in hits] == [1]
        assert library.integrity_check() == "ok"


@pytest.mark.parametrize("start", range(SCHEMA_VERSION))
def test_migration_from_each_earlier_version_keeps_articles(tmp_path, start):
    path = tmp_path / f"v{start}.sqlite3"
    db = _make_library_at(path, start)
    db.close()
    with open_library(path, seed_if_empty=True) as library:
        assert library.count() == 5
        assert library.search("ترامب")
    with open_library(path) as library:  # opening again changes nothing
        assert library.count() == 5
    assert _version(path)[0] == SCHEMA_VERSION


def test_a_failed_migration_step_leaves_the_old_version(tmp_path, monkeypatch):
    path = tmp_path / "v1.sqlite3"
    _make_library_at(path, 1).close()

    def broken(db):
        db.execute("ALTER TABLE articles ADD COLUMN half_done INTEGER")
        raise RuntimeError("power cut")

    monkeypatch.setattr("reader.library.schema.MIGRATIONS", [MIGRATIONS[0], broken])
    with pytest.raises(RuntimeError):
        open_library(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "half_done" not in {row[1] for row in db.execute("PRAGMA table_info(articles)")}
    db.close()
