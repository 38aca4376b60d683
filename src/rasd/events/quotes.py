"""Quotations and reported speech with their speakers.

* direct: words between « », “ ”, or straight double quotes, with a speech cue before
  them (قال، أضاف، أكد ... or a colon) or after them (« ... »، قال X);
* indirect: a cue verb followed by a complementizer (قال إن، أكد أن، أشار إلى أن ...),
  a cue verb with its preposition and a noun (شدد على ضرورة ...، حذر من ...، دعا إلى ...),
  or an attribution (وحسب X فإن ...، ... حسبما أفادت X).

The speaker is the entity named in the cue's subject (a person is preferred to the
organisation in the same phrase); a cue with no named subject (وأضاف، مضيفا، وأضاف
البيان) continues the previous speaker; a bare title (وقال قائد شرطة الولاية) is the
person named with that title elsewhere in the article. A name alone in quotation marks
(وأضاف «إيرنست»: «...») is a speaker, not a quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rasd.cache import TwoGen
from rasd.doc import Doc, Quote
from rasd.events.lexicon import imperfect_forms, load_lexicon, perfect_forms
from rasd.events.mentions import Layout, MentionRef
from rasd.text.normalize import normalize

#: Cue verbs (3ms perfect, 3ms imperfect) of speech.
_CUE_VERBS = (
    ("قال", "يقول"), ("أضاف", "يضيف"), ("أكد", "يؤكد"), ("أوضح", "يوضح"), ("أشار", "يشير"),
    ("صرح", "يصرح"), ("حذر", "يحذر"), ("أعلن", "يعلن"), ("ذكر", "يذكر"), ("أفاد", "يفيد"),
    ("رأى", "يرى"), ("اعتبر", "يعتبر"), ("شدد", "يشدد"), ("لفت", "يلفت"), ("تابع", "يتابع"),
    ("زعم", "يزعم"), ("نفى", "ينفي"), ("كشف", "يكشف"), ("أعرب", "يعرب"),
    ("أبلغ", "يبلغ"), ("أردف", "يردف"), ("استطرد", "يستطرد"), ("ختم", "يختم"),
    ("اتهم", "يتهم"), ("دعا", "يدعو"), ("طالب", "يطالب"), ("وصف", "يصف"), ("اعترف", "يعترف"),
    ("أقر", "يقر"), ("جدد", "يجدد"), ("أبدى", "يبدي"), ("نوه", "ينوه"), ("قالا", "0"),
)
#: Participles and nouns that introduce speech (مضيفا أن، قائلا، بقوله).
_CUE_NOUNS = ("مضيفا", "مضيفة", "مشيرا", "مشيرة", "موضحا", "موضحة", "مؤكدا", "مؤكدة",
              "معتبرا", "معتبرة", "لافتا", "لافتة", "قائلا", "قائلة", "محذرا", "محذرة",
              "مشددا", "مشددة", "داعيا", "داعية", "مطالبا", "مطالبة", "متهما", "متهمة",
              "قوله", "بقوله", "قولها", "بقولها", "التأكيد", "تأكيده", "مكتفيا", "مكتفية",
              "منوها", "مبينا", "مبينة", "كلمة", "بعنوان")
#: Cues that take a noun complement after a preposition (شدد على ضرورة ...).
_PREP_CUES = {normalize(v): p for v, p in (
    ("شدد", "على"), ("أكد", "على"), ("التأكيد", "على"), ("حذر", "من"), ("دعا", "إلى"),
    ("أشار", "إلى"), ("طالب", "ب"), ("مشددا", "على"), ("داعيا", "إلى"), ("داعية", "إلى"),
    ("محذرا", "من"), ("مشيرا", "إلى"), ("مؤكدا", "على"), ("اتهم", "ب"),
    ("متهما", "ب"),
)}
def _prep_cue_map() -> dict[str, str]:
    out: dict[str, str] = {}
    impf = {normalize(p): normalize(i) for p, i in _CUE_VERBS if i != "0"}
    for lem, prep in list(_PREP_CUES.items()):
        forms = {lem}
        if lem in impf:
            forms |= perfect_forms(lem) | {f for f in imperfect_forms(impf[lem]) if len(f) >= 3}
        for f in forms:
            out.setdefault(f, prep)
    return out


#: Cues that can take the reported event itself as object (أعلن القبض على ...).
_OBJECT_CUES = frozenset(normalize(w) for w in (
    "أعلن", "أعلنت", "أعلنوا", "يعلن", "تعلن", "أكد", "أكدت", "يؤكد", "تؤكد", "كشف", "كشفت",
    "ذكر", "ذكرت", "أفاد", "أفادت"))
_ATTRIB = frozenset(normalize(a) for a in ("حسب", "وحسب", "بحسب", "وبحسب", "وفق", "ووفق",
                                         "وفقا", "حسبما", "بحسبما", "نقلا", "ووفقا"))
_COMP = frozenset(normalize(w) for w in (
    "إن", "أن", "بأن", "انه", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأنه", "بأنها",
    "بأنهم", "فإن", "إنهما", "أنهما", "إننا", "أننا", "إنني", "أنني", "بأنني", "بأننا"))
#: Words before أن that make it a plain conjunction ("بعد أن"، "دون أن"), not reported speech.
_CONJ_PREV = frozenset(normalize(w) for w in (
    "بعد", "قبل", "دون", "بدون", "عقب", "منذ", "رغم", "برغم", "ريثما", "لمجرد", "بمجرد"))
#: Cue-shaped words that are something else: بدأ "begin" (تبدأ), "في إشارة إلى" (a
#: reference), طالبا "a student", بالتأكيد "certainly".
_NOT_CUES = frozenset(normalize(w) for w in (
    "تبدأ", "يبدأ", "نبدأ", "وتبدأ", "ويبدأ", "فتبدأ", "إشارة", "وإشارة", "بإشارة", "الإشارة",
    "طالبا", "بالتأكيد", "وبالتأكيد", "نصف", "ونصف", "بنصف"))  # نصف: "half", not "we describe"
#: Passive "it is mentioned/noted that" (يذكر أن، يشار إلى أن): background, no speaker.
_PASSIVE_CUES = frozenset(normalize(w) for w in ("يذكر", "ويذكر", "يشار", "ويشار"))
#: بيّن "state" (وبين X أن) is spelt like بين "between": a cue only when a complementizer
#: follows within a few words.
_WEAK_CUES = frozenset(normalize(w) for w in ("وبين", "بينت", "وبينت", "يبين", "ويبين", "فبين"))
#: Kinship / group words: a name after them ("والد الجندي فلان"، "قبيلة آل فلان") is not
#: the speaker.
_KIN = frozenset(normalize(w) for w in (
    "والد", "والدة", "شقيق", "شقيقة", "نجل", "نجلة", "زوج", "زوجة", "ابنة", "خال", "قبيلة",
    "قبائل", "عائلة", "أسرة", "ذوي", "أقارب", "أخو", "أخت", "جد", "جدة", "حفيد"))
_ALLAH = normalize("الله")


def _is_kin(w: str) -> bool:
    """A kinship/group word, also with a possessive suffix or as a dual ("والداها"،
    "شقيقه"، "زوجته")."""
    if _bare_al(w) in _KIN:
        return True
    for suf in ("هما", "هم", "ها", "ه"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[:-len(suf)]
            if stem.endswith("ت"):
                stem = stem[:-1] + "ه"  # زوجته → زوجه
            return stem in _KIN or (stem.endswith("ا") and stem[:-1] in _KIN)
    return w.endswith("ان") and w[:-2] in _KIN
#: Generic subject nouns that do not name the speaker (the previous speaker is meant).
_GENERIC = frozenset(normalize(w) for w in (
    "البيان", "المصدر", "التقرير", "الرسالة", "المتحدث", "الناطق", "البعثة", "الوزارة",
    "نفس", "ذات", "المسؤول", "البيان", "الوكالة", "الشبكة", "القناة", "المجلس"))
_OPEN = {"«": "»", "“": "”", "\"": "\"", "„": "”"}
_ANY_QUOTE = frozenset("«»“”\"„")
_ADVERBIAL = frozenset(normalize(w) for w in (
    "أمس", "اليوم", "في", "خلال", "من", "جديد", "قائلا", "أيضا", "كذلك", "بيان", "كلمة",
    "له", "لها", "مؤتمر", "صحافي", "صحفي", "الصحفيين", "للصحفيين", "وسائل", "الإعلام",
))


def _cue_forms() -> frozenset[str]:
    out: set[str] = set()
    for perf, impf in _CUE_VERBS:
        p = normalize(perf)
        out |= perfect_forms(p)
        if impf != "0":
            out |= {f for f in imperfect_forms(normalize(impf)) if len(f) >= 3}
    out |= {normalize(n) for n in _CUE_NOUNS}
    return frozenset(out)


CUE_FORMS = _cue_forms()
_NOUN_CUES = frozenset(normalize(n) for n in _CUE_NOUNS)
PREP_CUE_FORMS: dict[str, str] = {}
_ENC = ("ها", "ه", "هم", "هما")


def is_cue(norm: str) -> bool:
    """Is this normalised token a speech cue (with و/ف/ل/ب/س stripped if needed)?"""
    return _cue_base(norm) is not None


_CUE_MISS = object()
# norm → cue form or None; two generations of 50k words (rasd.cache), _CUE_MISS on a miss
_CUE_MEMO = TwoGen(50_000, miss=_CUE_MISS)


def _cue_base(norm: str) -> str | None:
    """The cue form inside ``norm`` (clitics and a pronoun suffix stripped), or None."""
    out = _CUE_MEMO[norm]
    if out is _CUE_MISS:
        out = _CUE_MEMO.put(norm, _cue_base_uncached(norm))
    return out


def _cue_base_uncached(norm: str) -> str | None:
    if norm in _NOT_CUES:
        return None
    for p in ("", "و", "ف", "وس", "س", "ل", "ب"):
        if p and not norm.startswith(p):
            continue
        rest = norm[len(p):]
        if rest in CUE_FORMS:
            return rest
        for e in _ENC:
            if rest.endswith(e) and rest[: -len(e)] in CUE_FORMS and len(rest) - len(e) >= 3:
                return rest[: -len(e)]
    return None


def is_speech_verb(norm: str) -> bool:
    """A finite speech verb (قال، أكد، وأضاف ...) — a cue that is not a participle/noun."""
    base = _cue_base(norm)
    return base is not None and base not in _NOUN_CUES


_NORM_MEMO: dict[str, str] = {}


def _norm_memo(s: str) -> str:
    n = _NORM_MEMO.get(s)
    if n is None:
        n = _NORM_MEMO[s] = normalize(s)
    return n


def _strip_conj(norm: str) -> str:
    return _cue_base(norm) or norm


@dataclass
class _Q:
    start: int
    end: int
    kind: str
    cue: tuple[int, int] | None
    cue_wi: int | None
    speaker: str | None
    continues: object  # False, True (previous speaker), "sentence" (this sentence's) or "scripture"


_OPEN_RX = re.compile("[" + "".join(_OPEN) + "]")


def _quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(open, close, content_start, content_end) of paired quotation marks."""
    out = []
    i = 0
    search = _OPEN_RX.search
    while True:
        mo = search(text, i)
        if mo is None:
            break
        i = mo.start()
        c = text[i]
        close = _OPEN[c]
        j = text.find(close, i + 1)
        # Straight quotes never span a line; typographic ones may span several.
        if j > 0 and j - i < 3000 and (c != "\"" or "\n" not in text[i + 1:j]):
            out.append((i, j + 1, i + 1, j))
            i = j + 1
            continue
        i += 1
    return out


_UNNAMED = frozenset(normalize(w) for w in (
    "مصدر", "مصادر", "مسؤول", "مسؤولون", "مسؤولين", "مسؤولا", "مسؤولاً", "شاهد", "شهود",
    "ضابط", "متطوع", "خبراء", "خبير", "محلل", "محللون", "سكان", "مراقبون", "ناشطون", "ناشط",
    "مسعف", "مسعفون", "طبيب", "أطباء", "دبلوماسي", "دبلوماسيون", "مصدرا", "نائب", "وسائل",
    "تقارير", "التقارير", "صحف", "وكالات", "مصادر", "أنباء", "معلومات", "مراقبين", "المصادر"))
_PARTICIPLES = frozenset(normalize(w) for w in _CUE_NOUNS) - {normalize("بعنوان"), normalize("كلمة")}
#: Quantifiers of an unnamed group: "أفاد الكثير أنه"، "قال أحد الفائزين"، "يقول بعض".
_SOME = frozenset(normalize(w) for w in (
    "الكثير", "كثيرون", "كثير", "العديد", "بعض", "البعض", "أحد", "احد", "إحدى", "احدى", "عدد",
    "آخرون", "اخرون", "كثيرين", "غالبية", "معظم", "أغلب"))
#: Definite person nouns that refer back to a speaker told of before ("وأضاف المصدر").
_PERSON_BACK = frozenset(normalize(w) for w in (
    "المصدر", "المسؤول", "المسؤولان", "المسؤولين", "المسؤولون", "المتحدث", "المتحدثة", "الناطق",
    "المصدران", "الاثنان", "الطرفان", "الوزيران", "الزعيمان", "الرئيسان"))


_UNNAMED_GROUPS = frozenset(normalize(w) for w in (
    "مصادر", "مسؤولون", "مسؤولين", "شهود", "خبراء", "محللون", "محللين", "سكان", "مراقبون", "مراقبين",
    "ناشطون", "ناشطين", "مسعفون", "أطباء", "دبلوماسيون", "تقارير", "صحف", "وكالات", "أنباء",
    "معلومات", "أهالي", "اهالي", "مواطنون", "مواطنين", "باحثون", "باحثين", "علماء", "محققون", "محققين"))


def _unnamed(w: str) -> bool:
    """An unnamed or generic speaker word: مصدر/مصادر/شهود (and duals: شاهدان، مسؤولان), a
    quantifier (الكثير، أحد)، or an indefinite plural of persons ("اقتصاديون"، "صينيون")."""
    if w in _UNNAMED or w in _SOME:
        return True
    if w.startswith("ال"):
        # "وبينت الصحف"، "ويشير السكان": a definite group is still unnamed; "أضاف الناشط
        # الحقوقي" (singular) is the one told of before.
        return w[2:] in _UNNAMED_GROUPS
    if w.endswith("ان") and w[:-2] in _UNNAMED:
        return True  # "شاهدان"، "مسؤولان"
    # Indefinite plural persons (a name ending in ون is short: هارون، خلدون; few names end
    # in يين: "محليين"، "اقتصاديين").
    return not w.startswith("ال") and len(w) >= 6 and (w.endswith("ون") or w.endswith("يين"))


def _clean_words(text: str) -> list[str]:
    """Normalised words of ``text``; a word with a leading و appears twice (وسائل stays
    وسائل and also gives سائل), so set look-ups work either way."""
    out = []
    for w in text.replace("،", " ").replace(":", " ").replace(",", " ").split():
        n = normalize(w).strip("()«»\"“”.")
        if n:
            out.append(n)
            if n.startswith("و") and len(n) > 3:
                out.append(n[1:])
    return out


def _pick(layout: Layout, ms: list[MentionRef], first_wi: int, addressee: bool = True) -> str | None:
    """Speaker among candidate mentions: the last person ("رئيس البعثة، فلان"), not one
    introduced by باسم (a spokesman *of* X); else the first organisation; a place only
    right after the cue ("قالت واشنطن")."""
    ok = [m for m in ms if not layout.is_place_use(m) and layout.norm(m.first - 1) != _BISM
          and layout.norm(m.first - 1) not in _COMPANY and not _not_speaker(layout, m, addressee)]
    per = [m for m in ok if m.entity.type == "PER" and not _title_only(m.entity.name)]
    if len(per) > 1:
        # "نائب الرئيس السوداني ... إبراهيم محمود": the deputy speaks, not the president.
        own = [m for m in per if layout.norm(m.first - 1) not in _RELATION]
        per = own or per
    if per:
        return per[-1].entity.id
    org = [m for m in ok if m.entity.type in ("ORG", "MISC")]
    if org:
        # "وقالت متحدثة باسم الشرطة كما جاء في تقارير «بي بي سي»": with no name, the
        # spokesperson's organisation rather than another one named later.
        bism = [m for m in ms if m.entity.type == "ORG" and layout.norm(m.first - 1) == _BISM
                and m.first < org[0].first]
        return (bism or org)[0].entity.id
    loc = [m for m in ok if m.entity.type == "LOC" and m.first - first_wi <= 1]
    return loc[0].entity.id if loc else None


_BISM = normalize("باسم")
#: Words of a title with no name ("الأمين العام"، "وزير الدفاع اليمني"، "الليفتنانت جنرال").
_TITLE_ONLY_WORDS = frozenset(normalize(w) for w in (
    "قائد", "رئيس", "وزير", "نائب", "مدير", "محافظ", "متحدث", "ناطق", "زعيم", "أمين", "سفير", "مبعوث",
    "ممثل", "مندوب", "حاكم", "رئيسة", "وزيرة", "العام", "عام", "الليفتنانت", "ليفتنانت", "جنرال",
    "العقيد", "عقيد", "اللواء", "العميد", "عميد", "الرائد", "المقدم", "الفريق", "المشير", "الملك",
    "الأمير", "الشيخ", "الدكتور", "المهندس", "الرئيس", "الوزير", "الأمين", "الدفاع", "الخارجية",
    "الداخلية", "الإعلام", "العدل", "المالية", "الأول", "الثاني", "السابق", "الجديد"))


def _title_only(name: str) -> bool:
    """Is an entity name a bare title ("الأمين العام"، "وزير الدفاع اليمني")? NER made it a
    person, but it names nobody."""
    words = [normalize(w) for w in name.split()]
    if not words or normalize(words[0]) not in _TITLE_ONLY_WORDS and _bare_al(words[0]) not in _TITLE_ONLY_WORDS:
        return False
    return all(w in _TITLE_ONLY_WORDS or _bare_al(w) in _TITLE_ONLY_WORDS
               or (w.startswith("ال") and (w.endswith("ي") or w.endswith("يه"))) for w in words)
#: "بحضور X", "برفقة X": a person present, not the speaker.
_COMPANY = frozenset(normalize(w) for w in ("بحضور", "برفقة", "بمشاركة", "يرافقه", "ترافقه", "بصحبة",
                                            "حضور", "رفقة", "مشاركة", "صحبة"))
#: Words that make the following name the speaker's principal ("نائب الرئيس X").
_RELATION = frozenset(normalize(w) for w in ("نائب", "مساعد", "مستشار", "مبعوث", "ممثل", "مندوب"))
#: Generic type nouns that point back to an organisation named with them ("قناة «الخبر»"
#: … "وزعمت القناة").
_TYPE_NOUNS = frozenset(normalize(w) for w in (
    "القناة", "الصحيفة", "الوكالة", "الشبكة", "الموقع", "الحركة", "الحزب", "المنظمة", "الجماعة",
    "الإذاعة", "المجلة", "التلفزيون", "الهيئة", "اللجنة", "الجمعية", "الشركة", "الأمانة",
    "الرئاسة", "الإدارة", "المديرية", "الجامعة", "النادي", "الاتحاد", "البنك", "الصندوق",
    "المركز", "الوزارة"))
#: Prepositions of an adverbial right after a cue ("وشدد خلال لقائه"): its pronoun
#: suffix means the subject is the one already talked about.
_ADV_PREPS = frozenset(normalize(w) for w in ("خلال", "أثناء", "اثناء", "في", "لدى", "عقب", "بعد", "عبر"))


def _in_marks(text: str, lo: int, off: int) -> bool:
    """Is ``off`` inside «…» opened after ``lo``?"""
    seg = text[lo:off]
    return seg.count("«") > seg.count("»") or seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1


def _type_antecedent(layout: Layout, noun: str, before: int) -> str | None:
    """The latest organisation named with this type noun before ``before``: "قناة «الخبر»"
    or "الشبكة السورية لحقوق الإنسان" for "القناة" / "الشبكة"."""
    bare = noun[2:] if noun.startswith("ال") else noun
    best = None
    # An antecedent some paragraphs back at most (bounded, so long documents stay linear).
    for m in layout.between(max(0, before - 4000), before):
        if m.entity.type not in ("ORG", "MISC"):
            continue
        pw = layout.doc.text[max(0, m.start - 30):m.start].replace("«", " ").replace("\"", " ").split()
        prev = normalize(pw[-1]) if pw else ""
        head = normalize(layout.doc.text[m.start:m.end]).strip("«»\"").split()[:1]
        if prev in (bare, noun) or (head and head[0] in (bare, noun)):
            best = m.entity.id
    return best


def resolve_speaker(layout: Layout, cue_wi: int, hi: int, ss: int) -> tuple[str | None, str]:
    """Who speaks at cue ``cue_wi`` (subject words run to char ``hi``).

    Returns (entity id or None, how): "named" (found), "unnamed" (مصدر أمني ...),
    "continue" (no subject: the previous speaker goes on).
    """
    lo = layout.ends[cue_wi]
    cue = _cue_base(layout.norm(cue_wi)) or layout.norm(cue_wi)
    ms = layout.between(lo, hi)
    region = _clean_words(layout.doc.text[lo:hi])
    if layout.norm(cue_wi + 1) in _ADV_PREPS and layout.ends[cue_wi + 1] <= hi and re.search(
            r"(?:ه|ها|هم|هما)$", layout.norm(cue_wi + 2)) and layout.norm(cue_wi + 2) not in _TYPE_NOUNS:
        # "وشدد خلال لقائه ... مبعوث X ... على أن": the names after are in the adverbial.
        return None, "continue"
    if region and region[0] in _SALLA and _ALLAH in region[:3]:
        return None, "scripture"  # "في قوله صلى الله عليه وسلم: «…»" cites the Prophet
    if region and region[0] == _ALLAH:
        if cue in _QALA:
            return None, "scripture"  # "يقول الله تعالى: …" cites a verse
        # "داعيا الله العلي القدير أن": God is addressed; the subject is the one before.
        return None, ("sentence" if cue in _PARTICIPLES else "continue")
    if region and region[0] in _HONORIFIC:
        # "وقال سماحته في مداخلة مع قناة الإخبارية:": the one talked about speaks.
        return None, "continue"
    if len(region) >= 2 and region[0] in _INDEF_TITLES and not region[1].startswith("ال") and not any(
            m.entity.type == "PER" for m in ms) and (
            region[1].endswith("ي") or region[1] in _COMP_FREE):
        return None, "unnamed"  # "وأشار قائد عسكري إلى أن"، "وقال جنرال في القوات …"
    if region and _is_kin(region[0]):
        if _bare_al(region[0]) not in _KIN and ms and ms[0].entity.type == "PER" and ms[0].first <= cue_wi + 2:
            return ms[0].entity.id, "named"  # "وأشارت والدتها فلانة": the mother, named
        return None, "unnamed"  # "أوضح والد الجندي فلان أن": the father, never named
    if region and not any(m.entity.type == "PER" and not _title_only(m.entity.name) for m in ms):
        # "وأوضح المتحدث الرسمي لأمانة جدة محمد البقمي أن": a person NER missed after a title.
        named = _title_name(layout, cue_wi, layout.word_index(hi))
        if named is not None:
            return _add_person(layout, *named), "named"
    if ms and region and _bare_al(region[0]) in _TITLES and ms[0].first <= cue_wi + 4 and all(
            m.entity.type in ("ORG", "MISC") for m in ms):
        # "وبين مدير عام الخطوط السعودية بأنه": the person introduced earlier as "مدير عام
        # [the same organisation] المهندس فلان".
        spk = _org_title_holder(layout, _bare_al(region[0]), ms[0], cue_wi)
        if spk is not None:
            return spk, "named"
        if _title_of_org(layout, cue_wi, ms):
            # "وأشار رئيس الهيئة إلى أن" with nobody named with that title: the office
            # holder speaks, never the institution; a person talked about may go on.
            return None, "np"
    if region and region[0] in _TYPE_NOUNS and not (ms and ms[0].first <= cue_wi + 1):
        # "وأوضحت الشركة، في بيان ردا على ما نشرته «الوئام»، أن": the company named before.
        ante = _type_antecedent(layout, region[0], layout.starts[cue_wi])
        if ante is not None:
            return ante, "named"
    if region and not any(m.entity.type in ("PER", "ORG", "MISC") for m in ms):
        # "وقال قائد شرطة الولاية إن ...": a title with no name is the person named
        # with that title elsewhere in the article ("مسؤول الشرطة فلان").
        spk = _title_holder(layout, region, cue_wi)
        if spk is not None:
            return spk, "named"
    if not (ms and ms[0].first <= cue_wi + 1):
        # "وصرح غوتزه الثلاثاء …": the family name of a person named in full before.
        spk = _surname_person(layout, cue_wi + 1)
        if spk is not None and not layout.in_mention(cue_wi + 1):
            return spk, "named"
    # Subject named after the cue (VSO), unless an unnamed source comes first.
    if ms:
        first_m = ms[0].start
        pre = _clean_words(layout.doc.text[lo:first_m])
        has_per = any(m.entity.type == "PER" for m in ms)
        if any(w in _UNNAMED for w in pre) and not has_per:
            return None, "unnamed"
        lead = [w for i, w in enumerate(pre) if not (i and pre[i - 1] == "و" + w)][:1]
        head = _clean_words(layout.doc.text[ms[0].start:ms[0].end])[:1]
        only_first_per = not any(m.entity.type == "PER" for m in ms[1:])
        if (not has_per and lead and _unnamed(lead[0])) or (
                not lead and head and _unnamed(head[0]) and only_first_per):
            # "وقالت المصادر" (a NER entity)، "قال معارضون سوريون"، "وقال شاهدان لرويترز"
            return None, "unnamed"
        if not has_per and lead and lead[0] in _PERSON_BACK:
            # "وقال المصدر العسكري الذي اتصلت به وكالة X": the source told of before,
            # not the agency in its relative clause.
            return None, "continue"
        if ms[0].entity.type == "PER" and ms[0].first - cue_wi <= 1:
            return ms[0].entity.id, "named"  # "وقال محمد الحجازي وهو متحدث باسم ..."
        spk = _pick(layout, ms, cue_wi + 1 if cue not in _PARTICIPLES else -99)
        if spk is not None:
            return spk, "named"
    if any(w in _UNNAMED for w in region):
        return None, "unnamed"
    lead = [w for i, w in enumerate(region) if not (i and region[i - 1] == "و" + w)][:1]
    if lead and _unnamed(lead[0]):
        return None, "unnamed"  # "ويقول اقتصاديون إن"، "أفاد الكثير أنه"
    if lead and lead[0] in _PERSON_BACK:
        return None, "continue"  # "وتابع المسؤولان في المقال"
    gen = next((w for w in region[:3] if w in _TYPE_NOUNS), None)
    if gen is not None and _title_of_org(layout, cue_wi, []):
        return None, "np"  # "وأشار رئيس الهيئة": the office holder, not the institution
    if gen is not None:
        ante = _type_antecedent(layout, gen, layout.starts[cue_wi])
        if ante is not None:
            return ante, "named"
    if any(w in _GENERIC for w in region):
        return None, "continue"
    rel = _relative_subject(layout, cue_wi)
    if rel is not None:
        return rel, "named"  # "وإخراج فلان، الذي أوضح أن"
    # SVO: a subject right before the cue ("مسؤولا محليا ... قال"، "الأمم المتحدة قالت").
    b0 = max(ss, layout.starts[max(0, cue_wi - 8)])
    before = _clean_words(layout.doc.text[b0: layout.starts[cue_wi]])
    # "... مضيفا أن": a participle's subject is its sentence's, never the word before.
    spk = _svo_speaker(layout, cue_wi, ss) if cue not in _PARTICIPLES else None
    if spk is not None:
        return spk, "named"
    if (any(w in _UNNAMED for w in before) and not any(
            m.entity.type == "PER" for m in layout.between(b0, layout.starts[cue_wi]))) or (
            before and cue_wi > 0 and _unnamed(layout.norm(cue_wi - 1))):
        # "لكن محليين قالوا إن": an unnamed group before the cue ("وعبر نائب رئيس الوفد فلان
        # … وقال" names him)
        return None, "unnamed"
    empty = all(w in _COMP or w in _ADVERBIAL or is_cue(w) for w in region)
    if cue in _PARTICIPLES:
        # A participle continues its own sentence's subject: an earlier quote there
        # (resolved later as "sentence"), else the first actor of the sentence.
        return None, "sentence"
    if empty:
        return None, "continue"
    spk = _sentence_subject(layout, cue_wi, ss)
    if spk:
        return spk, "named"
    # "ووصف المركزي الاقتصاد"، "وقال الرجل إنه": a subject of its own that is no entity may
    # refer back to a person, never to an organisation spoken of before.
    return None, ("np" if _np_subject(region) else "continue")


#: Official titles that, with no name, point to the person named with them elsewhere.
_TITLES = frozenset(normalize(w) for w in (
    "قائد", "رئيس", "وزير", "نائب", "مدير", "محافظ", "متحدث", "ناطق", "زعيم", "أمين", "سفير",
    "مبعوث", "ممثل", "مندوب", "عمدة", "حاكم", "قائدة", "رئيسة", "وزيرة", "مديرة", "سفيرة"))
_TITLE_FILLER = frozenset(normalize(w) for w in (
    "باسم", "عام", "العام", "في", "لدى", "عن", "ل", "إلى", "على", "من", "مع", "حول", "خلال", "أمس",
    "اليوم", "أيضا", "كذلك"))


def _bare_al(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


#: Ranks and honorifics that stand right before a name ("اللواء فلان"، "الدكتور فلان").
_RANKS = frozenset(normalize(w) for w in (
    "العميد", "اللواء", "العقيد", "المقدم", "الرائد", "النقيب", "الملازم", "الفريق", "المشير",
    "الدكتور", "الدكتورة", "الشيخ", "الشيخة", "المهندس", "المهندسة", "الأستاذ", "الأستاذة",
    "المستشار", "القاضي", "السفير", "السفيرة", "الكابتن", "المدرب", "اللاعب", "المحامي",
    "الأمير", "الأميرة", "د", "م", "أ"))
#: Words that end a subject noun phrase before the complementizer ("… فلان في تصريح").
_NAME_END = frozenset(normalize(w) for w in (
    "في", "خلال", "لدى", "أمس", "اليوم", "عن", "على", "إلى", "الى", "أثناء", "اثناء", "عبر",
    "ضمن", "الذي", "التي", "وهو", "وهي", "مساء", "صباح", "بعد", "قبل", "عقب", "حول", "بشأن",
    "من", "مع", "أيضا", "ايضا", "كذلك", "لوكالة", "لصحيفة", "لقناة", "لجريدة", "لموقع", "لـ", "ل",
    "بأن", "بان", "أنه", "انه", "أنها", "انها", "إنه", "انه", "بينما", "فيما", "حيث", "كما"))
#: Name links that do not count toward a name's length ("عسيري بن أحمد الأحوس").
_NAME_JOIN = frozenset(normalize(w) for w in ("بن", "بنت", "ابن", "آل", "ال", "أبو", "ابو", "عبد"))
_NAME_MAX = 4


def _name_like(layout: Layout, j: int) -> bool:
    """Could word ``j`` be part of a person's name (not a title, particle, cue, number, or
    part of another entity)?"""
    w = layout.norm(j)
    if len(w) < 2 or not w.isalpha() or layout.in_mention(j):
        return False
    b = _bare_al(w)
    return not (w in _TITLE_ONLY_WORDS or b in _TITLE_ONLY_WORDS or b in _TITLES or w in _RANKS
                or w in _NAME_END or w in _COMP or w in _FUNCTION or _unnamed(w) or is_cue(w)
                or b in _KIN or w in _TYPE_NOUNS or w in _GENERIC or w in _PERSON_BACK)


_FUNCTION = frozenset(normalize(w) for w in (
    "و", "أو", "او", "ثم", "لا", "لم", "لن", "قد", "هو", "هي", "هم", "هذا", "هذه", "ذلك", "تلك",
    "كل", "جميع", "غير", "بين", "ما", "إذا", "اذا", "أي", "اي", "عام", "العام", "الحالي",
    "الماضي", "المقبل", "الجاري", "أمس", "امس", "غدا"))


def _given_name(w: str) -> bool:
    """A first name: attested as a person-name word in the transliteration tables, or a
    compound عبد… ("عبدالله")."""
    from rasd.kb.translit import is_name_word

    if w.startswith("ال"):
        return False
    return is_name_word(w) or (w.startswith("عبد") and len(w) >= 5) or w in ("ابو", "أبو")


def _title_name(layout: Layout, cue_wi: int, hi_wi: int) -> tuple[int, int] | None:
    """Character span of a person's name of 2–4 words (links like بن not counted) that
    ends a subject noun phrase holding a title or rank before it ("وزير الخارجية فلان
    الفلاني"، "المتحدث باسم … العقيد فلان"), where no entity covers it."""
    text = layout.doc.text
    t = None
    for j in range(cue_wi + 1, min(hi_wi, cue_wi + 16)):
        w = layout.norm(j)
        if w in _COMP or (j > cue_wi + 1 and is_cue(w)):
            return None
        if _bare_al(w) in _TITLES or w in _RANKS or _bare_al(w) in _TITLE_ONLY_WORDS and not w.startswith("ال") or (
                w.startswith("ال") and w[2:] in _TITLES):
            t = j
            break
    if t is None:
        return None
    # The subject noun phrase ends at a comma/colon/parenthesis, an adverbial or the end.
    e = None
    for j in range(t + 1, min(hi_wi, t + 16)):
        if layout.norm(j) in _NAME_END:
            e = j - 1
            break
        after = text[layout.ends[j]: layout.ends[j] + 2].strip()[:1]
        if after and after in "،,:(«\"“؛.":
            e = j
            break
    else:
        if hi_wi <= t + 16:
            e = hi_wi - 1
    if e is None or e <= t:
        return None
    run: list[int] = []
    j = e
    while j > t and _name_like(layout, j) and sum(layout.norm(x) not in _NAME_JOIN for x in run) < _NAME_MAX:
        run.insert(0, j)
        j -= 1
    # Drop leading words that are no first name ("السعودي عادل الجبير").
    while run and not _given_name(layout.norm(run[0])):
        run.pop(0)
    core = [x for x in run if layout.norm(x) not in _NAME_JOIN]
    if len(core) < 2 or layout.norm(run[-1]) in _NAME_JOIN:
        return None
    s0, e0 = layout.starts[run[0]], layout.ends[run[-1]]
    # A proclitic (و، ل، ب) on a word makes a conjunction or a prepositional phrase
    # ("رئيس المجلس سعيد بالنتيجة"), not a name.
    toks = layout.doc.tokens
    for x in run:
        tok = layout.words[x]
        if tok > 0 and toks[tok - 1].clitic and toks[tok - 1].end == layout.starts[x]:
            return None
    return s0, e0


def _add_person(layout: Layout, start: int, end: int) -> str:
    """The id of a person entity for ``text[start:end]``: an existing one of that name,
    else a new one (extra {"by": "quotes"}, id after the highest eN) with its mention and
    the later mentions of its full name and family name indexed in ``layout``."""
    from rasd.doc import Entity, Span

    doc = layout.doc
    name = doc.text[start:end]
    key = normalize(name)
    for e in doc.entities:
        if e.type == "PER" and normalize(e.name) == key:
            if not any(m.start == start for m in e.mentions):
                e.mentions.append(Span(start, end, name))
                e.mentions.sort(key=lambda m: m.start)
                layout.add_mention(start, end, e)
            return e.id
    try:
        from rasd.kb.translit import transliterate_name

        name_en = transliterate_name(name) or None
    except Exception:  # the KB tables are optional here
        name_en = None
    ent = Entity(id=f"e{doc.next_entity_number()}", type="PER", name=name, name_en=name_en,
                 mentions=[Span(start, end, name)], extra={"by": "quotes"})
    doc.entities.append(ent)
    layout.add_mention(start, end, ent)
    # Later mentions: the full name, and the family name alone ("وأضاف البقمي").
    last = name.split()[-1]
    for form in ([name, last] if len(last) >= 4 and last != name else [name]):
        i = doc.text.find(form, end)
        while i >= 0:
            j = i + len(form)
            if not doc.text[i - 1: i].isalpha() and not doc.text[j: j + 1].isalpha() and not any(
                    m.start < j and i < m.end for m in layout.between(max(0, i - 80), j + 80)):
                ent.mentions.append(Span(i, j, doc.text[i:j]))
                layout.add_mention(i, j, ent)
            i = doc.text.find(form, j)
    ent.mentions.sort(key=lambda m: m.start)
    return ent.id


_RELATIVE = frozenset(normalize(w) for w in ("الذي", "التي", "والذي", "والتي"))


def _relative_subject(layout: Layout, cue_wi: int) -> str | None:
    """The person or organisation named right before "، الذي/التي" and a cue ("فلان، الذي
    أكد أن"), by its mention or, where NER tagged another occurrence only, by its name."""
    if cue_wi < 2 or layout.norm(cue_wi - 1) not in _RELATIVE:
        return None
    j = cue_wi - 2
    if layout.norm(j) in ("،", ","):
        j -= 1  # the comma as a token of its own
    if j < 0:
        return None
    end = layout.ends[j]
    for m in layout.between(max(0, end - 80), end + 1):
        if m.end == end and m.entity.type in ("PER", "ORG"):
            return m.entity.id
    for k in range(max(0, j - 3), j):
        name = " ".join(layout.norms[k:j + 1])
        for e in layout.doc.entities:
            if e.type == "PER" and len(e.name.split()) >= 2 and normalize(e.name) == name:
                return e.id
    return None


def _surname_person(layout: Layout, wi: int) -> str | None:
    """The person whose name (two words or more) ends with word ``wi``, named earlier in the
    document; ``None`` when none or several share that family name."""
    w = layout.norm(wi)
    if len(w) < 4 or not w.isalpha():
        return None
    got = layout.memo.get(("surnames",))
    if got is None:
        got = {}
        for e in layout.doc.entities:
            if e.type != "PER":
                continue
            parts = normalize(e.name).split()
            if len(parts) >= 2 and len(parts[-1]) >= 4:
                got.setdefault(parts[-1], set()).add(e.id)
        layout.memo[("surnames",)] = got
    ids = got.get(w)
    if not ids or len(ids) != 1:
        return None
    eid = next(iter(ids))
    ent = layout.doc.entity(eid)
    # Only after the full name was given ("ماريو غوتزه" … "وصرح غوتزه").
    return eid if ent is not None and ent.mentions and ent.mentions[0].start < layout.starts[wi] else None


def _org_title_holder(layout: Layout, title: str, org: MentionRef, cue_wi: int) -> str | None:
    """The person named right after an earlier "<title> … <org> [rank] <name>" with the same
    title and organisation as the cue's subject, within a few paragraphs before it."""
    cue_off = layout.starts[cue_wi]
    earlier = layout.between(max(0, cue_off - 3000), cue_off)
    for k, m in enumerate(earlier):
        if m.entity.id != org.entity.id or m.start >= org.start:
            continue
        if not any(_bare_al(layout.norm(j)) == title for j in range(max(0, m.first - 3), m.first)):
            continue
        # "الدكتور فلان، رئيس الهيئة الوطنية …": the person right before the title.
        for p in earlier[max(0, k - 2):k]:
            if p.entity.type == "PER" and not _title_only(p.entity.name) and _apposed_title(
                    layout, p, title, title) and 0 < m.first - p.last <= 5:
                return p.entity.id
        for p in earlier[k + 1:k + 3]:
            if p.entity.type == "PER" and not _title_only(p.entity.name) and 0 < p.first - m.last <= 3 and all(
                    layout.norm(j) in _RANKS or _bare_al(layout.norm(j)) in _TITLE_ONLY_WORDS
                    for j in range(m.last + 1, p.first)):
                return p.entity.id
    return None


def _apposed_title(layout: Layout, m: MentionRef, title: str, key: str) -> bool:
    """Is person mention ``m`` followed by ", <title> [عام] …<key>" ("الدكتور فلان، رئيس
    الهيئة الوطنية …"): the title given after the name?"""
    j = m.last + 1
    if layout.norm(j) in ("،", ","):
        j += 1
    elif layout.doc.text[layout.ends[m.last]:layout.ends[m.last] + 2].strip()[:1] not in ("،", ","):
        return False
    if _bare_al(layout.norm(j)) != title:
        return False
    return key == title or key in {_bare_al(layout.norm(k)) for k in range(j + 1, j + 3)}


def _title_of_org(layout: Layout, cue_wi: int, ms: list[MentionRef]) -> bool:
    """Is the cue's subject "<title> [عام] <organisation>" ("وقال مدير الوزارة"، "رئيس هيئة
    …"): a person holding an office of the organisation, not the organisation itself?"""
    j = cue_wi + 1
    if _bare_al(layout.norm(j)) not in _TITLES:
        return False
    j += 1
    if layout.norm(j) in _TITLE_AM:
        j += 1
    if ms:
        return ms[0].entity.type in ("ORG", "MISC") and ms[0].first == j
    return layout.norm(j) in _TYPE_NOUNS


_TITLE_AM = frozenset(normalize(w) for w in ("عام", "العام"))


def _np_subject(region: list[str]) -> bool:
    """Does the cue have a subject of its own that links to no entity ("ووصف المركزي
    الاقتصاد"، "وقال الرجل إنه"): a definite noun right after the cue that is no type noun
    pointing back to an organisation ("الوزارة") and no document ("البيان")?"""
    words = [w for i, w in enumerate(region) if not (i and region[i - 1] == "و" + w)]
    if not words:
        return False
    w = words[0]
    # A sound plural in ين is no subject ("ودعت الراغبين إلى"): the subject was dropped.
    return (w.startswith("ال") and len(w) >= 4 and not w.endswith("ين") and w not in _TYPE_NOUNS and w not in _GENERIC
            and w not in _DOC_NOUNS and w not in _COMP and w not in _ADVERBIAL and not is_cue(w))


def _np_refers(layout: Layout, cue_wi: int | None, eid: str) -> bool:
    """Can the unlinked subject after cue ``cue_wi`` refer back to entity ``eid``: a person
    ("وأكد الضابط" … the officer named before), or an organisation whose name holds the
    subject's head word ("وقال المرصد" for "المرصد السوري …")?"""
    e = layout.doc.entity(eid)
    if e is None or e.type == "PER":
        return e is not None
    if any(w in _RANKS or _bare_al(w) in _TITLE_ONLY_WORDS for w in normalize(e.name).split()[:2]):
        return True  # "البريغادير جنرال فلان" typed ORG by NER is a person
    if cue_wi is None:
        return False
    w = next((x for x in (layout.norm(cue_wi + 1), layout.norm(cue_wi + 2)) if x[:1].isalpha()), "")
    bare = _bare_al(w[1:] if w.startswith("وال") else w)
    # "للغذاء" in "الهيئة العامة للغذاء والدواء" holds "الغذاء": compare without ال, clitics kept off.
    return len(bare) >= 3 and any(x.endswith(bare) for n in [e.name] + [m.text for m in e.mentions[:8]]
                                  for x in normalize(n).split())


#: Documents that speak for the one who issued them ("وقال التقرير إن").
_DOC_NOUNS = frozenset(normalize(w) for w in (
    "البيان", "التقرير", "الرسالة", "البلاغ", "الإعلان", "التصريح", "البرقية", "الخطاب", "القرار",
    "الدراسة", "المذكرة"))


def _title_holder(layout: Layout, region: list[str], cue_wi: int) -> str | None:
    """The person a bare title subject refers to: the latest person introduced with the
    same title (its complement noun when it has one: "قائد شرطة" ~ "مسؤول الشرطة") in the
    article before the cue, else the first one within the next two sentences."""
    # _clean_words repeats a و-word without its و right after it: keep the word as written.
    words = [w for i, w in enumerate(region) if not (i and region[i - 1] == "و" + w)]
    if not words or _bare_al(words[0]) not in _TITLES:
        return None
    title = _bare_al(words[0])
    comp = next((_bare_al(w) for w in words[1:3] if w not in _TITLE_FILLER and w not in _COMP
                 and len(_bare_al(w)) > 2), None)
    if comp is None and words[0] in _GENERIC:
        return None  # "وأضاف المتحدث": the previous speaker goes on (resolved later)
    key = comp or title
    doc = layout.doc
    cue_off = layout.starts[cue_wi]

    def introduced(m: MentionRef) -> bool:
        back = {_bare_al(layout.norm(j)) for j in range(max(0, m.first - 3), m.first)}
        return (key in back or _apposed_title(layout, m, title, key)) and not _in_marks(
            doc.text, max(0, m.start - 300), m.start)

    best = None
    for m in layout.between(max(0, cue_off - 3000), cue_off):
        if m.entity.type == "PER" and introduced(m):
            best = m.entity.id
    if best is not None:
        return best
    si = doc.sentence_of(cue_off)
    if si is None:
        return None
    stop = doc.sentences[min(si + 2, len(doc.sentences) - 1)][1]
    for m in layout.between(layout.ends[cue_wi], stop):
        if m.entity.type == "PER" and introduced(m):
            return m.entity.id
    return None


def extract_quotes(doc: Doc, layout: Layout, actor_trail: list[tuple[int, str]] | None = None) -> list[Quote]:
    """Direct and indirect quotes of ``doc`` with speakers (entity ids) where found.

    ``actor_trail`` lists (offset, entity id) of earlier event sources, used to resolve
    a cue with no named subject when no earlier quote gives the speaker.
    """
    text = doc.text
    if not text or not doc.sentences:
        return []
    words = layout.words
    toks = doc.tokens
    norms = layout.norms  # the words' normalised texts (read only)
    # Each word's cue reading, once (the loops below ask many times).
    memo_get = _CUE_MEMO.__getitem__  # _CUE_MISS on a miss
    cues = [(c is not None) if (c := memo_get(n)) is not _CUE_MISS else (_cue_base(n) is not None)
            for n in norms]
    _context_cues(layout, norms, cues)
    found: list[_Q] = []
    marks = _quote_spans(text)
    covered: list[tuple[int, int]] = []  # kept sorted, with cov_starts alongside
    cov_starts: list[int] = []

    def cover(a: int, b: int) -> None:
        i = bisect_right(cov_starts, a)
        cov_starts.insert(i, a)
        covered.insert(i, (a, b))

    def sent_bounds(off: int) -> tuple[int, int]:
        si = doc.sentence_of(off)
        if si is None:
            return 0, len(text)
        return doc.sentences[si]

    # -- direct ---------------------------------------------------------------------
    for qo, qc, cs, ce in marks:
        content = text[cs:ce].strip()
        if not content:
            continue
        # A name in quotation marks ("وأضاف «إيرنست»: «...»") is the speaker, not a quote.
        c0 = cs + (len(text[cs:ce]) - len(text[cs:ce].lstrip()))
        c1 = c0 + len(content)
        if any(m.start <= c0 and m.end >= c1 for m in layout.between(cs, ce)):
            continue
        nwords = len(content.split())
        ss, se = sent_bounds(qo)
        wi = layout.word_index(qo)
        cue_wi = None
        # A cue before the quote, in the same sentence, within 25 words.
        j = wi - 1
        while j >= 0 and layout.starts[j] >= ss and wi - j <= 25:
            if cues[j]:
                cue_wi = j
                break
            # Another quote closing in between means that cue belongs to that one.
            j -= 1
        colon = text[max(ss, qo - 3):qo].strip().endswith(":")
        after_cue = None
        if cue_wi is None:
            # « ... »، قال X / «...» قالت الوزارة
            k = layout.word_index(qc)
            for j2 in range(k, min(k + 4, len(words))):
                if layout.starts[j2] >= se + 1 and j2 > k:
                    break
                if cues[j2]:
                    after_cue = j2
                    break
        attrib = None
        if cue_wi is None and after_cue is None and nwords >= 3:
            # «...» ... ، بحسب ما قال ضابط — an attribution later in the sentence.
            for j2 in range(layout.word_index(qc), len(words)):
                if layout.starts[j2] >= se:
                    break
                if norms[j2] in _ATTRIB:
                    attrib = j2
                    break
        if cue_wi is None and after_cue is None and attrib is None and not (colon and nwords >= 3):
            continue
        if nwords <= 3 and not colon and not (cue_wi is not None and wi - cue_wi <= 3) and not (
                wi > 0 and norms[wi - 1] in _COMP):
            continue  # a scare-quoted name or phrase far from any cue
        # The cue must be the closest one: a later quote between cue and here is ok
        # (multi-part quotes share a cue: قال إن «...»، مضيفا «...»).
        if cue_wi is not None:
            cue_span = (layout.starts[cue_wi], layout.ends[cue_wi])
            # The subject ends at a complementizer before the quote ("قائلا ... إن هناك «").
            hi = qo
            for j4 in range(cue_wi + 1, wi):
                if norms[j4] in _COMP:
                    hi = layout.starts[j4]
                    break
            spk, how = resolve_speaker(layout, cue_wi, hi, ss)
            if _SCRIPTURE_RX.search(text, max(0, qo - 40), qo):
                spk, how = None, "scripture"  # "… وقد تناسوا قول المولى عز وجل: «…»"
            found.append(_Q(cs, ce, "direct", cue_span, cue_wi, spk, _cont(how)))
        elif after_cue is not None:
            cue_span = (layout.starts[after_cue], layout.ends[after_cue])
            hi = se
            for j3 in range(after_cue + 1, min(after_cue + 12, len(words))):
                if norms[j3] in _COMP or layout.starts[j3] >= se:
                    hi = layout.starts[j3]
                    break
            spk, how = resolve_speaker(layout, after_cue, hi, ss)
            found.append(_Q(cs, ce, "direct", cue_span, after_cue, spk, _cont(how)))
        elif attrib is not None:
            spk, how = _attrib_speaker(layout, attrib, se)
            found.append(_Q(cs, ce, "direct", (layout.starts[attrib], layout.ends[attrib]), attrib,
                            spk, _cont(how)))
        else:
            # «…» after a colon continues the speaker, unless scripture is cited ("وتناسوا قول
            # المولى عز وجل: «…»").
            found.append(_Q(cs, ce, "direct", None, None, None, "scripture" if _SCRIPTURE_RX.search(text, max(0, qo - 40), qo) else True))
        cover(qo, qc)

    mark_spans = [(a, b) for a, b, _, _ in marks]
    mark_starts = [a for a, _ in mark_spans]

    direct_starts = sorted(q.start for q in found if q.kind == "direct")

    def in_marks(off: int) -> bool:
        return _inside(covered, cov_starts, off) or _inside(mark_spans, mark_starts, off)

    # -- indirect: cue ... complementizer / cue + preposition + noun ----------------------
    for ci in [i for i, c in enumerate(cues) if c]:
        n = norms[ci]
        if in_marks(layout.starts[ci]):
            continue
        ss, se = sent_bounds(layout.starts[ci])
        base = _strip_conj(n)
        start_wi = None
        comp_wi = None
        colon_wi = None
        for j in range(ci, min(ci + 40, len(words))):
            if layout.starts[j] >= se:
                break
            if j > ci and norms[j] in _COMP and norms[j - 1] not in _CONJ_PREV and not (norms[j] == "فان" and any(
                    m.start < layout.starts[j] < m.end
                    for m in layout.between(max(0, layout.starts[j] - 40), layout.ends[j] + 40))):
                # not "بعد أن" (a conjunction) nor "فان" inside a name (لويس فان غال)
                comp_wi = j
                break
            if j > ci + 1 and cues[j]:
                break  # another cue takes over
            after = text[layout.ends[j]: layout.ends[j] + 3]
            if j > ci and after[:1] in ("«", "“", "\"") and not _short_name_quote(text, layout.ends[j]):
                break
            if j - ci <= 14 and after.lstrip()[:1] == ":":
                # "وقال فلان: لقد ..." — unmarked direct speech after a colon (a colon
                # followed by إن or a quotation mark is handled as before).
                rest = text[layout.ends[j]:].lstrip()[1:].lstrip()
                first = rest.split(maxsplit=1)[0] if rest else ""
                if normalize(first).strip("«»“”\"") in _COMP or rest[:1] in _ANY_QUOTE:
                    continue  # "قال: إن ..." / "قال: «...»" (even an unclosed or reversed «)
                if rest:
                    colon_wi = j
                break
        if not PREP_CUE_FORMS:
            PREP_CUE_FORMS.update(_prep_cue_map())
        prep = PREP_CUE_FORMS.get(base)
        prep_n = _norm_memo(prep) if prep is not None else None
        if prep is not None and comp_wi is not None and any(
                norms[j] == prep_n for j in range(ci + 1, comp_wi)):
            comp_wi = None  # "أشار إلى احتمال أن ...": the preposition's noun comes first
        kind = "indirect"
        if colon_wi is not None:
            colon_at = text.index(":", layout.ends[colon_wi])
            start_wi, comp_wi, kind = layout.word_index(colon_at + 1), colon_wi, "direct"
            if start_wi < len(words) and layout.starts[start_wi] < se:
                start_wi = (start_wi, len(text[colon_at + 1:]) - len(text[colon_at + 1:].lstrip()) + colon_at + 1)
        elif comp_wi is not None:
            start_wi = comp_wi + 1
        elif prep is not None:
            # A preposition after another cue belongs to that clause ("وأكد بوتين قبوله
            # الدعوة، مضيفا ... على شرفه"); long subjects stay fine ("ودعا نائب ... إلى").
            for j in range(ci + 1, min(ci + 35, len(words))):
                if layout.starts[j] >= se or (j > ci + 1 and cues[j]):
                    break
                raw = toks[words[j] - 1].norm if words[j] > 0 else ""
                if prep == "ب" and raw == "ب" and toks[words[j] - 1].clitic:
                    start_wi = j
                    comp_wi = j
                    break
                if norms[j] == prep_n:
                    start_wi = j + 1
                    comp_wi = j
                    if j + 1 < len(words) and norms[j + 1] in _COMP:
                        start_wi = j + 2
                    break
        if start_wi is None and base in _OBJECT_CUES and colon_wi is None:
            # "أعلنت وزارة الداخلية، أمس، القبض على 431 عنصرا": the announced event.
            subj = [m for m in layout.between(layout.ends[ci], se) if m.first - ci <= 6]
            if subj:
                lex = load_lexicon(False)
                for j in range(subj[0].last + 1, min(subj[0].last + 6, len(words))):
                    if layout.starts[j] >= se:
                        break
                    if any(f.pos == "noun" and not f.lemma.weak for f, _, _ in lex.lookup(norms[j])):
                        start_wi = comp_wi = j
                        break
        qs = None
        if isinstance(start_wi, tuple):
            start_wi, qs = start_wi  # after a colon: from the first character (a clitic ب too)
        if start_wi is None or start_wi >= len(words) or layout.starts[start_wi] >= se:
            continue
        qs = layout.starts[start_wi] if qs is None else qs
        if text[qs - 1: qs] in ("«", "“", "\"") or in_marks(qs):
            continue  # a direct quote follows: already taken
        # The reported words run to the sentence end, a quotation mark, or the next cue.
        qe = se
        for j in range(start_wi + 1, len(words)):
            if layout.starts[j] >= se:
                break
            if cues[j] and _embedded_cue(layout, j):
                continue  # "إن استهداف المساجد يشير إلى أن ...": the reported clause goes on
            if cues[j] and any(norms[x] in _COMP for x in range(j + 1, min(j + 12, len(words)))
                                        if layout.starts[x] < se):
                qe = layout.starts[j]
                if words[j] > 0 and toks[words[j] - 1].clitic:
                    qe = toks[words[j] - 1].start
                break
            if cues[j]:
                p0 = layout.starts[j]
                if words[j] > 0 and toks[words[j] - 1].clitic:
                    p0 = toks[words[j] - 1].start
                if text[max(0, p0 - 3): p0].strip() in ("،", ",") or norms[j].startswith("و") or p0 < layout.starts[j]:
                    qe = p0
                    break
        k = bisect_right(direct_starts, qs + 1)
        q_mark = direct_starts[k] - 1 if k < len(direct_starts) and direct_starts[k] - 1 < qe else None
        if q_mark is not None:
            qe = q_mark
        qe = _trim_end(text, qs, qe)
        if qe - qs < 4 or len(text[qs:qe].split()) < 2:
            continue
        cue_span = (layout.starts[ci], layout.ends[ci])
        hi = layout.ends[comp_wi] if colon_wi is not None else layout.starts[comp_wi]
        if comp_wi > ci:
            spk, how = resolve_speaker(layout, ci, hi, ss)
        else:  # "وأضاف: ..." continues; "قائلا: ..." is its own sentence's subject's
            spk, how = None, ("sentence" if _cue_base(n) in _PARTICIPLES else "continue")
        found.append(_Q(qs, qe, kind, cue_span, ci, spk, _cont(how)))
        cover(qs, qe)

    # -- attribution: وحسب X فإن ... / ... حسبما أفادت X ------------------------------------
    # Only sentences holding an attribution word can give one (most hold none).
    attr_words = [layout.starts[j] for j, n in enumerate(norms) if n in _ATTRIB or n == "علي"]
    for si, (ss, se) in enumerate(doc.sentences):
        a = bisect_left(attr_words, ss)
        if a >= len(attr_words) or attr_words[a] >= se:
            continue
        swords = []
        for j in range(layout.word_index(ss), len(words)):
            if layout.starts[j] >= se:
                break
            swords.append(j)
        if len(swords) < 6:
            continue
        lo_c = bisect_left(cov_starts, layout.starts[swords[0]])
        if lo_c < len(cov_starts) and cov_starts[lo_c] <= layout.starts[swords[min(3, len(swords) - 1)]]:
            continue
        for k, j in enumerate(swords):
            is_attr = norms[j] in _ATTRIB or (
                norms[j] == "علي" and j + 2 < len(words) and norms[j + 1] == "ما" and cues[j + 2])
            if not is_attr or in_marks(layout.starts[j]):
                continue
            # A cue earlier in the sentence already reports the words (قال X إن ...، حسبما ...).
            if k >= 2 and any(cues[x] for x in swords[:k]):
                break
            if k <= 1:
                # Sentence-initial: "وحسب X فإن ..."
                comp = next((x for x in swords[k + 1: k + 12] if norms[x] in _COMP or norms[x] == "فقد"), None)
                if comp is None:
                    # "ووفق تصريحات مصدر عسكري، لم يتم ذكر اسمه، ... لـ«بوابة الوسط» ...، فإن"
                    comp = next((x for x in swords[k + 12: k + 25] if norms[x] in ("فان", "فقد")), None)
                if comp is None:
                    # "وبحسب نص القرار، سيتم ..." — the comma ends the attribution.
                    comp = next((x for x in swords[k + 1: k + 10]
                                 if text[layout.ends[x]: layout.ends[x] + 1] in ("،", ",")), None)
                    if comp is not None:
                        spk, how = _attrib_speaker(layout, j, layout.ends[comp])
                        if comp + 1 < len(words) and layout.starts[comp + 1] < se:
                            qs = layout.starts[comp + 1]
                            found.append(_Q(qs, _trim_end(text, qs, se), "indirect",
                                            (layout.starts[j], layout.ends[j]), j, spk, _cont(how)))
                            cover(qs, se)
                    break
                if comp + 1 >= len(words) or layout.starts[comp + 1] >= se:
                    break
                spk, how = _attrib_speaker(layout, j, layout.starts[comp])
                qs = layout.starts[comp + 1]
                found.append(_Q(qs, _trim_end(text, qs, se), "indirect",
                                (layout.starts[j], layout.ends[j]), j, spk, _cont(how)))
                cover(qs, se)
            elif k >= 5:
                # Sentence-final: "... ، حسبما أفادت الشرطة" (a clitic ب/و of بحسب is
                # outside the quote)
                a0 = layout.starts[j]
                t = words[j] - 1
                while t >= 0 and toks[t].clitic and toks[t].end == a0:
                    a0 = toks[t].start
                    t -= 1
                qe = _trim_end(text, ss, a0)
                spk, how = _attrib_speaker(layout, j, se)
                found.append(_Q(ss, qe, "indirect", (layout.starts[j], layout.ends[j]), j, spk, False))
                cover(ss, qe)
            break

    # -- speakers: continuation --------------------------------------------------------------
    found.sort(key=lambda q: q.start)
    trail = sorted(actor_trail or [])
    last: tuple[int, str | None] = (-1, None)
    last_sent: dict[int, str | None] = {}
    out: list[Quote] = []
    for q in found:
        spk = q.speaker
        cue_off = q.cue[0] if q.cue else q.start
        si = doc.sentence_of(cue_off)
        if q.continues == "scripture":
            # A cited verse has no speaker and does not interrupt the one quoting it.
            cue = doc.span(*q.cue) if q.cue else None
            out.append(Quote(q.start, q.end, text[q.start:q.end], q.kind, None, cue))
            continue
        if spk is None and q.continues == "sentence":
            if si in last_sent:
                spk = last_sent[si]
            else:
                # The sentence's subject: its first person (else organisation) outside
                # the quoted words; failing that, the previous speaker goes on.
                ss = doc.sentences[si][0] if si is not None else 0
                ms = [m for m in layout.between(ss, cue_off) if not layout.is_place_use(m)
                      and not _inside(covered, cov_starts, m.start) and not _not_speaker(layout, m)]
                per = [m for m in ms if m.entity.type == "PER"] or [m for m in ms if m.entity.type == "ORG"]
                w0 = layout.word_index(ss)
                if per and w0 + 1 < len(cues) and cues[w0] and (
                        norms[w0 + 1] in _DROPPED_SUBJ or toks[words[w0 + 1] - 1].clitic):
                    # "وكشف عن استمرار مشروع … 800 مليون ريال، لافتا": a sentence opened by a
                    # cue with no subject goes on with the previous speaker.
                    per = []
                if per:
                    spk = per[0].entity.id
                else:
                    # "وأدان العمل الإرهابي، مؤكدا أن": the one talked about goes on.
                    cands = [last] if last[0] >= 0 else []
                    cands += _trail_before(doc, trail, last, cue_off)
                    spk = max(cands, key=lambda x: x[0])[1] if cands else None
        elif spk is None and q.continues and not _plural_cue(layout, q.cue_wi) and _subjectless(layout, q.cue_wi) and (
                own := _own_subject(layout, cue_off, last[0], covered, cov_starts)):
            # "وعبر X عن سعادته … وقال إنه"، "طمأن X الجماهير … . وشدد على أن": the subject
            # named after the last quote speaks.
            spk = own
        elif spk is None and q.continues:
            # "قال بيان المكتب إن دي مستورا شدد ... وأشار إلى" — the person the last
            # report was about goes on speaking.
            if out and last[1] is not None and _etype(doc, last[1]) != "PER":
                lead = _first_actor(layout, out[-1].start, min(out[-1].end, out[-1].start + 40))
                if lead is not None and _etype(doc, lead) == "PER":
                    last = (out[-1].start, lead)
            cands = [last] if last[0] >= 0 else []
            cands += _trail_before(doc, trail, last, cue_off)
            if cands:
                spk = max(cands, key=lambda x: x[0])[1]
            elif not _plural_cue(layout, q.cue_wi) and _subjectless(layout, q.cue_wi, loose=True):
                # "ندد الرئيس العام لهيئة … الشيخ فلان، بالتفجير … وقال: إن": the first quote of
                # an article with no speaker of its own is the lead's subject's.
                spk = _lead_actor(layout, cue_off)
            if q.continues == "np" and spk is not None and not _np_refers(layout, q.cue_wi, spk):
                spk = None  # a new subject that is no entity: not the organisation before
        last = (cue_off, spk)
        if si is not None:
            last_sent[si] = spk
        cue = doc.span(*q.cue) if q.cue else None
        out.append(Quote(q.start, q.end, text[q.start:q.end], q.kind, spk, cue))
    return out


#: A word right after a cue verb that shows its subject was dropped ("وكشف عن"، "وأكد أن").
_DROPPED_SUBJ = frozenset(normalize(w) for w in ("عن", "على", "إلى", "الى", "من", "أن", "ان", "بأن", "بان", "أنه",
                                                "انه", "أنها", "انها", "بأنه", "بانه"))
_OWN_WORDS = 12
#: A preposition with a pronoun before a cue ("وفيها يقول"): no subject.
_PREP_PRONOUNS = frozenset(normalize(p + e) for p in ("في", "ب", "ل", "من", "عن", "على", "مع")
                           for e in ("ه", "ها", "هم"))
_CLAUSE_OPEN = frozenset(normalize(w) for w in ("ثم", "كما", "حيث", "و", "ف", "بينما", "فيما", "لكن", "لكنه",
                                                "ولكن", "أما", "اما", "وقد", "قد", "حين", "عندما", "بعدما"))
#: Openers of a sentence whose first person is no subject: a topic ("وعن إصابة المهاجم
#: فلان قال:") or a report ("جاء ذلك في بيان … زيارة الأمير فلان").
_TOPIC_OPEN = frozenset(normalize(w) for w in (
    "عن", "وعن", "حول", "وحول", "بشأن", "وبشأن", "بخصوص", "وبخصوص", "فيما", "وفيما", "جاء", "وجاء"))
#: Words after a cue that refer back to someone told of ("وقال معالي وزير الخارجية"، "وأوضح
#: البيان"، "وأكد وكيل الإمارة").
_REFER_BACK = frozenset(normalize(w) for w in (
    "معالي", "سمو", "سماحة", "فضيلة", "فخامة", "دولة", "وكيل", "الوكيل", "السفير", "الوزير", "الأمين",
    "المحافظ", "الأمير", "الرئيس"))


def _plural_cue(layout: Layout, cue_wi: int | None) -> bool:
    """A plural cue ("قالوا"، "يقولون"، "أكدوا"): a group speaks, never one person told of."""
    if cue_wi is None:
        return False
    w = layout.norm(cue_wi)
    return len(w) >= 4 and (w.endswith("وا") or (w.endswith("ون") and w[:1] in "يت"))


def _subjectless(layout: Layout, cue_wi: int | None, loose: bool = False) -> bool:
    """Does the cue have no subject of its own ("وأضاف أن"، "وقال: …"، "وقال لـ«عكاظ»"،
    "وقال سموه"; a colon with no cue)? ``loose``: also a subject that refers back (a title,
    "البيان", "معالي الوزير")."""
    if cue_wi is None:
        return True
    text = layout.doc.text
    if cue_wi > 0 and not layout.norm(cue_wi)[:1] in ("و", "ف"):
        # "أخبار الوزارة … تقول إن": a subject before a cue that opens no clause
        prev = text[layout.ends[cue_wi - 1]: layout.starts[cue_wi]].strip()
        si = layout.doc.sentence_of(layout.starts[cue_wi])
        pw = layout.norm(cue_wi - 1)
        if not prev and si is not None and layout.starts[cue_wi - 1] >= layout.doc.sentences[si][0] and \
                pw not in _CLAUSE_OPEN and (pw[1:] if pw[:1] == "و" else pw) not in _PREP_PRONOUNS:
            return False
    nxt = text[layout.ends[cue_wi]: layout.ends[cue_wi] + 3].lstrip()[:1]
    if not nxt or nxt in ":«\"“،,(.":
        return True
    w = layout.norm(cue_wi + 1)
    if w in _DROPPED_SUBJ or w in _ADVERBIAL or w in _HONORIFIC or w in _COMP or w in ("ل", "لـ"):
        return True
    if loose and (w in _GENERIC or w in _PERSON_BACK or w in _REFER_BACK or _bare_al(w) in _TITLES):
        # ... unless a name follows ("وأكد الوكيل فلان"); a bare-title entity is no name.
        hi = layout.ends[min(cue_wi + 3, len(layout.ends) - 1)]
        return not any(not (m.entity.type == "PER" and _title_only(m.entity.name))
                       for m in layout.between(layout.starts[cue_wi + 1], hi))
    tok = layout.words[cue_wi + 1] if cue_wi + 1 < len(layout.words) else None
    return tok is not None and tok > 0 and layout.doc.tokens[tok - 1].clitic and \
        layout.doc.tokens[tok - 1].start >= layout.ends[cue_wi]
_BACKGROUND_OPEN = frozenset(normalize(w) for w in ("وكان", "كان", "وكانت", "كانت", "يذكر", "ويذكر", "يشار", "ويشار"))


def _own_subject(layout: Layout, cue_off: int, after: int, covered: list[tuple[int, int]],
                 cov_starts: list[int]) -> str | None:
    """The person who is the subject of the cue's own sentence (named before the cue), or,
    for a cue opening its sentence, of the previous sentence when that holds no quote: the
    first person within the first words, not governed by a preposition, not in quoted
    words, named after ``after`` (the last quote's cue)."""
    doc = layout.doc
    si = doc.sentence_of(cue_off)
    if si is None:
        return None
    ss, _ = doc.sentences[si]
    cue_wi = layout.word_index(cue_off)
    spans = [(ss, cue_off)]
    if cue_wi - layout.word_index(ss) <= 1 and si > 0:
        ps, pe = doc.sentences[si - 1]
        i = bisect_left(cov_starts, ps)
        if not (i < len(cov_starts) and cov_starts[i] < pe) and not any(a < ps < b for a, b in covered[max(0, i - 2):i]):
            spans.append((ps, pe))
    for lo, hi in spans:
        if lo <= after:
            continue
        colon = doc.text.find(":", lo, min(hi, lo + 80)) if lo < 200 else -1
        if colon >= 0 and len(doc.text[lo:colon].split()) <= 6:
            lo = colon + 1  # a byline/dateline is no subject
        w0 = layout.word_index(lo)
        if layout.norm(w0) in _BACKGROUND_OPEN or layout.norm(w0) in _TOPIC_OPEN:
            continue
        for m in layout.between(lo, hi):
            if m.first - w0 > _OWN_WORDS:
                break
            if m.entity.type != "PER" or _title_only(m.entity.name) or _inside(covered, cov_starts, m.start) \
                    or is_cue(layout.norm(m.first)) or layout.norm(m.first) == _QAWL:
                continue  # (not "قول سامر": an NER slip over the cue noun)
            p = layout.prev_norm(m.first)
            if p in _GOVERNING or p in _COMPANY or _after_facility(layout, m) or _not_speaker(layout, m):
                continue
            return m.entity.id
    return None


_SCRIPTURE_RX = re.compile(
    r"(?:تعالى|عز وجل|جل وعلا|سبحانه|قول الله|قوله تعالى|الحديث الشريف|الحديث|عليه وسلم|عليه السلام)\s*[:،]?\s*$")
_QAWL = normalize("قول")
_SALLA = frozenset(normalize(w) for w in ("صلى", "صلي"))
_QALA = frozenset(normalize(w) for w in ("قال", "يقول"))
#: Honorific pronouns standing for the person told of ("سماحته"، "معاليه").
_HONORIFIC = frozenset(normalize(w) for w in (
    "سماحته", "معاليه", "فضيلته", "سموه", "سعادته", "دولته", "فخامته", "سيادته", "سماحتها", "معاليها",
    "سموها", "سعادتها"))
#: Indefinite titles that, with an indefinite adjective, name nobody ("قائد عسكري").
_INDEF_TITLES = frozenset(normalize(w) for w in (
    "قائد", "جنرال", "ضابط", "مسؤول", "مصدر", "متحدث", "ناطق", "دبلوماسي", "عضو", "مستشار", "موظف",
    "محقق", "خبير", "باحث", "قيادي", "نائب", "وزير", "سفير", "طبيب"))
#: Words after an indefinite title that keep it unnamed ("جنرال في القوات").
_COMP_FREE = frozenset(normalize(w) for w in ("في", "من", "بارز", "كبير", "رفيع", "سابق"))


def _trail_before(doc: Doc, trail: list[tuple[int, str]], last: tuple[int, str | None],
                  cue_off: int) -> list[tuple[int, str]]:
    """Event sources before ``cue_off`` that may name who goes on speaking; one in the
    sentence of the last quote's cue does not outrank that quote's speaker ("قال X بأن …،
    مطالبا … من قبل Y" → X, not the source the event finder gave the participle)."""
    out = [(o, e) for o, e in trail if o < cue_off]
    if out and last[0] >= 0 and last[1] is not None:
        ls = doc.sentence_of(last[0])
        out = [(o, e) for o, e in out if o <= last[0] or doc.sentence_of(o) != ls]
    return out


_LEAD_WORDS = 25
_TOPIC_PREPS = frozenset(normalize(w) for w in (
    "عن", "وعن", "حول", "وحول", "بشأن", "وبشأن", "بخصوص", "وبخصوص"))
_REPORT_OPEN = frozenset(normalize(w) for w in ("جاء", "وجاء", "ورد", "وورد"))
#: Heads of facility and prize names: a person named after them ("بمستشفى الأمير فلان")
#: is part of the name, not an actor.
_FACILITY = frozenset(normalize(w) for w in (
    "مستشفى", "مسجد", "جامع", "شارع", "طريق", "مدينة", "جامعة", "مركز", "قاعة", "حي", "مدرسة",
    "كلية", "ميناء", "مطار", "مجمع", "برج", "استاد", "ملعب", "قاعدة", "جسر", "نفق", "ميدان",
    "دوار", "جائزة", "كرسي", "مؤسسة", "قصر", "مستشفيات", "معهد", "بوابة", "مسرح", "صالة"))


def _after_facility(layout: Layout, m: MentionRef) -> bool:
    """Is the mention inside a facility name ("بمستشفى الأمير محمد بن عبدالعزيز")?"""
    for j in range(m.first - 1, max(-1, m.first - 3), -1):
        w = layout.norm(j)
        if w in _FACILITY or (w[:1] in ("ب", "ل", "و") and w[1:] in _FACILITY):
            return True
    return False


def _lead_actor(layout: Layout, cue_off: int) -> str | None:
    """The subject of the sentences just before a cue with no speaker and no earlier quote:
    the first person (or organisation not governed by a preposition) within the first
    words of one of the three previous sentences, after any dateline ("سبق - الرياض:")."""
    doc = layout.doc
    si = doc.sentence_of(cue_off)
    if si is None or layout.norm(layout.word_index(doc.sentences[si][0])) in _REPORT_OPEN:
        return None  # "جاء ذلك في بيان مشترك … أفاد أنه": the statement speaks
    for k in range(si - 1, max(-1, si - 4), -1):
        ss, se = doc.sentences[k]
        lo = ss
        colon = doc.text.find(":", ss, min(se, ss + 80)) if ss < 200 else -1
        if colon >= 0 and len(doc.text[ss:colon].split()) <= 6:
            lo = colon + 1  # a byline/dateline is no subject
        wi0 = layout.word_index(lo)
        for m in layout.between(lo, se):
            if m.first - wi0 > _LEAD_WORDS:
                break
            if m.entity.type not in ("PER", "ORG") or layout.is_place_use(m) or _in_marks(doc.text, ss, m.start):
                continue
            p = layout.prev_norm(m.first)
            if p in _GOVERNING or p in _COMPANY or _after_facility(layout, m) or _not_speaker(layout, m) or (
                    m.entity.type == "PER" and _title_only(m.entity.name)):
                continue
            return m.entity.id
    return None


def _etype(doc: Doc, eid: str | None) -> str | None:
    e = doc.entity(eid)
    return e.type if e else None


def _cont(how: str) -> object:
    return how if how in ("sentence", "scripture", "np") else how == "continue"


def _first_actor(layout: Layout, lo: int, hi: int) -> str | None:
    """The first person/organisation mentioned in [lo, hi)."""
    for m in layout.between(lo, hi):
        if m.entity.type in ("PER", "ORG") and not layout.is_place_use(m):
            return m.entity.id
    return None


def _attrib_speaker(layout: Layout, j: int, hi: int) -> tuple[str | None, str]:
    """Speaker of an attribution (حسب X / بحسب ما قال X): a mention within 3 words."""
    lo = layout.ends[j]
    ms = [m for m in layout.between(lo, hi) if m.first - j <= 4
          and not layout.is_place_use(m)]
    words = _clean_words(layout.doc.text[lo:hi])[:4]
    if any(w in _UNNAMED for w in words[:3]) and not (ms and ms[0].first - j <= 1):
        return None, "unnamed"
    if ms:
        spk = _pick(layout, ms[:1], j + 1, addressee=False)  # "وفقا لـ«رويترز»" is the source
        if spk:
            return spk, "named"
    if any(w in _GENERIC for w in words):
        return None, "continue"
    return None, "unnamed"


def _sentence_subject(layout: Layout, cue_wi: int, ss: int) -> str | None:
    """The actor nearest before the cue in its sentence ("نشرت الشبكة ... تقريرا بعنوان")."""
    best = None
    for m in layout.between(ss, layout.starts[cue_wi]):
        if m.last >= cue_wi:
            break
        if not layout.is_place_use(m) and m.entity.type in ("PER", "ORG") and not _in_marks(
                layout.doc.text, ss, m.start):
            best = m.entity.id
    return best


def _svo_speaker(layout: Layout, cue_wi: int, ss: int = 0) -> str | None:
    """An actor mention ending right before the cue, in its sentence ("الأمم المتحدة قالت")."""
    if layout.norm(layout.word_index(ss)) in _TOPIC_PREPS:
        return None  # "وحول إصابة المهاجم فلان قال:": the name is the topic
    for m in reversed(layout.between(ss, layout.starts[cue_wi])):
        if m.last < cue_wi and cue_wi - m.last <= 2 and not layout.is_place_use(m) and not _in_marks(
                layout.doc.text, ss, m.start):
            if layout.prev_norm(m.first) in _GOVERNING:
                # "وأدان نائب في البرلمان الحادثة ووصفها": a name after a preposition is
                # not the subject.
                return None
            return m.entity.id
        if m.last < cue_wi - 2:
            break
    return None


_GOVERNING = frozenset(normalize(w) for w in ("في", "من", "إلى", "الى", "على", "عن", "مع", "ل", "ب", "لدى",
                                               "عند", "بين", "حول", "ضد"))


def _inside(spans: list[tuple[int, int]], starts: list[int], off: int) -> bool:
    """Is ``off`` inside one of ``spans`` (sorted by start; few nest)?"""
    i = bisect_right(starts, off) - 1
    return any(spans[k][0] <= off < spans[k][1] for k in range(max(0, i - 3), i + 1))


def _trim_end(text: str, s: int, e: int) -> int:
    while e > s and (text[e - 1].isspace() or text[e - 1] in "،,.؛;:"):
        e -= 1
    return e


_NAME_LINK = frozenset(normalize(w) for w in ("بن", "ابن", "بنت", "أبو", "ابو", "أبي", "أم"))
_DONE = frozenset(normalize(w) for w in ("تم", "يتم", "سيتم", "جرى", "يجري"))


def _context_cues(layout: Layout, norms: list[str], cues: list[bool]) -> None:
    """Correct each word's cue reading (in place) from its neighbours: a name part
    ("عبدالعزيز بن طالب"), a verbal noun ("لم يتم ذكر اسمه"), a passive "يذكر أن"
    (background, no speaker), and بيّن (وبين X أن) only with a complementizer after it."""
    n = len(norms)
    for i, w in enumerate(norms):
        if cues[i]:
            prev = norms[i - 1] if i else ""
            if prev in _NAME_LINK or prev in _DONE:
                cues[i] = False
            elif w in _PASSIVE_CUES and i + 1 < n and (
                    norms[i + 1] in _COMP or (norms[i + 1] in ("الي", "الى") and i + 2 < n
                                              and norms[i + 2] in _COMP)):
                cues[i] = False
        elif w in _WEAK_CUES or (w == "بين" and layout.prev_norm(i) in ("و", "ف")):
            if layout.norm(i - 1) in _GOVERNING or i and norms[i - 1] in ("ما", "من"):
                continue
            for j in range(i + 1, min(i + 10, n)):
                if norms[j] in _COMP:
                    cues[i] = True
                    break
                if layout.doc.text[layout.ends[j]: layout.ends[j] + 2].strip()[:1] in (".", "؟", "!"):
                    break


def _short_name_quote(text: str, off: int) -> bool:
    """Does a quotation mark at ``off`` hold a short name ("لـ«عكاظ»")? Such a name does
    not end a cue's subject."""
    close = _OPEN.get(text[off:off + 1])
    if close is None:
        return False
    j = text.find(close, off + 1, off + 40)
    return j > 0 and len(text[off + 1:j].split()) <= 3


def _embedded_cue(layout: Layout, j: int) -> bool:
    """Is cue ``j`` a bare imperfect verb whose subject is a noun phrase inside reported
    words ("... الحادث يؤكد أن"), not a new speaker's report? No و/ف, no actor right
    before it."""
    w = layout.norm(j)
    if not w or w[0] not in "يت" or not is_speech_verb(w) or layout.prev_norm(j) in ("و", "ف"):
        return False
    for m in layout.between(layout.starts[max(0, j - 3)], layout.starts[j]):
        if m.last >= j - 2 and m.entity.type in ("PER", "ORG"):
            return False
    return True


#: Media heads: "لوكالة X"، "لصحيفة X" name whom the speaker told, not the speaker.
_MEDIA = frozenset(normalize(w) for w in (
    "وكالة", "صحيفة", "قناة", "موقع", "إذاعة", "تلفزيون", "جريدة", "مجلة", "شبكة", "محطة"))
_ADDRESSEE_RX = re.compile(r"(?:^|[\s(])ل(?:ـ[\s«\"“]*|[\s«\"“]+)$")


def _not_speaker(layout: Layout, m: MentionRef, addressee: bool = True) -> bool:
    """A mention that cannot be the speaker: God (دعا الله أن), an addressee
    ("قال لـ«عكاظ»"), or a relative or group of the subject ("والد الجندي فلان",
    "قبيلة آل فلان")."""
    text = layout.doc.text
    if normalize(text[m.start:m.end]).strip("«»\"“”") == _ALLAH:
        return True
    if addressee and _ADDRESSEE_RX.search(text, max(0, m.start - 8), m.start):
        return True
    if addressee and layout.prev_norm(m.first) == "ل" and layout.norm(m.first) in _MEDIA:
        return True  # "في بريد إلكتروني لوكالة فرانس برس": the agency is told
    for j in range(m.first - 1, max(-1, m.first - 8), -1):
        w = layout.norm(j)
        if w in _KIN and not layout.in_mention(j):
            # (a kin word heads a construct, "والد الجندي فلان": not "للرعاية الاجتماعية
            # والأسرة الدكتور فلان", nor one inside a name, "محافظة جدة")
            return True
        if is_cue(w) or text[layout.ends[j]: layout.ends[j] + 2].strip()[:1] in ("،", ",", ":"):
            break
    return False
