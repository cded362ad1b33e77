"""Search keys for the FTS5 index, query building and highlighted snippets.

FTS5's unicode61 tokenizer splits words at harakat and folds nothing Arabic, so the index holds a
normalised copy (DESIGN.md section 5). Each word is indexed under up to three keys, in separate
columns so that bm25 ranks closer spellings higher:
  body   the folded word (harakat, tatweel, hamza, alef maqsura, teh marbuta, digits folded)
  stems  the folded word without its clitic prefix (و ف ب ل ال وال بال ...), when it has one
  loose  the stem without its inner ي and و, which joins spelling variants such as أمريكي/أميركي
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from reader.text.normalize import MARKS, TATWEEL, fold_word, fold_words
from reader.text.tokens import WORD_RE
from reader.text.word_table import WordTable

# Clitic prefixes (folded spellings), longest first so an alternation tries وبال before و: every
# one for the index; only the article-bearing ones for a query, so a query for بلد does not also
# match ولد (whose stem is لد).
ARTICLE_PREFIXES = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال")
CLITIC_PREFIXES = (*ARTICLE_PREFIXES, "و", "ف", "ب", "ل")
_CLITICS = "|".join(CLITIC_PREFIXES)
_CLITIC_RE = re.compile(f"^(?:{_CLITICS})(?=...)")
_CLITIC_LINE_RE = re.compile(f"^(?:{_CLITICS})(?=...)", re.MULTILINE)  # one word a line
_ARTICLE_RE = re.compile(f"^(?:{'|'.join(ARTICLE_PREFIXES)})(?=...)")
_INNER_WEAK_RE = re.compile("(?<=.)[يو](?=.)")

# Column weights for bm25: a hit in the title counts most, a loose-spelling hit least.
BM25_WEIGHTS = (8.0, 1.0, 0.6, 0.3)  # title, body, stems, loose


@lru_cache(maxsize=1 << 18)
def word_keys(word: str) -> tuple[str, str, str]:
    """(folded, stem, loose) keys of one word; empty strings when the word has no such key."""
    folded = fold_word(word)
    stem = _CLITIC_RE.sub("", folded)
    loose = _INNER_WEAK_RE.sub("", stem) if _is_arabic(stem) else stem
    return folded, stem, loose


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


def words_of(text: str) -> list[str]:
    """The word tokens of `text` (reader.text.tokens' rules; punctuation left out), fast."""
    return WORD_RE.findall(text)


_words = words_of


def _index_keys_of(words: list[str]) -> list[tuple[str, str, str]]:
    """`word_keys` of many words at once, with "" for a stem equal to the folded word and for a
    loose key equal to the stem (the columns leave those out).

    The words are the lines of one text and the patterns are anchored to lines, so one
    substitution over the lines equals one per word. The loose key needs no test for Arabic: ي and
    و are Arabic letters, so a word of another script has none for `_INNER_WEAK_RE` to take."""
    folded = fold_words(words)
    stems = _CLITIC_LINE_RE.sub("", "\n".join(folded)).split("\n")
    loose = _INNER_WEAK_RE.sub("", "\n".join(stems)).split("\n")
    return [
        (key, stem if stem != key else "", weak if weak != stem else "")
        for key, stem, weak in zip(folded, stems, loose, strict=True)
    ]


_INDEX_KEYS = WordTable(_index_keys_of)


def index_columns(title: str, text: str, words: list[str] | None = None) -> tuple[str, str, str, str]:
    """The four FTS column values for an article (`words`: the words of `text`, if known)."""
    title_words = _words(title)
    keys = _INDEX_KEYS.values(title_words + (_words(text) if words is None else words))
    title_keys: list[str] = []
    for folded, stem, _ in keys[: len(title_words)]:
        title_keys.append(folded)
        if stem:
            title_keys.append(stem)
    flat = list(chain.from_iterable(keys))  # sliced apart: faster than zip(*keys)
    body, stems, loose = flat[0::3], filter(None, flat[1::3]), filter(None, flat[2::3])
    return " ".join(title_keys), " ".join(body), " ".join(stems), " ".join(loose)


def _quoted(key: str) -> str:
    return '"' + key.replace('"', '""') + '"'


def query_terms(query: str) -> list[tuple[str, ...]]:
    """For each word of the query, the keys any of which may match it."""
    terms: list[tuple[str, ...]] = []
    for word in _words(query):
        folded = fold_word(word)
        if not folded:
            continue
        stem = _ARTICLE_RE.sub("", folded)
        loose = _INNER_WEAK_RE.sub("", stem) if _is_arabic(stem) else stem
        terms.append(tuple(dict.fromkeys((folded, stem, loose))))
    return terms


def fts_query(query: str, prefix_last: bool = False) -> str | None:
    """An FTS5 MATCH expression: every query word must match, under its stem or its loose key.

    The stem (without ال and its compounds) already matches every prefixed form through the
    stems column, so the full folded form adds nothing but cost: each phrase is scored for every
    matching article, and that scoring is most of a search's time. With `prefix_last`, the last
    word also matches longer words (a filter box searching while the user types).
    """
    groups: list[str] = []
    terms = query_terms(query)
    for number, keys in enumerate(terms):
        star = "*" if prefix_last and number == len(terms) - 1 else ""
        stem, loose = keys[1] if len(keys) > 1 else keys[0], keys[-1]
        if loose == stem:
            groups.append(f"{{title body stems loose}} : {_quoted(stem)}{star}")
        else:
            groups.append(
                f"({{title body stems}} : {_quoted(stem)}{star}"
                f" OR {{title body stems loose}} : {_quoted(loose)}{star})"
            )
    return " AND ".join(groups) if groups else None


# --- snippets: found in the original text with a regex that tolerates the folded spellings ---

_VARIANTS = {
    "ا": "اأإآٱٲٳ",
    "و": "وؤ",
    "ي": "يىیئ",
    "ه": "هة",
}
_MARK_CLASS = f"[{MARKS}{TATWEEL}]*"
_WORD_CHARS = rf"\w{MARKS}{TATWEEL}"


def _letter_pattern(ch: str) -> str:
    variants = _VARIANTS.get(ch)
    if variants:
        return f"[{re.escape(variants)}]"
    return re.escape(ch)


def _key_pattern(key: str, loose: bool) -> str:
    parts: list[str] = []
    for i, ch in enumerate(key):
        parts.append(_letter_pattern(ch) + _MARK_CLASS)
        if loose and i < len(key) - 1:  # a weak letter the loose key dropped may sit here
            parts.append(f"(?:[{_VARIANTS['ي']}و]{_MARK_CLASS})?")
    return "".join(parts)


@lru_cache(maxsize=256)
def snippet_regex(query: str) -> re.Pattern[str] | None:
    """A regex that finds, in original text, the words a query matches."""
    alternatives: list[str] = []
    clitics = f"(?:{_CLITICS})?"
    for keys in query_terms(query):
        for key in keys[:2]:
            if key.isascii():
                alternatives.append(re.escape(key))
            else:
                alternatives.append(clitics + _MARK_CLASS + _key_pattern(key, loose=False))
        loose = keys[-1]
        if not loose.isascii():
            alternatives.append(clitics + _MARK_CLASS + _key_pattern(loose, loose=True))
    if not alternatives:
        return None
    body = "|".join(dict.fromkeys(alternatives))
    return re.compile(rf"(?<![{_WORD_CHARS}])(?:{body})(?![{_WORD_CHARS}])", re.IGNORECASE)


# Folds that keep one character one character, so offsets into the folded copy are offsets into
# the text: enough to find most hits with str.find before trying the (slower) tolerant regex.
_ONE_TO_ONE = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ٲ": "ا",
        "ٳ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ى": "ي",
        "ی": "ي",
        "ة": "ه",
    }
)
_CLITIC_PREFIXES = frozenset(("", *CLITIC_PREFIXES))
_MARK_SET = frozenset(ch for ch in map(chr, range(0x600, 0x700)) if re.fullmatch(f"[{MARKS}]", ch)) | {
    TATWEEL
}
_ARABIC_KEY_RE = re.compile("[\u0621-\u064a]+")


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch in _MARK_SET or ch == "_"


def _first_hit_fast(text: str, query: str) -> tuple[int, int] | None:
    """The first whole-word hit of an Arabic query key, found with str.find (no harakat inside)."""
    keys = [key for keys in query_terms(query) for key in keys[:2]]
    if not keys or not all(_ARABIC_KEY_RE.fullmatch(key) for key in keys):
        return None
    keys = list(dict.fromkeys(keys))
    overlap = max(len(key) for key in keys) + 8
    # fold and scan in chunks: the first hit of a common word is near the top, and folding
    # (str.translate) a whole long text is what costs
    for chunk_start in range(0, len(text), _CHUNK):
        base = max(0, chunk_start - overlap)
        stop = min(len(text), chunk_start + _CHUNK + overlap)
        hit = _first_hit_in(text, text[base:stop].translate(_ONE_TO_ONE), base, keys)
        if hit is not None:
            return hit
    return None


_CHUNK = 1500


def _first_hit_in(text: str, folded: str, base: int, keys: list[str]) -> tuple[int, int] | None:
    """The first whole-word hit in `folded` (= text[base:...] folded one to one)."""
    best: tuple[int, int] | None = None
    for key in keys:
        position = 0
        while (found := folded.find(key, position, best[0] - base if best else len(folded))) >= 0:
            position = found + 1
            start = found
            while start > 0 and _in_word(folded[start - 1]):
                start -= 1
            end = base + found + len(key)
            while end < len(text) and text[end] in _MARK_SET:
                end += 1
            if start == 0 and base > 0 and _in_word(text[base - 1]):
                continue  # the word began before this chunk: it is checked in the earlier one
            if folded[start:found] in _CLITIC_PREFIXES and not (end < len(text) and _in_word(text[end])):
                best = (base + start, end)
                break
    return best


def make_snippet(text: str, query: str, width: int = 70) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A short extract of `text` around the first hit, with the hits' offsets inside it."""
    pattern = snippet_regex(query)
    hit = _first_hit_fast(text, query)
    if hit is None and pattern is not None:
        match = pattern.search(text)
        hit = match.span() if match else None
    if hit is None or pattern is None:
        head = " ".join(text[: width * 2].split())
        return (head + ("…" if len(text) > width * 2 else "")), ()
    start = max(0, hit[0] - width)
    end = min(len(text), hit[1] + width)
    # widen to word boundaries so the snippet does not open or close mid-word
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    window = text[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    spans = [(m.start(), m.end()) for m in pattern.finditer(window)]
    flat, mapping = _collapse_spaces(window)
    highlights = tuple((mapping[a] + len(prefix), mapping[b] + len(prefix)) for a, b in spans)
    return prefix + flat + suffix, highlights


def _collapse_spaces(text: str) -> tuple[str, list[int]]:
    """`text` with each run of whitespace (line breaks too) as one space, and old -> new offsets."""
    out: list[str] = []
    mapping: list[int] = []
    for ch in text:
        mapping.append(len(out))
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
    mapping.append(len(out))
    return "".join(out), mapping
