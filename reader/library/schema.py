"""Opening a library file safely, and its schema: `PRAGMA user_version` with forward migrations.

A file is only written to once it is known to be a Qarin library (our `application_id`) of a
version this program reads, or a new/empty database: anything else is refused untouched.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.library.errors import (
    DamagedLibraryError,
    LibraryError,
    LibraryUnwritableError,
    from_sqlite,
)
from reader.library.reuse import ReuseIndex
from reader.library.search import index_columns
from reader.text.normalize import has_bidi_controls

APPLICATION_ID = 0x51617269  # "Qari"
_CORRUPT, _NOTADB = 11, 26  # SQLite's result codes for a damaged file
MAX_INTEGER = 2**63 - 1  # SQLite's largest integer: no id or row count is beyond it
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


# v3: author and time of day beside the date (JSON collections and feeds carry them), and the
# reuse index: each article's winnowed fingerprints (reader/text/shingles.py) as a compact blob,
# and one row per (fingerprint, article) clustered by fingerprint, so the articles sharing a
# fingerprint are one range scan. See reader/library/reuse.py.
SCHEMA_V3 = """
ALTER TABLE articles ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN time TEXT;
CREATE TABLE reuse_articles (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    fingerprints BLOB NOT NULL
);
CREATE TABLE reuse_postings (
    fingerprint INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    PRIMARY KEY (fingerprint, article_id)
) WITHOUT ROWID;
"""

INSERT_SEARCH_TEXT = "INSERT INTO search_text VALUES (?, ?, ?, ?, ?)"


def _migrate_to_v1(db: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V1):
        db.execute(statement)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _migrate_to_v2(db: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V2):
        db.execute(statement)
    fill_search_index(db)


def fill_search_index(db: sqlite3.Connection) -> None:
    """Index every article (search_text empty) and set its bidi-controls flag from its text."""
    rows = db.execute(
        "SELECT id, title, text FROM articles JOIN article_bodies ON article_id = id"
    ).fetchall()
    for article_id, title, text in rows:
        flag = int(has_bidi_controls(text))
        db.execute("UPDATE articles SET has_bidi_controls = ? WHERE id = ?", (flag, article_id))
        db.execute(INSERT_SEARCH_TEXT, (article_id, *index_columns(title, text)))


def _migrate_to_v3(db: sqlite3.Connection) -> None:
    for statement in _statements(SCHEMA_V3):
        db.execute(statement)
    ReuseIndex(db).fill()


# MIGRATIONS[n] brings a version-n database to version n + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_migrate_to_v1, _migrate_to_v2, _migrate_to_v3]
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
EXPECTED_TABLES[3] = EXPECTED_TABLES[2] | {"reuse_articles", "reuse_postings"}


@dataclass(frozen=True)
class LibraryTuning:
    # quick_check on open reads every page: ~50 ms for a 70 MB library of 3,000 articles (cached)
    quick_check_max_bytes: int = 256 * 1024 * 1024
    # how long a write waits for another Qarin's write to finish before saying the library is locked
    busy_timeout_ms: int = 10_000


TUNING = LibraryTuning()


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection to the file; `immutable` where the folder cannot hold WAL's shared-memory file
    (no one can be writing then: a writer would need that file too)."""
    uri = path.resolve().as_uri()
    try:
        probe = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return probe
    except sqlite3.OperationalError:
        if unwritable_reason(path) is None:
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)


def check_file(path: Path) -> None:
    """Refuse, untouched, a file that is not a Qarin library this program can open, or is damaged."""
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
        probe = open_read_only(path)
        try:
            application_id = probe.execute("PRAGMA application_id").fetchone()[0]
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            names = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            damage = None
            if application_id == APPLICATION_ID and path.stat().st_size <= TUNING.quick_check_max_bytes:
                damage = quick_check(probe)
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise from_sqlite(error, path) from None
    if application_id != APPLICATION_ID and (application_id != 0 or names):
        raise LibraryError(f"{path} is not a Qarin library (some other SQLite database)")
    if damage:
        raise DamagedLibraryError(path, damage)
    if version > SCHEMA_VERSION:
        raise LibraryError(
            f"{path} was made by a newer Qarin (library version {version}; this one reads up to "
            f"{SCHEMA_VERSION}): update Qarin to open it"
        )
    if version == 0 and names:
        tables = ", ".join(sorted(names))
        raise DamagedLibraryError(path, f"its schema version is 0, yet it holds the tables {tables}")
    missing = sorted(EXPECTED_TABLES.get(version, set()) - names)
    if missing:
        raise DamagedLibraryError(path, f"version {version} without its table {', '.join(missing)}")


def quick_check(db: sqlite3.Connection) -> str | None:
    """SQLite's page-level check: the first problem it names (one line), or None."""
    rows = db.execute("PRAGMA quick_check(2)").fetchall()
    lines = [line.strip() for row in rows if row[0] != "ok" for line in row[0].splitlines()]
    # a report opens with the database's name (`*** in database main ***`), not a problem
    problems = [line for line in lines if line and not line.startswith("***")] or lines
    return problems[0] if problems else None


def index_problem(db: sqlite3.Connection) -> str | None:
    """The search index checked against the texts it indexes (FTS5 integrity-check), or None."""
    try:
        db.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
    except sqlite3.DatabaseError as error:
        if (error.sqlite_errorcode & 0xFF) not in (_CORRUPT, _NOTADB):
            raise  # locked, full, read-only: not damage
        return f"its search index is damaged: {error}"
    return None


def unwritable_reason(path: Path) -> str | None:
    """Why nothing can be written at `path` (a read-only file or folder), or None."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path} is read-only"
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return f"{path} is in a read-only folder ({folder})"
    return None


def connect(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """Open (creating or migrating) the library at `path`; raises LibraryError for unusable files.

    Returns the connection and, for a library that can only be read (a read-only file or folder),
    the message every write is refused with.
    """
    check_file(path)
    refusal = unwritable_reason(path)
    if refusal is not None:
        return _connect_read_only(path, refusal), f"{refusal}: nothing was written"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=True)
    except OSError as error:
        raise LibraryError(f"cannot open library {path}: {error.strerror or error}") from None
    except sqlite3.Error as error:
        raise from_sqlite(error, path) from None
    try:
        db.execute(f"PRAGMA busy_timeout = {TUNING.busy_timeout_ms}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        # savepoint journals in memory: on disk, a batched import wrote each page it touched
        # once more per article (13x the writes, measured)
        db.execute("PRAGMA temp_store = MEMORY")
        migrate(db)
    except sqlite3.Error as error:
        db.close()
        raise from_sqlite(error, path) from None
    except BaseException:
        db.close()
        raise
    return db, None


def _connect_read_only(path: Path, refusal: str) -> sqlite3.Connection:
    if not path.exists() or path.stat().st_size == 0:
        raise LibraryUnwritableError(f"cannot make a library there: {refusal}")
    try:
        db = open_read_only(path)
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as error:
        raise from_sqlite(error, path) from None
    if version < SCHEMA_VERSION:
        db.close()
        raise LibraryUnwritableError(
            f"{refusal}, and it needs upgrading to this Qarin's library version {SCHEMA_VERSION} to be read"
        )
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
            if db.in_transaction:  # SQLite has already rolled back after a full disk
                db.execute("ROLLBACK")
            raise
    return version
