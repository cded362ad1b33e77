"""The article store: one SQLite file, one transaction per article, search over a folded index.

A `Library` is used from one thread; other threads open their own (`open_library(path,
seed_if_empty=False)`): WAL lets readers and one writer share the file.
"""

from __future__ import annotations

import functools
import gc
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import platformdirs

from reader.library import schema
from reader.library.cleaning import apply_removals
from reader.library.errors import (
    DamagedLibraryError,
    LibraryError,
    LibraryLockedError,
    LibraryUnwritableError,
    from_sqlite,
)
from reader.library.importers import (
    Draft,
    count_words,
    draft_from_bytes,
    draft_from_html,
    looks_like_html,
    make_draft,
)
from reader.library.metadata import valid_date_time
from reader.library.model import (
    Article,
    ArticleSummary,
    ImportOutcome,
    ImportReport,
    RemovedLine,
    SearchHit,
)
from reader.library.reuse import Overlap, ReuseIndex
from reader.library.search import BM25_WEIGHTS, fts_query, index_columns, make_snippet
from reader.library.sources import ImportItem, import_items_of
from reader.text.normalize import has_bidi_controls

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

_SUMMARY_COLUMNS = "id, title, source, date, words, origin, imported_at, has_bidi_controls, time, author"


def default_library_path() -> Path:
    return Path(platformdirs.user_data_dir("qarin", appauthor=False)) / "library.sqlite3"


def open_library(path: str | os.PathLike[str] | None = None, *, seed_if_empty: bool = True) -> Library:
    """Open (creating if needed) the library; a new, empty one gets the sample articles.

    Seeding happens once per library: one the user has emptied stays empty.
    """
    library = Library(Path(path) if path is not None else default_library_path())
    if seed_if_empty and library.write_refusal is None and not library.fact("seeded"):
        if library.count() == 0:
            library.import_seeds()
        library.set_fact("seeded", "yes")
    return library


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _summary(row: tuple) -> ArticleSummary:
    """An ArticleSummary from a row of `_SUMMARY_COLUMNS` (SQLite gives the flag as 0 or 1)."""
    return ArticleSummary(*row[:7], bool(row[7]), *row[8:])


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No garbage collection while many records are made: they hold no cycles, and each pass of
    the collector would walk every object of the program (the window's start reads 20,000)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _reported(method: Callable) -> Callable:
    """SQLite failures of a library method become a LibraryError saying why, in one line."""

    @functools.wraps(method)
    def reported(self: Library, *args: object, **kwargs: object) -> object:
        started = time.monotonic()
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as error:
            raise from_sqlite(error, self.path, time.monotonic() - started) from None

    return reported


def _valid_id(article_id: int) -> int:
    if not 0 <= article_id <= schema.MAX_INTEGER:
        raise LibraryError(f"no article with id {article_id}")
    return article_id


class Library:
    """The article library in one SQLite file.

    `write_refusal` is None for a library that can be written, else the message every write is
    refused with (a read-only file or folder; damage found before the first write).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._db, refusal = schema.connect(self.path)
        self._refused: LibraryUnwritableError | None = LibraryUnwritableError(refusal) if refusal else None
        self._index_checked = False
        self.reuse = ReuseIndex(self._db)

    @property
    def write_refusal(self) -> str | None:
        return str(self._refused) if self._refused is not None else None

    # --- reading -------------------------------------------------------------------------------

    def _one(self, sql: str, *params: object) -> tuple | None:
        return self._db.execute(sql, params).fetchone()

    @_reported
    def fact(self, key: str) -> str | None:
        """A stored fact about the library itself (e.g. whether it was seeded)."""
        row = self._one("SELECT value FROM library_facts WHERE key = ?", key)
        return row[0] if row else None

    @_reported
    def set_fact(self, key: str, value: str) -> None:
        self._ensure_writable()
        self._db.execute("INSERT OR REPLACE INTO library_facts (key, value) VALUES (?, ?)", (key, value))

    @_reported
    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

    @_reported
    def summaries(self) -> list[ArticleSummary]:
        with _collection_paused():  # 20,000 rows: the collector's passes over them were a third
            rows = self._db.execute(f"SELECT {_SUMMARY_COLUMNS} FROM articles ORDER BY id").fetchall()
            return [_summary(row) for row in rows]

    @_reported
    def summary(self, article_id: int) -> ArticleSummary:
        row = self._one(f"SELECT {_SUMMARY_COLUMNS} FROM articles WHERE id = ?", _valid_id(article_id))
        if row is None:
            raise LibraryError(f"no article with id {article_id}")
        return _summary(row)

    @_reported
    def text(self, article_id: int) -> str:
        row = self._one("SELECT text FROM article_bodies WHERE article_id = ?", _valid_id(article_id))
        if row is None:
            raise LibraryError(f"no article with id {article_id}")
        return row[0]

    @_reported
    def article(self, article_id: int) -> Article:
        row = self._db.execute(
            "SELECT id, title, source, date, language, origin, format, imported_at, content_hash,"
            " original, encoding, extracted, text, words, has_bidi_controls, time, author"
            " FROM articles JOIN article_bodies ON article_id = id WHERE id = ?",
            (_valid_id(article_id),),
        ).fetchone()
        if row is None:
            raise LibraryError(f"no article with id {article_id}")
        return Article(
            *row[:14], has_bidi_controls=bool(row[14]), removed=self._removed(article_id), time=row[15],
            author=row[16],
        )  # fmt: skip

    def _removed(self, article_id: int) -> tuple[RemovedLine, ...]:
        rows = self._db.execute(
            "SELECT line, start, end, text, reason FROM removed_lines WHERE article_id = ?"
            " ORDER BY line, start",
            (article_id,),
        ).fetchall()
        return tuple(RemovedLine(*row) for row in rows)

    @_reported
    def search(
        self, query: str, limit: int = 200, snippets: int = 20, prefix_last: bool = False
    ) -> list[SearchHit]:
        """Articles matching every word of `query` (spelling-tolerant), best first.

        The first `snippets` hits come with a snippet and highlights; the others have an empty
        snippet (ask `snippet(id, query)` when one is shown): a snippet costs a text read and scan.
        `prefix_last=True` lets the last word match as a prefix (search as you type).
        """
        expression = fts_query(query, prefix_last)
        if expression is None:
            return []
        limit = max(0, min(limit, schema.MAX_INTEGER))
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        try:
            rows = self._db.execute(
                f"SELECT rowid, -bm25(search_index, {weights}) AS score FROM search_index"
                " WHERE search_index MATCH ? ORDER BY bm25(search_index, " + weights + ") LIMIT ?",
                (expression, limit),
            ).fetchall()
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode & 0xFF != 1:  # not a query SQLite could not parse
                raise
            raise LibraryError(f"cannot search for {query!r}: {error}") from None
        hits = []
        for rank, (article_id, score) in enumerate(rows):
            snippet, highlights = self.snippet(article_id, query) if rank < snippets else ("", ())
            hits.append(SearchHit(article_id, float(score), snippet, highlights))
        return hits

    @_reported
    def similar(self, article_id: int, limit: int | None = None) -> list[Overlap]:
        """The articles sharing text with this one, most shared first, with both containment shares."""
        self.summary(article_id)
        return self.reuse.overlaps(article_id, limit)

    @_reported
    def reindex(self, progress: Progress | None = None) -> int:
        """Rebuild the reuse index from the stored texts (in one transaction). Returns the count."""
        with self._transaction():
            return self.reuse.rebuild(progress)

    @_reported
    def snippet(self, article_id: int, query: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        """An extract of the article around the first hit of `query`, and the hits' offsets in it."""
        return make_snippet(self.text(article_id), query)

    # --- importing -----------------------------------------------------------------------------

    @_reported
    def add(self, draft: Draft) -> ImportOutcome:
        """Store one draft whole or not at all; the same content twice gives the existing id.

        Outside a transaction it is one; inside one (a batch of `import_items`) it is a savepoint.
        """
        self._ensure_writable()
        scope = self._article_scope()
        with scope:
            existing = self._one("SELECT id, title FROM articles WHERE content_hash = ?", draft.content_hash)
            if existing:
                return ImportOutcome(existing[0], True, existing[1])
            article_id = self._store(draft, in_batch=isinstance(scope, _Savepoint))
        return ImportOutcome(article_id, False, draft.title)

    def _store(self, draft: Draft, *, in_batch: bool = False) -> int:
        db = self._db
        cursor = db.execute(
            "INSERT INTO articles (title, source, date, language, origin, format, imported_at,"
            " content_hash, encoding, words, has_bidi_controls, time, author)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                draft.title, draft.source, draft.date, draft.language, draft.origin, draft.format, _now(),
                draft.content_hash, draft.encoding, draft.words, int(draft.has_bidi_controls), draft.time,
                draft.author,
            ),
        )  # fmt: skip
        article_id = cursor.lastrowid
        db.execute(
            "INSERT INTO article_bodies (article_id, text, extracted, original) VALUES (?, ?, ?, ?)",
            (article_id, draft.text, draft.extracted, draft.original),
        )
        db.executemany(
            "INSERT INTO removed_lines (article_id, line, start, end, text, reason)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(article_id, r.line, r.start, r.end, r.text, r.reason) for r in draft.removed],
        )
        db.execute(schema.INSERT_SEARCH_TEXT, (article_id, *draft.index))
        self.reuse.add(article_id, draft.fingerprints, hold=in_batch)  # last: held postings need it
        return article_id

    def import_text(self, text: str, origin: str = "pasted", title: str | None = None) -> ImportOutcome:
        """Pasted text (the original kept as UTF-8)."""
        draft = make_draft(
            text, original=text.encode("utf-8", "surrogatepass"), encoding="utf-8", format="pasted",
            origin=origin, title=title,
        )  # fmt: skip
        return self.add(draft)

    def import_bytes(self, data: bytes, origin: str = "stdin", title: str | None = None) -> ImportOutcome:
        """Bytes of unknown encoding (stdin): an HTML page if it looks like one, else decoded text."""
        if looks_like_html(data):
            return self.add(draft_from_html(data, origin=origin, title=title))
        return self.add(draft_from_bytes(data, origin=origin, format="pasted", title=title))

    def import_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        progress: Progress | None = None,
        cancel: Cancel | None = None,
    ) -> ImportReport:
        """Import files, folders (recursively), collections (JSON, JSON Lines, zips of them) and
        RSS/Atom feeds (a URL or a .rss/.atom/.xml file).

        Bad files and bad items of a collection are reported, the good ones kept; each article is
        stored whole or not at all.
        """
        return self.import_items(import_items_of(paths), progress, cancel)

    def import_items(
        self, items: Iterable[ImportItem], progress: Progress | None = None, cancel: Cancel | None = None
    ) -> ImportReport:
        """Store each item's draft; one that cannot be made or stored is named with its reason."""
        report = ImportReport()
        items = list(items)
        total = len(items)
        self._ensure_writable()
        with _Batches(self._db, self.reuse) as batches:
            for done, item in enumerate(items):
                if cancel is not None and cancel():
                    report.cancelled = True
                    return report
                if progress is not None:
                    progress(done, total, item[0])
                self._import_item(item, report)
                batches.tick()
        if progress is not None:
            progress(total, total, "")
        return report

    def _import_item(self, item: ImportItem, report: ImportReport) -> None:
        label, make, problem = item
        if problem or make is None:
            report.failed.append((label, problem or "nothing to import"))
            return
        try:
            outcome = self.add(make())
        except (LibraryLockedError, LibraryUnwritableError):
            raise  # the library cannot take any file: said once, not for each
        except LibraryError as error:
            report.failed.append((label, str(error)))
            return
        except sqlite3.Error as error:
            problem = from_sqlite(error, self.path)
            if isinstance(problem, LibraryLockedError | LibraryUnwritableError):
                raise problem from None  # every file after this one would fail the same way
            report.failed.append((label, f"could not store it: {problem}"))
            return
        except Exception as error:  # noqa: BLE001 - one odd file must not stop a folder import
            report.failed.append((label, f"could not import it ({type(error).__name__}: {error})"))
            return
        if outcome.duplicate:
            report.duplicates.append((label, outcome.article_id))
        else:
            report.imported.append(outcome.article_id)

    def import_seeds(self) -> list[int]:
        """The sample articles shipped in reader.seeds (so a new library is never empty)."""
        ids = []
        seeds = resources.files("reader.seeds")
        for entry in sorted(seeds.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".txt"):
                outcome = self.add(draft_from_bytes(entry.read_bytes(), origin=f"seeds/{entry.name}"))
                ids.append(outcome.article_id)
        return ids

    # --- editing -------------------------------------------------------------------------------

    @_reported
    def update(
        self, article_id: int, *, title: str | None = None, source: str | None = None, date: str | None = None
    ) -> None:
        """Change metadata. `date` is YYYY-MM-DD, optionally with a time (YYYY-MM-DD HH:MM[:SS]);
        `date=""` clears it; a malformed date raises LibraryError."""
        changes: dict[str, str | None] = {}
        if title is not None:
            if not title.strip():
                raise LibraryError("the title cannot be empty")
            changes["title"] = " ".join(title.split())
        if source is not None:
            changes["source"] = " ".join(source.split())
        if date is not None:
            try:
                changes["date"], changes["time"] = valid_date_time(date) if date.strip() else (None, None)
            except ValueError as error:
                raise LibraryError(str(error)) from None
        self.summary(article_id)  # raises for an unknown id
        if not changes:
            return
        with self._transaction():
            assignments = ", ".join(f"{name} = ?" for name in changes)
            statement = f"UPDATE articles SET {assignments} WHERE id = ?"
            self._db.execute(statement, (*changes.values(), article_id))
            if "title" in changes:
                self._reindex(article_id)

    @_reported
    def remove(self, article_id: int) -> None:
        self.summary(article_id)
        with self._transaction():
            self._db.execute("DELETE FROM search_text WHERE article_id = ?", (article_id,))
            self.reuse.remove(article_id)
            self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    @_reported
    def restore_line(self, article_id: int, removed_line_index: int) -> None:
        """Put a cleaned-away line (its index in `article(id).removed`) back into the text."""
        removed = list(self._removed(_valid_id(article_id)))
        if not 0 <= removed_line_index < len(removed):
            raise LibraryError(f"article {article_id} has no removed line {removed_line_index}")
        item = removed.pop(removed_line_index)
        extracted = self._one("SELECT extracted FROM article_bodies WHERE article_id = ?", article_id)[0]
        text = apply_removals(extracted, removed)
        with self._transaction():
            self._db.execute(
                "DELETE FROM removed_lines WHERE article_id = ? AND line = ? AND start = ?",
                (article_id, item.line, item.start),
            )
            self._db.execute(
                "UPDATE articles SET words = ?, has_bidi_controls = ? WHERE id = ?",
                (count_words(text), int(has_bidi_controls(extracted)), article_id),
            )
            self._db.execute("UPDATE article_bodies SET text = ? WHERE article_id = ?", (text, article_id))
            self._reindex(article_id)
            self.reuse.replace(article_id, text)

    def _reindex(self, article_id: int) -> None:
        title, text = self._one(
            "SELECT title, text FROM articles JOIN article_bodies ON article_id = id WHERE id = ?", article_id
        )
        self._db.execute(
            "UPDATE search_text SET title = ?, body = ?, stems = ?, loose = ? WHERE article_id = ?",
            (*index_columns(title, text), article_id),
        )

    def _article_scope(self) -> _Transaction | _Savepoint:
        return _Savepoint(self._db) if self._db.in_transaction else _Transaction(self._db)

    def _transaction(self) -> _Transaction:
        self._ensure_writable()
        return _Transaction(self._db)

    def _ensure_writable(self) -> None:
        """Refuse a write to a library that cannot take one; the search index is checked before
        the first write (a damaged one surfaces later as `database disk image is malformed`)."""
        if self._refused is None and not self._index_checked:
            problem = schema.index_problem(self._db)
            self._index_checked = True
            if problem:
                self._refused = DamagedLibraryError(self.path, problem)
        if self._refused is not None:
            raise self._refused

    @_reported
    def integrity_check(self) -> str:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _Savepoint:
    """One article inside a batch: released whole, or rolled back to where it began."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("SAVEPOINT article")

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        if exc_type is not None:
            self._db.execute("ROLLBACK TO article")
        self._db.execute("RELEASE article")


class _Batches:
    """Many articles per commit while importing: a commit per article was most of an import's
    time (FTS5 and the reuse postings flush on every commit). Each article is still whole or
    absent (a savepoint); a commit every `BATCH_SECONDS` keeps what was imported safe, and
    whatever stops the import (an error, Ctrl+C, cancel) commits the articles already stored.
    The reuse postings of a batch are written together, in order, just before it commits."""

    BATCH_SECONDS = 1.0
    CACHE_KIB = 65536

    def __init__(self, db: sqlite3.Connection, reuse: ReuseIndex) -> None:
        self._db = db
        self._reuse = reuse
        self._since = 0.0

    def __enter__(self) -> _Batches:
        # the pages a batch touches stay in memory (savepoint journals too: schema.connect)
        self._db.execute(f"PRAGMA cache_size = -{self.CACHE_KIB}")
        self._reuse.hold_postings()
        self._begin()
        return self

    def _begin(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        self._since = time.monotonic()

    def tick(self) -> None:
        if not self._db.in_transaction:  # SQLite rolled the batch back (an I/O error): a new one
            self._reuse.drop_held_postings()
            self._reuse.hold_postings()
            self._begin()
        elif time.monotonic() - self._since >= self.BATCH_SECONDS:
            self._commit(keep_holding=True)
            self._begin()

    def _commit(self, *, keep_holding: bool) -> None:
        try:
            self._reuse.write_held_postings(keep_holding=keep_holding)
        except BaseException:
            self._db.execute("ROLLBACK")  # articles without their postings are not kept
            raise
        self._db.execute("COMMIT")

    def __exit__(self, *exc_info: object) -> None:
        if self._db.in_transaction:
            self._commit(keep_holding=False)
        else:  # SQLite rolled the batch back (a full disk): its postings go with it
            self._reuse.drop_held_postings()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, traceback: object) -> None:
        if exc_type is None:
            self._db.execute("COMMIT")
        elif self._db.in_transaction:
            self._db.execute("ROLLBACK")
