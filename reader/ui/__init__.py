"""The Qt window: the only package that imports PySide6."""

from __future__ import annotations

import ctypes
import sys

# PySide6 6.12 returns None from every void method without adding a reference, and passes True /
# False to slots of a bool signal the same way (it assumes the immortal singletons of Python >= 3.12).
# On 3.11 each such call lowers their refcount, which starts at a few thousand, and the process
# aborts (`none_dealloc`, `bool_dealloc`) after a few thousand calls (setFormat, setPosition,
# update, emitting Signal(bool)...). Give them enough references to never reach zero, as 3.12 does.
if sys.version_info < (3, 12):
    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
