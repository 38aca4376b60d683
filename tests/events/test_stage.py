"""The stage contract: attributes, odd input, offsets, serialisation, pipeline use."""

from __future__ import annotations

import pytest

from rasd.doc import Doc
from rasd.events.stage import EventStage
from rasd.pipeline import Pipeline, load_stage
from tests.events.helpers import make_doc


def test_stage_attributes() -> None:
    st = load_stage("events")
    assert isinstance(st, EventStage)
    assert st.name == "events"
    assert st.requires == ("entities", "times")
    assert st.provides == ("events", "quotes")


@pytest.mark.parametrize("text", ["", "   ", "...!!!", "Hello world, no Arabic here.", "«»", "\"",
                                  "قال", "إن إن إن أن"])
def test_odd_input_does_not_crash(text: str) -> None:
    doc = EventStage()(Doc(text=text))
    assert doc.check_offsets() == []


def test_long_input_is_fine() -> None:
    text = ("قتل مسلحون ثلاثة جنود في هجوم على حاجز. " * 2000).strip()
    doc = EventStage()(make_doc(text))
    assert doc.check_offsets() == []
    assert doc.events


def test_offsets_and_json_round_trip() -> None:
    text = "قالت الشرطة إن متظاهرين أصيبوا برصاص قوات الأمن في العاصمة، وإن 5 أشخاص قتلوا."
    doc = EventStage()(make_doc(text, [("ORG", "الشرطة", ["الشرطة"])]))
    assert doc.check_offsets() == []
    d = doc.to_dict()
    for v in d["events"]:
        assert v["type"] and v["trigger"]["text"] == text[v["trigger"]["start"]:v["trigger"]["end"]]
        assert v["status"] in ("completed", "ongoing", "planned", "negated", "hypothetical")
        assert "main" in v
    assert Doc.from_dict(d).events[0].type == d["events"][0]["type"]


def test_runs_without_text_stage_output() -> None:
    doc = EventStage()(Doc(text="تظاهر مئات الطلاب أمام البرلمان."))
    assert [v.type for v in doc.events] == ["PROTEST"]


def test_in_a_pipeline_with_hand_made_entities() -> None:
    class Given:
        name, requires, provides = "given", ("tokens",), ("entities", "times")

        def __call__(self, doc):
            return doc

    text = "هاجم مسلحون مركزا للشرطة."
    pipe = Pipeline([load_stage("text"), Given(), EventStage()])
    doc = pipe(Doc(text=text))
    assert [v.type for v in doc.events] == ["ASSAULT"]
