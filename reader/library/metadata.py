"""Metadata read from an article's opening and closing lines: dates, title, source, language."""

from __future__ import annotations

import re
from datetime import date as Date

from reader.text.calendar import MONTHS, ORDINAL_DAYS
from reader.text.normalize import MARKS

# `date 2025-11-07 ` as some scrapers prefix the first paragraph.
DATE_PREFIX_RE = re.compile(
    r"^\s*date\s*[:=]?\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+Z-]*)?\s*", re.IGNORECASE
)

_MONTHS = MONTHS
_ORDINALS = ORDINAL_DAYS
_WEEKDAYS = "(?:يوم\\s+)?(?:ال)?(?:سبت|أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة)"


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))


_MONTH_ALT = _alternation(list(_MONTHS))
_DIGITS = "0-9٠-٩۰-۹"
ARABIC_DATE_RE = re.compile(
    rf"^\s*(?:{_WEEKDAYS}\s*[،,]?\s*)?"
    rf"(?P<day>[{_DIGITS}]{{1,2}}|{_alternation(list(_ORDINALS))})"
    rf"\s+(?:من\s+)?(?:شهر\s+)?(?P<month>{_MONTH_ALT})"
    rf"(?:\s*[/(]\s*(?:{_MONTH_ALT})\s*\)?)?"
    rf"(?:\s*[،,]?\s*(?:عام\s+|سنة\s+)?(?P<year>[{_DIGITS}]{{4}})\s*(?:م\b)?)?"
)
# After an opening date, these make it a dateline (removed from the text) rather than prose.
DATELINE_END_RE = re.compile(r"\s*(?:$|[-–—:|]\s*)")

_COPYRIGHT_RE = re.compile(r"©|\(c\)|جميع الحقوق محفوظة|حقوق النشر|all rights reserved", re.IGNORECASE)
_RESERVED_RE = re.compile(r"جميع الحقوق محفوظة|حقوق النشر محفوظة|all rights reserved\.?", re.IGNORECASE)
_ARABIC_LETTER_RE = re.compile(f"[\u0621-\u064a\u066e-\u06d3{MARKS}]")
_LATIN_LETTER_RE = re.compile("[A-Za-z\u00c0-\u024f]")


def _to_int(digits: str) -> int:
    return int(digits.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")))


def iso_date(year: int, month: int, day: int) -> str | None:
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_arabic_date(text: str, today: Date | None = None) -> tuple[str, int] | None:
    """An Arabic date opening `text`: (ISO date, length of the date phrase), or None.

    Without a year (`السادس من نوفمبر/تشرين الثاني`), the most recent such day not after `today`
    is taken: news reports speak of recent days.
    """
    match = ARABIC_DATE_RE.match(text)
    if not match:
        return None
    day_text = re.sub(r"\s+", " ", match.group("day"))
    day = _ORDINALS.get(day_text) or _to_int(day_text)
    month = _MONTHS[re.sub(r"\s+", " ", match.group("month"))]
    if match.group("year"):
        result = iso_date(_to_int(match.group("year")), month, day)
    else:
        today = today or Date.today()
        result = iso_date(today.year, month, day)
        if result and result > today.isoformat():
            result = iso_date(today.year - 1, month, day)
    return (result, match.end()) if result else None


def valid_iso_date(value: str) -> str:
    """The ISO date in `value`, or ValueError with a message saying what is expected."""
    match = re.fullmatch(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", value)
    result = iso_date(*(int(g) for g in match.groups())) if match else None
    if result is None:
        raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD)")
    return result


_DATE_TIME_RE = re.compile(r"\s*(\d{4}-\d{1,2}-\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*")


def valid_date_time(value: str) -> tuple[str, str | None]:
    """(ISO date, HH:MM[:SS] or None) from `YYYY-MM-DD[ HH:MM[:SS]]`; ValueError saying what is expected."""
    match = _DATE_TIME_RE.fullmatch(value)
    if match is None:
        raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD or YYYY-MM-DD HH:MM)")
    date = valid_iso_date(match.group(1))
    if match.group(2) is None:
        return date, None
    hour, minute = int(match.group(2)), int(match.group(3))
    second = match.group(4)
    if hour > 23 or minute > 59 or (second is not None and int(second) > 59):
        raise ValueError(f"not a time of day: {value!r}")
    clock = f"{hour:02d}:{minute:02d}" + (f":{int(second):02d}" if second is not None else "")
    return date, clock


def source_from_copyright(line: str) -> str | None:
    """The outlet named in a copyright line: `جميع الحقوق محفوظة © 2025 شركة إرم ميديا - Erem ...`."""
    if not _COPYRIGHT_RE.search(line):
        return None
    rest = re.split(r"©|\(c\)", line, maxsplit=1, flags=re.IGNORECASE)
    tail = rest[1] if len(rest) > 1 else _COPYRIGHT_RE.sub("", line)
    tail = re.sub(r"^[\s\d٠-٩\-–—,،.]+", "", tail)  # the year(s)
    tail = _RESERVED_RE.sub("", tail)
    name = re.split(r"\s+[-–—|]\s+", tail.strip(), maxsplit=1)[0].strip(" .،,-–—|")
    name = re.sub(r"^(?:ل|لـ|لشركة)\s+", "", name)
    return name or None


def is_copyright_line(line: str) -> bool:
    return bool(_COPYRIGHT_RE.search(line)) and len(line.split()) <= 25


def detect_language(text: str) -> str:
    """ "ar" or "en" by which script has more letters; "und" when there are too few to tell."""
    sample = text[:1000]
    arabic = len(_ARABIC_LETTER_RE.findall(sample))
    latin = len(_LATIN_LETTER_RE.findall(sample))
    if arabic + latin < 3:
        return "und"
    return "ar" if arabic >= latin else "en"


def title_from_lines(lines: list[str], limit: int = 14) -> str:
    """The first meaningful line; a long first paragraph gives its first words."""
    for line in lines:
        words = line.split()
        if not words or not any(ch.isalnum() for ch in line):
            continue
        if len(words) <= 25:
            return " ".join(words)
        # a long first paragraph: its first clause, if that is a readable length
        for count, word in enumerate(words[:20], start=1):
            if count >= 6 and word.endswith(("،", ",", ".", "؛", ":")):
                return " ".join(words[:count]).rstrip("،,.؛:")
        return " ".join(words[:limit]) + "…"
    return "(untitled)"
