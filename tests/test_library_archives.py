"""JSON and JSON Lines collections and zips of them: metadata kept, bad items named, the rest imported."""

from __future__ import annotations

import json
import zipfile

import pytest
from library_helpers import seed_text

from reader.cli import main
from reader.library import LibraryError, open_library


def _article(number: int, **fields) -> dict:
    paragraphs = [p for p in seed_text(f"00{number % 5}").split("\n") if p.strip()]
    item = {
        "source": "was",
        "url": f"http://example.test/{number}",
        "date_extracted": f"2015-07-2{number % 10} 0{number % 10}:15:3{number % 10}",
        "title": f"خبر رقم {number}",
        "author": "الرياض - واس",
        "content": "\n".join(paragraphs[:3]) + f"\nسطر خاص بالخبر {number}",
    }
    item.update(fields)
    return item


@pytest.fixture
def library(tmp_path):
    lib = open_library(tmp_path / "library.sqlite3", seed_if_empty=False)
    yield lib
    lib.close()


def test_a_json_array_keeps_title_source_date_time_url_and_author(library, tmp_path):
    path = tmp_path / "day.json"
    path.write_text(json.dumps([_article(1), _article(2)], ensure_ascii=False), encoding="utf-8")
    report = library.import_paths([path])
    assert report.ok and len(report.imported) == 2
    article = library.article(report.imported[0])
    assert (article.title, article.source, article.date, article.time) == (
        "خبر رقم 1", "was", "2015-07-21", "01:15:31",
    )  # fmt: skip
    assert article.origin == "http://example.test/1" and article.author == "الرياض - واس"
    assert article.format == "json" and json.loads(article.original)["title"] == "خبر رقم 1"
    assert "سطر خاص بالخبر 1" in article.text
    summary = library.summary(report.imported[1])
    assert (summary.time, summary.author) == ("02:15:32", "الرياض - واس")


def test_json_lines_and_the_text_field_and_iso_dates(library, tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": "نص الخبر الأول عن القمة في الرياض اليوم", "date": "2015-08-01T10:20:00Z"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "بلا نص", "content": "   "}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    report = library.import_paths([path])
    assert len(report.imported) == 1
    article = library.article(report.imported[0])
    assert (article.date, article.time) == ("2015-08-01", "10:20:00")
    assert article.origin.endswith("feed.jsonl:1")
    reasons = dict(report.failed)
    assert set(reasons) == {"feed.jsonl:3", "feed.jsonl:4", "feed.jsonl:5"}
    assert reasons["feed.jsonl:3"].startswith("not JSON")
    assert "not an object" in reasons["feed.jsonl:4"]
    assert reasons["feed.jsonl:5"].startswith("no article text")


def test_a_zip_of_json_days_as_the_corpus_ships(library, tmp_path):
    path = tmp_path / "2015-07-21.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("2015-07-21.json", json.dumps([_article(n) for n in range(4)], ensure_ascii=False))
        archive.writestr("more/extra.jsonl", json.dumps(_article(7), ensure_ascii=False))
        archive.writestr("__MACOSX/._2015-07-21.json", b"\x00\x05")
        archive.writestr("readme.txt", "not an article")
    progress: list[tuple[int, int, str]] = []
    report = library.import_paths([path], progress=lambda *step: progress.append(step))
    assert report.ok and len(report.imported) == 5
    assert progress[0][:2] == (0, 5) and progress[-1][:2] == (5, 5)
    assert progress[1][2] == "2015-07-21.zip:2015-07-21.json#1"
    again = library.import_paths([path])
    assert not again.imported and len(again.duplicates) == 5


def test_a_folder_imports_collections_beside_text_files(library, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.json").write_text(json.dumps({"articles": [_article(3)]}), encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(seed_text("002"), encoding="utf-8")
    report = library.import_paths([tmp_path / "in"])
    assert report.ok and len(report.imported) == 2


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("broken.json", b'[{"content": "x"', "not JSON"),
        ("latin.json", '[{"content": "caf\xe9"}]'.encode("latin-1"), "not UTF-8 JSON"),
        ("fake.zip", b"PK\x03\x04 not really", "not a readable zip file"),
    ],
)
def test_a_file_that_cannot_be_read_fails_whole_and_writes_nothing(library, tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    report = library.import_paths([path])
    assert not report.imported and len(report.failed) == 1
    assert reason in report.failed[0][1]
    assert library.count() == 0


def test_a_zip_without_json(library, tmp_path):
    path = tmp_path / "empty.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "nothing here")
    report = library.import_paths([path])
    assert report.failed == [(str(path), "no .json or .jsonl file in the zip")]


def test_the_cli_names_each_bad_item_and_exits_1(tmp_path, capsys):
    path = tmp_path / "day.json"
    path.write_text(json.dumps([_article(1), {"title": "فارغ"}, _article(2)], ensure_ascii=False), "utf-8")
    code = main(["import", str(path), "--library", str(tmp_path / "lib.sqlite3")])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.strip() == "qarin: day.json#1: no article text (no content or text field with words in it)"
    assert "2 imported, 0 already there, 1 failed" in out
    code = main(["show", "6", "--format", "json", "--library", str(tmp_path / "lib.sqlite3")])
    shown = json.loads(capsys.readouterr().out)
    assert shown["time"] == "01:15:31" and shown["author"] == "الرياض - واس"


def test_editing_the_date_sets_or_clears_the_time(library):
    article_id = library.import_text(seed_text("002")).article_id
    library.update(article_id, date="2015-07-21 9:05")
    assert (library.summary(article_id).date, library.summary(article_id).time) == ("2015-07-21", "09:05")
    library.update(article_id, date="2015-07-22")
    assert (library.summary(article_id).date, library.summary(article_id).time) == ("2015-07-22", None)
    with pytest.raises(LibraryError, match="not a time of day"):
        library.update(article_id, date="2015-07-22 25:00")
