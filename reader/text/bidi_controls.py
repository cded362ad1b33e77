"""Bidi control characters made visible and harmless wherever Qarin shows an article's words.

Embeddings, overrides and isolates (U+202A-202E, U+2066-2069) can make text read unlike the order
it is stored in (the "Trojan Source" trick) and, left unterminated, reorder whatever follows them:
Qarin's own labels too. Wherever a title or text is shown to a person, each control is replaced by
a visible marker such as `<RLO>`, which orders nothing; marks (LRM, RLM, ALM) are shown the same way.
Text handed to a program (JSON, a pipe) stays as stored, but a title placed among Qarin's own text
is closed in an isolate (`isolated`) so it cannot reach out of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Each control: its short name (the terminal's marker, `<RLO>`) and the one direction-neutral sign
# the window shows in its place (one character for one, so offsets into the text stay valid).
CONTROLS: dict[str, tuple[str, str]] = {
    "\u202a": ("LRE", "⊳"),
    "\u202b": ("RLE", "⊲"),
    "\u202c": ("PDF", "⊥"),
    "\u202d": ("LRO", "⇉"),
    "\u202e": ("RLO", "⇇"),
    "\u2066": ("LRI", "⊢"),
    "\u2067": ("RLI", "⊣"),
    "\u2068": ("FSI", "⊨"),
    "\u2069": ("PDI", "⊤"),
    "\u200e": ("LRM", "→"),
    "\u200f": ("RLM", "←"),
    "\u061c": ("ALM", "↞"),
}
CONTROL_NAMES = {control: name for control, (name, _) in CONTROLS.items()}
CONTROL_SIGNS = {control: sign for control, (_, sign) in CONTROLS.items()}
# Marks are strong zero-width characters: they steer only the neutrals beside them.
MARKS = frozenset("\u200e\u200f\u061c")
ISOLATE_OPENERS = frozenset("\u2066\u2067\u2068")
FSI, PDI = "\u2068", "\u2069"

_CONTROL_RE = re.compile("[" + "".join(CONTROL_NAMES) + "]")


def marker(control: str) -> str:
    """The visible stand-in for one control character, e.g. `<RLO>`."""
    return f"<{CONTROL_NAMES[control]}>"


def has_controls(text: str) -> bool:
    """True when `text` holds any bidi control or mark (what `split_controls` would show)."""
    return _CONTROL_RE.search(text) is not None


def split_controls(text: str) -> Iterator[tuple[str, bool]]:
    """`text` cut into (piece, is_control) pieces; each control is a piece of its own."""
    position = 0
    for match in _CONTROL_RE.finditer(text):
        if match.start() > position:
            yield text[position : match.start()], False
        yield match.group(), True
        position = match.end()
    if position < len(text):
        yield text[position:], False


def shown_controls(text: str) -> str:
    """`text` with every bidi control replaced by its visible marker (so none is left to act)."""
    if not has_controls(text):
        return text
    return _CONTROL_RE.sub(lambda match: marker(match.group()), text)


def isolated(text: str) -> str:
    """`text` inside a first-strong isolate that nothing in it can leave.

    The closing PDI also ends any embedding or override left open inside (UAX #9, X6a). Isolates
    left open inside are closed too, and a PDI without its opener (which would close ours early)
    is shown as a marker instead; it acted on nothing where it stood.
    """
    out: list[str] = [FSI]
    open_isolates = 0
    for piece, is_control in split_controls(text):
        if is_control and piece in ISOLATE_OPENERS:
            open_isolates += 1
        elif is_control and piece == PDI:
            if not open_isolates:
                out.append(marker(piece))
                continue
            open_isolates -= 1
        out.append(piece)
    out.append(PDI * (open_isolates + 1))
    return "".join(out)
