"""A stand-in for the main window in tests of the library's UI pieces."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class FakeWindow(QWidget):
    """What imports and drops need of the main window: its library, and a list to reload."""

    def __init__(self, library) -> None:  # noqa: ANN001
        super().__init__()
        self.library = library
        self.listed: list[int] = []
        self.reloads = 0
        self.selected: int | None = None

    def reload_articles(self) -> None:
        self.reloads += 1
        self.listed = [s.id for s in self.library.summaries()]

    def select_article(self, article_id: int) -> None:
        self.selected = article_id
