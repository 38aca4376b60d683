"""Arabic normalisation as a *view*: a normalised string plus a map back to the original.

The original text is never changed. ``NormView(text).norm`` is the normalised string and
``view.to_orig(s, e)`` turns a span of it into the span of the original that it came from,
so anything found on the normalised view can be reported at true offsets.

What is normalised (each a separate, documented choice):

* alef and hamza carriers: أ إ آ ٱ ٲ ٳ → ا ; ؤ → و ; ئ → ي
* alef maqsura ى → ي ; ta marbuta ة → ه ; Persian/Urdu letters ک ی ۀ → ك ي ه
* diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks) and tatweel: removed
* Arabic-Indic ٠-٩ and Persian ۰-۹ digits → 0-9 ; ٫ → . ; ٬ → ,
* presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF): to their base letters (ﻻ → لا)
* zero-width and bidi control characters (ZWJ, ZWNJ, LRM, RLM, ALM, embeddings, isolates,
  BOM, soft hyphen): removed
* NBSP and other Unicode spaces → a plain space
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

_BASE: dict[str, str] = {}
for _c in "أإآٱٲٳ":
    _BASE[_c] = "ا"
_BASE.update({"ؤ": "و", "ئ": "ي", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي", "ۀ": "ه",
              "ۃ": "ه", "ي": "ي", "ـ": "", "٫": ".", "٬": ",", "\u00a0": " ",
              "\u2007": " ", "\u202f": " ", "\u3000": " "})
for _i in range(10):
    _BASE[chr(0x0660 + _i)] = str(_i)
    _BASE[chr(0x06F0 + _i)] = str(_i)
# Diacritics and Quranic annotation marks.
for _cp in list(range(0x064B, 0x0660)) + [0x0670] + list(range(0x06D6, 0x06DD)) + list(
    range(0x06DF, 0x06E9)
) + list(range(0x06EA, 0x06EE)) + list(range(0x08D3, 0x0900)):
    if unicodedata.category(chr(_cp)) in ("Mn", "Me"):
        _BASE[chr(_cp)] = ""
# Zero-width and bidi controls.
for _cp in [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD, 0x2060,
            *range(0x202A, 0x202F), *range(0x2066, 0x206A)]:
    _BASE[chr(_cp)] = ""


def _apply_base(s: str) -> str:
    return "".join(_BASE.get(c, c) for c in s)


_MAP: dict[str, str] = dict(_BASE)
# Presentation forms: NFKC to base letters, then the base map.
for _cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
    _c = chr(_cp)
    _n = unicodedata.normalize("NFKC", _c)
    if _n != _c:
        _MAP[_c] = _apply_base(_n.replace(" ", ""))

_TABLE = str.maketrans(_MAP)
# Characters whose normalised form is not exactly one character (deleted or expanded).
_NOT_ONE = "".join(sorted(c for c, r in _MAP.items() if len(r) != 1))
_NOT_ONE_RE = re.compile("[" + re.escape(_NOT_ONE) + "]")
_DELETED_RE = re.compile("[" + re.escape("".join(sorted(c for c, r in _MAP.items() if r == ""))) + "]")
_EXPANDED_RE = re.compile("[" + re.escape("".join(sorted(c for c, r in _MAP.items() if len(r) > 1))) + "]")


# Function words written with a final ى: normalising ى to ي makes them name keys (على →
# علي "Ali"), so name matching skips them as written (NER propagation, KB aliases).
MAQSURA_FUNCTION_WORDS = frozenset({"على", "إلى", "الى", "لدى", "حتى", "سوى", "متى"})


def normalize(s: str) -> str:
    """The normalised form of ``s`` (no offset map; for lexicon keys and token norms)."""
    return s.translate(_TABLE)


def strip_marks(s: str) -> str:
    """``s`` without the characters normalisation deletes (diacritics, tatweel, zero-width
    and bidi controls), letters as written (hamza forms, ى, ة kept)."""
    return _DELETED_RE.sub("", s)


def is_arabic_letter(c: str) -> bool:
    """True for a letter of the Arabic script (any block)."""
    o = ord(c)
    return (0x0620 <= o <= 0x064A or 0x066E <= o <= 0x06D3 or 0x06FA <= o <= 0x06FF
            or 0x0750 <= o <= 0x077F or 0x08A0 <= o <= 0x08C9 or 0xFB50 <= o <= 0xFDFF
            or 0xFE70 <= o <= 0xFEFC) and c.isalpha()


class NormView:
    """A normalised view of ``text`` with an offset map back to it.

    ``norm[i]`` came from ``text[orig[i]]``. Characters removed by normalisation have no
    position in ``norm``; one original character may produce several (ﻻ → لا).
    """

    __slots__ = ("text", "norm", "_orig", "_shift")

    def __init__(self, text: str) -> None:
        self.text = text
        norm = text.translate(_TABLE)
        self.norm = norm
        self._orig: list[int] | None = None
        # Common case: characters are only removed (diacritics, tatweel, bidi marks). The
        # k-th removed character at original position d falls before normalised position
        # d - k, so orig(i) = i + (removals at normalised positions <= i): one regex scan
        # and a bisect instead of a Python loop per character.
        self._shift: list[int] | None = None
        if _NOT_ONE_RE.search(text) is None:
            return  # every mapping one-to-one: offsets are the identity
        if _EXPANDED_RE.search(text) is None:
            self._shift = [m.start() - k for k, m in enumerate(_DELETED_RE.finditer(text))]
            return
        out: list[str] = []
        orig: list[int] = []
        get = _MAP.get
        for i, c in enumerate(text):
            r = get(c, c)
            if r:
                out.append(r)
                orig.extend([i] * len(r))
        self.norm = "".join(out)
        self._orig = orig

    def orig_offset(self, i: int) -> int:
        """Original offset of normalised position ``i`` (``len(norm)`` maps to ``len(text)``)."""
        if self._shift is not None:
            if i >= len(self.norm):
                return len(self.text)
            return i + bisect_right(self._shift, i)
        if self._orig is None:
            return i
        if i >= len(self._orig):
            return len(self.text)
        return self._orig[i]

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        """The original span ``[s, e)`` that normalised span ``[start, end)`` came from."""
        if self._orig is None and self._shift is None:
            return start, end
        if end <= start:
            s = self.orig_offset(start)
            return s, s
        return self.orig_offset(start), self.orig_offset(end - 1) + 1

    def from_orig(self, offset: int) -> int:
        """The first normalised position at or after original ``offset``."""
        if self._shift is not None:
            # Number of removed characters strictly before ``offset``.
            lo, hi = 0, len(self._shift)
            while lo < hi:
                mid = (lo + hi) // 2
                if self._shift[mid] + mid < offset:
                    lo = mid + 1
                else:
                    hi = mid
            return offset - lo
        if self._orig is None:
            return offset
        return bisect_left(self._orig, offset)

    def __len__(self) -> int:
        return len(self.norm)


__all__ = ["NormView", "normalize", "is_arabic_letter", "MAQSURA_FUNCTION_WORDS"]
