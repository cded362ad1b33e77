"""Finding an action by name for the command palette (Ctrl+Shift+P), as a pure function of the query.

Labels are matched as shown (translated, Arabic folded) and in English, and ids match too, so
"swap", "pair.swap" and the Arabic label all find the same action.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.text.search_fold import fold_chars


@dataclass(frozen=True)
class PaletteEntry:
    id: str
    label: str  # as shown, in the user's language
    english: str  # the spec's label, so English names work in any language


def clean_label(label: str) -> str:
    """A menu label as text: no `&` mnemonic markers (`&&` is a literal &), no ellipsis."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").replace("…", "").strip()


def _is_subsequence(needle: str, haystack: str) -> tuple[bool, int]:
    """Whether needle's letters occur in order in haystack, and how many letters lie between them."""
    position, gaps, first = 0, 0, True
    for ch in needle:
        found = haystack.find(ch, position)
        if found < 0:
            return False, 0
        if not first:
            gaps += found - position
        position, first = found + 1, False
    return True, gaps


def _score(query: str, words: Sequence[str], entry: PaletteEntry) -> float | None:
    """Lower is better; None means no match."""
    names = (fold_chars(clean_label(entry.label)), fold_chars(clean_label(entry.english)))
    best: float | None = None
    for name in names:
        if name.startswith(query):
            score = 0.0
        elif f" {query}" in f" {name}":
            score = 1.0
        elif query in name:
            score = 2.0
        elif all(any(w.startswith(part) for w in name.split()) for part in words):
            score = 3.0
        else:
            matched, gaps = _is_subsequence(query.replace(" ", ""), name)
            score = 5.0 + gaps / 100 if matched else None
        if score is not None and (best is None or score < best):
            best = score
    if best is None and query in entry.id.casefold():
        best = 4.0
    return best


def rank_actions(query: str, entries: Sequence[PaletteEntry]) -> list[str]:
    """Ids of the entries matching `query`, best first; all of them, in order, for an empty query."""
    folded = " ".join(fold_chars(query).split())
    if not folded:
        return [entry.id for entry in entries]
    words = folded.split()
    scored = []
    for order, entry in enumerate(entries):
        score = _score(folded, words, entry)
        if score is not None:
            scored.append((score, order, entry.id))
    return [entry_id for _score_, _order, entry_id in sorted(scored)]
