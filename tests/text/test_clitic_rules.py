"""The clitic rules: a whole word that is itself the likelier reading stays whole; a word
missing from the frequency list splits where its rest is a known word."""

import pytest

from rasd.text.normalize import strip_marks
from rasd.text.tokens import clitic_split, spelled_frequency, tokenize


def parts(word):
    out, p = [], 0
    for n in clitic_split(word):
        out.append(word[p:p + n])
        p += n
    return out + [word[p:]]


@pytest.mark.parametrize("word", ["وادي", "واحد", "واصل"])
def test_spelling_keeps_hamza_words_apart(word):
    # The frequent rest (أدى، أحد، أصل) is spelled with hamza; as written the rest is
    # rarer than the whole, which is written in its usual spelling.
    assert clitic_split(word) == (), word


@pytest.mark.parametrize("word,expected", [
    ("وأدى", ["و", "أدى"]), ("وأكد", ["و", "أكد"]), ("واكد", ["و", "اكد"]),
    ("وقال", ["و", "قال"]), ("وتولى", ["و", "تولى"]),
])
def test_clitic_readings_still_split(word, expected):
    assert parts(word) == expected


@pytest.mark.parametrize("word", ["كمين", "كفيل", "كلما"])
def test_kaf_needs_a_far_more_frequent_rest(word):
    assert clitic_split(word) == (), word


def test_kaf_as_preposition_still_splits():
    assert parts("كرئيس") == ["ك", "رئيس"]
    assert parts("كالرئيس") == ["ك", "الرئيس"]


@pytest.mark.parametrize("word", ["كلها", "كلنا", "كلهم"])
def test_word_plus_pronoun_suffix_decided_on_the_word(word):
    # كل + ها, not ك + لها.
    assert clitic_split(word) == (), word


@pytest.mark.parametrize("word,rest", [
    ("ومراجعتهما", "مراجعتهما"),   # rest = مراجعة + هما (ة written ت)
    ("وتصريحاتهما", "تصريحاتهما"),  # rest = تصريحات + هما
    ("فاستقالتهما", "استقالتهما"),
])
def test_unknown_whole_with_known_rest_plus_suffix_splits(word, rest):
    assert parts(word)[-1] == rest


def test_unknown_whole_with_unknown_rest_stays_whole():
    assert clitic_split("وزكرتيفان") == ()
    assert clitic_split("بلموندوفيتش") == ()


def test_tokens_of_valley_and_ambush():
    toks = tokenize("كمين في وادي الحسا")
    assert [t.text for t in toks] == ["كمين", "في", "وادي", "الحسا"]
    assert not any(t.clitic for t in toks)


def test_diacritics_do_not_change_the_decision():
    assert clitic_split("وَادِي") == ()
    assert len(clitic_split("وَأَدَّى")) == 1


def test_spelled_frequency():
    # As written, ادي is far rarer than أدى; an unlisted spelling with hamza is 0.
    assert spelled_frequency("أدى") > spelled_frequency("ادي") > 0
    assert spelled_frequency("أدى") == spelled_frequency("أَدَّى")
    assert spelled_frequency("اؤؤؤ") == 0
    assert strip_marks("وَادِي\u200c") == "وادي"
