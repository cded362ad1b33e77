"""Names of people, places and organisations, found by the words around them.

Arabic has no capital letters, so a name is found by what introduces it: a title or role
(`الرئيس الأوزبكي شوكت ميرزيوييف`, `المتحدث باسم وزارة الصحة`), a verb of speech (`وقال ترامب`),
an organisation or place word (`وزارة الصحة`, `مدينة حلب`), a country of the short list in
`lexicon.COUNTRIES`; then every other place where a word of a found name stands, in either text,
spelled the same or as a variant (`spelling.same_word`), is a name too.
"""

from __future__ import annotations

from functools import lru_cache

from reader.facts.lexicon import COUNTRIES, FIRST_NAMES, NAME_JOINERS, keys
from reader.facts.model import NAME, Mention
from reader.facts.spelling import RULE, name_key, same_word
from reader.facts.words import Words, lookup, prefix_forms
from reader.text.normalize import fold_word

# Joiners (بن، عبد، أبو) do not count. Longer names are found whole when their other words are
# found elsewhere (قاسم جومارت + توكاييف): neighbouring name spans join.
MAX_NAME_WORDS = 2
MIN_PROPAGATED_LETTERS = 5  # a found name's word is looked for elsewhere only if this long
# إدارته، ترحيبه، بلادنا: a pronoun ending, so not a name (عبدالله، نزيه keep theirs)
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "كم", "نا")
_NAME_ENDINGS = ("الله", "لله", "يه")


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    sets = dict(keys())
    sets["joiners"] = frozenset(map(fold_word, NAME_JOINERS.split()))
    sets["first_names"] = frozenset(map(fold_word, FIRST_NAMES.split()))
    sets["countries"] = frozenset(" ".join(map(fold_word, c.split("_"))) for c in COUNTRIES.split())
    return sets


PERSON, PLACE, ORGANISATION = "person", "place", "organisation"
Span = tuple[int, int, str]  # first token, last token, what it names


def find_names(words: Words, taken: set[int], others: tuple[Words, ...] = ()) -> list[Mention]:
    """Names in `words` outside the tokens `taken` (numbers, dates). Name words found in `others`
    (the other text) are looked for here too, so a name introduced in one text is recognised in
    the other however it is spelled there."""
    spans = _introduced(words, taken)
    found = _name_words(words, spans)
    for other in others:
        for word, kind in _name_words(other, _introduced(other, set())).items():
            found.setdefault(word, kind)
    spans += _propagated(words, taken, spans, found)
    return [_mention(words, first, last, kind) for first, last, kind in _disjoint(words, spans)]


def _mention(words: Words, first: int, last: int, kind: str) -> Mention:
    """A name; its value is its folded spelling and what it names (person, place, organisation)."""
    start, end, text = words.span(first, last)
    key = name_key(text)
    return Mention(NAME, start, end, text, words.paragraph(start), key=key, value=(key, kind))


def _name_words(words: Words, spans: list[Span]) -> dict[str, str]:
    """The words of people's and places' names (not of organisations: وزارة الصحة is generic)."""
    sets = _word_sets()
    stop = words.stop | sets["joiners"] | sets["qualifiers"] | sets["breakers"]
    heads = ("titles", "organisations", "places")
    return {
        words.keys[k]: kind
        for first, last, kind in spans
        if kind != ORGANISATION
        for k in range(first, last + 1)
        if words.keys[k] not in stop
        and not any(lookup(words.keys[k], sets[h]) for h in heads)
        and (not _is_nisba(words.keys[k]) or _is_country(words.keys[k]))
    }


def _introduced(words: Words, taken: set[int]) -> list[Span]:
    """Spans of names introduced by a title, a verb of speech, an organisation or place word, or
    a country's name."""
    sets = _word_sets()
    spans: list[Span] = []
    keys_ = words.keys
    k = 0
    while k < len(keys_):
        key = keys_[k]
        if k in taken or not words.is_content(k) and lookup(key, sets["speech"]) is None:
            k += 1
            continue
        if lookup(key, sets["organisations"]) or lookup(key, sets["places"]):
            span = _organisation(words, k, taken)
            if (
                span[1] == k
                and k + 1 < len(keys_)
                and (lookup(keys_[k + 1], sets["places"]) or lookup(keys_[k + 1], sets["organisations"]))
            ):
                span = (k, _organisation(words, k + 1, taken)[1])  # شرطة محافظة القطيف
            elif span[1] == k and _can_start(words, k + 1, taken):
                # no genitive chain: the word after is its name (شركة أرامكو), and Latin words after it
                last = k + 1
                while (
                    last + 1 < len(keys_)
                    and words.tokens[last + 1].text.isascii()
                    and words.is_content(last + 1)
                ):
                    last += 1
                span = (k, last)
            spans.append((*span, PLACE if _is_place_word(words, k) else ORGANISATION))
            k = span[1] + 1
            continue
        if lookup(key, sets["titles"]) or lookup(key, sets["speech"]):
            start = _after_role(words, k + 1)
            span = _name_from(words, start, taken)
            if span:
                spans.append((*span, PERSON))
                k = span[1] + 1
                continue
        if lookup(key, sets["first_names"]) and k + 1 < len(keys_) and _can_continue(words, k + 1, taken):
            span = _name_from(words, k, taken)
            if span and span[1] > k:  # a first name and a name word after it: محمد العايش
                spans.append((*span, PERSON))
                k = span[1] + 1
                continue
        country = _country_at(words, k)
        if country is not None:
            spans.append((k, country, PLACE))
            k = country + 1
            continue
        k += 1
    return spans


def _after_role(words: Words, j: int) -> int:
    """Skip what qualifies a role before the name: `الخارجية الأمريكي`, `باسم وزارة الصحة`."""
    sets = _word_sets()
    while j < len(words.keys):
        key = words.keys[j]
        if key in sets["qualifiers"] or lookup(key, sets["titles"]) or _is_nisba(key):
            j += 1
        elif _country_at(words, j) is not None:
            j = _country_at(words, j) + 1  # رئيس كازاخستان قاسم جومارت توكاييف
        elif lookup(key, sets["organisations"]) or lookup(key, sets["places"]):
            j = _organisation(words, j, set())[1] + 1
        elif key.startswith("ال") and words.is_content(j) and not _is_country(key):
            j += 1  # a definite noun in the role's genitive chain: رئيس الوزراء، أمين عام الجامعة
        else:
            break
    return j


def _organisation(words: Words, k: int, taken: set[int]) -> tuple[int, int]:
    """An organisation or place word and its genitive chain: وزارة الصحة الفلسطينية, مدينة حلب."""
    last = k
    j = k + 1
    while j < len(words.keys) and j not in taken and words.is_content(j) and not words.breaks_sentence(j - 1):
        key = words.keys[j]
        definite = any(form.startswith("ال") for form in prefix_forms(key)[:2])  # والاستيراد too
        if lookup(key, _word_sets()["titles"]):
            break  # مجلس الوزراء | الدكتور ...
        if definite or _is_country(key) or (j == k + 1 and _is_place_word(words, k)):
            last = j
            j += 1
        else:
            break
    return k, last


def _is_place_word(words: Words, k: int) -> bool:
    return lookup(words.keys[k], _word_sets()["places"]) is not None


def _name_from(words: Words, j: int, taken: set[int]) -> tuple[int, int] | None:
    """The name starting at token j, if one does: a first word without the article."""
    if not _can_start(words, j, taken):
        return None
    last, counted = j, 1
    while last + 1 < len(words.keys) and not words.breaks_sentence(last):
        nxt = last + 1
        if words.keys[nxt] in _word_sets()["joiners"]:
            if nxt + 1 < len(words.keys) and _can_continue(words, nxt + 1, taken):
                last = nxt + 1
                continue
            break
        if counted >= MAX_NAME_WORDS or not _can_continue(words, nxt, taken):
            break
        last, counted = nxt, counted + 1
    return j, last


def _can_start(words: Words, j: int, taken: set[int]) -> bool:
    if j >= len(words.keys) or j in taken or not words.is_content(j):
        return False
    key = words.keys[j]
    return not key.startswith("ال") and _plain_word(words, j) and not _is_digitish(key)


def _can_continue(words: Words, j: int, taken: set[int]) -> bool:
    if j in taken or not words.is_content(j) or _is_digitish(words.keys[j]):
        return False
    key = words.keys[j]
    return _plain_word(words, j) and not _is_nisba(key) or key in _word_sets()["joiners"]


def _plain_word(words: Words, j: int) -> bool:
    """Not a role, speech verb, breaker or qualifier, and no pronoun ending (as written)."""
    sets = _word_sets()
    key = words.keys[j]
    if any(lookup(key, sets[name]) for name in ("titles", "speech", "breakers", "organisations")):
        return False
    if key in sets["qualifiers"] or key in words.stop:
        return False
    text = words.tokens[j].text
    return not text.endswith(_PRONOUN_ENDINGS) or text.endswith(_NAME_ENDINGS)


def _is_nisba(key: str) -> bool:
    """الأمريكي، الأوزبكية: an adjective of origin, which qualifies a role and ends a name."""
    forms = prefix_forms(key)
    return any(f.startswith("ال") and f.endswith(("ي", "يه")) and len(f) > 4 for f in forms)


def _country_at(words: Words, k: int) -> int | None:
    """The last token of a country's name starting at token k (آسيا الوسطى is two), or None."""
    countries = _word_sets()["countries"]
    if k + 1 < len(words.keys):
        for form in prefix_forms(words.keys[k]):
            if f"{form} {words.keys[k + 1]}" in countries:
                return k + 1
    return k if lookup(words.keys[k], countries) else None


def _is_country(key: str) -> bool:
    return lookup(key, _word_sets()["countries"]) is not None


def _is_digitish(key: str) -> bool:
    return any(ch.isdigit() for ch in key)


def _propagated(words: Words, taken: set[int], spans: list[Span], found: dict[str, str]) -> list[Span]:
    """Other places where a found name's word stands, as spelled or as a variant."""
    inside = {k for first, last, _ in spans for k in range(first, last + 1)}
    long_words = [w for w in found if len(w) >= MIN_PROPAGATED_LETTERS]
    extra: list[Span] = []
    k = 0
    while k < len(words.keys):
        if k in inside or k in taken or not words.is_content(k):
            k += 1
            continue
        key = words.keys[k]
        forms = prefix_forms(key)
        known = next((form for form in forms if form in found), None)
        variant = known or next((v for form in forms if (v := _variant(form, long_words))), None)
        if variant:
            last = k
            while last + 1 < len(words.keys) and last + 1 not in inside and not words.breaks_sentence(last):
                nxt = words.keys[last + 1]
                if found.get(nxt) == PERSON or found.get(_variant(nxt, long_words) or "") == PERSON:
                    last += 1
                else:
                    break
            extra.append((k, last, found[variant]))
            k = last + 1
            continue
        k += 1
    return extra


def _variant(key: str, long_words: list[str]) -> str | None:
    """The long name word `key` is a spelling variant of, if any (cheap tests first)."""
    if len(key) < MIN_PROPAGATED_LETTERS:
        return None
    for w in long_words:
        if (
            abs(len(w) - len(key)) <= 3
            and w.startswith("ال") == key.startswith("ال")
            and same_word(key, w, RULE)
        ):
            return w
    return None


def _disjoint(words: Words, spans: list[Span]) -> list[Span]:
    """Overlaps dropped; people's names that touch with only a space between join into one."""
    out: list[Span] = []
    for first, last, kind in sorted(set(spans)):
        if out and first <= out[-1][1]:
            continue
        previous = out[-1] if out else None
        if previous and kind == previous[2] == PERSON and first == previous[1] + 1:
            if _joinable(words, previous[1], first):
                out[-1] = (previous[0], last, PERSON)
                continue
        out.append((first, last, kind))
    return out


def _joinable(words: Words, left: int, right: int) -> bool:
    gap = words.text[words.tokens[left].end : words.tokens[right].start]
    return not gap.strip() and "\n" not in gap and not words.keys[right].startswith("و")
