"""The QApplication as Qarin needs it: the bundled fonts, the translations, the error hook."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from importlib import resources

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

import reader
from reader.ui.comparison import panes
from reader.ui.window.settings import APPLICATION, ORGANISATION
from reader.view.errorlog import record_error

log = logging.getLogger("qarin")


def load_fonts() -> list[str]:
    """Register the fonts in reader.resources/fonts; returns their families (empty if none loaded)."""
    families: list[str] = []
    folder = resources.files("reader.resources") / "fonts"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.lower().endswith((".ttf", ".otf")):
            font_id = QFontDatabase.addApplicationFontFromData(entry.read_bytes())
            if font_id < 0:
                log.warning("could not load font %s", entry.name)
                continue
            families.extend(f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families)
    if families:
        panes.FONT_FAMILY = families[0]
    return families


def install_translations(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Qt's own strings and ours in the user's language; an Arabic UI is laid out right to left.

    Our English plural forms ("1 passage", "2 passages") go in first, under every language: Qt
    looks in the translators installed last first, so a language's own catalogue wins."""
    locale = locale or QLocale.system()
    QLocale.setDefault(locale)  # the window's own QLocale() (its default digits) agrees
    translators = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(resources.files("reader.resources") / "translations")
    plurals = QTranslator(app)
    if plurals.load("qarin_en", ours):
        app.installTranslator(plurals)
        translators.append(plurals)
    for name, folder in (("qtbase", qt_dir), ("qarin", ours)):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder) and translator.language() != "en":
            app.installTranslator(translator)
            translators.append(translator)
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft
        if locale.language() == QLocale.Language.Arabic
        else Qt.LayoutDirection.LeftToRight
    )
    return translators


def install_excepthook() -> None:
    """An unexpected error is logged and shown in a message box: never a traceback on screen."""

    def hook(kind, value, tb) -> None:  # noqa: ANN001
        path = record_error(value.with_traceback(tb) if value is not None else kind())
        if QApplication.instance() is not None:
            where = f"\n\nDetails were written to {path}." if path else ""
            QMessageBox.critical(None, "Qarin", f"Something went wrong: {value}{where}")

    sys.excepthook = hook


GIL_SWITCH_SECONDS = 0.001


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists), with the bundled fonts and translations loaded."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else ["qarin"])
    elif hasattr(app, "_qarin_translators"):
        return app  # already set up (main asks about a broken library before the window opens)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(reader.__version__)
    app.setApplicationDisplayName("Qarin — قارِن")  # the window titles name it once: "Qarin — قارِن"
    # Workers build a result's tables in Python while the panes load text in slices: with the
    # default 5 ms switch interval each hand-over of the GIL between the two threads can keep the
    # event loop waiting, and slices stretched to 100-150 ms (measured, bench_ui.py part 4);
    # 1 ms keeps them near 50 ms
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    load_fonts()
    app._qarin_translators = install_translations(app)  # keep them alive
    return app
