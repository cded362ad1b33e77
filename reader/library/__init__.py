"""The article library: SQLite store, importers (text, HTML, folders, pasted), cleaning and search.

No Qt here: the window (reader/ui) and the CLI (reader/commands/library.py) both use this API.
"""

from reader.library.errors import LibraryError
from reader.library.model import (
    Article,
    ArticleSummary,
    ImportOutcome,
    ImportReport,
    RemovedLine,
    SearchHit,
)
from reader.library.store import Library, default_library_path, open_library

__all__ = [
    "Article",
    "ArticleSummary",
    "ImportOutcome",
    "ImportReport",
    "Library",
    "LibraryError",
    "RemovedLine",
    "SearchHit",
    "default_library_path",
    "open_library",
]
