"""The shipped gazetteer matches a fresh build from ../shared (skips without it)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO, shared_path


def test_gazetteer_is_not_stale():
    shared = shared_path("data", "geonames")
    r = subprocess.run([sys.executable, str(REPO / "scripts" / "build_geo_gazetteer.py"), "--check",
                        "--shared", str(shared.parents[1])], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]


def test_gazetteer_is_small():
    size = sum(p.stat().st_size for p in (REPO / "src" / "rasd" / "geo" / "data").glob("*"))
    assert size < 60 * 2**20


def test_local_names_are_not_stale():
    shared = shared_path("data", "geo", "idrisi", "LMD")
    r = subprocess.run([sys.executable, str(REPO / "scripts" / "build_geo_idrisi.py"), "--check",
                        "--shared", str(shared.parents[3])], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
