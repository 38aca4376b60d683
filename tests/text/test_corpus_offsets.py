"""Every corpus article: sentences and tokens slice back, the Doc validates (slow)."""

from __future__ import annotations

import gzip
import itertools
import json

import jsonschema
import pytest

from rasd.doc import Doc, json_schema
from rasd.text.sentences import split_sentences
from rasd.text.tokens import tokenize
from tests.conftest import shared_path


def _articles(limit=None):
    path = shared_path("corpus", "saudinewsnet.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, limit):
            yield json.loads(line)


def _check(rec, validator=None):
    t = rec["text"]
    s = split_sentences(t)
    d = Doc(text=t, id=str(rec.get("id")), sentences=s, tokens=tokenize(t, s))
    assert d.check_offsets() == [], rec.get("id")
    if validator is not None:
        validator.validate(d.to_dict())


def test_first_1000_articles_slice_back_and_50_validate():
    v = jsonschema.Draft202012Validator(json_schema())
    for i, rec in enumerate(_articles(1000)):
        _check(rec, v if i < 50 else None)


@pytest.mark.slow
def test_all_corpus_articles_slice_back():
    n = 0
    for rec in _articles():
        _check(rec)
        n += 1
    assert n > 30_000
