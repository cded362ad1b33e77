"""The words of Arabic dates: months of the three calendars the press uses, ordinal days, weekdays."""

from __future__ import annotations

# Egyptian/Gulf (transliterated) names, then Levantine/Iraqi (Syriac) names, month by month.
GREGORIAN_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("يناير", "كانون الثاني"),
    ("فبراير", "شباط"),
    ("مارس", "آذار", "اذار"),
    ("أبريل", "ابريل", "إبريل", "نيسان"),
    ("مايو", "أيار", "ايار"),
    ("يونيو", "يونيه", "حزيران"),
    ("يوليو", "يوليه", "تموز"),
    ("أغسطس", "اغسطس", "آب", "اب"),
    ("سبتمبر", "أيلول", "ايلول"),
    ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"),
    ("نوفمبر", "تشرين الثاني"),
    ("ديسمبر", "كانون الأول", "كانون الاول"),
)
MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(GREGORIAN_MONTH_NAMES, start=1) for name in names
}
HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1,
    "صفر": 2,
    "ربيع الأول": 3,
    **dict.fromkeys(["ربيع الآخر", "ربيع الثاني"], 4),
    **dict.fromkeys(["جمادى الأولى", "جمادى الأول"], 5),
    **dict.fromkeys(["جمادى الآخرة", "جمادى الثانية"], 6),
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    **dict.fromkeys(["ذو القعدة", "ذي القعدة"], 11),
    **dict.fromkeys(["ذو الحجة", "ذي الحجة"], 12),
}
ORDINAL_DAYS = {
    "الأول": 1, "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
    "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12,
    "الثالث عشر": 13, "الرابع عشر": 14, "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17,
    "الثامن عشر": 18, "التاسع عشر": 19, "العشرين": 20, "الحادي والعشرين": 21, "الثاني والعشرين": 22,
    "الثالث والعشرين": 23, "الرابع والعشرين": 24, "الخامس والعشرين": 25, "السادس والعشرين": 26,
    "السابع والعشرين": 27, "الثامن والعشرين": 28, "التاسع والعشرين": 29, "الثلاثين": 30,
    "الحادي والثلاثين": 31,
}  # fmt: skip
# Sunday first, as the Arabic week is counted; each day with its common spellings.
WEEKDAY_NAMES: tuple[tuple[str, ...], ...] = (
    ("الأحد", "الاحد"),
    ("الاثنين", "الإثنين"),
    ("الثلاثاء",),
    ("الأربعاء", "الاربعاء"),
    ("الخميس",),
    ("الجمعة",),
    ("السبت",),
)
WEEKDAYS: dict[str, int] = {name: day for day, names in enumerate(WEEKDAY_NAMES) for name in names}
