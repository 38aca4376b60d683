"""NER stage speed on one core: tokens per second of NerStage alone (text stage excluded).

    .venv/bin/python bench/ner_speed.py [--shared ../shared] [--docs 300] [--every K]

Uses the first N SaudiNewsNet articles when ../shared is there (with ``--every K``: every
K-th article of the whole corpus, as bench/pipeline_speed.py --every K; ``--docs 0`` for all
of them), else the bundled example repeated. Prints tokens/s (pipeline tokens, clitics
counted separately), words/s and CPU ms per article.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import time
from pathlib import Path

from rasd.doc import Doc
from rasd.ner.stage import NerStage
from rasd.text.stage import TextStage

REPO = Path(__file__).resolve().parents[1]


def texts(shared: Path, n: int, every: int = 1) -> list[str]:
    corpus = shared / "corpus" / "saudinewsnet.jsonl.gz"
    if corpus.is_file():
        out = []
        with gzip.open(corpus, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if every > 1 and i % every:
                    continue
                out.append(json.loads(line)["text"])
                if n and len(out) >= n:
                    break
        return out
    seed = json.loads((REPO / "examples" / "seed-minusma.json").read_text(encoding="utf-8"))["text"]
    return [seed] * (n or 300)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("RASD_SHARED", REPO.parent / "shared")))
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--every", type=int, default=1, help="every K-th corpus article")
    ap.add_argument("--no-confidence", action="store_true")
    a = ap.parse_args()
    ts = TextStage()
    docs = [ts(Doc(text=t)) for t in texts(a.shared, a.docs, a.every)]
    ner = NerStage(confidence=not a.no_confidence)
    ner(ts(Doc(text="زار الرئيس القاهرة.")))  # load model before timing
    ntok = sum(len(d.tokens) for d in docs)
    nword = sum(len(d.text.split()) for d in docs)
    t0 = time.process_time()
    w0 = time.perf_counter()
    ments = 0
    for d in docs:
        ments += len(ner(d).entities)
    cpu = time.process_time() - t0
    wall = time.perf_counter() - w0
    print(f"ner stage: {len(docs)} docs, {ntok} tokens ({nword} words), {ments} mentions")
    print(f"cpu {cpu:.2f}s wall {wall:.2f}s -> {ntok / cpu:,.0f} tokens/s, {nword / cpu:,.0f} words/s, "
          f"{1000 * cpu / len(docs):.2f} ms/article (cpu time, one core)")
    print("(cold cache: includes featurizing word types the first time; the 20,000 tokens/s target is per core)")


if __name__ == "__main__":
    main()
