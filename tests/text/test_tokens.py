"""Tokens carry true offsets; clitics split off, the article stays, glued digits split."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.tokens import clitic_split, tokenize


def words(text):
    return [(t.text, t.clitic) for t in tokenize(text)]


def test_conjunction_and_preposition_with_article():
    assert words("والأمم") == [("و", True), ("الأمم", False)]
    assert words("بالأمم") == [("ب", True), ("الأمم", False)]
    assert words("وبالأمم") == [("و", True), ("ب", True), ("الأمم", False)]
    assert words("للأمم") == [("ل", True), ("لأمم", False)]
    assert words("وللأمم") == [("و", True), ("ل", True), ("لأمم", False)]


def test_article_stays_with_word():
    assert words("الأمم") == [("الأمم", False)]


def test_conjunction_split_by_frequency():
    assert words("وقال") == [("و", True), ("قال", False)]
    assert words("ولبنان") == [("و", True), ("لبنان", False)]
    # Words that merely begin with these letters stay whole.
    for w in ("وزير", "فقط", "وجود", "كبير", "لكن", "بيان", "والدة", "بالغ"):
        assert words(w) == [(w, False)], w


def test_glued_digits_split():
    assert [t.text for t in tokenize("في العام2023.")] == ["في", "العام", "2023", "."]


def test_numbers_and_punctuation():
    assert [t.text for t in tokenize("نما 2.5% و1,000 شخص؟")] == [
        "نما", "2.5", "%", "و", "1,000", "شخص", "؟"]
    assert [t.text for t in tokenize("٢٠٢٣م")] == ["٢٠٢٣", "م"]


def test_diacritics_inside_word_and_clitic():
    toks = tokenize("وَالأُمَم")
    assert toks[0].clitic and toks[0].text.startswith("و")
    assert "".join(t.text for t in toks) == "وَالأُمَم"
    assert toks[1].norm == "الامم"


def test_clitic_split_lengths():
    assert clitic_split("وبالمدينة") == (1, 1)
    assert clitic_split("مدينة") == ()


def test_latin_and_mixed():
    assert [t.text for t in tokenize("UN's MINUSMA مينوسما")] == ["UN's", "MINUSMA", "مينوسما"]


def test_sentence_index_assigned():
    toks = tokenize("أ ب. ج د", [(0, 4), (5, 8)])
    assert [t.sentence for t in toks] == [0, 0, 0, 1, 1]


TEXT = st.text(alphabet=st.sampled_from(list("وفبكلالمتحدةأمسينـًُ٢3 .،؟\n«»x") + ["\u200c"]),
               max_size=120)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_offsets_always_slice_back(text):
    toks = tokenize(text)
    prev = 0
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert t.start >= prev and t.end > t.start
        prev = t.end
    # Nothing but whitespace is left out.
    covered = set()
    for t in toks:
        covered.update(range(t.start, t.end))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


def test_names_that_look_like_clitic_plus_word_stay_whole():
    for w in ("بسام", "كمال", "فيصل", "فادي", "وليد", "بغداد", "لبنان"):
        assert words(w) == [(w, False)], w
    assert words("وفيصل") == [("و", True), ("فيصل", False)]


def test_text_data_not_stale():
    """The shipped frequency and name lists match what their build script makes."""
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    pytest.importorskip("wordfreq")
    from tests.conftest import shared_path

    shared_path("data", "arabic_names_akhateeb")
    repo = Path(__file__).resolve().parents[2]
    rc = subprocess.run([sys.executable, str(repo / "scripts/build_text_data.py"), "--check"]).returncode
    assert rc == 0, "src/rasd/text/data is stale: run scripts/build_text_data.py"
