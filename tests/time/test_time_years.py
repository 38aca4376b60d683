"""Years: عام/العام/سنة, glued digits, bare years after a preposition, decades."""

import pytest

from tests.time._helpers import pairs, value_of


@pytest.mark.parametrize("text,phrase,value", [
    ("تم اعتماده في العام2023.", "العام2023", "2023"),
    ("في انقلاب عام 2021،", "عام 2021", "2021"),
    ("في سنة 1990", "سنة 1990", "1990"),
    ("أكثر من 15 ألف قتيل منذ 2009", "2009", "2009"),
    ("حتى العام ٢٠١٢", "العام ٢٠١٢", "2012"),
    ("منذ عام ۲۰۰۶", "عام ۲۰۰۶", "2006"),
    ("للعام 2016", "لعام 2016", "2016"),
])
def test_years(text, phrase, value):
    assert value_of(text, phrase) == value


def test_numbers_that_are_not_years():
    assert pairs("صدر القرار 2216 ونشر 2000 جندي") == []
    assert pairs("القرار رقم 2690") == []


def test_relative_years():
    d = dict(pairs("خلال العام الماضي وهذه السنة والعام المقبل"))
    assert d == {"العام الماضي": "2014", "هذه السنة": "2015", "العام المقبل": "2016"}


def test_year_modifier():
    doc_pairs = pairs("بنهاية العام الماضي")
    assert doc_pairs == [("نهاية العام الماضي", "2014")]


def test_decades():
    d = dict(pairs("في التسعينيات وخلال ثمانينيات القرن الماضي"))
    assert d == {"التسعينيات": "199", "ثمانينيات القرن الماضي": "198"}


def test_hijri_years_written_without_mark_near_the_dateline():
    # Saudi news writes "1436" without هـ; a year that close to the dateline's Hijri year
    # (1436 in July 2015) is Hijri. An old year in that range stays Gregorian.
    assert value_of("في عام 1436", "عام 1436") == "2014-10-25/2015-10-13"
    assert value_of("فتح القسطنطينية عام 1453", "عام 1453") == "1453"
    assert value_of("من يوم الأحد 25/9/1436 الموافق", "يوم الأحد 25/9/1436") == "2015-07-12"


def test_gregorian_month_with_hijri_era_year_is_unresolved():
    [(text, value)] = pairs("في يوليو 1436")
    assert value is None


def test_year_after_bihulul_and_parts_of_a_year():
    d = dict(pairs("بحلول 2020 وفي الربع الأخير من 2014 والنصف الثاني من 2015"))
    assert d == {"2020": "2020", "2014": "2014", "2015": "2015"}
