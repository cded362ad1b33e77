"""Start the window. Kept small and free of Qt imports until the moment Qt is needed, so the terminal
commands never load it and a missing system library can be reported before PySide6 fails to load."""

from __future__ import annotations

from collections.abc import Sequence


def launch_gui(argv: Sequence[str]) -> int:
    from reader.ui.app import main  # noqa: PLC0415 - Qt only when the window is wanted

    return main(list(argv))
