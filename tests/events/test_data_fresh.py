"""The built lexicon file matches what scripts/build_events_lexicon.py makes from ../shared."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO, shared_path


def test_cameo_lexicon_is_fresh() -> None:
    shared_path("data", "universalpetrarch_arabic_cameo", "CAMEO.ar.0.5.txt")
    r = subprocess.run([sys.executable, str(REPO / "scripts" / "build_events_lexicon.py"), "--check"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def test_cameo_mapping_roots() -> None:
    sys.path.insert(0, str(REPO / "scripts"))
    from build_events_lexicon import plover

    assert plover("190") == "ASSAULT"
    assert plover("0874") == "RETREAT"
    assert plover("051") == "SUPPORT"
    assert plover("141") == "PROTEST"
    assert plover("010") is None


def test_classifier_model_is_fresh() -> None:
    shared_path("data", "events", "arabic_event_gsr_dev", "assault_gsr_dev.csv")
    r = subprocess.run([sys.executable, str(REPO / "scripts" / "train_events_clf.py"), "--check"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
