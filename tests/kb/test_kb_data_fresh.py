"""The shipped KB index and transliteration data are built from sources: fail when stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import load_script, shared_path


_script = load_script


def test_kb_index_is_fresh():
    shared = shared_path("data", "arwikicats_en_ar_labels").parents[1]
    assert _script("build_kb").main(["--check", "--shared", str(shared)]) == 0


def test_kb_check_detects_stale_index(tmp_path: Path):
    shared = shared_path("data", "arwikicats_en_ar_labels").parents[1]
    mod = _script("build_kb")
    stale = tmp_path / "kb_index.json"
    stale.write_text('{"version": 0}\n', encoding="utf-8")
    mod.INDEX = stale
    assert mod.main(["--check", "--shared", str(shared)]) == 1


def test_kb_check_detects_stale_generated_rows(tmp_path: Path):
    shared = shared_path("data", "arwikicats_en_ar_labels").parents[1]
    mod = _script("build_kb")
    stale = tmp_path / "gen_countries.tsv"
    stale.write_text("# old\n", encoding="utf-8")
    mod.GEN = stale
    assert mod.main(["--check", "--shared", str(shared)]) == 1


def test_index_compiles_without_shared(tmp_path: Path):
    # Without ../shared only the compiled index is checked against the TSV files.
    assert _script("build_kb").main(["--check", "--shared", str(tmp_path / "absent")]) == 0


@pytest.mark.slow
def test_translit_data_is_fresh():
    shared = shared_path("data", "google_transliteration_ar2en").parents[1]
    assert _script("build_kb_translit").main(["--check", "--shared", str(shared)]) == 0
