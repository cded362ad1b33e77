"""The window on hostile input (issue 14): a screenshot never hangs on an error box, a broken
library is explained in a window with ways on, and bidi controls in titles show and act on nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from reader.library import open_library
from reader.library.model import ArticleSummary
from reader.ui import app
from reader.ui.comparison.view import ComparisonView
from reader.ui.library import problem
from reader.ui.library.article_model import COL_TITLE, ArticleTableModel, BidiFlagRole

OVERRIDDEN = "عنوان \u202eمقلوب 000,01"


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    open_library(path).close()
    return path


def test_a_screenshot_with_an_error_box_exits_with_its_text(library_path, tmp_path):
    db = sqlite3.connect(library_path)
    db.execute("DELETE FROM article_bodies WHERE article_id = 2")  # an article whose text is gone
    db.commit()
    db.close()
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--screenshot", str(tmp_path / "shot.png"), "--library",
         str(library_path), "--left", "1", "--right", "2"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 1
    assert "qarin: Cannot open article: no article with id 2" in done.stderr
    assert not (tmp_path / "shot.png").exists()


def damage(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("UPDATE search_index_data SET block = x'00ff00ff' WHERE id > 1")
    db.execute("DROP TABLE library_facts")  # refused on open: the version claims that table
    db.commit()
    db.close()


def answer(button_of):
    """A `dialog_shown` hook that presses, once the box runs, the button `button_of(box)` names."""
    shown = []

    def hook(box):
        shown.append(box)
        QTimer.singleShot(0, lambda: (button_of(box) or box.buttons()[0]).click())

    hook.shown = shown
    return hook


def test_a_damaged_library_offers_repair_and_opens_the_repaired_one(qtbot, library_path):
    damage(library_path)
    with pytest.raises(Exception) as caught:
        open_library(library_path)
    hook = answer(lambda box: getattr(box, "repair_button", None))
    library = problem.ask_for_library(library_path, caught.value, dialog_shown=hook)
    try:
        first = hook.shown[0]
        assert "damaged Qarin library" in first.informativeText() and first.repair_button is not None
        assert {b.text() for b in first.buttons()} >= {"Open Another Library…", "Make a New Library…", "Quit"}
        assert "Recovered 5 articles" in hook.shown[1].informativeText()
        assert library is not None and library.count() == 5
        assert list(library_path.parent.glob("library.sqlite3.damaged-*"))
    finally:
        if library is not None:
            library.close()


def test_another_or_a_new_library_can_be_chosen_or_the_user_quits(qtbot, library_path, tmp_path):
    bad = tmp_path / "not-a-library.sqlite3"
    bad.write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(Exception) as caught:
        open_library(bad)
    hook = answer(lambda box: box.open_button)
    library = problem.ask_for_library(
        bad, caught.value, choose_existing=lambda _: str(library_path), dialog_shown=hook
    )
    assert library is not None and library.path == library_path and hook.shown[0].repair_button is None
    library.close()
    new = tmp_path / "fresh.sqlite3"
    library = problem.ask_for_library(
        bad, caught.value, choose_new=lambda _: str(new), dialog_shown=answer(lambda box: box.new_button)
    )
    assert library is not None and library.count() == 5  # a new library gets the samples
    library.close()
    assert (
        problem.ask_for_library(bad, caught.value, dialog_shown=answer(lambda box: box.quit_button)) is None
    )


def test_the_window_asks_instead_of_printing_only(library_path, monkeypatch, capsys):
    damage(library_path)
    asked = []
    monkeypatch.setattr(problem, "ask_for_library", lambda path, error: asked.append((path, error)))
    assert app.main(["--library", str(library_path)]) == 2
    assert asked and asked[0][0] == library_path and "damaged" in str(asked[0][1])
    assert "damaged Qarin library" in capsys.readouterr().err


def test_the_article_list_flags_and_shows_controls(qtbot):
    model = ArticleTableModel()
    model.set_articles(
        [ArticleSummary(1, OVERRIDDEN, "", None, 10, "x.txt", "2026-01-01T00:00:00Z", True),
         ArticleSummary(2, "عنوان عادي", "", None, 10, "y.txt", "2026-01-01T00:00:00Z", False)]
    )  # fmt: skip
    flagged, plain = model.index(0, COL_TITLE), model.index(1, COL_TITLE)
    shown = model.data(flagged)
    assert "\u202e" not in shown and "⇇" in shown and shown.endswith("000,01")
    assert not model.data(flagged, Qt.ItemDataRole.DecorationRole).isNull()
    assert model.data(plain, Qt.ItemDataRole.DecorationRole) is None
    assert model.data(flagged, BidiFlagRole) is True and model.data(plain, BidiFlagRole) is False


def test_the_pane_header_shows_the_override_and_reverses_nothing(qtbot):
    view = ComparisonView()
    qtbot.addWidget(view)
    view.set_texts("نص", "نص", OVERRIDDEN, "عنوان")
    header = view.left_column.title
    assert isinstance(header, QLabel)
    assert "\u202e" not in header.full_text and header.full_text.endswith("⇇مقلوب 000,01")
