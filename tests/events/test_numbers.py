"""Casualty counts: digits, number words, vague quantities, duals, priorities."""

from __future__ import annotations

import pytest

from rasd.events.numbers import casualties, is_cumulative, object_count


@pytest.mark.parametrize("text,expected", [
    ("قتل 13 شخصا على الأقل وأصيب 15 آخرون بجروح", (13, 15)),
    ("أسفر الهجوم عن مقتل عشرة مدنيين", (10, None)),
    ("مقتل خمسة وعشرين شخصا", (25, None)),
    ("قتل العشرات وأصيب المئات", (12, 100)),
    ("أصيب متظاهران برصاص الشرطة", (None, 2)),
    ("فقد قتل طفلين", (2, None)),
    ("وقد قتل آنذاك خمسة جنود أفغان واصيب ثمانية آخرون", (5, 8)),
    ("بلغ عددهم 311 فردا الذين فقدوا أرواحهم، وأكثر من 700 شخص أصيبوا", (311, 700)),
    ("هناك الآن 13 قتيلا والعديد من الجرحى", (13, None)),
    ("في عام 2013 عقد اجتماع", (None, None)),
    ("تظاهر ثلاثة آلاف شخص", (None, None)),
])
def test_casualties(text: str, expected: tuple) -> None:
    assert casualties(text) == expected


def test_plural_is_not_a_dual() -> None:
    # مدنيين is the plural (and a dual spelling): no count of 2 from it.
    assert casualties("قتلت القوات المدنيين في المدينة") == (None, None)


def test_object_count_after_kill_verb() -> None:
    assert object_count(" القوات الحكومية 143 شخصا", "قتل") == (143, None)
    assert object_count(" تنظيم داعش 4 مدنيين", "قتل") == (4, None)
    assert object_count(" 5 أشخاص", "هاجم") == (None, None)


def test_cumulative() -> None:
    assert is_cumulative("قتل 311 خلال السنوات العشر التي انتشرت فيها البعثة")
    assert is_cumulative("قتل أكثر من 15 ألف شخص منذ 2009")
    assert not is_cumulative("قتل 13 شخصا اليوم في تفجير")
