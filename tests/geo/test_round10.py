"""Round 10: indefinite "عاصمة X" is the construct "the capital of X", so X names a country
or an admin area, never a town (مسقط عاصمة عمان: Oman, not Amman); "العاصمة X" (with ال)
is apposition, "the capital, X", and keeps the town reading."""

from __future__ import annotations

import rasd.geo.resolve as R
from rasd.geo.stage import GeoStage
from tests.geo._helpers import ner_doc


def _geo(text: str, surf: str, ents: list[tuple[str, str, str]] = ()):
    """The geo of the (last) entity whose first mention is ``surf`` after the geo stage."""
    doc = ner_doc(text, list(ents) or [("e1", "LOC", surf)])
    GeoStage()(doc)
    hits = [e for e in doc.entities if any(m.text == surf for m in e.mentions)]
    assert hits, [(e.name, [m.text for m in e.mentions]) for e in doc.entities]
    return hits[-1].geo


def test_name_after_indefinite_capital_is_the_country():
    text = "وصل الوفد إلى مسقط عاصمة عمان أمس."
    g = _geo(text, "عمان", [("e1", "LOC", "مسقط"), ("e2", "LOC", "عمان")])
    assert g is not None and g.country == "OM" and g.level == "country"


def test_with_a_clitic_on_the_cue_too():
    g = _geo("أقيم المعرض في مسقط وعاصمة عمان تستعد لحدث آخر.", "عمان",
             [("e1", "LOC", "مسقط"), ("e2", "LOC", "عمان")])
    assert g is not None and g.country == "OM" and g.level == "country"


def test_definite_capital_keeps_the_town():
    g = _geo("وصل الوزير إلى العاصمة عمان أمس.", "عمان")
    assert g is not None and g.country == "JO" and g.level == "city"
    g = _geo("وصل الوزير إلى العاصمة الأردنية عمان أمس.", "عمان")
    assert g is not None and g.country == "JO" and g.level == "city"


def test_country_named_like_its_capital():
    g = _geo("وصل إلى جيبوتي عاصمة جيبوتي أمس.", "جيبوتي")
    assert g is not None and g.country == "DJ"
    g = _geo("الكويت عاصمة الكويت.", "الكويت")
    assert g is not None and g.country == "KW"


def test_admin_area_after_capital_stays_the_area():
    # "عاصمة محافظة لحج": the governorate, not its same-named chief town.
    text = "دخلت القوات مدينة الحوطة عاصمة محافظة لحج أمس."
    doc = ner_doc(text, [("e1", "LOC", "الحوطة"), ("e2", "LOC", "محافظة لحج")])
    GeoStage()(doc)
    area = [e for e in doc.entities if any("لحج" in m.text for m in e.mentions)]
    assert area and area[0].geo is not None and area[0].geo.level == "admin1"
    assert area[0].geo.country == "YE"


def test_without_the_rule_the_town_wins(monkeypatch):
    # Guards that the tests above test the rule: switched off, عمان reads as Amman again.
    monkeypatch.setattr(R, "_CAPITAL_OF", "__off__")
    monkeypatch.setattr(R, "_CITY_CUES", R._CITY_CUES | {"عاصمه"})
    g = _geo("وصل الوفد إلى مسقط عاصمة عمان أمس.", "عمان",
             [("e1", "LOC", "مسقط"), ("e2", "LOC", "عمان")])
    assert g is not None and g.level == "city"


def test_li_plus_article_is_definite():
    # للعاصمة = ل + العاصمة (the article's alef elided): apposition, the town.
    g = _geo("عاد الوفد للعاصمة عمان أمس.", "عمان")
    assert g is not None and g.country == "JO" and g.level == "city"

