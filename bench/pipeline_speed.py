"""Whole-pipeline throughput and peak memory over corpus articles (one core).

    .venv/bin/python bench/pipeline_speed.py [--limit N | --every K | --all] [--config TOML]

Loads the default pipeline (all stages), runs it over corpus articles of
../shared/corpus/saudinewsnet.jsonl.gz and prints articles/s, per-stage time shares and
peak resident memory. Targets (issue: events): >= 100 articles/s over the 31k corpus
articles, peak <= 600 MB.

Which articles: `--limit N` the first N (the first 1,000 are twice as long as the corpus
average, 3,344 vs 1,711 characters, so this under-states corpus throughput); `--every K`
every K-th article of the whole corpus (a systematic sample with the corpus's length
distribution); `--all` every article. The input is streamed (never held as a list), so
the peak RSS is the pipeline's own: models plus its caches. `--progress N` prints RSS
every N articles.
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


def rss_mb() -> float:
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
    ap.add_argument("--progress", type=int, default=0, help="print RSS every N articles")
    a = ap.parse_args()

    import rasd
    from rasd.io import make_doc

    t0 = time.perf_counter()
    pipeline = rasd.get_pipeline(a.config)
    pipeline(make_doc({"text": "تحميل النماذج.", "published": "2015-07-01"}))
    load_s = time.perf_counter() - t0

    def records():
        # Streamed, one article at a time: the run must not hold the whole input (a user's
        # `rasd extract` over a big JSONL file does not either).
        with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if a.all or a.every:
                    if a.every and i % a.every:
                        continue
                elif a.limit and i >= a.limit:
                    break
                r = json.loads(line)
                yield {"id": r.get("id"), "text": r["text"], "published": r.get("published")}

    input_mb = rss_mb()
    per_stage: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    nbytes = 0
    n = 0
    # Reading and decoding the input (gzip, JSON) is not the pipeline's cost: only the
    # time from make_doc to the last stage is counted, wall-clock and CPU.
    dt = 0.0
    cpu = 0.0
    from rasd.errors import InputError

    rejected = []
    peak_seen = 0.0
    for r in records():
        n += 1
        t0 = time.perf_counter()
        c0 = time.process_time()
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
        dt += time.perf_counter() - t0
        cpu += time.process_time() - c0
        if a.progress and n % a.progress == 0:
            peak_seen = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"  {n:,} articles: RSS {rss_mb():.0f} MB, peak {peak_seen:.0f} MB, "
                  f"{n / cpu:.1f} articles/s CPU", file=sys.stderr, flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, python {sys.version.split()[0]}; stages {pipeline.names}")
    print(f"RSS with the models loaded, before the run: {input_mb:.0f} MB (input streamed)")
    print(f"load {load_s:.2f} s; {n:,} articles, {nbytes / 1e6:.1f} MB "
          f"({nbytes / max(1, n - len(rejected)):,.0f} bytes/article) in {dt:.1f} s "
          f"= {n / dt:.1f} articles/s; peak RSS {peak_mb:.0f} MB")
    # CPU time is what "on one core" means when other jobs share the machine.
    print(f"CPU time {cpu:.1f} s = {n / cpu:.1f} articles/s of one core")
    print("per stage (ms/article): " + ", ".join(
        f"{k} {1000 * v / n:.2f}" for k, v in per_stage.items()))
    print("found: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"rejected {len(rejected)}: " + "; ".join(rejected[:5]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
