"""Turn the bytes of an unknown text file into `str`, or say in one line why it is not text.

Order (DESIGN.md section 5): a byte-order mark, then strict UTF-8, then UTF-16/32 without a mark
(recognised by where their NUL bytes sit), then charset-normalizer steered to the Arabic legacy code
pages. Newlines are left alone: offsets into the decoded text must match what the user gave us.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# 64 MiB: a million-word Arabic article is ~11 MB in UTF-8 (22 MB in UTF-16), so this leaves room
# while keeping a wrong file (a video, a disk image) from being read into memory.
MAX_FILE_BYTES = 64 * 1024 * 1024

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Single-byte code pages Arabic text arrives in, most common first. charset-normalizer is asked
# about these before anything else: left free, it reads short cp1256 text as Latin or Cyrillic.
ARABIC_CODEPAGES = ("cp1256", "iso8859_6", "cp720", "cp864")

# Above this share of control characters a decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01
# charset-normalizer's "chaos" (mess) score above which its Arabic guess is not trusted.
_MAX_CHAOS = 0.2
_MAX_UTF8_REPAIRS = 3  # broken UTF-8 sequences repaired (as U+FFFD) in a short text; more for long ones
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")  # \x1a: DOS end-of-file mark, seen in old files
# Control codes (Unicode category Cc) and lone surrogates (Cs) other than the allowed ones, as one
# character class so the scan runs in C.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f\ud800-\udfff]")


class InputError(ValueError):
    """Input that cannot be read as text. The message is one line, fit to show the user."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python codec name, e.g. "utf-8", "cp1256", "utf-16-le"
    had_bom: bool
    replaced: int = 0  # damaged byte sequences shown as U+FFFD (a UTF-8 file cut mid-letter)


def decode_bytes(data: bytes) -> Decoded:
    """Decode `data` as text; raise `InputError` if it is binary or in no encoding we can tell."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(_strict(data[len(bom) :], encoding, "byte-order mark"), encoding, True)
    if b"\x00" in data:
        return _decode_wide(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        cut_short = error.reason == "unexpected end of data"  # a file cut in the middle of a letter
        return _decode_damaged_utf8(data, cut_short) or _decode_legacy(data)
    if _looks_binary(text):
        raise InputError("binary data, not text")
    return Decoded(text, "utf-8", False)


def decode_document(data: bytes, source: str, max_bytes: int = MAX_FILE_BYTES) -> Decoded:
    """`decode_bytes` plus the checks a document needs (size, not empty); messages name `source`."""
    if len(data) > max_bytes:
        raise InputError(f"{source}: {too_large(len(data), max_bytes)}")
    if not data:
        raise InputError(f"{source}: file is empty")
    try:
        decoded = decode_bytes(data)
    except InputError as error:
        raise InputError(f"{source}: {error}") from None
    if not decoded.text.strip():
        raise InputError(f"{source}: file is empty (only whitespace)")
    return decoded


def read_text_file(path: str | os.PathLike[str], max_bytes: int = MAX_FILE_BYTES) -> Decoded:
    """Read and decode a text file, raising `InputError` with a one-line message naming the file."""
    name = os.fspath(path)
    try:
        data = read_file_bytes(Path(name), max_bytes)
    except InputError as error:
        raise InputError(f"{name}: {error}") from None
    return decode_document(data, name, max_bytes)


def read_file_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`, or `InputError` saying why not.

    Opened without blocking, so a named pipe with no writer is refused rather than waited on;
    devices such as /dev/zero are refused before a byte is read. The message omits the name.
    """
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied (not readable)") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a text file") from None
    except OSError as error:
        raise InputError(f"cannot read ({error.strerror or error})") from None
    info = os.fstat(handle)
    if not stat.S_ISREG(info.st_mode):
        os.close(handle)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory, not a text file")
        raise InputError(
            f"{_special_kind(info.st_mode)}, not a file; to read a stream, give - and pipe it in"
        )
    with os.fdopen(handle, "rb") as stream:
        size = info.st_size
        if size > max_bytes:
            raise InputError(too_large(size, max_bytes))
        try:
            data = stream.read(max_bytes + 1)  # +1: a file that grew while being read still hits the limit
        except OSError as error:
            raise InputError(f"cannot read ({error.strerror or error})") from None
    if len(data) > max_bytes:
        raise InputError(too_large(len(data), max_bytes))
    return data


def read_stream_bytes(stream: BinaryIO, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """At most `max_bytes` of a stream (standard input), or `InputError` when it holds more."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(too_large(len(data), max_bytes))
    return data


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    return "is not a regular file"


def too_large(size: int, max_bytes: int) -> str:
    """`too large (70.2 MiB; the limit is 64.0 MiB)`; a size that rounds to the limit reads "over"."""
    shown, limit = _size(size), _size(max_bytes)
    if shown == limit:
        return f"too large (over the limit of {limit})"
    return f"too large ({shown}; the limit is {limit})"


def _strict(data: bytes, encoding: str, why: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"not valid {encoding} at byte {error.start} despite its {why}") from None
    if _looks_binary(text):
        raise InputError("binary data, not text")
    return text


def _decode_wide(data: bytes) -> Decoded:
    """Text with NUL bytes is UTF-16 or UTF-32 without a mark, or it is binary.

    In UTF-16 LE every ASCII character (spaces, digits, newlines) is followed by a NUL, so NULs sit
    at odd offsets; in BE at even ones. Arabic letters (U+06xx) have no NUL byte at all.
    """
    for encoding in _wide_candidates(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text):
            return Decoded(text, encoding, False)
    raise InputError("binary data, not text (it contains NUL bytes)")


def _wide_candidates(data: bytes) -> list[str]:
    candidates: list[str] = []
    if len(data) % 4 == 0:
        # UTF-32: the top byte of each 4-byte unit is zero for every character (max U+10FFFF).
        units = len(data) // 4
        if data[3::4].count(0) == units:
            candidates.append("utf-32-le")
        if data[0::4].count(0) == units:
            candidates.append("utf-32-be")
    if len(data) % 2 == 0:
        # A NUL low byte means a character U+xx00, rare in text: allow 1% of them on the wrong side.
        odd, even = data[1::2].count(0), data[0::2].count(0)
        tolerance = max(1, len(data) // 200)
        if odd > even and even <= tolerance:
            candidates.append("utf-16-le")
        elif even > odd and odd <= tolerance:
            candidates.append("utf-16-be")
    return candidates


def _decode_damaged_utf8(data: bytes, cut_short: bool) -> Decoded | None:
    """UTF-8 with a few broken sequences (cut mid-letter, one bad byte) is still UTF-8.

    A legacy code page read as UTF-8 breaks at nearly every Arabic letter, so a small share of
    errors among many good multi-byte letters tells the two apart. A text whose only flaw is a
    letter cut off at its very end is UTF-8 however short it is.
    """
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for ch in text[:65536] if ord(ch) > 0x7F and ch != "\ufffd")
    only_cut_short = cut_short and replaced == 1 and multibyte > 0
    too_damaged = replaced > max(_MAX_UTF8_REPAIRS, len(text) // 1000) or multibyte < 20 * replaced
    if too_damaged and not only_cut_short:
        return None
    if _looks_binary(text):
        return None
    return Decoded(text, "utf-8", False, replaced)


def _decode_legacy(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # noqa: PLC0415 - slow import, needed only here

    best = from_bytes(data, cp_isolation=list(ARABIC_CODEPAGES)).best()
    if best is None or best.chaos > _MAX_CHAOS:
        best = from_bytes(data).best() or best
    if best is not None:
        text, encoding = _fewest_mixed_words(data, str(best), codecs.lookup(best.encoding).name)
    elif (arabic := _mostly_arabic(data)) is not None:
        text, encoding = arabic, "cp1256"
    else:
        raise InputError("not text in any encoding Qarin knows (tried UTF-8, UTF-16, cp1256, ISO-8859-6)")
    if _looks_binary(text):
        raise InputError("binary data, not text")
    return Decoded(text, encoding, False)


# Code pages a single-byte file may really be in when the guess mixes scripts inside words.
_SINGLE_BYTE_ALTERNATIVES = (*ARABIC_CODEPAGES, "cp1252", "iso8859_15", "latin_1")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_MIN_ASCII_SHARE = 0.7  # of the Latin letters in a Latin-script reading (French: ~0.95)


def _fewest_mixed_words(data: bytes, text: str, encoding: str) -> tuple[str, str]:
    """The decoding whose words are each written in one script.

    In the wrong code page a letter of one script lands inside words of another: Latin-1 French
    read as cp1256 turns `l'Élysée` into `l'ةlysée`. The guess stands unless another code page has
    fewer such words.
    """
    best_count = _mixed_words(text)
    if not best_count:
        return text, encoding
    best = (text, encoding)
    for candidate in _SINGLE_BYTE_ALTERNATIVES:
        try:
            decoded = data.decode(candidate)
        except UnicodeDecodeError:
            continue
        count = _mixed_words(decoded)
        if count < best_count and _plausible(decoded):
            best, best_count = (decoded, codecs.lookup(candidate).name), count
    return best


def _mostly_arabic(data: bytes) -> str | None:
    """cp1256 text charset-normalizer gives up on (short, opening with a mark such as RLM, 0xFE):
    taken when most of its letters are Arabic and its words each keep to one script."""
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        return None
    letters = "".join(_LETTERS_RE.findall(text[:65536]))
    arabic = sum(_script(ch) == "arabic" for ch in letters)
    words = max(1, len(_LETTERS_RE.findall(text[:65536])))
    return text if arabic > len(letters) / 2 and _mixed_words(text) <= words // 100 else None


def _plausible(text: str) -> bool:
    """Arabic bytes read in a Latin code page are one-script words too (`ÞÇá`), but nearly all of
    their letters are accented; in French or German text most letters are plain ASCII."""
    letters = "".join(_LETTERS_RE.findall(text[:65536]))
    latin = [ch for ch in letters if _script(ch) == "latin"]
    return not latin or sum(ch.isascii() for ch in latin) >= _MIN_ASCII_SHARE * len(latin)


def _mixed_words(text: str) -> int:
    return sum(1 for word in _LETTERS_RE.findall(text[:65536]) if len({_script(ch) for ch in word}) > 1)


def _script(letter: str) -> str:
    code = ord(letter)
    if 0x0600 <= code <= 0x08FF or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    return "other"


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:65536]
    controls = len(_CONTROL_RE.findall(sample))
    # A few stray control codes (an ESC pasted from a terminal) still leave a text.
    return controls > max(4, _MAX_CONTROL_SHARE * len(sample))


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MiB"
    if count >= 1024:
        return f"{count / 1024:.1f} KiB"
    return f"{count} bytes"
