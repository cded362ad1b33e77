"""The marker for words Qarin shows in the user's language, usable below the Qt layer.

`pyside6-lupdate` (packaging/update_translations.py) collects every `QT_TRANSLATE_NOOP(context,
text)` call by its name; the window translates the text where it shows it
(`QCoreApplication.translate(context, text)`), the terminal prints the English as it is.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:  # noqa: N802 - the marker pyside6-lupdate collects
    """Mark `text` for translation in `context`; it is translated where it is shown."""
    return text
