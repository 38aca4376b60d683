"""conlleval scoring on tiny hand-made examples with known answers."""

from rasd.ner.conlleval import chunks, evaluate


def test_chunks_follow_conlleval_rules():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "B-MISC"]
    assert chunks(tags) == [("PERS", 0, 2), ("LOC", 3, 5), ("LOC", 5, 6), ("ORG", 6, 7), ("MISC", 7, 8)]


def test_scores_known_answer():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG", "O"]]
    pred = [["B-PERS", "I-PERS", "O", "B-ORG"], ["B-ORG", "I-ORG", "O", "B-MISC"]]
    sc = evaluate(gold, pred)
    # gold: PERS, LOC, ORG(3 tokens) ; pred: PERS (ok), ORG (wrong type), ORG (too short), MISC
    assert sc.tp == {"PERS": 1}
    assert sc.fp == {"ORG": 2, "MISC": 1}
    assert sc.fn == {"LOC": 1, "ORG": 1}
    p, r, f = sc.overall()
    assert round(p, 2) == 25.0 and round(r, 2) == 33.33
    assert round(f, 2) == round(2 * 25 * 33.333333 / 58.333333, 2)
    assert sc.by_type("PERS") == (100.0, 100.0, 100.0)
    assert sc.tokens == 8 and sc.token_correct == 5
    assert "FB1" in sc.report()


def test_length_mismatch_is_an_error():
    import pytest

    with pytest.raises(ValueError):
        evaluate([["O"]], [["O", "O"]])
