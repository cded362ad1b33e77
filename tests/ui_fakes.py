"""Stand-ins for the main window in tests of the UI's pieces."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from reader.ui.library.import_job import ImportTarget
from reader.ui.tasks import TaskManager


class FakeWindow(QWidget):
    """What imports and drops need of the main window: its library, tasks, and a list to reload."""

    def __init__(self, library) -> None:
        super().__init__()
        self.library = library
        self.listed: list[int] = []
        self.reloads = 0
        self.selected: int | None = None
        self.tasks = TaskManager(self)
        self.import_target = ImportTarget(self, self.tasks, library, self.imported)

    def imported(self, article_id: int | None) -> None:
        self.reloads += 1
        self.listed = [s.id for s in self.library.summaries()]
        if article_id is not None:
            self.selected = article_id

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.tasks.shutdown()
        super().closeEvent(event)


class Recorder:
    """A stand-in window: every method an action names records its call, except those in `missing`."""

    def __init__(self, missing: tuple[str, ...] = (), path: str = "", calls: list | None = None) -> None:
        self._missing, self._path = missing, path
        self.calls = [] if calls is None else calls

    def __getattr__(self, name: str):
        path = f"{self._path}.{name}" if self._path else name
        if name.startswith("__") or path in self._missing:
            raise AttributeError(name)
        return Recorder(self._missing, path, self.calls)

    def __call__(self, *args) -> None:
        self.calls.append((self._path, args))
