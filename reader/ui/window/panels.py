"""The panels beside the comparison (the article list, the facts) in the window's splitter: shown and
hidden from the keyboard, their widths remembered, and put away by themselves when the window is
too narrow for them and the two panes, so at 800 pixels the panes keep the room and each panel is
a key away rather than a strip too thin to read.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSplitter

from reader.ui.window.settings import WindowSettings

MIN_PANEL_WIDTH = 160  # a panel dragged narrower than this is put away instead
MIN_MAIN_WIDTH = 480  # what widening a panel leaves the comparison at least


@dataclass(frozen=True)
class Panel:
    name: str
    index: int  # its place in the splitter
    width: int  # its width until the user sets one
    compact_below: int  # window widths under this put it away by itself


class SidePanels(QObject):
    """Panels of `splitter` other than the comparison (`main`, the one that takes the rest)."""

    def __init__(
        self, splitter: QSplitter, main: int, panels: list[Panel], settings: WindowSettings, persist: bool
    ) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.main = main
        self.panels = {panel.name: panel for panel in panels}
        self.settings = settings
        self.persist = persist
        self.put_away: set[str] = set()  # hidden by the window's narrowness, not by the user
        self._widened: dict[str, int] = {}  # panels made wider for a while: their width before
        self._lent: dict[str, list[str]] = {}  # panels put away for a while to make room for one widened
        for panel in panels:
            splitter.setCollapsible(panel.index, True)
        splitter.setCollapsible(main, False)
        splitter.splitterMoved.connect(lambda _pos, _index: self._moved())

    def shown(self, name: str) -> bool:
        return self.splitter.sizes()[self.panels[name].index] > 0

    def width(self, name: str) -> int:
        """The width the panel opens at: the user's last one, else its default."""
        panel = self.panels[name]
        stored = self.settings.qsettings.value(f"panels/{name}_width")
        try:
            return max(MIN_PANEL_WIDTH, int(stored)) if stored is not None else panel.width
        except (TypeError, ValueError):
            return panel.width

    def set_shown(self, name: str, shown: bool, *, by_user: bool = True) -> None:
        panel = self.panels[name]
        sizes = self.splitter.sizes()
        if shown == (sizes[panel.index] > 0):
            return
        if by_user:
            self.put_away.discard(name)
        if shown:
            width = min(self.width(name), max(MIN_PANEL_WIDTH, sizes[self.main] - 2 * MIN_PANEL_WIDTH))
            sizes[self.main] = max(0, sizes[self.main] - width)
            sizes[panel.index] = width
        else:
            self._remember(name, sizes[panel.index])
            sizes[self.main] += sizes[panel.index]
            sizes[panel.index] = 0
        self.splitter.setSizes(sizes)

    def widen(self, name: str, width: int | None) -> None:
        """Make a shown panel at least `width` wide while the main one keeps `MIN_MAIN_WIDTH`
        (the story mode's columns need more room than the articles'), putting the other panels
        away for the while when the main one cannot spare the room; None gives back the width
        it had before and brings those panels back."""
        panel = self.panels[name]
        sizes = self.splitter.sizes()
        if width is None:
            narrower = self._widened.pop(name, None)
            if sizes[panel.index] and narrower is not None and narrower < sizes[panel.index]:
                sizes[self.main] += sizes[panel.index] - narrower
                sizes[panel.index] = narrower
                self.splitter.setSizes(sizes)
            for other in self._lent.pop(name, ()):
                self.set_shown(other, True, by_user=False)
            return
        if not sizes[panel.index]:
            return
        for other in self.panels.values():
            if sizes[self.main] - MIN_MAIN_WIDTH >= width - sizes[panel.index]:
                break
            if other.name != name and sizes[other.index] and other.name not in self.put_away:
                self.set_shown(other.name, False, by_user=False)
                self._lent.setdefault(name, []).append(other.name)
                sizes = self.splitter.sizes()
        room = sizes[self.main] - MIN_MAIN_WIDTH
        gain = min(width - sizes[panel.index], room)
        if gain > 0:
            self._widened.setdefault(name, sizes[panel.index])
            sizes[panel.index] += gain
            sizes[self.main] -= gain
            self.splitter.setSizes(sizes)

    def toggle(self, name: str) -> bool:
        """Show a hidden panel, hide a shown one; returns whether it is shown now."""
        self.set_shown(name, not self.shown(name))
        return self.shown(name)

    def fit(self, window_width: int) -> None:
        """Put panels away while the window is narrower than they need, bring them back after."""
        for name, panel in self.panels.items():
            if window_width < panel.compact_below and self.shown(name):
                self.set_shown(name, False, by_user=False)
                self.put_away.add(name)
            elif window_width >= panel.compact_below and name in self.put_away:
                self.put_away.discard(name)
                self.set_shown(name, True, by_user=False)

    def _moved(self) -> None:
        sizes = self.splitter.sizes()
        for name, panel in self.panels.items():
            width = sizes[panel.index]
            if 0 < width < MIN_PANEL_WIDTH:  # too thin to read: away with it
                self.set_shown(name, False)
            elif width:
                self._remember(name, width)

    def _remember(self, name: str, width: int) -> None:
        if self.persist and width >= MIN_PANEL_WIDTH:
            self.settings.qsettings.setValue(f"panels/{name}_width", int(width))
