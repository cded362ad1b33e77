"""Obfuscations of a reused passage, as the AraPlagDet and PAN corpora made them, plus what copied
Arabic news really does (honorifics, names joined or split, clitics and suffixes changed).

Each function takes the passage text and a `random.Random` and returns the obfuscated text.
Synonyms come from Debian's Arabic thesaurus (package mythes-ar).
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

from reader.text.normalize import fold_word

THESAURUS = Path("/usr/share/mythes/th_ar_EG_v2.dat")
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
WORD_RE = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+")
# Words a phrase boundary falls before (conjunctions and connectives), beside punctuation.
_CONJUNCTIONS = ("ثم", "أو", "او", "لكن", "بل", "حيث", "كما", "إذ", "التي", "الذي", "الذين")
_CLITICS = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
TITLES = ("الأمير", "الملك", "الشيخ", "الوزير", "الرئيس", "الدكتور", "ولي")
HONORIFICS = ("سمو", "معالي", "صاحب السمو الملكي", "فضيلة", "سعادة", "خادم الحرمين الشريفين")
_JOINABLE = re.compile(r"\b(عبد|أبو|ابو)\s(ال\w+|\w+)")
_JOINED = re.compile(r"\b(عبد|أبو|ابو)(ال\w{2,})")
_SUFFIXES = (("يون", "يين"), ("ون", "ين"), ("ات", "ة"), ("ية", "ي"), ("ي", "ية"))


@lru_cache(maxsize=1)
def thesaurus() -> dict[str, tuple[str, ...]]:
    """folded word -> synonyms (without tashkeel), from mythes-ar; {} when it is not installed."""
    if not THESAURUS.exists():
        return {}
    lines = THESAURUS.read_text(encoding="utf-8").splitlines()[1:]
    out: dict[str, set[str]] = {}
    k = 0
    while k < len(lines):
        head, _, count = lines[k].partition("|")
        k += 1
        synonyms: set[str] = set()
        for line in lines[k : k + int(count or 0)]:
            for word in line.split("|")[1:]:
                word = _DIACRITICS.sub("", word).strip()
                if word and " " not in word and word != head:
                    synonyms.add(word)
        k += int(count or 0)
        if synonyms:
            out.setdefault(fold_word(_DIACRITICS.sub("", head)), set()).update(synonyms)
    return {key: tuple(sorted(values)) for key, values in out.items()}


def words_of(text: str) -> list[str]:
    return text.split()


def permute_all(text: str, rng: random.Random) -> str:
    """Every word of the passage in a random order (paragraph breaks dropped, as in the corpora)."""
    words = words_of(text)
    rng.shuffle(words)
    return " ".join(words)


def permute_share(text: str, rng: random.Random, share: float | None = None) -> str:
    """A share (20-80%) of the words moved: those positions' words permuted among themselves."""
    words = words_of(text)
    share = rng.uniform(0.2, 0.8) if share is None else share
    chosen = sorted(rng.sample(range(len(words)), max(2, int(share * len(words)))))
    moved = [words[k] for k in chosen]
    rng.shuffle(moved)
    for k, word in zip(chosen, moved, strict=True):
        words[k] = word
    return " ".join(words)


def phrases(text: str) -> list[str]:
    """The passage cut at punctuation and before conjunctions (و-prefixed words and connectives)."""
    out: list[list[str]] = [[]]
    for word in words_of(text):
        bare = word.strip('،,.:;؛!؟?"«»()')
        starts_phrase = bare in _CONJUNCTIONS or (bare.startswith("و") and len(bare) > 3)
        if out[-1] and starts_phrase and len(out[-1]) >= 2:
            out.append([])
        out[-1].append(word)
        if word[-1:] in "،,.:;؛!؟?" and len(out[-1]) >= 2:
            out.append([])
    return [" ".join(p) for p in out if p]


def shuffle_phrases(text: str, rng: random.Random) -> str:
    parts = phrases(text)
    rng.shuffle(parts)
    return " ".join(parts)


def _split_clitic(word: str) -> tuple[str, str]:
    for clitic in _CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return clitic, word[len(clitic) :]
    return "", word


def synonym(word: str, rng: random.Random) -> str | None:
    """A thesaurus synonym of `word`, its clitic prefix kept, or None."""
    table = thesaurus()
    for prefix, stem in ((("", word)), _split_clitic(word)):
        options = table.get(fold_word(stem))
        if options:
            choice = rng.choice(options)
            if prefix.endswith("ال") and choice.startswith("ال"):
                choice = choice[2:]
            return prefix + choice
    return None


def substitute(text: str, rng: random.Random, share: float | None = None) -> str:
    """Synonyms for a share of the words (20-50%), and a few clitic and suffix changes."""
    share = rng.uniform(0.2, 0.5) if share is None else share

    def change(match: re.Match) -> str:
        word = match.group()
        if rng.random() >= share:
            return word
        replaced = synonym(word, rng)
        if replaced:
            return replaced
        return clitic_or_suffix(word, rng)

    return WORD_RE.sub(change, text)


def clitic_or_suffix(word: str, rng: random.Random) -> str:
    """`الأمريكي` -> `الأمريكيون`, `وقال` -> `قال`, `مدينة` -> `المدينة`: the word changes, its stem stays."""
    prefix, stem = _split_clitic(word)
    if rng.random() < 0.5:
        for old, new in _SUFFIXES:
            if stem.endswith(old) and len(stem) > len(old) + 2:
                return prefix + stem[: -len(old)] + new
    if prefix:
        return stem
    return "و" + word if len(word) > 2 else word


def news_rewrite(text: str, rng: random.Random) -> str:
    """What outlets do to agency copy: honorifics added before titles, names joined or split, a
    few clitics and suffixes changed."""
    words = words_of(text)
    out: list[str] = []
    for word in words:
        bare = word.strip('،,.:"«»')
        if bare in TITLES and rng.random() < 0.7:
            out.append(rng.choice(HONORIFICS))
        out.append(word)
    text = " ".join(out)
    if rng.random() < 0.5:
        text = _JOINABLE.sub(lambda m: m.group(1) + m.group(2), text)
    else:
        text = _JOINED.sub(lambda m: m.group(1) + " " + m.group(2), text)
    return WORD_RE.sub(lambda m: clitic_or_suffix(m.group(), rng) if rng.random() < 0.08 else m.group(), text)


def substitutions(text: str, rng: random.Random) -> str:
    """The substitution kind: thesaurus synonyms and the news rewrites together."""
    return news_rewrite(substitute(text, rng), rng)
