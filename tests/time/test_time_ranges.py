"""Ranges as ISO intervals; endpoints that stand alone are also listed."""

from tests.time._helpers import pairs, run


def test_day_range_sharing_a_month():
    assert pairs("من 1 إلى 5 يوليو") == [("من 1 إلى 5 يوليو", "2015-07-01/2015-07-05")]


def test_year_range():
    assert pairs("خطة عمل للفترة من 2015 إلى 2019") == [("من 2015 إلى 2019", "2015/2019")]
    assert pairs("بين عامي 2010 و2012") == [("بين عامي 2010 و2012", "2010/2012")]


def test_range_with_anaphoric_end_and_parts():
    doc = run("في أيام العيد منذ 17 يوليو (تموز) حتى 19 منه، حيث")
    got = [(t.text, t.value, bool(t.extra.get("range_part"))) for t in doc.times]
    assert ("منذ 17 يوليو (تموز) حتى 19 منه", "2015-07-17/2015-07-19", False) in got
    assert ("17 يوليو (تموز)", "2015-07-17", True) in got
    assert ("19 منه", "2015-07-19", True) in got


def test_dash_range_and_this_month():
    assert pairs("بين 10-15 يوليو 2014") == [("بين 10-15 يوليو 2014", "2014-07-10/2014-07-15")]
    assert pairs("من 10 إلى 15 من الشهر الجاري") == [
        ("من 10 إلى 15 من الشهر الجاري", "2015-07-10/2015-07-15")]


def test_backwards_range_has_no_value():
    [(text, value)] = pairs("من 2019 إلى 2015")
    assert value is None


def test_range_across_months_takes_the_end_year_from_the_start():
    doc = run("من 25 تموز (يوليو) إلى الثاني من آب (أغسطس)")
    got = [(t.text, t.value) for t in doc.times]
    assert got[0] == ("من 25 تموز (يوليو) إلى الثاني من آب (أغسطس)", "2015-07-25/2015-08-02")
    assert ("الثاني من آب (أغسطس)", "2015-08-02") in got
    assert pairs("من ديسمبر إلى فبراير") == [("من ديسمبر إلى فبراير", "2014-12/2015-02")]


def test_dashed_year_ranges_but_not_amounts():
    assert pairs("موسم 2012-2013 ولسنة 2014 - 2015 وعاش (1889 – 1988)") == [
        ("2012-2013", "2012/2013"), ("سنة 2014 - 2015", "2014/2015"), ("1889 – 1988", "1889/1988")]
    assert pairs("تتراوح الأسعار بين (1200 - 1900) ريال") == []
