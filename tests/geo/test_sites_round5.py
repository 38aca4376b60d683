"""Round 5: a facility or site named after a place (مطار عدن الدولي، طريق العريش الدائري،
سجن حلب المركزي) is a place of its own: never merged with the place it is named after,
placed approximately at that place's point (level site, precision 2)."""

from __future__ import annotations

from rasd.doc import Doc, Entity, Span
from rasd.geo import GeoStage
from rasd.geo.stage import _facility_named
from rasd.text.stage import TextStage


def _doc(text: str, ents: list[tuple[str, str, str, int]]) -> Doc:
    """A Doc with tokens and KB-like (id, type, surface, occurrence) entities."""
    doc = Doc(text=text)
    TextStage()(doc)
    for eid, typ, surf, nth in ents:
        i = -1
        for _ in range(nth + 1):
            i = text.index(surf, i + 1)
        doc.entities.append(Entity(id=eid, type=typ, name=surf,
                                   mentions=[Span(i, i + len(surf), surf)], extra={"by": "kb"}))
    return doc


def _by_name(doc: Doc) -> dict[str, Entity]:
    return {e.name: e for e in doc.entities}


def test_airport_is_not_merged_into_its_town():
    text = "وصلت الطائرة إلى مطار عدن الدولي صباح اليوم، وقال مسؤول في عدن إن الرحلات ستستأنف."
    doc = GeoStage()(_doc(text, [("e1", "LOC", "مطار عدن الدولي", 0), ("e2", "LOC", "عدن", 1)]))
    ents = _by_name(doc)
    assert set(ents) >= {"مطار عدن الدولي", "عدن"}
    airport, aden = ents["مطار عدن الدولي"], ents["عدن"]
    assert [m.text for m in airport.mentions] == ["مطار عدن الدولي"]
    assert aden.geo is not None and aden.geo.level == "city" and aden.geo.country == "YE"
    g = airport.geo
    assert g is not None and g.level == "site" and g.extra.get("approximate")
    assert g.extra.get("precision") == 2 and g.geonames_id is None
    assert (g.lat, g.lon) == (aden.geo.lat, aden.geo.lon)
    assert "geonames" not in airport.kb


def test_ring_road_keeps_its_own_entity():
    text = "أغلقت القوات طريق العريش الدائري وسط مدينة العريش."
    doc = GeoStage()(_doc(text, [("e1", "LOC", "طريق العريش الدائري", 0), ("e2", "LOC", "العريش", 1)]))
    ents = _by_name(doc)
    assert "طريق العريش الدائري" in ents and "العريش" in ents
    assert ents["طريق العريش الدائري"].geo.level == "site"
    assert ents["العريش"].geo.level == "city" and ents["العريش"].geo.country == "EG"
    assert "geo_merged" not in doc.scratch or "e1" not in doc.scratch["geo_merged"]


def test_prison_named_after_a_city_is_placed_by_its_name():
    # "قادمين من X" says where from, not where: the prison's own name places it.
    text = "نقل المعتقلون إلى سجن حلب المركزي قادمين من دمشق."
    doc = GeoStage()(_doc(text, [("e1", "LOC", "سجن حلب المركزي", 0)]))
    g = _by_name(doc)["سجن حلب المركزي"].geo
    assert g is not None and g.level == "site" and g.country == "SY"
    assert g.extra.get("near") == "Aleppo"


def test_administrative_cue_still_names_the_same_place():
    # مدينة/محافظة + X is X itself: one entity.
    text = "وصل الوفد إلى مدينة العريش، وتقع العريش على البحر."
    doc = GeoStage()(_doc(text, [("e1", "LOC", "مدينة العريش", 0), ("e2", "LOC", "العريش", 1)]))
    locs = [e for e in doc.entities if e.type == "LOC"]
    assert len(locs) == 1 and locs[0].geo.level == "city"


def test_facility_heads():
    assert _facility_named("مطار عدن الدولي") and _facility_named("ميناء جدة")
    assert _facility_named("سجن صيدنايا") and _facility_named("ملعب القاهرة الدولي")
    assert not _facility_named("مطار") and not _facility_named("مدينة عدن")
    assert not _facility_named("عدن")


# --- an ORG link for another entity whose alias is a town (قنا QNA / Qena) ----------------

def _org(doc: Doc, eid: str, surf: str, kb: str, nth: int = 0) -> Entity:
    e = next((e for e in doc.entities if e.id == eid), None)
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(surf, i + 1)
    if e is None:
        e = Entity(id=eid, type="ORG", name=surf, mentions=[], kb={"id": kb}, extra={"by": "kb"})
        doc.entities.append(e)
    e.mentions.append(Span(i, i + len(surf), surf))
    return e


def _locs(doc: Doc) -> dict[str, Entity]:
    return {m.text: e for e in doc.entities if e.type == "LOC" for m in e.mentions}


def test_org_alias_after_an_administrative_cue_is_the_place():
    doc = _doc("لقي ثلاثة أشخاص مصرعهم في حادث سير في محافظة قنا جنوب مصر.", [])
    _org(doc, "e1", "قنا", "org:qna")
    doc = GeoStage()(doc)
    assert not [e for e in doc.entities if e.type == "ORG"]
    qena = _locs(doc)["محافظة قنا"]
    assert qena.geo is not None and qena.geo.country == "EG"


def test_org_alias_in_a_list_of_places_and_before_a_direction():
    # (the other places of the list are LOC mentions already, as NER gives them)
    # قنا is a context-needing KB alias (QNA after a reporting word); here the KB did not
    # link it and NER alone typed it ORG: the list of places decides.
    doc = _doc("توفي 63 من الفيوم و28 من قنا و4 من الشرقية.", [("e2", "LOC", "الفيوم", 0)])
    ner_org = _org(doc, "e1", "قنا", "org:qna")
    ner_org.kb, ner_org.extra = None, {"by": "ner"}
    doc = GeoStage()(doc)
    assert _locs(doc)["قنا"].geo.country == "EG"
    doc = _doc("وصلت القوات إلى الفاو جنوب البصرة عبر طريق الفاو.", [("e2", "LOC", "البصرة", 0)])
    fao_org = _org(doc, "e1", "الفاو", "org:fao")
    _org(doc, "e1", "الفاو", "org:fao", nth=1)
    fao_org.kb, fao_org.extra = None, {"by": "ner"}
    doc = GeoStage()(doc)
    assert not [e for e in doc.entities if e.type == "ORG"]
    fao = [e for e in doc.entities if e.type == "LOC" and e.name == "الفاو"]
    assert len(fao) == 1 and len(fao[0].mentions) == 2 and fao[0].geo.country == "IQ"


def test_real_org_links_stay():
    # The agency named with its full name, FAO after a locative, QNA as a source.
    for text, surf, kb in (
            ("أعلنت وكالة الأنباء القطرية (قنا) أن الأمير استقبل الوزير في الدوحة.", "قنا", "org:qna"),
            ("وقال مدير في الفاو إن الجوع يهدد الملايين في العراق.", "الفاو", "org:fao"),
            ("ذكرت قنا أن الأمير وصل إلى الدوحة.", "قنا", "org:qna")):
        doc = _doc(text, [])
        _org(doc, "e1", surf, kb)
        doc = GeoStage()(doc)
        orgs = [e for e in doc.entities if e.type == "ORG"]
        assert orgs and orgs[0].mentions[0].text == surf, text
        assert surf not in _locs(doc), text


def test_club_named_after_a_town_in_a_list_stays_a_club():
    # The KB marks ليفربول as an alias needing context: its ORG reading stands in a list;
    # a place without a KB-linked mention in the list is no evidence either.
    doc = _doc("ويحصل اللاعب مهاجم توتنهام وليفربول سابقا على مليون جنيه",
               [("e2", "LOC", "توتنهام", 0)])
    _org(doc, "e1", "ليفربول", "org:liverpool_fc")
    doc = GeoStage()(doc)
    assert [e.type for e in doc.entities if e.name == "ليفربول"] == ["ORG"]
    doc = _doc("توفي 63 من الفيوم و28 من قنا و4 من الشرقية.", [])
    _org(doc, "e1", "قنا", "org:qna")
    doc = GeoStage()(doc)
    assert [e.type for e in doc.entities if e.name == "قنا"] == ["ORG"]


def test_no_duplicate_loc_on_an_org_mention_of_the_same_span():
    # A place name that is exactly another entity's mention is no nested mention.
    doc = _doc("وصلت القوات إلى الفاو جنوب البصرة. وقال مدير في الفاو إن الجوع يهدد الملايين.", [])
    _org(doc, "e1", "الفاو", "org:fao", nth=1)
    doc = GeoStage()(doc)
    second = doc.text.index("الفاو", doc.text.index("الفاو") + 1)
    owners = [e.type for e in doc.entities for m in e.mentions if m.start == second]
    assert owners == ["ORG"]


def test_clubs_in_a_sports_list_stay_clubs():
    doc = _doc("في كلاسيكو إيطاليا بين فريقي لاتسيو وروما سجل المهاجم هدفين",
               [("e2", "LOC", "روما", 0)])
    doc.entities.append(Entity(id="e1", type="ORG", name="لاتسيو",
                               mentions=[Span(doc.text.index("لاتسيو"),
                                              doc.text.index("لاتسيو") + 6, "لاتسيو")],
                               extra={"by": "ner"}))
    doc = GeoStage()(doc)
    assert [e.type for e in doc.entities if e.name == "لاتسيو"] == ["ORG"]
