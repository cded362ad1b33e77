"""The reuse index: which articles share text with which, kept in the library file.

Every article's winnowed fingerprints (reader/text/shingles.py) are stored twice: as one blob per
article (to remove or re-index it, and to know its size) and as postings clustered by fingerprint
(to find every article holding one). "Sharing text with this one" reads the postings of one
article's fingerprints; grouping the library into stories reads all postings once, in fingerprint
order, and counts shared fingerprints per pair.

Why an inverted index rather than MinHash with LSH (measured on the 20,329 SaudiNewsNet articles,
`bench/bench_reuse_index.py`): the index counts shared fingerprints exactly, so it gives both
containment shares (the share of A that B covers and of B that A covers) rather than one Jaccard
estimate; a short report reprinted inside a long one has a low Jaccard and is what LSH tuned for
Jaccard misses; it drops boilerplate (fingerprints held by too many articles) at query time; and it
needs nothing but SQLite, where datasketch would bring numpy and scipy into the bundle.

A fingerprint held by more than `boilerplate_articles` articles is boilerplate (the honorific titles
of the royal family, agency sign-offs, the SMS-subscription footer): it neither counts as shared
text nor joins reports into stories. The threshold is a count of articles, not a share of the
library, because a story is reprinted by a dozen or two outlets however large the archive grows.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter

from reader.library.errors import LibraryError
from reader.library.search import words_of
from reader.text.shingles import SHINGLES, fingerprints

Progress = Callable[[int, int, str], None]

INDEX_FACT = "reuse_index"
_CHUNK = 5000  # fingerprints per IN (...) query, well under SQLite's variable limit
_BLOB_OF = "SELECT fingerprints FROM reuse_articles WHERE article_id = ?"
_INSERT_POSTING = "INSERT INTO reuse_postings (fingerprint, article_id) VALUES (?, ?)"


@dataclass(frozen=True)
class ReuseSettings:
    """What counts as shared text."""

    boilerplate_articles: int = 50  # a fingerprint in more articles than this is boilerplate
    min_shared: int = 2  # fewer shared fingerprints is a common phrase, not shared text


REUSE = ReuseSettings()


@dataclass(frozen=True)
class Overlap:
    """Another article sharing text with one article.

    `share_of_this`: the share of this article's fingerprints the other holds too (how much of
    this article it covers); `share_of_other`: the share of the other's that this one holds.
    """

    article_id: int
    shared: int  # fingerprints in common, boilerplate left out
    share_of_this: float
    share_of_other: float


def pack(values: frozenset[int] | set[int]) -> bytes:
    return array("i", sorted(values)).tobytes()


def unpack(blob: bytes) -> array:
    values = array("i")
    values.frombytes(blob)
    return values


def text_fingerprints(text: str) -> frozenset[int]:
    return fingerprints(words_of(text))


class ReuseIndex:
    """The reuse tables of one library connection (transactions are the caller's)."""

    def __init__(self, db: sqlite3.Connection, settings: ReuseSettings = REUSE) -> None:
        self._db = db
        self.settings = settings
        self._held: list[tuple[int, int]] | None = None  # postings kept back by `hold_postings`

    # --- writing (inside the caller's transaction) ----------------------------------------------

    def add(self, article_id: int, prints: frozenset[int], *, hold: bool = False) -> None:
        """Index an article; with `hold` (inside a batch, see `hold_postings`) its postings wait."""
        self._db.execute(
            "INSERT INTO reuse_articles (article_id, fingerprints) VALUES (?, ?)", (article_id, pack(prints))
        )
        postings = zip(prints, repeat(article_id))
        if hold and self._held is not None:
            self._held.extend(postings)  # the blob is in: nothing of this article can fail after it
        else:
            self._db.executemany(_INSERT_POSTING, postings)

    def hold_postings(self) -> None:
        """Keep the postings of articles added with `hold` until `write_held_postings`, which
        writes them in fingerprint order: into a table clustered by fingerprint, a batch in order
        costs 40% of the same rows in each article's own order (the import's largest write).
        For a batch import, which reads nothing of the index before the batch is written."""
        self._held = []

    def write_held_postings(self, *, keep_holding: bool = True) -> None:
        held = self._held
        self._held = [] if keep_holding and held is not None else None
        if held:
            held.sort(key=itemgetter(0))  # stable: one fingerprint's articles stay in id order
            self._db.executemany(_INSERT_POSTING, held)

    def drop_held_postings(self) -> None:
        self._held = None

    def remove(self, article_id: int) -> None:
        row = self._db.execute(
            "SELECT fingerprints FROM reuse_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return
        self._db.executemany(
            "DELETE FROM reuse_postings WHERE fingerprint = ? AND article_id = ?",
            ((value, article_id) for value in unpack(row[0])),
        )
        self._db.execute("DELETE FROM reuse_articles WHERE article_id = ?", (article_id,))

    def replace(self, article_id: int, text: str) -> None:
        self.remove(article_id)
        self.add(article_id, text_fingerprints(text))

    def fill(self, progress: Progress | None = None) -> int:
        """Index every article not indexed yet (a migration, or `rebuild`). Returns how many."""
        missing = self._db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM reuse_articles) ORDER BY id"
        ).fetchall()
        total = len(missing)
        for done, (article_id,) in enumerate(missing):
            if progress is not None and done % 200 == 0:
                progress(done, total, f"article {article_id}")
            (text,) = self._db.execute(
                "SELECT text FROM article_bodies WHERE article_id = ?", (article_id,)
            ).fetchone()
            self.add(article_id, text_fingerprints(text))
        self._db.execute(
            "INSERT OR REPLACE INTO library_facts (key, value) VALUES (?, ?)", (INDEX_FACT, SHINGLES.version)
        )
        if progress is not None:
            progress(total, total, "")
        return total

    def rebuild(self, progress: Progress | None = None) -> int:
        self._db.execute("DELETE FROM reuse_postings")
        self._db.execute("DELETE FROM reuse_articles")
        return self.fill(progress)

    # --- reading ------------------------------------------------------------------------------

    def check_current(self) -> None:
        """Refuse to answer from an index built with other fingerprint settings."""
        row = self._db.execute("SELECT value FROM library_facts WHERE key = ?", (INDEX_FACT,)).fetchone()
        if row is not None and row[0] != SHINGLES.version:
            raise LibraryError(
                f"the reuse index of this library was built another way ({row[0]}); run `qarin reindex`"
            )

    def size(self, article_id: int) -> int:
        row = self._db.execute(
            "SELECT length(fingerprints) FROM reuse_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise LibraryError(f"no article with id {article_id}")
        return row[0] // 4

    def sizes(self) -> dict[int, int]:
        """Every indexed article's number of fingerprints."""
        rows = self._db.execute("SELECT article_id, length(fingerprints) / 4 FROM reuse_articles")
        return dict(rows)

    def overlaps(self, article_id: int, limit: int | None = None) -> list[Overlap]:
        """The articles sharing text with `article_id`, most shared first."""
        self.check_current()
        row = self._db.execute(
            "SELECT fingerprints FROM reuse_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise LibraryError(f"no article with id {article_id}")
        prints = unpack(row[0])
        if not prints:
            return []
        cap = self.settings.boilerplate_articles
        shared: Counter[int] = Counter()
        for start in range(0, len(prints), _CHUNK):
            chunk = prints[start : start + _CHUNK]
            holders: dict[int, list[int]] = {}
            query = (
                "SELECT fingerprint, article_id FROM reuse_postings WHERE fingerprint IN"
                f" ({','.join('?' * len(chunk))})"
            )
            for fingerprint, other in self._db.execute(query, tuple(chunk)):
                holders.setdefault(fingerprint, []).append(other)
            for others in holders.values():
                if len(others) <= cap:
                    shared.update(others)
        shared.pop(article_id, None)
        ranked = [(other, n) for other, n in shared.most_common() if n >= self.settings.min_shared][:limit]
        own = len(prints)
        sizes = self._sizes_of([other for other, _ in ranked])
        return [
            Overlap(other, count, count / own, count / max(1, sizes.get(other, count)))
            for other, count in ranked
        ]

    def _sizes_of(self, article_ids: list[int]) -> dict[int, int]:
        sizes: dict[int, int] = {}
        for start in range(0, len(article_ids), _CHUNK):
            chunk = article_ids[start : start + _CHUNK]
            rows = self._db.execute(
                "SELECT article_id, length(fingerprints) / 4 FROM reuse_articles WHERE article_id IN"
                f" ({','.join('?' * len(chunk))})",
                tuple(chunk),
            )
            sizes.update(rows)
        return sizes

    def fingerprints_of(self, article_ids: list[int]) -> dict[int, frozenset[int]]:
        """Each article's fingerprints, boilerplate left out (what `overlaps` counts)."""
        prints = {}
        for article_id in article_ids:
            row = self._db.execute(_BLOB_OF, (article_id,)).fetchone()
            if row is None:
                raise LibraryError(f"no article with id {article_id}")
            prints[article_id] = frozenset(unpack(row[0]))
        every = sorted(set().union(*prints.values())) if prints else []
        common: set[int] = set()
        for start in range(0, len(every), _CHUNK):
            chunk = every[start : start + _CHUNK]
            rows = self._db.execute(
                "SELECT fingerprint FROM reuse_postings WHERE fingerprint IN"
                f" ({','.join('?' * len(chunk))}) GROUP BY fingerprint HAVING count(*) > ?",
                (*chunk, self.settings.boilerplate_articles),
            )
            common.update(value for (value,) in rows)
        return {article_id: values - common for article_id, values in prints.items()}

    def shared_groups(self) -> Iterator[list[int]]:
        """For every fingerprint two or more articles (but not boilerplate many) hold: their ids."""
        self.check_current()
        rows = self._db.execute(
            "SELECT group_concat(article_id) FROM reuse_postings GROUP BY fingerprint"
            " HAVING count(*) BETWEEN 2 AND ?",
            (self.settings.boilerplate_articles,),
        )
        for (ids,) in rows:
            yield [int(value) for value in ids.split(",")]

    def pair_counts(self, keep: Callable[[list[int]], bool] | None = None) -> Counter[tuple[int, int]]:
        """Shared fingerprints of every pair of articles that shares any, keyed (smaller id, larger).

        `keep(ids)` may leave out more fingerprints by who holds them (e.g. recurring templates).
        """
        counts: Counter[tuple[int, int]] = Counter()
        for ids in self.shared_groups():
            if keep is not None and not keep(ids):
                continue
            ids.sort()
            for position, first in enumerate(ids):
                for second in ids[position + 1 :]:
                    counts[first, second] += 1
        return counts
