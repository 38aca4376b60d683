"""The trigger lexicon: generated conjugations and clitic handling at match time."""

from __future__ import annotations

import pytest

from rasd.events.lexicon import (
    Lexicon, add_entry, derive_imperfect, imperfect_forms, load_lexicon, pattern_nouns,
    perfect_forms,
)
from rasd.text.normalize import normalize


def _types(word: str) -> set[str]:
    return {f.lemma.type for f, _, _ in load_lexicon().lookup(normalize(word))}


@pytest.mark.parametrize("word,typ", [
    ("قتل", "ASSAULT"), ("وقتلوا", "ASSAULT"), ("يقتلون", "ASSAULT"), ("فقتلهم", "ASSAULT"),
    ("انسحابها", "RETREAT"), ("ستنسحب", "RETREAT"), ("سينسحبون", "RETREAT"),
    ("أشاد", "SUPPORT"), ("يشيدون", "SUPPORT"), ("بالإشادة", "SUPPORT"),
    ("صوّت", "AGREE"), ("رفض", "REJECT"), ("داعية", "REQUEST"), ("ودعت", "REQUEST"),
    ("تظاهر", "PROTEST"), ("والمتظاهرون", "PROTEST"), ("اعتقلت", "COERCE"),
    ("بالاعتقالات", "COERCE"), ("لقائه", "CONSULT"), ("أصيب", "ASSAULT"),
])
def test_conjugations_and_clitics_match(word: str, typ: str) -> None:
    assert typ in _types(word)


@pytest.mark.parametrize("word", ["قال", "هناك", "اثنين", "وزير", "الولايات", "مقاطعة", "لعبته"])
def test_common_words_are_not_triggers(word: str) -> None:
    assert _types(word) == set()


def test_imperfect_derivation_by_pattern() -> None:
    assert derive_imperfect("استهدف") == ["يستهدف"]
    assert derive_imperfect("انسحب") == ["ينسحب"]
    assert derive_imperfect("اعتقل") == ["يعتقل"]
    assert derive_imperfect("تظاهر") == ["يتظاهر"]
    assert "يقول" in derive_imperfect("قال")
    assert derive_imperfect("دعا") == ["يدعو"]


def test_forms_cover_persons() -> None:
    assert {"قتلت", "قتلوا", "قتلنا"} <= perfect_forms("قتل")
    assert {"دعت", "دعوا"} <= perfect_forms("دعا")
    assert {"يقتلون", "تقتل", "نقتل", "يقتلان"} <= imperfect_forms("يقتل")
    assert {"يدعون", "تدعو"} <= imperfect_forms("يدعو")


def test_pattern_verbal_nouns() -> None:
    assert pattern_nouns("اعتقل") == {"اعتقال"}
    assert pattern_nouns("انسحب") == {"انسحاب"}
    assert pattern_nouns("استهدف") == {"استهداف"}
    assert pattern_nouns("هاجم") == {"مهاجمه"}


def test_needs_context_flag_is_parsed() -> None:
    lex = Lexicon()
    add_entry(lex, "ASSAULT", "أطلق", "يطلق", "إطلاق", "firearms", "needs=+النار|الرصاص")
    forms = lex.lookup(normalize("أطلق"))
    assert forms and forms[0][0].lemma.needs_after == ("النار", "الرصاص")


def test_cameo_lexicon_loads_and_is_weak() -> None:
    lex = load_lexicon(True)
    cameo = [lm for lm in lex.lemmas if lm.source == "cameo"]
    assert cameo and all(lm.weak for lm in cameo)
