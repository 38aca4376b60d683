"""Lookup keys for place names: one normalised form per spelling, shared by the build
script and the runtime so both sides agree."""

from __future__ import annotations

import re

from rasd.text.normalize import normalize

_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NON_LETTER = re.compile(r"[^\u0621-\u064a ]+")
_SPACES = re.compile(r"\s+")

#: Words that say what kind of place follows (normalised). Value: the levels they suggest.
CUES: dict[str, tuple[str, ...]] = {
    "مدينه": ("city",), "بلده": ("city",), "قريه": ("city", "site"), "بلدات": ("city",),
    "قري": ("city",), "مدن": ("city",), "عاصمه": ("city",), "العاصمه": ("city",),
    "حي": ("site", "city"), "احياء": ("site",), "ضاحيه": ("site", "city"),
    "مخيم": ("site", "city"), "محافظه": ("admin1", "admin2"), "ولايه": ("admin1", "admin2"),
    "اقليم": ("admin1", "admin2", "region"), "مقاطعه": ("admin1", "admin2"),
    "منطقه": ("admin1", "admin2", "region", "city"), "اماره": ("admin1",),
    "مديريه": ("admin2",), "قضاء": ("admin2",), "ناحيه": ("admin2", "city"),
    "لواء": ("admin2",), "دوله": ("country",), "جمهوريه": ("country",),
    "مملكه": ("country",), "سلطنه": ("country",), "بلاد": ("country", "region"),
    "ريف": ("admin1", "admin2", "city"), "محيط": ("city",), "ضواحي": ("city",),
}

#: Cue words that are written as part of the place mention (محافظة الأحساء, حي العنود).
MENTION_CUES = frozenset({
    "محافظه", "ولايه", "اقليم", "مقاطعه", "اماره", "مديريه", "قضاء", "ناحيه", "قريه",
    "بلده", "حي", "مخيم", "لواء", "ضاحيه",
})

#: Direction words: "شمال X" is part of X (precision 2).
DIRECTIONS = frozenset({
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "شمال شرق",
    "شمال غرب", "جنوب شرق", "جنوب غرب", "شمال شرقي", "شمال غربي", "جنوب شرقي", "جنوب غربي",
})

_STRIP_PREFIXES = tuple(c + " " for c in (
    "مدينه", "محافظه", "ولايه", "اقليم", "مقاطعه", "منطقه", "اماره", "بلده", "قريه",
    "مديريه", "قضاء", "لواء", "ناحيه",
))


#: Persian/Urdu/Kurdish letters that tweets and some sources use in Arabic words (جدہ،
#: پاکستان، ڤيينا): the Arabic letter the build script also writes for them (its first
#: choice in ``_PERSIAN``), so that runtime keys and gazetteer keys agree. Without this
#: they were dropped as non-letters (پاکستان → اكستان).
_EXTRA_LETTERS = str.maketrans({
    "گ": "غ", "پ": "ب", "چ": "تش", "ژ": "ج", "ڤ": "ف", "ڭ": "غ", "ٹ": "ت", "ڈ": "د",
    "ڑ": "ر", "ں": "ن", "ہ": "ه", "ھ": "ه", "ے": "ي", "ۆ": "و", "ێ": "ي", "ە": "ه",
    "ڪ": "ك", "ې": "ي", "ۍ": "ي", "ۇ": "و",
})


def name_key(s: str) -> str:
    """The normalised lookup form of a place name (letters and single spaces only)."""
    s = normalize(s).translate(_EXTRA_LETTERS)
    s = _PAREN.sub(" ", s)
    s = s.replace("-", " ").replace("_", " ").replace("ـ", "")
    s = _NON_LETTER.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def stripped_variants(s: str) -> list[str]:
    """``name_key(s)`` and the spellings it is also written as (without its cue word,
    ابو/ام glued or spaced, افريقيه for افريقيا)."""
    k = name_key(s)
    if not k:
        return []
    out = [k]
    for p in _STRIP_PREFIXES:
        if k.startswith(p) and len(k) > len(p) + 2:
            out.append(k[len(p):])
    for v in list(out):
        w = v.split(" ")
        if len(w) >= 2 and w[0] in ("ابو", "ام", "عبد", "بني", "بن", "دار", "راس", "عين"):
            out.append(w[0] + w[1] + ("" if len(w) == 2 else " " + " ".join(w[2:])))
        if "افريقيا" in v:
            out.append(v.replace("افريقيا", "افريقيه"))
        if len(w) == 2 and w[1].startswith("ال") and len(w[0]) >= 3:
            # Hashtag / informal spelling glues "X الY": حفرالباطن.
            out.append(w[0] + w[1])
        if len(w) == 1 and 3 <= v.find("ال", 3) <= len(v) - 4:
            i = v.find("ال", 3)
            out.append(v[:i] + " " + v[i:])  # and the other way: حفرالباطن → حفر الباطن
        if v.endswith("اء") and len(v) >= 5:
            out.append(v[:-1])  # final hamza often dropped: البتراء → البترا
    seen: list[str] = []
    for v in out:
        if v not in seen:
            seen.append(v)
    return seen
