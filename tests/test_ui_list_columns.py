"""The article list sizes its columns from their distinct texts: the widths Qt measures row by row
(resizeColumnToContents), at a fraction of the cost on a big library."""

from __future__ import annotations

import random

import pytest

from reader.library.model import ArticleSummary
from reader.ui.library.article_model import (
    COL_DATE,
    COL_PANE,
    COL_SHARED,
    COL_SOURCE,
    COL_TITLE,
    COL_WORDS,
    COLUMN_COUNT,
)
from reader.ui.library.column_widths import fit_columns
from reader.ui.library.list_panel import ArticleListPanel

SOURCES = ["سبق", "الرياض", "عكاظ", "Saudi Press Agency (SPA)", "الشرق\u200f الأوسط", "مكة", ""]


def _summaries(count: int) -> list[ArticleSummary]:
    rng = random.Random(4)
    return [
        ArticleSummary(
            k, f"عنوان {k}", rng.choice(SOURCES),
            rng.choice([None, "2015-07-21", "2015-08-04"]), rng.randint(1, 123_456),
            f"/news/{k}", "2026-01-01T00:00:00Z", False,
        )
        for k in range(1, count + 1)
    ]  # fmt: skip


@pytest.fixture
def panel(qtbot):
    panel = ArticleListPanel(lambda _query: [])
    qtbot.addWidget(panel)
    summaries = _summaries(400)  # under Qt's 1,000-row sample: resizeColumnToContents sees every row
    panel.model.set_articles(summaries)
    panel.model.set_pair(summaries[0].id, summaries[9].id)
    panel.model.set_shared({s.id: (k % 101) / 100 for k, s in enumerate(summaries[:60])})
    return panel


def test_fitted_widths_are_the_widths_qt_measures_row_by_row(panel):
    columns = [c for c in range(COLUMN_COUNT) if c != COL_TITLE]
    header = panel.table.horizontalHeader()
    for column in columns:
        panel.table.resizeColumnToContents(column)
    measured = {column: header.sectionSize(column) for column in columns}
    for column in columns:
        header.resizeSection(column, 5)
    fit_columns(panel.table, panel.model, columns)
    assert {column: header.sectionSize(column) for column in columns} == measured
    assert measured[COL_WORDS] > measured[COL_PANE]  # "123,456" is wider than "Pane"


def test_each_distinct_value_is_shown_once_among_the_column_texts(panel):
    model = panel.model
    assert model.column_texts(COL_PANE) == {"", "A", "B"}
    assert {"", "0%", "59%"} <= model.column_texts(COL_SHARED)
    assert model.column_texts(COL_DATE) == {"", "2015-07-21", "2015-08-04"}
    shown = {model.index(row, COL_SOURCE).data() for row in range(model.rowCount())}
    assert model.column_texts(COL_SOURCE) == shown  # the hidden mark shown as the list shows it
    assert [s.id for s in model.summaries()] == list(range(1, 401))
