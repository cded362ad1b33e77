"""The main window: the article list, the comparison view, menus from the action table, the status
line, and the background work that keeps it all responsive."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
)

import reader
from reader.compare import CompareOptions
from reader.ui.actions.binding import add_scoped_actions, apply_keymap, create_actions, populate_menus
from reader.ui.actions.keymap import Keymap
from reader.ui.comparison import panes
from reader.ui.comparison.view import ComparisonView, ReadingPosition, other_side
from reader.ui.facts.panel import FactsPanel
from reader.ui.facts.reports import ReportActions, report_sides
from reader.ui.library import operations
from reader.ui.library.drop_import import DropImporter
from reader.ui.library.import_job import ImportTarget
from reader.ui.library.list_panel import ArticleListPanel
from reader.ui.library.removed_lines import show_removed_lines
from reader.ui.stories.host import StoriesHost
from reader.ui.tasks import TaskManager
from reader.ui.window.comparer import Comparer
from reader.ui.window.panels import Panel, SidePanels
from reader.ui.window.settings import MAX_ZOOM, MIN_ZOOM, WindowSettings
from reader.ui.window.status import StatusLine
from reader.view.actions import ACTIONS, MATCHING_FIELDS
from reader.view.comparison import CompareResult, read_texts, swapped_result
from reader.view.digits import Digits
from reader.view.facts import FactsView, facts_view

log = logging.getLogger(__name__)

BACKGROUND_READ_WORDS = 200_000  # articles this long are read from the library off the GUI thread
SHARES_DELAY_MS = 300  # quiet time after a comparison before the list's shares are computed
TEXTS_LANE = "texts"  # reading long articles for the panes
FACTS_LANE = "facts"  # the facts of the pair shown
STATUS_MS = 4000
LIST_COMPACT_BELOW = 1000  # window widths under which the article list is put away by itself
FACTS_COMPACT_BELOW = 1200  # ... and the facts panel
STORY_LIST_WIDTH = 860  # the list in story mode: headline, reports, two moments, outlets


class MainWindow(QMainWindow):
    """`show_pair(left_id, right_id)` compares two articles; `comparisonPainted` fires once the
    highlighted result is on screen."""

    comparisonPainted = Signal()  # noqa: N815 - Qt naming

    def __init__(self, library, settings: WindowSettings | None = None, *, persist: bool = True) -> None:  # noqa: ANN001
        super().__init__()
        self.library = library
        self.settings = settings if settings is not None else WindowSettings()
        self.persist = persist
        self.options: CompareOptions = self.settings.compare_options()
        self._pair: tuple[int | None, int | None] = (None, None)
        self._result: CompareResult | None = None
        self._pinned: int | None = None  # the article whose shares the list shows
        self._shares_known: set[int] = set()  # the articles whose share of it is known
        self.setWindowTitle("Qarin — قارِن")
        self.setObjectName("mainWindow")

        self.tasks = TaskManager(self)
        self.stories = StoriesHost(self)  # the stories window, similar articles, feeds (before the actions)
        self.comparer = Comparer(self.tasks, self)
        self._loading_pair: tuple[int, int, tuple[str, str]] | None = None
        self.comparer.resultReady.connect(self._result_ready)
        self.comparer.busyChanged.connect(self._busy_changed)
        self.comparer.failed.connect(self._comparison_failed)
        self.comparer.sharesReady.connect(self._shares_ready)
        self.comparer.pairPicked.connect(self._pair_picked)

        self._shares_timer = QTimer(self)
        self._shares_timer.setSingleShot(True)
        self._shares_timer.setInterval(SHARES_DELAY_MS)
        self._shares_timer.timeout.connect(self._pin_left)
        self._build_list()
        self.view = ComparisonView(self)
        self.view.painted.connect(self._painted)
        self.view.message.connect(self.show_status)
        self.view.passageChanged.connect(self._passage_changed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.list_panel)
        self.splitter.addWidget(self.view)
        self.facts_panel = FactsPanel(self)
        self.facts_panel.jump.connect(self._show_fact)
        self.splitter.addWidget(self.facts_panel)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([330, 830, 420])
        panels = [Panel("list", 0, 330, LIST_COMPACT_BELOW), Panel("facts", 2, 420, FACTS_COMPACT_BELOW)]
        self.side_panels = SidePanels(self.splitter, 1, panels, self.settings, self.persist)
        self.splitter.splitterMoved.connect(lambda _pos, _index: self._panels_changed())
        self._facts: FactsView | None = None
        self.reports = ReportActions(self, lambda: panes.FONT_FAMILY)
        self.setCentralWidget(self.splitter)
        self._build_status()

        self.keymap = Keymap(ACTIONS, self.settings.qsettings)
        self.action_map = create_actions(self, self, self.keymap)  # id -> QAction (not QWidget.actions())
        add_scoped_actions(self.action_map, ACTIONS, "list", self.table)
        self.menus = populate_menus(self.menuBar(), self.action_map, ACTIONS)
        for action_id, field in MATCHING_FIELDS.items():
            self.action_map[action_id].setChecked(getattr(self.options.normalize, field))
        self.action_map["view.hidden_characters"].setChecked(True)  # the panes show them from the start
        self.action_map["find.both"].setChecked(True)  # find looks in both panes from the start
        self.find_bar = None
        self.command_palette = None
        self.set_digits(self.settings.arabic_digits(default=QLocale().language() == QLocale.Language.Arabic))
        self.view.set_zoom(self.settings.zoom)
        self.status_line.show_zoom(self.settings.zoom)
        self.status_line.show_rules(self.options)
        self._restore_state()
        self._panels_changed()
        self.reload_articles()
        self.import_target = ImportTarget(self, self.tasks, library, self._imported, self.show_status)
        self.drop_importer = DropImporter.install(
            self.import_target
        )  # files, folders or text dropped anywhere

    @property
    def pair(self) -> tuple[int | None, int | None]:
        """The ids of the articles in the left and right panes."""
        return self._pair

    @pair.setter
    def pair(self, pair: tuple[int | None, int | None]) -> None:
        self._pair = pair
        self.list_panel.set_pair(*pair)  # the list marks them and keeps them listed

    # --- building ------------------------------------------------------------------------------

    def _build_list(self) -> None:
        self.list_panel = ArticleListPanel(
            self._search_texts, self, tasks=self.tasks, library_path=lambda: self.library.path
        )
        self.list_panel.compareRequested.connect(self._compare_requested)
        self.list_panel.storyRequested.connect(self.stories.open_story)
        self.list_panel.modeChanged.connect(
            lambda stories: self.action_map["view.story_mode"].setChecked(stories)
        )
        # the list's parts, as the actions, tests and benchmarks reach them
        self.model, self.proxy = self.list_panel.model, self.list_panel.proxy
        self.filter_edit, self.table = self.list_panel.filter_edit, self.list_panel.table

    def _search_texts(self, query: str) -> list[int]:
        return [hit.article_id for hit in self.library.search(query)]

    def _build_status(self) -> None:
        self.status_line = StatusLine(self.statusBar())
        # its labels, as the tests read them
        self.stats_label, self.passage_label = self.status_line.stats_label, self.status_line.passage_label
        self.progress = self.status_line.progress

    # --- the list ------------------------------------------------------------------------------

    def reload_articles(self) -> None:
        self.list_panel.set_articles(self.library.summaries())

    def selected_article(self) -> int | None:
        return self.list_panel.selected_article()

    def select_article(self, article_id: int) -> None:
        self.list_panel.select_article(article_id)

    def focus_list(self) -> None:
        if not self.side_panels.shown("list"):
            self.toggle_panel("list", True)
        self.list_panel.focus_list()

    def set_list_mode(self, stories: bool) -> None:
        """The list shows the library's stories, or its articles (the list shown, focused)."""
        self.list_panel.set_story_mode(stories)
        self.focus_list()
        self.side_panels.widen("list", STORY_LIST_WIDTH if stories else None)
        self._panels_changed()

    def toggle_panel(self, name: str, shown: bool) -> None:
        """Show or put away the article list or the facts panel."""
        self.side_panels.set_shown(name, bool(shown))
        self._panels_changed()
        if shown and name == "list":
            self.list_panel.focus_list()

    def _panels_changed(self) -> None:
        for name in self.side_panels.panels:
            self.action_map[f"view.{name}"].setChecked(self.side_panels.shown(name))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.side_panels.fit(self.width())
        self._panels_changed()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    def step_article(self, step: int) -> None:
        """The next (previous) article of the list into the right pane, against the left one: one
        key walks every report of a story against one base."""
        left, right = self.pair
        start = self.selected_article()  # the list's current row follows each step
        article = self.list_panel.neighbour(start if start is not None else right, step, left)
        if article is None:
            self.show_status(self.tr("No more articles in the list"))
            return
        self.select_article(article)
        self.show_pair(left if left is not None else article, article)

    def _selected_or_say_so(self) -> int | None:
        article = self.selected_article()
        if article is None:
            self.show_status(self.tr("Select an article in the list first"))
        return article

    def selected_to(self, side: str) -> None:
        article = self._selected_or_say_so()
        if article is None:
            return
        left, right = self.pair
        if side == "a":
            self.show_pair(article, right if right is not None else article)
        else:
            self.show_pair(left if left is not None else article, article)

    def _compare_requested(self, article_id: int, side: str) -> None:
        """Enter on a row: against the left pane (on the left while there is none)."""
        left, right = self.pair
        if side == "a" or left is None:
            self.show_pair(article_id, right if right is not None else article_id)
        else:
            self.show_pair(left, article_id)

    def focus_filter(self) -> None:
        self.list_panel.focus_filter()

    # --- comparing -----------------------------------------------------------------------------

    def show_pair(self, left_id: int, right_id: int, precomputed: CompareResult | None = None) -> None:
        """Show two articles and compare them in the background (or show `precomputed`, their
        comparison under the current options). Long texts are read from the library off the GUI
        thread first, so the window never freezes on a million-word article."""
        old_left, old_right = self.pair
        needed = [i for i, old in ((left_id, old_left), (right_id, old_right)) if i != old]
        try:
            summaries = {i: self.library.summary(i) for i in {left_id, right_id}}
            titles = (summaries[left_id].title, summaries[right_id].title)
            words = sum(summaries[i].words for i in needed)
        except Exception as error:  # noqa: BLE001 - unknown id or unreadable library: say so
            QMessageBox.warning(self, self.tr("Cannot open article"), str(error))
            return
        self.tasks.cancel_lane(TEXTS_LANE)
        self._loading_pair = None
        if words > BACKGROUND_READ_WORDS and precomputed is None:
            self._result = None  # the shown result no longer answers what was asked for
            self._loading_pair = (left_id, right_id, titles)
            self.status_line.set_message(self.tr("Loading…"))
            path = self.library.path
            self.tasks.run(
                lambda _context: read_texts(path, needed),
                on_success=self._texts_loaded,
                on_failure=self._texts_failed,
                lane=TEXTS_LANE,
            )
            return
        try:
            texts = {i: self.library.text(i) for i in needed}
        except Exception as error:  # noqa: BLE001
            QMessageBox.warning(self, self.tr("Cannot open article"), str(error))
            return
        self._present_pair(left_id, right_id, titles, texts, precomputed)

    def _texts_loaded(self, texts: dict[int, str]) -> None:
        if self._loading_pair is not None:
            left_id, right_id, titles = self._loading_pair
            self._loading_pair = None
            self._present_pair(left_id, right_id, titles, texts, None)

    def _texts_failed(self, error: Exception) -> None:
        self._loading_pair = None
        QMessageBox.warning(self, self.tr("Cannot open article"), str(error))

    def _present_pair(
        self,
        left_id: int,
        right_id: int,
        titles: tuple[str, str],
        texts: dict[int, str],
        precomputed: CompareResult | None,
    ) -> None:
        self.pair = (left_id, right_id)
        self._result = None
        self.view.set_texts(texts.get(left_id), texts.get(right_id), *titles)
        if self.persist:
            self.settings.set_last_pair(left_id, right_id)
        self.comparer.cancel_background()  # the shares wait for the pair: both need the GIL
        if left_id != self._pinned:
            self._pinned = None
        if precomputed is not None and (precomputed.left_id, precomputed.right_id) == self.pair:
            self.comparer.supersede()
            self._result = precomputed
            self._show_result(precomputed)
            return
        self.status_line.set_message(self.tr("Comparing…"))
        self.comparer.request(left_id, right_id, self.view.left.text, self.view.right.text, self.options)

    def recompare(self) -> None:
        left, right = self.pair
        if left is not None and right is not None:
            self.view.clear_result()
            self.comparer.cancel_background()
            self._pinned = None  # shares depend on the options too
            self.comparer.request(left, right, self.view.left.text, self.view.right.text, self.options)

    def swap_sides(self) -> None:
        left, right = self.pair
        if left is None or right is None:
            return
        result = self._result
        title_a = self.view.left_column.title.full_text
        title_b = self.view.right_column.title.full_text
        text_a, text_b = self.view.left.text, self.view.right.text
        position = self.view.reading_position()
        self.pair = (right, left)
        # what was read on one side is now on the other, at the same height
        keep = ReadingPosition(other_side(position.side), position.offset, position.y)
        self.view.set_texts(text_b, text_a, title_b, title_a, keep=keep)
        if result is not None and (result.left_id, result.right_id) == (left, right):
            self.comparer.supersede()
            self._result = swapped_result(result)
            self._show_result(self._result)
        else:
            self.comparer.request(right, left, text_b, text_a, self.options)
        if self.persist:
            self.settings.set_last_pair(right, left)
        self._pinned = None  # _show_result pins the new left article

    def _result_ready(self, result: CompareResult) -> None:
        if (result.left_id, result.right_id) != self.pair:
            return
        self._result = result
        self._show_result(result)

    def _show_result(self, result: CompareResult) -> None:
        self.view.apply_result(result)
        self._shares_timer.start()  # after a pause, so quick pair switching never waits for it
        self.status_line.show_comparison(result)
        self._find_facts(result)

    def _show_counts(self) -> None:
        if self._result is not None and self._facts is not None:
            self.status_line.show_facts(self._result, self._facts.summary)
        elif self._result is not None:
            self.status_line.show_comparison(self._result)

    # --- facts ---------------------------------------------------------------------------------

    def _find_facts(self, result: CompareResult) -> None:
        self._facts = None
        self.facts_panel.clear()
        left, right = result.left_id, result.right_id
        text_a, text_b, comparison = self.view.left.text, self.view.right.text, result.comparison
        self.tasks.run(
            lambda _context: facts_view(left, right, comparison, text_a, text_b),
            on_success=self._facts_ready,
            lane=FACTS_LANE,
            log_errors_as="facts",
        )

    def _facts_ready(self, view: FactsView | None) -> None:
        if view is None or (view.left_id, view.right_id) != self.pair:
            return
        self._facts = view
        self.facts_panel.set_view(view)
        if self._result is not None:  # the shares split into identical and reworded, facts counted
            self.status_line.show_facts(self._result, view.summary)

    def _show_fact(self, pair: object) -> None:
        """Both places of a fact: its words selected in each pane that states it."""
        for side, pane in (("a", self.view.left), ("b", self.view.right)):
            mention = pair.mention(side)
            if mention is not None:
                pane.select_range(mention.start, mention.end)

    def report_inputs(self):  # noqa: ANN201 - (Comparison, FactsView, sides) or None
        """What File > Export and File > Print make the report from: the pair on screen."""
        if self._result is None or self._facts is None or None in self.pair:
            return None
        summaries = []
        for article_id in self.pair:
            try:
                summaries.append(self.library.summary(article_id))
            except Exception:  # noqa: BLE001 - a report without the source still reads
                summaries.append(None)
        titles = (self.view.left_column.title.full_text, self.view.right_column.title.full_text)
        sides = report_sides(titles, summaries, (self.view.left.text, self.view.right.text))
        return self._result.comparison, self._facts, sides

    def _painted(self) -> None:
        if self._result is not None:
            self.comparisonPainted.emit()

    def _busy_changed(self, busy: bool) -> None:
        self.progress.setVisible(busy)

    def _comparison_failed(self, message: str) -> None:
        self.status_line.set_message(self.tr("Comparison failed"))
        QMessageBox.warning(self, self.tr("Comparison failed"), message)

    def _passage_changed(self, passage: object) -> None:
        self.status_line.set_passage("" if passage is None else self.view.passage_summary(passage))

    # --- shares and the opening pair -----------------------------------------------------------

    def _pin_left(self) -> None:
        """The list shows how much of each other article the left one shares, computed off the GUI
        thread for every article not known yet: after a pause, after an import, and again after
        being cut short by a new pair."""
        left = self.pair[0]
        if left is None or self._result is None:
            return
        if self._pinned != left:
            self._pinned = left
            self._shares_known = set()
            self.model.clear_shared()
        others = [
            (s.id, s.words)
            for s in self.model.summaries()  # the list's own: no read of the library here
            if s.id != left and s.id not in self._shares_known
        ]
        if others:
            self.comparer.request_shares(self.library.path, self.view.left.text, others, self.options)

    def _shares_ready(self, shares: dict, done: bool) -> None:
        self._shares_known.update(shares)
        self.model.update_shared(shares)
        if done and self.list_panel.sorted_by_share():
            self.proxy.invalidate()

    def open_initial_pair(self) -> None:
        """The last pair if it still exists, else the two articles that share most."""
        ids = [s.id for s in self.model.summaries()]
        last = self.settings.last_pair()
        if last is not None and last[0] in ids and last[1] in ids:
            self.show_pair(*last)
        elif len(ids) >= 2:
            self.status_line.set_message(self.tr("Finding the two most similar articles…"))
            self.comparer.request_pick(self.library.path, ids, self.options)
        elif ids:
            self.show_pair(ids[0], ids[0])

    def _pair_picked(self, result: CompareResult | None) -> None:
        if result is not None and self.pair == (None, None):
            self.show_pair(result.left_id, result.right_id, precomputed=result)
            self.select_article(result.right_id)

    # --- options, zoom, panes ------------------------------------------------------------------

    def set_option(self, field: str, value: bool) -> None:
        self.options = self.options.with_normalize(**{field: bool(value)})
        for action_id, name in MATCHING_FIELDS.items():
            if name == field:
                self.action_map[action_id].setChecked(bool(value))
        if self.persist:
            self.settings.set_compare_options(self.options)
        self.status_line.show_rules(self.options)
        self.recompare()

    def set_min_passage_words(self, words: int) -> None:
        self.options = CompareOptions(normalize=self.options.normalize, min_passage_words=max(1, words))
        if self.persist:
            self.settings.set_compare_options(self.options)
        self.status_line.show_rules(self.options)
        self.recompare()

    def choose_min_length(self) -> None:
        words, ok = QInputDialog.getInt(
            self,
            self.tr("Minimum passage length"),
            self.tr("Words a shared passage needs at least:"),
            self.options.min_passage_words,
            1,
            100,
        )
        if ok:
            self.set_min_passage_words(words)

    def set_zoom(self, steps: int) -> None:
        steps = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        self.view.set_zoom(steps)
        self.status_line.show_zoom(steps)
        if self.persist:
            self.settings.zoom = steps

    def zoom_by(self, steps: int) -> None:
        self.set_zoom(self.view.left.zoom + steps)

    def focus_pane(self, side: str) -> None:
        self.view.panes[side].setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.view.active_side = side

    def set_digits(self, arabic_indic: bool) -> None:
        """Write every number of the window in Arabic-Indic (٠١٢) or Latin (012) digits."""
        digits = Digits(bool(arabic_indic))
        self.action_map["view.arabic_digits"].setChecked(digits.arabic_indic)
        self.status_line.digits = digits
        self.list_panel.set_digits(digits)
        self.facts_panel.set_digits(digits)
        self.stories.set_digits(digits)
        self.view.number = digits.number
        if self.find_bar is not None:
            self.find_bar.number = digits.number
        if self.persist:
            self.settings.set_arabic_digits(digits.arabic_indic)
        if self._result is not None:  # the status line says its numbers again
            self._show_counts()
        self.status_line.show_zoom(self.view.left.zoom)
        self.status_line.show_rules(self.options)
        self._passage_changed(self.view.current_passage)

    def show_hidden(self, checked: bool) -> None:
        for pane in self.view.panes.values():
            pane.set_show_hidden(bool(checked))

    # --- dialogs from the keyboard helper ------------------------------------------------------

    def open_palette(self) -> None:
        from reader.ui.actions.palette import CommandPalette  # noqa: PLC0415 - loaded on first use

        if self.command_palette is None:
            self.command_palette = CommandPalette(self.action_map, self, ACTIONS)
        self.command_palette.popup()

    def open_keymap(self) -> None:
        from reader.ui.actions.keymap_dialog import KeymapDialog  # noqa: PLC0415

        dialog = KeymapDialog(self.keymap, self, self.action_map)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: apply_keymap(self.action_map, self.keymap))
        dialog.open()

    # --- the library: import, metadata, removed lines ------------------------------------------

    def import_files(self) -> None:
        operations.import_files(self.import_target)

    def import_folder(self) -> None:
        operations.import_folder(self.import_target)

    def paste_article(self) -> None:
        operations.paste_article(self.import_target)

    def _imported(self, article_id: int | None) -> None:
        self.reload_articles()
        self._shares_timer.start()  # the new articles' shares too
        if article_id is not None:
            self.select_article(article_id)

    def edit_metadata(self) -> None:
        article_id = self._selected_or_say_so()
        if article_id is not None:
            summary = operations.edit_metadata(self, self.library, article_id)
            if summary is not None:
                self.list_panel.update_article(summary)

    def show_removed_lines(self) -> None:
        article_id = self._selected_or_say_so()
        if article_id is not None:
            show_removed_lines(self, self.library, article_id, self.article_changed, self.status_line.digits)

    def article_changed(self, article_id: int) -> None:
        """Refresh what the window shows of an article whose text changed."""
        self.list_panel.update_article(self.library.summary(article_id))
        left, right = self.pair
        if article_id in (left, right) and left is not None and right is not None:
            self.pair = (None, None)  # show_pair reloads only the texts whose id changed
            self.show_pair(left, right)

    # --- find ----------------------------------------------------------------------------------

    def find(self, what: str) -> None:
        from reader.ui.comparison.findbar import FindBar  # noqa: PLC0415

        if self.find_bar is None:
            self.find_bar = FindBar(self)
            self.find_bar.theme = self.view.theme
            self.find_bar.number = self.view.number
            self.find_bar.editorChanged.connect(self._find_moved_to)
            self.find_bar.both.setChecked(self.action_map["find.both"].isChecked())
            self.find_bar.both.toggled.connect(self.action_map["find.both"].setChecked)
            self.view.layout().insertWidget(1, self.find_bar)
        self.find_bar.set_options(self.options.normalize)
        side = self.view.active_side
        self.find_bar.set_editor(self.view.panes[side])
        self.find_bar.set_other(
            self.view.panes[other_side(side)], {self.view.left: "left", self.view.right: "right"}
        )
        if what == "open":
            self.find_bar.open()
        elif what == "next":
            self.find_bar.find_next()
        else:
            self.find_bar.find_previous()

    def set_find_both(self, both: bool) -> None:
        """Find in both panes, or only in the focused one."""
        if self.find_bar is not None:
            self.find_bar.both.setChecked(bool(both))

    def _find_moved_to(self, pane: object) -> None:
        """Stepping through the hits went on in the other pane: it is the active one now."""
        self.view.active_side = "a" if pane is self.view.left else "b"

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Qarin"),
            self.tr(
                "<p><b>Qarin {0}</b> (قارِن) compares Arabic news reports side by side.</p>"
                "<p>Text in the Amiri typeface by Khaled Hosny, under the SIL Open Font License 1.1.</p>"
                "<p>Built with Qt for Python (PySide6, LGPLv3) and diff-match-patch (Apache 2.0).</p>"
            ).format(reader.__version__),
        )

    # --- state ---------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.state("geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        for key, splitter in (("main_splitter", self.splitter), ("pane_splitter", self.view.splitter)):
            state = self.settings.state(key)
            if state is not None:
                splitter.restoreState(state)

    def save_state(self) -> None:
        if not self.persist:
            return
        self.settings.set_state("geometry", self.saveGeometry())
        self.settings.set_state("main_splitter", self.splitter.saveState())
        self.settings.set_state("pane_splitter", self.view.splitter.saveState())
        self.settings.zoom = self.view.left.zoom
        self.settings.set_compare_options(self.options)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_state()
        self._shares_timer.stop()
        self.tasks.shutdown()
        super().closeEvent(event)

    def action(self, action_id: str) -> QAction:
        return self.action_map[action_id]

    def result(self) -> CompareResult | None:
        return self._result
