"""The article list as a Qt model: named columns and roles, filled from library summaries (Vorta style).

Rows hold `ArticleSummary` records only, never texts, so 10,000 articles list at once; sort keys and
folded filter keys are computed the first time they are asked for. The filter proxy folds Arabic
spelling (a query without hamza or harakat finds titles with them) and can also let through the ids
full-text search found, so typing finds words inside the articles too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from operator import attrgetter

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from reader.library.model import ArticleSummary
from reader.text.direction import is_right_to_left
from reader.text.search_fold import fold_chars
from reader.view.digits import LATIN, Digits
from reader.view.paragraphs import reveal_hidden

COL_TITLE, COL_SOURCE, COL_DATE, COL_WORDS, COL_SHARED, COL_PANE = range(6)
COLUMN_COUNT = 6
_HEADERS = {
    COL_TITLE: QT_TRANSLATE_NOOP("ArticleList", "Title"),
    COL_SOURCE: QT_TRANSLATE_NOOP("ArticleList", "Source"),
    COL_DATE: QT_TRANSLATE_NOOP("ArticleList", "Date"),
    COL_WORDS: QT_TRANSLATE_NOOP("ArticleList", "Words"),
    COL_SHARED: QT_TRANSLATE_NOOP("ArticleList", "Shared"),
    COL_PANE: QT_TRANSLATE_NOOP("ArticleList", "Pane"),
}
# the letters of the two sides, as the descriptions of moves name them ("¶7 of A is ¶3 of B")
_SIDE_LETTERS = {"a": QT_TRANSLATE_NOOP("ArticleList", "A"), "b": QT_TRANSLATE_NOOP("ArticleList", "B")}
_SIDE_TIPS = {
    "a": QT_TRANSLATE_NOOP("ArticleList", "In the left pane (A)"),
    "b": QT_TRANSLATE_NOOP("ArticleList", "In the right pane (B)"),
}

_FIELDS = {COL_TITLE: "title", COL_SOURCE: "source", COL_DATE: "date", COL_WORDS: "words"}

SortRole = Qt.ItemDataRole.UserRole + 1  # a value that sorts right: folded text, int, float
ArticleIdRole = Qt.ItemDataRole.UserRole + 2  # the library id of the row's article
FilterRole = Qt.ItemDataRole.UserRole + 3  # folded title and source, what the filter matches against
BidiFlagRole = Qt.ItemDataRole.UserRole + 4  # True when the article holds bidi override/isolate controls

Index = QModelIndex | QPersistentModelIndex

# Absolute: in a right-to-left layout Qt mirrors plain AlignRight, and Arabic must stay on the right.
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
_CENTER = Qt.AlignmentFlag.AlignCenter


def _bidi_flag() -> QIcon:
    """The warning sign beside a title that holds bidi controls (its tooltip says what they do)."""
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0].strip()


class ArticleTableModel(QAbstractTableModel):
    """One row per article: title, source, date, words and, once an article is pinned, the shared share."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001 - any QObject
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []  # in view order
        self._library: list[ArticleSummary] = []  # in the order given: "unsorted" and the tie-breaker
        self._row_of: dict[int, int] = {}
        self._shared: dict[int, float | None] = {}
        self._folded: dict[int, str] = {}  # article id -> folded "title source", filled on demand
        self._rtl: dict[int, bool] = {}
        self.digits: Digits = LATIN
        self._sort_column = -1  # -1: library order
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._resort_pending = False
        self._pair: tuple[int | None, int | None] = (None, None)  # the articles in the panes

    # content
    def set_articles(self, summaries: Iterable[ArticleSummary]) -> None:
        """Replace every row (shared values of articles still listed are kept)."""
        self.beginResetModel()
        self._library = list(summaries)
        self._rows = list(self._library)
        self._row_of = {summary.id: row for row, summary in enumerate(self._rows)}
        self._folded.clear()  # titles may have changed
        self._rtl.clear()
        self._shared = {i: v for i, v in self._shared.items() if i in self._row_of}
        self._sort_rows()
        self.endResetModel()

    def update_article(self, summary: ArticleSummary) -> None:
        """Show new metadata of one listed article (after an edit); an unknown id is appended."""
        row = self._row_of.get(summary.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._row_of[summary.id] = len(self._rows)
            self._rows.append(summary)
            self._library.append(summary)
            self.endInsertRows()
            return
        self._library = [summary if s.id == summary.id else s for s in self._library]
        self._rows[row] = summary
        self._folded.pop(summary.id, None)
        self._rtl.pop(summary.id, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
        self.resort()

    def remove_article(self, article_id: int) -> None:
        row = self._row_of.get(article_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._library = [s for s in self._library if s.id != article_id]
        self._row_of = {summary.id: r for r, summary in enumerate(self._rows)}
        self._shared.pop(article_id, None)
        self.endRemoveRows()

    def set_shared(self, shared: Mapping[int, float | None]) -> None:
        """The share (0..1) of each article found in the pinned one; ids left out show nothing."""
        self._shared = {i: v for i, v in shared.items() if i in self._row_of}
        self._shared_changed()

    def update_shared(self, shared: Mapping[int, float | None]) -> None:
        """Add values as a background job computes them, keeping the ones already known.

        When the list is sorted by share, the re-sort waits for the event loop, so a burst of
        updates costs one sort.
        """
        self._shared.update({i: v for i, v in shared.items() if i in self._row_of})
        self._shared_changed(defer_sort=True)

    def set_digits(self, digits: Digits) -> None:
        """Write the numbers (words, shares, dates) in this style of digits."""
        self.digits = digits
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1))

    def set_pair(self, left: int | None, right: int | None) -> None:
        """Mark the articles shown in the left (A) and right (B) panes."""
        old, self._pair = self._pair, (left, right)
        for article_id in {*old, left, right} - {None}:
            row = self._row_of.get(article_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, COL_PANE), self.index(row, COL_PANE))

    def sides_of(self, article_id: int) -> str:
        """ "a", "b", "ab" or "": the panes an article is shown in."""
        return "".join(side for side, shown in zip("ab", self._pair, strict=True) if shown == article_id)

    def clear_shared(self) -> None:
        self._shared = {}
        self._shared_changed()

    def _shared_changed(self, *, defer_sort: bool = False) -> None:
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, COL_SHARED), self.index(last, COL_SHARED))
        if self._sort_column == COL_SHARED:
            if defer_sort:
                if not self._resort_pending:
                    self._resort_pending = True
                    QTimer.singleShot(0, self, self.resort)  # dropped if the model is gone by then
            else:
                self.resort()

    # sorting: done here, in one Python sort, because a proxy's lessThan would call back into
    # Python twice per comparison (seconds for 10,000 rows)
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self.resort()

    def resort(self) -> None:
        """Sort again by the current column (after values changed); selections follow their articles."""
        self._resort_pending = False
        if not self._rows or (self._sort_column < 0 and self._rows == self._library):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        anchors = [(self._rows[index.row()].id, index.column()) for index in persistent]
        self._sort_rows()
        self.changePersistentIndexList(
            persistent, [self.index(self._row_of[article_id], column) for article_id, column in anchors]
        )
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        """Order rows by the sort column, from library order each time (so ties keep that order)."""
        column = self._sort_column
        if column < 0:
            self._rows = list(self._library)
        else:
            if column == COL_TITLE:
                self._fold_all()
            descending = self._sort_order == Qt.SortOrder.DescendingOrder
            self._rows = sorted(
                self._library, key=lambda summary: self._sort_key(summary, column), reverse=descending
            )
        self._row_of = {summary.id: row for row, summary in enumerate(self._rows)}

    # lookups
    def article_id(self, row: int) -> int:
        return self._rows[row].id

    def matching_ids(self, words: Iterable[str]) -> set[int]:
        """Ids of the articles whose folded title and source hold every (folded) word."""
        self._fold_all()
        folded = self._folded
        ids = [summary.id for summary in self._rows]
        for word in words:  # narrow the candidates word by word
            ids = [article_id for article_id in ids if word in folded[article_id]]
        return set(ids)

    def _fold_all(self) -> None:
        """Fold every missing title in one call (one C-level translate instead of one call per row)."""
        missing = [summary for summary in self._rows if summary.id not in self._folded]
        if not missing:
            return
        keys = [f"{summary.title}\n{summary.source}" for summary in missing]
        parts = fold_chars("\0".join(keys)).split("\0")
        if len(parts) != len(keys):  # a NUL inside a title: fold them one by one
            parts = [fold_chars(key) for key in keys]
        self._folded.update(zip((summary.id for summary in missing), parts, strict=True))

    def summary(self, row: int) -> ArticleSummary:
        return self._rows[row]

    def summaries(self) -> list[ArticleSummary]:
        """Every listed article in library order (what the window would otherwise read again)."""
        return list(self._library)

    def column_texts(self, column: int) -> set[str]:
        """Every text a column shows, each distinct value displayed once (to size the column)."""
        if column == COL_SHARED:
            key = lambda summary: self._shared.get(summary.id)  # noqa: E731 - one of four keys
        elif column == COL_PANE:
            key = lambda summary: summary.id if summary.id in self._pair else None  # noqa: E731
        else:
            key = attrgetter(_FIELDS[column])
        one_of_each = dict(zip(map(key, self._library), self._library, strict=True))
        return {self._display(summary, column) for summary in one_of_each.values()}

    def row_of(self, article_id: int) -> int:
        """The row of an article id, or -1 when it is not listed."""
        return self._row_of.get(article_id, -1)

    def shared(self, article_id: int) -> float | None:
        return self._shared.get(article_id)

    def folded_key(self, row: int) -> str:
        """Title and source folded for matching (computed once per article)."""
        return self._folded_of(self._rows[row])

    def _folded_of(self, summary: ArticleSummary) -> str:
        key = self._folded.get(summary.id)
        if key is None:
            key = self._folded[summary.id] = fold_chars(f"{summary.title}\n{summary.source}")
        return key

    # QAbstractTableModel
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and section in _HEADERS:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("ArticleList", _HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _CENTER
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == SortRole:
            return self._sort_key(summary, column)
        if role == ArticleIdRole:
            return summary.id
        if role == FilterRole:
            return self.folded_key(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_PANE and self.sides_of(summary.id):
                return "\n".join(
                    QCoreApplication.translate("ArticleList", _SIDE_TIPS[s])
                    for s in self.sides_of(summary.id)
                )
            return self._tooltip(summary)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_TITLE and summary.has_bidi_controls:
            return _bidi_flag()
        if role == BidiFlagRole:
            return summary.has_bidi_controls
        return None

    def _display(self, summary: ArticleSummary, column: int) -> str:
        if column == COL_TITLE:  # hidden characters as signs: a title's controls show, and act on nothing
            title = reveal_hidden(_first_line(summary.title))
            return title or QCoreApplication.translate("ArticleList", "(untitled)")
        if column == COL_SOURCE:
            return reveal_hidden(summary.source)
        if column == COL_DATE:
            return self.digits.of(summary.date or "")
        if column == COL_WORDS:
            return self.digits.number(summary.words)
        if column == COL_SHARED:
            share = self._shared.get(summary.id)
            return "" if share is None else self.digits.percent(share)
        if column == COL_PANE:
            return " ".join(
                QCoreApplication.translate("ArticleList", _SIDE_LETTERS[s]) for s in self.sides_of(summary.id)
            )
        return ""

    def _sort_key(self, summary: ArticleSummary, column: int) -> str | int | float | None:
        if column == COL_TITLE:
            return self._folded_of(summary)
        if column == COL_SOURCE:
            return fold_chars(summary.source)
        if column == COL_DATE:
            return summary.date or ""  # ISO dates sort as text; undated first
        if column == COL_WORDS:
            return summary.words
        if column == COL_SHARED:
            share = self._shared.get(summary.id)
            return -1.0 if share is None else float(share)
        if column == COL_PANE:
            return self.sides_of(summary.id) or "z"  # the panes' articles first
        return None

    def _alignment(self, summary: ArticleSummary, column: int) -> Qt.AlignmentFlag:
        if column in (COL_TITLE, COL_SOURCE):
            text = summary.title if column == COL_TITLE else summary.source
            if column == COL_SOURCE:
                return _RIGHT if is_right_to_left(text) else _LEFT
            rtl = self._rtl.get(summary.id)
            if rtl is None:
                rtl = self._rtl[summary.id] = is_right_to_left(text)
            return _RIGHT if rtl else _LEFT
        if column in (COL_DATE, COL_PANE):
            return _CENTER
        return _RIGHT  # numbers line up on their last digit

    def _tooltip(self, summary: ArticleSummary) -> str:
        lines = [reveal_hidden(summary.title.strip()), summary.origin]
        if summary.has_bidi_controls:
            lines.append(
                QCoreApplication.translate(
                    "ArticleList", "Contains bidi control characters: it may read unlike its stored text."
                )
            )
        return "\n".join(line for line in lines if line)


class ArticleFilterProxy(QSortFilterProxyModel):
    """Filters as you type over folded title and source; sorting is passed on to the source model.

    Every word of the query must occur (in any order). Ids from full-text search given with
    `set_text_matches` pass too, so the filter also finds articles by what they say. The rows that
    pass are worked out once per query as a set of ids, so the per-row check Qt calls is one lookup.
    """

    def __init__(self, parent=None) -> None:  # noqa: ANN001 - any QObject
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(False)  # the source sorts itself; the filter reads titles only
        self._words: tuple[str, ...] = ()
        self._text_matches: frozenset[int] = frozenset()
        self._passing: set[int] | None = None  # None: every row passes
        self._ids: list[int] = []  # source row -> article id, for the per-row check
        self._pinned: frozenset[int] = frozenset()  # listed whatever the filter (the panes' articles)

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 - Qt override
        old = self.sourceModel()
        if isinstance(old, ArticleTableModel):
            for signal in (old.modelReset, old.layoutChanged, old.rowsInserted, old.rowsRemoved):
                signal.disconnect(self._source_rows_changed)
            old.dataChanged.disconnect(self._source_data_changed)
        if isinstance(model, ArticleTableModel):
            # connected before the base class connects its own handlers, so the id list is current
            # by the time the proxy re-filters
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
                signal.connect(self._source_rows_changed)
            model.dataChanged.connect(self._source_data_changed)
        super().setSourceModel(model)
        self._source_rows_changed()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, ArticleTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def filter_text(self) -> str:
        return " ".join(self._words)

    def set_filter_text(self, text: str) -> None:
        words = tuple(fold_chars(text).split())
        if words != self._words:
            self._refilter(words, self._text_matches)

    def set_filter(self, text: str, text_matches: Iterable[int] | None = None) -> None:
        """The query and the ids full-text search found for it, in one pass over the rows."""
        words = tuple(fold_chars(text).split())
        matches = frozenset(text_matches or ())
        if words != self._words or matches != self._text_matches:
            self._refilter(words, matches)

    def set_text_matches(self, article_ids: Iterable[int] | None) -> None:
        """Articles whose text matched the current query (from `Library.search`); None clears them."""
        matches = frozenset(article_ids or ())
        if matches != self._text_matches:
            self._refilter(self._words, matches)

    def _source_rows_changed(self, *_args) -> None:  # noqa: ANN002 - any signal's arguments
        model = self.sourceModel()
        if isinstance(model, ArticleTableModel):
            self._ids = [model.article_id(row) for row in range(model.rowCount())]
            if self._words:
                self._passing = model.matching_ids(self._words) | self._text_matches

    def _source_data_changed(
        self, top_left: QModelIndex, _bottom_right: QModelIndex, *_roles: object
    ) -> None:
        """An edited title or source may now pass the filter or fail it (shares never change that)."""
        if self._words and top_left.column() <= COL_SOURCE:
            self._refilter(self._words, self._text_matches)

    def _refilter(self, words: tuple[str, ...], matches: frozenset[int]) -> None:
        model = self.sourceModel()
        passing = None  # every row passes, or (a foreign source model) each row is checked below
        if words and isinstance(model, ArticleTableModel):
            passing = model.matching_ids(words) | matches
        # The new state goes in between begin and end: Qt >= 6.9 checks the old filter in begin.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
        self._words, self._text_matches, self._passing = words, matches, passing
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def set_pinned(self, article_ids: Iterable[int | None]) -> None:
        """Articles listed whatever the filter says (marked as not matching it when it would hide
        them): those in the panes stay reachable."""
        pinned = frozenset(i for i in article_ids if i is not None)
        if pinned != self._pinned:
            if hasattr(self, "beginFilterChange"):
                self.beginFilterChange()
            self._pinned = pinned
            if hasattr(self, "endFilterChange"):
                self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
            else:
                self.invalidateFilter()

    def matches(self, article_id: int) -> bool:
        """Whether the filter lets an article through on its own merits (not pinned)."""
        if not self._words:
            return True
        if self._passing is not None:
            return article_id in self._passing
        source = self.sourceModel()
        row = source.row_of(article_id) if isinstance(source, ArticleTableModel) else -1
        return row >= 0 and self._accepts(row, QModelIndex())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """A pinned article the filter would hide is shown in italics and says why it is listed."""
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole) and self._words and self._pinned:
            article_id = super().data(index, ArticleIdRole)
            if article_id in self._pinned and not self.matches(article_id):
                if role == Qt.ItemDataRole.FontRole:
                    font = QApplication.font()
                    font.setItalic(True)
                    return font
                why = QCoreApplication.translate(
                    "ArticleList", "Not matching the filter: listed because it is in a pane"
                )
                return f"{why}\n{super().data(index, role) or ''}".rstrip()
        return super().data(index, role)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802 - Qt override
        if not self._words:
            return True
        if self._pinned and self._ids and self._ids[source_row] in self._pinned:
            return True
        return self._accepts(source_row, source_parent)

    def _accepts(self, source_row: int, source_parent: Index) -> bool:
        if self._passing is not None:
            return self._ids[source_row] in self._passing
        index = self.sourceModel().index(source_row, COL_TITLE, source_parent)
        if index.data(ArticleIdRole) in self._text_matches:
            return True
        key = index.data(FilterRole) or ""
        return all(word in key for word in self._words)

    def article_id(self, proxy_row: int) -> int:
        """The article id shown at a row of this proxy."""
        return self.index(proxy_row, COL_TITLE).data(ArticleIdRole)

    def proxy_row_of(self, article_id: int) -> int:
        """The row an article is shown at, or -1 when filtered out or unknown."""
        model = self.sourceModel()
        if not isinstance(model, ArticleTableModel):
            return -1
        source_row = model.row_of(article_id)
        if source_row < 0:
            return -1
        return self.mapFromSource(model.index(source_row, COL_TITLE)).row()
