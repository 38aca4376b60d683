"""Train the sentence classifier (``src/rasd/events/data/event_clf.json``) on the OEDA
Arabic event GSR dev sentences (../shared/data/events/arabic_event_gsr_dev, MIT).

One logistic regression per type (ASSAULT, PROTEST), each on its own file's sentences:
"yes" is positive, "easy no" and "difficult no" negative, "ambiguous" left out. Features:
word unigrams/bigrams and the lexicon's trigger features (rasd.events.classify).

Model selection is honest: 5-fold cross-validation where the regularisation C and the
decision threshold are chosen *inside* each training fold (inner 3-fold CV), so the
reported CV numbers never use a sentence to tune the model that scores it. The shipped
model is then trained on all sentences with C/threshold chosen by CV on all of them.
Weights are pruned to the largest ones (``--keep``) to keep the file small.

Run: ``python scripts/train_events_clf.py [--cv-only] [--keep 4000]``; ``--check`` exits 1
when the shipped model is stale (its recorded input hash — training CSVs, the trigger
lexicon and the feature version — differs from the current one).
(needs scikit-learn, a development dependency; the runtime needs nothing.)
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
GSR = REPO.parent / "shared" / "data" / "events" / "arabic_event_gsr_dev"
OUT = REPO / "src" / "rasd" / "events" / "data" / "event_clf.json"
TYPES = ("ASSAULT", "PROTEST")
CS = (0.1, 0.3, 1.0, 3.0)
SEED = 13


def rows(kind: str) -> list[dict]:
    with open(GSR / f"{kind.lower()}_gsr_dev.csv", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["label"] != "ambiguous"]


@lru_cache(maxsize=None)
def featurize(text: str) -> list[str]:
    from rasd.doc import Doc
    from rasd.events.classify import features, lex_features
    from rasd.events.detect import find_hits
    from rasd.events.lexicon import load_lexicon
    from rasd.text.stage import TextStage

    doc = TextStage()(Doc(text=text))
    hits = find_hits(doc, load_lexicon(False))
    return features(text, lex_features(hits, len(text)))


def _fit(X, y, C: float):
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=C, class_weight="balanced", max_iter=2000, solver="liblinear")
    m.fit(X, y)
    return m


def _best_threshold(p, y) -> float:
    best, bt = -1.0, 0.5
    for t in [x / 100 for x in range(10, 95, 5)]:
        tp = sum(1 for a, b in zip(p, y) if a >= t and b)
        fp = sum(1 for a, b in zip(p, y) if a >= t and not b)
        fn = sum(1 for a, b in zip(p, y) if a < t and b)
        f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f > best:
            best, bt = f, t
    return bt


def select(X, y) -> tuple[float, float]:
    """(C, threshold) by 3-fold CV on (X, y) only."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    y = np.asarray(y)
    best = (-1.0, CS[0], 0.5)
    for C in CS:
        oof = np.zeros(len(y))
        for tr, te in StratifiedKFold(3, shuffle=True, random_state=SEED).split(X, y):
            oof[te] = _fit(X[tr], y[tr], C).predict_proba(X[te])[:, 1]
        t = _best_threshold(oof, y)
        pred = oof >= t
        tp = int((pred & (y == 1)).sum())
        f = 2 * tp / (2 * tp + int((pred & (y == 0)).sum()) + int((~pred & (y == 1)).sum())) if tp else 0
        if f > best[0]:
            best = (f, C, t)
    return best[1], best[2]


def data(kind: str):
    from sklearn.feature_extraction import DictVectorizer

    rs = rows(kind)
    feats = [{f: 1 for f in featurize(r["text"])} for r in rs]
    y = [1 if r["label"] == "yes" else 0 for r in rs]
    vec = DictVectorizer()
    X = vec.fit_transform(feats).tocsr()
    # liblinear wants 32-bit sparse indices.
    X.indices = X.indices.astype("int32")
    X.indptr = X.indptr.astype("int32")
    return rs, X, y, vec


def cross_validate(kind: str, folds: int = 5) -> dict:
    """Nested CV: out-of-fold predictions with C/threshold chosen inside each fold."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    rs, X, y, vec = data(kind)
    y = np.asarray(y)
    pred = np.zeros(len(y), dtype=bool)
    fold_of = {}
    models = {}
    for k, (tr, te) in enumerate(StratifiedKFold(folds, shuffle=True, random_state=SEED).split(X, y)):
        C, t = select(X[tr], y[tr])
        m = _fit(X[tr], y[tr], C)
        pred[te] = m.predict_proba(X[te])[:, 1] >= t
        for i in te:
            fold_of[rs[i]["id"]] = k
        models[k] = (m, t, vec)
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    dn = [i for i, r in enumerate(rs) if r["label"] == "difficult no"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"type": kind, "n": len(y), "yes": int(y.sum()), "precision": round(p, 3),
            "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "difficult_no_false_alarms": f"{int(pred[dn].sum())}/{len(dn)}",
            "_fold_of": fold_of, "_models": models}


def to_json(m, vec, threshold: float, keep: int) -> dict:
    names = vec.get_feature_names_out()
    coef = m.coef_[0]
    order = sorted(range(len(coef)), key=lambda i: -abs(coef[i]))[:keep]
    return {"bias": round(float(m.intercept_[0]), 5), "threshold": threshold,
            "weights": {str(names[i]): round(float(coef[i]), 5) for i in sorted(order, key=lambda i: names[i])
                        if abs(coef[i]) > 1e-6}}


def cv_models() -> dict:
    """Sentence id → a Classifier trained without that sentence's fold (both types)."""
    from rasd.events.classify import Classifier

    per_type = {k: cross_validate(k) for k in TYPES}
    out = {}
    ids = set()
    for k in TYPES:
        ids |= set(per_type[k]["_fold_of"])
    cache: dict = {}
    for sid in ids:
        spec = {}
        key = []
        for k in TYPES:
            fo = per_type[k]["_fold_of"].get(sid)
            if fo is None:
                fo = 0  # the other file's sentence: any fold model of this type is unseen
            key.append(fo)
            m, t, vec = per_type[k]["_models"][fo]
            spec[k] = (m, t, vec)
        key = tuple(key)
        if key not in cache:
            cache[key] = Classifier({"models": {k: to_json(m, vec, t, 10**9) for k, (m, t, vec) in spec.items()}})
        out[sid] = cache[key]
    return out


def inputs_sha() -> str:
    """Hash of everything the model depends on: data, lexicon, feature code version."""
    import hashlib

    from rasd.events.classify import FEATURES_VERSION

    h = hashlib.sha256(f"features-v{FEATURES_VERSION}".encode())
    for k in TYPES:
        h.update((GSR / f"{k.lower()}_gsr_dev.csv").read_bytes())
    h.update((REPO / "src" / "rasd" / "events" / "data" / "triggers.tsv").read_bytes())
    return h.hexdigest()[:16]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--keep", type=int, default=4000)
    a = ap.parse_args()
    if not GSR.exists():
        print(f"needs {GSR}", file=sys.stderr)
        return 6
    if a.check:
        try:
            meta = json.loads(OUT.read_text(encoding="utf-8"))["meta"]
        except (OSError, ValueError, KeyError):
            print(f"{OUT} missing or unreadable", file=sys.stderr)
            return 1
        if meta.get("inputs_sha") != inputs_sha():
            print(f"{OUT} is stale: run python scripts/train_events_clf.py", file=sys.stderr)
            return 1
        return 0
    report = {}
    for k in TYPES:
        r = cross_validate(k)
        report[k] = {x: v for x, v in r.items() if not x.startswith("_")}
        print(json.dumps(report[k], ensure_ascii=False))
    if a.cv_only:
        return 0
    models = {}
    for k in TYPES:
        rs, X, y, vec = data(k)
        C, t = select(X, y)
        m = _fit(X, y, C)
        models[k] = to_json(m, vec, t, a.keep)
        print(f"{k}: C={C} threshold={t} features kept {len(models[k]['weights'])}")
    out = {"meta": {"trained_on": "OEDA arabic_event_gsr dev (MIT)", "cv": report,
                    "inputs_sha": inputs_sha(),
                    "script": "scripts/train_events_clf.py"}, "models": models}
    OUT.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
