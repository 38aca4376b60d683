"""Text-layer speed and offset check over the whole corpus.

Runs sentence splitting + tokenisation (the `text` stage) on every article of
../shared/corpus/saudinewsnet.jsonl.gz on one core, checks that every sentence and token
slices back to its text, and prints MB/s (UTF-8 bytes of article text per second).

    .venv/bin/python bench/text_speed.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import sys
import time
from pathlib import Path

from rasd.doc import Doc
from rasd.text.sentences import split_sentences
from rasd.text.tokens import tokenize

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus/saudinewsnet.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--corpus", default=str(CORPUS))
    a = ap.parse_args()
    texts = []
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if a.limit and i >= a.limit:
                break
            texts.append(json.loads(line)["text"])
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    # Warm the frequency table and the clitic cache the way a long run would.
    tokenize(texts[0])
    t0 = time.perf_counter()
    ntok = nsent = 0
    for t in texts:
        s = split_sentences(t)
        toks = tokenize(t, s)
        nsent += len(s)
        ntok += len(toks)
    dt = time.perf_counter() - t0
    # Offsets: every span slices back (done outside the timed loop).
    bad = 0
    for t in texts:
        s = split_sentences(t)
        d = Doc(text=t, sentences=s, tokens=tokenize(t, s))
        bad += len(d.check_offsets())
    print(f"machine: {platform.processor() or platform.machine()}, python {sys.version.split()[0]}")
    print(f"articles {len(texts):,}  text {nbytes / 1e6:.1f} MB  sentences {nsent:,}  tokens {ntok:,}")
    print(f"text layer: {dt:.1f} s  = {nbytes / 1e6 / dt:.2f} MB/s, {ntok / dt:,.0f} tokens/s, "
          f"{len(texts) / dt:,.0f} articles/s (one core)")
    print(f"offset errors: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
