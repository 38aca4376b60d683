"""Round 6: small places placed from their sentence or their one-town document, country
names with one typo, and "المنطقة الباريسية" (a big city's region). Hand-made sentences;
the village/neighbourhood names are invented (no gazetteer has them)."""

from __future__ import annotations

from rasd.doc import Doc
from rasd.geo import GeoStage
from rasd.geo.gazetteer import gazetteer
from rasd.geo.resolve import city_region_hits, find_resolve_context, typo_hits, _finder
from rasd.text.tokens import tokenize
from tests.geo._helpers import ner_doc


def _locs(doc: Doc) -> dict:
    return {e.name: e for e in doc.entities if e.type == "LOC"}


def _ent(doc: Doc, surface: str):
    """The LOC entity with a mention written ``surface``."""
    found = [e for e in doc.entities if e.type == "LOC"
             and any(m.text == surface for m in e.mentions)]
    assert found, f"no LOC mention {surface!r}"
    return found[0]


def _geo_of(doc: Doc, surface: str):
    return _ent(doc, surface).geo


# -- sentence anchors -------------------------------------------------------------------

def test_village_after_a_cue_takes_the_town_its_sentence_names():
    text = "اشتدت المعارك في مدينة حماة، وسقطت قذائف على بلدة زمرينة صباح اليوم."
    doc = GeoStage()(ner_doc(text))
    g = _geo_of(doc, "بلدة زمرينة")
    assert g is not None and g.country == "SY" and g.geonames_id is None
    assert g.extra["approximate"] and g.extra["by"] == "sentence"
    assert g.extra["precision"] == 2 and g.level == "city"
    # the switch turns it off
    doc = GeoStage(sentence_sites=False)(ner_doc(text))
    assert _geo_of(doc, "بلدة زمرينة") is None


def test_no_sentence_anchor_when_the_towns_lie_apart():
    text = "اشتدت المعارك في حلب ودرعا، وسقطت قذائف على بلدة زمرينة صباح اليوم."
    doc = GeoStage()(ner_doc(text))
    assert _geo_of(doc, "بلدة زمرينة") is None


def test_no_sentence_anchor_across_another_country():
    text = "اشتدت المعارك في حماة ثم امتدت إلى تركيا حيث قصفت بلدة زمرينة."
    doc = GeoStage()(ner_doc(text))
    assert _geo_of(doc, "بلدة زمرينة") is None


def test_no_sentence_anchor_for_an_administrative_area():
    text = "اشتدت المعارك في مدينة حماة، وامتدت إلى محافظة زمرينة صباح اليوم."
    doc = GeoStage()(ner_doc(text))
    assert _geo_of(doc, "محافظة زمرينة") is None


def test_listed_areas_take_the_town_before_them():
    text = ("انتشرت قوات الأمن على ساحل مدينة العريش ومحيطها ومناطق الزمردية والقرنفلية "
            "منذ الصباح.")
    doc = GeoStage()(ner_doc(text))
    for name in ("الزمردية", "القرنفلية"):
        g = _geo_of(doc, name)
        assert g is not None and g.country == "EG" and g.level == "site"
        assert abs(g.lat - 31.13) < 0.1 and g.extra["by"] == "sentence"


def test_anchor_must_be_in_the_documents_country():
    # Iraq is the document's country; a stray Saudi town in the sentence anchors nothing.
    text = ("قال مسؤول عراقي في بغداد إن العراق يواجه أزمة. وتحدث عن الرياض وعن قرية زمرينة "
            "في حديثه. وأكد العراق والعراقيون موقفهم في بغداد والبصرة.")
    doc = GeoStage(context_sites=False)(ner_doc(text))
    assert _geo_of(doc, "قرية زمرينة") is None


# -- neighbourhoods in a one-town document ----------------------------------------------

def test_neighbourhood_in_a_one_town_document():
    doc = GeoStage()(ner_doc("قصف الطيران حي الزنبقوطة أمس. وفي حلب هدوء حذر."))
    g = _geo_of(doc, "حي الزنبقوطة")
    assert g is not None and g.country == "SY" and g.extra["by"] == "context"
    assert g.level == "site" and g.extra["approximate"]


def test_neighbourhood_not_placed_when_context_sites_is_off():
    doc = GeoStage(context_sites=False, sentence_sites=False)(
        ner_doc("قصف الطيران حي الزنبقوطة أمس. وفي حلب هدوء حذر."))
    assert all(e.geo is None for e in doc.entities if "الزنبقوطة" in e.name)


# -- typos in country names -------------------------------------------------------------

def _typos(text: str) -> list[tuple[str, str]]:
    gaz = gazetteer()
    toks = tokenize(text)
    found = _finder(gaz).find(text, toks)
    return [(text[h.start:h.end], h.key) for h in typo_hits(text, toks, found, gaz)]


def test_two_word_country_name_with_a_missing_letter():
    assert _typos("كانت الولايات المحدة تعتبرها منظمة إرهابية") == \
        [("الولايات المحدة", "الولايات المتحده")]
    hits, _ = find_resolve_context("كانت الولايات المحدة تعتبرها منظمة إرهابية")
    assert [h.place.country for h in hits if h.accepted] == ["US"]


def test_one_word_typo_needs_a_place_use():
    assert _typos("جرت محاولات تسلل من فرنسا إلى بريطنيا ليلا") == [("بريطنيا", "بريطانيا")]
    assert _typos("الدول المشاركة: تشاد - أرتيريا - جامبيا") == [("أرتيريا", "اريتريا")]
    # a bird (السوان "swan") and a person (دومنيكا) are no السودان / دومينيكا
    assert _typos("وطائر الفيشر وطائر السوان وطائر المينا") == []
    assert _typos("كتبتها الأديبة الفرنسية دومنيكا أليزل") == []


def test_typo_guards():
    # a clitic, a suffix and a short name are no typos
    assert _typos("زار البحريين الكويت أمس") == []
    assert _typos("سافر وفد لامارات أمس") == []
    assert _typos("رحب كاندا كانداسامي بالقرار") == []
    # tanween: an adverb
    assert _typos("جعل رأيه وحياً سماوياً فلم") == []


# -- a big city's region ----------------------------------------------------------------

def test_paris_region_is_its_own_place():
    text = "يقع مقر المجلس في المنطقة الباريسية في فرنسا، وقد زار وفده باريس أمس."
    hits = city_region_hits(text, tokenize(text), [], gazetteer())
    assert [text[h.start:h.end] for h in hits] == ["المنطقة الباريسية"]
    doc = GeoStage()(ner_doc(text))
    region, paris = _ent(doc, "المنطقة الباريسية"), _ent(doc, "باريس")
    assert region is not paris
    assert region.geo.country == "FR" and region.geo.level == "region"
    assert paris.geo.level == "city"


def test_common_region_adjectives_are_not_cities():
    text = "في المنطقة الرياضية والمنطقة الصناعية والمنطقة العربية"
    assert city_region_hits(text, tokenize(text), [], gazetteer()) == []
