"""Retraining on a small slice gives a working model (slow: run with -m slow)."""

from __future__ import annotations

import pytest

from tests.conftest import shared_path


@pytest.mark.slow
def test_retrain_small_slice(tmp_path):
    from rasd.ner.model import NerModel
    from rasd.ner.train import main

    shared = shared_path("data", "ner", "anercorp", "train.txt").parents[3]
    assert main(["--shared", str(shared), "--out", str(tmp_path), "--limit", "300",
                 "--iters", "30"]) == 0
    m = NerModel(tmp_path)
    tags, probs = m.tag(["زار", "الرئيس", "القاهرة", "."], marginals=True)
    assert len(tags) == 4 and len(probs) == 4
    assert (tmp_path / "ner_meta.json").is_file()


def test_missing_shared_is_a_data_error(tmp_path):
    from rasd.errors import DataError
    from rasd.ner.train import main

    with pytest.raises(DataError):
        main(["--shared", str(tmp_path / "nowhere")])


def test_missing_model_is_a_model_error(tmp_path):
    from rasd.errors import ModelError
    from rasd.ner.model import NerModel

    with pytest.raises(ModelError):
        NerModel(tmp_path)


@pytest.mark.slow
def test_retrain_stacked_with_kb_and_triggers(tmp_path):
    from rasd.ner.model import PASS1_FILE, NerModel
    from rasd.ner.train import main

    shared = shared_path("data", "ner", "anercorp", "train.txt").parents[3]
    assert main(["--shared", str(shared), "--out", str(tmp_path), "--limit", "300",
                 "--iters", "20", "--stack", "2", "--kb", "--triggers"]) == 0
    assert (tmp_path / PASS1_FILE).is_file()
    m = NerModel(tmp_path)
    out = m.tag_doc([["زار", "الرئيس", "القاهرة", "."], ["وعاد", "إلى", "القاهرة"]],
                    marginals=True)
    assert [len(t) for t, _ in out] == [4, 3] and all(len(p) == len(t) for t, p in out)
    # Retraining without stacking removes the stale first pass.
    assert main(["--shared", str(shared), "--out", str(tmp_path), "--limit", "300",
                 "--iters", "20"]) == 0
    assert not (tmp_path / PASS1_FILE).is_file()
    NerModel(tmp_path)
