"""`main`: the window, `--screenshot FILE` (a picture of a comparison, then exit) or `--self-test`."""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from reader.ui.application import create_application, install_excepthook

log = logging.getLogger("qarin")
SCREENSHOT_TIMEOUT_SECONDS = 60.0


class UsageError(Exception):
    """A bad command-line argument: one line on stderr, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not argparse's usage block
        raise UsageError(f"{message} (see `qarin --help`)")


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = _Parser(prog="qarin", description="Compare Arabic news reports side by side.")
    parser.add_argument("--library", help="library file (default: the one in your data folder)")
    parser.add_argument("--left", help="article on the left: its id, or a seed file name such as 000")
    parser.add_argument("--right", help="article on the right")
    parser.add_argument("--screenshot", metavar="FILE", help="save a PNG of the window and exit")
    parser.add_argument("--self-test", action="store_true", help="check the window and the bundled font")
    return parser.parse_args(list(argv))


def resolve_article(library, reference: str) -> int:  # noqa: ANN001
    """An id as the list shows it, or a seed/file name (`000`, `000_8ab2242164f0a436.txt`)."""
    summaries = library.summaries()
    name = reference.strip()
    if name.isdigit() and not (len(name) > 1 and name.startswith("0")):  # "000" names a seed file
        if any(s.id == int(name) for s in summaries):
            return int(name)
    for summary in summaries:
        base = summary.origin.replace("\\", "/").rsplit("/", 1)[-1]
        if base == name or base.split(".")[0] == name or base.startswith(f"{name}_"):
            return summary.id
    raise UsageError(f"no article {reference!r} in the library (use an id from `qarin list` or a file name)")


def main(argv: Sequence[str] | None = None) -> int:
    # In a frozen bundle the comparison child processes start as this executable; this runs them.
    multiprocessing.freeze_support()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parse_arguments(argv)
    except UsageError as error:
        print(f"qarin: {error}", file=sys.stderr)
        return 2
    if args.self_test:
        from reader.ui import selftest  # noqa: PLC0415 - Qt window modules only when needed

        return selftest.run()
    from reader.library import default_library_path, open_library  # noqa: PLC0415

    if args.screenshot and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a picture needs no screen
    try:
        library = open_library(args.library)
    except Exception as error:  # noqa: BLE001 - one line, no traceback
        print(f"qarin: cannot open the library: {error}", file=sys.stderr)
        if args.screenshot:
            return 2
        # started from a desktop menu there is no terminal to read that line: ask in a window
        create_application(["qarin", *argv])
        from reader.ui.library.problem import ask_for_library  # noqa: PLC0415

        library = ask_for_library(Path(args.library) if args.library else default_library_path(), error)
        if library is None:
            return 2
    try:
        left = resolve_article(library, args.left) if args.left else None
        right = resolve_article(library, args.right) if args.right else None
    except UsageError as error:
        print(f"qarin: {error}", file=sys.stderr)
        return 2
    app = create_application(["qarin", *argv])
    install_excepthook()
    from reader.ui.window.mainwindow import MainWindow  # noqa: PLC0415 - after the fonts are loaded

    window = MainWindow(library, persist=args.screenshot is None)
    if args.screenshot:
        return _screenshot(app, window, args.screenshot, left, right)
    window.show()
    _open_pair(window, left, right)
    code = app.exec()
    library.close()
    return code


def _open_pair(window, left: int | None, right: int | None) -> None:  # noqa: ANN001
    if left is not None or right is not None:
        ids = [s.id for s in window.library.summaries()]
        left = left if left is not None else next((i for i in ids if i != right), right)
        right = right if right is not None else next((i for i in ids if i != left), left)
        window.show_pair(left, right)
    else:
        window.open_initial_pair()


def _screenshot(app: QApplication, window, path: str, left: int | None, right: int | None) -> int:  # noqa: ANN001
    """Show the pair, wait until the comparison is painted and fully highlighted, grab, save."""
    state = {"painted": False}
    window.comparisonPainted.connect(lambda: state.__setitem__("painted", True))
    window.settings.last_pair = lambda: None  # a screenshot starts from the given or most similar pair
    failures: list[str] = []
    # A message box runs an event loop of its own, where this function's loop below never gets to
    # look at its deadline: a timer (timers fire in every event loop) closes it and says why.
    watcher = QTimer(interval=50)
    watcher.timeout.connect(lambda: _fail_on_modal_box(failures))
    watcher.start()
    window.show()
    _open_pair(window, left, right)
    deadline = time.monotonic() + SCREENSHOT_TIMEOUT_SECONDS
    while not failures and not (state["painted"] and not window.view.highlighting()):
        app.processEvents()
        if time.monotonic() > deadline:
            failures.append("the comparison was not painted in time")
        time.sleep(0.005)
    watcher.stop()
    if failures:
        print(f"qarin: {failures[0]}", file=sys.stderr)
        window.close()
        return 1
    QTimer.singleShot(50, app.quit)
    app.exec()  # let the last paint events through
    image = window.grab()
    ok = image.save(path, "PNG")
    window.close()
    if not ok:
        print(f"qarin: cannot write {path}", file=sys.stderr)
        return 2
    print(path)
    return 0


def _fail_on_modal_box(failures: list[str]) -> None:
    """Close a modal dialog (an error box) that opened during a screenshot and note its text."""
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        return
    parts = [dialog.windowTitle()]
    if isinstance(dialog, QMessageBox):
        parts += [dialog.text(), dialog.informativeText()]
    failures.append(": ".join(" ".join(part.split()) for part in parts if part and part.strip()))
    dialog.reject() if isinstance(dialog, QDialog) else dialog.close()
