"""Durations in digits and words, definite plurals, halves, vague amounts, ages."""

import pytest

from tests.time._helpers import pairs, run


@pytest.mark.parametrize("text,expected", [
    ("المستمرة منذ عشر سنوات", ("منذ عشر سنوات", "P10Y")),
    ("خلال السنوات العشر التي انتشرت", ("السنوات العشر", "P10Y")),
    ("خلال 48 ساعة", ("48 ساعة", "PT48H")),
    ("خلال ست سنوات من التمرد", ("ست سنوات", "P6Y")),
    ("بعد أربع سنوات على إسقاطه", ("أربع سنوات", "P4Y")),
    ("قتل 700 شخص خلال شهر ونصف الشهر", ("شهر ونصف الشهر", "P1M15D")),
    ("اعتقل لمدة يومين", ("يومين", "P2D")),
    ("خلال الأيام الثلاثة", ("الأيام الثلاثة", "P3D")),
    ("على مدى خمسة وعشرين عاما", ("خمسة وعشرين عاما", "P25Y")),
    ("استمر ثلاثة عشر يوما", ("ثلاثة عشر يوما", "P13D")),
    ("منذ عقدين", ("منذ عقدين", "P20Y")),
    ("لمدة عام", ("عام", "P1Y")),
    ("خلال الساعات الـ24 الماضية", ("الساعات الـ24", "PT24H")),
])
def test_durations(text, expected):
    assert expected in pairs(text)


def test_vague_durations_have_no_value():
    doc = run("وقبل أيام قليلة من الانتخابات وبعد بضعة أشهر")
    got = [(t.text, t.value) for t in doc.times]
    assert ("أيام قليلة", None) in got or ("قبل أيام قليلة", None) in got
    assert ("بضعة أشهر", None) in got


def test_ages_are_not_durations():
    assert pairs("محمد (6 سنوات) وعمر (65 عاما)") == []
    assert pairs("البالغ من العمر 40 عاما") == []


def test_idioms_and_constructs_are_not_durations():
    assert pairs("تزداد يوما بعد يوم") == []
    assert pairs("خلال عطلة نهاية الأسبوع") == []
    assert pairs("بعد عام واحد من الحرب") == [("عام واحد", "P1Y")]


def test_month_of_fasting_is_ramadan():
    assert pairs("بعد شهر الصيام") == [("شهر الصيام", "2015-06-18/2015-07-16")]


def test_vague_recent_periods():
    doc = run("خلال الأيام القليلة الماضية وفي السنوات الأخيرة وفي الأشهر المقبلة")
    got = [(t.text, t.value, t.precision, t.extra.get("relative")) for t in doc.times]
    assert got == [("الأيام القليلة الماضية", None, "duration", "PAST_REF"),
                   ("السنوات الأخيرة", None, "duration", "PAST_REF"),
                   ("الأشهر المقبلة", None, "duration", "FUTURE_REF")]


def test_more_than_less_than_about():
    doc = run("قبل أكثر من أسبوعين، ومنذ نحو عشر سنوات، وخلال أقل من 48 ساعة")
    got = [(t.text, t.value, t.extra.get("mod")) for t in doc.times]
    assert got == [("قبل أكثر من أسبوعين", "2015-W28", "MORE_THAN"),
                   ("منذ نحو عشر سنوات", "P10Y", "APPROX"),
                   ("48 ساعة", "PT48H", "LESS_THAN")]


def test_definite_duals_with_direction():
    doc = run("خلال اليومين الماضيين وفي الأسبوعين المقبلين")
    got = [(t.text, t.value, t.extra.get("relative")) for t in doc.times]
    assert got == [("اليومين الماضيين", "P2D", "PAST_REF"), ("الأسبوعين المقبلين", "P2W", "FUTURE_REF")]
