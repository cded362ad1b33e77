"""Files, folders and text dropped on the window become articles, through the background import job.

An event filter rather than overridden drag methods, so it fits any widget (the main window, the
article list) without subclassing it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from reader.ui.library import import_job
from reader.ui.library.import_job import ImportTarget

DROPPED_ORIGIN = "dropped"


def local_paths(mime: QMimeData) -> list[str]:
    """The local files and folders a drag carries (web links are not files)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def dropped_text(mime: QMimeData) -> str | None:
    """Plain text worth importing: not a drag of links (its text is just the addresses)."""
    if mime.hasUrls() or not mime.hasText():
        return None
    text = mime.text()
    return text if text.strip() else None


def accepts(mime: QMimeData) -> bool:
    return bool(local_paths(mime)) or dropped_text(mime) is not None


class DropImporter(QObject):
    """Accepts drops on `widget` and imports them into the library of `target`."""

    def __init__(self, target: ImportTarget, widget: QWidget) -> None:
        super().__init__(widget)
        self._target = target
        self.last_job: import_job.ImportJob | None = None

    @classmethod
    def install(cls, target: ImportTarget, widget: QWidget | None = None) -> DropImporter:
        """Make `widget` (the target's parent window by default) a drop site for articles."""
        widget = widget if widget is not None else target.parent
        importer = cls(target, widget)
        widget.setAcceptDrops(True)
        widget.installEventFilter(importer)
        return importer

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            return self._consider(event)
        if kind == QEvent.Type.Drop:
            return self._drop(event)
        return False

    def _consider(self, event: QDragEnterEvent | QDragMoveEvent) -> bool:
        if accepts(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()
        return True

    def _drop(self, event: QDropEvent) -> bool:
        mime = event.mimeData()
        paths = local_paths(mime)
        text = dropped_text(mime)
        if paths:
            self.last_job = import_job.start_import(self._target, paths)
        elif text is not None:
            self.last_job = import_job.start_text_import(self._target, text, origin=DROPPED_ORIGIN)
        else:
            event.ignore()
            return True
        event.acceptProposedAction()
        return True
