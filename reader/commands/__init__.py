"""The terminal commands (`qarin compare|import|list|...`), each module adding its subparsers."""

from __future__ import annotations


class CliError(Exception):
    """A problem the user can fix: printed as one line on stderr, exit code 2."""
