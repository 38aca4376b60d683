"""Round 6: a site (or a place geo only put near a known one) followed by the town it lies
in ("ضاحية X وسط حلب") gives the event the town as its place; a site alone stays the
place; geo finds a common-word suburb name after ضاحية (as after حي)."""

from __future__ import annotations

from functools import lru_cache

from rasd.doc import Doc, Geo
from rasd.events.stage import EventStage
from rasd.geo import GeoStage
from rasd.geo.gazetteer import Gazetteer
from rasd.geo.resolve import find_and_resolve
from rasd.text.stage import TextStage
from tests.events.helpers import ent_id, make_doc

SUBURB = "ضاحية الحرية"
SITE = Geo(lat=36.2, lon=37.15, country="SY", level="site", geonames_id=None,
           extra={"precision": 2, "near": "Aleppo", "approximate": True})
TOWN = Geo(lat=36.2, lon=37.15, country="SY", admin1="09", level="city", geonames_id=170063)


def _place(doc: Doc) -> str | None:
    evs = [v for v in EventStage(classifier=False)(doc).events if v.type == "ASSAULT"]
    assert evs, [(v.type, v.trigger.text) for v in doc.events]
    return evs[0].place


def _doc(text: str, geo: dict[str, Geo], names: list[str]) -> Doc:
    return make_doc(text, [("LOC", n, [n]) for n in names], [("أمس", "2023-12-31", "day")], geo=geo)


def test_site_inside_a_named_town_gives_the_town() -> None:
    text = f"قصفت الطائرات {SUBURB} وسط حلب أمس."
    doc = _doc(text, {SUBURB: SITE, "حلب": TOWN}, [SUBURB, "حلب"])
    assert _place(doc) == ent_id(doc, "حلب")


def test_site_with_a_town_after_a_direction_word() -> None:
    text = f"قصفت الطائرات {SUBURB} شمالي حلب أمس."
    doc = _doc(text, {SUBURB: SITE, "حلب": TOWN}, [SUBURB, "حلب"])
    assert _place(doc) == ent_id(doc, "حلب")


def test_site_alone_stays_the_place() -> None:
    text = f"قصفت الطائرات {SUBURB} أمس."
    doc = _doc(text, {SUBURB: SITE}, [SUBURB])
    assert _place(doc) == ent_id(doc, SUBURB)


def test_site_with_a_coordinated_town_or_a_new_clause_stays() -> None:
    # "X وحلب" lists a second place; after a comma the town belongs to another clause.
    for text in (f"قصفت الطائرات {SUBURB} وحلب أمس.", f"قصفت الطائرات {SUBURB}، وقال سكان حلب أمس."):
        doc = _doc(text, {SUBURB: SITE, "حلب": TOWN}, [SUBURB, "حلب"])
        assert _place(doc) == ent_id(doc, SUBURB), text


def test_a_gazetteer_town_before_its_province_is_untouched() -> None:
    # Only a site/approximate place hands over: a known town stays the more specific place.
    text = "قصفت الطائرات مدينة الباب شمال حلب أمس."
    geo = {"الباب": Geo(lat=36.37, lon=37.52, country="SY", level="city", geonames_id=1),
           "حلب": Geo(lat=36.2, lon=37.15, country="SY", level="admin2", geonames_id=2)}
    doc = _doc(text, geo, ["الباب", "حلب"])
    assert _place(doc) == ent_id(doc, "الباب")


def test_approximate_place_near_a_town_gives_the_town() -> None:
    approx = Geo(lat=12.8, lon=45.0, country="YE", level="city", geonames_id=None,
                 extra={"precision": 2, "near": "Aden", "approximate": True})
    text = "قصفت الطائرات منطقة جعولة بمدينة عدن أمس."
    doc = _doc(text, {"جعولة": approx, "عدن": Geo(lat=12.8, lon=45.0, country="YE", level="city",
                                                   geonames_id=415189)}, ["جعولة", "عدن"])
    assert _place(doc) == ent_id(doc, "عدن")


# -- geo: ضاحية X ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _gaz() -> Gazetteer:
    return Gazetteer(extra=None)


def _accepted(text: str) -> list[str]:
    return [text[h.start:h.end] for h in find_and_resolve(text, gaz=_gaz()) if h.accepted]


def test_common_word_after_dahiya_is_a_suburb_name() -> None:
    # الحرية is too common a word for the plain definite-name threshold (as after حي).
    assert SUBURB in _accepted(f"قصفت الطائرات {SUBURB} وسط حلب")
    assert not any("الملك" in k for k in _accepted("في ضاحية الملك فهد"))


def test_geo_then_events_give_the_town_of_a_suburb() -> None:
    text = f"قصفت الطائرات {SUBURB} وسط حلب أمس."
    doc = Doc(text=text, id="t", published="2024-01-01")
    TextStage()(doc)
    GeoStage()(doc)
    by_span = {m.text: e for e in doc.entities for m in e.mentions}
    suburb, aleppo = by_span.get(SUBURB), by_span.get("حلب")
    assert suburb is not None and suburb.geo is not None and suburb.geo.level == "site", \
        [(e.name, e.geo) for e in doc.entities]
    assert aleppo is not None and aleppo is not suburb
    assert _place(doc) == aleppo.id


def test_province_named_as_such_does_not_hand_over_to_a_town() -> None:
    approx = Geo(lat=34.5, lon=69.2, country="AF", level="city", geonames_id=None,
                 extra={"precision": 2, "near": "Kabul", "approximate": True})
    text = "قتل عشرة جنود في غارة في ولاية لوغار جنوب كابل أمس."
    doc = _doc(text, {"ولاية لوغار": approx, "كابل": Geo(lat=34.5, lon=69.2, country="AF", level="city",
                                                          geonames_id=1138958)}, ["ولاية لوغار", "كابل"])
    assert _place(doc) == ent_id(doc, "ولاية لوغار")
