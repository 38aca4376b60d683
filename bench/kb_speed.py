#!/usr/bin/env python3
"""KB speed: index load time and entities-stage (linking + coreference) ms per article.

Usage: .venv/bin/python bench/kb_speed.py [--corpus ../shared/corpus/saudinewsnet.jsonl.gz] [-n 300]

Articles: the corpus when present (first N; text/ner run first and are not timed), else
the gold-dev inputs, else the bundled example. Prints numbers only (targets: load ≤ 1 s,
linking ≤ 2 ms per article).

Output check (a speed change must not change outputs):
  bench/kb_speed.py --inputs /tmp/in.pkl --dump /tmp/before.json     # before the change
  bench/kb_speed.py --inputs /tmp/in.pkl --compare /tmp/before.json  # after: "identical: True"
``--inputs`` pickles the text+ner docs on first use, so both runs see the same NER output
even if the NER model changes in between.
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
    ap.add_argument("--dump", type=Path, help="write the stage's outputs (entities) to this JSON file")
    ap.add_argument("--compare", type=Path, help="check the outputs are identical to a --dump file")
    ap.add_argument("--inputs", type=Path,
                    help="pickle of the text+ner docs: written if missing, else read (so a"
                         " --compare sees the same NER output even if the NER model changed)")
    ap.add_argument("--no-load", action="store_true", help="skip the index load timing")
    args = ap.parse_args()

    # Index load time in a fresh process (what a CLI run pays once).
    # CPU time beside wall time: on a shared, loaded box the wall clock measures the others.
    code = ("import time;t=time.perf_counter();c=time.process_time();"
            "from rasd.kb.index import load_index;"
            "k=load_index();print(time.perf_counter()-t, time.process_time()-c, len(k))")
    loads, load_cpu = [], []
    for _ in range(0 if args.no_load else 3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=REPO, env={"PYTHONPATH": str(REPO / "src")}, check=True)
        sec, cpu_sec, n_entries = out.stdout.split()
        loads.append(float(sec))
        load_cpu.append(float(cpu_sec))
    if loads:
        print(f"kb entries: {n_entries}")
        print(f"index load: {min(loads) * 1000:.0f} ms wall, {min(load_cpu) * 1000:.0f} ms CPU"
              " (best of 3, fresh process)")

    from rasd.doc import Doc
    from rasd.kb.stage import EntityStage
    from rasd.pipeline import Pipeline

    pre = Pipeline.from_config({"pipeline": {"stages": ["text", "ner"]}})
    stage = EntityStage()
    docs = []
    if args.inputs and args.inputs.exists():
        import pickle

        docs = pickle.loads(args.inputs.read_bytes())[: args.n]
    else:
        for a in _articles(args.corpus, args.n):
            d = Doc(text=a.get("text") or "", id=a.get("id"), published=a.get("published"))
            if d.text.strip():
                docs.append(pre(d))
        if args.inputs:
            import pickle

            args.inputs.write_bytes(pickle.dumps(docs))
    # Warm the lazy tables (transliteration, geo gazetteer names) outside the timing: they
    # are one-off load costs (the geo gazetteer alone is ~0.7 s CPU, 3.5 ms/article over 200
    # articles if it were counted in the first pass), reported on their own line.
    from rasd.doc import Entity, Span

    w = Doc(text="زار بسام عطية بلدة كيروهورا", published=None)
    w.entities = [Entity("e1", "PER", "بسام عطية", mentions=[Span(4, 13, "بسام عطية")]),
                  Entity("e2", "LOC", "كيروهورا", mentions=[Span(19, 27, "كيروهورا")])]
    c0 = time.process_time()
    stage(w)
    print(f"warm-up (lazy tables: translit, geo gazetteer): {(time.process_time() - c0) * 1000:.0f} ms CPU")
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
    if args.dump or args.compare:
        # Outputs as plain data, so a speed change can be checked to change nothing.
        outs = [{"id": d.id, "entities": [_ent(e) for e in d.entities]} for d in docs]
        outs = json.loads(json.dumps(outs, ensure_ascii=False))  # tuples as lists, like a dump
        if args.dump:
            args.dump.write_text(json.dumps(outs, ensure_ascii=False), encoding="utf-8")
            print(f"outputs written: {args.dump}")
        if args.compare:
            ref = json.loads(args.compare.read_text(encoding="utf-8"))
            diff = [o["id"] for o, r in zip(outs, ref) if o != r]
            if len(ref) != len(outs):
                diff.append(f"count {len(outs)} != {len(ref)}")
            print(f"outputs identical: {not diff} ({len(outs)} articles; {len(diff)} differ: {diff[:5]})")
            return 1 if diff else 0
    return 0


def _ent(e) -> dict:
    """An entity as plain, comparable data."""
    return {"id": e.id, "type": e.type, "name": e.name, "name_en": e.name_en, "kb": e.kb,
            "mentions": [(m.start, m.end, m.text) for m in e.mentions],
            "extra": {k: v for k, v in sorted((e.extra or {}).items()) if isinstance(v, (str, int, float, list))}}


if __name__ == "__main__":
    sys.exit(main())
