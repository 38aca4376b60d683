"""Throughput of the time stage: articles per second on one core.

Runs :class:`rasd.time.stage.TimeStage` alone (the text stage's sentences are not used
by it) over the first N articles of the saudinewsnet corpus (../shared, research only).

    nice .venv/bin/python bench/time_speed.py [-n 3000] [--repeat 3] [--shared ../shared]
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

from rasd.doc import Doc  # noqa: E402
from rasd.time.stage import TimeStage  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    args = ap.parse_args()
    path = Path(args.shared) / "corpus" / "saudinewsnet.jsonl.gz"
    if not path.exists():
        print(f"no corpus at {path}", file=sys.stderr)
        return 6
    recs = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            recs.append((r.get("text") or "", r.get("published")))
            if len(recs) >= args.n:
                break
    stage = TimeStage()
    stage(Doc(text="أمس", published="2015-07-21"))  # warm the lexicons
    chars = sum(len(t) for t, _ in recs)
    # The machine is shared: report wall time and this process's CPU time, best of
    # --repeat runs (CPU time is what one free core would take).
    best_wall = best_cpu = float("inf")
    n_times = 0
    for _ in range(args.repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        n_times = 0
        for text, pub in recs:
            doc = stage(Doc(text=text, published=pub))
            n_times += len(doc.times)
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    n = len(recs)
    print(f"{n} articles ({chars / n:.0f} chars avg), {n_times} times; best of {args.repeat}: "
          f"wall {best_wall:.2f} s = {n / best_wall:.0f} articles/s; "
          f"CPU {best_cpu:.2f} s = {n / best_cpu:.0f} articles/s ({chars / best_cpu / 1e6:.2f} M chars/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
