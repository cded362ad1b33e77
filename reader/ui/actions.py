"""Every user action declared once, as data: id, label, default keys, menu.

The pattern of napari's actions and Meld's accelerators.py.

The window supplies one handler per id; `create_actions` turns the specs into QActions with the keys
of the user's keymap, and `populate_menus` lays them out in the menu bar. The palette (Ctrl+Shift+P)
and the keymap dialog (F1) read the same specs, so a new action shows up everywhere by being added here.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from reader.ui.keymap import KeyConflict, Keymap, normalize_key

__all__ = [
    "ACTIONS",
    "MENUS",
    "ActionSpec",
    "KeyConflict",
    "Keymap",
    "add_scoped_actions",
    "apply_keymap",
    "arrow_step",
    "create_actions",
    "label_of",
    "logical_arrow",
    "normalize_key",
    "populate_menus",
    "spec",
]

log = logging.getLogger(__name__)

CONTEXT = "Actions"  # translation context of the labels below
MENUS = ("File", "Edit", "View", "Go", "Matching", "Help")
_MENU_TITLES = {
    "File": QT_TRANSLATE_NOOP("Menus", "&File"),
    "Edit": QT_TRANSLATE_NOOP("Menus", "&Edit"),
    "View": QT_TRANSLATE_NOOP("Menus", "&View"),
    "Go": QT_TRANSLATE_NOOP("Menus", "&Go"),
    "Matching": QT_TRANSLATE_NOOP("Menus", "&Matching"),
    "Help": QT_TRANSLATE_NOOP("Menus", "&Help"),
}


@dataclass(frozen=True)
class ActionSpec:
    """One action. `id` is stable (settings and handlers use it); `label` is English, translated on use.

    `scope` is "window" for shortcuts that work anywhere in the window, or the name of a widget role
    ("list") whose shortcut only works while that widget has focus (Ctrl+V pastes an article only in
    the list, so the filter box keeps its own paste).
    """

    id: str
    label: str
    default_keys: tuple[str, ...]
    menu: str
    description: str
    checkable: bool = False
    scope: str = "window"

    @property
    def group(self) -> str:
        """The id's first part: menus put a separator between groups."""
        return self.id.split(".", 1)[0]


def _a(id, label, keys, menu, description, **extra) -> ActionSpec:  # noqa: ANN001 - table shorthand
    return ActionSpec(id, label, tuple(keys), menu, description, **extra)


# fmt: off
ACTIONS: tuple[ActionSpec, ...] = (
    # File
    _a("file.import_files", QT_TRANSLATE_NOOP("Actions", "Import files…"), ["Ctrl+O"], "File",
       "Add text or HTML files to the library"),
    _a("file.import_folder", QT_TRANSLATE_NOOP("Actions", "Import folder…"), ["Ctrl+Shift+O"], "File",
       "Add every article file in a folder to the library"),
    _a("file.paste", QT_TRANSLATE_NOOP("Actions", "Paste article"), ["Ctrl+V"], "File",
       "Add the text on the clipboard to the library as a new article", scope="list"),
    _a("file.edit_metadata", QT_TRANSLATE_NOOP("Actions", "Edit title, source and date…"), ["F2"], "File",
       "Change the metadata of the selected article"),
    _a("article.removed_lines", QT_TRANSLATE_NOOP("Actions", "Removed lines…"), ["Ctrl+Shift+R"], "File",
       "Show the lines cleaning removed from the selected article and restore them"),
    _a("app.quit", QT_TRANSLATE_NOOP("Actions", "Quit"), ["Ctrl+Q"], "File", "Close Qarin"),
    # Edit
    _a("find.open", QT_TRANSLATE_NOOP("Actions", "Find in text…"), ["Ctrl+F"], "Edit",
       "Find words in the focused pane, ignoring harakat and hamza forms"),
    _a("find.next", QT_TRANSLATE_NOOP("Actions", "Find next"), ["F3"], "Edit", "Go to the next hit"),
    _a("find.previous", QT_TRANSLATE_NOOP("Actions", "Find previous"), ["Shift+F3"], "Edit",
       "Go to the previous hit"),
    _a("list.filter", QT_TRANSLATE_NOOP("Actions", "Filter the article list"), ["Ctrl+L"], "Edit",
       "Type to narrow the list by title, source or text"),
    # View
    _a("pair.swap", QT_TRANSLATE_NOOP("Actions", "Swap sides"), ["Ctrl+Shift+S"], "View",
       "Exchange the left and right articles"),
    _a("focus.list", QT_TRANSLATE_NOOP("Actions", "Focus the article list"), ["Ctrl+1"], "View",
       "Move the keyboard focus to the list of articles"),
    _a("focus.left", QT_TRANSLATE_NOOP("Actions", "Focus the left pane"), ["Ctrl+2"], "View",
       "Move the keyboard focus to the left reading pane"),
    _a("focus.right", QT_TRANSLATE_NOOP("Actions", "Focus the right pane"), ["Ctrl+3"], "View",
       "Move the keyboard focus to the right reading pane"),
    _a("zoom.in", QT_TRANSLATE_NOOP("Actions", "Zoom in"), ["Ctrl+=", "Ctrl++"], "View", "Larger text"),
    _a("zoom.out", QT_TRANSLATE_NOOP("Actions", "Zoom out"), ["Ctrl+-"], "View", "Smaller text"),
    _a("zoom.reset", QT_TRANSLATE_NOOP("Actions", "Reset zoom"), ["Ctrl+0"], "View",
       "Text at its normal size"),
    _a("view.hidden_characters", QT_TRANSLATE_NOOP("Actions", "Show hidden characters"), ["Ctrl+Shift+H"],
       "View", "Show bidi control and zero-width characters as visible signs (on from the start)",
       checkable=True),
    # Go
    _a("diff.next", QT_TRANSLATE_NOOP("Actions", "Next difference"), ["Alt+Down", "F8"], "Go",
       "Go to the next changed or one-sided stretch"),
    _a("diff.previous", QT_TRANSLATE_NOOP("Actions", "Previous difference"), ["Alt+Up", "F7"], "Go",
       "Go to the previous changed or one-sided stretch"),
    _a("passage.next", QT_TRANSLATE_NOOP("Actions", "Next passage link"), ["Alt+PgDown"], "Go",
       "Select the next shared passage and show its counterpart"),
    _a("passage.previous", QT_TRANSLATE_NOOP("Actions", "Previous passage link"), ["Alt+PgUp"], "Go",
       "Select the previous shared passage and show its counterpart"),
    _a("passage.counterpart", QT_TRANSLATE_NOOP("Actions", "Jump to counterpart"), ["Ctrl+J"], "Go",
       "Move to the passage in the other pane that matches the one at the cursor"),
    _a("article.next", QT_TRANSLATE_NOOP("Actions", "Next article in the list"), ["Ctrl+PgDown"], "Go",
       "Select the next article of the list"),
    _a("article.previous", QT_TRANSLATE_NOOP("Actions", "Previous article in the list"), ["Ctrl+PgUp"], "Go",
       "Select the previous article of the list"),
    _a("article.to_left", QT_TRANSLATE_NOOP("Actions", "Show selected article on the left"), ["Alt+Left"],
       "Go", "Put the article selected in the list into the left pane"),
    _a("article.to_right", QT_TRANSLATE_NOOP("Actions", "Show selected article on the right"), ["Alt+Right"],
       "Go", "Put the article selected in the list into the right pane"),
    # Matching
    _a("matching.diacritics", QT_TRANSLATE_NOOP("Actions", "Ignore diacritics"), ["Ctrl+Shift+D"],
       "Matching", "Words that differ only in harakat count as the same", checkable=True),
    _a("matching.hamza", QT_TRANSLATE_NOOP("Actions", "Ignore hamza and alef forms"), ["Ctrl+Shift+A"],
       "Matching", "أ إ آ ا, ؤ و and ئ ي count as the same letter", checkable=True),
    _a("matching.punctuation", QT_TRANSLATE_NOOP("Actions", "Ignore punctuation style"), ["Ctrl+Shift+T"],
       "Matching", "Arabic and Latin commas, question marks and quotes count as the same", checkable=True),
    _a("matching.clitics", QT_TRANSLATE_NOOP("Actions", "Ignore attached prefixes"), ["Ctrl+Shift+C"],
       "Matching", "و ف ب ل ال before a word are ignored, so وقال matches قال", checkable=True),
    _a("matching.min_length", QT_TRANSLATE_NOOP("Actions", "Minimum passage length…"), ["Ctrl+Shift+M"],
       "Matching", "How many words a shared passage needs at least"),
    # Help
    _a("help.palette", QT_TRANSLATE_NOOP("Actions", "Command palette…"), ["Ctrl+Shift+P"], "Help",
       "Find any action by name and run it"),
    _a("help.keymap", QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts…"), ["F1"], "Help",
       "Show and change the keys of every action"),
    _a("help.about", QT_TRANSLATE_NOOP("Actions", "About Qarin"), [], "Help", "Version and licences"),
)
# fmt: on

_BY_ID = {action.id: action for action in ACTIONS}


def spec(action_id: str) -> ActionSpec:
    """The spec of an id (KeyError for an unknown one)."""
    return _BY_ID[action_id]


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
        if action_id not in _BY_ID:  # an action the window made itself: not in the keymap
            continue
        action.setShortcuts([QKeySequence(key) for key in keymap.keys_for(action_id)])
        _tooltip(action, _BY_ID[action_id])


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
        menus[name] = menubar.addMenu(QCoreApplication.translate("Menus", _MENU_TITLES[name]))
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


def specs_in(ids: Iterable[str]) -> list[ActionSpec]:
    """The specs of `ids`, in ACTIONS order (for the palette and the keymap dialog)."""
    wanted = set(ids)
    return [action_spec for action_spec in ACTIONS if action_spec.id in wanted]
