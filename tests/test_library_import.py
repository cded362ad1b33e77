"""Importing files, folders, HTML and pasted text; bad input named with its reason, nothing half-written."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from library_helpers import seed_bytes, seed_text

from reader.library import LibraryError, open_library
from reader.library.importers import draft_from_path

DATA = Path(__file__).parent / "data" / "library"


@pytest.fixture
def library(tmp_path):
    lib = open_library(tmp_path / "library.sqlite3", seed_if_empty=False)
    yield lib
    lib.close()


@pytest.mark.parametrize(
    ("prefix", "encoding"),
    [("000", "cp1256"), ("000", "iso8859_6"), ("001", "utf-16"), ("002", "utf-16-le"), ("003", "utf-16-be")],
)
def test_text_files_in_arabic_encodings(library, tmp_path, prefix, encoding):
    path = tmp_path / f"{prefix}-{encoding}.txt"
    path.write_bytes(seed_text(prefix).encode(encoding))
    report = library.import_paths([path])
    assert report.ok and len(report.imported) == 1
    article = library.article(report.imported[0])
    assert article.original == path.read_bytes()
    assert article.extracted == seed_text(prefix)
    # the same words in UTF-8 are the same article
    utf8 = tmp_path / "utf8.txt"
    utf8.write_bytes(seed_bytes(prefix))
    again = library.import_paths([utf8])
    assert again.duplicates == [(str(utf8), article.id)] and not again.imported


def test_crlf_file_keeps_its_original_bytes(library, tmp_path):
    path = tmp_path / "crlf.txt"
    data = seed_text("002").replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(data)
    article = library.article(library.import_paths([path]).imported[0])
    assert article.original == data and b"\r\n" in article.original
    assert "\r" not in article.text and "\r" not in article.extracted


def test_html_page_body_title_date_and_site_name(library):
    report = library.import_paths([DATA / "article.html"])
    article = library.article(report.imported[0])
    assert article.title == "ترامب يستضيف قادة آسيا الوسطى في البيت الأبيض"
    assert article.source == "صحيفة الأفق"
    assert article.date == "2025-11-07"
    assert article.format == "html" and article.original == (DATA / "article.html").read_bytes()
    assert "وتمتلك آسيا الوسطى احتياطيات كبيرة" in article.text
    for boilerplate in ("الرئيسية", "رياضة", "أخبار ذات صلة", "بوتين يعود", "تعليق القارئ", "سياسة الخصوصية"):
        assert boilerplate not in article.text


def _write_folder(root: Path) -> dict[str, str]:
    """A folder tree with good and bad files; returns {file name: expected failure word}."""
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "one.txt").write_bytes(seed_bytes("000"))
    (root / "a" / "b" / "two.TXT").write_bytes(seed_text("001").encode("cp1256"))
    (root / "three.htm").write_bytes((DATA / "article.html").read_bytes())
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 10)  # not a supported type
    bad = {
        "binary.txt": "binary",
        "empty.txt": "empty",
        "spaces.txt": "empty",
        "broken.html": "no article text",
        "undecodable.txt": "not valid",
    }
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20)
    (root / "empty.txt").write_bytes(b"")
    (root / "spaces.txt").write_bytes(b" \n\n \t\n")
    (root / "broken.html").write_bytes(b"<html><head><title>x</title><body><div><p><a href='")
    (root / "undecodable.txt").write_bytes(b"\xef\xbb\xbf" + "نص".encode() + b"\xc3\x28\xff\xfe")
    return bad


def test_folder_import_keeps_the_good_and_names_the_bad(library, tmp_path):
    bad = _write_folder(tmp_path / "in")
    calls = []
    report = library.import_paths(
        [tmp_path / "in", tmp_path / "missing.txt"], progress=lambda d, t, c: calls.append((d, t, c))
    )
    assert len(report.imported) == 3
    origins = sorted(Path(library.summary(i).origin).name for i in report.imported)
    assert origins == ["one.txt", "three.htm", "two.TXT"]
    failed = {Path(path).name: reason for path, reason in report.failed}
    assert set(failed) == set(bad) | {"missing.txt"}
    for name, word in bad.items():
        assert word in failed[name], (name, failed[name])
    assert "no such file" in failed["missing.txt"]
    assert library.count() == 3
    assert calls[0][:2] == (0, 9) and calls[-1] == (9, 9, "")
    assert [c[0] for c in calls[:-1]] == list(range(9))


def test_file_over_the_size_limit(library, tmp_path, monkeypatch):
    monkeypatch.setattr("reader.library.importers.MAX_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(seed_bytes("001"))
    report = library.import_paths([path])
    assert report.failed == [(str(path), "too large: 0.0 MiB (the limit is 0.0 MiB)")] or (
        "too large" in report.failed[0][1]
    )
    assert library.count() == 0


def test_cancel_stops_between_files(library, tmp_path):
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(f"مقال رقم {i} عن القمة", encoding="utf-8")
    seen = []
    report = library.import_paths(
        [tmp_path], progress=lambda d, t, c: seen.append(d), cancel=lambda: len(seen) >= 2
    )
    assert report.cancelled and len(report.imported) == 2 and library.count() == 2


def test_a_failure_inside_the_transaction_writes_nothing(library, tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes(seed_bytes("002"))
    doomed = tmp_path / "doomed.txt"
    doomed.write_bytes(seed_bytes("004"))
    # fail the last insert of 004's transaction, after its article and body rows went in
    library._db.execute(
        "CREATE TEMP TRIGGER fail_one BEFORE INSERT ON main.search_text WHEN new.body LIKE '%قرغيزيا%'"
        " BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
    )
    report = library.import_paths([doomed, good])
    assert [Path(p).name for p, _ in report.failed] == ["doomed.txt"]
    assert "disk I/O error" in report.failed[0][1]
    db = sqlite3.connect(library.path)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM article_bodies").fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM removed_lines").fetchone()[0] == 0  # 004's date prefix: gone
    db.close()


def test_thousands_of_files_some_bad(library, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    base = seed_text("000")
    bad = set()
    for i in range(1200):
        path = folder / f"{i:04d}.txt"
        if i % 97 == 13:
            path.write_bytes(b"\x00\x01\x02binary" * 50)
            bad.add(path.name)
        else:
            path.write_text(f"{base}\n\nنسخة رقم {i}", encoding="utf-8")
    report = library.import_paths([folder])
    assert {Path(p).name for p, _ in report.failed} == bad
    assert len(report.imported) == 1200 - len(bad) == library.count()


def test_pasted_text_and_stdin_bytes(library):
    pasted = library.import_text("عنوان ملصوق\nنص الخبر الملصوق من المتصفح.")
    article = library.article(pasted.article_id)
    assert article.origin == "pasted" and article.format == "pasted" and article.title == "عنوان ملصوق"
    from_stdin = library.import_bytes(seed_text("004").encode("cp1256"), title="من الطرفية")
    article = library.article(from_stdin.article_id)
    assert article.encoding == "cp1256" and article.title == "من الطرفية" and article.date == "2025-11-07"


def test_draft_from_path_names_the_problem(tmp_path):
    with pytest.raises(LibraryError, match="is a directory"):
        draft_from_path(tmp_path)


_IMPORTER = """
import sys
from reader.library import open_library
library = open_library(sys.argv[1], seed_if_empty=False)
library.import_paths([sys.argv[2]])
"""


def test_killing_an_import_leaves_a_consistent_library(tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    base = seed_text("001")
    for i in range(1500):
        (folder / f"{i:05d}.txt").write_text(f"{base}\nنسخة {i}", encoding="utf-8")
    path = tmp_path / "killed.sqlite3"
    process = subprocess.Popen([sys.executable, "-c", _IMPORTER, str(path), str(folder)])
    try:
        deadline = time.monotonic() + 120
        count = 0
        while count < 50 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
            if path.exists():
                try:
                    probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
                    count = probe.execute("SELECT count(*) FROM articles").fetchone()[0]
                    probe.close()
                except sqlite3.OperationalError:
                    count = 0
        assert process.poll() is None, "the import finished before it could be killed"
        os.kill(process.pid, 9)
    finally:
        process.wait()
    assert process.returncode == -9
    with open_library(path, seed_if_empty=False) as library:
        assert library.integrity_check() == "ok"
        summaries = library.summaries()
        assert 50 <= len(summaries) < 1500
        ids = [s.id for s in summaries]
        assert ids == list(range(1, len(ids) + 1))  # every article before the kill, none missing
        for summary in summaries[:: max(1, len(summaries) // 20)]:
            article = library.article(summary.id)
            number = int(Path(article.origin).stem)
            assert article.text.endswith(f"نسخة {number}")
        db = sqlite3.connect(path)
        assert db.execute("SELECT count(*) FROM search_text").fetchone()[0] == len(summaries)
        db.execute("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
        db.close()
        # importing again finishes the job: the earlier ones are duplicates
        report = library.import_paths([folder])
        assert len(report.duplicates) == len(summaries) and library.count() == 1500


def test_html_in_cp1256_without_a_charset(library, tmp_path):
    page = (DATA / "article.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1256"))
    article = library.article(library.import_paths([path]).imported[0])
    assert article.title == "ترامب يستضيف قادة آسيا الوسطى في البيت الأبيض"
    assert "احتياطيات كبيرة من المعادن النادرة" in article.text


def test_html_piped_on_stdin_is_read_as_a_page(library):
    outcome = library.import_bytes((DATA / "article.html").read_bytes())
    article = library.article(outcome.article_id)
    assert article.format == "html" and article.source == "صحيفة الأفق" and "<p>" not in article.text
