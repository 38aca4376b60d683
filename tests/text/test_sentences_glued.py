"""A sentence-final mark glued to the next sentence's first word is a boundary; decimals,
acronyms with dots, web addresses and abbreviations are not."""

import pytest

from rasd.text.sentences import split_sentences


def sents(text):
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("text,expected", [
    ("وصل الوفد إلى المدينة.وقال المتحدث إن الزيارة ناجحة.",
     ["وصل الوفد إلى المدينة.", "وقال المتحدث إن الزيارة ناجحة."]),
    ("انتهى الاجتماع».وأضاف البيان", ["انتهى الاجتماع».", "وأضاف البيان"]),
    ("افتتح المعرض عام 2015.وقال المدير", ["افتتح المعرض عام 2015.", "وقال المدير"]),
    ("هل انتهت الأزمة؟قال الوزير لا", ["هل انتهت الأزمة؟", "قال الوزير لا"]),
    ("رفضت الحكومة!وتابع", ["رفضت الحكومة!", "وتابع"]),
])
def test_glued_boundary(text, expected):
    assert sents(text) == expected


@pytest.mark.parametrize("text", [
    "نما الاقتصاد 3.5 في المئة هذا العام",
    "زوروا www.spa.gov.sa لمزيد من الأخبار",
    "هاجم مسلحو بي.كيه.كيه مواقع للجيش",
    "قالت شبكة سي.إن.إن إن الوفد وصل",
    "افتح موقع سوق.كوم الآن",
    "قال د.محمد إن المشروع بدأ",
    "ذكرت وكالة (د.ب.أ)أن الوفد وصل",
    "البند 1.وينص على",
    "ظهر بي.بي في الصورة",
])
def test_not_a_boundary(text):
    assert len(sents(text)) == 1, sents(text)


def test_glued_double_dot_is_a_pause():
    assert len(sents("قرار مهم..لكن الحكومة ترددت")) == 1


def test_spans_are_offset_true():
    text = "جملة أولى.جملة ثانية؟ثالثة"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["جملة أولى.", "جملة ثانية؟", "ثالثة"]
