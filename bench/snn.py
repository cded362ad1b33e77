"""The SaudiNewsNet articles in ../shared/corpora/saudinewsnet/, read where they lie (never copied).

Words are compared as the engine compares them by default: tokens of `TOKEN_RE`, punctuation left
out, each folded by `fold_word` under the default options.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from reader.text.normalize import lines_folder
from reader.text.tokens import TOKEN_RE, is_word


def _find_corpus() -> Path:
    """QARIN_CORPUS, or ../shared/corpora/saudinewsnet beside the checkout (or beside a folder
    holding it, as a git worktree is)."""
    if os.environ.get("QARIN_CORPUS"):
        return Path(os.environ["QARIN_CORPUS"])
    for parent in Path(__file__).resolve().parents[1:]:
        candidate = parent / "shared/corpora/saudinewsnet"
        if candidate.is_dir():
            return candidate
    return Path(__file__).resolve().parents[2] / "shared/corpora/saudinewsnet"


CORPUS = _find_corpus()


@dataclass(frozen=True)
class Article:
    key: str  # date file and index: stable across runs
    source: str
    date: str
    title: str
    text: str

    @cached_property
    def words(self) -> list[tuple[int, int, str]]:
        """(start, end, folded key) of every word token."""
        matches = list(TOKEN_RE.finditer(self.text))
        keys = keys_of([m.group() for m in matches])
        return [(m.start(), m.end(), key) for m, key in zip(matches, keys, strict=True) if key]

    @cached_property
    def keys(self) -> list[str]:
        return [w[2] for w in self.words]

    @property
    def title_keys(self) -> list[str]:
        return [key for key in keys_of(TOKEN_RE.findall(self.title)) if key]


_KEYS: dict[str, str] = {}


def keys_of(tokens: list[str]) -> list[str]:
    """The folded key of each word token ("" for punctuation), folding each new token once."""
    new = [t for t in dict.fromkeys(tokens) if t not in _KEYS]
    if new:
        fold = lines_folder()
        folded = fold("\n".join(new)).split("\n")
        _KEYS.update((t, key if is_word(t) else "") for t, key in zip(new, folded, strict=True))
    return [_KEYS[t] for t in tokens]


def corpus_files(corpus: Path = CORPUS) -> list[Path]:
    files = sorted(corpus.glob("*.zip"))
    if not files:
        raise SystemExit(f"no SaudiNewsNet zips in {corpus} (set QARIN_CORPUS)")
    return files


def articles(corpus: Path = CORPUS, min_words: int = 1) -> Iterator[Article]:
    """Every article with text, in file order. `min_words` counts whitespace-separated words."""
    for path in corpus_files(corpus):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                items = json.loads(archive.read(name))
                for k, item in enumerate(items):
                    text = (item.get("content") or "").replace("\r\n", "\n").strip()
                    if len(text.split()) < min_words:
                        continue
                    yield Article(
                        f"{path.stem}#{k}",
                        item.get("source") or "",
                        item.get("date_extracted") or "",
                        item.get("title") or "",
                        text,
                    )


def shingles(keys: list[str], n: int) -> list[int]:
    """Hashes of the word n-grams, in order."""
    return [hash(tuple(keys[k : k + n])) for k in range(len(keys) - n + 1)]
