"""Score the time stage on gold-dev: recall, value accuracy and precision of ``times``.

A gold time is *found* when a system time overlaps an occurrence of its text; its value
is *right* when one of the overlapping system times has exactly the gold value. A system
time that overlaps no occurrence of any gold time text is *unmatched* (listed with -v so
one can judge whether the gold is incomplete). Range parts (``range_part``) are counted
with their range.

    .venv/bin/python bench/time_gold_dev.py [-v] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rasd.eval.score import raw_occurrences as occurrences  # noqa: E402
from rasd.time.stage import extract_times  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("-v", action="store_true", help="list misses and unmatched system times")
    args = ap.parse_args()
    gold_dir = Path(args.shared) / "gold-dev" / "gold"
    if not gold_dir.exists():
        print(f"no gold at {gold_dir}", file=sys.stderr)
        return 6
    n_gold = found = right = n_sys = unmatched = wrong = 0
    for gf in sorted(gold_dir.glob("*.json")):
        g = json.loads(gf.read_text(encoding="utf-8"))
        inp = json.loads((gold_dir.parent / "input" / gf.name).read_text(encoding="utf-8"))
        text = inp["text"]
        times, rep = extract_times(text, inp.get("published"))
        gold_spans = []
        for gt in g["times"]:
            occ = occurrences(text, gt["text"])
            gold_spans.extend((s, e, gt["value"]) for s, e in occ)
            n_gold += 1
            hits = [t for t in times if any(t.start < e and s < t.end for s, e in occ)]
            ok = any(t.value == gt["value"] for t in hits)
            found += bool(hits)
            right += ok
            if args.v and not ok:
                print(f"MISS {gf.stem}: {gt['text']!r} gold={gt['value']} sys={[(t.text, t.value) for t in hits]}")
        for t in times:
            if t.extra.get("range_part"):
                continue
            n_sys += 1
            over = [v for s, e, v in gold_spans if t.start < e and s < t.end]
            if not over:
                unmatched += 1
                if args.v:
                    print(f"EXTRA {gf.stem}: {t.text!r} {t.value} {t.precision} {t.extra}")
            elif t.value not in over:
                wrong += 1
                if args.v:
                    print(f"WRONG {gf.stem}: {t.text!r} {t.value} vs gold {over}")
    print(f"gold times {n_gold}: found {found} ({found / n_gold:.1%}), right value {right} "
          f"({right / n_gold:.1%})")
    print(f"system times {n_sys}: overlapping a gold time {n_sys - unmatched} "
          f"({(n_sys - unmatched) / max(1, n_sys):.1%}), of which with another value {wrong}; "
          f"unmatched {unmatched}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
