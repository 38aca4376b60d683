"""The time stage: every temporal expression of the text in ``doc.times``."""

from __future__ import annotations

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
    for m in matches:
        s = m.sem
        if s.kind in _TENSE_KINDS and s.direction is None and s.year is None:
            s.future = matcher.future_context(m.i)
    pub = parse_date(published)
    anchor, source = find_anchor(matches, pub)
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
        if report["anchor_from"] != "published":
            doc.meta["time_anchor"] = report
        return doc
