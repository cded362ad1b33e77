"""Every user action declared once, as data: id, label, default keys, menu (napari's actions, Meld's
accelerators.py). No Qt here: `reader.ui.actions.binding` turns the specs into QActions and menus,
and the palette (Ctrl+Shift+P) and the keymap dialog (F1) read the same specs, so a new action shows
up everywhere by being added here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.text.translation import QT_TRANSLATE_NOOP

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
class Call:
    """What an action does: call `method` of the window (a dotted path such as "view.step_passage")
    with `args`; a checkable action's new state is passed last."""

    method: str
    args: tuple[object, ...] = ()

    def target_of(self, window: object) -> Callable[..., object] | None:
        """The bound method this call reaches from `window`, or None if there is none."""
        found: object = window
        for name in self.method.split("."):
            found = getattr(found, name, None)
            if found is None:
                return None
        return found if callable(found) else None

    def __call__(self, window: object, *state: object) -> object:
        method = self.target_of(window)
        if method is None:
            raise AttributeError(f"{type(window).__name__} has no {self.method}")
        return method(*self.args, *state)


@dataclass(frozen=True)
class ActionSpec:
    """One action. `id` is stable (settings use it); `label` is English, translated on use; `handler`
    is what triggering it calls on the window.

    `scope` is "window" for shortcuts that work anywhere in the window, or the name of a widget role
    ("list") whose shortcut only works while that widget has focus (Ctrl+V pastes an article only in
    the list, so the filter box keeps its own paste).
    """

    id: str
    label: str
    default_keys: tuple[str, ...]
    menu: str
    description: str
    handler: Call
    checkable: bool = False
    scope: str = "window"

    @property
    def group(self) -> str:
        """The id's first part: menus put a separator between groups."""
        return self.id.split(".", 1)[0]


def _a(
    id: str,
    label: str,
    keys: list[str],
    menu: str,
    description: str,
    method: str,
    *args: object,
    **extra: object,
) -> ActionSpec:
    return ActionSpec(id, label, tuple(keys), menu, description, Call(method, args), **extra)


# Each row: id, label, default keys, menu, description, then the window's method and its arguments.
# fmt: off
ACTIONS: tuple[ActionSpec, ...] = (
    # File
    _a("file.import_files", QT_TRANSLATE_NOOP("Actions", "Import files…"), ["Ctrl+O"], "File",
       QT_TRANSLATE_NOOP("Actions", "Add text or HTML files to the library"), "import_files"),
    _a("file.import_folder", QT_TRANSLATE_NOOP("Actions", "Import folder…"), ["Ctrl+Shift+O"], "File",
       QT_TRANSLATE_NOOP("Actions", "Add every article file in a folder to the library"), "import_folder"),
    _a("file.paste", QT_TRANSLATE_NOOP("Actions", "Paste article"), ["Ctrl+V"], "File",
       QT_TRANSLATE_NOOP("Actions", "Add the text on the clipboard to the library as a new article"),
       "paste_article", scope="list"),
    _a("file.add_feed", QT_TRANSLATE_NOOP("Actions", "Add feed…"), [], "File",
       QT_TRANSLATE_NOOP("Actions", "Import the entries of an RSS or Atom feed from its address"),
       "stories.add_feed"),
    _a("file.edit_metadata", QT_TRANSLATE_NOOP("Actions", "Edit title, source and date…"), ["F2"], "File",
       QT_TRANSLATE_NOOP("Actions", "Change the metadata of the selected article"), "edit_metadata"),
    _a("article.removed_lines", QT_TRANSLATE_NOOP("Actions", "Removed lines…"), ["Ctrl+Shift+R"], "File",
       QT_TRANSLATE_NOOP("Actions", "The lines cleaning removed from the selected article, to restore"),
       "show_removed_lines"),
    _a("file.export", QT_TRANSLATE_NOOP("Actions", "Export comparison…"), ["Ctrl+E"], "File",
       QT_TRANSLATE_NOOP("Actions", "Save the comparison with its facts as an HTML page or a PDF"),
       "reports.export"),
    _a("file.print", QT_TRANSLATE_NOOP("Actions", "Print comparison…"), ["Ctrl+P"], "File",
       QT_TRANSLATE_NOOP("Actions", "Print the comparison with its facts"), "reports.print_"),
    _a("app.quit", QT_TRANSLATE_NOOP("Actions", "Quit"), ["Ctrl+Q"], "File",
       QT_TRANSLATE_NOOP("Actions", "Close Qarin"), "close"),
    # Edit
    _a("find.open", QT_TRANSLATE_NOOP("Actions", "Find in text…"), ["Ctrl+F"], "Edit",
       QT_TRANSLATE_NOOP("Actions", "Find words in the panes, ignoring harakat and hamza forms"), "find",
       "open"),
    _a("find.next", QT_TRANSLATE_NOOP("Actions", "Find next"), ["F3"], "Edit",
       QT_TRANSLATE_NOOP("Actions", "Go to the next hit"), "find", "next"),
    _a("find.previous", QT_TRANSLATE_NOOP("Actions", "Find previous"), ["Shift+F3"], "Edit",
       QT_TRANSLATE_NOOP("Actions", "Go to the previous hit"), "find", "previous"),
    _a("find.both", QT_TRANSLATE_NOOP("Actions", "Find in both panes"), ["Alt+B"], "Edit",
       QT_TRANSLATE_NOOP("Actions", "Search the left and the right pane, or only the focused one"),
       "set_find_both", checkable=True),
    _a("list.filter", QT_TRANSLATE_NOOP("Actions", "Filter the article list"), ["Ctrl+L"], "Edit",
       QT_TRANSLATE_NOOP("Actions", "Type to narrow the list by title, source or text"), "focus_filter"),
    # View
    _a("pair.swap", QT_TRANSLATE_NOOP("Actions", "Swap sides"), ["Ctrl+Shift+S"], "View",
       QT_TRANSLATE_NOOP("Actions", "Exchange the left and right articles"), "swap_sides"),
    _a("view.list", QT_TRANSLATE_NOOP("Actions", "Show the article list"), ["Ctrl+B"], "View",
       QT_TRANSLATE_NOOP("Actions", "Show or put away the list of articles beside the panes"),
       "toggle_panel", "list", checkable=True),
    _a("view.story_mode", QT_TRANSLATE_NOOP("Actions", "Stories in the list"), ["Ctrl+Shift+L"], "View",
       QT_TRANSLATE_NOOP("Actions", "The library's stories (reports of one story together) or its articles"),
       "set_list_mode", checkable=True),
    _a("view.facts", QT_TRANSLATE_NOOP("Actions", "Show the facts panel"), ["Ctrl+Shift+B"], "View",
       QT_TRANSLATE_NOOP("Actions", "Show or put away the facts the two articles state"), "toggle_panel",
       "facts", checkable=True),
    _a("focus.list", QT_TRANSLATE_NOOP("Actions", "Focus the article list"), ["Ctrl+1"], "View",
       QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the list of articles"), "focus_list"),
    _a("focus.left", QT_TRANSLATE_NOOP("Actions", "Focus the left pane"), ["Ctrl+2"], "View",
       QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the left reading pane"), "focus_pane", "a"),
    _a("focus.right", QT_TRANSLATE_NOOP("Actions", "Focus the right pane"), ["Ctrl+3"], "View",
       QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the right reading pane"), "focus_pane", "b"),
    _a("focus.facts", QT_TRANSLATE_NOOP("Actions", "Focus the facts panel"), ["Ctrl+4"], "View",
       QT_TRANSLATE_NOOP("Actions", "Move the keyboard focus to the facts the two articles state"),
       "facts_panel.focus"),
    _a("zoom.in", QT_TRANSLATE_NOOP("Actions", "Zoom in"), ["Ctrl+=", "Ctrl++"], "View",
       QT_TRANSLATE_NOOP("Actions", "Larger text"), "zoom_by", 1),
    _a("zoom.out", QT_TRANSLATE_NOOP("Actions", "Zoom out"), ["Ctrl+-"], "View",
       QT_TRANSLATE_NOOP("Actions", "Smaller text"), "zoom_by", -1),
    _a("zoom.reset", QT_TRANSLATE_NOOP("Actions", "Reset zoom"), ["Ctrl+0"], "View",
       QT_TRANSLATE_NOOP("Actions", "Text at its normal size"), "set_zoom", 0),
    _a("view.arabic_digits", QT_TRANSLATE_NOOP("Actions", "Arabic-Indic digits"), ["Ctrl+Shift+N"], "View",
       QT_TRANSLATE_NOOP("Actions", "Counts, shares and dates in Arabic-Indic rather than Latin digits"),
       "set_digits", checkable=True),
    _a("view.hidden_characters", QT_TRANSLATE_NOOP("Actions", "Show hidden characters"), ["Ctrl+Shift+H"],
       "View",
       QT_TRANSLATE_NOOP("Actions", "Bidi controls and zero-width characters shown as signs (on at start)"),
       "show_hidden", checkable=True),
    _a("stories.open", QT_TRANSLATE_NOOP("Actions", "Stories…"), ["Ctrl+Shift+G"], "View",
       QT_TRANSLATE_NOOP("Actions", "The stories of the library: what each report took, added, dropped"),
       "stories.open_stories"),
    _a("stories.similar", QT_TRANSLATE_NOOP("Actions", "Articles sharing text with this one…"),
       ["Ctrl+Shift+K"], "View",
       QT_TRANSLATE_NOOP("Actions", "The articles sharing text with the selected one, and how much"),
       "stories.open_similar"),
    # Go
    _a("diff.next", QT_TRANSLATE_NOOP("Actions", "Next difference"), ["Alt+Down", "F8"], "Go",
       QT_TRANSLATE_NOOP("Actions", "Go to the next changed or one-sided stretch"),
       "view.step_difference", True),
    _a("diff.previous", QT_TRANSLATE_NOOP("Actions", "Previous difference"), ["Alt+Up", "F7"], "Go",
       QT_TRANSLATE_NOOP("Actions", "Go to the previous changed or one-sided stretch"),
       "view.step_difference", False),
    _a("passage.next", QT_TRANSLATE_NOOP("Actions", "Next passage link"), ["Alt+PgDown"], "Go",
       QT_TRANSLATE_NOOP("Actions", "Select the next shared passage and show its counterpart"),
       "view.step_passage", True),
    _a("passage.previous", QT_TRANSLATE_NOOP("Actions", "Previous passage link"), ["Alt+PgUp"], "Go",
       QT_TRANSLATE_NOOP("Actions", "Select the previous shared passage and show its counterpart"),
       "view.step_passage", False),
    _a("passage.counterpart", QT_TRANSLATE_NOOP("Actions", "Jump to counterpart"), ["Ctrl+J"], "Go",
       QT_TRANSLATE_NOOP("Actions", "To the passage in the other pane matching the one at the cursor"),
       "view.jump_to_counterpart"),
    _a("facts.next", QT_TRANSLATE_NOOP("Actions", "Next fact that differs"), ["Alt+Shift+Down"], "Go",
       QT_TRANSLATE_NOOP("Actions", "The next number, date, name or quote the articles state differently"),
       "facts_panel.step", True),
    _a("facts.previous", QT_TRANSLATE_NOOP("Actions", "Previous fact that differs"), ["Alt+Shift+Up"], "Go",
       QT_TRANSLATE_NOOP("Actions", "Show the previous fact the two articles state differently"),
       "facts_panel.step", False),
    _a("article.next", QT_TRANSLATE_NOOP("Actions", "Next article in the list"), ["Ctrl+PgDown"], "Go",
       QT_TRANSLATE_NOOP("Actions", "The next article of the list into the right pane, against the left one"),
       "step_article", 1),
    _a("article.previous", QT_TRANSLATE_NOOP("Actions", "Previous article in the list"), ["Ctrl+PgUp"],
       "Go",
       QT_TRANSLATE_NOOP("Actions", "The previous article of the list into the right pane, against the left"),
       "step_article", -1),
    _a("article.to_left", QT_TRANSLATE_NOOP("Actions", "Show selected article on the left"), ["Alt+Left"],
       "Go", QT_TRANSLATE_NOOP("Actions", "Put the article selected in the list into the left pane"),
       "selected_to", "a"),
    _a("article.to_right", QT_TRANSLATE_NOOP("Actions", "Show selected article on the right"), ["Alt+Right"],
       "Go", QT_TRANSLATE_NOOP("Actions", "Put the article selected in the list into the right pane"),
       "selected_to", "b"),
    # Matching: the argument names the NormalizeOptions field
    _a("matching.diacritics", QT_TRANSLATE_NOOP("Actions", "Ignore diacritics"), ["Ctrl+Shift+D"], "Matching",
       QT_TRANSLATE_NOOP("Actions", "Words that differ only in harakat count as the same"), "set_option",
       "diacritics", checkable=True),
    _a("matching.hamza", QT_TRANSLATE_NOOP("Actions", "Ignore hamza and alef forms"), ["Ctrl+Shift+A"],
       "Matching", QT_TRANSLATE_NOOP("Actions", "أ إ آ ا, ؤ و and ئ ي count as the same letter"),
       "set_option", "hamza", checkable=True),
    _a("matching.punctuation", QT_TRANSLATE_NOOP("Actions", "Ignore punctuation style"), ["Ctrl+Shift+T"],
       "Matching",
       QT_TRANSLATE_NOOP("Actions", "Arabic and Latin commas, question marks and quotes count as the same"),
       "set_option", "punctuation", checkable=True),
    _a("matching.clitics", QT_TRANSLATE_NOOP("Actions", "Ignore attached prefixes"), ["Ctrl+Shift+C"],
       "Matching",
       QT_TRANSLATE_NOOP("Actions", "و ف ب ل ال before a word are ignored, so وقال matches قال"),
       "set_option", "clitics", checkable=True),
    _a("matching.min_length", QT_TRANSLATE_NOOP("Actions", "Minimum passage length…"), ["Ctrl+Shift+M"],
       "Matching", QT_TRANSLATE_NOOP("Actions", "How many words a shared passage needs at least"),
       "choose_min_length"),
    # Help
    _a("help.palette", QT_TRANSLATE_NOOP("Actions", "Command palette…"), ["Ctrl+Shift+P"], "Help",
       QT_TRANSLATE_NOOP("Actions", "Find any action by name and run it"), "open_palette"),
    _a("help.keymap", QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts…"), ["F1"], "Help",
       QT_TRANSLATE_NOOP("Actions", "Show and change the keys of every action"), "open_keymap"),
    _a("help.about", QT_TRANSLATE_NOOP("Actions", "About Qarin"), [], "Help",
       QT_TRANSLATE_NOOP("Actions", "Version and licences"), "about"),
)
# fmt: on

# matching action id -> the NormalizeOptions field it switches
MATCHING_FIELDS = {spec.id: spec.handler.args[0] for spec in ACTIONS if spec.handler.method == "set_option"}
# what each matching rule ignores, as the status line names a rule switched away from its default
RULE_NAMES = {
    "diacritics": QT_TRANSLATE_NOOP("Rules", "diacritics"),
    "hamza": QT_TRANSLATE_NOOP("Rules", "hamza and alef forms"),
    "punctuation": QT_TRANSLATE_NOOP("Rules", "punctuation style"),
    "clitics": QT_TRANSLATE_NOOP("Rules", "attached prefixes"),
}

ACTIONS_BY_ID = {action.id: action for action in ACTIONS}


def spec(action_id: str) -> ActionSpec:
    """The spec of an id (KeyError for an unknown one)."""
    return ACTIONS_BY_ID[action_id]
