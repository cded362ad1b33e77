"""Facts of two texts paired and judged: the same fact stated alike, differently, or by one only.

A fact is paired first by place (its counterpart through the comparison's passages, `places`; of
several facts at the counterpart, the one counting the same thing), then by what it is about:
numbers and dates by their counted noun and the words around them, names by spelling
(`spelling.same_name`), quotes by their words. Each fact pairs once, except where the other text
uses its words twice (a `reused` passage): there a fact left over in the other text may pair with
it again, so a figure changed in one of the two copies is still seen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.facts.dates import dates_agree
from reader.facts.lexicon import keys as word_lists
from reader.facts.model import (
    AGREE,
    DATE,
    DIFFER,
    NAME,
    NUMBER,
    ONLY,
    QUOTE,
    SPELLED,
    FactPair,
    Mention,
    WordChange,
)
from reader.facts.numbers import same_counted, units_agree, values_agree
from reader.facts.places import Places
from reader.facts.spelling import name_key, same_form, same_name, same_word, spelled_alike
from reader.facts.words import Words, bare
from reader.text.normalize import fold_word
from reader.text.tokens import is_word, tokenize


@dataclass(frozen=True)
class PairingRule:
    """How alike the words around two facts must be to pair them without the passages' help."""

    agree_context: float = 0.2  # equal values: a little shared context is enough
    differ_context: float = 0.5  # different values: the sentence must be plainly the same
    # shared words over the shorter quote's words: one quote, however one report cut or joined it
    quote_words: float = 0.6
    context_reach: int = 6  # words either side of a fact that say what it is about


RULE = PairingRule()
PLACED = 3.0  # score of a pair found through the passages, above any pair found by likeness
SAME_THING = 0.5  # ... and more when the two count the same thing or are the same kind of date


def pair_mentions(
    kind: str,
    mentions_a: Sequence[Mention],
    mentions_b: Sequence[Mention],
    words_a: Words,
    words_b: Words,
    places: Places | None,
    rule: PairingRule = RULE,
) -> list[FactPair]:
    scored: list[tuple[float, int, int]] = []
    contexts_a = [_context(words_a, m, rule) for m in mentions_a]
    contexts_b = [_context(words_b, m, rule) for m in mentions_b]
    spans_b = [places.counterpart("b", m.start, m.end) if places else None for m in mentions_b]
    for i, a in enumerate(mentions_a):
        counterpart = places.counterpart("a", a.start, a.end) if places else None
        for j, b in enumerate(mentions_b):
            placed = (_overlaps(counterpart, b) or _overlaps(spans_b[j], a)) and _comparable(kind, a, b)
            score = _likeness(kind, a, b, contexts_a[i], contexts_b[j], rule)
            if placed:
                scored.append(
                    (PLACED + max(score, 0.0) + (SAME_THING if _same_thing(kind, a, b) else 0.0), i, j)
                )
            elif score > 0:
                scored.append((score, i, j))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_a: dict[int, int] = {}
    used_b: dict[int, int] = {}
    pairs: list[FactPair] = []
    for _, i, j in scored:
        if i in used_a or j in used_b:
            continue
        used_a[i] = used_b[j] = 1
        pairs.append(judge(kind, mentions_a[i], mentions_b[j]))
    if places is not None:  # second uses: a leftover pairs with a fact whose words are used twice
        uses_a = {i: places.uses("a", m.start, m.end) for i, m in enumerate(mentions_a) if i in used_a}
        uses_b = {j: places.uses("b", m.start, m.end) for j, m in enumerate(mentions_b) if j in used_b}
        for _, i, j in scored:
            if i in used_a and j not in used_b and used_a[i] < uses_a[i]:
                used_a[i] += 1
            elif j in used_b and i not in used_a and used_b[j] < uses_b[j]:
                used_b[j] += 1
            else:
                continue
            used_a.setdefault(i, 1)
            used_b.setdefault(j, 1)
            pairs.append(judge(kind, mentions_a[i], mentions_b[j]))
    pairs += [FactPair(kind, ONLY, m, None) for i, m in enumerate(mentions_a) if i not in used_a]
    pairs += [FactPair(kind, ONLY, None, m) for j, m in enumerate(mentions_b) if j not in used_b]
    return pairs


def _same_thing(kind: str, a: Mention, b: Mention) -> bool:
    """Two numbers counting one thing, or two dates of one kind (a weekday and a weekday)."""
    if kind == NUMBER:
        return same_counted(a.key, b.key)
    return kind == DATE and a.value[0] == b.value[0]


def _comparable(kind: str, a: Mention, b: Mention) -> bool:
    """A person's name is compared with a person's, a place's with a place's (السعودية / فايز at one
    place of two texts is two ways of writing a sentence, not two names for one thing)."""
    return kind != NAME or a.value[1:] == b.value[1:]


def _overlaps(span: tuple[int, int] | None, mention: Mention) -> bool:
    if span is None:
        return False
    lo, hi = span
    return mention.start <= lo < mention.end or (lo < mention.end and mention.start < hi)


def _context(words: Words, mention: Mention, rule: PairingRule) -> frozenset[str]:
    first, last = words.index_at(mention.start), words.index_at(mention.end - 1)
    return words.context(first, min(last, len(words.tokens) - 1), rule.context_reach)


def _dice(x: frozenset[str], y: frozenset[str]) -> float:
    return 2 * len(x & y) / (len(x) + len(y)) if x or y else 0.0


def _likeness(kind: str, a: Mention, b: Mention, ca: frozenset, cb: frozenset, rule: PairingRule) -> float:
    """How surely a and b are one fact without the passages' help (0: not paired that way)."""
    if kind == NAME:
        return 2.0 if spelled_alike(a.text, b.text) else 1.5 if same_name(a.text, b.text) else 0.0
    if kind == QUOTE:
        words_a, words_b = frozenset(a.value), frozenset(b.value)
        overlap = len(words_a & words_b) / max(1, min(len(words_a), len(words_b)))
        return 1.0 + overlap if overlap >= rule.quote_words else 0.0
    if not a.key or a.key != b.key:
        return 0.0
    context = _dice(ca, cb)
    alike = values_agree(a.value, b.value) if kind == NUMBER else dates_agree(a.value, b.value)
    needed = rule.agree_context if alike else rule.differ_context
    return context + (1.0 if alike else 0.0) if context >= needed else 0.0


def judge(kind: str, a: Mention, b: Mention) -> FactPair:
    """The status of two mentions of one fact."""
    if kind == NUMBER:
        reasons = []
        if not values_agree(a.value, b.value):
            reasons.append("value")
        if not units_agree(a.key, b.key):
            reasons.append("unit")
        return FactPair(kind, DIFFER if reasons else AGREE, a, b, tuple(reasons))
    if kind == DATE:
        if a.value[0] != b.value[0]:
            return FactPair(kind, DIFFER, a, b, ("kind",))
        agree = dates_agree(a.value, b.value)
        return FactPair(kind, AGREE if agree else DIFFER, a, b, () if agree else (a.value[0],))
    if kind == NAME:
        if spelled_alike(a.text, b.text) or _fuller(a.text, b.text):
            return FactPair(kind, AGREE, a, b)
        return (
            FactPair(kind, SPELLED, a, b)
            if same_name(a.text, b.text)
            else FactPair(kind, DIFFER, a, b, ("name",))
        )
    changes = word_changes(a.text, b.text)
    reasons = ("wording",) if changes else ()
    if not speakers_agree(a.speaker, b.speaker):
        reasons += ("speaker",)
    return FactPair(kind, DIFFER if reasons else AGREE, a, b, reasons, changes)


def _fuller(a: str, b: str) -> bool:
    """One name is the other with more words, every shared word spelled alike (آسيا الوسطى /
    منطقة آسيا الوسطى, توكاييف / قاسم جومارت توكاييف)."""
    words_a, words_b = [name_key(w) for w in a.split()], [name_key(w) for w in b.split()]
    shorter, longer = sorted((words_a, words_b), key=len)
    return all(any(same_form(w, other) for other in longer) for w in shorter)


def word_changes(a: str, b: str) -> tuple[WordChange, ...]:
    """The words two versions of a quote do not share, as written, in order."""
    words_a = [t.text for t in tokenize(a) if is_word(t.text)]
    words_b = [t.text for t in tokenize(b) if is_word(t.text)]
    keys_a, keys_b = [fold_word(w) for w in words_a], [fold_word(w) for w in words_b]
    changes = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if op != "equal" and "".join(keys_a[i1:i2]) != "".join(keys_b[j1:j2]):  # عبد الله = عبدالله
            changes.append(WordChange(" ".join(words_a[i1:i2]), " ".join(words_b[j1:j2])))
    return tuple(changes)


def speakers_agree(a: str, b: str) -> bool:
    """Unknown speakers agree with anyone; so does a role without a name (الرئيس الأمريكي)."""
    names_a, names_b = _name_words(a), _name_words(b)
    if not names_a or not names_b:
        return True
    return any(same_word(x, y) for x in names_a for y in names_b)


def _name_words(speaker: str) -> list[str]:
    lists = word_lists()
    roles = (
        lists["titles"] | lists["qualifiers"] | lists["organisations"] | lists["breakers"] | lists["generic"]
    )
    out = []
    for word in speaker.split():
        key = fold_word(word)
        if key in roles or bare(key) in roles or key.startswith("ال") and not key.startswith("الل"):
            continue  # roles and common nouns (التقرير، البيان) say what speaks, not who
        out.append(bare(key))
    return out
