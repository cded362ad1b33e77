"""Who took what from whom, and why the base report is the base, in the user's language: the same
phrases as `reader.stories.provenance.PHRASES` and `reader.stories.view.BASE_PHRASES` (English, for
the CLI and JSON), each marked for translation here and filled from the reasons' values, with the
numbers in the window's digits and ids, dates and Latin names isolated so they keep their order in
a right-to-left line."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reader.stories.model import Provenance, Reason
from reader.stories.provenance import AGREE, DISAGREE, NONE, TEXT_ONLY
from reader.text.direction import is_right_to_left
from reader.view.digits import LATIN, Digits

CONTEXT = "Evidence"
LRI, PDI = "\u2066", "\u2069"

PHRASES = {
    "published_after": QT_TRANSLATE_NOOP("Evidence", "published {gap} after {source}"),
    "text_in": QT_TRANSLATE_NOOP(
        "Evidence", "{share} of its text is in {source}, and it carries {back} of that one's"
    ),
    "expanded": QT_TRANSLATE_NOOP(
        "Evidence", "it holds that report's text plus more of its own, as a later version does"
    ),
    "source_holds": QT_TRANSLATE_NOOP(
        "Evidence", "{source} holds all of this text plus more, which is what a later version looks like"
    ),
    "no_time": QT_TRANSLATE_NOOP("Evidence", "no time tells them apart"),
    "fetched": QT_TRANSLATE_NOOP(
        "Evidence", "the times may be when the pages were fetched rather than published"
    ),
    "apart": QT_TRANSLATE_NOOP(
        "Evidence", "no other report of the story carries much of its text: it was written apart"
    ),
    "earliest": QT_TRANSLATE_NOOP("Evidence", "the earliest report: the others carry its text"),
    "all_later": QT_TRANSLATE_NOOP(
        "Evidence", "the reports that share its text are all dated later: it is where they took it from"
    ),
}
BASE_PHRASES = {
    "agency": QT_TRANSLATE_NOOP("Evidence", "the agency's report ({name})"),
    "earliest": QT_TRANSLATE_NOOP("Evidence", "the earliest report ({when})"),
    "first": QT_TRANSLATE_NOOP("Evidence", "the first report (no dates)"),
}
CONFIDENCE = {  # reader.stories.provenance's verdicts
    AGREE: QT_TRANSLATE_NOOP("Evidence", "dates and text agree"),
    TEXT_ONLY: QT_TRANSLATE_NOOP("Evidence", "text only"),
    DISAGREE: QT_TRANSLATE_NOOP("Evidence", "dates and text disagree"),
    NONE: QT_TRANSLATE_NOOP("Evidence", "where the text starts"),
}


def _tr(text: str) -> str:
    """A phrase marked with QT_TRANSLATE_NOOP above, translated."""
    return QCoreApplication.translate(CONTEXT, text)


def ltr(text: str) -> str:
    """Left-to-right text (an id, a date, a Latin name) kept in its order inside Arabic text."""
    return f"{LRI}{text}{PDI}"


def outlet(name: str) -> str:
    if not name:
        return QCoreApplication.translate("Evidence", "no source")
    return name if is_right_to_left(name) else ltr(name)


@dataclass(frozen=True)
class Words:
    """The story view's sentences about reports, with numbers in `digits`."""

    digits: Digits = LATIN

    def report(self, article_id: int, name: str | None = None) -> str:
        """`#12 (sabq)`: the id isolated, so `#` stays before its number in a right-to-left line."""
        shown = ltr(f"#{self.digits.of(str(article_id))}")
        return shown if name is None else f"{shown} ({outlet(name)})"

    def percent(self, share: float) -> str:
        return ltr(self.digits.percent(share))

    def moment(self, moment: str | None) -> str:
        return ltr(self.digits.of(moment[:16])) if moment else "—"

    def gap(self, minutes: int) -> str:
        if minutes < 60:
            return self.digits.of(QCoreApplication.translate("Evidence", "%n min", "", minutes))
        if minutes < 48 * 60:
            hours, rest = self.digits.number(minutes // 60), self.digits.of(f"{minutes % 60:02d}")
            return QCoreApplication.translate("Evidence", "{hours} h {minutes} min").format(
                hours=hours, minutes=rest
            )
        return self.digits.of(QCoreApplication.translate("Evidence", "%n day(s)", "", minutes // (24 * 60)))

    def reason(self, reason: Reason) -> str:
        values: Mapping[str, object] = dict(reason.values)
        fields: dict[str, str] = {}
        if "source" in values:
            fields["source"] = self.report(values["source"], values.get("name", ""))
        if "minutes" in values:
            fields["gap"] = self.gap(values["minutes"])
        for key in ("share", "back"):
            if key in values:
                fields[key] = self.percent(values[key])
        return _tr(PHRASES[reason.kind]).format(**fields)

    def evidence(self, item: Provenance) -> str:
        return QCoreApplication.translate("Evidence", "; ").join(
            self.reason(reason) for reason in item.reasons
        )

    def confidence(self, item: Provenance) -> str:
        return _tr(CONFIDENCE[item.confidence])

    def provenance_line(self, item: Provenance, sources: Mapping[int, str]) -> str:
        """One sentence: which report the text came from, then the evidence."""
        this = self.report(item.article_id, sources.get(item.article_id, ""))
        if item.source_id is None:
            return QCoreApplication.translate(
                "Evidence", "{report} is where its text starts: {evidence}"
            ).format(report=this, evidence=self.evidence(item))
        return QCoreApplication.translate(
            "Evidence", "{report} took its text from {source}: {evidence}"
        ).format(report=this, source=self.report(item.source_id), evidence=self.evidence(item))

    def base(self, reason: Reason) -> str:
        values = dict(reason.values)
        fields = {}
        if "name" in values:
            fields["name"] = outlet(values["name"])
        if "when" in values:
            fields["when"] = self.moment(str(values["when"]))
        return _tr(BASE_PHRASES[reason.kind]).format(**fields)
