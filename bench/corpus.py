"""Reading the shared SaudiNewsNet corpus (never copied into the repository) for the benchmarks."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / ".." / ".." / "shared" / "corpora" / "saudinewsnet"


def corpus_folder() -> Path:
    for candidate in (CORPUS, Path("/work/shared/corpora/saudinewsnet")):
        if candidate.is_dir():
            return candidate.resolve()
    raise SystemExit(f"the SaudiNewsNet corpus is not at {CORPUS}")


def articles(days: int | None = None, skip: int = 0) -> Iterator[dict]:
    """Every article (source, url, date_extracted, title, content) of `days` zips after the first `skip`."""
    zips = sorted(corpus_folder().glob("*.zip"))[skip:][:days]
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                yield from json.loads(archive.read(name))


def _shingles(text: str, size: int = 5) -> set[int]:
    words = text.split()
    return {hash(" ".join(words[k : k + size])) for k in range(len(words) - size + 1)}


def reuse_pairs(
    days: int | None = None, min_shared: int = 12, max_share: float = 0.9, skip: int = 0
) -> Iterator[tuple[dict, dict]]:
    """Pairs of articles from different outlets, one day apart at most, that share at least
    `min_shared` word 5-grams but are not near copies (shared share below `max_share`): reports of
    one story in two outlets' wording. Deterministic: articles in corpus order."""
    pool = [a for a in articles(days, skip) if (a.get("content") or "").strip()]
    grams = [_shingles(a["content"]) for a in pool]
    index: dict[int, list[int]] = {}
    for k, gs in enumerate(grams):
        for g in gs:
            index.setdefault(g, []).append(k)
    for k, gs in enumerate(grams):
        shared: dict[int, int] = {}
        for g in gs:
            bucket = index[g]
            if len(bucket) > 20:  # boilerplate shared by many articles
                continue
            for j in bucket:
                if j > k:
                    shared[j] = shared.get(j, 0) + 1
        for j, count in sorted(shared.items()):
            a, b = pool[k], pool[j]
            if count < min_shared or a.get("source") == b.get("source"):
                continue
            if count / max(1, min(len(gs), len(grams[j]))) >= max_share:
                continue
            yield a, b
