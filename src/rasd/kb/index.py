"""The compiled knowledge base: entries, the alias index and alias lookup.

The KB is written as TSV files under ``rasd/kb/data`` (hand-written and generated ones)
and compiled by ``scripts/build_kb.py`` into ``data/kb_index.json.gz``, which is what is
loaded here. Alias keys are :func:`alias_key` forms (normalised, one space between words).

Alias flags (how sure a bare occurrence of the alias is):

* ``STRONG`` -- the alias names the entry wherever it appears;
* ``WEAK`` (``~`` in the data) -- only when the entry is named strongly elsewhere in the
  document, or a trigger word (تنظيم، حركة، جماعة ...) stands before it;
* ``CONTEXT`` (``~~``) -- only after a trigger word (``الدولة`` after ``تنظيم``);
* ``FOCUS`` (``^``) -- a generic word (``الحكومة``, ``الجيش``) that names the entry of the
  document's focus country;
* ``requires`` (``@id,id``) -- the alias counts only if one of those entries is named in
  the document too (``الأمين العام`` needs the United Nations); a ``ctx:KIND`` id among
  them is met instead by the mention's own context (``قنا`` after ``ذكرت``/``وكالة`` or
  as "(قنا)" is the Qatar News Agency, elsewhere the Egyptian governorate Qena; see
  ``rasd.kb.link.alias_context``).

Entries of type ``OFFICE`` are titles (UN Secretary-General, President of Turkey); their
``holders`` say who held them when, so a title can be resolved to a person at a date.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from importlib import resources
from collections.abc import Iterable
from typing import Any

from rasd.cache import TwoGen, bound
from rasd.errors import ModelError
from rasd.text.normalize import normalize

STRONG, WEAK, CONTEXT, FOCUS = 0, 1, 2, 3
_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=bound(50_000))  # bounded for long runs (rasd.cache)
def alias_key(s: str) -> str:
    """The lookup key of a name: normalised, words joined by one space."""
    return " ".join(_WORD_RE.findall(normalize(s)))


@dataclass
class KBEntry:
    """One actor of the knowledge base."""

    id: str
    type: str
    name_en: str
    name_ar: str
    aliases: list[str] = field(default_factory=list)
    acronyms: list[str] = field(default_factory=list)
    country: str | None = None
    role: str | None = None
    wikidata: str | None = None
    offices: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    source: str | None = None

    @property
    def is_office(self) -> bool:
        return self.type == "OFFICE"


def surface_forms(firsts: Iterable[str]) -> set[str]:
    """Every word one of whose clitic readings (:func:`rasd.kb.link.first_word_forms`) is in ``firsts``.

    The readings strip a leading و/ف, then ب/ك/ل, and read لل as ل + ال; so the words are
    these prefixes put back in front (a superset: the readings are still checked).
    """
    return set(chain.from_iterable(map(_surface_of, firsts)))


@lru_cache(maxsize=100_000)
def _surface_of(f: str) -> tuple[str, ...]:
    """The surface forms of one word (see :func:`surface_forms`), cached per word."""
    out = [f]
    for c in "وفبكل":
        out.append(c + f)
    for c in "بكل":
        out.append("و" + c + f)
        out.append("ف" + c + f)
    if f.startswith("ال"):
        out.append("لل" + f[2:])
        out.append("ولل" + f[2:])
        out.append("فلل" + f[2:])
    return tuple(out)



@dataclass
class AliasHit:
    """One entry an alias may name, with how sure the alias is."""

    entry: int
    flag: int = STRONG
    requires: tuple[str, ...] = ()


class KBIndex:
    """Entries plus an alias index over them (see module docstring)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.entries: list[KBEntry] = []
        for e in data["entries"]:
            self.entries.append(KBEntry(
                id=e["id"], type=e["type"], name_en=e["name_en"], name_ar=e["name_ar"],
                aliases=e.get("aliases", []), acronyms=e.get("acronyms", []),
                country=e.get("country"), role=e.get("role"), wikidata=e.get("wikidata"),
                offices=[tuple(o) for o in e.get("offices", [])], source=e.get("source"),
            ))
        self.by_id = {e.id: i for i, e in enumerate(self.entries)}
        self.aliases: dict[str, list[AliasHit]] = {}
        for key, hits in data["aliases"].items():
            self.aliases[key] = [AliasHit(h[0], h[1], tuple(h[2]) if len(h) > 2 else ())
                                 for h in hits]
        # Word-prefixes of multi-word aliases, so a longest-match scan can stop early.
        self.prefixes: set[str] = set()
        self.first_words: set[str] = set()
        for key in self.aliases:
            parts = key.split(" ")
            self.first_words.add(parts[0])
            for k in range(1, len(parts)):
                self.prefixes.add(" ".join(parts[:k]))
        # Alias keys with a weak or context-only hit (those look at the word before).
        self.weak_keys: set[str] = {k for k, hs in self.aliases.items()
                                    if any(h.flag == WEAK or h.flag == CONTEXT for h in hs)}
        # Alias keys with a "ctx:KIND" requirement → the kinds (rasd.kb.link.alias_context).
        self.ctx_keys: dict[str, frozenset[str]] = {}
        for k, hs in self.aliases.items():
            kinds = frozenset(r[4:] for h in hs for r in h.requires if r.startswith("ctx:"))
            if kinds:
                self.ctx_keys[k] = kinds
        # Every surface word one of whose readings (key_variants: the word, less a leading
        # و/ف and/or ب/ك/ل, لل read as ل+ال) begins an alias: words not in this set are
        # skipped by the scan with one set lookup.
        self.start_words = surface_forms(self.first_words)
        # Per-process caches (word form -> alias-starting readings; name -> hits).
        self._start_forms: dict[str, tuple[tuple[int, str], ...]] = {}
        self._required: dict[tuple[str, ...], tuple[int | None, ...]] = {}
        self._hits = TwoGen(30_000)  # name → hits; two generations (rasd.cache)
        # Office code -> [(person entry index, start, end)].
        self.holders: dict[str, list[tuple[int, str | None, str | None]]] = {}
        for i, e in enumerate(self.entries):
            for code, s, t in e.offices:
                self.holders.setdefault(code, []).append((i, s, t))
        self.sources: list[str] = data.get("sources", [])
        # Normalised nationality adjectives (المالي، اليمنية): never a surname on their own.
        self.adjectives: dict[str, str] = dict(data.get("adjectives", {}))

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> KBEntry | None:
        """The entry with this id, or ``None``."""
        i = self.by_id.get(entry_id)
        return self.entries[i] if i is not None else None

    def holder(self, office_id: str, date: str | None) -> int | None:
        """Index of the person holding office ``office_id`` on ``date`` (ISO; None = now)."""
        code = office_id.split(":", 1)[1] if office_id.startswith("office:") else office_id
        best = None
        for i, s, t in self.holders.get(code, []):
            if date is None:
                if t is None:
                    best = i
                continue
            d = date[:10]
            if (s is None or s <= d) and (t is None or d <= t):
                best = i
        return best

    def hits(self, name: str) -> list[AliasHit]:
        """Alias hits for ``name``, trying it as is and without a leading clitic."""
        out = self._hits[name]  # None on a miss (TwoGen)
        if out is None:
            out = []
            for _skip, form in key_variants(alias_key(name)):
                h = self.aliases.get(form)
                if h:
                    out = h
                    break
            self._hits.put(name, out)
        return out

    def required_entries(self, requires: tuple[str, ...]) -> tuple[int | None, ...]:
        """Entry indices of an alias hit's ``requires`` ids (``None`` for an unknown id; cached)."""
        got = self._required.get(requires)
        if got is None:
            got = self._required[requires] = tuple(self.by_id.get(r) for r in requires)
        return got

    def start_forms(self, word: str) -> tuple[tuple[int, str], ...]:
        """``(chars skipped, form)`` readings of a normalised word that begin an alias."""
        out = self._start_forms.get(word)
        if out is None:
            if word not in self.start_words:
                return ()
            if not word or not (word in self.first_words or (word[0] in "وفبكل" and len(word) >= 3)):
                out = ()
            else:
                aliases, prefixes = self.aliases, self.prefixes
                out = tuple((k, f) for k, f in key_variants(word) if f in aliases or f in prefixes)
            if len(self._start_forms) > 200_000:
                self._start_forms.clear()
            self._start_forms[word] = out
        return out


def key_variants(key: str) -> list[tuple[int, str]]:
    """``(chars skipped, form)`` readings of a key whose first word may carry a clitic.

    و/ف (conjunction), then ب/ك/ل (preposition); ``لل`` reads as ل + ال.
    """
    out = [(0, key)]
    if len(key) < 3:
        return out

    def prep(off: int, s: str) -> None:
        if len(s) >= 4 and s.startswith("لل"):
            out.append((off + 1, "ال" + s[2:]))
        elif len(s) >= 3 and s[0] in "بكل":
            out.append((off + 1, s[1:]))

    if key[0] in "وف" and len(key) >= 3:
        out.append((1, key[1:]))
        prep(1, key[1:])
    prep(0, key)
    return out


@lru_cache(maxsize=1)
def load_index() -> KBIndex:
    """The shipped KB index (loaded once)."""
    try:
        blob = resources.files("rasd.kb").joinpath("data/kb_index.json.gz").read_bytes()
    except (FileNotFoundError, OSError) as exc:
        raise ModelError(f"KB index missing: {exc}; run scripts/build_kb.py") from exc
    try:
        return KBIndex(json.loads(gzip.decompress(blob)))
    except (ValueError, KeyError, OSError, EOFError) as exc:
        raise ModelError(f"KB index corrupt: {exc}") from exc


def lookup(name: str, date: str | None = None) -> list[KBEntry]:
    """KB entries ``name`` may refer to (exact, normalised, leading clitic stripped; a
    person's surname alone, which needs the full name in the same document, gives none).

    A title (``الأمين العام للأمم المتحدة``) gives the person holding it on ``date``.
    """
    if not name or not name.strip():
        return []
    kb = load_index()
    out: list[KBEntry] = []
    seen: set[int] = set()
    for h in kb.hits(name):
        e = kb.entries[h.entry]
        if h.requires == (e.id,):
            # A surname alone ("السلام" of "محمد عبد السلام") names the person only where
            # the full name is in the same text, which a bare name has not.
            continue
        idx: int | None = h.entry
        if e.is_office:
            idx = kb.holder(e.id, date)
        if idx is not None and idx not in seen:
            seen.add(idx)
            out.append(kb.entries[idx])
    return out
