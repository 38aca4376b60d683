"""Event detection, typing and arguments on hand-made Docs."""

from __future__ import annotations

import pytest

from rasd.doc import Geo
from rasd.events.stage import EventStage
from tests.events.helpers import ent_id, make_doc


def _run(doc, **opts):
    # The lexicon and argument rules alone; the classifier has its own tests.
    opts.setdefault("classifier", False)
    return EventStage(**opts)(doc)


def test_vso_assault_with_source_target_place_and_toll() -> None:
    text = "الرياض - قصفت القوات الحكومية مواقع لتنظيم داعش في مدينة الرقة أمس، ما أسفر عن مقتل 12 شخصا وإصابة 30 آخرين."
    doc = make_doc(text, [("LOC", "الرياض", ["الرياض"]), ("ORG", "القوات الحكومية", ["القوات الحكومية"]),
                          ("ORG", "داعش", ["داعش"]), ("LOC", "الرقة", ["الرقة"])],
                   times=[("أمس", "2023-12-31", "day")])
    ev = [v for v in _run(doc).events if v.type == "ASSAULT"]
    assert len(ev) == 1
    v = ev[0]
    assert v.trigger.text == "قصفت"
    assert v.source == [ent_id(doc, "القوات الحكومية")]
    assert v.place == ent_id(doc, "الرقة")
    assert v.time == {"value": "2023-12-31", "precision": "day"}
    assert (v.dead, v.injured) == (12, 30)
    assert v.status == "completed"
    assert v.acled and v.acled["event_type"] == "Explosions/Remote violence"


def test_passive_with_agent_marker() -> None:
    text = "قتل ثلاثة جنود على يد مسلحين من حركة الشباب في مقديشو."
    doc = make_doc(text, [("ORG", "حركة الشباب", ["حركة الشباب"]), ("LOC", "مقديشو", ["مقديشو"])])
    v = next(v for v in _run(doc).events if v.type == "ASSAULT")
    assert v.dead == 3
    assert v.place == ent_id(doc, "مقديشو")


def test_svo_subject_before_verb() -> None:
    text = "وذكرت وسائل إعلام محلية أن البعثة سلمت السيطرة على معسكر في تمبكتو."
    doc = make_doc(text, [("ORG", "البعثة", ["البعثة"]), ("LOC", "تمبكتو", ["تمبكتو"])])
    v = next(v for v in _run(doc).events if v.trigger.text == "سلمت")
    assert v.source == [ent_id(doc, "البعثة")]


def test_protest_detected_and_typed() -> None:
    text = "تظاهر آلاف المواطنين في وسط العاصمة احتجاجا على غلاء الأسعار."
    evs = _run(make_doc(text)).events
    assert [v.type for v in evs] == ["PROTEST"]
    assert evs[0].acled["event_type"] == "Protests"


def test_no_event_in_plain_statement() -> None:
    text = "قال الوزير إن الاقتصاد ينمو بشكل جيد هذا العام."
    assert _run(make_doc(text)).events == []


def test_status_negated_planned_ongoing() -> None:
    doc = make_doc("لم تنسحب القوات من المدينة.")
    assert _run(doc).events[0].status == "negated"
    doc = make_doc("ستنسحب القوات من المدينة الشهر المقبل.")
    assert _run(doc).events[0].status == "planned"
    doc = make_doc("تستعد البعثة لاستكمال انسحابها من البلاد.")
    assert _run(doc).events[0].status == "planned"
    doc = make_doc("نفى الجيش قصف المدنيين في القرية.")
    ev = {v.type: v for v in _run(doc).events}
    assert ev["REJECT"].status == "completed"
    assert ev["ASSAULT"].status == "negated"


def test_cumulative_toll_is_marked_background() -> None:
    text = ("أشاد الأمين العام بالموظفين البالغ عددهم 311 فردا الذين فقدوا أرواحهم، وأكثر من 700 شخص "
            "أصيبوا خلال السنوات العشر التي انتشرت فيها البعثة.")
    doc = make_doc(text, [("PER", "الأمين العام", ["الأمين العام"])])
    evs = _run(doc).events
    a = next(v for v in evs if v.type == "ASSAULT")
    assert (a.dead, a.injured) == (311, 700)
    assert a.extra["cumulative"] is True and a.extra["main"] is False
    s = next(v for v in evs if v.type == "SUPPORT")
    assert s.source == [ent_id(doc, "الأمين العام")]


def test_one_happening_in_several_sentences_is_one_event() -> None:
    text = ("أعلنت البعثة انسحابها من البلاد. وجاء الانسحاب بعد طلب الحكومة. "
            "وأكملت البعثة انسحابها بحلول نهاية العام.")
    doc = make_doc(text, [("ORG", "البعثة", ["البعثة"])])
    ret = [v for v in _run(doc).events if v.type == "RETREAT"]
    assert len(ret) == 1
    assert len(ret[0].extra["mentions"]) == 2


def test_distinct_killings_by_distinct_actors_stay_apart() -> None:
    text = "قتلت القوات الحكومية 143 شخصا. وقتل تنظيم داعش 4 مدنيين."
    doc = make_doc(text, [("ORG", "القوات الحكومية", ["القوات الحكومية"]), ("ORG", "تنظيم داعش", ["تنظيم داعش"])])
    evs = [v for v in _run(doc).events if v.type == "ASSAULT"]
    assert [v.dead for v in evs] == [143, 4]
    assert evs[1].source == [ent_id(doc, "تنظيم داعش")]


def test_mode_and_context() -> None:
    text = "فجر انتحاري نفسه في مسجد بالكويت، وتبنى تنظيم داعش الهجوم الإرهابي."
    v = next(v for v in _run(make_doc(text)).events if v.type == "ASSAULT")
    assert v.mode == "suicide"
    assert "terrorism" in v.context


def test_place_prefers_specific_level() -> None:
    geo = {"مالي": Geo(level="country", country="ML"), "تمبكتو": Geo(level="city", country="ML")}
    text = "هاجم مسلحون قاعدة في تمبكتو في مالي."
    doc = make_doc(text, [("LOC", "تمبكتو", ["تمبكتو"]), ("LOC", "مالي", ["مالي"])], geo=geo)
    v = _run(doc).events[0]
    assert v.place == ent_id(doc, "تمبكتو")


def test_published_time_fallback_option() -> None:
    doc = make_doc("اعتقلت الشرطة عشرات المحتجين.", published="2015-07-21")
    v = next(v for v in _run(doc, published_time=True).events if v.type == "COERCE")
    assert v.time == {"value": "2015-07-21", "precision": "day"}
    doc = make_doc("اعتقلت الشرطة عشرات المحتجين.", published="2015-07-21")
    assert next(v for v in _run(doc).events if v.type == "COERCE").time is None


def test_two_attacks_in_one_sentence_keep_their_own_tolls() -> None:
    text = "وقتل تنظيم داعش 4 مدنيين، بينهم طفل وسيدتان، أما تنظيم جبهة النصرة فقد قتل طفلين."
    doc = make_doc(text, [("ORG", "تنظيم داعش", ["تنظيم داعش"]), ("ORG", "جبهة النصرة", ["جبهة النصرة"])])
    evs = [v for v in _run(doc).events if v.type == "ASSAULT"]
    assert [(v.source, v.dead) for v in evs] == [([ent_id(doc, "تنظيم داعش")], 4),
                                                 ([ent_id(doc, "جبهة النصرة")], 2)]


def test_agent_after_weapon_noun() -> None:
    text = "أصيب متظاهران برصاص الشرطة في العاصمة."
    doc = make_doc(text, [("ORG", "الشرطة", ["الشرطة"])])
    v = next(v for v in _run(doc).events if v.type == "ASSAULT")
    assert v.source == [ent_id(doc, "الشرطة")] and v.injured == 2


def test_topic_and_demand_content_are_not_events() -> None:
    text = "وشارك الوزراء في المناقشات حول تقديم المساعدات، وتظاهر المعلمون للمطالبة بإطلاق سراح زملائهم."
    types = {v.type for v in _run(make_doc(text)).events}
    assert "AID" not in types and "CONCEDE" not in types
    assert {"CONSULT", "PROTEST", "REQUEST"} <= types


def test_phrase_object_is_not_a_second_event() -> None:
    text = "صوت مجلس الأمن على قرار يمهد الطريق أمام رفع العقوبات عن إيران."
    types = [v.type for v in _run(make_doc(text)).events]
    assert "CONCEDE" in types and "SANCTION" not in types


def test_trailing_link_headline_is_ignored() -> None:
    text = "اعتقلت الشرطة عشرة أشخاص في المدينة.\nرابط الخبر بصحيفة الوئام: اعتقال عشرة أشخاص وتظاهرة في المدينة"
    evs = _run(make_doc(text)).events
    assert [v.type for v in evs] == ["COERCE"]


def test_adverbial_masdar_is_not_an_event() -> None:
    text = "ويقف الجميع تعاطفا وتضامنا مع أسر الضحايا."
    assert _run(make_doc(text)).events == []


def test_visit_place_is_not_target() -> None:
    text = "زار المبعوث الأممي يان كوبيتش طهران حيث التقى وزير الخارجية محمد جواد ظريف."
    doc = make_doc(text, [("PER", "يان كوبيتش", ["يان كوبيتش"]), ("LOC", "طهران", ["طهران"]),
                          ("PER", "محمد جواد ظريف", ["محمد جواد ظريف"])])
    v = next(v for v in _run(doc).events if v.type == "CONSULT")
    assert v.source == [ent_id(doc, "يان كوبيتش")]
    assert ent_id(doc, "طهران") not in v.target
    assert v.place == ent_id(doc, "طهران")


def test_acled_interaction_from_actor_kinds() -> None:
    text = "هاجم تنظيم داعش الجيش العراقي في الموصل."
    doc = make_doc(text, [("ORG", "تنظيم داعش", ["تنظيم داعش"]), ("ORG", "الجيش العراقي", ["الجيش العراقي"]),
                          ("LOC", "الموصل", ["الموصل"])])
    v = _run(doc).events[0]
    assert v.acled == {"event_type": "Battles", "sub_event_type": "Armed clash", "interaction": 12}


def test_title_with_institution_then_name_is_the_person() -> None:
    text = "ونفى رئيس البرلمان الإيراني علي لاريجاني الاتهامات الأمريكية."
    doc = make_doc(text, [("ORG", "البرلمان الإيراني", ["البرلمان الإيراني"]), ("PER", "علي لاريجاني", ["علي لاريجاني"])])
    v = next(v for v in _run(doc).events if v.type == "REJECT")
    assert v.source == [ent_id(doc, "علي لاريجاني")] and v.target == []


@pytest.mark.parametrize("text", [
    "أعلنت وزارة الخارجية برنامج الموسم الثقافي.",      # وزارة ≠ و + زار + ه
    "تقوم الطائرة برحلة بين أمستردام وكوالالمبور.",        # رحلة ≠ رحّل + ه
    "وهذا المشروع ذو فائدة كبيرة للطلاب.",                 # فائدة ≠ ف + أيّد + ه
    "تخرج طالب في كلية الطب بتفوق.",                      # طالب the student
    "ارتفع صوت المؤذن في الحي.",                          # صوت the voice
])
def test_common_nouns_are_not_verb_triggers(text: str) -> None:
    assert _run(make_doc(text)).events == []


def test_ambiguous_verb_after_conjunction_or_with_shadda() -> None:
    assert [v.type for v in _run(make_doc("وطالب الوزير بوقف القتال فورا.")).events][:1] == ["REQUEST"]
    assert "AGREE" in {v.type for v in _run(make_doc("صوّت المجلس على القرار بالإجماع.")).events}
