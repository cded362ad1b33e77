"""Start the window. Kept small and free of Qt imports until the moment Qt is needed, so the terminal
commands never load it and a missing system library can be reported before PySide6 fails to load."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def _choose_headless_platform(argv: Sequence[str]) -> None:
    """The self-test is a check, not a window; a screenshot needs no screen (see reader.ui.app)."""
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    screenshot = any(a == "--screenshot" or a.startswith("--screenshot=") for a in argv)
    if not os.environ.get("QT_QPA_PLATFORM") and ("--self-test" in argv or (screenshot and not has_display)):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def launch_gui(argv: Sequence[str]) -> int:
    from reader import syslibs  # noqa: PLC0415

    _choose_headless_platform(argv)
    # Missing system libraries: name the Debian packages instead of a loader error or a Qt abort.
    if code := syslibs.check_gui_environment():
        return code
    if problem := syslibs.import_qt_or_explain():
        print(problem, file=sys.stderr)
        return 3
    from reader.ui.app import main  # noqa: PLC0415 - Qt only when the window is wanted

    return main(list(argv))


def render_pdf(argv: Sequence[str]) -> int:
    """`qarin --render-pdf PAGE.html OUT.pdf`: print a report page with Qt's PDF writer, offscreen."""
    from reader import syslibs  # noqa: PLC0415

    if len(argv) != 2:
        print("qarin: --render-pdf needs a page and a PDF file", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if problem := syslibs.import_qt_or_explain():
        print(problem, file=sys.stderr)
        return 3
    from pathlib import Path  # noqa: PLC0415

    from reader.ui.application import create_application, load_fonts  # noqa: PLC0415
    from reader.ui.facts.printing import report_document, write_pdf  # noqa: PLC0415

    app = create_application(["qarin"])
    families = load_fonts()
    page = Path(argv[0]).read_text(encoding="utf-8")
    write_pdf(report_document(page, families[0] if families else "DejaVu Sans"), argv[1])
    del app
    return 0 if Path(argv[1]).exists() else 1
