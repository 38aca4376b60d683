"""Helpers shared by the geo tests."""

from __future__ import annotations

from rasd.doc import Doc, Entity, Span
from rasd.text.stage import TextStage


def ner_doc(text: str, ents: list[tuple[str, str, str]] = ()) -> Doc:
    """A Doc with tokens and NER-like (id, type, surface) entities (first occurrence)."""
    doc = Doc(text=text)
    TextStage()(doc)
    for eid, typ, surf in ents:
        i = text.index(surf)
        doc.entities.append(Entity(id=eid, type=typ, name=surf,
                                   mentions=[Span(i, i + len(surf), surf)], extra={"by": "ner"}))
    return doc
