"""The action specs (`reader.view.actions`) made into QActions: the keys of the user's keymap, each
spec's handler connected to the window, laid out in the menu bar."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from reader.ui.actions.keymap import Keymap
from reader.view.actions import CONTEXT, MENU_TITLES, MENUS, ActionSpec

log = logging.getLogger(__name__)


LRI, PDI = "\u2066", "\u2069"  # a key sequence isolated left to right inside an Arabic layout


def label_of(action_spec: ActionSpec) -> str:
    """The label in the user's language."""
    return QCoreApplication.translate(CONTEXT, action_spec.label)


def shown_keys(keys: Iterable[QKeySequence | str]) -> str:
    """Key sequences as the user reads them, each one isolated left to right, so in an Arabic
    layout `Alt+Down, F8` never reorders into `F8 ,Down+Alt` (key names in Qt's own words)."""
    native = (QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in keys)
    separator = QCoreApplication.translate("Keys", ", ")
    return separator.join(f"{LRI}{key}{PDI}" for key in native if key)


def action_label(action: QAction) -> str:
    """An action's label without the keys its menu entry shows after a tab."""
    return action.text().split("\t", 1)[0]


def _slot(action_spec: ActionSpec, window: object) -> Callable[..., None]:
    """The slot for `triggered(checked)`: a checkable action's handler gets the new state."""
    if action_spec.checkable:

        def run_checkable(checked: bool) -> None:
            action_spec.handler(window, checked)

        return run_checkable

    def run(_checked: bool = False) -> None:
        action_spec.handler(window)

    return run


def _label_and_tips(action: QAction, action_spec: ActionSpec) -> None:
    """Label, tooltip and status tip in the user's language; the menu entry shows the first key
    isolated (QMenu shows what follows a tab in the text as the key, and would lay a bare
    `Alt+Down` out right to left in an Arabic menu)."""
    label = label_of(action_spec)
    keys = action.shortcuts()
    action.setText(f"{label}\t{shown_keys(keys[:1])}" if keys else label)
    shown = shown_keys(keys)
    action.setToolTip(f"{label} ({shown})" if shown else label)
    action.setStatusTip(QCoreApplication.translate(CONTEXT, action_spec.description))


def apply_keymap(actions: Mapping[str, QAction], keymap: Keymap) -> None:
    """Give each QAction the keys the keymap now holds (after the user rebinds in the F1 dialog)."""
    for action_spec in keymap.specs:
        action = actions.get(action_spec.id)
        if action is not None:
            action.setShortcuts([QKeySequence(key) for key in keymap.keys_for(action_spec.id)])
            _label_and_tips(action, action_spec)


def create_actions(parent: QObject, window: object, keymap: Keymap) -> dict[str, QAction]:
    """One QAction per spec of the keymap, keyed by id, with the keymap's keys; triggering it calls the
    spec's handler on `window` (a checkable action's handler gets the new state last).

    A spec whose handler `window` does not have gives a disabled action. Window-scope actions are
    added to `parent` when it is a widget, so their keys work even where no menu shows them.
    """
    actions: dict[str, QAction] = {}
    for action_spec in keymap.specs:
        action = QAction(label_of(action_spec), parent)
        action.setObjectName(action_spec.id)
        action.setCheckable(action_spec.checkable)
        action.setShortcuts([QKeySequence(key) for key in keymap.keys_for(action_spec.id)])
        action.setShortcutVisibleInContextMenu(True)
        if action_spec.scope != "window":
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        elif isinstance(parent, QWidget):
            parent.addAction(action)
        _label_and_tips(action, action_spec)
        if action_spec.handler.target_of(window) is None:
            log.debug("%s has no %s: action %s disabled", type(window).__name__, action_spec.handler.method,
                      action_spec.id)  # fmt: skip
            action.setEnabled(False)
        else:
            action.triggered.connect(_slot(action_spec, window))
        actions[action_spec.id] = action
    return actions


def add_scoped_actions(
    actions: Mapping[str, QAction], specs: Iterable[ActionSpec], scope: str, widget: QWidget
) -> None:
    """Attach the actions of `scope` (e.g. "list") to the widget whose focus makes their keys work."""
    widget.addActions([actions[s.id] for s in specs if s.scope == scope and s.id in actions])


def populate_menus(
    menubar: QMenuBar, actions: Mapping[str, QAction], specs: Iterable[ActionSpec]
) -> dict[str, QMenu]:
    """Fill the menu bar in the order of `specs`, one menu per `spec.menu`, a separator between groups."""
    menus: dict[str, QMenu] = {}
    last_group: dict[str, str] = {}
    for name in MENUS:
        menus[name] = menubar.addMenu(QCoreApplication.translate("Menus", MENU_TITLES[name]))
        menus[name].setObjectName(f"menu.{name}")
    for action_spec in specs:
        action = actions.get(action_spec.id)
        if action is None:
            continue
        menu = menus[action_spec.menu]
        if last_group.get(action_spec.menu, action_spec.group) != action_spec.group:
            menu.addSeparator()
        last_group[action_spec.menu] = action_spec.group
        menu.addAction(action)
    return menus
