"""The action specs (`reader.view.actions`) made into QActions: the keys of the user's keymap, the
window's handler connected, laid out in the menu bar."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from reader.ui.actions.keymap import Keymap
from reader.view.actions import ACTIONS, ACTIONS_BY_ID, CONTEXT, MENU_TITLES, MENUS, ActionSpec

log = logging.getLogger(__name__)


def label_of(action_spec: ActionSpec) -> str:
    """The label in the user's language."""
    return QCoreApplication.translate(CONTEXT, action_spec.label)


def logical_arrow(key: int | Qt.Key, direction: Qt.LayoutDirection) -> Qt.Key:
    """Left/Right as a left-to-right reader means them: in a right-to-left layout Left is "forward".

    Code that treats Right as next and Left as previous calls this first, so the arrows follow the
    reading direction of an Arabic layout.
    """
    key = Qt.Key(key)
    if direction == Qt.LayoutDirection.RightToLeft:
        if key == Qt.Key.Key_Left:
            return Qt.Key.Key_Right
        if key == Qt.Key.Key_Right:
            return Qt.Key.Key_Left
    return key


def arrow_step(key: int | Qt.Key, direction: Qt.LayoutDirection) -> int:
    """+1 for an arrow that points forward in reading order, -1 for backward, 0 for any other key."""
    logical = logical_arrow(key, direction)
    if logical == Qt.Key.Key_Right:
        return 1
    if logical == Qt.Key.Key_Left:
        return -1
    return 0


Handlers = Mapping[str, Callable[..., object]] | Callable[[str], Callable[..., object] | None]


def _handler_for(handlers: Handlers, action_id: str) -> Callable[..., object] | None:
    if callable(handlers) and not isinstance(handlers, Mapping):
        return handlers(action_id)
    return handlers.get(action_id)


def _takes_checked(handler: Callable[..., object]) -> bool:
    try:
        inspect.signature(handler).bind(True)
    except TypeError:
        return False
    except ValueError:  # no signature (a builtin such as list.append): assume it takes the state
        return True
    return True


def _connect(action: QAction, handler: Callable[..., object], checkable: bool) -> None:
    """Call `handler()`; a checkable action's handler gets the new state if it takes an argument."""
    if checkable and _takes_checked(handler):
        action.triggered.connect(lambda checked: handler(checked))
    else:
        action.triggered.connect(lambda _checked=False: handler())


def _tooltip(action: QAction, action_spec: ActionSpec) -> None:
    description = QCoreApplication.translate(CONTEXT, action_spec.description)
    keys = action.shortcuts()
    shown = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)
    action.setToolTip(f"{action.text()} ({shown})" if shown else action.text())
    action.setStatusTip(description)


def apply_keymap(actions: Mapping[str, QAction], keymap: Keymap) -> None:
    """Give each QAction the keys the keymap now holds (after the user rebinds in the F1 dialog)."""
    for action_id, action in actions.items():
        if action_id not in ACTIONS_BY_ID:  # an action the window made itself: not in the keymap
            continue
        action.setShortcuts([QKeySequence(key) for key in keymap.keys_for(action_id)])
        _tooltip(action, ACTIONS_BY_ID[action_id])


def create_actions(parent: QObject, handlers: Handlers, keymap: Keymap | None = None) -> dict[str, QAction]:
    """One QAction per spec, keyed by id, with the keymap's keys and the handler connected.

    `handlers` maps ids to callables (or is a function from id to callable), called on `triggered`:
    with no argument, except that a checkable action's handler that takes one gets the new state.
    An id without a handler gives a disabled action. Window-scope actions
    are added to `parent` when it is a widget, so their keys work even where no menu shows them.
    """
    keymap = keymap if keymap is not None else Keymap()
    actions: dict[str, QAction] = {}
    for action_spec in ACTIONS:
        action = QAction(label_of(action_spec), parent)
        action.setObjectName(action_spec.id)
        action.setData(action_spec.id)
        action.setCheckable(action_spec.checkable)
        action.setShortcuts([QKeySequence(key) for key in keymap.keys_for(action_spec.id)])
        action.setShortcutVisibleInContextMenu(True)
        if action_spec.scope != "window":
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        elif isinstance(parent, QWidget):
            parent.addAction(action)
        _tooltip(action, action_spec)
        handler = _handler_for(handlers, action_spec.id)
        if handler is None:
            log.debug("no handler for action %s: disabled", action_spec.id)
            action.setEnabled(False)
        else:
            _connect(action, handler, action_spec.checkable)
        actions[action_spec.id] = action
    return actions


def add_scoped_actions(actions: Mapping[str, QAction], scope: str, widget: QWidget) -> None:
    """Attach the actions of `scope` (e.g. "list") to the widget whose focus makes their keys work."""
    widget.addActions([actions[s.id] for s in ACTIONS if s.scope == scope and s.id in actions])


def populate_menus(menubar: QMenuBar, actions: Mapping[str, QAction]) -> dict[str, QMenu]:
    """Fill the menu bar in ACTIONS order, one menu per `spec.menu`, a separator between id groups."""
    menus: dict[str, QMenu] = {}
    last_group: dict[str, str] = {}
    for name in MENUS:
        menus[name] = menubar.addMenu(QCoreApplication.translate("Menus", MENU_TITLES[name]))
        menus[name].setObjectName(f"menu.{name}")
    for action_spec in ACTIONS:
        action = actions.get(action_spec.id)
        if action is None:
            continue
        menu = menus[action_spec.menu]
        if last_group.get(action_spec.menu, action_spec.group) != action_spec.group:
            menu.addSeparator()
        last_group[action_spec.menu] = action_spec.group
        menu.addAction(action)
    return menus
