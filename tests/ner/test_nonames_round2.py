"""Round 2 of the no-name post-filter: a speech verb / verbal noun glued onto the front of a
person mention is cut off; a Levantine month beside a Gregorian one and a word written with
the accusative tanween are no names. Hand-made strings only."""

from __future__ import annotations

from rasd.ner.model import load_model
from rasd.ner.nonames import NoNameFilter


def _filter() -> NoNameFilter:
    return NoNameFilter(frozenset(load_model().featurizer.res.gaz_words))


def test_leading_speech_verb_or_verbal_noun_is_trimmed_off_a_person():
    f = _filter()
    for lead in ("وأضاف", "قال", "فأكد", "قول", "تصريحات", "حديث", "دور", "وطمأن"):
        tags = ["B-PERS", "I-PERS", "I-PERS", "O"]
        assert f.apply([lead, "خالد", "الفيصل", "إن"], tags), lead
        assert tags == ["O", "B-PERS", "I-PERS", "O"], lead
    # the trimmed rest is checked as a mention in turn: "قول الله" is no person at all
    tags = ["B-PERS", "I-PERS"]
    assert f.apply(["قول", "الله"], tags) and tags == ["O", "O"]


def test_names_and_other_types_are_not_trimmed():
    f = _filter()
    for words in (["عبد", "الله", "صالح"], ["أبو", "بكر"], ["وليد", "المعلم"],
                  ["وائل", "كفوري"], ["طالب", "الرفاعي"], ["عودة", "الحربي"]):
        tags = ["B-PERS"] + ["I-PERS"] * (len(words) - 1)
        before = list(tags)
        assert not f.apply(words, tags), words
        assert tags == before
    tags = ["B-ORG", "I-ORG"]  # only person mentions lose a leading word
    assert not f.apply(["زيارة", "ميونخ"], tags) and tags == ["B-ORG", "I-ORG"]


def test_levantine_month_beside_a_gregorian_one_is_dropped():
    f = _filter()
    tags = ["O", "O", "B-ORG", "O", "O"]
    assert f.apply(["أبريل", "(", "نيسان", ")", "الماضي"], tags)
    assert tags == ["O"] * 5
    tags = ["B-LOC", "O", "O", "O"]
    assert f.apply(["تموز", "(", "يوليو", ")"], tags) and tags == ["O"] * 4
    # the car maker: no month nearby
    tags = ["O", "B-ORG", "O"]
    assert not f.apply(["سيارات", "نيسان", "الجديدة"], tags)
    assert tags == ["O", "B-ORG", "O"]


def test_accusative_tanween_word_is_no_name():
    f = _filter()
    for w in ("اضطراريًا", "سنوياً"):
        tags = ["O", "B-ORG"]
        assert f.apply(["هبطت", w], tags) and tags == ["O", "O"], w
    tags = ["B-LOC"]  # no tanween written: a place name ending in ا stays
    assert not f.apply(["سوريا"], tags) and tags == ["B-LOC"]


def test_shipped_model_uses_the_round2_filter():
    # fails if the model's filter is off or lacks the round-2 rules
    m = load_model()
    assert isinstance(m.nonames, NoNameFilter)
    tags = ["O", "O", "B-ORG", "O"]
    assert m.nonames.apply(["أبريل", "(", "نيسان", ")"], tags) and tags[2] == "O"
