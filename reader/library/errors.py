"""The one exception the library raises for problems a user can fix (bad file, wrong library)."""

from __future__ import annotations


class LibraryError(Exception):
    """A one-line message for the user: the library file or an input cannot be used as it is."""
