"""The user's keys: defaults from the action specs, rebinding kept in QSettings (group "keymap", id -> keys).

No widgets here, so the rules (no key on two actions, a user's key wins over a default) are tested
without a window. Keys are kept in Qt's portable text form ("Ctrl+Shift+P"), the form settings store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from reader.view.actions import ActionSpec

GROUP = "keymap"


def normalize_key(key: str) -> str:
    """A key in portable form ("ctrl+f" -> "Ctrl+F"); ValueError when Qt cannot read it."""
    sequence = QKeySequence(key.strip())
    text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    if not text or sequence.isEmpty():
        raise ValueError(f"not a key: {key!r}")
    return text


class KeyConflict(ValueError):
    """Keys asked for one action are already bound to others: `conflicts` maps key -> other action id."""

    def __init__(self, action_id: str, conflicts: dict[str, str]) -> None:
        self.action_id = action_id
        self.conflicts = conflicts
        listed = ", ".join(f"{key} ({other})" for key, other in conflicts.items())
        super().__init__(f"{action_id}: already bound: {listed}")


class Keymap:
    """Effective keys of every action: a user's binding where there is one, else the default.

    A key the user gave to one action is taken away from the default keys of any other, so no key
    ever triggers two actions. Changes are kept in memory until `save()`.
    """

    def __init__(self, specs: Sequence[ActionSpec], settings: QSettings) -> None:
        self.specs = tuple(specs)
        self._settings = settings
        self._defaults: dict[str, tuple[str, ...]] = {
            s.id: tuple(normalize_key(key) for key in s.default_keys) for s in specs
        }
        self._overrides: dict[str, tuple[str, ...]] = {}
        self.load()

    # reading
    def ids(self) -> tuple[str, ...]:
        return tuple(self._defaults)

    def default_keys(self, action_id: str) -> tuple[str, ...]:
        return self._defaults[action_id]

    def keys_for(self, action_id: str) -> tuple[str, ...]:
        """The keys that trigger `action_id` now (KeyError for an unknown id)."""
        if action_id in self._overrides:
            return self._overrides[action_id]
        claimed = self._claimed(excluding=action_id)
        return tuple(key for key in self._defaults[action_id] if key not in claimed)

    def is_default(self, action_id: str) -> bool:
        return self.keys_for(action_id) == self._defaults[action_id]

    def action_for_key(self, key: str) -> str | None:
        """The action a key triggers, if any."""
        key = normalize_key(key)
        for action_id in self._defaults:
            if key in self.keys_for(action_id):
                return action_id
        return None

    def conflicts(self, action_id: str, keys: Iterable[str]) -> dict[str, str]:
        """Which of `keys` other actions hold: key -> the other action's id."""
        found: dict[str, str] = {}
        for key in self._clean(keys):
            other = self.action_for_key(key)
            if other is not None and other != action_id:
                found[key] = other
        return found

    # changing
    def rebind(self, action_id: str, keys: Iterable[str], *, steal: bool = False) -> None:
        """Give `action_id` exactly `keys` (empty: no key).

        A key bound elsewhere raises KeyConflict and changes nothing, unless `steal` is true: then the
        key is taken away from the other action. An unreadable key raises ValueError.
        """
        if action_id not in self._defaults:
            raise KeyError(action_id)
        wanted = self._clean(keys)
        conflicts = self.conflicts(action_id, wanted)
        if conflicts and not steal:
            raise KeyConflict(action_id, conflicts)
        for key, other in conflicts.items():
            self._overrides[other] = tuple(k for k in self.keys_for(other) if k != key)
        self._overrides[action_id] = wanted
        self._drop_redundant_overrides()

    def reset(self, action_id: str) -> None:
        """Back to the default keys (minus any a user's binding of another action holds)."""
        if action_id not in self._defaults:
            raise KeyError(action_id)
        self._overrides.pop(action_id, None)

    def reset_all(self) -> None:
        self._overrides.clear()

    # settings
    def load(self) -> None:
        """Read the user's bindings; unknown ids (actions since removed) and unreadable keys are skipped."""
        self._overrides.clear()
        self._settings.beginGroup(GROUP)
        try:
            for action_id in self._settings.childKeys():
                if action_id not in self._defaults:
                    continue
                value = self._settings.value(action_id)
                stored = [value] if isinstance(value, str) else list(value or [])
                keys: list[str] = []
                for key in stored:
                    try:
                        keys.append(normalize_key(str(key)))
                    except ValueError:
                        continue
                self._overrides[action_id] = tuple(dict.fromkeys(keys))
        finally:
            self._settings.endGroup()
        self._drop_duplicate_user_keys()

    def save(self) -> None:
        """Write the bindings that differ from the defaults; the rest stay unset, to follow new defaults."""
        self._settings.beginGroup(GROUP)
        try:
            self._settings.remove("")  # the whole group
            for action_id, keys in self._overrides.items():
                self._settings.setValue(action_id, list(keys))
        finally:
            self._settings.endGroup()
        self._settings.sync()

    # internals
    def _clean(self, keys: Iterable[str]) -> tuple[str, ...]:
        if isinstance(keys, str):
            keys = [keys]
        return tuple(dict.fromkeys(normalize_key(key) for key in keys if key.strip()))

    def _claimed(self, excluding: str) -> set[str]:
        return {key for other, keys in self._overrides.items() if other != excluding for key in keys}

    def _drop_redundant_overrides(self) -> None:
        """An override equal to the defaults is no override (unless a default key is held elsewhere)."""
        for action_id in list(self._overrides):
            keys = self._overrides[action_id]
            if keys == self._defaults[action_id] and not (set(keys) & self._claimed(excluding=action_id)):
                del self._overrides[action_id]

    def _drop_duplicate_user_keys(self) -> None:
        """A hand-edited settings file may bind a key twice: the first action in spec order keeps it."""
        seen: set[str] = set()
        for action_id in self._defaults:
            if action_id not in self._overrides:
                continue
            keys = tuple(key for key in self._overrides[action_id] if key not in seen)
            seen.update(keys)
            self._overrides[action_id] = keys
