"""`qarin --self-test`: prove that this installation (source, wheel or bundle) can show a comparison.

It opens the real window offscreen on a throw-away library holding two seeds, waits until their
comparison is painted, and checks what a missing file in a bundle would break:
- the bundled font is registered, and the glyphs laid out for Arabic come from THAT font file (its
  `head` table, not just its family name: a system Amiri would pass a name check), with no missing
  glyph and with contextual forms (shaping happened: not the letters' isolated cmap glyphs);
- the pane has ink and highlight formats; the passages found are more than zero;
- Qt's and our Arabic translations and the SVG icon load (the plugins and data the bundle prunes around).
One line on stdout and exit 0 when all hold; one line on stderr and exit 1 naming the first failure.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

SEEDS = ("000_8ab2242164f0a436.txt", "001_abe78c42e994441b.txt")
PAINT_TIMEOUT_SECONDS = 20.0
MIN_ARABIC_GLYPHS = 200  # the first screen of a seed shows well over a thousand
MIN_SHAPED_GLYPHS = 50
MIN_INK_PIXELS = 500


class SelfTestFailure(Exception):
    """One check failed; the message is the reason, shown as one line."""


@dataclass(frozen=True)
class GlyphReport:
    family: str
    arabic_glyphs: int
    shaped_glyphs: int


def run(argv: list[str] | None = None) -> int:  # noqa: ARG001 - same signature as the other entry points
    started = time.perf_counter()
    # A check, not a window: offscreen unless the caller chose a platform (QT_QPA_PLATFORM=xcb
    # qarin --self-test checks the desktop plugin too).
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        with tempfile.TemporaryDirectory(prefix="qarin-selftest-") as scratch:
            summary = _self_test(Path(scratch))
    except SelfTestFailure as failure:
        return _failed(str(failure))
    except Exception as error:  # noqa: BLE001 - any surprise is a failure with its reason, no traceback
        return _failed(f"{type(error).__name__}: {error}")
    print(f"qarin self-test ok: {summary}, {time.perf_counter() - started:.2f} s")
    return 0


def _failed(reason: str) -> int:
    print(f"qarin self-test FAILED: {' '.join(reason.split())}", file=sys.stderr)  # one line
    return 1


def _self_test(scratch: Path) -> str:
    from PySide6.QtCore import QSettings  # noqa: PLC0415 - Qt only once the platform is chosen

    from reader.library import open_library  # noqa: PLC0415
    from reader.ui.application import create_application  # noqa: PLC0415
    from reader.ui.window.mainwindow import MainWindow  # noqa: PLC0415
    from reader.ui.window.settings import WindowSettings  # noqa: PLC0415

    app = create_application(["qarin", "--self-test"])
    _quiet_offscreen_notice()
    _check_translation_and_icon()
    library = open_library(scratch / "library.sqlite3", seed_if_empty=False)
    try:
        ids = [_import_seed(library, name) for name in SEEDS]
        settings = WindowSettings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(library, settings, persist=False)
        try:
            window.resize(1280, 800)
            window.show()
            _show_and_wait(app, window, ids)
            result = window.result()
            if result is None or result.comparison.stats.passages == 0:
                raise SelfTestFailure("the two seeds were compared but no shared passage was found")
            glyphs = check_glyphs(window.view.left)
            check_ink_and_highlights(window.view.left)
            passages = result.comparison.stats.passages
        finally:
            window.close()
            window.deleteLater()
    finally:
        library.close()
    return (
        f"{len(ids)} seeds, {passages} passages, font {glyphs.family} "
        f"({glyphs.arabic_glyphs} Arabic glyphs, {glyphs.shaped_glyphs} contextual forms)"
    )


def _quiet_offscreen_notice() -> None:
    """The offscreen plugin warns "does not support propagateSizeHints()" on show: not our business."""
    from PySide6.QtCore import qInstallMessageHandler  # noqa: PLC0415

    def handler(mode, context, message: str) -> None:  # noqa: ANN001
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    _quiet_offscreen_notice.handler = handler  # Qt keeps no Python reference


def _import_seed(library, name: str) -> int:  # noqa: ANN001
    entry = resources.files("reader.seeds") / name
    if not entry.is_file():
        raise SelfTestFailure(f"seed {name} is missing from reader.seeds")
    return library.import_bytes(entry.read_bytes(), origin=f"seeds/{name}").article_id


def _show_and_wait(app, window, ids: list[int]) -> None:  # noqa: ANN001
    """Compare the pair and wait for the painted signal; a message box the window opens instead
    (comparison failed, article unreadable) is closed and becomes the failure: offscreen, nobody
    would ever click it and the self-test would hang."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    painted, dialogs = [], []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            text = dialog.text() if hasattr(dialog, "text") else ""
            dialogs.append(" ".join(f"{dialog.windowTitle()}: {text}".split()))
            dialog.done(0)

    watch = QTimer()
    watch.setInterval(20)
    watch.timeout.connect(close_dialog)
    watch.start()
    window.comparisonPainted.connect(lambda: painted.append(True))
    try:
        window.show_pair(ids[0], ids[1])
        deadline = time.monotonic() + PAINT_TIMEOUT_SECONDS
        while not (painted and not window.view.highlighting()):
            app.processEvents()
            if dialogs:
                raise SelfTestFailure(f"the window reported an error: {dialogs[0]}")
            if time.monotonic() > deadline:
                raise SelfTestFailure(f"the comparison was not painted within {PAINT_TIMEOUT_SECONDS:.0f} s")
            time.sleep(0.002)
        app.processEvents()
    finally:
        watch.stop()


def bundled_font_tables() -> dict[bytes, str]:
    """`head` table of each bundled font file -> its family (the table holds the file's checksum, dates)."""
    from PySide6.QtCore import QByteArray  # noqa: PLC0415
    from PySide6.QtGui import QFont, QRawFont  # noqa: PLC0415

    tables = {}
    for entry in (resources.files("reader.resources") / "fonts").iterdir():
        if entry.name.lower().endswith((".ttf", ".otf")):
            raw = QRawFont(QByteArray(entry.read_bytes()), 12, QFont.HintingPreference.PreferNoHinting)
            if raw.isValid():
                tables[bytes(raw.fontTable("head"))] = raw.familyName()
    if not tables:
        raise SelfTestFailure("no font in reader.resources/fonts could be read")
    return tables


def _is_arabic_letter(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff" and unicodedata.category(char) == "Lo"


def check_glyphs(pane) -> GlyphReport:  # noqa: ANN001 - a ReadingPane
    """The Arabic text laid out in the pane's visible blocks is drawn with the bundled font, shaped."""
    bundled = bundled_font_tables()
    families, arabic, shaped, missing = set(), 0, 0, 0
    block = pane.firstVisibleBlock()
    while block.isValid() and block.layout() is not None and block.layout().lineCount() > 0:
        text = block.text()
        if any(_is_arabic_letter(c) for c in text):
            # glyphRuns() with its default arguments returns nothing under PySide6 6.12: pass the range.
            for run in block.layout().glyphRuns(0, len(text)):
                raw = run.rawFont()
                family = bundled.get(bytes(raw.fontTable("head")))
                indexes = list(run.glyphIndexes())
                if family is None:
                    continue  # e.g. a symbol from a fallback font; counted against the totals below
                families.add(family)
                nominal = set(raw.glyphIndexesForString(text))  # one glyph per character, unshaped
                arabic += len(indexes)
                missing += indexes.count(0)
                shaped += sum(1 for i in indexes if i not in nominal)
        block = block.next()
    if not families:
        raise SelfTestFailure("no Arabic glyph on screen came from the bundled font")
    if missing:
        raise SelfTestFailure(f"{missing} glyphs of the bundled font are missing (drawn as boxes)")
    if arabic < MIN_ARABIC_GLYPHS:
        raise SelfTestFailure(f"only {arabic} glyphs from the bundled font were laid out")
    if shaped < MIN_SHAPED_GLYPHS:
        raise SelfTestFailure(
            f"Arabic was not shaped: {shaped} contextual letter forms among {arabic} glyphs"
        )
    return GlyphReport(", ".join(sorted(families)), arabic, shaped)


def check_ink_and_highlights(pane) -> None:  # noqa: ANN001 - a ReadingPane
    """Text pixels are on the grabbed pane, and the highlighter gave the visible blocks formats."""
    from PySide6.QtGui import QImage, QPalette  # noqa: PLC0415

    image = pane.viewport().grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    ink = pane.palette().color(QPalette.ColorRole.Text).lightness()
    # Pixels within 60 grey levels of the text colour, counted in C: map each byte to 1 or 0.
    table = bytes(1 if abs(level - ink) < 60 else 0 for level in range(256))
    width = image.width() - image.width() % 4  # rows padded to 4 bytes: crop so the buffer has no padding
    pixels = bytes(image.copy(0, 0, width, image.height()).constBits())
    count = pixels.translate(table).count(1)
    if count < MIN_INK_PIXELS:
        raise SelfTestFailure(f"the pane shows almost no text ({count} ink pixels)")
    block, formatted = pane.firstVisibleBlock(), 0
    while block.isValid() and block.layout() is not None and block.layout().lineCount() > 0:
        formatted += bool(block.layout().formats())
        block = block.next()
    if formatted == 0:
        raise SelfTestFailure("no highlight was painted on the visible paragraphs")


def _check_translation_and_icon() -> None:
    from PySide6.QtCore import QLibraryInfo, QTranslator  # noqa: PLC0415
    from PySide6.QtGui import QIcon  # noqa: PLC0415

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_ar", folder):
        raise SelfTestFailure(f"Qt's Arabic translation qtbase_ar.qm is missing from {folder}")
    ours = QTranslator()
    if not ours.load("qarin_ar", str(resources.files("reader.resources") / "translations")):
        raise SelfTestFailure("the Arabic UI translation qarin_ar.qm is missing from reader.resources")
    if ours.translate("Actions", "Swap sides") in ("", "Swap sides"):
        raise SelfTestFailure("qarin_ar.qm does not translate the UI")
    icon_file = resources.files("reader.resources") / "icons" / "qarin.svg"
    if not icon_file.is_file():
        raise SelfTestFailure("the application icon is missing from reader.resources/icons")
    if QIcon(str(icon_file)).pixmap(64, 64).isNull():
        raise SelfTestFailure("the SVG icon cannot be drawn (Qt's svg icon engine plugin is missing)")
