"""Throughput of the events stage on real articles (../shared/corpus/saudinewsnet.jsonl.gz).

Runs the text stage first (not timed), then times the events stage alone (lexicon,
arguments, classifier, quotes) on the first N articles; entities come from the NER/KB
stages when ``--pipeline`` is given (their time is not counted).

Run: ``.venv/bin/python bench/events_speed.py [-n 300] [--pipeline]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--pipeline", action="store_true")
    a = ap.parse_args()
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 6
    from rasd.doc import Doc
    from rasd.events.stage import EventStage
    from rasd.text.stage import TextStage

    pre = [TextStage()]
    if a.pipeline:
        sys.path.insert(0, str(REPO / "bench"))
        from events_gold import available_stages

        pre = available_stages()
    docs = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("text"):
                d = Doc(text=r["text"], id=r.get("id"), published=r.get("published"))
                for st in pre:
                    d = st(d)
                docs.append(d)
            if len(docs) >= a.n:
                break
    stage = EventStage()
    stage(Doc(text="قتل مسلحون جنديا."))  # load lexicon and model outside the timing
    chars = sum(len(d.text) for d in docs)
    t0 = time.perf_counter()
    nev = nq = 0
    for d in docs:
        d = stage(d)
        nev += len(d.events)
        nq += len(d.quotes)
    dt = time.perf_counter() - t0
    print(f"{len(docs)} articles, {chars} chars: {dt:.2f}s -> {len(docs) / dt:.1f} docs/s, "
          f"{chars / dt / 1000:.0f}k chars/s; {nev} events, {nq} quotes "
          f"({'with' if a.pipeline else 'without'} entities)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
