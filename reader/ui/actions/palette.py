"""The command palette (Ctrl+Shift+P): type part of an action's name, see its keys, press Enter to run it.

The ranking (`reader.view.command_search.rank_actions`) is a pure function, tested apart from the dialog.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.actions.binding import action_label, shown_keys
from reader.view.actions import ACTIONS, ActionSpec
from reader.view.command_search import PaletteEntry, clean_label, rank_actions

_NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def keys_text(action: QAction) -> str:
    """An action's keys as the user sees them, each isolated as left-to-right text."""
    return shown_keys(action.shortcuts())


class CommandPalette(QDialog):
    """A frameless box: a query line over the list of matching actions with their keys."""

    def __init__(
        self,
        actions: Mapping[str, QAction] | Iterable[QAction],
        parent: QWidget | None = None,
        specs: Sequence[ActionSpec] = ACTIONS,
    ) -> None:
        """`actions`: the id -> QAction map of `create_actions`, or the QActions (ids from objectName);
        `specs` give their English labels, which match in any language."""
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("commandPalette")
        if isinstance(actions, Mapping):
            self._actions = dict(actions)
        else:
            self._actions = {action.objectName() or action_label(action): action for action in actions}
        english = {spec.id: spec.label for spec in specs}
        order = [spec.id for spec in specs if spec.id in self._actions]
        order += [i for i in self._actions if i not in english]  # actions the window added itself
        self._entries = [
            PaletteEntry(i, action_label(self._actions[i]), english.get(i, action_label(self._actions[i])))
            for i in order
        ]

        self.query = QLineEdit(self)
        self.query.setObjectName("palette.query")
        self.query.setPlaceholderText(self.tr("Type the name of an action"))
        self.query.setClearButtonEnabled(True)
        self.query.installEventFilter(self)
        self.query.textChanged.connect(self._refill)
        self.query.returnPressed.connect(self.run_current)

        self.list = QTreeWidget(self)
        self.list.setObjectName("palette.list")
        self.list.setColumnCount(2)
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing always goes to the query
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemActivated.connect(lambda _item, _column: self.run_current())
        self.list.itemClicked.connect(lambda _item, _column: self.run_current())

        frame = QFrame(self)  # frameless window: draw our own edge
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setFrameShadow(QFrame.Shadow.Raised)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(6, 6, 6, 6)
        inner.addWidget(self.query)
        inner.addWidget(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(frame)
        self.resize(560, 360)
        self._refill("")

    # showing
    def popup(self) -> None:
        """Show (non-modal) and take the keyboard; `open()` and `exec()` work as well."""
        self.show()
        self.raise_()
        self.activateWindow()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Each time it opens: empty query, every action listed, near the top of the parent window."""
        self.query.clear()
        self._refill("")
        parent = self.parentWidget()
        if parent is not None:
            window = parent.window()
            width = max(420, min(640, window.width() * 3 // 5))
            self.resize(width, max(240, min(420, window.height() // 2)))
            top_left = window.mapToGlobal(window.rect().topLeft())
            self.move(top_left.x() + (window.width() - width) // 2, top_left.y() + window.height() // 8)
        super().showEvent(event)
        self.query.setFocus()

    def shown_ids(self) -> list[str]:
        """The ids listed now, top to bottom."""
        return [
            self.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
            for i in range(self.list.topLevelItemCount())
        ]

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def event(self, event: QEvent) -> bool:
        """Clicking elsewhere closes the palette, as it would a popup."""
        if event.type() == QEvent.Type.WindowDeactivate and self.isVisible():
            self.reject()
        return super().event(event)

    # running
    def run_current(self) -> None:
        """Close, then trigger the chosen action (closing first, so a dialog it opens is not under us)."""
        action_id = self.current_id()
        action = self._actions.get(action_id) if action_id else None
        if action is None or not action.isEnabled():
            return
        self.accept()
        action.trigger()

    def _refill(self, query: str) -> None:
        self.list.clear()
        first_enabled: QTreeWidgetItem | None = None
        for action_id in rank_actions(query, self._entries):
            action = self._actions[action_id]
            label = clean_label(action_label(action))
            if action.isCheckable() and action.isChecked():
                label = f"✓ {label}"
            item = QTreeWidgetItem([label, keys_text(action)])
            item.setData(0, Qt.ItemDataRole.UserRole, action_id)
            item.setToolTip(0, action.statusTip() or label)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
            if not action.isEnabled():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            elif first_enabled is None:
                first_enabled = item
            self.list.addTopLevelItem(item)
        if first_enabled is not None:
            self.list.setCurrentItem(first_enabled)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Up/Down/PageUp/PageDown in the query move through the list."""
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in _NAVIGATION_KEYS:
                self._move(key_event.key())
                return True
        return super().eventFilter(watched, event)

    def _move(self, key: int) -> None:
        count = self.list.topLevelItemCount()
        if count == 0:
            return
        current = self.list.indexOfTopLevelItem(self.list.currentItem()) if self.list.currentItem() else -1
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8, Qt.Key.Key_PageDown: 8}[key]
        row = min(max(current + step, 0), count - 1)
        # skip greyed-out actions in the direction of travel
        direction = 1 if step > 0 else -1
        while 0 <= row < count and not (self.list.topLevelItem(row).flags() & Qt.ItemFlag.ItemIsEnabled):
            row += direction
        if 0 <= row < count:
            self.list.setCurrentItem(self.list.topLevelItem(row))
            self.list.scrollToItem(self.list.topLevelItem(row))
