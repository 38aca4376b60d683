"""Rasd (رصد): structured, checkable facts from Arabic news.

>>> import rasd
>>> doc = rasd.extract("قالت الأمم المتحدة إن ...", published="2024-01-01")
>>> doc.to_dict()["schema"]
'rasd.document/1'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rasd.doc import Doc, Entity, Event, Geo, Quote, Span, Time, Token

__version__ = "0.1.0"

_DEFAULT = None


def get_pipeline(config: Any = None):
    """The pipeline for ``config`` (the shipped default is built once and cached)."""
    global _DEFAULT
    from rasd.pipeline import Pipeline

    if config is not None:
        return Pipeline.from_config(config)
    if _DEFAULT is None:
        _DEFAULT = Pipeline.from_config()
    return _DEFAULT


def extract(text: str, published: str | None = None, *, config: Any = None, **meta: Any) -> Doc:
    """Run the pipeline on one article; ``meta`` may give id, title, source, url."""
    from rasd.io import make_doc

    pipeline = get_pipeline(config)
    doc = make_doc({"text": text, "published": published, **meta}, max_chars=pipeline.max_chars)
    return pipeline(doc)


def pipe(records: Iterable[dict[str, Any] | str], *, config: Any = None) -> Iterator[Doc]:
    """Run the pipeline over records (dicts with ``text`` etc., or plain strings)."""
    from rasd.io import make_doc

    pipeline = get_pipeline(config)
    for i, r in enumerate(records):
        rec = {"text": r} if isinstance(r, str) else r
        yield pipeline(make_doc(rec, max_chars=pipeline.max_chars, record=f"record {i + 1}"))


__all__ = ["Doc", "Entity", "Event", "Geo", "Quote", "Span", "Time", "Token", "extract",
           "pipe", "get_pipeline", "__version__"]
