"""Missing Qt system libraries are found before Qt is imported and named by their Debian package."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import syslibs


def fake_loader(missing: set[str]):
    tried: list[str] = []

    def load(soname: str) -> bool:
        tried.append(soname)
        return soname not in missing

    load.tried = tried  # type: ignore[attr-defined]
    return load


def test_nothing_missing_gives_none():
    assert syslibs.find_missing("xcb", fake_loader(set()), system="linux") is None


def test_missing_xcb_cursor_names_its_package():
    result = syslibs.find_missing("xcb", fake_loader({"libxcb-cursor.so.0"}), system="linux")
    assert result is not None
    assert result.sonames == ("libxcb-cursor.so.0",)
    assert result.packages == ("libxcb-cursor0",)
    message = result.message()
    assert "libxcb-cursor.so.0" in message
    assert "sudo apt-get install libxcb-cursor0" in message
    assert "\n" not in message


def test_several_missing_are_all_listed_and_packages_deduplicated():
    missing = {"libGL.so.1", "libEGL.so.1", "libglib-2.0.so.0", "libgthread-2.0.so.0"}
    result = syslibs.find_missing("offscreen", fake_loader(missing), system="linux")
    assert result is not None
    assert set(result.sonames) == missing
    assert result.packages.count("libglib2.0-0") == 1
    assert set(result.packages) == {"libgl1", "libegl1", "libglib2.0-0"}
    assert result.message().endswith("sudo apt-get install libglib2.0-0 libgl1 libegl1")


def test_offscreen_does_not_ask_for_xcb_libraries():
    loader = fake_loader({"libxcb-cursor.so.0", "libxcb-icccm.so.4"})
    assert syslibs.find_missing("offscreen", loader, system="linux") is None
    assert not any(name.startswith("libxcb") for name in loader.tried)
    assert syslibs.find_missing("xcb", fake_loader({"libxcb-icccm.so.4"}), system="linux") is not None


def test_not_linux_checks_nothing():
    loader = fake_loader({"libGL.so.1"})
    assert syslibs.find_missing("xcb", loader, system="darwin") is None
    assert loader.tried == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [("", "xcb"), ("offscreen", "offscreen"), ("wayland;xcb", "wayland"), ("xcb:display=:1", "xcb")],
)
def test_platform_name_reads_qt_qpa_platform(value, expected):
    env = {"QT_QPA_PLATFORM": value} if value else {}
    assert syslibs.platform_name(env) == expected


def test_every_needed_library_has_a_package():
    for name in syslibs.needed_libraries("xcb"):
        assert name in syslibs.DEBIAN_PACKAGES, name
    assert syslibs.package_for("libunknown.so.7") == "(the package that provides libunknown.so.7)"


def test_import_error_from_pyside_is_explained():
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    message = syslibs.explain_import_error(error, platform="xcb")
    assert "libEGL.so.1" in message
    assert "sudo apt-get install libegl1" in message
    other = syslibs.explain_import_error(ImportError("No module named 'PySide6'"))
    assert other == "qarin: cannot load Qt (PySide6): No module named 'PySide6'"


def test_check_gui_environment_prints_one_line_and_fails():
    out = io.StringIO()
    code = syslibs.check_gui_environment(
        fake_loader({"libxcb-cursor.so.0"}), {"DISPLAY": ":0"}, system="linux", stream=out
    )
    assert code != 0
    assert out.getvalue().count("\n") == 1
    assert "libxcb-cursor0" in out.getvalue()


def test_check_gui_environment_without_display_says_so():
    out = io.StringIO()
    assert syslibs.check_gui_environment(fake_loader(set()), {}, system="linux", stream=out) != 0
    assert "DISPLAY" in out.getvalue()
    quiet = io.StringIO()
    env = {"QT_QPA_PLATFORM": "offscreen"}
    assert syslibs.check_gui_environment(fake_loader(set()), env, system="linux", stream=quiet) == 0
    assert quiet.getvalue() == ""


def test_ctypes_loader_finds_libc_and_rejects_nonsense(tmp_path):
    load = syslibs.make_ctypes_loader([str(tmp_path)])
    assert load("libc.so.6")
    assert not load("libqarin-does-not-exist.so.9")


def _needed(binary: Path) -> set[str]:
    output = subprocess.run(["objdump", "-p", str(binary)], capture_output=True, text=True, check=True).stdout
    return {line.split()[1] for line in output.splitlines() if line.strip().startswith("NEEDED")}


def test_table_covers_what_installed_qt_links_against():
    """Guards against drift: a new PySide6 that links a new system library must be added to the table.

    objdump (binutils) is there wherever PyInstaller builds on Linux: it needs it too."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    base = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "ld-linux-x86-64.so.2"}

    def system_needs(*binaries: Path) -> set[str]:
        names = set().union(*(_needed(b) for b in binaries))
        return {n for n in names if not n.startswith("libQt6") and not n.startswith("libicu")} - base

    core = system_needs(
        *(qt / "lib" / f"libQt6{m}.so.6" for m in ("Core", "Gui", "Widgets", "DBus")),
        qt / "plugins" / "platforms" / "libqoffscreen.so",
    )
    xcb = system_needs(qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6")
    assert core <= set(syslibs.CORE_LIBRARIES)
    assert xcb <= set(syslibs.needed_libraries("xcb"))


def test_real_machine_agrees_with_ldd_on_the_xcb_plugin():
    """The ctypes check reports exactly what ldd reports as 'not found' for the xcb platform plugin."""
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    ldd = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    not_found = {line.split()[0] for line in ldd.splitlines() if "not found" in line}
    result = syslibs.find_missing("xcb")
    assert set(result.sonames if result else ()) == not_found


def test_launcher_subprocess_reports_missing_library_without_traceback():
    """A bare machine is simulated by a loader that fails libEGL: one line, non-zero exit."""
    code = (
        "import sys; from reader import syslibs; "
        "sys.exit(syslibs.check_gui_environment(lambda n: n != 'libEGL.so.1', {'DISPLAY': ':0'}))"
    )
    env = dict(os.environ)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 3
    assert done.stderr.strip().splitlines() == [
        "qarin: Qt (xcb platform) needs system libraries that are missing: libEGL.so.1; "
        "install with: sudo apt-get install libegl1"
    ]


def test_launcher_stops_before_qt_when_a_library_is_missing(monkeypatch, capsys):
    """`qarin` (the window) checks first: one line naming the package, exit 3, reader.ui never imported."""
    from reader import gui_launcher

    monkeypatch.setattr(syslibs, "make_ctypes_loader", lambda dirs=(): fake_loader({"libfontconfig.so.1"}))
    monkeypatch.delitem(sys.modules, "reader.ui.app", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert gui_launcher.launch_gui(["--self-test"]) == 3
    err = capsys.readouterr().err
    assert err == (
        "qarin: Qt (offscreen platform) needs system libraries that are missing: libfontconfig.so.1; "
        "install with: sudo apt-get install libfontconfig1\n"
    )
    assert "reader.ui.app" not in sys.modules


def test_self_test_defaults_to_offscreen(monkeypatch):
    from reader import gui_launcher

    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    gui_launcher._choose_headless_platform(["--self-test"])
    assert os.environ["QT_QPA_PLATFORM"] == "offscreen"
    monkeypatch.delenv("QT_QPA_PLATFORM")
    gui_launcher._choose_headless_platform(["--screenshot", "x.png"])  # a display is there: use it
    assert "QT_QPA_PLATFORM" not in os.environ


def test_import_failure_of_qt_becomes_one_line():
    assert syslibs.import_qt_or_explain(["PySide6.QtCore"]) is None
    message = syslibs.import_qt_or_explain(["PySide6.QtNoSuchModule"])
    assert message == "qarin: cannot load Qt (PySide6): No module named 'PySide6.QtNoSuchModule'"


def test_ctypes_loader_also_looks_in_the_bundle_folder(tmp_path):
    """A library the bundle carries but the system lacks counts as present."""
    import ctypes

    ctypes.CDLL("libz.so.1")  # zlib is on every machine Qt runs on; find its file in our memory map
    maps = Path("/proc/self/maps").read_text().splitlines()
    source = Path(
        next(line.split()[-1] for line in maps if line.endswith("libz.so.1") or "/libz.so.1." in line)
    )
    (tmp_path / "libqarin-bundled-only.so.1").write_bytes(source.read_bytes())
    assert not syslibs.make_ctypes_loader()("libqarin-bundled-only.so.1")
    assert syslibs.make_ctypes_loader([str(tmp_path)])("libqarin-bundled-only.so.1")
