"""The Qt window: the only package that imports PySide6."""

from __future__ import annotations

import ctypes
import sys

# PySide6 6.12 returns None from every void method without adding a reference (it assumes the
# immortal None of Python >= 3.12). On 3.11 each such call lowers None's refcount, which starts
# near 5,000, and the process aborts with `none_dealloc` after a few thousand calls (setFormat,
# setPosition, update...). Give None enough references to never reach zero, as 3.12 does.
if sys.version_info < (3, 12):
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
