"""The PyInstaller bundle, built from a clean clone of the committed tree (slow: run with `-m bundle`).

One build (about a minute) serves every bundle test here; the tests of the file filter at the end
are quick and run by default.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import reader
from reader.compare import compare

ROOT = Path(__file__).resolve().parent.parent
ONE_FOLDER_LIMIT_MB = 150
SELF_TEST_LINE = re.compile(
    r"^qarin self-test ok: 2 seeds, [1-9]\d* passages, font Amiri \(.*\), \d+\.\d\d s$"
)


def _clean_env(home: Path) -> dict[str, str]:
    """No Python of ours on the path, user folders in a scratch place, the platform left to the app."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_"))}
    env.update(XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"), HOME=str(home))
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> dict:
    work = tmp_path_factory.mktemp("bundle")
    source = work / "src"
    if (ROOT / ".git").exists():
        subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(source)], check=True)
    else:  # an unpacked release: copy what git would have
        shutil.copytree(
            ROOT, source, ignore=shutil.ignore_patterns("build", "dist", "*.egg-info", "__pycache__")
        )
    assert not (source / "packaging" / "__init__.py").exists(), "packaging/ must stay a plain folder"
    dist = work / "dist"
    done = subprocess.run(
        [
            sys.executable,
            str(source / "packaging" / "build.py"),
            "--dist",
            str(dist),
            "--work",
            str(work / "w"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    home = work / "home"
    home.mkdir()
    return {
        "dir": dist / "qarin",
        "exe": dist / "qarin" / "qarin",
        "log": done.stdout,
        "env": _clean_env(home),
    }


def _run(bundle: dict, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(bundle["exe"]), *args], capture_output=True, text=True, env=env or bundle["env"], timeout=120
    )


@pytest.mark.bundle
def test_build_prints_size_and_time(bundle):
    line = next(line for line in bundle["log"].splitlines() if line.startswith("one-folder:"))
    assert re.search(r"\d+\.\d MB \(limit 150 MB, ok\)\s+built in \d+\.\d s", line), line


@pytest.mark.bundle
def test_version(bundle):
    done = _run(bundle, "--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"qarin {reader.__version__}"


@pytest.mark.bundle
def test_self_test_passes(bundle):
    done = _run(bundle, "--self-test")
    assert done.returncode == 0, done.stderr
    assert SELF_TEST_LINE.match(done.stdout.strip()), done.stdout
    assert done.stderr == ""


@pytest.mark.bundle
def test_size_limit(bundle):
    size = sum(p.stat().st_size for p in bundle["dir"].rglob("*") if p.is_file() and not p.is_symlink())
    assert size / 1e6 < ONE_FOLDER_LIMIT_MB


@pytest.mark.bundle
def test_unused_qt_is_left_out(bundle):
    qt = bundle["dir"] / "_internal" / "PySide6" / "Qt"
    platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
    assert platforms == {"libqxcb.so", "libqoffscreen.so", "libqminimal.so"}
    assert not list((qt / "plugins").glob("wayland*"))
    translations = {p.name for p in (qt / "translations").iterdir()}
    assert "qtbase_ar.qm" in translations
    assert translations <= {"qtbase_ar.qm", "qtbase_en.qm", "qt_ar.qm", "qt_en.qm"}
    libs = {p.name for p in (qt / "lib").iterdir()}
    assert not {name for name in libs if re.match(r"libQt6(Network|Qml|Quick|Pdf|Wayland)", name)}
    assert not [p for p in bundle["dir"].rglob("*") if p.is_symlink() and not p.exists()], "dangling links"
    internal = bundle["dir"] / "_internal"
    assert not list(internal.glob("lxml/objectify*.so")) and not list(internal.glob("lxml/html/diff*.so"))


@pytest.mark.bundle
def test_printing_reaches_cups_printers(bundle):
    """File > Print lists the system's CUPS printers: Qt's CUPS plugin travels with libcups and what it
    links against (the room for them is made by the smaller ICU data)."""
    internal = bundle["dir"] / "_internal"
    plugin = internal / "PySide6" / "Qt" / "plugins" / "printsupport" / "libcupsprintersupport.so"
    assert plugin.is_file()
    assert (internal / "libcups.so.2").is_file()
    assert {"libgnutls.so.30", "libgssapi_krb5.so.2", "libavahi-client.so.3"} <= {
        p.name for p in internal.iterdir()
    }


@pytest.mark.bundle
def test_bundled_icu_data_serves_what_qt_calls(bundle):
    lib = bundle["dir"] / "_internal" / "PySide6" / "Qt" / "lib"
    data = lib / PYSIDE_ICU_DATA.name
    assert data.stat().st_size < 20e6  # 32 MB as PySide6 ships it
    answers = icu_data.probe(data, lib, ICU_VERSION)
    assert answers == {**PYSIDE_ICU_ANSWERS, "display_language": "ar"}  # no display names: trimmed


@pytest.mark.bundle
def test_resources_and_desktop_files_travel(bundle):
    internal = bundle["dir"] / "_internal"
    assert (internal / "reader" / "resources" / "fonts" / "Amiri-Regular.ttf").is_file()
    assert (internal / "reader" / "resources" / "fonts" / "OFL.txt").is_file()
    assert len(list((internal / "reader" / "seeds").glob("*.txt"))) == 5
    desktop = (bundle["dir"] / "qarin.desktop").read_text(encoding="utf-8")
    assert "Exec=qarin" in desktop and "Icon=qarin" in desktop
    assert (bundle["dir"] / "qarin.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.bundle
def test_terminal_commands_work_bundled(bundle, tmp_path):
    """The CLI and the HTML importer (trafilatura's data files) work without Python installed."""
    seeds = ROOT / "seeds"
    pair = [str(seeds / "000_8ab2242164f0a436.txt"), str(seeds / "001_abe78c42e994441b.txt")]
    done = _run(bundle, "compare", *pair, "--format", "json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    document.pop("facts")
    texts = []
    for path in pair:
        with open(path, encoding="utf-8", newline="") as file:  # as the CLI reads it: newlines untouched
            texts.append(file.read())
    assert document == json.loads(json.dumps(compare(*texts).to_dict()))  # the bundled engine's answer
    page = tmp_path / "page.html"
    paragraph = "استضاف الرئيس الأمريكي قادة دول آسيا الوسطى في البيت الأبيض في قمة لبحث التعاون في الطاقة. "
    page.write_text(
        "<html lang='ar'><head><title>قمة في البيت الأبيض</title></head><body><nav>الرئيسية</nav>"
        f"<article><h1>قمة في البيت الأبيض</h1><p>{paragraph * 3}</p><p>{paragraph * 2}</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    done = _run(bundle, "import", str(page))
    assert done.returncode == 0, done.stderr
    assert "قمة في البيت الأبيض" in done.stdout


@pytest.mark.bundle
def test_bad_input_is_one_line(bundle, tmp_path):
    done = _run(bundle, "compare", str(tmp_path / "missing-a.txt"), str(tmp_path / "missing-b.txt"))
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


@pytest.mark.bundle
def test_large_pair_is_compared_in_a_child_process(bundle, tmp_path):
    """Over 400k characters the window compares in a spawned child: in a frozen app that child is the
    bundle's own executable (multiprocessing.freeze_support in the entry script)."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    big_a = tmp_path / "big_a.txt"
    big_b = tmp_path / "big_b.txt"
    big_a.write_text("\n\n".join(texts) * 16, encoding="utf-8")
    big_b.write_text("\n\n".join(reversed(texts)) * 16, encoding="utf-8")
    assert len(big_a.read_text(encoding="utf-8")) * 2 > 500_000
    env = dict(bundle["env"], XDG_DATA_HOME=str(tmp_path / "data"))
    done = _run(bundle, "import", str(big_a), str(big_b), env=env)
    assert done.returncode == 0, done.stderr
    picture = tmp_path / "big.png"
    done = _run(bundle, "--screenshot", str(picture), "--left", "big_a", "--right", "big_b", env=env)
    assert done.returncode == 0, done.stderr
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# --- what the bundle leaves out (packaging/bundle_filter.py), without building ----------------------


def _load_packaging_module(name: str):
    """packaging/ is a folder of scripts, not a package (and must not shadow pip's `packaging`)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle_filter = _load_packaging_module("bundle_filter")
icu_data = _load_packaging_module("icu_data")


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/translations/qtbase_ar.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/designer_ar.qm", False),
        ("babel/locale-data/ar_EG.dat", True),
        ("babel/locale-data/fr.dat", False),
        ("babel/global.dat", True),
        ("reader/resources/fonts/Amiri-Regular.ttf", True),
    ],
)
def test_keep_file(dest, kept):
    assert bundle_filter.keep_file(dest) is kept


def test_only_libraries_something_kept_links_against_stay():
    binaries = [
        ("PySide6/QtGui.abi3.so", "/x/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/x/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
        ("libxcb-cursor.so.0", "/x/libxcb-cursor.so.0", "BINARY"),
        ("libgtk-3.so.0", "/x/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/x/libcairo.so.2", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
    ]
    needed = {
        "/x/QtGui.abi3.so": {"libQt6Gui.so.6"},
        "/x/libqxcb.so": {"libQt6Gui.so.6", "libxcb-cursor.so.0"},
        "/x/libqgtk3.so": {"libgtk-3.so.0"},
        "/x/libgtk-3.so.0": {"libcairo.so.2"},
    }
    kept = bundle_filter.filter_binaries(binaries, needed=lambda path: needed.get(path, set()))
    assert {entry[0] for entry in kept} == {
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libxcb-cursor.so.0",
        "libQt6Gui.so.6",
    }


def test_links_to_dropped_files_are_dropped():
    binaries = [("PySide6/Qt/lib/libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY")]
    datas = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
        ("PySide6/Qt/translations/qtbase_fr.qm", "/x/qtbase_fr.qm", "DATA"),
    ]
    assert bundle_filter.filter_datas(datas, binaries) == [datas[0]]


# --- the bundle's smaller ICU data (packaging/icu_data.py), without building --------------------------

PYSIDE_ICU = Path(importlib.util.find_spec("PySide6").submodule_search_locations[0]) / "Qt" / "lib"
PYSIDE_ICU_DATA = next(PYSIDE_ICU.glob("libicudata.so.*"))
ICU_VERSION = PYSIDE_ICU_DATA.name.rsplit(".", 1)[1]
PREFIX = f"icudt{ICU_VERSION}l"
# ucol, ucnv, u_strToUpper and ucal answer as from PySide6's own data; the display name is what it drops
PYSIDE_ICU_ANSWERS = {
    "collation": -1,
    "converter": "قارن",
    "upper_tr": "İ",
    "zone_name": "Arabian Standard Time",
    "display_language": "Arabic",
}


def test_icu_package_is_read_and_written_byte_for_byte():
    symbol, package = icu_data.package_of_library(PYSIDE_ICU_DATA)
    header, items = icu_data.read_package(package)
    assert symbol == f"icudt{ICU_VERSION}_dat"
    assert len(items) > 3000 and items == sorted(items)
    assert icu_data.write_package(header, items) == package


def test_dropping_trees_keeps_every_other_item_findable():
    header, items = icu_data.read_package(icu_data.package_of_library(PYSIDE_ICU_DATA)[1])
    kept = icu_data.without_trees(items, icu_data.DROPPED_TREES)
    names = {name for name, _ in kept}
    assert (
        f"{PREFIX}/coll/ar.res" in names and f"{PREFIX}/zone/ar.res" in names and f"{PREFIX}/ar.res" in names
    )
    assert f"{PREFIX}/lang/ar.res" not in names and f"{PREFIX}/brkitr/cjdict.dict" not in names
    assert {name for name, _ in items} - names == {
        name for name, _ in items if name.split("/")[1] in icu_data.DROPPED_TREES and name.count("/") == 2
    }
    assert icu_data.read_package(icu_data.write_package(header, kept)) == (header, kept)


def test_original_icu_data_answers_the_probe():
    assert icu_data.probe(PYSIDE_ICU_DATA, PYSIDE_ICU, ICU_VERSION) == PYSIDE_ICU_ANSWERS


def test_trimmed_icu_data_serves_what_qt_calls(tmp_path):
    binaries = [
        ("PySide6/Qt/lib/libQt6Core.so.6", str(PYSIDE_ICU / "libQt6Core.so.6"), "BINARY"),
        (f"PySide6/Qt/lib/{PYSIDE_ICU_DATA.name}", str(PYSIDE_ICU_DATA), "BINARY"),
        (PYSIDE_ICU_DATA.name, f"PySide6/Qt/lib/{PYSIDE_ICU_DATA.name}", "SYMLINK"),
    ]
    trimmed = icu_data.trim_icu_data(binaries, tmp_path)
    assert trimmed[0] == binaries[0] and trimmed[2] == binaries[2]
    library = Path(trimmed[1][1])
    assert trimmed[1][0] == binaries[1][0] and library.parent.parent == tmp_path
    assert library.stat().st_size < 0.6 * (PYSIDE_ICU_DATA).stat().st_size
    assert icu_data.probe(library, PYSIDE_ICU, ICU_VERSION) == {
        **PYSIDE_ICU_ANSWERS,
        "display_language": "ar",
    }


def test_an_icu_call_the_kept_data_may_not_serve_stops_the_build(monkeypatch, tmp_path):
    qt_core = [("PySide6/Qt/lib/libQt6Core.so.6", str(PYSIDE_ICU / "libQt6Core.so.6"), "BINARY")]
    assert icu_data.unserved_icu_calls(qt_core, ICU_VERSION) == set()  # what Qt calls today is served
    dump = f"0000000000000000      DF *UND*\t0000000000000000 (ICU) ubrk_open_{ICU_VERSION}\n"
    monkeypatch.setattr(icu_data, "_objdump", lambda args, path: dump)
    data = [(f"PySide6/Qt/lib/{PYSIDE_ICU_DATA.name}", str(PYSIDE_ICU_DATA), "BINARY")]
    with pytest.raises(SystemExit, match=f"ubrk_open_{ICU_VERSION}"):
        icu_data.trim_icu_data(qt_core + data, tmp_path)
