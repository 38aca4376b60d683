"""Round 8 event-time rules, from an audit of event times on unseen corpus articles (all
sentences here are made up). The time stage's ``time_scope`` (scope/days/role per time)
lets events tell background from news: a pluperfect or a text set in the past inherits
no news time; a birth year dates no event; a deadline still ahead makes the event
planned; a time inside a relative clause that has closed, or before a charge word, is
another predicate's; a duration counted from another event is no time point."""

from __future__ import annotations

from rasd.events.stage import EventStage
from rasd.time.stage import TimeStage
from tests.events.helpers import make_doc

PUB = "2024-03-10"
NEWS = "أعلنت الحكومة أمس إغلاق الحدود الشمالية. "


def _events(text: str):
    doc = make_doc(text, published=PUB)
    TimeStage()(doc)  # real times and doc.scratch["time_scope"]
    return EventStage(classifier=False)(doc).events


def _one(text: str, typ: str, trig: str):
    evs = [v for v in _events(text) if v.type == typ and trig in v.trigger.text]
    assert evs, [(v.type, v.trigger.text) for v in _events(text)]
    return evs[0]


# -- background events inherit no news time ------------------------------------------------

def test_plain_event_inherits_the_news_time() -> None:
    ev = _one(NEWS + "وشن الجيش هجوما على المتمردين في الجبال.", "ASSAULT", "شن")
    assert ev.time == {"value": "2024-03-09", "precision": "day"}
    assert ev.extra.get("time_from") == "article"


def test_pluperfect_event_is_background() -> None:
    ev = _one(NEWS + "وكان الجيش قد شن هجوما على المتمردين في الجبال.", "ASSAULT", "شن")
    assert ev.time is None
    assert ev.extra.get("background") is True


def test_story_moved_into_the_past_is_background() -> None:
    text = NEWS + "وفي عام 1990 اندلعت حرب طويلة في البلاد. وقتل آلاف المدنيين في المعارك."
    assert _one(text, "ASSAULT", "قتل").time is None


def test_period_up_to_now_does_not_set_the_past() -> None:
    # "خلال العام الماضي" runs up to the news; the next event is still the report's.
    text = NEWS + "وتحسن الاقتصاد خلال العام الماضي. وقتل خمسة جنود في المعارك."
    assert _one(text, "ASSAULT", "قتل").time == {"value": "2024-03-09", "precision": "day"}


# -- roles: birth and deadline ---------------------------------------------------------------

def test_birth_year_never_dates_an_event() -> None:
    ev = _one(NEWS + "وفجر الانتحاري نفسه في المسجد، وهو من مواليد عام 1995.", "ASSAULT", "فجر")
    assert ev.time is None or ev.time["value"] != "1995"


def test_deadline_ahead_makes_the_event_planned() -> None:
    ev = _one("ولا يزال أمام البرلمان حتى 20 مارس للتصويت على القانون.", "AGREE", "تصويت")
    assert ev.status == "planned"
    assert ev.time == {"value": "2024-03-20", "precision": "day"}


# -- a time of another clause ------------------------------------------------------------------

def test_closed_relative_clause_time_is_not_the_later_events() -> None:
    text = "أفلت المسلح الذي قتل 12 شخصا داخل سوق في عام 2012، من الإعدام، ولن يحصل على إطلاق سراح مشروط."
    assert _one(text, "ASSAULT", "قتل").time == {"value": "2012", "precision": "year"}
    assert _one(text, "CONCEDE", "إطلاق").time is None


def test_recent_relative_clause_time_is_a_last_resort() -> None:
    text = "وقالت الشرطة إن المظاهرة التي انطلقت صباح الأربعاء ضمت ألفي مدرس، وإن قوات الأمن فرقت المظاهرة بالقوة."
    assert _one(text, "COERCE", "فرقت").time == {"value": "2024-03-06", "precision": "day"}


def test_charged_killing_does_not_take_the_conviction_time() -> None:
    ev = _one("وكان الرجل دين الشهر الماضي بتهمة قتل زوجته.", "ASSAULT", "قتل")
    assert ev.time is None


# -- a duration counted from another event -------------------------------------------------------

def test_before_event_duration_is_no_time_point() -> None:
    ev = _one("وارتفعت حصيلة القتلى منذ بدء المعارك إلى 300 قتيل قبل ستة أشهر من الانتخابات.", "ASSAULT", "القتلى")
    assert ev.extra.get("cumulative") is True  # (cumulative tolls may take durations)
    assert ev.time is None


def test_kana_of_another_clause_is_no_pluperfect() -> None:
    # "كانوا أجانب وكلهم قتلوا": كان is the copula of another clause, not a pluperfect.
    ev = _one(NEWS + "وقال المتحدث إن الركاب كانوا أجانب وكلهم قتلوا.", "ASSAULT", "قتلوا")
    assert ev.time == {"value": "2024-03-09", "precision": "day"}


def test_happening_clause_sets_the_time_of_its_consequence() -> None:
    text = "وشكل الهجوم الذي وقع في 20 فبراير، شرارة اندلاع أعمال العنف في البلاد لتنتهي هدنة تعود الى العام 2013."
    ev = _one(text, "PROTEST", "العنف")
    assert ev.time == {"value": "2024-02-20", "precision": "day"}
