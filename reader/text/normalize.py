"""Arabic spelling folds used for matching and search; the screen always shows the original.

Each rule is an option (DESIGN.md section 2). `fold_word` maps one token to the key two tokens are
compared by; `fold_text` maps a whole text (for the search index).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Harakat and Qur'anic marks: matched inside words (Python's \w stops at them).
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
TATWEEL = "\u0640"
# Zero-width characters and bidi controls: invisible, ignored when matching.
INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c"
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"

_BIDI_CONTROL_RE = re.compile(f"[{BIDI_CONTROLS}]")

_ALEF_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ي", "ٲ": "ا", "ٳ": "ا"})
_YEH = str.maketrans({"ى": "ي", "ی": "ي"})  # also Persian yeh, common in scraped text
_TEH_MARBUTA = str.maketrans({"ة": "ه"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_PUNCTUATION = str.maketrans(
    {
        "،": ",",
        "؛": ";",
        "؟": "?",
        "٪": "%",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "'": '"',
        "‘": '"',
        "’": '"',
        "‚": '"',
        "‹": '"',
        "›": '"',
        "–": "-",
        "—": "-",
        "―": "-",
        "‐": "-",
        "‑": "-",
        "…": "...",
    }
)

# Clitic prefixes, longest first: و ف (conjunctions), ب ل ك (prepositions), ال (article); one word
# a line (a single word is one line), and at least two letters are left.
_CLITIC_LINE_RE = re.compile("^(?:وبال|فبال|وال|فال|بال|كال|لل|ال|و|ف|ب|ل)(?=[^\n]{2})", re.MULTILINE)

# Numbers: Egyptian `07ر3` = 3.07; `1,000` / `1٬000` grouping; `٫` decimal separator.
_RA_DECIMAL_RE = re.compile(r"^(\d+)ر(\d+)$")
_GROUPED_RE = re.compile(r"^\d{1,3}(?:[,٬]\d{3})+$")
_DOT_GROUPED_RE = re.compile(r"^\d{1,3}(?:\.\d{3}){2,}$")  # 1.000.000: dots can only be grouping
_NUMBER_LINE_RE = re.compile(r"^([^\d\n]{0,3})(\d[\d.,٫٬ر]*)$", re.MULTILINE)
_DECIMAL_RE = re.compile(r"^(\d+)[.٫](\d+)$")


@dataclass(frozen=True)
class NormalizeOptions:
    """Which spelling differences count as the same. All on by default except clitics."""

    diacritics: bool = True  # tashkeel / harakat
    tatweel: bool = True  # kashida elongation
    hamza: bool = True  # alef and hamza forms: أ إ آ ٱ -> ا, ؤ -> و, ئ -> ي
    alef_maqsura: bool = True  # ى -> ي
    teh_marbuta: bool = True  # ة -> ه
    digits: bool = True  # Arabic-Indic and Eastern digits -> 0-9, numbers by value
    punctuation: bool = True  # ، ؛ ؟ and every quote style treated alike
    invisible: bool = True  # zero-width and bidi marks ignored
    clitics: bool = False  # و ف ب ل ال prefixes stripped (off: it over-matches for alignment)
    compound_names: bool = True  # a name written split equals it written joined: عبد الله / عبدالله


DEFAULT_OPTIONS = NormalizeOptions()


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Eastern digits as 0-9, nothing else changed (same length, same offsets)."""
    return text.translate(_DIGITS)


def canonical_number(token: str) -> str:
    """Spell a number token (ASCII digits already) so equal values compare equal."""
    if token.isdigit():  # no separator: already its own spelling (most numbers)
        return token
    match = _RA_DECIMAL_RE.match(token)
    if match:
        integer, fraction = match.group(2), match.group(1)
        return _decimal(integer, fraction)
    if _GROUPED_RE.match(token) or _DOT_GROUPED_RE.match(token):
        return str(int(re.sub(r"[,٬.]", "", token)))
    match = _DECIMAL_RE.match(token)
    if match:
        return _decimal(match.group(1), match.group(2))
    return token


def _decimal(integer: str, fraction: str) -> str:
    integer = integer.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return f"{integer}.{fraction}" if fraction else integer


@lru_cache(maxsize=1 << 18)
def _fold_word_cached(word: str, options: NormalizeOptions) -> str:
    return lines_folder(options)(word)


def fold_word(word: str, options: NormalizeOptions = DEFAULT_OPTIONS) -> str:
    """The key a token is matched by. An empty key means the token is invisible."""
    return _fold_word_cached(word, options)


def fold_words(words: Sequence[str], options: NormalizeOptions = DEFAULT_OPTIONS) -> list[str]:
    """`fold_word` of each word, folded in one call over all of them: the per-call cost of the
    folds (one `in` test per rule) is paid once for a text's new words, not once per word."""
    joined = "\n".join(words)
    if joined.count("\n") == len(words) - 1:  # no word holds a newline: one line per word
        folded = lines_folder(options)(joined).split("\n")
        if len(folded) == len(words):
            return folded
    return [fold_word(word, options) for word in words]


def fold_text(text: str, options: NormalizeOptions = DEFAULT_OPTIONS) -> str:
    """Fold a whole text (search index, find in page). Clitics are not stripped here."""
    return _folder(options, strip_clitics=False)(text)


def lines_folder(options: NormalizeOptions = DEFAULT_OPTIONS) -> Callable[[str], str]:
    """Fold many words at once: a text of one word per line in, their keys (one per line) out.
    Equal to `fold_word` on each line; it folds a million-word text's vocabulary in one call."""
    return _folder(options, strip_clitics=options.clitics, join_names=options.compound_names)


@lru_cache(maxsize=64)
def _folder(options: NormalizeOptions, strip_clitics: bool, join_names: bool = False) -> Callable[[str], str]:
    translate = _translator(_table(options))
    digits = options.digits

    def number(match: re.Match) -> str:
        return match.group(1) + canonical_number(match.group(2))

    def fold(lines: str) -> str:
        lines = translate(lines)
        if digits:
            lines = _NUMBER_LINE_RE.sub(number, lines)
        if strip_clitics:
            lines = _CLITIC_LINE_RE.sub("", lines)
        if join_names and " " in lines:  # (only a compound name's token holds a space)
            lines = lines.replace(" ", "")
        return lines.casefold()

    return fold


def _translator(table: dict[int, str | int | None]) -> Callable[[str], str]:
    """`str.translate(table)`, several times faster on Arabic: translate looks every character up
    in the table, while `str.replace` runs at memory speed, and only the few characters of the
    table that occur need one. Replacing one after another equals translating in one pass as long
    as no replacement holds a character the table changes (checked here)."""
    rules = [(chr(point), _spelled(value)) for point, value in sorted(table.items())]
    rules = [(old, new) for old, new in rules if old != new]
    if any(ch in table for _, new in rules for ch in new):
        return lambda text: text.translate(table)

    def translate(text: str) -> str:
        for old, new in rules:
            if old in text:
                text = text.replace(old, new)
        return text

    return translate


def _spelled(value: str | int | None) -> str:
    """A str.translate table value as the text it stands for."""
    if value is None:
        return ""
    return chr(value) if isinstance(value, int) else value


def _ranges(spec: str) -> list[int]:
    """Code points of a regex character-class body such as 'a-cx'."""
    points: list[int] = []
    k = 0
    while k < len(spec):
        if k + 2 < len(spec) and spec[k + 1] == "-":
            points.extend(range(ord(spec[k]), ord(spec[k + 2]) + 1))
            k += 3
        else:
            points.append(ord(spec[k]))
            k += 1
    return points


@lru_cache(maxsize=32)
def _table(options: NormalizeOptions) -> dict[int, str | int | None]:
    """All single-character rules of `options` as one str.translate table (one pass per word)."""
    table: dict[int, str | int | None] = {}
    rules = [
        (options.hamza, _ALEF_HAMZA),
        (options.alef_maqsura, _YEH),
        (options.teh_marbuta, _TEH_MARBUTA),
        (options.punctuation, _PUNCTUATION),
        (options.digits, _DIGITS),
    ]
    for active, mapping in rules:
        if active:
            table.update(mapping)
    removed = (
        (options.invisible, INVISIBLE),
        (options.diacritics, MARKS),
        (options.tatweel, TATWEEL),
    )
    for active, spec in removed:
        if active:
            table.update(dict.fromkeys(_ranges(spec)))
    return table


def has_bidi_controls(text: str) -> bool:
    """True when the text holds override/isolate controls that can make it read unlike its storage."""
    return _BIDI_CONTROL_RE.search(text) is not None
