"""Shared fixtures. Tests needing ../shared skip with a clear reason when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASD_SHARED", REPO.parent / "shared"))


def load_script(name: str):
    """Execute ``scripts/<name>.py`` as a fresh module (registered under ``name`` if no
    module of that name is, so its dataclasses resolve) and return it."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, mod)
    spec.loader.exec_module(mod)
    return mod


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
