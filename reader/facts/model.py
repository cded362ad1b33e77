"""Facts and their pairing across two texts: frozen value types and their JSON form."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

FactKind = Literal["number", "date", "name", "quote"]
Status = Literal["differ", "spelled", "agree", "only"]
NUMBER: FactKind = "number"
DATE: FactKind = "date"
NAME: FactKind = "name"
QUOTE: FactKind = "quote"
KINDS: tuple[FactKind, ...] = (NUMBER, DATE, NAME, QUOTE)

DIFFER: Status = "differ"  # the two texts say different things
SPELLED: Status = "spelled"  # one name spelled two ways
AGREE: Status = "agree"
ONLY: Status = "only"  # said in one text only
# The order facts are listed in: what an editor must check first.
STATUS_ORDER: tuple[Status, ...] = (DIFFER, SPELLED, ONLY, AGREE)


@dataclass(frozen=True)
class Mention:
    """One fact as one text states it."""

    kind: FactKind
    start: int  # code-point offsets into the text as given
    end: int
    text: str  # the words as written
    paragraph: int  # 1-based, counting non-empty lines
    key: str = ""  # what it is about: a counted noun, `weekday`, a speaker; "" when unknown
    value: tuple = ()  # comparable readings: numbers' values, a date's fields, a name's words
    unit: str = ""  # numbers: the unit or counted noun as written (دولار، قتيلا، %)
    speaker: str = ""  # quotes: who says it, as written ("" when the text does not say)

    def to_dict(self) -> dict:
        out: dict = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "paragraph": self.paragraph,
        }
        if self.kind == NUMBER:
            out["value"] = self.value[0] if self.value else None
            out["unit"] = self.unit
        elif self.kind == DATE:
            out["value"] = _date_fields(self.value)
        elif self.kind == QUOTE:
            out["speaker"] = self.speaker
        return out


def _date_fields(value: tuple) -> dict:
    """A date's readings as named fields (weekday 0 = Sunday; calendar `gregorian` or `hijri`)."""
    if value and value[0] == "weekday":
        return {"weekday": value[1]}
    _, day, month, year, calendar = value
    return {"day": day, "month": month, "year": year, "calendar": calendar}


@dataclass(frozen=True)
class WordChange:
    """Words of a quote that differ: A's words, B's words (one side may be empty)."""

    a: str
    b: str

    def to_dict(self) -> dict:
        return {"a": self.a, "b": self.b}


@dataclass(frozen=True)
class FactPair:
    """A fact matched across the texts, or stated in one only (the other side None)."""

    kind: FactKind
    status: Status
    a: Mention | None
    b: Mention | None
    # why it differs, in a few words: "value", "unit", "weekday", "name", "wording", "speaker"
    reasons: tuple[str, ...] = ()
    words: tuple[WordChange, ...] = ()  # quotes: the differing words

    def swapped(self) -> FactPair:
        return replace(self, a=self.b, b=self.a, words=tuple(WordChange(w.b, w.a) for w in self.words))

    def mention(self, side: str) -> Mention | None:
        return self.a if side == "a" else self.b

    def to_dict(self) -> dict:
        out: dict = {
            "kind": self.kind,
            "status": self.status,
            "a": self.a.to_dict() if self.a else None,
            "b": self.b.to_dict() if self.b else None,
        }
        if self.reasons:
            out["reasons"] = list(self.reasons)
        if self.words:
            out["words"] = [w.to_dict() for w in self.words]
        return out


@dataclass(frozen=True)
class Facts:
    """Every fact of the two texts, paired, in STATUS_ORDER then by place in A (or B)."""

    pairs: tuple[FactPair, ...]

    def with_status(self, *statuses: Status) -> tuple[FactPair, ...]:
        return tuple(p for p in self.pairs if p.status in statuses)

    @property
    def differing(self) -> tuple[FactPair, ...]:
        """What an editor must look at: facts that disagree and names spelled two ways."""
        return self.with_status(DIFFER, SPELLED)

    def count(self, status: Status, kind: FactKind | None = None) -> int:
        return sum(1 for p in self.pairs if p.status == status and (kind is None or p.kind == kind))

    def swapped(self) -> Facts:
        return Facts(sort_pairs(p.swapped() for p in self.pairs))

    def to_list(self) -> list[dict]:
        return [p.to_dict() for p in self.pairs]


def sort_pairs(pairs: Iterable[FactPair]) -> tuple[FactPair, ...]:
    def place(pair: FactPair) -> tuple:
        first = pair.a or pair.b
        return (
            STATUS_ORDER.index(pair.status),
            pair.a is None,
            first.start if first else 0,
            KINDS.index(pair.kind),
            pair.b.start if pair.b else -1,
        )

    return tuple(sorted(pairs, key=place))
