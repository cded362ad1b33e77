"""The engine, the library and the terminal commands run without Qt (DESIGN.md section 1)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

# Runs in a fresh interpreter: this test session has imported PySide6 already (pytest-qt).
PROBE = textwrap.dedent(
    """
    import contextlib, io, json, sys, tempfile
    from importlib import resources
    from pathlib import Path

    import reader.cli
    import reader.compare
    import reader.text
    import reader.library
    from reader.compare import compare
    from reader.facts import find_facts

    seeds = resources.files("reader.seeds")
    names = sorted(p.name for p in seeds.iterdir() if p.name.endswith(".txt"))
    texts = [seeds.joinpath(name).read_bytes().decode("utf-8") for name in names]
    result = compare(texts[0], texts[1])

    report = {}
    report["facts"] = len(find_facts(texts[0], texts[1], result).pairs)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index in (0, 1):
            path = Path(folder) / f"seed{index}.txt"
            path.write_text(texts[index], encoding="utf-8")
            paths.append(str(path))
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            report["json_exit"] = reader.cli.main(["compare", *paths, "--format", "json"])
            text_args = ["compare", *paths, "--bidi", "visual", "--color", "always"]
            report["text_exit"] = reader.cli.main(text_args)
        document = json.loads(out.getvalue().splitlines()[0])
        report["json_matches"] = document.pop("facts") is not None and document == json.loads(
            json.dumps(result.to_dict())
        )

        library = reader.library.open_library(Path(folder) / "library.sqlite3")  # imports the seeds
        report["library_count"] = library.count()
        report["search_hits"] = len(library.search("ترامب"))
        report["seeds_naming_trump"] = sum("ترامب" in text for text in texts)
        first = library.summaries()[0].id
        # The library keeps a cleaned copy: its words all come from the seeds.
        seed_words = set(" ".join(texts).split())
        stored_words = set(library.text(first).split())
        report["library_text_ok"] = bool(stored_words) and stored_words <= seed_words
        library.close()
        with contextlib.redirect_stdout(io.StringIO()):
            list_args = ["list", "--library", str(Path(folder) / "library.sqlite3")]
            report["list_exit"] = reader.cli.main(list_args)

    report["qt_modules"] = sorted(
        name for name in sys.modules if name.startswith(("PySide6", "shiboken6"))
    )
    print(json.dumps(report))
    """
)


def test_engine_cli_and_library_never_import_qt():
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, encoding="utf-8", timeout=300
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["json_exit"] == 0
    assert report["text_exit"] == 0
    assert report["json_matches"]
    assert report["library_count"] == 5
    assert report["search_hits"] == report["seeds_naming_trump"] == 5
    assert report["library_text_ok"]
    assert report["list_exit"] == 0
    assert report["facts"] > 0
    assert report["qt_modules"] == []


# PySide6 made unimportable before pytest starts: what a machine without Qt would see.
BLOCK_QT_AND_RUN_PYTEST = textwrap.dedent(
    """
    import sys

    class NoQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ModuleNotFoundError(f"No module named {name!r} (blocked: Qt absent)", name=name)
            return None

    sys.meta_path.insert(0, NoQt())
    import pytest

    sys.exit(pytest.main(sys.argv[1:]))
    """
)

# Test modules that need Qt (test_syslibs reads the libraries the installed Qt links against);
# every other one must pass on a machine without PySide6.
QT_TEST_MODULES = ("test_ui_*.py", "test_selftest.py", "test_syslibs.py", "test_bundle.py", "test_no_qt.py")


def test_the_non_ui_tests_pass_with_pyside6_absent():
    tests = Path(__file__).resolve().parent
    qt_modules = {path for pattern in QT_TEST_MODULES for path in tests.glob(pattern)}
    modules = sorted(str(path) for path in tests.glob("test_*.py") if path not in qt_modules)
    # pytest-qt disabled (it would load Qt); its ini options are then unknown, which is fine here
    args = ["-q", "-p", "no:pytest-qt", "-p", "no:cacheprovider", "-m", "not bundle"]
    args += ["-W", "ignore::pytest.PytestConfigWarning"]
    done = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_RUN_PYTEST, *args, *modules],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tests.parent,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and " failed" not in done.stdout
