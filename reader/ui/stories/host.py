"""What the main window holds of the story room: opening the stories window, the articles sharing
text with the selected one, adding a feed, and showing a pair from the story view at its passage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit

from reader.ui.library.import_job import start_import
from reader.view.digits import LATIN, Digits

if TYPE_CHECKING:
    from reader.stories.model import Story
    from reader.ui.stories.window import StoriesWindow


class StoriesHost:
    """Created by the main window (`window.stories`); the actions call its methods."""

    def __init__(self, window) -> None:  # noqa: ANN001 - the MainWindow
        self.window = window
        self.panel: StoriesWindow | None = None
        self._pending_passage: tuple[int, int] | None = None
        self.digits: Digits = LATIN
        window.comparisonPainted.connect(self._select_pending_passage)

    def _panel(self) -> StoriesWindow:
        if self.panel is None:
            from reader.ui.stories.window import StoriesWindow  # noqa: PLC0415 - the grouping: on first use

            self.panel = StoriesWindow(self.window.library.path, self.window.tasks, self.window)
            self.panel.openPair.connect(self.open_pair)
            self.panel.set_digits(self.digits)
        return self.panel

    def set_digits(self, digits: Digits) -> None:
        """The main window's digits, for the stories window too (now, or when it is made)."""
        self.digits = digits
        if self.panel is not None:
            self.panel.set_digits(digits)

    def open_stories(self) -> StoriesWindow:
        panel = self._panel()
        panel.tabs.setCurrentIndex(0)
        panel.show()
        panel.raise_()
        panel.load_stories()
        panel.story_list.setFocus()
        return panel

    def open_story(self, story: Story) -> StoriesWindow:
        """The story view of one story (Enter on a story in the main list's story mode); the
        stories window lists the main list's stories rather than grouping the library again."""
        panel = self._panel()
        panel.tabs.setCurrentIndex(0)
        panel.show()
        panel.raise_()
        panel.activateWindow()
        mode = self.window.list_panel.story_mode
        panel.present_story(story, mode.model.table.stories if mode is not None else [story])
        panel.collation.setFocus()
        return panel

    def open_similar(self) -> StoriesWindow | None:
        article_id = self.window.selected_article() or self.window.pair[0]
        if article_id is None:
            self.window.show_status(QCoreApplication.translate("StoriesHost", "Select an article first"))
            return None
        panel = self._panel()
        panel.tabs.setCurrentIndex(1)
        panel.show()
        panel.raise_()
        panel.show_similar(article_id)
        panel.similar.setFocus()
        return panel

    def add_feed(self) -> None:
        title = QCoreApplication.translate("StoriesHost", "Add feed")
        label = QCoreApplication.translate("StoriesHost", "RSS or Atom feed address:")
        url, ok = QInputDialog.getText(self.window, title, label, QLineEdit.EchoMode.Normal, "https://")
        if ok and url.strip() not in ("", "https://"):
            start_import(self.window.import_target, [url.strip()])

    def open_pair(self, left_id: int, right_id: int, passage_b: object) -> None:
        """Show the pair side by side; once painted, select the passage at `passage_b` in the right text."""
        self._pending_passage = passage_b if isinstance(passage_b, tuple) else None
        self.window.show_pair(left_id, right_id)
        self.window.raise_()
        self.window.activateWindow()

    def _select_pending_passage(self) -> None:
        wanted, self._pending_passage = self._pending_passage, None
        comparison = self.window.view.comparison if wanted else None
        if comparison is None:
            return
        start, end = wanted
        overlaps = [
            (min(end, p.b[1]) - max(start, p.b[0]), index) for index, p in enumerate(comparison.passages)
        ]
        best = max(overlaps, default=(0, None))
        if best[1] is not None and best[0] > 0:
            self.window.view.select_passage(best[1], "b")
