"""Test-wide setup: Qt offscreen, and user data/config redirected so no test touches the real ones."""

from __future__ import annotations

import os
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Redirect platformdirs (library) and QSettings before anything reads them.
_SANDBOX = tempfile.mkdtemp(prefix="qarin-tests-")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_CACHE_HOME"] = os.path.join(_SANDBOX, "cache")


@pytest.fixture
def library(tmp_path):
    """An empty library in a temporary folder (test modules that want seeds define their own)."""
    from reader.library import open_library

    lib = open_library(tmp_path / "library.sqlite3", seed_if_empty=False)
    yield lib
    lib.close()


@pytest.fixture(scope="session")
def qapp(qapp_args):
    """pytest-qt's application (every qtbot test gets it), set up as Qarin sets up its own: the
    bundled fonts and the translations (under the tests' locale, the English plural forms)."""
    from reader.ui.application import create_application

    return create_application(qapp_args)
