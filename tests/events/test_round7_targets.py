"""Round 7 target rules, from an audit of attack targets on unseen corpus articles (all
sentences here are made up): the victims' group after "<casualties> من X"; a bare
perfect kill verb with no object reads as the passive (the name before it is the
victim, the ل-holder of the attack noun after it the doer); a prepositional phrase after
a second attack noun is that noun's; the holder of an attacked position ("على أهداف
لجماعة X"); a name in a ل-phrase is no VSO attacker; "على أيدي X" is an agent; a
province after an attack noun is where, not what, was hit."""

from __future__ import annotations

from rasd.doc import Geo
from rasd.events.stage import EventStage
from tests.events.helpers import ent_id, make_doc


def _assaults(doc):
    return [v for v in EventStage(classifier=False)(doc).events if v.type == "ASSAULT"]


def _by_trigger(doc, trig):
    evs = _assaults(doc)
    found = [v for v in evs if v.trigger.text == trig or any(m["text"] == trig for m in v.extra.get("mentions", []))]
    assert found, [(v.trigger.text, v.target) for v in evs]
    return found[0]


# -- the victims' group ----------------------------------------------------------------

def test_casualty_noun_group_after_min_is_the_target() -> None:
    text = "وأفادت مصادر بسقوط قتلى وجرحى من المتمردين الشماليين أمس في مواجهات مع الجيش الوطني."
    doc = make_doc(text, [("ORG", "المتمردين الشماليين", ["المتمردين الشماليين"]),
                          ("ORG", "الجيش الوطني", ["الجيش الوطني"])])
    ev = _by_trigger(doc, "قتلى")
    assert ev.target == [ent_id(doc, "المتمردين الشماليين")]


def test_kill_verb_count_of_a_group_is_the_target() -> None:
    text = "وقال البيان إن مقاتليه قتلوا خمسة عشر جنديا من قوات الحرس الجمهوري في هجوم ليلي."
    doc = make_doc(text, [("ORG", "الحرس الجمهوري", ["الحرس الجمهوري"])])
    ev = _by_trigger(doc, "قتلوا")
    assert ev.target == [ent_id(doc, "الحرس الجمهوري")]
    assert ev.source == []


def test_group_after_a_preposition_is_no_victim() -> None:
    # "من" after "في مواجهات" is not the casualty words' partitive
    text = "وقتل خمسة أشخاص في مواجهات بين السكان من قبيلة الوادي."
    doc = make_doc(text, [("ORG", "قبيلة الوادي", ["قبيلة الوادي"])])
    assert all(ent_id(doc, "قبيلة الوادي") not in v.target for v in _assaults(doc))


# -- passive reading of a bare kill verb -------------------------------------------------

def test_relative_passive_victim_and_l_holder_doer() -> None:
    text = "ونعت الحركة قائدها سمير الحداد الذي قتل في غارة لقوات الحكومة قرب الحدود."
    doc = make_doc(text, [("PER", "سمير الحداد", ["سمير الحداد"]), ("ORG", "قوات الحكومة", ["قوات الحكومة"]),
                          ("ORG", "الحركة", ["الحركة"])])
    ev = _by_trigger(doc, "قتل")
    assert ev.target == [ent_id(doc, "سمير الحداد")]
    assert ev.source == [ent_id(doc, "قوات الحكومة")]


def test_passive_with_manner_word_after_a_parenthesis() -> None:
    text = "وكان الشاب كريم ناصر (20 عاما) قتل طعنا مساء الثلاثاء."
    doc = make_doc(text, [("PER", "كريم ناصر", ["كريم ناصر"])])
    ev = _by_trigger(doc, "قتل")
    assert ev.target == [ent_id(doc, "كريم ناصر")]
    assert ev.source == []


def test_active_verb_with_a_time_phrase_before_its_object() -> None:
    # control: a person named right after the time phrase is the object (no passive)
    text = "وكان مسلحون قد اختطفوا في مارس الماضي الطبيب جورج حداد من منزله."
    doc = make_doc(text, [("PER", "جورج حداد", ["جورج حداد"])])
    ev = _by_trigger(doc, "اختطفوا")
    assert ev.target == [ent_id(doc, "جورج حداد")]


def test_ala_aydi_is_an_agent() -> None:
    text = "وقال المسؤول إن 30 قرويا أعدموا على أيدي مسلحي جماعة النمر الأسود الشهر الماضي."
    doc = make_doc(text, [("ORG", "جماعة النمر الأسود", ["جماعة النمر الأسود"])])
    ev = _by_trigger(doc, "أعدموا")
    assert ev.source == [ent_id(doc, "جماعة النمر الأسود")]


# -- attachment of prepositional phrases ------------------------------------------------

def test_pp_of_a_second_attack_noun_is_not_the_first_ones() -> None:
    text = "وأعلنت الوزارة مقتل 7 مسلحين خلال اشتباكات مع قوات الأمن في الجنوب."
    doc = make_doc(text, [("ORG", "قوات الأمن", ["قوات الأمن"]), ("ORG", "الوزارة", ["الوزارة"])])
    ev = _by_trigger(doc, "مقتل")
    assert ev.trigger.text != "مقتل" or ent_id(doc, "قوات الأمن") not in ev.target
    # the clashes themselves keep their side
    clash = [v for v in _assaults(doc) if v.trigger.text == "اشتباكات"]
    assert not clash or ent_id(doc, "قوات الأمن") in clash[0].target


def test_holder_of_attacked_positions_is_the_target() -> None:
    text = "وشنت الطائرات غارات على أهداف محددة لحزب الجبهة الشعبية شرق البلاد."
    doc = make_doc(text, [("ORG", "الجبهة الشعبية", ["الجبهة الشعبية"])])
    # (the light verb شنت may stand for the noun غارات)
    ev = _assaults(doc)[0]
    assert ev.target == [ent_id(doc, "الجبهة الشعبية")]


def test_name_in_l_phrase_is_no_attacker() -> None:
    text = "واستهدف المسلحون دورية للمقاتلين الحوثيين بعبوة ناسفة."
    doc = make_doc(text, [("ORG", "الحوثيين", ["الحوثيين"])])
    ev = _by_trigger(doc, "استهدف")
    assert ev.source == []
    assert ev.target == [ent_id(doc, "الحوثيين")]


# -- places after an attack noun ----------------------------------------------------------

def test_province_after_attack_noun_is_no_target() -> None:
    geo = {"كردفان": Geo(level="admin1", country="SD")}
    doc = make_doc("وأدان المجلس تفجير كردفان الذي أودى بحياة 12 شخصا.", [("LOC", "كردفان", ["كردفان"])], geo=geo)
    ev = _by_trigger(doc, "تفجير")
    assert ev.target == []


def test_site_after_attack_noun_stays_the_target() -> None:
    geo = {"مسجد النور": Geo(level="site", country="SD")}
    doc = make_doc("وأدان المجلس تفجير مسجد النور الذي أودى بحياة 12 شخصا.",
                   [("LOC", "مسجد النور", ["مسجد النور"])], geo=geo)
    ev = _by_trigger(doc, "تفجير")
    assert ev.target == [ent_id(doc, "مسجد النور")]


def test_forces_joined_to_the_doer_are_no_target() -> None:
    # "قتل جراء إطلاق X وقوات Y قذيفة": X (and Y's forces) did it; Y is no victim
    text = "وأعلنت القيادة أن أحد الجنود قتل جراء إطلاق جماعة النمر الأسود وقوات الزعيم علي حسان قذيفة."
    doc = make_doc(text, [("ORG", "جماعة النمر الأسود", ["جماعة النمر الأسود"]),
                          ("PER", "علي حسان", ["حسان"])])
    ev = _by_trigger(doc, "قتل")
    assert ev.source[:1] == [ent_id(doc, "جماعة النمر الأسود")]
    assert ent_id(doc, "علي حسان") not in ev.target


def test_forces_joined_by_wa_move_to_the_source() -> None:
    text = "وقتل مسلحو جماعة النمر الأسود وقوات الزعيم علي حسان خمسة جنود."
    doc = make_doc(text, [("ORG", "جماعة النمر الأسود", ["جماعة النمر الأسود"]),
                          ("PER", "علي حسان", ["حسان"])])
    ev = _by_trigger(doc, "قتل")
    assert ent_id(doc, "علي حسان") not in ev.target


# -- subject after إن/أن, victims of the attack's toll --------------------------------------

def test_name_after_complementizer_before_verb_is_the_subject() -> None:
    text = "وقال سكان إن الجبهة الشعبية قصفت مواقع جماعة النمر الأسود في الوادي."
    doc = make_doc(text, [("ORG", "الجبهة الشعبية", ["الجبهة الشعبية"]),
                          ("ORG", "جماعة النمر الأسود", ["جماعة النمر الأسود"])])
    ev = _by_trigger(doc, "قصفت")
    assert ev.source == [ent_id(doc, "الجبهة الشعبية")]
    assert ev.target == [ent_id(doc, "جماعة النمر الأسود")]


def test_victims_of_the_attacks_toll_are_the_target() -> None:
    text = "وشهدت البلاد أمس ثلاث هجمات بعبوات ناسفة أسفرت عن مقتل 4 من عناصر الحرس الوطني."
    doc = make_doc(text, [("ORG", "الحرس الوطني", ["الحرس الوطني"])])
    ev = _by_trigger(doc, "هجمات")
    assert ev.target == [ent_id(doc, "الحرس الوطني")]


def test_kin_genitive_before_a_passive_verb_is_no_victim() -> None:
    # "X والد Y قتل": the father X was killed, not the son Y
    text = "وكان فهد سالم والد خالد قتل في معارك مع المسلحين العام الماضي."
    doc = make_doc(text, [("PER", "فهد سالم", ["فهد سالم"]), ("PER", "خالد", ["خالد"])])
    assert all(ent_id(doc, "خالد") not in v.target + v.source for v in _assaults(doc))
