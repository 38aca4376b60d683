"""Quotes: direct and indirect, multi-sentence, speakers and continuation."""

from __future__ import annotations

from rasd.events.stage import EventStage
from tests.events.helpers import ent_id, make_doc


def _quotes(doc):
    return EventStage()(doc).quotes


def test_indirect_quote_after_complementizer() -> None:
    text = "وقال وزير الخارجية أحمد علي إن المفاوضات ستستأنف الأسبوع المقبل."
    doc = make_doc(text, [("PER", "أحمد علي", ["أحمد علي"])])
    (q,) = _quotes(doc)
    assert q.kind == "indirect"
    assert q.text.startswith("المفاوضات ستستأنف")
    assert q.speaker == ent_id(doc, "أحمد علي")
    assert q.cue is not None and q.cue.text == "قال"


def test_pronoun_complementizer_is_skipped() -> None:
    text = "وقال الأمين العام إنه يعول على التعاون الكامل من الحكومة."
    doc = make_doc(text, [("PER", "الأمين العام", ["الأمين العام"])])
    (q,) = _quotes(doc)
    assert q.text.startswith("يعول على")


def test_direct_quote_title_then_name_prefers_person() -> None:
    text = "وقال رئيس بعثة الأمم المتحدة، القسام واني، إن “صناديق الأمم المتحدة كانت موجودة قبل البعثة”."
    doc = make_doc(text, [("ORG", "الأمم المتحدة", ["الأمم المتحدة"]), ("PER", "القسام واني", ["القسام واني"])])
    (q,) = _quotes(doc)
    assert q.kind == "direct"
    assert q.text.startswith("صناديق")
    assert q.speaker == ent_id(doc, "القسام واني")


def test_multi_sentence_direct_quote_and_continuation() -> None:
    text = ("وقال المتحدث سامي حداد: «نحن مستعدون. لن نتراجع عن مطالبنا أبدا».\n"
            "وأضاف «سنواصل العمل مع جميع الأطراف».")
    doc = make_doc(text, [("PER", "سامي حداد", ["سامي حداد"])])
    qs = _quotes(doc)
    assert len(qs) == 2
    assert qs[0].text == "نحن مستعدون. لن نتراجع عن مطالبنا أبدا"
    assert all(q.speaker == ent_id(doc, "سامي حداد") for q in qs)


def test_generic_subject_continues_previous_speaker() -> None:
    text = ("وأشاد الرئيس كمال صالح بجهود الوسطاء.\n"
            "وأضاف البيان: “نقف مع أسر الضحايا في هذه الظروف الصعبة”.")
    doc = make_doc(text, [("PER", "كمال صالح", ["كمال صالح"])])
    (q,) = _quotes(doc)
    assert q.speaker == ent_id(doc, "كمال صالح")


def test_unnamed_source_has_no_speaker() -> None:
    text = "وقال مصدر أمني مصري إن الحملات انطلقت أمس إلى مناطق جنوب العريش."
    doc = make_doc(text, [("LOC", "مصر", ["مصري"]), ("LOC", "العريش", ["العريش"])])
    (q,) = _quotes(doc)
    assert q.speaker is None


def test_attribution_at_sentence_end_and_start() -> None:
    text = ("اعتقل أكثر من 200 مدرس في العاصمة، حسب ما أعلنت المعارضة.\n"
            "وحسب المجلس الوطني، فإن المظاهرة ضمت حوالي ألفي مدرس.")
    doc = make_doc(text, [("ORG", "المعارضة", ["المعارضة"]), ("ORG", "المجلس الوطني", ["المجلس الوطني"])])
    qs = _quotes(doc)
    assert [q.text.split()[0] for q in qs] == ["اعتقل", "المظاهرة"]
    assert [q.speaker for q in qs] == [ent_id(doc, "المعارضة"), ent_id(doc, "المجلس الوطني")]


def test_scare_quotes_are_not_quotes() -> None:
    text = "وبثت قناة «الخبر» تقريرا عن الحادث، وحمل الطلاب لافتات «السلام» في الساحة."
    assert _quotes(make_doc(text)) == []


def test_prepositional_cue() -> None:
    text = "وشدد الوزير على ضرورة وقف إطلاق النار فورا."
    (q,) = _quotes(make_doc(text))
    assert q.text.startswith("ضرورة وقف")


def test_preposition_before_complementizer_wins() -> None:
    text = "وكان مصدر أمني أشار إلى احتمال أن يكون الهجوم انتقاميا."
    (q,) = _quotes(make_doc(text))
    assert q.text.startswith("احتمال أن يكون")
    assert q.speaker is None


def test_direct_quote_attributed_at_sentence_end() -> None:
    text = "دارت معارك بعد أن «هاجمت مجموعة مسلحة مواقع للجيش» في الشمال، بحسب ما قال ضابط في الجيش."
    qs = _quotes(make_doc(text))
    assert any(q.kind == "direct" and q.text.startswith("هاجمت مجموعة") for q in qs)


def test_announced_event_as_object() -> None:
    text = "وأعلنت وزارة الداخلية، أمس، القبض على 431 عنصرا من التنظيم."
    doc = make_doc(text, [("ORG", "وزارة الداخلية", ["وزارة الداخلية"])])
    (q,) = _quotes(doc)
    assert q.text.startswith("القبض على 431") and q.speaker == ent_id(doc, "وزارة الداخلية")


def test_transport_verb_is_not_a_speech_cue() -> None:
    text = "وأصيب مدنيان تم نقلهما إلى المستشفى، بحسب شهود."
    (q,) = _quotes(make_doc(text))
    assert q.text.startswith("وأصيب مدنيان") and q.speaker is None
