"""Where unexpected errors go: a log file in the user's log folder, never a traceback on screen."""

from __future__ import annotations

import time
import traceback
from pathlib import Path

import platformdirs


def log_path() -> Path:
    return Path(platformdirs.user_log_dir("qarin", appauthor=False)) / "qarin.log"


def record_error(error: BaseException, context: str = "unexpected error") -> Path | None:
    """Append the error with its traceback to the log file; the path, or None if it cannot be written."""
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    try:
        path = log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {context}\n{text}\n")
    except OSError:
        return None
    return path
