"""Opening a library file safely, and its schema: `PRAGMA user_version` with forward migrations.

A file is only written to once it is known to be a Qarin library (our `application_id`) of a
version this program reads, or a new/empty database: anything else is refused untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.library.errors import LibraryError
from reader.library.search import index_columns
from reader.text.normalize import has_bidi_controls

APPLICATION_ID = 0x51617269  # "Qari"
SQLITE_HEADER = b"SQLite format 3\x00"

# The texts live apart from the metadata so that listing 10,000 articles reads small rows only;
# `text` comes first in its row so reading it does not walk the overflow pages of the others.
SCHEMA_V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    date TEXT,
    language TEXT NOT NULL DEFAULT 'und',
    origin TEXT NOT NULL,
    format TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    encoding TEXT,
    words INTEGER NOT NULL
);
CREATE TABLE article_bodies (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    extracted TEXT NOT NULL,
    original BLOB NOT NULL
);
CREATE TABLE removed_lines (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    line INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (article_id, line, start)
);
"""

# v2: the bidi-controls flag, a key-value table for library facts (e.g. "seeded"), and the search
# index (an FTS5 table over a folded copy). The copy is already split into words and folded, so
# the `ascii` tokenizer (split at ASCII spaces, every non-ASCII character a letter) is enough,
# and 3x faster to fill than unicode61.
SCHEMA_V2 = """
ALTER TABLE articles ADD COLUMN has_bidi_controls INTEGER NOT NULL DEFAULT 0;
CREATE TABLE library_facts (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE search_text (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    stems TEXT NOT NULL,
    loose TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, stems, loose, content='search_text', content_rowid='article_id', tokenize='ascii'
);
CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
    INSERT INTO search_index(rowid, title, body, stems, loose)
    VALUES (new.article_id, new.title, new.body, new.stems, new.loose);
END;
CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
    INSERT INTO search_index(search_index, rowid, title, body, stems, loose)
    VALUES ('delete', old.article_id, old.title, old.body, old.stems, old.loose);
END;
CREATE TRIGGER search_text_au AFTER UPDATE ON search_text BEGIN
    INSERT INTO search_index(search_index, rowid, title, body, stems, loose)
    VALUES ('delete', old.article_id, old.title, old.body, old.stems, old.loose);
    INSERT INTO search_index(rowid, title, body, stems, loose)
    VALUES (new.article_id, new.title, new.body, new.stems, new.loose);
END;
"""


INSERT_SEARCH_TEXT = "INSERT INTO search_text VALUES (?, ?, ?, ?, ?)"


def _migrate_to_v1(db: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V1):
        db.execute(statement)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _migrate_to_v2(db: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V2):
        db.execute(statement)
    rows = db.execute(
        "SELECT id, title, text FROM articles JOIN article_bodies ON article_id = id"
    ).fetchall()
    for article_id, title, text in rows:
        flag = int(has_bidi_controls(text))
        db.execute("UPDATE articles SET has_bidi_controls = ? WHERE id = ?", (flag, article_id))
        db.execute(INSERT_SEARCH_TEXT, (article_id, *index_columns(title, text)))


# MIGRATIONS[n] brings a version-n database to version n + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_to_v1, _migrate_to_v2]
SCHEMA_VERSION = len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    """Split a schema script into statements (executescript would commit our transaction)."""
    statements: list[str] = []
    buffer = ""
    for line in script.strip().splitlines():
        buffer += line + "\n"
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return statements


# The tables a library of each version must hold; a file that claims a version without them is
# damaged (or was written by an unreleased build) and is refused rather than half-used.
EXPECTED_TABLES = {
    1: {"articles", "article_bodies", "removed_lines"},
    2: {"articles", "article_bodies", "removed_lines", "library_facts", "search_text", "search_index"},
}


def check_file(path: Path) -> None:
    """Refuse, untouched, a file that is not a Qarin library this program can open."""
    if path.is_dir():
        raise LibraryError(f"{path} is a folder, not a library file")
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise LibraryError(f"cannot read {path}: {error.strerror or error}") from None
    if header != SQLITE_HEADER:
        raise LibraryError(f"{path} is not a Qarin library (not an SQLite database)")
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            application_id = probe.execute("PRAGMA application_id").fetchone()[0]
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            names = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            tables = len(names)
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise LibraryError(f"{path} is not a usable Qarin library ({error})") from None
    if application_id != APPLICATION_ID and (application_id != 0 or tables):
        raise LibraryError(f"{path} is not a Qarin library (some other SQLite database)")
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"{path} was made by a newer Qarin (library version {version}; this one reads up to "
            f"{SCHEMA_VERSION}): update Qarin to open it"
        )
    missing = sorted(EXPECTED_TABLES.get(version, set()) - names)
    if missing:
        raise LibraryError(
            f"{path} is a damaged Qarin library (version {version} without its table "
            f"{', '.join(missing)}); it was left untouched: open another with --library"
        )


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating or migrating) the library at `path`; raises LibraryError for unusable files."""
    check_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=True)
    except (OSError, sqlite3.Error) as error:
        raise LibraryError(f"cannot open library {path}: {error}") from None
    try:
        db.execute("PRAGMA busy_timeout = 10000")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        migrate(db)
    except sqlite3.Error as error:
        db.close()
        raise LibraryError(f"cannot open library {path}: {error}") from None
    except BaseException:
        db.close()
        raise
    return db


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the database forward to `target`, each step in one transaction. Returns the version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    while version < target:
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
            if version < target:
                MIGRATIONS[version](db)
                version += 1
                db.execute(f"PRAGMA user_version = {version}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return version
