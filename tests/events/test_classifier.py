"""The shipped sentence classifier: loads offline, scores, and gates lexicon events."""

from __future__ import annotations

import pytest

from rasd.events import classify
from rasd.events.stage import EventStage
from rasd.text.normalize import normalize
from tests.events.helpers import make_doc


@pytest.fixture
def clf():
    c = classify.load_classifier()
    if c is None:
        pytest.skip("no shipped classifier model")
    return c


def test_model_loads_with_thresholds(clf) -> None:
    assert {"ASSAULT", "PROTEST"} <= clf.types
    assert 0 < clf.threshold("ASSAULT") < 1


def test_concrete_attack_scores_above_talk_about_violence(clf) -> None:
    report = "قتل مسلحون مجهولون أمس خمسة جنود في هجوم على حاجز للجيش شمال بغداد."
    talk = "فهل يجوز تبرير القتل والاغتيال السياسي في لبنان؟"
    assert clf.predict(report)["ASSAULT"] > clf.predict(talk)["ASSAULT"]


def test_strict_veto_drops_what_the_classifier_rejects(monkeypatch, clf) -> None:
    class Never(classify.Classifier):
        def predict(self, text, lex=()):
            return {t: 0.0 for t in self.types}

    monkeypatch.setattr(classify, "_override", Never({"models": {"ASSAULT": {"bias": 0, "weights": {}}}}))
    doc = make_doc("قتل مسلحون خمسة جنود في هجوم على حاجز.")
    assert [v.type for v in EventStage(clf_veto=1.0)(doc).events] == []
    doc = make_doc("قتل مسلحون خمسة جنود في هجوم على حاجز.")
    assert [v.type for v in EventStage(classifier=False)(doc).events] == ["ASSAULT"]


def test_features_are_stable() -> None:
    f = classify.features("وقتل 5 أشخاص أمس", ["lex:ASSAULT"])
    assert "w:قتل" in f and "num" in f and "lex:ASSAULT" in f and "cas:dead" in f and "day" in f


def test_toll_features_use_the_current_casualty_rules() -> None:
    # "بمقتل" (ب + toll noun) and "لقي N ... مصرعهم" count with today's rules, which the
    # shipped model is trained with (the pre-round-9 "legacy" counting is gone).
    assert "cas:dead" in classify.text_features("أفاد المرصد بمقتل تسعة أشخاص في القصف")
    assert "cas:dead" in classify.text_features("وأوقع الهجوم قتيلين في السوق")
    assert "cas:dead" not in classify.text_features("وصل تسعة أشخاص إلى المدينة")


def groups(text: str) -> list[str]:
    return classify.group_features(normalize(text))


def test_word_classes_see_through_clitics() -> None:
    f = groups("انفجرت بسيارة مفخخة وخطفوا الرهائن")
    assert {"g:explosives", "g:kidnap"} <= set(f)
    assert "g:protverb" in groups("وتظاهر الآلاف أمام البرلمان")
    plain = groups("وصل الوفد إلى العاصمة")
    assert not [x for x in plain if x.startswith(("g:", "g2:"))]
    assert "g2:explosives" in groups("تفجير عبوة ناسفة ثم انفجار قنبلة")


def test_year_and_chronology_cues() -> None:
    assert "year" in groups("في عام 2005 وقع هجوم")
    assert "listitem" in groups("20: تفجير انتحاري يقتل 60 شخصا")
    assert "listitem" not in groups("قتل 20 شخصا امس")


def test_protest_report_scores_above_talk_about_protest(clf) -> None:
    report = "تظاهر آلاف الطلاب مساء أمس أمام مقر البرلمان في العاصمة احتجاجا على رفع الأسعار."
    talk = "ويرى محللون أن الاحتجاجات والثورة ليست حلا للأزمة السياسية في البلاد."
    assert clf.predict(report)["PROTEST"] > clf.predict(talk)["PROTEST"]


def test_soft_training_targets() -> None:
    import sys

    from tests.conftest import REPO

    sys.path.insert(0, str(REPO / "scripts"))
    from train_events_clf import target

    assert target({"label": "yes", "accept": "3", "total": "3"}) == 1.0
    assert target({"label": "easy no", "accept": "0", "total": "3"}) == 0.0
    assert target({"label": "difficult no", "accept": "1", "total": "4"}) == 0.25
    assert target({"label": "ambiguous", "accept": "2", "total": "3"}) == 2 / 3
    assert target({"label": "ambiguous", "accept": "x", "total": "0"}) == 0.0


def test_prediction_is_cheap_and_total(clf) -> None:
    for text in ("", "...", "Latin only text", "قتل " * 5000):
        p = clf.predict(text)
        assert set(p) == clf.types and all(0.0 <= v <= 1.0 for v in p.values())


def test_protest_report_shape_feature() -> None:
    assert "c:protest_report" in groups("وتظاهر الآلاف أمس في العاصمة")
    assert "c:protest_report" not in groups("ورفع المتظاهرون لافتات تندد بالحكومة")


def test_veto_map_puts_the_stage_veto_at_the_low_positive_quantile() -> None:
    np = pytest.importorskip("numpy")
    import math
    import sys

    from tests.conftest import REPO

    sys.path.insert(0, str(REPO / "scripts"))
    import train_events_clf as T

    z = np.linspace(-4.0, 4.0, 81)
    pos = z > -2.0  # positives spread over (-2, 4]
    t = 0.6
    a, b = T._veto_map(z, pos, t)
    sig = lambda x: 1 / (1 + math.exp(-x))  # noqa: E731
    z_t = math.log(t / (1 - t))
    assert abs(sig(a * z_t + b) - t) < 1e-9  # the threshold decision does not move
    z_v = float(np.quantile(z[pos], T.VETO_LOSS))
    assert abs(sig(a * z_v + b) - T.STAGE_VETO * t) < 1e-9
    assert a > 0
    assert T._veto_map(z, np.zeros_like(pos), t) == (1.0, 0.0)  # too few positives: identity
