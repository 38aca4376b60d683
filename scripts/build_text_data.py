"""Build ``src/rasd/text/data/wordfreq_ar.tsv`` from the `wordfreq` package.

The tokeniser uses these frequencies to decide whether a leading و/ف/ب/ل/ك is a clitic
(split it when the rest of the word is more frequent than the whole word).
Data: wordfreq (Robyn Speer et al.), CC BY-SA 4.0 — see NOTICE.

Run: ``python scripts/build_text_data.py`` (``--check`` exits 1 when the file is stale).
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/rasd/text/data/wordfreq_ar.tsv"
TOP_N = 120_000


def build() -> str:
    from wordfreq import top_n_list, zipf_frequency

    sys.path.insert(0, str(OUT.parents[3]))
    from rasd.text.normalize import normalize

    best: dict[str, int] = {}
    for w in top_n_list("ar", TOP_N):
        if not any("\u0621" <= c <= "\u064a" for c in w):
            continue
        n = normalize(w)
        z = int(round(zipf_frequency(w, "ar") * 100))
        if z > best.get(n, -1):
            best[n] = z
    lines = ["# word\tzipf*100 (wordfreq, CC BY-SA 4.0); built by scripts/build_text_data.py"]
    lines += [f"{w}\t{z}" for w, z in sorted(best.items(), key=lambda x: (-x[1], x[0]))]
    return "\n".join(lines) + "\n"


def main() -> int:
    data = build()
    if "--check" in sys.argv:
        return 0 if OUT.exists() and OUT.read_text(encoding="utf-8") == data else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(data, encoding="utf-8")
    print(f"wrote {OUT} ({data.count(chr(10)) - 1} words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
