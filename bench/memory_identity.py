"""Check that cache bounds leave the pipeline's output unchanged.

    RASD_CACHE_SCALE=0    .venv/bin/python bench/memory_identity.py --out /tmp/unbounded.jsonl
    RASD_CACHE_SCALE=0.01 .venv/bin/python bench/memory_identity.py --out /tmp/tiny.jsonl
    .venv/bin/python bench/memory_identity.py --out /tmp/default.jsonl
    cmp /tmp/unbounded.jsonl /tmp/tiny.jsonl && cmp /tmp/unbounded.jsonl /tmp/default.jsonl

Runs the default pipeline (all stages) in one process over every K-th corpus article
(``--every``, default 30: 1,037 articles) and writes each document's JSON (sorted keys)
as one line, then its SHA-256. ``RASD_CACHE_SCALE`` (see rasd.cache) multiplies every
bounded cache's size: 0 = unbounded, 0.01 = tiny caches that are rotated or cleared
constantly. Same tree, same time, different bounds: the files must be byte-identical.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus/saudinewsnet.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--every", type=int, default=30)
    ap.add_argument("--limit", type=int, default=0, help="stop after this many articles")
    ap.add_argument("--out", required=True)
    ap.add_argument("--corpus", default=str(CORPUS))
    a = ap.parse_args()

    import rasd
    from rasd.errors import InputError
    from rasd.io import make_doc

    pipeline = rasd.get_pipeline()
    h = hashlib.sha256()
    n = 0
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f, open(a.out, "w", encoding="utf-8") as out:
        for i, line in enumerate(f):
            if i % a.every:
                continue
            r = json.loads(line)
            try:
                doc = make_doc({"id": r.get("id"), "text": r["text"], "published": r.get("published")})
            except InputError as exc:
                s = json.dumps({"rejected": str(exc)}, ensure_ascii=False)
            else:
                s = json.dumps(pipeline(doc).to_dict(), ensure_ascii=False, sort_keys=True)
            out.write(s + "\n")
            h.update(s.encode("utf-8"))
            n += 1
            if a.limit and n >= a.limit:
                break
    print(f"RASD_CACHE_SCALE={os.environ.get('RASD_CACHE_SCALE', '1')}: {n} documents, "
          f"sha256 {h.hexdigest()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
