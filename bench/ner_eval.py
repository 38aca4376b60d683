"""NER quality: conlleval on the held-out last tenth of ANERcorp train, and gold-dev recall.

    .venv/bin/python bench/ner_eval.py heldout [train options, e.g. --no-clusters]
    .venv/bin/python bench/ner_eval.py golddev [--shared ../shared]
    .venv/bin/python bench/ner_eval.py cv [--parts 1,2,..] [train options]

``cv`` runs ``heldout --part N`` for each tenth N (default all ten: ten trainings, ~10 min)
and prints each tenth's micro F1 and their mean and standard deviation: the tenths differ
by up to 15 F1 (69.6 to 85.2), so a variant chosen on one tenth alone is easily chosen on
noise.

``heldout`` trains a model on the first nine tenths (same features/options as shipped) and
scores the last tenth, per type. ``golddev`` runs text+ner (the shipped model) on the 16
gold-dev articles and reports, per type, the share of gold mention occurrences (each gold
mention string at each place it occurs in the text, clitic prefix allowed before it) that
the NER found with exactly those offsets, with and without the right type; plus the
share of NER mentions that are exactly a gold mention occurrence.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_LET = re.compile(r"[\w\u0600-\u06ff]")


def occurrences(text: str, s: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``s`` (a clitic prefix of up to 2 letters may precede)."""
    out = []
    i = text.find(s)
    while i >= 0:
        e = i + len(s)
        after_ok = e >= len(text) or not _LET.match(text[e])
        j = i
        while j > 0 and _LET.match(text[j - 1]):
            j -= 1
        pre = text[j:i]
        before_ok = pre == "" or (len(pre) <= 2 and all(c in "وفبكل" for c in pre))
        if after_ok and before_ok:
            out.append((i, e))
        i = text.find(s, i + 1)
    return out


def golddev(shared: Path) -> None:
    from rasd.doc import Doc
    from rasd.ner.stage import NerStage
    from rasd.text.stage import TextStage

    ts, ner = TextStage(), NerStage()
    found, typed, total = Counter(), Counter(), Counter()
    ent_found, ent_total = Counter(), Counter()
    pred_n = pred_hit = 0
    for gp in sorted((shared / "gold-dev" / "gold").glob("*.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        inp = json.loads((shared / "gold-dev" / "input" / gp.name).read_text(encoding="utf-8"))
        text = inp["text"]
        doc = ner(ts(Doc(text=text)))
        pred = {(m.start, m.end): e.type for e in doc.entities for m in e.mentions}
        gold_spans = set()
        for ent in g["entities"]:
            t = ent["type"]
            ent_total[t] += 1
            hit_any = False
            for m in ent["mentions"]:
                for sp in occurrences(text, m):
                    gold_spans.add(sp)
                    total[t] += 1
                    if sp in pred:
                        found[t] += 1
                        hit_any = True
                        if pred[sp] == t:
                            typed[t] += 1
            ent_found[t] += hit_any
        pred_n += len(pred)
        pred_hit += sum(1 for sp in pred if sp in gold_spans)
    print("gold-dev (16 articles), strict offsets of gold mention strings:")
    print(f"{'type':5} {'occurrences':>11} {'found':>7} {'found+type':>10} {'entities':>8} {'ent.found':>9}")
    for t in ("PER", "ORG", "LOC", "MISC"):
        n = total[t] or 1
        print(f"{t:5} {total[t]:11d} {100 * found[t] / n:6.1f}% {100 * typed[t] / n:9.1f}% "
              f"{ent_total[t]:8d} {100 * ent_found[t] / max(ent_total[t], 1):8.1f}%")
    N = sum(total.values()) or 1
    print(f"{'all':5} {sum(total.values()):11d} {100 * sum(found.values()) / N:6.1f}% "
          f"{100 * sum(typed.values()) / N:9.1f}% {sum(ent_total.values()):8d} "
          f"{100 * sum(ent_found.values()) / max(sum(ent_total.values()), 1):8.1f}%")
    print(f"NER mentions that are exactly a gold mention occurrence: {pred_hit}/{pred_n} "
          f"({100 * pred_hit / max(pred_n, 1):.1f}%; gold lists only entities worth extracting, "
          "so this is a lower bound on precision)")


def cv(argv: list[str]) -> None:
    """Micro F1 of every held-out tenth (train on the other nine), mean and deviation."""
    import contextlib
    import io
    import statistics

    from rasd.ner.train import main as train_main

    parts = list(range(1, 11))
    if "--parts" in argv:
        i = argv.index("--parts")
        parts = [int(x) for x in argv[i + 1].split(",")]
        argv = argv[:i] + argv[i + 2:]
    f1s = []
    for n in parts:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            train_main(["--heldout", "--part", str(n)] + argv)
        m = re.search(r"FB1:\s+([0-9.]+)", buf.getvalue())
        f1s.append(float(m.group(1)) if m else float("nan"))
        print(f"tenth {n:2d}: micro F1 {f1s[-1]:.2f}", flush=True)
    sd = statistics.stdev(f1s) if len(f1s) > 1 else 0.0
    print(f"mean {statistics.mean(f1s):.2f} (sd {sd:.2f}) over tenths {','.join(map(str, parts))}")


def main() -> None:
    if len(sys.argv) >= 2 and sys.argv[1] == "cv":
        cv(sys.argv[2:])
        return
    if len(sys.argv) < 2 or sys.argv[1] not in ("heldout", "golddev"):
        print(__doc__)
        sys.exit(2)
    if sys.argv[1] == "heldout":
        from rasd.ner.train import main as train_main

        sys.exit(train_main(["--heldout"] + sys.argv[2:]))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("RASD_SHARED", REPO.parent / "shared")))
    a = ap.parse_args(sys.argv[2:])
    golddev(a.shared)


if __name__ == "__main__":
    main()
