"""Third-round argument, time and quote rules, on hand-made sentences (none from gold-dev)."""

from __future__ import annotations

from rasd.doc import Geo
from rasd.events.detect import find_hits
from rasd.events.lexicon import load_lexicon
from rasd.events.stage import EventStage
from tests.events.helpers import ent_id, make_doc


def _run(doc, **opts):
    opts.setdefault("classifier", False)
    return EventStage(**opts)(doc)


def _ev(doc, typ, **opts):
    return next(v for v in _run(doc, **opts).events if v.type == typ)


# -- place ---------------------------------------------------------------------------------

_GEO = {
    "الحمراء": Geo(country="XY", admin1="Wadi", level="city"),
    "الصفاء": Geo(country="XY", admin1="Wadi", level="city"),
    "النور": Geo(country="XY", admin1="Sahil", level="city"),
    "محافظة الوادي": Geo(country="XY", admin1="Wadi", level="admin1"),
    "بلاد الرافدين": Geo(country="XY", level="country"),
}


def test_two_towns_of_one_province_give_the_province() -> None:
    text = ("تقع محافظة الوادي في بلاد الرافدين. "
            "وداهمت القوات منازل في بلدتي الحمراء والصفاء واعتقلت 9 أشخاص.")
    ents = [("LOC", n, [n]) for n in ("محافظة الوادي", "بلاد الرافدين", "الحمراء", "الصفاء")]
    doc = make_doc(text, ents, geo=_GEO)
    assert _ev(doc, "COERCE").place == ent_id(doc, "محافظة الوادي")


def test_towns_of_two_provinces_give_the_country() -> None:
    text = ("تقع محافظة الوادي في بلاد الرافدين. "
            "وداهمت القوات منازل في بلدتي الحمراء والنور واعتقلت 9 أشخاص.")
    ents = [("LOC", n, [n]) for n in ("محافظة الوادي", "بلاد الرافدين", "الحمراء", "النور")]
    doc = make_doc(text, ents, geo=_GEO)
    assert _ev(doc, "COERCE").place == ent_id(doc, "بلاد الرافدين")
    # The whole و-chain counts: two towns of one province and a third of another.
    text3 = ("تقع محافظة الوادي في بلاد الرافدين. "
             "وداهمت القوات منازل في مدن الحمراء والصفاء والنور واعتقلت 9 أشخاص.")
    ents3 = [("LOC", n, [n]) for n in ("محافظة الوادي", "بلاد الرافدين", "الحمراء", "الصفاء", "النور")]
    doc3 = make_doc(text3, ents3, geo=_GEO)
    assert _ev(doc3, "COERCE").place == ent_id(doc3, "بلاد الرافدين")


def test_visit_object_after_a_long_subject_is_the_place() -> None:
    text = ("وصل الوفد العسكري إلى اليمن. "
            "وسيزور وزير الدفاع خالد منصور، الذي عين في منصبه الأحد، تعز غدا لتفقد الجنود.")
    doc = make_doc(text, [("LOC", "اليمن", ["اليمن"]), ("PER", "خالد منصور", ["خالد منصور"]),
                          ("LOC", "تعز", ["تعز"])])
    v = next(v for v in _run(doc).events if v.type == "CONSULT")
    assert v.place == ent_id(doc, "تعز")
    # Governed by a preposition, the name is no visit object ("لدى تعز" is not visited).
    text2 = "وسيزور وزير الدفاع خالد منصور، الذي عين في منصبه الأحد، المعسكر ويلقي كلمة عن تعز."
    doc2 = make_doc(text2, [("PER", "خالد منصور", ["خالد منصور"]), ("LOC", "تعز", ["تعز"])])
    assert next(v for v in _run(doc2).events if v.type == "CONSULT").place != ent_id(doc2, "تعز")


def test_several_unnamed_regions_give_the_country_of_the_setting() -> None:
    geo = {"الحمراء": Geo(country="XY", admin1="Wadi", level="city"),
           "بلاد الرافدين": Geo(country="XY", level="country")}
    ents = [("LOC", "الحمراء", ["الحمراء"]), ("LOC", "بلاد الرافدين", ["بلاد الرافدين"])]
    text = ("اعتقلت الشرطة خمسة أشخاص في مدينة الحمراء في بلاد الرافدين. "
            "وكثف الجيش غاراته على مواقع المتمردين في عدة محافظات.")
    doc = make_doc(text, ents, geo=geo)
    v = next(v for v in _run(doc).events if v.type == "ASSAULT")
    assert v.place == ent_id(doc, "بلاد الرافدين")
    # Without the plural scope the setting (the city) carries over.
    doc2 = make_doc(text.replace(" في عدة محافظات", ""), ents, geo=geo)
    v2 = next(v for v in _run(doc2).events if v.type == "ASSAULT")
    assert v2.place == ent_id(doc2, "الحمراء")


# -- time ----------------------------------------------------------------------------------

def test_time_only_in_a_relative_clause_is_not_the_events() -> None:
    text = "وصل الوزراء أمس إلى العاصمة. واجتمع ممثلو الأحزاب لاستئناف المحادثات التي بدأت يوم الثلاثاء."
    times = [("أمس", "2023-12-31", "day"), ("يوم الثلاثاء", "2023-12-26", "day")]
    doc = make_doc(text, times=times)
    v = next(v for v in _run(doc).events if v.type == "CONSULT" and v.sentence == 1)
    assert v.time is None  # not the relative clause's, nor guessed from the news time
    doc2 = make_doc("واجتمع ممثلو الأحزاب يوم الثلاثاء لاستئناف المحادثات.",
                    times=[("يوم الثلاثاء", "2023-12-26", "day")])
    assert _ev(doc2, "CONSULT").time == {"value": "2023-12-26", "precision": "day"}


def test_time_of_a_later_report_clause_is_not_the_events() -> None:
    text = "دعا الوزير سامي نور الطرفين إلى الحوار، وأكد المبعوث كريم سالم صباح أمس أن الحل سياسي."
    doc = make_doc(text, [("PER", "سامي نور", ["سامي نور"]), ("PER", "كريم سالم", ["كريم سالم"])],
                   times=[("صباح أمس", "2023-12-31", "day")])
    assert _ev(doc, "REQUEST").time is None
    doc2 = make_doc("دعا الوزير سامي نور صباح أمس الطرفين إلى الحوار.",
                    [("PER", "سامي نور", ["سامي نور"])], times=[("صباح أمس", "2023-12-31", "day")])
    assert _ev(doc2, "REQUEST").time == {"value": "2023-12-31", "precision": "day"}


def test_prospective_noun_has_no_time_and_is_planned() -> None:
    text = "صادق البرلمان أمس على الاتفاق، ما يمهد الطريق أمام رفع العقوبات عن البلاد."
    doc = make_doc(text, times=[("أمس", "2023-12-31", "day")])
    v = _ev(doc, "CONCEDE")
    assert v.time is None and v.status == "planned"
    doc2 = make_doc("أعلنت الحكومة أمس رفع العقوبات عن البلاد.", times=[("أمس", "2023-12-31", "day")])
    v2 = _ev(doc2, "CONCEDE")
    assert v2.time == {"value": "2023-12-31", "precision": "day"} and v2.status != "planned"


# -- triggers and tolls ----------------------------------------------------------------------

def test_word_after_a_detached_preposition_is_a_noun() -> None:
    doc = make_doc("نفت الحركة الاتهامات الموجهة لها بقتل 12 مدنيا.")
    hits = [h for h in find_hits(doc, load_lexicon(False)) if h.type == "ASSAULT"]
    assert hits and all(h.form.pos == "noun" for h in hits)
    # Without the preposition the perfect verb reading stays.
    doc2 = make_doc("قتل المسلحون 12 مدنيا.")
    hits2 = [h for h in find_hits(doc2, load_lexicon(False)) if h.type == "ASSAULT"]
    assert hits2[0].form.pos == "verb"


def test_verbal_noun_object_gives_the_toll() -> None:
    doc = make_doc("نفت الحركة الاتهامات الموجهة لها بقتل 12 مدنيا.")
    assert _ev(doc, "ASSAULT").dead == 12


def test_counted_noun_takes_no_object_count() -> None:
    # "قتيل" is counted by the number before it; what follows is another count.
    doc = make_doc("وأسفر النزاع عن أكثر من 15 ألف قتيل و1,5 مليون نازح.")
    assert _ev(doc, "ASSAULT").dead == 15000


def test_who_caused_the_killing_is_the_source() -> None:
    text = "وتسببت الميليشيا بقتل 3 مدنيين في البلدة."
    doc = make_doc(text, [("ORG", "الميليشيا", ["الميليشيا"])])
    v = _ev(doc, "ASSAULT")
    assert v.source == [ent_id(doc, "الميليشيا")] and v.dead == 3


# -- quotes ----------------------------------------------------------------------------------

def test_name_in_quotation_marks_is_the_speaker_not_a_quote() -> None:
    text = "وقال المتحدث إن الوضع هادئ. وأضاف «كريم»: «سنواصل العمل حتى النهاية مهما كلف الأمر»."
    doc = make_doc(text, [("PER", "كريم", ["كريم"])])
    qs = EventStage()(doc).quotes
    assert not any(q.text == "كريم" for q in qs)
    q = next(q for q in qs if q.text.startswith("سنواصل"))
    assert q.speaker == ent_id(doc, "كريم")


def test_bare_title_is_the_person_named_with_it_later() -> None:
    text = ("وقال قائد شرطة المدينة إن الهدوء عاد إلى الشوارع بعد الاشتباكات. "
            "وأكد مدير الشرطة سالم العلي أن التحقيق مستمر في الحادث.")
    doc = make_doc(text, [("PER", "سالم العلي", ["سالم العلي"])])
    q = next(q for q in EventStage()(doc).quotes if q.text.startswith("الهدوء"))
    assert q.speaker == ent_id(doc, "سالم العلي")


def test_bare_title_is_the_person_named_with_it_earlier() -> None:
    text = ("قال وزير الخارجية أحمد سمير إن المفاوضات مستمرة مع الجانبين. "
            "وقال المتحدث العسكري خالد يوسف إن القوات جاهزة لكل الاحتمالات. "
            "وأضاف وزير الخارجية أن الحل السياسي قريب جدا.")
    doc = make_doc(text, [("PER", "أحمد سمير", ["أحمد سمير"]), ("PER", "خالد يوسف", ["خالد يوسف"])])
    q = next(q for q in EventStage()(doc).quotes if q.text.startswith("الحل"))
    assert q.speaker == ent_id(doc, "أحمد سمير")
    # A generic "المتحدث" with no complement still continues the previous speaker.
    text2 = text.replace("وأضاف وزير الخارجية", "وأضاف المتحدث")
    doc2 = make_doc(text2, [("PER", "أحمد سمير", ["أحمد سمير"]), ("PER", "خالد يوسف", ["خالد يوسف"])])
    q2 = next(q for q in EventStage()(doc2).quotes if q.text.startswith("الحل"))
    assert q2.speaker == ent_id(doc2, "خالد يوسف")


def test_name_after_a_preposition_is_not_the_speaker() -> None:
    text = "وأدان نائب في البرلمان الحادثة ووصفها بأنها «عمل إجرامي لا يغتفر»."
    doc = make_doc(text, [("ORG", "البرلمان", ["البرلمان"])])
    (q,) = EventStage()(doc).quotes
    assert q.speaker != ent_id(doc, "البرلمان")
    doc2 = make_doc("وأدانت الحكومة الحادثة ووصفتها بأنها «عمل إجرامي لا يغتفر».",
                    [("ORG", "الحكومة", ["الحكومة"])])
    (q2,) = EventStage()(doc2).quotes
    assert q2.speaker == ent_id(doc2, "الحكومة")


def test_report_time_after_a_happening_stays_its_time() -> None:
    text = "قتل خمسة جنود في هجوم على معسكر للجيش، وقالت الشرطة صباح أمس إن التحقيق بدأ."
    doc = make_doc(text, times=[("صباح أمس", "2023-12-31", "day")])
    assert _ev(doc, "ASSAULT").time == {"value": "2023-12-31", "precision": "day"}


def test_relative_clause_dating_the_happening_keeps_its_time() -> None:
    text = "قتل خمسة جنود في الهجوم الذي وقع صباح أمس على معسكر للجيش."
    doc = make_doc(text, times=[("صباح أمس", "2023-12-31", "day")], published="2024-02-01")
    assert _ev(doc, "ASSAULT").time == {"value": "2023-12-31", "precision": "day"}


def test_preposition_tagged_as_a_name_is_no_actor() -> None:
    # An NER/linking slip: "على" (the preposition) taken for the name علي.
    text = "زار الرئيس زين العابدين بن علي المدينة. وحث التنظيم أنصاره على تكثيف الهجمات."
    doc = make_doc(text, [("PER", "زين العابدين بن علي", ["زين العابدين بن علي", "على"]),
                          ("ORG", "التنظيم", ["التنظيم"])])
    v = next(v for v in _run(doc).events if v.sentence == 1)
    ben_ali = ent_id(doc, "زين العابدين بن علي")
    assert ben_ali not in v.source and ben_ali not in v.target


def test_dated_dateline_dates_the_statements() -> None:
    text = "الرياض 3 رجب 1445 هـ الموافق 15 يناير 2024 م واس\nوأشاد الوزير سامي نور بالاتفاق الجديد بين البلدين."
    ents = [("LOC", "الرياض", ["الرياض"]), ("PER", "سامي نور", ["سامي نور"])]
    times = [("15 يناير 2024 م", "2024-01-15", "day")]
    doc = make_doc(text, ents, times=times, published="2024-01-15")
    v = _ev(doc, "SUPPORT")
    assert v.time == {"value": "2024-01-15", "precision": "day"} and v.extra["time_from"] == "dateline"
    # A first line that is no dateline (no place first, no agency) dates nothing.
    text2 = text.replace("الرياض 3 رجب 1445 هـ الموافق", "تقرير خاص عن").replace(" م واس", " م")
    doc2 = make_doc(text2, ents[1:], times=times, published="2024-01-15")
    assert _ev(doc2, "SUPPORT").time is None


def test_subject_before_a_relative_clause() -> None:
    text = "وقال شهود إن قوات الشرطة التي انتشرت بأعداد كبيرة فرقت المتظاهرين بالقوة."
    doc = make_doc(text, [("ORG", "قوات الشرطة", ["قوات الشرطة"])])
    v = _ev(doc, "COERCE")
    assert v.source == [ent_id(doc, "قوات الشرطة")]
    # A comma closes the clause: no guess across it.
    text2 = "وقال شهود إن قوات الشرطة التي انتشرت بأعداد كبيرة، فرقت المتظاهرين بالقوة."
    doc2 = make_doc(text2, [("ORG", "قوات الشرطة", ["قوات الشرطة"])])
    assert _ev(doc2, "COERCE").source == []


def test_doer_of_the_praised_efforts_is_the_target() -> None:
    text = "وأعرب الوزير سامي نور عن تقديره للدور الكبير الذي لعبته المنظمة الدولية للهجرة في المخيمات."
    ents = [("PER", "سامي نور", ["سامي نور"]), ("ORG", "المنظمة الدولية للهجرة", ["المنظمة الدولية للهجرة"])]
    doc = make_doc(text, ents)
    v = _ev(doc, "SUPPORT")
    assert v.source == [ent_id(doc, "سامي نور")] and v.target == [ent_id(doc, "المنظمة الدولية للهجرة")]
    text2 = "وأعرب الوزير سامي نور عن تقديره للدور الكبير في المخيمات، وقالت المنظمة الدولية للهجرة إن الوضع صعب."
    doc2 = make_doc(text2, ents)
    assert _ev(doc2, "SUPPORT").target == []
