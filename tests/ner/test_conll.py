"""`tag_conll`: one token a line in, `token TAG` out, blank lines kept between sentences."""

from rasd.ner import tag_conll

TAGS = {"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}


def test_format_and_sentences():
    lines = ["وقال O", "الرئيس", "المصري\tX\tY", "عبد", "الفتاح", "السيسي", ".", "", "  ",
             "زار", "الوزير", "بيروت", ".", ""]
    out = list(tag_conll(lines))
    assert out[-1] == ""
    words = [ln.split(" ")[0] for ln in out if ln]
    assert words == ["وقال", "الرئيس", "المصري", "عبد", "الفتاح", "السيسي", ".",
                     "زار", "الوزير", "بيروت", "."]
    assert out.count("") == 2 and out[7] == ""
    for ln in out:
        if ln:
            w, t = ln.split(" ")
            assert t in TAGS
    assert dict(ln.split(" ") for ln in out if ln)["بيروت"] == "B-LOC"


def test_empty_and_no_trailing_blank():
    assert list(tag_conll([])) == []
    assert list(tag_conll(["", ""])) == []
    out = list(tag_conll(["!"]))
    assert out == ["! O", ""]


def test_long_sentence_is_cut_not_crashed():
    out = list(tag_conll(["كلمة"] * 700))
    assert len(out) == 701
