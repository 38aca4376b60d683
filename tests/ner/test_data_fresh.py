"""The shipped gazetteer and clusters are built from ../shared: fail when stale."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO, load_script, shared_path


_script = load_script


def test_gazetteer_is_fresh():
    shared = shared_path("data", "geonames")
    assert _script("build_ner_gazetteer").main(["--check", "--shared", str(shared.parents[1])]) == 0


def test_gazetteer_check_detects_staleness(tmp_path: Path):
    shared = shared_path("data", "geonames").parents[1]
    stale = tmp_path / "gazetteer.tsv"
    stale.write_text("# old\nفلان\tP\n", encoding="utf-8")
    assert _script("build_ner_gazetteer").main(["--check", "--shared", str(shared), "--out", str(stale)]) == 1


def test_clusters_match_corpus():
    shared = shared_path("corpus", "saudinewsnet.jsonl.gz").parents[1]
    assert _script("build_ner_clusters").main(["--check", "--shared", str(shared)]) == 0


def test_shipped_files_present_and_small():
    data = REPO / "src" / "rasd" / "ner" / "data"
    total = sum(p.stat().st_size for p in data.iterdir() if p.is_file())
    assert (data / "ner.crfsuite").is_file()
    assert total <= 50 * 1024 * 1024
