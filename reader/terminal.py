"""Styled lines for a terminal: wrapping, ANSI colour, and Arabic shaping + bidi for terminals without.

Most terminals neither join Arabic letters nor reorder right-to-left text. In `visual` mode each
display line is shaped with arabic_reshaper and reordered with the Unicode bidi algorithm, so it reads
right on such a terminal. This is the one place those libraries belong: Qt shapes and reorders by
itself and must always get the logical text.

Lines are wrapped in logical order first and reordered one display line at a time, so a wrapped
right-to-left paragraph still reads from the top right. Colour follows each character through
shaping and reordering, which is why this module drives the bidi steps itself (see `visual_order`).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import TextIO, TypeVar

from reader.text.bidi_controls import MARKS, marker, split_controls
from reader.text.direction import is_right_to_left

_T = TypeVar("_T")

# A styled piece of text. Style names map to ANSI codes below; None is plain.
Run = tuple[str, str | None]
# The style of a bidi control's visible marker: its characters take part in reordering as one
# neutral, so the control orders nothing (reader.text.bidi_controls).
CONTROL_STYLE = "control"

ANSI_CODES: dict[str, str] = {
    "heading": "1",  # bold
    "dim": "2",
    "changed": "33",  # yellow: told apart from cyan by red-green colour-blind readers
    "changed_chars": "1;30;43",  # the differing letters: black on yellow, bold
    "only": "36",  # cyan
    "moved": "1;35",  # bold magenta
    CONTROL_STYLE: "7",  # reverse video: a bidi control shown as `<RLO>` stands out from the text
}
_RESET = "\x1b[0m"

# Harakat and other zero-width marks take no column; East Asian wide characters take two.
_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
# Control characters in the text (an ESC could drive the terminal) are shown as U+FFFD.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_WORD_RE = re.compile(r"\S+\s*|\s+")


@dataclass(frozen=True)
class TerminalOptions:
    color: bool = False
    visual: bool = False  # shape + reorder Arabic for terminals that cannot
    width: int = 100  # columns to wrap at; 0 = no wrapping
    explicit_bidi: bool = False  # ask the terminal not to reorder (visual output on a TTY)
    show_controls: bool = True  # bidi controls as visible markers (`<RLO>`) that reorder nothing


def color_wanted(choice: str, stream: TextIO) -> bool:
    """`--color auto|always|never`: auto means a TTY, unless NO_COLOR is set (no-color.org) or TERM=dumb."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return is_terminal(stream)


# Terminals that always shape and reorder by themselves and cannot be told not to (the freedesktop
# terminal BiDi working group's survey): on these, visual text would be reversed twice.
_SELF_REORDERING_TERMINALS = ("KONSOLE_VERSION", "MLTERM")
# ECMA-48 BDSM: "explicit" mode (CSI 8 l) asks a BiDi-capable terminal (VTE >= 0.57, the default on
# GNOME) to show characters in the order sent, as visual output needs; CSI 8 h restores its default.
# Terminals without BiDi ignore the mode.
EXPLICIT_BIDI_ON = "\x1b[8l"
EXPLICIT_BIDI_OFF = "\x1b[8h"


def visual_wanted(choice: str, stream: TextIO) -> bool:
    """`--bidi auto|visual|logical`: auto reorders for a terminal and leaves piped text as stored."""
    if choice == "auto":
        return is_terminal(stream) and not any(os.environ.get(name) for name in _SELF_REORDERING_TERMINALS)
    return choice == "visual"


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# ---------------------------------------------------------------------------------------- widths


@lru_cache(maxsize=8192)
def char_width(ch: str) -> int:
    if unicodedata.category(ch) in _ZERO_WIDTH_CATEGORIES:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    if text.isascii():
        return len(text)
    if len(text) > 64:  # long text: look each distinct character up once
        return sum(char_width(ch) * count for ch, count in Counter(text).items())
    return sum(map(char_width, text))


# -------------------------------------------------------------------------------------- wrapping


def wrap_runs(runs: Sequence[Run], width: int) -> list[list[Run]]:
    """Split one paragraph of runs into display lines of at most `width` columns, at spaces.

    A word longer than a line is cut. Spaces at a line break are dropped. Works in logical order.
    """
    text = "".join(piece for piece, _ in runs)
    if width <= 0 or text_width(text) <= width:
        return [list(runs)]
    breaks: list[tuple[int, int]] = []  # (start, end) of each display line in `text`
    markers = _marker_spans(runs)
    line_start, used = 0, 0
    for match in _WORD_RE.finditer(text):
        start, word = match.start(), match.group().rstrip()
        word_width, space_width = text_width(word), text_width(match.group()[len(word) :])
        if used and used + word_width > width:
            breaks.append((line_start, start))
            line_start, used = start, 0
        while word_width > width:  # a word wider than a line: cut it
            cut = _outside_markers(_cut_at_width(text, start, width), start, markers)
            breaks.append((line_start, cut))
            line_start = start = cut
            word = text[cut : match.start() + len(match.group().rstrip())]
            word_width = text_width(word)
        used += word_width + space_width
    breaks.append((line_start, len(text)))
    lines = [_strip_runs(_slice_runs(runs, start, end)) for start, end in breaks]
    return [line for line in lines if line]


def _marker_spans(runs: Sequence[Run]) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for piece, style in runs:
        if style == CONTROL_STYLE:
            spans.append((offset, offset + len(piece)))
        offset += len(piece)
    return spans


def _outside_markers(cut: int, start: int, markers: list[tuple[int, int]]) -> int:
    """A cut moved out of a control's marker: to before it, or after it when it opens the line."""
    for lo, hi in markers:
        if lo < cut < hi:
            return lo if lo > start else hi
    return cut


def _cut_at_width(text: str, start: int, width: int) -> int:
    used, index = 0, start
    while index < len(text) and used + char_width(text[index]) <= width:
        used += char_width(text[index])
        index += 1
    # keep marks with their letter
    while index < len(text) and char_width(text[index]) == 0:
        index += 1
    return max(index, start + 1)


def _slice_runs(runs: Sequence[Run], start: int, end: int) -> list[Run]:
    out: list[Run] = []
    offset = 0
    for piece, style in runs:
        piece_end = offset + len(piece)
        lo, hi = max(start, offset), min(end, piece_end)
        if lo < hi:
            out.append((piece[lo - offset : hi - offset], style))
        offset = piece_end
        if offset >= end:
            break
    return out


def _strip_runs(runs: list[Run]) -> list[Run]:
    while runs and not runs[-1][0].rstrip():
        runs.pop()
    if runs:
        runs[-1] = (runs[-1][0].rstrip(), runs[-1][1])
    while runs and not runs[0][0].lstrip():
        runs.pop(0)
    if runs:
        runs[0] = (runs[0][0].lstrip(), runs[0][1])
    return runs


# ----------------------------------------------------------------------------------------- bidi


def base_direction(text: str) -> str:
    """ "R" or "L" for python-bidi: the script with more letters decides (`reader.text.direction`);
    a line with no letters stays left to right, as the terminal is."""
    return "R" if is_right_to_left(text, without_letters=False) else "L"


def visual_order(text: str, base: str) -> tuple[str, list[int]]:
    """The display string of one line and, for each of its characters, the logical index it came from.

    Runs the python-bidi reference algorithm step by step so each character carries its index
    through reordering. (The Rust `bidi.get_display` of python-bidi >= 0.5 does not mirror brackets,
    rule L4, so `(` would point the wrong way in right-to-left text; python-bidi issue #25.)
    """
    from bidi import algorithm  # noqa: PLC0415 - only the visual mode needs it

    storage = algorithm.get_empty_storage()
    storage["base_level"] = 1 if base == "R" else 0
    storage["base_dir"] = base
    algorithm.get_embedding_levels(text, storage)
    for index, entry in enumerate(storage["chars"]):
        entry["logical_index"] = index
    algorithm.explicit_embed_and_overrides(storage, False)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    chars = storage["chars"]
    return "".join(entry["ch"] for entry in chars), [entry["logical_index"] for entry in chars]


def reshape_styled(text: str, styles: Sequence[_T]) -> tuple[str, list[_T]]:
    """Join Arabic letters into presentation forms; each output character keeps its source's style
    (any per-character value: a style name, or the character's index).

    The reshaper drops harakat and fuses ligatures (لا, الله), so output and input differ in length;
    they are matched back through the compatibility decomposition of each presentation form.
    """
    import arabic_reshaper  # noqa: PLC0415 - only the visual mode needs it

    shaped = arabic_reshaper.reshape(text)
    out_styles: list[_T] = []
    index = 0
    for ch in shaped:
        source = unicodedata.normalize("NFKC", ch) if _is_presentation_form(ch) else ch
        matched_at = _match_skipping_marks(text, index, source)
        if matched_at is None:
            # Should not happen; keep the colour of where we are rather than fail.
            out_styles.append(styles[min(index, len(styles) - 1)])
            index += 1
            continue
        first, index = matched_at
        out_styles.append(styles[first])
    return shaped, out_styles


def _is_presentation_form(ch: str) -> bool:
    return "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"


def _match_skipping_marks(text: str, index: int, source: str) -> tuple[int, int] | None:
    """Where `source` starts in `text` at `index` (ignoring dropped harakat) and where it ends."""
    first = None
    for wanted in source:
        while index < len(text) and text[index] != wanted and unicodedata.category(text[index]) == "Mn":
            index += 1
        if index >= len(text) or text[index] != wanted:
            return None
        if first is None:
            first = index
        index += 1
    return (first if first is not None else index), index


def to_visual(runs: Sequence[Run], base: str) -> list[Run]:
    """Shape and reorder one display line, keeping each character's style.

    The characters of a control's marker (style CONTROL_STYLE) are reordered as neutrals and put
    back in reading order; marks (LRM, RLM, ALM) steer the reordering and are then left out, their
    markers standing in for them.
    """
    text = "".join(piece for piece, _ in runs)
    styles: list[str | None] = []
    groups: list[int | None] = []  # which marker a character belongs to (its run's number)
    for number, (piece, style) in enumerate(runs):
        styles.extend([style] * len(piece))
        groups.extend([number if style == CONTROL_STYLE else None] * len(piece))
    neutral = "".join("\ufffc" if group is not None else ch for ch, group in zip(text, groups, strict=True))
    shaped, sources = reshape_styled(neutral, range(len(text)))
    try:
        display, order = visual_order(shaped, base)
    except (ImportError, AttributeError, KeyError, TypeError, AssertionError):
        # python-bidi changed its reference module (or asserts on isolates it cannot handle, when
        # controls are not shown): keep the order right and lose only the colours.
        from bidi import get_display  # noqa: PLC0415

        restored = "".join(
            text[i] if groups[i] is not None else ch for ch, i in zip(shaped, sources, strict=True)
        )
        return [(get_display(restored, base_dir=base), None)]
    chars: list[tuple[int, str]] = []  # (source index, character shown)
    for ch, position in zip(display, order, strict=True):
        source = sources[position]
        if groups[source] is not None:
            ch = text[source]
        elif text[source] in MARKS:
            continue
        chars.append((source, ch))
    return _group((ch, styles[source]) for source, ch in _markers_in_reading_order(chars, groups))


def _markers_in_reading_order(
    chars: list[tuple[int, str]], groups: list[int | None]
) -> list[tuple[int, str]]:
    """Each marker's characters (adjacent after reordering, reversed at a right-to-left level) in
    their own order again, so `<RLO>` never reads `>OLR<`."""
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(chars):
        group = groups[chars[start][0]]
        end = start + 1
        while group is not None and end < len(chars) and groups[chars[end][0]] == group:
            end += 1
        out.extend(sorted(chars[start:end]) if group is not None else chars[start:end])
        start = end
    return out


def shown_controls(runs: Sequence[Run]) -> list[Run]:
    """Runs with each bidi control replaced by its visible marker (a mark also stays, to steer)."""
    out: list[Run] = []
    for piece, style in runs:
        for part, is_control in split_controls(piece):
            if not is_control:
                out.append((part, style))
                continue
            if part in MARKS:
                out.append((part, style))
            out.append((marker(part), CONTROL_STYLE))
    return out


def _group(chars: Iterable[Run]) -> list[Run]:
    out: list[Run] = []
    for piece, style in chars:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + piece, style)
        else:
            out.append((piece, style))
    return out


# --------------------------------------------------------------------------------------- output


def format_runs(runs: Iterable[Run], color: bool) -> str:
    if not color:
        return "".join(piece for piece, _ in runs)
    parts = []
    for piece, style in runs:
        code = ANSI_CODES.get(style or "")
        parts.append(f"\x1b[{code}m{piece}{_RESET}" if code and piece.strip() else piece)
    return "".join(parts)


def fit(text: str, width: int, *, pad: bool = True) -> str:
    """`text` in `width` columns: cut with an ellipsis when longer, padded with spaces when
    shorter (unless `pad` is false)."""
    used = text_width(text)
    if used > width:
        cut = _cut_at_width(text, 0, max(0, width - 1)) if width > 1 else 0
        text = text[:cut].rstrip() + "…"
        used = text_width(text)
    return text + " " * (width - used) if pad and used < width else text


def clean_for_terminal(text: str) -> str:
    """Text as it should reach a terminal: no carriage returns, tabs as spaces, no control codes."""
    return _CONTROL_RE.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "))


class TerminalWriter:
    """Writes paragraphs of styled runs as wrapped (and, in visual mode, reordered) lines."""

    def __init__(self, stream: TextIO, options: TerminalOptions) -> None:
        self.stream = stream
        self.options = options

    @contextmanager
    def session(self) -> Iterator[None]:
        """Wrap all output: switches a BiDi terminal to explicit mode and back, if asked to."""
        if self.options.explicit_bidi:
            self.stream.write(EXPLICIT_BIDI_ON)
        try:
            yield
        finally:
            if self.options.explicit_bidi:
                self.stream.write(EXPLICIT_BIDI_OFF)

    def blank(self) -> None:
        self.stream.write("\n")

    def paragraph(
        self,
        runs: Sequence[Run],
        gutter: Sequence[Run] = (),
        base: str | None = None,
        hanging: Sequence[Run] | None = None,
    ) -> None:
        """One paragraph (no newlines inside): wrapped, each display line prefixed by `gutter`
        (the lines after the first by `hanging` when given). `base` ("L"/"R") sets the line's
        direction; by default the paragraph's script decides. A labelled field ("title: ...")
        passes "L", so the label stays on the left, reading as written, and the value after it."""
        if base is None:
            base = base_direction("".join(piece for piece, _ in runs))  # before markers add Latin letters
        if self.options.show_controls:
            runs = shown_controls(runs)
        gutter_width = text_width("".join(piece for piece, _ in gutter))
        width = self.options.width - gutter_width if self.options.width > 0 else 0
        for number, line in enumerate(wrap_runs(runs, max(width, 10) if width else 0)):
            prefix = gutter if number == 0 or hanging is None else hanging
            self._emit([*prefix, *line], base)

    def row(self, columns: Sequence[Run]) -> None:
        """One line of columns, left to right whatever the script of each column (`fit` them to
        their widths first): never wrapped, so the columns stay under one another. In visual
        mode each column is reordered on its own, as if isolated: two Arabic columns side by side
        never trade places, and a title cut with "…" ends at its own end."""
        line: list[Run] = []
        for column in columns:
            runs = shown_controls([column]) if self.options.show_controls else [column]
            if self.options.visual:
                runs = to_visual(runs, base_direction(column[0]))
            line.extend(runs)
        self.stream.write(format_runs(line, self.options.color) + "\n")

    def text(self, runs: Sequence[Run], gutter: Sequence[Run] = (), separator: Sequence[Run] = ()) -> None:
        """Runs that may hold several paragraphs: one `paragraph` each (empty ones skipped), with the
        line `separator` between them (nothing when empty)."""
        for number, paragraph in enumerate(split_paragraphs(runs)):
            if number and separator:
                self._emit(list(separator), base_direction("".join(piece for piece, _ in paragraph)))
            self.paragraph(paragraph, gutter)

    def _emit(self, runs: list[Run], base: str) -> None:
        if self.options.visual:
            runs = to_visual(runs, base)
            if base == "R" and self.options.width > 0:
                # Right-to-left lines end at the right margin, as they would on paper.
                padding = self.options.width - text_width("".join(piece for piece, _ in runs))
                runs = [(" " * max(padding, 0), None), *runs]
        self.stream.write(format_runs(runs, self.options.color) + "\n")


def split_paragraphs(runs: Sequence[Run]) -> list[list[Run]]:
    """Cut runs at newlines into paragraphs, dropping empty ones and trimming their edges."""
    paragraphs: list[list[Run]] = [[]]
    for piece, style in runs:
        parts = clean_for_terminal(piece).split("\n")
        for number, part in enumerate(parts):
            if number:
                paragraphs.append([])
            if part:
                paragraphs[-1].append((part, style))
    out = []
    for paragraph in paragraphs:
        stripped = _strip_runs(paragraph)
        if stripped:
            out.append(stripped)
    return out
