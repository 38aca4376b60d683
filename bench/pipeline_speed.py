"""Whole-pipeline throughput and peak memory over corpus articles (one core).

    .venv/bin/python bench/pipeline_speed.py [--limit N | --every K | --all] [--config TOML]

Loads the default pipeline (all stages), runs it over corpus articles of
../shared/corpus/saudinewsnet.jsonl.gz and prints articles/s, per-stage time shares and
peak resident memory. Targets (issue: events): >= 100 articles/s over the 31k corpus
articles, peak <= 600 MB.

Which articles: `--limit N` the first N (the first 1,000 are twice as long as the corpus
average, 3,344 vs 1,711 characters, so this under-states corpus throughput); `--every K`
every K-th article of the whole corpus (a systematic sample with the corpus's length
distribution); `--all` every article.
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


def _rss_mb() -> float:
    """Current resident memory (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--every", type=int, default=0, help="every K-th article of the corpus")
    ap.add_argument("--all", action="store_true", help="the whole corpus")
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
            if a.all or a.every:
                if a.every and i % a.every:
                    continue
            elif a.limit and i >= a.limit:
                break
            r = json.loads(line)
            recs.append({"id": r.get("id"), "text": r["text"], "published": r.get("published")})
    # The input is read before timing (gzip/JSON decoding is not the pipeline's cost), so
    # part of the peak RSS is the input list itself: report it apart.
    input_mb = _rss_mb()
    per_stage: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    nbytes = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
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
    cpu = time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, python {sys.version.split()[0]}; stages {pipeline.names}")
    print(f"RSS with models and the input list loaded, before the run: {input_mb:.0f} MB")
    print(f"load {load_s:.2f} s; {len(recs):,} articles, {nbytes / 1e6:.1f} MB "
          f"({nbytes / max(1, len(recs) - len(rejected)):,.0f} bytes/article) in {dt:.1f} s "
          f"= {len(recs) / dt:.1f} articles/s; peak RSS {peak_mb:.0f} MB")
    # CPU time is what "on one core" means when other jobs share the machine.
    print(f"CPU time {cpu:.1f} s = {len(recs) / cpu:.1f} articles/s of one core")
    print("per stage (ms/article): " + ", ".join(
        f"{k} {1000 * v / len(recs):.2f}" for k, v in per_stage.items()))
    print("found: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"rejected {len(rejected)}: " + "; ".join(rejected[:5]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
