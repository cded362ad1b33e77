"""`qarin repair`: what SQLite can still read of a damaged library, copied into a new file.

The damaged file is never written to: each table is read row by row (stepping over pages that
cannot be read) into a fresh library of the current version, the search index is built anew from
the recovered texts, and only then is the damaged file renamed aside (kept, with its WAL) and the
new one put in its place. Tables are copied by name and column, so tables added by later versions
come along too.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.library import schema
from reader.library.errors import DamagedLibraryError, LibraryError, from_sqlite
from reader.library.importers import make_draft
from reader.library.reuse import ReuseIndex

# Rebuilt from the recovered texts rather than copied (FTS5 keeps its index in shadow tables; the
# reuse postings are a WITHOUT ROWID table, which the row-by-row reader cannot step through).
_REBUILT = ("search_text", "search_index", "reuse_")
_WAL_SUFFIXES = ("-wal", "-shm")
_ID_COLUMNS = (("articles", "id"), ("article_bodies", "article_id"), ("search_text", "article_id"))
RECOVERED = "(recovered by qarin repair)"  # the origin of an article whose metadata was lost


@dataclass(frozen=True)
class RepairReport:
    path: Path
    problem: str | None  # what was found wrong; None: the library was sound and left alone
    kept_as: Path | None = None  # where the damaged file now is
    articles: int = 0  # recovered whole (metadata and text)
    lost: tuple[int, ...] = ()  # ids of articles seen but not readable whole
    rows_skipped: int = 0  # unreadable or orphaned rows of the other tables


def find_damage(path: Path) -> str | None:
    """What is wrong with the library at `path` (pages, schema, search index), or None.

    Unlike opening, this reads every page whatever the file's size.
    """
    try:
        schema.check_file(path)
        probe = schema.open_read_only(path)
        try:
            problem = schema.quick_check(probe)
        finally:
            probe.close()
        if problem:
            return problem
        db, _ = schema.connect(path)
        try:
            return schema.index_problem(db)
        finally:
            db.close()
    except DamagedLibraryError as error:
        return error.detail
    except sqlite3.DatabaseError as error:
        return str(error)


def repair_library(path: Path, now: datetime | None = None) -> RepairReport:
    """Recover the library at `path` into a new file if it is damaged; keep the damaged one."""
    path = Path(path)
    if not path.is_file():
        raise LibraryError(f"no library file at {path}")
    problem = find_damage(path)
    if problem is None:
        return RepairReport(path, None)
    if schema.unwritable_reason(path):
        raise LibraryError(f"cannot repair {path}: {schema.unwritable_reason(path)}")
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    fresh = path.with_name(f"{path.name}.repairing-{stamp}")
    for leftover in _with_wal(fresh):
        leftover.unlink(missing_ok=True)
    try:
        source = _open_damaged(path)
    except sqlite3.DatabaseError as error:
        raise LibraryError(f"cannot repair {path}: SQLite cannot read anything of it ({error})") from None
    try:
        articles, lost, skipped = _recover(source, fresh)
    except sqlite3.Error as error:
        raise from_sqlite(error, fresh) from None
    finally:
        source.close()
    for original, aside in zip(_with_wal(path), _with_wal(kept), strict=True):
        if original.exists():
            os.replace(original, aside)
    os.replace(fresh, path)
    for leftover in _with_wal(fresh):
        leftover.unlink(missing_ok=True)
    return RepairReport(path, problem, kept, articles, lost, skipped)


def _with_wal(path: Path) -> list[Path]:
    return [path] + [path.with_name(path.name + suffix) for suffix in _WAL_SUFFIXES]


def _open_damaged(path: Path) -> sqlite3.Connection:
    source = schema.open_read_only(path)
    source.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return source


def _recover(source: sqlite3.Connection, fresh: Path) -> tuple[int, tuple[int, ...], int]:
    """Copy every readable row into a new library at `fresh`; (articles, lost ids, rows skipped)."""
    target, _ = schema.connect(fresh)
    try:
        seen = _article_ids(source)
        target.execute("PRAGMA foreign_keys = OFF")  # orphans are removed once everything is in
        target.execute("BEGIN")
        skipped = 0
        source_tables = _tables(source)
        for table in _tables(target):
            if table in source_tables and not table.startswith(_REBUILT):
                skipped += _copy_table(source, target, table)
        _articles_from_bodies(target)
        skipped += _drop_orphans(target)
        schema.fill_search_index(target)
        ReuseIndex(target).rebuild()
        target.execute("INSERT OR IGNORE INTO library_facts (key, value) VALUES ('seeded', 'yes')")
        target.execute("COMMIT")
        target.execute("PRAGMA foreign_keys = ON")
        recovered = {row[0] for row in target.execute("SELECT id FROM articles")}
    finally:
        target.close()
    return len(recovered), tuple(sorted(seen - recovered)), skipped


def _tables(db: sqlite3.Connection) -> list[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rootpage"
    ).fetchall()
    return [row[0] for row in rows]


def _columns(db: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]


def _copy_table(source: sqlite3.Connection, target: sqlite3.Connection, table: str) -> int:
    """Copy the readable rows of `table` (the columns both files have); returns rows not copied."""
    wanted = set(_columns(source, table))
    columns = [name for name in _columns(target, table) if name in wanted]
    if not columns:
        return 0
    names = ", ".join(f'"{name}"' for name in columns)
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    skipped = 0
    rows = _readable_rows(source, table, names)
    for row in rows:
        try:
            target.execute(insert, row)
        except sqlite3.IntegrityError:
            skipped += 1
    # a lost article is counted as one (RepairReport.lost), not as the reads that failed on it
    return skipped + (rows.unreadable if table != "articles" else 0)


class _ReadableRows:
    """The rows of a table in rowid order, stepping over those SQLite cannot read.

    When a scan fails, the rowids after the last good one are read one at a time (a damaged page
    may still hold readable rows), and the scan starts again past them, ever further on (64, 128,
    ... rowids), so a damaged page costs the rows on it and some seeks, not the rest of the table.
    """

    _FIRST_WINDOW = 64
    _MOST_SINGLE_READS = 256  # per failure: rowids can be sparse, and a window grows without bound

    def __init__(self, db: sqlite3.Connection, table: str, names: str) -> None:
        self.db, self.table, self.names = db, table, names
        self.unreadable = 0  # rows (or stretches of rows) that failed to read

    def __iter__(self) -> Iterator[tuple]:
        select = f'SELECT rowid, {self.names} FROM "{self.table}"'
        start, window = -schema.MAX_INTEGER - 1, self._FIRST_WINDOW
        while start <= schema.MAX_INTEGER:
            after = start - 1
            try:
                for row in self.db.execute(f"{select} WHERE rowid >= ? ORDER BY rowid", (start,)):
                    after, window = row[0], self._FIRST_WINDOW
                    yield row[1:]
                return
            except sqlite3.DatabaseError:
                self.unreadable += 1
            first = max(after + 1, 0) if after < 0 else after + 1
            for rowid in range(first, min(first + window, first + self._MOST_SINGLE_READS)):
                try:
                    row = self.db.execute(f"{select} WHERE rowid = ?", (rowid,)).fetchone()
                except sqlite3.DatabaseError:
                    self.unreadable += 1
                    continue
                if row is not None:
                    yield row[1:]
            start, window = first + window, window * 2


def _readable_rows(db: sqlite3.Connection, table: str, names: str) -> _ReadableRows:
    return _ReadableRows(db, table, names)


def _article_ids(source: sqlite3.Connection) -> set[int]:
    """Every article id any readable table mentions: what the library held, as far as is known."""
    ids: set[int] = set()
    present = set(_tables(source))
    for table, column in _ID_COLUMNS:
        if table in present:
            ids.update(row[0] for row in _readable_rows(source, table, column))
    return ids


def _articles_from_bodies(db: sqlite3.Connection) -> None:
    """An article whose metadata row was lost but whose texts were read gets its metadata again,
    read from its text as an import would (title, language, words); its origin says so."""
    rows = db.execute(
        "SELECT article_id, extracted, original FROM article_bodies"
        " WHERE article_id NOT IN (SELECT id FROM articles)"
    ).fetchall()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for article_id, extracted, original in rows:
        try:
            draft = make_draft(extracted, original=original, encoding=None, format="txt", origin=RECOVERED)
        except LibraryError:
            continue  # nothing readable in it: dropped with the orphans
        try:
            db.execute(
                "INSERT INTO articles (id, title, source, date, language, origin, format, imported_at,"
                " content_hash, encoding, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id, draft.title, draft.source, draft.date, draft.language, draft.origin,
                    draft.format, now, draft.content_hash, draft.encoding, draft.words,
                ),
            )  # fmt: skip
        except sqlite3.IntegrityError:
            continue  # the same text is in the library under another id


def _drop_orphans(db: sqlite3.Connection) -> int:
    """Remove articles whose text was lost, then the rows that belonged to lost articles; returns
    how many of those rows (the articles are counted as lost)."""
    db.execute("DELETE FROM articles WHERE id NOT IN (SELECT article_id FROM article_bodies)")
    dropped = 0
    while violations := db.execute("PRAGMA foreign_key_check").fetchall():
        for table, rowid, _parent, _key in violations:
            db.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            dropped += 1
    return dropped
