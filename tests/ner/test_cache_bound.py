"""The per-word feature caches stay within CACHE_MAX (emptied and refilled) and tagging stays
identical."""

from __future__ import annotations

import rasd.ner.features as F
from rasd.ner.model import NerModel, load_model

SENTS = [["زار", "الرئيس", "الفرنسي", "إيمانويل", "ماكرون", "القاهرة", "و", "بيروت", "."],
         ["وقال", "وزير", "الخارجية", "السعودي", "الأمير", "فيصل", "بن", "فرحان", "إن",
          "المملكة", "تدعم", "الأمم", "المتحدة", "."],
         ["ماكرون", "في", "القاهرة", "«", "اليوم", "»", "2024", "Paris", "!"]]


def test_small_cache_bound_gives_the_same_tags_and_marginals(monkeypatch):
    full = load_model().tag_doc(SENTS, True)
    monkeypatch.setattr(F, "CACHE_MAX", 3)
    small = NerModel()  # a fresh model, so its caches start empty under the small bound
    got = small.tag_doc(SENTS, True)
    again = small.tag_doc(SENTS, True)  # most words now computed without the cache
    assert got == full and again == full
    fz = small.featurizer
    assert len(fz._cache) <= 3 and len(fz._icache) <= 3 and len(fz._ctxcache) <= 3
