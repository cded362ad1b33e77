"""The article list model and its filter proxy, tested without any view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from reader.library.model import ArticleSummary
from reader.ui.library.article_model import (
    COL_DATE,
    COL_SHARED,
    COL_SOURCE,
    COL_TITLE,
    COL_WORDS,
    ArticleFilterProxy,
    ArticleIdRole,
    ArticleTableModel,
    SortRole,
)

DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole


def summary(article_id, title, source="", date=None, words=100, bidi=False) -> ArticleSummary:
    return ArticleSummary(article_id, title, source, date, words, f"/news/{article_id}.txt",
                          "2026-11-24T04:00:00Z", bidi)  # fmt: skip


ARTICLES = [
    summary(7, "الرئيس الأمريكي يلتقي قادة آسيا الوسطى", "الأهرام", "2025-11-07", 812),
    summary(3, "Trump meets Central Asian leaders", "Reuters", "2025-11-06", 640),
    summary(12, "إنتاج اليورانيوم في كازاخستان", "سكاي نيوز عربية", None, 1504, bidi=True),
    summary(5, "قِمّة «C5+1» بالبيت الأبيض", "الشرق الأوسط", "2025-11-08", 95),
]


@pytest.fixture
def model(qtbot):
    model = ArticleTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_articles(ARTICLES)
    return model


@pytest.fixture
def proxy(model):
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    return proxy


def cell(model, row, column, role=DISPLAY):
    return model.index(row, column).data(role)


def titles(proxy) -> list[str]:
    return [cell(proxy, row, COL_TITLE) for row in range(proxy.rowCount())]


def test_rows_columns_and_display(model):
    assert model.rowCount() == 4 and model.columnCount() == 6
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children
    assert cell(model, 0, COL_TITLE) == ARTICLES[0].title
    assert cell(model, 0, COL_SOURCE) == "الأهرام"
    assert cell(model, 0, COL_DATE) == "2025-11-07"
    assert cell(model, 2, COL_DATE) == ""
    assert cell(model, 2, COL_WORDS).replace(",", "").replace("\u066c", "") in ("1504", "١٥٠٤")
    assert cell(model, 0, COL_SHARED) == ""
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)] == [
        "Title", "Source", "Date", "Words", "Shared", "Pane",
    ]  # fmt: skip


def test_the_articles_in_the_panes_are_marked_and_stay_listed_when_the_filter_hides_them(model):
    from reader.ui.library.article_model import COL_PANE

    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    model.set_pair(7, 12)
    assert [cell(model, r, COL_PANE) for r in range(4)] == ["A", "", "B", ""]
    assert "left pane" in cell(model, 0, COL_PANE, Qt.ItemDataRole.ToolTipRole)
    model.set_pair(5, 5)  # one article on both sides
    assert cell(model, 3, COL_PANE) == "A B" and cell(model, 0, COL_PANE) == ""
    proxy.set_filter_text("Reuters")
    assert titles(proxy) == [ARTICLES[1].title]
    proxy.set_pinned((7, 12))  # the panes' articles stay reachable, marked as not matching
    assert titles(proxy) == [ARTICLES[0].title, ARTICLES[1].title, ARTICLES[2].title]
    italic = [cell(proxy, r, COL_TITLE, Qt.ItemDataRole.FontRole) for r in range(3)]
    assert [font is not None and font.italic() for font in italic] == [True, False, True]
    assert cell(proxy, 0, COL_TITLE, Qt.ItemDataRole.ToolTipRole).startswith("Not matching the filter")
    assert proxy.matches(3) and not proxy.matches(7)
    proxy.set_filter_text("")
    assert cell(proxy, 0, COL_TITLE, Qt.ItemDataRole.FontRole) is None  # no filter: nothing to mark


def test_ids_and_rows(model):
    assert [cell(model, r, COL_SOURCE, ArticleIdRole) for r in range(4)] == [7, 3, 12, 5]
    assert model.article_id(2) == 12
    assert model.row_of(5) == 3 and model.row_of(999) == -1
    assert model.summary(1).source == "Reuters"


def test_arabic_titles_are_right_aligned_even_in_a_right_to_left_view(model):
    arabic = Qt.AlignmentFlag(cell(model, 0, COL_TITLE, ALIGN))
    english = Qt.AlignmentFlag(cell(model, 1, COL_TITLE, ALIGN))
    assert arabic & Qt.AlignmentFlag.AlignRight and arabic & Qt.AlignmentFlag.AlignAbsolute
    assert english & Qt.AlignmentFlag.AlignLeft and english & Qt.AlignmentFlag.AlignAbsolute
    # «C5+1» inside an Arabic title does not make it left-to-right
    assert Qt.AlignmentFlag(cell(model, 3, COL_TITLE, ALIGN)) & Qt.AlignmentFlag.AlignRight
    assert Qt.AlignmentFlag(cell(model, 1, COL_WORDS, ALIGN)) & Qt.AlignmentFlag.AlignRight


def test_tooltip_warns_about_bidi_controls(model):
    assert "bidi" in cell(model, 2, COL_TITLE, Qt.ItemDataRole.ToolTipRole)
    assert "bidi" not in cell(model, 0, COL_TITLE, Qt.ItemDataRole.ToolTipRole)


def test_shared_column_shows_percentages_and_sorts(qtbot, model, proxy):
    model.set_shared({3: 0.61, 12: 0.054, 5: None, 404: 0.9})  # 404 is not listed: ignored
    assert cell(model, 1, COL_SHARED) in ("61%", "٦١%")
    assert cell(model, 2, COL_SHARED) in ("5%", "٥%")
    assert cell(model, 3, COL_SHARED) == ""
    assert model.shared(3) == 0.61 and model.shared(404) is None
    proxy.sort(COL_SHARED, Qt.SortOrder.DescendingOrder)
    assert [proxy.article_id(r) for r in range(4)][:2] == [3, 12]
    model.update_shared({7: 0.9})
    model.update_shared({5: 0.01})  # a burst of updates: one re-sort, once the event loop runs
    qtbot.waitUntil(lambda: [proxy.article_id(r) for r in range(4)] == [7, 3, 12, 5])
    model.clear_shared()
    assert all(cell(model, r, COL_SHARED) == "" for r in range(4))


def test_sort_by_words_date_and_title(model, proxy):
    proxy.sort(COL_WORDS, Qt.SortOrder.AscendingOrder)
    assert [proxy.article_id(r) for r in range(4)] == [5, 3, 7, 12]
    proxy.sort(COL_DATE, Qt.SortOrder.DescendingOrder)
    assert [proxy.article_id(r) for r in range(4)] == [5, 7, 3, 12]  # undated last when descending
    assert cell(model, model.row_of(7), COL_WORDS, SortRole) == 812
    # Titles sort by their folded spelling: إنتاج files under ا with the bare alef words.
    proxy.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert proxy.article_id(0) == 3  # Latin before Arabic
    assert cell(model, model.row_of(12), COL_TITLE, SortRole).startswith("انتاج")


def test_filter_folds_arabic_spelling(proxy):
    proxy.set_filter_text("الامريكي")
    assert titles(proxy) == [ARTICLES[0].title]
    proxy.set_filter_text("قمة")  # written قِمّة with harakat
    assert [proxy.article_id(r) for r in range(proxy.rowCount())] == [5]
    proxy.set_filter_text("اليورانيوم انتاج")  # every word, any order, hamza folded
    assert [proxy.article_id(r) for r in range(proxy.rowCount())] == [12]
    proxy.set_filter_text("الاهرام")  # the source is searched too
    assert [proxy.article_id(r) for r in range(proxy.rowCount())] == [7]
    proxy.set_filter_text("TRUMP")
    assert [proxy.article_id(r) for r in range(proxy.rowCount())] == [3]
    proxy.set_filter_text("nothing like this")
    assert proxy.rowCount() == 0
    proxy.set_filter_text("  ")
    assert proxy.rowCount() == 4


def test_filter_lets_full_text_search_hits_through(proxy):
    proxy.set_filter_text("طن")  # a word in the articles' texts, not in any title
    assert proxy.rowCount() == 0
    proxy.set_text_matches({12, 3})
    assert sorted(proxy.article_id(r) for r in range(proxy.rowCount())) == [3, 12]
    assert proxy.proxy_row_of(7) == -1 and proxy.proxy_row_of(12) >= 0
    proxy.set_text_matches(None)
    assert proxy.rowCount() == 0
    proxy.set_filter("الامريكي", {12})  # both at once: one pass over the rows
    assert sorted(proxy.article_id(r) for r in range(proxy.rowCount())) == [7, 12]
    assert proxy.filter_text() == "الامريكي"


def test_selection_follows_its_article_when_the_list_is_resorted(qtbot, model, proxy):
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(COL_WORDS, Qt.SortOrder.AscendingOrder)
    assert [proxy.article_id(r) for r in range(4)] == [5, 3, 7, 12]
    view.setCurrentIndex(proxy.index(proxy.proxy_row_of(7), COL_TITLE))
    view.sortByColumn(COL_WORDS, Qt.SortOrder.DescendingOrder)  # a header click does the same
    assert proxy.article_id(view.currentIndex().row()) == 7
    assert [proxy.article_id(r) for r in range(4)] == [12, 7, 3, 5]
    proxy.set_filter_text("الرئيس")
    assert proxy.article_id(view.currentIndex().row()) == 7
    proxy.set_filter_text("")
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # unsorted: the library's own order again
    assert [proxy.article_id(r) for r in range(4)] == [7, 3, 12, 5]
    assert proxy.article_id(view.currentIndex().row()) == 7


def test_ties_keep_library_order_whatever_was_sorted_before(model, proxy):
    model.set_articles([summary(i, f"خبر {i}", "", None, 100 if i % 2 else 50) for i in range(6)])
    proxy.sort(COL_TITLE, Qt.SortOrder.DescendingOrder)
    proxy.sort(COL_WORDS, Qt.SortOrder.AscendingOrder)
    assert [proxy.article_id(r) for r in range(6)] == [0, 2, 4, 1, 3, 5]


def test_update_remove_and_reset_keep_lookups_right(model, proxy):
    model.set_shared({3: 0.5})
    model.update_article(summary(3, "قادة آسيا الوسطى في واشنطن", "Reuters", "2025-11-06", 650))
    assert cell(model, 1, COL_TITLE) == "قادة آسيا الوسطى في واشنطن"
    proxy.set_filter_text("واشنطن")
    assert [proxy.article_id(r) for r in range(proxy.rowCount())] == [3]
    model.update_article(summary(7, "ترامب في واشنطن", "الأهرام"))  # edited while the filter is on
    assert sorted(proxy.article_id(r) for r in range(proxy.rowCount())) == [3, 7]
    proxy.set_filter_text("")
    model.update_article(summary(40, "مقال جديد"))
    assert model.rowCount() == 5 and model.row_of(40) == 4
    model.remove_article(7)
    assert model.rowCount() == 4 and model.row_of(7) == -1 and model.row_of(40) == 3
    model.set_articles(ARTICLES[1:])
    assert model.shared(3) == 0.5  # still listed: its share is kept
    assert model.data(QModelIndex()) is None


def test_ten_thousand_rows_without_texts(model, proxy):
    many = [
        summary(i, f"خبر رقم {i} عن الأسواق", "وكالة", f"2025-01-{i % 28 + 1:02d}", i) for i in range(10_000)
    ]
    model.set_articles(many)
    assert proxy.rowCount() == 10_000
    proxy.sort(COL_WORDS, Qt.SortOrder.DescendingOrder)
    assert proxy.article_id(0) == 9_999
    proxy.set_filter_text("رقم 9999")
    assert [proxy.article_id(r) for r in range(proxy.rowCount())] == [9_999]
