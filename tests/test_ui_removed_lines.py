"""The removed-lines dialog: seed 003's sixteen cleaned-away lines, restored from the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from reader.library import open_library
from reader.ui.library.removed_lines import COL_LINE, COL_REASON, COL_TEXT, RemovedLinesDialog
from reader.ui.window.mainwindow import MainWindow
from reader.ui.window.settings import WindowSettings


@pytest.fixture
def library(tmp_path: Path):
    lib = open_library(tmp_path / "library.sqlite3")
    yield lib
    lib.close()


def seed_id(library, prefix: str) -> int:
    return next(s.id for s in library.summaries() if Path(s.origin).name.startswith(prefix))


def line_count(text: str, line: str) -> int:
    return text.splitlines().count(line)


def test_lists_every_removed_line_of_seed_003(qtbot, library):
    article_id = seed_id(library, "003")
    removed = library.article(article_id).removed
    dialog = RemovedLinesDialog(library, article_id)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == len(removed) == 16
    shown = [dialog.tree.topLevelItem(i) for i in range(16)]
    assert [item.text(COL_TEXT) for item in shown] == [r.text for r in removed]
    assert [item.text(COL_LINE) for item in shown] == [str(r.line + 1) for r in removed]
    assert shown[0].text(COL_REASON) == "headline of another story"
    assert shown[-1].text(COL_REASON) == "copyright"
    assert dialog.title_label.text() == library.summary(article_id).title
    assert dialog.title_label.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_enter_restores_the_selected_line_and_signals(qtbot, library):
    article_id = seed_id(library, "003")
    target = library.article(article_id).removed[2]  # "العالم", a section label
    before = library.text(article_id)
    dialog = RemovedLinesDialog(library, article_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(2))
    dialog.tree.setFocus()
    with qtbot.waitSignal(dialog.restored, timeout=2000) as signal:
        qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert signal.args == [article_id]
    after = library.text(article_id)
    assert line_count(after, target.text) == line_count(before, target.text) + 1
    assert len(library.article(article_id).removed) == 15
    assert dialog.tree.topLevelItemCount() == 15
    assert target.text not in [dialog.tree.topLevelItem(i).text(COL_TEXT) for i in range(15)]
    assert dialog.selected_index() == 2  # the next line is ready for another Enter
    assert dialog.isVisible()


def test_alt_r_restores_and_escape_closes(qtbot, library):
    article_id = seed_id(library, "003")
    last = library.article(article_id).removed[-1]  # the copyright line
    dialog = RemovedLinesDialog(library, article_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # Alt+R is a mnemonic: it needs the dialog active, as a user's would be
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(15))
    with qtbot.waitSignal(dialog.restored, timeout=2000):
        qtbot.keyClick(dialog.tree, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert last.text in library.text(article_id)
    assert dialog.selected_index() == 14
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_article_with_nothing_removed_disables_restore(qtbot, library):
    article_id = seed_id(library, "002")
    assert library.article(article_id).removed == ()
    dialog = RemovedLinesDialog(library, article_id)
    qtbot.addWidget(dialog)
    assert dialog.tree.topLevelItemCount() == 0
    assert not dialog.restore_button.isEnabled()
    dialog.restore_selected()  # nothing selected: nothing happens, no error
    assert library.article(article_id).removed == ()


def test_restoring_a_line_refreshes_the_row_and_the_comparison_on_screen(qtbot, library, tmp_path):
    article_id = seed_id(library, "003")
    other = seed_id(library, "002")
    settings = WindowSettings(QSettings(str(tmp_path / "qarin.ini"), QSettings.Format.IniFormat))
    window = MainWindow(library, settings, persist=False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        window.show_pair(other, article_id)
    window.table.clearSelection()
    window.table.setCurrentIndex(window.proxy.index(-1, 0))
    window.action("article.removed_lines").trigger()  # nothing selected: say so, open nothing
    assert window.statusBar().currentMessage() == "Select an article in the list first"
    assert QApplication.activeModalWidget() is None

    window.select_article(article_id)
    window.action("article.removed_lines").trigger()
    dialog = window.findChild(RemovedLinesDialog)
    assert dialog.isVisible() and dialog.tree.topLevelItemCount() == 16
    copyright_line = dialog.tree.topLevelItem(15).text(COL_TEXT)
    words = library.summary(article_id).words
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(15))
    with qtbot.waitSignal(window.comparisonPainted, timeout=20_000):
        dialog.restore_selected()
    row = window.model.row_of(article_id)
    assert window.model.summary(row).words == library.summary(article_id).words > words
    assert copyright_line in window.view.right.text  # the pane shows the restored text again
    assert window.pair == (other, article_id)
    dialog.close()
    window.close()


PAGE = """<html><head><title>قمة آسيا الوسطى في واشنطن</title><script>var tracking = 1;</script>
<style>body { color: black }</style></head><body>
<header><p>شعار الموقع الإخباري</p></header>
<nav><a href="/">الرئيسية</a> <a href="/politics">سياسة</a>
<a href="/economy">اقتصاد</a> <a href="/sport">رياضة</a></nav>
<article><h1>قمة آسيا الوسطى في واشنطن</h1>
<p>استضاف الرئيس الأمريكي دونالد ترامب قادة خمس دول من آسيا الوسطى في البيت الأبيض يوم الخميس،
في الوقت الذي يكثف فيه بحثه عن المعادن الأرضية النادرة المطلوبة للأجهزة عالية التقنية.</p>
<p>وعقد ترامب والمسؤولون من كازاخستان وقيرغيزستان وطاجيكستان وتركمانستان وأوزبكستان اجتماعات ثنائية
في المكتب البيضاوي قبل تناول عشاء عمل، وأكد أن بلاده ستعزز شراكتها مع المنطقة في السنوات المقبلة.</p>
</article>
<aside><p>أخبار ذات صلة: زيارة كسر العزلة واستعادة النفوذ</p></aside>
<footer><p>جميع الحقوق محفوظة لموقع الأخبار ٢٠٢٥</p></footer>
</body></html>"""


def test_an_html_article_says_what_the_extraction_left_out(qtbot, library):
    article_id = library.import_bytes(PAGE.encode("utf-8"), origin="page.html").article_id
    article = library.article(article_id)
    assert article.format == "html" and "الرئيسية" not in article.text
    dialog = RemovedLinesDialog(library, article_id)
    qtbot.addWidget(dialog)
    heading = dialog.heading.text()
    assert "Nothing was removed" not in heading
    for region in ("navigation", "header", "asides", "footer"):
        assert region in heading
    navigation = len("".join("الرئيسية سياسة اقتصاد رياضة".split()))
    assert f"navigation ({navigation} characters)" in heading
    kept = len("".join(article.extracted.split()))
    assert f"The article is {kept} characters of the page's" in heading
