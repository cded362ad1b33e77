"""The lines cleaning took out of an article (site chrome, related links, a stray headline), shown
with where and why, and put back one at a time.

Keyboard: the list has the focus; Enter or Alt+R restores the selected line, Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.library import Library, RemovedLine
from reader.text.direction import is_right_to_left
from reader.view.paragraphs import reveal_hidden

COL_TEXT, COL_LINE, COL_REASON = range(3)


def _tr(text: str) -> str:
    return QCoreApplication.translate("RemovedLines", text)


class _DirectionalDelegate(QStyledItemDelegate):
    """Lays out each cell in its own script's direction: Arabic right-aligned and right-to-left
    (so a closing ؟ or quote sits at its end), Latin left-to-right, whatever the window's direction."""

    def initStyleOption(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if is_right_to_left(option.text):
            option.direction = Qt.LayoutDirection.RightToLeft
            option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
        else:
            option.direction = Qt.LayoutDirection.LeftToRight
            option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
        option.displayAlignment |= Qt.AlignmentFlag.AlignVCenter


class RemovedLinesDialog(QDialog):
    """Lists an article's removed lines and restores the selected one."""

    restored = Signal(int)  # article id, after its text changed

    def __init__(self, library: Library, article_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.article_id = article_id
        self._removed: tuple[RemovedLine, ...] = ()
        self.setWindowTitle(_tr("Removed lines"))

        self.title_label = QLabel(self)  # the title on its own line, laid out in its own direction
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.heading = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([_tr("Text"), _tr("Line"), _tr("Reason")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setItemDelegateForColumn(COL_TEXT, _DirectionalDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_LINE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        self.tree.currentItemChanged.connect(lambda *_: self._update_button())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(_tr("&Restore"), self)  # Alt+R
        self.restore_button.setDefault(True)  # Enter in the list restores
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(760, 440)
        self.reload()
        self.tree.setFocus()

    def reload(self, keep_row: int = 0) -> None:
        """Read the removed lines again (restoring one renumbers the rest)."""
        article = self._library.article(self.article_id)
        self._removed = article.removed
        self.tree.clear()
        for removed in self._removed:
            # the reason is translated where a catalogue has it
            item = QTreeWidgetItem([removed.text, str(removed.line + 1), _tr(removed.reason)])
            item.setToolTip(COL_TEXT, removed.text)
            item.setTextAlignment(COL_LINE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
        self.title_label.setText(reveal_hidden(article.title))
        rtl = is_right_to_left(article.title)
        self.title_label.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self.title_label.setAlignment(
            (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
            | Qt.AlignmentFlag.AlignAbsolute
        )
        count = len(self._removed)
        if count:
            self.heading.setText(_tr("Cleaning removed {0} lines from this article.").format(count))
            self.tree.setCurrentItem(self.tree.topLevelItem(min(keep_row, count - 1)))
        else:
            self.heading.setText(_tr("Nothing was removed from this article."))
        self._update_button()

    def selected_index(self) -> int | None:
        item = self.tree.currentItem()
        return self.tree.indexOfTopLevelItem(item) if item is not None else None

    def restore_selected(self) -> None:
        index = self.selected_index()
        if index is None:
            return
        try:
            self._library.restore_line(self.article_id, index)
        except Exception as error:  # noqa: BLE001 - shown, never a traceback
            QMessageBox.warning(self, _tr("Cannot restore the line"), str(error))
            return
        self.reload(keep_row=index)
        self.tree.setFocus()
        self.restored.emit(self.article_id)

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.tree.currentItem() is not None)


def show_removed_lines(
    parent: QWidget, library: Library, article_id: int, on_restored: Callable[[int], None]
) -> RemovedLinesDialog:
    """The removed lines of an article, in a dialog that stays open; `on_restored(article_id)` after
    each line put back (its text changed)."""
    dialog = RemovedLinesDialog(library, article_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.restored.connect(on_restored)
    dialog.open()
    return dialog
