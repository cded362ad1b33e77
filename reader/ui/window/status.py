"""The status line: the selected passage, the counts of the comparison (and of its facts), the
matching rules switched away from their defaults, the zoom, a busy indicator.

Every number goes through the window's digits, every count through Qt's plural forms ("1
passage", "2 passages"; Arabic has six forms). The labels shrink with the window (elided, the
whole text in the tooltip), so they never set its minimum width.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QProgressBar, QStatusBar

from reader.compare import CompareOptions
from reader.report.summary import Shares, Summary
from reader.text.normalize import NormalizeOptions
from reader.ui.comparison.panes import BASE_POINT_SIZE
from reader.ui.comparison.view import ElidedLabel
from reader.view.actions import RULE_NAMES
from reader.view.comparison import CompareResult
from reader.view.digits import LATIN, Digits

SEPARATOR = " · "


def _rule_name(field: str) -> str:
    return QCoreApplication.translate("Rules", RULE_NAMES[field])


class StatusLine(QObject):
    """Builds the status bar's permanent labels and says what they show."""

    def __init__(self, status: QStatusBar) -> None:
        super().__init__(status)
        self.digits: Digits = LATIN
        self.passage_label = ElidedLabel(status)
        self.passage_label.setObjectName("passageLabel")
        self.stats_label = ElidedLabel(status)
        self.stats_label.setObjectName("statsLabel")
        self.rules_label = ElidedLabel(status)
        self.rules_label.setObjectName("rulesLabel")
        self.zoom_label = ElidedLabel(status)
        self.zoom_label.setObjectName("zoomLabel")
        self.progress = QProgressBar(status)
        self.progress.setObjectName("compareProgress")
        self.progress.setRange(0, 0)  # busy indicator: the engine reports no steps
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.progress.hide()
        labels = (self.passage_label, self.stats_label, self.rules_label, self.zoom_label)
        for widget in (*labels, self.progress):
            status.addPermanentWidget(widget)

    # --- what the labels say ---------------------------------------------------------------

    def set_passage(self, text: str) -> None:
        self.passage_label.set_full_text(text)

    def set_message(self, text: str) -> None:
        """A state in words instead of counts ("Comparing…")."""
        self.stats_label.set_full_text(text)

    def show_comparison(self, result: CompareResult) -> None:
        stats = result.comparison.stats
        digits = self.digits
        sides = self.tr("Left {0} shared · right {1} shared").format(
            digits.percent(stats.shared_a), digits.percent(stats.shared_b)
        )
        self.stats_label.set_full_text(SEPARATOR.join([sides, *self._order_counts(result)]))

    def show_facts(self, result: CompareResult, summary: Summary) -> None:
        """The shares split into identical and reworded words, and how many facts differ."""
        sides = self.tr("Left {0} · right {1}").format(self._shares(summary.a), self._shares(summary.b))
        differ = summary.facts_differ + summary.names_spelled
        facts = self.digits.of(self.tr("%n fact(s) differ", "", differ))
        self.stats_label.set_full_text(SEPARATOR.join([sides, *self._order_counts(result), facts]))

    def _shares(self, shares: Shares) -> str:
        return self.tr("{0} identical, {1} reworded").format(
            self.digits.percent(shares.identical), self.digits.percent(shares.reworded)
        )

    def _order_counts(self, result: CompareResult) -> list[str]:
        """Passages, those whose order changed and those only shifted (reader.report.moves)."""
        places = result.placements
        passages = len(result.comparison.passages)
        moved = sum(p.crossing for p in places)
        shifted = sum(p.kind in ("shifted_up", "shifted_down") for p in places)
        digits = self.digits
        parts = [digits.of(self.tr("%n passage(s)", "", passages)), digits.of(self.tr("%n moved", "", moved))]
        if shifted:
            parts.append(digits.of(self.tr("%n shifted in order", "", shifted)))
        return parts

    def show_rules(self, options: CompareOptions) -> None:
        """Name the matching rules switched away from their defaults (none: nothing shown)."""
        defaults, chosen = NormalizeOptions(), options.normalize
        off = [name for name in RULE_NAMES if getattr(defaults, name) and not getattr(chosen, name)]
        on = [name for name in RULE_NAMES if not getattr(defaults, name) and getattr(chosen, name)]
        parts = []
        joined = self.tr(", ")
        if off:
            parts.append(self.tr("Not ignored: {0}").format(joined.join(map(_rule_name, off))))
        if on:
            parts.append(self.tr("Also ignored: {0}").format(joined.join(map(_rule_name, on))))
        words = options.min_passage_words
        if words != CompareOptions().min_passage_words:
            parts.append(self.digits.of(self.tr("passages of %n word(s) or more", "", words)))
        self.rules_label.set_full_text(SEPARATOR.join(parts))
        states = [
            self.tr("{0}: ignored").format(_rule_name(f.name))
            if getattr(chosen, f.name)
            else self.tr("{0}: counted as a difference").format(_rule_name(f.name))
            for f in fields(NormalizeOptions)
            if f.name in RULE_NAMES
        ]
        self.rules_label.setToolTip("\n".join([self.tr("Matching rules (Matching menu):"), *states]))

    def show_zoom(self, steps: int) -> None:
        share = (BASE_POINT_SIZE + steps) / BASE_POINT_SIZE
        self.zoom_label.set_full_text(self.digits.percent(share))
        self.zoom_label.setToolTip(self.tr("Text size (zoom in Ctrl+=, out Ctrl+-, reset Ctrl+0)"))
