"""Find in the reading panes (Ctrl+F, F3, Shift+F3), ignoring harakat, hamza forms and letter case.

The bar searches the focused pane, or both panes (the "Both panes" switch): every hit is outlined
in its pane, the current one selected and outlined more strongly, and the status says "n of m"
with the count of each side. Stepping past the last hit of one pane goes on in the other.

Each pane's text is folded once per query with a map back to the original offsets
(reader/text/search_fold.py). Qt counts positions in UTF-16 units and Python in code points; the
two differ after any character outside the Basic Multilingual Plane (an emoji in a scraped
article), so hits are converted (`PositionMap`) before selecting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QToolButton,
    QWidget,
)

from reader.text.normalize import DEFAULT_OPTIONS, NormalizeOptions
from reader.text.search_fold import FoldedText, fold_with_map
from reader.ui.comparison.theme import Theme, current_theme
from reader.view.paragraphs import PositionMap

FIND_ROLE, CURRENT_ROLE = "find", "find.current"  # the panes' outline roles


class _PaneSearch:
    """The hits of one query in one editor, folded again only after its text changes (not on every
    F3: a million-word pane takes a second to fold)."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        self.editor = editor
        self.hits: list[tuple[int, int]] = []  # Python offsets into the editor's plain text
        self.positions = PositionMap("")
        self._folded: FoldedText | None = None
        self._options: NormalizeOptions = DEFAULT_OPTIONS
        self._query: str | None = None
        self._stale = True
        self._document: QTextDocument | None = None

    def refresh(self, query: str, options: NormalizeOptions) -> list[tuple[int, int]]:
        document = self.editor.document()
        if document is not self._document:
            self._watch(document)
        if self._stale:
            self._stale = False
            text = self.editor.toPlainText()
            # re-highlighting also signals a change: refold only if the text really differs
            if self._folded is None or text != self._folded.text or options != self._options:
                self._folded = fold_with_map(text, options)
                self._options = options
                self.positions = PositionMap(text)
                self._query = None  # force the hits below
        if options != self._options:
            self._stale = True
            return self.refresh(query, options)
        if query != self._query:
            self._query = query
            self.hits = self._folded.find_all(query, options) if self._folded else []
        return self.hits

    def forget(self) -> None:
        self._query = None
        self._stale = True

    def _watch(self, document: QTextDocument) -> None:
        if self._document is not None:
            try:
                self._document.contentsChanged.disconnect(self.forget)
            except (RuntimeError, TypeError):  # already gone with its pane
                pass
        self._document = document
        document.contentsChanged.connect(self.forget)
        self._stale = True

    def outline(self, current: int, theme: Theme) -> None:
        """Outline every hit in the pane (a reading pane), the current one (-1: none) strongly."""
        set_outlines: Callable | None = getattr(self.editor, "set_outlines", None)
        if set_outlines is not None:
            chosen = [self.hits[current]] if 0 <= current < len(self.hits) else []
            set_outlines(FIND_ROLE, self.hits, theme.find_outline)
            set_outlines(CURRENT_ROLE, chosen, theme.find_current_outline)

    def clear_outlines(self) -> None:
        clear: Callable | None = getattr(self.editor, "clear_outlines", None)
        if clear is not None:
            clear(FIND_ROLE)
            clear(CURRENT_ROLE)


class FindBar(QWidget):
    """A find box over the focused editor (`set_editor`) and, when given one (`set_other`), the
    other pane: with "Both panes" on, its hits count and are stepped through too."""

    hitChanged = Signal(int, int)  # noqa: N815 - Qt naming; index of the current hit (-1: none), hits
    editorChanged = Signal(object)  # noqa: N815 - stepping moved into the other pane (that editor)

    def __init__(self, parent: QWidget | None = None, editor: QPlainTextEdit | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._searches: dict[int, _PaneSearch] = {}
        self._editor: QPlainTextEdit | None = None
        self._other: QPlainTextEdit | None = None
        self._names: dict[int, str] = {}  # id(editor) -> "left" / "right", for the counts
        self._options: NormalizeOptions = DEFAULT_OPTIONS
        self.theme: Theme = current_theme()
        self.number: Callable[[int], str] = str  # how numbers are written (the window's digits)
        self.hits: list[tuple[int, int]] = []  # the focused editor's hits (Python offsets)
        self.current = -1

        self.query = QLineEdit(self)
        self.query.setObjectName("find.query")
        self.query.setPlaceholderText(self.tr("Find (harakat and hamza forms ignored)"))
        self.query.setClearButtonEnabled(True)
        self.query.installEventFilter(self)
        self.query.textEdited.connect(self._query_edited)
        self.both = QCheckBox(self.tr("Both panes"), self)
        self.both.setObjectName("find.both")
        self.both.setToolTip(self.tr("Search the left and the right pane (Alt+B)"))
        self.both.setChecked(True)
        self.both.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.both.toggled.connect(lambda _on: self._search(from_selection_start=True))
        self.both.hide()  # shown once there is another pane
        self.status = QLabel(self)
        self.status.setObjectName("find.status")
        self.status.setMinimumWidth(
            self.fontMetrics().horizontalAdvance("0000 of 0000 · left 0000, right 0000")
        )
        previous = self._button(QStyle.StandardPixmap.SP_ArrowUp, self.tr("Previous hit (Shift+F3)"))
        previous.clicked.connect(self.find_previous)
        following = self._button(QStyle.StandardPixmap.SP_ArrowDown, self.tr("Next hit (F3)"))
        following.clicked.connect(self.find_next)
        close = self._button(QStyle.StandardPixmap.SP_TitleBarCloseButton, self.tr("Close (Esc)"))
        close.clicked.connect(self.close_bar)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(self.tr("Find:"), self))
        layout.addWidget(self.query, 1)
        layout.addWidget(self.both)
        layout.addWidget(self.status)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.hide()
        if editor is not None:
            self.set_editor(editor)

    def _button(self, icon: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    # targets
    def editor(self) -> QPlainTextEdit | None:
        return self._editor

    def set_editor(self, editor: QPlainTextEdit | None) -> None:
        """Search this pane from now on (the query stays; hits are recomputed on the next step)."""
        if editor is not self._editor:
            if editor is self._other:  # the two panes change roles
                self._other = self._editor
            self._editor = editor
            self.current = -1

    def set_other(self, other: QPlainTextEdit | None, names: dict[QPlainTextEdit, str] | None = None) -> None:
        """The pane searched beside the focused one when "Both panes" is on; `names` say which
        side each pane is ("left", "right") in the counts."""
        self._other = other
        if names:
            self._names = {id(editor): name for editor, name in names.items()}
        self.both.setVisible(other is not None)

    def searching_both(self) -> bool:
        return self._other is not None and self.both.isChecked()

    def set_options(self, options: NormalizeOptions) -> None:
        """Which spelling differences the search ignores (default: all the matching folds)."""
        if options != self._options:
            self._options = options
            for search in self._searches.values():
                search.forget()

    def _search_of(self, editor: QPlainTextEdit) -> _PaneSearch:
        search = self._searches.get(id(editor))
        if search is None or search.editor is not editor:
            search = self._searches[id(editor)] = _PaneSearch(editor)
        return search

    def hits_of(self, editor: QPlainTextEdit) -> list[tuple[int, int]]:
        """The hits of the current query in `editor` (Python offsets)."""
        return self._search_of(editor).refresh(self.query.text(), self._options)

    # opening and closing
    def open(self) -> None:
        """Show the bar with the focus in the query; a short one-line selection in the pane becomes it."""
        editor = self._editor
        if editor is not None:
            selected = editor.textCursor().selectedText()
            if selected and "\u2029" not in selected and len(selected) <= 80:
                self.query.setText(selected)
        self.show()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()
        if self.query.text():
            self._search(from_selection_start=True)

    def close_bar(self) -> None:
        self.hide()
        for search in self._searches.values():
            search.clear_outlines()
        if self._editor is not None:
            self._editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # stepping
    def find_next(self) -> None:
        self._step(forward=True)

    def find_previous(self) -> None:
        self._step(forward=False)

    def _editors(self) -> list[QPlainTextEdit]:
        editors = [self._editor] if self._editor is not None else []
        if self.searching_both():
            editors.append(self._other)
        return editors

    def _step(self, *, forward: bool) -> None:
        if not self.query.text().strip():
            self.open()  # F3 with nothing to find: ask for it
            return
        if not self.isVisible():
            self.show()
        if not self._refresh():
            return
        editor = self._editor
        search = self._search_of(editor)
        cursor = editor.textCursor()
        hits = search.hits
        if forward:
            after = search.positions.to_py(cursor.selectionEnd())
            index = next((k for k, (start, _end) in enumerate(hits) if start >= after), None)
        else:
            before = search.positions.to_py(cursor.selectionStart())
            earlier = [k for k, (start, _end) in enumerate(hits) if start < before]
            index = earlier[-1] if earlier else None
        if index is None:  # past the last hit here: on in the other pane, or round again
            other = self._other if self.searching_both() and self.hits_of(self._other) else None
            if other is not None:
                self.set_editor(other)
                self.editorChanged.emit(other)
                hits = self._search_of(other).hits
            index = 0 if forward else len(hits) - 1
        self._select(index)

    def _query_edited(self, _text: str) -> None:
        self._search(from_selection_start=True)

    def _search(self, *, from_selection_start: bool) -> None:
        """As the query grows, stay on the hit at the cursor; else the first hit after it (wrapping)."""
        if not self._refresh():
            return
        search = self._search_of(self._editor)
        if not search.hits and self.searching_both():  # none in the focused pane: the first in the other
            self.set_editor(self._other)
            self.editorChanged.emit(self._editor)
            search = self._search_of(self._editor)
        start_at = (
            search.positions.to_py(self._editor.textCursor().selectionStart()) if from_selection_start else 0
        )
        index = next((k for k, (start, _end) in enumerate(search.hits) if start >= start_at), 0)
        self._select(index)

    def _refresh(self) -> bool:
        """Recompute the hits of every searched pane; False when there are none anywhere."""
        if self._editor is None:
            self._show_status(-1)
            return False
        for editor in (self._editor, self._other):
            if editor is not None:
                self.hits_of(editor)
        if not self.searching_both() and self._other is not None:
            self._search_of(self._other).clear_outlines()
        self.hits = self._search_of(self._editor).hits
        if not any(self._search_of(editor).hits for editor in self._editors()):
            self.current = -1
            for editor in self._editors():
                self._search_of(editor).outline(-1, self.theme)
            self._show_status(-1)
            return False
        return True

    def _select(self, index: int) -> None:
        search = self._search_of(self._editor)
        start, end = search.hits[index]
        cursor = QTextCursor(self._editor.document())
        cursor.setPosition(search.positions.to_qt(start))
        cursor.setPosition(search.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.ensureCursorVisible()
        self.hits = search.hits
        self.current = index
        for editor in self._editors():
            self._search_of(editor).outline(index if editor is self._editor else -1, self.theme)
        self._show_status(index)

    def _show_status(self, index: int) -> None:
        count = len(self.hits)
        number = self.number
        if not any(self._search_of(e).hits for e in self._editors()):
            self.current = -1
            self.status.setText(self.tr("No matches") if self.query.text().strip() else "")
        else:
            text = self.tr("%1 of %2").replace("%1", number(index + 1)).replace("%2", number(count))
            if self.searching_both():
                counts = {self._names.get(id(e), ""): len(self._search_of(e).hits) for e in self._editors()}
                text += " · " + self.tr("left %1, right %2").replace(
                    "%1", number(counts.get("left", 0))
                ).replace("%2", number(counts.get("right", 0)))
            self.status.setText(text)
        failed = self.current < 0 and bool(self.query.text().strip())
        self.query.setStyleSheet("QLineEdit { background: #f6d5d5; color: #000; }" if failed else "")
        self.hitChanged.emit(index, count)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter: next hit; Shift+Enter: previous; Esc: close and return to the pane."""
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            key = key_event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = key_event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self._step(forward=not shift)
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)
