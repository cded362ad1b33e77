"""Facts in words: what kind of difference a pair is, and where each side says it."""

from __future__ import annotations

from reader.facts import AGREE, DIFFER, ONLY, SPELLED, FactPair, Mention

# (kind, status or reason) -> what an editor reads
_LABELS = {
    ("number", DIFFER): "number differs",
    ("date", DIFFER): "date differs",
    ("name", DIFFER): "another name",
    ("name", SPELLED): "name spelled two ways",
    ("quote", "wording"): "quote worded differently",
    ("quote", "speaker"): "quote given to another speaker",
}
KIND_NAMES = {"number": "number", "date": "date", "name": "name", "quote": "quote"}


def label(pair: FactPair) -> str:
    """`number differs`, `name spelled two ways`, `quote worded differently`, `date agrees`..."""
    if pair.kind == "quote" and pair.status == DIFFER:
        return " and ".join(_LABELS[("quote", reason)] for reason in pair.reasons).replace(
            " and quote ", " and "
        )
    if pair.status in (DIFFER, SPELLED):
        return _LABELS[(pair.kind, pair.status)]
    if pair.status == ONLY:
        return f"{KIND_NAMES[pair.kind]} in {'A' if pair.a else 'B'} only"
    return f"{KIND_NAMES[pair.kind]} agrees"


def where(mention: Mention | None) -> str:
    """`¶3` (the paragraph it stands in), or an em dash when the text does not say it."""
    return f"¶{mention.paragraph}" if mention else "—"


def shown(mention: Mention | None, limit: int = 90) -> str:
    """The words of a mention, a long quote cut at `limit` characters."""
    if mention is None:
        return ""
    text = " ".join(mention.text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


__all__ = ["label", "where", "shown", "AGREE"]
