"""Reading article texts off the GUI thread: a million-word article takes tens of milliseconds to
come out of SQLite, longer than the window may freeze. The thread opens its own connection (an
sqlite3 connection belongs to one thread) and touches no widget."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.library import open_library


class TextLoader(QObject):
    loaded = Signal(int, object)  # request number, {article id: text}
    failed = Signal(int, str)  # request number, what went wrong (one line)

    def __init__(self, library_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library_path = library_path

    def load(self, request: int, article_ids: list[int]) -> None:
        threading.Thread(target=self._run, args=(request, list(article_ids)), daemon=True).start()

    def _run(self, request: int, article_ids: list[int]) -> None:
        try:
            library = open_library(self.library_path, seed_if_empty=False)
            try:
                texts = {article_id: library.text(article_id) for article_id in article_ids}
            finally:
                library.close()
        except Exception as error:  # noqa: BLE001 - reported to the window, never a traceback
            self.failed.emit(request, str(error))
            return
        self.loaded.emit(request, texts)
