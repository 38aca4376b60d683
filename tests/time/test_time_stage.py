"""The stage in a pipeline, and the JSON it produces."""

import json

from rasd.doc import Doc
from rasd.pipeline import Pipeline
from rasd.time.stage import TimeStage
from tests.time._helpers import run


def test_stage_contract():
    st = TimeStage()
    assert (st.name, st.requires, st.provides) == ("time", ("sentences",), ("times",))


def test_in_pipeline_and_serialised_flat():
    pipe = Pipeline.from_config({"pipeline": {"stages": ["text", "time"]}})
    doc = pipe(Doc(text="وقال مصدر أمس إن الهجوم وقع في 15 رمضان 1436 هـ.", published="2015-07-21"))
    d = json.loads(json.dumps(doc.to_dict()))
    assert [(t["text"], t["value"], t["precision"]) for t in d["times"]] == [
        ("أمس", "2015-07-20", "day"), ("15 رمضان 1436 هـ", "2015-07-02", "day")]
    assert d["times"][1]["hijri"] == "1436-09-15"
    back = Doc.from_dict(d)
    assert back.times[1].extra == {"hijri": "1436-09-15"}


def test_clitics_stay_outside_the_span():
    doc = run("وبعد الهجوم وفي يونيو الماضي وخلال العام الماضي وللعام الماضي")
    assert [t.text for t in doc.times] == ["يونيو الماضي", "العام الماضي", "لعام الماضي"]


def test_times_are_in_text_order_and_offsets_true():
    doc = run("غادر أمس، ويصل في 5 يوليو، ثم الأسبوع المقبل.")
    starts = [t.start for t in doc.times]
    assert starts == sorted(starts)
    for t in doc.times:
        assert doc.text[t.start:t.end] == t.text


def test_published_with_a_time_part_and_the_anchor_in_scratch():
    doc = run("غادر أمس", published="2015-07-21T09:30:00+03:00")
    assert doc.times[0].value == "2015-07-20"
    assert doc.scratch["time_anchor"] == "2015-07-21"
    assert "time_anchor" not in doc.meta  # only reported when it differs from published
