"""The layers hold (DESIGN.md section 1): the import-linter contracts in pyproject.toml pass, and they
do catch each kind of violation; every package is in the packaging list."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports_command() -> list[str]:
    beside = Path(sys.executable).with_name("lint-imports")
    found = str(beside) if beside.is_file() else shutil.which("lint-imports")
    assert found, "lint-imports is missing: it comes with the test extras (import-linter)"
    return [found, "--no-cache", "--no-logo"]


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """`lint-imports` on the tree at `root` (its pyproject.toml and its reader package)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        _lint_imports_command(), cwd=root, env=env, capture_output=True, text=True, timeout=120
    )


def test_import_contracts_hold():
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert " broken" in done.stdout and "0 broken" in done.stdout


@pytest.fixture(scope="module")
def scratch_tree(tmp_path_factory) -> Path:
    """A copy of the package sources and pyproject.toml that a test may break."""
    root = tmp_path_factory.mktemp("tree")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    shutil.copytree(ROOT / "reader", root / "reader", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    return root


# case -> (files to add, the contract that must break). An upward import also closes a cycle, so
# the cycle contract may break beside the one named.
VIOLATIONS = {
    "library imports compare": ({"reader/library/probe.py": "import reader.compare"}, "Layers"),
    "compare imports library": ({"reader/compare/probe.py": "import reader.library"}, "Layers"),
    "text imports the engine": ({"reader/text/probe.py": "from reader.compare import compare"}, "Layers"),
    "a command imports cli": ({"reader/commands/probe.py": "import reader.cli"}, "Layers"),
    "the view model imports the window": ({"reader/view/probe.py": "import reader.ui.app"}, "Layers"),
    "Qt in the view model": ({"reader/view/probe.py": "from PySide6 import QtCore"}, "Qt only"),
    "Qt in the library, lazily": (
        {"reader/library/probe.py": "def later():\n    import shiboken6"},
        "Qt only",
    ),
    "Qt in a new package": (
        {"reader/newpart/__init__.py": "", "reader/newpart/probe.py": "import PySide6"},
        "Qt only",
    ),
    "a room imports another room": (
        {"reader/ui/comparison/probe.py": "import reader.ui.library.loader"},
        "Rooms",
    ),
    "a room imports the shell": (
        {"reader/ui/actions/probe.py": "import reader.ui.window.mainwindow"},
        "Rooms",
    ),
    "a cycle of two modules": (
        {
            "reader/view/probe_a.py": "import reader.view.probe_b",
            "reader/view/probe_b.py": "from reader.view import probe_a",
        },
        "No import cycles",
    ),
}


@pytest.mark.parametrize("case", sorted(VIOLATIONS))
def test_contracts_catch_the_violation(scratch_tree, case):
    files, contract = VIOLATIONS[case]
    written = []
    try:
        for relative, source in files.items():
            path = scratch_tree / relative
            if not path.parent.exists():
                path.parent.mkdir()
                written.append(path.parent)
            path.write_text(source + "\n", encoding="utf-8")
            written.append(path)
        done = lint_imports(scratch_tree)
    finally:
        for path in reversed(written):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    assert done.returncode == 1, done.stdout + done.stderr
    broken = [line for line in done.stdout.splitlines() if " BROKEN" in line]
    assert any(line.startswith(contract) for line in broken), done.stdout


def test_every_package_is_packaged():
    """A new package (a room of the window, a view) missing from pyproject's list would be left out
    of the wheel and the bundle while every test run from the source tree still passed."""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "reader").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set()
