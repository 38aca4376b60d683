"""Quotes, round 7: rules from an audit of unseen news (hand-made sentences only)."""

from __future__ import annotations

from rasd.events.stage import EventStage
from tests.events.helpers import ent_id, make_doc


def _quotes(doc):
    return EventStage()(doc).quotes


def test_passive_yudhkar_is_background_not_a_quote() -> None:
    text = "وقال المدير سامي حداد إن العمل مستمر. يذكر أن المشروع بدأ قبل عامين في المدينة."
    doc = make_doc(text, [("PER", "سامي حداد", ["سامي حداد"])])
    qs = _quotes(doc)
    assert [q.text for q in qs] == ["العمل مستمر"]


def test_begin_verb_and_conjunction_an_are_not_speech() -> None:
    text = "تبدأ الدراسة يوم الأحد على أن تنتهي في الصيف. وغادر الفريق بعد أن أنهى تدريباته في المدينة."
    assert _quotes(make_doc(text)) == []


def test_cue_word_inside_a_name_is_not_a_cue() -> None:
    text = "حضر الحفل عبدالعزيز بن طالب وعدد من المسؤولين بالإضافة إلى الطلاب والموظفين."
    doc = make_doc(text, [("PER", "عبدالعزيز بن طالب", ["عبدالعزيز بن طالب"])])
    assert _quotes(doc) == []


def test_addressee_in_quotation_marks_is_not_the_speaker() -> None:
    text = "وكشفت مصادر مطلعة لـ«النهار» أن الوزير سيزور العاصمة الأسبوع المقبل."
    doc = make_doc(text, [("ORG", "النهار", ["النهار"])])
    (q,) = _quotes(doc)
    assert q.text.startswith("الوزير سيزور")
    assert q.speaker is None


def test_relative_named_after_kinship_word_is_not_the_speaker() -> None:
    text = "وأكد المواطن سالم العلي والد الجندي المصاب ناصر العلي أن حالة ابنه مستقرة."
    doc = make_doc(text, [("PER", "سالم العلي", ["سالم العلي"]), ("PER", "ناصر العلي", ["ناصر العلي"])])
    (q,) = _quotes(doc)
    assert q.speaker == ent_id(doc, "سالم العلي")
    text2 = "وقال والد الجندي ناصر العلي إن ابنه كان يحب وطنه كثيرا."
    doc2 = make_doc(text2, [("PER", "ناصر العلي", ["ناصر العلي"])])
    (q2,) = _quotes(doc2)
    assert q2.speaker is None


def test_god_addressed_in_a_prayer_is_not_the_speaker() -> None:
    text = "وقال المحافظ خالد سعيد إن الحادث مؤلم، داعيا الله أن يحفظ البلاد من كل شر."
    doc = make_doc(text, [("PER", "خالد سعيد", ["خالد سعيد"]), ("MISC", "الله", ["الله"])])
    qs = _quotes(doc)
    assert len(qs) == 2
    assert all(q.speaker == ent_id(doc, "خالد سعيد") for q in qs)


def test_type_noun_subject_points_back_to_its_organisation() -> None:
    text = ("أكدت شركة الكهرباء الوطنية إصلاح العطل.\n"
            "وأوضحت الشركة، في بيان ردا على ما نشرته «الصباح»، أن العاصفة أخرت الإصلاح ساعات.")
    doc = make_doc(text, [("ORG", "شركة الكهرباء الوطنية", ["شركة الكهرباء الوطنية"]),
                          ("ORG", "الصباح", ["الصباح"])])
    q = next(q for q in _quotes(doc) if q.text.startswith("العاصفة"))
    assert q.speaker == ent_id(doc, "شركة الكهرباء الوطنية")


def test_unmarked_direct_speech_after_a_colon() -> None:
    text = "وقال الطبيب سامر يوسف: لقد استقبلنا عشرين مصابا خلال الليل."
    doc = make_doc(text, [("PER", "سامر يوسف", ["سامر يوسف"])])
    (q,) = _quotes(doc)
    assert q.kind == "direct"
    assert q.text.startswith("لقد استقبلنا")
    assert q.speaker == ent_id(doc, "سامر يوسف")


def test_colon_then_complementizer_stays_indirect() -> None:
    text = "وقال الطبيب سامر يوسف: إن المستشفى استقبل عشرين مصابا."
    doc = make_doc(text, [("PER", "سامر يوسف", ["سامر يوسف"])])
    (q,) = _quotes(doc)
    assert q.kind == "indirect"
    assert q.text.startswith("المستشفى")


def test_bare_cue_then_colon_continues_previous_speaker() -> None:
    text = "وقال الطبيب سامر يوسف إن الوضع صعب. وأضاف: نحتاج إلى مزيد من الأدوية فورا."
    doc = make_doc(text, [("PER", "سامر يوسف", ["سامر يوسف"])])
    qs = _quotes(doc)
    assert [q.kind for q in qs] == ["indirect", "direct"]
    assert qs[1].text.startswith("نحتاج")
    assert qs[1].speaker == ent_id(doc, "سامر يوسف")


def test_embedded_imperfect_cue_does_not_split_the_quote() -> None:
    text = "وقال المواطن علي حسن إن استهداف المساجد يشير إلى أن المنفذين فقدوا عقولهم."
    doc = make_doc(text, [("PER", "علي حسن", ["علي حسن"])])
    (q,) = _quotes(doc)
    assert q.text.startswith("استهداف المساجد")
    assert q.text.endswith("فقدوا عقولهم")


def test_bayyana_with_complementizer_is_a_cue_between_is_not() -> None:
    text = "وبين المدير سامي حداد أن الكمية كانت مخبأة في شاحنة. ودار حوار بين الطرفين حول الأسعار."
    doc = make_doc(text, [("PER", "سامي حداد", ["سامي حداد"])])
    (q,) = _quotes(doc)
    assert q.text.startswith("الكمية")
    assert q.speaker == ent_id(doc, "سامي حداد")


def test_clitic_of_final_attribution_is_outside_the_quote() -> None:
    text = "وتسبب الحريق في إجلاء ألف شخص من منازلهم، بحسب الدفاع المدني."
    doc = make_doc(text, [("ORG", "الدفاع المدني", ["الدفاع المدني"])])
    (q,) = _quotes(doc)
    assert q.text.endswith("من منازلهم")


def test_complementizer_spelling_inside_a_name_is_skipped() -> None:
    text = "وأشار المدرب لويس فان غال إلى أن الحارس لن يلعب المباراة المقبلة."
    doc = make_doc(text, [("PER", "لويس فان غال", ["لويس فان غال"])])
    (q,) = _quotes(doc)
    assert q.text.startswith("الحارس")
    assert q.speaker == ent_id(doc, "لويس فان غال")


def test_preposition_after_another_cue_is_not_taken() -> None:
    text = "وأكد الرئيس سامي حداد قبوله الدعوة، مضيفا أنه يتذكر الاستقبال الذي أقيم على شرفه."
    doc = make_doc(text, [("PER", "سامي حداد", ["سامي حداد"])])
    (q,) = _quotes(doc)
    assert q.text.startswith("يتذكر")


def test_participle_with_no_actor_in_its_sentence_continues() -> None:
    text = ("التقى رئيس الهيئة خالد سعيد وفد الجامعة في الرياض أمس.\n"
            "وأدان العمل الإرهابي الجبان، مؤكدا أن الوطن سيبقى موحدا.")
    doc = make_doc(text, [("PER", "خالد سعيد", ["خالد سعيد"])])
    (q,) = _quotes(doc)
    assert q.speaker == ent_id(doc, "خالد سعيد")


def test_definite_sources_are_unnamed() -> None:
    text = "وقال المحافظ خالد سعيد إن الهدوء عاد. كما أكدت المصادر أن المواجهات مستمرة في الضواحي."
    doc = make_doc(text, [("PER", "خالد سعيد", ["خالد سعيد"])])
    q = next(q for q in _quotes(doc) if q.text.startswith("المواجهات"))
    assert q.speaker is None
