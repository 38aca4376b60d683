"""Odd input: impossible dates keep their text with a null value; nothing crashes."""

import pytest

from tests.time._helpers import pairs, run


@pytest.mark.parametrize("text,phrase", [
    ("في 31/02/2015 وقع", "31/02/2015"),
    ("في 31 فبراير 2015", "31 فبراير 2015"),
    ("في عام 99999", "عام 99999"),
    ("في 15 رمضان 2015", "15 رمضان 2015"),          # Hijri month, Gregorian year
    ("في 15 يوليو 1436 هـ", "15 يوليو 1436 هـ"),      # Gregorian month, Hijri year
    ("في 30 صفر 1700 هـ", "30 صفر 1700 هـ"),          # outside the Umm al-Qura table
    ("في 13/13/2015", "13/13/2015"),
])
def test_unresolvable_keeps_text_with_null(text, phrase):
    doc = run(text)
    hits = [t for t in doc.times if t.text == phrase]
    assert hits and hits[0].value is None and "error" in hits[0].extra


@pytest.mark.parametrize("text", [
    "", "   ", "...،،؟!", "Latin only text 2015 May", "٠١٢٣٤٥٦٧٨٩", "هـ هـ هـ م م",
    "من إلى من إلى", "منذ", "قبل", "عام", "الحادي", "يوم", "(", "اليوم (", "أمس الأول من",
    "1/", "1/2/", "99999999999999999999 يوم", "الحادي والثلاثين من", "بين عامي",
])
def test_no_crash(text):
    run(text)


def test_bad_published_is_treated_as_missing():
    doc = run("غادر أمس", published="not a date")
    assert doc.times[0].value is None and doc.times[0].extra["relative"] == "P-1D"


def test_long_text_with_diacritics_keeps_offsets():
    text = ("وَصَلَ الوَفْدُ أَمْسِ، وَيَعُودُ غَدًا فِي ١٥ يُولْيُو ٢٠١٥ م. " * 2000)
    doc = run(text)
    assert len(doc.times) == 6000
    assert doc.times[2].text == "١٥ يُولْيُو ٢٠١٥ م"


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "2024-02-29"])
def test_published_at_the_edges_of_the_calendar(published):
    doc = run("غدا الجمعة وأمس الأحد والعيد قبل 5000 عام وفي يونيو 1436 ورمضان المقبل", published)
    assert doc.times  # found, values possibly null, no exception


def test_two_digit_year_is_unresolved():
    [t] = run("في حكم فاروق سنة 52، وهو").times
    assert (t.text, t.value, t.extra.get("error")) == ("سنة 52", None, "two-digit year")


def test_random_word_soup_never_crashes_and_keeps_offsets():
    import random

    from rasd.time.extract import _DISPATCH
    from rasd.time.stage import extract_times
    from rasd.doc import Doc

    words = sorted(_DISPATCH) + ["من", "إلى", "و", "(", ")", "/", "-", "هـ", "م", "2015", "31",
                                 "1436", "99999", "0", "،", "«", "»", "ـ", "ً", "٣١", "منه", "ال"]
    rnd = random.Random(7)
    for _ in range(1500):
        text = "".join(rnd.choice(words) + rnd.choice(["", " ", "  "]) for _ in range(rnd.randint(1, 10)))
        pub = rnd.choice([None, "2015-07-21", "0001-01-01", "9999-12-31", "x"])
        times, _ = extract_times(text, pub)
        assert Doc(text=text, times=times).check_offsets() == []
