"""Is this one name spelled two ways (ميرضيائيف / ميرزيوييف, جومارت / جومرت, قرغيزيا / قيرغيزستان) or
two names (حسن / حسين, محمد / أحمد)?

Foreign names reach Arabic through several transliterations: long vowels written or left out,
z as ز ض ذ ظ, g as ج غ ق, t as ت ط, s as س ص ث, v as ف, a country as -ستان or -يا. Native Arabic
names are spelled one way, and short ones differ by a single letter (حسن / حسين, سعد / سعيد).
So: after the spelling folds, words of at most `SHORT` letters must be equal; longer words are
compared by an edit distance in which a vowel letter or a letter of the same sound class costs
little, and any other letter makes another name unless the word is long. Measured on name pairs
from SaudiNewsNet and the seeds by `bench/eval_names.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reader.facts.words import prefix_forms
from reader.text.normalize import fold_word


@dataclass(frozen=True)
class SpellingRule:
    short: int = 4  # words this short (clitics and article aside) must match exactly
    alef_cost: float = 0.3  # a long a written or left out: جومارت / جومرت, نتانياهو / نتنياهو
    vowel_cost: float = 0.6  # ي or و written or left out: dear in short words (سلمان / سليمان)
    swap_cost: float = 0.6  # one long vowel for another: dear too (باريس / بوريس)
    transpose_cost: float = 0.35  # a long vowel and a letter beside it swapped: أمريكا / أميركا
    class_cost: float = 0.35  # ز/ض/ذ/ظ, ج/غ/ق/ك/گ, ت/ط, س/ص/ث, ه/ح, ف/ڤ, ب/پ
    long: int = 8  # from this many letters a word may differ more
    max_distance: float = 0.5  # one cheap edit; any other letter makes another name (سلمان / سلطان)
    max_distance_long: float = 1.5


RULE = SpellingRule()
VOWELS = frozenset("اوي")
_SOUND_CLASSES = ("زضذظ", "جغقكگ", "تط", "سصث", "هح", "فڤ", "بپ")
# s and z alternate across the classes (بيريس / بيريز); ch is تش or ج or ش (سوروتش / سوروج).
_CROSS_PAIRS = frozenset({("س", "ز"), ("ز", "س")})
_DIGRAPHS = (("تش", "ج"),)
_CLASS_OF = {ch: k for k, letters in enumerate(_SOUND_CLASSES) for ch in letters}
# Endings that alternate in place names: قرغيزيا / قيرغيزستان, أوزبكستان / أوزبكيا.
_PLACE_ENDINGS = ("ستان", "يا")
# Final alef and teh marbuta alternate in transliterated names: سوريا / سورية.
_FINAL_ALTERNATION = ("ا", "ه")
_ARTICLE = "ال"


def name_key(name: str) -> str:
    """A name folded for equality: spelling folds, spaces dropped (عبد الله = عبدالله)."""
    return "".join(_word_key(w) for w in name.split())


def _word_key(word: str) -> str:
    return fold_word(word)


def _without_article(key: str) -> str:
    return key[2:] if key.startswith(_ARTICLE) and len(key) > 4 else key


def same_name(a: str, b: str, rule: SpellingRule = RULE) -> bool:
    """True when a and b are one name: equal after folding, or one spelled as the other's variant.
    A name with fewer words agrees with a longer one that holds its words
    (توكاييف / قاسم جومارت توكاييف)."""
    words_a, words_b = [_word_key(w) for w in a.split()], [_word_key(w) for w in b.split()]
    if not words_a or not words_b:
        return False
    if spelled_alike(a, b):
        return True
    shorter, longer = sorted((words_a, words_b), key=len)
    if len(shorter) == len(longer):
        return all(same_word(x, y, rule) for x, y in zip(shorter, longer, strict=True))
    # a shorter form of one name: its words, spelled alike, in the longer one (in order)
    remaining = iter(longer)
    return all(any(same_form(word, other) for other in remaining) for word in shorter)


def spelled_alike(a: str, b: str) -> bool:
    """Two names written alike but for the spelling folds, clitics and the article
    (وأوزبكستان / أوزبكستان, عبد الله / عبدالله)."""
    words_a, words_b = [_word_key(w) for w in a.split()], [_word_key(w) for w in b.split()]
    if "".join(words_a) == "".join(words_b):
        return True
    return len(words_a) == len(words_b) and all(map(same_form, words_a, words_b))


def same_form(x: str, y: str) -> bool:
    """Two folded words spelled alike but for clitics and the article."""
    if x == y:
        return True
    forms_x = {_without_article(f) for f in prefix_forms(x)}
    return bool(forms_x & {_without_article(f) for f in prefix_forms(y)})


def same_word(x: str, y: str, rule: SpellingRule = RULE) -> bool:
    """Two folded words: one name word spelled two ways, clitics aside (وخالد / خالد, بالرياض /
    الرياض) and the article too (القدرة / قدرة)."""
    if x == y:
        return True
    forms_x, forms_y = prefix_forms(x), prefix_forms(y)
    if set(forms_x) & set(forms_y):
        return True
    # compared without the article and clitics, allowed the edits of words as long as written
    # (the letters a clitic seems to be may be the name's own: بالاكاوغلو)
    return _same_spelling(_core(x), _core(y), rule, max(len(x), len(y)))


_DEFINITE_PREFIX = re.compile("^(?:[وف]?[بلك]?ال|[وف]?لل)(?=..)")


def _core(key: str) -> str:
    """A word without the article and the clitics before it (باليمن -> يمن, للبنان -> بنان);
    other letters are left, since they may be the name's own (بوينغ, وليد)."""
    return _DEFINITE_PREFIX.sub("", key)


def _same_spelling(x: str, y: str, rule: SpellingRule, length: int) -> bool:
    x, y = _without_article(x), _without_article(y)
    if x == y:
        return True
    if min(len(x), len(y)) <= rule.short:
        return False
    if x[0] != y[0] and _CLASS_OF.get(x[0], -1) != _CLASS_OF.get(y[0], -2):
        return False  # transliterations keep the first sound
    if x[-1] != y[-1] and {x[-1], y[-1]} == set(_FINAL_ALTERNATION) and x[:-1] == y[:-1]:
        return True
    for ex in ("", *_PLACE_ENDINGS):
        for ey in ("", *_PLACE_ENDINGS):
            if (ex or ey) and x.endswith(ex) and y.endswith(ey):
                sx, sy = x[: len(x) - len(ex)], y[: len(y) - len(ey)]
                if min(len(sx), len(sy)) > rule.short and _close(sx, sy, rule, max(len(x), len(y), length)):
                    return True
    return _close(x, y, rule, length)


def _close(x: str, y: str, rule: SpellingRule, length: int = 0) -> bool:
    """Within the distance allowed for words of `length` letters (default: the longer one's)."""
    for digraph, letter in _DIGRAPHS:
        x, y = x.replace(digraph, letter), y.replace(digraph, letter)
    if (x[-1] in VOWELS) != (y[-1] in VOWELS) and abs(len(x) - len(y)) == 1:
        if x.startswith(y) or y.startswith(x):
            return False  # a vowel added at the end makes another name: روبرت / روبرتو, ماريا / ماريو
    limit = rule.max_distance_long if max(len(x), len(y), length) >= rule.long else rule.max_distance
    return distance(x, y, rule) <= limit


@lru_cache(maxsize=1 << 14)
def distance(x: str, y: str, rule: SpellingRule = RULE) -> float:
    """Weighted edit distance: vowel letters and letters of one sound class are cheap."""
    previous = [0.0]
    for ch in y:
        previous.append(previous[-1] + _indel(ch, rule))
    before: list[float] | None = None
    for i, cx in enumerate(x):
        current = [previous[0] + _indel(cx, rule)]
        for j, cy in enumerate(y, start=1):
            best = min(
                previous[j] + _indel(cx, rule),
                current[j - 1] + _indel(cy, rule),
                previous[j - 1] + _substitution(cx, cy, rule),
            )
            if (
                before is not None
                and j >= 2
                and cx == y[j - 2]
                and x[i - 1] == cy
                and (cx in VOWELS) != (cy in VOWELS)
            ):
                best = min(best, before[j - 2] + rule.transpose_cost)
            current.append(best)
        before, previous = previous, current
    return previous[-1]


def _indel(ch: str, rule: SpellingRule) -> float:
    if ch == "ا":
        return rule.alef_cost
    return rule.vowel_cost if ch in VOWELS else 1.0


def _substitution(a: str, b: str, rule: SpellingRule) -> float:
    if a == b:
        return 0.0
    if a in VOWELS and b in VOWELS:
        return rule.swap_cost
    if _CLASS_OF.get(a, -1) == _CLASS_OF.get(b, -2) or (a, b) in _CROSS_PAIRS:
        return rule.class_cost
    return 1.0
