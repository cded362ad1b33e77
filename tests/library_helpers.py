"""Shared fixtures' helpers for the library tests: seed texts and a library on tmp_path."""

from __future__ import annotations

from importlib import resources


def seed_bytes(prefix: str) -> bytes:
    """The bytes of the seed whose file name starts with `prefix` (e.g. "003")."""
    for entry in resources.files("reader.seeds").iterdir():
        if entry.name.startswith(prefix) and entry.name.endswith(".txt"):
            return entry.read_bytes()
    raise LookupError(prefix)


def seed_text(prefix: str) -> str:
    return seed_bytes(prefix).decode("utf-8")
