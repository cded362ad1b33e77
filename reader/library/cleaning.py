"""Cleaning scraped plain text: find the leftovers (site chrome, related links, copyright, captions).

Nothing is deleted: `find_removals` returns what to leave out, `apply_removals` builds the cleaned
text from the extracted text and the removals still in force, so any removal can be undone.
The rules are deliberately narrow: a real paragraph is never taken for a leftover (they are long,
or end like sentences); when in doubt a line stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

from reader.library.metadata import (
    DATE_PREFIX_RE,
    DATELINE_END_RE,
    is_copyright_line,
    iso_date,
    parse_arabic_date,
    source_from_copyright,
)
from reader.library.model import RemovedLine
from reader.library.search import word_keys
from reader.text.tokens import TOKEN_RE, is_word

CHROME_LINES = {
    "logo", "menu", "share", "print", "advertisement", "الرئيسية", "شارك", "مشاركة", "طباعة",
    "إعلان", "اعلان", "تابعونا", "تابعونا على", "تابعونا على:", "تابعنا على", "تابعنا على:",
}  # fmt: skip
RELATED_HEADERS = {
    "أخبار ذات علاقة", "أخبار ذات صلة", "اخبار ذات علاقة", "اخبار ذات صلة", "مواضيع ذات صلة",
    "مقالات ذات صلة", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ أيضًا", "اقرأ ايضا", "إقرأ أيضا", "اقرأ المزيد",
    "read more", "related",
}  # fmt: skip
# Social networks listed after `تابعونا على`, one per line.
SOCIAL_NAMES = {
    "facebook", "twitter", "x", "instagram", "youtube", "telegram", "whatsapp", "tiktok", "linkedin",
    "فيسبوك", "فيس بوك", "تويتر", "إكس", "انستغرام", "إنستغرام", "انستجرام", "يوتيوب", "تلغرام",
    "تيليجرام", "واتساب", "تيك توك", "لينكد إن",
}  # fmt: skip
_FOLLOW_US = {"تابعونا", "تابعونا على", "تابعنا على", "follow us", "follow us on"}
_SENTENCE_END = (".", "!", "…", ":", "،", ",", "؛")
_GLUED_CAPTION_RE = re.compile(r"\S(?:المصدر|مصدر الصورة|تصوير)\s*:")
_SPACED_CAPTION_RE = re.compile(r"(?:^|\s)(?:المصدر|مصدر الصورة|تصوير)\s*:\s*(.*)$")
_TIME_TAIL_RE = re.compile(
    r"\s*(?:[-–—|،,]\s*)?(?:(?:الساعة\s*)?\d{1,2}:\d{2}(?:\s*(?:ص|م|صباحا|صباحًا|مساء|مساءً|am|pm))?)?\s*",
    re.IGNORECASE,
)
_RELATED_MAX_LINES = 2  # an image caption and the headline of each related story


@dataclass(frozen=True)
class Cleaning:
    """The removals found and the metadata read from them."""

    removed: tuple[RemovedLine, ...]
    date: str | None
    source: str | None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _key(line: str) -> str:
    return " ".join(line.split()).casefold().rstrip(":").strip()


def _is_headline_like(line: str) -> bool:
    """Short and not ending like a sentence: a headline, caption or label."""
    stripped = line.strip()
    return 0 < len(stripped.split()) <= 20 and not stripped.endswith(_SENTENCE_END)


def _is_paragraph(line: str) -> bool:
    stripped = line.strip()
    return len(stripped.split()) > 20 or stripped.endswith((".", "!", "…"))


def _content_keys(text: str) -> set[str]:
    keys = set()
    for match in TOKEN_RE.finditer(text):
        word = match.group()
        if is_word(word) and len(word) >= 3:
            keys.add(word_keys(word)[1])
    return keys


def find_removals(extracted: str, today: Date | None = None) -> Cleaning:
    """Everything to leave out of `extracted` (line endings already normalised)."""
    lines = extracted.split("\n")
    removed: dict[int, RemovedLine] = {}
    date: str | None = None
    source: str | None = None

    def remove(index: int, reason: str, start: int = 0, end: int | None = None) -> None:
        line = lines[index]
        end = len(line) if end is None else end
        if index not in removed:
            removed[index] = RemovedLine(index, start, end, line[start:end], reason)

    nonblank = [i for i, line in enumerate(lines) if line.strip()]

    # 1. a date opening the text: `date 2025-11-07 ` prefix, or an Arabic dateline
    if nonblank:
        first = nonblank[0]
        match = DATE_PREFIX_RE.match(lines[first])
        if match:
            date = iso_date(*(int(g) for g in match.groups()))
            if lines[first][match.end() :].strip():
                remove(first, "date", 0, match.end())
            else:
                remove(first, "date")
        else:
            parsed = parse_arabic_date(lines[first], today)
            if parsed:
                date, length = parsed
                tail = DATELINE_END_RE.match(lines[first], length)
                if tail and not lines[first][tail.end() :].strip():
                    remove(first, "date")
                elif tail and tail.end() > length:  # `7 نوفمبر 2025 - القاهرة ...`: a dateline
                    remove(first, "date", 0, tail.end())

    # 2. chrome, related-story blocks, copyright lines, image captions
    position = 0
    while position < len(nonblank):
        index = nonblank[position]
        key = _key(lines[index])
        if key in CHROME_LINES or key in _FOLLOW_US:
            remove(index, "site chrome")
            if key in _FOLLOW_US:  # the networks listed after it
                while position + 1 < len(nonblank) and _key(lines[nonblank[position + 1]]) in SOCIAL_NAMES:
                    position += 1
                    remove(nonblank[position], "site chrome")
        elif key in RELATED_HEADERS:
            remove(index, "related links")
            following = nonblank[position + 1 : position + 1 + _RELATED_MAX_LINES]
            for other in following:
                if not _is_headline_like(lines[other]):
                    break
                remove(other, "related links")
                position += 1
        elif is_copyright_line(lines[index]):
            remove(index, "copyright")
            source = source or source_from_copyright(lines[index])
        elif reason := _caption_reason(lines[index]):
            remove(index, reason)
        position += 1

    # 3. the top block (before the first paragraph): a section label after the logo, and a stray
    #    headline of another story that shares few words with the article
    top = []
    for index in nonblank:
        if _is_paragraph(lines[index]):
            break
        top.append(index)
    for index in top:  # a dateline of its own under the title: `الخميس 6 نوفمبر 2025 - 10:30 ص`
        parsed = None if index in removed else parse_arabic_date(lines[index], today)
        if parsed and _TIME_TAIL_RE.fullmatch(lines[index], parsed[1]):
            remove(index, "date")
            date = date or parsed[0]
    for before, after in zip(top, top[1:], strict=False):
        if removed.get(before, None) and removed[before].reason == "site chrome" and after not in removed:
            if len(lines[after].split()) <= 2:
                remove(after, "section label")
    headlines = [i for i in top if i not in removed and _is_headline_like(lines[i])]
    if len(headlines) >= 2:
        in_top = set(top)
        body_keys = _content_keys(
            "\n".join(lines[i] for i in nonblank if i not in removed and i not in in_top)
        )
        overlap = {}
        for index in headlines:
            keys = _content_keys(lines[index])
            overlap[index] = len(keys & body_keys) / len(keys) if keys else 0.0
        first, rest = headlines[0], headlines[1:]
        # the real title shares words with the body (0.4 on a scraped page); another story's, next to none
        if overlap[first] < 0.2 and max(overlap[i] for i in rest) >= 0.34:
            remove(first, "headline of another story")

    return Cleaning(tuple(sorted(removed.values(), key=lambda r: (r.line, r.start))), date, source)


def _caption_reason(line: str) -> str | None:
    """`...الرئيس الأمريكيالمصدر: رئاسة أوزبكستان` is a photo caption glued to its credit;
    a short line closing on `المصدر: رويترز` is a credit line. Reported speech is neither."""
    stripped = line.strip()
    if not _is_headline_like(stripped) or len(stripped.split()) > 16:
        return None
    if _GLUED_CAPTION_RE.search(stripped):
        return "image caption"
    match = _SPACED_CAPTION_RE.search(stripped)
    if match and len(match.group(1).split()) <= 5 and "قال" not in stripped:
        return "image caption" if match.start() > 0 else "credit line"
    return None


def apply_removals(extracted: str, removed: tuple[RemovedLine, ...] | list[RemovedLine]) -> str:
    """The cleaned text: `extracted` without the removals, blank lines around them merged."""
    by_line: dict[int, list[RemovedLine]] = {}
    for item in removed:
        by_line.setdefault(item.line, []).append(item)
    out: list[str] = []
    blanks = 0  # blank lines waiting since the last kept line
    run_had_removal = False
    max_blank_run = 0
    for index, line in enumerate(extracted.split("\n")):
        for item in sorted(by_line.get(index, ()), key=lambda r: r.start, reverse=True):
            line = line[: item.start] + line[item.end :]
        if index in by_line and not line.strip():
            run_had_removal = True
            max_blank_run = max(max_blank_run, blanks)
            blanks = 0
            continue
        if not line.strip():
            blanks += 1
            continue
        if out:
            keep = max(max_blank_run, blanks) if run_had_removal else blanks
            out.extend([""] * keep)
        out.append(line)
        blanks, max_blank_run, run_had_removal = 0, 0, False
    return "\n".join(out)
