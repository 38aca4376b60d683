"""The OEDA gate: sentence-level ASSAULT/PROTEST detection on the OEDA Arabic event GSR dev
quarter, 5-fold cross-validated (every sentence is scored by a classifier trained without
its fold, settings chosen inside the training folds; scripts/train_events_clf.py), compared
with the floors pinned in eval/baseline.json (``floors_oeda``). The same numbers as
``bench/events_oeda.py --cv``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.conftest import shared_path

REPO = Path(__file__).resolve().parents[2]
BASELINE = REPO / "eval" / "baseline.json"


def test_oeda_cross_validated_detection_not_below_floor():
    shared_path("data", "events", "arabic_event_gsr_dev", "assault_gsr_dev.csv")
    for sub in ("scripts", "bench"):
        if str(REPO / sub) not in sys.path:
            sys.path.insert(0, str(REPO / sub))
    import events_oeda
    from train_events_clf import cv_models

    from rasd.doc import Doc
    from rasd.events import classify
    from rasd.events.stage import EventStage

    fold_models = cv_models()
    stage = EventStage()

    def detect(text: str, kind: str, row: dict) -> bool:
        classify._override = fold_models[row["id"]]
        return any(v.type == kind for v in stage(Doc(text=text)).events)

    try:
        got = {kind: events_oeda.evaluate(kind, events_oeda.load(kind), detect)
               for kind in ("ASSAULT", "PROTEST")}
    finally:
        classify._override = None
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["floors_oeda"]
    low = []
    for kind, r in got.items():
        k = kind.lower()
        if r["f1"] + 1e-9 < floors[f"{k}.f1"]:
            low.append(f"{kind} F1 {r['f1']} < {floors[f'{k}.f1']}")
        fa = int(r["difficult_no_false_alarms"].split("/")[0])
        if fa > floors[f"{k}.difficult_no_false_alarms_max"]:
            low.append(f"{kind} difficult-no false alarms {fa} > "
                       f"{floors[f'{k}.difficult_no_false_alarms_max']}")
    assert not low, f"{low}\n{json.dumps(got, ensure_ascii=False, indent=1)}"
