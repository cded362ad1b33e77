"""The words facts are recognised by: number words, titles, speech verbs (dates: reader.text.calendar).

Written as a reader types them; `keys()` spells each list as `fold_word` does (hamza, alef
maqsura and teh marbuta folded), so lookups compare folded keys. One place for every word list.
"""

from __future__ import annotations

from functools import lru_cache

from reader.text.normalize import fold_word

# Cardinal words -> value. Feminine and masculine forms (ثلاث / ثلاثة), both cases of the duals
# and tens (اثنان / اثنين, عشرون / عشرين). `أحد` is left out: it is also Sunday.
NUMBER_WORDS: dict[str, int] = {
    **dict.fromkeys(["واحد", "واحدة"], 1),
    **dict.fromkeys(["اثنان", "اثنين", "اثنتان", "اثنتين", "إثنان", "إثنين"], 2),
    **dict.fromkeys(["ثلاث", "ثلاثة"], 3),
    **dict.fromkeys(["أربع", "أربعة"], 4),
    **dict.fromkeys(["خمس", "خمسة"], 5),
    **dict.fromkeys(["ست", "ستة"], 6),
    **dict.fromkeys(["سبع", "سبعة"], 7),
    **dict.fromkeys(["ثماني", "ثمان", "ثمانية"], 8),
    **dict.fromkeys(["تسع", "تسعة"], 9),
    **dict.fromkeys(["عشر", "عشرة"], 10),
    **dict.fromkeys(["عشرون", "عشرين"], 20),
    **dict.fromkeys(["ثلاثون", "ثلاثين"], 30),
    **dict.fromkeys(["أربعون", "أربعين"], 40),
    **dict.fromkeys(["خمسون", "خمسين"], 50),
    **dict.fromkeys(["ستون", "ستين"], 60),
    **dict.fromkeys(["سبعون", "سبعين"], 70),
    **dict.fromkeys(["ثمانون", "ثمانين"], 80),
    **dict.fromkeys(["تسعون", "تسعين"], 90),
    **dict.fromkeys(["مئة", "مائة"], 100),
    **dict.fromkeys(["مئتان", "مئتين", "مائتان", "مائتين", "مئتي", "مائتي"], 200),
}

# Scale words multiply the number before them; alone, a dual means two of them (ملياري دولار).
SCALES: dict[str, int] = {
    **dict.fromkeys(["ألف", "آلاف", "ألفا", "الف", "الاف"], 1_000),
    **dict.fromkeys(["مليون", "ملايين", "مليونا"], 1_000_000),
    **dict.fromkeys(["مليار", "مليارات", "مليارا", "بليون", "بلايين"], 1_000_000_000),
    **dict.fromkeys(["تريليون", "ترليون", "تريليونات"], 1_000_000_000_000),
}
DUAL_SCALES: dict[str, int] = {
    **dict.fromkeys(["ألفي", "ألفان", "ألفين"], 2_000),
    **dict.fromkeys(["مليوني", "مليونان", "مليونين"], 2_000_000),
    **dict.fromkeys(["ملياري", "ملياران", "مليارين"], 2_000_000_000),
}
PERCENT_WORDS = ("في المئة", "في المائة", "بالمئة", "بالمائة", "في المية")

YEAR_WORDS = ("عام", "العام", "سنة", "السنة", "لعام", "بعام")

# Words before a person's name: titles and roles. A role may be followed by its qualifiers
# (الرئيس الأمريكي, وزير الخارجية) before the name begins.
TITLES = """
الرئيس رئيس الملك الأمير أمير الشيخ ولي نائب الوزير وزير وزيرة المتحدث المتحدثة الناطق الناطقة
السفير سفير المبعوث مبعوث المستشار مستشار الأمين أمين المدير مدير محافظ المحافظ قائد القائد
الجنرال اللواء العميد العقيد المقدم الرائد النقيب الفريق المشير الدكتور الدكتورة د المهندس
الأستاذ السيد السيدة الإمام البابا المرشد النائب السيناتور القاضي المدعي زعيم الزعيم مساعد
المساعد رئيسة الرئيسة ملك سمو معالي فخامة سعادة مراسل المراسل الكاتب الخبير الباحث الممثل
المندوب مندوب نظيره نظيرته اللاعب لاعب المدرب مدرب الكابتن النجم الفنان الفنانة الشاعر الروائي
المعلق الحكم الزميل المواطن المواطنة الطالب المعلم الداعية الأديب المخرج المؤرخ العالم م
"""
# Words that begin an organisation's name (the words after them, to a stop, are its name).
ORGANISATION_HEADS = """
وزارة هيئة منظمة شركة جامعة مجلس حزب حركة جماعة تنظيم وكالة بنك صندوق اتحاد جبهة مؤسسة مستشفى
مطار محكمة الأمم جيش قوات شرطة الشرطة الجيش
"""
PLACE_HEADS = """
مدينة محافظة منطقة ولاية إقليم قرية بلدة مخيم حي جمهورية مملكة إمارة جزيرة قطاع بحر نهر
"""
# Verbs that introduce quoted speech (with و/ف before them, and feminine forms).
SPEECH_VERBS = """
قال قالت أضاف أضافت أكد أكدت أوضح أوضحت تابع تابعت صرح صرحت أشار أشارت شدد شددت اعتبر اعتبرت
كتب كتبت ذكر ذكرت أعلن أعلنت أفاد أفادت نقل نقلت وصف وصفت يقول تقول يضيف مضيفا مضيفة مؤكدا مؤكدة
موضحا موضحة متابعا قائلا قائلة مشيرا مشيرة لافتا معتبرا أردف أردفت استطرد ختم ختمت
"""
# Words that end a name (adjectives, time words, verbs and particles that follow names).
NAME_BREAKERS = """
السابق السابقة الحالي الحالية الجديد الجديدة اليوم أمس غدا إن أن إنه أنه الذي التي الذين خلال
يوم يومي عقب بعد قبل أيضا بدوره بدورها جهته جهتها وقال وأضاف وأكد قال أضاف أكد لدى إزاء حول عبر
ضد تجاه بشأن وسط رغم نحو مع عن على إلى الى في من مجددا كذلك حوالي نحو قرابة
"""
# Role words that never start a name themselves when they follow a title (وزير الخارجية ...).
ROLE_QUALIFIERS = """
باسم الخارجية الداخلية الدفاع العدل المالية الصحة التعليم الإعلام الاقتصاد الطاقة النفط التجارة
العمل الزراعة الإسكان الثقافة النقل الاتصالات السياحة الأوقاف العام العامة الأعلى التنفيذي
التنفيذية الأول الثاني الوزراء الجمهورية الدولة الحكومة الشورى النواب الأمن الأركان المركزي
الخاص الخاصة الإقليمي الصحفي الصحفية الرسمي الرسمية الإعلامي الإعلامية الأمريكي الأميركي
ركن أول بحري طيار
"""


# Who speaks when no one is named: a statement, a report, a source.
GENERIC_SPEAKERS = """
بيان تقرير مصدر مصادر مسؤول مسؤولون مسؤولين متحدث شهود شاهد مراقبون محللون خبراء وكالة صحيفة
"""
# Counted nouns that are one unit in several words and forms (a number agrees whichever it uses).
UNIT_GROUPS = (
    "سنه سنوات عام اعوام سنين",
    "يوم ايام",
    "شهر اشهر شهور",
    "اسبوع اسابيع",
    "ساعه ساعات",
    "دقيقه دقايق",
    "شخص اشخاص شخصا",
    "دولار دولارات",
    "ريال ريالات",
    "يورو",
    "جنيه جنيهات",
    "درهم دراهم",
    "دينار دنانير",
    "طن اطنان",
    "كيلومتر كم كيلومترات",
    "متر امتار",
    "قتيل قتلي",
    "جريح جرحي مصاب مصابين",
    "%",
)


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold_word(word) for word in words.split())


@lru_cache(maxsize=1)
def keys() -> dict[str, frozenset[str]]:
    """Each space-separated list folded once."""
    return {
        "titles": _folded(TITLES),
        "organisations": _folded(ORGANISATION_HEADS),
        "places": _folded(PLACE_HEADS),
        "speech": _folded(SPEECH_VERBS),
        "breakers": _folded(NAME_BREAKERS),
        "qualifiers": _folded(ROLE_QUALIFIERS),
        "generic": _folded(GENERIC_SPEAKERS),
    }


def folded_map(mapping: dict[str, int]) -> dict[str, int]:
    """A word -> value table keyed by folded spelling (multi-word keys folded word by word)."""
    return {" ".join(fold_word(word) for word in key.split()): value for key, value in mapping.items()}


# Words inside a name that join its parts: عبد الله بن زايد، أبو مازن، آل سعود.
NAME_JOINERS = "بن ابن بنت عبد أبو أبي آل ولد دي دو فون فان"
# Countries and regions the press names most, each as commonly spelled (variants are matched by
# `spelling.same_word`, so قيرغيزستان finds قرغيزيا); `_` joins the words of one name.
COUNTRIES = """
السعودية مصر العراق سوريا سورية لبنان الأردن فلسطين إسرائيل اليمن عمان الإمارات قطر البحرين الكويت
ليبيا تونس الجزائر المغرب موريتانيا السودان الصومال جيبوتي إيران تركيا أفغانستان باكستان الهند
الصين اليابان كوريا روسيا أوكرانيا ألمانيا فرنسا بريطانيا إيطاليا إسبانيا اليونان بلجيكا هولندا
السويد النرويج بولندا أمريكا أميركا الولايات_المتحدة كندا المكسيك البرازيل الأرجنتين فنزويلا كوبا نيجيريا
إثيوبيا كينيا أستراليا إندونيسيا ماليزيا كازاخستان قيرغيزستان طاجيكستان تركمانستان أوزبكستان
أذربيجان أرمينيا جورجيا بيلاروسيا صربيا آسيا_الوسطى كوريا_الجنوبية كوريا_الشمالية
واشنطن موسكو بكين طهران الرياض القاهرة بغداد دمشق بيروت
القدس غزة لندن باريس برلين أنقرة إسطنبول جدة مكة صنعاء عدن طرابلس الخرطوم الدوحة
أبوظبي دبي المنامة مسقط تل_أبيب حلب الموصل الرقة إدلب درعا حمص
"""
# First names common in Arabic news that are not also everyday words (حسن "good", صالح "valid",
# عادل "just", سعيد "happy", أمين "secretary" are left out): one of them, then a name word, is a name.
FIRST_NAMES = """
محمد أحمد علي عبدالله عبدالعزيز عبدالرحمن عبدالرحيم عبدالملك عبدالمحسن عبداللطيف عبدالفتاح خالد فهد سلطان
سعود فيصل ناصر سلمان عمر إبراهيم يوسف حسين مصطفى محمود عثمان طارق وليد بندر تركي نايف مشعل منصور
ماجد زياد هاني سامي رامي نبيل جمال كمال هشام إسماعيل يحيى زكريا موسى عيسى داود سليمان بشار باراك
جون جورج فلاديمير سيرغي سيرجي ديفيد دونالد مايكل ميشيل فرانسوا نيكولا أنجيلا
"""
