"""Round 9: the countries of KB-linked persons/institutions weigh in on the document's
focus (عمان next to King Abdullah II is Amman); a country-or-town name listed among
countries is the country."""

from __future__ import annotations

from rasd.geo.resolve import DocContext, Rules, find_resolve_context
from rasd.geo.stage import GeoStage, _actor_countries, _doc_focus, dominant
from rasd.text.tokens import tokenize
from tests.geo._helpers import ner_doc

KING = "استقبل الملك عبدالله الثاني في عمان أمس وزير الخارجية."


def _king_doc():
    doc = ner_doc(KING, [("e1", "PER", "الملك عبدالله الثاني"), ("e2", "LOC", "عمان")])
    doc.entities[0].kb = {"id": "per:abdullah_ii"}  # the KB's King of Jordan (country JO)
    doc.entities[1].kb = {"id": "loc:OM", "wikidata": "Q842"}  # as the KB links the name
    return doc


def test_a_linked_leader_sets_the_country_of_an_ambiguous_name():
    doc = _king_doc()
    GeoStage()(doc)
    loc = doc.entities[1]
    assert loc.geo is not None and loc.geo.country == "JO" and loc.geo.level == "city"
    # The KB's link to the country Oman goes; the name is the town's.
    assert loc.name_en == "Amman"
    assert loc.kb.get("id") is None and loc.extra.get("kb_dropped") == "loc:OM"


def test_without_the_option_the_leader_is_not_counted():
    doc = _king_doc()
    GeoStage(actor_focus=False)(doc)
    assert doc.entities[1].geo.country == "OM"
    assert doc.entities[1].kb.get("id") == "loc:OM"


def test_without_a_linked_actor_the_bare_name_stays_the_country():
    doc = ner_doc("وصل الوزير إلى عمان أمس.", [("e1", "LOC", "عمان")])
    doc.entities[0].kb = {"id": "loc:OM"}
    GeoStage()(doc)
    assert doc.entities[0].geo.country == "OM" and doc.entities[0].kb.get("id") == "loc:OM"


def test_a_sultan_keeps_oman():
    text = "استقبل السلطان قابوس بن سعيد في عمان أمس وزير الخارجية."
    doc = ner_doc(text, [("e1", "PER", "السلطان قابوس بن سعيد"), ("e2", "LOC", "عمان")])
    doc.entities[0].kb = {"id": "per:qaboos"}
    doc.entities[1].kb = {"id": "loc:OM"}
    assert _actor_countries(doc) == {"OM": 1.0}
    GeoStage()(doc)
    assert doc.entities[1].geo.country == "OM"


def test_only_own_names_count_not_a_bare_title_linked_by_focus():
    # "وزير الخارجية" linked by the KB's focus says nothing of its own.
    doc = ner_doc("قال وزير الخارجية إن", [("e1", "PER", "وزير الخارجية")])
    doc.entities[0].kb = {"id": "per:abdullah_ii"}
    assert _actor_countries(doc) == {}
    doc = _king_doc()
    assert _actor_countries(doc) == {"JO": 1.0}  # a head of state weighs as a country name


def test_actors_take_no_weight_from_named_countries():
    ctx = DocContext(countries={"US": 6.0, "RU": 1.0}, actors={"US": 1.5, "JO": 1.0})
    assert ctx.focus_share("US") == ctx.share("US")  # US already named: max, not a sum
    assert ctx.focus_share("RU") == ctx.share("RU")  # never diluted by an actor
    assert 0 < ctx.focus_share("JO") < ctx.focus_share("US")
    assert DocContext(actors={"JO": 1.0}).focus_share("JO") == 1.0


def test_a_name_listed_among_countries_is_the_country():
    text = "سافر سعوديون من الزرقاء في إجازة العيد لقطر، لعمان، لمصر وتركيا."
    hits, _ = find_resolve_context(text, tokenize(text))
    oman = next(h for h in hits if h.key == "عمان")
    assert oman.place is not None and oman.place.country == "OM"
    assert oman.place.level == "country"


def test_a_name_after_a_town_is_not_a_country_list():
    text = "زار الوفد الزرقاء وعمان والبحر الميت."
    hits, _ = find_resolve_context(text, tokenize(text))
    oman = next(h for h in hits if h.key == "عمان")
    assert oman.cue is None


def test_doc_focus_shares_the_dominance_rule():
    assert dominant({"SA": 2, "EG": 1}) == "SA"
    assert dominant({"SA": 2, "EG": 2}) is None
    assert dominant({"SA": 1}) is None
    doc = _king_doc()
    doc.entities[1].geo = None
    assert _doc_focus(doc) is None  # one leader (1.0) is no focus on its own (needs 2)


def test_rule_switches_are_stage_options():
    # The former module switches are options of the stage's TOML table (default on).
    text = "تركزت الغارات في ريف دمشق خلال الشهر الماضي."

    def run(**opts):
        doc = ner_doc(text, [("e1", "LOC", "دمشق")])
        doc.entities[0].kb = {"id": "loc:damascus"}
        GeoStage(**opts)(doc)
        return {m.text: e.kb.get("id") for e in doc.entities if e.type == "LOC"
                for m in e.mentions}

    assert run()["ريف دمشق"] is None  # its own entity (admin1), not Damascus's link
    assert run(split_grown=False)["ريف دمشق"] == "loc:damascus"  # round 7 behaviour
    stage = GeoStage(typos=False, country_lists=False)
    assert not stage.rules.typos and not stage.rules.country_lists and stage.rules.weak_near
    text2 = "سافر سعوديون من الزرقاء لقطر، لعمان، لمصر وتركيا."  # الزرقاء: near Amman
    for rules, cc in ((Rules(), "OM"), (Rules(country_lists=False), "JO")):
        hits, _ = find_resolve_context(text2, tokenize(text2), rules=rules)
        assert next(h for h in hits if h.key == "عمان").place.country == cc


def test_cue_words_decide_between_amman_and_oman():
    for text, name, cc, en in (
            ("وصل الوزير إلى العاصمة الأردنية عمان أمس.", "عمان", "JO", "Amman"),
            ("وصل الوزير إلى سلطنة عمان أمس.", "سلطنة عمان", "OM", "Oman")):
        doc = ner_doc(text, [("e1", "LOC", name)])
        doc.entities[0].kb = {"id": "loc:OM"}
        doc.entities[0].name_en = "Oman"  # as the KB names its entry
        GeoStage()(doc)
        ent = doc.entities[0]
        assert ent.geo is not None and ent.geo.country == cc and ent.name_en == en


def test_tied_kingdoms_go_to_the_home_kingdom():
    # An NER/KB LOC "المملكة" in a story naming no country: every kingdom scores the same;
    # before, the first key (Bahrain) won.
    text = "أعلنت الهيئة عن خدمات جديدة في المملكة خلال العام."
    for opts, cc in (({}, "SA"), ({"home_ties": False}, "BH")):
        doc = ner_doc(text, [("e1", "LOC", "المملكة")])
        GeoStage(**opts)(doc)
        assert doc.entities[0].geo is not None and doc.entities[0].geo.country == cc
