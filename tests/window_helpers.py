"""Shared pieces of the window tests: a seeded library, a window shown and active, keys delivered to
whatever has the focus, and pairs of texts built from the seeds (a paragraph brought forward, a
paragraph used twice, phrases shuffled inside a paragraph, all paragraphs shuffled)."""

from __future__ import annotations

import random
import re
from importlib.resources import files

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from reader.ui.app import resolve_article

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def key(qtbot, window, k, modifier=NONE) -> None:
    """A key press delivered to whatever has the focus, as a user's would be."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, k, modifier)


def type_text(widget, text: str) -> None:
    """Typing on an Arabic keyboard: key events carrying the letters (QTest only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, NONE, ch))


def seed_paragraphs(number: int) -> list[str]:
    names = sorted(p for p in files("reader.seeds").iterdir() if p.name.endswith(".txt"))
    return [p for p in names[number].read_text(encoding="utf-8").split("\n") if p.strip()]


def brought_forward() -> tuple[str, str]:
    """Seed 001 and a copy with its ¶7 made the third paragraph."""
    ps = seed_paragraphs(1)
    return "\n".join(ps), "\n".join([*ps[:2], ps[6], *ps[2:6], *ps[7:]])


def used_twice() -> tuple[str, str]:
    """Six paragraphs of seed 000, and a text that quotes the third of them at two places."""
    ps, other = seed_paragraphs(0)[:6], seed_paragraphs(2)
    return "\n".join(ps), "\n".join([other[0], ps[2], other[1], other[2], ps[2], other[3], ps[4]])


def phrases_shuffled() -> tuple[str, str]:
    """Six paragraphs of seed 000, and a text with the phrases of two of them shuffled in one."""
    ps = seed_paragraphs(0)
    phrases = [x for x in re.split(r"(?<=[،,.])\s+|\s+(?=و)", ps[4] + " " + ps[5]) if x]
    random.Random(3).shuffle(phrases)
    return "\n".join(ps[:6]), "\n".join([ps[0], ps[1], " ".join(phrases), ps[3]])


def paragraphs_shuffled(seed: int = 1) -> tuple[str, str]:
    """Seed 001 against itself with its paragraphs shuffled: dozens of passages, most moved."""
    ps = seed_paragraphs(1)
    shuffled = ps[:]
    random.Random(seed).shuffle(shuffled)
    return "\n".join(ps), "\n".join(shuffled)


def add_article(library, text: str, name: str) -> int:
    return library.import_text(text, origin=f"{name}.txt", title=name).article_id


def seed_id(library, name: str) -> int:
    return resolve_article(library, name)
