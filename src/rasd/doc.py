"""The document model: the `rasd.document/1` contract as dataclasses.

Every stage reads and writes a :class:`Doc`. ``Doc.to_dict()`` gives exactly the JSON of
``spec/document.md`` (plus added fields); ``Doc.from_dict()`` reads it back.
Offsets are code-point indices into ``Doc.text``, end exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Entity ids "e1", "e2" …: new entities continue after the highest.
_ENTITY_ID = re.compile(r"^e(\d+)$")

SCHEMA = "rasd.document/1"

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
GEO_LEVELS = ("country", "admin1", "admin2", "city", "site", "region")
TIME_PRECISIONS = ("day", "week", "month", "year", "decade", "duration", "range")
QUOTE_KINDS = ("direct", "indirect")
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
EVENT_STATUSES = ("completed", "ongoing", "planned", "negated", "hypothetical")


@dataclass
class Span:
    """A stretch of the original text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Span":
        return cls(int(d["start"]), int(d["end"]), d["text"])


Mention = Span


@dataclass(slots=True)
class Token:
    """One token of the text layer.

    ``norm`` is its normalised form (see :mod:`rasd.text.normalize`); ``clitic`` is true
    for a detached proclitic (و ف ب ل ك) split off the word that follows it.
    """

    start: int
    end: int
    text: str
    norm: str = ""
    clitic: bool = False
    sentence: int = 0

    @property
    def is_word(self) -> bool:
        return bool(self.text) and (self.text[0].isalpha() or self.text[0].isdigit())


@dataclass
class Geo:
    """Where a place is: coordinates, ISO country, first-level region and granularity."""

    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    level: str | None = None
    geonames_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "lat": self.lat, "lon": self.lon, "country": self.country,
            "admin1": self.admin1, "level": self.level, "geonames_id": self.geonames_id,
        }
        d.update(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Geo | None":
        if d is None:
            return None
        known = {"lat", "lon", "country", "admin1", "level", "geonames_id"}
        return cls(
            lat=d.get("lat"), lon=d.get("lon"), country=d.get("country"),
            admin1=d.get("admin1"), level=d.get("level"), geonames_id=d.get("geonames_id"),
            extra={k: v for k, v in d.items() if k not in known},
        )


@dataclass
class Entity:
    """One real-world entity with every mention of it in the document."""

    id: str
    type: str
    name: str
    name_en: str | None = None
    kb: dict[str, Any] = field(default_factory=dict)
    mentions: list[Span] = field(default_factory=list)
    geo: Geo | None = None
    confidence: float | None = None
    # Free-form fields other stages may add (e.g. "sources", "title"); serialised flat.
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def start(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else -1

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id, "type": self.type, "name": self.name, "name_en": self.name_en,
            "kb": dict(self.kb), "mentions": [m.to_dict() for m in self.mentions],
            "geo": self.geo.to_dict() if self.geo else None,
        }
        if self.confidence is not None:
            d["confidence"] = self.confidence
        d.update(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Entity":
        known = {"id", "type", "name", "name_en", "kb", "mentions", "geo", "confidence"}
        return cls(
            id=d["id"], type=d["type"], name=d.get("name") or "", name_en=d.get("name_en"),
            kb=dict(d.get("kb") or {}),
            mentions=[Span.from_dict(m) for m in d.get("mentions") or []],
            geo=Geo.from_dict(d.get("geo")), confidence=d.get("confidence"),
            extra={k: v for k, v in d.items() if k not in known},
        )


@dataclass
class Time:
    """A temporal expression and its ISO 8601 value (``None`` when unresolvable)."""

    start: int
    end: int
    text: str
    value: str | None = None
    precision: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {"start": self.start, "end": self.end, "text": self.text,
             "value": self.value, "precision": self.precision}
        d.update(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Time":
        known = {"start", "end", "text", "value", "precision"}
        return cls(int(d["start"]), int(d["end"]), d["text"], d.get("value"),
                   d.get("precision"), {k: v for k, v in d.items() if k not in known})


@dataclass
class Quote:
    """A quotation (``direct``) or reported speech (``indirect``) and who said it."""

    start: int
    end: int
    text: str
    kind: str = "direct"
    speaker: str | None = None
    cue: Span | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
             "speaker": self.speaker, "cue": self.cue.to_dict() if self.cue else None}
        d.update(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Quote":
        known = {"start", "end", "text", "kind", "speaker", "cue"}
        cue = d.get("cue")
        return cls(int(d["start"]), int(d["end"]), d["text"], d.get("kind", "direct"),
                   d.get("speaker"), Span.from_dict(cue) if cue else None,
                   {k: v for k, v in d.items() if k not in known})


@dataclass
class Event:
    """A PLOVER event with its arguments, each pointing at entities or text."""

    id: str
    type: str
    trigger: Span
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    place: str | None = None
    time: dict[str, Any] | None = None
    dead: int | None = None
    injured: int | None = None
    status: str = "completed"
    sentence: int | None = None
    acled: dict[str, Any] | None = None
    confidence: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "id": self.id, "type": self.type, "mode": self.mode, "context": list(self.context),
            "trigger": self.trigger.to_dict(), "source": list(self.source),
            "target": list(self.target), "place": self.place,
            "time": dict(self.time) if self.time else None,
            "dead": self.dead, "injured": self.injured, "status": self.status,
            "sentence": self.sentence, "acled": self.acled, "confidence": self.confidence,
        }
        d.update(self.extra)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        known = {"id", "type", "mode", "context", "trigger", "source", "target", "place",
                 "time", "dead", "injured", "status", "sentence", "acled", "confidence"}
        return cls(
            id=d["id"], type=d["type"], trigger=Span.from_dict(d["trigger"]),
            mode=d.get("mode"), context=list(d.get("context") or []),
            source=list(d.get("source") or []), target=list(d.get("target") or []),
            place=d.get("place"), time=d.get("time"), dead=d.get("dead"),
            injured=d.get("injured"), status=d.get("status") or "completed",
            sentence=d.get("sentence"), acled=d.get("acled"), confidence=d.get("confidence"),
            extra={k: v for k, v in d.items() if k not in known},
        )


@dataclass
class Doc:
    """One article and everything extracted from it."""

    text: str
    id: str | None = None
    lang: str = "ar"
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Which stages ran, in order, and anything stages want to report (not extraction).
    meta: dict[str, Any] = field(default_factory=dict)
    # Scratch space shared between stages during one run; never serialised.
    scratch: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    # -- helpers -----------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` over ``text[start:end]``."""
        return Span(start, end, self.text[start:end])

    def next_entity_number(self) -> int:
        """N for the next new entity's id "eN": one more than the highest "eN" (1 if none)."""
        return 1 + max((int(m.group(1)) for e in self.entities
                        if (m := _ENTITY_ID.match(e.id or ""))), default=0)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or ``None``."""
        if entity_id is None:
            return None
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def sentence_of(self, offset: int) -> int | None:
        """Index of the sentence holding character ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.sentences[mid]
            if offset < s:
                hi = mid - 1
            elif offset >= e:
                lo = mid + 1
            else:
                return mid
        return None

    def sentence_tokens(self, index: int) -> list[Token]:
        """The tokens of sentence ``index``."""
        return [t for t in self.tokens if t.sentence == index]

    # -- serialisation -----------------------------------------------------------
    def to_dict(self, tokens: bool = True) -> dict[str, Any]:
        """The `rasd.document/1` JSON object."""
        d: dict[str, Any] = {
            "schema": SCHEMA, "id": self.id, "lang": self.lang, "published": self.published,
            "title": self.title, "source": self.source, "url": self.url, "text": self.text,
            "sentences": [[s, e] for s, e in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [v.to_dict() for v in self.events],
        }
        if tokens:
            # Compact: [start, end] pairs, plus the indices of split-off clitics.
            d["tokens"] = [[t.start, t.end] for t in self.tokens]
            d["clitics"] = [i for i, t in enumerate(self.tokens) if t.clitic]
        if self.meta:
            d["meta"] = self.meta
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Doc":
        """Rebuild a Doc from its JSON object (inverse of :meth:`to_dict`)."""
        text = d["text"]
        sentences = [(int(s), int(e)) for s, e in d.get("sentences") or []]
        clitics = set(d.get("clitics") or [])
        tokens = []
        si = 0
        for i, (s, e) in enumerate(d.get("tokens") or []):
            while si < len(sentences) - 1 and s >= sentences[si][1]:
                si += 1
            tokens.append(Token(s, e, text[s:e], clitic=i in clitics, sentence=si))
        if tokens:
            from rasd.text.normalize import normalize

            for t in tokens:
                t.norm = normalize(t.text)
        return cls(
            text=text, id=d.get("id"), lang=d.get("lang") or "ar", published=d.get("published"),
            title=d.get("title"), source=d.get("source"), url=d.get("url"),
            sentences=sentences, tokens=tokens,
            entities=[Entity.from_dict(e) for e in d.get("entities") or []],
            times=[Time.from_dict(t) for t in d.get("times") or []],
            quotes=[Quote.from_dict(q) for q in d.get("quotes") or []],
            events=[Event.from_dict(v) for v in d.get("events") or []],
            meta=dict(d.get("meta") or {}),
        )

    def check_offsets(self) -> list[str]:
        """Every span that does not slice back to its text, as messages (empty = all good)."""
        bad = []
        n = len(self.text)

        def chk(what: str, s: int, e: int, t: str | None) -> None:
            if not (0 <= s <= e <= n) or (t is not None and self.text[s:e] != t):
                bad.append(f"{what} [{s}:{e}] {t!r}")

        for i, (s, e) in enumerate(self.sentences):
            chk(f"sentence {i}", s, e, None)
        for t in self.tokens:
            chk("token", t.start, t.end, t.text)
        for ent in self.entities:
            for m in ent.mentions:
                chk(f"entity {ent.id}", m.start, m.end, m.text)
        for t in self.times:
            chk("time", t.start, t.end, t.text)
        for q in self.quotes:
            chk("quote", q.start, q.end, q.text)
            if q.cue:
                chk("quote cue", q.cue.start, q.cue.end, q.cue.text)
        for v in self.events:
            chk(f"event {v.id}", v.trigger.start, v.trigger.end, v.trigger.text)
        return bad


def json_schema() -> dict[str, Any]:
    """The JSON Schema of `rasd.document/1` shipped in the package."""
    import json
    from importlib import resources

    return json.loads(resources.files("rasd.schema").joinpath("document.schema.json")
                      .read_text(encoding="utf-8"))
