"""Test-wide setup: Qt offscreen, and user data/config redirected so no test touches the real ones."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Redirect platformdirs (library) and QSettings before anything reads them.
_SANDBOX = tempfile.mkdtemp(prefix="qarin-tests-")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_CACHE_HOME"] = os.path.join(_SANDBOX, "cache")
