"""Leaving out attributes the model has no weights for must not change NER output."""

from __future__ import annotations

from rasd.ner.features import Featurizer, Resources
from rasd.ner.model import load_model

DOC = [
    ["زار", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "القاهرة", "و", "بيروت", "."],
    ["وقال", "وزير", "الخارجية", "السعودي", "الأمير", "فيصل", "بن", "فرحان", "إن", "المملكة",
     "تدعم", "الأمم", "المتحدة", "."],
    [],
    ["ماكرون", "في", "القاهرة", "«", "اليوم", "»", "2024", "Paris", "!"],
]


def _run(model):
    return model.tag_doc(DOC, marginals=True)


def test_known_filter_keeps_tags_and_marginals():
    model = load_model()
    fz = model.featurizer
    kept = fz.known
    assert kept, "the shipped model should give the featurizer its attribute names"
    filtered = _run(model)
    try:
        fz.set_known(None)
        full = _run(model)
    finally:
        fz.set_known(kept)
    assert [t for t, _ in filtered] == [t for t, _ in full]
    assert any(t != "O" for tags, _ in full for t in tags)
    for (_, pa), (_, pb) in zip(filtered, full):
        assert pa == pb


def test_known_filter_drops_only_unknown_features():
    fz = Featurizer(Resources(use_gaz=False, use_clusters=False), doc_context=True)
    sents = [["أ", "زار", "القاهرة", "."], ["القاهرة", "مدينة"]]
    full = fz.document(sents)
    known = {"b", "w=زار", "w-1=<S>", "dl=زار", "df=2", "bg+=زار|قاهره"}
    fz.set_known(known)
    part = fz.document(sents)
    assert part == [[[x for x in t if x in known] for t in s] for s in full]
    assert any(part_t for s in part for part_t in s)
