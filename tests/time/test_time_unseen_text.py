"""Round 4: rules from an audit on unseen news text (own sentences, not corpus text)."""

from rasd.doc import Doc
from rasd.time.stage import TimeStage, time_scopes
from tests.time._helpers import pairs, run, value_of

SUN = "2015-08-09"  # a Sunday


def test_square_metres_are_not_years():
    text = "أنشئت حديقة بمساحة 4200 م٢ وساحة مساحتها 2500م2 وملعب مساحته 3100 م مربع"
    assert pairs(text, SUN) == []
    # the calendar mark still works
    assert value_of("افتتح المبنى عام 2009م وسط المدينة", "عام 2009م", SUN) == "2009"


def test_zero_in_a_score_is_not_safar():
    assert pairs("انتهت المباراة صفر-صفر ثم فاز الفريق 3-صفر", SUN) == []
    assert pairs("تعادل الفريقان صفر - 2", SUN) == []
    assert value_of("يبدأ التسجيل في 10 صفر 1437 هـ", "10 صفر 1437 هـ", SUN) == "2015-11-22"


def test_the_nth_day_is_not_today():
    assert pairs("سجلت الشرطة في اليوم الـ12 من رمضان أعلى رقم", SUN) == [("12 من رمضان", "2015-06-29")]
    assert [p for p, _ in pairs("وفي اليوم الخامس عشر من شوال أعلن", SUN)] == ["الخامس عشر من شوال"]
    assert pairs("خلال الأيام الثلاثة والـ9 والـ20 من الشهر الماضي ضبطت", SUN)[0][0] != "الأيام الثلاثة"
    # a real duration stays
    assert pairs("خلال الساعات الـ48 الماضية", SUN) == [("الساعات الـ48", "PT48H")]


def test_per_day_is_not_today():
    assert pairs("يعيش على أقل من دولارين في اليوم", SUN) == []
    assert pairs("يتناول الدواء أربع مرات في اليوم", SUN) == []
    assert pairs("افتتح الوزير في اليوم معرضا للكتاب", SUN) == [("اليوم", SUN)]


def test_hijri_month_of_last_year():
    assert value_of("مقارنة بشهر رمضان المبارك من العام الماضي", "شهر رمضان المبارك من العام الماضي",
                    SUN) == "2014-06-28/2014-07-27"
    assert value_of("ارتفعت المبيعات عن رمضان للعام السابق", "رمضان للعام السابق", SUN) == "2014-06-28/2014-07-27"
    assert value_of("تقام في شهر شوال للعام المقبل", "شهر شوال للعام المقبل", SUN) == "2016-07-06/2016-08-03"
    assert value_of("سافر في أبريل للعام الماضي", "أبريل للعام الماضي", SUN) == "2014-04"


def test_period_modifier_with_year_number():
    assert value_of("تأسست الشركة بحلول نهاية العام 2011", "نهاية العام 2011", SUN) == "2011"
    assert value_of("تكتمل مع نهاية العام الجاري", "نهاية العام الجاري", SUN) == "2015"
    assert value_of("بدأ البث مطلع العام 1400هـ", "مطلع العام 1400هـ", SUN) == "1979-11-20/1980-11-08"
    # an amount after "بداية العام" is not a year
    assert pairs("ارتفع المؤشر منذ بداية العام 4.5 بالمائة", SUN) == [("بداية العام", "2015")]
    assert pairs("كان المؤشر بداية العام 812 نقطة", SUN) == [("بداية العام", "2015")]
    assert pairs("كان المؤشر بداية العام 6120 نقطة", SUN) == [("بداية العام", "2015")]


def test_deadline_takes_the_nearest_occurrence():
    # 45 days ahead rather than 320 days back
    assert value_of("يبقى المعرض مفتوحا حتى 20 سبتمبر", "20 سبتمبر", SUN) == "2015-09-20"
    assert value_of("على الشركات التسجيل بحلول يوم 5 أكتوبر", "5 أكتوبر", SUN) == "2015-10-05"
    # a date before the dateline month keeps the usual reading
    assert value_of("استمر الحصار حتى 3 يونيو", "3 يونيو", SUN) == "2015-06-03"
    # 31 December read on 2 January: the day that has just passed
    assert value_of("غادرت القوات بحلول 31 ديسمبر", "31 ديسمبر", "2024-01-02") == "2023-12-31"
    # no deadline word: a later month is last year's, as before
    assert value_of("وقعت الحادثة في 20 سبتمبر", "20 سبتمبر", SUN) == "2014-09-20"


def test_weekday_after_a_future_day_is_future():
    text = "ويعود الفريق غدا (الاثنين) إلى جدة على أن يستأنف تدريباته الأربعاء."
    assert value_of(text, "الأربعاء", SUN) == "2015-08-12"
    # a new sentence starts afresh
    text2 = "ويعود الفريق غدا إلى جدة. وكان قد لعب الأربعاء مباراة ودية."
    assert value_of(text2, "الأربعاء", SUN) == "2015-08-05"


def test_qad_with_imperfect_is_future():
    assert value_of("قد يصوت المجلس على القانون الخميس", "الخميس", SUN) == "2015-08-13"
    # قد + perfect: already done
    assert value_of("وقد تمكن الجيش الخميس من دخول المدينة", "الخميس", SUN) == "2015-08-06"


def test_short_syriac_month_names_and_range():
    got = pairs("خلال الفترة من آذار/مارس حتى تشرين ثان/نوفمبر 1950 جرت", SUN)
    assert got[0] == ("من آذار/مارس حتى تشرين ثان/نوفمبر 1950", "1950-03/1950-11")
    assert value_of("في كانون ثان/يناير 2013", "كانون ثان/يناير 2013", SUN) == "2013-01"


def test_year_range_with_dual_noun_and_bracketed_year():
    assert pairs("نمت الأرباح بين العامين 2011 و2012 بنسبة", SUN)[0] == ("بين العامين 2011 و2012", "2011/2012")
    assert value_of("انضم إلى النادي عام (2012) قادما من", "عام (2012)", SUN) == "2012"
    assert pairs("حقق عام (40 مليون) ريال", SUN) == []
    assert pairs("خلال العامين الماضيين", SUN) == [("العامين الماضيين", "P2Y")]


def test_ago_counted_from_another_event_is_a_duration():
    got = run("سلمت المواقع قبل ثلاثة أشهر من موسم الحج", SUN).times[0]
    assert (got.text, got.value, got.precision, got.extra.get("before_event")) == (
        "قبل ثلاثة أشهر", "P3M", "duration", True)
    assert value_of("وقع ذلك قبل عامين من الآن", "قبل عامين", SUN) == "2013"
    # "من قبل" is the agent of a passive verb ("by gunmen"), not another event
    assert value_of("خطف قبل يومين من قبل مسلحين", "قبل يومين", SUN) == "2015-08-07"


def test_time_scope_for_events():
    text = ("المهاجم من مواليد عام 1990، وهاجم المركز أمس. وكان قد نفذ هجوما عام 2012. "
            "وتستمر المهلة حتى 20 سبتمبر، وارتفعت الأسعار هذا العام منذ عامين.")
    doc = run(text, SUN)
    sc = {t.text: s for t, s in zip(doc.times, doc.scratch["time_scope"])}
    assert sc["عام 1990"] == {"scope": "past", "days": -9351, "role": "birth"}
    assert sc["أمس"]["scope"] == "news" and sc["أمس"]["days"] == -1
    assert sc["عام 2012"]["scope"] == "past" and sc["عام 2012"]["role"] is None
    assert sc["20 سبتمبر"] == {"scope": "future", "days": 42, "role": "deadline"}
    assert sc["هذا العام"]["scope"] == "current"
    assert sc["منذ عامين"] == {"scope": "none", "days": None, "role": "since"}
    assert len(doc.scratch["time_scope"]) == len(doc.times)
    # no dateline: every scope is "none"; empty text: empty list
    assert {s["scope"] for s in TimeStage()(Doc(text=text)).scratch["time_scope"]} == {"none"}
    assert time_scopes("", [], None) == []
