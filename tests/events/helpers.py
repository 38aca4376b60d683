"""Hand-made Docs for the events tests: entities and times placed by string."""

from __future__ import annotations

from rasd.doc import Doc, Entity, Geo, Span, Time
from rasd.text.stage import TextStage


def make_doc(text: str, entities: list[tuple[str, str, list[str]]] = (), times: list[tuple[str, str, str]] = (),
             published: str | None = "2024-01-01", geo: dict[str, Geo] | None = None) -> Doc:
    """A Doc with sentences/tokens, entities (type, name, [mention strings]: every
    occurrence is a mention) and times (text, value, precision)."""
    doc = Doc(text=text, id="t", published=published)
    TextStage()(doc)
    for i, (typ, name, strings) in enumerate(entities, 1):
        spans = []
        for s in strings:
            p = text.find(s)
            while p >= 0:
                spans.append(Span(p, p + len(s), s))
                p = text.find(s, p + 1)
        doc.entities.append(Entity(id=f"e{i}", type=typ, name=name, mentions=sorted(spans, key=lambda x: x.start),
                                   geo=(geo or {}).get(name)))
    for t, v, prec in times:
        p = text.find(t)
        doc.times.append(Time(p, p + len(t), t, v, prec))
    return doc


def ent_id(doc: Doc, name: str) -> str:
    """Id of the entity called ``name``."""
    return next(e.id for e in doc.entities if e.name == name)
