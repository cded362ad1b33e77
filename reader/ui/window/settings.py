"""Window state kept between runs (QSettings "Qarin"/"qarin"): geometry, splitters, zoom, options, pair.

Tests redirect QSettings through XDG_CONFIG_HOME (tests/conftest.py) or pass their own QSettings.
"""

from __future__ import annotations

from dataclasses import asdict, fields

from PySide6.QtCore import QByteArray, QSettings

from reader.compare import CompareOptions
from reader.text.normalize import NormalizeOptions

ORGANISATION = "Qarin"
APPLICATION = "qarin"
MIN_ZOOM, MAX_ZOOM = -8, 24


def _as_bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def _as_int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


class WindowSettings:
    """Typed access to the settings the window keeps; bad stored values fall back to defaults."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings if settings is not None else QSettings(ORGANISATION, APPLICATION)

    # --- raw window state ----------------------------------------------------------------------

    def state(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(f"window/{key}", value)

    # --- zoom ----------------------------------------------------------------------------------

    @property
    def zoom(self) -> int:
        return max(MIN_ZOOM, min(MAX_ZOOM, _as_int(self.qsettings.value("view/zoom"), 0)))

    @zoom.setter
    def zoom(self, steps: int) -> None:
        self.qsettings.setValue("view/zoom", int(steps))

    # --- digits --------------------------------------------------------------------------------

    def arabic_digits(self, *, default: bool) -> bool:
        """Numbers in Arabic-Indic digits (else Latin); `default` until the user chose."""
        return _as_bool(self.qsettings.value("view/arabic_digits"), default)

    def set_arabic_digits(self, arabic_indic: bool) -> None:
        self.qsettings.setValue("view/arabic_digits", bool(arabic_indic))

    # --- matching options ----------------------------------------------------------------------

    def compare_options(self) -> CompareOptions:
        defaults = NormalizeOptions()
        values = {
            f.name: _as_bool(self.qsettings.value(f"matching/{f.name}"), getattr(defaults, f.name))
            for f in fields(NormalizeOptions)
        }
        words = _as_int(
            self.qsettings.value("matching/min_passage_words"), CompareOptions().min_passage_words
        )
        return CompareOptions(normalize=NormalizeOptions(**values), min_passage_words=max(1, min(words, 100)))

    def set_compare_options(self, options: CompareOptions) -> None:
        for name, value in asdict(options.normalize).items():
            self.qsettings.setValue(f"matching/{name}", bool(value))
        self.qsettings.setValue("matching/min_passage_words", int(options.min_passage_words))

    # --- last pair -----------------------------------------------------------------------------

    def last_pair(self) -> tuple[int, int] | None:
        left = _as_int(self.qsettings.value("pair/left"), -1)
        right = _as_int(self.qsettings.value("pair/right"), -1)
        return (left, right) if left >= 0 and right >= 0 else None

    def set_last_pair(self, left: int, right: int) -> None:
        self.qsettings.setValue("pair/left", int(left))
        self.qsettings.setValue("pair/right", int(right))

    def sync(self) -> None:
        self.qsettings.sync()
