"""English names of organisations made of common words, translated word by word.

An organisation outside the knowledge base whose name is a descriptor ("لجنة الإغاثة
الدولية", "الهيئة العامة للطيران المدني", "منظمة السياحة العربية") is named in English by
translating its words, not by transliterating them ("International Relief Committee",
"General Authority of Civil Aviation", "Arab Tourism Organization"; before: "Al-Igatha
al-Duliya Committee" …). Only when EVERY word is a known common word or a nationality
adjective and at least one is an institution noun (Committee, Authority, Ministry …), so
names that are proper names ("الهلال السعودي", the Al-Hilal club; "النيل للطيران") keep
their transliteration. Clubs (نادي) are never translated: English keeps their Arabic names.

English word order: Arabic names put the head first and modifiers after it, English the
other way round, so each run of words is read backwards ("لجنة التنمية الاجتماعية" →
Social Development Committee); a phrase after the preposition لـ follows "of" ("… للطيران
المدني" → "… of Civil Aviation"), except sports ("الاتحاد السعودي لكرة القدم" → Saudi
Football Federation); و ("and") splits runs ("العمل والتنمية الاجتماعية" → Labor and Social
Development); وزارة is "Ministry of …". Lexicon: hand-written, general institutional
vocabulary (not from any gold or corpus text); nationality adjectives from the KB's
``gen_countries.tsv`` (ArWikiCats, MIT, and the hand-written country table).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rasd.cache import TwoGen
from rasd.text.normalize import normalize

_WORD = re.compile(r"\w+")

# Institution nouns (a name must hold one to be translated).
_HEADS = {
    "لجنة": "Committee", "هيئة": "Authority", "مجلس": "Council", "منظمة": "Organization",
    "مركز": "Center", "معهد": "Institute", "جمعية": "Society", "وكالة": "Agency",
    "مؤسسة": "Foundation", "شركة": "Company", "بنك": "Bank", "مصرف": "Bank", "حزب": "Party",
    "مجموعة": "Group", "اتحاد": "Federation", "وزارة": "Ministry", "إدارة": "Department",
    "مديرية": "Directorate", "برنامج": "Program", "صندوق": "Fund", "مكتب": "Office",
    "محكمة": "Court", "جامعة": "University", "كلية": "College", "أكاديمية": "Academy",
    "غرفة": "Chamber", "نقابة": "Syndicate", "رابطة": "League", "جبهة": "Front",
    "حركة": "Movement", "قوات": "Forces", "قوة": "Force", "شرطة": "Police", "جيش": "Army",
    "بلدية": "Municipality", "مجلة": "Magazine", "صحيفة": "newspaper", "قناة": "Channel",
    "إذاعة": "Radio", "شبكة": "Network", "سلطة": "Authority", "دائرة": "Department",
    "قيادة": "Command", "منتخب": "national team", "فريق": "team", "مستشفى": "Hospital",
    "مدرسة": "School", "ائتلاف": "Coalition", "تحالف": "Alliance", "تجمع": "Assembly",
    "مصلحة": "Department", "جهاز": "Service", "نيابة": "Prosecution", "الشؤون": "Affairs",
    "شؤون": "Affairs", "مبادرة": "Initiative", "مشروع": "Project", "مختبر": "Laboratory",
    "مستشفيات": "Hospitals", "شركات": "Companies", "قطاع": "Sector", "أمانة": "Secretariat",
    "هيئات": "Authorities", "مجالس": "Councils", "لجان": "Committees",
}
# Heads whose English puts the rest after "of" ("وزارة الصحة" Ministry of Health).
_OF_HEADS = frozenset(("وزارة", "أمانة", "نيابة"))

# Other common words of organisation names.
_WORDS = {
    "إغاثة": "Relief", "تنمية": "Development", "اجتماعية": "Social", "اجتماعي": "Social",
    "دولية": "International", "دولي": "International", "وطنية": "National",
    "وطني": "National", "عامة": "General", "عام": "General", "عليا": "Supreme",
    "أعلى": "Supreme", "مركزي": "Central", "مركزية": "Central", "إسلامية": "Islamic",
    "إسلامي": "Islamic", "عربية": "Arab", "عربي": "Arab", "خيرية": "Charitable",
    "خيري": "Charitable", "صحة": "Health", "صحية": "Health", "صحي": "Health",
    "تعليم": "Education", "تربية": "Education", "طيران": "Aviation", "مدني": "Civil",
    "مدنية": "Civil", "أمن": "Security", "أمنية": "Security", "دفاع": "Defense",
    "داخلية": "Interior", "حقوق": "Rights", "إنسان": "Human", "سياحة": "Tourism",
    "سياحية": "Tourism", "إعلام": "Media", "إعلامية": "Media", "إعلامي": "Media",
    "ثقافة": "Culture", "ثقافية": "Cultural", "ثقافي": "Cultural", "رياضة": "Sports",
    "رياضية": "Sports", "رياضي": "Sports", "تجارة": "Commerce", "تجارية": "Commercial",
    "تجاري": "Commercial", "صناعة": "Industry", "صناعية": "Industrial", "صناعي": "Industrial",
    "اقتصاد": "Economy", "اقتصادية": "Economic", "اقتصادي": "Economic", "مالية": "Finance",
    "عدل": "Justice", "عمل": "Labor", "بلدية": "Municipal", "قروية": "Rural",
    "إسكان": "Housing", "نقل": "Transport", "زراعة": "Agriculture", "مياه": "Water",
    "كهرباء": "Electricity", "طاقة": "Energy", "بترول": "Petroleum", "معادن": "Minerals",
    "بيئة": "Environment", "إحصاء": "Statistics", "استثمار": "Investment",
    "عقارية": "Real Estate", "عقاري": "Real Estate", "طبية": "Medical", "طبي": "Medical",
    "عسكري": "Military", "عسكرية": "Military", "أمم": "Nations", "متحدة": "United",
    "أوروبي": "European", "خليجي": "Gulf", "خليجية": "Gulf", "تعاون": "Cooperation",
    "سلام": "Peace", "مخدرات": "Narcotics", "فساد": "Corruption", "نزاهة": "Integrity",
    "إرهاب": "Terrorism", "انتخابات": "Elections", "انتخابية": "Electoral",
    "منظمة": "Organizing", "تنفيذية": "Executive", "تنفيذي": "Executive",
    "استشارية": "Advisory", "استشاري": "Advisory", "دائمة": "Permanent",
    "مشتركة": "Joint", "فنية": "Technical", "فني": "Technical", "علمية": "Scientific",
    "علمي": "Scientific", "بحوث": "Research", "أبحاث": "Research", "دراسات": "Studies",
    "أحمر": "Red", "هلال": "Crescent", "أنباء": "News", "أخبار": "News", "لاجئين": "Refugees", "طفولة": "Childhood", "أطفال": "Children",
    "طفل": "Child", "مرأة": "Women", "أسرة": "Family", "حج": "Hajj", "أوقاف": "Endowments",
    "اتصالات": "Communications", "معلومات": "Information", "تقنية": "Technology",
    "فضاء": "Space", "جوية": "Air", "جوي": "Air", "بحرية": "Naval", "برية": "Land",
    "حرس": "Guard", "شعبية": "Popular", "شعبي": "Popular", "ديمقراطي": "Democratic",
    "ديمقراطية": "Democratic", "جمهوري": "Republican", "حرية": "Freedom",
    "عدالة": "Justice", "شعب": "People", "عمال": "Workers", "طلاب": "Students",
    "معلمين": "Teachers", "مهندسين": "Engineers", "أطباء": "Doctors",
    "صحفيين": "Journalists", "محامين": "Lawyers", "قدم": "Football", "سلة": "Basketball",
    "كرة": "", "أدبي": "Literary", "أدبية": "Literary", "خاصة": "Special", "خاص": "Special",
    "طوارئ": "Emergency", "إنقاذ": "Rescue", "إسعاف": "Ambulance", "نجدة": "Rescue",
    "مرور": "Traffic", "جوازات": "Passports", "جمارك": "Customs", "سجون": "Prisons",
    "تحقيق": "Investigation", "ادعاء": "Prosecution", "رقابة": "Control",
    "مكافحة": "Combating", "حماية": "Protection", "رعاية": "Welfare", "تأمينات": "Insurance",
    "تأمين": "Insurance", "ضمان": "Security", "موارد": "Resources", "بشرية": "Human",
    "شباب": "Youth", "تراث": "Heritage", "آثار": "Antiquities", "فنون": "Arts",
    "نفط": "Oil", "غاز": "Gas", "نووية": "Nuclear", "ذرية": "Atomic",
    "إنسانية": "Humanitarian", "إنساني": "Humanitarian", "تطوير": "Development",
    "تخطيط": "Planning", "إصلاح": "Reform", "أعمال": "Business",
    "رجال": "Men", "سيدات": "Women", "نسائية": "Women's", "قضاء": "Judiciary",
    "قضائي": "Judicial", "قضائية": "Judicial", "تشريعي": "Legislative", "وزراء": "Ministers",
    "نواب": "Representatives", "شورى": "Shura", "تحرير": "Liberation",
    "مقاومة": "Resistance", "ثورة": "Revolution", "ثوري": "Revolutionary",
    "ثورية": "Revolutionary", "معارضة": "Opposition", "وطن": "Homeland", "مستقبل": "Future",
    "تنسيق": "Coordination", "متابعة": "Follow-up", "رقمية": "Digital",
    "إلكترونية": "Electronic", "غذاء": "Food", "دواء": "Drug", "أدوية": "Drugs",
    "مواصفات": "Standards", "مقاييس": "Metrology", "جودة": "Quality", "زكاة": "Zakat",
    "دخل": "Income", "تقاعد": "Pension", "شرعية": "Sharia", "دعوة": "Dawah",
    "إرشاد": "Guidance", "آداب": "Arts", "علوم": "Sciences", "هندسة": "Engineering",
    "طب": "Medicine", "قانون": "Law", "حقوقية": "Rights", "إنمائي": "Development",
    "إنمائية": "Development", "غذائي": "Food", "عالمي": "World", "عالمية": "World",
    "مستقلة": "Independent", "مستقل": "Independent",
    # Round 2 (issue #6 follow-up): general words that blocked institution names.
    "داخلي": "Internal", "خارجية": "Foreign Affairs", "خارجي": "Foreign",
    "سلامة": "Safety", "إدارة": "Management", "أرصاد": "Meteorology",
    "إحصاءات": "Statistics", "مواصلات": "Transport", "سكك": "Railways",
    "حديد": "", "موانئ": "Ports", "مطارات": "Airports", "بريد": "Post",
    "جامعي": "University", "تعليمية": "Educational", "تعليمي": "Educational",
    "وقاية": "Prevention", "أمراض": "Disease", "سرطان": "Cancer", "تحكيم": "Arbitration",
    "بحث": "Research", "ابتكار": "Innovation", "تقني": "Technical",
    "مهني": "Vocational", "مهنية": "Vocational", "تدريب": "Training",
    "تراخيص": "Licensing", "أزمات": "Crisis", "إداري": "Administrative",
    "إدارية": "Administrative", "سياسات": "Policy", "حوار": "Dialogue",
    "تخصصي": "Specialist", "تخصصية": "Specialist", "تخصصات": "Specialties",
    "مرورية": "Traffic", "مروري": "Traffic", "إشرافية": "Supervisory", "إشرافي": "Supervisory",
}
# Sports after لـ go before the head ("الاتحاد السعودي لكرة القدم" Saudi Football Federation).
_SPORT = frozenset(("Football", "Basketball"))


def _key(word: str) -> str:
    return normalize(word)


_HEADS_N = {_key(k): v for k, v in _HEADS.items()}
_OF_HEADS_N = frozenset(_key(k) for k in _OF_HEADS)
_WORDS_N = {_key(k): v for k, v in _WORDS.items()}
_CLUB = frozenset(_key(w) for w in ("نادي", "النادي", "أندية"))


@lru_cache(maxsize=1)
def _country_rows() -> tuple[list[str], ...]:
    """The rows (tab-split lines) of the KB's ``gen_countries.tsv``, read once; none when
    the file is missing."""
    try:
        text = resources.files("rasd.kb").joinpath("data/gen_countries.tsv").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return ()
    return tuple(line.split("\t") for line in text.splitlines())


@lru_cache(maxsize=1)
def _adjective_countries() -> dict[str, str]:
    """Normalised nationality adjective (without the article) → the English country name
    as the KB writes it after "of" ("the United States", "Jordan"), for the adjectives the
    KB's country table ties to a country (ADJ rows with a country code)."""
    rows = [c for c in _country_rows() if not c[0].startswith("#")]
    names = {c[5]: c[2] for c in rows if len(c) > 6 and c[0] == f"loc:{c[5]}" and c[6] == "country"}
    the = {c[5] for c in rows if len(c) > 5 and c[5] in names
           and f"of the {names[c[5]]}" in c[2]}
    out: dict[str, str] = {}
    for c in rows:
        if len(c) < 6 or c[1] != "ADJ" or c[5] not in names:
            continue
        en = ("the " if c[5] in the else "") + names[c[5]]
        for a in c[3].split("|"):
            k = _key(a)
            if k.startswith("ال"):
                k = k[2:]
            if k:
                out.setdefault(k, en)
    return out


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """Normalised nationality adjective (any form, with or without the article) → English
    adjective, from the KB's generated ``gen_countries.tsv`` (ADJ rows)."""
    out: dict[str, str] = {}
    hand: dict[str, str] = {}
    for cols in _country_rows():
        if len(cols) < 4 or cols[1] != "ADJ":
            continue
        en = " ".join(w[:1].upper() + w[1:] for w in cols[2].split())
        # The hand-written country table's rows (adj:sa "Saudi") win over ArWikiCats keys.
        target = hand if len(cols[0]) == 6 else out
        for a in cols[3].split("|"):
            k = _key(a)
            if k.startswith("ال"):
                k = k[2:]
            if k:
                target.setdefault(k, en)
    out.update(hand)
    return out


def _strip(word: str) -> tuple[str, str]:
    """(prefix, stem) of a normalised word: prefix "w" (و and), "l" (لـ / لل of), else "";
    the article is dropped from the stem."""
    pre = ""
    # و "and" is split off before the article or before any known word ("وتقنية"), unless
    # the whole word is itself known ("وطنية", "وزارة").
    if word.startswith("و") and len(word) > 3 and _lookup(_bare(word), False) is None:
        rest = word[1:]
        if rest.startswith(("ال", "لل")) or _lookup(rest, False) is not None:
            pre, word = "w", rest
    if word.startswith("لل") and len(word) > 3:
        return pre + "l", word[2:]
    if word.startswith("ل") and not word.startswith("ال") and len(word) > 3 \
            and _lookup(word[1:], False) is not None:
        return pre + "l", word[1:]
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    return pre, word


def _bare(word: str) -> str:
    """A word without its article (for the "is it a known word itself" test)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _lookup(stem: str, head_first: bool = True) -> str | None:
    """English of a stem; a word that is both an institution noun and a modifier
    ("منظمة" Organization / Organizing) is the noun only with ``head_first``."""
    en = _HEADS_N.get(stem) if head_first else _WORDS_N.get(stem)
    if en is None:
        en = _WORDS_N.get(stem) if head_first else _HEADS_N.get(stem)
    if en is None:
        en = _adjectives().get(stem)
    return en


def _run(words: list[str]) -> str:
    """English of one run of modifiers: read backwards, split at "and"."""
    segs: list[list[str]] = [[]]
    for pre, en in words:
        if "w" in pre and segs[-1]:
            segs.append([])
        if en:
            segs[-1].append(en)
    segs = [s for s in segs if s]
    if len(segs) == 2 and len(segs[0]) >= 2 and len(segs[1]) == 1:
        # "الشؤون البلدية والقروية": two adjectives of one noun → Municipal and Rural Affairs.
        return " ".join(reversed(segs[0][1:])) + " and " + segs[1][0] + " " + segs[0][0]
    return " and ".join(" ".join(reversed(s)) for s in segs)


_MEMO = TwoGen(5_000)


def translate_org(name: str) -> str | None:
    """The word-by-word English name of an organisation made only of known common words
    ("لجنة الإغاثة الدولية" → International Relief Committee), else ``None``."""
    hit = _MEMO[name]
    if hit is None:
        hit = _MEMO.put(name, _translate(name) or "")
    return hit or None


def _translate(name: str) -> str | None:
    words = [normalize(w) for w in _WORD.findall(name)]
    if len(words) < 2 or len(words) > 10 or any(w in _CLUB for w in words):
        return None
    parsed: list[tuple[str, str, str]] = []  # (prefix, stem, English)
    for i, w in enumerate(words):
        pre, stem = _strip(w)
        en = _lookup(stem, not i)
        if en is None:
            return None
        parsed.append((pre if parsed else "", stem, en))  # a leading لـ is the span's
    if not any(stem in _HEADS_N for _, stem, _ in parsed):
        return None
    # The first word is the head when it is an institution noun; the rest splits at the
    # first لـ word into the modifiers of the head and the "of" phrase.
    head = parsed[0] if parsed[0][1] in _HEADS_N and not parsed[0][0] else None
    rest = parsed[1:] if head is not None else parsed
    if head is None:
        mods_en, of_en = _split_of(rest)
        out = mods_en
        if of_en:
            out += " of " + of_en
        return out or None
    head_en = head[2]
    # A nationality adjective closing the name that agrees with the head modifies the head,
    # not the word before it ("وزارة التجارة الأمريكية": the ministry is American). A
    # ministry-like head takes the KB's form "Ministry of Commerce of the United States";
    # other heads put the adjective first ("American Aviation and Space Agency").
    if rest and not rest[-1][0] and rest[-1][1] in _adjectives() \
            and rest[-1][1] not in _WORDS_N and _feminine(rest[-1][1]) == _feminine(head[1]):
        adj_en = rest[-1][2]
        if len(rest) == 1:
            return f"{adj_en} {head_en}"  # "الوزارة الأمريكية": American Ministry
        inner = _translate_parts(head, rest[:-1])
        country = _adjective_countries().get(rest[-1][1])
        if head[1] in _OF_HEADS_N and country:
            return f"{inner} of {country}"
        return f"{adj_en} {inner}"
    return _translate_parts(head, rest)


def _feminine(stem: str) -> bool:
    """Whether a normalised stem is grammatically feminine for agreement: a final ة, a
    sound feminine plural, or a broken plural of a thing (agrees as feminine singular)."""
    return stem.endswith(("ه", "ات")) or stem in _FEM_PLURALS


_FEM_PLURALS = frozenset(_key(w) for w in ("شؤون", "مجالس", "لجان", "هيئات", "قوات"))


def _translate_parts(head: tuple[str, str, str], rest: list[tuple[str, str, str]]) -> str:
    """English of a head noun and its following words (modifiers, then an "of" phrase)."""
    mods_en, of_en = _split_of(rest)
    head_en = head[2]
    if head[1] in _OF_HEADS_N:
        out = f"{head_en} of {mods_en}" if mods_en else head_en
        if of_en:
            out += " for " + of_en
        return out
    if of_en and of_en.split()[-1] in _SPORT:
        return " ".join(x for x in (mods_en, of_en, head_en) if x)
    out = " ".join(x for x in (mods_en, head_en) if x)
    if of_en:
        out += " of " + of_en
    return out


def _split_of(rest: list[tuple[str, str, str]]) -> tuple[str, str]:
    """English of the modifiers before the first لـ word and of the "of" phrase from it."""
    cut = next((i for i, p in enumerate(rest) if "l" in p[0]), len(rest))
    mods_en = _run([(p, e) for p, _, e in rest[:cut]])
    return mods_en, _run([(p.replace("l", ""), e) for p, _, e in rest[cut:]])
