"""Find the system libraries Qt needs before importing it, and name the Debian packages that provide them.

Without them PySide6 fails with a loader error (`libEGL.so.1: cannot open shared object file`) or Qt
aborts with "could not load the Qt platform plugin xcb". Both say nothing an editor can act on. This
module tries to load each library the way the dynamic loader would (no Qt import), so the launcher can
print `apt-get install ...` instead. The loader is injectable so tests can fake a bare machine.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

# soname -> Debian (12, bookworm) package that ships it. Names match Ubuntu 22.04/24.04 too, except that
# 24.04 renamed libglib2.0-0 to libglib2.0-0t64 (apt resolves the old name).
DEBIAN_PACKAGES: Mapping[str, str] = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11.so.6": "libx11-6",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}

# What QtCore + QtGui + QtWidgets and the offscreen plugin link against (objdump -p, PySide6 6.12).
CORE_LIBRARIES: tuple[str, ...] = (
    "libz.so.1",
    "libzstd.so.1",
    "libglib-2.0.so.0",
    "libgthread-2.0.so.0",
    "libdbus-1.so.3",
    "libfreetype.so.6",
    "libfontconfig.so.1",
    "libxkbcommon.so.0",
    "libX11.so.6",
    "libGL.so.1",
    "libEGL.so.1",
)

# What the xcb platform plugin (the Linux desktop one) adds.
XCB_LIBRARIES: tuple[str, ...] = (
    "libxcb.so.1",
    "libX11-xcb.so.1",
    "libxkbcommon-x11.so.0",
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-util.so.1",
    "libxcb-image.so.0",
    "libxcb-keysyms.so.1",
    "libxcb-randr.so.0",
    "libxcb-render-util.so.0",
    "libxcb-render.so.0",
    "libxcb-shape.so.0",
    "libxcb-shm.so.0",
    "libxcb-sync.so.1",
    "libxcb-xfixes.so.0",
    "libxcb-xkb.so.1",
)

Loader = Callable[[str], bool]

_SONAME_IN_ERROR = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")


@dataclass(frozen=True)
class MissingLibraries:
    """The libraries that failed to load and what to install."""

    sonames: tuple[str, ...]
    platform: str

    @property
    def packages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(package_for(name) for name in self.sonames))

    def message(self) -> str:
        """One line for the terminal: what is missing and the command that fixes it."""
        known = [p for p in self.packages if not p.startswith("(")]
        fix = f"; install with: sudo apt-get install {' '.join(known)}" if known else ""
        return (
            f"qarin: Qt ({self.platform} platform) needs system libraries that are missing: "
            f"{', '.join(self.sonames)}{fix}"
        )


def package_for(soname: str) -> str:
    return DEBIAN_PACKAGES.get(soname, f"(the package that provides {soname})")


def platform_name(environ: Mapping[str, str] | None = None) -> str:
    """The Qt platform plugin that will be used: QT_QPA_PLATFORM's first choice, else xcb on Linux."""
    environ = os.environ if environ is None else environ
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        # "wayland;xcb" lists fallbacks, "offscreen:fontengine=freetype" carries options.
        return requested.split(";")[0].split(":")[0].strip() or "xcb"
    return "xcb"


def needed_libraries(platform: str) -> tuple[str, ...]:
    if platform == "xcb":
        return CORE_LIBRARIES + XCB_LIBRARIES
    return CORE_LIBRARIES


def library_dirs() -> tuple[str, ...]:
    """Folders with our own copies of libraries that the loader may not search: the bundle's."""
    dirs = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(bundle)
    return tuple(dirs)


def make_ctypes_loader(extra_dirs: Sequence[str] = ()) -> Loader:
    """A loader that asks the dynamic linker for a soname, then tries our own library folders."""

    def load(soname: str) -> bool:
        for candidate in (soname, *(os.path.join(d, soname) for d in extra_dirs)):
            try:
                ctypes.CDLL(candidate)
            except OSError:
                continue
            return True
        return False

    return load


def find_missing(
    platform: str | None = None,
    loader: Loader | None = None,
    system: str | None = None,
) -> MissingLibraries | None:
    """The libraries Qt will fail to load on this machine, or None when all are there (or not Linux)."""
    if (system or sys.platform) != "linux":
        return None
    platform = platform or platform_name()
    load = loader or make_ctypes_loader(library_dirs())
    missing = tuple(name for name in needed_libraries(platform) if not load(name))
    return MissingLibraries(missing, platform) if missing else None


def explain_import_error(error: BaseException, platform: str | None = None) -> str:
    """Turn PySide6's ImportError into the same one-line message, naming the package when we know it."""
    text = str(error)
    found = _SONAME_IN_ERROR.findall(text)
    if found:
        return MissingLibraries(tuple(dict.fromkeys(found)), platform or platform_name()).message()
    first_line = text.strip().splitlines()[0] if text.strip() else type(error).__name__
    return f"qarin: cannot load Qt (PySide6): {first_line}"


def display_problem(platform: str, environ: Mapping[str, str] | None = None) -> str | None:
    """xcb with no X display makes Qt abort; say so instead (the self-test and screenshots run offscreen)."""
    environ = os.environ if environ is None else environ
    if platform == "xcb" and not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return (
            "qarin: no display found (DISPLAY is not set); start it from a desktop session, "
            "or set QT_QPA_PLATFORM=offscreen"
        )
    return None


def check_gui_environment(
    loader: Loader | None = None,
    environ: Mapping[str, str] | None = None,
    system: str | None = None,
    stream=None,  # noqa: ANN001 - a text stream; stderr by default
) -> int:
    """0 when Qt can start here; else print one line on stderr and return exit code 3."""
    platform = platform_name(environ)
    missing = find_missing(platform, loader, system)
    problem = missing.message() if missing else None
    if problem is None and (system or sys.platform) == "linux":
        problem = display_problem(platform, environ)
    if problem is None:
        return 0
    print(problem, file=stream or sys.stderr)
    return 3


def import_qt_or_explain(modules: Iterable[str] = ("PySide6.QtGui", "PySide6.QtWidgets")) -> str | None:
    """Import the Qt modules we use; on failure return the message to print instead of a traceback."""
    import importlib  # noqa: PLC0415

    try:
        for module in modules:
            importlib.import_module(module)
    except ImportError as error:
        return explain_import_error(error)
    return None
