"""Pattern rules: quoted outlet names, quoted speakers, surnames after military ranks."""

from __future__ import annotations

from rasd.kb.rules import quoted_mentions
from tests.kb._helpers import entity_with, run


def test_quoted_outlet_names_after_a_type_noun_are_organisations():
    text = ("ونقل موقع «صدى الجنوب» عن مصادر محلية أن القصف استمر، فيما بثت قناة «الفجر» "
            "صورا للدمار. وزعمت القناة أن عشرة قتلوا.")
    doc = run(text)
    site, chan = entity_with(doc, "صدى الجنوب"), entity_with(doc, "الفجر")
    assert site is not None and site.type == "ORG"
    assert chan is not None and chan.type == "ORG"
    # The mention is the name inside the quotation marks, not the type noun.
    assert all(m.text == "صدى الجنوب" for m in site.mentions)


def test_quoted_name_linked_through_its_type_noun():
    doc = run("وقالت صحيفة «الحياة» إن المحادثات تعثرت.")
    e = entity_with(doc, "الحياة")
    assert e is not None and e.name_en == "Al-Hayat" and e.kb["id"] == "org:alhayat"


def test_quoted_phrases_that_are_not_names_stay_out():
    # A definite head ("الوكالة «...»") quotes a phrase; a long clause is no name.
    assert quoted_mentions("حسب دستور الوكالة «موظفين دوليين ولاؤهم للوكالة»") == []
    assert quoted_mentions("وقال «إن الوضع خطير جدا في المدينة اليوم»: لا") == []
    assert quoted_mentions("بلا علامات تنصيص") == []
    doc = run("ووصف المسؤول الهجوم بأنه «عمل جبان» في بيانه.")
    assert entity_with(doc, "عمل جبان") is None


def test_quoted_speaker_before_a_colon_is_a_person():
    doc = run("وأضاف «هارتمان»: «نحن نتابع التقارير».")
    e = entity_with(doc, "هارتمان")
    assert e is not None and e.type == "PER"


def test_rank_and_surname_join_the_person_named_in_full():
    text = ("وقال اللواء منصور التركي، المتحدث الأمني، إن الخلية فككت. "
            "وأضاف اللواء التركي أن التحقيق مستمر.")
    doc = run(text, [("PER", "منصور التركي")])
    e = entity_with(doc, "منصور التركي")
    assert e is not None
    assert [m.text for m in e.mentions].count("التركي") == 1
    # Without the full name, "التركي" after a rank is the adjective "Turkish": no person.
    doc = run("وأضاف اللواء التركي أن التحقيق مستمر.")
    assert entity_with(doc, "التركي") is None


def test_rank_before_name_words_but_not_ordinals():
    doc = run("وقال العميد بسام عطية إن القوات تقدمت.")
    e = entity_with(doc, "بسام عطية")
    assert e is not None and e.type == "PER"
    doc = run("وانتشر اللواء الثامن على الحدود.")
    assert entity_with(doc, "الثامن") is None
