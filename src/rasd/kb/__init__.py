"""Rasd kb: the entity knowledge base, linking and in-document coreference.

``lookup(name, date=None)`` gives the KB entries a name may refer to; the pipeline stage
is :class:`rasd.kb.stage.EntityStage` (``entities``).
"""

from rasd.kb.index import KBEntry, load_index, lookup

__all__ = ["KBEntry", "load_index", "lookup"]
