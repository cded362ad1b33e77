"""Numbers with what they count: `27 قتيلا`, `07ر3 مليار دولار`, `410.000 طن`, `٪١٥`, `ملياري دولار`,
`ثلاث دول`.

A number's value is every reading its spelling allows (`410.000` is 410 thousand in seed 001's
convention and 410 as a decimal): two numbers agree when they share a reading. Its key is the
counted noun without article or clitics (قتيلا -> قتيل), `%` for percentages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.facts.lexicon import DUAL_SCALES, NUMBER_WORDS, PERCENT_WORDS, SCALES, UNIT_GROUPS, folded_map
from reader.facts.model import NUMBER, Mention
from reader.facts.words import Words, bare, lookup
from reader.text.normalize import ascii_digits, canonical_number, fold_word

# A number token, with clitic letters before it (و410.000) and a letter or two after (2023م).
_NUMBER_RE = re.compile(r"([^\W\d]{0,2})(\d+(?:[.,٫٬ر]\d+)*)([^\W\d]{0,2})")
_THREE_DIGIT_FRACTION_RE = re.compile(r"^\d{1,3}\.\d{3}$")
_COMMA_DECIMAL_RE = re.compile(r"^(\d+),(\d{1,2})$")
# Next to these a number is part of something else: C5+1, 10:30, 2015-2016, 3/4.
_GLUE = frozenset("+-/:×x")
_TEENS = frozenset(map(fold_word, ("عشر", "عشرة")))
_OF = fold_word("من")
RELATIVE_TOLERANCE = 1e-9


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], dict[str, int], dict[str, int], list[tuple[str, ...]]]:
    percent = [tuple(fold_word(w) for w in phrase.split()) for phrase in PERCENT_WORDS]
    return folded_map(NUMBER_WORDS), folded_map(SCALES), folded_map(DUAL_SCALES), percent


def readings(spelling: str) -> tuple[float, ...]:
    """The values a digit spelling may mean (digits already ASCII)."""
    if _THREE_DIGIT_FRACTION_RE.match(spelling):
        # `410.000 طن` (dot = thousands) and `1.125 مليار` (dot = decimal) are both written
        integer, fraction = spelling.split(".")
        return tuple(dict.fromkeys((float(spelling), float(integer + fraction))))
    match = _COMMA_DECIMAL_RE.match(spelling)
    if match:
        return (float(f"{match.group(1)}.{match.group(2)}"),)
    canonical = canonical_number(spelling)
    try:
        return (float(canonical),)
    except ValueError:
        return ()


@lru_cache(maxsize=1)
def _unit_groups() -> dict[str, int]:
    return {fold_word(word): k for k, group in enumerate(UNIT_GROUPS) for word in group.split()}


def units_agree(a: str, b: str) -> bool:
    """Counted nouns agree unless both are known units of different kinds (دولار / يورو, طن / متر):
    `25 سنة` and `25 عاماً` say the same, and an unknown noun is not taken for a unit."""
    groups = _unit_groups()
    return a == b or a not in groups or b not in groups or groups[a] == groups[b]


def same_counted(a: str, b: str) -> bool:
    """Both numbers say what they count, and it is one thing (قتيل / قتلى, سنة / عام; شخص / آخرون is not)."""
    if not a or not b:
        return False
    groups = _unit_groups()
    return a == b or (a in groups and groups.get(a) == groups.get(b))


def values_agree(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return any(abs(x - y) <= RELATIVE_TOLERANCE * max(abs(x), abs(y), 1.0) for x in a for y in b)


def find_numbers(words: Words, skip: set[int]) -> list[Mention]:
    """The numbers of a text, except those in tokens `skip` (dates)."""
    number_words, scales, duals, _ = _tables()
    mentions: list[Mention] = []
    keys, tokens = words.keys, words.tokens
    k = 0
    while k < len(tokens):
        if k in skip:
            k += 1
            continue
        found = _digit_number(words, k) or _word_number(words, k, number_words, duals, scales)
        if found is None:
            k += 1
            continue
        values, last = found
        values, last = _scaled(keys, values, last, scales)
        percent_end = _percent_after(keys, last) if last + 1 < len(keys) else None
        first = k
        unit_index: int | None = None
        if percent_end is not None:
            last, unit, key = percent_end, "%", "%"
        elif k > 0 and keys[k - 1] == "%" and not _is_digit_token(words, k - 2):
            first, unit, key = k - 1, "%", "%"  # ٪١٥ written with the sign first
        else:
            unit_index = _counted_noun(words, last)
            unit = tokens[unit_index].text if unit_index is not None else ""
            key = _noun_key(keys[unit_index]) if unit_index is not None else ""
            if unit_index is not None:
                last = unit_index
        start, end, text = words.span(first, last)
        mentions.append(
            Mention(NUMBER, start, end, text, words.paragraph(start), key=key, value=values, unit=unit)
        )
        k = last + 1 if unit_index is None else unit_index  # the counted noun may start a number
        k = max(k, first + 1)
    return mentions


def _is_digit_token(words: Words, k: int) -> bool:
    return 0 <= k < len(words.tokens) and any(ch.isdigit() for ch in words.tokens[k].text)


def _digit_number(words: Words, k: int) -> tuple[tuple[float, ...], int] | None:
    token = words.tokens[k]
    match = _NUMBER_RE.fullmatch(ascii_digits(token.text))
    if not match or (match.group(3) and match.group(3) not in ("م", "ه")):
        return None
    text = words.text
    before = text[token.start - 1] if token.start else " "
    after = text[token.end : token.end + 2]
    if before in _GLUE or before.isascii() and before.isalpha():
        return None
    if after[:1] in _GLUE and after[1:2].isdigit():
        return None
    values = readings(match.group(2))
    return (values, k) if values else None


def _word_number(
    words: Words, k: int, number_words: dict[str, int], duals: dict[str, int], scales: dict[str, int]
) -> tuple[tuple[float, ...], int] | None:
    """ثلاثة، خمسة عشر، ثلاثة وعشرين، ملياري (a dual scale alone), مليون (a scale alone)."""
    keys = words.keys
    dual = lookup(keys[k], duals)
    if dual is not None:
        return (float(dual),), k
    value = lookup(keys[k], number_words)
    if value is None:
        scale = lookup(keys[k], scales)
        # a lone singular scale word is one of it (`نحو مليون لاجئ`); plurals are vague
        if scale is not None and keys[k].endswith(("مليون", "مليار", "الف")) and k + 1 < len(keys):
            return (float(scale),), k
        return None
    last = k
    if value < 10 and k + 1 < len(keys) and keys[k + 1] in _TEENS:
        value, last = value + 10, k + 1
    elif value < 10 and k + 1 < len(keys):
        tens = lookup(keys[k + 1], number_words) if keys[k + 1].startswith("و") else None
        if tens is not None and 20 <= tens <= 90:
            value, last = value + tens, k + 1
    if value == 1:  # `عام واحد` counts; `واحدة من أكبر` (one of the largest) does not
        following = keys[last + 1] if last + 1 < len(keys) else ""
        return ((1.0,), last) if following != _OF else None
    if value in (100, 200) or _counted_noun(words, last) is not None:
        return (float(value),), last
    return None  # `خمس` (a fifth), `سبع` (a lion): a number word needs something it counts


def _scaled(
    keys: list[str], values: tuple[float, ...], last: int, scales: dict[str, int]
) -> tuple[tuple[float, ...], int]:
    """`3.07 مليار`, `ثلاثة آلاف`, `مئة ألف`: the scale words after a number multiply it."""
    while last + 1 < len(keys):
        scale = lookup(keys[last + 1], scales) if not keys[last + 1].startswith("و") else None
        if scale is None:
            break
        values = tuple(v * scale for v in values)
        last += 1
    return values, last


def _percent_after(keys: list[str], last: int) -> int | None:
    if keys[last + 1] == "%":
        return last + 1
    for phrase in _tables()[3]:
        if tuple(keys[last + 1 : last + 1 + len(phrase)]) == phrase:
            return last + len(phrase)
    return None


def _counted_noun(words: Words, last: int) -> int | None:
    """The word a number counts: the next content word (after `من` in `ثلاثة من الجنود`)."""
    j = last + 1
    if j < len(words.keys) and words.keys[j] == _OF:
        j += 1
    if j < len(words.tokens) and words.is_content(j) and not _is_digit_token(words, j):
        return j
    return None


def _noun_key(key: str) -> str:
    """قتيلا -> قتيل, الدولارات -> دولارات: article and clitics off, the accusative alef off."""
    noun = bare(key)
    if len(noun) >= 3 and noun.endswith("ا"):
        noun = noun[:-1]
    return noun
