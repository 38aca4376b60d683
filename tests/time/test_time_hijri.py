"""Hijri dates, months and feasts, converted with the Umm al-Qura calendar."""

from tests.time._helpers import pairs, run, value_of


def test_hijri_date_with_year_and_mark():
    doc = run("في 15 رمضان 1445 هـ أعلنت الحكومة", "2024-03-30")
    [t] = doc.times
    assert (t.text, t.value, t.precision) == ("15 رمضان 1445 هـ", "2024-03-25", "day")
    assert t.extra["hijri"] == "1445-09-15"


def test_hijri_glued_mark_and_two_word_months():
    assert value_of("في 1 ذو الحجة 1436هـ", "1 ذو الحجة 1436هـ") == "2015-09-14"
    assert value_of("في 10 ذي الحجة 1436 هجرية", "10 ذي الحجة 1436 هجرية") == "2015-09-23"
    assert value_of("في 12 ربيع الأول 1437 هـ", "12 ربيع الأول 1437 هـ") == "2015-12-23"
    assert value_of("غرة جمادى الآخرة 1436 هـ", "غرة جمادى الآخرة 1436 هـ") == "2015-03-21"


def test_hijri_month_without_year_is_nearest_occurrence_as_interval():
    doc = run("تراجعت الهجمات خلال شهر رمضان", "2015-07-21")
    [t] = doc.times
    assert t.value == "2015-06-18/2015-07-16" and t.precision == "range"


def test_hijri_day_without_year():
    assert value_of("خطط لها في التاسع من رمضان", "التاسع من رمضان") == "2015-06-26"
    # "الشهر الفضيل" stands for Ramadan in news.
    assert value_of("في التاسع من الشهر الفضيل", "التاسع من الشهر الفضيل") == "2015-06-26"


def test_feasts():
    d = dict(pairs("قتل عشرة خلال أيام عيد الفطر وفي ثالث أيام عيد الفطر وقبل عيد الأضحى"))
    assert d["أيام عيد الفطر"] == "2015-07-17/2015-07-19"
    assert d["ثالث أيام عيد الفطر"] == "2015-07-19"
    # The next Eid al-Adha (September) is nearer to 21 July than the last one.
    assert d["عيد الأضحى"] == "2015-09-23"


def test_hijri_with_direction():
    assert value_of("في رمضان الماضي", "رمضان الماضي", "2015-09-01") == "2015-06-18/2015-07-16"
    assert value_of("في رمضان المقبل", "رمضان المقبل", "2015-07-21") == "2016-06-06/2016-07-05"


def test_ramadan_as_a_name_is_not_a_month():
    assert pairs("قال طارق رمضان إن") == []


def test_hijri_and_gregorian_dateline():
    got = pairs("عدن 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", "2015-08-12")
    assert got == [("26 شوال 1436 هـ", "2015-08-11"), ("11 اغسطس 2015 م", "2015-08-11")]


def test_hijri_year_is_an_interval():
    assert value_of("في عام 1436 هـ", "عام 1436 هـ") == "2014-10-25/2015-10-13"


def test_bare_eid_is_the_nearest_eid():
    d = dict(pairs("تسوق الناس قبل العيد وفي ثاني أيام العيد"))
    assert d == {"العيد": "2015-07-17", "ثاني أيام العيد": "2015-07-18"}
    # In early September the coming Eid al-Adha is nearer.
    assert dict(pairs("خلال أيام العيد", "2015-09-01")) == {"أيام العيد": "2015-09-23/2015-09-26"}
    assert pairs("احتفلت المدرسة بالعيد الوطني") == []


def test_historical_hijri_dates_use_the_arithmetical_calendar():
    doc = run("توفي في 11 صفر 309 هـ")
    [t] = doc.times
    assert t.value == "0921-06-25" and t.extra["calendar"] == "tabular"


def test_arithmetical_calendar_is_close_to_umm_al_qura():
    from datetime import date

    from rasd.time.resolve import _tab_ordinal, hijri_to_greg

    for hy in (1343, 1400, 1436, 1500):
        for hm in (1, 9, 12):
            uq = hijri_to_greg(hy, hm, 1)
            tab = date.fromordinal(_tab_ordinal(hy, hm, 1))
            assert abs((tab - uq).days) <= 2


def test_hijri_month_with_gregorian_year_idiom():
    assert value_of("مسلسلات رمضان 2015", "رمضان 2015") == "2015-06-18/2015-07-16"


def test_spaced_numeric_hijri_dates_of_official_texts():
    d = dict(pairs("صدر بتاريخ 25 / 6 / 1436هـ ويبدأ يوم الأحد 1 / 11 / 1436 ه"))
    assert d == {"25 / 6 / 1436هـ": "2015-04-14", "يوم الأحد 1 / 11 / 1436 ه": "2015-08-16"}
    assert pairs("القرار رقم ( 57 / 30 ) وتاريخ") == []
    assert pairs("خلال المدة من 8 إلى 29 / 11 / 1433هـ")[0] == (
        "من 8 إلى 29 / 11 / 1433هـ", "2012-09-24/2012-10-15")


def test_ten_days_of_a_hijri_month():
    d = dict(pairs("خلال العشر الأواخر من شهر رمضان وفي العشر الأوائل من ذي الحجة"))
    assert d == {"العشر الأواخر من شهر رمضان": "2015-07-08/2015-07-16",
                 "العشر الأوائل من ذي الحجة": "2015-09-14/2015-09-23"}
