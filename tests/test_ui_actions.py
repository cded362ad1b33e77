"""The actions as data, the keymap with user rebinding in QSettings, and the mirrored arrows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QLineEdit, QMainWindow
from ui_fakes import Recorder

from reader.ui.actions.binding import create_actions, populate_menus
from reader.ui.actions.keymap import KeyConflict, Keymap
from reader.view.actions import ACTIONS, MENUS, spec

REQUIRED_IDS = {
    "diff.next", "diff.previous", "passage.next", "passage.previous", "article.next", "article.previous",
    "article.to_left", "article.to_right", "pair.swap", "focus.list", "focus.left", "focus.right",
    "list.filter", "find.open", "find.next", "find.previous", "zoom.in", "zoom.out", "zoom.reset",
    "matching.diacritics", "matching.hamza", "matching.punctuation", "matching.clitics",
    "matching.min_length", "help.palette", "help.keymap", "file.import_files", "file.import_folder",
    "file.paste", "file.edit_metadata", "view.hidden_characters", "app.quit", "help.about",
}  # fmt: skip


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "keys.ini"), QSettings.Format.IniFormat)


def portable(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


def test_every_spec_is_complete_and_ids_are_unique():
    ids = [s.id for s in ACTIONS]
    assert len(ids) == len(set(ids))
    assert REQUIRED_IDS <= set(ids)
    for s in ACTIONS:
        assert s.id and "." in s.id and s.id == s.id.strip()
        assert s.label.strip() and s.description.strip()
        assert s.menu in MENUS
        for key in s.default_keys:
            assert portable(key), f"{s.id}: Qt cannot read {key!r}"


def test_no_two_actions_share_a_default_key():
    owner: dict[str, str] = {}
    for s in ACTIONS:
        for key in s.default_keys:
            key = portable(key)
            assert key not in owner, f"{key} is bound to {owner.get(key)} and {s.id}"
            owner[key] = s.id


def test_the_conventional_keys_are_the_defaults():
    assert spec("diff.next").default_keys == ("Alt+Down", "F8")
    assert spec("diff.previous").default_keys == ("Alt+Up", "F7")
    assert {"Ctrl+=", "Ctrl++"} <= set(spec("zoom.in").default_keys)
    assert spec("help.palette").default_keys == ("Ctrl+Shift+P",)
    assert spec("help.keymap").default_keys == ("F1",)
    assert spec("find.open").default_keys == ("Ctrl+F",)
    assert spec("find.next").default_keys == ("F3",)
    assert spec("find.previous").default_keys == ("Shift+F3",)
    assert spec("file.paste").scope == "list"  # Ctrl+V must not steal paste from the filter box
    assert all(spec(f"matching.{o}").checkable for o in ("diacritics", "hamza", "punctuation", "clitics"))


def test_keymap_defaults(settings):
    keymap = Keymap(ACTIONS, settings)
    assert keymap.keys_for("diff.next") == ("Alt+Down", "F8")
    assert keymap.action_for_key("ctrl+shift+p") == "help.palette"
    assert keymap.action_for_key("Ctrl+Alt+Shift+F12") is None
    assert all(keymap.is_default(i) for i in keymap.ids())
    with pytest.raises(KeyError):
        keymap.keys_for("no.such.action")


def test_rebind_is_saved_and_reloaded(settings, tmp_path):
    keymap = Keymap(ACTIONS, settings)
    keymap.rebind("diff.next", ["ctrl+alt+n", "F8"])
    keymap.rebind("help.about", "Ctrl+Shift+F1")
    keymap.rebind("zoom.reset", [])  # unbound on purpose
    keymap.save()

    reread = Keymap(ACTIONS, QSettings(str(tmp_path / "keys.ini"), QSettings.Format.IniFormat))
    assert reread.keys_for("diff.next") == ("Ctrl+Alt+N", "F8")
    assert reread.keys_for("help.about") == ("Ctrl+Shift+F1",)
    assert reread.keys_for("zoom.reset") == ()
    assert reread.keys_for("diff.previous") == ("Alt+Up", "F7")
    assert not reread.is_default("diff.next")

    # Only the changes are written, so untouched actions follow future defaults.
    raw = QSettings(str(tmp_path / "keys.ini"), QSettings.Format.IniFormat)
    raw.beginGroup("keymap")
    assert sorted(raw.childKeys()) == ["diff.next", "help.about", "zoom.reset"]


def test_rebind_refuses_a_key_held_elsewhere(settings):
    keymap = Keymap(ACTIONS, settings)
    with pytest.raises(KeyConflict) as raised:
        keymap.rebind("pair.swap", ["Ctrl+F"])
    assert raised.value.conflicts == {"Ctrl+F": "find.open"}
    assert keymap.keys_for("pair.swap") == ("Ctrl+Shift+S",)  # nothing changed
    assert keymap.keys_for("find.open") == ("Ctrl+F",)
    assert keymap.conflicts("find.open", ["Ctrl+F"]) == {}  # its own key is no conflict


def test_stealing_a_key_moves_it_and_survives_a_reload(settings, tmp_path):
    keymap = Keymap(ACTIONS, settings)
    keymap.rebind("pair.swap", ["F8"], steal=True)
    assert keymap.keys_for("pair.swap") == ("F8",)
    assert keymap.keys_for("diff.next") == ("Alt+Down",)
    assert keymap.action_for_key("F8") == "pair.swap"
    keymap.save()
    reread = Keymap(ACTIONS, QSettings(str(tmp_path / "keys.ini"), QSettings.Format.IniFormat))
    assert reread.keys_for("diff.next") == ("Alt+Down",)
    assert reread.action_for_key("F8") == "pair.swap"


def test_reset_and_bad_keys(settings):
    keymap = Keymap(ACTIONS, settings)
    keymap.rebind("zoom.in", ["Ctrl+Alt+Z"])
    keymap.reset("zoom.in")
    assert keymap.is_default("zoom.in")
    with pytest.raises(ValueError):
        keymap.rebind("zoom.in", ["Ctrl+Banana+Q"])
    with pytest.raises(KeyError):
        keymap.rebind("no.such.action", ["F9"])
    keymap.rebind("zoom.out", ["F9"])
    keymap.reset_all()
    assert all(keymap.is_default(i) for i in keymap.ids())


def test_a_user_key_wins_over_a_default_in_a_hand_edited_file(settings, tmp_path):
    settings.beginGroup("keymap")
    settings.setValue("pair.swap", "F3")  # F3 is find.next's default
    settings.setValue("no.longer.exists", "F4")
    settings.setValue("zoom.out", ["not a key at all+", "Ctrl+-"])
    settings.endGroup()
    settings.sync()
    keymap = Keymap(ACTIONS, QSettings(str(tmp_path / "keys.ini"), QSettings.Format.IniFormat))
    assert keymap.keys_for("pair.swap") == ("F3",)
    assert keymap.keys_for("find.next") == ()
    assert keymap.keys_for("zoom.out") == ("Ctrl+-",)
    every_key = [k for i in keymap.ids() for k in keymap.keys_for(i)]
    assert len(every_key) == len(set(every_key))


def test_create_actions_calls_each_spec_handler_and_fills_the_menus(qtbot, settings):
    window = QMainWindow()
    qtbot.addWidget(window)
    target = Recorder(missing=("about",))
    keymap = Keymap(ACTIONS, settings)
    keymap.rebind("pair.swap", ["Ctrl+Alt+S"])
    actions = create_actions(window, target, keymap)

    assert set(actions) == {s.id for s in ACTIONS}
    assert [k.toString() for k in actions["diff.next"].shortcuts()] == ["Alt+Down", "F8"]
    assert [k.toString() for k in actions["pair.swap"].shortcuts()] == ["Ctrl+Alt+S"]
    assert actions["matching.diacritics"].isCheckable() and not actions["diff.next"].isCheckable()
    assert not actions["help.about"].isEnabled()  # the window has no such method
    assert actions["file.paste"].shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut

    actions["pair.swap"].trigger()
    actions["diff.previous"].trigger()
    actions["matching.clitics"].trigger()
    actions["matching.clitics"].trigger()
    assert target.calls == [
        ("swap_sides", ()),
        ("view.step_difference", (False,)),  # a dotted path reaches into the window's parts
        ("set_option", ("clitics", True)),  # a checkable action's new state comes last
        ("set_option", ("clitics", False)),
    ]

    menus = populate_menus(window.menuBar(), actions, ACTIONS)
    assert list(menus) == list(MENUS)
    go = [a.objectName() for a in menus["Go"].actions() if not a.isSeparator()]
    assert go == [s.id for s in ACTIONS if s.menu == "Go"]
    assert any(a.isSeparator() for a in menus["Go"].actions())


def test_shortcut_reaches_the_handler_from_the_keyboard(qtbot, settings):
    window = QMainWindow()
    qtbot.addWidget(window)
    target = Recorder()
    create_actions(window, target, Keymap(ACTIONS, settings))
    window.setCentralWidget(QLineEdit())
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.centralWidget().setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert target.calls == [("view.step_difference", (True,))] * 2


# --- the F1 keymap dialog ---------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot, settings):
    from reader.ui.actions.keymap_dialog import KeymapDialog

    window = QMainWindow()
    qtbot.addWidget(window)
    keymap = Keymap(ACTIONS, settings)
    actions = create_actions(window, Recorder(), keymap)
    dialog = KeymapDialog(keymap, window, actions)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog, actions
    window.close()  # held until the test ends: the dialog is its child


def reread(tmp_path) -> Keymap:
    return Keymap(ACTIONS, QSettings(str(tmp_path / "keys.ini"), QSettings.Format.IniFormat))


def test_dialog_lists_every_action_with_keys_and_menu(dialog):
    dialog, _actions = dialog
    assert dialog.table.rowCount() == len(ACTIONS)
    row = dialog.row_of("diff.next")
    assert dialog.table.item(row, 0).text() == "Next difference"
    assert dialog.keys_shown("diff.next") == "\u2066Alt+Down\u2069, \u2066F8\u2069"
    assert dialog.table.item(row, 2).text() == "Go"


def test_dialog_rebinds_from_the_keyboard_and_saves(qtbot, dialog, tmp_path):
    dialog, actions = dialog
    dialog.select("pair.swap")
    dialog.key_edit.setFocus()
    qtbot.keyClick(
        dialog.key_edit, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert dialog.conflict.text() == ""
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert dialog.keymap.keys_for("pair.swap") == ("Ctrl+Alt+W",)
    assert "Ctrl+Alt+W" in dialog.keys_shown("pair.swap")
    assert [k.toString() for k in actions["pair.swap"].shortcuts()] == ["Ctrl+Alt+W"]  # live actions follow
    assert reread(tmp_path).keys_for("pair.swap") == ("Ctrl+Alt+W",)  # already saved
    assert dialog.table.item(dialog.row_of("pair.swap"), 0).font().bold()


def test_dialog_shows_a_conflict_and_moves_the_key_on_request(dialog, tmp_path):
    dialog, _actions = dialog
    dialog.select("pair.swap")
    dialog.key_edit.setKeySequence(QKeySequence("Ctrl+F"))
    assert "Find in text" in dialog.conflict.text()
    dialog.add_button.click()
    assert dialog.keymap.keys_for("pair.swap") == ("Ctrl+Shift+S", "Ctrl+F")
    assert dialog.keymap.keys_for("find.open") == ()
    assert dialog.keys_shown("find.open") == ""
    assert reread(tmp_path).action_for_key("Ctrl+F") == "pair.swap"


def test_dialog_clear_reset_reset_all_and_filter(dialog, tmp_path):
    dialog, _actions = dialog
    dialog.select("zoom.in")
    assert not dialog.reset_button.isEnabled()
    dialog.clear_button.click()
    assert dialog.keymap.keys_for("zoom.in") == () and reread(tmp_path).keys_for("zoom.in") == ()
    assert dialog.reset_button.isEnabled()
    dialog.reset_button.click()
    assert dialog.keymap.is_default("zoom.in")
    dialog.select("zoom.out")
    dialog.clear_button.click()
    dialog.reset_all_button.click()
    assert all(dialog.keymap.is_default(i) for i in dialog.keymap.ids())

    dialog.filter.setText("F8")  # by key
    shown = [dialog._specs[r].id for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert shown == ["diff.next"]
    dialog.filter.setText("zoom")
    assert sum(not dialog.table.isRowHidden(r) for r in range(dialog.table.rowCount())) == 3


def test_dialog_reports_changes_when_closed(qtbot, settings):
    """Closed by Esc or Close, the dialog says whether a key changed (the window then re-applies the
    keymap to its actions); the change itself was saved when it was made."""
    from reader.ui.actions.keymap_dialog import KeymapDialog

    window = QMainWindow()
    qtbot.addWidget(window)
    keymap = Keymap(ACTIONS, settings)
    actions = create_actions(window, Recorder(), keymap)
    outcomes = []
    for change in (False, True):
        dialog = KeymapDialog(keymap, window, actions)
        dialog.finished.connect(outcomes.append)
        dialog.show()
        if change:
            dialog.select("zoom.in")
            dialog.clear_button.click()
        dialog.reject()  # Esc / Close
    assert outcomes == [QDialog.DialogCode.Rejected.value, QDialog.DialogCode.Accepted.value]
    assert actions["zoom.in"].shortcuts() == []
    assert Keymap(ACTIONS, settings).keys_for("zoom.in") == ()  # read back from the settings


def test_dialog_from_the_keyboard_alone(qtbot, dialog):
    """Arrows to the action, Enter, the new keys, Enter: bound."""
    dialog, actions = dialog
    dialog.select("view.arabic_digits")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.current_id() == "view.hidden_characters"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.key_edit.hasFocus()
    qtbot.keyClick(dialog.key_edit, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(dialog.set_button.hasFocus)
    qtbot.keyClick(dialog.set_button, Qt.Key.Key_Return)
    assert dialog.keymap.keys_for("view.hidden_characters") == ("Shift+F9",)
    assert [k.toString() for k in actions["view.hidden_characters"].shortcuts()] == ["Shift+F9"]
    assert dialog.isVisible()  # Enter set the key; it did not close the dialog
