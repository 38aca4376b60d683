"""Institution names NER misses ("HEAD + known words") and their later definite heads."""

from __future__ import annotations

from rasd.kb.institutions import definite_heads, institution_spans
from rasd.kb.link import doc_words, word_norms

from tests.kb._helpers import entity_with, run


def _spans(text: str) -> list[str]:
    words = doc_words(text)
    return [text[s:e] for s, e, _i in institution_spans(text, words, word_norms(words))]


def test_full_titles_are_found_offset_true():
    assert _spans("وقالت الهيئة العامة للشباب والرياضة إن") == ["الهيئة العامة للشباب والرياضة"]
    assert _spans("وأعلنت وزارة الأمن الوطني أمس") == ["وزارة الأمن الوطني"]
    # The leading clitic stays outside, the article inside.
    assert _spans("ونقلت الوكالة السورية للأنباء عن") == ["الوكالة السورية للأنباء"]
    assert _spans("وأكد بيان لوزارة الطاقة أن") == ["وزارة الطاقة"]


def test_descriptions_and_proper_names_are_not_names():
    # A definite head needs an "of" phrase; an indefinite one a definite complement.
    assert _spans("وقالت الهيئة العامة إن") == []
    assert _spans("وقالت الهيئة لتحقيق ذلك") == []
    assert _spans("أنشأ هيئة عامة جديدة") == []
    # A name going on with an unknown word is not cut short.
    assert _spans("وقالت جامعة الملك سعود إن") == []
    assert _spans("وقالت الهيئة العامة للكتاب إن") == []
    # "و + known word" goes on: the whole name, never cut before it (orgname round 2
    # translates it: Communications and Information Technology Authority).
    assert _spans("أعلنت هيئة الاتصالات وتقنيةٍ المعلومات") == ["هيئة الاتصالات وتقنيةٍ المعلومات"]


def test_entity_and_coreference_of_the_definite_head():
    text = ("أعلنت الهيئة العامة للشباب والرياضة اليوم عن خطة جديدة. "
            "وأوضحت الهيئة أن الخطة تبدأ الشهر المقبل.")
    doc = run(text)
    e = entity_with(doc, "الهيئة العامة للشباب والرياضة")
    assert e is not None and e.type == "ORG"
    assert "institution" in e.extra["by"]
    assert e.name_en == "General Authority of Youth and Sports"
    assert entity_with(doc, "الهيئة") is e


def test_definite_head_with_two_candidates_stays_unlinked():
    text = ("أعلنت وزارة الأمن الوطني وقالت وزارة الطاقة إن الأمر خطير. "
            "وأوضحت الوزارة أن التحقيق جار.")
    doc = run(text)
    assert entity_with(doc, "وزارة الأمن الوطني") is not None
    assert entity_with(doc, "وزارة الطاقة") is not None
    assert entity_with(doc, "الوزارة") is None


def test_definite_head_followed_by_a_modifier_is_not_a_description():
    text = "أعلنت وزارة الطاقة خطة. وقالت الوزارة الأمريكية إن"
    words = doc_words(text)
    got = [text[s:e] for s, e, _h in definite_heads(text, words, word_norms(words))]
    assert got == []


def test_existing_mentions_win():
    text = "وقالت وزارة الطاقة إن"
    doc = run(text, [("ORG", "وزارة الطاقة")])
    e = entity_with(doc, "وزارة الطاقة")
    assert e is not None and "institution" not in e.extra.get("by", "")


def test_odd_input():
    for text in ("", "وزارة", "الوزارة", "وزارة ،", "!!!", "وزارة " * 2000):
        words = doc_words(text)
        institution_spans(text, words, word_norms(words))
        definite_heads(text, words, word_norms(words))


def test_head_after_an_office_noun_is_left_to_the_title():
    text = "أعلنت الهيئة العامة للشباب والرياضة خطة. وقال رئيس الهيئة إن الخطة جيدة."
    words = doc_words(text)
    assert definite_heads(text, words, word_norms(words)) == []
