"""Turning a matched expression (:class:`~rasd.time.extract.Sem`) into an ISO 8601 value.

Everything relative is resolved against one reference date (the *anchor*): the
document's ``published`` date, or the story date the text pins down ("اليوم (الجمعة)",
"أمس الأربعاء", a dateline "عدن 26 شوال 1436 هـ"), see :func:`find_anchor`. Without an
anchor a relative expression gets ``value = None`` and an ``extra["relative"]`` string:

* ``P-1D`` / ``P0D`` / ``P+1D``: days from the reference (أمس، اليوم، غدا);
  ``P-1W`` / ``P0M`` / ``P+1Y``: the week/month/year before/of/after the reference;
* ``XXXX-06``, ``XXXX-12-31``: a month or day whose year depends on the reference
  (TimeML's underspecified notation), with ``extra["direction"]`` (-1/0/1) when the text
  says الماضي/الحالي/المقبل;
* ``XXXX-WXX-5``: a weekday (ISO number, 1 = Monday).

Resolution rules (news conventions):

* a bare weekday is the most recent one on or before the anchor; after المقبل/القادم (or
  in a future-tense clause) the next one on or after it; after الماضي strictly before;
  a list "الثلاثاء والأربعاء" is consecutive: each day is the latest before the next one;
* a Gregorian month without a year is in the anchor's year if it is not after the anchor's
  month, else the year before; in a future clause or with المقبل, the next occurrence;
* a Hijri month, day or feast without a year is the occurrence nearest to the anchor
  (Hijri months move through the seasons; news speaks of the last or the coming one);
  الماضي/المقبل pick the previous/next one;
* Hijri dates are converted with the Umm al-Qura calendar (``hijridate``, years 1343–1500
  AH); a Hijri month or year becomes a Gregorian interval;
* impossible dates (31/02, year 99999, a Hijri month with a Gregorian year) keep their
  text with ``value = None`` and ``extra["error"]``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from rasd.time.extract import Match, Sem


#: How far back (characters of normalised text) "آنذاك" looks for the time it refers to;
#: on corpus samples, antecedents 450–700 characters back were still right, >1,000 rarely.
ANAPHOR_WINDOW = 700


def fmt_day(d: date) -> str:
    """``YYYY-MM-DD``."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_week(d: date) -> str:
    """ISO week of ``d``: ``YYYY-Www``."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    """(year, month) ``k`` months after (y, m)."""
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def parse_date(s: str | None) -> date | None:
    """A ``YYYY-MM-DD`` (optionally followed by a time) as a date, or None."""
    if not s or len(s) < 10:
        return None
    try:
        return date(int(s[0:4]), int(s[5:7]), int(s[8:10]))
    except ValueError:
        return None


# -- Hijri ----------------------------------------------------------------------------------
# Umm al-Qura (hijridate) covers 1343–1500 AH; before it (historical dates) the
# arithmetical ("tabular") Islamic calendar is used, which can be a day or two off the
# observed one. Years after 1500 AH (2077 CE) are left unresolved.
UQ_MIN, UQ_MAX = 1343, 1500
# 1 Muharram 1 AH with the "astronomical" epoch (Julian 15 July 622): agrees with Umm
# al-Qura on most months of 1343–1500 AH and is within a day or two on the rest.
_TAB_EPOCH = date(622, 7, 18).toordinal()


def is_tabular(hy: int) -> bool:
    """True when Hijri year ``hy`` is converted with the arithmetical calendar."""
    return hy < UQ_MIN


def _tab_month_len(hy: int, hm: int) -> int:
    if hm % 2 == 1:
        return 30
    if hm == 12 and (11 * hy + 14) % 30 < 11:
        return 30
    return 29


def _tab_ordinal(hy: int, hm: int, hd: int) -> int:
    return (hd + (295 * (hm - 1) + 9) // 10 + (hy - 1) * 354 + (3 + 11 * hy) // 30 + _TAB_EPOCH - 1)


def hijri_to_greg(hy: int, hm: int, hd: int) -> date | None:
    """Hijri → Gregorian date (Umm al-Qura, else tabular), None when impossible."""
    if not (1 <= hm <= 12 and 1 <= hd <= 30 and 1 <= hy <= UQ_MAX):
        return None
    if is_tabular(hy):
        if hd > _tab_month_len(hy, hm):
            return None
        try:
            return date.fromordinal(_tab_ordinal(hy, hm, hd))
        except (ValueError, OverflowError):
            return None
    try:
        from hijridate import Hijri

        return Hijri(hy, hm, hd, validate=True).to_gregorian()
    except (ValueError, OverflowError, TypeError):
        return None


def hijri_month_span(hy: int, hm: int) -> tuple[date, date] | None:
    """First and last Gregorian day of Hijri month ``hm`` of year ``hy``."""
    if not (1 <= hm <= 12 and 1 <= hy <= UQ_MAX):
        return None
    if is_tabular(hy):
        first = hijri_to_greg(hy, hm, 1)
        return (first, first + timedelta(days=_tab_month_len(hy, hm) - 1)) if first else None
    try:
        from hijridate import Hijri

        h = Hijri(hy, hm, 1, validate=True)
        first = h.to_gregorian()
        return first, first + timedelta(days=h.month_length() - 1)
    except (ValueError, OverflowError, TypeError):
        return None


def hijri_year_of(d: date) -> int | None:
    """The Hijri year that Gregorian date ``d`` falls in."""
    try:
        from hijridate import Gregorian

        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (ValueError, OverflowError, TypeError):
        return None


def _pick(cands: list[tuple[date, date, Any]], anchor: date, direction: int | None,
          future: bool) -> Any:
    """Choose among occurrences (start, end, payload) relative to ``anchor``."""
    if not cands:
        return None
    if direction == -1:
        past = [c for c in cands if c[1] < anchor]
        return max(past, key=lambda c: c[0])[2] if past else None
    if direction == 1:
        fut = [c for c in cands if c[0] > anchor]
        return min(fut, key=lambda c: c[0])[2] if fut else None
    if future:
        fut = [c for c in cands if c[1] >= anchor]
        if fut:
            return min(fut, key=lambda c: c[0])[2]

    def dist(c: tuple[date, date, Any]) -> int:
        if c[0] <= anchor <= c[1]:
            return 0
        return min(abs((c[0] - anchor).days), abs((c[1] - anchor).days))

    return min(cands, key=dist)[2]


class Resolver:
    """Resolves matches of one document in text order (keeps context for آنذاك / منه)."""

    def __init__(self, anchor: date | None) -> None:
        self.anchor = anchor
        self.last: tuple[str, str] | None = None
        self.last_end = 0
        self.last_month: tuple[str, int | None, int] | None = None
        self._memo: dict[int, tuple[str | None, str | None, dict[str, Any]]] = {}

    def resolve(self, m: Match) -> tuple[str | None, str | None, dict[str, Any]]:
        """(value, precision, extra) of match ``m``."""
        key = id(m)
        if key in self._memo:
            return self._memo[key]
        try:
            r = self._resolve(m.sem, m)
        except (ValueError, OverflowError) as exc:  # never let odd input crash the stage
            r = (None, None, {"error": str(exc)[:80]})
        self._memo[key] = r
        value, prec, _ = r
        if value is not None and prec in ("day", "week", "month", "year", "range", "decade"):
            self.last = (value, prec)
            self.last_end = m.end
        return r

    # -- per kind ---------------------------------------------------------------------------
    def _resolve(self, s: Sem, m: Match | None) -> tuple[str | None, str | None, dict[str, Any]]:
        extra: dict[str, Any] = dict(s.extra)
        if s.error:
            extra["error"] = s.error
            return None, None, extra
        if s.mod:
            extra["mod"] = s.mod
        k = s.kind
        if k == "date":
            return self._date(s, extra)
        if k == "rel_day":
            return self._rel_day(s, extra)
        if k == "rel_unit":
            return self._rel_unit(s, extra)
        if k == "weekday":
            return self._weekday(s, m, extra)
        if k in ("ago", "since", "duration"):
            return self._duration(s, extra)
        if k == "holiday":
            return self._holiday(s, extra)
        if k == "season":
            return None, None, extra
        if k == "decade":
            return self._decade(s, extra)
        if k == "anaph":
            # Only a time close before it (the same or previous few sentences) is "that time".
            if self.last is None or m is None or m.start - self.last_end > ANAPHOR_WINDOW:
                return None, None, extra
            extra["anaphor"] = True
            return self.last[0], self.last[1], extra
        if k == "range" and s.parts:
            return self._range(s, extra)
        return None, None, extra

    def _hijri_era(self, year: int) -> bool:
        """True for a year within ten years of the anchor's Hijri year (so not Gregorian)."""
        if self.anchor is None or not 1300 <= year <= 1600:
            return False
        h = hijri_year_of(self.anchor)
        return h is not None and abs(year - h) <= 10

    def _greg_year(self, month: int, s: Sem) -> int | None:
        a = self.anchor
        if s.year is not None:
            return s.year
        if a is None:
            return None
        if s.year_offset is not None:
            return a.year + s.year_offset
        if s.direction == -1:
            return a.year if month < a.month else a.year - 1
        if s.direction == 1:
            return a.year if month > a.month else a.year + 1
        if s.direction == 0:
            return a.year
        if s.future:
            return a.year if month >= a.month else a.year + 1
        return a.year if month <= a.month else a.year - 1

    def _date(self, s: Sem, extra: dict[str, Any]) -> tuple[str | None, str | None, dict[str, Any]]:
        if s.month_anaph:
            if self.last_month is None:
                return None, None, extra
            cal, y, mo = self.last_month
            s = Sem("date", cal=cal, year=y, month=mo, day=s.day)
        if s.cal == "g" and not s.marked and s.year is not None and self._hijri_era(s.year):
            # Saudi and Gulf news write Hijri years without هـ ("عام 1436", "25/9/1436").
            extra["assumed_hijri"] = True
            s = Sem("date", cal="h", year=s.year, month=s.month, day=s.day, weekday=s.weekday)
        if s.cal == "h":
            return self._hijri(s, extra)
        if s.year is not None and not 1 <= s.year <= 9999:
            extra["error"] = "year out of range"
            return None, None, extra
        if s.month is None:
            if s.year is None:
                return None, None, extra
            return f"{s.year:04d}", "year", extra
        if not 1 <= s.month <= 12:
            extra["error"] = "no such month"
            return None, None, extra
        y = self._greg_year(s.month, s)
        if s.direction is not None and s.year is None:
            extra.setdefault("direction", s.direction)
        if y is None:
            rel = f"XXXX-{s.month:02d}" + (f"-{s.day:02d}" if s.day else "")
            extra["relative"] = rel
            return None, None, extra
        if not 1 <= y <= 9999:
            extra["error"] = "year out of range"
            return None, None, extra
        self.last_month = ("g", y, s.month)
        extra.pop("direction", None)
        if s.day is None:
            return f"{y:04d}-{s.month:02d}", "month", extra
        try:
            d = date(y, s.month, s.day)
        except ValueError:
            extra["error"] = "no such day"
            return None, None, extra
        if s.weekday is not None and d.weekday() != s.weekday:
            extra["weekday_mismatch"] = True
        return fmt_day(d), "day", extra

    def _hijri(self, s: Sem, extra: dict[str, Any]) -> tuple[str | None, str | None, dict[str, Any]]:
        if s.month is not None and not 1 <= s.month <= 12:
            extra["error"] = "no such month"
            return None, None, extra
        hy = s.year
        gy = extra.pop("greg_year", None)
        if gy is None and hy is None and s.year_offset is not None and self.anchor is not None:
            # "رمضان من العام الماضي": the month that begins in that Gregorian year.
            gy = self.anchor.year + s.year_offset
        if gy is not None and s.month is not None:
            # The Hijri month that begins in Gregorian year gy (one, rarely two).
            approx = int((gy - 622) * 33 / 32)
            found = [h for h in range(approx - 3, approx + 4)
                     if (sp := hijri_month_span(h, s.month)) is not None and sp[0].year == gy]
            if len(found) != 1:
                extra["error"] = "mixed calendars"
                return None, None, extra
            hy = found[0]
        if hy is None and s.month is not None:
            hy = self._pick_hijri_year(s.month, s.day, s.day, s.direction, s.future)
            if hy is None:
                extra["relative"] = f"XXXX-{s.month:02d}" + (f"-{s.day:02d}" if s.day else "")
                extra["calendar"] = "hijri"
                return None, None, extra
        if hy is None:
            return None, None, extra
        if is_tabular(hy):
            extra["calendar"] = "tabular"
        if s.month is None:
            a = hijri_month_span(hy, 1)
            b = hijri_month_span(hy, 12)
            extra["hijri"] = f"{hy:04d}"
            if a is None or b is None:
                extra["error"] = "hijri year out of range"
                return None, None, extra
            return f"{fmt_day(a[0])}/{fmt_day(b[1])}", "range", extra
        if s.day is None:
            span = hijri_month_span(hy, s.month)
            extra["hijri"] = f"{hy:04d}-{s.month:02d}"
            if span is None:
                extra["error"] = "hijri date out of range"
                return None, None, extra
            self.last_month = ("h", hy, s.month)
            tens = extra.pop("tens", None)
            if tens == "first":  # العشر الأوائل: days 1–10
                return f"{fmt_day(span[0])}/{fmt_day(span[0] + timedelta(days=9))}", "range", extra
            if tens == "last":  # العشر الأواخر: day 21 to the end of the month
                return f"{fmt_day(span[0] + timedelta(days=20))}/{fmt_day(span[1])}", "range", extra
            return f"{fmt_day(span[0])}/{fmt_day(span[1])}", "range", extra
        extra["hijri"] = f"{hy:04d}-{s.month:02d}-{s.day:02d}"
        d = hijri_to_greg(hy, s.month, s.day)
        if d is None:
            extra["error"] = "no such hijri day"
            return None, None, extra
        self.last_month = ("h", hy, s.month)
        if s.weekday is not None and d.weekday() != s.weekday:
            extra["weekday_mismatch"] = True
        return fmt_day(d), "day", extra

    def _pick_hijri_year(self, month: int, d0: int | None, d1: int | None,
                         direction: int | None, future: bool) -> int | None:
        a = self.anchor
        if a is None:
            return None
        h = hijri_year_of(a)
        if h is None:
            return None
        cands = []
        for hy in (h - 1, h, h + 1):
            span = hijri_month_span(hy, month)
            if span is None:
                continue
            start, end = span
            if d0 is not None:
                start = start + timedelta(days=d0 - 1)
                end = start + timedelta(days=(d1 or d0) - d0)
            cands.append((start, end, hy))
        return _pick(cands, a, direction, future)

    def _rel_day(self, s: Sem, extra: dict[str, Any]) -> tuple[str | None, str | None, dict[str, Any]]:
        if self.anchor is None:
            extra["relative"] = f"P{s.offset:+d}D" if s.offset else "P0D"
            return None, None, extra
        return fmt_day(self.anchor + timedelta(days=s.offset)), "day", extra

    def _rel_unit(self, s: Sem, extra: dict[str, Any]) -> tuple[str | None, str | None, dict[str, Any]]:
        a = self.anchor
        off = s.offset
        if a is None:
            extra["relative"] = (f"P{off:+d}" if off else "P0") + (s.unit or "")
            if s.day is not None:
                extra["day"] = s.day
            return None, None, extra
        if s.unit == "W":
            return fmt_week(a + timedelta(days=7 * off)), "week", extra
        if s.unit == "HY":
            h = hijri_year_of(a)
            first = hijri_month_span(h + off, 1) if h else None
            last = hijri_month_span(h + off, 12) if h else None
            if first is None or last is None:
                extra["error"] = "hijri year out of range"
                return None, None, extra
            extra["hijri"] = f"{h + off:04d}"
            return f"{fmt_day(first[0])}/{fmt_day(last[1])}", "range", extra
        if s.unit == "M":
            y, mo = add_months(a.year, a.month, off)
            self.last_month = ("g", y, mo)
            if s.day is not None:
                try:
                    return fmt_day(date(y, mo, s.day)), "day", extra
                except ValueError:
                    extra["error"] = "no such day"
                    return None, None, extra
            return f"{y:04d}-{mo:02d}", "month", extra
        return f"{a.year + off:04d}", "year", extra

    def _weekday_date(self, s: Sem, m: Match | None) -> date | None:
        a = self.anchor
        if a is None or s.weekday is None:
            return None
        wd = s.weekday
        nxt = getattr(m, "list_next", None) if m is not None else None
        if nxt is not None:
            # In a list, each day is the latest one before the next listed day.
            nd = self._weekday_date(nxt.sem, nxt)
            if nd is not None:
                back = (nd.weekday() - wd) % 7 or 7
                return nd - timedelta(days=back)
        if s.direction == -1:
            back = (a.weekday() - wd) % 7 or 7
            return a - timedelta(days=back)
        if s.direction == 1:
            fwd = (wd - a.weekday()) % 7 or 7
            return a + timedelta(days=fwd)
        if s.future:
            return a + timedelta(days=(wd - a.weekday()) % 7)
        return a - timedelta(days=(a.weekday() - wd) % 7)

    def _weekday(self, s: Sem, m: Match | None, extra: dict[str, Any]) -> tuple[str | None, str | None, dict[str, Any]]:
        if s.generic:
            extra["generic"] = True
            return None, None, extra
        d = self._weekday_date(s, m)
        if d is None:
            extra["relative"] = f"XXXX-WXX-{(s.weekday or 0) + 1}"
            if s.direction is not None:
                extra["direction"] = s.direction
            return None, None, extra
        return fmt_day(d), "day", extra

    @staticmethod
    def iso_duration(unit: str | None, amount: float | None, half: bool) -> str | None:
        """ISO 8601 duration for ``amount`` ``unit`` (plus half a unit), or None."""
        if unit is None or amount is None:
            return None
        n = int(amount)
        if unit == "DEC":
            return f"P{n * 10}Y" if not half else f"P{n * 10 + 5}Y"
        if unit == "CENT":
            return f"P{n * 100}Y" if not half else f"P{n * 100 + 50}Y"
        if unit == "Y":
            return f"P{n}Y" + ("6M" if half else "")
        if unit == "M":
            return f"P{n}M" + ("15D" if half else "")
        if unit == "W":
            return f"P{n}W" if not half else f"P{n * 7 + 3}DT12H"
        if unit == "D":
            return f"P{n}D" + ("T12H" if half else "")
        if unit == "H":
            return f"PT{n}H" + ("30M" if half else "")
        if unit == "MIN":
            return f"PT{n}M" + ("30S" if half else "")
        return None

    def _ago_point(self, s: Sem) -> tuple[str | None, str | None]:
        a = self.anchor
        if a is None or s.amount is None or s.unit is None:
            return None, None
        n = int(s.amount)
        u = s.unit
        if u in ("D", "H", "MIN"):
            days = n if u == "D" else (n // 24 if u == "H" else 0)
            return fmt_day(a - timedelta(days=days)), "day"
        if u == "W":
            return fmt_week(a - timedelta(days=7 * n)), "week"
        if u == "M":
            y, mo = add_months(a.year, a.month, -n)
            return f"{y:04d}-{mo:02d}", "month"
        years = n * (10 if u == "DEC" else 100 if u == "CENT" else 1)
        if not 1 <= a.year - years <= 9999:
            return None, None
        return f"{a.year - years:04d}", "year"

    def _duration(self, s: Sem, extra: dict[str, Any]) -> tuple[str | None, str | None, dict[str, Any]]:
        half = bool(extra.pop("half", False))
        iso = self.iso_duration(s.unit, s.amount, half)
        if s.kind == "ago":
            v, p = self._ago_point(s)
            if v is None and iso is not None:
                extra["relative"] = "P-" + iso[1:]
            return v, p, extra
        if s.kind == "since":
            v, _ = self._ago_point(s)
            if v is not None:
                extra["since"] = v
            elif iso is not None:
                extra["relative"] = "P-" + iso[1:]
        return iso, "duration", extra

    def _holiday(self, s: Sem, extra: dict[str, Any]) -> tuple[str | None, str | None, dict[str, Any]]:
        assert s.holiday is not None
        cal, mo, dy, ndays = s.holiday
        if cal == "eid":
            # Bare "العيد": whichever Eid (al-Fitr, 1 Shawwal, 3 days; al-Adha, 10 Dhu
            # al-Hijja, 4 days) is nearest to the anchor.
            a = self.anchor
            h = hijri_year_of(a) if a else None
            if h is None:
                extra["relative"] = "EID"
                return None, None, extra
            cands = []
            for fm, fd, fn in ((10, 1, 3), (12, 10, 4)):
                for hy in (h - 1, h, h + 1):
                    g = hijri_to_greg(hy, fm, fd)
                    if g is not None:
                        cands.append((g, g + timedelta(days=fn - 1), (fm, fd, fn)))
            chosen = _pick(cands, a, s.direction, s.future)
            if chosen is None:
                return None, None, extra
            cal, (mo, dy, ndays) = "h", chosen
            extra["feast"] = "eid_al_fitr" if mo == 10 else "eid_al_adha"
        if s.hol_mode == "days":
            off0, off1 = 0, ndays - 1
        elif s.hol_mode == "nth":
            off0 = off1 = (ndays - 1) if s.nth == -1 else s.nth - 1
            if off0 >= ndays:
                return None, None, extra
        else:
            off0 = off1 = 0
        if cal == "g":
            y = self._greg_year(mo, s)
            if y is None:
                extra["relative"] = f"XXXX-{mo:02d}-{dy:02d}"
                return None, None, extra
            d = date(y, mo, dy)
            return fmt_day(d + timedelta(days=off0)), "day", extra
        hy = None
        if s.year is not None:
            if s.year > 1700:  # a Gregorian year given: the feast that falls in it
                for cand in range(s.year - 580, s.year - 577):
                    g = hijri_to_greg(cand, mo, dy)
                    if g is not None and g.year == s.year:
                        hy = cand
                        break
            else:
                hy = s.year
        else:
            hy = self._pick_hijri_year(mo, dy + off0, dy + off1, s.direction, s.future)
        if hy is None:
            extra["relative"] = f"XXXX-{mo:02d}-{dy:02d}"
            extra["calendar"] = "hijri"
            return None, None, extra
        start = hijri_to_greg(hy, mo, dy)
        if start is None:
            extra["error"] = "hijri date out of range"
            return None, None, extra
        extra["hijri"] = f"{hy:04d}-{mo:02d}-{dy + off0:02d}"
        if off0 == off1:
            return fmt_day(start + timedelta(days=off0)), "day", extra
        return f"{fmt_day(start + timedelta(days=off0))}/{fmt_day(start + timedelta(days=off1))}", "range", extra

    def _decade(self, s: Sem, extra: dict[str, Any]) -> tuple[str | None, str | None, dict[str, Any]]:
        d = s.year or 0
        century = extra.pop("century", None)
        a = self.anchor
        if century == "prev":
            cc = (a.year // 100 - 1) if a else 19
        elif century == "19":
            cc = 19
        elif century == "cur":
            cc = a.year // 100 if a else 20
        elif d >= 3:
            cc = 19  # "الثمانينيات" alone: the 1980s in today's news
        else:
            return None, "decade", extra  # "العشرينيات" alone: 1920s or 2020s
        return f"{cc}{d}", "decade", extra

    def _range(self, s: Sem, extra: dict[str, Any]) -> tuple[str | None, str | None, dict[str, Any]]:
        assert s.parts is not None
        a, b = s.parts
        va, _, ea = self._resolve(a, None)
        if (va is not None and b.kind == "date" and b.cal == "g" and b.year is None
                and b.year_offset is None and b.direction is None and b.month is not None
                and a.cal == "g" and len(va) >= 7):
            # "من 25 يوليو إلى 2 أغسطس": the end is in the start's year (or the next).
            ya, ma = int(va[:4]), int(va[5:7])
            b = replace(b, year=ya if b.month >= ma else ya + 1)
        vb, pb, eb = self._resolve(b, None)
        # The ends as resolved here (the stage reports them for the range's parts).
        extra["_parts"] = [(va, self._resolve(a, None)[1], ea), (vb, pb, eb)]
        if va is None or vb is None:
            for e in (ea, eb):
                if "error" in e:
                    extra["error"] = e["error"]
            return None, None, extra
        va = va.split("/")[0]
        vb = vb.split("/")[-1]
        if len(va) == len(vb) and va > vb:
            extra["error"] = "range ends before it starts"
            return None, None, extra
        return f"{va}/{vb}", "range", extra


def find_anchor(ms: list[Match], published: date | None, text_start_limit: int = 80) -> tuple[date | None, str]:
    """The reference date for relative expressions and its source (see :func:`_find_anchor`)."""
    try:
        return _find_anchor(ms, published, text_start_limit)
    except (OverflowError, ValueError):  # a published date at the edge of the calendar
        return published, "published"


def _find_anchor(ms: list[Match], published: date | None, text_start_limit: int) -> tuple[date | None, str]:
    """The reference date for relative expressions, and where it came from.

    1. "اليوم (الجمعة)", "أمس الأربعاء", "غدا الاثنين": the weekday pins the story date
       (the day the text calls "today") within the week up to ``published`` — news sites
       often stamp an article a day or more after it was written;
    2. a full date at the very start (a dateline, "عدن 26 شوال 1436 هـ ...") not after
       ``published`` and at most 30 days before it (or any, without ``published``);
    3. ``published`` itself.
    """
    if published is not None:
        for m in ms:
            s = m.sem
            if s.kind == "rel_day" and s.weekday is not None:
                latest = published + timedelta(days=s.offset)
                d = latest - timedelta(days=(latest.weekday() - s.weekday) % 7)
                anchor = d - timedelta(days=s.offset)
                if published - timedelta(days=6) <= anchor <= published:
                    return anchor, "weekday"
                break
    # Only the very first expression, within the first few tokens, can be a dateline.
    for m in ms[:1]:
        if m.start > text_start_limit or m.i > 6:
            break
        s = m.sem
        if s.kind == "date" and s.year is not None and s.month is not None and s.day is not None:
            r = Resolver(None)._date(s, {}) if s.cal == "g" else Resolver(None)._hijri(s, {})
            d = parse_date(r[0]) if r[1] == "day" else None
            if d is not None and (published is None or published - timedelta(days=30) <= d <= published):
                return d, "dateline"
    return published, "published"
