"""The whole interface under an Arabic locale: every widget, menu, action and dialog walked, every
string Qarin shows checked for a translation; digits in one style; key sequences isolated.

A string has no translation when, left of its key sequences (isolated left to right) and of the
names that stay Latin in Arabic text (HTML, PDF, RSS, Qt ...), it still holds a Latin word.
Article text (the panes, titles, the list's rows, fact excerpts) is the user's and is left out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QTreeWidget,
    QWidget,
)
from window_helpers import ALT, CTRL, SHIFT, key, seed_id

from reader.library import open_library
from reader.library.importers import make_draft
from reader.ui.application import install_translations
from reader.ui.comparison.panes import ReadingPane
from reader.ui.window.mainwindow import MainWindow
from reader.ui.window.settings import WindowSettings

LRI, PDI = "\u2066", "\u2069"
ISOLATED_RE = re.compile(f"{LRI}[^{PDI}]*{PDI}")
# names that stay Latin in Arabic text: formats, protocols, products, the font and its licence
LATIN_NAMES = re.compile(
    r"(?<![A-Za-z])(HTML|PDF|RSS|Atom|SQLite|Qt|Qarin|PySide6|LGPLv3|Python|Apache|SIL|Open|Font|License|"
    r"diff-match-patch|for|txt|html|htm|sqlite3)(?![A-Za-z])"
)
TAG_RE = re.compile(r"<[^>]*>")  # rich text's markup
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
DIGITS = re.compile(r"[0-9]")


def untranslated(text: str) -> bool:
    rest = LATIN_NAMES.sub("", ISOLATED_RE.sub("", TAG_RE.sub("", text or "")))
    return bool(LATIN_WORD.search(rest))


@pytest.fixture
def arabic(qapp):
    """Arabic translators and a right-to-left layout, for one test."""
    translators = install_translations(qapp, QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    install_translations(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def library(tmp_path: Path):
    lib = open_library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


@pytest.fixture
def window(qtbot, arabic, library, tmp_path):
    settings = WindowSettings(QSettings(str(tmp_path / "qarin.ini"), QSettings.Format.IniFormat))
    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    with qtbot.waitSignal(win.comparisonPainted, timeout=20_000):
        win.show_pair(seed_id(library, "000"), seed_id(library, "001"))
    qtbot.waitUntil(lambda: win._facts is not None, timeout=20_000)
    yield win
    win.close()


def strings_of(root: QWidget, content: set[int]) -> list[tuple[str, str]]:
    """(where, text) of everything Qarin itself says in `root` and its children."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: object) -> None:
        if isinstance(text, str) and text.strip():
            found.append((where, text))

    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}:{widget.objectName()}"
        if id(widget) in content or isinstance(widget, ReadingPane):
            continue
        add(f"{name} title", widget.windowTitle() if widget.isWindow() else "")
        add(f"{name} tooltip", widget.toolTip())
        add(f"{name} status tip", widget.statusTip())
        if isinstance(widget, QLabel):
            add(f"{name} text", getattr(widget, "full_text", None) or widget.text())
        elif isinstance(widget, QAbstractButton):
            add(f"{name} text", widget.text())
        elif isinstance(widget, QLineEdit):
            add(f"{name} placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for k in range(widget.count()):
                add(f"{name} item", widget.itemText(k))
        elif isinstance(widget, QTabWidget):
            for k in range(widget.count()):
                add(f"{name} tab", widget.tabText(k))
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            orientation = widget.orientation()
            for k in range(widget.count()):
                add(f"{name} header", widget.model().headerData(k, orientation))
        if hasattr(widget, "texts"):  # the legend
            for text in widget.texts():
                add(f"{name} legend", text)
        for action in widget.actions():
            add(f"{name} action", action.text().split("\t")[0])
            add(f"{name} action tip", action.toolTip())
            add(f"{name} action status", action.statusTip())
    return found


def menu_strings(window: MainWindow) -> list[tuple[str, str]]:
    found = []
    for menu in window.menuBar().findChildren(QMenu):
        found.append(("menu", menu.title()))
        for action in menu.actions():
            if not action.isSeparator():
                found.append(("menu entry", action.text()))
    for action_id, action in window.action_map.items():
        for text in (action.text(), action.toolTip(), action.statusTip()):
            found.append((f"action {action_id}", text))
    return found


def content_widgets(window: MainWindow) -> set[int]:
    """Widgets that show articles: their words are the user's, in whatever language."""
    view = window.view
    return {id(w) for w in (view.left_column.title, view.right_column.title)}


def assert_translated(found: list[tuple[str, str]]) -> None:
    missing = sorted({(where, text) for where, text in found if untranslated(text)})
    assert missing == [], "\n".join(f"{where}: {text!r}" for where, text in missing)


def test_the_translation_catalogue_is_complete() -> None:
    folder = resources.files("reader.resources") / "translations"
    tree = ET.parse(str(folder / "qarin_ar.ts"))
    unfinished = [
        (ctx.find("name").text, msg.find("source").text)
        for ctx in tree.getroot().iter("context")
        for msg in ctx.iter("message")
        if msg.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
        or not ("".join(msg.find("translation").itertext()).strip())
    ]
    assert unfinished == []


def test_every_widget_menu_and_action_of_the_window_is_arabic(qtbot, window) -> None:
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.windowTitle() == QApplication.applicationDisplayName() == "Qarin — قارِن"  # named once
    found = strings_of(window, content_widgets(window)) + menu_strings(window)
    assert len(found) > 150
    assert_translated(found)
    # the list: headers, pane marks, tooltips of the marks
    for row in range(window.proxy.rowCount()):
        for column in (5,):
            assert not untranslated(window.proxy.index(row, column).data() or "")
    # the facts panel: what each fact is
    tree = window.facts_panel.tree
    labels = [tree.topLevelItem(k).text(0) for k in range(tree.topLevelItemCount())]
    assert labels and not [label for label in labels if untranslated(label)]
    # mirrored, the fact's name first at the right; the panes are not, nor are the sides' columns
    row = tree.indexFromItem(tree.topLevelItem(0))
    fact, left, right = (tree.visualRect(row.siblingAtColumn(c)).left() for c in range(3))
    assert left < right < fact


def test_digits_are_of_one_style_and_can_be_switched(qtbot, window) -> None:
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    key(qtbot, window, Qt.Key.Key_F8)
    shown = [
        window.stats_label.full_text,
        window.passage_label.full_text,
        window.status_line.zoom_label.full_text,
        *(window.proxy.index(r, c).data() or "" for r in range(window.proxy.rowCount()) for c in (2, 3, 4)),
        window.facts_panel.heading.text(),
        *facts_places(window),
    ]
    assert all(not DIGITS.search(text) for text in shown)  # Arabic-Indic throughout, dates too
    assert [place for place in facts_places(window) if re.search("¶[٠-٩]", place)]  # the facts' ¶ too
    assert any(re.search("[٠-٩]", text) for text in shown)
    assert "٢٠٢٥" in " ".join(shown)  # the seeds' date, 2025-11-07
    key(qtbot, window, Qt.Key.Key_N, CTRL | SHIFT)  # Latin digits instead
    latin = [window.stats_label.full_text, window.passage_label.full_text, window.proxy.index(0, 3).data()]
    latin += [window.facts_panel.heading.text(), *(p for p in facts_places(window) if "¶" in p)]
    assert all(not re.search("[٠-٩]", text) for text in latin) and all(DIGITS.search(t) for t in latin)


def facts_places(window: MainWindow) -> list[str]:
    """Where the facts panel says each fact stands (¶3), the article's own words left out."""
    tree = window.facts_panel.tree
    cells = [tree.topLevelItem(k).text(c) for k in range(tree.topLevelItemCount()) for c in (1, 2)]
    return [re.sub(f"^.*{LRI}", "", cell) for cell in cells if LRI in cell]


def test_key_sequences_are_isolated_wherever_they_are_shown(qtbot, window) -> None:
    action = window.action("diff.next")
    assert LRI in action.toolTip() and PDI in action.toolTip()
    entry = action.text().split("\t")
    assert len(entry) == 2 and entry[1].startswith(LRI) and entry[1].endswith(PDI)
    key(qtbot, window, Qt.Key.Key_P, CTRL | SHIFT)
    palette = window.command_palette
    keys = [palette.list.topLevelItem(k).text(1) for k in range(palette.list.topLevelItemCount())]
    assert all(text.count(LRI) == text.count(PDI) >= 1 for text in keys if text)
    assert_translated(strings_of(palette, set()))
    labels = [palette.list.topLevelItem(k).text(0) for k in range(palette.list.topLevelItemCount())]
    assert [label for label in labels if untranslated(label)] == []
    palette.reject()


def _capture_modal(qtbot, found: list, trigger) -> None:
    """Run `trigger`, which opens a modal dialog; read the dialog's strings and close it."""

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close)
            return
        found.extend(strings_of(dialog, set()))
        if isinstance(dialog, QMessageBox):
            found.append(("message box", dialog.text()))
        dialog.reject() if isinstance(dialog, QDialog) else dialog.close()

    QTimer.singleShot(20, close)
    trigger()


def test_every_dialog_is_arabic(qtbot, window, library) -> None:
    found: list[tuple[str, str]] = []
    # the keymap (F1)
    key(qtbot, window, Qt.Key.Key_F1)
    from reader.ui.actions.keymap_dialog import KeymapDialog

    keymap = next(w for w in QApplication.topLevelWidgets() if isinstance(w, KeymapDialog) and w.isVisible())
    found += strings_of(keymap, set())
    found += [
        ("keymap row", keymap.table.item(r, c).text()) for r in range(keymap.table.rowCount()) for c in (0, 2)
    ]
    keymap.reject()
    # find in both panes
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    key(qtbot, window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.find_bar.query, "C5")
    found += strings_of(window.find_bar, set())
    key(qtbot, window, Qt.Key.Key_Escape)
    # removed lines of seed 003, and of nothing
    window.select_article(seed_id(library, "003"))
    key(qtbot, window, Qt.Key.Key_R, CTRL | SHIFT)
    from reader.ui.library.removed_lines import RemovedLinesDialog

    removed = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, RemovedLinesDialog) and w.isVisible()
    )
    found += strings_of(removed, {id(removed.title_label)})
    tree: QTreeWidget = removed.tree
    found += [("removed reason", tree.topLevelItem(k).text(2)) for k in range(tree.topLevelItemCount())]
    assert not DIGITS.search(removed.heading.text())
    removed.close()
    # the modal ones: about, the minimum length, the metadata editor
    _capture_modal(qtbot, found, window.about)
    _capture_modal(qtbot, found, window.choose_min_length)
    window.select_article(seed_id(library, "001"))
    _capture_modal(qtbot, found, window.edit_metadata)
    # the stories window and the articles sharing text
    window.action("stories.open").trigger()
    stories = window.stories.panel
    qtbot.waitUntil(lambda: stories.isVisible(), timeout=10_000)
    qtbot.wait(300)
    found += strings_of(stories, set())
    stories.close()
    assert len(found) > 60
    assert_translated(found)


def test_status_messages_are_arabic(qtbot, window) -> None:
    key(qtbot, window, Qt.Key.Key_2, CTRL)
    key(qtbot, window, Qt.Key.Key_Home, CTRL)
    key(qtbot, window, Qt.Key.Key_F7)  # nothing before the start
    message = window.statusBar().currentMessage()
    assert message and not untranslated(message)
    window.set_option("hamza", False)  # a rule switched off is named
    rules = window.status_line.rules_label.full_text
    assert "الهمزة" in rules and not untranslated(rules)
    assert not untranslated(window.status_line.rules_label.toolTip())
    key(qtbot, window, Qt.Key.Key_Up, ALT)
    assert not untranslated(window.statusBar().currentMessage())


def test_the_list_in_story_mode_is_arabic(qtbot, window, library) -> None:
    from story_helpers import OUTLETS, WORDS

    body = " ".join(WORDS[k * 7 % len(WORDS)] for k in range(160))
    for number, outlet in enumerate(OUTLETS[:3]):
        text = f"{outlet}: {body}"
        meta = {"title": f"خبر {number}", "source": outlet, "origin": outlet, "date": "2015-07-21"}
        when = f"0{number + 7}:00:00"
        draft = make_draft(text, original=text.encode(), encoding="utf-8", format="json", time=when, **meta)
        library.add(draft)
    window.reload_articles()
    mode = window.list_panel.story_mode
    key(qtbot, window, Qt.Key.Key_1, CTRL)
    with qtbot.waitSignal(mode.storiesShown, timeout=20_000):
        key(qtbot, window, Qt.Key.Key_L, CTRL | SHIFT)
    assert window.list_panel.showing_stories() and mode.model.rowCount() >= 1
    found = strings_of(window.list_panel, set()) + menu_strings(window)
    found += [("story mode status", mode.status.text())]
    found += [("story tooltip", mode.model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole))
              for r in range(mode.model.rowCount())]  # fmt: skip
    assert_translated(found)
    assert "القصص" in window.filter_edit.placeholderText() and "العنوان" in mode.model.headerData(
        0, Qt.Orientation.Horizontal
    )
    cells = [mode.model.index(r, c).data() for r in range(mode.model.rowCount()) for c in range(1, 4)]
    assert cells and all(not DIGITS.search(text) for text in cells)  # counts and moments in one style
    assert mode.model.index(0, 1).data() == "٣"  # the three reports


def test_the_story_window_says_who_took_from_whom_in_arabic(qtbot, arabic, tmp_path) -> None:
    from story_helpers import make_newsroom

    from reader.stories import story_containing

    folder = tmp_path / "newsroom"
    folder.mkdir()
    newsroom, ids = make_newsroom(folder)
    settings = WindowSettings(QSettings(str(tmp_path / "qarin.ini"), QSettings.Format.IniFormat))
    win = MainWindow(newsroom, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    story = story_containing(newsroom, ids["agency"])
    panel = win.stories.open_story(story)
    qtbot.waitUntil(lambda: panel.view is not None and panel.view.story.id == story.id, timeout=20_000)
    tree = panel.provenance
    rows = tree.items()
    assert len(rows) == 13
    said = [text for node in rows for text in (node.text(0), node.text(1), node.toolTip(0))]
    tree.setCurrentItem(rows[2])
    said += [panel.details.text(), panel.status.text(), tree.detail.text()]
    said += [tree.headerItem().text(k) for k in range(tree.columnCount())]
    for model in (panel.collation_model, panel.matrix_model, panel.reports_model):
        for row in range(model.rowCount()):
            for column in range(model is panel.collation_model, model.columnCount()):  # not the sentences
                said.append(model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) or "")
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                said.append(model.headerData(column, Qt.Orientation.Horizontal, role) or "")
    cells = [
        panel.reports_model.index(row, column).data()
        for row in range(panel.reports_model.rowCount())
        for column in (0, 2, 3, 4, 5, 6)
    ] + [panel.matrix_model.index(0, column).data() for column in range(panel.matrix_model.columnCount())]
    # reports' titles (column 0 of the reports table) are article text, not Qarin's words
    said = [text for text in said if text not in {r.title for r in panel.view.reports}]
    assert [text for text in said if untranslated(text)] == []
    # the evidence itself is Arabic: who took from whom, the gap in time, the share, the verdict
    expanded = next(node for node in rows if node.data(0, Qt.ItemDataRole.UserRole + 1)[0] == ids["sabq"])
    assert "أخذ نصه من" in expanded.toolTip(0) and "نُشر بعد" in expanded.toolTip(0)
    assert expanded.text(1) == "التواريخ والنص متفقان" and "وزيادة" in expanded.toolTip(0)
    assert "تقرير الوكالة" in panel.details.text()  # the base's reason
    # one style of digits (Arabic-Indic, the Arabic locale's default) in everything Qarin wrote
    numbers = [text.replace("3alyoum", "") for text in said + cells]  # an outlet's name is its own
    assert all(not DIGITS.search(text) for text in numbers), [text for text in numbers if DIGITS.search(text)]
    assert "٪" in expanded.toolTip(0) and re.search("[٠-٩]", panel.details.text())
    win.set_digits(False)  # Latin digits: the story window follows
    latin = tree.items()[1].toolTip(0)
    assert DIGITS.search(latin) and not re.search("[٠-٩]", latin)
    assert DIGITS.search(panel.reports_model.index(0, 3).data())
    panel.close()
    win.close()
    newsroom.close()
