"""Gregorian months in every regional naming, with days, years and brackets."""

import pytest

from tests.time._helpers import pairs, value_of

# Dateline 2015-07-21 unless said otherwise.


@pytest.mark.parametrize("phrase,value", [
    # Egyptian / Gulf names
    ("وقع الهجوم في 12 يناير 2014 قرب الحدود", "2014-01-12"),
    ("أعلنت الوزارة في فبراير 2015 خطتها", "2015-02"),
    ("جرت الانتخابات في 7 يونيه الماضي", "2015-06-07"),
    # Levantine / Iraqi names, one and two words
    ("صدر القرار في 3 كانون الثاني 2015", "2015-01-03"),
    ("عقدت الجلسة في تشرين الأول 2014", "2014-10"),
    ("وصل الوفد في 5 شباط 2015", "2015-02-05"),
    ("أجريت الانتخابات في أيار 2014", "2014-05"),
    # Maghrebi names
    ("انطلقت المظاهرات في جانفي 2011 بتونس", "2011-01"),
    ("صادق البرلمان على القانون في 25 جويلية 2014", "2014-07-25"),
    ("تنتهي المهلة في 20 أوت 2015", "2015-08-20"),
    ("تم تأجيل الموعد إلى شهر أفريل 2016", "2016-04"),
])
def test_regional_month_names(phrase, value):
    assert value in [v for _, v in pairs(phrase)]


def test_bracketed_alternative_name_is_one_expression():
    assert pairs("في 21 يوليو (تموز) الحالي") == [("21 يوليو (تموز) الحالي", "2015-07-21")]
    assert pairs("حدث ذلك في تموز (يوليو) 2014") == [("تموز (يوليو) 2014", "2014-07")]
    assert pairs("حدث ذلك في كانون الثاني/يناير 2014") == [("كانون الثاني/يناير 2014", "2014-01")]


def test_conflicting_bracket_names_give_no_value():
    [(text, value)] = pairs("حدث ذلك في يوليو (آذار) 2014")
    assert value is None


def test_month_with_shahr():
    assert pairs("اندلعت الاشتباكات في شهر مارس الماضي") == [("شهر مارس الماضي", "2015-03")]


def test_month_without_year_after_the_dateline_month_is_last_year():
    assert value_of("عقد الاجتماع في سبتمبر", "سبتمبر") == "2014-09"
    assert value_of("عقد الاجتماع في مايو", "مايو") == "2015-05"
    # 31 ديسمبر read on 1 January is the day before.
    assert value_of("انسحبت البعثة بحلول 31 ديسمبر", "31 ديسمبر", "2024-01-01") == "2023-12-31"


def test_month_with_direction_words():
    assert value_of("غادرت في يونيو الماضي", "يونيو الماضي", "2024-01-01") == "2023-06"
    assert value_of("غادرت في ديسمبر الماضي", "ديسمبر الماضي") == "2014-12"
    assert value_of("تجري الانتخابات في مارس المقبل", "مارس المقبل") == "2016-03"
    assert value_of("يصل في سبتمبر القادم", "سبتمبر القادم") == "2015-09"
    assert value_of("في يوليو الجاري", "يوليو الجاري") == "2015-07"


def test_future_tense_month_is_next_occurrence():
    assert value_of("سيعقد المؤتمر في سبتمبر", "سبتمبر") == "2015-09"
    assert value_of("من المقرر أن يصل الوفد في أكتوبر", "أكتوبر") == "2015-10"


def test_month_with_relative_year():
    assert value_of("في مارس من العام الماضي", "مارس من العام الماضي") == "2014-03"
    assert value_of("في مارس من هذا العام", "مارس من هذا العام") == "2015-03"


def test_ordinal_day_in_words():
    assert value_of("انتهت المهمة في الحادي والثلاثين من ديسمبر", "الحادي والثلاثين من ديسمبر",
                    "2024-01-01") == "2023-12-31"
    assert value_of("في الحادي عشر من سبتمبر 2001", "الحادي عشر من سبتمبر 2001") == "2001-09-11"
    assert value_of("في الخامس من يوليو", "الخامس من يوليو") == "2015-07-05"
    assert value_of("في العشرين من يناير", "العشرين من يناير") == "2015-01-20"


def test_eastern_digits():
    assert pairs("الجمعة ١٧ يوليو ٢٠١٥") == [("الجمعة ١٧ يوليو ٢٠١٥", "2015-07-17")]
    assert pairs("في ۱۷ يوليو ۲۰۱۵") == [("۱۷ يوليو ۲۰۱۵", "2015-07-17")]


def test_ambiguous_month_words_need_context():
    # مارس "he practised", ماي (Theresa May), آب "father" are not months here.
    assert pairs("مارس الوزير ضغوطا كبيرة") == []
    assert pairs("قالت رئيسة الوزراء تيريزا ماي إن") == []
    assert pairs("زار آب الأسرة") == []
    assert value_of("بدأت الأزمة في مارس", "مارس") == "2015-03"
    assert value_of("في 3 آب 2014", "3 آب 2014") == "2014-08-03"


def test_month_modifiers():
    d = {t: v for t, v in pairs("في مطلع الشهر ثم أواخر يونيو ونهاية الشهر الحالي")}
    assert d == {"مطلع الشهر": "2015-07", "أواخر يونيو": "2015-06", "نهاية الشهر الحالي": "2015-07"}


def test_numeric_dates():
    assert pairs("صدر في 5/7/2015") == [("5/7/2015", "2015-07-05")]
    assert pairs("بتاريخ 2014-03-09") == [("2014-03-09", "2014-03-09")]


def test_dateline_at_start_with_gregorian_mark():
    assert pairs("الرياض 11 اغسطس 2015 م (واس)", "2015-08-12")[0] == ("11 اغسطس 2015 م", "2015-08-11")


def test_maghrebi_and_levantine_in_context():
    d = dict(pairs("خلال شهر أوت المنقضي، ثم يوم 14 جانفي 2011 ومساء السبت 14 فيفري"))
    assert d == {"شهر أوت المنقضي": "2014-08", "14 جانفي 2011": "2011-01-14",
                 "السبت 14 فيفري": "2015-02-14"}
    assert value_of("في الأول من تشرين الثاني/نوفمبر", "الأول من تشرين الثاني/نوفمبر") == "2014-11-01"


def test_two_month_names_side_by_side():
    d = dict(pairs("في مايو أيار الماضي ومنذ يونيو حزيران 2013"))
    assert d == {"مايو أيار الماضي": "2015-05", "يونيو حزيران 2013": "2013-06"}


def test_numbers_above_31_are_not_days():
    assert pairs("كما في المادة 45 منه") == []


def test_dash_between_two_names_of_one_month_is_not_a_range():
    assert pairs("منذ يونيو - حزيران 2013") == [("يونيو - حزيران 2013", "2013-06")]
    assert pairs("من يونيو - سبتمبر") == [("من يونيو - سبتمبر", "2015-06/2015-09")]
