"""The geo stage on hand-made Docs (LOC entities made by hand, and gazetteer-only)."""

from __future__ import annotations

from rasd.doc import Doc, Entity, Span
from rasd.geo import GeoStage, geo_precision
from rasd.pipeline import Pipeline
from rasd.text.stage import TextStage
from tests.geo._helpers import ner_doc

SEED = ("قالت الأمم المتحدة إن بعثتها لحفظ السلام في مالي (مينوسما) تستعد لاستكمال انسحابها. "
        "وسلمت مينوسما أحد معسكراتها في منطقة تمبكتو الشمالية. وذكرت التقارير أن تمبكتو كانت "
        "من ثلاثة مواقع. وقال رئيس بعثة الأمم المتحدة المتكاملة المتعددة الأبعاد لتحقيق "
        "الاستقرار في مالي إن العنف انتشر عبر غرب إفريقيا، وأكد دعم الشعب المالي.")


_doc = ner_doc


def _locs(doc: Doc) -> dict[str, Entity]:
    return {e.name: e for e in doc.entities if e.type == "LOC"}


def test_gazetteer_only_finds_the_seed_places():
    doc = GeoStage()(_doc(SEED))
    locs = _locs(doc)
    assert set(locs) == {"مالي", "تمبكتو", "غرب إفريقيا"}
    assert locs["مالي"].geo.country == "ML" and locs["مالي"].geo.level == "country"
    assert locs["تمبكتو"].geo.geonames_id == 2449067
    assert locs["تمبكتو"].kb["geonames"] == 2449067
    assert locs["تمبكتو"].name_en == "Timbuktu"
    assert locs["غرب إفريقيا"].geo.level == "region" and locs["غرب إفريقيا"].geo.country is None
    # One entity per place, every mention slicing back to the text.
    assert len(locs["تمبكتو"].mentions) == 2
    assert doc.check_offsets() == []
    # "الشعب المالي" (an adjective) is no mention of Mali.
    assert all(m.text == "مالي" for m in locs["مالي"].mentions)


def test_hand_made_loc_entities_are_geocoded_and_kept():
    doc = _doc(SEED, [("e1", "ORG", "الأمم المتحدة"), ("e2", "LOC", "مالي"),
                      ("e3", "LOC", "تمبكتو")])
    doc = GeoStage()(doc)
    e2, e3 = doc.entity("e2"), doc.entity("e3")
    assert e2.geo.country == "ML" and e2.geo.level == "country"
    assert e3.geo.level == "city" and e3.geo.admin1 == "Tombouctou"
    # New places continue the numbering; no duplicate of a known place.
    new = [e for e in doc.entities if e.extra.get("by") == "geo"]
    assert [e.name for e in new] == ["غرب إفريقيا"]
    assert new[0].id == "e4"
    # The other occurrences of مالي join e2 (not a new entity).
    assert len([e for e in doc.entities if e.type == "LOC" and e.geo.country == "ML"
                and e.geo.level == "country"]) == 1
    assert len(e2.mentions) >= 2


def test_place_inside_another_entity_mention():
    long_name = "بعثة الأمم المتحدة المتكاملة المتعددة الأبعاد لتحقيق الاستقرار في مالي"
    doc = _doc(SEED, [("e1", "ORG", long_name)])
    doc = GeoStage()(doc)
    org = doc.entity("e1")
    mali = _locs(doc)["مالي"]
    inside = [m for m in mali.mentions if org.mentions[0].start <= m.start < org.mentions[0].end]
    # Gold convention: the place is still a mention of Mali (string-level), recorded on
    # the LOC entity that exists anyway; no LOC entity is made from it alone.
    assert inside
    doc2 = GeoStage(nested_mentions=False)(_doc(SEED, [("e1", "ORG", long_name)]))
    mali2 = _locs(doc2)["مالي"]
    assert not [m for m in mali2.mentions if org.mentions[0].start <= m.start < org.mentions[0].end]


def test_only_inside_other_entity_makes_no_loc():
    text = "قالت وزارة الداخلية السعودية إن الأمن مستتب."
    doc = GeoStage()(_doc(text, [("e1", "ORG", "وزارة الداخلية السعودية")]))
    assert _locs(doc) == {}


def test_unknown_loc_keeps_null_geo():
    text = "وقع الهجوم في قرية زرنقاطة النائية."
    doc = GeoStage()(_doc(text, [("e1", "LOC", "زرنقاطة")]))
    assert doc.entity("e1").geo is None


def test_same_place_entities_merge():
    text = "وصل الوزير إلى الخرطوم. وفي الخرطوم التقى الرئيس."
    doc = _doc(text, [("e1", "LOC", "الخرطوم")])
    i = text.rindex("الخرطوم")
    doc.entities.append(Entity(id="e2", type="LOC", name="الخرطوم",
                               mentions=[Span(i, i + 7, "الخرطوم")]))
    doc = GeoStage()(doc)
    locs = [e for e in doc.entities if e.type == "LOC"]
    assert len(locs) == 1 and len(locs[0].mentions) == 2
    assert doc.scratch["geo_merged"] == {"e2": "e1"}


def test_geo_precision():
    text = "اشتباكات في شمال تمبكتو وفي تمبكتو وفي محافظة لحج وفي مالي"
    doc = GeoStage()(_doc(text))
    by = {e.name: e for e in doc.entities}
    assert geo_precision(by["مالي"]) == 3
    assert geo_precision(by["محافظة لحج"]) == 3
    assert geo_precision(by["تمبكتو"]) in (1, 2)
    text2 = "اشتباكات في شمال تمبكتو"
    e = [x for x in GeoStage()(_doc(text2)).entities if x.type == "LOC"][0]
    assert geo_precision(e) == 2
    assert geo_precision(Entity(id="x", type="LOC", name="?")) is None


def test_detect_off_only_geocodes():
    doc = GeoStage(detect=False)(_doc(SEED, [("e1", "LOC", "تمبكتو")]))
    assert [e.id for e in doc.entities] == ["e1"]


def test_runs_in_a_pipeline_and_serialises():
    class Entities:
        name = "entities"
        requires = ("tokens",)
        provides = ("mentions", "entities")

        def __call__(self, doc):
            return doc

    pipe = Pipeline([TextStage(), Entities(), GeoStage()])
    doc = pipe(Doc(text=SEED))
    d = doc.to_dict()
    geos = [e["geo"] for e in d["entities"] if e["type"] == "LOC"]
    assert geos and all(g["level"] in ("country", "admin1", "admin2", "city", "site", "region")
                        for g in geos)
    assert Doc.from_dict(d).check_offsets() == []


def test_odd_docs():
    st = GeoStage()
    for text in ("", "   ", "!!!", "Only Latin words here", "x" * 1000):
        doc = st(_doc(text) if text.strip() else Doc(text=text))
        assert [e for e in doc.entities if e.type == "LOC"] == []
    # No tokens (text stage not run): the stage tokenises for itself.
    doc = st(Doc(text="زار الرئيس القاهرة"))
    assert _locs(doc)["القاهرة"].geo.country == "EG"


def test_long_document_is_linear_enough():
    import time

    text = "قال مسؤول في الخرطوم إن القوات وصلت إلى قرية الزنبقوطة قرب دارفور ودعم مالي. " * 2000
    doc = _doc(text)
    t = time.perf_counter()
    GeoStage()(doc)
    assert time.perf_counter() - t < 20
    assert doc.check_offsets() == []
    khartoum = _locs(doc)["الخرطوم"]
    assert len(khartoum.mentions) == 2000


def test_ner_loc_inside_a_longer_gazetteer_name_grows():
    text = "انتشر العنف عبر غرب إفريقيا وأجبر الملايين على الفرار."
    doc = _doc(text, [("e1", "LOC", "إفريقيا")])
    doc = GeoStage()(doc)
    e1 = doc.entity("e1")
    assert [m.text for m in e1.mentions] == ["غرب إفريقيا"]
    assert e1.geo.level == "region" and e1.name_en == "West Africa"
    assert doc.check_offsets() == []


def test_unknown_place_near_a_known_one_gets_approximate_geo():
    text = "قصف الطيران حي الزنبقوطة في حلب أمس."
    doc = GeoStage()(_doc(text))
    e = _locs(doc)["الزنبقوطة"]
    assert e.geo is not None and e.geo.country == "SY" and e.geo.geonames_id is None
    assert e.geo.extra["approximate"] and e.geo.extra["near"] == "Aleppo"
    assert e.geo.level == "site" and geo_precision(e) == 2
    # Without such a phrase, in a document naming towns far apart, it stays unknown.
    doc = GeoStage()(_doc("قصف الطيران حي الزنبقوطة أمس. وفي حلب ودمشق هدوء."))
    assert _locs(doc)["الزنبقوطة"].geo is None
    # (a document whose only town is Aleppo places its neighbourhood there: see
    # tests/geo/test_round6.py)
    doc = GeoStage(near=False, context_sites=False, sentence_sites=False)(_doc(text))
    assert _locs(doc)["الزنبقوطة"].geo is None


def test_unknown_place_gets_a_transliterated_english_name():
    from rasd.pipeline import Pipeline

    p = Pipeline.from_config({"pipeline": {"stages": ["text", "ner", "entities", "geo"]}})
    doc = p(Doc(text="وقعت الاشتباكات في قرية كفرنبودة شمال حماة."))
    locs = [e for e in doc.entities if e.type == "LOC"]
    assert locs and all(e.name_en for e in locs)
