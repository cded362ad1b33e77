"""Who took from whom as a small graph: each report nested under the report its text most likely
came from, the reports where text starts at the top; beside each, the verdict (dates and text
agree, text only, ...) in the user's language, and under the tree the current report's evidence in
words, wrapped. Enter on a report compares it with its source."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QWidget

from reader.stories.model import Provenance
from reader.ui.stories.evidence import Words

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # (article id, source id or None)


class ProvenanceTree(QTreeWidget):
    """`comparePair(source_id, article_id)`: Enter on a report that took from another."""

    comparePair = Signal(int, int)  # noqa: N815 - Qt naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provenanceTree")
        self.setColumnCount(2)
        self.setHeaderLabels(
            [
                QCoreApplication.translate("Evidence", "Report (under its source)"),
                QCoreApplication.translate("Evidence", "Verdict"),
            ]
        )
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.itemActivated.connect(self._activated)
        self.provenance: tuple[Provenance, ...] = ()
        self.detail = QLabel(parent)  # the current report's evidence, in words (the window places it)
        self.detail.setObjectName("provenanceDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(3 * self.detail.fontMetrics().lineSpacing() + 6)
        self.currentItemChanged.connect(
            lambda node, _old: self.detail.setText(node.toolTip(0) if node else "")
        )

    def show_provenance(
        self, provenance: Sequence[Provenance], sources: Mapping[int, str], words: Words
    ) -> None:
        self.clear()
        self.detail.clear()
        self.provenance = tuple(provenance)
        by_id = {item.article_id: item for item in provenance}
        takers: dict[int, list[Provenance]] = {}
        for item in provenance:
            if item.source_id in by_id and item.source_id != item.article_id:
                takers.setdefault(item.source_id, []).append(item)
        placed: set[int] = set()

        def add(parent: QTreeWidget | QTreeWidgetItem, item: Provenance) -> None:
            if item.article_id in placed:
                return
            placed.add(item.article_id)
            name = words.report(item.article_id, sources.get(item.article_id, ""))
            if parent is self and item.source_id is not None:  # a loop in the evidence: said at the top
                name = f"{name} ← {words.report(item.source_id)}"
            line = words.provenance_line(item, sources)
            node = QTreeWidgetItem(parent, [name, words.confidence(item)])
            node.setData(0, ITEM_ROLE, (item.article_id, item.source_id))
            node.setToolTip(0, line)
            node.setToolTip(1, line)
            for taker in takers.get(item.article_id, ()):
                add(node, taker)

        for item in provenance:
            if item.source_id not in by_id:
                add(self, item)
        for item in provenance:  # reports in a loop of sources, reached from no starting report
            add(self, item)
        self.expandAll()
        if self.topLevelItemCount():
            self.setCurrentItem(self.topLevelItem(0))

    def items(self) -> list[QTreeWidgetItem]:
        """Every report's row, depth first."""
        found: list[QTreeWidgetItem] = []

        def walk(node: QTreeWidgetItem) -> None:
            found.append(node)
            for k in range(node.childCount()):
                walk(node.child(k))

        for k in range(self.topLevelItemCount()):
            walk(self.topLevelItem(k))
        return found

    def _activated(self, node: QTreeWidgetItem, _column: int) -> None:
        article_id, source_id = node.data(0, ITEM_ROLE)
        if source_id is not None:
            self.comparePair.emit(source_id, article_id)
