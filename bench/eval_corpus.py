"""An evaluation set of Arabic document pairs with known reuse, built from real text on the fly.

Source text: the five real news articles in seeds/ (no other real Arabic prose ships with the
packages this project may use; see bench/README.md). Three of them (000, 001, 004) are reports of the
same wire story and reuse each other for real, so they form one *family*; 002 and 003 are their
own. A pair takes A = one article, B = paragraphs of articles from OTHER families (same topic,
shared topic words, no reuse) with passages of A copied in and edited one way per kind:

  verbatim       a sentence or 1-3 consecutive paragraphs, copied as they are
  moved          2-4 separate paragraphs, copied in another order (one case each)
  spelling       hamza/alef forms, ى/ي, ة/ه, tashkeel, tatweel, Arabic-Indic digits, quote styles
  insert_delete  an inner clause dropped and a clause of other text inserted
  reworded       short runs of words replaced by other real words
  shuffled       the words of each sentence shuffled
  synonyms       common news words swapped for synonyms (hand-made list in arabic_edits)
  mixed          moved paragraphs with spelling, synonyms, rewording and insertions together
  long           4-8 consecutive paragraphs, lightly edited (synonyms, a few words, spelling): one case
  negative       no reuse: unrelated articles on the same topic (ideal output: no passage)

A case is (A span, B span) in str offsets; a copy with insertions is one case spanning the whole copy,
as in the PAN corpora. Everything is deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

import arabic_edits as edits

from reader.text.normalize import fold_word

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
FAMILY = {
    "000": "summit-wire",
    "001": "summit-wire",
    "004": "summit-wire",
    "002": "minerals",
    "003": "analysis",
}
# Raw article pairs from different families: real negatives (001/002 share one phrase of a fact, left out).
RAW_NEGATIVES = [
    ("000", "002"),
    ("000", "003"),
    ("001", "003"),
    ("002", "003"),
    ("002", "004"),
    ("003", "004"),
]
KINDS = (
    "verbatim",
    "moved",
    "spelling",
    "insert_delete",
    "reworded",
    "shuffled",
    "synonyms",
    "mixed",
    "long",
    "negative",
)
MIN_PARAGRAPH_WORDS = 10
HYGIENE_NGRAM = 4  # filler sharing any folded word 4-gram with A is left out
DATE_PREFIX = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")
WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")

Range = tuple[int, int]


@dataclass(frozen=True)
class EvalPair:
    pair_id: str
    kind: str
    a: str
    b: str
    cases: tuple[tuple[Range, Range], ...]  # (span in A, span in B)


@dataclass(frozen=True)
class Article:
    name: str
    text: str
    paragraphs: tuple[str, ...]


def load_articles() -> dict[str, Article]:
    articles = {}
    for path in sorted(SEEDS_DIR.glob("[0-9][0-9][0-9]_*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = (DATE_PREFIX.sub("", line).strip() for line in text.split("\n"))
        paragraphs = tuple(p for p in lines if len(p.split()) >= MIN_PARAGRAPH_WORDS)
        articles[path.name[:3]] = Article(path.name[:3], text, paragraphs)
    return articles


def _grams(text: str, n: int = HYGIENE_NGRAM) -> set[tuple[str, ...]]:
    words = [fold_word(w) for w in WORD.findall(text)]
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def filler_pool(articles: dict[str, Article], source: str) -> list[str]:
    """Paragraphs from other families that share no word 4-gram with the source article."""
    source_grams = _grams(articles[source].text)
    pool = []
    for name, article in articles.items():
        if FAMILY[name] == FAMILY[source]:
            continue
        pool.extend(p for p in article.paragraphs if not (_grams(p) & source_grams))
    return pool


def is_arabic(text: str) -> bool:
    """Mostly Arabic words (seed 002 quotes an English tweet: filler, never a case)."""
    words = text.split()
    return sum(1 for w in words if edits.ARABIC_WORD.search(w)) * 2 >= len(words)


def sentence_spans(paragraph: str, min_words: int) -> list[Range]:
    spans = []
    start = 0
    for match in list(edits.SENTENCE_END.finditer(paragraph)) + [None]:
        end = match.start() if match else len(paragraph)
        if len(paragraph[start:end].split()) >= min_words:
            spans.append((start, end))
        start = match.end() if match else start
    return spans


class DocBuilder:
    """Joins paragraphs with a separator and remembers where marked pieces land."""

    def __init__(self, separator: str) -> None:
        self.separator = separator
        self.parts: list[str] = []
        self.length = 0

    def add(self, paragraph: str, inner: Range | None = None) -> Range:
        """Append a paragraph; return the span of `inner` (relative to it) or of all of it."""
        if self.parts:
            self.parts.append(self.separator)
            self.length += len(self.separator)
        start = self.length
        self.parts.append(paragraph)
        self.length += len(paragraph)
        lo, hi = inner if inner else (0, len(paragraph))
        return start + lo, start + hi

    def text(self) -> str:
        return "".join(self.parts)


def _inline(filler: str, piece: str, rng: random.Random) -> tuple[str, Range]:
    """Put `piece` between two sentences of a filler paragraph."""
    sentences = edits.split_sentences(filler)
    cut = rng.randint(0, len(sentences))
    before = " ".join(sentences[:cut])
    after = " ".join(sentences[cut:])
    lo = len(before) + (1 if before else 0)
    text = " ".join(x for x in (before, piece, after) if x)
    return text, (lo, lo + len(piece))


class PairMaker:
    """Builds the pairs of one kind; every choice comes from one seeded random generator."""

    def __init__(self, articles: dict[str, Article], rng: random.Random) -> None:
        self.articles = articles
        self.rng = rng
        self.pools = {name: filler_pool(articles, name) for name in articles}
        self.vocabulary = {
            name: sorted({w for p in pool for w in edits.ARABIC_WORD.findall(p) if len(w) >= 4})
            for name, pool in self.pools.items()
        }

    def _source_doc(self, name: str) -> tuple[str, list[Range]]:
        builder = DocBuilder(self.rng.choice(["\n\n", "\n"]))
        spans = [builder.add(p) for p in self.articles[name].paragraphs]
        return builder.text(), spans

    def _fillers(self, name: str, low: int, high: int) -> list[str]:
        pool = self.pools[name]
        return self.rng.sample(pool, k=min(len(pool), self.rng.randint(low, high)))

    def _filler_clause(self, name: str) -> str:
        clauses = [c for p in self.pools[name] for c in edits.split_clauses(p) if 4 <= len(c.split()) <= 14]
        return self.rng.choice(clauses)

    def _edit(self, kind: str, text: str, name: str) -> str:
        rng = self.rng
        if kind in ("verbatim", "moved"):
            return text
        if kind == "spelling":
            return edits.spelling_variants(text, rng, rate=rng.uniform(0.25, 0.5))
        if kind == "insert_delete":
            return edits.insert_and_delete(text, rng, self._filler_clause(name))
        if kind == "reworded":
            return edits.reword_phrases(text, rng, self.vocabulary[name], every=rng.randint(10, 16))
        if kind == "shuffled":
            return edits.shuffle_words(text, rng)
        if kind == "synonyms":
            return edits.swap_synonyms(text, rng)[0]
        if kind == "long":
            text = edits.swap_synonyms(text, rng, rate=0.5)[0]
            text = edits.reword_phrases(text, rng, self.vocabulary[name], every=25)
            return edits.spelling_variants(text, rng, rate=0.1)
        if kind == "mixed":
            text = edits.swap_synonyms(text, rng, rate=0.7)[0]
            text = edits.reword_phrases(text, rng, self.vocabulary[name], every=20)
            if rng.random() < 0.5:
                text = edits.insert_and_delete(text, rng, self._filler_clause(name))
            return edits.spelling_variants(text, rng, rate=0.15)
        raise ValueError(kind)

    def make(self, kind: str, index: int) -> EvalPair:
        names = sorted(self.articles)
        name = names[index % len(names)]
        if kind == "synonyms":  # needs paragraphs holding words of the synonym list
            name = max(names, key=lambda n: (self.rng.random() < 0.6, self._synonym_paragraphs(n)))
        a_text, a_spans = self._source_doc(name)
        paragraphs = self.articles[name].paragraphs
        builder = DocBuilder(self.rng.choice(["\n\n", "\n"]))
        cases: list[tuple[Range, Range]] = []
        if kind == "negative":
            for filler in self._fillers(name, 4, 9):
                builder.add(filler)
            return EvalPair(f"{kind}-{index:02d}", kind, a_text, builder.text(), ())
        if kind in ("moved", "mixed"):
            count = self.rng.randint(2, min(4, (len(paragraphs) + 1) // 2))
            chosen = self._separate_indices(paragraphs, count)
            order = chosen[:]
            while order == chosen:
                self.rng.shuffle(order)
            fillers = self._fillers(name, count, count + 3)
            blocks: list[tuple[str, int | None]] = [(f, None) for f in fillers]
            for i in order:  # each copy lands after a random filler, keeping the new order
                blocks.insert(self.rng.randint(0, len(blocks)), (self._edit(kind, paragraphs[i], name), i))
            blocks = self._keep_order(blocks, order)
            for text, i in blocks:
                span_b = builder.add(text)
                if i is not None:
                    cases.append((a_spans[i], span_b))
            return EvalPair(f"{kind}-{index:02d}", kind, a_text, builder.text(), tuple(cases))
        fillers = self._fillers(name, 3, 6)
        at = self.rng.randint(0, len(fillers))
        use_sentence = kind in ("verbatim", "spelling", "shuffled") and self.rng.random() < 0.3
        for position, filler in enumerate(fillers + [None]):
            if position == at:
                if use_sentence:
                    cases.append(self._copy_sentence(kind, name, a_spans, builder, fillers))
                else:
                    cases.append(self._copy_paragraphs(kind, name, a_spans, builder))
            if filler is not None:
                builder.add(filler)
        return EvalPair(f"{kind}-{index:02d}", kind, a_text, builder.text(), tuple(cases))

    def _copy_paragraphs(self, kind: str, name: str, a_spans: list[Range], builder: DocBuilder):
        paragraphs = self.articles[name].paragraphs
        fewest, most = {"verbatim": (1, 3), "shuffled": (1, 1), "long": (4, 8)}.get(kind, (1, 2))
        count = self.rng.randint(fewest, most)
        while not (candidates := self._windows(kind, paragraphs, count)):
            count -= 1  # no run of `count` Arabic paragraphs here: take a shorter one
        first = self.rng.choice(candidates)
        copied = [self._edit(kind, p, name) for p in paragraphs[first : first + count]]
        span_b = builder.add(builder.separator.join(copied))
        return (a_spans[first][0], a_spans[first + count - 1][1]), span_b

    @staticmethod
    def _windows(kind: str, paragraphs: tuple[str, ...], count: int) -> list[int]:
        """First indices of `count` consecutive Arabic paragraphs fit for this kind of edit."""
        out = [
            i for i in range(len(paragraphs) - count + 1) if all(map(is_arabic, paragraphs[i : i + count]))
        ]
        if kind == "synonyms":
            out = [i for i in out if edits.count_synonym_words(" ".join(paragraphs[i : i + count])) >= 2]
        return out

    def _copy_sentence(self, kind: str, name: str, a_spans: list[Range], builder: DocBuilder, fillers):
        min_words = 12 if kind == "shuffled" else 8
        choices = [
            (i, span)
            for i, paragraph in enumerate(self.articles[name].paragraphs)
            for span in sentence_spans(paragraph, min_words)
            if is_arabic(paragraph[span[0] : span[1]])
        ]
        i, (lo, hi) = self.rng.choice(choices)
        piece = self._edit(kind, self.articles[name].paragraphs[i][lo:hi], name)
        host, inner = _inline(self.rng.choice(self.pools[name]), piece, self.rng)
        while host in fillers:  # a host paragraph should not appear twice in B
            host, inner = _inline(self.rng.choice(self.pools[name]), piece, self.rng)
        span_b = builder.add(host, inner)
        return (a_spans[i][0] + lo, a_spans[i][0] + hi), span_b

    def _separate_indices(self, paragraphs: tuple[str, ...], count: int) -> list[int]:
        """`count` paragraph indices with at least one paragraph between any two (separate cases)."""
        while True:
            chosen = sorted(self.rng.sample(range(len(paragraphs)), count))
            spaced = all(b - a >= 2 for a, b in zip(chosen, chosen[1:], strict=False))
            if spaced and all(is_arabic(paragraphs[i]) for i in chosen):
                return chosen

    @staticmethod
    def _keep_order(blocks, order):
        """Random insertion may swap two copies: put the copies back in the intended order."""
        slots = [k for k, (_, i) in enumerate(blocks) if i is not None]
        by_index = {i: (text, i) for text, i in blocks if i is not None}
        out = list(blocks)
        for slot, i in zip(slots, order, strict=True):
            out[slot] = by_index[i]
        return out

    def _synonym_paragraphs(self, name: str) -> int:
        return sum(1 for p in self.articles[name].paragraphs if edits.count_synonym_words(p) >= 2)


def raw_negative_pairs(articles: dict[str, Article]) -> list[EvalPair]:
    """Whole articles as published (scraper leftovers included) from different families."""
    return [
        EvalPair(f"negative-raw-{x}-{y}", "negative", articles[x].text, articles[y].text, ())
        for x, y in RAW_NEGATIVES
    ]


def build_pairs(seed: int = 2026, per_kind: int = 20) -> list[EvalPair]:
    articles = load_articles()
    maker = PairMaker(articles, random.Random(seed))
    pairs = []
    for kind in KINDS:
        count = per_kind - len(RAW_NEGATIVES) if kind == "negative" else per_kind
        pairs.extend(maker.make(kind, index) for index in range(count))
    pairs.extend(raw_negative_pairs(articles))
    return pairs


def check_pair(pair: EvalPair) -> None:
    """Ground truth sanity: spans inside the texts, starting and ending on non-space characters."""
    for (a0, a1), (b0, b1) in pair.cases:
        assert 0 <= a0 < a1 <= len(pair.a) and 0 <= b0 < b1 <= len(pair.b), pair.pair_id
        for text, lo, hi in ((pair.a, a0, a1), (pair.b, b0, b1)):
            assert not text[lo].isspace() and not text[hi - 1].isspace(), pair.pair_id
