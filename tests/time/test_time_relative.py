"""Relative days, weeks, months; weekdays; the story date pinned by the text."""

from tests.time._helpers import pairs, run, value_of

# 2015-07-21 is a Tuesday.


def test_relative_days():
    d = dict(pairs("وصل اليوم بعد أن غادر أمس وكان هناك أمس الأول ويعود غدا وبعد غد"))
    assert d == {"اليوم": "2015-07-21", "أمس": "2015-07-20", "أمس الأول": "2015-07-19",
                 "غدا": "2015-07-22", "بعد غد": "2015-07-23"}
    assert value_of("اشتباكات مساء أول من أمس", "أول من أمس") == "2015-07-19"
    assert value_of("هجوم الليلة الماضية", "الليلة الماضية") == "2015-07-20"


def test_today_as_the_day_is_not_a_date():
    assert pairs("في اليوم الوطني والاحتفال باليوم العالمي للمرأة") == []
    assert pairs("في نفس اليوم") == []


def test_weekdays_most_recent_on_or_before_dateline():
    assert value_of("قتل ثلاثة الأحد في حلب", "الأحد") == "2015-07-19"
    assert value_of("وصل يوم الثلاثاء", "يوم الثلاثاء") == "2015-07-21"
    assert value_of("التقى الخميس الماضي", "الخميس الماضي") == "2015-07-16"


def test_weekdays_next():
    assert value_of("يصل الوفد يوم الأحد المقبل", "يوم الأحد المقبل") == "2015-07-26"
    assert value_of("تعقد الجلسة الخميس القادم", "الخميس القادم") == "2015-07-23"
    assert value_of("سيزور الرئيس القاهرة الخميس", "الخميس") == "2015-07-23"


def test_weekday_lists_are_consecutive_past_days():
    d = dict(pairs("المحادثات التي بدأت يومي الثلاثاء والأربعاء"))
    assert d == {"يومي الثلاثاء": "2015-07-14", "الأربعاء": "2015-07-15"}


def test_generic_friday_prayer_has_no_value():
    doc = run("تفجير مساجد خلال صلاة يوم الجمعة")
    [t] = doc.times
    assert t.value is None and t.extra.get("generic")


def test_weekday_pins_the_story_date():
    # The site stamped the article on Tuesday 21st; the text says "today (Friday)".
    doc = run("قتل 13 شخصا اليوم (الجمعة) في داماتورو. وقال إن صباح اليوم شهد انفجارا. ومساء الخميس قتل 49")
    d = {t.text: t.value for t in doc.times}
    assert d["اليوم (الجمعة)"] == "2015-07-17"
    assert d["اليوم"] == "2015-07-17"
    assert d["الخميس"] == "2015-07-16"
    assert doc.meta["time_anchor"] == {"anchor": "2015-07-17", "anchor_from": "weekday"}


def test_tomorrow_with_weekday():
    assert value_of("الاجتماعات المقررة غدا الاثنين في بروكسل", "غدا الاثنين") == "2015-07-20"


def test_relative_weeks_and_months():
    d = dict(pairs("في الأسبوع الماضي والأسبوع المقبل وهذا الأسبوع والشهر الماضي والشهر المقبل"))
    assert d == {"الأسبوع الماضي": "2015-W29", "الأسبوع المقبل": "2015-W31",
                 "هذا الأسبوع": "2015-W30", "الشهر الماضي": "2015-06", "الشهر المقبل": "2015-08"}


def test_ago():
    d = dict(pairs("قتل قبل ثلاثة أيام ووصل قبل أسبوعين وغادر قبل عامين وقبل 48 ساعة"))
    assert d == {"قبل ثلاثة أيام": "2015-07-18", "قبل أسبوعين": "2015-W28",
                 "قبل عامين": "2013", "قبل 48 ساعة": "2015-07-19"}


def test_since_is_a_duration_with_its_start():
    doc = run("وصل منذ أسبوعين")
    [t] = doc.times
    assert (t.value, t.precision, t.extra["since"]) == ("P2W", "duration", "2015-W28")


def test_anaphoric_then():
    d = dict(pairs("وقع حادث مماثل في مارس 2014. وقتل آنذاك خمسة جنود"))
    assert d["آنذاك"] == "2014-03"


def test_day_of_this_month():
    assert value_of("في 19 منه", "19 منه") is None  # no month to refer to
    assert value_of("وصل في الخامس من الشهر الجاري", "الخامس من الشهر الجاري") == "2015-07-05"


def test_without_published_relative_values_stay_relative():
    doc = run("غادر أمس ويعود الأحد المقبل بعد أن وصل الأسبوع الماضي في يونيو", published=None)
    got = {t.text: (t.value, t.extra.get("relative")) for t in doc.times}
    assert got["أمس"] == (None, "P-1D")
    assert got["الأحد المقبل"] == (None, "XXXX-WXX-7")
    assert got["الأسبوع الماضي"] == (None, "P-1W")
    assert got["يونيو"] == (None, "XXXX-06")


def test_without_published_absolute_values_still_resolve():
    assert pairs("في 12 يناير 2014 وعام 2009", published=None) == [
        ("12 يناير 2014", "2014-01-12"), ("عام 2009", "2009")]


def test_seasons_have_no_value():
    doc = run("هجومهم السنوي في الربيع والصيف وخلال الربيع العربي")
    assert [(t.text, t.value) for t in doc.times] == [("الربيع", None), ("الصيف", None)]


def test_anaphor_needs_a_close_antecedent():
    far = "وقع حادث مماثل في مارس 2014. " + "وقال المسؤول إن التحقيق مستمر. " * 40 + "وقتل آنذاك خمسة"
    doc = run(far)
    assert [t.value for t in doc.times if t.text == "آنذاك"] == [None]


def test_words_that_look_like_times_but_are_not():
    assert pairs("نحن بأمسّ الحاجة إلى الدعم") == []
    assert pairs("قال المستوطنين الاثنين حاولا الهرب") == []
    assert pairs("وقال لـ«اليوم» إن المشروع") == []
    assert pairs("أكثر من 1200 حالة") == []
    assert pairs("النساء في العشرينات من العمر") == []
    assert pairs("وكان الشرطي، 47 عاما، يشارك") == []
    assert value_of("كان بالأمس هنا", "الأمس") == "2015-07-20"


def test_hijri_relative_year():
    assert value_of("خلال العام الهجري الماضي", "العام الهجري الماضي") == "2013-11-04/2014-10-24"
    assert pairs("مع بداية العام الدراسي") == []


def test_before_last():
    d = dict(pairs("في العام قبل الماضي والأسبوع قبل الماضي"))
    assert d == {"العام قبل الماضي": "2013", "الأسبوع قبل الماضي": "2015-W28"}


def test_night_before_last():
    assert value_of("في بيان صدر الليلة قبل الماضية", "الليلة قبل الماضية") == "2015-07-19"
