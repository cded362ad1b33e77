"""The command palette: ranking as a pure function, and the dialog driven from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMainWindow
from ui_fakes import Recorder

from reader.ui.actions.binding import LRI, PDI, create_actions
from reader.ui.actions.keymap import Keymap
from reader.ui.actions.palette import CommandPalette
from reader.view.actions import ACTIONS
from reader.view.command_search import PaletteEntry

ENTRIES = [PaletteEntry(s.id, s.label, s.label) for s in ACTIONS]


@pytest.fixture
def window_with_actions(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(900, 600)
    target = Recorder(missing=("about",))
    keymap = Keymap(ACTIONS, QSettings(str(tmp_path / "k.ini"), QSettings.Format.IniFormat))
    actions = create_actions(window, target, keymap)
    triggered = target.calls
    window.show()
    return window, actions, triggered


def test_typing_swap_and_enter_triggers_the_swap_action(qtbot, window_with_actions):
    window, actions, triggered = window_with_actions
    palette = CommandPalette(actions, window)
    palette.popup()
    qtbot.waitExposed(palette)
    qtbot.keyClicks(palette.query, "swap")
    assert palette.current_id() == "pair.swap"
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert triggered == [("swap_sides", ())]
    assert not palette.isVisible()


def test_arrows_move_escape_closes_and_keys_are_shown(qtbot, window_with_actions):
    window, actions, triggered = window_with_actions
    palette = CommandPalette(actions, window)
    palette.popup()
    qtbot.waitExposed(palette)
    qtbot.keyClicks(palette.query, "zoom")
    assert palette.shown_ids()[:3] == ["zoom.in", "zoom.out", "zoom.reset"]
    keys = palette.list.topLevelItem(0).text(1)
    assert keys == f"{LRI}Ctrl+={PDI}, {LRI}Ctrl++{PDI}"
    qtbot.keyClick(palette.query, Qt.Key.Key_Down)
    qtbot.keyClick(palette.query, Qt.Key.Key_Down)
    assert palette.current_id() == "zoom.reset"
    qtbot.keyClick(palette.query, Qt.Key.Key_Up)
    qtbot.keyClick(palette.query, Qt.Key.Key_Enter)
    assert triggered == [("zoom_by", (-1,))]

    palette.open()  # as the window opens it: reset each time
    assert palette.query.text() == "" and len(palette.shown_ids()) == len(ACTIONS)
    qtbot.keyClick(palette.query, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert triggered == [("zoom_by", (-1,))]


def test_disabled_actions_are_listed_but_not_run(qtbot, window_with_actions):
    window, actions, triggered = window_with_actions
    palette = CommandPalette(actions, window)
    palette.popup()
    qtbot.keyClicks(palette.query, "about")
    assert palette.shown_ids() == ["help.about"]  # no handler: disabled
    assert palette.current_id() is None
    qtbot.keyClick(palette.query, Qt.Key.Key_Return)
    assert triggered == [] and palette.isVisible()


def test_checked_state_is_shown_and_a_plain_action_list_works(qtbot, window_with_actions):
    window, actions, _triggered = window_with_actions
    actions["matching.diacritics"].setChecked(True)
    palette = CommandPalette(list(actions.values()), window)  # ids come from objectName
    palette.popup()
    qtbot.keyClicks(palette.query, "diacritics")
    assert palette.shown_ids()[0] == "matching.diacritics"
    assert palette.list.topLevelItem(0).text(0).startswith("✓")


def test_clicking_elsewhere_closes_the_palette(qtbot, window_with_actions):
    window, actions, triggered = window_with_actions
    palette = CommandPalette(actions, window)
    with qtbot.waitActive(palette):
        palette.popup()
    window.activateWindow()
    qtbot.waitUntil(lambda: not palette.isVisible())
    assert triggered == []
