"""Qt models of the story room: the stories list, the reports, the collation table, the heat map of
shared shares, and the articles sharing text with one article. They hold results computed off the
GUI thread (reader.stories) and only present them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from reader.library import ArticleSummary
from reader.library.reuse import Overlap
from reader.stories.model import ABSENT, REWORDED, SAME, Story, StoryView
from reader.ui.stories.evidence import Words

Index = QModelIndex | QPersistentModelIndex
DISPLAY, BACKGROUND, TOOLTIP, ALIGN = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole,
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1

# The comparison's palette (shared blue, changed yellow, absent pale grey-pink), told apart with
# red-green colour blindness, and each cell also carries a sign so the table reads without colour.
CELL_COLOURS = {SAME: QColor("#9ecae1"), REWORDED: QColor("#fdd96a"), ABSENT: QColor("#eeeeee")}
CELL_SIGNS = {SAME: "=", REWORDED: "≈", ABSENT: "·"}
CELL_TIPS = {
    SAME: QT_TRANSLATE_NOOP("StoryTables", "Same in {report}; Enter compares them here"),
    REWORDED: QT_TRANSLATE_NOOP("StoryTables", "Reworded in {report}; Enter compares them here"),
    ABSENT: QT_TRANSLATE_NOOP("StoryTables", "Absent from {report}; Enter compares the two reports"),
}


def heat_colour(share: float) -> QColor:
    """A single-hue ramp, white to dark blue (ColorBrewer Blues): it varies in lightness only, so it
    reads the same with red-green colour blindness and in greyscale."""
    ramp = [(247, 251, 255), (198, 219, 239), (107, 174, 214), (33, 113, 181), (8, 48, 107)]
    position = max(0.0, min(1.0, share)) * (len(ramp) - 1)
    low = int(position)
    high = min(low + 1, len(ramp) - 1)
    t = position - low
    return QColor(*(round(a + (b - a) * t) for a, b in zip(ramp[low], ramp[high], strict=True)))


def ltr(text: str) -> str:
    """Latin text (dates, outlet names) kept in its own order inside right-to-left tables: a bidi
    isolate, so `2015-08-04 18:35` does not read `18:35 2015-08-04` in an RTL cell."""
    return f"\u2066{text}\u2069"


def text_on_heat(share: float) -> QColor:
    """White on the dark half of the ramp, black on the light half."""
    return QColor("white") if share > 0.55 else QColor("black")


class _Table(QAbstractTableModel):
    """`words` writes the numbers, ids and dates in the window's digits (`set_words`)."""

    headers: tuple[str, ...] = ()
    words = Words()

    def set_words(self, words: Words) -> None:
        self.beginResetModel()
        self.words = words
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:  # noqa: N802
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and section < len(self.headers):
            return QCoreApplication.translate("StoryTables", self.headers[section])
        return None

    def _rows(self) -> Sequence[object]:
        raise NotImplementedError


class StoryListModel(_Table):
    """The list's story mode: headline, reports, outlets, first and last seen; latest first."""

    headers = (
        QT_TRANSLATE_NOOP("StoryTables", "Headline"),
        QT_TRANSLATE_NOOP("StoryTables", "Reports"),
        QT_TRANSLATE_NOOP("StoryTables", "Outlets"),
        QT_TRANSLATE_NOOP("StoryTables", "First seen"),
        QT_TRANSLATE_NOOP("StoryTables", "Last seen"),
    )

    def __init__(self, parent=None) -> None:  # noqa: ANN001 - any QObject
        super().__init__(parent)
        self.stories: list[Story] = []

    def set_stories(self, stories: Sequence[Story]) -> None:
        self.beginResetModel()
        self.stories = sorted(stories, key=lambda s: (s.last_seen or "", s.id), reverse=True)
        self.endResetModel()

    def _rows(self) -> Sequence[Story]:
        return self.stories

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid():
            return None
        story = self.stories[index.row()]
        outlets = ltr(", ".join(story.outlets))
        words = self.words
        if role == DISPLAY:
            cells = (
                story.headline,
                words.digits.number(story.reports),
                outlets,
                words.moment(story.first_seen),
                words.moment(story.last_seen),
            )
            return cells[index.column()]
        if role == ID_ROLE:
            return story.id
        if role == ALIGN and index.column() == 1:
            return Qt.AlignmentFlag.AlignCenter
        if role == TOOLTIP:
            reports = QCoreApplication.translate("StoryTables", "%n report(s):", "", story.reports)
            reports = words.digits.of(reports)
            return f"{story.headline}\n{reports} {outlets}"
        return None


class ReportsModel(_Table):
    """Each report against the base: how much of the base it reprints, adds and drops."""

    headers = (
        QT_TRANSLATE_NOOP("StoryTables", "Report"),
        QT_TRANSLATE_NOOP("StoryTables", "Source"),
        QT_TRANSLATE_NOOP("StoryTables", "Published"),
        QT_TRANSLATE_NOOP("StoryTables", "Reprints"),
        QT_TRANSLATE_NOOP("StoryTables", "Word for word"),
        QT_TRANSLATE_NOOP("StoryTables", "Adds"),
        QT_TRANSLATE_NOOP("StoryTables", "Drops"),
    )

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.view: StoryView | None = None

    def set_view(self, view: StoryView | None) -> None:
        self.beginResetModel()
        self.view = view
        self.endResetModel()

    def _rows(self) -> Sequence[object]:
        return self.view.reports if self.view else ()

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid() or self.view is None:
            return None
        report = self.view.reports[index.row()]
        if role == DISPLAY:
            shares = (report.reprints, report.verbatim, report.adds, report.drops)
            cells = (
                self.words.report(report.article_id),
                report.source,
                self.words.moment(report.moment),
                *(self.words.digits.percent(v) for v in shares),
            )
            return cells[index.column()]
        if role == ID_ROLE:
            return report.article_id
        if role == TOOLTIP:
            return report.title
        if role == BACKGROUND and index.column() == 3:
            return heat_colour(report.reprints)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3:
            return text_on_heat(report.reprints)
        return None


class CollationModel(_Table):
    """The base report's sentences as rows, one column per other report: same / reworded / absent."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 < section < len(self.headers):
            report = self.view.reports[section - 1]
            if role == DISPLAY:
                return self.words.report(report.article_id)
            if role == TOOLTIP:
                return self.words.report(report.article_id, report.source)
            return None
        return super().headerData(section, orientation, role)

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.view: StoryView | None = None
        self.base_text = ""
        self.headers = (QT_TRANSLATE_NOOP("StoryTables", "Base sentence"),)

    def set_view(self, view: StoryView | None, base_text: str = "") -> None:
        self.beginResetModel()
        self.view, self.base_text = view, base_text
        reports = view.reports if view else ()
        self.headers = (
            QT_TRANSLATE_NOOP("StoryTables", "Base sentence"),
            *(f"#{r.article_id}" for r in reports),  # a column each (headerData writes them)
        )
        self.endResetModel()

    def _rows(self) -> Sequence[object]:
        return self.view.sentences if self.view else ()

    def sentence(self, row: int) -> str:
        start, end = self.view.sentences[row]
        return " ".join(self.base_text[start:end].split())

    def cell(self, row: int, column: int):  # noqa: ANN201 - a Cell
        return self.view.collation[row][column - 1]

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid() or self.view is None:
            return None
        row, column = index.row(), index.column()
        if column == 0:
            if role in (DISPLAY, TOOLTIP):
                return f"{self.words.digits.number(row + 1)}. {self.sentence(row)}"
            return None
        cell = self.cell(row, column)
        if role == DISPLAY:
            return CELL_SIGNS[cell.kind]
        if role == BACKGROUND:
            return CELL_COLOURS[cell.kind]
        if role == ALIGN:
            return Qt.AlignmentFlag.AlignCenter
        if role == TOOLTIP:
            report = self.view.reports[column - 1]
            where = self.words.report(report.article_id, report.source)
            return QCoreApplication.translate("StoryTables", CELL_TIPS[cell.kind]).format(report=where)
        return None


class ShareMatrixModel(_Table):
    """Juxta's heat map: row report i, column report j, the share of i's text that j also has.
    Columns are headed by the rows' numbers (row k names its report), so they stay narrow."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.view: StoryView | None = None
        self.headers = ()

    def set_view(self, view: StoryView | None, sources: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.view = view
        ids = view.story.article_ids if view else ()
        self.headers = tuple(f"#{i}" for i in ids)  # a column each (headerData writes them)
        self.sources = sources or {}
        self.endResetModel()

    def _rows(self) -> Sequence[object]:
        return self.view.shares if self.view else ()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:  # noqa: N802
        if self.view is None or section >= len(self.headers):
            return None
        article_id = self.view.story.article_ids[section]  # the same ids across and down
        if role == DISPLAY:  # a column is headed by its row's number: the rows are the legend
            number = self.words.digits.number(section + 1)
            across = orientation == Qt.Orientation.Horizontal
            return number if across else f"{number}  {self.words.report(article_id)}"
        if role == TOOLTIP:
            return self.words.report(article_id, self.sources.get(article_id, ""))
        return None

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid() or self.view is None:
            return None
        share = self.view.shares[index.row()][index.column()]
        if role == DISPLAY:
            return self.words.digits.number(round(share * 100))
        if role == BACKGROUND:
            return heat_colour(share)
        if role == Qt.ItemDataRole.ForegroundRole:
            return text_on_heat(share)
        if role == ALIGN:
            return Qt.AlignmentFlag.AlignCenter
        if role == TOOLTIP:
            ids = self.view.story.article_ids
            text = QCoreApplication.translate("StoryTables", "{share} of {row}'s text is also in {column}")
            row, column = self.words.report(ids[index.row()]), self.words.report(ids[index.column()])
            return text.format(share=self.words.percent(share), row=row, column=column)
        return None


class SimilarModel(_Table):
    """The articles sharing text with one article, each with both shares."""

    headers = (
        QT_TRANSLATE_NOOP("StoryTables", "Of this"),
        QT_TRANSLATE_NOOP("StoryTables", "Of it"),
        QT_TRANSLATE_NOOP("StoryTables", "Source"),
        QT_TRANSLATE_NOOP("StoryTables", "Published"),
        QT_TRANSLATE_NOOP("StoryTables", "Title"),
    )

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.rows: list[tuple[Overlap, ArticleSummary]] = []

    def set_rows(self, rows: Sequence[tuple[Overlap, ArticleSummary]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def _rows(self) -> Sequence[object]:
        return self.rows

    def data(self, index: Index, role: int = DISPLAY) -> object:
        if not index.isValid():
            return None
        overlap, summary = self.rows[index.row()]
        if role == DISPLAY:
            when = (
                f"{summary.date} {summary.time[:5]}" if summary.date and summary.time else summary.date or ""
            )
            digits = self.words.digits
            when = ltr(digits.of(when)) if when else "—"
            return (digits.percent(overlap.share_of_this), digits.percent(overlap.share_of_other),
                    summary.source, when, summary.title)[index.column()]  # fmt: skip
        if role == ID_ROLE:
            return overlap.article_id
        if role in (BACKGROUND, Qt.ItemDataRole.ForegroundRole) and index.column() < 2:
            share = overlap.share_of_this if index.column() == 0 else overlap.share_of_other
            return heat_colour(share) if role == BACKGROUND else text_on_heat(share)
        if role == TOOLTIP:
            text = QCoreApplication.translate(
                "StoryTables",
                "{other} covers {this} of this article; this one covers {that} of it. Enter compares them.",
            )
            this, that = self.words.percent(overlap.share_of_this), self.words.percent(overlap.share_of_other)
            return text.format(other=self.words.report(overlap.article_id), this=this, that=that)
        return None
