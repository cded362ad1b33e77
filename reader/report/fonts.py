"""The report's font: the bundled Amiri (OFL), cut down to the characters a page uses.

fontTools' subsetter keeps every glyph the kept characters can reach through the font's layout
features (Arabic initial, medial, final and ligature forms), so the page shapes in a browser as it
does in Qt. A page whose font cannot be made names the fallbacks in FONT_STACK instead.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from importlib import resources

FONT_FILE = "fonts/Amiri-Regular.ttf"
FONT_FAMILY = "Qarin Amiri"
# Amiri embedded (or installed), then the Naskh and Sans faces Debian ships, then any Arabic font.
FONT_STACK = f'"{FONT_FAMILY}", "Amiri", "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", serif'


def embedded_font_css(text: str) -> str:
    """An @font-face rule carrying the subset for the characters of `text`, or "" if none can be made."""
    data = font_subset(frozenset(text))
    if not data:
        return ""
    encoded = base64.b64encode(data).decode("ascii")
    source = f'url(data:font/woff;base64,{encoded}) format("woff")'
    return f'@font-face {{ font-family: "{FONT_FAMILY}"; src: {source}; }}'


@lru_cache(maxsize=4)
def font_subset(characters: frozenset[str]) -> bytes:
    try:
        from fontTools import subset  # noqa: PLC0415 - only reports need it
    except ImportError:  # pragma: no cover - a declared dependency; the page still names fallbacks
        return b""
    font_bytes = resources.files("reader.resources").joinpath(FONT_FILE).read_bytes()
    options = subset.Options()
    options.layout_features = ["*"]  # keep init/medi/fina/liga/mark/kern...: Arabic shapes
    options.flavor = "woff"
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(io.BytesIO(font_bytes), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(ch) for ch in characters if not ch.isspace()} | {0x20, 0xA0})
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return out.getvalue()
