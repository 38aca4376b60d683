"""The Pipeline: config loading, requirement checks, the public API."""

from __future__ import annotations

import pytest

import rasd
from rasd.doc import Doc
from rasd.errors import ConfigError, EmptyInputError
from rasd.pipeline import STAGES, Pipeline


class Needs:
    name = "needs"
    requires = ("nothing-provides-this",)
    provides = ()

    def __call__(self, doc):
        return doc


def test_requirements_checked():
    with pytest.raises(ConfigError, match="requires"):
        Pipeline([Needs()])


def test_unknown_stage_and_bad_config(tmp_path):
    with pytest.raises(ConfigError, match="unknown stage"):
        Pipeline.from_config({"pipeline": {"stages": ["nope"]}})
    with pytest.raises(ConfigError):
        Pipeline.from_config({"pipeline": {}})
    bad = tmp_path / "bad.toml"
    bad.write_text("[pipeline\nstages=", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        Pipeline.from_config(bad)
    with pytest.raises(ConfigError, match="not found"):
        Pipeline.from_config(tmp_path / "missing.toml")


def test_toml_config(tmp_path):
    f = tmp_path / "p.toml"
    f.write_text('[pipeline]\nstages = ["text"]\n[limits]\nmax_chars = 50\n', encoding="utf-8")
    p = Pipeline.from_config(f)
    assert p.names == ["text"] and p.max_chars == 50
    d = p(Doc(text="جملة أولى. جملة ثانية."))
    assert len(d.sentences) == 2 and d.meta["stages"] == ["text"]


def test_default_pipeline_stages_are_registered():
    p = rasd.get_pipeline()
    assert p.names[0] == "text"
    assert all(n in STAGES for n in p.names)


def test_extract_and_pipe():
    d = rasd.extract("قال الوزير.", published="2015-07-01", id="x")
    assert d.id == "x" and d.published == "2015-07-01" and d.sentences == [(0, 11)]
    docs = list(rasd.pipe(["نص أول.", {"text": "نص ثان.", "id": "b"}]))
    assert [d.id for d in docs] == [None, "b"]
    with pytest.raises(EmptyInputError):
        rasd.extract("   ")


def test_doc_round_trip(seed_text):
    d = rasd.extract(seed_text, published="2024-01-01", id="seed")
    d2 = Doc.from_dict(d.to_dict())
    assert d2.to_dict() == d.to_dict()
    assert d2.check_offsets() == []


def test_runs_offline(monkeypatch, seed_text):
    """Nothing in the pipeline may reach the network: sockets are disabled here."""
    import socket

    def no_net(*a, **k):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", no_net)
    monkeypatch.setattr(socket, "create_connection", no_net)
    d = rasd.extract(seed_text, published="2024-01-01")
    assert d.text == seed_text
