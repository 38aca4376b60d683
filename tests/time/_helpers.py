"""Helpers for the time-stage tests: run the stage on a hand-made Doc."""

from __future__ import annotations

from rasd.doc import Doc
from rasd.time.stage import TimeStage
from rasd.text.sentences import split_sentences

_STAGE = TimeStage()


def run(text: str, published: str | None = "2015-07-21") -> Doc:
    """The Doc after the time stage (sentences filled as the text stage would)."""
    doc = Doc(text=text, published=published)
    doc.sentences = split_sentences(text)
    doc = _STAGE(doc)
    assert doc.check_offsets() == []
    return doc


def pairs(text: str, published: str | None = "2015-07-21", parts: bool = False) -> list[tuple[str, str | None]]:
    """(text, value) of every time found (range endpoints only with ``parts``)."""
    return [(t.text, t.value) for t in run(text, published).times
            if parts or not t.extra.get("range_part")]


def value_of(text: str, phrase: str, published: str | None = "2015-07-21") -> str | None:
    """The value of the time whose text is ``phrase`` (fails when there is none)."""
    for t in run(text, published).times:
        if t.text == phrase:
            return t.value
    raise AssertionError(f"{phrase!r} not found in {[t.text for t in run(text, published).times]}")
