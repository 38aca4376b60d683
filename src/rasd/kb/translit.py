"""Arabic → English transliteration of names not in the knowledge base.

A word dictionary (normalised Arabic word → usual English form) first, then a
joint-sequence (graphone) 4-gram model learnt from name pairs, read by a beam search
(``GraphoneModel``; the older per-letter character model ``char_transliterate`` is the
fallback when its table is absent or ``USE_GRAPHONES`` is false; see
scripts/build_kb_translit.py and notes/kb_translit.md). The article ال becomes ``al-``
("الحاسي" → "al-Hassi"); words are capitalised.
"""

from __future__ import annotations

import gzip
import os
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from operator import methodcaller

from rasd.cache import TwoGen
from rasd.text.normalize import normalize

_WORD = re.compile(r"\w+")
# normalize() of one name word, memoised (each word of a name is normalised several times).
_nword = lru_cache(maxsize=50_000)(normalize)
_STARTS_ABDAL = methodcaller("startswith", "عبدال")
_LOWER = {"al", "bin", "ibn", "bint", "de", "di", "van", "von", "da", "la", "le", "el"}
# Particles with a fixed English form in names.
_FIXED = {"بن": "bin", "ابن": "ibn", "بنت": "bint", "ولد": "ould", "ابو": "abu", "ابي": "abi",
          "ام": "umm",
          "عبد": "abd", "دي": "de", "ال": "Al"}  # آل (family of): "Al Saud", "Al Maktoum"


# Compound names written as two words in Arabic, one in English.
_PAIRS = {"عبد الله": "abdullah", "عبد الرحمن": "abdulrahman", "عبد العزيز": "abdulaziz",
          "ابو بكر": "abu bakr", "عبد الرحيم": "abdul rahim", "عبد الكريم": "abdul karim"}


# Early Islamic figures, whose names head many mosques, schools and streets, have one
# fixed English form ("علي بن أبي طالب" is Ali ibn Abi Talib, not "Ali bin Abi Taleb").
_CLASSICAL = {tuple(normalize(w) for w in k.split()): v for k, v in {
    "علي بن أبي طالب": "Ali ibn Abi Talib", "عمر بن الخطاب": "Umar ibn al-Khattab",
    "عثمان بن عفان": "Uthman ibn Affan", "أبو بكر الصديق": "Abu Bakr al-Siddiq",
    "خالد بن الوليد": "Khalid ibn al-Walid", "سعد بن أبي وقاص": "Sa'd ibn Abi Waqqas",
    "عمر بن عبد العزيز": "Umar ibn Abd al-Aziz", "صلاح الدين الأيوبي": "Saladin",
    "الحسن بن علي": "Hasan ibn Ali", "جعفر الصادق": "Ja'far al-Sadiq",
    "أبو حنيفة": "Abu Hanifa", "ابن تيمية": "Ibn Taymiyyah", "عمرو بن العاص": "Amr ibn al-As",
}.items()}
_CLASSICAL_FIRST = frozenset(k[0] for k in _CLASSICAL)
# First parts of Afghan and Pakistani compound given names ("دين محمد" Din Mohammad, "گل
# أحمد" Gul Ahmad): their own spelling, not the name dictionary's ("دين" → "Dean").
_COMPOUND_EN = {normalize(k): v for k, v in {
    "دين": "din", "نور": "noor", "غل": "gul", "گل": "gul", "شير": "sher", "فيض": "faiz",
    "تاج": "taj", "دوست": "dost", "يار": "yar", "ولي": "wali", "جان": "jan", "فقير": "faqir",
}.items()}
_COMPOUND_NEXT = frozenset(normalize(w) for w in ("محمد", "أحمد"))


# English news spells a few very frequent given names by region (AP/Reuters usage):
# "Mohamed" for Egyptians, North and West Africans, Sudanese and Somalis, "Mohammad" for
# Afghans, Iranians and Pakistanis, "Mohammed" elsewhere (Gulf, Levant, Iraq, Yemen) and
# when the country is unknown. The name-pair data's single most frequent form
# ("mohamed", from Wikidata labels) is right only for the first group.
_AFRICA = frozenset(
    "EG LY TN DZ MA MR EH SD SS SO DJ ER ET ML NE TD BF SN GN GM GW SL LR CI GH TG BJ NG CM "
    "CF KM KE TZ UG".split())
_PERSIAN = frozenset("AF IR PK TJ BD IN".split())
_REGIONAL = {
    "محمد": ("mohammed", "mohamed", "mohammad"),
    "احمد": ("ahmed", "ahmed", "ahmad"),
    "محمود": ("mahmoud", "mahmoud", "mahmood"),
}


# Standard English (Gulf/Levant news) spellings of frequent Arabic given names and Gulf
# family names, hand-checked, used for name words outside the Maghreb. The name-pair
# table's top form is wrong for these: a Tunisian label ("hassen"), a Turkish or Persian
# one ("ayshe", "bender"), a glued label ("alhassane"), an English surname spelt the same
# in Arabic ("سويل" Sowell), or no entry and a guessed vowel ("al-garaney"). Only words
# whose table/model reading was not an accepted spelling are listed (audit: notes/kb.md,
# round 11); Maghreb documents keep the table's (often French) form.
_NAME_EN = {normalize(k): v for k, v in {
    "حسان": "hassan", "بندر": "bandar", "مشعل": "mishal", "هلال": "hilal",
    "فواز": "fawaz", "عائشة": "aisha", "زينب": "zainab", "معاذ": "muadh", "مرزوق": "marzouq",
    "فقيه": "fakeih",
    "الأسد": "al-assad", "الحسن": "al-hassan", "الحسين": "al-hussein",
    "الحسيني": "al-husseini", "العتيبي": "al-otaibi", "الغامدي": "al-ghamdi",
    "الشمري": "al-shammari", "الدوسري": "al-dosari", "المطيري": "al-mutairi",
    "القرني": "al-qarni", "السبيعي": "al-subaie", "الجبوري": "al-jubouri",
    "الحوثي": "al-houthi", "الجبير": "al-jubeir", "السديري": "al-sudairi",
    "العثيمين": "al-othaimeen", "الزهراني": "al-zahrani", "القحطاني": "al-qahtani",
    "الحربي": "al-harbi", "الشهري": "al-shehri", "العسيري": "al-asiri",
    "الهاجري": "al-hajri", "العجمي": "al-ajmi", "الرشيدي": "al-rashidi",
    "الظفيري": "al-dhafiri", "البلوي": "al-balawi", "الجهني": "al-juhani",
    "الشهراني": "al-shahrani", "اليامي": "al-yami", "الكعبي": "al-kaabi",
    "المري": "al-marri", "النعيمي": "al-nuaimi", "المهيري": "al-muhairi",
    "الكواري": "al-kuwari", "العطية": "al-attiyah", "الثاني": "al-thani",
    "نهيان": "nahyan", "مكتوم": "maktoum", "الصباح": "al-sabah", "خليفة": "khalifa",
}.items()}
_MAGHREB = frozenset("TN DZ MA LY MR EH".split())
# The diminutive pattern fu'ail with و as its second radical (السويلم al-Suwailem,
# الرويلي al-Ruwaili, الدويش al-Duwaish): the model reads "وي" as "oi"/"ow"/"w".
_CUWAY_FIRST = {normalize(k): v for k, v in {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}.items()}


# Countries whose local place names are Arabic words (place names there are read as
# Arabic: ``transliterate_name(..., place=True)``).
_ARAB_PLACES = frozenset("SA IQ SY YE JO LB PS KW QA BH AE OM EG LY TN DZ MA MR SD EH".split())
# Topographic words opening place names, in their usual English (construct) form:
# "بئر العبد" Bir al-Abd, "ضاحية السلام" Dahiyat al-Salam, "باب التبانة" Bab al-Tabbaneh.
_TOPO_EN = {normalize(k): v for k, v in {
    "رأس": "ras", "بئر": "bir", "دير": "deir", "كفر": "kafr", "باب": "bab", "بيت": "beit",
    "سوق": "souq", "برج": "burj", "مرج": "marj", "قلعة": "qalaat", "معرة": "maarat",
    "ضاحية": "dahiyat", "جزيرة": "jazirat", "حارة": "harat", "عين": "ain", "حمام": "hammam",
    "منشية": "manshiyat", "عزبة": "izbat", "خربة": "khirbet", "مزرعة": "mazraat",
    "جبل": "jabal", "وادي": "wadi", "خان": "khan", "سيدي": "sidi", "بني": "bani",
}.items()}

#: The normalised topographic words above: part of a place's own name where they open it
#: (the geo stage names such places from the full mention).
TOPO_WORDS = frozenset(_TOPO_EN)


# Head nouns of facility and place names, translated ("{}" = the rest of the name).
_HEAD_EN = {normalize(k): v for k, v in {
    "مسجد": "{} Mosque", "جامع": "{} Mosque", "مستشفى": "{} Hospital", "جامعة": "{} University",
    "مطار": "{} Airport", "ميناء": "{} Port", "سجن": "{} Prison", "مدرسة": "{} School",
    "كلية": "{} College", "فندق": "{} Hotel", "قصر": "{} Palace", "جسر": "{} Bridge",
    "شارع": "{} Street", "ساحة": "{} Square", "طريق": "{} Road", "سد": "{} Dam",
    "مخيم": "{} camp", "معبر": "{} crossing", "غابة": "{} Forest",
    "ملعب": "{} Stadium", "استاد": "{} Stadium", "مجمع": "{} Complex", "قاعدة": "{} Base",
    "نهر": "{} River", "قرية": "{}", "بلدة": "{}", "مدينة": "{}",
    # A district or province is named by its own name, like a village ("حي العنود" →
    # "Al-Anoud", "ولاية لوغار" → "Logar").
    "حي": "{}", "ولاية": "{}", "محافظة": "{}", "إقليم": "{}",
}.items()}
# Head nouns of organisation names, translated for ORG entities only ("نادي الشباب" →
# "Al-Shabab Club", "بنك البلاد" → "Al-Bilad Bank"; before: "Nadi al-Shabab", "Pank
# al-Balad"). General words, the English order "<name> <noun>"; not for persons or places
# (a given name "نادي" Nadi). Unseen-text audit in notes/kb.md, round 10.
_ORG_HEAD_EN = {normalize(k): v for k, v in {
    "نادي": "{} Club", "بنك": "{} Bank", "مصرف": "{} Bank", "مجلس": "{} Council",
    "منظمة": "{} Organization", "لجنة": "{} Committee", "مركز": "{} Center",
    "معهد": "{} Institute", "حزب": "{} Party", "شركة": "{} Company", "مؤسسة": "{} Foundation",
    "جمعية": "{} Society", "وكالة": "{} Agency", "صحيفة": "{} newspaper", "مجموعة": "{} Group",
    "مصنع": "{} Factory", "فرقة": "{} Band", "هيئة": "{} Authority",
}.items()}
# Two-word heads ("مديرية أمن جنوب سيناء" → "South Sinai Security Directorate").
_HEAD2_EN = {tuple(normalize(w) for w in k.split()): v for k, v in {
    "مديرية أمن": "{} Security Directorate",
}.items()}
# Adjectives closing such names ("مطار الملك خالد الدولي").
_ADJ_EN = {normalize(k): v for k, v in {
    "الدولي": "International", "العام": "General", "المركزي": "Central", "الكبير": "Grand",
    "التخصصي": "Specialist", "الجامعي": "University", "الوطني": "National",
    "العسكري": "Military", "الجوية": "Air", "الدائري": "Ring", "الساحلي": "Coastal",
    "الميداني": "Field", "الحكومي": "Government",
}.items()}
# Titles inside names: "الملك فهد" is King Fahd (not "al-Malik"), "الإمام علي" Imam Ali.
_TITLE_EN = {normalize(k): v for k, v in {
    "الملك": "king", "الأمير": "prince", "الأميرة": "princess", "الإمام": "imam",
    "الشيخ": "sheikh", "السلطان": "sultan", "الشهيد": "martyr",
}.items()}


def _regional(word: str, country: str | None) -> str | None:
    """The regional English spelling of a very frequent given name, else ``None``."""
    forms = _REGIONAL.get(word)
    if forms is None:
        return None
    if country in _AFRICA:
        return forms[1]
    if country in _PERSIAN:
        return forms[2]
    return forms[0]


def _table_lines(name: str, raw: bytes | None = None) -> list[str] | None:
    """The lines of a shipped gzipped table ``data/<name>`` (or of ``raw``, its bytes),
    comment lines left out; ``None`` when the file is absent. All three transliteration
    tables (words, characters, graphones) are read by this one function."""
    if raw is None:
        try:
            raw = resources.files("rasd.kb").joinpath("data/" + name).read_bytes()
        except (FileNotFoundError, OSError):
            return None
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    return [ln for ln in lines if not ln.startswith("#")]


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    """Normalised Arabic name word → its usual English form (empty without the table)."""
    out: dict[str, str] = {}
    for line in _table_lines("translit_words.tsv.gz") or ():
        ar, _, en = line.partition("\t")
        if en:
            out[ar] = en
    return out


@lru_cache(maxsize=1)
def _chars() -> dict[str, str]:
    """Context key → English letters (see scripts/build_kb_translit.py)."""
    model: dict[str, str] = {}
    for line in _table_lines("translit_chars.tsv.gz") or ():
        key, _, sub = line.partition("\t")
        model[key] = "" if sub == "_" else sub
    return model


def is_name_word(word: str) -> bool:
    """Is this normalised Arabic word attested as a person-name token?"""
    return word in _words()


def reload() -> None:
    """Forget the loaded data (after a rebuild)."""
    _words.cache_clear()
    _chars.cache_clear()
    _char_levels.cache_clear()
    _NARROW.clear()
    _graphones.cache_clear()
    _foreign_graphones.cache_clear()
    _WINDOW.clear()
    _WINDOW_AR.clear()
    transliterate_word.cache_clear()
    transliterate_name.cache_clear()


_FALLBACK = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "",
}


def context_keys(word: str, i: int) -> list[str]:
    """Context keys of letter ``i`` of ``word``, widest window first."""
    pad = "^^" + word + "$$"
    j = i + 2
    c = pad[j]
    l2, l1, r1, r2 = pad[j - 2:j], pad[j - 1], pad[j + 1], pad[j + 1:j + 3]
    return [f"{l2}|{c}|{r2}", f"{l1}|{c}|{r2}", f"{l2}|{c}|{r1}", f"{l1}|{c}|{r1}",
            f"{l1}|{c}|", f"|{c}|{r1}", f"|{c}|"]


# European spellings the model learnt from foreign names, per Arabic letter, and what an
# Arabic word has instead (Arabic has no p or v; ك is k, never c; ش is sh, not sch/ch).
_ARABIC_FIX: dict[str, tuple[tuple[str, str], ...]] = {
    "ش": (("sch", "sh"), ("ch", "sh"), ("sz", "sh"), ("c", "sh")),
    "خ": (("ch", "kh"), ("j", "kh"), ("x", "kh")),
    "ك": (("ck", "k"), ("ch", "k"), ("c", "k"), ("q", "k")),
    "س": (("sz", "s"), ("ch", "s"), ("c", "s"), ("z", "s")),
    "ص": (("ts", "s"), ("ch", "s"), ("c", "s"), ("z", "s")),
    "ج": (("ch", "j"), ("c", "j"), ("y", "j")),
    "ق": (("ck", "q"), ("ch", "q"), ("c", "q")),
    "ب": (("p", "b"),),
    "ف": (("ph", "f"), ("v", "f")),
    "و": (("v", "w"),),
    "ز": (("tz", "z"),),
    "ح": (("ch", "h"), ("j", "h")),
    "ه": (("ch", "h"),),
}


_WINDOW: dict[str, str] = {}
_WINDOW_AR: dict[str, str] = {}
# Middle three letters of a window → the narrow key shapes' answer (or None).
_NARROW: dict[str, str | None] = {}
_NO_SUB = object()
# Left and right context lengths of the seven key shapes of context_keys, widest first.
_SHAPES = ((2, 2), (1, 2), (2, 1), (1, 1), (1, 0), (0, 1), (0, 0))


@lru_cache(maxsize=1)
def _char_levels() -> tuple:
    """The character table split by key shape, each keyed by its letters without the
    ``|`` separators ("ab|c|de" → "abcde"): the ``get`` of each, in _SHAPES order, then
    the set of middle letter triples (l1 c r1) that the three wide shapes have keys for."""
    levels: list[dict[str, str]] = [{} for _ in _SHAPES]
    index = {shape: i for i, shape in enumerate(_SHAPES)}
    for key, sub in _chars().items():
        left, _, rest = key.partition("|")
        mid, _, right = rest.partition("|")
        i = index.get((len(left), len(right)))
        if i is not None and len(mid) == 1 and key.count("|") == 2:
            levels[i][left + mid + right] = sub
    wide = frozenset(k[1:4] for k in levels[0]) | frozenset(k[0:3] for k in levels[1]) | \
        frozenset(k[1:4] for k in levels[2])
    return tuple(d.get for d in levels) + (wide,)


def _window_sub(win: str, arabic: bool) -> str:
    """English letters for the middle letter of a five-letter window of the padded word."""
    # The keys of context_keys, widest first, until one is known. Each key is a slice of
    # the window without the "|" separators (l2|c|r2 = win, l1|c|r2 = win[1:5], ...), so
    # the table is looked up per key shape by the slice itself (_char_levels).
    g1, g2, g3, g4, g5, g6, g7, wide = _char_levels()
    c = win[2]
    mid = win[1:4]
    sub = None
    if mid in wide:
        # (Only where a key of the three wide shapes exists around these three letters.)
        sub = g1(win)
        if sub is None:
            sub = g2(win[1:5])
            if sub is None:
                sub = g3(win[0:4])
    if sub is None:
        # The narrow shapes depend on the middle three letters only: memoised per three
        # (most windows of an unknown word end at the letter alone).
        sub = _NARROW.get(mid, _NO_SUB)
        if sub is _NO_SUB:
            sub = g4(mid)
            if sub is None:
                sub = g5(win[1:3])
                if sub is None:
                    sub = g6(win[2:4])
                    if sub is None:
                        sub = g7(c)
            if len(_NARROW) < 100_000:
                _NARROW[mid] = sub
    if sub is None:
        sub = _FALLBACK.get(c, c if c.isascii() else "")
    if arabic:
        return _arabic_sub(win, sub)
    return sub


# Consonant letters of Arabic words (ه: not word-final, where it is a ta marbuta).
_CONSONANTS = frozenset("بتثجحخدذرزسشصضطظعغفقكلمنه")


def _arabic_sub(win: str, sub: str) -> str:
    """The reading of an Arabic word's letter (middle of ``win``) with the model's foreign
    habits undone.

    The model learnt mostly from foreign names written in Arabic letters; in an Arabic
    word (i) European consonant spellings become Arabic ones (``_ARABIC_FIX``); (ii) a
    consonant other than ع is never silent ("الدالوة" → al-Dalwa, not "al-Dawa"; ل
    before ل and a final ه excepted); (iii) a long ا is "a" (مراسل not "mrussel").
    (char_transliterate adds the vowel rules that need the neighbours' readings.) Measured
    on Arabic place names (GeoNames, notes/kb.md, round 9).
    """
    c = win[2]
    if sub:
        fix = _ARABIC_FIX.get(c)
        if fix:
            for a, b in fix:
                if a in sub:
                    sub = sub.replace(a, b)
                    break
    if c in _CONSONANTS:
        # (ع is left as read: English often writes it as the next vowel only.)
        if not sub and c != "ع" and not (c == "ل" and win[3] == "ل") and \
                not (c == "ه" and win[3] == "$"):
            return _FALLBACK[c]
        return sub
    if c == "ا" and sub and win[1] != "^" and "a" not in sub:
        return "a"
    return sub


def char_transliterate(word: str, arabic: bool = False, place: str | bool = False,
                       africa: bool = False) -> str:
    """The character model's reading of one normalised Arabic word (lower case).

    Each letter is written as its most frequent English letters in the widest context
    (two letters each side) the model knows, backing off to narrower ones. (A beam search
    with an English letter-trigram model was tried and lowered accuracy; see notes/kb.md.)
    With ``arabic`` (the word is Arabic: it has the article or a letter only Arabic
    words have, or it names a place in an Arabic-speaking country) the model's foreign
    habits are undone per letter (``_arabic_sub``) and by the vowel rules below (long و/ي,
    no initial consonant cluster, -ية "-iya", no doubled i/u); ``place`` (a place in an
    Arabic-speaking country: its ISO code, or True) also writes ق "q", and ج "j" outside
    Egypt and Sudan. Measured on 727 one-word Arabic place names of GeoNames (notes/kb.md).
    ``africa`` (the document is about sub-Saharan Africa; a word that is not Arabic):
    African names are written in Latin orthographies with k, sh, y and i (Kampala, Kinshasa,
    not "Cambala", "Kenchasa"); measured on 246 GeoNames place names there.
    """
    memo = _WINDOW_AR if arabic else _WINDOW
    get = memo.get
    out = []
    pad = "^^" + word + "$$"
    for i in range(len(word)):
        # The letter with two letters of context each side decides; memoised per window
        # (windows repeat across words far more than words do).
        win = pad[i:i + 5]
        sub = get(win)
        if sub is None:
            sub = _window_sub(win, arabic)
            if len(memo) < 300_000:
                memo[win] = sub
        out.append(sub)
    if place:
        for i, ch in enumerate(word):
            if ch == "ق" and out[i][:1] in ("k", "g"):
                # Place names write ق "q" (Qatif, Qusayr, Qena); persons' names vary (Tarek).
                out[i] = "q" + out[i][1:].lstrip("kg")
            elif ch == "ج" and out[i][:1] == "g" and out[i][1:2] != "h" and place not in _G_JIM:
                out[i] = "j" + out[i][1:]  # ج is "g" in Egypt and Sudan only (Giza; Jubail)
    if not arabic:
        if africa:
            _african(word, out)
        return "".join(out)
    n = len(word)
    for i in range(1, n - 1):
        # و and ي between consonants are the long vowels "u" and "i", not "o" / "e"
        # (العنود → al-Anud), unless the next letter's reading carries the vowel ("ou").
        c = word[i]
        if (c == "و" or c == "ي") and word[i - 1] in _CONSONANTS and word[i + 1] in _CONSONANTS:
            if c == "و" and out[i] == "o" and out[i + 1][:1] != "u":
                out[i] = "u"
            elif c == "ي" and out[i] == "e" and out[i + 1][:1] != "i":
                out[i] = "i"
    if n >= 3 and word[0] in _CONSONANTS and word[1] in _CONSONANTS \
            and word[0] != word[1]:  # ("للعلوم": the preposition before the article)
        # No Arabic word starts with two consonants: a vowel after the first one
        # (الكلاسة → al-Kalasa, not "al-Klasa"); "a" is the most frequent short vowel.
        a, b = out[0], out[1]
        if a and b and not _VOWELS.intersection(a) and b[0] not in _VOWELS:
            out[0] = a + "a"
    if n >= 4 and word[-2:] == "يه" and word[-3] not in "اوي":
        # The nisba ending -ية is "-iya" (القادسية al-Qadisiya, not "al-Kadsa").
        out[-2], out[-1] = "iy", "a"
    s = "".join(out)
    if "ii" in s or "uu" in s:
        s = s.replace("ii", "i").replace("uu", "u")  # no doubled i/u in romanised Arabic
    return s


_VOWELS = frozenset("aeiou")
_G_JIM = frozenset(("EG", "SD"))
# Sub-Saharan countries (not Sudan, Somalia's Arabic names are Arabic words anyway).
_AFRICA_SSA = frozenset(
    "NG GH SL LR GM KE UG TZ RW BI SS ET ER SO ZA ZM ZW MW NA BW MZ AO CD CG GA CM TD ML NE "
    "BF SN CI GN TG BJ CF GW MG DJ LS SZ GQ ST CV KM SC MU".split())
_VOWEL_LETTERS = frozenset("اوي")


def _african(word: str, out: list[str]) -> None:
    """Letter readings of a (non-Arabic) name from sub-Saharan Africa, in place: ك is k
    (not c/ck/q), ش sh (not s/c/ch/sch), ي y (not j) and a short "i" between consonants
    (كينشاسا Kinshasa, كيغالي Kigali); a French "dj" for ج is "j"."""
    n = len(word)
    for i, c in enumerate(word):
        s = out[i]
        if c == "ك":
            out[i] = s.replace("ck", "k").replace("c", "k").replace("q", "k")
        elif c == "ش":
            if s in ("s", "c", "ch", "sch", "sz", "ss"):
                out[i] = "sh"
        elif c == "ي":
            s = s.replace("j", "y")
            if 0 < i < n - 1 and s == "e" and word[i - 1] not in _VOWEL_LETTERS \
                    and word[i + 1] not in _VOWEL_LETTERS:
                s = "i"
            elif i == 1 and s[:1] == "y" and word[0] not in _VOWEL_LETTERS \
                    and (n < 3 or word[2] not in _VOWEL_LETTERS):
                s = "i" + s[1:]
            out[i] = s
        elif c == "ج":
            out[i] = s.replace("dj", "j")


@lru_cache(maxsize=50_000)
def transliterate_word(word: str, place: str | bool = False, africa: bool = False) -> str:
    """English form of one Arabic word (dictionary, else character model), lower case.

    ``place``: the word names a place in an Arabic-speaking country (its ISO code, or
    True), so it is read as an Arabic word (see ``char_transliterate``) even without the
    article. ``africa``: the document is about sub-Saharan Africa (see ``_african``)."""
    w = _nword(word)
    if not w:
        return ""
    if w.isascii():
        return w
    if w in _FIXED:
        return _FIXED[w]
    d = _words()
    if w in d:
        en = d[w]
        if w.startswith("ال") and len(w) > 3 and not en.startswith(("al", "el")):
            stem = d.get(w[2:])
            if stem is not None and _FRENCH_SPELLING.search(en) and \
                    not _FRENCH_SPELLING.search(stem) and not _FOREIGN_SPELLING.search(stem):
                # A Maghreb (French) spelling of an article word ("الناصر" naceur, from a
                # few Tunisian Wikidata labels): the stem's usual form, al-Nasser.
                en = stem
            en = "al-" + en
        return en
    raw = word.strip()
    final_ta = raw[-1:] == "ة"
    if w.startswith("ال") and len(w) > 3:
        rest = w[2:]
        raw_rest = raw[2:] if normalize(raw[:2]) == "ال" else rest
        # The article makes the word Arabic: a stem entry spelt like a foreign name
        # ("ريسه" → "riise") is not used for it.
        stem = d.get(rest)
        if stem is not None and _FOREIGN_SPELLING.search(stem):
            stem = None
        if len(rest) >= 4 and rest[1:3] == "وي" and (rest[0] in _CUWAY_FIRST or rest[0] == "ع"):
            # fu'ail with و ("السويلم" al-Suwailem, "العويس" al-Owais); the stem entry is
            # not used ("سويل" is the English surname Sowell).
            t = rest[3:]
            if all(c in _CUWAY_FIRST for c in t.rstrip("ي")) and len(t) <= 2 and not final_ta:
                # Short tails: one consonant, a nisba "Ci", or "CeC" (Suwailem, Ruwaili).
                tail = ("e".join(_CUWAY_FIRST[c] for c in t) if t[-1:] != "ي"
                        else "".join(_CUWAY_FIRST[c] for c in t[:-1]) + "i")
            else:
                tail = _shape(raw_rest[3:], t, final_ta, True, place, africa)
            first = "owai" if rest[0] == "ع" else _CUWAY_FIRST[rest[0]] + "uwai"
            return "al-" + first + tail
        return "al-" + (stem or _shape(raw_rest, rest, final_ta, True, place, africa))
    if w.startswith("عبد") and len(w) > 4 and w[3:] in d:
        return "abd " + d[w[3:]]
    g = _g_variant(w, d)
    if g is not None:
        return g
    if w.startswith("ابو") and (w[3:] in d or len(w) > 6):
        # A glued kunya ("أبورديس", "ابوظبي" → "Abu ..."): two words in English; with the
        # article the second word is read as such ("أبوالعيش" → Abu al-Aish).
        if w[3:5] == "ال" and len(w) > 6:
            return "abu " + transliterate_word(raw[3:], place, africa)
        return "abu " + (d.get(w[3:]) or _shape(raw[3:], w[3:], final_ta, True, place, africa))
    return _shape(raw, w, final_ta, bool(place) or _ARABIC_ONLY.search(w) is not None, place,
                  africa)


# A foreign "g" is written ج (Egypt, and much Gulf press) or ق (Gulf) as often as غ, but the
# name dictionary mostly holds the غ spelling ("دوغلاس" douglas, "غافين" gavin): an unknown
# word is looked up with its ج/ق as غ, and the hit kept only if its English form has a
# plain g (a foreign name), not "gh" (an Arabic غ name). "دوجلاس" → Douglas (was
# "Ducalas"), "جافين" → Gavin, "رودريقو" → Rodrigo, "جوارديولا" → Guardiola.
_G_LETTERS = ("ج", "ق")
_NOT_G_ARABIC = re.compile("[عحصضطظ]")


def _g_variant(w: str, d: dict[str, str]) -> str | None:
    """The dictionary form of ``w`` with its ج/ق read as a foreign g (all, else one at a
    time), when that form writes a plain g; else ``None``."""
    if len(w) < 4 or not any(c in w for c in _G_LETTERS) or _NOT_G_ARABIC.search(w):
        return None
    cands = []
    for c in _G_LETTERS:
        if c in w:
            cands.append(w.replace(c, "غ"))
            cands += [w[:i] + "غ" + w[i + 1:] for i, x in enumerate(w) if x == c]
    for v in cands:
        en = d.get(v)
        if en is not None and "g" in en and "gh" not in en:
            return en
    return None


# Spellings no romanised Arabic word has (p, v, x, a c that is not "ch", doubled i/u,
# German/Slavic clusters): a name-dictionary form with one of them is a foreign name.
_FOREIGN_SPELLING = re.compile(r"[pvx]|c(?!h)|ii|uu|tz|sch|ph")


# French transcription habits of Maghreb names (ch for ش, dj for ج, c for س/ص, -eur).
_FRENCH_SPELLING = re.compile(r"ch|dj|c(?!h)|eur$|^ou")


# Letters that (almost) only Arabic words have: foreign names transliterated into Arabic
# use س ت ك ه د for s t k h d. A word with the article or one of these is Arabic.
_ARABIC_ONLY = re.compile("[عحصضطظق]")


def _shape(raw: str, w: str, final_ta: bool, arabic: bool = False,
           place: str | bool = False, africa: bool = False) -> str:
    """Character-model reading of an unknown name word, with a hamza rule.

    A leading أ read as "e" becomes "a" (الأحساء → al-Ahsa), a leading إ "i": the
    normalised form the model sees has lost the hamza, so the raw word decides. (Rules
    for the nisba endings -وي → -awi and -ية → -iya were tried and raised the character
    error rate on the held-out name words, 71→93 and 136→155 errors; not kept.)
    """
    # A final ta marbuta (ة) marks an Arabic name: never read as a foreign one ("باناجة"
    # Banaja; the graphone model writes "panaga").
    en = _ta(read_word(w, arabic, place, africa, foreign=not final_ta), final_ta)
    first = raw[:1]
    if raw[1:2] == "ي":
        # أي/إي mostly write a foreign "e" sound (إيستر Easter, إيد Ed): the model's reading.
        return en
    if first == "أ" and en[:1] == "e":
        en = "a" + en[1:]
    elif first == "إ" and en[:1] in ("e", "a"):
        en = "i" + en[1:]
    return en


def _ta(en: str, final_ta: bool) -> str:
    """A word-final ta marbuta (ة, normalised to ه) is written -a in names (عجلة → Ajla)."""
    if final_ta:
        for end in ("eh", "ah", "et", "e", "h"):
            if en.endswith(end) and len(en) > len(end) + 1:
                return en[: -len(end)] + "a"
    return en


def _cap(s: str) -> str:
    parts = []
    for p in s.split(" "):
        sub = p.split("-")
        sub = [x if x in _LOWER else x[:1].upper() + x[1:] for x in sub]
        parts.append("-".join(sub))
    return " ".join(parts)


@lru_cache(maxsize=50_000)
def transliterate_name(name: str, country: str | None = None, place: bool = False,
                       org: bool = False) -> str:
    """English form of an Arabic name ("بسام عطية" → "Bassam Attia").

    ``country`` (ISO code of the document's focus country, if known) picks the regional
    spelling of a few very frequent given names (Mohammed / Mohamed / Mohammad) and, for
    sub-Saharan Africa, the Latin orthography of African names (``_african``).
    ``place``: the name is a place's; in an Arabic-speaking ``country`` its words are read
    as Arabic words (``transliterate_word(w, place=True)``).
    ``org``: the name is an organisation's; its head noun is translated too (``_ORG_HEAD_EN``).
    """
    if not name:
        return ""
    words = _WORD.findall(name)
    # A facility or place noun heading the name is translated, not transliterated
    # ("مستشفى الملك فهد العام" → "King Fahd General Hospital"), with trailing adjectives.
    template, nh = _head_template(words, org)
    tail: list[str] = []
    if template is not None:
        words = words[nh:]
        while len(words) >= 2 and _nword(words[-1]) in _ADJ_EN:
            tail.insert(0, _ADJ_EN[_nword(words[-1])])
            words = words[:-1]
    core = _core_name(words, country, country if place and country in _ARAB_PLACES else "",
                      country in _AFRICA_SSA)
    if template is None:
        return core
    return template.format(" ".join([core] + tail))


def _head_template(words: list[str], org: bool = False) -> tuple[str | None, int]:
    """The English template of a facility head opening ``words`` and its length in words
    (a name must follow it); with ``org`` also an organisation's head (``_ORG_HEAD_EN``)."""
    if len(words) >= 3:
        t = _HEAD2_EN.get((_nword(words[0]), _nword(words[1])))
        if t is not None:
            return t, 2
    if len(words) >= 2:
        w0 = _nword(words[0])
        t = _HEAD_EN.get(w0)
        if t is None and org:
            t = _ORG_HEAD_EN.get(w0)
        if t is not None:
            return t, 1
    return None, 0


def head_core(name: str, org: bool = False) -> tuple[str, str] | None:
    """(head word, the name after it and before its closing adjectives) of a facility or
    organisation name ("مستشفى عسير المركزي" → ("مستشفى", "عسير")), else ``None``."""
    words = _WORD.findall(name)
    template, nh = _head_template(words, org)
    if template is None or nh != 1:
        return None
    rest = words[1:]
    while len(rest) >= 2 and _nword(rest[-1]) in _ADJ_EN:
        rest = rest[:-1]
    return _nword(words[0]), " ".join(rest)


def facility_name(name: str, inner_en: str, template: str | None = None) -> str:
    """English name of a facility named after a known place or person: the head noun's
    template around ``inner_en`` ("مستشفى الطور العام", "El Tor" → "El Tor General
    Hospital"); ``inner_en`` alone when the first word is no facility noun. ``template``
    overrides the head noun's ("Mount {}" for "جبل سنجار")."""
    words = _WORD.findall(name)
    if template is not None:
        return template.format(inner_en)
    template, nh = _head_template(words, True)
    if template is None:
        return inner_en
    inner_en = _plain_place(inner_en)
    # "South Sinai Governorate" → "South Sinai Security Directorate", "'Asir Region" →
    # "Asir Central Hospital": a facility is named after the place, not its unit
    # ("New York City" → New York University, "Marquette County" → Marquette University.)
    for unit in (" Governorate", " Province", " Region", " City", " County"):
        if inner_en.endswith(unit):
            inner_en = inner_en[: -len(unit)]
    tail: list[str] = []
    words = words[nh:]
    while len(words) >= 2 and normalize(words[-1]) in _ADJ_EN:
        tail.insert(0, _ADJ_EN[normalize(words[-1])])
        words = words[:-1]
    return template.format(" ".join([inner_en] + tail))


def _plain_place(en: str) -> str:
    """A gazetteer's English place name in plain letters ("Najrān" → Najran, "Ta’if" → Taif,
    "'Asir" → Asir): the form inside a facility's name."""
    if en.isascii() and not en.startswith(("'", "Muhafazat ", "Mintaqat ")):
        return en
    s = unicodedata.normalize("NFKD", en)
    s = "".join(c for c in s if not unicodedata.combining(c) and c not in "’ʼ‘`")
    s = s.lstrip("'")
    # GeoNames' transliterated unit words ("Muhafazat Hadramaout"): the place alone.
    for unit in ("Muhafazat ", "Mintaqat "):
        if s.startswith(unit):
            s = s[len(unit):]
    return s


def _core_name(words: list[str], country: str | None, place: str = "",
               africa: bool = False) -> str:
    """The transliterated words of a name, capitalised (see transliterate_name)."""
    if any(map(_STARTS_ABDAL, words)):
        # A glued "عبدالله" / "عبدالرحمن" is read as the two words "عبد الله" (Abdullah,
        # not "Abd Allah"), unless the glued form itself is a known name word.
        split = []
        for w in words:
            n = normalize(w)
            if n.startswith("عبدال") and len(n) > 6 and n not in _words():
                split += [w[:3], w[3:]]
            else:
                split.append(w)
        words = split
    out = []
    i = 0
    while i < len(words):
        w = _nword(words[i])
        if w in ("عبد", "ابو") and i + 1 < len(words):
            # "عبد الرازق" / "عبدالرازق": one name in English ("Abdul Razeq", "Abdulghani").
            nxt = normalize(words[i + 1])
            glued = _PAIRS.get(w + " " + nxt) or _words().get(w + nxt)
            if glued:
                out.append(glued)
            elif w == "عبد" and nxt.startswith("ال") and len(nxt) > 3:
                # The stem's own entry, else the article form's ("الرازق"), else the model.
                full = _words().get(nxt) or ""
                full = full[3:] if full.startswith(("al-", "el-")) else full
                stem = _words().get(nxt[2:]) or full or transliterate_word(nxt[2:])
                if nxt[2:4] == "عا" and len(stem) <= 2 and stem[:1] == "a":
                    # "عبد العال": the model writes ع nothing and ا "a" → "Abdul al";
                    # English writes the long a after ع twice (Abdel Aal, Abdul Aati).
                    stem = "a" + stem
                out.append("abdul " + stem)
            else:
                out.append(transliterate_word(words[i], place, africa) + " "
                           + transliterate_word(words[i + 1], place, africa))
            i += 2
            continue
        if w in _CLASSICAL_FIRST:
            hit = next((k for k in _CLASSICAL if tuple(normalize(x) for x in words[i:i + len(k)]) == k),
                       None)
            if hit is not None:
                out.append(_CLASSICAL[hit])
                i += len(hit)
                continue
        if w in _COMPOUND_EN and i + 1 < len(words) and normalize(words[i + 1]) in _COMPOUND_NEXT:
            out.append(_COMPOUND_EN[w])
            i += 1
            continue
        if not i and w in _TOPO_EN and len(words) > 1:
            # A topographic word opening a place name ("بئر العبد" Bir al-Abd).
            out.append(_TOPO_EN[w])
            i += 1
            continue
        # A title only before a name ("أحمد السلطان" is Ahmed al-Sultan).
        title = _TITLE_EN.get(w) if i + 1 < len(words) else None
        regional = _regional(w, country) if w in _REGIONAL else None
        if regional is None and w in _NAME_EN and country not in _MAGHREB:
            regional = _NAME_EN[w]
        out.append(title or regional or transliterate_word(words[i], place, africa))
        i += 1
    s = " ".join(x for x in out if x)
    if country in _PERSIAN and "k" in s:
        # Afghan, Iranian and Pakistani names write ق "q" (Abdul Raziq, Haqqani, Qasem),
        # where the name dictionary often has an Arabic/Turkish "k" ("razek"): with no ك in
        # the name, every k that is not "kh" (خ) stands for ق.
        joined = "".join(words)
        if "ق" in joined and "ك" not in joined and "گ" not in joined and "ک" not in joined:
            s = _K_NOT_KH.sub("q", s)
    s = _cap(s)
    return s[:1].upper() + s[1:]


_K_NOT_KH = re.compile(r"c?k(?!h)")


# -- joint-sequence (graphone) model --------------------------------------------------------
class GraphoneModel:
    """Joint-sequence n-gram model over graphones (Bisani & Ney 2008).

    A graphone pairs an Arabic letter (the decoder also takes two-letter units, which the
    shipped table does not use) with 0–3 English letters ("ش:sh", "ا:").
    The table (``translit_graphones.tsv.gz``, built by scripts/build_kb_translit.py) holds
    Witten-Bell interpolated log probabilities and back-off weights in ARPA style; a word
    is read by a beam search over the graphone sequences that spell it.
    """

    def __init__(self, lines, beam: int = 8, per_chunk: int = 12):
        self.order = 1
        self.probs: dict[tuple, float] = {}
        self.bows: dict[tuple, float] = {}
        self.beam = beam
        self.per_chunk = per_chunk
        self.unk = -12.0
        by_chunk: dict[str, list] = {}
        for line in lines:
            if not line or line.startswith("#"):
                continue
            if line.startswith("order\t"):
                self.order = int(line.split("\t")[1])
                continue
            key, lp, bow = line.split("\t")
            toks = tuple(key.split(" "))
            self.probs[toks] = float(lp)
            if bow:
                self.bows[toks] = float(bow)
            if len(toks) == 1 and ":" in key:
                by_chunk.setdefault(key.split(":", 1)[0], []).append((float(lp), key))
        # Candidate graphones per Arabic chunk, most probable first.
        self.by_chunk = {k: [g for _, g in sorted(v, reverse=True)] for k, v in by_chunk.items()}
        self.two_letter = any(len(k) > 1 for k in self.by_chunk)
        self._cands: dict[tuple, list] = {}
        # Per-history rows of (log p, next history); two generations (rasd.cache) — the
        # model now reads every foreign word, so an unbounded memo would grow with a run.
        self._lp: TwoGen = TwoGen(10_000)

    def logp(self, hist: tuple, g: str) -> float:
        """log P(g | hist) with back-off."""
        probs, bows = self.probs, self.bows
        b = 0.0
        h = hist
        while True:
            p = probs.get(h + (g,))
            if p is not None:
                return b + p
            if not h:
                return b + self.unk
            b += bows.get(h, 0.0)
            h = h[1:]

    def _row(self, hist: tuple) -> dict:
        """Memo of (log P(g | hist), next history) per graphone g (filled on demand)."""
        row = self._lp[hist]
        if row is None:
            row = self._lp.put(hist, {})
        return row

    def cands(self, chunk: str, arabic: bool, initial: bool = False) -> list[str]:
        """Graphones spelling ``chunk`` (Arabic words: no European consonant spellings;
        ``initial``: none that write nothing)."""
        key = (chunk, arabic, initial)
        out = self._cands.get(key)
        if out is None:
            out = self.by_chunk.get(chunk, [])
            if arabic:
                bad = [a for c in chunk for a, _ in _ARABIC_FIX.get(c, ())]
                out = [g for g in out if not any(a in g.split(":", 1)[1] for a in bad)]
            if initial:
                out = [g for g in out if not g.endswith(":")]
            out = out[: self.per_chunk]
            if not out and len(chunk) == 1:
                out = [chunk + ":" + _FALLBACK.get(chunk, chunk if chunk.isascii() else "")]
            self._cands[key] = out
        return out

    def decode(self, word: str, arabic: bool = False) -> str:
        """Most probable English spelling of one normalised Arabic word (lower case)."""
        n = len(word)
        if not n:
            return ""
        keep = self.order - 1
        logp, cands, beam, rowof = self.logp, self.cands, self.beam, self._row
        spans = (1, 2) if self.two_letter else (1,)
        layers: list[dict] = [{} for _ in range(n + 1)]
        layers[0][("<s>",)[-keep:] if keep else ()] = (0.0, -1, None, None)
        for i in range(n):
            layer = layers[i]
            if not layer:
                continue
            items = layer.items()
            if len(layer) > beam:
                items = sorted(items, key=lambda kv: -kv[1][0])[:beam]
            for hist, st in items:
                sc = st[0]
                row = rowof(hist)
                for ln in spans:
                    if i + ln > n:
                        break
                    tgt = layers[i + ln]
                    # An Arabic word's first letter is silent only before a long-vowel
                    # letter (عابدين Abidin; but عجلة Ajla, not Jla).
                    for g in cands(word[i:i + ln], arabic, arabic and not i and word[1:2] not in "اوي"):
                        t = row.get(g)
                        if t is None:
                            t = row[g] = (logp(hist, g), (hist + (g,))[-keep:] if keep else ())
                        s = sc + t[0]
                        nh = t[1]
                        old = tgt.get(nh)
                        if old is None or s > old[0]:
                            tgt[nh] = (s, i, hist, g)
        best = None
        for hist, st in layers[n].items():
            s = st[0] + logp(hist, "</s>")
            if best is None or s > best[0]:
                best = (s, hist)
        if best is None:
            return ""
        out = []
        pos, hist = n, best[1]
        while pos > 0:
            _, prev, phist, g = layers[pos][hist]
            out.append(g[g.index(":") + 1:])
            pos, hist = prev, phist
        return "".join(reversed(out))


def load_graphones(raw: bytes | None = None) -> GraphoneModel | None:
    """The shipped graphone model (``None`` when the table is absent); ``raw``: the
    table's bytes instead of the shipped file."""
    lines = _table_lines("translit_graphones.tsv.gz", raw)
    return None if lines is None else GraphoneModel(lines)


# Graphone model for unknown words: better on the held-out name words (exact 21.5 % vs
# 16.7 % for the character model, CER 24.2 % vs 27.3 %) but 3 gold-dev entities worse
# (name_en 82.2 % vs 83.6 %), so off by default until the lead decides; switch it on with
# RASD_TRANSLIT=graphones in the environment (see notes/kb_translit.md).
USE_GRAPHONES = os.environ.get("RASD_TRANSLIT", "chars") == "graphones"
#: The graphone model for words not marked Arabic only (foreign names), checked against
#: the character model (``read_word``). Better on held-out and unseen names but ~1 ms of
#: CPU per new foreign word (≈ 3 per article in a fresh process, 0.5 later), which the
#: 100 articles/s target cannot absorb on today's measurements: off by default until the
#: lead decides; RASD_TRANSLIT_FOREIGN=graphones turns it on (notes/kb.md, round 12).
GRAPHONES_FOR_FOREIGN = os.environ.get("RASD_TRANSLIT_FOREIGN", "chars") == "graphones"


@lru_cache(maxsize=1)
def _graphones() -> GraphoneModel | None:
    return load_graphones()


@lru_cache(maxsize=1)
def _foreign_graphones() -> GraphoneModel | None:
    """The graphone model for foreign words, with a narrower beam (6 states, 8 candidate
    graphones per letter): on the held-out non-Arabic name words the hybrid reading is as
    good as with beam 8/12 (exact 20.7 %, CER 24.5 %) and decodes ~2× faster; beam 4/6
    lost common names on unseen text (ديفيد "Deved") (notes/kb.md, round 12)."""
    lines = _table_lines("translit_graphones.tsv.gz")
    return None if lines is None else GraphoneModel(lines, beam=6, per_chunk=8)


def read_word(word: str, arabic: bool = False, place: str | bool = False,
              africa: bool = False, foreign: bool = True) -> str:
    """Model reading of one normalised word not in the dictionary (lower case): the
    graphone model, else the character model. ``foreign=False``: the word is known to be
    Arabic in other ways (a final ة), so never read as a foreign name."""
    # Very long "words" (no name is) take the linear-time character model. A word that is
    # not marked Arabic (no article, no Arabic-only letter, no Arab place, no African
    # document) is mostly a foreign name written in Arabic letters (دوجلاس Douglas, جافين
    # Gavin, شفاينشتايغر Schweinsteiger): with GRAPHONES_FOR_FOREIGN the graphone model,
    # trained mostly on such names, reads them (held-out non-Arabic words: exact 17.6 →
    # 21.4 %, CER 26.2 → 24.3 % for this hybrid; notes/kb.md, round 12).
    if USE_GRAPHONES:
        gm = _graphones() if len(word) <= 40 else None
        if gm is not None:
            return gm.decode(word, arabic)
        return char_transliterate(word, arabic, place, africa)
    foreign = foreign and GRAPHONES_FOR_FOREIGN and not (arabic or place or africa) \
        and 2 < len(word) <= 40
    gm = _foreign_graphones() if foreign else None
    if gm is not None:
        g = gm.decode(word, arabic)
        # Hybrid: the graphone reading unless it drops a vowel the character model writes
        # ("جرمان" grman, "زبارة" zbara: fewer vowels or a later first vowel) or starts
        # differently from it on a vowel (the graphone model reads an initial ا as "e"
        # or nothing: "اديداس" Edidas, "ألن" N).
        c = char_transliterate(word, arabic, place, africa)
        if _nvowels(g) < _nvowels(c) or _first_vowel(g) > _first_vowel(c) \
                or (g[:1] in _VOWELS) != (c[:1] in _VOWELS) or (word[0] == "ا" and g[:1] != c[:1]) \
                or (word[-2:] == "ان" and _npv(g) > _npv(c)):
            # (…or, in a word ending in the Arabic -ان, writes ب/ف as p/v where the
            # character model does not: "فوزان" Fawzan, not "Vozan".)
            return c
        return g
    return char_transliterate(word, arabic, place, africa)


def _nvowels(s: str) -> int:
    return sum(ch in _VOWELS for ch in s)


def _npv(s: str) -> int:
    return s.count("p") + s.count("v")


def _first_vowel(s: str) -> int:
    return next((i for i, ch in enumerate(s) if ch in _VOWELS), len(s))
