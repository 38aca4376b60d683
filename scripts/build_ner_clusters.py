"""Build src/rasd/ner/data/clusters.tsv (word clusters from the unlabelled corpus).

``--check`` compares the corpus digest and builder version recorded in the shipped file
(fast); ``--check --full`` rebuilds in memory and compares byte for byte (minutes).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from rasd.ner.build import CLU_VERSION, clusters_text, corpus_digest, header_digest

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "rasd" / "ner" / "data" / "clusters.tsv"


def main(argv: list[str] | None = None) -> int:
    """Write (or check) the shipped word-cluster table."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--full", action="store_true", help="with --check: rebuild and compare")
    a = ap.parse_args(argv)
    if a.check and not a.full:
        first = a.out.read_text(encoding="utf-8").split("\n", 1)[0] if a.out.is_file() else ""
        if header_digest(a.out) != corpus_digest(a.shared) or f"clusters v{CLU_VERSION};" not in first:
            print(f"{a.out} is stale: run scripts/build_ner_clusters.py", file=sys.stderr)
            return 1
        print(f"{a.out} matches the corpus digest")
        return 0
    t = time.time()
    text = clusters_text(a.shared)
    if a.check:
        old = a.out.read_text(encoding="utf-8") if a.out.is_file() else ""
        ok = old == text
        print(f"{a.out} {'is up to date' if ok else 'is stale'} ({time.time() - t:.0f}s)")
        return 0 if ok else 1
    a.out.write_text(text, encoding="utf-8")
    print(f"wrote {a.out}: {text.count(chr(10)) - 1} words in {time.time() - t:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
