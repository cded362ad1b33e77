"""PAN-style text-reuse cases at real sizes, built from SaudiNewsNet articles on the fly.

A pair is a *source* document A (one to many articles of the corpus, headline and text, up to
25,000 words) and a *host* document B made of other articles (500 to 25,000 words), into which
passages of A (one sentence to 1,500 words) are placed after an obfuscation of one kind:

  verbatim          none
  permuted          all the passage's words in a random order
  permuted_share    20-80% of its words permuted among their positions
  phrases           cut at punctuation and conjunctions, the phrases reordered
  substitution      thesaurus synonyms for 20-50% of the words, clitic and suffix changes,
                    honorifics inserted, names joined or split (bench/obfuscate.py)
  twice             one passage placed at two places of B (two cases with one A span)
  short_paragraph   a headline or a short one-line paragraph of A placed alone in B
  shuffled_article  a real article against itself with its paragraphs in another order
  negative          no reuse (ideal output: no passage)

Hygiene: no article of B, and no other article of A, shares a folded word 5-gram or a whole short
paragraph (a byline, a dateline, a subheading of two to four words) with A's articles, so the only
reuse between A and B is the cases'. The engine rightly aligns a short paragraph both texts hold
once, so a host that shared one would score correct output as false. Deterministic for a seed.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

import obfuscate
from eval_corpus import EvalPair
from snn import Article, keys_of, shingles

from reader.text.normalize import fold_word
from reader.text.tokens import TOKEN_RE

KINDS = (
    "verbatim",
    "permuted",
    "permuted_share",
    "phrases",
    "substitution",
    "twice",
    "short_paragraph",
    "shuffled_article",
    "negative",
)


def unchanged(text: str, _rng: random.Random) -> str:
    return text


OBFUSCATIONS: dict[str, Callable[[str, random.Random], str]] = {
    "verbatim": unchanged,
    "permuted": obfuscate.permute_all,
    "permuted_share": obfuscate.permute_share,
    "phrases": obfuscate.shuffle_phrases,
    "substitution": obfuscate.substitutions,
    "twice": unchanged,
}
MIN_DOC, MAX_DOC = 500, 25_000  # words of a host or source document
MAX_PASSAGE = 1_500  # words
HYGIENE = 5
_SENTENCE_END = re.compile(r"[.!?؟]+[\"»”)]*(?=\s)|\n+")

Range = tuple[int, int]


class Pool:
    """The articles and which of them share a 5-gram with which (for hygiene)."""

    def __init__(self, items: Sequence[Article]) -> None:
        self.items = [a for a in items if len(a.keys) >= 40]
        # headlines are part of the documents: their words count for hygiene too
        self.grams = [set(shingles(a.title_keys + a.keys, HYGIENE)) | short_paragraphs(a) for a in self.items]
        self.holders: dict[int, list[int]] = defaultdict(list)
        for k, grams in enumerate(self.grams):
            for gram in grams:
                self.holders[gram].append(k)

    def document(self, k: int) -> str:
        article = self.items[k]
        body = "\n".join(line.strip() for line in article.text.split("\n") if line.strip())
        return f"{article.title.strip()}\n{body}" if article.title.strip() else body

    def sharing(self, ks: Sequence[int]) -> set[int]:
        out: set[int] = set()
        for k in ks:
            for gram in self.grams[k]:
                out.update(self.holders[gram])
        return out

    def words(self, k: int) -> int:
        return len(self.items[k].keys)


def short_paragraphs(article: Article) -> set[int]:
    """Hashes of the headline and paragraphs too short to hold a 5-gram (two words or more)."""
    out = set()
    for line in (article.title, *article.text.split("\n")):
        keys = [key for key in keys_of(TOKEN_RE.findall(line)) if key]
        if 2 <= len(keys) < HYGIENE:
            out.add(hash(("¶", *keys)))
    return out


def log_uniform(rng: random.Random, lo: float, hi: float) -> int:
    return int(math.exp(rng.uniform(math.log(lo), math.log(hi))))


def _source(pool: Pool, rng: random.Random, target: int) -> tuple[list[int], set[int]]:
    """Consecutive articles (skipping any that share text with those taken) up to `target` words."""
    start = rng.randrange(len(pool.items))
    taken: list[int] = []
    excluded: set[int] = set()
    words = 0
    k = start
    while words < target and k < start + 4000:
        index = k % len(pool.items)
        k += 1
        if index in excluded:
            continue
        taken.append(index)
        excluded |= pool.sharing([index])
        words += pool.words(index)
    return taken, excluded


def _host(pool: Pool, rng: random.Random, target: int, excluded: set[int]) -> list[int]:
    taken: list[int] = []
    words = 0
    while words < target:
        k = rng.randrange(len(pool.items))
        if k in excluded or k in taken:
            continue
        taken.append(k)
        words += pool.words(k)
    return taken


def sentence_spans(text: str) -> list[Range]:
    """Sentences as character spans (cut after . ! ? ؟ and at line breaks)."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group()[0] != "\n" else match.start()
        if text[start:end].strip():
            lo = start + len(text[start:end]) - len(text[start:end].lstrip())
            spans.append((lo, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start + len(text[start:]) - len(text[start:].lstrip()), len(text.rstrip())))
    return spans


def _passage(a: str, sentences: list[Range], rng: random.Random, used: list[Range]) -> Range | None:
    """A run of whole sentences of about a log-uniform number of words, not overlapping `used`."""
    total_words = len(a.split())
    target = log_uniform(rng, 10, max(11, min(MAX_PASSAGE, 0.6 * total_words)))
    for _ in range(20):
        first = rng.randrange(len(sentences))
        last = first
        while last + 1 < len(sentences) and len(a[sentences[first][0] : sentences[last][1]].split()) < target:
            last += 1
        span = (sentences[first][0], sentences[last][1])
        if len(a[span[0] : span[1]].split()) < 8:
            continue
        if all(span[1] <= lo or hi <= span[0] for lo, hi in used) and _once_in(a, span):
            return span
    return None


def _once_in(a: str, span: Range) -> bool:
    """No 5-word stretch of the passage occurs elsewhere in A too (a headline repeated in its
    article's first sentence): its copy in B would have two right counterparts, the case one."""
    words = [fold_word(w) for w in a.split()]
    start = len(a[: span[0]].split())
    inside = words[start : start + len(a[span[0] : span[1]].split())]
    grams = Counter(tuple(words[k : k + HYGIENE]) for k in range(len(words) - HYGIENE + 1))
    return all(grams[tuple(inside[k : k + HYGIENE])] == 1 for k in range(len(inside) - HYGIENE + 1))


def _place(host_parts: list[str], insertions: list[tuple[int, str]]) -> tuple[str, list[Range]]:
    """Join the host's paragraphs with each inserted text before paragraph `position`; returns the
    text and the span of each insertion (in the order given)."""
    order = sorted(range(len(insertions)), key=lambda k: (insertions[k][0], k))
    out: list[str] = []
    spans: dict[int, Range] = {}
    length = 0
    queue = list(order)
    for position in range(len(host_parts) + 1):
        while queue and insertions[queue[0]][0] == position:
            k = queue.pop(0)
            text = insertions[k][1]
            spans[k] = (length, length + len(text))
            out.append(text)
            length += len(text) + 1
        if position < len(host_parts):
            out.append(host_parts[position])
            length += len(host_parts[position]) + 1
    return "\n".join(out), [spans[k] for k in range(len(insertions))]


def make_pair(pool: Pool, kind: str, pair_id: str, rng: random.Random) -> EvalPair:
    if kind == "shuffled_article":
        return _shuffled_article(pool, pair_id, rng)
    source, excluded = _source(pool, rng, log_uniform(rng, MIN_DOC, MAX_DOC))
    a = "\n".join(pool.document(k) for k in source)
    host = _host(pool, rng, log_uniform(rng, MIN_DOC, MAX_DOC), excluded)
    host_parts = [line for k in host for line in pool.document(k).split("\n")]
    if kind == "negative":
        return EvalPair(pair_id, kind, a, "\n".join(host_parts), ())
    if kind == "short_paragraph":
        return _short_paragraphs(a, host_parts, pair_id, rng)
    sentences = sentence_spans(a)
    used: list[Range] = []
    for _ in range(rng.randint(1, 3) if kind != "twice" else 1):
        span = _passage(a, sentences, rng, used)
        if span:
            used.append(span)
    obfuscation = OBFUSCATIONS[kind]
    insertions, spans_a = [], []
    for span in used:
        copies = 2 if kind == "twice" else 1
        for _ in range(copies):
            insertions.append((rng.randint(0, len(host_parts)), obfuscation(a[span[0] : span[1]], rng)))
            spans_a.append(span)
    b, spans_b = _place(host_parts, insertions)
    return EvalPair(pair_id, kind, a, b, tuple(zip(spans_a, spans_b, strict=True)))


def _short_paragraphs(a: str, host_parts: list[str], pair_id: str, rng: random.Random) -> EvalPair:
    """One to three short lines of A (a headline, a one-line paragraph: 3-15 words) placed alone."""
    lines, offset = [], 0
    for line in a.split("\n"):
        if 3 <= len(line.split()) <= 15 and a.count(line) == 1 and _once_in(a, (offset, offset + len(line))):
            lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    chosen = rng.sample(lines, min(len(lines), rng.randint(1, 3)))
    insertions = [(rng.randint(0, len(host_parts)), a[lo:hi]) for lo, hi in chosen]
    b, spans_b = _place(host_parts, insertions)
    return EvalPair(pair_id, "short_paragraph", a, b, tuple(zip(chosen, spans_b, strict=True)))


def _shuffled_article(pool: Pool, pair_id: str, rng: random.Random) -> EvalPair:
    """A real article of at least four paragraphs against itself with the paragraphs shuffled."""
    while True:
        k = rng.randrange(len(pool.items))
        paragraphs = pool.document(k).split("\n")
        if len(paragraphs) >= 4 and len(set(paragraphs)) == len(paragraphs):
            break
    order = list(range(len(paragraphs)))
    while order == sorted(order):
        rng.shuffle(order)
    a = "\n".join(paragraphs)
    starts_a = _starts(paragraphs)
    shuffled = [paragraphs[k] for k in order]
    b = "\n".join(shuffled)
    starts_b = _starts(shuffled)
    cases = []
    for new, old in enumerate(order):
        length = len(paragraphs[old])
        cases.append(((starts_a[old], starts_a[old] + length), (starts_b[new], starts_b[new] + length)))
    return EvalPair(pair_id, "shuffled_article", a, b, tuple(sorted(cases)))


def _starts(paragraphs: list[str]) -> list[int]:
    out, at = [], 0
    for paragraph in paragraphs:
        out.append(at)
        at += len(paragraph) + 1
    return out


def build(pool: Pool, per_kind: int, seed: int, kinds: Sequence[str] = KINDS) -> list[EvalPair]:
    pairs = []
    for kind in kinds:
        rng = random.Random(f"{seed}:{kind}")
        for n in range(per_kind):
            pairs.append(make_pair(pool, kind, f"{kind}-{n:02d}", rng))
    return pairs
