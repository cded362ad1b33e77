"""The lines cleaning took out of an article (site chrome, related links, a stray headline), shown
with where and why, and put back one at a time.

Keyboard: the list has the focus; Enter or Alt+R restores the selected line, Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
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

from reader.library import Article, Library, RemovedLine
from reader.library.html_page import left_out
from reader.text.direction import is_right_to_left
from reader.view.digits import LATIN, Digits
from reader.view.paragraphs import reveal_hidden

COL_TEXT, COL_LINE, COL_REASON = range(3)


# the parts of a page that extraction leaves out (reader.library.html_page.PAGE_REGIONS)
REGIONS = {
    "navigation": QT_TRANSLATE_NOOP("RemovedLines", "navigation"),
    "header": QT_TRANSLATE_NOOP("RemovedLines", "header"),
    "asides": QT_TRANSLATE_NOOP("RemovedLines", "asides"),
    "footer": QT_TRANSLATE_NOOP("RemovedLines", "footer"),
    "forms": QT_TRANSLATE_NOOP("RemovedLines", "forms"),
}
# why cleaning took a line out (reader.library.cleaning), in the user's language
REASONS = (
    QT_TRANSLATE_NOOP("RemovedLines", "date"),
    QT_TRANSLATE_NOOP("RemovedLines", "site chrome"),
    QT_TRANSLATE_NOOP("RemovedLines", "related links"),
    QT_TRANSLATE_NOOP("RemovedLines", "copyright"),
    QT_TRANSLATE_NOOP("RemovedLines", "section label"),
    QT_TRANSLATE_NOOP("RemovedLines", "headline of another story"),
    QT_TRANSLATE_NOOP("RemovedLines", "image caption"),
    QT_TRANSLATE_NOOP("RemovedLines", "credit line"),
)


def _reason(reason: str) -> str:
    return QCoreApplication.translate("RemovedLines", reason)


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

    def __init__(
        self, library: Library, article_id: int, parent: QWidget | None = None, digits: Digits = LATIN
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._digits = digits  # how numbers are written (the window's setting)
        self.article_id = article_id
        self._removed: tuple[RemovedLine, ...] = ()
        self.setWindowTitle(QCoreApplication.translate("RemovedLines", "Removed lines"))

        self.title_label = QLabel(self)  # the title on its own line, laid out in its own direction
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [
                QCoreApplication.translate("RemovedLines", "Text"),
                QCoreApplication.translate("RemovedLines", "Line"),
                QCoreApplication.translate("RemovedLines", "Reason"),
            ]
        )
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
        self.restore_button = QPushButton(
            QCoreApplication.translate("RemovedLines", "&Restore"), self
        )  # Alt+R
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
            line = self._digits.number(removed.line + 1)
            item = QTreeWidgetItem([removed.text, line, _reason(removed.reason)])
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
        digits = self._digits
        parts = [self._page_note(article)] if article.format == "html" else []
        if count:
            parts.append(
                digits.of(
                    QCoreApplication.translate(
                        "RemovedLines", "Cleaning removed %n line(s) from this article.", "", count
                    )
                )
            )
            self.tree.setCurrentItem(self.tree.topLevelItem(min(keep_row, count - 1)))
        elif parts:
            parts.append(QCoreApplication.translate("RemovedLines", "Cleaning removed nothing after that."))
        else:
            parts.append(QCoreApplication.translate("RemovedLines", "Nothing was removed from this article."))
        self.heading.setText(" ".join(parts))
        self._update_button()

    def _page_note(self, article: Article) -> str:
        """What extracting the article from its web page left out, and how much it kept."""
        left = left_out(article.original)
        digits = self._digits
        kept = len("".join(article.extracted.split()))

        def characters(count: int) -> str:
            return digits.of(QCoreApplication.translate("RemovedLines", "%n character(s)", "", count))

        if left.regions:
            regions = QCoreApplication.translate("RemovedLines", ", ").join(
                f"{QCoreApplication.translate('RemovedLines', REGIONS[name])} ({characters(n)})"
                for name, n in left.regions.items()
            )
            said = QCoreApplication.translate(
                "RemovedLines",
                "Extracted from a web page: its {0} were left out, with its scripts and styles.",
            ).format(regions)
        else:
            said = QCoreApplication.translate(
                "RemovedLines",
                "Extracted from a web page: only its main text was kept, without scripts and styles.",
            )
        kept_of = QCoreApplication.translate("RemovedLines", "The article is {0} of the page's {1}.").format(
            characters(kept), characters(max(kept, left.page))
        )
        return f"{said} {kept_of}"

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
            QMessageBox.warning(
                self, QCoreApplication.translate("RemovedLines", "Cannot restore the line"), str(error)
            )
            return
        self.reload(keep_row=index)
        self.tree.setFocus()
        self.restored.emit(self.article_id)

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.tree.currentItem() is not None)


def show_removed_lines(
    parent: QWidget,
    library: Library,
    article_id: int,
    on_restored: Callable[[int], None],
    digits: Digits = LATIN,
) -> RemovedLinesDialog:
    """The removed lines of an article, in a dialog that stays open; `on_restored(article_id)` after
    each line put back (its text changed)."""
    dialog = RemovedLinesDialog(library, article_id, parent, digits)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.restored.connect(on_restored)
    dialog.open()
    return dialog
