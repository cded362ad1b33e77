"""What the Qarin bundle leaves out of what PyInstaller collected (used by qarin.spec).

PyInstaller's PySide6 hooks collect every plugin of the Qt modules we import (wayland, eglfs, vnc, gtk3
theme, tls ...), the translations of all Qt tools in 50 languages, and the system libraries those
plugins link against (GTK, cairo, pango, krb5 ...). We keep the plugins a Linux desktop and the
offscreen self-test need, then keep only the shared libraries still reachable through ELF NEEDED
entries from what remains.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from collections.abc import Iterable
from pathlib import PurePosixPath

# Plugins kept, by folder; None keeps the whole folder. Every other folder is dropped whole.
KEPT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"libqxcb.so", "libqoffscreen.so", "libqminimal.so"},
    "xcbglintegrations": None,  # xcb loads one of them (GLX or EGL)
    "platforminputcontexts": {
        "libcomposeplatforminputcontextplugin.so",
        "libibusplatforminputcontextplugin.so",
    },
    "platformthemes": {"libqxdgdesktopportal.so"},  # the gtk3 theme would drag GTK, cairo and pango in
    "imageformats": {"libqsvg.so", "libqico.so"},  # PNG is built into QtGui; the icon is SVG/PNG/ICO
    "iconengines": None,
    "printsupport": None,  # CUPS, for File > Print to a printer (the room is made in icu_data.py)
}
KEPT_TRANSLATIONS = {"qtbase_ar.qm", "qtbase_en.qm", "qt_ar.qm", "qt_en.qm"}
# courlan (via trafilatura) only calls babel's Locale.parse when asked to filter by language, which
# Qarin never does; an unknown locale raises UnknownLocaleError, which courlan catches. 30 MB saved.
KEPT_BABEL_LOCALES = re.compile(r"^(root|ar|ar_\w+|en|en_\w+)\.dat$")

_SHARED_LIBRARY = re.compile(r"^lib[^/]*\.so(\.\d+)*$")
_PYTHON_EXTENSION = re.compile(r"\.(cpython-\d+\w*-[\w-]+|abi3)\.so$")


def keep_file(dest: str) -> bool:
    """False for collected files the bundle does not need (destination path inside the bundle)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    name = parts[-1] if parts else dest
    if parts[:3] == ("PySide6", "Qt", "plugins") and len(parts) > 4:
        folder = parts[3]
        if folder not in KEPT_PLUGINS:
            return False
        wanted = KEPT_PLUGINS[folder]
        return wanted is None or name in wanted
    if parts[:3] == ("PySide6", "Qt", "translations"):
        return name in KEPT_TRANSLATIONS
    if parts[:3] == ("PySide6", "Qt", "qml"):
        return False
    if parts[:2] == ("babel", "locale-data"):
        return bool(KEPT_BABEL_LOCALES.match(name))
    return True


def is_root_binary(dest: str) -> bool:
    """Binaries loaded by Python or by Qt's plugin loader; plain shared libraries hang off them."""
    name = PurePosixPath(dest).name
    return (
        "plugins" in PurePosixPath(dest).parts
        or bool(_PYTHON_EXTENSION.search(name))
        or name.startswith("libpython")
        or not _SHARED_LIBRARY.match(name)
    )


def needed_sonames(path: str) -> set[str]:
    """DT_NEEDED entries of an ELF file (objdump is required by PyInstaller on Linux anyway)."""
    done = subprocess.run(["objdump", "-p", path], capture_output=True, text=True)
    return {line.split()[1] for line in done.stdout.splitlines() if line.strip().startswith("NEEDED")}


def reachable_binaries(binaries: Iterable[tuple[str, str, str]], needed=needed_sonames) -> set[str]:  # noqa: ANN001
    """Destinations of the binaries reachable from the roots by NEEDED links (by file name = soname)."""
    entries = list(binaries)
    by_name: dict[str, list[str]] = {}
    source_of: dict[str, str] = {}
    for dest, source, _kind in entries:
        by_name.setdefault(PurePosixPath(dest).name, []).append(dest)
        source_of[dest] = source
    todo = [dest for dest, _source, _kind in entries if is_root_binary(dest)]
    seen: set[str] = set(todo)
    while todo:
        dest = todo.pop()
        for soname in needed(source_of[dest]):
            for target in by_name.get(soname, ()):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
    return seen


def _symlink_target(dest: str, target: str) -> str:
    # SYMLINK entries are (dest, target relative to dest's folder).
    return posixpath.normpath(posixpath.join(posixpath.dirname(dest), target))


def filter_binaries(binaries: Iterable[tuple[str, str, str]], needed=needed_sonames) -> list:  # noqa: ANN001
    """Drop unwanted plugins, then every shared library nothing kept links against."""
    kept = [entry for entry in binaries if keep_file(entry[0])]
    files = [entry for entry in kept if entry[2] != "SYMLINK"]
    reachable = reachable_binaries(files, needed)
    result = [entry for entry in files if entry[0] in reachable]
    links = [entry for entry in kept if entry[2] == "SYMLINK"]
    return result + [e for e in links if _symlink_target(e[0], e[1]) in reachable]


def filter_datas(datas: Iterable[tuple[str, str, str]], binaries: Iterable[tuple[str, str, str]]) -> list:
    """Drop unwanted data files, and symbolic links to files that are no longer there."""
    kept = [entry for entry in datas if keep_file(entry[0])]
    present = {entry[0] for entry in kept if entry[2] != "SYMLINK"} | {entry[0] for entry in binaries}
    return [e for e in kept if e[2] != "SYMLINK" or _symlink_target(e[0], e[1]) in present]
