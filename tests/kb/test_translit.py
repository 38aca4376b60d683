"""Transliteration of names not in the KB."""

from __future__ import annotations

from rasd.kb.translit import char_transliterate, transliterate_name, transliterate_word


def test_dictionary_words_and_article():
    assert transliterate_name("بسام") == "Bassam"
    assert transliterate_name("ناصر الحاسي").lower().replace("-", " ") == "nasser al hassi"
    assert transliterate_word("بن") == "bin"


def test_character_model_gives_latin_for_unseen_words():
    out = char_transliterate("كيروهورا")
    assert out and out.isascii() and out.startswith("k")


def test_odd_input():
    assert transliterate_name("") == ""
    assert transliterate_name("!!!") == ""
    assert transliterate_name("NATO") == "NATO"
