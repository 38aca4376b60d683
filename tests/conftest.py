"""Shared fixtures. Tests needing ../shared skip with a clear reason when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASD_SHARED", REPO.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """Path under ../shared, skipping the calling test when it does not exist."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"needs {p} (../shared is absent: only developers and CI have it)")
    return p


@pytest.fixture
def shared_dir() -> Path:
    """The ../shared folder (skips the test when absent)."""
    return shared_path()


@pytest.fixture
def seed_text() -> str:
    """The bundled MINUSMA example article text."""
    import json

    return json.loads((REPO / "examples" / "seed-minusma.json").read_text(encoding="utf-8"))["text"]
