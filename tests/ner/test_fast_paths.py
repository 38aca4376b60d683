"""The tagging shortcuts (bytes attributes, known-attribute indexes, shared neighbour
tuples, GC pause, host mapping) must give exactly what the plain featurizer gives."""

from __future__ import annotations

import gc

import pytest

from rasd.ner.corpus import split_sentence
from rasd.ner.features import Featurizer
from rasd.ner.model import load_model

BASE = [
    ["زار", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "القاهرة", "و", "بيروت", "."],
    ["وقال", "وزير", "الخارجية", "السعودي", "الأمير", "فيصل", "بن", "فرحان", "إن", "المملكة",
     "تدعم", "الأمم", "المتحدة", "."],
    [],
    ["ماكرون", "في", "القاهرة", "«", "اليوم", "»", "2024", "Paris", "!", "x|y"],
    ["ماكرون"],
    ["وماكرون", "والقاهرة", "بالقاهرة", "للقاهرة", "قاهرة"],
]


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    return load_model()


def _doc(model) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """BASE plus sentences built from the model's own tables, so that multiword gazetteer
    hits, known bigrams and known document-context attributes all occur."""
    fz = model.featurizer
    phrases = sorted(k for k in fz.res.gaz_phrases if 2 <= k.count(" ") + 1 <= 3)[:40:4]
    bigrams = sorted(a[4:] for a in fz.known if a.startswith("bg-=") and a.count("|") == 1)[:30:3]
    doc = [list(s) for s in BASE]
    for p in phrases:
        doc.append(["قال"] + p.split(" ") + ["أمس", "."])
    for b in bigrams:
        doc.append(b.split("|") + ["في", "القاهرة"])
    return doc


def _reference(model, doc):  # type: ignore[no-untyped-def]
    fz = model.featurizer
    ref = Featurizer(fz.res, window=fz.window, doc_context=fz.doc_context, ngrams=fz.ngrams,
                     triggers=fz.triggers)
    known = fz.known
    return [[[x for x in t if x in known] for t in s] for s in ref.document(doc)]


def test_bytes_and_indexes_equal_plain_filtered_features(model):
    fz = model.featurizer
    assert fz.as_bytes and fz.known
    doc = _doc(model)
    want = _reference(model, doc)
    got = [[[x.decode() for x in t] for t in s] for s in fz.document(doc)]
    assert got == want
    flat = [x for s in want for t in s for x in t]
    # the test reaches every shortcut
    for prefix in ("gp=", "p+1gp", "bg-=", "bg+=", "w-1=", "k+1=", "df=", "dl="):
        assert any(x.startswith(prefix) for x in flat), prefix
    # and single sentences (no document context) as well
    plain = Featurizer(fz.res, window=fz.window, ngrams=fz.ngrams, triggers=fz.triggers)
    for s in doc[:8]:
        assert [[x.decode() for x in t] for t in fz.sentence(s)] == \
            [[x for x in t if x in fz.known] for t in plain.sentence(s)]


def test_cached_word_types_give_the_same_features_twice(model):
    doc = _doc(model)
    first = model.featurizer.document(doc)
    assert model.featurizer.document(doc) == first


def test_gc_state_is_restored(model, monkeypatch):
    doc = _doc(model)
    assert gc.isenabled()
    model.tag_doc(doc, marginals=True)
    assert gc.isenabled()
    gc.disable()
    try:
        model.tag_doc(doc)
        assert not gc.isenabled()
    finally:
        gc.enable()

    def boom(sents):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    monkeypatch.setattr(model.featurizer, "document", boom)
    with pytest.raises(RuntimeError):
        model.tag_doc(doc)
    assert gc.isenabled()


def test_each_word_gets_its_hosts_tag_and_marginal(model):
    doc = _doc(model)
    splits = [split_sentence(ws) for ws in doc]
    assert any(len(ow) > len(ws) for (ow, _, _), ws in zip(splits, doc)), "need clitics"
    model.split_clitics = False
    try:
        inner = model.tag_doc([ow for ow, _, _ in splits], marginals=True)
    finally:
        model.split_clitics = True
    outer = model.tag_doc(doc, marginals=True)
    for ws, (_, _, owner), (tags, probs), (t2, p2) in zip(doc, splits, inner, outer):
        want_t = ["O"] * len(ws)
        want_p = [1.0] * len(ws)
        for k, i in enumerate(owner):  # hosts come last: they win
            want_t[i] = tags[k]
            want_p[i] = probs[k]
        assert t2 == want_t
        assert p2 == want_p
    assert any(t != "O" for t2, _ in outer for t in t2)
