"""Rasd kb: the entity knowledge base, linking and in-document coreference.

``lookup(name, date=None)`` gives the KB entries a name may refer to; ``english_name``
an English form for any Arabic name (KB name, else transliteration); the pipeline stage
is :class:`rasd.kb.stage.EntityStage` (``entities``).
"""

from rasd.kb.index import KBEntry, load_index, lookup


def english_name(name: str, date: str | None = None, country: str | None = None,
                 place: bool = False) -> str:
    """English name for an Arabic name: the KB entry's when it is known, else a
    transliteration ("" for empty input). For stages that add entities later (geo).

    ``country`` (the document's focus, ISO code) and ``place`` (the name is a place's) are
    passed to the transliteration: a place in an Arabic-speaking country is read as an
    Arabic word ("القديح" → "Al-Qadih", not "Al-Kadih"). With ``place`` a KB entry that
    is a person is not taken."""
    hits = lookup(name, date)
    if place:
        hits = [h for h in hits if h.type != "PER"]
    if hits:
        return hits[0].name_en
    from rasd.kb.translit import transliterate_name

    return transliterate_name(name, country, place)


__all__ = ["KBEntry", "english_name", "load_index", "lookup"]
