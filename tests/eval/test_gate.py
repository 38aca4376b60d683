"""The evaluation gate: pinned per-stage scores on ../shared/gold-dev may not drop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.eval import evaluate_dir
from rasd.eval.gate import check_gate, load_baseline
from rasd.eval.score import GATED, flat
from tests.conftest import shared_path

BASELINE = Path(__file__).resolve().parents[2] / "eval" / "baseline.json"


@pytest.fixture(scope="module")
def report():
    return evaluate_dir(shared_path("gold-dev"))


def test_every_gated_metric_has_a_floor():
    floors = load_baseline(BASELINE)
    missing = [k for k in GATED if k not in floors]
    assert not missing, f"eval/baseline.json lacks floors for {missing}"


def test_scores_not_below_floors(report):
    failures = check_gate(report, BASELINE)
    got = json.dumps(flat(report), indent=1)
    assert not failures, "\n".join(failures) + f"\nscores now:\n{got}"


def test_gate_fails_when_a_score_drops(report, tmp_path):
    # The gate must be able to fail: a floor just above the current score trips it.
    k = "entities.mentions.f1"
    v = flat(report)[k] or 0.0
    b = tmp_path / "b.json"
    b.write_text(json.dumps({"floors": {k: v + 0.01}}))
    assert check_gate(report, b)
