"""What the pane's document holds, in pure Python (so the worker thread can use it too).

QPlainTextEdit lays every paragraph out with the document's default text option and ignores the
block format's direction. With the default direction left to Qt ("auto"), each paragraph takes the
direction of its first strong character, as Unicode says. Where that disagrees with the script that
dominates the paragraph (an Arabic paragraph opening with `date 2025-11-07` or `C5+1:`), the pane
puts an invisible direction mark (RLM or LRM) in front of it. Marks and characters outside the Basic
Multilingual Plane (two UTF-16 units in Qt) make Qt positions differ from Python offsets:
`PositionMap` converts both ways. The text itself is never reordered or reshaped.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from reader.text.bidi_controls import CONTROL_SIGNS, FSI, PDI
from reader.text.direction import is_right_to_left

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
_SLICE = 1 << 17
RLM = "\u200f"
LRM = "\u200e"


def display_text(text: str) -> str:
    """Same length as `text`, one paragraph per `\\n` line (Qt would also break at `\\r`, U+2028 and
    U+2029, which would shift every offset after them)."""
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2029", "\n").replace("\u2028", "\n")
    return text


def first_strong_is_rtl(paragraph: str) -> bool:
    """The direction Qt picks by itself: that of the first strong character (LTR if none)."""
    for ch in paragraph:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def paragraph_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    position = find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = find("\n", position + 1)
    return starts


def direction_marks(text: str) -> tuple[dict[int, str], list[int]]:
    """({paragraph start: mark to insert}, numbers of the left-to-right paragraphs)."""
    marks: dict[int, str] = {}
    ltr: list[int] = []
    starts = paragraph_starts(text)
    for number, start in enumerate(starts):
        end = starts[number + 1] - 1 if number + 1 < len(starts) else len(text)
        paragraph = text[start:end]
        rtl = is_right_to_left(paragraph)
        if not rtl:
            ltr.append(number)
        if paragraph and rtl != first_strong_is_rtl(paragraph):
            marks[start] = RLM if rtl else LRM
    return marks, ltr


# Invisible characters that steer layout (bidi embeddings, overrides, isolates, marks) or hide in a
# word (zero-width space, word joiner, BOM), each shown as one visible, direction-neutral sign so a
# text that reads differently than it is stored cannot pass unseen. One character for one keeps
# every offset valid.
HIDDEN_SIGNS = {
    **CONTROL_SIGNS,  # embeddings, overrides, isolates, marks: the signs the terminal names too
    "\u200b": "·",  # zero-width space
    "\u2060": "⁘",  # word joiner
    "\ufeff": "⁘",  # BOM inside a text
}
_HIDDEN_TABLE = str.maketrans(HIDDEN_SIGNS)
_HIDDEN_CHARS = re.compile("[" + "".join(map(re.escape, HIDDEN_SIGNS)) + "]")


def reveal_hidden(text: str) -> str:
    """`text` with each layout-steering invisible character replaced by its visible sign."""
    if not _HIDDEN_CHARS.search(text):  # the usual case; translate looks up every character
        return text
    return text.translate(_HIDDEN_TABLE)


def shown_title(text: str) -> str:
    """A title set among Qarin's own words (a dialog's sentence): its hidden characters as signs,
    the whole in a first-strong isolate, so nothing in it can reorder the words around it."""
    return FSI + reveal_hidden(text) + PDI


def document_text(text: str, marks: dict[int, str]) -> str:
    """`text` with the marks in front of their paragraphs: what Qt is given."""
    if not marks:
        return text
    pieces: list[str] = []
    previous = 0
    for start in sorted(marks):
        pieces += [text[previous:start], marks[start]]
        previous = start
    pieces.append(text[previous:])
    return "".join(pieces)


def astral_offsets(text: str) -> list[int]:
    """Offsets of characters outside the BMP, searched in slices: one regex call over a
    multi-megabyte text would hold the GIL (and freeze the window) for tens of milliseconds."""
    found: list[int] = []
    for start in range(0, len(text), _SLICE):
        found.extend(m.start() for m in _ASTRAL_RE.finditer(text, start, start + _SLICE))
    return found


class PositionMap:
    """Python offsets into the text <-> Qt positions in the document (marks and surrogates)."""

    def __init__(
        self, text: str, marks: dict[int, str] | None = None, astral: list[int] | None = None
    ) -> None:
        """`astral`: the offsets `astral_offsets(text)` gives, when already known."""
        # Offsets from which one more Qt unit is added: after each astral character, and at each mark.
        thresholds = [k + 1 for k in (astral_offsets(text) if astral is None else astral)]
        self.marks = frozenset(marks or ())
        thresholds.extend(self.marks)
        thresholds.sort()
        self._thresholds = thresholds
        self._qt_thresholds = [t + k + 1 for k, t in enumerate(thresholds)]

    def to_qt(self, offset: int) -> int:
        return offset + bisect_right(self._thresholds, offset) if self._thresholds else offset

    def to_py(self, position: int) -> int:
        return position - bisect_right(self._qt_thresholds, position) if self._thresholds else position

    def block_start_qt(self, paragraph_start: int) -> int:
        """Qt position of the block that starts at this Python offset (its mark, if it has one)."""
        return self.to_qt(paragraph_start) - (1 if paragraph_start in self.marks else 0)
