"""Word tables for Arabic temporal expressions.

Everything is written in ordinary spelling and normalised at import time with
:func:`rasd.text.normalize.normalize` (so أ/إ/آ → ا, ة → ه, ى → ي, diacritics gone):
the matcher works on the normalised view of the text. The tables are general Arabic
vocabulary (month names of every region, weekdays, numerals, units), written by hand.
"""

from __future__ import annotations

from rasd.text.normalize import normalize as _n


def _table(pairs: dict[str, object]) -> dict[str, object]:
    """Normalise the keys of ``pairs`` (each key may list spellings separated by '|')."""
    out: dict[str, object] = {}
    for k, v in pairs.items():
        for spelling in k.split("|"):
            out[_n(spelling.strip())] = v
    return out


# -- Gregorian months -----------------------------------------------------------------
# Several naming systems are used side by side in Arabic news:
#   * Egypt, Gulf, Sudan, Libya: transliterated Latin names (يناير ... ديسمبر);
#   * Levant and Iraq: Syriac names (كانون الثاني ... كانون الأول);
#   * Maghreb (Algeria, Tunisia; Morocco mixes): French-derived names (جانفي, جويلية, أوت).
# Values are month numbers. Two-word names are in GREG_MONTHS_2 (tuple of tokens).
GREG_MONTHS: dict[str, int] = _table({
    # (يونيه/يوليه: Egyptian spellings; أبريل/إبريل fold together when normalised;
    # نونبر/دجنبر: Moroccan)
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل|إبريل": 4,
    "مايو": 5, "يونيو|يونيه": 6, "يوليو|يوليه|يولية": 7, "أغسطس": 8,
    "سبتمبر|سيبتمبر": 9, "أكتوبر": 10, "نوفمبر|نونبر": 11, "ديسمبر|دجنبر": 12,
    # Levantine / Iraqi (single-word ones)
    "شباط": 2, "آذار|اذار": 3, "نيسان": 4, "أيار|ايار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول|ايلول": 9,
    # Maghrebi (Algeria/Tunisia), and Moroccan يوليوز / غشت
    "جانفي|جانفيي": 1, "فيفري|فيفرى": 2, "أفريل|افريل": 4, "ماي": 5, "جوان": 6,
    "جويلية|جويليه": 7, "أوت|اوت": 8, "يوليوز": 7, "غشت": 8, "شتنبر": 9,
})  # type: ignore[assignment]

# Two-token Gregorian names (Levantine): (first, second) → month.
GREG_MONTHS_2: dict[tuple[str, str], int] = {}
for _first, _second, _m in [
    ("كانون", "الثاني", 1), ("كانون", "ثاني", 1), ("كانون", "الأول", 12), ("كانون", "أول", 12),
    ("تشرين", "الأول", 10), ("تشرين", "أول", 10), ("تشرين", "الثاني", 11), ("تشرين", "ثاني", 11),
    # short forms in agency copy: "تشرين ثان/نوفمبر", "كانون ثان/يناير"
    ("كانون", "ثان", 1), ("تشرين", "ثان", 11),
]:
    GREG_MONTHS_2[(_n(_first), _n(_second))] = _m

# Month names that are also common words or names: accepted only with supporting context
# (a day number before, "شهر" before, a year or a bracketed month after, a month
# modifier after, or a temporal preposition before). مارس is also "he practised",
# ماي is a surname (Theresa May), جوان a first name, نيسان a car maker, آب "father".
AMBIGUOUS_MONTHS = frozenset(_n(w) for w in ["مارس", "ماي", "جوان", "نيسان", "آب", "تموز", "أوت"])
# Of those, the ones too ambiguous even after a preposition ("في آب" is rare, "أب" common).
VERY_AMBIGUOUS_MONTHS = frozenset(_n(w) for w in ["آب"])

# -- Hijri months -----------------------------------------------------------------------
HIJRI_MONTHS: dict[str, int] = _table({
    "محرم": 1, "صفر": 2, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
})  # type: ignore[assignment]
HIJRI_MONTHS_2: dict[tuple[str, str], int] = {}
for _first, _second, _m in [
    ("ربيع", "الأول", 3), ("ربيع", "أول", 3), ("ربيع", "الثاني", 4), ("ربيع", "ثاني", 4),
    ("ربيع", "الآخر", 4), ("ربيع", "آخر", 4),
    ("جمادى", "الأولى", 5), ("جمادى", "الأول", 5), ("جمادى", "أولى", 5),
    ("جمادى", "الآخرة", 6), ("جمادى", "الثانية", 6), ("جمادى", "الثاني", 6), ("جمادى", "الآخر", 6),
    ("ذو", "القعدة", 11), ("ذي", "القعدة", 11), ("ذا", "القعدة", 11),
    ("ذو", "الحجة", 12), ("ذي", "الحجة", 12), ("ذا", "الحجة", 12),
]:
    HIJRI_MONTHS_2[(_n(_first), _n(_second))] = _m
# محرم "forbidden", صفر "zero", رجب/شعبان/رمضان are given names: need context.
AMBIGUOUS_HIJRI = frozenset(_n(w) for w in ["محرم", "صفر", "رجب", "شعبان", "رمضان"])
VERY_AMBIGUOUS_HIJRI = frozenset(_n(w) for w in ["صفر", "محرم"])

# "The blessed month" etc.: in news these mean Ramadan (after "الشهر").
RAMADAN_EPITHETS = frozenset(_n(w) for w in ["الفضيل", "الكريم", "المبارك", "الفضيل"])

# -- Holidays: name tokens → (calendar, month, day, number of days of the feast) ------
HOLIDAYS: dict[tuple[str, ...], tuple[str, int, int, int]] = {}
for _words, _val in [
    ("عيد الفطر", ("h", 10, 1, 3)), ("عيد الأضحى", ("h", 12, 10, 4)),
    ("عيد الاضحى", ("h", 12, 10, 4)), ("يوم عرفة", ("h", 12, 9, 1)), ("وقفة عرفات", ("h", 12, 9, 1)),
    ("يوم عاشوراء", ("h", 1, 10, 1)), ("عاشوراء", ("h", 1, 10, 1)),
    ("المولد النبوي", ("h", 3, 12, 1)), ("رأس السنة الهجرية", ("h", 1, 1, 1)),
    ("رأس السنة الميلادية", ("g", 1, 1, 1)), ("عيد الميلاد المجيد", ("g", 12, 25, 1)),
    ("ليلة رأس السنة", ("g", 12, 31, 1)),
]:
    HOLIDAYS[tuple(_n(w) for w in _words.split())] = _val  # type: ignore[assignment]
HOLIDAY_MAXLEN = max(len(k) for k in HOLIDAYS)

# -- Weekdays: Python weekday numbers (Monday = 0) --------------------------------------
WEEKDAYS: dict[str, int] = _table({
    "الاثنين|الإثنين|الأثنين|الاتنين": 0, "الثلاثاء|الثلاثا": 1, "الأربعاء|الاربعاء": 2,
    "الخميس": 3, "الجمعة": 4, "السبت": 5, "الأحد|الاحد": 6,
})  # type: ignore[assignment]
WEEKDAY_CODES = ("1", "2", "3", "4", "5", "6", "7")  # ISO weekday digits for XXXX-WXX-N

# -- Relative day words: offset in days from the reference date -------------------------
REL_DAYS: dict[str, int] = _table({
    "اليوم": 0, "الليلة": 0, "أمس|الأمس|البارحة": -1, "غدا|غداً|الغد": 1,
})  # type: ignore[assignment]

# Words after "اليوم" that make it "the day" (a noun), not "today".
NOT_TODAY_AFTER = frozenset(_n(w) for w in (
    "الوطني العالمي الدولي التالي الأول الثاني الثالث الرابع الخامس السابق نفسه ذاته الذي "
    "التي الأخير المقبل الموعود المفتوح الواحد الأولى الثانية الثالثة الدراسي الكامل "
    "العالمية الوطنية الدولية الخاص المحدد المشهود الآخر الموالي الذى بيوم من"
).split())
# (عين اليوم, صحيفة اليوم: newspaper names)
NOT_TODAY_BEFORE = frozenset(_n(w) for w in "نفس ذات طوال مدار طيلة كل هذا ذلك عين صحيفة جريدة".split())

# -- Relative units ---------------------------------------------------------------------
# Calendar-unit nouns used as "the week/month/year" with a direction word after.
REL_UNIT_NOUNS: dict[str, str] = _table({
    "الأسبوع|الاسبوع": "W", "الشهر": "M", "العام|السنة|العامِ": "Y",
})  # type: ignore[assignment]
# Direction words after a unit noun, month, weekday or season: −1 past, +1 next, 0 current.
DIRECTION: dict[str, int] = _table({
    "الماضي|الماضية|المنصرم|المنصرمة|الفائت|الفائتة|المنقضي|المنقضية|السابق|السابقة|المنتهي|المنتهية": -1,
    "المقبل|المقبلة|القادم|القادمة|التالي|التالية|الآتي|الآتية|الآتى": 1,
    "الحالي|الحالية|الجاري|الجارية|هذا|هذه": 0,
})  # type: ignore[assignment]
# "هذا الشهر", "هذه السنة": demonstrative before the unit noun.
DEMONSTRATIVES = frozenset(_n(w) for w in ["هذا", "هذه"])

# Part-of-period modifiers before a month/year/relative period (TimeML mod values).
PERIOD_MODS: dict[str, str] = _table({
    "مطلع|أوائل|اوائل|بداية|بدايات|مستهل|أول|غرة": "START",
    "منتصف|أواسط|اواسط|وسط": "MID",
    "أواخر|اواخر|نهاية|نهايات|ختام|آخر|اخر|أخير": "END",
})  # type: ignore[assignment]

# -- Numbers ----------------------------------------------------------------------------
# Cardinal number words (masculine and feminine, nominative/oblique, with and without
# the article for the definite-plural order "السنوات العشر").
UNITS_NUM: dict[str, int] = _table({
    "واحد|واحدة|أحد|إحدى": 1, "اثنان|اثنين|اثنتان|اثنتين|إثنين": 2,
    "ثلاث|ثلاثة": 3, "أربع|أربعة": 4, "خمس|خمسة": 5, "ست|ستة": 6, "سبع|سبعة": 7,
    "ثمان|ثماني|ثمانية": 8, "تسع|تسعة": 9, "عشر|عشرة": 10,
})  # type: ignore[assignment]
TENS_NUM: dict[str, int] = _table({
    "عشرون|عشرين": 20, "ثلاثون|ثلاثين": 30, "أربعون|أربعين": 40, "خمسون|خمسين": 50,
    "ستون|ستين": 60, "سبعون|سبعين": 70, "ثمانون|ثمانين": 80, "تسعون|تسعين": 90,
})  # type: ignore[assignment]
HUNDREDS_NUM: dict[str, int] = _table({"مائة|مئة|مائتي|مئتي|مائتين|مئتين": 100})  # type: ignore[assignment]
# Teens: "ثلاثة عشر" (unit + عشر/عشرة); "أحد عشر", "اثنا عشر".
TEEN_SECOND = frozenset(_n(w) for w in ["عشر", "عشرة"])
TEEN_FIRST: dict[str, int] = _table({
    "أحد|إحدى|حادي": 1, "اثنا|اثني|اثنتا|اثنتي": 2,
})  # type: ignore[assignment]

# Ordinal day numbers 1..10 (masculine, with article: "التاسع من رمضان"); "الحادي" only
# in compounds (الحادي عشر، الحادي والعشرين). Without article for "ثالث أيام العيد".
ORDINALS: dict[str, int] = _table({
    "الأول|الاول|الأولى": 1, "الثاني|الثانية": 2, "الثالث|الثالثة": 3, "الرابع|الرابعة": 4,
    "الخامس|الخامسة": 5, "السادس|السادسة": 6, "السابع|السابعة": 7, "الثامن|الثامنة": 8,
    "التاسع|التاسعة": 9, "العاشر|العاشرة": 10, "الحادي|الحادية": 1,
})  # type: ignore[assignment]
ORDINAL_TENS: dict[str, int] = _table({
    "العشرين|والعشرين": 20, "الثلاثين|والثلاثين": 30,
})  # type: ignore[assignment]
BARE_ORDINALS: dict[str, int] = _table({
    "أول|اول": 1, "ثاني|ثانى": 2, "ثالث": 3, "رابع": 4, "خامس": 5, "سادس": 6, "سابع": 7,
    "ثامن": 8, "تاسع": 9, "عاشر": 10, "آخر|اخر": -1,
})  # type: ignore[assignment]

# -- Duration units: word → (ISO unit, implied count or None) --------------------------
# The ISO unit "H" and "MIN" are time units (PT..H / PT..M); "DEC" and "CENT" are written
# as years (P10Y) since ISO 8601 has no decade designator.
DURATION_UNITS: dict[str, tuple[str, int | None]] = _table({
    "ساعة|ساعات|ساعه": ("H", None), "ساعتين|ساعتان": ("H", 2),
    "دقيقة|دقائق": ("MIN", None), "دقيقتين|دقيقتان": ("MIN", 2),
    "يوم|أيام|يوما|يوماً": ("D", None), "يومين|يومان": ("D", 2),
    "أسبوع|أسابيع|أسبوعا|اسبوع|اسابيع": ("W", None), "أسبوعين|أسبوعان": ("W", 2),
    "شهر|أشهر|شهور|شهرا": ("M", None), "شهرين|شهران": ("M", 2),
    "سنة|سنوات|سنين|عام|أعوام|عاما|سنه": ("Y", None), "سنتين|سنتان|عامين|عامان": ("Y", 2),
    "عقد|عقود|عقدا": ("DEC", None), "عقدين|عقدان": ("DEC", 2),
    "قرن|قرون|قرنا": ("CENT", None), "قرنين|قرنان": ("CENT", 2),
})  # type: ignore[assignment]
# Definite plurals that take the number after them: "السنوات العشر", "الأيام الثلاثة".
DEF_PLURAL_UNITS: dict[str, str] = _table({
    "الساعات": "H", "الأيام|الايام": "D", "الأسابيع": "W", "الأشهر|الشهور": "M",
    "السنوات|السنين|الأعوام": "Y", "العقود": "DEC",
})  # type: ignore[assignment]
# Vague quantities: "بضعة أيام", "عدة أشهر", "أيام قليلة" → value null.
VAGUE_BEFORE = frozenset(_n(w) for w in "بضعة بضع عدة عدد بعض".split())
VAGUE_AFTER = frozenset(_n(w) for w in "قليلة قليله معدودة معدودات عديدة طويلة".split())
# Words before "N years" showing it is an age, not a duration ("عن 80 عاما").
AGE_CUES = frozenset(_n(w) for w in "العمر عمره عمرها عمرهم البالغ البالغة يبلغ تبلغ سن عمر ابن ابنة".split())

# -- Year / date cue words --------------------------------------------------------------
YEAR_NOUNS = frozenset(_n(w) for w in ["عام", "العام", "سنة", "السنة", "عامي", "سنتي", "العامين", "السنتين"])
# A bare 4-digit number is a year only after one of these (or with م / هـ after it).
YEAR_PREPS = frozenset(_n(w) for w in (
    "منذ في حتى خلال إلى الى قبل بعد لغاية بحلول مطلع أوائل بداية مستهل منتصف أواخر "
    "نهاية ختام أواسط وحتى ومنذ وفي وخلال عامي ربيع صيف خريف شتاء"
).split())
# Prepositions that make an ambiguous month name (مارس) a month.
MONTH_PREPS = frozenset(_n(w) for w in (
    "في منذ حتى خلال قبل بعد مطلع أوائل بداية مستهل منتصف أواسط أواخر نهاية ختام لغاية "
    "طيلة طوال شهر شهري إلى الى من"
).split())
HIJRI_MARKS = frozenset(_n(w) for w in ["هـ", "ه", "هجري", "هجرية", "للهجرة", "هجريا"])
GREG_MARKS = frozenset(_n(w) for w in ["م", "ميلادي", "ميلادية", "للميلاد", "ميلاديا"])
# Parts of a year before "من 2014": "الربع الأخير من 2014", "النصف الثاني من 2015".
PART_OF_YEAR = frozenset(_n(w) for w in "الربع النصف الثلث الفصل الأشهر الشهور ربع نصف".split())
# Counted nouns after a number: "1200 - 1900 ريال" are amounts, not years.
COUNT_NOUNS = frozenset(_n(w) for w in (
    "ريال دولار يورو جنيه درهم دينار ليرة طن نقطة شخص شخصا مليون مليار ألف كيلو كيلومتر متر "
    "حالة جندي عامل طالب برميل سيارة منزل وحدة"
).split())
MONTH_NOUNS = frozenset(_n(w) for w in ["شهر", "شهري"])
DAY_NOUNS = frozenset(_n(w) for w in ["يوم", "يومي"])

# Words that mark a following (or preceding) clause as future: used to pick the next
# occurrence of a bare weekday or month. The "س" prefix on a verb is checked separately.
FUTURE_CUES = frozenset(_n(w) for w in (
    "سوف المقرر المقررة المزمع المزمعة المرتقب المرتقبة المنتظر المنتظرة يعتزم تعتزم "
    "يعتزمون المرتقبه يتوقع ويتوقع المتوقع"
).split())

# Anaphoric "at that time": takes the value of the preceding time expression.
ANAPHORS: dict[tuple[str, ...], str] = {
    tuple(_n(w) for w in k.split()): "ANAPH" for k in [
        # (not حينها / وقتها: mostly "then" in conditionals, "وحينها سوف ...")
        "آنذاك", "حينذاك", "وقتذاك", "ساعتذاك", "يومذاك", "في ذلك الوقت", "في حينه",
    ]
}

# Seasons: recognised, value null (no agreed calendar span).
SEASONS: dict[str, str] = _table({
    "الربيع": "SP", "الصيف": "SU", "الخريف": "FA", "الشتاء": "WI",
})  # type: ignore[assignment]
NOT_SEASON_AFTER = frozenset(_n(w) for w in "العربي العربية الأمازيغي".split())

# Decades: "التسعينيات" → 199 (ISO decade = first three digits of the year).
DECADES: dict[str, int] = _table({
    "الثلاثينيات|الثلاثينات": 3, "الأربعينيات|الأربعينات": 4, "الخمسينيات|الخمسينات": 5,
    "الستينيات|الستينات": 6, "السبعينيات|السبعينات": 7, "الثمانينيات|الثمانينات": 8,
    "التسعينيات|التسعينات": 9, "العشرينيات|العشرينات": 2,
})  # type: ignore[assignment]
# Proclitics that may be attached to the first word of an expression.
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
