"""Edits that turn a copied Arabic passage into what a second newsroom prints.

Each edit is a pure function of (text, random.Random, ...) so a fixed seed rebuilds the same pair.
They work on whitespace-separated words and keep punctuation attached, as a re-typing editor does.
"""

from __future__ import annotations

import random
import re

ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
# Sentence ends (. ! ? ؟) and clause ends (also ، ؛) followed by a space.
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
CLAUSE_END = re.compile(r"(?<=[.!?؟،؛])\s+")

HARAKAT = "\u064e\u064f\u0650\u0651\u0652\u064b"  # fatha, damma, kasra, shadda, sukun, tanween
TATWEEL = "\u0640"
# Letters that do not join to the next one: no tatweel after them.
NON_JOINING = set("اأإآدذرزوؤةءى")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# Common news words and their stand-ins (hand-made; each row is one group of interchangeable words).
SYNONYM_GROUPS = [
    "قال صرح أوضح أكد ذكر أفاد",
    "أعلن كشف",
    "أضاف تابع",
    "التقى اجتمع",
    "استضاف استقبل",
    "قادة زعماء رؤساء",
    "دول بلدان",
    "الدول البلدان",
    "تعزيز تقوية تدعيم",
    "تسعى تعمل",
    "يسعى يعمل",
    "المنطقة الإقليم",
    "خلال أثناء",
    "اتفاقيات اتفاقات",
    "اتفاقية اتفاق",
    "العلاقات الروابط",
    "محادثات مباحثات",
    "اللازمة المطلوبة الضرورية",
    "الموارد الثروات",
    "الكبرى الرئيسية",
    "تطوير تنمية",
    "جديدة حديثة",
    "بناء إنشاء",
    "مشيرا لافتا",
    "بشأن حول",
    "المقرر المزمع",
    "أهمية قيمة",
    "الاجتماع اللقاء",
    "القمة الاجتماع",
    "الماضي المنصرم",
]
SYNONYMS: dict[str, list[str]] = {}
for _row in SYNONYM_GROUPS:
    _words = _row.split()
    for _w in _words:
        SYNONYMS.setdefault(_w, []).extend(x for x in _words if x != _w)
CLITICS = ("و", "ف", "ل", "ب", "")


def split_sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text) if s]


def split_clauses(text: str) -> list[str]:
    return [s for s in CLAUSE_END.split(text) if s]


# --- spelling variants: what the normaliser must see through -------------------------------------


def _vary_letters(word: str, rng: random.Random) -> str:
    """One spelling variant of an Arabic word: hamza/alef, ى/ي, ة/ه, tashkeel or tatweel."""
    options = []
    if any(c in word for c in "أإآ"):
        options.append(lambda w: w.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا"))
    if word.startswith("ا") and not word.startswith("ال") and len(word) > 2:
        options.append(lambda w: rng.choice("أإ") + w[1:])
    if word.endswith("ي"):
        options.append(lambda w: w[:-1] + "ى")
    if word.endswith("ى"):
        options.append(lambda w: w[:-1] + "ي")
    if word.endswith("ة"):
        options.append(lambda w: w[:-1] + "ه")
    if len(word) >= 3:
        options.append(_add_tashkeel(rng))
        options.append(_add_tatweel(rng))
    return rng.choice(options)(word) if options else word


def _add_tashkeel(rng: random.Random):
    def apply(word: str) -> str:
        letters = list(word)
        for index in sorted(
            rng.sample(range(len(letters)), k=min(len(letters), rng.randint(1, 3))), reverse=True
        ):
            letters.insert(index + 1, rng.choice(HARAKAT))
        return "".join(letters)

    return apply


def _add_tatweel(rng: random.Random):
    def apply(word: str) -> str:
        spots = [i for i in range(len(word) - 1) if word[i] not in NON_JOINING and i > 0]
        if not spots:
            return word
        i = rng.choice(spots)
        return word[: i + 1] + TATWEEL * rng.randint(1, 3) + word[i + 1 :]

    return apply


def change_quotes(text: str, rng: random.Random) -> str:
    """Re-type the quotation marks in another house style: "…" / “…” / «…»."""
    opening, closing = rng.choice([("«", "»"), ("“", "”"), ('"', '"')])
    out = []
    is_open = True
    for char in text:
        if char in '"«»“”':
            out.append(opening if is_open else closing)
            is_open = not is_open
        else:
            out.append(char)
    return "".join(out)


def spelling_variants(text: str, rng: random.Random, rate: float = 0.3) -> str:
    """Spell a share of the words differently (at least one), Arabic-Indic digits and other quotes
    half the time."""
    original = text
    text = ARABIC_WORD.sub(
        lambda m: _vary_letters(m.group(), rng) if rng.random() < rate else m.group(), text
    )
    words = list(ARABIC_WORD.finditer(text))
    while text == original and words:
        m = rng.choice(words)
        text = text[: m.start()] + _vary_letters(m.group(), rng) + text[m.end() :]
    if rng.random() < 0.5:
        text = text.translate(ARABIC_INDIC)
    if rng.random() < 0.5:
        text = change_quotes(text, rng)
    return text


# --- changes of wording ----------------------------------------------------------------------------


def swap_synonyms(text: str, rng: random.Random, rate: float = 1.0) -> tuple[str, int]:
    """Replace news words by a synonym from the hand-made list (keeping a و/ف/ل/ب prefix)."""
    swaps = 0

    def replace(match: re.Match) -> str:
        nonlocal swaps
        word = match.group()
        for prefix in CLITICS:
            stem = word[len(prefix) :]
            if word.startswith(prefix) and stem in SYNONYMS and rng.random() < rate:
                swaps += 1
                return prefix + rng.choice(SYNONYMS[stem])
        return word

    return ARABIC_WORD.sub(replace, text), swaps


def count_synonym_words(text: str) -> int:
    return sum(
        1
        for w in ARABIC_WORD.findall(text)
        if any(w[len(p) :] in SYNONYMS for p in CLITICS if w.startswith(p))
    )


def reword_phrases(text: str, rng: random.Random, vocabulary: list[str], every: int = 12) -> str:
    """Replace short runs (1-3 words) with other real words, about one run per `every` words."""
    words = text.split(" ")
    runs = max(1, len(words) // every)
    for _ in range(runs):
        length = rng.randint(1, 3)
        start = rng.randrange(0, max(1, len(words) - length))
        replacement = [rng.choice(vocabulary) for _ in range(rng.randint(max(1, length - 1), length + 1))]
        words[start : start + length] = replacement
    return " ".join(words)


def shuffle_words(text: str, rng: random.Random, share: float = 1.0) -> str:
    """Shuffle the words inside each sentence (the order-free reuse PAN calls random obfuscation)."""
    out = []
    for sentence in split_sentences(text):
        words = sentence.split(" ")
        if len(words) > 2 and rng.random() < share:
            rng.shuffle(words)
        out.append(" ".join(words))
    return " ".join(out)


def insert_and_delete(text: str, rng: random.Random, filler_clause: str) -> str:
    """Drop one inner clause (when there are three or more) and insert a clause from other text."""
    clauses = split_clauses(text)
    if len(clauses) >= 3:
        del clauses[rng.randrange(1, len(clauses) - 1)]
    if len(clauses) < 2:  # one long clause: cut it between two words instead
        words = text.split(" ")
        middle = len(words) // 2
        clauses = [" ".join(words[:middle]), " ".join(words[middle:])]
    # Strictly inside the copy, so the copy still starts and ends with copied words.
    clauses.insert(rng.randrange(1, len(clauses)), filler_clause)
    return " ".join(clauses)
