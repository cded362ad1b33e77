"""The story mode's Qt model, tested without any view: headers, roles, alignment, tooltips, sorting
and filtering with selections following their stories."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from test_view_story_list import STORIES

from reader.stories import STEPS
from reader.ui.library.story_mode import STEP_NAMES
from reader.ui.library.story_model import ReportIdsRole, StoryIdRole, StorySortRole, StoryTableModel
from reader.view.digits import ARABIC_INDIC
from reader.view.story_list import COLUMN_NAMES, HEADLINE, LAST_SEEN, OUTLETS, REPORTS

DISPLAY, ALIGN, TIP = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ToolTipRole,
)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


@pytest.fixture
def model(qtbot):
    model = StoryTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_stories(STORIES)
    return model


def test_headers_and_cells(model):
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Headline", "Reports", "First seen", "Last seen", "Outlets"]
    assert model.rowCount() == 4
    row = model.table.row_of(10)
    assert model.index(row, HEADLINE).data() == "أمير مكة يدشن مشروع القطار"
    assert model.index(row, REPORTS).data() == "13"
    assert model.index(row, COLUMN_NAMES["last_seen"]).data() == "\u206610:56\u2069"


def test_roles_name_the_story_and_its_reports(model):
    row = model.table.row_of(10)
    assert model.index(row, OUTLETS).data(StoryIdRole) == 10
    assert model.index(row, HEADLINE).data(ReportIdsRole) == list(range(10, 23))
    assert model.index(row, REPORTS).data(StorySortRole) == (13, "2015-07-21 10:56:00")


def test_alignment_follows_the_text(model):
    arabic, latin = model.table.row_of(10), model.table.row_of(30)
    assert model.index(arabic, HEADLINE).data(ALIGN) == RIGHT
    assert model.index(latin, HEADLINE).data(ALIGN) == LEFT
    assert model.index(arabic, OUTLETS).data(ALIGN) == LEFT  # Latin outlet names
    assert model.index(model.table.row_of(40), OUTLETS).data(ALIGN) == RIGHT
    assert model.index(arabic, REPORTS).data(ALIGN) == RIGHT  # numbers on their last digit
    assert model.index(arabic, LAST_SEEN).data(ALIGN) == Qt.AlignmentFlag.AlignCenter


def test_the_tooltip_says_everything_the_row_cuts_short(model):
    tip = model.index(model.table.row_of(10), HEADLINE).data(TIP)
    assert "أمير مكة يدشن مشروع القطار" in tip and "13 reports" in tip and "3 outlets:" in tip
    assert "was, sabq, okaz" in tip and "2015-07-21 08:00" in tip and "Enter opens the story" in tip
    assert "1 report" not in model.index(model.table.row_of(30), HEADLINE).data(TIP).replace("13", "")


def test_sorting_and_filtering_keep_the_selection_on_its_story(model):
    kept = QPersistentModelIndex(model.index(model.table.row_of(10), HEADLINE))
    model.sort(REPORTS, Qt.SortOrder.DescendingOrder)
    assert kept.row() == 0 and kept.data(StoryIdRole) == 10
    model.set_filter("okaz")
    assert model.rowCount() == 2 and kept.data(StoryIdRole) == 10
    model.set_filter("خبر")
    assert model.rowCount() == 1 and not kept.isValid()  # its story is filtered out


def test_digits_switch_every_cell(model, qtbot):
    with qtbot.waitSignal(model.dataChanged):
        model.set_digits(ARABIC_INDIC)
    assert model.index(model.table.row_of(10), REPORTS).data() == "١٣"
    assert "١٣" in model.index(model.table.row_of(10), HEADLINE).data(TIP)


def test_every_step_of_grouping_has_a_name_on_the_progress_line():
    assert len(STEP_NAMES) == len(STEPS)
