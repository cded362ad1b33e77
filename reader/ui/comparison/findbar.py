"""Find in a reading pane (Ctrl+F, F3, Shift+F3), ignoring harakat, hamza forms and letter case.

The bar folds the pane's text once per query with a map back to the original offsets
(reader/text/search_fold.py), selects the current hit in the pane and shows "n of m". Qt counts
positions in UTF-16 units and Python in code points; the two differ after any character outside the
Basic Multilingual Plane (an emoji in a scraped article), so hits are converted (`PositionMap`)
before selecting.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
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
from reader.view.paragraphs import PositionMap


class FindBar(QWidget):
    """A find box for one QPlainTextEdit at a time (`set_editor` when the focused pane changes)."""

    hitChanged = Signal(int, int)  # noqa: N815 - Qt naming; index of the current hit (-1: none), hits

    def __init__(self, parent: QWidget | None = None, editor: QPlainTextEdit | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self._editor: QPlainTextEdit | None = None
        self._options: NormalizeOptions = DEFAULT_OPTIONS
        self._document: QTextDocument | None = None  # the document the cache below was made from
        self._stale = True  # its text changed since
        self._folded: FoldedText | None = None
        self._folded_options: NormalizeOptions = DEFAULT_OPTIONS
        self._positions = PositionMap("")
        self._query: str | None = None
        self.hits: list[tuple[int, int]] = []  # Python offsets into the editor's plain text
        self.current = -1

        self.query = QLineEdit(self)
        self.query.setObjectName("find.query")
        self.query.setPlaceholderText(self.tr("Find (harakat and hamza forms ignored)"))
        self.query.setClearButtonEnabled(True)
        self.query.installEventFilter(self)
        self.query.textEdited.connect(self._query_edited)
        self.status = QLabel(self)
        self.status.setObjectName("find.status")
        self.status.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 of 0000"))
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

    # target
    def editor(self) -> QPlainTextEdit | None:
        return self._editor

    def set_editor(self, editor: QPlainTextEdit | None) -> None:
        """Search this pane from now on (the query stays; hits are recomputed on the next step)."""
        if editor is not self._editor:
            self._editor = editor
            self._stale = True

    def set_options(self, options: NormalizeOptions) -> None:
        """Which spelling differences the search ignores (default: all the matching folds)."""
        if options != self._options:
            self._options = options
            self._stale = True

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
        if self._editor is not None:
            self._editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # stepping
    def find_next(self) -> None:
        self._step(forward=True)

    def find_previous(self) -> None:
        self._step(forward=False)

    def _step(self, *, forward: bool) -> None:
        if not self.query.text().strip():
            self.open()  # F3 with nothing to find: ask for it
            return
        if not self.isVisible():
            self.show()
        if not self._refresh():
            return
        cursor = self._editor.textCursor()
        if forward:
            after = self._positions.to_py(cursor.selectionEnd())
            index = next((k for k, (start, _end) in enumerate(self.hits) if start >= after), 0)
        else:
            before = self._positions.to_py(cursor.selectionStart())
            earlier = [k for k, (start, _end) in enumerate(self.hits) if start < before]
            index = earlier[-1] if earlier else len(self.hits) - 1
        self._select(index)

    def _query_edited(self, _text: str) -> None:
        self._search(from_selection_start=True)

    def _search(self, *, from_selection_start: bool) -> None:
        """As the query grows, stay on the hit at the cursor; else the first hit after it (wrapping)."""
        if not self._refresh():
            return
        start_at = (
            self._positions.to_py(self._editor.textCursor().selectionStart()) if from_selection_start else 0
        )
        index = next((k for k, (start, _end) in enumerate(self.hits) if start >= start_at), 0)
        self._select(index)

    def _refresh(self) -> bool:
        """Recompute the hits if the query, the pane or its text changed; False when there are none."""
        editor = self._editor
        query = self.query.text()
        if editor is None:
            self._show_status(-1, 0)
            return False
        document = editor.document()
        if document is not self._document:
            self._watch(document)
        if self._stale:
            self._stale = False
            text = editor.toPlainText()
            # re-highlighting also signals a change: refold only if the text really differs
            if self._folded is None or text != self._folded.text or self._options != self._folded_options:
                self._folded = fold_with_map(text, self._options)
                self._folded_options = self._options
                self._positions = PositionMap(text)
                self._query = None  # force the hits below
        if query != self._query:
            self._query = query
            self.hits = self._folded.find_all(query, self._options) if self._folded else []
            self.current = -1
        if not self.hits:
            self._show_status(-1, 0)
            return False
        return True

    def _watch(self, document: QTextDocument) -> None:
        """Fold the text again only after it changes (not on every F3: a 1M-word pane takes a second)."""
        if self._document is not None:
            try:
                self._document.contentsChanged.disconnect(self._mark_stale)
            except (RuntimeError, TypeError):  # already gone with its pane
                pass
        self._document = document
        document.contentsChanged.connect(self._mark_stale)
        self._stale = True

    def _mark_stale(self) -> None:
        self._stale = True

    def _select(self, index: int) -> None:
        start, end = self.hits[index]
        cursor = QTextCursor(self._editor.document())
        cursor.setPosition(self._positions.to_qt(start))
        cursor.setPosition(self._positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.ensureCursorVisible()
        self.current = index
        self._show_status(index, len(self.hits))

    def _show_status(self, index: int, count: int) -> None:
        if count == 0:
            self.current = -1
            self.status.setText(self.tr("No matches") if self.query.text().strip() else "")
        else:
            self.status.setText(self.tr("%1 of %2").replace("%1", str(index + 1)).replace("%2", str(count)))
        failed = count == 0 and bool(self.query.text().strip())
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
