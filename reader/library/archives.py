"""Collections of articles in one file: JSON, JSON Lines, and `.zip` files of them.

An article is a JSON object with its text under `content` or `text`, and, where present, `title`,
`source`, `url`, `author` and a date (`date`, `date_extracted`, `published`: `YYYY-MM-DD`, with a
time `YYYY-MM-DD hh:mm[:ss]` or ISO 8601). A JSON file holds one such object, an array of them, or
an object with the array under `articles`, `items` or `data` (SaudiNewsNet ships one array per day,
zipped). A file that cannot be read at all fails as a whole; an item that is not an article fails
on its own, named by its place (`day.zip:day.json#17`), and the others are imported.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from reader.library.errors import LibraryError
from reader.library.importers import (
    COLLECTION_SUFFIXES,
    JSON_SUFFIXES,
    MAX_BYTES,
    Draft,
    make_draft,
    read_bytes,
)
from reader.library.metadata import valid_date_time

TEXT_FIELDS = ("content", "text")
DATE_FIELDS = ("date", "date_extracted", "published", "pubDate")
LIST_FIELDS = ("articles", "items", "data")


@dataclass(frozen=True)
class Record:
    """One item of a collection: where it is (for messages and the origin) and what it holds."""

    label: str  # e.g. "2015-07-21.zip:2015-07-21.json#17"
    value: object  # the parsed JSON value; an article when it is an object with a text


def is_collection(path: Path) -> bool:
    return path.suffix.lower() in COLLECTION_SUFFIXES


def read_collection(path: Path) -> list[Record]:
    """Every item of a collection file; LibraryError when the file as a whole cannot be read."""
    if path.suffix.lower() == ".zip":
        return list(_zip_records(path))
    return list(_json_records(read_bytes(path), path.name, path.suffix.lower()))


def _zip_records(path: Path) -> Iterator[Record]:
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise LibraryError("no such file") from None
    except (zipfile.BadZipFile, OSError) as error:
        raise LibraryError(f"not a readable zip file ({error})") from None
    with archive:
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir()
            and PurePosixPath(info.filename).suffix.lower() in JSON_SUFFIXES
            and not PurePosixPath(info.filename).name.startswith(".")
            and not info.filename.startswith("__MACOSX/")
        ]
        if not members:
            raise LibraryError("no .json or .jsonl file in the zip")
        for info in sorted(members, key=lambda member: member.filename):
            name = f"{path.name}:{info.filename}"
            if info.file_size > MAX_BYTES:
                raise LibraryError(f"{info.filename} in the zip is too large ({info.file_size} bytes)")
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, OSError, EOFError) as error:
                raise LibraryError(f"{info.filename} in the zip cannot be read ({error})") from None
            suffix = PurePosixPath(info.filename).suffix.lower()
            yield from _json_records(data, name, suffix)


def _json_records(data: bytes, name: str, suffix: str) -> Iterator[Record]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LibraryError(f"{name}: not UTF-8 JSON ({error.reason} at byte {error.start})") from None
    if suffix in (".jsonl", ".ndjson"):
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    value: object = json.loads(line)
                except json.JSONDecodeError as error:
                    value = _Unreadable(f"not JSON ({error.msg} at column {error.colno})")
                yield Record(f"{name}:{number}", value)
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise LibraryError(
            f"{name}: not JSON ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    items = _items_of(document)
    if items is None:
        yield Record(name, document)
        return
    for number, value in enumerate(items):
        yield Record(f"{name}#{number}", value)


def _items_of(document: object) -> list | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and not any(key in document for key in TEXT_FIELDS):
        for key in LIST_FIELDS:
            if isinstance(document.get(key), list):
                return document[key]
    return None


@dataclass(frozen=True)
class _Unreadable:
    reason: str


def _text_field(item: dict, key: str) -> str:
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""


def parse_date(value: str) -> tuple[str | None, str | None]:
    """(date, time) from the forms collections and feeds use; (None, None) when there is none."""
    if not value:
        return None, None
    try:
        return valid_date_time(value)
    except ValueError:
        pass
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None, None
    return moment.date().isoformat(), moment.strftime("%H:%M:%S")


def draft_from_record(record: Record, origin: str) -> Draft:
    """An article from one item; LibraryError saying why an item is not one."""
    item = record.value
    if isinstance(item, _Unreadable):
        raise LibraryError(item.reason)
    if not isinstance(item, dict):
        raise LibraryError(f"not an article (a JSON {type(item).__name__}, not an object)")
    body = next(
        (item[key] for key in TEXT_FIELDS if isinstance(item.get(key), str) and item[key].strip()), None
    )
    if body is None:
        raise LibraryError("no article text (no content or text field with words in it)")
    date, time = None, None
    for key in DATE_FIELDS:
        date, time = parse_date(_text_field(item, key))
        if date:
            break
    return make_draft(
        body,
        original=json.dumps(item, ensure_ascii=False).encode("utf-8", "surrogatepass"),
        encoding="utf-8",
        format="json",
        origin=_text_field(item, "url") or origin,
        title=_text_field(item, "title") or None,
        source=_text_field(item, "source") or None,
        date=date,
        time=time,
        author=_text_field(item, "author"),
    )
