"""A synthetic newsroom for the story tests: an agency item reprinted by 12 outlets with edits, a
digest of two other items, and template cables on eight days (no corpus needed)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from library_helpers import seed_text

from reader.library import open_library
from reader.library.importers import make_draft

WORDS = sorted(
    {w.strip("،.:«»()") for p in ("000", "001", "002", "003") for w in seed_text(p).split()} - {""}
)
OUTLETS = "sabq okaz alriyadh aljazirah alyaum alwatan almadina aawsat".split() + [
    "alweeam", "3alyoum", "aleqtisadiya", "arreyadi",
]  # fmt: skip


def _sentence(rng: random.Random, count: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(count)) + "."


def _add(library, text: str, source: str, when: str, title: str) -> int:
    day, clock = when.split(" ")
    draft = make_draft(text, original=text.encode(), encoding="utf-8", format="json", origin=f"test:{title}",
                       title=title, source=source, date=day, time=clock)  # fmt: skip
    return library.add(draft).article_id


def make_newsroom(tmp_path):
    """An agency item reprinted by 12 outlets (edited), a digest of two items, template cables."""
    rng = random.Random(7)
    library = open_library(tmp_path / "library.sqlite3", seed_if_empty=False)
    agency = [_sentence(rng) for _ in range(8)]
    agency[2] = "وقال صاحب السمو الأمير خالد الفيصل " + agency[2]
    ids = {
        "agency": _add(library, " ".join(agency), "was", "2015-07-21 08:00:00", "أمير مكة يدشن مشروع القطار")
    }
    for number, outlet in enumerate(OUTLETS):
        body = list(agency)
        if number % 3 == 1:
            del body[5]  # drops a sentence
        if number % 3 == 2:
            body[2] = body[2].replace("صاحب السمو الأمير", "سمو الأمير")  # an honorific changed
        if number % 4 == 0:
            body += [_sentence(rng) for _ in range(4)]  # adds its own
        when = f"2015-07-21 {9 + number // 6:02d}:{(number * 7) % 60:02d}:00"
        dateline = f"مكة المكرمة - {outlet}:"  # each outlet's own: no two reprints are the same text
        ids[outlet] = _add(
            library, dateline + " " + " ".join(body), outlet, when, f"أمير مكة يدشن القطار ({outlet})"
        )
    first, second = [" ".join(_sentence(rng) for _ in range(6)) for _ in range(2)]
    ids["first_a"] = _add(library, first, "okaz", "2015-07-22 10:00:00", "خبر أول")
    ids["first_b"] = _add(
        library, first + " " + _sentence(rng), "sabq", "2015-07-22 11:00:00", "خبر أول مكرر"
    )
    ids["second_a"] = _add(library, second, "alyaum", "2015-07-22 10:30:00", "خبر ثان")
    ids["second_b"] = _add(
        library, _sentence(rng) + " " + second, "aawsat", "2015-07-22 12:00:00", "خبر ثان مكرر"
    )
    ids["digest"] = _add(library, first + "\n" + second, "alweeam", "2015-07-22 13:00:00", "موجز الأخبار")
    template = " ".join(_sentence(rng) for _ in range(4))
    ids["cables"] = [
        _add(library, f"بعث برقية تهنئة إلى رئيس دولة رقم {day} {_sentence(rng)} {template}", "alriyadh",
             f"{date(2015, 7, 21) + timedelta(days=day)} 09:00:00", f"برقية {day}")
        for day in range(8)
    ]  # fmt: skip
    return library, ids
