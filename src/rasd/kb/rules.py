"""Pattern rules for entity mentions NER misses and speakers need.

* an outlet or organisation name in quotation marks after a type noun
  (موقع «...»، قناة «...»، صحيفة «...»، وكالة أنباء «...»، حركة «...») → ORG, the quoted text;
* a quoted name right after a speech verb and before a colon or comma
  (وأضاف «إيرنست»: «...») → PER;
* a military rank followed by a surname (اللواء التركي، العميد عسيري) → PER: the surname of
  a person named in full in the document, or name words (not ordinals: "اللواء الثامن" is
  a brigade).

Each rule only adds a mention where no kept mention overlaps; the caller clusters them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasd.kb.link import indices_in, word_norms
from rasd.text.normalize import normalize

# Type nouns that introduce a proper name in quotation marks.
_ORG_HEADS = frozenset(normalize(w) for w in (
    "موقع قناة فضائية صحيفة جريدة مجلة وكالة أنباء إذاعة شبكة تلفزيون محطة منصة حساب صفحة "
    "حركة جماعة تنظيم منظمة حزب شركة مجموعة فصيل كتيبة كتائب لواء جبهة ائتلاف تحالف "
    "جمعية مؤسسة مركز ميليشيا مليشيا هيئة رابطة اتحاد"
).split())
_SPEECH_VERBS = frozenset(normalize(w) for w in (
    "قال قالت أضاف أضافت تابع تابعت أكد أكدت أوضح أوضحت أشار أشارت ذكر ذكرت تساءل "
    "تساءلت أردف أردفت يقول تقول يضيف تضيف تحدث صرح صرحت"
).split())
_RANK_SKIP = frozenset(normalize(w) for w in ("الركن", "المتقاعد", "طيار", "بحري", "ركن"))
_ORDINALS = frozenset(normalize(w) for w in (
    "الأول الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر "
    "الحادي الثاني عشر الأخير الجديد السابق المقبل ذاته نفسه"
).split())
_OPENERS = ("«", '"', "“")
_norm = lru_cache(maxsize=50_000)(normalize)
_QUOTE = re.compile(r"[«\"“]\s*([^«»\"“”\n]{1,60}?)\s*[»\"”]")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def _surface(words: frozenset[str]) -> dict[str, str]:
    """Normalised surface forms of ``words`` with a leading و/ف and ب/ل/ك ("وقناة",
    "لصحيفة", "وأضاف") → the bare word: one dict lookup per word at run time. Forms with
    the article are left out: "الوكالة «...»" / "والتنظيم «الطبقي»" quote a phrase, not a
    name."""
    out: dict[str, str] = {}
    for w in words:
        forms = {w}
        for f in list(forms):
            forms |= {p + f for p in ("ب", "ل", "ك")}
        for f in list(forms):
            forms |= {p + f for p in ("و", "ف")}
        for f in forms:
            out[f] = w
    return out


_ORG_FORMS = _surface(_ORG_HEADS)
_SPEECH_FORMS = _surface(_SPEECH_VERBS)
# Last letters of those forms, and whether an empty word would be one (quoted_mentions).
_BEFORE_LAST = frozenset(f[-1] for f in (*_ORG_FORMS, *_SPEECH_FORMS) if f)
_EMPTY_BEFORE = "" in _ORG_FORMS or "" in _SPEECH_FORMS


def _word_before(text: str, pos: int) -> str:
    j = pos
    while j > 0 and text[j - 1] in " \u00a0\t":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "\u0640"):
        k -= 1
    return text[k:j]


def quoted_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, type, head)`` of quoted outlet/organisation names (``head``: the
    type noun, normalised: "قناة") and quoted speakers (``head`` "")."""
    # The opening marks are found with str.find (C speed) and the pattern is matched only
    # there: the same matches as _QUOTE.finditer (left to right, not overlapping).
    starts = []
    for q in _OPENERS:
        k = text.find(q)
        while k >= 0:
            starts.append(k)
            k = text.find(q, k + 1)
    if not starts:
        return []
    starts.sort()
    out = []
    last = 0
    for k in starts:
        if k < last:
            continue
        m = _QUOTE.match(text, k)
        if m is None:
            continue
        last = m.end()
        # Pre-check on the last letter of the word before (normalize() maps letter by
        # letter, so the normalised word ends with that letter's form).
        j = m.start()
        while j > 0 and text[j - 1] in " \u00a0\t":
            j -= 1
        c = text[j - 1] if j > 0 else ""
        if c != "\u0640":
            if not c.isalpha():
                if not _EMPTY_BEFORE:
                    continue  # no word before the quote
            else:
                nc = _norm(c)
                if nc and nc[-1] not in _BEFORE_LAST:
                    continue
        before = _norm(_word_before(text, m.start()))
        if before not in _ORG_FORMS and before not in _SPEECH_FORMS:
            continue
        s, e = m.start(1), m.end(1)
        inner = m.group(1)
        words = _WORD.findall(inner)
        if not words or len(words) > 5 or _DIGIT.search(inner) or not inner[:1].isalpha():
            continue
        if any(c in inner for c in ".؟?!:؛"):
            continue
        if before in _ORG_FORMS:
            out.append((s, e, "ORG", _ORG_FORMS[before]))
            continue
        if len(words) <= 3 and before in _SPEECH_FORMS:
            k = m.end()
            while k < len(text) and text[k] in " \u00a0":
                k += 1
            if k < len(text) and text[k] in ":،,":
                out.append((s, e, "PER", ""))
    return out


# "قوات التحالف" and "التحالف" after a noun of its forces or deeds ("طائرات التحالف",
# "غارات التحالف", "دول التحالف"): an organisation even where the KB cannot tell which
# coalition (rasd.kb data: Yemen vs Iraq/Syria by focus and co-mentions).
_COALITION = re.compile(
    r"(?<!\w)[وفبل]?(?:(قوات\s+التحالف)|(?:طائرات|طيران|مقاتلات|غارات|دول|قيادة|عمليات|سلاح|"
    r"ضربات|قصف|ناطق\s+باسم|المتحدث\s+باسم)\s+(التحالف))(?!\w)")


COALITION_HEAD = "~coalition"  # the ``head`` of coalition mentions (no KB lookup)
TITLE_HEAD = "~title"  # the ``head`` of names after titles (rasd.kb.rules.title_names)


def coalition_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, "ORG", COALITION_HEAD)`` of coalition mentions by their context."""
    if "التحالف" not in text:
        return []
    out = []
    for m in _COALITION.finditer(text):
        g = 1 if m.group(1) else 2
        out.append((m.start(g), m.end(g), "ORG", COALITION_HEAD))
    return out


_STRONG_RANKS = frozenset(normalize(w) for w in (
    "لواء عميد عقيد نقيب مشير جنرال كولونيل أدميرال أميرال").split())
_WEAK_RANKS = frozenset(normalize(w) for w in "فريق مقدم رائد عماد عريف رقيب".split())


def _rank_forms(stems: frozenset[str]) -> frozenset[str]:
    out = set()
    for st in stems:
        # "اللواء", "للعميد", "بالعقيد"; "للواء" (ل + اللواء with the lam merged).
        for f in ("ال" + st, "لل" + st, "بال" + st, "ل" + st if st[0] == "ل" else "ال" + st):
            out |= {f, "و" + f, "ف" + f}
    return frozenset(out)


_STRONG_FORMS = _rank_forms(_STRONG_RANKS)
_RANK_FORMS = _STRONG_FORMS | _rank_forms(_WEAK_RANKS)


def rank_mentions(text: str, words, surnames_of, is_name, adjectives, freq,
                  norms: list[str] | None = None,
                  among: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans of the names after military ranks ("اللواء التركي" → "التركي").

    ``words``: the document's words (``rasd.kb.link.doc_words``), ``norms`` their
    normalised forms (``rasd.kb.link.word_norms``). ``surnames_of()``: the normalised
    last words of persons named in full in the document (any such word is taken,
    adjectives too). After an unambiguous rank (اللواء، العميد …, not الفريق "the team" or
    المقدم "the presented") also up to three name words (``is_name``) that are not
    ordinals, adjectives or frequent words.
    """
    out: list[tuple[int, int]] = []
    if norms is None:
        norms = word_norms(words)
    if among is not None:
        # ``among``: ascending indices of a superset of the rank words (the stage's one pass).
        idx = [i for i in among if norms[i] in _RANK_FORMS]
    elif _RANK_FORMS.isdisjoint(norms):
        return out
    else:
        idx = indices_in(norms, _RANK_FORMS)
    n = len(words)
    surnames = None
    for i in idx:
        strong = words[i].norm in _STRONG_FORMS
        spans: list[tuple[int, int, str]] = []
        pos = words[i].end
        j = i + 1
        while j < n and len(spans) < 3:
            w = words[j]
            if text[pos:w.start].strip(" \u00a0"):
                break
            if not spans and w.norm in _RANK_SKIP:
                pos, j = w.end, j + 1
                continue
            spans.append((w.start, w.end, w.norm))
            pos, j = w.end, j + 1
        if not spans:
            continue
        s0, e0, w0 = spans[0]
        if surnames is None:
            surnames = surnames_of()
        if w0 in surnames:
            out.append((s0, e0))
            continue
        if not strong:
            continue
        end = None
        for s, e, nw in spans:
            if nw in _ORDINALS or nw in adjectives or _DIGIT.search(nw) or freq.get(nw, 0) >= 480 \
                    or not is_name(nw):
                break
            end = e
        if end is not None:
            out.append((s0, end))
    return out


# -- names after titles ----------------------------------------------------------------------
# "المتحدث الرسمي لوزارة العمل تيسير المفرج", "مدير عام الشركة فهد العتيبي", "الدكتورة فوزية
# الرميح": an unknown person named right after a title or role noun phrase. The title may be
# followed by its modifiers, an organisation/place genitive (definite words, "لوزارة",
# "عام", a kept ORG/LOC mention); the name then starts with a given name and has 2–4 words.
_TITLE_STEMS = (
    "وزير وزيرة المتحدث المتحدثة الناطق الناطقة مدير مديرة رئيس رئيسة أمين نائب مستشار "
    "مستشارة سفير سفيرة الدكتور الدكتورة د الشيخ الشيخة المهندس المهندسة الأستاذ الأستاذة "
    "المحامي المحامية اللواء العقيد العميد المقدم الرائد النقيب الفريق محافظ وكيل مساعد "
    "قائد عميد عضو مسؤول مسؤولة مندوب ممثل ممثلة أمير الأمير الأميرة رجل الباحث الباحثة "
    "الخبير الخبيرة الإعلامي الإعلامية الكاتب الكاتبة المواطن المواطنة الطبيب الطبيبة "
    "المدرب اللاعب الفنان الفنانة القاضي الداعية المفتي الإمام الخطيب المذيع المذيعة معالي "
    "سمو"
)


def _title_forms() -> frozenset[str]:
    out: set[str] = set()
    for t in _TITLE_STEMS.split():
        w = normalize(t)
        forms = {w}
        if w.startswith("ال"):
            forms |= {"لل" + w[2:], "بال" + w[2:]}
        else:
            forms |= {"ال" + w, "لل" + w, "بال" + w, "ل" + w}
        out |= forms | {"و" + f for f in forms} | {"ف" + f for f in forms}
    return frozenset(out)


TITLE_FORMS = _title_forms()
# Words inside the title phrase that are neither definite nor a mention: modifiers and the
# heads of construct-state organisation names ("مدير عام", "رئيس نادي ...").
_TITLE_INNER = frozenset(normalize(w) for w in (
    "عام عامة باسم شؤون إدارة ادارة وزارة هيئة شركة مجلس جامعة نادي جمعية مؤسسة مركز "
    "بنك مصرف مكتب قسم لجنة مجموعة صندوق غرفة مستشفى كلية معهد إمارة منطقة محافظة "
    "بلدية أمانة فرع برنامج مشروع اتحاد حزب دار قطاع جهاز صحيفة قناة وكالة مدرسة "
    "سمو معالي فضيلة"
).split())
# Stops: complementizers, prepositions, conjunction-led speech verbs (caught by frequency).
_TITLE_STOP = frozenset(normalize(w) for w in (
    "إن أن أنه إنه أنها إنها أنهم بأن لأن في من على إلى عن مع بعد قبل خلال حول عند لدى "
    "منذ حتى الذي التي الذين أو ثم كما لكن بين ضد نحو عبر"
).split())
# Titles whose next word is usually the place governed.
_PLACE_TITLES = frozenset(f for f in TITLE_FORMS if f.lstrip("وف").removeprefix("ال")
                          .removeprefix("لل").removeprefix("بال").removeprefix("ل")
                          in (normalize("محافظ"), normalize("أمير")))
# First letters of words that are not taken as rarer given names (clitics ب/ل/ك/و/ف, ال).
_LOOSE_NOT_FIRST = frozenset("بلكوف")
_KING = normalize("الملك")
# Words that link parts of a name.
_NAME_LINKS = frozenset(normalize(w) for w in "بن بنت ابن أبو أبي آل عبد".split())


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Given names: the NER gazetteer's first-name class (words rare enough not to be
    common nouns: "امام", "بيان", "امر" are out) and the extension rule's list."""
    return _name_sets()[0]


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Single-word place names of the NER gazetteer ("دومة"): never a given name here."""
    return _name_sets()[1]


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Place names of two to four words of the NER gazetteer ("دومه الجندل")."""
    return _name_sets()[2]


@lru_cache(maxsize=1)
def _name_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from importlib import resources

    from rasd.text.tokens import word_frequencies

    freq = word_frequencies()
    out = set(_GIVEN)
    places = set()
    long_places = set()
    try:
        path = resources.files("rasd.ner").joinpath("data/gazetteer.tsv")
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                k, _, c = line.rstrip("\n").partition("\t")
                if " " in k:
                    if "L" in c and k.count(" ") <= 3:
                        long_places.add(k)
                    continue
                if "F" in c and len(k) >= 3 and freq.get(k, 0) < 470:
                    out.add(k)
                elif "L" in c:
                    places.add(k)
    except OSError:  # no NER data shipped: the hand list only
        pass
    return (frozenset(out - _TITLE_STOP - _ORDINALS), frozenset(places - out),
            frozenset(long_places))


@lru_cache(maxsize=1)
def _definite_clusters() -> dict[str, tuple[str, str]]:
    """Definite words of the NER word clusters (shipped statistics of the news corpus):
    word → (top-level cluster, log-frequency bucket). ``{}`` without the file."""
    from importlib import resources

    out: dict[str, tuple[str, str]] = {}
    try:
        path = resources.files("rasd.ner").joinpath("data/clusters.tsv")
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.startswith("ال"):
                    p = line.rstrip("\n").split("\t")
                    if len(p) >= 4:
                        out[p[0]] = (p[1].partition(".")[0], p[3])
    except OSError:
        pass
    return out


# The top-level word cluster that holds the family names "ال…" (العتيبي، الغامدي، الحارثي,
# المالكي …; 40 clusters, rasd.ner clusters.tsv).
_FAMILY_CLUSTER = "11"


def _family_name(nw: str) -> bool:
    """May the normalised definite word be a family name after a given name? A word of the
    family-name cluster, a rare word (frequency bucket ≤ 2: "المزعل", "العلاق") or one the
    clusters do not know; not a facility adjective ("التخصصي") or a common noun of another
    cluster ("العزاء", "المذيع", "الإخوان")."""
    if nw in _CLOSING or nw in TITLE_FORMS:
        return False
    c = _definite_clusters().get(nw)
    return c is None or c[0] == _FAMILY_CLUSTER or c[1] <= "2"


def warm() -> None:
    """Load the name lists and word clusters title_names reads (once per process; the
    stage does it when built, so that no article pays for it)."""
    _name_sets()
    _definite_clusters()


def _given(nw: str) -> bool:
    """Is the normalised word a given name ("فهد", "عبدالله", "عبدالرحمن")?"""
    if nw in _first_names():
        return True
    return len(nw) >= 6 and nw.startswith("عبد") and nw[3:5] == "ال"


def title_names(text: str, words, is_name, adjectives, freq,
                norms: list[str] | None = None,
                covered=None) -> list[tuple[int, int]]:
    """Spans of person names right after a title phrase (see above).

    ``words``/``norms``: the document's words and their normalised forms;
    ``is_name(nw)``: a person-name word; ``covered(start, end)``: the type of a kept
    mention over that word or ``None`` (ORG/LOC mentions are skipped as part of the title
    phrase; a PER mention ends the search: the title has its name).
    """
    out: list[tuple[int, int]] = []
    if norms is None:
        norms = word_norms(words)
    if TITLE_FORMS.isdisjoint(norms):
        return out
    n = len(words)
    for i in indices_in(norms, TITLE_FORMS):
        pos = words[i].end
        j = i + 1
        inner = 0
        start = None
        gen_per = False
        while j < n and inner <= 6:
            w = words[j]
            if text[pos:w.start].strip(" \u00a0"):
                break  # punctuation (also a word of its own) or a line break
            nw = w.norm
            cov = covered(w.start, w.end) if covered is not None else None
            if cov == "PER":
                # "مدير مكتب العبادي مهدي العلاق": a person after an office noun is a
                # genitive of the title; any other ends the search (the title has its name).
                if not (gen_per or norms[j - 1] in _TITLE_INNER):
                    break
                gen_per = True
                pos, j, inner = w.end, j + 1, inner + 1
                continue
            gen_per = False
            if nw in _TITLE_STOP:
                break
            if cov is None and text[w.end - 2:w.end] != "يه" and (_given(nw) or (
                    # ("ناديه": "his club", not نادية; the suffix ه after ي is possessive.)
                    # Rarer given names ("مسعد", "هويدا"): a person-name word that is not a
                    # place, a common word or a word with a leading clitic ("بأم القرى").
                    is_name(nw) and freq.get(nw, 0) < 450 and nw[:1] not in _LOOSE_NOT_FIRST
                    and not nw.startswith("ال")
                    and nw not in _place_words())):
                start = j
                loose = not _given(nw)
                break
            if cov is not None or nw in _TITLE_INNER or nw in TITLE_FORMS \
                    or nw.startswith(("ال", "لل", "بال", "وال")) \
                    or (nw[:1] in "لب" and len(nw) >= 4 and freq.get(nw, 0) < 480):
                pos, j, inner = w.end, j + 1, inner + 1
                continue
            break
        if start is None or norms[start - 1] == _KING:
            continue  # "مستشفى الملك عبدالعزيز": a king's name in an institution's
        # The name: the given name and up to three more name words.
        end_j = start
        k = start + 1
        pos = words[start].end
        while k < n and k - start < 4:
            w = words[k]
            if text[pos:w.start].strip(" \u00a0"):
                break
            nw = w.norm
            if covered is not None and covered(w.start, w.end) is not None:
                break
            if nw in _TITLE_STOP or nw in _ORDINALS or nw in adjectives or _DIGIT.search(nw):
                break
            if nw in _NAME_LINKS:
                # "بن"/"أبو"/"آل" only with a name after them.
                pos, k = w.end, k + 1
                continue
            if words[k - 1].norm in _NAME_LINKS and k - 1 > start:
                ok = True  # "بن مساعد": any word after a name link is a name
            elif nw.startswith("ال") and len(nw) >= 5:
                ok = freq.get(nw, 0) < 480 and _family_name(nw)
            else:
                ok = (is_name(nw) or _given(nw)) and freq.get(nw, 0) < 480
            if not ok:
                break
            end_j = k
            pos, k = w.end, k + 1
        if end_j == start:
            continue  # a given name alone is not enough
        if loose and start == i + 1 and norms[i] in _PLACE_TITLES:
            continue  # "محافظ دومة الجندل", "أمير منطقة": the place governed
        if loose and not words[end_j].norm.startswith("ال"):
            continue  # a rarer first word needs a family name "ال…" ("مسعد فودة" is not taken)
        if " ".join(words[x].norm for x in range(start, end_j + 1)) in _place_names():
            continue  # "محافظ دومة الجندل": a place
        span = (words[start].start, words[end_j].end)
        if not out or out[-1] != span:  # "نائب الرئيس فلان": two titles, one name
            out.append(span)
    return out


# -- name extensions -----------------------------------------------------------------------
# A facility noun right before a name makes the facility the entity ("مستشفى أبورديس" is
# the hospital, not the town; "مسجد الإمام علي" the mosque), with the facility's type as the
# gold format has it (hospitals, universities, schools ORG; mosques, airports, districts,
# villages, forests, provinces LOC). حي/قرية/غابة/محافظة are part of the name in the
# gold format; مدينة and منطقة are not ("مدينة عدن" → "عدن"), so they are not here.
_FACILITY = {normalize(k): v for k, v in {
    "مستشفى": "ORG", "جامعة": "ORG", "مدرسة": "ORG", "كلية": "ORG", "معهد": "ORG",
    "مسجد": "LOC", "جامع": "LOC", "مطار": "LOC", "ميناء": "LOC", "سجن": "LOC",
    "ملعب": "LOC", "استاد": "LOC", "قاعدة": "LOC", "شارع": "LOC", "طريق": "LOC",
    "سد": "LOC", "حي": "LOC", "قرية": "LOC", "غابة": "LOC",
    # provinces: "ولاية لوغار", "محافظة لحج", "إقليم لوغار" (NER mostly has them already)
    "ولاية": "LOC", "محافظة": "LOC", "إقليم": "LOC",
}.items()}
# Two-word heads: Egyptian governorates' police headquarters ("مديرية أمن الجيزة").
_FACILITY2 = {(normalize("مديرية"), normalize("أمن")): "ORG"}
_HEAD2_FIRST = frozenset(k[0] for k in _FACILITY2)
_HEAD2_SECOND = frozenset(k[1] for k in _FACILITY2)
# The mention types each head may stand before. Facilities are named after places,
# bodies and persons ("مسجد الحسين بن علي", "مستشفى الملك فهد", "ملعب أولد ترافورد"); a
# base after a place or person ("قاعدة حميميم", not "قاعدة الأمم المتحدة", the UN's base);
# a prison not after a person ("سجن مرسي" is Morsi's imprisonment); districts, villages,
# forests, dams and roads only before place names ("حي الله" is a greeting).
_ANY = frozenset(("LOC", "ORG", "MISC", "PER"))
_HEAD_TYPES = {normalize(k): v for k, v in {
    "مستشفى": _ANY, "جامعة": _ANY, "مدرسة": _ANY, "كلية": _ANY, "معهد": _ANY,
    "مسجد": _ANY, "جامع": _ANY, "مطار": _ANY, "ميناء": _ANY, "ملعب": _ANY, "استاد": _ANY,
    "سجن": frozenset(("LOC", "ORG", "MISC")), "قاعدة": frozenset(("LOC", "PER")),
    "شارع": frozenset(("LOC", "PER")),
}.items()}
_LOC_ONLY = frozenset(("LOC",))
_PITCH = normalize("ملعب")
_BALL = normalize("الكرة")


def _ball_before(text: str, pos: int, lo: int) -> bool:
    """Is "الكرة" one of the three words before ``pos`` (the idiom "الكرة في ملعب X")?"""
    for _ in range(3):
        w = _word_at_left(text, pos, lo)
        if w is None:
            return False
        if _norm(w[2]) == _BALL:
            return True
        pos = w[0]
    return False
# Heads that name the same place as the bare name ("حي العنود" = "العنود", "ولاية لوغار" =
# "لوغار"): one entity with it (unlike "مطار عدن", which is not Aden).
_SAME_PLACE = frozenset(normalize(w) for w in "حي قرية غابة ولاية محافظة إقليم".split())
# A road only with its closing adjective ("طريق العريش الدائري"): "طريق فلسطين" is often
# "the road to Palestine".
_NEEDS_CLOSING = frozenset((normalize("طريق"),))
# Adjectives closing a facility name ("مستشفى الطور العام", "طريق العريش الدائري").
_CLOSING = frozenset(normalize(w) for w in (
    "العام الدولي المركزي التخصصي الجامعي الدائري الوطني العسكري الميداني الحكومي "
    "الكبير الساحلي").split())
# Words that begin place names (تل براك، جبل سنجار، وادي بردى، رأس لانوف، بئر العبد):
# before a place name they are part of it, and name another place ("رأس العين").
_PLACE_PREFIX = frozenset(normalize(w) for w in (
    "تل جبل وادي عين بئر رأس دير كفر خان سيدي").split())
# Frequent Arabic given names that are rarely a common word right before a name; a
# person mention right after one was cut by NER ("عمر عجلة بن زكي" → "عجلة بن زكي").
# Not علي (normalised like the preposition على), أمين (أمين عام), نور/أمل/سلام (nouns).
_GIVEN = frozenset(normalize(w) for w in (
    "محمد أحمد محمود مصطفى عمر عثمان خالد حسن حسين حسان إبراهيم إسماعيل يوسف يونس "
    "يحيى موسى عيسى داود سليمان سلمان سلطان فهد فيصل بندر تركي نايف مشعل متعب سعود "
    "طلال سعد سعيد سالم صالح ناصر منصور طارق ماجد وليد زياد جمال كمال عادل عماد هشام "
    "هاني سامي رامي ياسر ياسين جعفر حمزة أنس بلال زكي مراد مروان نبيل نزار بشار بشير "
    "رياض رائد رشيد شريف عاطف عصام عمرو غسان فؤاد فارس قاسم كريم لؤي مازن مجدي مهدي "
    "نجيب هيثم وائل وسام ياسين أيمن أسامة إياد باسل جواد حازم حامد حمد راشد سيف شادي "
    "صلاح ضياء طه عبدالله عبدالرحمن عبدالعزيز عبدالكريم عبدالرحيم عبدالسلام عبدالقادر "
    "فاطمة عائشة مريم زينب خديجة ليلى سارة هدى").split())
# Afghan and Pakistani compound given names ("دين محمد", "نور أحمد", "گل محمد").
_COMPOUND_FIRST = frozenset(normalize(w) for w in (
    "دين نور غل گل شير فيض تاج خان دوست يار ولي جان فقير").split())
_COMPOUND_SECOND = frozenset(normalize(w) for w in "محمد أحمد".split())
_COMPOUND_COUNTRIES = frozenset(("AF", "PK"))
_PREP_BEFORE = frozenset(normalize(w) for w in "في عن من إلى على".split())
_CLITIC_LETTERS = frozenset("وفبلك")


def _trigger_forms() -> frozenset[str]:
    """Normalised whole-word forms (with clitics) of every word that can start an
    extension: a document without one needs no further look."""
    out: set[str] = set()
    for w in set(_FACILITY) | _HEAD2_FIRST:
        out |= {w} | {c + w for c in "وفبلك"} | {c + d + w for c in "وف" for d in "بلك"}
    for w in _PLACE_PREFIX:
        out |= {w} | {c + w for c in "وفب"} | {c + "ب" + w for c in "وف"}
    out |= _GIVEN | {"و" + w for w in _GIVEN} | _COMPOUND_FIRST | _HEAD2_SECOND
    return frozenset(out)


def _word_at_left(text: str, pos: int, lo: int) -> tuple[int, int, str] | None:
    """``(start, end, word)`` of the word right before ``pos`` (spaces only in between),
    not reaching before ``lo``."""
    j = pos
    while j > lo and text[j - 1] in " \u00a0":
        j -= 1
    k = j
    while k > lo and text[k - 1].isalpha():
        k -= 1
    return (k, j, text[k:j]) if k < j and (k == 0 or not text[k - 1].isalnum()) else None


def _word_at_right(text: str, pos: int, hi: int) -> tuple[int, int, str] | None:
    j = pos
    while j < hi and text[j] in " \u00a0":
        j += 1
    k = j
    while k < hi and text[k].isalpha():
        k += 1
    return (j, k, text[j:k]) if j < k and (k == len(text) or not text[k].isalnum()) else None


def _head(word: str, table, clitics: frozenset[str] = _CLITIC_LETTERS) -> tuple[int, str] | None:
    """``(clitic letters, head)`` when ``word`` is a head of ``table`` with at most two
    leading clitic letters (وبمستشفى → 2, مستشفى)."""
    w = _norm(word)
    for k in range(0, 3):
        if k and (len(word) <= k or word[k - 1] not in clitics):
            return None
        if w[k:] in table:
            return k, w[k:]
    return None


def extend_name(text: str, start: int, end: int, typ: str, linked: bool, lo: int, hi: int,
                focus: str | None = None) -> tuple[int, int, str, str, str] | None:
    """A longer name around the mention ``text[start:end]``, or ``None``.

    Returns ``(start, end, type, how, head)``: ``how`` is "facility" (a facility noun
    before it: the facility is the entity, closing adjectives included), "same" (a
    district, village, forest or province noun: the same place, named with it), "place" (a
    place-name prefix: تل براك), or "given" (a given name before a person's name NER
    cut: عمر عجلة بن زكي; "دين محمد درويش" for Afghanistan and Pakistan). ``lo``/``hi``:
    the end of the previous and the start of the next kept mention (not crossed).
    ``linked``: the mention is linked to the KB (then no given-name extension: a KB
    person's surname after another first name is another person).
    """
    if not text[start:start + 1].isalpha():
        return None
    left = _word_at_left(text, start, lo)
    if left is None:
        return None
    ls, le, lw = left
    if typ in ("LOC", "ORG", "MISC", "PER"):
        h = _head(lw, _FACILITY)
        if h is not None and typ not in _HEAD_TYPES.get(h[1], _LOC_ONLY):
            h = None
        if h is not None and h[1] == _PITCH and _ball_before(text, ls, lo):
            h = None  # "الكرة الآن في ملعب موسكو": the ball is in Moscow's court
        if h is None and typ == "LOC" and _norm(lw) in _HEAD2_SECOND:
            # "مديرية أمن جنوب سيناء": a two-word head.
            b2 = _word_at_left(text, ls, lo)
            if b2 is not None:
                h2 = _head(b2[2], _HEAD2_FIRST)
                if h2 is not None and (h2[1], _norm(lw)) in _FACILITY2:
                    return b2[0] + h2[0], end, _FACILITY2[(h2[1], _norm(lw))], "facility", \
                        h2[1] + " " + _norm(lw)
        if h is not None:
            e = end
            while True:
                r = _word_at_right(text, e, hi)
                if r is None or _norm(r[2]) not in _CLOSING:
                    break
                e = r[1]
            if e > end or h[1] not in _NEEDS_CLOSING:
                how = "same" if h[1] in _SAME_PLACE else "facility"
                return ls + h[0], e, _FACILITY[h[1]], how, h[1]
    if typ == "LOC":
        h = _head(lw, _PLACE_PREFIX, frozenset("وفب"))
        if h is not None:
            return ls + h[0], end, "LOC", "place", h[1]
    if typ == "PER" and not linked:
        w = _norm(lw)
        k = 1 if lw[:1] == "و" and w[1:] in _GIVEN else 0
        if k or w in _GIVEN:
            # "في عمر خالد" (in Khalid's life), "عن عمر" (at the age of): not a name.
            before = _word_at_left(text, ls, lo)
            if before is not None and _norm(before[2]) in _PREP_BEFORE:
                return None
            return ls + k, end, "PER", "given", w[k:]
        if w in _COMPOUND_FIRST and focus in _COMPOUND_COUNTRIES:
            first = _norm(text[start:end]).split(" ", 1)[0]
            if first in _COMPOUND_SECOND:
                return ls, end, "PER", "given", w
    return None


TRIGGERS = _trigger_forms()

# Role nouns that open an apposition after a person's name ("محمد رحيم امين حاكم منطقة
# بركي براك"): the title words without a clitic or article (with the article only the
# spokesman words: "الفريق" is also "the team", "نجم الفريق" the team's star), and a few
# more heads of local office.
_ROLE_AFTER = frozenset(normalize(w) for w in _TITLE_STEMS.split() if not w.startswith("ال")
                        and w not in ("د", "رجل", "سمو", "معالي")) | \
    frozenset(normalize(w) for w in
              "المتحدث المتحدثة الناطق الناطقة حاكم والي زعيم عمدة".split())


def extend_right(text: str, start: int, end: int, hi: int, is_name, freq) -> int | None:
    """The end of a person's name NER cut one word short on the right, or ``None``.

    The word after the mention joins it when it is a rarer person-name word (``is_name``,
    frequency < 480 like title_names' name words; not a title, stop word or "ال…" word) and
    a role noun follows it, after at most a comma: "محمد رحيم [امين] حاكم منطقة …" (the
    role noun opens the apposition, so the word before it still belongs to the name).
    ``hi``: the start of the next kept mention (not crossed).
    """
    r = _word_at_right(text, end, hi)
    if r is None or r[0] - end > 1:
        return None
    nw = _norm(r[2])
    # (A title word that is also a name, "أمين", is taken only before a role noun, as
    # any word here: "أمين عام" is not followed by one.)
    if len(nw) < 3 or nw.startswith("ال") or nw in _TITLE_STOP \
            or not is_name(nw) or freq.get(nw, 0) >= 480:
        return None
    j = r[1]
    if text[j:j + 1] == "،":
        j += 1
    nxt = _word_at_right(text, j, len(text))
    if nxt is None or nxt[0] - j > 1 or _norm(nxt[2]) not in _ROLE_AFTER:
        return None
    return r[1]
