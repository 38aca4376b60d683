"""The geo stage: coordinates for LOC entities, and places NER missed."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from rasd.doc import Doc, Entity, Geo, Span
from rasd.geo.gazetteer import Entry, Place, gazetteer
from rasd.geo.keys import CUES, DIRECTIONS, name_key
from rasd.geo.resolve import (
    TRAILING_DIRS, DocContext, Hit, Rules, _prev_word, context_locality, find_resolve_context,
    haversine, SITE_CUES, is_mention, is_site_phrase, km, precision, resolve_entry, resolve_group,
)
from rasd.text.normalize import normalize
from rasd.text.tokens import tokenize, word_frequencies


_UNKNOWN_PLACE = Entry((), "cue")  # a place known only by its cue word (geo null)



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
        # A clitic is stripped off a common word only before a name taken on sight
        # (بالرياض; but كورونا is no ك + ورونا "Verona", a name needing context).
        strip = len(w0) > 3 and w0[0] in "وفبلك" and (
            word_frequencies().get(w0, 0) < 300 or _strong(gaz, " ".join([w0[1:]] + words[1:])))
        for v in (w0, w0[1:] if strip else None,
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


def _strong(gaz, key: str) -> bool:
    e = gaz.entry(key)
    return e is not None and e.flag == "strong"


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
    ``context_sites`` (a street, square, mosque or neighbourhood — حي X — the gazetteer
    lacks, in a document whose places all lie in one town, gets that town's point: level
    site, precision 2,
    ``extra.approximate``; default true),
    ``nested_mentions`` (also record a known place's occurrences inside other entities'
    mentions, e.g. مالي inside MINUSMA's long name, default true), ``merge`` (merge LOC
    entities that resolve to the same place, default true), ``retype`` (an entity that only
    the NER model typed PER/MISC, unlinked, whose every mention is a place name taken
    on sight, written as a place — a hashtag, after a preposition — becomes LOC; default
    true), ``reclaim`` (an ORG mention — e.g. a KB link for another entity whose alias is
    also a town: قنا the Qatari agency, الفاو the FAO — that the text writes as a place,
    after an administrative cue, in a list of places or before "جنوب Y", goes back to the
    place; default true), ``sentence_sites`` (a village, neighbourhood, forest or site
    known only by its cue word — "بلدة X"، "حي X"، "مناطق X وY" — whose sentence names
    places all lying within one area close by, gets the nearest one's point: level
    site/city, precision 2, ``extra.approximate``, ``by = "sentence"``; default true).
    ``name_en``: LOC entities still without an English name get ``rasd.kb.english_name``
    (place reading, never a person's KB entry; from "ضاحية X" where the entity is named X;
    default true). ``actor_focus``: the countries of KB-linked persons and institutions
    (a head of state 1, others 0.5, each once) weigh in on the document's focus, and a KB
    link to a country whose name geo reads as a town of another country goes (عمان next
    to King Abdullah II is Amman; default true).

    Rule switches, all default true (for A/B measurement): ``contained_ner`` (a place
    name taken on sight wins over a shorter PER/MISC mention inside it that only the NER
    model made: السيدة زينب with PER زينب), ``split_grown`` (a longer gazetteer name around
    a mention of another place is its own entity: ريف دمشق is not دمشق), ``street_lists``
    (names after a dual street cue are streets: شارعي الثورة وبغداد), ``street_in_text``
    (a street named after a city is placed where the text puts it: شارع بغداد وسط دمشق),
    and the resolution rules of :class:`rasd.geo.resolve.Rules` (``typos``,
    ``city_regions``, ``country_lists``, ``weak_near``, ``nisba_agreement``, ``home_ties``).
    """

    name = "geo"
    requires = ("entities",)
    provides = ("geo",)

    def __init__(self, detect: bool = True, nested_mentions: bool = True, merge: bool = True,
                 near: bool = True, context_sites: bool = True, retype: bool = True,
                 reclaim: bool = True, sentence_sites: bool = True, name_en: bool = True,
                 actor_focus: bool = True, contained_ner: bool = True,
                 split_grown: bool = True, street_lists: bool = True,
                 street_in_text: bool = True, typos: bool = True, city_regions: bool = True,
                 country_lists: bool = True, weak_near: bool = True,
                 nisba_agreement: bool = True, home_ties: bool = True,
                 **options: Any) -> None:
        self.detect = detect
        self.actor_focus = actor_focus
        self.contained_ner = contained_ner
        self.split_grown = split_grown
        self.street_lists = street_lists
        self.street_in_text = street_in_text
        self.rules = Rules(typos=typos, city_regions=city_regions, country_lists=country_lists,
                           weak_near=weak_near, nisba_agreement=nisba_agreement,
                           home_ties=home_ties)
        self.name_en = name_en
        self.sentence_sites = sentence_sites
        self.retype = retype
        self.reclaim = reclaim
        self.near = near
        self.context_sites = context_sites
        self.nested_mentions = nested_mentions
        self.merge = merge
        self.options = options
        gazetteer()  # load now so that a missing data file fails at construction

    def __call__(self, doc: Doc) -> Doc:
        doc = self._locate(doc)
        if self.name_en:
            _fill_name_en(doc, self.actor_focus)
        return doc

    def _locate(self, doc: Doc) -> Doc:
        text = doc.text or ""
        if not text.strip():
            return doc
        tokens = doc.tokens or tokenize(text)
        actors = _actor_countries(doc) if self.actor_focus else None
        doc.scratch["geo_actors"] = actors or {}
        hits, ctx = find_resolve_context(text, tokens, actors=actors, rules=self.rules)
        if self.detect:
            named = _named_after_person(text, doc.entities, hits)
            if named:
                hits = sorted(hits + named, key=lambda h: h.start)
        place_of: dict[str, tuple[Place | None, str | None]] = {}
        if self.retype:
            _retype_places(text, doc.entities, hits)
        if self.detect and self.reclaim:
            _reclaim_places(doc, hits)
        streets: set[str] = set()
        if self.street_lists:
            hits = _street_lists(doc, hits, streets)

        # A site named after a place (مطار عدن الدولي، طريق العريش الدائري): the place
        # it is named after, for an approximate point (never the site's own reading).
        named_for: dict[str, Place] = {}

        # 1. Entities already typed LOC (by NER / KB): resolve each from its mentions.
        for ent in doc.entities:
            if ent.type != "LOC":
                continue
            if ent.id in streets:  # a street named after a city is no reading of it
                place_of[ent.id] = (None, None)
                continue
            place_of[ent.id] = self._resolve_entity(ent, hits, ctx, named_for)

        # 2. Gazetteer hits that no entity covers yet.
        if self.detect:
            self._add_hits(doc, hits, place_of)
            # Entities that gained mentions are read again from all of them.
            for ent in doc.entities:
                if ent.type == "LOC" and ent.id not in streets and (
                        len(ent.mentions) > 1 or ent.id in doc.scratch.get("geo_split", ())):
                    place_of[ent.id] = self._resolve_entity(ent, hits, ctx, named_for)

        # 3. Merge LOC entities resolving to the same place.
        if self.merge:
            self._merge(doc, place_of)

        pending: list[Entity] = []
        for ent in doc.entities:
            if ent.type != "LOC" or ent.id not in place_of:
                continue
            place, direction = place_of[ent.id]
            if place is None:
                # A site named after a place is placed by its name first (the name says
                # more than a nearby "في X").
                if ent.geo is None and ent.id in named_for:
                    ent.geo = _site_geo(named_for[ent.id])
                    if self.street_in_text and self.near and _street_named(ent):
                        # شارع بغداد وسط دمشق: where the text puts the street beats the
                        # city it is named after (airports etc. keep their namesake).
                        said = self._near_known(doc, ent, hits)
                        if said is not None and _geo_km(said, ent.geo) > 30:
                            said.level = "site"
                            said.extra["by"] = "text"
                            ent.geo = said
                if ent.geo is None and self.near:
                    ent.geo = self._near_known(doc, ent, hits)
                if ent.geo is None and self.context_sites and (
                        _site_named(ent) or _neighbourhood_named(text, ent)):
                    ent.geo = self._in_locality(hits)
                if ent.geo is None and self.sentence_sites:
                    pending.append(ent)
                if ent.id in streets and ent.geo is not None:
                    ent.geo.level = "site"
                continue  # unknown here: keep whatever an earlier stage set (usually None)
            ent.geo = make_geo(place, direction)
            if self.actor_focus and ent.kb.get("id"):
                _drop_other_country_link(ent, place)
            if place.geonames_id:
                ent.kb.setdefault("geonames", place.geonames_id)
            if not ent.name_en:
                ent.name_en = place.name_en
        # 4. A village/neighbourhood/site known only by its cue word, in a sentence whose
        #    nearby places all lie in one area: that area's point (approximate).
        if pending:
            _sentence_anchor(doc, pending, hits, ctx)
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
                    is_site_phrase(name_key(m.text)) or _facility_named(m.text) else "city"
                return Geo(lat=h.place.lat, lon=h.place.lon, country=h.place.country,
                           admin1=h.place.admin1, level=level, geonames_id=None,
                           extra={"precision": 2, "near": h.place.name_en, "approximate": True})
        return None

    def _resolve_entity(self, ent: Entity, hits: list[Hit], ctx: DocContext,
                        named_for: dict[str, Place] | None = None
                        ) -> tuple[Place | None, str | None]:
        # Group the mentions by the name they contain; each name gets its reading from
        # all its occurrences; the entity takes the most confident name. A facility
        # named after a place (مطار عدن) is no reading of that place: it is recorded in
        # ``named_for`` (an approximate point) and gives the entity no place.
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
            if entry is not None and h.start > m.start and _facility_named(m.text):
                if named_for is not None and h.accepted and h.place is not None:
                    named_for.setdefault(ent.id, h.place)
                continue
            if entry is None:
                cue, direction, entry, key = parse_phrase(m.text)
            if entry is None:
                continue
            if entry.flag == "adj" and _foreign_to(entry, ctx):
                # NER calls it a place, but the name is also an adjective (مالي "financial")
                # and none of its readings fits what the document is about: no guess.
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
        streets = doc.scratch.get("geo_streets", ())
        by_name = {_base_key(name_key(e.name)): e for e in doc.entities
                   if e.type == "LOC" and e.id not in streets}
        next_id = doc.next_entity_number()
        nested: list[tuple[Hit, Entity]] = []
        seen: dict[int, set[tuple[int, int]]] = {}
        emptied: dict[str, str] = {}  # entity left without mentions → the one that took them
        for h in hits:
            if not is_mention(h):
                continue
            inside = None
            clash = False
            shorter: list[tuple[int, int, Entity]] = []
            named_after: list[tuple[int, int, Entity]] = []
            # A site or settlement phrase (شارع X، مطار X، مدينة X), known or found by its cue.
            site = is_site_phrase(h.key) or (h.key.partition(" ")[0] in NAMED_CUES
                                             and h.entry.flag in ("cue", "strong", "focus"))
            lo = bisect_left(starts, h.start - longest)
            hi = bisect_left(starts, h.end)
            for s, e, ent in spans[lo:hi]:
                if s < h.end and h.start < e:
                    if ent.type == "LOC" and h.start <= s and e <= h.end and (s, e) != (h.start, h.end) \
                            and h.place is not None:
                        shorter.append((s, e, ent))  # NER's إفريقيا inside غرب إفريقيا
                    elif ent.type == "LOC":
                        clash = True  # already a LOC mention here
                    elif site and (ent.type == "PER" or ent.type in ("MISC", "ORG") and not ent.kb
                                   and (ent.extra or {}).get("by", "ner") == "ner") \
                            and h.start < s and e <= h.end:
                        # مسجد الإمام علي بن أبي طالب، طريق الملك فهد: the person the site is
                        # named after is part of its name (the gold convention).
                        named_after.append((s, e, ent))
                    elif self.contained_ner and ent.type in ("PER", "MISC") and not ent.kb \
                            and h.place is not None \
                            and h.entry.flag == "strong" and " " in h.key \
                            and h.start <= s and e <= h.end and (s, e) != (h.start, h.end) \
                            and (ent.extra or {}).get("by", "ner") == "ner":
                        # A longer place name taken on sight around a mention only NER typed
                        # (السيدة زينب with PER زينب، الشيخ زويد with PER زويد): the place.
                        named_after.append((s, e, ent))
                    elif s <= h.start and h.end <= e and (s, e) != (h.start, h.end):
                        inside = ent
                    else:
                        clash = True  # crosses another entity's boundary
            if clash:
                continue
            fresh = False
            if shorter and inside is None and self.split_grown:
                # ريف دمشق around KB's دمشق: a longer name for ANOTHER place (the owner is
                # read as a different place, or names it elsewhere too) is a place of its
                # own, never a mention of the shorter one.
                # (The owner's own reading may already be the longer name's: the inner
                # name is read on its own here.)
                owner = shorter[0][2]
                s1, e1 = shorter[0][0], shorter[0][1]
                inner = parse_phrase(doc.text[s1:e1])[2]
                head = h.key.partition(" ")[0]
                head = head[2:] if head.startswith("ال") else head
                if head not in _REGION_OF_CUES and (head in CUES or head in NAMED_CUES):
                    inner = None  # المنطقة الشرقية / الشرقية: a cue + the same name
                if head == "طريق" and re.search(r"(?:^|\s)عن\s*$", doc.text[max(0, h.start - 5):h.start]):
                    inner = None  # "عن طريق الكويت" is "via Kuwait", not a road
                if inner is not None and inner.places and \
                        h.place.key not in {p.key for p in inner.places} and (
                        owner.kb.get("id") or any(not (h.start <= m.start and m.end <= h.end)
                                                  for m in owner.mentions)):
                    fresh = True
                    for s0, e0, ent in shorter:
                        doc.scratch.setdefault("geo_split", set()).add(ent.id)
                        ent.mentions = [m for m in ent.mentions if (m.start, m.end) != (s0, e0)]
                        seen.pop(id(ent), None)
                        if not ent.mentions:
                            emptied[ent.id] = "?"
            if shorter and inside is None and not fresh:
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
            ent = (by_place.get(h.place.key) if h.place else None) or (
                None if fresh else by_name.get(_base_key(h.key)))
            if fresh and ent is not None and any(ent is o for _, _, o in shorter):
                ent = None  # the split-off owner read itself as the longer name
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
            emptied.pop(ent.id, None)  # a split-off owner named again elsewhere stays
            if fresh:
                if h.place is not None:
                    by_place[h.place.key] = ent  # later ريف دمشق come here, not to the city
                for k, v in list(emptied.items()):
                    if v == "?":
                        emptied[k] = ent.id
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


def _foreign_to(entry: Entry, ctx: DocContext) -> bool:
    """Whether a document about some places (countries named, places placed) names none of
    the countries of ``entry``'s readings and has no place within 400 km of any of them."""
    if not ctx.countries and not ctx.anchors:
        return False
    for p in entry.places:
        if ctx.share(p.country) > 0 or p.level == "region":
            return False
        if any(km(p, a) < 400 for a in ctx.anchors if a.key != p.key):
            return False
    return True


def _retype_places(text: str, entities: list[Entity], hits: list[Hit]) -> None:
    """NER on short or informal text (tweets) tags some well-known places PER/MISC (#طريف،
    #ووهان split as و + وهان، إلى خميس مشيط). An entity typed only by the NER model (no
    KB link) becomes LOC when every mention lies within an accepted and placed gazetteer
    name (taken on sight, or on evidence: a coordinated place) and at least one mention is
    written as a place: a hashtag, or after a preposition or و (في/من/إلى/ب/ل، «)."""
    placed = [h for h in hits if h.accepted and h.place is not None
              and h.entry.flag in ("strong", "weak")]
    if not placed:
        return
    for ent in entities:
        # (not ORG: برشلونة، مانشستر، ميونيخ as ORG are mostly football clubs)
        if ent.type not in ("PER", "MISC") or ent.kb or not ent.mentions or \
                (ent.extra or {}).get("by", "ner") != "ner":
            continue
        evidence = False
        for m in ent.mentions:
            h = next((h for h in placed if h.start <= m.start and m.end <= h.end), None)
            if h is None or (h.end - h.start) - (m.end - m.start) > 1:
                break  # a mention that is no place name (or only part of a longer one)
            evidence = evidence or _written_as_place(text, h.start)
        else:
            if evidence:
                ent.type = "LOC"
                ent.extra["retyped_by"] = "geo"


#: Cues that make the next name a place whatever links it elsewhere (محافظة قنا، مدينة
#: الفاو): administrative and settlement words only (not مطار/طريق: "طريق الفاو").
_RECLAIM_CUES = frozenset(c for c in CUES if c not in ("محيط", "ضواحي", "بلاد", "ريف"))
#: What may separate two places of a list ("28 من قنا و4 من الشرقية"، "قنا وسوهاج").
_LIST_GAP = re.compile(r"^[\s\d\u0660-\u0669،,\-–]*(?:و|من|في)?[\s\d\u0660-\u0669،,\-–]*"
                       r"(?:و|من|في)?\s*$")


def _reclaim_places(doc: Doc, hits: list[Hit]) -> None:
    """An ORG mention that the text writes as a place goes back to the place: the KB
    links some town names to an organisation with the same alias (قنا Qena / QNA, الفاو
    Fao / FAO). Only unambiguous place contexts count: an administrative or settlement
    cue right before it (محافظة قنا، مدينة الفاو), a list of places of the same country
    (28 من قنا و4 من الشرقية، قنا وسوهاج), or a direction and a place of the same
    country after it (الفاو جنوب البصرة). A locative alone does not ("مسؤول في الفاو"
    is mostly FAO in news). The mention is removed from the ORG (dropped when emptied);
    :meth:`GeoStage._add_hits` then makes it a LOC."""
    text = doc.text
    placed = [h for h in hits if h.accepted and h.place is not None]
    if not placed or not any(e.type == "ORG" for e in doc.entities):
        return
    # Mentions of other entities (a club "مانشستر يونايتد" around the hit مانشستر): a hit
    # overlapping one is no place of a list.
    org_spans = [(m.start, m.end) for e in doc.entities if e.type != "LOC" for m in e.mentions]
    # The other places of a list must be LOC mentions already (NER/KB): a bare gazetteer
    # hit may be a club too ("مهاجم توتنهام وليفربول").
    loc_spans = [(m.start, m.end) for e in doc.entities if e.type == "LOC" for m in e.mentions]
    placed_loc = [h for h in placed if any(a <= h.name_start and h.end <= b for a, b in loc_spans)]
    dropped: list[str] = []
    for ent in doc.entities:
        if ent.type != "ORG" or not ent.mentions:
            continue
        keep: list[Span] = []
        taken: set[str] = set()
        for m in ent.mentions:
            h = next((h for h in placed if h.name_start <= m.start and m.end == h.end
                      and h.start <= m.start), None)
            # Only a KB link weighed the context of a context-needing alias; an ORG that
            # NER alone typed ("28 من قنا", the KB declining QNA) has no such backing.
            if h is not None and _place_context(text, h, m, placed_loc, org_spans,
                                                bool(ent.kb) and _kb_context_alias(m.text)):
                taken.add(m.text)
                continue
            keep.append(m)
        if taken:
            # The same name written as a place elsewhere (طريق الفاو، إلى الفاو) goes too.
            keep = [m for m in keep if m.text not in taken or not _written_as_place(text, m.start)]
        if len(keep) != len(ent.mentions):
            ent.mentions = keep
            ent.extra["geo_reclaimed"] = True
            if not keep:
                dropped.append(ent.id)
    if dropped:
        doc.entities = [e for e in doc.entities if e.id not in dropped]


#: Words before a list of clubs named after towns (NER often types a club LOC).
_SPORTS = frozenset(name_key(w) for w in (
    "فريق فريقي الفريقين فرق نادي ناديي أندية مباراة مباراتي كلاسيكو ديربي مهاجم لاعب "
    "مدافع حارس مدرب الدوري دوري كأس منتخب ملعب ملاعب استاد").split())


def _kb_context_alias(name: str) -> bool:
    """Whether the KB itself marks ``name`` as an alias needing context (~ليفربول, a club
    named after its town): the KB's ORG reading then already weighed the context."""
    from rasd.kb.index import alias_key, load_index

    return alias_key(name) in load_index().weak_keys


def _place_context(text: str, h: Hit, m: Span, placed: list[Hit],
                   other_spans: list[tuple[int, int]], kb_context: bool = False) -> bool:
    """Whether ORG mention ``m`` (inside hit ``h``) is written as a place: after an
    administrative cue, or (unless ``kb_context``: the KB weighed the context already)
    next to one of ``placed`` (LOC mentions) of the same country in a list or after a
    direction word."""
    if h.cue in _RECLAIM_CUES and h.start < m.start:
        return True  # محافظة قنا (the cue is inside the hit)
    if kb_context:
        return False  # "مهاجم توتنهام وليفربول": the KB's club reading stands
    if any(name_key(w) in _SPORTS or name_key(w)[1:] in _SPORTS
           for w in text[max(0, h.start - 70):h.start].split()[-9:]):
        return False  # "بين فريقي لاتسيو وروما": clubs, whatever NER typed روما
    # Without a cue: only a name taken on sight (not a weak تشيلسي in a list of clubs).
    if h.name_start != m.start or h.place is None or h.entry.flag != "strong":
        return False
    country = h.place.country
    for o in placed:
        if o is h or o.place is None or o.place.country != country or o.key == h.key or \
                abs(o.start - h.start) > 40 or \
                any(a < o.end and o.start < b for a, b in other_spans):
            continue
        if 0 <= o.start - h.end <= 25:
            gap = text[h.end:o.start]
            if _LIST_GAP.match(gap):
                return True
            words = [name_key(w) for w in gap.split()]
            if 1 <= len(words) <= 2 and words[0] in DIRECTIONS:
                return True  # الفاو جنوب البصرة
        if 0 <= h.start - o.end <= 25 and _LIST_GAP.match(text[o.end:h.start]) and \
                "و" in text[o.end:h.start]:
            return True  # سوهاج وقنا
    return False


def _written_as_place(text: str, start: int) -> bool:
    """A hashtag (#طريف), or a preposition / و / « right before the name."""
    k = start
    while k > 0 and text[k - 1] in "«\"'(":
        k -= 1
    if k > 0 and text[k - 1] == "#":
        return True
    return _prev_word(text, k) in _PLACE_PREPS


#: Words after which a name reads as a place (في «ام الهيمان»، إلى #طريف، وتبوك، طريق أسيوط).
_PLACE_PREPS = frozenset(name_key(w) for w in (
    "في من إلى الى ب ل و بين نحو داخل طريق شارع جسر").split())


#: Settlement/area cue words that may head a place named after a person (مدينة صباح الأحمد،
#: حي الأمير سلطان، ضاحية الشيخ جابر): the cue is part of such a mention.
NAMED_CUES = frozenset(name_key(w) for w in "مدينة حي ضاحية بلدة قرية مخيم منطقة".split())

#: What may stand between the cue and the name (spaces, hashtag marks, quotes).
_CUE_GAP = re.compile(r"^[\s#_«\"'\u200c-\u200f]*$")


def _named_after_person(text: str, entities: list[Entity], hits: list[Hit]) -> list[Hit]:
    """Places named after a person, written with a settlement cue before the person's name
    as NER tagged it: "مدينة صباح الأحمد"، "حي الأمير سلطان" (NER: PER صباح الأحمد). The
    cue must stand outside every entity and hit; a name followed by ل/لل or by a
    definite relational adjective (مدينة الملك عبدالعزيز للعلوم والتقنية، مدينة الملك فهد
    الطبية: institutions) is left alone. Returns cue-found hits without a place (the PER
    mention inside is moved to the place by :meth:`GeoStage._add_hits`)."""
    if not entities:
        return []
    taken = [(h.start, h.end) for h in hits if h.accepted]
    taken += [(m.start, m.end) for e in entities for m in e.mentions]
    out: list[Hit] = []
    for ent in entities:
        if ent.type != "PER":
            continue
        for m in ent.mentions:
            before = text[max(0, m.start - 12):m.start]
            mt = re.search(r"([\u0621-\u064a]+)([^\u0621-\u064a]*)$", before)
            if not mt or not _CUE_GAP.match(mt.group(2)):
                continue
            word = name_key(mt.group(1))
            cue = word if word in NAMED_CUES else (word[1:] if len(word) > 3 and word[0] in "وفبل"
                                                   and word[1:] in NAMED_CUES else None)
            if cue is None:
                continue
            cs = m.start - len(mt.group(0)) + (len(mt.group(1)) - len(cue) if cue != word else 0)
            if any(a < m.start and cs < b for a, b in taken if (a, b) != (m.start, m.end)):
                continue
            nxt = re.match(r"[\s»\"']*([\u0621-\u064a]+)", text[m.end:m.end + 30])
            if nxt:
                w = name_key(nxt.group(1))
                if w.startswith("ل") or (w.startswith("ال") and w.endswith("يه")
                                         and w not in ("الجديده",)):
                    continue
            key = cue + " " + name_key(m.text)
            out.append(Hit(cs, m.end, key, _UNKNOWN_PLACE, m.start, cue=cue,
                           sentence=0, accepted=True))
            taken.append((cs, m.end))
    return out


#: Words that put a place in or near the next one ("in", "near", "north of", "city of" ...).
#: (Not من alone: "قادمة من الرياض" says where from, not where; بالقرب suffices for
#: "بالقرب من".)
_IN_OR_NEAR = frozenset(name_key(w) for w in (
    "في قرب بالقرب شمال جنوب شرق غرب شمالي جنوبي شرقي غربي ضواحي أطراف محيط مدينة "
    "محافظة ولاية منطقة إقليم قضاء مديرية بلدة داخل غربي وسط العاصمة").split())


def _says_in_or_near(gap: str, text: str, h: Hit) -> bool:
    words = [name_key(w) for w in re.findall(r"[\u0621-\u064a\u064b-\u0652\u0670]+", gap)]
    for w in words:
        if w in _IN_OR_NEAR or (len(w) > 2 and w[0] in "وبل" and w[1:] in _IN_OR_NEAR):
            return True
    # "… بحلب": a clitic ب/في glued to the known place itself.
    return h.start > 0 and text[h.start - 1] == "ب" and (h.start < 2 or text[h.start - 2] == " ")


#: Head words of a facility or site that is a place of its own, distinct from the place
#: it is named after (مطار عدن الدولي is not عدن): every street/square/mosque cue
#: (:data:`SITE_CUES`) and facilities the site scan leaves to NER (prisons, stadiums,
#: hospitals, bases).
FACILITY_HEADS = frozenset(SITE_CUES) | frozenset(name_key(w) for w in (
    "سجن معتقل ملعب استاد مستشفى مستشفي قاعدة محطة مصفاة مرفا ميناء مطار جسر طريق مسجد "
    "كنيسة معسكر").split())


def _facility_named(text: str) -> bool:
    """Whether a mention starts with a facility/site word (مطار، طريق، سجن ...) followed
    by a name: a place of its own, whatever it is named after."""
    head, _, rest = name_key(text).partition(" ")
    return bool(rest) and head in FACILITY_HEADS


def _site_geo(place: Place) -> Geo:
    """The approximate point of a site named after ``place`` (مطار عدن → Aden): level
    ``site``; precision 2 near a town, 3 for a site named after a region or country."""
    prec = 2 if place.level in ("city", "admin2", "site") else 3
    return Geo(lat=place.lat, lon=place.lon, country=place.country,
               admin1=place.admin1 if place.level != "country" else None,
               level="site", geonames_id=None,
               extra={"precision": prec, "near": place.name_en or None, "approximate": True,
                      "by": "name"})


def _site_named(ent: Entity) -> bool:
    """Whether a LOC entity is named as a street, square, mosque ... (شارع X, مسجد X)."""
    return any(is_site_phrase(name_key(m.text)) for m in ent.mentions) or \
        is_site_phrase(name_key(ent.name or ""))


#: Words that make "X's countryside/outskirts" of a town X: another place than X.
_REGION_OF_CUES = frozenset(name_key(w) for w in "ريف ضواحي محيط أطراف".split())


#: Head words of a street-like site, which often carries another city's name (شارع بغداد
#: in Damascus, ميدان القاهرة …): where the text puts it beats that city.
_STREET_HEADS = frozenset(name_key(w) for w in "شارع طريق ميدان ساحة دوار جادة".split())


def _street_named(ent: Entity) -> bool:
    """Whether a LOC entity is named as a street/road/square (شارع X، ميدان X)."""
    return any(name_key(m.text).partition(" ")[0] in _STREET_HEADS and " " in m.text.strip()
               for m in ent.mentions)


#: A dual street cue before a list of names: "شارعي الثورة وبغداد", "ساحتي …" (not the
#: plural شوارع: "شوارع اللاذقية" is "the streets OF Latakia").
_STREET_SINGULAR = ("شارع", "ميدان", "ساحت", "طريق", "دوار")
_STREET_LIST = re.compile(r"(?<![\u0621-\u064a])[وبل]?(?:ال)?(?:شارعي|ميداني|ساحتي|"
                          r"طريقي|دواري)(?:\s+)")


def _street_lists(doc: Doc, hits: list[Hit], streets: set[str]) -> list[Hit]:
    """Names coordinated after a dual/plural street cue ("على شارعي الثورة وبغداد في
    دمشق") are streets: each mention there becomes a LOC entity of its own (ids in
    ``streets``: no place reading, its point comes from what the text says), and the
    gazetteer hits on them are dropped (Baghdad, the town Ath Thawrah)."""
    text = doc.text
    if not any(c in text for c in ("شارعي", "ميداني", "ساحتي", "طريقي", "دواري")):
        return hits
    spans: list[tuple[int, int]] = []
    starts = {}
    for h in hits:
        starts.setdefault(h.start, h)
    for ent in doc.entities:
        for m in ent.mentions:
            starts.setdefault(m.start, m)
    cue_of: dict[tuple[int, int], str] = {}
    for cm in _STREET_LIST.finditer(text):
        p = cm.end()
        word = next(w for w in _STREET_SINGULAR if w + "ي" in cm.group(0))
        while len(spans) < 50:
            nxt = starts.get(p)
            if nxt is None:
                break
            end = nxt.end
            spans.append((p, end))
            cue_of[(p, end)] = "ساحة" if word == "ساحت" else word
            rest = text[end:end + 6]
            m2 = re.match(r"\s*(?:،\s*)?و?|\s*،\s*", rest)
            q = end + (m2.end() if m2 else 0)
            if q == end or not re.search(r"[،و]", text[end:q]):
                break
            p = q
    if not spans:
        return hits
    span_set = set(spans)
    next_id = doc.next_entity_number()
    emptied: dict[str, str] = {}
    new: dict[tuple[int, int], Entity] = {}
    for s0, e0 in spans:
        sp = Span(s0, e0, text[s0:e0])
        owner = None
        for ent in doc.entities:
            if ent.type in ("LOC", "ORG", "MISC") and any(
                    (m.start, m.end) == (s0, e0) for m in ent.mentions):
                owner = ent
                break
        if owner is not None and owner.id in streets:
            continue
        if owner is None and not any(h.start == s0 and h.end == e0 for h in hits):
            continue
        ent = Entity(id=f"e{next_id}", type="LOC", name=f"{cue_of[(s0, e0)]} {sp.text}",
                     mentions=[sp], confidence=0.5, extra={"by": "geo", "street": True})
        next_id += 1
        streets.add(ent.id)
        new[(s0, e0)] = ent
        if owner is not None:
            owner.mentions = [m for m in owner.mentions if (m.start, m.end) != (s0, e0)]
            if not owner.mentions:
                emptied[owner.id] = ent.id
        doc.entities.append(ent)
    if emptied:
        doc.entities = [e for e in doc.entities if e.id not in emptied]
        doc.scratch.setdefault("geo_merged", {}).update(emptied)
    doc.scratch["geo_streets"] = streets
    try:  # an English name for the street (the KB's place reading), else none
        from rasd.kb import english_name
        for ent in new.values():
            ent.name_en = english_name(ent.name, doc.published, None, place=True) or None
    except Exception:  # noqa: BLE001 - an English name is a nicety, never a failure
        pass
    return [h for h in hits if not any(s0 <= h.start and h.end <= e0 for s0, e0 in span_set)]


_NEIGHBOURHOOD_CUES = frozenset(name_key(w) for w in "حي أحياء ضاحية".split())


def _neighbourhood_named(text: str, ent: Entity) -> bool:
    """Whether a LOC entity is named as a neighbourhood (حي X، بحي X، ضاحية X): a part of
    a town, like a street."""
    for m in ent.mentions:
        if any(c in "\u064b\u064c\u064d" for c in text[max(0, m.start - 6):m.end]):
            continue  # "حيٍّ" with tanween is "alive", not a neighbourhood
        words = name_key(m.text).split()
        if len(words) > 1 and words[0] in _NEIGHBOURHOOD_CUES:
            return True
        prev = _prev_word(text, m.start) or ""
        if prev in _NEIGHBOURHOOD_CUES or (len(prev) > 3 and prev[0] in "وبل"
                                           and prev[1:] in _NEIGHBOURHOOD_CUES):
            return True
    return False


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


#: Cue words of a small place (a village, neighbourhood, forest, camp, area or list of
#: them): such a place lies in or next to the town its sentence names.
_SMALL_CUES = frozenset(name_key(w) for w in (
    "حي أحياء ضاحية ضواحي قرية قرى بلدة بلدات مخيم غابة منطقة مناطق ميادين").split())
_ADMIN_CUES = frozenset(c for c, lv in CUES.items()
                        if c not in _SMALL_CUES and any(v.startswith("admin") for v in lv))
_VILLAGE_CUES = frozenset(name_key(w) for w in "قرية بلدة قرى بلدات".split())
#: Anchors a small place may take its point from (admin1 areas and countries are too wide).
_ANCHOR_LEVELS = ("city", "admin2", "site")
#: How far (characters) a sentence anchor may be from the small place.
ANCHOR_SPAN = 120
#: An anchor's country must weigh at least this share of the document's main country
#: (1.0: only the main country; a neighbourhood read as a namesake town abroad — حي
#: العزيزية in a Saudi list as Al-Aziziyah, Iraq — must not carry its neighbours along).
ANCHOR_SHARE = 1.0
#: Places of one sentence farther apart than this (km) name no single area.
ANCHOR_KM = 100.0


def _small_cued(text: str, ent: Entity, hits: list[Hit]) -> bool:
    """Whether a LOC entity is a small place named by its cue: its mention starts with a
    small-place cue (حي كانيوشا), follows one (بلدة تل براك), was found by one (a list
    after مناطق), or is a street/square/mosque phrase."""
    for m in ent.mentions:
        # An administrative area (محافظة ضباء، بمحافظة X) is no small place: it may lie far
        # from the towns its sentence names.
        words = name_key(m.text).split()
        prev = _prev_word(text, m.start) or ""
        if (words and words[0] in _ADMIN_CUES) or prev in _ADMIN_CUES or (
                len(prev) > 3 and prev[0] in "وبل" and prev[1:] in _ADMIN_CUES):
            return False
    if _site_named(ent):
        return True
    for m in ent.mentions:
        words = name_key(m.text).split()
        if len(words) > 1 and words[0] in _SMALL_CUES:
            return True
        prev = _prev_word(text, m.start)
        if prev and (prev in _SMALL_CUES or (len(prev) > 3 and prev[0] in "وبل"
                                             and prev[1:] in _SMALL_CUES)):
            return True
        for h in hits:
            # found by a small-place cue, or listed after a plural one (مناطق الريسة والزهور)
            if h.start <= m.start and m.end <= h.end and not h.entry.places and h.accepted \
                    and (h.cue is None or h.cue in _SMALL_CUES):
                return True
    return False


def _sentence_anchor(doc: Doc, pending: list[Entity], hits: list[Hit], ctx: DocContext
                     ) -> None:
    """Approximate points for small places known only by their cue word (see
    ``GeoStage``'s ``sentence_sites``); no guess when the sentence's places lie apart, lie
    in several countries, or are wider than a town."""
    text = doc.text
    anchors: list[tuple[int, int, Entity]] = []
    # Only towns of a country the document is about: a stray reading abroad (العمرانية
    # "urban" read as Ümraniye) must not carry a small place with it.
    weights = dict(ctx.countries)
    if not weights:
        # (a document naming only towns: the countries of its placed names)
        for e in doc.entities:
            if e.type == "LOC" and e.geo is not None and e.geo.country:
                weights[e.geo.country] = weights.get(e.geo.country, 0.0) + len(e.mentions)
    top = max(weights.values(), default=0.0)
    for e in doc.entities:
        # (not a site placed at the town it is named after: شارع حائل is not in Ha'il)
        if e.type == "LOC" and e.geo is not None and e.geo.lat is not None \
                and e.geo.extra.get("by") != "name" \
                and top > 0 and weights.get(e.geo.country or "", 0.0) >= ANCHOR_SHARE * top:
            for m in e.mentions:
                anchors.append((m.start, m.end, e))
    if not anchors:
        return
    countries = [(m.start, e.geo.country) for e in doc.entities if e.type == "LOC"
                 and e.geo is not None and e.geo.level in ("country", "region")
                 for m in e.mentions]
    for ent in pending:
        if ent.geo is not None or not _small_cued(text, ent, hits):
            continue
        for m in ent.mentions:
            si = doc.sentence_of(m.start) if doc.sentences else None
            if si is not None:
                lo, hi = doc.sentences[si]
            else:
                lo, hi = 0, len(text)
            lo, hi = max(lo, m.start - ANCHOR_SPAN), min(hi, m.end + ANCHOR_SPAN)
            near = [(s, e2, a) for s, e2, a in anchors if a is not ent and lo <= s and e2 <= hi]
            if not near:
                continue
            local = [(min(abs(s - m.end), abs(m.start - e2)), a) for s, e2, a in near
                     if a.geo.level in _ANCHOR_LEVELS]
            if not local:
                continue
            local.sort(key=lambda x: x[0])
            best = local[0][1]
            g = best.geo
            # One area: every town/site the window names lies close to the chosen one, and
            # no other country (or wider region) is named between the two.
            if any(_geo_km(g, a.geo) > ANCHOR_KM for _, a in local):
                continue
            # (another country named between the two: "قرب X في تركيا، بلدة Y")
            a_lo, a_hi = sorted((m.start, next(s for s, _, a in near if a is best)))
            if any(a_lo <= s <= a_hi and c != g.country for s, c in countries):
                continue
            first = name_key(m.text).split(" ")[0] if m.text else ""
            prev = _prev_word(text, m.start) or ""
            if len(prev) > 3 and prev[0] in "وبل" and prev[1:] in _VILLAGE_CUES:
                prev = prev[1:]
            village = first in _VILLAGE_CUES or prev in _VILLAGE_CUES
            near_name = best.name_en or (g.extra.get("near") if g.extra else None) or best.name
            ent.geo = Geo(lat=g.lat, lon=g.lon, country=g.country, admin1=g.admin1,
                          level="city" if village else "site", geonames_id=None,
                          extra={"precision": 2, "near": near_name, "approximate": True,
                                 "by": "sentence"})
            break


def _geo_km(a: Geo, b: Geo) -> float:
    return haversine(a.lat, a.lon, b.lat, b.lon)


#: Weight of a KB-linked actor's country in the document's focus: a head of state or
#: government, minister … (a KB person holding an office) counts as much as a country name;
#: any other linked person or institution half as much (a nationality word's weight).
ACTOR_WEIGHTS = {"office": 1.0, "PER": 0.5, "ORG": 0.5}


def _actor_countries(doc: Doc) -> dict[str, float]:
    """Country → weight of the document's KB-linked persons and institutions
    (``ACTOR_WEIGHTS``), each counted once. Only entities named by one of their own
    aliases count: a bare title (وزير الخارجية) or a generic word (الحكومة) is linked from
    the KB's own focus, which may rest on the very name being resolved."""
    out: dict[str, float] = {}
    if not doc.entities:
        return out
    kb = None
    for ent in doc.entities:
        if ent.type not in ("PER", "ORG"):
            continue
        eid = ent.kb.get("id") if ent.kb else None
        if not eid:
            continue
        if kb is None:
            from rasd.kb.index import FOCUS, load_index

            kb = load_index()
        i = kb.by_id.get(eid)
        if i is None:
            continue
        entry = kb.entries[i]
        if not entry.country or entry.type != ent.type:
            continue
        if not any(h.entry == i and h.flag != FOCUS for m in ent.mentions
                   for h in kb.hits(m.text)):
            continue
        w = ACTOR_WEIGHTS["office"] if entry.type == "PER" and entry.offices \
            else ACTOR_WEIGHTS[entry.type]
        out[entry.country] = out.get(entry.country, 0.0) + w
    return out


def _drop_other_country_link(ent: Entity, place: Place) -> None:
    """A LOC entity the KB linked to a country whose name geo reads as a town of another
    country (عمان linked to Oman, read as Amman next to King Abdullah II): the link goes
    (kept in ``extra.kb_dropped``) and the English name becomes the town's. Links to towns
    and regions are left alone (the KB and the gazetteer may split one place: رفح)."""
    from rasd.kb.index import load_index

    entry = load_index().get(ent.kb["id"])
    if entry is None or entry.type != "LOC" or entry.role != "country" or not entry.country or \
            place.level == "country" or not place.country or entry.country == place.country:
        return
    for m in ent.mentions:
        e = parse_phrase(m.text)[2]
        if e is not None and e.places and all(p.level == "country" and p.country == entry.country
                                              for p in e.places):
            return  # the entity also names the country outright (سلطنة عُمان): no guess
    ent.extra["kb_dropped"] = ent.kb.pop("id")
    ent.kb.pop("wikidata", None)
    ent.kb.pop("geonames", None)
    if place.name_en:
        ent.name_en = place.name_en
        ent.extra["name_en_by"] = "gazetteer"


def dominant(count: dict[str, float], least: float = 2) -> str | None:
    """The key whose count is at least ``least`` and more than any other's, else ``None``
    (the "one country clearly dominates" rule of the KB stage's focus)."""
    if not count:
        return None
    top = sorted(count.items(), key=lambda kv: -kv[1])[:2] + [("", 0)]
    return top[0][0] if top[0][1] >= least and top[0][1] > top[1][1] else None


def _doc_focus(doc: Doc, actors: bool = True) -> str | None:
    """The country most placed LOC mentions lie in, where one clearly dominates (as the KB
    stage decides its focus: at least 2 and more than any other country); KB-linked
    persons and institutions add their country's weight (``_actor_countries``)."""
    count: dict[str, float] = {}
    for ent in doc.entities:
        if ent.type == "LOC" and ent.geo is not None and ent.geo.country:
            count[ent.geo.country] = count.get(ent.geo.country, 0) + len(ent.mentions)
    got = doc.scratch.get("geo_actors") if actors else {}
    if got is None:  # not from this stage's run (a hand-made Doc)
        got = _actor_countries(doc)
    for cc, w in got.items():
        count[cc] = max(count.get(cc, 0.0), w)  # as DocContext.focus_share weighs them
    return dominant(count)


def _topo_named(ent: Entity) -> str | None:
    """A mention that is a topographic word + the entity's name ("ضاحية السلام" for an
    entity named "السلام"): the word is part of the place's name (Dahiyat al-Salam)."""
    from rasd.kb.translit import TOPO_WORDS as topo  # the words the reading translates

    key = normalize(ent.name)
    if not key or key.partition(" ")[0] in topo:
        return None
    for m in ent.mentions:
        words = m.text.split()
        if len(words) >= 2 and normalize(words[0]) in topo and \
                normalize(" ".join(words[1:])) == key:
            return " ".join(words)
    return None


def _fill_name_en(doc: Doc, actors: bool = True) -> None:
    """English names for LOC entities still without one (places the gazetteer has no
    English name for, or that this stage added after linking): the KB's non-person entry
    or an Arabic-place reading (``rasd.kb.english_name(..., place=True)``), in the
    place's country (else the document's focus), from the full mention where a
    topographic word opens it."""
    todo = [e for e in doc.entities if e.type == "LOC" and not e.name_en and e.name]
    if not todo:
        return
    from rasd.kb import english_name, lookup

    focus = _doc_focus(doc, actors)
    for ent in todo:
        name = _topo_named(ent) or ent.name
        country = ent.geo.country if ent.geo is not None and ent.geo.country else focus
        en = english_name(name, doc.published, country, place=True)
        if en:
            ent.name_en = en
            kb = any(h.type != "PER" for h in lookup(name, doc.published))
            ent.extra["name_en_by"] = "kb" if kb else "translit"
