"""Round 8: streets named after cities and "ريف X" regions are not those cities."""

from __future__ import annotations

from rasd.geo.stage import GeoStage
from tests.geo._helpers import ner_doc


def _locs(doc):
    return {m.text: e for e in doc.entities if e.type == "LOC" for m in e.mentions}


def test_rif_region_is_not_merged_into_the_city():
    text = "قصفت الطائرات بلدات في ريف دمشق، وقال سكان في دمشق إن الانفجارات سمعت بوضوح."
    doc = ner_doc(text, [("e1", "LOC", "دمشق")])
    doc.entities[0].kb = {"id": "loc:damascus"}  # as the KB links the bare city name
    GeoStage()(doc)
    locs = _locs(doc)
    assert "ريف دمشق" in locs and "دمشق" in locs
    rif, city = locs["ريف دمشق"], locs["دمشق"]
    assert rif is not city
    assert rif.kb.get("id") != "loc:damascus"
    assert rif.geo is not None and rif.geo.level == "admin1"
    assert city.geo is not None and city.geo.level == "city"


def test_rif_region_alone_does_not_keep_the_city_link():
    text = "تركزت الغارات في ريف دمشق خلال الشهر الماضي."
    doc = ner_doc(text, [("e1", "LOC", "دمشق")])
    doc.entities[0].kb = {"id": "loc:damascus"}
    GeoStage()(doc)
    rif = _locs(doc)["ريف دمشق"]
    assert rif.kb.get("id") != "loc:damascus"
    assert rif.geo is not None and rif.geo.level == "admin1"


def test_names_after_a_dual_street_cue_are_streets_in_the_town_the_text_says():
    text = "سقطت قذائف على شارعي الثورة وبغداد في دمشق صباح اليوم."
    doc = ner_doc(text, [("e1", "LOC", "بغداد"), ("e2", "LOC", "دمشق")])
    doc.entities[0].kb = {"id": "loc:baghdad"}
    GeoStage()(doc)
    locs = _locs(doc)
    for name in ("الثورة", "بغداد"):
        street = locs[name]
        assert street.kb.get("id") is None, name
        assert street.name.startswith("شارع"), name
        assert street.geo is not None and street.geo.level == "site", name
        assert street.geo.country == "SY", name  # in Damascus, not Iraq / the town Ath Thawrah
        assert street.geo.geonames_id is None
    assert locs["الثورة"] is not locs["بغداد"]
    assert locs["دمشق"].geo.level == "city"


def test_streets_of_a_city_are_not_a_street_list():
    text = "خرج المتظاهرون إلى شوارع اللاذقية وطرطوس مساء أمس."
    doc = ner_doc(text, [("e1", "LOC", "اللاذقية")])
    GeoStage()(doc)
    lat = _locs(doc)["اللاذقية"]
    assert not (lat.extra or {}).get("street")
    assert lat.geo is not None and lat.geo.level == "city"


def test_street_named_after_a_city_is_placed_where_the_text_puts_it():
    text = "انفجرت سيارة مفخخة في شارع بغداد وسط دمشق اليوم."
    doc = ner_doc(text, [("e1", "LOC", "شارع بغداد"), ("e2", "LOC", "دمشق")])
    GeoStage()(doc)
    street = _locs(doc)["شارع بغداد"]
    assert street.geo is not None and street.geo.country == "SY"
    assert street.geo.extra.get("approximate")
    assert not any(e.kb.get("geonames") == 98182 for e in doc.entities)  # no Baghdad at all


def test_street_named_after_a_city_without_other_town_keeps_its_namesake():
    text = "أغلقت الشرطة شارع بغداد أمام السيارات اليوم."
    doc = ner_doc(text, [("e1", "LOC", "شارع بغداد")])
    GeoStage()(doc)
    street = _locs(doc)["شارع بغداد"]
    assert street.geo is not None and street.geo.country == "IQ"
    assert street.geo.extra.get("by") == "name"


def test_via_a_country_is_not_a_road():
    text = "تصل البضائع إلى العراق عن طريق الكويت منذ أشهر، وقالت الكويت إنها تراقب ذلك."
    doc = ner_doc(text, [("e1", "LOC", "الكويت")])
    doc.entities[0].kb = {"id": "loc:KW"}
    GeoStage()(doc)
    assert not any(e.name.startswith("طريق") and e.kb.get("id") is None
                   for e in doc.entities if e.type == "LOC")


def test_dual_road_cue_names_roads_in_the_capital_the_text_names():
    text = "أغلقت السلطات طريقي الرياض والسيل الكبير بالطائف بسبب السيول."
    doc = ner_doc(text, [("e1", "LOC", "الرياض")])
    GeoStage()(doc)
    road = _locs(doc)["الرياض"]
    assert road.name == "طريق الرياض" and road.kb.get("id") is None
    assert road.geo is not None and road.geo.level == "site"
    assert abs(road.geo.lat - 21.27) < 0.5  # Taif, not Riyadh


def test_street_in_the_capital_named_by_its_title():
    text = "سقطت قذائف على شارعي الثورة وبغداد بالعاصمة دمشق أمس."
    doc = ner_doc(text, [("e1", "LOC", "بغداد"), ("e2", "LOC", "دمشق")])
    GeoStage()(doc)
    street = _locs(doc)["بغداد"]
    assert street.geo is not None and street.geo.country == "SY"
