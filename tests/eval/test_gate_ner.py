"""The NER gate: retrain on the first nine tenths of ANERcorp train with the shipped
settings, score the held-out last tenth (conlleval, entity-level micro F1), and compare
with the floor pinned in eval/baseline.json. The shipped model itself is trained on all
of train, so it is never scored on data it saw."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import shared_path

BASELINE = Path(__file__).resolve().parents[2] / "eval" / "baseline.json"


def test_ner_heldout_f1_not_below_floor(tmp_path):
    data = shared_path("data", "ner", "anercorp", "train.txt")
    from rasd.ner.corpus import read_conll, split_heldout
    from rasd.ner.model import NerModel
    from rasd.ner.train import DEFAULTS, package_data_dir, score_model, train_model

    meta = json.loads((package_data_dir() / "ner_meta.json").read_text(encoding="utf-8"))
    params = dict(DEFAULTS)
    params.update({k: v for k, v in meta.items() if k in DEFAULTS})
    train, dev = split_heldout(read_conll(data))
    train_model(train, tmp_path, package_data_dir(), params, False)
    assert NerModel(tmp_path) is not None
    sc = score_model(tmp_path, dev)
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))["floors_ner"]
    f1 = sc.f1
    assert f1 + 1e-6 >= floors["heldout.micro_f1"], sc.report()
    for t in ("LOC", "ORG", "PERS", "MISC"):
        assert sc.by_type(t)[2] + 1e-6 >= floors[f"heldout.{t}.f1"], sc.report()
