"""Every word the facts panel, File > Export comparison and File > Print show goes through Qt's
translation: the strings pyside6-lupdate collects from the source, each given a marked pseudo
translation, compiled and installed, come back marked where the user sees them (a string the
collector misses, or one translated under another context than it was collected in, stays bare)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from reader.compare import compare
from reader.report.html import ReportSide
from reader.ui.facts.panel import FactsPanel
from reader.ui.facts.reports import ReportActions
from reader.view.facts import facts_view

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data" / "facts"
SOURCES = [
    "reader/ui/facts/panel.py",
    "reader/ui/facts/reports.py",
    "reader/report/describe.py",
    "reader/report/moves.py",
]
MARKED = re.compile(r"^⟦.*⟧$", re.S)


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} comes with PySide6"
    return found


def _pseudo_translated(ts: Path) -> None:
    """Each message translated as ⟦its source⟧ (both plural forms of a %n message)."""
    tree = ET.parse(ts)
    tree.getroot().set("language", "en")
    for message in tree.getroot().iter("message"):
        source = message.find("source").text
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        translation.text = None
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = f"⟦{source}⟧"
        else:
            translation.text = f"⟦{source}⟧"
    tree.write(ts, encoding="utf-8", xml_declaration=True)


@pytest.fixture
def pseudo_translation(qapp, tmp_path):
    ts, qm = tmp_path / "pseudo.ts", tmp_path / "pseudo.qm"
    subprocess.run([_tool("pyside6-lupdate"), "-silent", *SOURCES, "-ts", str(ts)], cwd=ROOT, check=True)
    _pseudo_translated(ts)
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def _casualty() -> tuple[str, str]:
    return tuple((DATA / f"casualty_{side}.txt").read_text(encoding="utf-8") for side in "ab")


def test_the_facts_panel_speaks_the_users_language(qtbot, pseudo_translation):
    a, b = _casualty()
    panel = FactsPanel()
    qtbot.addWidget(panel)
    assert MARKED.match(panel.heading.text())
    panel.set_view(facts_view(1, 2, compare(a, b), a, b))
    assert re.fullmatch(r"⟦Facts: 5 differ⟧⟦, \d+ shown⟧", panel.heading.text())
    header = panel.tree.headerItem()
    assert [header.text(k) for k in range(3)] == ["⟦Fact⟧", "⟦Left⟧", "⟦Right⟧"]
    labels = [panel.tree.topLevelItem(k).text(0) for k in range(panel.tree.topLevelItemCount())]
    assert labels[:5] == ["⟦number differs⟧"] * 2 + [
        "⟦date differs⟧",
        "⟦quote worded differently⟧",
        "⟦name spelled two ways⟧",
    ]
    assert all(MARKED.match(text) for text in labels)
    assert panel.tree.topLevelItem(0).text(1) == "27 شخصا \u2066⟦¶1⟧\u2069"  # the place, in the panel's words


class FakeWindow(QWidget):
    """What ReportActions asks of the window: the pair on screen and a status line."""

    def __init__(self, inputs) -> None:
        super().__init__()
        self.inputs = inputs
        self.messages: list[str] = []

    def report_inputs(self):
        return self.inputs

    def show_status(self, text: str) -> None:
        self.messages.append(text)


def _answer_dialog(seen: dict) -> None:
    """Note the modal dialog's title (and file filters), then cancel it."""
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        QTimer.singleShot(20, lambda: _answer_dialog(seen))
        return
    seen["title"] = dialog.windowTitle()
    if isinstance(dialog, QFileDialog):
        seen["filters"] = dialog.nameFilters()
    dialog.done(QDialog.DialogCode.Rejected)


def test_export_and_print_speak_the_users_language(qtbot, pseudo_translation, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "DontUseNativeDialog", QFileDialog.Option.DontUseNativeDialog)
    empty = FakeWindow(None)
    qtbot.addWidget(empty)
    actions = ReportActions(empty, lambda: "Amiri")
    assert actions.export(str(tmp_path / "nothing.html")) is None
    assert empty.messages == ["⟦Nothing to export: no comparison yet⟧"]

    a, b = _casualty()
    comparison = compare(a, b)
    sides = (ReportSide("a.txt", "", "", "", a), ReportSide("b.txt", "", "", "", b))
    window = FakeWindow((comparison, facts_view(1, 2, comparison, a, b), sides))
    qtbot.addWidget(window)
    actions = ReportActions(window, lambda: "Amiri")
    target = tmp_path / "report.html"
    assert actions.export(str(target)) == str(target)
    assert window.messages == [f"⟦Comparison exported to {target}⟧"]

    seen: dict = {}
    QTimer.singleShot(0, lambda: _answer_dialog(seen))
    assert actions.export() is None  # File > Export comparison, cancelled
    assert seen == {"title": "⟦Export comparison⟧", "filters": ["⟦HTML page (*.html)⟧", "⟦PDF (*.pdf)⟧"]}

    seen.clear()
    QTimer.singleShot(0, lambda: _answer_dialog(seen))
    assert actions.print_() is False  # File > Print, cancelled
    assert seen == {"title": "⟦Print comparison⟧"}
