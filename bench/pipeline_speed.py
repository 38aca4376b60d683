"""Whole-pipeline throughput and peak memory over corpus articles (one core).

    .venv/bin/python bench/pipeline_speed.py [--limit N] [--config TOML]

Loads the default pipeline (all stages), runs it over the first N articles of
../shared/corpus/saudinewsnet.jsonl.gz, and prints articles/s, per-stage time shares and
peak resident memory. Targets (issue: events): ≥ 100 articles/s, peak ≤ 600 MB.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus/saudinewsnet.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--config", default=None)
    ap.add_argument("--corpus", default=str(CORPUS))
    a = ap.parse_args()

    import rasd
    from rasd.io import make_doc

    t0 = time.perf_counter()
    pipeline = rasd.get_pipeline(a.config)
    pipeline(make_doc({"text": "تحميل النماذج.", "published": "2015-07-01"}))
    load_s = time.perf_counter() - t0

    recs = []
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if a.limit and i >= a.limit:
                break
            r = json.loads(line)
            recs.append({"id": r.get("id"), "text": r["text"], "published": r.get("published")})
    per_stage: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    nbytes = 0
    t0 = time.perf_counter()
    from rasd.errors import InputError

    rejected = []
    for r in recs:
        try:
            doc = make_doc(r, max_chars=pipeline.max_chars, record=f"record {r.get('id')}")
        except InputError as exc:
            rejected.append(str(exc))
            continue
        nbytes += len(r["text"].encode("utf-8"))
        for st in pipeline.stages:
            s0 = time.perf_counter()
            doc = st(doc)
            per_stage[st.name] += time.perf_counter() - s0
        counts["entities"] += len(doc.entities)
        counts["times"] += len(doc.times)
        counts["events"] += len(doc.events)
        counts["quotes"] += len(doc.quotes)
        doc.scratch.clear()
    dt = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, python {sys.version.split()[0]}; stages {pipeline.names}")
    print(f"load {load_s:.2f} s; {len(recs):,} articles, {nbytes / 1e6:.1f} MB in {dt:.1f} s "
          f"= {len(recs) / dt:.1f} articles/s; peak RSS {peak_mb:.0f} MB")
    print("per stage (ms/article): " + ", ".join(
        f"{k} {1000 * v / len(recs):.2f}" for k, v in per_stage.items()))
    print("found: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"rejected {len(rejected)}: " + "; ".join(rejected[:5]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
