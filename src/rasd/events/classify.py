"""Sentence-level event-type classifier: logistic regression over word n-grams and the
lexicon's trigger features, shipped as a small JSON file of weights (no numpy needed).

The model ``data/event_clf.json`` is trained by ``scripts/train_events_clf.py`` on the
OEDA Arabic event GSR sentences (ASSAULT, PROTEST); when it is absent the stage runs on
the lexicon alone. It answers "does this sentence report an actual event of type T?",
which the lexicon cannot: a sentence that only talks *about* killings or protests has
the same trigger words.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

from rasd.text.normalize import normalize

_WORD = re.compile(r"[\u0621-\u064a]+|[0-9]+")
#: Bump when :func:`features` or :func:`lex_features` change (the model must be retrained).
FEATURES_VERSION = 3
#: Set by the CV benchmark to score held-out folds with fold models; None in use.
_override: "Classifier | None" = None


def _strip(w: str) -> str:
    for p in ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل"):
        if w.startswith(p) and len(w) - len(p) >= 3:
            return w[len(p):]
    return w


def features(text: str, lex: Iterable[str] = ()) -> list[str]:
    """Word unigrams/bigrams (with clitic-stripped copies and 4-letter prefixes) plus the
    lexicon features ``lex`` (see :func:`lex_features`)."""
    ws = _WORD.findall(normalize(text))
    out = []
    for w in ws:
        b = _strip(w)
        out.append("w:" + b)
        if len(b) >= 5:
            out.append("p:" + b[:4])
        if w.isdigit():
            out.append("num")
    for a, b in zip(ws, ws[1:]):
        out.append("b:" + _strip(a) + "_" + _strip(b))
    out.extend(lex)
    out.extend(text_features(text))
    return out


def lex_features(hits: list, text_len: int) -> list[str]:
    """Features from the trigger hits of one sentence (:class:`rasd.events.detect.Hit`)."""
    out = []
    for h in hits:
        out.append(f"lex:{h.type}")
        out.append(f"lex:{h.type}:{h.form.tense}")
        out.append(f"lex:{h.type}:{h.form.lemma.lemma}")
        if h.weak:
            out.append(f"lex:{h.type}:weak")
        if h.proclitic.endswith("س"):
            out.append("lex:future")
    if not hits:
        out.append("lex:none")
    for t in {h.type for h in hits}:
        verbs = [h for h in hits if h.type == t and h.form.pos == "verb"]
        if any(h.form.tense in ("perf", "pass") for h in verbs):
            out.append(f"lex:{t}:verbpast")
        if not verbs:
            out.append(f"lex:{t}:nounonly")
    out.append("len:" + str(min(text_len // 80, 5)))
    return out


def text_features(text: str) -> list[str]:
    """Cheap cues of a concrete report: a toll, a day word, a question, quotation marks."""
    from rasd.events.numbers import casualties

    out = []
    d, i = casualties(text)
    if d is not None:
        out.append("cas:dead")
    if i is not None:
        out.append("cas:inj")
    n = normalize(text)
    if re.search(r"\b(?:امس|اليوم|الليله|صباح|مساء|فجر)\b", n):
        out.append("day")
    if "؟" in text or "?" in text:
        out.append("question")
    if any(c in text for c in "«»“”\""):
        out.append("quoted")
    return out


class Classifier:
    """One-vs-rest logistic regression: type → (bias, weights, threshold)."""

    def __init__(self, data: dict) -> None:
        self.models: dict[str, tuple[float, dict[str, float], float]] = {
            t: (float(m["bias"]), dict(m["weights"]), float(m.get("threshold", 0.5)))
            for t, m in data["models"].items()}
        self.types = set(self.models)
        self.meta = data.get("meta", {})

    def predict(self, text: str, lex: Iterable[str] = ()) -> dict[str, float]:
        """Probability per type that the sentence reports an event of that type."""
        fs = set(features(text, lex))
        out = {}
        for t, (b, w, _) in self.models.items():
            z = b + sum(w.get(f, 0.0) for f in fs)
            out[t] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return out

    def threshold(self, typ: str) -> float:
        """The decision threshold chosen for ``typ`` in training (by cross-validation)."""
        return self.models[typ][2]


@lru_cache(maxsize=1)
def _load() -> Classifier | None:
    try:
        text = resources.files("rasd.events").joinpath("data/event_clf.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return Classifier(json.loads(text))


def load_classifier() -> Classifier | None:
    """The shipped classifier (or a CV fold's, during benchmarking), or None."""
    return _override if _override is not None else _load()


load_classifier.cache_clear = _load.cache_clear  # type: ignore[attr-defined]
