"""A smaller ICU data library for the bundle (used by qarin.spec).

Qt links ICU, whose data library (libicudata.so.NN, 32 MB) is the largest file of the bundle. Qt
calls only four ICU services: converters (ucnv_*), collation (ucol_*), calendars for time-zone
names (ucal_*) and locale case mapping (u_strToUpper/Lower). The build checks that with objdump
and then rebuilds the library without the data trees nothing else reads: locale display names of
languages, regions, currencies and units, transliteration, spelled-out numbers and the word-break
dictionaries (15 MB). A library of the same name and symbol is linked from the trimmed package
with the C compiler the project's extensions are built with, as ICU's own build does.

The package format (ICU's ucmndata.h, "CmnD"): a data header, then a table of contents (a count,
then a name offset and a data offset per item, both from the start of the table), the item names,
and the items, each on a 16-byte boundary, sorted by name (ICU looks them up by bisection).
"""

from __future__ import annotations

import ctypes
import json
import re
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

DROPPED_TREES = ("brkitr", "curr", "lang", "rbnf", "region", "translit", "unit")
# What the kept data serves; an ICU call outside these stops the build (a newer Qt may need more).
SERVED_CALLS = re.compile(r"^(ucnv_|UCNV_|ucol_|ucal_|u_strToUpper_|u_strToLower_)")
ALIGNMENT = 16
PADDING = b"\xaa"  # what ICU's package tool fills gaps with
# What probe() asks of each service Qt calls (display_language, left out, tells the two data apart).
SERVICES = ("collation", "converter", "upper_tr", "zone_name")
_DATA_LIBRARY = re.compile(r"^libicudata\.so\.(\d+)$")


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item bytes with its padding)]) of an ICU common data package."""
    header_size, magic = struct.unpack_from("<H2s", blob, 0)
    if magic != b"\xda\x27":
        raise ValueError("not an ICU data package")
    if blob[12:16] != b"CmnD":
        raise ValueError(f"not an ICU common data package ({blob[12:16]!r})")
    toc = blob[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * k) for k in range(count)]
    items = []
    for k, (name_at, data_at) in enumerate(entries):
        name = toc[name_at : toc.index(b"\0", name_at)].decode("ascii")
        end = entries[k + 1][1] if k + 1 < count else len(toc)
        items.append((name, toc[data_at:end]))
    return blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The package read_package reads (the same bytes for an untouched item list)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    names_at = 4 + 8 * len(items)
    data_at = _aligned(names_at + len(names))
    table, offset, name_offset = [struct.pack("<I", len(items))], data_at, names_at
    body = []
    for name, data in items:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        padded = data + PADDING * (_aligned(len(data)) - len(data))
        body.append(padded)
        offset += len(padded)
    start = b"".join(table) + names
    return header + start + PADDING * (data_at - len(start)) + b"".join(body)


def without_trees(items: list[tuple[str, bytes]], trees: Iterable[str]) -> list[tuple[str, bytes]]:
    """The items outside the named trees (`icudt73l/lang/ar.res` is in tree `lang`)."""
    dropped = set(trees)
    return [
        (name, data) for name, data in items if not (name.count("/") >= 2 and name.split("/")[1] in dropped)
    ]


def _aligned(size: int) -> int:
    return -(-size // ALIGNMENT) * ALIGNMENT


def _objdump(args: list[str], path: str) -> str:
    return subprocess.run(["objdump", *args, path], capture_output=True, text=True, check=True).stdout


def package_of_library(path: Path) -> tuple[str, bytes]:
    """(symbol name, package bytes) of an ICU data library: its one exported data symbol."""
    symbols = [line.split() for line in _objdump(["-T"], str(path)).splitlines() if "_dat" in line]
    found = [fields for fields in symbols if re.fullmatch(r"icudt\d+_dat", fields[-1])]
    if len(found) != 1:
        raise ValueError(f"{path}: no single icudtNN_dat symbol")
    address, size, symbol = int(found[0][0], 16), int(found[0][-2], 16), found[0][-1]
    for line in _objdump(["-h", "-w"], str(path)).splitlines():
        fields = line.split()
        if len(fields) > 5 and fields[1] == ".rodata":
            vma, file_offset = int(fields[3], 16), int(fields[5], 16)
            start = address - vma + file_offset
            return symbol, path.read_bytes()[start : start + size]
    raise ValueError(f"{path}: no .rodata section")


def link_library(package: bytes, symbol: str, soname: str, folder: Path, compiler: str = "cc") -> Path:
    """A shared library named `soname` exporting `package` as `symbol` (what ICU's genccode does)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / f"{symbol}.dat"
    data.write_bytes(package)
    source = folder / f"{symbol}.S"
    source.write_text(
        '\t.section .note.GNU-stack,"",@progbits\n'
        "\t.section .rodata\n"
        f"\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign {ALIGNMENT}\n"
        f'{symbol}:\n\t.incbin "{data}"\n\t.size {symbol}, {len(package)}\n',
        encoding="ascii",
    )
    target = folder / soname
    flags = ["-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-Wl,-z,noexecstack"]
    try:
        subprocess.run([compiler, *flags, "-o", str(target), str(source)], check=True, capture_output=True)
    except FileNotFoundError:
        raise SystemExit(
            f"icu_data: {compiler} not found (the bundle's ICU data is linked with it)"
        ) from None
    except subprocess.CalledProcessError as error:
        raise SystemExit(
            f"icu_data: linking {soname} failed: {error.stderr.decode(errors='replace')}"
        ) from None
    return target


def unserved_icu_calls(binaries: Iterable[tuple[str, str, str]], version: str) -> set[str]:
    """ICU functions the bundled binaries import that the trimmed data may not serve."""
    suffix = f"_{version}"
    calls = set()
    for _dest, source, kind in binaries:
        if kind == "SYMLINK" or "icu" in PurePosixPath(source).name:
            continue
        for line in _objdump(["-T"], source).splitlines():
            fields = line.split()
            if "*UND*" in fields and (fields[-1].endswith(suffix) or f"icu_{version}" in fields[-1]):
                calls.add(fields[-1])
    return {call for call in calls if not SERVED_CALLS.match(call)}


def trim_icu_data(binaries: list[tuple[str, str, str]], work: Path) -> list[tuple[str, str, str]]:
    """The binaries with libicudata replaced by one without DROPPED_TREES; unchanged if none is there."""
    result = []
    for dest, source, kind in binaries:
        match = _DATA_LIBRARY.match(PurePosixPath(dest).name)
        if kind == "SYMLINK" or not match:
            result.append((dest, source, kind))
            continue
        version = match.group(1)
        unserved = unserved_icu_calls(binaries, version)
        if unserved:
            raise SystemExit(f"icu_data: the bundle calls ICU beyond what is kept: {sorted(unserved)}")
        symbol, package = package_of_library(Path(source))
        header, items = read_package(package)
        kept = without_trees(items, DROPPED_TREES)
        folder = Path(tempfile.mkdtemp(prefix="icu-", dir=work))
        library = link_library(write_package(header, kept), symbol, PurePosixPath(dest).name, folder)
        icu_folder = Path(source).parent
        before, after = probe(Path(source), icu_folder, version), probe(library, icu_folder, version)
        lost = [service for service in SERVICES if after.get(service) != before.get(service)]
        if lost or after.get(SERVICES[0]) is None:
            raise SystemExit(f"icu_data: the trimmed data no longer serves {lost}: {before} -> {after}")
        print(
            f"icu_data: {len(items) - len(kept)} of {len(items)} items left out, {len(package) / 1e6:.1f} -> "
            f"{library.stat().st_size / 1e6:.1f} MB ({', '.join(DROPPED_TREES)})"
        )
        result.append((dest, str(library), kind))
    return result


PROBE_TIMEOUT_SECONDS = 60


def probe(data_library: Path, icu_folder: Path, version: str) -> dict:
    """What the ICU libraries in `icu_folder` answer, loaded over `data_library`, for each service Qt
    calls, and one the trimmed data leaves out (a language's display name). Runs in a child: a process
    holds one ICU data library."""
    code = f"import json, sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import icu_data; "
    code += f"print(json.dumps(icu_data._answers({str(data_library)!r}, {str(icu_folder)!r}, {version!r})))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=PROBE_TIMEOUT_SECONDS
    )
    if done.returncode != 0:
        raise SystemExit(f"icu_data: probing {data_library} failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


def _answers(data_library: str, icu_folder: str, version: str) -> dict:
    ctypes.CDLL(data_library, mode=ctypes.RTLD_GLOBAL)  # libicuuc binds to it by its soname
    common = ctypes.CDLL(str(Path(icu_folder, f"libicuuc.so.{version}")), mode=ctypes.RTLD_GLOBAL)
    i18n = ctypes.CDLL(str(Path(icu_folder, f"libicui18n.so.{version}")))

    def call(library: ctypes.CDLL, name: str, *args: object) -> tuple[object, int]:
        status = ctypes.c_int(0)
        function = getattr(library, f"{name}_{version}")
        function.restype = ctypes.c_void_p if name.endswith("open") else ctypes.c_int32
        return function(*args, ctypes.byref(status)), status.value

    def uchars(text: str) -> ctypes.Array:
        return ctypes.create_string_buffer(text.encode("utf-16-le") + b"\0\0")

    def read(buffer: ctypes.Array, length: int) -> str:
        return buffer.raw[: 2 * length].decode("utf-16-le")

    out = ctypes.create_string_buffer(512)
    answers: dict = {}
    collator, status = call(i18n, "ucol_open", b"ar")
    if collator and status <= 0:
        strcoll = getattr(i18n, f"ucol_strcoll_{version}")
        strcoll.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int32, ctypes.c_char_p, ctypes.c_int32]
        answers["collation"] = strcoll(collator, uchars("أحمد"), -1, uchars("بدر"), -1)  # -1: before
    converter, status = call(common, "ucnv_open", b"windows-1256")
    if converter and status <= 0:
        to_uchars = getattr(common, f"ucnv_toUChars_{version}")
        to_uchars.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_int32,
            ctypes.c_char_p,
            ctypes.c_int32,
        ]
        raw = "قارن".encode("cp1256")
        length, status = call(common, "ucnv_toUChars", converter, out, 256, raw, len(raw))
        answers["converter"] = read(out, length) if status <= 0 else None
    length, status = call(common, "u_strToUpper", out, 256, uchars("i"), 1, b"tr")
    answers["upper_tr"] = read(out, length) if status <= 0 else None
    zone = uchars("Asia/Riyadh")
    calendar, status = call(i18n, "ucal_open", zone, len("Asia/Riyadh"), b"en", 0)
    if calendar and status <= 0:
        length, status = call(
            i18n, "ucal_getTimeZoneDisplayName", ctypes.c_void_p(calendar), 0, b"en", out, 256
        )
        answers["zone_name"] = read(out, length) if status <= 0 else None
    length, status = call(common, "uloc_getDisplayLanguage", b"ar", b"en", out, 256)
    answers["display_language"] = read(out, length) if status <= 0 else None
    return answers
