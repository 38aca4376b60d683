"""Local place names (streets, sites, districts with OSM points) and street/square cues."""

from __future__ import annotations

import pytest

from rasd.doc import Doc
from rasd.geo import GeoStage
from rasd.geo.gazetteer import Gazetteer, gazetteer
from rasd.geo.keys import name_key
from rasd.geo.resolve import context_locality, find_and_resolve, is_site_phrase
from rasd.text.stage import TextStage
from tests.conftest import REPO, load_script

# Hand-made local rows: name, flag, place key, level, country, admin1, lat, lon, pop, en, fcode.
KUWAIT_HOSPITAL = [name_key("المستشفى المركزي"), "focus", "OTEST1", "site", "KW", "",
                   "29.3500", "47.9800", "0", "", "OSM"]
RARE_SITE = [name_key("الصليبيخات"), "strong", "OTEST2", "site", "KW", "", "29.3230",
             "47.8800", "0", "", "OSM"]
# A second reading for a known name: Zarqa in Egypt (the main gazetteer has Jordan's).
ZARQA_EG = [name_key("الزرقاء"), "focus", "OTEST3", "city", "EG", "", "31.2000", "31.6000",
            "20000", "", "OSM"]
CAIRO_STREET = [name_key("شارع النخيل"), "focus", "OTEST4", "site", "EG", "", "30.05",
                "31.23", "0", "", "OSM"]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(extra=[KUWAIT_HOSPITAL, RARE_SITE, ZARQA_EG, CAIRO_STREET])


def _accepted(text: str, gaz: Gazetteer | None = None) -> dict[str, object]:
    return {text[h.start:h.end]: h.place for h in find_and_resolve(text, gaz=gaz) if h.accepted}


def test_local_rows_merge_into_the_gazetteer(gaz):
    e = gaz.lookup("الصليبيخات")
    assert e is not None and e.flag == "strong" and e.places[0].key == "OTEST2"
    z = gaz.lookup("الزرقاء")
    main = Gazetteer(extra=None).lookup("الزرقاء")
    # A known name keeps its flag and its first reading; the local place comes last.
    assert z.flag == main.flag and z.places[0].key == main.places[0].key
    assert z.places[-1].key == "OTEST3"
    assert Gazetteer(extra=None).lookup("الصليبيخات") is None


def test_strong_local_name_is_taken_on_sight(gaz):
    got = _accepted("أمطار غزيرة في الصليبيخات صباح اليوم", gaz)
    assert got["الصليبيخات"].key == "OTEST2"


def test_generic_local_name_needs_a_nearby_place(gaz):
    text = "نقل المصابين إلى المستشفى المركزي"
    assert "المستشفى المركزي" not in _accepted(text, gaz)
    # Kuwait is small: naming the country is enough.
    got = _accepted("الكويت: نقل المصابين إلى المستشفى المركزي", gaz)
    assert got["المستشفى المركزي"].key == "OTEST1"
    # A place of another country far away is not.
    assert "المستشفى المركزي" not in _accepted("الرياض: نقل المصابين إلى المستشفى المركزي", gaz)


def test_local_second_reading_wins_only_in_its_context(gaz):
    assert _accepted("سيول في الزرقاء والمفرق في الأردن", gaz)["الزرقاء"].country == "JO"
    got = _accepted("غرق شوارع الزرقاء في محافظة دمياط بمصر", gaz)
    assert got["الزرقاء"].country == "EG"


def test_unplaced_local_street_is_still_a_street(gaz):
    # Far from its only known point (Cairo): found by its cue, but no place is guessed.
    hits = [h for h in find_and_resolve("إغلاق شارع النخيل في الرياض", gaz=gaz) if h.accepted]
    street = [h for h in hits if h.key == name_key("شارع النخيل")]
    assert street and street[0].place is None


@pytest.mark.parametrize("text, found", [
    ("زحام شديد على طريق الملك عبد العزيز صباح اليوم", "طريق الملك عبد العزيز"),
    ("أغلقت السلطات #جسر_الشيخ_جابر أمام السيارات", "جسر_الشيخ_جابر"),
    ("حادث مروري على الدائري التاسع السريع", "الدائري التاسع السريع"),
    ("تفجير في مسجد الإمام علي بن أبي طالب يوم الجمعة", "مسجد الإمام علي بن أبي طالب"),
    ("تجمع المتظاهرون في ميدان التحرير", "ميدان التحرير"),
])
def test_site_cues_find_streets_and_squares(text, found):
    hits = [h for h in find_and_resolve(text) if h.accepted and h.place is None]
    assert [text[h.start:h.end] for h in hits] == [found]
    assert is_site_phrase(hits[0].key)


@pytest.mark.parametrize("text", [
    "هذا هو طريق الحل السياسي الوحيد",
    "ارتفاع البطالة في سوق العمل",
    "قتلى في ساحة المعركة",
    "افتتاح شارع رئيسي جديد",
    "الطريق الصحيح للسلام",
    "بناء جسر الثقة بين الطرفين",
    "تم التواصل عن طريق الرسائل النصية",
    "ارتفاع المؤشر في سوق الأسهم",
    "ميزانية تهدف إلى سد الفجوة بين الدخل والإنفاق",
    "الشركة في طريق التوصل إلى اتفاق",
    "وصل إلى مطار جارتنا الشمالية",
])
def test_site_cues_ignore_figurative_uses(text):
    assert not [h for h in find_and_resolve(text) if h.accepted and h.place is None]


def _stage(text: str) -> Doc:
    doc = Doc(text=text)
    TextStage()(doc)
    return GeoStage()(doc)


def test_street_in_a_one_town_document_gets_the_town_approximately():
    doc = _stage("قالت الشرطة في بيروت إن انفجارا وقع مساء أمس. وأصيب خمسة في شارع الحمراء.")
    street = next(e for e in doc.entities if e.name == "شارع الحمراء")
    assert street.type == "LOC" and street.geo is not None
    assert street.geo.country == "LB" and street.geo.level == "site"
    assert street.geo.extra["approximate"] is True and street.geo.extra["precision"] == 2
    assert street.geo.geonames_id is None


def test_street_in_a_document_about_far_apart_towns_stays_unplaced():
    doc = _stage("قالت الشرطة في بيروت والرياض إن انفجارا وقع. وأصيب خمسة في شارع الحمراء.")
    street = next(e for e in doc.entities if e.name == "شارع الحمراء")
    assert street.geo is None
    hits = doc.scratch["geo_hits"]
    assert context_locality(hits) is None


def test_context_sites_option_off():
    doc = Doc(text="قالت الشرطة في بيروت إن انفجارا وقع مساء أمس. وأصيب خمسة في شارع الحمراء.")
    TextStage()(doc)
    GeoStage(context_sites=False)(doc)
    street = next(e for e in doc.entities if e.name == "شارع الحمراء")
    assert street.geo is None


def test_shipped_local_names_are_loaded_and_small():
    size = (REPO / "src" / "rasd" / "geo" / "data" / "idrisi_odbl.tsv.gz").stat().st_size
    assert 0 < size < 200_000
    assert len(gazetteer().places) > len(Gazetteer(extra=None).places)


# -- the build script's rules (no ../shared needed) -----------------------------------------
def _build_module():
    return load_script("build_geo_idrisi")


def test_build_rules():
    b = _build_module()
    from rasd.text.tokens import word_frequencies

    freqs = word_frequencies()
    known = set(Gazetteer(extra=None)._raw)
    # A glued clitic goes, a known name as written stays (بيروت is no ب + يروت).
    assert b.mention_key("بالسيدة زينب", known, freqs) == name_key("السيدة زينب")
    assert b.mention_key("بشارع كورنيش النيل", known, freqs) == name_key("شارع كورنيش النيل")
    assert b.mention_key("بيروت", known, freqs) == name_key("بيروت")
    # Flags: a rare name is strong, a name of common words needs context, a common word
    # alone and embassies/universities are dropped, a person-like name needs a cue.
    assert b._flag(name_key("الصليبيخات"), freqs) == "strong"
    assert b._flag(name_key("المستشفى المركزي"), freqs) == "focus"
    assert b._flag(name_key("القطاع"), freqs) is None
    assert b._flag(name_key("السفارة القطرية"), freqs) is None
    assert b._flag(name_key("شمال الدمام"), freqs) is None
    assert b._flag(name_key("صباح الأحمد"), freqs, person={"صباح": 50, "احمد": 90}) == "weak"
    # The held-out split is deterministic and about one fifth.
    ids = [str(10**18 + 7919 * i) for i in range(2000)]
    share = sum(b.in_eval_part(i) for i in ids) / len(ids)
    assert 0.17 < share < 0.23
    assert [b.in_eval_part(i) for i in ids[:50]] == [b.in_eval_part(i) for i in ids[:50]]


def test_site_named_after_a_person_takes_the_person_mention():
    text = "انفجار في مسجد الإمام علي بن أبي طالب ببلدة القديح. وقال الشيخ علي بن أبي طالب الصغير"
    doc = Doc(text=text)
    TextStage()(doc)
    from rasd.doc import Entity, Span

    i = text.index("علي بن أبي طالب")
    j = text.index("الشيخ") + len("الشيخ ")
    doc.entities = [
        Entity(id="e1", type="PER", name="علي بن أبي طالب",
               mentions=[Span(i, i + 15, text[i:i + 15])], extra={"by": "ner"}),
        Entity(id="e2", type="PER", name="علي بن أبي طالب الصغير",
               mentions=[Span(j, j + 22, text[j:j + 22])], extra={"by": "ner"}),
    ]
    GeoStage()(doc)
    mosque = [e for e in doc.entities if e.type == "LOC" and e.name.startswith("مسجد")]
    assert [m.text for m in mosque[0].mentions] == ["مسجد الإمام علي بن أبي طالب"]
    # The person the mosque is named after was only that mention: dropped, recorded.
    assert "e1" not in {e.id for e in doc.entities}
    assert doc.scratch["geo_merged"]["e1"] == mosque[0].id
    # A person mentioned outside a site phrase is untouched.
    assert any(e.id == "e2" and e.type == "PER" for e in doc.entities)


def test_neighbourhood_cue_with_a_glued_clitic():
    # "بحي" (3 letters) is not split by the tokenizer: the cue is still read.
    text = "وقع الانفجار بحي العنود بالدمام"
    hits = [h for h in find_and_resolve(text) if h.accepted]
    assert "حي العنود" in [text[h.start:h.end] for h in hits]
    # "وحي" (revelation) followed by a common word is no neighbourhood.
    assert not [h for h in find_and_resolve("نزل الوحي ووحي الله على النبي") if h.cue == "حي"]
