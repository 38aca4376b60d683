"""Throughput of the events stage on real articles (../shared/corpus/saudinewsnet.jsonl.gz).

Runs the text stage first (not timed), then times the events stage alone (lexicon,
arguments, classifier, quotes) on the first N articles; entities come from the NER/KB
stages when ``--pipeline`` is given (their time is not counted).

Run: ``.venv/bin/python bench/events_speed.py [-n 300] [--pipeline]``

Development aids (nothing from the corpus goes into the repo):
  ``--cache FILE``   pickle the pre-processed docs there (first run) / load them (later
                     runs), so only the events stage runs while iterating;
  ``--dump FILE``    write the events and quotes of every article as JSON lines, to diff
                     the output before and after a speed change;
  ``--profile``      print the top cProfile entries of the timed loop;
  ``--repeat K``     time the loop K times and report the fastest.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
import os  # noqa: E402

# EVENTS_BENCH_SRC: time another copy of the package (e.g. an export of HEAD) instead.
sys.path.insert(0, os.environ.get("EVENTS_BENCH_SRC") or str(REPO / "src"))
CORPUS = REPO.parent / "shared" / "corpus" / "saudinewsnet.jsonl.gz"


def _load_docs(n: int, pipeline: bool, cache: str | None) -> list:
    if cache and Path(cache).exists():
        with open(cache, "rb") as f:
            return pickle.load(f)
    from rasd.doc import Doc
    from rasd.text.stage import TextStage

    pre = [TextStage()]
    if pipeline:
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
                d.scratch.clear()
                docs.append(d)
            if len(docs) >= n:
                break
    if cache:
        with open(cache, "wb") as f:
            pickle.dump(docs, f)
    return docs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--pipeline", action="store_true")
    ap.add_argument("--cache", default=None)
    ap.add_argument("--dump", default=None)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args()
    if not CORPUS.exists() and not (a.cache and Path(a.cache).exists()):
        print(f"needs {CORPUS}", file=sys.stderr)
        return 6
    from rasd.doc import Doc
    from rasd.events.stage import EventStage

    docs = _load_docs(a.n, a.pipeline, a.cache)
    stage = EventStage()
    stage(Doc(text="قتل مسلحون جنديا."))  # load lexicon and model outside the timing
    chars = sum(len(d.text) for d in docs)
    best = None
    prof = None
    if a.profile:
        import cProfile

        prof = cProfile.Profile()
    for _ in range(max(1, a.repeat)):
        nev = nq = 0
        t0 = time.process_time()
        if prof:
            prof.enable()
        for d in docs:
            d = stage(d)
            nev += len(d.events)
            nq += len(d.quotes)
        if prof:
            prof.disable()
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
    dt = best
    print(f"{len(docs)} articles, {chars} chars: {dt:.2f}s CPU -> {len(docs) / dt:.1f} docs/s, "
          f"{1000 * dt / len(docs):.2f} ms/doc, {chars / dt / 1000:.0f}k chars/s; {nev} events, "
          f"{nq} quotes ({'with' if a.pipeline or a.cache else 'without'} entities)")
    if a.dump:
        with open(a.dump, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps({"id": d.id, "events": [e.to_dict() for e in d.events],
                                    "quotes": [q.to_dict() for q in d.quotes]},
                                   ensure_ascii=False, sort_keys=True) + "\n")
    if prof:
        import pstats

        pstats.Stats(prof).sort_stats("tottime").print_stats(35)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
