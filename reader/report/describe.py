"""Facts in words: what kind of difference a pair is, and where each side says it."""

from __future__ import annotations

from collections.abc import Callable

from reader.facts import AGREE, DIFFER, ONLY, SPELLED, FactPair, Mention
from reader.report.moves import PARAGRAPH
from reader.text.translation import QT_TRANSLATE_NOOP

CONTEXT = "Facts"  # translation context of the labels below (whole phrases: word order differs)
_DIFFER = {
    "number": QT_TRANSLATE_NOOP("Facts", "number differs"),
    "date": QT_TRANSLATE_NOOP("Facts", "date differs"),
    "name": QT_TRANSLATE_NOOP("Facts", "another name"),
}
_SPELLED = QT_TRANSLATE_NOOP("Facts", "name spelled two ways")
_QUOTE = {  # by the pair's reasons
    ("wording",): QT_TRANSLATE_NOOP("Facts", "quote worded differently"),
    ("speaker",): QT_TRANSLATE_NOOP("Facts", "quote given to another speaker"),
    ("wording", "speaker"): QT_TRANSLATE_NOOP(
        "Facts", "quote worded differently and given to another speaker"
    ),
}
_AGREE = {
    "number": QT_TRANSLATE_NOOP("Facts", "number agrees"),
    "date": QT_TRANSLATE_NOOP("Facts", "date agrees"),
    "name": QT_TRANSLATE_NOOP("Facts", "name agrees"),
    "quote": QT_TRANSLATE_NOOP("Facts", "quote agrees"),
}
_ONLY = {
    ("number", "a"): QT_TRANSLATE_NOOP("Facts", "number in A only"),
    ("number", "b"): QT_TRANSLATE_NOOP("Facts", "number in B only"),
    ("date", "a"): QT_TRANSLATE_NOOP("Facts", "date in A only"),
    ("date", "b"): QT_TRANSLATE_NOOP("Facts", "date in B only"),
    ("name", "a"): QT_TRANSLATE_NOOP("Facts", "name in A only"),
    ("name", "b"): QT_TRANSLATE_NOOP("Facts", "name in B only"),
    ("quote", "a"): QT_TRANSLATE_NOOP("Facts", "quote in A only"),
    ("quote", "b"): QT_TRANSLATE_NOOP("Facts", "quote in B only"),
}
NO_PLACE = "—"


def label(pair: FactPair, translate: Callable[[str], str] = str) -> str:
    """`number differs`, `name spelled two ways`, `quote worded differently`, `date agrees`...;
    `translate` gives it in the user's language (the window), the English stays for reports."""
    if pair.kind == "quote" and pair.status == DIFFER:
        return translate(_QUOTE[pair.reasons])
    if pair.status == DIFFER:
        return translate(_DIFFER[pair.kind])
    if pair.status == SPELLED:
        return translate(_SPELLED)
    if pair.status == ONLY:
        return translate(_ONLY[(pair.kind, "a" if pair.a else "b")])
    return translate(_AGREE[pair.kind])


def where(mention: Mention | None, translate: Callable[[str], str] = str) -> str:
    """`¶3` (the paragraph it stands in), or an em dash when the text does not say it; the wording is
    the passages' (`translate` in the context reader.report.moves.CONTEXT)."""
    return translate(PARAGRAPH).format(mention.paragraph) if mention else NO_PLACE


def shown(mention: Mention | None, limit: int = 90) -> str:
    """The words of a mention, a long quote cut at `limit` characters."""
    if mention is None:
        return ""
    text = " ".join(mention.text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


__all__ = ["label", "where", "shown", "AGREE", "CONTEXT"]
