"""Normalisation is a view: the map back always lands on the characters it came from."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.normalize import NormView, normalize


def test_letter_forms():
    assert normalize("أإآٱ") == "اااا"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("مدينة") == "مدينه"
    assert normalize("مؤتمر") == "موتمر"
    assert normalize("رئيس") == "رييس"
    assert normalize("ک ی") == "ك ي"


def test_marks_tatweel_controls_removed():
    assert normalize("مُحَمَّدٌ") == "محمد"
    assert normalize("الســلام") == "السلام"
    assert normalize("مصر\u200f\u200e\u200c") == "مصر"
    assert normalize("\ufeffنص") == "نص"


def test_digits():
    assert normalize("٢٠٢٣") == "2023"
    assert normalize("۱۴۰۲") == "1402"
    assert normalize("٢٫٥") == "2.5"


def test_presentation_forms_expand_with_offsets():
    v = NormView("ﻻ بد")
    assert v.norm == "لا بد"
    # Both letters of the ligature map back to the one original character.
    assert v.to_orig(0, 2) == (0, 1)
    assert v.to_orig(3, 5) == (2, 4)


def test_view_maps_spans_back():
    text = "قالَ الأَمينُ العامّ"
    v = NormView(text)
    assert v.norm == "قال الامين العام"
    i = v.norm.index("الامين")
    s, e = v.to_orig(i, i + len("الامين"))
    assert text[s:e] == "الأَمينُ"[:-1] or text[s:e].startswith("الأَمين")
    assert normalize(text[s:e]) == "الامين"


def test_identity_fast_path():
    v = NormView("abc")
    assert v.to_orig(0, 3) == (0, 3)
    assert v.from_orig(2) == 2


ARABICISH = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىةؤئ ٠١٢ًٌٍَُِّْـ\u200c\u200fﻻﷲ.،«»\n")
    + list("abc 123")),
    max_size=80,
)


@settings(max_examples=200, deadline=None)
@given(ARABICISH)
def test_every_normalised_span_maps_back(text):
    v = NormView(text)
    assert normalize(text) == v.norm
    for i in range(len(v.norm)):
        s, e = v.to_orig(i, i + 1)
        assert 0 <= s < e <= len(text)
        # The original character normalises to a string containing this one.
        assert v.norm[i] in normalize(text[s:e])


@settings(max_examples=300, deadline=None)
@given(ARABICISH)
def test_from_orig_inverts_to_orig(text):
    v = NormView(text)
    for i in range(len(v.norm)):
        s, _ = v.to_orig(i, i + 1)
        j = v.from_orig(s)
        assert j <= i and v.to_orig(j, j + 1)[0] == s
    assert v.from_orig(len(text)) == len(v.norm)


def _reference_spans(text):
    """Naive per-character map: the normalised characters and where each came from."""
    from rasd.text.normalize import _MAP

    orig = []
    for i, c in enumerate(text):
        orig.extend([i] * len(_MAP.get(c, c)))
    return orig


def test_every_span_matches_a_naive_reference_map():
    # Exhaustive over all spans of random texts mixing removed marks, ligatures and
    # one-to-one letters: exercises the identity, bisect and per-character paths.
    import random

    alpha = "ab وَصَلَ ـ ﻻ ٣ ۱ \u200f\u200c أإآ ة ى \u00a0"
    rnd = random.Random(5)
    for _ in range(800):
        text = "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 25)))
        v = NormView(text)
        orig = _reference_spans(text)
        assert len(orig) == len(v.norm)
        for s in range(len(v.norm) + 1):
            for e in range(s, len(v.norm) + 1):
                if e > s:
                    want = (orig[s], orig[e - 1] + 1)
                else:
                    want = (orig[s], orig[s]) if s < len(orig) else (len(text), len(text))
                assert v.to_orig(s, e) == want
