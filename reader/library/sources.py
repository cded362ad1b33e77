"""What `import` was given, as the articles to import: files, folders, collections and feeds.

Each item is (label for messages, a function making its draft, None) or (label, None, the reason
it cannot be imported). Making the draft is left to the store, inside its transaction, so a
failure is reported for that item alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from reader.library.archives import draft_from_record, is_collection, read_collection
from reader.library.errors import LibraryError
from reader.library.importers import FEED_SUFFIXES, Draft, draft_from_path, expand_paths, is_url

ImportItem = tuple[str, Callable[[], Draft] | None, str | None]


def import_items_of(paths: Iterable[str | os.PathLike[str]]) -> Iterator[ImportItem]:
    """One item per file, per item of a collection, per entry of a feed."""
    for raw in paths:
        if isinstance(raw, str) and is_url(raw):
            yield from _feed(raw)
            continue
        for path, problem in expand_paths([raw]):
            if problem:
                yield str(path), None, problem
            elif path.suffix.lower() in FEED_SUFFIXES:
                yield from _feed(str(path))
            elif is_collection(path):
                yield from _collection(path)
            else:
                yield str(path), partial(draft_from_path, path), None


def _feed(source: str) -> Iterator[ImportItem]:
    from reader.library.feeds import feed_items  # noqa: PLC0415 - urllib, http and email: 50 ms at start

    try:
        entries = list(feed_items(source))
    except LibraryError as error:
        yield source, None, str(error)
        return
    for label, make in entries:
        yield label, make, None


def _collection(path: Path) -> Iterator[ImportItem]:
    try:
        records = read_collection(path)
    except LibraryError as error:
        yield str(path), None, str(error)
        return
    for record in records:
        yield record.label, partial(draft_from_record, record, f"{path}#{record.label}"), None
