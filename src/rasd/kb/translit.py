"""Arabic → English transliteration of names not in the knowledge base.

A word dictionary (normalised Arabic word → usual English form) first, then a small
character model learnt from name pairs (see scripts/build_kb_translit.py). The article
ال becomes ``al-`` ("الحاسي" → "al-Hassi"); words are capitalised.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib import resources

from rasd.text.normalize import normalize

_WORD = re.compile(r"\w+")
_LOWER = {"al", "bin", "ibn", "bint", "de", "di", "van", "von", "da", "la", "le", "el"}
# Particles with a fixed English form in names.
_FIXED = {"بن": "bin", "ابن": "ibn", "بنت": "bint", "ولد": "ould", "ابو": "abu", "ام": "umm",
          "عبد": "abd", "دي": "de", "ال": "al"}


# Compound names written as two words in Arabic, one in English.
_PAIRS = {"عبد الله": "abdullah", "عبد الرحمن": "abdulrahman", "عبد العزيز": "abdulaziz",
          "ابو بكر": "abu bakr", "عبد الرحيم": "abdul rahim", "عبد الكريم": "abdul karim"}


@lru_cache(maxsize=1)
def _words() -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        raw = resources.files("rasd.kb").joinpath("data/translit_words.tsv.gz").read_bytes()
    except (FileNotFoundError, OSError):
        return out
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
        ar, _, en = line.partition("\t")
        if en:
            out[ar] = en
    return out


@lru_cache(maxsize=1)
def _chars() -> dict[str, str]:
    """Context key → English letters (see scripts/build_kb_translit.py)."""
    model: dict[str, str] = {}
    try:
        raw = resources.files("rasd.kb").joinpath("data/translit_chars.tsv.gz").read_bytes()
    except (FileNotFoundError, OSError):
        return model
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line.startswith("#"):
            continue
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


def char_transliterate(word: str) -> str:
    """The character model's reading of one normalised Arabic word (lower case).

    Each letter is written as its most frequent English letters in the widest context
    (two letters each side) the model knows, backing off to narrower ones. (A beam search
    with an English letter-trigram model was tried and lowered accuracy; see notes/kb.md.)
    """
    model = _chars()
    get = model.get
    out = []
    pad = "^^" + word + "$$"
    for i, c in enumerate(word):
        # The keys of context_keys(word, i), widest first, built only until one is known.
        j = i + 2
        l2, l1, r1, r2 = pad[j - 2:j], pad[j - 1], pad[j + 1], pad[j + 1:j + 3]
        sub = get(f"{l2}|{c}|{r2}")
        if sub is None:
            sub = get(f"{l1}|{c}|{r2}")
            if sub is None:
                sub = get(f"{l2}|{c}|{r1}")
                if sub is None:
                    sub = get(f"{l1}|{c}|{r1}")
                    if sub is None:
                        sub = get(f"{l1}|{c}|")
                        if sub is None:
                            sub = get(f"|{c}|{r1}")
                            if sub is None:
                                sub = get(f"|{c}|")
        if sub is None:
            sub = _FALLBACK.get(c, c if c.isascii() else "")
        out.append(sub)
    return "".join(out)


@lru_cache(maxsize=50_000)
def transliterate_word(word: str) -> str:
    """English form of one Arabic word (dictionary, else character model), lower case."""
    w = normalize(word)
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
            en = "al-" + en
        return en
    raw = word.strip()
    final_ta = raw[-1:] == "ة"
    if w.startswith("ال") and len(w) > 3:
        rest = w[2:]
        raw_rest = raw[2:] if normalize(raw[:2]) == "ال" else rest
        return "al-" + (d.get(rest) or _shape(raw_rest, rest, final_ta))
    if w.startswith("عبد") and len(w) > 4 and w[3:] in d:
        return "abd " + d[w[3:]]
    if w.startswith("ابو") and (w[3:] in d or len(w) > 6):
        # A glued kunya ("أبورديس", "ابوظبي" → "Abu ..."): two words in English.
        return "abu " + (d.get(w[3:]) or _shape(raw[3:], w[3:], final_ta))
    return _shape(raw, w, final_ta)


def _shape(raw: str, w: str, final_ta: bool) -> str:
    """Character-model reading of an unknown name word, with a hamza rule.

    A leading أ read as "e" becomes "a" (الأحساء → al-Ahsa), a leading إ "i": the
    normalised form the model sees has lost the hamza, so the raw word decides. (Rules
    for the nisba endings -وي → -awi and -ية → -iya were tried and raised the character
    error rate on the held-out name words, 71→93 and 136→155 errors; not kept.)
    """
    en = _ta(char_transliterate(w), final_ta)
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
def transliterate_name(name: str) -> str:
    """English form of an Arabic name ("بسام عطية" → "Bassam Attia")."""
    if not name:
        return ""
    words = _WORD.findall(name)
    out = []
    i = 0
    while i < len(words):
        w = normalize(words[i])
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
                out.append("abdul " + (_words().get(nxt[2:]) or full or transliterate_word(nxt[2:])))
            else:
                out.append(transliterate_word(words[i]) + " " + transliterate_word(words[i + 1]))
            i += 2
            continue
        out.append(transliterate_word(words[i]))
        i += 1
    s = " ".join(x for x in out if x)
    s = _cap(s)
    return s[:1].upper() + s[1:]
