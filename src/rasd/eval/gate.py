"""The evaluation gate: pinned per-stage floors that a change may not go below.

``eval/baseline.json`` holds ``{"floors": {"entities.mentions.f1": 0.71, ...}}``. A score
under its floor fails the gate; lowering a floor is a deliberate edit of that file, made
in the same commit as the change, with the reason in the commit message.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasd.errors import DataError
from rasd.eval.score import flat

#: Tolerance for float noise only; the pipeline is deterministic.
EPS = 1e-6


def load_baseline(path: str | Path) -> dict[str, float]:
    """The floors of a baseline file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(f"cannot read baseline {path}: {exc}") from None
    floors = data.get("floors")
    if not isinstance(floors, dict):
        raise DataError(f"{path}: no 'floors' object")
    return {k: float(v) for k, v in floors.items() if v is not None}


def check_gate(report: dict[str, Any], baseline: str | Path) -> list[str]:
    """Messages for every metric below its floor (empty when the gate passes)."""
    floors = load_baseline(baseline)
    scores = flat(report, tuple(floors))
    fails = []
    for k, floor in floors.items():
        v = scores.get(k)
        v = 0.0 if v is None else float(v)
        if v + EPS < floor:
            fails.append(f"{k} = {v:.4f} is below its floor {floor:.4f}")
    return fails
