#!/usr/bin/env python3
"""KB speed: index load time and entities-stage (linking + coreference) ms per article.

Usage: .venv/bin/python bench/kb_speed.py [--corpus ../shared/corpus/saudinewsnet.jsonl.gz] [-n 300]

Articles: the corpus when present (first N; text/ner run first and are not timed), else
the gold-dev inputs, else the bundled example. Prints numbers only (targets: load ≤ 1 s,
linking ≤ 2 ms per article).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def _articles(corpus: Path, n: int) -> list[dict]:
    if corpus.exists():
        out = []
        with gzip.open(corpus, "rt", encoding="utf-8") as f:
            for line in f:
                out.append(json.loads(line))
                if len(out) >= n:
                    break
        return out
    gold = REPO.parent / "shared" / "gold-dev" / "input"
    if gold.exists():
        return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold.glob("*.json"))]
    return [json.loads((REPO / "examples" / "seed-minusma.json").read_text(encoding="utf-8"))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "saudinewsnet.jsonl.gz")
    ap.add_argument("-n", type=int, default=300)
    args = ap.parse_args()

    # Index load time in a fresh process (what a CLI run pays once).
    code = ("import time;t=time.perf_counter();from rasd.kb.index import load_index;"
            "k=load_index();print(time.perf_counter()-t, len(k))")
    loads = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=REPO, env={"PYTHONPATH": str(REPO / "src")}, check=True)
        sec, n_entries = out.stdout.split()
        loads.append(float(sec))
    print(f"kb entries: {n_entries}")
    print(f"index load: {min(loads) * 1000:.0f} ms (best of 3, fresh process)")

    from rasd.doc import Doc
    from rasd.kb.stage import EntityStage
    from rasd.pipeline import Pipeline

    pre = Pipeline.from_config({"pipeline": {"stages": ["text", "ner"]}})
    stage = EntityStage()
    docs = []
    for a in _articles(args.corpus, args.n):
        d = Doc(text=a.get("text") or "", id=a.get("id"), published=a.get("published"))
        if d.text.strip():
            docs.append(pre(d))
    # Warm the lazy tables (transliteration, geo gazetteer names) outside the timing.
    from rasd.doc import Entity, Span

    w = Doc(text="زار بسام عطية بلدة كيروهورا", published=None)
    w.entities = [Entity("e1", "PER", "بسام عطية", mentions=[Span(4, 13, "بسام عطية")]),
                  Entity("e2", "LOC", "كيروهورا", mentions=[Span(19, 27, "كيروهورا")])]
    stage(w)
    times, cpu, chars = [], [], 0
    for d in docs:
        t, c = time.perf_counter(), time.process_time()
        stage(d)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        chars += len(d.text)
    print(f"articles: {len(docs)} (mean {chars / max(len(docs), 1):.0f} chars)")
    print(f"linking: mean {statistics.mean(times):.2f} ms/article, median {statistics.median(times):.2f},"
          f" p95 {sorted(times)[int(0.95 * (len(times) - 1))]:.2f} (wall clock)")
    # CPU time is the fairer number on a shared machine.
    print(f"linking: mean {statistics.mean(cpu):.2f} ms/article CPU time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
