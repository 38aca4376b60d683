"""Sentence splitting for news Arabic."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.sentences import split_sentences


def sents(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_basic_marks_and_newlines():
    assert sents("قال الوزير. وأضاف؟ نعم! ثم؛ انتهى\nسطر جديد") == [
        "قال الوزير.", "وأضاف؟", "نعم!", "ثم؛", "انتهى", "سطر جديد"]


def test_decimal_numbers_do_not_split():
    assert sents("ارتفع النمو 2.5 بالمئة. ثم تراجع.") == ["ارتفع النمو 2.5 بالمئة.", "ثم تراجع."]


def test_abbreviations_and_initials():
    assert len(sents("قال د. محمد إن الوضع صعب.")) == 1
    assert len(sents("The U.N. said so. Then left.")) == 2


def test_quotes_spanning_sentences_stay_whole():
    text = "وقال: «الوضع صعب. لكننا سنبقى». ثم غادر."
    assert sents(text) == ["وقال: «الوضع صعب. لكننا سنبقى».", "ثم غادر."]
    text2 = "وأضاف “هذا أمر. وذاك أمر آخر”. انتهى."
    assert sents(text2) == ["وأضاف “هذا أمر. وذاك أمر آخر”.", "انتهى."]


def test_closing_quote_after_end_mark_stays():
    assert sents("قال «انتهى.» ثم ذهب.") == ["قال «انتهى.»", "ثم ذهب."]


def test_newline_ends_unclosed_quote():
    assert sents("قال «بدأ الأمر\nسطر آخر.") == ["قال «بدأ الأمر", "سطر آخر."]


def test_empty_and_whitespace():
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("اب تث.؟!؛\n«»“”\"12د")), max_size=100))
def test_spans_are_ordered_trimmed_and_cover_all_text(text):
    spans = split_sentences(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert text[prev:s].strip() == ""
        prev = e
    assert text[prev:].strip() == ""
