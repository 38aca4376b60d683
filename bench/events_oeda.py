"""Sentence-level ASSAULT / PROTEST detection on the OEDA Arabic event GSR (dev quarter).

../shared/data/events/arabic_event_gsr_dev/{assault,protest}_gsr_dev.csv: each sentence
is labelled "yes", "easy no", "difficult no" or "ambiguous" for one event type. A
sentence counts as detected when the events stage finds at least one event of that type
in it. "ambiguous" sentences are left out. Reports precision/recall/F1 and the false
alarm rate on "difficult no" sentences.

With ``--cv`` the classifier (scripts/train_events_clf.py) is trained in 5 folds on the
other sentences and applied to the held-out fold, so no sentence is scored by a model
that saw it (the shipped model is trained on all of them and would be optimistic here).

``--speed`` times the shipped classifier alone (features + both types' scores, lexicon
hits computed beforehand) per sentence.

Run: ``.venv/bin/python bench/events_oeda.py [--cv] [--pipeline] [--actual] [--option k=v] [--errors] [--speed]``
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
GSR = REPO.parent / "shared" / "data" / "events" / "arabic_event_gsr_dev"


def load(kind: str) -> list[dict]:
    """Rows of one GSR file (ambiguous ones dropped)."""
    with open(GSR / f"{kind.lower()}_gsr_dev.csv", encoding="utf-8") as f:
        return [r for r in csv.DictReader(f) if r["label"] != "ambiguous"]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(kind: str, rows: list[dict], detect, errors: bool = False) -> dict:
    tp = fp = fn = dn_fa = dn = 0
    for r in rows:
        pred = detect(r["text"], kind, r)
        gold = r["label"] == "yes"
        if r["label"] == "difficult no":
            dn += 1
            dn_fa += pred
        if pred and gold:
            tp += 1
        elif pred:
            fp += 1
            if errors:
                print(f"  FA [{r['label']}] {r['text'][:150]}")
        elif gold:
            fn += 1
            if errors:
                print(f"  MISS {r['text'][:150]}")
    p, rc, f = prf(tp, fp, fn)
    return {"type": kind, "n": len(rows), "yes": tp + fn, "precision": round(p, 3),
            "recall": round(rc, 3), "f1": round(f, 3), "difficult_no_false_alarms": f"{dn_fa}/{dn}"}


def speed(rounds: int = 3) -> int:
    """Milliseconds per sentence for :meth:`Classifier.predict` (with lexicon features)."""
    from rasd.doc import Doc
    from rasd.events.classify import lex_features, load_classifier
    from rasd.events.detect import find_hits
    from rasd.events.lexicon import load_lexicon
    from rasd.text.stage import TextStage

    clf = load_classifier()
    if clf is None:
        print("no shipped classifier", file=sys.stderr)
        return 1
    texts = [r["text"] for k in ("ASSAULT", "PROTEST") for r in load(k)]
    lex = load_lexicon(False)
    prepared = []
    for t in texts:
        doc = TextStage()(Doc(text=t))
        prepared.append((t, lex_features(find_hits(doc, lex), len(t))))
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t, lf in prepared:
            clf.predict(t, lf)
        best = min(best, time.perf_counter() - t0)
    chars = sum(len(t) for t in texts) / len(texts)
    print(f"classifier: {1000 * best / len(texts):.3f} ms per sentence "
          f"({len(texts)} sentences, {chars:.0f} chars on average, best of {rounds})")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--option", "-o", action="append", default=[])
    ap.add_argument("--cv", action="store_true", help="5-fold CV for the learnt classifier")
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--pipeline", action="store_true", help="run ner/entities/geo/time first")
    ap.add_argument("--actual", action="store_true",
                    help="count only actual events (status completed/ongoing), as OEDA 'yes' means")
    ap.add_argument("--speed", action="store_true", help="time the classifier per sentence")
    a = ap.parse_args()
    if not GSR.exists():
        print(f"needs {GSR}", file=sys.stderr)
        return 6
    if a.speed:
        return speed()
    from rasd.doc import Doc
    from rasd.events import classify
    from rasd.events.stage import EventStage

    opts = {}
    for kv in a.option:
        k, _, v = kv.partition("=")
        opts[k] = json.loads(v) if v[:1] in "0123456789tf[{\"" else v
    stage = EventStage(**opts)
    fold_models: dict = {}
    if a.cv:
        sys.path.insert(0, str(REPO / "scripts"))
        from train_events_clf import cv_models

        fold_models = cv_models()  # sentence id -> Classifier trained without its fold

    pre = []
    if a.pipeline:
        sys.path.insert(0, str(REPO / "bench"))
        from events_gold import available_stages

        pre = available_stages()

    def detect(text: str, kind: str, row: dict) -> bool:
        if a.cv:
            classify._override = fold_models[row["id"]]  # type: ignore[attr-defined]
        doc = Doc(text=text)
        for st in pre:
            doc = st(doc)
        doc = stage(doc)
        return any(v.type == kind and (not a.actual or v.status in ("completed", "ongoing"))
                   for v in doc.events)

    t0 = time.perf_counter()
    out = []
    for kind in ("ASSAULT", "PROTEST"):
        rows = load(kind)
        out.append(evaluate(kind, rows, detect, a.errors))
    print(f"options {opts} cv={a.cv} actual={a.actual} pipeline={[s.name for s in pre]}")
    for r in out:
        print(json.dumps(r, ensure_ascii=False))
    print(f"{time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
