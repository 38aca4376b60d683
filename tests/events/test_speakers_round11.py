"""Speakers, round 11 (issue #7): institution entities from the KB stage must not take
the words of the person holding their office ("وأشار رئيس الهيئة") nor of a new subject
that links to no entity ("وقال الرجل"). All sentences are made up; the error classes were
seen on corpus articles (notes/events.md, session 5, 16:30)."""

from __future__ import annotations

from rasd.events.stage import EventStage
from tests.events.helpers import ent_id, make_doc

_ORG = "الهيئة الوطنية للرقابة"
_PER = "سامي بن علي الفهد"


def _speakers(doc):
    return [q.speaker for q in EventStage()(doc).quotes]


def test_title_subject_is_the_person_named_with_the_title_after_his_name() -> None:
    text = (f"وأكد الدكتور {_PER}، رئيس {_ORG}، أن الخطة جاهزة. وتعمل {_ORG} منذ عشر سنوات في المدن. "
            "وأشار رئيس الهيئة في اتصال هاتفي إلى أن العمل مستمر.")
    doc = make_doc(text, [("PER", _PER, [_PER]), ("ORG", _ORG, [_ORG])])
    assert _speakers(doc)[-1] == ent_id(doc, _PER)


def test_title_subject_with_a_linked_head_is_the_person() -> None:
    # The KB joined the bare "الهيئة" after the title to the institution.
    text = (f"وأكد الدكتور {_PER}، رئيس {_ORG}، أن الخطة جاهزة. وتعمل {_ORG} منذ عشر سنوات في المدن. "
            "وأشار رئيس الهيئة في اتصال هاتفي إلى أن العمل مستمر.")
    doc = make_doc(text, [("PER", _PER, [_PER]), ("ORG", _ORG, [_ORG, "الهيئة"])])
    assert _speakers(doc)[-1] == ent_id(doc, _PER)


def test_title_subject_with_no_holder_is_not_the_institution() -> None:
    text = f"بدأت {_ORG} خطة جديدة أمس في المدن. وقال رئيس الهيئة إن العمل بدأ في الموعد."
    doc = make_doc(text, [("ORG", _ORG, [_ORG])])
    assert _speakers(doc) == [None]
    doc = make_doc(text, [("ORG", _ORG, [_ORG, "الهيئة"])])
    assert _speakers(doc) == [None]


def test_the_institution_as_subject_still_speaks() -> None:
    text = f"بدأت {_ORG} خطة جديدة أمس في المدن. وأعلنت الهيئة أن العمل بدأ في الموعد."
    doc = make_doc(text, [("ORG", _ORG, [_ORG])])
    assert _speakers(doc) == [ent_id(doc, _ORG)]


def test_new_unlinked_subject_does_not_continue_an_organisation() -> None:
    text = ("قالت وزارة التجارة إن الأسعار ارتفعت في الربع الثاني. وقال الرجل إنه ينتظر دوره منذ شهر. "
            "ووصف المركزي الاقتصاد بأنه ينمو بخطى معتدلة.")
    doc = make_doc(text, [("ORG", "وزارة التجارة", ["وزارة التجارة"])])
    assert _speakers(doc) == [ent_id(doc, "وزارة التجارة"), None, None]


def test_unlinked_subject_may_refer_back_to_a_person_or_the_same_organisation() -> None:
    text = f"قال {_PER} إن الفريق جاهز للمباراة. وأكد الرجل أن الجماهير ستحضر بكثافة."
    doc = make_doc(text, [("PER", _PER, [_PER])])
    assert _speakers(doc) == [ent_id(doc, _PER)] * 2
    text = "قال المرصد الوطني للحقوق إن القصف استمر طوال الليل. وذكر المرصد أن الضحايا من المدنيين."
    doc = make_doc(text, [("ORG", "المرصد الوطني للحقوق", ["المرصد الوطني للحقوق"])])
    assert _speakers(doc) == [ent_id(doc, "المرصد الوطني للحقوق")] * 2


def test_a_plural_object_is_no_new_subject() -> None:
    text = "أعلنت جامعة النور أن التسجيل بدأ أمس. ودعت الراغبين إلى أن يقدموا الطلبات مبكرا."
    doc = make_doc(text, [("ORG", "جامعة النور", ["جامعة النور"])])
    assert _speakers(doc) == [ent_id(doc, "جامعة النور")] * 2
