"""The shipped sentence classifier: loads offline, scores, and gates lexicon events."""

from __future__ import annotations

import pytest

from rasd.events import classify
from rasd.events.stage import EventStage
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
