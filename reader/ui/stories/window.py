"""The stories window: the list in story mode, the view of one story, and the articles sharing text
with the article selected in the main window.

Everything is computed off the GUI thread through the window's task manager (reader.ui.tasks), each
task on a library connection of its own; the widgets only show results. Keyboard: the story list,
the collation table and the similar list are walked with the arrows; Enter on a story opens it,
Enter on a collation cell opens that pair at that passage in the side-by-side comparison, Enter on
a similar article compares it with the current one.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.library import open_library
from reader.stories import build_story_view, stories_of
from reader.stories.model import ABSENT, Story, StoryView
from reader.ui.stories.evidence import Words, outlet
from reader.ui.stories.heatmap import fit_heat_map
from reader.ui.stories.models import (
    ID_ROLE,
    CollationModel,
    ReportsModel,
    ShareMatrixModel,
    SimilarModel,
    StoryListModel,
)
from reader.ui.stories.provenance_tree import ProvenanceTree
from reader.ui.tasks import TaskManager
from reader.view.digits import Digits

LANE = "stories"
REPORT_COLUMN_WIDTH = 54  # a collation column: the report's id, and one sign per sentence


def _start_lines(label: QLabel) -> None:
    """A wrapped label's lines start where the window's language starts them: on the right under a
    right-to-left layout. Absolute, because Qt otherwise aligns a label by the direction it guesses
    from the text, and a line opening with an isolated id or date was left-aligned."""
    right_to_left = label.layoutDirection() == Qt.LayoutDirection.RightToLeft
    side = Qt.AlignmentFlag.AlignRight if right_to_left else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)


def _table(parent: QWidget, name: str, model) -> QTableView:  # noqa: ANN001 - any table model
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    return table


class StoriesWindow(QWidget):
    """`openPair(left_id, right_id, passage_b)`: the main window shows that pair; `passage_b` is the
    (start, end) of the passage to select in the right-hand text, or None."""

    openPair = Signal(int, int, object)  # noqa: N815 - Qt naming
    storyShown = Signal()  # noqa: N815 - the story's tables are filled (tests and benchmarks wait on it)
    storiesShown = Signal()  # noqa: N815
    similarShown = Signal()  # noqa: N815

    def __init__(self, library_path, tasks: TaskManager, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("storiesWindow")
        self.setWindowTitle(self.tr("Stories"))  # Qt adds the application's name after it
        self.library_path = library_path
        self.tasks = tasks
        self.view: StoryView | None = None
        self.similar_of: int | None = None
        self.words = Words()  # numbers in the main window's digits (set_digits)
        self._sources: dict[int, str] = {}
        self._build()
        self.resize(1400, 860)

    # --- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.status = QLabel(self)
        self.status.setObjectName("storiesStatus")
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()

        self.story_model = StoryListModel(self)
        self.story_list = _table(self, "storyList", self.story_model)
        self.story_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.story_list.horizontalHeader()
        for column in (1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(2, 100)
        self.story_list.verticalHeader().setDefaultSectionSize(24)
        self.story_list.activated.connect(self._story_activated)
        self.story_list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)

        self.heading = QLabel(self)
        self.heading.setObjectName("storyHeading")
        self.heading.setWordWrap(True)
        self.heading.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.details = QLabel(self)  # in the window's language and direction
        self.details.setObjectName("storyDetails")
        self.details.setWordWrap(True)
        _start_lines(self.details)
        self.details.setText(
            self.tr("Enter on a story shows its reports, the collation and who took from whom.")
        )
        self.details.setMinimumHeight(3 * self.details.fontMetrics().lineSpacing() + 6)
        self.reports_model = ReportsModel(self)
        self.reports = _table(self, "storyReports", self.reports_model)
        self.collation_model = CollationModel(self)
        self.collation = _table(self, "collationTable", self.collation_model)
        self.collation.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # sentences on the right
        self.collation.activated.connect(self._cell_activated)
        self.collation.setWordWrap(True)  # a sentence wraps in its row rather than being cut off
        self.matrix_model = ShareMatrixModel(self)
        self.matrix = _table(self, "shareMatrix", self.matrix_model)
        self.matrix.verticalHeader().show()
        self.matrix.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        fit_heat_map(self.matrix)
        self.provenance = ProvenanceTree(self)
        self.provenance.comparePair.connect(lambda source, report: self.openPair.emit(source, report, None))

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self._titled(self.tr("Shared shares (row's text found in column)"), self.matrix))
        who = self._titled(self.tr("Who took from whom"), self.provenance)
        who.layout().addWidget(self.provenance.detail)
        _start_lines(self.provenance.detail)
        lower.addWidget(who)
        lower.setSizes([620, 380])  # the heat map's columns take the larger part
        story_panel = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.heading)
        top_layout.addWidget(self.details)
        top_layout.addWidget(self.reports, 1)
        story_panel.addWidget(top)
        story_panel.addWidget(
            self._titled(
                self.tr("Collation: = same, ≈ reworded, · absent (Enter: compare there)"), self.collation
            )
        )
        story_panel.addWidget(lower)
        story_panel.setSizes([290, 330, 240])

        self.similar_model = SimilarModel(self)
        self.similar = _table(self, "similarList", self.similar_model)
        self.similar.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.similar.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.similar.activated.connect(self._similar_activated)
        self.similar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.similar_heading = QLabel(self)
        self.similar_heading.setWordWrap(True)
        _start_lines(self.similar_heading)

        self.related = QCheckBox(self.tr("Also same event, little shared wording"), self)
        self.related.setObjectName("relatedStories")
        self.related.setToolTip(
            self.tr("Join reports of the same days whose headlines name the same people and places")
        )
        self.related.toggled.connect(lambda _checked: self.load_stories())
        list_box = self._titled(self.tr("Stories (latest first)"), self.story_list)
        list_box.layout().addWidget(self.related)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(list_box)
        splitter.addWidget(story_panel)
        splitter.setSizes([600, 800])
        self.tabs = QTabWidget(self)
        self.tabs.addTab(splitter, self.tr("Stories"))
        similar_page = QWidget(self)
        similar_layout = QVBoxLayout(similar_page)
        similar_layout.addWidget(self.similar_heading)
        similar_layout.addWidget(self.similar, 1)
        self.tabs.addTab(similar_page, self.tr("Sharing text with this one"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        QShortcut(QKeySequence("Escape"), self, activated=self.close)

    def _titled(self, title: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title, box)
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget, 1)
        return box

    # --- background work -----------------------------------------------------------------------

    def set_digits(self, digits: Digits) -> None:
        """Write every number of the window in this style (the main window's setting)."""
        self.words = Words(digits)
        for model in (self.story_model, self.reports_model, self.collation_model, self.matrix_model,
                      self.similar_model):  # fmt: skip
            model.set_words(self.words)
        if self.view is not None:
            self._describe(self.view)

    def _run(self, work: Callable, on_success: Callable, label: str) -> None:
        def in_thread(context) -> object:  # noqa: ANN001 - a TaskContext
            library = open_library(self.library_path, seed_if_empty=False)
            try:
                return work(library, context)
            finally:
                library.close()

        self.busy.show()
        self.status.setText(self.words.digits.of(label))

        def done(result: object) -> None:
            self.busy.hide()
            on_success(result)

        def progress(text: str) -> None:
            self.status.setText(self.words.digits.of(text))

        self.tasks.run(
            in_thread, on_success=done, on_failure=self._failed, on_cancel=self.busy.hide,
            on_progress=progress, lane=LANE, log_errors_as="stories",
        )  # fmt: skip

    def _failed(self, error: Exception) -> None:
        self.busy.hide()
        self.status.setText(self.tr("Could not do it: {}").format(error))

    def load_stories(self) -> None:
        """Group the whole library into stories (off the GUI thread)."""
        related = self.related.isChecked()
        self._run(lambda library, _context: stories_of(library, related=related), self._stories_ready,
                  self.tr("Grouping the library into stories…"))  # fmt: skip

    def _stories_ready(self, stories: list[Story]) -> None:
        self.story_model.set_stories(stories)
        self.status.setText(self.tr("{} stories").format(self.words.digits.number(len(stories))))
        if stories and not self.story_list.currentIndex().isValid():
            self.story_list.setCurrentIndex(self.story_model.index(0, 0))
        self.storiesShown.emit()

    def present_story(self, story: Story, stories: list[Story]) -> None:
        """Show `story`, listed among `stories` (grouped already: nothing is grouped again)."""
        self.tasks.cancel_lane(LANE)
        self.busy.hide()
        self.story_model.set_stories(stories)
        row = next((r for r, s in enumerate(self.story_model.stories) if s.id == story.id), -1)
        if row >= 0:
            self.story_list.setCurrentIndex(self.story_model.index(row, 0))
        self.show_story(story)

    def show_story(self, story: Story) -> None:
        def work(library, context) -> tuple[StoryView, str, dict[int, str]]:  # noqa: ANN001
            def progress(done: int, total: int, _label: str) -> None:
                context.progress(
                    self.tr("Collating report {done} of {total}…").format(
                        done=min(done + 1, total), total=total
                    )
                )

            view = build_story_view(library, story, progress=progress)
            sources = {i: library.summary(i).source for i in story.article_ids}
            return view, library.text(view.base_id), sources

        self._run(work, self._story_ready, self.tr("Collating {} reports…").format(story.reports))

    def _story_ready(self, result: tuple[StoryView, str, dict[int, str]]) -> None:
        view, base_text, sources = result
        self.view, self._sources = view, sources
        story = view.story
        self.heading.setText(f"<b>{html.escape(story.headline)}</b>")
        self._describe(view)
        self.reports_model.set_view(view)
        self.collation_model.set_view(view, base_text)
        self.matrix_model.set_view(view, sources)
        header = self.collation.horizontalHeader()
        header.setMinimumSectionSize(REPORT_COLUMN_WIDTH)
        for column in range(1, self.collation_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, REPORT_COLUMN_WIDTH)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.collation.resizeRowsToContents()
        self.reports.resizeColumnsToContents()
        if self.collation_model.rowCount() and self.collation_model.columnCount() > 1:
            self.collation.setCurrentIndex(self.collation_model.index(0, 1))
        self.status.setText(self.tr("Story of {} reports").format(self.words.digits.number(story.reports)))
        self.storyShown.emit()

    def _describe(self, view: StoryView) -> None:
        """The story's line (reports, outlets, first and last seen, the base and why) and who took
        from whom, in the window's language and digits."""
        story, words = view.story, self.words
        outlets = self.tr(", ").join(map(outlet, story.outlets))
        self.details.setText(
            self.tr("{} reports from {}, first seen {}, last seen {}. Base: {}, {}.").format(
                words.digits.number(story.reports), outlets, words.moment(story.first_seen),
                words.moment(story.last_seen), words.report(view.base_id), words.base(view.base_why),
            )
        )  # fmt: skip
        self.provenance.show_provenance(view.provenance, self._sources, words)

    def show_similar(self, article_id: int) -> None:
        """The articles sharing text with `article_id` (the main window's current article)."""
        self.similar_of = article_id

        def work(library, _context) -> tuple[str, list]:  # noqa: ANN001
            overlaps = library.similar(article_id, limit=200)
            return library.summary(article_id).title, [(o, library.summary(o.article_id)) for o in overlaps]

        label = self.tr("Finding what shares text with {}…").format(self.words.report(article_id))
        self._run(work, self._similar_ready, label)

    def _similar_ready(self, result: tuple[str, list]) -> None:
        title, rows = result
        self.similar_heading.setText(
            self.tr("{} articles share text with {} {}").format(
                self.words.digits.number(len(rows)), self.words.report(self.similar_of), title
            )
        )
        self.similar_model.set_rows(rows)
        self.similar.resizeColumnsToContents()
        if rows:
            self.similar.setCurrentIndex(self.similar_model.index(0, 0))
        self.status.setText("")
        self.similarShown.emit()

    # --- keyboard ------------------------------------------------------------------------------

    def _story_activated(self, index: QModelIndex) -> None:
        self.show_story(self.story_model.stories[index.row()])

    def _cell_activated(self, index: QModelIndex) -> None:
        if self.view is None or index.column() == 0:
            return
        cell = self.collation_model.cell(index.row(), index.column())
        report = self.view.reports[index.column() - 1]
        self.openPair.emit(
            self.view.base_id, report.article_id, None if cell.kind == ABSENT else cell.passage
        )

    def _similar_activated(self, index: QModelIndex) -> None:
        if self.similar_of is not None:
            self.openPair.emit(self.similar_of, self.similar_model.data(index, ID_ROLE), None)
