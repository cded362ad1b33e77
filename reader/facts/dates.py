"""Dates and weekdays: `الثلاثاء`, `7 نوفمبر`, `السادس من نوفمبر/تشرين الثاني 2025`, `عام 2023`, `2025-11-07`.

A date's value is (`date`, day, month, year, calendar) with None for what the text leaves out; a
weekday's is (`weekday`, 0-6, Sunday first). Two dates agree when every field both give is equal.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.facts.lexicon import YEAR_WORDS
from reader.facts.model import DATE, Mention
from reader.facts.words import Words, lookup
from reader.facts.words import prefix_forms as words_prefix_forms
from reader.text.calendar import HIJRI_MONTHS, MONTHS, ORDINAL_DAYS, WEEKDAYS
from reader.text.normalize import ascii_digits, fold_word

GREGORIAN, HIJRI = "gregorian", "hijri"
_NUMERIC_DATE_RES = (
    (re.compile(r"(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-])"), (3, 2, 1)),
    (re.compile(r"(?<![\d/.-])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])"), (1, 2, 3)),
)
_YEAR_RE = re.compile(r"(\d{4})(م|هـ|ه)?")
_TENS = {fold_word(w): v for w, v in (("والعشرين", 20), ("والثلاثين", 30))}


def _folded(table: dict[str, int]) -> dict[str, int]:
    return {" ".join(fold_word(w) for w in key.split()): value for key, value in table.items()}


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[int, str]], dict[str, int], dict[str, int], frozenset[str]]:
    months = {key: (number, GREGORIAN) for key, number in _folded(MONTHS).items()}
    months.update({key: (number, HIJRI) for key, number in _folded(HIJRI_MONTHS).items()})
    return months, _folded(ORDINAL_DAYS), _folded(WEEKDAYS), frozenset(map(fold_word, YEAR_WORDS))


def find_dates(words: Words) -> tuple[list[Mention], set[int]]:
    """The dates of a text, and the tokens they take (so numbers inside them are not counted)."""
    mentions: list[Mention] = []
    used: set[int] = set()
    digits = ascii_digits(words.text)
    for pattern, order in _NUMERIC_DATE_RES:
        for match in pattern.finditer(digits):
            day, month, year = (int(match.group(g)) for g in order)
            if 1 <= month <= 12 and 1 <= day <= 31:
                first, last = words.index_at(match.start()), words.index_at(match.end() - 1)
                used.update(range(first, last + 1))
                mentions.append(_mention(words, first, last, ("date", day, month, year, GREGORIAN)))
    months, ordinals, weekdays, year_words = _tables()
    keys = words.keys
    k = 0
    while k < len(keys):
        if k in used:
            k += 1
            continue
        month = _month_at(keys, k, months)
        if month is not None:
            (number, calendar), width = month
            first, day = _day_before(words, k, ordinals)
            last = k + width - 1
            last = _alternative_month(keys, last, months)
            year, last = _year_after(words, last)
            if day is None and year is None and not _month_context(keys, k, last):
                k += 1  # `مارس` is also a verb, `صفر` zero: a bare month needs `في`, `الماضي`...
                continue
            mentions.append(_mention(words, first, last, ("date", day, number, year, calendar)))
            used.update(range(first, last + 1))
            k = last + 1
            continue
        weekday = lookup(keys[k], weekdays)
        if weekday is not None:
            mentions.append(_mention(words, k, k, ("weekday", weekday), key="weekday"))
            used.add(k)
        elif lookup(keys[k], year_words) and k + 1 < len(keys):
            year = _year(words.tokens[k + 1].text)
            if year is not None:
                calendar = HIJRI if _is_hijri(words.tokens[k + 1].text) else GREGORIAN
                mentions.append(_mention(words, k + 1, k + 1, ("date", None, None, year, calendar)))
                used.update((k, k + 1))
                k += 2
                continue
        k += 1
    mentions.sort(key=lambda m: m.start)
    return mentions, used


def _mention(words: Words, first: int, last: int, value: tuple, key: str = "date") -> Mention:
    start, end, text = words.span(first, last)
    return Mention(DATE, start, end, text, words.paragraph(start), key=key, value=value)


@lru_cache(maxsize=1)
def _month_parts() -> tuple[dict[str, list[str]], dict[str, tuple[int, str]]]:
    """Two-word months by their first word (-> possible second words), and one-word months."""
    months = _tables()[0]
    firsts: dict[str, list[str]] = {}
    for name in months:
        if " " in name:
            head, tail = name.split(" ")
            firsts.setdefault(head, []).append(tail)
    return firsts, {m: v for m, v in months.items() if " " not in m}


def _month_at(keys: list[str], k: int, months: dict) -> tuple[tuple[int, str], int] | None:
    firsts, singles = _month_parts()
    if k + 1 < len(keys):
        head = lookup(keys[k], firsts)
        if head is not None and keys[k + 1] in head:
            for form in words_prefix_forms(keys[k]):
                if f"{form} {keys[k + 1]}" in months:
                    return months[f"{form} {keys[k + 1]}"], 2
    found = lookup(keys[k], singles)
    return (found, 1) if found is not None else None


def _day_before(words: Words, k: int, ordinals: dict[str, int]) -> tuple[int, int | None]:
    """The first token of the date and its day: `7 نوفمبر`, `السادس من نوفمبر`, `الحادي عشر من`."""
    keys = words.keys
    j = k - 1
    if j >= 0 and keys[j] in ("من", "شهر"):
        j -= 1
    if j >= 0 and keys[j] == "شهر":
        j -= 1
    if j < 0:
        return k, None
    text = ascii_digits(words.tokens[j].text)
    if text.isdigit() and 1 <= int(text) <= 31:
        return j, int(text)
    if j >= 1 and f"{keys[j - 1]} {keys[j]}" in ordinals:
        return j - 1, ordinals[f"{keys[j - 1]} {keys[j]}"]
    if keys[j] in _TENS and j >= 1 and keys[j - 1] in ordinals:
        return j - 1, ordinals[keys[j - 1]] + _TENS[keys[j]]
    if keys[j] in ordinals:
        return j, ordinals[keys[j]]
    return k, None


_BEFORE_MONTH = frozenset(map(fold_word, "في شهر منذ حتى خلال من مطلع أواخر أوائل منتصف نهاية بداية".split()))
_AFTER_MONTH = frozenset(map(fold_word, "الماضي المقبل القادم الحالي الجاري".split()))


def _month_context(keys: list[str], first: int, last: int) -> bool:
    return (first > 0 and keys[first - 1] in _BEFORE_MONTH) or (
        last + 1 < len(keys) and keys[last + 1] in _AFTER_MONTH
    )


def _alternative_month(keys: list[str], last: int, months: dict) -> int:
    """`نوفمبر/تشرين الثاني`: the second name is the same month."""
    if last + 2 < len(keys) and keys[last + 1] in ("/", "("):
        other = _month_at(keys, last + 2, months)
        if other is not None:
            last = last + 1 + other[1]
            if last + 1 < len(keys) and keys[last + 1] == ")":
                last += 1
    return last


def _year_after(words: Words, last: int) -> tuple[int | None, int]:
    keys = words.keys
    j = last + 1
    if j < len(keys) and keys[j] in (",", "،"):
        j += 1
    if j < len(keys) and keys[j] in {fold_word(w) for w in YEAR_WORDS}:
        j += 1
    if j < len(keys):
        year = _year(words.tokens[j].text)
        if year is not None:
            return year, j
    return None, last


def _year(token: str) -> int | None:
    match = _YEAR_RE.fullmatch(ascii_digits(token))
    if not match:
        return None
    year = int(match.group(1))
    return year if 1300 <= year <= 2200 else None


def _is_hijri(token: str) -> bool:
    match = _YEAR_RE.fullmatch(ascii_digits(token))
    return bool(match and match.group(2) in ("هـ", "ه"))


def dates_agree(a: tuple, b: tuple) -> bool:
    """Every field that both dates give is equal (a date without a year agrees with one that has it)."""
    if a[0] != b[0]:
        return False
    if a[0] == "weekday":
        return a[1] == b[1]
    if a[4] != b[4]:
        return True  # Gregorian against Hijri: not compared
    return all(x is None or y is None or x == y for x, y in zip(a[1:4], b[1:4], strict=True))
