"""The reuse index: shared text found both ways, kept up to date on import, edit and remove."""

from __future__ import annotations

import random
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from library_helpers import seed_text

from reader.cli import main
from reader.library import LibraryError, open_library
from reader.library.reuse import ReuseIndex, ReuseSettings
from reader.library.schema import migrate
from reader.text.shingles import SHINGLES, fingerprints

WORDS = sorted({w for prefix in ("000", "001", "002", "003", "004") for w in seed_text(prefix).split()})


def _prose(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count))


@pytest.fixture
def library(tmp_path):
    lib = open_library(tmp_path / "library.sqlite3", seed_if_empty=False)
    yield lib
    lib.close()


def test_a_reprint_inside_a_longer_report_is_found_with_both_shares(library):
    rng = random.Random(1)
    agency = _prose(rng, 120)
    longer = _prose(rng, 240) + "\n" + agency + "\n" + _prose(rng, 120)
    unrelated = _prose(rng, 200)
    a = library.import_text(agency, title="وكالة").article_id
    b = library.import_text(longer, title="صحيفة").article_id
    c = library.import_text(unrelated, title="أخرى").article_id
    (overlap,) = library.similar(a)
    assert overlap.article_id == b
    assert overlap.share_of_this > 0.95  # all of the agency copy is in the longer report
    assert 0.15 < overlap.share_of_other < 0.35  # which holds about a quarter of it
    (back,) = library.similar(b)
    assert back.article_id == a and back.shared == overlap.shared
    assert back.share_of_this == pytest.approx(overlap.share_of_other)
    assert library.similar(c) == []


def test_spelling_folds_do_not_hide_a_reprint(library):
    text = seed_text("000")
    respelled = text.replace("أ", "ا").replace("ى", "ي").replace("ة", "ه")
    a = library.import_text(text).article_id
    b = library.import_text(respelled + "\nسطر مضاف").article_id
    assert library.similar(a)[0].article_id == b and library.similar(a)[0].share_of_this == 1.0


def test_remove_and_restore_keep_the_index_current(library):
    rng = random.Random(2)
    shared = _prose(rng, 80)
    a = library.import_text(shared + "\n" + _prose(rng, 40)).article_id
    b = library.import_text(shared).article_id
    assert [o.article_id for o in library.similar(a)] == [b]
    library.remove(b)
    assert library.similar(a) == []
    with pytest.raises(LibraryError, match="no article with id"):
        library.similar(b)
    db = sqlite3.connect(library.path)
    assert db.execute("SELECT count(*) FROM reuse_postings WHERE article_id = ?", (b,)).fetchone()[0] == 0
    db.close()


def test_boilerplate_held_by_too_many_articles_is_not_shared_text(library):
    rng = random.Random(3)
    sign_off = "خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود حفظه الله ورعاه وسدد خطاه"
    ids = [library.import_text(_prose(rng, 60) + "\n" + sign_off).article_id for _ in range(5)]
    assert library.similar(ids[0])  # five articles: the sign-off is still shared text
    strict = ReuseIndex(library._db, ReuseSettings(boilerplate_articles=4))
    assert strict.overlaps(ids[0]) == []
    assert strict.pair_counts() == {}
    assert set(library.reuse.pair_counts()) == {(x, y) for x in ids for y in ids if x < y}


def test_reindex_gives_the_same_answers(library, tmp_path, capsys):
    rng = random.Random(4)
    shared = _prose(rng, 60)
    ids = [library.import_text(shared + "\n" + _prose(rng, 30 * k)).article_id for k in range(1, 4)]
    before = {i: library.similar(i) for i in ids}
    assert library.reindex() == 3
    assert {i: library.similar(i) for i in ids} == before
    assert main(["reindex", "--library", str(library.path)]) == 0
    assert capsys.readouterr().out.startswith("reuse index rebuilt: 3 articles")


def test_an_index_built_another_way_is_refused_until_reindexed(library):
    a = library.import_text(seed_text("000")).article_id
    library.set_fact("reuse_index", "some-older-way")
    with pytest.raises(LibraryError, match="run `qarin reindex`"):
        library.similar(a)
    library.reindex()
    assert library.similar(a) == []


def test_a_v2_library_gets_its_index_in_the_migration(tmp_path):
    path = tmp_path / "v2.sqlite3"
    with open_library(path) as library:  # five seeds; 000, 001 and 004 share text
        expected = {s.id: library.similar(s.id) for s in library.summaries()}
    db = sqlite3.connect(path, isolation_level=None)
    for table in ("reuse_postings", "reuse_articles"):
        db.execute(f"DROP TABLE {table}")
    db.execute("ALTER TABLE articles DROP COLUMN author")
    db.execute("ALTER TABLE articles DROP COLUMN time")
    db.execute("PRAGMA user_version = 2")
    migrate(db)
    db.close()
    with open_library(path) as library:
        assert {s.id: library.similar(s.id) for s in library.summaries()} == expected
        assert any(expected.values())


def test_the_cli_lists_both_shares(library, capsys):
    rng = random.Random(5)
    shared = _prose(rng, 100)
    a = library.import_text(shared, title="الأصل").article_id
    b = library.import_text(shared + "\n" + _prose(rng, 100), title="النسخة").article_id
    path = str(library.path)
    assert main(["similar", str(a), "--format", "json", "--library", path]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    (row,) = data["similar"]
    assert row["id"] == b and row["title"] == "النسخة"
    assert row["share_of_this"] == 1.0 and 0.4 < row["share_of_other"] < 0.6
    assert main(["similar", str(a), "--library", path, "--bidi", "logical"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[:3] == [str(b), "100%", f"{row['share_of_other']:.0%}"]
    assert main(["similar", "999", "--library", path]) == 2


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_shared_run_of_eight_words_always_gives_a_shared_fingerprint(data):
    rng = random.Random(data.draw(st.integers(0, 10**6)))
    run_length = SHINGLES.ngram + SHINGLES.window - 1
    run = [rng.choice(WORDS) for _ in range(run_length)]
    left = [rng.choice(WORDS) for _ in range(data.draw(st.integers(0, 40)))]
    right = [rng.choice(WORDS) for _ in range(data.draw(st.integers(0, 40)))]
    other = [rng.choice(WORDS) for _ in range(data.draw(st.integers(0, 40)))]
    assert fingerprints(left + run + right) & fingerprints(other + run)


@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=30))
def test_fingerprints_ignore_tashkeel_and_tatweel(words):
    marked = [w[:1] + "\u064e\u0640" + w[1:] if len(w) > 1 else w for w in words]
    assert fingerprints(marked) == fingerprints(words)


def test_opening_a_library_never_rebuilds_the_index(tmp_path, monkeypatch):
    rng = random.Random(5)
    shared = _prose(rng, 70)
    path = tmp_path / "kept.sqlite3"
    with open_library(path, seed_if_empty=False) as lib:
        a = lib.import_text(shared + "\n" + _prose(rng, 30)).article_id
        b = lib.import_text(shared).article_id
        expected = lib.similar(a)

    def rebuild(*_args, **_kwargs):
        raise AssertionError("the index was rebuilt at start-up")

    monkeypatch.setattr(ReuseIndex, "rebuild", rebuild)
    with open_library(path, seed_if_empty=False) as lib:
        assert lib.similar(a) == expected and expected[0].article_id == b


def test_restoring_a_removed_line_indexes_the_text_again(tmp_path):
    with open_library(tmp_path / "seeded.sqlite3") as lib:  # seed 003 is article 4, lines cleaned away
        article = lib.article(4)
        index = max(range(len(article.removed)), key=lambda k: len(article.removed[k].text.split()))
        line = article.removed[index].text
        assert len(line.split()) >= 8 and line not in article.text
        other = lib.import_text(line + "\n" + _prose(random.Random(6), 40)).article_id
        assert 4 not in [o.article_id for o in lib.similar(other)]  # the line is not in 4's text yet
        lib.restore_line(4, index)
        assert 4 in [o.article_id for o in lib.similar(other)]  # now it is, and it is indexed
        restored = {o.article_id: o for o in lib.similar(4)}
        lib.reindex()
        assert {o.article_id: o for o in lib.similar(4)} == restored  # as a rebuild would have it
