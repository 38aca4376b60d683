"""A readable terminal view of a Doc: the text with entities highlighted, then tables."""

from __future__ import annotations

import os
import sys

from rasd.doc import Doc

_COLORS = {"PER": "1;35", "ORG": "1;36", "LOC": "1;32", "MISC": "1;33"}


def _c(code: str, s: str, on: bool) -> str:
    return f"\x1b[{code}m{s}\x1b[0m" if on else s


def render(doc: Doc, color: bool | None = None) -> str:
    """The pretty view (ANSI colours when writing to a terminal)."""
    if color is None:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    spans = sorted(((m.start, m.end, e) for e in doc.entities for m in e.mentions),
                   key=lambda x: (x[0], -x[1]))
    out, pos = [], 0
    for s, e, ent in spans:
        if s < pos:
            continue
        out.append(doc.text[pos:s])
        label = f"[{doc.text[s:e]}|{ent.type} {ent.id}]" if not color else doc.text[s:e]
        out.append(_c(_COLORS.get(ent.type, "1"), label, color))
        pos = e
    out.append(doc.text[pos:])
    lines = [_c("1", f"== {doc.id or 'document'}  published {doc.published or '-'}", color),
             "".join(out), ""]

    def table(title: str, head: list[str], rows: list[list[str]]) -> None:
        if not rows:
            return
        widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
        lines.append(_c("1", f"{title} ({len(rows)})", color))
        lines.append("  " + "  ".join(h.ljust(w) for h, w in zip(head, widths)))
        for r in rows:
            lines.append("  " + "  ".join(str(x).ljust(w) for x, w in zip(r, widths)))
        lines.append("")

    def name(eid: str | None) -> str:
        e = doc.entity(eid)
        return "-" if e is None else (e.name_en or e.name)

    table("entities", ["id", "type", "name", "name_en", "mentions", "geo"], [
        [e.id, e.type, e.name, e.name_en or "-", str(len(e.mentions)),
         f"{e.geo.country} {e.geo.level} {e.geo.lat:.2f},{e.geo.lon:.2f}"
         if e.geo and e.geo.lat is not None else "-"] for e in doc.entities])
    table("times", ["text", "value", "precision"],
          [[t.text, t.value or "-", t.precision or "-"] for t in doc.times])
    table("events", ["id", "type", "trigger", "source", "target", "place", "time", "dead/inj",
                     "status"], [
        [v.id, v.type, v.trigger.text, ", ".join(map(name, v.source)) or "-",
         ", ".join(map(name, v.target)) or "-", name(v.place),
         (v.time or {}).get("value") or "-", f"{v.dead or '-'}/{v.injured or '-'}", v.status]
        for v in doc.events])
    table("quotes", ["kind", "speaker", "quote"], [
        [q.kind, name(q.speaker), (q.text[:60] + "…") if len(q.text) > 60 else q.text]
        for q in doc.quotes])
    return "\n".join(lines)
