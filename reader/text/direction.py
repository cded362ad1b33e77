"""Which way a text reads: the direction of the script with more letters in it, not of the first
letter as Unicode's default rule has it, so an Arabic paragraph opening with `date 2025-11-07` or
`C5+1:` still reads right to left (DESIGN.md section 3). The one rule for the reading panes, the
article list and the terminal.
"""

from __future__ import annotations

import re

# Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, presentation forms) and of
# left-to-right ones (Latin, Greek, Cyrillic, Armenian and the scripts above U+0900).
_RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_LTR_RE = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u058f\u0900-\u1fff\u2c00-\ua7ff\uac00-\ud7a3]")


def is_right_to_left(text: str, *, without_letters: bool = True) -> bool:
    """Right to left unless left-to-right letters outnumber right-to-left ones (a tie reads right to
    left). A text with no letter of either kind (digits, a dash) takes `without_letters`: the
    direction around it (right to left in the window, left to right in a terminal)."""
    if not _LTR_RE.search(text):  # the usual case, an Arabic paragraph: one scan, no counting
        return without_letters or bool(_RTL_RE.search(text))
    return len(_LTR_RE.findall(text)) <= len(_RTL_RE.findall(text))
