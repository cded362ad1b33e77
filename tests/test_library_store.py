"""The store: seeding, reading, duplicates, editing, removal, restoring lines, refusing bad files."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from library_helpers import seed_bytes, seed_text

from reader.library import LibraryError, open_library
from reader.library.schema import APPLICATION_ID, SCHEMA_VERSION
from reader.library.store import default_library_path


@pytest.fixture
def library(tmp_path):
    lib = open_library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def test_new_library_is_seeded_with_the_five_samples(library):
    summaries = library.summaries()
    assert len(summaries) == 5
    assert [s.origin for s in summaries] == sorted(s.origin for s in summaries)
    assert all(s.origin.startswith("seeds/") and s.words > 300 for s in summaries)


def test_default_path_is_in_the_user_data_dir():
    path = default_library_path()
    assert path.name == "library.sqlite3" and path.parent.name == "qarin"


def test_open_without_seeding_stays_empty(tmp_path):
    with open_library(tmp_path / "empty.sqlite3", seed_if_empty=False) as lib:
        assert lib.summaries() == []


def test_article_keeps_the_original_bytes_and_the_cleaned_text(library):
    article = library.article(4)  # seed 003
    assert article.original == seed_bytes("003")
    assert article.extracted == seed_text("003")
    assert "logo" not in article.text.split("\n")
    assert article.text.startswith("من الثروات إلى التحالفات")
    assert article.source == "شركة إرم ميديا"
    assert article.language == "ar"
    assert article.encoding == "utf-8"
    assert len(article.content_hash) == 64
    assert library.text(4) == article.text


def test_seeds_dated_by_their_date_prefix(library):
    first = library.article(1)
    assert first.date == "2025-11-07"
    assert not first.text.startswith(" date") and first.text.startswith("استضاف")
    assert first.removed[0].text == " date 2025-11-07 " and first.removed[0].reason == "date"


def test_the_same_content_twice_is_reported_as_duplicate(library):
    first = library.import_text("نص تجريبي عن القمة في واشنطن\nوفقرة ثانية")
    again = library.import_text("نص تجريبي عن القمة في واشنطن\r\nوفقرة ثانية\r\n")  # other line endings
    assert not first.duplicate and again.duplicate and again.article_id == first.article_id
    assert library.count() == 6


def test_update_metadata_and_reject_bad_dates(library):
    library.update(2, title="  عنوان   جديد ", source="يورونيوز", date="2025-11-06")
    summary = library.summary(2)
    assert (summary.title, summary.source, summary.date) == ("عنوان جديد", "يورونيوز", "2025-11-06")
    library.update(2, date="")
    assert library.summary(2).date is None
    with pytest.raises(LibraryError, match="not a date"):
        library.update(2, date="2025-02-30")
    with pytest.raises(LibraryError, match="empty"):
        library.update(2, title="  ")
    with pytest.raises(LibraryError, match="no article"):
        library.update(99, title="x")


def test_remove_deletes_article_its_removed_lines_and_index_rows(library):
    library.remove(4)
    with pytest.raises(LibraryError):
        library.summary(4)
    db = sqlite3.connect(library.path)
    assert db.execute("SELECT count(*) FROM removed_lines WHERE article_id = 4").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM search_text WHERE article_id = 4").fetchone()[0] == 0
    db.close()
    assert all(hit.article_id != 4 for hit in library.search("الكازاخستانيون"))
    assert library.integrity_check() == "ok"


def test_restore_line_puts_a_removed_line_back(library):
    article = library.article(4)
    index = next(i for i, r in enumerate(article.removed) if r.reason == "image caption")
    caption = article.removed[index].text
    assert caption not in article.text
    library.restore_line(4, index)
    restored = library.article(4)
    assert caption in restored.text
    assert len(restored.removed) == len(article.removed) - 1
    # the restored line sits where it was: after the title, before the first paragraph
    lines = [line for line in restored.text.split("\n") if line.strip()]
    assert lines[0].startswith("من الثروات") and lines[1] == caption
    assert library.search("جمهورية أوزبكستان رئاسة")[0].article_id == 4
    with pytest.raises(LibraryError):
        library.restore_line(4, 99)


def test_bidi_controls_are_kept_and_flagged(library):
    text = "قال المتحدث \u202eتم الاتفاق\u202c على الصفقة \u2067كاملة\u2069 أمس"
    outcome = library.import_text(text)
    article = library.article(outcome.article_id)
    assert article.has_bidi_controls and library.summary(outcome.article_id).has_bidi_controls
    assert article.text == text and article.original == text.encode("utf-8")
    assert not library.summary(1).has_bidi_controls


def test_empty_pasted_text_is_refused(library):
    with pytest.raises(LibraryError, match="empty"):
        library.import_text(" \n\t\n")
    assert library.count() == 5


def test_a_worker_thread_opens_its_own_connection(library):
    found: list[int] = []

    def worker() -> None:
        with open_library(library.path, seed_if_empty=False) as other:
            found.append(len(other.summaries()))
            other.import_text("مقال من خيط آخر عن المعادن النادرة")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert found == [5]
    assert library.count() == 6


@pytest.mark.parametrize(
    "content",
    [
        b"this is a text file, not a library\n",
        "مقالة عربية".encode() * 100,
        b"SQLite format 3\x00" + b"\x01" * 200,
    ],
    ids=["text", "arabic-text", "corrupt-sqlite"],
)
def test_a_file_that_is_not_a_library_is_refused_untouched(tmp_path, content):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    with pytest.raises(LibraryError, match="not a"):
        open_library(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_another_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (name TEXT)")
    db.execute("INSERT INTO contacts VALUES ('x')")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="not a Qarin library"):
        open_library(path)
    assert path.read_bytes() == before


def test_a_library_from_a_newer_qarin_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY)")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="newer Qarin"):
        open_library(path)
    assert path.read_bytes() == before


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(LibraryError, match="folder"):
        open_library(tmp_path)


def test_a_library_emptied_by_the_user_is_not_seeded_again(tmp_path):
    path = tmp_path / "emptied.sqlite3"
    with open_library(path) as library:
        for summary in library.summaries():
            library.remove(summary.id)
    with open_library(path) as library:
        assert library.count() == 0


def test_pasted_text_with_a_lone_surrogate_is_kept(library):
    text = "نص من حافظة معطوبة \udc81 في منتصفه"
    outcome = library.import_text(text)
    article = library.article(outcome.article_id)
    assert article.text == "نص من حافظة معطوبة \ufffd في منتصفه"
    assert article.original == text.encode("utf-8", "surrogatepass")


def test_summaries_say_what_the_articles_hold(library):
    outcome = library.import_text("نص فيه \u202e عكس للاتجاه", title="عنوان")
    for summary in library.summaries():
        article = library.article(summary.id)
        assert summary == library.summary(summary.id)
        assert (summary.title, summary.source, summary.date, summary.origin) == (
            article.title, article.source, article.date, article.origin,
        )  # fmt: skip
        assert summary.words == article.words > 0
        assert summary.has_bidi_controls is (summary.id == outcome.article_id)
