"""Import speed work must not change what is stored: the search columns, fingerprints and words
computed a text at a time equal their per-word definitions, and a batch import stores the same
reuse postings, each article whole or absent."""

from __future__ import annotations

import random
import sqlite3
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from library_helpers import seed_text

from reader.library import open_library
from reader.library.importers import make_draft
from reader.library.reuse import unpack
from reader.library.search import index_columns, word_keys, words_of
from reader.text import shingles
from reader.text.normalize import fold_word, fold_words
from reader.text.shingles import fingerprints, shingle_hashes
from reader.text.tokens import is_word, tokenize
from reader.text.word_table import WordTable

# letters and marks the folds and the clitic / weak-letter rules act on, digits of three scripts,
# separators numbers keep, punctuation, invisible marks, Latin and the odd underscore
ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱؤئىةـًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩0123456789.,٫٬ر،؛؟«»\u200c\u200d\u200fAbcXyz_- "
texts = st.text(alphabet=ALPHABET, max_size=200)
word_lists = st.lists(st.text(alphabet=ALPHABET.replace(" ", ""), min_size=1, max_size=12), max_size=40)


def index_columns_word_by_word(title: str, text: str) -> tuple[str, str, str, str]:
    """The definition: each word's keys from `word_keys`, the stem and loose key where they differ."""
    title_keys = []
    for word in words_of(title):
        folded, stem, _ = word_keys(word)
        title_keys += [folded] + ([stem] if stem != folded else [])
    body, stems, loose = [], [], []
    for word in words_of(title) + words_of(text):
        folded, stem, loose_key = word_keys(word)
        body.append(folded)
        stems += [stem] if stem != folded else []
        loose += [loose_key] if loose_key != stem else []
    return " ".join(title_keys), " ".join(body), " ".join(stems), " ".join(loose)


def shingle_hashes_word_by_word(words: list[str], ngram: int = 5) -> list[int]:
    numbers = [zlib.crc32(fold_word(w).encode("utf-8", "surrogatepass")) for w in words]
    grams = [numbers[k : k + ngram] for k in range(len(numbers) - ngram + 1)]
    return [zlib.crc32(b"".join(n.to_bytes(4, "little") for n in gram)) - (1 << 31) for gram in grams]


def fingerprints_by_windows(words: list[str], window: int = 4) -> frozenset[int]:
    hashes = shingle_hashes_word_by_word(words)
    if len(hashes) <= window:
        return frozenset(hashes)
    return frozenset(min(hashes[k : k + window]) for k in range(len(hashes) - window + 1))


@settings(max_examples=300, deadline=None)
@given(word_lists)
def test_folding_words_together_equals_folding_each(words):
    assert fold_words(words) == [fold_word(word) for word in words]


def test_a_word_with_a_newline_is_folded_on_its_own():
    words = ["أحمد\nإبراهيم", "ى"]
    assert fold_words(words) == [fold_word(word) for word in words]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_words_of_are_the_word_tokens(text):
    assert words_of(text) == [token.text for token in tokenize(text) if is_word(token.text)]


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_search_columns_equal_the_word_by_word_definition(title, text):
    assert index_columns(title, text) == index_columns_word_by_word(title, text)
    assert index_columns(title, text, words_of(text)) == index_columns_word_by_word(title, text)


def test_search_columns_of_the_seeds_equal_the_definition():
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed_text(prefix)
        assert index_columns(text[:80], text) == index_columns_word_by_word(text[:80], text)


@settings(max_examples=200, deadline=None)
@given(word_lists)
def test_fingerprints_equal_the_windowed_definition(words):
    assert shingle_hashes(words) == shingle_hashes_word_by_word(words)
    assert fingerprints(words) == fingerprints_by_windows(words)


def test_fingerprints_of_a_seed_equal_the_definition():
    words = words_of(seed_text("001"))
    assert len(words) > 500
    assert fingerprints(words) == fingerprints_by_windows(words)


def test_a_full_word_table_starts_again_and_still_answers_every_word():
    computed: list[list[str]] = []

    def upper(words: list[str]) -> list[str]:
        computed.append(words)
        return [word.upper() for word in words]

    table = WordTable(upper, limit=5)
    assert table.values(["a", "b", "a", "c"]) == ["A", "B", "A", "C"]
    assert table.values(["a", "b"]) == ["A", "B"] and len(computed) == 1  # known: nothing computed
    assert table.values(["d", "e", "f", "a"]) == ["D", "E", "F", "A"]  # over the limit: cleared
    assert sorted(computed[-1]) == ["a", "d", "e", "f"]


def test_the_word_tables_behind_fingerprints_give_the_same_answer_when_cleared(monkeypatch):
    words = words_of(seed_text("000"))
    before = fingerprints(words)
    monkeypatch.setattr(shingles, "_WORD_NUMBERS", WordTable(shingles._numbers_of, limit=50))
    assert fingerprints(words) == before


def _postings(path) -> list[tuple[int, int]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT fingerprint, article_id FROM reuse_postings ORDER BY 1, 2").fetchall()


def _postings_of_the_blobs(path) -> list[tuple[int, int]]:
    """The postings each stored article's own fingerprints call for."""
    with sqlite3.connect(path) as db:
        rows = db.execute("SELECT article_id, fingerprints FROM reuse_articles").fetchall()
    return sorted((value, article_id) for article_id, blob in rows for value in unpack(blob))


def _items(texts: list[str]):
    def draft(text: str):
        return make_draft(text, original=text.encode(), encoding="utf-8", format="pasted", origin="test")

    return [(f"#{k}", (lambda text=text: draft(text)), None) for k, text in enumerate(texts)]


@pytest.fixture
def reports() -> list[str]:
    rng = random.Random(7)
    words = seed_text("000").split() + seed_text("002").split()
    return [" ".join(rng.choice(words) for _ in range(150)) for _ in range(12)]


def test_a_batch_import_stores_the_postings_of_articles_added_one_by_one(tmp_path, reports):
    one_by_one = open_library(tmp_path / "one.sqlite3", seed_if_empty=False)
    for text in reports:
        one_by_one.import_text(text, origin="test")
    one_by_one.close()
    batch = open_library(tmp_path / "batch.sqlite3", seed_if_empty=False)
    report = batch.import_items(_items(reports))
    assert len(report.imported) == len(reports)
    assert batch.similar(report.imported[0]) == open_library(tmp_path / "one.sqlite3").similar(1)
    batch.close()
    assert _postings(tmp_path / "batch.sqlite3") == _postings(tmp_path / "one.sqlite3")
    assert len(_postings(tmp_path / "batch.sqlite3")) > 12 * 40


def test_an_article_that_fails_in_a_batch_leaves_no_postings(tmp_path, reports, monkeypatch):
    library = open_library(tmp_path / "library.sqlite3", seed_if_empty=False)
    original = type(library.reuse).add
    calls = []

    def failing_add(index, article_id, prints, **options):
        calls.append(article_id)
        if len(calls) == 3:
            raise sqlite3.OperationalError("disk I/O error")  # inside the third article's savepoint
        original(index, article_id, prints, **options)

    monkeypatch.setattr(type(library.reuse), "add", failing_add)
    report = library.import_items(_items(reports))
    assert len(report.failed) == 1 and len(report.imported) == len(reports) - 1
    held = {article_id for _, article_id in _postings(library.path)}
    assert held == set(report.imported)  # every stored article has its postings, the failed one none
    assert _postings(library.path) == _postings_of_the_blobs(library.path)
    stored = {row[0] for row in library._db.execute("SELECT id FROM articles")}
    assert stored == set(report.imported)
    library.close()


def test_a_batch_the_database_rolled_back_writes_none_of_its_postings(tmp_path, reports):
    """SQLite rolls a transaction back by itself on some I/O errors: the articles of that batch are
    gone, and so must be their held postings; the articles after it keep theirs."""
    library = open_library(tmp_path / "library.sqlite3", seed_if_empty=False)
    items = _items(reports[:6])
    label, make, _ = items[3]

    def make_after_a_rollback():
        library._db.execute("ROLLBACK")
        return make()

    items[3] = (label, make_after_a_rollback, None)
    library.import_items(items)
    stored = {row[0] for row in library._db.execute("SELECT id FROM articles")}
    library.close()
    assert len(stored) == 3  # the three after the rollback (which may get the ids of the lost ones)
    assert _postings(library.path) == _postings_of_the_blobs(library.path)
