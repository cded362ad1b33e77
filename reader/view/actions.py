"""Every user action declared once, as data: id, label, default keys, menu (napari's actions, Meld's
accelerators.py). No Qt here: `reader.ui.actions.binding` turns the specs into QActions and menus,
and the palette (Ctrl+Shift+P) and the keymap dialog (F1) read the same specs, so a new action shows
up everywhere by being added here.
"""

from __future__ import annotations

from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the marker pyside6-lupdate collects
    """Mark `text` for translation in `context`; it is translated where it is shown."""
    return text


CONTEXT = "Actions"  # translation context of the labels below
MENUS = ("File", "Edit", "View", "Go", "Matching", "Help")
MENU_TITLES = {
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

ACTIONS_BY_ID = {action.id: action for action in ACTIONS}


def spec(action_id: str) -> ActionSpec:
    """The spec of an id (KeyError for an unknown one)."""
    return ACTIONS_BY_ID[action_id]
