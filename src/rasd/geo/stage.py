"""The geo stage: coordinates for LOC entities, and places NER missed."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from rasd.doc import Doc, Entity, Geo, Span
from rasd.geo.gazetteer import Entry, Place, gazetteer
from rasd.geo.keys import CUES, DIRECTIONS, name_key
from rasd.geo.resolve import (
    TRAILING_DIRS, DocContext, Hit, context_locality, find_resolve_context,
    is_site_phrase, precision, resolve_entry, resolve_group,
)
from rasd.text.tokens import tokenize

_ID = re.compile(r"^e(\d+)$")


def parse_phrase(text: str) -> tuple[str | None, str | None, Entry | None, str]:
    """(cue, direction, entry, key) for a place phrase such as "منطقة تمبكتو الشمالية"."""
    gaz = gazetteer()
    words = name_key(text).split()
    # Leading clitics on the first word.
    cue = direction = None
    while words:
        k = " ".join(words)
        e = gaz.entry(k)
        if e is not None:
            return cue, direction, e, k
        w0 = words[0]
        for v in (w0, w0[1:] if len(w0) > 3 and w0[0] in "وفبلك" else None,
                  "ا" + w0[1:] if w0.startswith("لل") else None):
            if v and v != w0 and gaz.entry(" ".join([v] + words[1:])) is not None:
                return cue, direction, gaz.entry(" ".join([v] + words[1:])), " ".join([v] + words[1:])
        if len(words) > 1 and words[-1] in TRAILING_DIRS:
            direction = direction or words[-1]
            words = words[:-1]
            continue
        if len(words) > 1 and (w0 in CUES or (len(w0) > 3 and w0[1:] in CUES)):
            cue = cue or (w0 if w0 in CUES else w0[1:])
            words = words[1:]
            continue
        if len(words) > 1 and w0 in DIRECTIONS:
            direction = direction or w0
            words = words[1:]
            continue
        break
    return cue, direction, None, " ".join(words)


def geocode(text: str, context: list[str] | None = None) -> Geo | None:
    """Geo for a place phrase ("الخرطوم", "منطقة تمبكتو الشمالية", "غرب إفريقيا"),
    optionally with other place names of the same document as context."""
    cue, direction, entry, _ = parse_phrase(text)
    if entry is None:
        return None
    ctx = DocContext()
    for c in context or []:
        _, _, e, _ = parse_phrase(c)
        if e is not None and len({p.country for p in e.places}) == 1 and e.places:
            p = e.places[0]
            if p.country:
                ctx.countries[p.country] = ctx.countries.get(p.country, 0.0) + 1.0
            if p.level not in ("country", "region"):
                ctx.anchors.append(p)
    place, _ = resolve_entry(entry, cue, ctx)
    return make_geo(place, direction) if place else None


def make_geo(place: Place, direction: str | None = None) -> Geo:
    """The document-contract Geo for a gazetteer place."""
    extra: dict[str, Any] = {"precision": precision(place, direction)}
    if direction:
        extra["direction"] = direction
    return Geo(lat=place.lat, lon=place.lon, country=place.country,
               admin1=place.admin1 if place.level != "country" else None,
               level=place.level, geonames_id=place.geonames_id, extra=extra)


def geo_precision(entity: Entity) -> int | None:
    """ACLED geo precision of a LOC entity: 1 town, 2 part of a region or near a town,
    3 a region (admin area, country or wider); ``None`` without geo."""
    g = entity.geo
    if g is None or g.level is None:
        return None
    p = g.extra.get("precision")
    if isinstance(p, int):
        return p
    if g.level in ("city", "site"):
        return 1
    return 2 if g.level == "admin2" else 3


class GeoStage:
    """Sets ``geo`` on LOC entities and adds the places the gazetteer finds.

    Options: ``detect`` (add LOC entities from the gazetteer, default true), ``near``
    (place an unknown LOC at the known town/area the text puts it in or near, precision 2,
    default true),
    ``context_sites`` (a street, square or mosque the gazetteer lacks, in a document whose
    places all lie in one town, gets that town's point: level site, precision 2,
    ``extra.approximate``; default true),
    ``nested_mentions`` (also record a known place's occurrences inside other entities'
    mentions, e.g. مالي inside MINUSMA's long name, default true), ``merge`` (merge LOC
    entities that resolve to the same place, default true).
    """

    name = "geo"
    requires = ("entities",)
    provides = ("geo",)

    def __init__(self, detect: bool = True, nested_mentions: bool = True, merge: bool = True,
                 near: bool = True, context_sites: bool = True, **options: Any) -> None:
        self.detect = detect
        self.near = near
        self.context_sites = context_sites
        self.nested_mentions = nested_mentions
        self.merge = merge
        self.options = options
        gazetteer()  # load now so that a missing data file fails at construction

    def __call__(self, doc: Doc) -> Doc:
        doc = self._locate(doc)
        # Places the gazetteer has no English name for (and LOC entities this stage added
        # after linking) get the KB's name or a transliteration, like every other entity.
        from rasd.kb import lookup
        from rasd.kb.translit import transliterate_name

        for ent in doc.entities:
            if ent.type == "LOC" and not ent.name_en and ent.name:
                hits = lookup(ent.name, doc.published)
                en = hits[0].name_en if hits else transliterate_name(ent.name)
                if en:
                    ent.name_en = en
                    ent.extra["name_en_by"] = "kb" if hits else "translit"
        return doc

    def _locate(self, doc: Doc) -> Doc:
        text = doc.text or ""
        if not text.strip():
            return doc
        tokens = doc.tokens or tokenize(text)
        hits, ctx = find_resolve_context(text, tokens)
        place_of: dict[str, tuple[Place | None, str | None]] = {}

        # 1. Entities already typed LOC (by NER / KB): resolve each from its mentions.
        for ent in doc.entities:
            if ent.type != "LOC":
                continue
            place_of[ent.id] = self._resolve_entity(ent, hits, ctx)

        # 2. Gazetteer hits that no entity covers yet.
        if self.detect:
            self._add_hits(doc, hits, place_of)
            # Entities that gained mentions are read again from all of them.
            for ent in doc.entities:
                if ent.type == "LOC" and len(ent.mentions) > 1:
                    place_of[ent.id] = self._resolve_entity(ent, hits, ctx)

        # 3. Merge LOC entities resolving to the same place.
        if self.merge:
            self._merge(doc, place_of)

        for ent in doc.entities:
            if ent.type != "LOC" or ent.id not in place_of:
                continue
            place, direction = place_of[ent.id]
            if place is None:
                if ent.geo is None and self.near:
                    ent.geo = self._near_known(doc, ent, hits)
                if ent.geo is None and self.context_sites and _site_named(ent):
                    ent.geo = self._in_locality(hits)
                continue  # unknown here: keep whatever an earlier stage set (usually None)
            ent.geo = make_geo(place, direction)
            if place.geonames_id:
                ent.kb.setdefault("geonames", place.geonames_id)
            if not ent.name_en:
                ent.name_en = place.name_en
        doc.scratch["geo_hits"] = hits
        return doc

    # -- helpers -----------------------------------------------------------------
    @staticmethod
    def _in_locality(hits: list[Hit]) -> Geo | None:
        """A street/square/mosque the gazetteer lacks, in a document whose places all lie in
        one town: that town's point, level ``site``, precision 2, approximate."""
        loc = context_locality(hits)
        if loc is None:
            return None
        return Geo(lat=loc.lat, lon=loc.lon, country=loc.country, admin1=loc.admin1,
                   level="site", geonames_id=None,
                   extra={"precision": 2, "near": loc.name_en or None, "approximate": True,
                          "by": "context"})

    def _near_known(self, doc: Doc, ent: Entity, hits: list[Hit]) -> Geo | None:
        """ACLED-style fallback for a place the gazetteer lacks: when the text itself puts
        it in or near a known town or area ("حي الكلاسة في حلب", "جعولة شمالي عدن",
        "منطقة الصالحية بمدينة الحسكة"), take that place's coordinates with precision 2
        (level site/city, no geonames id, ``near`` names the anchor)."""
        text = doc.text
        placed = [h for h in hits if h.accepted and h.place is not None
                  and h.place.level in ("city", "admin2", "admin1", "site")]
        for m in ent.mentions:
            for h in placed:
                if h.start < m.end or h.start - m.end > 45:
                    continue
                gap = text[m.end:h.start]
                if any(c in gap for c in ".!?؟\n؛:") or not _says_in_or_near(gap, text, h):
                    continue
                first = name_key(m.text).split(" ")[0] if m.text else ""
                level = "site" if first in ("حي", "ضاحيه", "مخيم", "غابه") or \
                    is_site_phrase(name_key(m.text)) else "city"
                return Geo(lat=h.place.lat, lon=h.place.lon, country=h.place.country,
                           admin1=h.place.admin1, level=level, geonames_id=None,
                           extra={"precision": 2, "near": h.place.name_en, "approximate": True})
        return None

    def _resolve_entity(self, ent: Entity, hits: list[Hit], ctx: DocContext
                        ) -> tuple[Place | None, str | None]:
        # Group the mentions by the name they contain; each name gets its reading from
        # all its occurrences; the entity takes the most confident name.
        by_key: dict[str, tuple[Entry, list[str | None], list[str | None]]] = {}
        starts = [h.start for h in hits]  # hits come sorted by start, never overlapping
        for m in list(ent.mentions) or [Span(-1, -1, ent.name)]:
            cue = direction = None
            entry = None
            key = ""
            i = max(0, bisect_left(starts, m.start) - 1)
            while i < len(hits) and hits[i].start < m.end:
                h = hits[i]
                if m.start < h.end and h.entry.places:
                    entry, cue, direction, key = h.entry, h.cue, h.direction, h.key
                    break
                i += 1
            if entry is None:
                cue, direction, entry, key = parse_phrase(m.text)
            if entry is None:
                continue
            e, cues, dirs = by_key.setdefault(key, (entry, [], []))
            cues.append(cue)
            dirs.append(direction)
        best: tuple[float, Place | None, str | None] = (-1e9, None, None)
        for entry, cues, dirs in by_key.values():
            place, s = resolve_group(entry, cues, ctx)
            direction = dirs[0] if dirs and all(dirs) else None
            if place is not None and s > best[0]:
                best = (s, place, direction)
        return best[1], best[2]

    def _add_hits(self, doc: Doc, hits: list[Hit], place_of: dict) -> None:
        # Mentions that were there before: sorted, searched by bisection (hits themselves
        # never overlap one another, so the ones added here need no checking).
        spans = sorted((m.start, m.end, e) for e in doc.entities for m in e.mentions
                       ) if doc.entities else []
        starts = [sp[0] for sp in spans]
        longest = max((e - s for s, e, _ in spans), default=0)
        by_place: dict[str, Entity] = {}
        for ent in doc.entities:
            p = place_of.get(ent.id, (None, None))[0]
            if ent.type == "LOC" and p is not None:
                by_place.setdefault(p.key, ent)
        by_name = {_base_key(name_key(e.name)): e for e in doc.entities if e.type == "LOC"}
        next_id = 1 + max((int(m.group(1)) for e in doc.entities
                           if (m := _ID.match(e.id or ""))), default=0)
        nested: list[tuple[Hit, Entity]] = []
        seen: dict[int, set[tuple[int, int]]] = {}
        emptied: dict[str, str] = {}  # entity left without mentions → the one that took them
        for h in hits:
            if not h.accepted or (h.place is None and h.entry.flag != "cue"):
                continue
            inside = None
            clash = False
            shorter: list[tuple[int, int, Entity]] = []
            named_after: list[tuple[int, int, Entity]] = []
            site = h.entry.flag == "cue" and is_site_phrase(h.key)
            lo = bisect_left(starts, h.start - longest)
            hi = bisect_left(starts, h.end)
            for s, e, ent in spans[lo:hi]:
                if s < h.end and h.start < e:
                    if ent.type == "LOC" and h.start <= s and e <= h.end and (s, e) != (h.start, h.end) \
                            and h.place is not None:
                        shorter.append((s, e, ent))  # NER's إفريقيا inside غرب إفريقيا
                    elif ent.type == "LOC":
                        clash = True  # already a LOC mention here
                    elif site and ent.type == "PER" and h.start < s and e <= h.end:
                        # مسجد الإمام علي بن أبي طالب، طريق الملك فهد: the person the site is
                        # named after is part of its name (the gold convention).
                        named_after.append((s, e, ent))
                    elif s <= h.start and h.end <= e:
                        inside = ent
                    else:
                        clash = True  # crosses another entity's boundary
            if clash:
                continue
            if shorter and inside is None:
                # The gazetteer knows the longer name: the LOC mention grows to it.
                owner = shorter[0][2]
                for s0, e0, ent in shorter:
                    ent.mentions = [m for m in ent.mentions if (m.start, m.end) != (s0, e0)]
                    seen.pop(id(ent), None)
                    if not ent.mentions:
                        emptied[ent.id] = owner.id
                _add_mention(owner, Span(h.start, h.end, doc.text[h.start:h.end]), sort=False,
                             seen=seen)
                emptied.pop(owner.id, None)
                if len(owner.mentions) == 1:
                    owner.name = owner.mentions[0].text
                place_of[owner.id] = (h.place, h.direction)
                continue
            span = Span(h.start, h.end, doc.text[h.start:h.end])
            if inside is not None:
                nested.append((h, inside))
                continue
            ent = (by_place.get(h.place.key) if h.place else None) or by_name.get(_base_key(h.key))
            if ent is None:
                ent = Entity(id=f"e{next_id}", type="LOC", name=doc.text[h.name_start:h.end],
                             mentions=[], confidence=0.6 if h.entry.flag == "strong" else 0.5,
                             extra={"by": "geo"})
                if h.place is None:
                    ent.confidence = 0.4  # a place the gazetteer lacks, known by its cue
                next_id += 1
                doc.entities.append(ent)
                if h.place is not None:
                    by_place[h.place.key] = ent
                by_name.setdefault(_base_key(h.key), ent)
                place_of[ent.id] = (h.place, h.direction)
            _add_mention(ent, span, sort=False, seen=seen)
            for s0, e0, per in named_after:
                per.mentions = [m for m in per.mentions if (m.start, m.end) != (s0, e0)]
                seen.pop(id(per), None)
                if not per.mentions:
                    emptied[per.id] = ent.id
        if self.nested_mentions:
            for h, _outer in nested:
                if h.place is None:
                    continue
                ent = by_place.get(h.place.key) if h.place else None
                if ent is not None:
                    _add_mention(ent, Span(h.start, h.end, doc.text[h.start:h.end]), sort=False,
                                 seen=seen)
        for ent in doc.entities:
            if ent.type == "LOC":
                ent.mentions.sort(key=lambda m: m.start)
        # An entity left without mentions (all grown into a longer name) is dropped.
        if emptied:
            doc.entities = [e for e in doc.entities if e.id not in emptied]
            doc.scratch.setdefault("geo_merged", {}).update(emptied)

    def _merge(self, doc: Doc, place_of: dict) -> None:
        keep: dict[str, Entity] = {}
        merged: dict[str, str] = {}
        for ent in doc.entities:
            if ent.type != "LOC":
                continue
            p = place_of.get(ent.id, (None, None))[0]
            if p is None:
                continue
            first = keep.get(p.key)
            if first is None:
                keep[p.key] = ent
                continue
            for m in ent.mentions:
                _add_mention(first, m)
            if not first.name_en and ent.name_en:
                first.name_en = ent.name_en
            for k, v in ent.kb.items():
                first.kb.setdefault(k, v)
            merged[ent.id] = first.id
            # Keep the more specific reading (a direction word) if only the merged one had it.
            if place_of[first.id][1] is None and place_of[ent.id][1] is not None:
                place_of[first.id] = place_of[ent.id]
        if merged:
            doc.entities = [e for e in doc.entities if e.id not in merged]
            # Later stages (events) may hold ids from earlier ones: dropped id → kept id.
            doc.scratch.setdefault("geo_merged", {}).update(merged)


#: Words that put a place in or near the next one ("in", "near", "north of", "city of" ...).
_IN_OR_NEAR = frozenset(name_key(w) for w in (
    "في قرب بالقرب من شمال جنوب شرق غرب شمالي جنوبي شرقي غربي ضواحي أطراف محيط مدينة "
    "محافظة ولاية منطقة إقليم قضاء مديرية بلدة داخل غربي وسط").split())


def _says_in_or_near(gap: str, text: str, h: Hit) -> bool:
    words = [name_key(w) for w in re.findall(r"[\u0621-\u064a\u064b-\u0652\u0670]+", gap)]
    for w in words:
        if w in _IN_OR_NEAR or (len(w) > 2 and w[0] in "وبل" and w[1:] in _IN_OR_NEAR):
            return True
    # "… بحلب": a clitic ب/في glued to the known place itself.
    return h.start > 0 and text[h.start - 1] == "ب" and (h.start < 2 or text[h.start - 2] == " ")


def _site_named(ent: Entity) -> bool:
    """Whether a LOC entity is named as a street, square, mosque ... (شارع X, مسجد X)."""
    return any(is_site_phrase(name_key(m.text)) for m in ent.mentions) or \
        is_site_phrase(name_key(ent.name or ""))


def _base_key(key: str) -> str:
    """A name key without its leading cue word (محافظه لحج → لحج), for merging."""
    head, _, rest = key.partition(" ")
    return rest if rest and head in CUES else key


def _add_mention(ent: Entity, span: Span, sort: bool = True,
                 seen: dict[int, set[tuple[int, int]]] | None = None) -> None:
    """Add ``span`` to ``ent`` unless it is there; ``seen`` caches the spans per entity."""
    if seen is None:
        have = {(m.start, m.end) for m in ent.mentions}
    else:
        have = seen.get(id(ent))
        if have is None:
            have = seen[id(ent)] = {(m.start, m.end) for m in ent.mentions}
    if (span.start, span.end) in have:
        return
    have.add((span.start, span.end))
    ent.mentions.append(span)
    if sort:
        ent.mentions.sort(key=lambda m: m.start)
