"""The keymap (F1): every action with its keys and menu; pick one, press new keys, see conflicts, reset.

Every change goes to the Keymap and is saved at once, so nothing is lost if the window closes;
`exec()` returns true when any key changed, and the window then calls `apply_keymap`.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.text.search_fold import fold_chars
from reader.ui.actions.binding import apply_keymap, label_of, shown_keys
from reader.ui.actions.keymap import Keymap
from reader.view.actions import MENU_TITLES, ActionSpec

COL_ACTION, COL_KEYS, COL_MENU = range(3)


class KeymapDialog(QDialog):
    """Lists every action; the selected one can get new keys (QKeySequenceEdit), lose them or be reset."""

    def __init__(
        self,
        keymap: Keymap,
        parent: QWidget | None = None,
        actions: Mapping[str, QAction] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keymapDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.keymap = keymap
        self._actions = actions
        self._specs: list[ActionSpec] = list(keymap.specs)
        self.changed = False

        self.filter = QLineEdit(self)
        self.filter.setObjectName("keymap.filter")
        self.filter.setPlaceholderText(self.tr("Filter by name or key"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)

        self.table = QTableWidget(len(self._specs), 3, self)
        self.table.setObjectName("keymap.table")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys"), self.tr("Menu")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_KEYS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MENU, QHeaderView.ResizeMode.ResizeToContents)
        for row, spec in enumerate(self._specs):
            action_item = QTableWidgetItem(label_of(spec).replace("…", ""))
            action_item.setData(Qt.ItemDataRole.UserRole, spec.id)
            action_item.setToolTip(QCoreApplication.translate("Actions", spec.description))
            self.table.setItem(row, COL_ACTION, action_item)
            self.table.setItem(row, COL_KEYS, QTableWidgetItem())
            menu = QCoreApplication.translate("Menus", MENU_TITLES[spec.menu]).replace("&", "")
            self.table.setItem(row, COL_MENU, QTableWidgetItem(menu))
        self.table.currentCellChanged.connect(lambda *_: self._selection_changed())
        self.table.activated.connect(lambda _index: self.key_edit.setFocus())  # Enter: press the new keys

        self.editing = QLabel(self)
        self.key_edit = QKeySequenceEdit(self)
        self.key_edit.setObjectName("keymap.keyEdit")
        self.key_edit.setMaximumSequenceLength(1)
        self.key_edit.setClearButtonEnabled(True)
        self.key_edit.keySequenceChanged.connect(lambda _sequence: self._show_conflict())
        self.key_edit.editingFinished.connect(self._key_recorded)
        self.set_button = QPushButton(self.tr("Set"), self)
        self.set_button.setToolTip(self.tr("Make this the only key of the action"))
        self.set_button.clicked.connect(lambda: self._assign(replace=True))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setToolTip(self.tr("Add this key beside the action's other keys"))
        self.add_button.clicked.connect(lambda: self._assign(replace=False))
        self.clear_button = QPushButton(self.tr("No key"), self)
        self.clear_button.clicked.connect(self._clear_keys)
        self.reset_button = QPushButton(self.tr("Reset"), self)
        self.reset_button.clicked.connect(self._reset_current)
        self.reset_all_button = QPushButton(self.tr("Reset all"), self)
        self.reset_all_button.clicked.connect(self._reset_all)
        self.conflict = QLabel(self)
        self.conflict.setObjectName("keymap.conflict")
        self.conflict.setWordWrap(True)

        editor_row = QHBoxLayout()
        editor_row.addWidget(self.editing)
        editor_row.addWidget(self.key_edit, 1)
        for button in (self.set_button, self.add_button, self.clear_button, self.reset_button):
            editor_row.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.reset_all_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addLayout(editor_row)
        layout.addWidget(self.conflict)
        layout.addWidget(buttons)
        self.resize(720, 560)
        self._refresh_keys()
        self.table.setCurrentCell(0, COL_ACTION)

    # reading the table
    def current_id(self) -> str | None:
        """The action of the selected row, if that row is shown."""
        row = self.table.currentRow()
        item = self.table.item(row, COL_ACTION)
        return None if item is None or self.table.isRowHidden(row) else item.data(Qt.ItemDataRole.UserRole)

    def row_of(self, action_id: str) -> int:
        return next((row for row, spec in enumerate(self._specs) if spec.id == action_id), -1)

    def select(self, action_id: str) -> None:
        self.table.setCurrentCell(self.row_of(action_id), COL_ACTION)

    def keys_shown(self, action_id: str) -> str:
        return self.table.item(self.row_of(action_id), COL_KEYS).text()

    # editing
    def _pending_key(self) -> str | None:
        sequence = self.key_edit.keySequence()
        text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        return text or None

    def _show_conflict(self) -> None:
        action_id, key = self.current_id(), self._pending_key()
        message = ""
        if action_id and key:
            other = self.keymap.conflicts(action_id, [key]).get(key)
            if other:
                other_label = label_of(next(s for s in self._specs if s.id == other)).replace("…", "")
                message = self.tr("%1 is used by “%2”. Assigning it here takes it away from there.")
                message = message.replace("%1", shown_keys((key,))).replace("%2", other_label)
        self.conflict.setText(message)
        self.conflict.setStyleSheet("color: #b3261e;" if message else "")
        self.set_button.setEnabled(bool(action_id and key))
        self.add_button.setEnabled(bool(action_id and key))
        self.clear_button.setEnabled(bool(action_id and self.keymap.keys_for(action_id)))
        self.reset_button.setEnabled(bool(action_id) and not self.keymap.is_default(action_id))

    def _key_recorded(self) -> None:
        """Keys pressed: Enter now sets them (the keyboard path: arrows, Enter, keys, Enter)."""
        if self._pending_key():
            self.set_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _assign(self, *, replace: bool) -> None:
        action_id, key = self.current_id(), self._pending_key()
        if not action_id or not key:
            return
        keys = [key] if replace else [*self.keymap.keys_for(action_id), key]
        self.keymap.rebind(action_id, keys, steal=True)  # the conflict was shown before the click
        self._after_change()
        self.key_edit.clear()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_keys(self) -> None:
        action_id = self.current_id()
        if action_id:
            self.keymap.rebind(action_id, [])
            self._after_change()

    def _reset_current(self) -> None:
        action_id = self.current_id()
        if action_id:
            self.keymap.reset(action_id)
            self._after_change()

    def _reset_all(self) -> None:
        self.keymap.reset_all()
        self._after_change()

    def _after_change(self) -> None:
        self.keymap.save()
        if self._actions is not None:
            apply_keymap(self._actions, self.keymap)
        self.changed = True
        self._refresh_keys()
        self._show_conflict()

    # display
    def _refresh_keys(self) -> None:
        for row, spec in enumerate(self._specs):
            item = self.table.item(row, COL_KEYS)
            item.setText(shown_keys(self.keymap.keys_for(spec.id)))
            font = QFont(item.font())
            font.setBold(not self.keymap.is_default(spec.id))  # the user's own bindings stand out
            for column in range(3):
                self.table.item(row, column).setFont(font)

    def _selection_changed(self) -> None:
        action_id = self.current_id()
        label = ""
        if action_id:
            label = label_of(next(s for s in self._specs if s.id == action_id)).replace("…", "")
        self.editing.setText(self.tr("Key for “%1”:").replace("%1", label) if label else "")
        self.key_edit.clear()
        self._show_conflict()

    def _apply_filter(self, text: str) -> None:
        """Hide the actions the words do not name; the selection never stays on a hidden row (the
        keys pressed next would go to an action no longer in sight): it moves to the first shown."""
        words = fold_chars(text).split()
        for row, spec in enumerate(self._specs):
            haystack = fold_chars(
                " ".join([label_of(spec), spec.label, spec.id, *self.keymap.keys_for(spec.id)])
            )
            self.table.setRowHidden(row, not all(word in haystack for word in words))
        current = self.table.currentRow()
        if current < 0 or self.table.isRowHidden(current):
            shown = next((row for row in range(self.table.rowCount()) if not self.table.isRowHidden(row)), -1)
            if shown >= 0:
                self.table.setCurrentCell(shown, COL_ACTION)
            else:
                self.table.setCurrentCell(-1, COL_ACTION)
                self.table.clearSelection()
            self._selection_changed()

    def done(self, result: int) -> None:
        """Closing by any means reports the changes (they are already saved)."""
        super().done(QDialog.DialogCode.Accepted.value if self.changed else result)
