"""The time stage: every temporal expression of the text in ``doc.times``."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from rasd.doc import Doc, Time
from rasd.time.extract import Match, Matcher
from rasd.time.resolve import Resolver, find_anchor, fmt_day, parse_date
from rasd.text.normalize import NormView, normalize

# Kinds whose resolution depends on the tense of the clause (bare weekday, month, feast).
_TENSE_KINDS = ("weekday", "date", "holiday")


def extract_times(text: str, published: str | None = None) -> tuple[list[Time], dict[str, Any]]:
    """Temporal expressions of ``text`` resolved against ``published`` (YYYY-MM-DD or None).

    Returns the times (in text order; range endpoints that are full expressions on their
    own follow their range with ``extra["range_part"] = True``) and a report with the
    reference date used (``anchor``) and where it came from.
    """
    if not text:
        return [], {"anchor": published, "anchor_from": "published"}
    view = NormView(text)
    matcher = Matcher(view.norm)
    matches = matcher.run()
    ahead = None  # the last match that points after the reference day (غدا, السبت المقبل)
    for m in matches:
        s = m.sem
        if s.kind in _TENSE_KINDS and s.direction is None and s.year is None:
            s.future = matcher.future_context(m.i)
            if not s.future and s.kind == "weekday" and ahead is not None \
                    and matcher.same_clause(ahead.j, m.i):
                # "وستعود صباح غد (الاثنين) ... واستئناف التدريبات الثلاثاء": after a
                # future day in the same sentence, a bare weekday is future too.
                s.future = True
        if (s.kind == "rel_day" and (s.offset or 0) > 0) or (
                s.kind == "weekday" and (s.direction == 1 or s.future)):
            ahead = m
    pub = parse_date(published)
    anchor, source = find_anchor(matches, pub)
    if anchor is not None:
        for m in matches:
            s = m.sem
            if (s.kind == "date" and s.cal == "g" and s.day is not None and s.year is None
                    and s.direction is None and s.year_offset is None and not s.future
                    and s.month is not None and s.month > anchor.month
                    and matcher.deadline_before(m.i) and _nearer_ahead(anchor, s.month, s.day)):
                # "تستمر حتى 23 سبتمبر", "بحلول 17 أغسطس": a deadline takes the nearest
                # occurrence (45 days ahead rather than 320 days back).
                s.future = True
    res = Resolver(anchor)
    times: list[Time] = []
    for m in matches:
        value, prec, extra = res.resolve(m)
        ends = extra.pop("_parts", None)
        times.append(_time(view, m, value, prec, extra))
        for p in m.parts:
            if ends is not None:
                # The end as the range resolved it (e.g. its year taken from the start).
                pv, pp, pe = ends[p.which]
                pe = dict(pe)
            else:
                pv, pp, pe = res.resolve(p)
            pe["range_part"] = True
            times.append(_time(view, p, pv, pp, pe))
    report = {"anchor": fmt_day(anchor) if anchor else None, "anchor_from": source}
    return times, report


def _nearer_ahead(anchor: date, month: int, day: int) -> bool:
    """True when month/day falls closer after ``anchor`` this year than before it last year."""
    try:
        ahead = date(anchor.year, month, day) - anchor
        back = anchor - date(anchor.year - 1, month, day)
    except ValueError:
        return False
    return ahead < back


def _time(view: NormView, m: Match, value: str | None, prec: str | None,
          extra: dict[str, Any]) -> Time:
    s, e = view.to_orig(m.start, m.end)
    text = view.text
    # Keep marks the normalised view dropped at the end of the span (the tatweel of "هـ",
    # a final tanwin "غداً") inside it.
    while e < len(text) and not normalize(text[e]) and not text[e].isspace():
        e += 1
    return Time(s, e, view.text[s:e], value, prec, extra)


class TimeStage:
    """Fills ``doc.times`` (see :func:`extract_times`); resolves against ``doc.published``."""

    name = "time"
    requires: tuple[str, ...] = ("sentences",)
    provides = ("times",)

    def __init__(self, **options: Any) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        times, report = extract_times(doc.text or "", doc.published)
        doc.times = times
        # For later stages (events): the date the text calls "today", YYYY-MM-DD or None.
        doc.scratch["time_anchor"] = report["anchor"]
        # For events: where each time lies relative to the report's "today" (one dict per
        # doc.times entry, same order); see :func:`time_scopes`.
        doc.scratch["time_scope"] = time_scopes(doc.text or "", times, report["anchor"])
        if report["anchor_from"] != "published":
            doc.meta["time_anchor"] = report
        return doc


# Words right before a time that give it a role other than "when the event happened".
_ROLE_BEFORE = {
    **{normalize(w): "birth" for w in ("مواليد", "المولود", "المولودة", "مولود", "ولد", "ولدت")},
    **{normalize(w): "deadline" for w in ("حتى", "بحلول", "لغاية", "غاية", "موعد", "أقصاه", "اقصاه")},
    normalize("منذ"): "since",
}
_NEWS_WINDOW = 7  # days before the anchor that still count as the news of the report


def _interval(value: str | None, prec: str | None) -> tuple[date, date] | None:
    """First and last day of an ISO value (day, ISO week, month, year, decade, interval)."""
    if not value or prec in (None, "duration"):
        return None
    try:
        if "/" in value:
            a, b = value.split("/", 1)
            ia, ib = _interval(a, "x"), _interval(b, "x")
            return (ia[0], ib[1]) if ia and ib else None
        if "-W" in value:
            y, w = value.split("-W")
            d0 = date.fromisocalendar(int(y), int(w), 1)
            return d0, date.fromisocalendar(int(y), int(w), 7)
        parts = value.split("-")
        if len(parts) == 3:
            d = date.fromisoformat(value)
            return d, d
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
        if len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if len(value) == 3:  # decade "199"
            return date(int(value) * 10, 1, 1), date(int(value) * 10 + 9, 12, 31)
    except (ValueError, IndexError):
        return None
    return None


def time_scopes(text: str, times: list[Time], anchor: str | None) -> list[dict[str, Any]]:
    """Per time: ``scope`` (``news``: within the week up to the anchor; ``past``: ended
    before that; ``current``: a period containing the anchor, e.g. هذا العام; ``future``;
    ``none``: durations, vague or generic), ``days`` (first day minus anchor, or None) and
    ``role`` (``birth`` "من مواليد 1415هـ", ``deadline`` "حتى 17 سبتمبر", ``since``,
    ``range_part``, or None). Events can use it to keep a background time (a past attack,
    a birth year, a deadline) from dating the reported event, and to tell when the text
    has moved into the past (the last time before a sentence is ``past``)."""
    a = parse_date(anchor)
    out: list[dict[str, Any]] = []
    for t in times:
        iv = _interval(t.value, t.precision)
        scope, days = "none", None
        if iv is not None and a is not None:
            days = (iv[0] - a).days
            if iv[0] > a:
                scope = "future"
            elif iv[1] < a - timedelta(days=_NEWS_WINDOW):
                scope = "past"
            elif (iv[1] - iv[0]).days <= _NEWS_WINDOW:
                scope = "news"
            else:
                scope = "current"
        role = None
        if t.extra.get("range_part"):
            role = "range_part"
        else:
            # the word before the span (clitics off): "من مواليد", "حتى", "منذ"
            k = t.start
            while k > 0 and text[k - 1].isspace():
                k -= 1
            j = k
            while j > 0 and not text[j - 1].isspace():
                j -= 1
            w = normalize(text[j:k])
            role = _ROLE_BEFORE.get(w) or (_ROLE_BEFORE.get(w[1:]) if w[:1] in "وف" else None)
            if role is None and "since" in t.extra:
                role = "since"  # "منذ عامين" (منذ inside the span)
        out.append({"scope": scope, "days": days, "role": role})
    return out
