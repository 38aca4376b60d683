"""CPU time per stage of the default pipeline (the NER stage's share in its real setting).

    nice .venv/bin/python bench/ner_pipeline_cpu.py [--every 30] [--corpus PATH]

Like bench/pipeline_speed.py --every K (same articles: every K-th corpus record), but each
stage is timed with CPU time (``time.process_time``), not wall time, so other jobs on a
shared machine disturb the per-stage numbers less. Prints articles/s of one core and
ms/article per stage.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus/saudinewsnet.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--every", type=int, default=30, help="every K-th article of the corpus")
    ap.add_argument("--corpus", default=str(CORPUS))
    a = ap.parse_args()

    import rasd
    from rasd.errors import InputError
    from rasd.io import make_doc

    pipeline = rasd.get_pipeline(None)
    pipeline(make_doc({"text": "تحميل النماذج.", "published": "2015-07-01"}))
    recs = []
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i % a.every:
                continue
            r = json.loads(line)
            recs.append({"id": r.get("id"), "text": r["text"], "published": r.get("published")})
    per: dict[str, float] = defaultdict(float)
    c0 = time.process_time()
    done = 0
    for r in recs:
        try:
            doc = make_doc(r, max_chars=pipeline.max_chars)
        except InputError:
            continue
        done += 1
        for st in pipeline.stages:
            s0 = time.process_time()
            doc = st(doc)
            per[st.name] += time.process_time() - s0
        doc.scratch.clear()
    cpu = time.process_time() - c0
    print(f"{len(recs)} articles ({done} tagged): CPU {cpu:.1f} s = {len(recs) / cpu:.1f} "
          "articles/s of one core")
    print("per stage CPU ms/article: " + ", ".join(
        f"{k} {1000 * v / len(recs):.2f}" for k, v in per.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
