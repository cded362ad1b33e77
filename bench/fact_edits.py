"""Changes to facts as reports really differ, planted in real articles (for bench/eval_facts.py).

Each edit finds its target in the original text by a plain pattern of its own (not by the fact
finder being measured), changes it, and says where the change stands and what a reader should be
told: a number, date, name or quote that differs, a name spelled two ways, or nothing (a number
respelled in another digit script).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from arabic_edits import ARABIC_INDIC, SYNONYMS

from reader.facts.lexicon import COUNTRIES
from reader.text.calendar import WEEKDAY_NAMES


@dataclass(frozen=True)
class Planted:
    kind: str  # number, date, name, quote
    expected: str  # differ, spelled, none
    edit: str  # the edit's name
    a: tuple[int, int]  # the changed words in A and in B
    b: tuple[int, int]


NUMBER_RE = re.compile(r"(?<![\w.,/:+-])\d{1,6}(?![\w.,/:+-]|[.,]\d)")
WEEKDAY_RE = re.compile(
    "(?<![\u0621-\u064a])(?:"
    + "|".join(name for names in WEEKDAY_NAMES for name in names)
    + ")(?![\u0621-\u064a])"
)
MONTH_DAY_RE = re.compile(
    r"(?<![\w.,/])(\d{1,2}) "
    r"(يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)"
)
NAME_PAIRS = Path(__file__).resolve().parent / "data" / "name_pairs.tsv"
# words of the judged pairs that are not names by themselves
_NOT_NAMES = set(
    "رؤساء وروساء الأمن والأمن بالأمن بالامن للامن طيران عسكري عراقي مدينة جمهورية حزب الله جبهة لوس".split()
)
# first names that are everyday words too (just, valid, assistant, Ramadan...): not clean targets
_NOT_NAMES |= set("عادل صالح مساعد سالم رمضان سعيد حسن جميل كريم أمين".split())


def _judged_words() -> set[str]:
    words = set()
    for line in NAME_PAIRS.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#") and line.strip():
            for name in line.split("\t")[:2]:
                words.update(
                    w for w in name.split() if len(w) >= 4 and w[0] not in "وبل" and w not in _NOT_NAMES
                )
    return words


PLACES = sorted(w for w in COUNTRIES.split() if "_" not in w and len(w) >= 4)
PEOPLE = sorted(w for w in _judged_words() - set(PLACES) if not w.startswith("ال"))
NAME_RE = re.compile(
    r"(?<![\u0621-\u064a])("
    + "|".join(sorted(PEOPLE + PLACES, key=len, reverse=True))
    + r")(?![\u0621-\u064a])"
)
# quoted speech: a verb of speech, a few words and the quote (scare quotes around a term are not speech)
QUOTE_RE = re.compile(
    r"(?:قال|وقال|قالت|وقالت|أضاف|وأضاف|أكد|وأكد|أوضح|وأوضح|مضيفا|مؤكدا|مشيرا)[^.\n\"«“”»]{0,60}?[:،]?\s*"
    r"(?:«([^«»\n]{20,300})»|\"([^\"\n]{20,300})\"|“([^“”\n]{20,300})”)"
)
SPEAKER_RE = re.compile(r"(?:وقال|قال|وأضاف|وأكد|أكد) (?!ال)([\u0621-\u064a]{4,})(?= ?:)")


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def change_number(text: str, match: re.Match, rng: random.Random) -> tuple[str, Planted]:
    value = int(match.group())
    choices = [
        value + rng.randint(1, max(1, value // 4 + 3)),
        max(0, value - rng.randint(1, max(1, value // 4 + 1))),
    ]
    if len(match.group()) >= 3 and len(set(match.group())) > 1:  # 140 -> 104: a typing slip
        digits = list(match.group())
        i = rng.randrange(len(digits) - 1)
        digits[i], digits[i + 1] = digits[i + 1], digits[i]
        choices.append(int("".join(digits)))
    new = str(rng.choice([c for c in choices if c != value] or [value + 1]))
    return _replace(text, match.start(), match.end(), new), Planted(
        "number",
        "differ",
        "number value",
        (match.start(), match.end()),
        (match.start(), match.start() + len(new)),
    )


def respell_number(text: str, match: re.Match, _rng: random.Random) -> tuple[str, Planted]:
    new = match.group().translate(ARABIC_INDIC)
    return _replace(text, match.start(), match.end(), new), Planted(
        "number", "none", "digits respelled", (match.start(), match.end()), (match.start(), match.end())
    )


def change_weekday(text: str, match: re.Match, rng: random.Random) -> tuple[str, Planted]:
    days = [names[0] for names in WEEKDAY_NAMES if match.group() not in names]
    new = rng.choice(days)
    return _replace(text, match.start(), match.end(), new), Planted(
        "date", "differ", "weekday", (match.start(), match.end()), (match.start(), match.start() + len(new))
    )


def change_month_day(text: str, match: re.Match, _rng: random.Random) -> tuple[str, Planted]:
    day = int(match.group(1))
    new_day = str(day + 1 if day < 28 else day - 1)
    return _replace(text, match.start(1), match.end(1), new_day), Planted(
        "date",
        "differ",
        "day of month",
        (match.start(), match.end()),
        (match.start(), match.end() + len(new_day) - len(match.group(1))),
    )


_VARIANT_LETTERS = {"ج": "غ", "غ": "ج", "ز": "ذ", "س": "ص", "ت": "ط", "ك": "ق", "ق": "ك"}


def respell_name(text: str, match: re.Match, rng: random.Random) -> tuple[str, Planted] | None:
    """A transliterated name (six letters or more, the article aside) spelled as another outlet
    spells it: a long a dropped, or g / z / s / t / k written with the other letter of its sound.
    `عبد الله` / `عبدالله` joined or split is the same spelling to Qarin (expected: no flag)."""
    word = match.group(1)
    core = word[2:] if word.startswith("ال") else word
    if word.startswith("عبد") and len(word) > 5:
        new = "عبد " + word[3:]
        return _replace(text, match.start(1), match.end(1), new), Planted(
            "name",
            "none",
            "name split",
            (match.start(1), match.end(1)),
            (match.start(1), match.start(1) + len(new)),
        )
    if len(core) < 6:
        return None
    options = []
    inner = [i for i in range(len(word) - len(core) + 1, len(word) - 1) if word[i] == "ا"]
    if inner:
        i = rng.choice(inner)
        options.append(word[:i] + word[i + 1 :])
    swaps = [i for i in range(len(word) - len(core) + 1, len(word) - 1) if word[i] in _VARIANT_LETTERS]
    if swaps:
        i = rng.choice(swaps)
        options.append(word[:i] + _VARIANT_LETTERS[word[i]] + word[i + 1 :])
    if not options:
        return None
    new = rng.choice(options)
    return _replace(text, match.start(1), match.end(1), new), Planted(
        "name",
        "spelled",
        "name respelled",
        (match.start(1), match.end(1)),
        (match.start(1), match.start(1) + len(new)),
    )


def change_name(text: str, match: re.Match, rng: random.Random) -> tuple[str, Planted] | None:
    """Another person for a person, another place for a place."""
    word = match.group(1)
    pool = PLACES if word in PLACES else PEOPLE
    pool = [o for o in pool if o[0] != word[0] and o != word]
    if not pool:
        return None
    new = rng.choice(pool)
    return _replace(text, match.start(1), match.end(1), new), Planted(
        "name",
        "differ",
        "another name",
        (match.start(1), match.end(1)),
        (match.start(1), match.start(1) + len(new)),
    )


def change_quote_word(text: str, match: re.Match, rng: random.Random) -> tuple[str, Planted] | None:
    group = next(g for g in (1, 2, 3) if match.group(g) is not None)
    start = match.start(group)
    words = list(re.finditer(r"[\u0621-\u064a]{3,}", match.group(group)))
    swappable = [w for w in words if w.group() in SYNONYMS] or [w for w in words if len(w.group()) >= 4]
    if not swappable:
        return None
    target = rng.choice(swappable)
    new = rng.choice(SYNONYMS.get(target.group(), ["تماما", "للغاية", "بالفعل", "جدا"]))
    lo, hi = start + target.start(), start + target.end()
    return _replace(text, lo, hi, new), Planted(
        "quote", "differ", "quote reworded", (lo, hi), (lo, lo + len(new))
    )


def change_speaker(
    text: str, match: re.Match, rng: random.Random, others: list[str]
) -> tuple[str, Planted] | None:
    word = match.group(1)
    pool = [o for o in others if o[0] != word[0]]
    if not pool:
        return None
    new = rng.choice(pool)
    return _replace(text, match.start(1), match.end(1), new), Planted(
        "quote",
        "differ",
        "another speaker",
        (match.start(1), match.end(1)),
        (match.start(1), match.start(1) + len(new)),
    )
