"""Casualty counts: Arabic numbers (digits and words) and dead/injured patterns.

Vague quantities follow ACLED's coding rules: "dozens" (عشرات) counts 12, "hundreds"
(مئات) 100, "thousands" (آلاف) 1000; "more than 700" (أكثر من 700) is the lower bound 700.
Everything works on normalised text (:func:`rasd.text.normalize.normalize`).
"""

from __future__ import annotations

import re
from functools import lru_cache

_UNITS = {
    "واحد": 1, "واحده": 1, "احد": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6,
    "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9,
    "عشره": 10, "عشر": 10,
}
_TENS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}
_BIG = {"مئه": 100, "مائه": 100, "مئتين": 200, "مئتان": 200, "مائتين": 200, "مائتان": 200,
        "الف": 1000, "الفا": 1000, "الفين": 2000, "الفان": 2000}
_VAGUE = {"عشرات": 12, "العشرات": 12, "مئات": 100, "المئات": 100, "الاف": 1000,
          "الالاف": 1000, "عده": 3, "بضعه": 3, "بضع": 3}
#: Person nouns whose dual form (طفلين، جنديان) counts 2.
_PERSON_STEMS = ("طفل", "جندي", "شخص", "مدني", "شرطي", "متظاهر", "عسكري", "مسلح",
                 "رجل", "امراه", "صحفي", "مواطن", "عنصر", "ضابط", "مجند", "طالب")

from rasd.text.normalize import normalize as _n  # noqa: E402

# Keys above are written by hand; normalise them the way the text is (مئه → ميه).
_UNITS = {_n(k): v for k, v in _UNITS.items()}
_TENS = {_n(k): v for k, v in _TENS.items()}
_BIG = {_n(k): v for k, v in _BIG.items()}
_VAGUE = {_n(k): v for k, v in _VAGUE.items()}
_PERSON_STEMS = tuple(_n(k) for k in _PERSON_STEMS)
#: Person nouns with a broken plural, so their ـين form can only be a dual.
_BROKEN_PLURAL = frozenset(_n(k) for k in ("طفل", "جندي", "شخص", "عنصر", "ضابط", "طالب", "رجل", "امراه"))

# (طالبان is the Taliban far more often than "two students" in the news)
_DUALS = frozenset(
    pre + stem + suf for stem in _PERSON_STEMS for pre in ("", "ال")
    for suf in ("ان", "يان") + (("ين", "يين") if stem in _BROKEN_PLURAL else ())) - {_n("طالبان"), _n("الطالبان")}

_THOUSANDS = frozenset((_n("آلاف"), _n("ألاف")))

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)?|[\u0621-\u064a]+")


def _strip_w(w: str) -> str:
    return w[1:] if w.startswith("و") and len(w) > 3 and w[1:] in _UNITS | _TENS else w


def parse_number(words: list[str], i: int) -> tuple[int | None, int]:
    """The number starting at ``words[i]`` and how many words it used ((None, 0) if none)."""
    if i >= len(words):
        return None, 0
    w = words[i]
    if w[0].isdigit():
        try:
            v = int(float(w.replace(",", "")))
        except ValueError:
            return None, 0
        j = i + 1
        if j < len(words) and words[j] in ("الف", "الاف"):
            return v * 1000, 2
        return v, 1
    if w in _VAGUE:
        return _VAGUE[w], 1
    total = 0
    used = 0
    j = i
    while j < len(words):
        x = _strip_w(words[j]) if j > i else words[j]
        if x in _UNITS:
            v = _UNITS[x]
            # احد عشر / ثلاثه عشر
            if j + 1 < len(words) and words[j + 1] == "عشر":
                v += 10
                j += 1
            total += v
        elif x in _TENS:
            total += _TENS[x]
        elif x in _BIG:
            total = max(total, 1) * _BIG[x] if total else _BIG[x]
        elif x in _THOUSANDS and total:
            total *= 1000  # "أربعة آلاف" (the plural after 3–10)
        else:
            break
        used = j - i + 1
        j += 1
    if used:
        return total, used
    # A dual person noun: طفلين، جنديان (ـين only where the plural differs: مدنيين is plural).
    if w in _DUALS:
        return 2, 1
    return None, 0


_DEAD_AFTER = ("قتلوا", "قتلو", "قتل", "قتيل", "قتيلا", "قتلي", "لقوا", "لقي", "فقدوا",
               "ماتوا", "توفوا", "حتفهم", "مصرعهم", "جثه", "جثث", "ضحيه", "ضحايا",
               "شهيد", "شهيدا", "شهداء", "استشهدوا",
               # duals of the passive verbs: "جنديين قتلا وأصيب 31"
               "قتلا", "لقيا", "استشهدا")
_DEAD_BEFORE = ("مقتل", "قتل", "مصرع", "وفاه", "قتلت", "سقوط", "القتلي", "الضحايا", "قتلي",
                "اعدام", "ذبح", "قتلوا", "استشهاد", "استشهد",
                # the verb before the count: "لقي خمسة مسلحين من العناصر الإرهابية مصرعهم"
                "لقي", "لقيت")
_INJ_AFTER = ("جريح", "جريحا", "جرحي", "مصاب", "مصابا", "مصابين", "اصيبوا", "جرحوا",
              "اصيب", "بجروح", "اصابات", "اصيبا", "جرحا")
_INJ_BEFORE = ("اصابه", "اصيب", "جرح", "جرحي", "الجرحي", "المصابين", "واصيب", "اصابات", "اصابوا")
_FILLER = {"من", "اكثر", "نحو", "حوالي", "قرابه", "زهاء", "ما", "لا", "يقل", "عن", "الاقل",
           "على", "اقل", "اخرين", "اخري", "الى", "حيث", "بلغ"}
_PERSONS = {"شخص", "شخصا", "اشخاص", "مدني", "مدنيا", "مدنيين", "جندي", "جنديا", "جنود",
            "عنصر", "عنصرا", "عناصر", "طفل", "طفلا", "اطفال", "امراه", "نساء", "مسلح", "مسلحا",
            "مسلحين", "شرطيا", "شرطيين", "عسكريا", "عسكريين", "مهاجما", "مهاجمين", "فردا",
            "افراد", "مواطنا", "مواطنين", "مدرسا", "رجلا", "متظاهرا", "متظاهرين", "مصليا",
            "جنديا", "افغانيا", "عراقيا", "سوريا", "يمنيا"}


_DEAD_AFTER = frozenset(_n(w) for w in _DEAD_AFTER)
_DEAD_BEFORE = frozenset(_n(w) for w in _DEAD_BEFORE)
_INJ_AFTER = frozenset(_n(w) for w in _INJ_AFTER)
_INJ_BEFORE = tuple(_n(w) for w in _INJ_BEFORE)
_FILLER = {_n(w) for w in _FILLER}
_PERSONS = {_n(w) for w in _PERSONS}


def _norm_words(text: str) -> list[str]:
    from rasd.text.normalize import normalize

    out = []
    for w in _WORD.findall(normalize(text)):
        # Detach و / ب from a count word or a keyword (وأصيب، بجروح stays a keyword).
        if w.startswith("و") and len(w) > 3 and (w[1:] in _INJ_BEFORE or w[1:] in _DEAD_BEFORE):
            w = w[1:]
        # "أفاد المرصد بمقتل تسعة"، "تسببت بمقتل 25": the preposition ب too (not a
        # verb here: بقتل is "by killing", still a kill word before its count).
        elif w.startswith("ب") and len(w) > 4 and w[1:] in _NOUNS_AFTER_B:
            w = w[1:]
        out.append(w)
    return out


_NOUNS_AFTER_B = frozenset(_n(w) for w in ("مقتل", "مصرع", "قتل", "اصابه", "وفاه", "استشهاد", "اعدام"))

#: Dual casualty nouns: "أوقعت قتيلين و24 جريحا" (indefinite only: "الشهيدين" refers back).
_DUAL_CASUALTY = {_n(w): k for w, k in (("قتيلين", "dead"), ("قتيلان", "dead"),
                                         ("جريحين", "injured"), ("جريحان", "injured"),
                                         ("مصابين اثنين", "injured"))}

#: Words after which a number is a label, not a count: "مضاد طيران عيار 23"، "اللواء 15"،
#: "الفرقة 30"، "المادة 7"، "رقم 2".
_LABELS = frozenset(_n(w) for w in (
    "عيار", "رقم", "الرقم", "اللواء", "لواء", "الفرقه", "فرقه", "الكتيبه", "كتيبه", "المادة", "ماده",
    "البند", "بند", "الفقره", "فقره", "طراز", "موديل", "الطابق", "الدرجه", "المرتبه", "المركز",
    "الجوله", "الاسبوع", "الدوره", "النسخه", "القرار", "الطريق", "طريق", "الشارع", "شارع",
    "الكيلو", "كيلو", "المنطقه", "المجموعه", "الصف", "المربع", "البوابه", "القطاع", "المخيم",
    "الحافله", "الرحله", "الهاتف", "الساعه", "الدقيقه"))

_GLUE = frozenset(_n(w) for w in ("الذين", "الذي", "ممن", "بين", "بينهم", "قد", "كانوا", "البالغ",
                                   "عددهم", "اخرون", "اخرين", "اخري"))


#: Force nouns inside a counted group ("اثنين من أفراد قوات الأمن قتلا").
_FORCES = frozenset(_n(w) for w in ("قوات", "القوات", "صفوف", "الأمن", "الشرطة", "الجيش", "الحرس", "الدرك"))
_AMONG = frozenset(_n(w) for w in ("بينهم", "بينهن", "منهم", "منهن"))


def _kind(words: list[str], i: int, used: int) -> str | None:
    """Is the number at ``words[i]`` a death toll, an injury count, or neither?

    Priority: a keyword right before it (مقتل 13)، then one right after its noun
    (13 شخصا قتلوا، 13 قتيلا)، then one up to three words before (قتل آنذاك خمسة
    جنود)، then one further after (311 فردا الذين فقدوا أرواحهم).
    """
    adj = words[i - 1] if i > 0 else ""
    if adj in _DEAD_BEFORE:
        return "dead"
    if adj in _INJ_BEFORE:
        return "injured"
    far_after = None
    unknown = 0
    among = any(w in _AMONG for w in words[i + used: i + used + 3])
    for d, w in enumerate(words[i + used: i + used + (9 if among else 5)], 1):
        if w in _DEAD_AFTER or w in _INJ_AFTER:
            k = "dead" if w in _DEAD_AFTER else "injured"
            if d <= 2:
                return k
            far_after = k
            break
        if among and w in _AMONG:
            unknown -= 3  # "ستة مدنيين بينهم "عدد من النساء" قتلوا": an aside
        elif w not in _PERSONS and w not in _FILLER and w not in _GLUE and w not in _FORCES:
            unknown += 1
            if unknown > 1:
                break
    for w in [x for x in words[max(0, i - 4): i - 1] if x not in _FILLER][-2:][::-1]:
        if w in _DEAD_BEFORE:
            return "dead"
        if w in _INJ_BEFORE:
            return "injured"
    return far_after


_UNITS_OF_TIME = frozenset(_n(w) for w in (
    "عام", "عاما", "أعوام", "سنة", "سنوات", "سنين", "عاماً", "شهر", "شهرا", "أشهر", "شهور", "أسبوع",
    "أسبوعا", "أسابيع", "يوم", "يوما", "أيام", "ساعة", "ساعات", "دقيقة", "دقائق", "ثانية", "ثوان",
    # money and measures are no people either
    "دولار", "دولارا", "يورو", "ريال", "ريالا", "جنيه", "جنيها", "درهم", "درهما", "دينار", "دينارا",
    "كيلومتر", "كيلومترا", "كلم", "كم", "متر", "مترا", "طن", "بالمئة", "بالمائة"))
#: "بلغ عدد الضحايا ... N": a toll stated as the predicate of "the number of the victims".
_TOLL_VERBS = frozenset(_n(w) for w in ("بلغ", "وبلغ", "وصل", "ووصل", "ارتفع", "وارتفع", "تجاوز"))
_TOLL_NOUNS = {_n("الضحايا"): "dead", _n("القتلى"): "dead", _n("الجرحى"): "injured",
               _n("المصابين"): "injured", _n("ضحايا"): "dead", _n("قتلى"): "dead"}
#: Singular person nouns (indefinite): "جنديا بورونديا جرح" is one injured.
_SINGULAR = frozenset(_n(w) for w in (
    "شخص", "شخصا", "مدني", "مدنيا", "جندي", "جنديا", "طفل", "طفلا", "امرأة", "رجل", "رجلا",
    "شرطي", "شرطيا", "عسكري", "عسكريا", "ضابط", "ضابطا", "مواطن", "مواطنا", "صحفي", "صحفيا",
    "متظاهر", "متظاهرا", "مسلح", "مسلحا", "طالب", "طالبا", "عنصر", "عنصرا",
    # "قتل قائد ميداني"، "مقتل رضيع فلسطيني": one person too
    "قائد", "قائدا", "قيادي", "قياديا", "زعيم", "زعيما", "مسؤول", "مسؤولا", "ناشط", "ناشطا",
    "شاب", "شابا", "فتى", "رضيع", "رضيعا", "معلم", "معلمة", "سائق", "سائقا", "حارس", "حارسا"))
_SING_BEFORE = {_n(w): k for w, k in (("قتل", "dead"), ("مقتل", "dead"), ("مصرع", "dead"),
                                      ("وفاة", "dead"), ("أصيب", "injured"), ("إصابة", "injured"),
                                      ("جرح", "injured"))}
_SING_AFTER = {_n(w): k for w, k in (("قتل", "dead"), ("لقي", "dead"), ("توفي", "dead"),
                                     ("جرح", "injured"), ("أصيب", "injured"))}


def _toll_predicate(words: list[str]) -> dict[int, str]:
    """Index of the number that is the predicate of "بلغ عدد الضحايا [الذين قتلوا ...] N"
    (the first number within 15 words) → its kind."""
    out: dict[int, str] = {}
    for j in range(len(words) - 2):
        if words[j] in _TOLL_VERBS and words[j + 1] == "عدد" and words[j + 2] in _TOLL_NOUNS:
            for i in range(j + 3, min(len(words), j + 18)):
                n, _ = parse_number(words, i)
                if n is not None and not (words[i].isdigit() and len(words[i]) == 4 and 1900 <= n <= 2100):
                    out[i] = _TOLL_NOUNS[words[j + 2]]
                    break
    return out


def _parts(words: list[str], i: int, used: int) -> int:
    """More parts of one count given place by place: "ثمانية مهاجمين قتلوا في كيروهورا،
    واثنين في كاتو" → the 2 (a و-joined number with no noun of its own, followed by في,
    after a first count that was also placed with في)."""
    extra = 0
    seen_in = False
    j = i + used
    while j < min(len(words), i + used + 10 + 4 * (extra > 0)):
        w = words[j]
        if w == "في":
            seen_in = True
        num_at = None
        if w == "و" and j + 1 < len(words):
            num_at = j + 1
        elif w.startswith("و") and len(w) > 3 and (w[1:] in _UNITS or w[1:] in _TENS or w[1:] in _DUALS):
            num_at = j
        if num_at is not None and seen_in:
            sub = words[num_at][1:] if num_at == j and w != "و" else words[num_at]
            n, u = parse_number([sub] + words[num_at + 1:num_at + 4], 0)
            if n is not None and u and num_at + u < len(words) and words[num_at + u] == "في":
                extra += n
                j = num_at + u
                continue
            break
        j += 1
    return extra


def _and_more(words: list[str], i: int, used: int, kind: str) -> int:
    """A second group joined to a count: "مقتل 10 جنود وثلاثة من العاملين"، "قتل 39
    متمردا على الأقل و17 مقاتلا" → the 3 / the 17 (ACLED counts the total). The second
    number must count persons (a person noun, or من + a noun) and name no other kind."""
    j = i + used
    if j >= len(words) or (words[j] not in _PERSONS and words[j] not in _PERSON_LIKE):
        return 0
    j += 1
    while j < len(words) and j <= i + used + 3 and (words[j] in _FILLER or words[j].endswith("يا")
                                                   or words[j].endswith("يين")):
        j += 1
    if j >= len(words):
        return 0
    w = words[j]
    if w == "و":
        sub, at = words[j + 1:j + 5], j + 1
    elif w.startswith("و") and len(w) > 2 and (w[1:].isdigit() or w[1:] in _UNITS or w[1:] in _TENS):
        sub, at = [w[1:]] + words[j + 1:j + 4], j
    else:
        return 0
    n, u = parse_number(sub, 0)
    if n is None or not u or (sub[0].isdigit() and len(sub[0]) == 4):
        return 0
    nxt = sub[u] if u < len(sub) else ""
    if nxt not in _PERSONS and not (nxt == "من" and u + 1 < len(sub)) and not (
            nxt and nxt not in _UNITS_OF_TIME and _n(nxt) in _PERSON_LIKE):
        return 0
    k2 = _kind(words, at, u)
    return n if k2 in (None, kind) else 0


#: Nouns of fighters/staff that count persons in a second group ("و17 مقاتلا").
_PERSON_LIKE = frozenset(_n(w) for w in ("مقاتلا", "مقاتلين", "متمردا", "متمردين", "جهاديا", "جهاديين",
                                          "سائحا", "سياح", "عاملا", "عمال", "موظفا", "موظفين", "طالبا",
                                          "طلاب", "رجل", "رجال", "ضابطا", "ضباط"))


def _singular(words: list[str]) -> tuple[int | None, int | None]:
    """One dead/injured from a singular person noun next to a kill/wound word ("مقتل
    جندي"، "جنديا بورونديا جرح"; one adjective may stand between)."""
    dead = injured = None
    for i, w in enumerate(words):
        if w not in _SINGULAR:
            continue
        k = _SING_BEFORE.get(words[i - 1]) if i > 0 else None
        if k is None:
            for d in (1, 2):
                x = words[i + d] if i + d < len(words) else ""
                if x in _SING_AFTER:
                    k = _SING_AFTER[x]
                    break
                if not (x.endswith("ي") or x.endswith("يا")) or x in _SINGULAR:
                    break  # only a nisba adjective may stand between
        if k == "dead" and dead is None:
            dead = 1
        elif k == "injured" and injured is None:
            injured = 1
    return dead, injured


@lru_cache(maxsize=4096)
def casualties(text: str) -> tuple[int | None, int | None]:
    """(dead, injured) counts stated in ``text`` (a sentence or clause), or None."""
    words = _norm_words(text)
    dead: int | None = None
    injured: int | None = None
    toll = _toll_predicate(words)
    for i in range(len(words)):
        if words[i] in _DUAL_CASUALTY:
            k2 = _DUAL_CASUALTY[words[i]]
            if k2 == "dead" and dead is None:
                dead = 2
            elif k2 == "injured" and injured is None:
                injured = 2
            continue
        if i and words[i - 1] in _LABELS:
            continue  # "عيار 23"، "اللواء 15": a label, not a count
        n, used = parse_number(words, i)
        if n is None or n <= 0 or n > 10_000_000:
            continue
        # Skip years and clock times: a 4-digit number 1900..2100 is a year.
        if words[i].isdigit() and 1900 <= n <= 2100 and len(words[i]) == 4:
            continue
        if i + used < len(words) and words[i + used] in _UNITS_OF_TIME:
            continue  # "منذ 5 سنوات", "بعد 3 ايام": time, not people
        kind = toll.get(i) or _kind(words, i, used)
        if kind is not None:
            n += _parts(words, i, used)
            n += _and_more(words, i, used, kind)
        if kind == "dead" and dead is None:
            dead = n
        elif kind == "injured" and injured is None:
            injured = n
    return dead, injured


@lru_cache(maxsize=4096)
def singular_casualties(text: str) -> tuple[int | None, int | None]:
    """(dead, injured) of one from a singular person noun next to a kill/wound word
    ("مقتل جندي"، "جنديا بورونديا جرح"), or None. Weaker evidence than a number: the
    stage uses it only to complete an event it keeps anyway."""
    return _singular(_norm_words(text))


_CUMULATIVE = re.compile(
    r"خلال السنوات|خلال الاعوام|منذ (?:بدء|بدايه|اندلاع|انطلاق|عام|سنه|مطلع)|حتي الان منذ|"
    r"السنوات (?:ال)?\w+ (?:التي|الماضيه)|في السنوات|منذ \d{4}|خلال \w+ سنوات|على مدى"
    # "أسفرت هذه الهجمات عن مقتل أكثر من 800 شخص في شهرين": a toll over months
    r"|(?:في|خلال) (?:شهرين|اسبوعين|(?:ال)?اشهر|(?:ال)?شهور|(?:ال)?اسابيع|\w+ (?:اشهر|شهور|اسابيع))(?!\w)"
)


def is_cumulative(text: str) -> bool:
    """True when the sentence gives a toll over a long period rather than one incident."""
    from rasd.text.normalize import normalize

    return bool(_CUMULATIVE.search(normalize(text)))


_KILL_LEMMAS = frozenset(_n(w) for w in ("قتل", "أعدم", "ذبح", "اغتال", "صفى"))
_HURT_LEMMAS = frozenset(_n(w) for w in ("أصاب", "جرح"))


#: Casualty words that open another count after a kill/injure verb.
_OTHER_COUNT = frozenset(_n(w) for w in ("اصيب", "اصابه", "جرح", "مقتل", "اصيبوا", "جرحوا", "مصرع"))


#: Words that start another clause (or a capture verb's object) inside a kill verb's reach.
_NEW_CLAUSE = frozenset(_n(w) for w in (
    "كما", "فيما", "بينما", "اسر", "اسرت", "اسروا", "واسر", "واسرت", "واسروا", "اعتقل", "اعتقلت",
    "واعتقل", "واعتقلت", "اعتقال", "واعتقال", "اسر", "خطف", "خطفت", "اختطف", "اختطفت", "ضبط",
    "وضبط", "احتجز", "احتجزت", "اوقف", "اوقفت", "انقذ", "انقذت", "اصاب", "اصابت", "جرح"))


def object_count(after_text: str, lemma: str, max_start: int = 8,
                 need_person: bool = False) -> tuple[int | None, int | None]:
    """(dead, injured) from a kill/injure verb's object: "قتلت القوات 143 شخصا"; the
    number must begin within the first ``max_start`` words (and, with ``need_person``,
    count a person noun: "بقتل 20 مدنيا", not "قتيل و1,5 مليون نازح")."""
    kind = "dead" if lemma in _KILL_LEMMAS else "injured" if lemma in _HURT_LEMMAS else None
    if kind is None:
        return None, None
    words = _norm_words(after_text)[:max_start + 4]
    for i in range(min(len(words), max_start)):
        if i and words[i - 1] in _OTHER_COUNT:
            break  # "13 شخصا قتلوا وأصيب 27 بجروح": a new count's clause, not the object
        if words[i] in _NEW_CLAUSE:
            break  # "قتل قائد ميداني كما أسر 11 مسلحا": another verb's object
        if i and words[i - 1] in _LABELS:
            continue
        n, used = parse_number(words, i)
        if n is None or n <= 0:
            continue
        if words[i].isdigit() and len(words[i]) == 4 and 1900 <= n <= 2100:
            continue
        nxt = words[i + used] if i + used < len(words) else ""
        # "قتل أربعة من جنود المارينز": N من + a person noun counts them.
        of_persons = nxt == "من" and i + used + 1 < len(words) and words[i + used + 1] in _PERSONS
        if need_person and nxt not in _PERSONS and not of_persons:
            continue
        if nxt in _UNITS_OF_TIME:
            continue  # "قتل في حادث قبل 17 عاما": a span of time, not a count
        if used and (nxt in _PERSONS or of_persons or words[i] not in _UNITS or nxt == ""):
            n += _and_more(words, i, used, kind)
            return (n, None) if kind == "dead" else (None, n)
    return None, None
