"""Label propagation: a name tagged once in a document is tagged at its untagged repeats."""

from __future__ import annotations

from rasd.ner.conlleval import chunks
from rasd.ner.model import load_model, propagate


def test_untagged_repeat_gets_the_name_type():
    sents = [["فاز", "بنفيكا", "البرتغالي", "على", "سلتيك"],
             ["وكان", "بنفيكا", "الافضل", "في", "الشوط"]]
    tags = [["O", "B-ORG", "O", "O", "O"],
            ["O", "O", "O", "O", "O"]]
    changed = propagate(sents, tags)
    assert changed == [1]
    assert tags[1] == ["O", "B-ORG", "O", "O", "O"]
    assert tags[0] == ["O", "B-ORG", "O", "O", "O"]  # the source is left as it was


def test_longest_name_first_and_majority_type():
    sents = [["بان", "كي", "مون"], ["بان", "كي", "مون"], ["قال", "بان", "كي", "مون", "امس"],
             ["ليون"], ["ليون"], ["ليون"], ["ليون"]]
    tags = [["B-PERS", "I-PERS", "I-PERS"], ["B-PERS", "I-PERS", "I-PERS"], ["O"] * 5,
            ["B-ORG"], ["B-ORG"], ["B-LOC"], ["O"]]
    propagate(sents, tags)
    assert tags[2] == ["O", "B-PERS", "I-PERS", "I-PERS", "O"]  # one name, not three
    assert tags[6] == ["B-ORG"]  # ORG twice, LOC once


def test_does_not_touch_tagged_tokens_or_short_keys():
    sents = [["محمد", "علي"], ["محمد", "صلاح"], ["د"], ["د"]]
    tags = [["B-PERS", "I-PERS"], ["B-PERS", "I-PERS"], ["B-PERS"], ["O"]]
    before = [list(t) for t in tags]
    assert propagate(sents, tags) == []
    assert tags == before  # "محمد علي" is not forced over "محمد صلاح"; "د" is too short


def test_matches_normalised_forms_and_keeps_bio_valid():
    sents = [["أرسنال", "الانكليزي"], ["وعزز", "ارسنال", "تقدمه"], []]
    tags = [["B-ORG", "O"], ["O", "O", "O"], []]
    propagate(sents, tags)
    assert tags[1] == ["O", "B-ORG", "O"]
    for ts in tags:
        for ty, a, b in chunks(ts):
            assert ts[a] == "B-" + ty


def test_no_names_no_change():
    sents = [["قال", "انه"], []]
    tags = [["O", "O"], []]
    assert propagate(sents, tags) == []
    assert tags == [["O", "O"], []]


def test_shipped_model_propagates_with_marginals_in_range():
    m = load_model()
    assert m.propagate  # shipped setting (ner_meta.json)
    sents = [["وقعت", "شركة", "أسيك", "اتفاقا", "مع", "الحكومة"],
             ["وقال", "مدير", "أسيك", "إن", "الاتفاق", "مهم"]]
    m.propagate = False
    try:
        plain = m.tag_doc(sents, marginals=True)
    finally:
        m.propagate = True
    out = m.tag_doc(sents, marginals=True)
    assert plain[0][0][2] == "B-ORG" and plain[1][0][2] == "O"  # the CRF alone misses the repeat
    assert out[0] == plain[0]  # the source sentence is not changed
    assert out[1][0] == ["O", "O", "B-ORG", "O", "O", "O"]
    p = out[1][1][2]  # the CRF's own (low) probability of the propagated label
    assert 0.0 <= p < 0.5
    for (tags, probs), ws in zip(out, sents):
        assert len(tags) == len(probs) == len(ws)
        assert all(0.0 <= x <= 1.0 for x in probs)


def test_surname_alone_becomes_the_person():
    sents = [["قال", "المدرب", "كارلوس", "كوريا", "إن"],
             ["واضاف", "كوريا", "ان", "الفريق"],      # untagged: tagged PER
             ["وسجل", "كوريا", "هدفا"],               # a one-word place by mistake: PER
             ["في", "كوريا", "الجنوبية"],             # part of a longer name: left alone
             ["ولكن", "مارك", "كوريا"]]               # after a tagged name: left to the CRF
    tags = [["O", "O", "B-PERS", "I-PERS", "O"],
            ["O", "O", "O", "O"],
            ["O", "B-LOC", "O"],
            ["O", "B-LOC", "I-LOC"],
            ["O", "B-PERS", "O"]]
    changed = propagate(sents, tags)
    assert tags[1] == ["O", "B-PERS", "O", "O"]
    assert tags[2] == ["O", "B-PERS", "O"]
    assert tags[3] == ["O", "B-LOC", "I-LOC"]
    assert tags[4] == ["O", "B-PERS", "O"]
    assert changed == [1, 2]


def test_short_or_single_word_names_give_no_surnames():
    sents = [["الرئيس", "عون"], ["قال", "عون"], ["ال", "ب", "سي"], ["في", "سي"]]
    tags = [["O", "B-PERS"], ["O", "O"], ["B-PERS", "I-PERS", "I-PERS"], ["O", "O"]]
    propagate(sents, tags)
    assert tags[3] == ["O", "O"]  # "سي" has two letters: not a surname
    assert tags[1] == ["O", "B-PERS"]  # but a one-word name repeats as itself


def test_preposition_ala_is_never_the_surname_ali():
    # على normalises onto علي; a person "حسين علي" must not turn every على into a person.
    sents = [["وصل", "حسين", "علي", "امس"], ["ألقت", "الشرطة", "القبض", "على", "رجل"],
             ["وقال", "علي", "إن"]]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O"] * 5, ["O", "O", "O"]]
    propagate(sents, tags)
    assert tags[1] == ["O"] * 5
    assert tags[2] == ["O", "B-PERS", "O"]  # the real surname still is
