"""Hand-made documents for the entities stage: text + NER-style mentions."""

from __future__ import annotations

from rasd.doc import Doc, Entity, Span
from rasd.kb.stage import EntityStage
from rasd.text.stage import TextStage

_STAGE: EntityStage | None = None


def stage() -> EntityStage:
    global _STAGE
    if _STAGE is None:
        _STAGE = EntityStage()
    return _STAGE


def make_doc(text: str, ner: list[tuple[str, str]] = (), published: str | None = "2024-01-01") -> Doc:
    """A Doc whose NER mentions are every occurrence of each ``(type, surface)``."""
    doc = TextStage()(Doc(text=text, published=published))
    spans = []
    for typ, surface in ner:
        i = text.find(surface)
        while i >= 0:
            spans.append((i, i + len(surface), typ))
            i = text.find(surface, i + 1)
    spans.sort()
    for k, (s, e, typ) in enumerate(spans, 1):
        doc.entities.append(Entity(id=f"e{k}", type=typ, name=text[s:e],
                                   mentions=[Span(s, e, text[s:e])], extra={"by": "ner"}))
    return doc


def run(text: str, ner: list[tuple[str, str]] = (), published: str | None = "2024-01-01") -> Doc:
    doc = stage()(make_doc(text, ner, published))
    assert doc.check_offsets() == []
    return doc


def entity_with(doc: Doc, mention: str):
    """The entity one of whose mentions is exactly ``mention`` (or None)."""
    for e in doc.entities:
        if any(m.text == mention for m in e.mentions):
            return e
    return None
