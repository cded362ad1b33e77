"""The exceptions the library raises for problems a user can fix, and the one-line reason for each
SQLite failure (locked, disk full, read-only, damaged) so none reaches a user as "unexpected"."""

from __future__ import annotations

import os
import sqlite3


class LibraryError(Exception):
    """A one-line message for the user: the library file or an input cannot be used as it is."""


class LibraryLockedError(LibraryError):
    """Another program holds the library's write lock (after waiting for it)."""


class LibraryUnwritableError(LibraryError):
    """Nothing can be written: the file or its folder is read-only, or the disk is full."""


class DamagedLibraryError(LibraryUnwritableError):
    """The file is damaged; nothing is written to it until it is repaired (`qarin repair`)."""

    def __init__(self, path: str | os.PathLike[str], detail: str) -> None:
        super().__init__(damaged_message(path, detail))
        self.path = path
        self.detail = detail


# SQLite's primary result codes (the low byte of sqlite_errorcode)
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26


def damaged_message(path: str | os.PathLike[str], detail: str) -> str:
    return (
        f"{path} is a damaged Qarin library ({detail}); nothing was written to it. "
        f"`qarin repair --library {path}` recovers what it can into a new file and keeps the damaged one"
    )


def from_sqlite(error: sqlite3.Error, path: str | os.PathLike[str], waited: float = 0) -> LibraryError:
    """The LibraryError that says in one line why SQLite failed on the library at `path`."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    detail = " ".join(str(error).split()) or type(error).__name__
    if code in (_BUSY, _LOCKED):
        wait = f" (waited {waited:.1f} s)" if waited else ""
        return LibraryLockedError(
            f"{path} is locked: another Qarin is writing to it{wait}; try again when it is done"
        )
    if code == _FULL:
        return LibraryUnwritableError(f"the disk holding {path} is full: nothing was written")
    if code == _READONLY:
        return LibraryUnwritableError(f"{path} is read-only: nothing was written ({detail})")
    if code in (_CORRUPT, _NOTADB):
        return DamagedLibraryError(path, detail)
    if code == _CANTOPEN:
        return LibraryError(f"cannot open {path} ({detail})")
    if code == _IOERR:
        return LibraryError(f"cannot read or write {path}: input/output error ({detail})")
    return LibraryError(f"library {path}: {detail}")
