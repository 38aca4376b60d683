"""Finding Arabic temporal expressions: a hand-written matcher over normalised tokens.

The text is normalised as :func:`rasd.text.normalize.normalize` does (so Arabic-Indic
digits are ASCII, hamza forms folded, diacritics and tatweel gone; offsets map back through
:class:`rasd.text.normalize.NormView`) and cut into tokens
(letters, digit runs, single other characters; ``العام2023`` gives two tokens). At each
token that can start an expression the patterns below are tried and the longest match
wins; a match is a token span plus a :class:`Sem`, the meaning before resolution
(resolution against the dateline is :mod:`rasd.time.resolve`).

A proclitic (و ف ب ل ك and pairs) on the first word is allowed and left outside the span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from rasd.time import lexicon as L
from rasd.text.normalize import NormView

_TOKEN_RE = re.compile(r"[0-9]+|[^\W\d_]+|\S")
_SENT_END = frozenset(".؟?!؛\n")
_OPEN_BR = frozenset("([")
_CLOSE_BR = frozenset(")]")
_DASHES = frozenset("-–—")
_DATE_SEPS = frozenset("/-.")

# Words that may open a range ("من 1 إلى 5 يوليو", "بين 2010 و2012", "منذ 17 حتى 19 منه").
_RANGE_OPEN = frozenset(L._n(w) for w in ["من", "بين", "منذ"])
_RANGE_CONN = frozenset(L._n(w) for w in ["إلى", "الى", "حتى", "لغاية", "ولغاية", "وحتى", "والى", "وإلى"])
_FROM = L._n("من")
_MINH = L._n("منه")
_SHAHR_DEF = L._n("الشهر")
_AGO = L._n("قبل")
_SINCE = L._n("منذ")
_AWAL = L._n("أول")
_AMS = L._n("أمس")
_BAAD = L._n("بعد")
_GHAD = L._n("غد")
_LAYLA = L._n("الليلة")
_AYYAM = L._n("أيام")
_NISF = frozenset(L._n(w) for w in ["ونصف", "ونصفا", "والنصف"])
_WA = "و"
_GHURRA = L._n("غرة")
_QARN = L._n("القرن")
_DUR_PREPS = frozenset(L._n(w) for w in "خلال لمدة مدة طوال طيلة نحو حوالي قرابة زهاء لنحو بعد".split())
_GENERIC_WEEKDAY_BEFORE = frozenset(L._n(w) for w in "صلاة صلاه خطبة خطبه كل أيام ايام يومي".split())
_NOT_MONDAY_AFTER = frozenset(L._n(w) for w in "معا معاً كلاهما".split())
_QUOTES_OPEN = frozenset('«“"\'')
_QUOTES_CLOSE = frozenset('»”"\'')
_HAJA = L._n("الحاجة")
_DUAL_DIR = {L._n(w): ref for w, ref in [
    ("الماضيين", "PAST_REF"), ("الماضيتين", "PAST_REF"), ("الأخيرين", "PAST_REF"),
    ("الأخيرتين", "PAST_REF"), ("المقبلين", "FUTURE_REF"), ("المقبلتين", "FUTURE_REF"),
    ("القادمين", "FUTURE_REF"), ("القادمتين", "FUTURE_REF")]}
_ASHR = L._n("العشر")
_TENS_WHICH = {L._n("الأواخر"): "last", L._n("الأخيرة"): "last", L._n("الأوائل"): "first",
               L._n("الأولى"): "first", L._n("الأول"): "first"}
_MORE_LESS = {L._n("أكثر"): "MORE_THAN", L._n("أقل"): "LESS_THAN", L._n("أزيد"): "MORE_THAN"}
_APPROX = frozenset(L._n(w) for w in "نحو حوالي قرابة زهاء لنحو بنحو".split())
_EID = L._n("العيد")
_EID_ADJ = frozenset(L._n(w) for w in ["المبارك", "السعيد"])
_EID_BEFORE = frozenset(L._n(w) for w in (
    "قبل بعد خلال صلاة إجازة اجازة عطلة بمناسبة ليلة يوم صباح مساء عشية أيام فرحة"
).split())
_RECENT = frozenset(L._n(w) for w in ["الأخيرة", "الاخيرة", "الأخيره"])
_ANAPH_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _k in L.ANAPHORS:
    _ANAPH_BY_FIRST.setdefault(_k[0], []).append(_k)
_HIJRI_ADJ = frozenset(L._n(w) for w in ["الهجري", "الهجرية"])
_FASTING = frozenset(L._n(w) for w in ["الصيام", "الصوم"])
_WEEKEND_BEFORE = frozenset(L._n(w) for w in ["عطلة", "عطله", "أيام", "ايام"])
_NUMBER_WORDS = frozenset(list(L.UNITS_NUM) + list(L.TENS_NUM))
_PROCLITIC_SET = frozenset(L.PROCLITICS)
_METRE = L._n("م")
_SIFR = L._n("صفر")
_FI = L._n("في")
_QAD = L._n("قد")
_NOW_WORDS = frozenset(L._n(w) for w in ["الآن", "الان", "اليوم", "الأن"])
_DEADLINE = frozenset(L._n(w) for w in ["حتى", "بحلول", "لغاية", "غاية"])
_MONTH_EPITHETS = frozenset(L._n(w) for w in ["المبارك", "الكريم", "المعظم", "الفضيل"])
_AL_AAM_L = L._n("العام")
_WA_AL = frozenset([L._n("وال")])
_PER_DAY_BEFORE = frozenset(L._n(w) for w in (
    "دولار دولارات ريال ريالات درهم دينار جنيه يورو مرة مرات مره ساعة ساعات برميل براميل لتر "
    "طن أطنان كيلو كيلومتر وجبة وجبات رحلة رحلات حالة حالات زائر شخص "
    "دولارين ريالين مرتين ساعتين وجبتين رحلتين").split())
_AREA_AFTER_M = frozenset(["²", "³"] + [L._n(w) for w in ["مربع", "مربعا", "مربعاً", "مكعب", "مكعبا"]])


@dataclass
class Sem:
    """What an expression means, before it is resolved against a reference date.

    ``kind`` is one of: ``date`` (calendar date, any of year/month/day may be missing),
    ``rel_day`` (offset days from the reference: اليوم، أمس), ``rel_unit`` (this/last/next
    week/month/year), ``weekday``, ``ago`` (قبل ثلاثة أيام), ``since`` (منذ أسبوعين),
    ``duration``, ``holiday``, ``season``, ``decade``, ``anaph`` (آنذاك), ``range``.
    """

    kind: str
    cal: str = "g"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    direction: int | None = None
    offset: int = 0
    unit: str | None = None
    amount: float | None = None
    weekday: int | None = None
    mod: str | None = None
    generic: bool = False
    error: str | None = None
    month_anaph: bool = False
    year_offset: int | None = None  # "يوليو من العام الماضي" → −1
    holiday: tuple[str, int, int, int] | None = None
    hol_mode: str = "day"
    nth: int = 1
    future: bool = False
    marked: bool = False  # the calendar was written (هـ / م), not assumed
    parts: tuple["Sem", "Sem"] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Match:
    """A found expression: token span [i, j), the char span in the normalised text, meaning."""

    i: int
    j: int
    start: int
    end: int
    sem: Sem
    parts: list["Match"] = field(default_factory=list)
    list_next: "Match | None" = None
    which: int = 0  # for a range part: 0 = start, 1 = end


class Tokens:
    """Normalised tokens of one text with their offsets in the normalised string."""

    __slots__ = ("norm", "toks", "starts", "ends", "n", "_cores")

    def __init__(self, norm: str) -> None:
        self.norm = norm
        spans = [m.span() for m in _TOKEN_RE.finditer(norm)]
        self.toks = [norm[a:b] for a, b in spans]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        toks = self.toks
        self.n = len(toks)
        self._cores: dict[int, list[tuple[int, str]]] = {}

    def tok(self, i: int) -> str:
        """Token ``i`` or '' past either end."""
        return self.toks[i] if 0 <= i < self.n else ""

    def cores(self, i: int) -> list[tuple[int, str]]:
        """(prefix length, word) readings of token ``i``: itself, and without proclitics."""
        c = self._cores.get(i)
        if c is not None:
            return c
        w = self.toks[i]
        out = [(0, w)]
        if len(w) >= 3 and w[0] in "وفبلك":
            for p in (w[:2], w[:1]):
                if p in _PROCLITIC_SET and len(w) - len(p) >= 2:
                    rest = w[len(p):]
                    out.append((len(p), rest))
                    # ل + article with the alef elided: للعام → ل + (ا)لعام
                    if p[-1] == "ل" and rest[0] == "ل" and len(rest) >= 3:
                        out.append((len(p), "ا" + rest))
        self._cores[i] = out
        return out

    def core_in(self, i: int, table: Any) -> str | None:
        """The first reading of token ``i`` found in ``table`` (set or dict), or None."""
        if not 0 <= i < self.n:
            return None
        for _, w in self.cores(i):
            if w in table:
                return w
        return None

    def adjacent(self, i: int) -> bool:
        """True when token ``i`` starts right where token ``i-1`` ends (no space)."""
        return 0 < i < self.n and self.starts[i] == self.ends[i - 1]


class Matcher:
    """Finds temporal expressions in one normalised text (see module docstring)."""

    def __init__(self, norm: str) -> None:
        self.t = Tokens(norm)

    # -- small readers --------------------------------------------------------------------
    def number(self, i: int, w: str | None = None) -> tuple[int, int] | None:
        """A cardinal number at ``i`` (digits or words, up to compounds) → (end, value)."""
        t = self.t
        w = t.tok(i) if w is None else w
        if not w:
            return None
        if w.isdigit():
            if len(w) > 6:
                return None
            return i + 1, int(w)
        if w in L.UNITS_NUM:
            v = L.UNITS_NUM[w]
            nxt = t.tok(i + 1)
            if v < 10 and nxt in L.TEEN_SECOND:
                return i + 2, v + 10
            if nxt.startswith(_WA) and nxt[1:] in L.TENS_NUM:
                return i + 2, v + L.TENS_NUM[nxt[1:]]
            if nxt == _WA and t.tok(i + 2) in L.TENS_NUM:
                return i + 3, v + L.TENS_NUM[t.tok(i + 2)]
            return i + 1, v
        if w in L.TEEN_FIRST and t.tok(i + 1) in L.TEEN_SECOND:
            return i + 2, L.TEEN_FIRST[w] + 10
        if w in L.TENS_NUM:
            return i + 1, L.TENS_NUM[w]
        if w in L.HUNDREDS_NUM:
            return i + 1, 200 if "تي" in w else 100
        return None

    def ordinal_day(self, i: int, w: str) -> tuple[int, int] | None:
        """A day of the month written as an ordinal ("الحادي والثلاثين") → (end, day)."""
        t = self.t
        if w == _GHURRA:
            return i + 1, 1
        if w in L.ORDINAL_TENS:
            return i + 1, L.ORDINAL_TENS[w]
        if w not in L.ORDINALS:
            return None
        v = L.ORDINALS[w]
        nxt = t.tok(i + 1)
        if nxt in L.TEEN_SECOND:
            return i + 2, v + 10
        if nxt in L.ORDINAL_TENS and nxt.startswith(_WA):
            return i + 2, v + L.ORDINAL_TENS[nxt]
        if nxt == _WA and t.tok(i + 2) in L.ORDINAL_TENS:
            return i + 3, v + L.ORDINAL_TENS[t.tok(i + 2)]
        if w.startswith("الحادي"):
            return None  # "الحادي" alone is not a day
        return i + 1, v

    def month(self, i: int, w: str) -> tuple[int, str, int, int] | None:
        """A month name at ``i`` (first token read as ``w``) → (end, cal, month, ambiguity)."""
        t = self.t
        nxt = t.tok(i + 1)
        if (w, nxt) in L.GREG_MONTHS_2:
            return i + 2, "g", L.GREG_MONTHS_2[(w, nxt)], 0
        if (w, nxt) in L.HIJRI_MONTHS_2:
            return i + 2, "h", L.HIJRI_MONTHS_2[(w, nxt)], 0
        if w in L.GREG_MONTHS:
            amb = 2 if w in L.VERY_AMBIGUOUS_MONTHS else 1 if w in L.AMBIGUOUS_MONTHS else 0
            return i + 1, "g", L.GREG_MONTHS[w], amb
        if w in L.HIJRI_MONTHS:
            if w == _SIFR and self._score_zero(i):
                return None  # "صفر-صفر", "1-صفر": a match score
            amb = 2 if w in L.VERY_AMBIGUOUS_HIJRI else 1 if w in L.AMBIGUOUS_HIJRI else 0
            return i + 1, "h", L.HIJRI_MONTHS[w], amb
        return None

    def _score_zero(self, i: int) -> bool:
        """True when "صفر" at ``i`` is a score digit: a dash joins it to a number or صفر."""
        t = self.t
        for a, b in ((i + 1, i + 2), (i - 1, i - 2)):
            if t.tok(a) in _DASHES or t.tok(a) == ":":
                o = t.tok(b)
                if o.isdigit() or t.core_in(b, (_SIFR,)) is not None:
                    return True
        return False

    def year_number(self, i: int) -> tuple[int, int, str | None] | None:
        """A year written in digits at ``i`` with an optional calendar mark → (end, year, cal)."""
        t = self.t
        w = t.tok(i)
        if not w.isdigit():
            return None
        y = int(w) if len(w) <= 6 else 10 ** 6
        j = i + 1
        cal = None
        mark = t.tok(j)
        if mark in L.HIJRI_MARKS:
            cal, j = "h", j + 1
        elif mark in L.GREG_MARKS:
            if mark == _METRE and (t.tok(j + 1) in _AREA_AFTER_M or (
                    t.adjacent(j + 1) and t.tok(j + 1) in ("2", "3"))):
                return None  # "5210 م٢", "750.000م2", "300 م مربع": square metres, not AD
            cal, j = "g", j + 1
        return j, y, cal

    def future_context(self, i: int) -> bool:
        """True when the clause before token ``i`` is in the future (سوف، المقرر، سيزور ...)."""
        from rasd.text.tokens import word_frequencies

        t = self.t
        freqs = word_frequencies()
        for k in range(i - 1, max(-1, i - 9), -1):
            w = t.toks[k]
            if w in _SENT_END:
                break
            # "قد يصادق ... الجمعة": قد + imperfect is "may", a possibility still to come.
            # (only ي-: تمكن، نجح after قد are perfect verbs, "has done")
            if w == _QAD and len(t.tok(k + 1)) >= 3 and t.tok(k + 1)[0] == "ي":
                return True
            for _, c in t.cores(k):
                if c in L.FUTURE_CUES:
                    return True
                # س + imperfect verb: سيزور، ستجري، سنعمل (the rest must be a frequent word).
                if (len(c) >= 4 and c[0] == "س" and c[1] in "يتن" and c not in _NUMBER_WORDS
                        and freqs.get(c[1:], 0) >= 300):
                    return True
        return False

    def deadline_before(self, i: int) -> bool:
        """True when a deadline word ("حتى", "بحلول", "لغاية") comes right before token ``i``."""
        t = self.t
        k = i - 1
        if t.tok(k) in L.DAY_NOUNS:
            k -= 1  # "حتى يوم 17 سبتمبر"
        return t.core_in(k, _DEADLINE) is not None

    def same_clause(self, a: int, b: int) -> bool:
        """True when no sentence end lies between tokens ``a`` and ``b`` (a < b)."""
        return not any(self.t.toks[k] in _SENT_END for k in range(a, b))

    # -- month tail: "(تموز)" "2015" "هـ" "الماضي" "من العام الماضي" -----------------------
    def month_tail(self, j: int, sem: Sem) -> int:
        """Extend a month expression ending at ``j`` with its optional parts; returns the end."""
        t = self.t
        # Bracketed or slashed alternative name: "يوليو (تموز)", "تموز/يوليو".
        if t.tok(j) in _OPEN_BR or t.tok(j) == "/" or t.tok(j) in _DASHES:
            alt = t.tok(j + 1)
            m = self.month(j + 1, alt)
            if m is not None and t.tok(j) in _DASHES and (m[1], m[2]) != (sem.cal, sem.month):
                m = None  # "يونيو - سبتمبر" is a range, not two names of one month
            if m is not None:
                k = m[0]
                if t.tok(j) == "/" or t.tok(j) in _DASHES or t.tok(k) in _CLOSE_BR:
                    k = k + 1 if t.tok(j) in _OPEN_BR else k
                    if m[1] != sem.cal or m[2] != sem.month:
                        sem.error = "conflicting month names"
                    j = k
        # Two names side by side without brackets: "مايو أيار", "يونيو حزيران 2013".
        m2 = self.month(j, t.tok(j)) if j < t.n else None
        if m2 is not None and m2[1] == sem.cal and m2[2] == sem.month:
            j = m2[0]
        # Year: "2015", "عام 2015", "من عام 2015", "سنة 1436 هـ".
        k = j
        if t.tok(k) == _FROM and t.tok(k + 1) in L.YEAR_NOUNS:
            k += 1
        if t.tok(k) in L.YEAR_NOUNS:
            k += 1
        y = self.year_number(k)
        if y is not None and (len(t.tok(k)) >= 3 or k > j):
            j, sem.year, ycal = y
            if ycal is not None and ycal != sem.cal and not (sem.cal == "h" and sem.day is None):
                sem.error = "mixed calendars"
            elif ycal is None and sem.cal == "g" and 1300 <= sem.year <= 1500:
                # A Gregorian month with a Hijri-era year and no mark ("يوليو 1436"):
                # one of the two is wrong, so no value.
                sem.error = "mixed calendars"
            if sem.cal == "h" and ycal != "h" and sem.year > 1700:
                if sem.day is None:
                    # "رمضان 2015": the Ramadan that falls in 2015 (a common idiom).
                    sem.extra["greg_year"] = sem.year
                    sem.year = None
                else:
                    sem.error = "mixed calendars"  # "15 رمضان 2015"
            if sem.cal == "g" and ycal == "h":
                sem.error = "mixed calendars"
            return j
        # "من العام الماضي", "من هذا العام": the year relative to the reference.
        k = j
        if sem.cal == "h" and t.tok(k) in _MONTH_EPITHETS:
            k += 1  # "رمضان المبارك من العام الماضي"
        # "للعام الماضي", "للعام السابق": the same with ل.
        if t.core_in(k, L.REL_UNIT_NOUNS) == _AL_AAM_L and t.tok(k).startswith("لل") \
                and t.tok(k + 1) in L.DIRECTION and t.tok(k + 1) not in L.DEMONSTRATIVES:
            sem.year_offset = L.DIRECTION[t.tok(k + 1)]
            return k + 2
        if t.tok(k) == _FROM:
            k += 1
            if t.tok(k) in L.DEMONSTRATIVES and t.tok(k + 1) in L.REL_UNIT_NOUNS \
                    and L.REL_UNIT_NOUNS[t.tok(k + 1)] == "Y":
                sem.year_offset = 0
                return k + 2
            if t.tok(k) in L.REL_UNIT_NOUNS and L.REL_UNIT_NOUNS[t.tok(k)] == "Y" \
                    and t.tok(k + 1) in L.DIRECTION:
                sem.year_offset = L.DIRECTION[t.tok(k + 1)]
                return k + 2
        # Direction: "يونيو الماضي", "رمضان المقبل", "يوليو الحالي".
        d = t.tok(j)
        if d in L.DIRECTION and d not in L.DEMONSTRATIVES:
            sem.direction = L.DIRECTION[d]
            j += 1
        return j

    def month_ok(self, i: int, amb: int, has_day: bool, tail_used: bool, shahr: bool) -> bool:
        """Whether an ambiguous month name at ``i`` has enough context to be a month."""
        if amb == 0 or has_day or shahr:
            return True
        if tail_used:
            return True
        if amb >= 2:
            return False
        return i > 0 and self.t.core_in(i - 1, L.MONTH_PREPS) is not None

    # -- patterns ---------------------------------------------------------------------------
    def p_numeric_date(self, i: int, w: str) -> tuple[int, Sem] | None:
        """31/12/2023, 2023-12-31, 31-12-2023 (day first, as written in Arabic news)."""
        t = self.t
        if not w.isdigit() or w != t.toks[i]:
            return None
        sep = t.tok(i + 1)
        # "25/6/1436" and, with "/" only, the spaced form "25 / 6 / 1436" of official texts.
        spaced = sep == "/" and not (t.adjacent(i + 1) and t.adjacent(i + 2))
        if sep not in _DATE_SEPS or (not spaced and not (t.adjacent(i + 1) and t.adjacent(i + 2))):
            return None
        b = t.tok(i + 2)
        if not b.isdigit():
            return None
        if t.tok(i + 3) == sep and (spaced or (t.adjacent(i + 3) and t.adjacent(i + 4))) \
                and t.tok(i + 4).isdigit():
            c = t.tok(i + 4)
            if spaced and not (len(c) == 4 and len(w) <= 2 and len(b) <= 2):
                return None
            if len(w) == 4:
                y, m, d = int(w), int(b), int(c)
            elif len(c) == 4 and len(w) <= 2 and len(b) <= 2:
                d, m, y = int(w), int(b), int(c)
            else:
                return None
            j = i + 5
            sem = Sem("date", year=y, month=m, day=d)
            mark = t.tok(j)
            if mark in L.HIJRI_MARKS:
                sem.cal, sem.marked, j = "h", True, j + 1
            elif mark in L.GREG_MARKS:
                sem.marked, j = True, j + 1
            return j, sem
        return None

    def p_day_month(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"31 ديسمبر", "الحادي والثلاثين من ديسمبر 2023", "19 منه", "التاسع من الشهر الفضيل"."""
        t = self.t
        if w.isdigit():
            if len(w) > 2:
                return None
            k, day = i + 1, int(w)
        else:
            od = self.ordinal_day(i, w)
            if od is None:
                return None
            k, day = od
        ordinal = not w.isdigit()
        if not 1 <= day <= 31:
            return None  # "المادة 45 منه", "0 يوليو": not a day of a month
        if t.tok(k) == _FROM:
            k += 1
        elif ordinal and w != _GHURRA:
            return None  # "التاسع رمضان" is not idiomatic; require "من"
        nxt = t.tok(k)
        if nxt == _MINH:
            return k + 1, Sem("date", day=day, month_anaph=True)
        shahr = False
        if nxt in L.MONTH_NOUNS:
            shahr = True
            k += 1
            nxt = t.tok(k)
        if nxt == _SHAHR_DEF:
            d = t.tok(k + 1)
            if d in L.RAMADAN_EPITHETS:
                return k + 2, Sem("date", cal="h", month=9, day=day, extra={"epithet": True})
            if d in L.DIRECTION and d not in L.DEMONSTRATIVES:
                return k + 2, Sem("rel_unit", unit="M", offset=L.DIRECTION[d], day=day)
            return None
        if nxt in L.DEMONSTRATIVES and t.tok(k + 1) == _SHAHR_DEF:
            return k + 2, Sem("rel_unit", unit="M", offset=0, day=day)
        m = self.month(k, nxt)
        if m is None:
            return None
        j, cal, mon, amb = m
        sem = Sem("date", cal=cal, month=mon, day=day)
        j = self.month_tail(j, sem)
        return j, sem

    def p_month(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"يونيو الماضي", "شهر رمضان", "مارس (اذار) 2014", "كانون الثاني 2020"."""
        t = self.t
        shahr = False
        k = i
        if w in L.MONTH_NOUNS:
            shahr = True
            k = i + 1
            w = t.tok(k)
            if w == "":
                return None
        if shahr and w in _FASTING:
            return k + 1, Sem("date", cal="h", month=9, extra={"epithet": True})
        m = self.month(k, w)
        if m is None:
            return None
        j, cal, mon, amb = m
        sem = Sem("date", cal=cal, month=mon)
        j2 = self.month_tail(j, sem)
        if not self.month_ok(k, amb, False, j2 > j, shahr):
            return None
        return j2, sem

    def p_tens(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"العشر الأواخر من رمضان", "العشر الأوائل من ذي الحجة": ten days of a Hijri month."""
        t = self.t
        if w != _ASHR or t.tok(i + 1) not in _TENS_WHICH or t.tok(i + 2) != _FROM:
            return None
        r = self.p_month(i + 3, t.tok(i + 3)) or self.p_epithet_month(i + 3, t.tok(i + 3))
        if r is None or r[1].cal != "h" or r[1].day is not None:
            return None
        r[1].extra["tens"] = _TENS_WHICH[t.tok(i + 1)]
        return r

    def p_epithet_month(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"الشهر الفضيل" / "الشهر الكريم": Ramadan in news usage."""
        if w == _SHAHR_DEF and self.t.tok(i + 1) in L.RAMADAN_EPITHETS:
            return i + 2, Sem("date", cal="h", month=9, extra={"epithet": True})
        return None

    def p_year(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"عام 2021", "العام2023", "سنة 1436 هـ", bare "2009" after منذ/في/حتى, "1436هـ"."""
        t = self.t
        if w in L.YEAR_NOUNS:
            y = self.year_number(i + 1)
            br = False
            if y is None and t.tok(i + 1) in _OPEN_BR and len(t.tok(i + 2)) == 4:
                # "عام (2011)": the year in brackets; the span takes the closing bracket.
                y = self.year_number(i + 2)
                br = y is not None and t.tok(y[0]) in _CLOSE_BR
                if not br:
                    return None
            if y is None:
                return None
            j, year, cal = y
            if br:
                j += 1
                if not 1800 <= year <= 2100 and cal is None:
                    return None
            sem = Sem("date", cal=cal or "g", year=year, marked=cal is not None)
            if len(t.tok(i + 2 if br else i + 1)) <= 2:
                sem.error = "two-digit year"  # "سنة 52": 1952? 2052? 52 AH?
            return j, sem
        if w.isdigit() and w == t.toks[i]:
            y = self.year_number(i)
            if y is None:
                return None
            j, year, cal = y
            prev_ok = i > 0 and t.core_in(i - 1, L.YEAR_PREPS) is not None
            # "الربع الأخير من 2014", "النصف الثاني من 2015"
            if not prev_ok and t.tok(i - 1) == _FROM and (
                    t.core_in(i - 2, L.PART_OF_YEAR) or t.core_in(i - 3, L.PART_OF_YEAR)):
                prev_ok = True
            # "بين 2010 و2012": a year after و that follows a year.
            if not prev_ok and t.tok(i - 1) == _WA and t.tok(i - 2).isdigit() and len(t.tok(i - 2)) == 4:
                prev_ok = True
            if cal is None and not (prev_ok and len(w) == 4 and 1800 <= year <= 2100):
                return None
            if cal is not None and len(w) < 3:
                return None
            return j, Sem("date", cal=cal or "g", year=year, marked=cal is not None)
        return None

    def p_weekday(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"الأحد", "يوم الجمعة", "الخميس الماضي", "السبت المقبل", "الأحد 19 يوليو"."""
        t = self.t
        k = i
        if w in L.DAY_NOUNS:
            k = i + 1
            w = t.tok(k)
        if w not in L.WEEKDAYS:
            return None
        wd = L.WEEKDAYS[w]
        if wd == 0 and (t.tok(k + 1) in _NOT_MONDAY_AFTER or t.tok(k - 1) == L._n("بين")):
            return None
        prev = t.tok(k - 1)
        if wd == 0 and k == i and prev.startswith("ال") and prev.endswith(("ين", "ان")) and len(prev) > 4:
            return None  # "المستوطنين الاثنين": "the two settlers"
        sem = Sem("weekday", weekday=wd)
        j = k + 1
        d = t.tok(j)
        if d in L.DIRECTION and d not in L.DEMONSTRATIVES and L.DIRECTION[d] != 0:
            sem.direction = L.DIRECTION[d]
            j += 1
        # Generic: "صلاة (يوم) الجمعة", "كل جمعة", "أيام الجمعة".
        if t.core_in(i - 1, _GENERIC_WEEKDAY_BEFORE) and sem.direction is None:
            sem.generic = True
        # Followed by a date: "الأحد 19 يوليو", "الأحد، 19 يوليو 2015".
        k2 = j + 1 if t.tok(j) in ("،", ",") else j
        dm = None
        if k2 < t.n:
            dm = self.p_day_month(k2, t.tok(k2)) or self.p_numeric_date(k2, t.tok(k2))
        if dm is not None and dm[1].kind == "date":
            dsem = dm[1]
            dsem.weekday = wd
            return dm[0], dsem
        return j, sem

    def p_rel_day(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"اليوم", "أمس", "أول من أمس", "أمس الأول", "غدا", "بعد غد", "الليلة الماضية"."""
        t = self.t
        j = None
        off = 0
        nxt = t.tok(i + 1)
        if w == _AWAL and nxt == _FROM and t.tok(i + 2) == _AMS:
            j, off = i + 3, -2
        elif w == _AWAL and nxt == _AMS:
            j, off = i + 2, -2
        elif w == _BAAD and nxt == _GHAD:
            j, off = i + 2, 2
        elif w == _AMS and nxt in (L._n("الأول"),):
            j, off = i + 2, -2
        elif w == _LAYLA and nxt in L.DIRECTION and L.DIRECTION[nxt] == -1:
            j, off = i + 2, -1
        elif w == _LAYLA and nxt == _AGO and L.DIRECTION.get(t.tok(i + 2)) == -1:
            j, off = i + 3, -2  # "الليلة قبل الماضية": the night before last
        elif w in L.REL_DAYS:
            if w == _AMS and (nxt == _HAJA or t.toks[i].startswith(("بامس", "وبامس"))):
                return None  # "بأمسّ الحاجة": "in dire need"
            if w == L._n("اليوم"):
                if nxt in L.NOT_TODAY_AFTER or t.core_in(i - 1, L.NOT_TODAY_BEFORE):
                    return None
                if (nxt == "ال" and t.tok(i + 2).isdigit()) or nxt in L.ORDINALS \
                        or nxt in L.ORDINAL_TENS:
                    return None  # "اليوم الـ19 من شوال", "اليوم التاسع": the Nth day
                if t.tok(i - 1) == _FI and (t.tok(i - 2).isdigit() or t.core_in(i - 2, _PER_DAY_BEFORE)):
                    return None  # "دولار في اليوم", "ثلاث مرات في اليوم": per day
                if t.tok(i - 1) in _QUOTES_OPEN and t.tok(i + 1) in _QUOTES_CLOSE:
                    return None  # «اليوم»: the newspaper
            if w == _LAYLA and (nxt in L.NOT_TODAY_AFTER or nxt in L.DIRECTION or nxt == _AGO):
                return None
            if w == L._n("الغد") and t.core_in(i - 1, {L._n("صباح"), L._n("مساء"), L._n("يوم"), L._n("ظهر")}) is None:
                return None
            j, off = i + 1, L.REL_DAYS[w]
        if j is None:
            return None
        sem = Sem("rel_day", offset=off)
        # Pinned weekday: "اليوم (الجمعة)", "أمس الأربعاء", "غدا الاثنين".
        k = j
        br = t.tok(k) in _OPEN_BR
        if br or t.tok(k) in ("،", ","):
            k += 1
        if t.tok(k) in L.WEEKDAYS:
            if not br or t.tok(k + 1) in _CLOSE_BR:
                sem.weekday = L.WEEKDAYS[t.tok(k)]
                j = k + 2 if br else k + 1
                # "اليوم الاثنين 20 يوليو": the date itself.
                dm = self.p_day_month(j, t.tok(j)) if j < t.n else None
                if dm is not None and dm[1].kind == "date":
                    dm[1].weekday = sem.weekday
                    return dm[0], dm[1]
        return j, sem

    def p_rel_unit(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"الأسبوع الماضي", "الشهر المقبل", "العام الحالي", "هذا العام", "هذه السنة"."""
        t = self.t
        if w in L.REL_UNIT_NOUNS:
            d = t.tok(i + 1)
            if d in _HIJRI_ADJ and L.REL_UNIT_NOUNS[w] == "Y":
                # "العام الهجري الحالي", "السنة الهجرية الماضية", "بداية العام الهجري"
                d2 = t.tok(i + 2)
                if d2 in L.DIRECTION and d2 not in L.DEMONSTRATIVES:
                    return i + 3, Sem("rel_unit", unit="HY", offset=L.DIRECTION[d2])
                return i + 2, Sem("rel_unit", unit="HY", offset=0)
            if d in L.DIRECTION and d not in L.DEMONSTRATIVES:
                return i + 2, Sem("rel_unit", unit=L.REL_UNIT_NOUNS[w], offset=L.DIRECTION[d])
            if d == _AGO and t.tok(i + 2) in L.DIRECTION and L.DIRECTION[t.tok(i + 2)] == -1:
                # "العام قبل الماضي": the year before last
                return i + 3, Sem("rel_unit", unit=L.REL_UNIT_NOUNS[w], offset=-2)
            return None
        if w in L.DEMONSTRATIVES and t.tok(i + 1) in L.REL_UNIT_NOUNS:
            return i + 2, Sem("rel_unit", unit=L.REL_UNIT_NOUNS[t.tok(i + 1)], offset=0)
        return None

    def p_period_mod(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"مطلع الشهر", "أواخر يونيو", "نهاية العام الماضي", "منتصف 2014"."""
        if w not in L.PERIOD_MODS:
            return None
        t = self.t
        k = i + 1
        nxt = t.tok(k)
        inner = None
        # "نهاية العام 2010" is that year (the else branch); "بداية العام 744 نقطة" and
        # "منذ بداية العام 9.9 بالمائة" are this year followed by an amount.
        if nxt in L.REL_UNIT_NOUNS and t.tok(k + 1) not in L.DIRECTION and t.tok(k + 1) not in _HIJRI_ADJ \
                and not (len(t.tok(k + 1)) == 4 and t.tok(k + 1).isdigit()
                         and 1300 <= int(t.tok(k + 1)) <= 2100 and not (
                             t.tok(k + 2) in (".", ",", "،") and t.adjacent(k + 2) and t.tok(k + 3).isdigit())):
            if t.tok(k + 1).startswith("ال"):
                return None  # "بداية العام الدراسي": another kind of year
            if L.REL_UNIT_NOUNS[nxt] == "W" and t.core_in(i - 1, _WEEKEND_BEFORE):
                return None  # "عطلة نهاية الأسبوع": the weekend, usually generic
            # "مطلع الشهر" alone: the current one.
            inner = (k + 1, Sem("rel_unit", unit=L.REL_UNIT_NOUNS[nxt], offset=0))
        else:
            for p in (self.p_rel_unit, self.p_month, self.p_year, self.p_decade):
                inner = p(k, nxt)
                if inner is not None:
                    break
        if inner is None:
            return None
        j, sem = inner
        if sem.kind not in ("rel_unit", "date", "decade") or sem.day is not None:
            return None
        sem.mod = L.PERIOD_MODS[w]
        return j, sem

    def p_duration(self, i: int, w: str) -> tuple[int, Sem] | None:
        """A duration (see :meth:`_duration`), with "أكثر من"/"أقل من"/"نحو" before it as mod."""
        r = self._duration(i, w)
        if r is not None and r[1].amount is not None:
            t = self.t
            if t.tok(i - 1) == _FROM and t.tok(i - 2) in _MORE_LESS:
                r[1].mod = _MORE_LESS[t.tok(i - 2)]
            elif t.tok(i - 1) in _APPROX:
                r[1].mod = "APPROX"
        return r

    def _duration(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"عشر سنوات", "48 ساعة", "يومين", "السنوات العشر", "شهر ونصف الشهر", "أيام قليلة"."""
        t = self.t
        # Definite plural + number: "السنوات العشر", "الأيام الثلاثة", "الساعات الـ48".
        if w in L.DEF_PLURAL_UNITS:
            unit = L.DEF_PLURAL_UNITS[w]
            nxt = t.tok(i + 1)
            if nxt == "ال" and t.tok(i + 2).isdigit():
                n = self.number(i + 2)
            elif nxt.startswith("ال"):
                n = self.number(i + 1, nxt[2:])
            else:
                n = None
            if n is not None and n[1] > 0:
                if t.tok(n[0]) in _WA_AL or t.tok(n[0]) == _WA and t.tok(n[0] + 1) == "ال":
                    return None  # "الأيام الستة والـ12 والـ17": days 6, 12, 17 (ordinals)
                return n[0], Sem("duration", unit=unit, amount=n[1])
            if nxt in L.VAGUE_AFTER:
                return i + 2, Sem("duration", unit=unit)
            if nxt[2:] in L.VAGUE_AFTER and nxt.startswith("ال"):
                # "الأيام القليلة الماضية"
                d = t.tok(i + 2)
                if d in L.DIRECTION and d not in L.DEMONSTRATIVES:
                    ref = "PAST_REF" if L.DIRECTION[d] < 0 else "FUTURE_REF"
                    return i + 3, Sem("duration", unit=unit, extra={"relative": ref})
                return i + 2, Sem("duration", unit=unit)
            if nxt in L.DIRECTION and nxt not in L.DEMONSTRATIVES or nxt in _RECENT:
                # "خلال الأيام الماضية", "في السنوات الأخيرة": a vague recent/coming period
                off = L.DIRECTION.get(nxt, -1)
                return i + 2, Sem("duration", unit=unit, extra={"relative": "PAST_REF" if off < 0 else "FUTURE_REF"})
            return None
        if w.startswith("ال") and w[2:] in L.DURATION_UNITS and L.DURATION_UNITS[w[2:]][1]:
            # Definite dual: "اليومين الماضيين", "الأسبوعين المقبلين", "الساعتين الأخيرتين"
            unit, implied = L.DURATION_UNITS[w[2:]]
            d = t.tok(i + 1)
            if d in _DUAL_DIR:
                return i + 2, Sem("duration", unit=unit, amount=implied,
                                  extra={"relative": _DUAL_DIR[d]})
            return None
        if w in L.VAGUE_BEFORE:
            u = t.tok(i + 1)
            if u in L.DURATION_UNITS:
                return i + 2, Sem("duration", unit=L.DURATION_UNITS[u][0])
            return None
        if w in L.DURATION_UNITS:
            unit, implied = L.DURATION_UNITS[w]
            nxt = t.tok(i + 1)
            if nxt in L.VAGUE_AFTER:
                return i + 2, Sem("duration", unit=unit)
            if implied is not None:
                return self._half(i + 1, Sem("duration", unit=unit, amount=implied))
            # A lone singular unit only after a duration word: "خلال شهر", "لمدة عام".
            if t.core_in(i - 1, _DUR_PREPS) and w in ("شهر", "عام", "سنه", "اسبوع", "يوم", "ساعه") \
                    and not nxt.isdigit() and nxt not in L.GREG_MONTHS and nxt not in L.HIJRI_MONTHS \
                    and not nxt.startswith("ال") and t.core_in(i - 2, L.DURATION_UNITS) is None:
                # (not "شهر الصيام", "يوم العيد": a construct; not "يوما بعد يوم": an idiom)
                j = i + 2 if nxt in (L._n("واحد"), L._n("واحدة"), L._n("كامل")) else i + 1
                return self._half(j, Sem("duration", unit=unit, amount=1))
            return None
        n = self.number(i, w)
        if n is None:
            return None
        k, val = n
        u = t.tok(k)
        if u not in L.DURATION_UNITS:
            return None
        unit, implied = L.DURATION_UNITS[u]
        if implied is not None:
            return None
        if val <= 0:
            return None
        # Ages: "(65 عاما)", "عن 80 عاما", "البالغ من العمر 40 عاما".
        if unit == "Y":
            if t.tok(i - 1) in _OPEN_BR and t.tok(k + 1) in _CLOSE_BR:
                return None
            if t.tok(i - 1) in ("،", ",") and t.tok(k + 1) in ("،", ","):
                return None  # "شرطي، 47 عاما، ..."
            for b in range(i - 1, max(-1, i - 4), -1):
                if t.core_in(b, L.AGE_CUES):
                    return None
        return self._half(k + 1, Sem("duration", unit=unit, amount=val))

    def _half(self, j: int, sem: Sem) -> tuple[int, Sem]:
        """"... ونصف" / "... ونصف الشهر": add half a unit."""
        t = self.t
        if t.tok(j) in _NISF:
            sem.extra["half"] = True
            j += 1
            nxt = t.tok(j)
            if nxt.startswith("ال") and (nxt[2:] in L.DURATION_UNITS or nxt in L.REL_UNIT_NOUNS):
                j += 1
        return j, sem

    def p_ago(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"قبل ثلاثة أيام" (a point in the past), "منذ أسبوعين" (a duration up to now)."""
        if w != _AGO and w != _SINCE:
            return None
        t = self.t
        k = i + 1
        # "قبل أكثر من أسبوعين", "منذ نحو عشر سنوات"
        if t.tok(k) in _MORE_LESS and t.tok(k + 1) == _FROM:
            k += 2
        elif t.tok(k) in _APPROX:
            k += 1
        d = self.p_duration(k, t.tok(k))
        if d is None:
            return None
        j, sem = d
        if w == _AGO and t.tok(j) == _FROM and t.tok(j + 1) not in _NOW_WORDS \
                and t.tok(j + 1) != _AGO:  # (not "من قبل مسلحين": "by gunmen")
            # "قبل أربعة أشهر من موسم الحج": counted back from another event, not from
            # today, so only the duration is known.
            sem.extra["before_event"] = True
            return j, sem
        sem.kind = "ago" if w == _AGO else "since"
        return j, sem

    def p_holiday(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"عيد الفطر", "أيام عيد الأضحى", "ثالث أيام عيد الفطر", "آخر أيام العيد"."""
        t = self.t
        k = i
        nth = None
        mode = "day"
        if w in L.BARE_ORDINALS and t.tok(i + 1) == _AYYAM:
            nth = L.BARE_ORDINALS[w]
            k = i + 2
            mode = "nth"
        elif w == _AYYAM:
            k = i + 1
            mode = "days"
        first = t.tok(k) if k != i else w
        for ln in range(L.HOLIDAY_MAXLEN, 0, -1):
            key = (first,) + tuple(t.tok(k + x) for x in range(1, ln))
            if key in L.HOLIDAYS:
                hol = L.HOLIDAYS[key]
                if mode == "days" and hol[3] <= 1:
                    return None
                sem = Sem("holiday", holiday=hol, hol_mode=mode, nth=nth or 1)
                j = k + ln
                y = self.year_number(j)
                if y is not None and len(t.tok(j)) == 4:
                    j, sem.year, _ = y
                elif t.tok(j) in L.DIRECTION and t.tok(j) not in L.DEMONSTRATIVES:
                    sem.direction = L.DIRECTION[t.tok(j)]
                    j += 1
                return j, sem
        if first == _EID:
            # Bare "العيد": the nearer of the two Eids, only where it is clearly the feast.
            nxt = t.tok(k + 1)
            if nxt.startswith("ال") and nxt not in L.DIRECTION and nxt not in _EID_ADJ:
                return None  # "العيد الوطني", "العيد الماسي"
            if mode == "day" and t.core_in(k - 1, _EID_BEFORE) is None:
                return None
            sem = Sem("holiday", holiday=("eid", 0, 0, 0), hol_mode=mode, nth=nth or 1)
            j = k + 1
            if nxt in _EID_ADJ:
                j += 1
            return j, sem
        return None

    def p_season(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"الربيع", "الصيف الماضي": recognised with a null value; "صيف 2014": the year."""
        t = self.t
        if "ال" + w in L.SEASONS and t.tok(i + 1).isdigit() and len(t.tok(i + 1)) == 4:
            return i + 2, Sem("date", year=int(t.tok(i + 1)), extra={"season": L.SEASONS["ال" + w]})
        if w not in L.SEASONS:
            return None
        if t.tok(i + 1) in L.NOT_SEASON_AFTER:
            return None
        sem = Sem("season", extra={"season": L.SEASONS[w]})
        j = i + 1
        if t.tok(j) in L.DIRECTION and t.tok(j) not in L.DEMONSTRATIVES:
            j += 1
        return j, sem

    def p_decade(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"التسعينيات", "ثمانينيات القرن الماضي" → decade 199 / 198."""
        t = self.t
        key = w if w in L.DECADES else ("ال" + w if "ال" + w in L.DECADES else None)
        if key is None:
            return None
        if any(t.core_in(x, L.AGE_CUES) for x in range(i + 1, i + 5)):
            return None  # "في العشرينات من العمر": an age
        d = L.DECADES[key]
        j = i + 1
        century = None
        if t.tok(j) == _FROM:
            j += 1
        if t.tok(j) == _QARN:
            nxt = t.tok(j + 1)
            if nxt in L.DIRECTION and L.DIRECTION[nxt] == -1:
                century, j = "prev", j + 2
            elif nxt in (L._n("العشرين"),):
                century, j = "19", j + 2
            elif nxt in (L._n("الحالي"), L._n("الجاري"), L._n("الحادي")):
                century, j = "cur", j + 2 + (1 if nxt == L._n("الحادي") else 0)
        else:
            j = i + 1
        return j, Sem("decade", year=d, extra={"century": century} if century else {})

    def p_anaph(self, i: int, w: str) -> tuple[int, Sem] | None:
        """"آنذاك", "حينها", "في ذلك الوقت": the value of the preceding expression."""
        t = self.t
        for key in _ANAPH_BY_FIRST.get(w, ()):
            if all(t.tok(i + x) == key[x] for x in range(1, len(key))):
                return i + len(key), Sem("anaph")
        return None

    def simple_at(self, i: int) -> tuple[int, int, Sem] | None:
        """Longest simple expression starting at token ``i`` → (prefix length, end, sem)."""
        best: tuple[int, int, Sem] | None = None
        for plen, w in self.t.cores(i):
            names = _DIGIT_PATTERNS if w[0].isdigit() else _DISPATCH.get(w)
            if not names:
                continue
            for name in names:
                r = getattr(self, name)(i, w)
                if r is not None and (best is None or r[0] > best[1]):
                    best = (plen, r[0], r[1])
        return best

    # -- ranges -----------------------------------------------------------------------------
    def range_at(self, i: int, here: tuple[int, int, Sem] | None = None
                 ) -> tuple[int, int, Sem, list[tuple[int, int, int, Sem]]] | None:
        """"من 1 إلى 5 يوليو", "من 2015 إلى 2019", "منذ 17 يوليو حتى 19 منه", "1-5 يوليو".

        Returns (prefix length, end, range sem, [(start tok, plen, end, sem, 0|1) of the
        ends that are full expressions by themselves]).
        """
        t = self.t
        opener = t.core_in(i, _RANGE_OPEN)
        a_i = i + 1 if opener else i
        plen = 0
        if opener:
            plen = next(p for p, w in t.cores(i) if w == opener)
        if opener:
            a = self.simple_at(a_i) if a_i < t.n else None
        else:
            a = here
            plen = here[0] if here is not None else 0
        parts: list[tuple[int, int, int, Sem]] = []
        if a is not None and a[2].kind == "date" and not a[2].month_anaph:
            a_end, a_sem = a[1], a[2]
            parts.append((a_i, a[0], a_end, a_sem, 0))
        else:
            w = t.tok(a_i)
            bare = None
            if w.isdigit() and len(w) <= 2:
                bare = (a_i + 1, Sem("date", day=int(w)))
            elif w.isdigit() and len(w) == 4 and 1800 <= int(w) <= 2100:
                bare = (a_i + 1, Sem("date", year=int(w)))
            elif w:
                od = self.ordinal_day(a_i, w)
                if od is not None:
                    bare = (od[0], Sem("date", day=od[1]))
            if bare is None:
                return None
            a_end, a_sem = bare
        conn = t.tok(a_end)
        conn_core = t.core_in(a_end, _RANGE_CONN)
        if conn in _DASHES:
            pass
        elif conn_core is not None:
            pass
        elif conn == _WA and opener == L._n("بين"):
            pass
        else:
            return None
        if not opener and conn not in _DASHES:
            return None
        b_i = a_end + 1
        b = self.simple_at(b_i) if b_i < t.n else None
        if b is None and a_sem.kind == "date" and a_sem.year is not None and a_sem.month is None:
            # "2012-2013", "سنة 2014 - 2015", "(1889 – 1988)": a bare year after a year.
            wb = t.tok(b_i)
            if wb.isdigit() and len(wb) == 4 and 1800 <= int(wb) <= 2100 \
                    and 0 < int(wb) - a_sem.year <= 100 and t.tok(b_i + 1) not in L.COUNT_NOUNS:
                b = (0, b_i + 1, Sem("date", year=int(wb), extra={"_bare": True}))
        if b is None or b[0] != 0:
            return None
        b_sem = b[2]
        if b_sem.kind == "rel_unit" and b_sem.day is not None and a_sem.month is None \
                and a_sem.year is None and a_sem.day is not None:
            # "من 10 إلى 15 من الشهر الجاري": the start shares the relative month.
            a_sem = replace(b_sem, day=a_sem.day)
            parts = [p for p in parts if p[3] is not a[2]] if a is not None else parts
            parts.append((b_i, 0, b[1], b_sem, 1))
            return plen, b[1], Sem("range", parts=(a_sem, b_sem)), parts
        if b_sem.kind != "date":
            return None
        # Both ends must be of the same kind: two years, or two dated days/months.
        if (a_sem.month is None and a_sem.day is None) != (b_sem.month is None and b_sem.day is None and not b_sem.month_anaph):
            return None
        if a_sem.day is not None and a_sem.month is None:
            if b_sem.month is None:
                return None
            a_sem = replace(a_sem, cal=b_sem.cal, month=b_sem.month, year=b_sem.year,
                            direction=b_sem.direction, year_offset=b_sem.year_offset)
        if b_sem.month_anaph:
            if a_sem.month is None:
                return None
            b_sem = replace(b_sem, cal=a_sem.cal, month=a_sem.month, year=a_sem.year,
                            direction=a_sem.direction, year_offset=a_sem.year_offset,
                            month_anaph=False)
        elif b_sem.year is not None and a_sem.year is None and a_sem.month is not None:
            a_sem = replace(a_sem, year=b_sem.year)
        if not b[2].extra.pop("_bare", False):
            parts.append((b_i, 0, b[1], b[2], 1))  # the end stands alone as an expression
        return plen, b[1], Sem("range", parts=(a_sem, b_sem)), parts

    def run(self) -> list[Match]:
        """All matches, left to right, longest first, non-overlapping."""
        t = self.t
        out: list[Match] = []
        starts, ends = t.starts, t.ends
        trig = _TRIGGERS
        # Tokens that can start an expression (a comprehension: most tokens cannot).
        cands = [k for k, w in enumerate(t.toks) if w in trig or "0" <= w[0] <= "9"]
        free = 0  # first token not inside an expression already found
        for i in cands:
            if i < free:
                continue
            s = self.simple_at(i)
            r = None
            if t.core_in(i, _RANGE_OPEN) is not None or (t.tok(s[1] if s else i + 1) in _DASHES):
                r = self.range_at(i, s)
            if r is not None:
                plen, j, sem, parts = r
                m = Match(i, j, starts[i] + plen, ends[j - 1], sem)
                for pi, pplen, pj, psem, which in parts:
                    pm = Match(pi, pj, starts[pi] + pplen, ends[pj - 1], psem)
                    pm.which = which
                    m.parts.append(pm)
                out.append(m)
                free = j
                continue
            if s is not None:
                plen, j, sem = s
                out.append(Match(i, j, starts[i] + plen, ends[j - 1], sem))
                free = j
        _link_weekday_lists(out, t)
        return out


def _build_dispatch() -> dict[str, tuple[str, ...]]:
    """First word → the patterns that can start with it (digits: _DIGIT_PATTERNS)."""
    d: dict[str, list[str]] = {}

    def add(words: Any, name: str) -> None:
        for w in words:
            d.setdefault(w, [])
            if name not in d[w]:
                d[w].append(name)

    add(list(L.ORDINALS) + list(L.ORDINAL_TENS) + [_GHURRA], "p_day_month")
    add(list(L.MONTH_NOUNS) + list(L.GREG_MONTHS) + list(L.HIJRI_MONTHS)
        + [k[0] for k in L.GREG_MONTHS_2] + [k[0] for k in L.HIJRI_MONTHS_2], "p_month")
    add([_SHAHR_DEF], "p_epithet_month")
    add([_ASHR], "p_tens")
    add(L.YEAR_NOUNS, "p_year")
    add(list(L.DAY_NOUNS) + list(L.WEEKDAYS), "p_weekday")
    add(list(L.REL_DAYS) + [_AWAL, _AMS, _BAAD, _LAYLA], "p_rel_day")
    add(list(L.REL_UNIT_NOUNS) + list(L.DEMONSTRATIVES), "p_rel_unit")
    add(L.PERIOD_MODS, "p_period_mod")
    add([_AGO, _SINCE], "p_ago")
    add(["ال" + u for u, (_, n) in L.DURATION_UNITS.items() if n], "p_duration")
    add(list(L.DEF_PLURAL_UNITS) + list(L.VAGUE_BEFORE) + list(L.DURATION_UNITS)
        + list(L.UNITS_NUM) + list(L.TEEN_FIRST) + list(L.TENS_NUM) + list(L.HUNDREDS_NUM), "p_duration")
    add(list(L.BARE_ORDINALS) + [_AYYAM, _EID] + [k[0] for k in L.HOLIDAYS], "p_holiday")
    add(list(L.SEASONS) + [w[2:] for w in L.SEASONS], "p_season")
    add(list(L.DECADES) + [w[2:] for w in L.DECADES], "p_decade")
    add([k[0] for k in L.ANAPHORS], "p_anaph")
    add(_RANGE_OPEN, "p_none")
    return {w: tuple(n for n in names if n != "p_none") for w, names in d.items()}


_DISPATCH = _build_dispatch()


def _build_prefixed() -> frozenset[str]:
    """Every trigger word with every proclitic (and ل + article elided: للعام)."""
    out = set()
    for w in _DISPATCH:
        for p in L.PROCLITICS:
            if len(w) >= 2:
                out.add(p + w)
                if p[-1] == "ل" and w.startswith("ال") and len(w) >= 4:
                    out.add(p + w[1:])
    return frozenset(out)


_PREFIXED = _build_prefixed()
_TRIGGERS = frozenset(_DISPATCH) | _PREFIXED
_DIGIT_PATTERNS = ("p_numeric_date", "p_day_month", "p_year", "p_duration")


def _link_weekday_lists(ms: list[Match], t: Tokens) -> None:
    """Mark "الثلاثاء والأربعاء" (a list of bare weekdays): resolved as consecutive past days."""
    for a, b in zip(ms, ms[1:]):
        if a.sem.kind != "weekday" or b.sem.kind != "weekday":
            continue
        if a.sem.direction is not None or b.sem.direction is not None:
            continue
        gap = t.toks[a.j:b.i]
        if all(g in (_WA, "،", ",") for g in gap) and len(gap) <= 2:
            a.list_next = b


def find(text: str) -> tuple[NormView, list[Match]]:
    """Normalise ``text`` and return its view and the matches found in it."""
    view = NormView(text)
    return view, Matcher(view.norm).run()
