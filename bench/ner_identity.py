"""Check that a change to the NER code leaves its output identical.

    mkdir -p /tmp/old_src && cp -r src/rasd /tmp/old_src/     # BEFORE changing the code
    PYTHONPATH=/tmp/old_src .venv/bin/python bench/ner_identity.py --dump /tmp/ner_old.pkl
    .venv/bin/python bench/ner_identity.py --dump /tmp/ner_new.pkl
    .venv/bin/python bench/ner_identity.py --compare /tmp/ner_old.pkl /tmp/ner_new.pkl

(/tmp/old_src holds a copy of src/rasd taken before the change.) `--docs N --every K`:
every K-th corpus article, N of them. Tags N SaudiNewsNet articles through the text and
NER stages and records every tag and CRF marginal that
``NerModel.tag_doc`` returns plus the stage's mentions; ``--compare`` asserts the tags and
mentions are equal and the marginals agree to 1e-9.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def texts(shared: Path, n: int, every: int = 1) -> list[str]:
    """The first ``n`` articles, or with ``every`` > 1 every ``every``-th of the corpus."""
    out = []
    with gzip.open(shared / "corpus" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if every > 1 and i % every:
                continue
            out.append(json.loads(line)["text"])
            if len(out) >= n:
                break
    return out


def dump(shared: Path, n: int, path: Path, every: int = 1) -> None:
    import rasd.ner.model as m
    from rasd.doc import Doc
    from rasd.ner.stage import NerStage
    from rasd.text.stage import TextStage

    print("rasd.ner.model from", m.__file__, file=sys.stderr)
    ts = TextStage()
    ner = NerStage(confidence=True)
    raw: list = []
    # every tagging call, the outer one and the inner clitic-split one (newer code routes
    # both through _tag_doc, older code through tag_doc)
    name = "_tag_doc" if hasattr(ner.model, "_tag_doc") else "tag_doc"
    orig = getattr(ner.model, name)

    def spy(sents, marginals=False):  # type: ignore[no-untyped-def]
        r = orig(sents, marginals)
        raw.append(r)
        return r

    setattr(ner.model, name, spy)
    ments = []
    for t in texts(shared, n, every):
        ments.append(ner.mentions(ts(Doc(text=t))))
    # tag() and the stacking-free single-sentence path too
    words = ["زار", "الرئيس", "عبدالله", "القاهرة", "وبيروت", "."]
    single = ner.model.tag(words, marginals=True)
    path.write_bytes(pickle.dumps({"raw": raw, "mentions": ments, "single": single}))
    print(f"wrote {path}: {len(ments)} docs, {sum(map(len, ments))} mentions")


def compare(a: Path, b: Path) -> None:
    A = pickle.loads(a.read_bytes())
    B = pickle.loads(b.read_bytes())
    assert A["mentions"] == B["mentions"], "mentions differ"
    assert len(A["raw"]) == len(B["raw"])
    ntags = 0
    worst = 0.0
    for da, db in zip(A["raw"] + [[A["single"]]], B["raw"] + [[B["single"]]]):
        assert len(da) == len(db)
        for (ta, pa), (tb, pb) in zip(da, db):
            assert ta == tb, "tags differ"
            ntags += len(ta)
            assert (pa is None) == (pb is None)
            if pa is not None:
                assert len(pa) == len(pb)
                for x, y in zip(pa, pb):
                    worst = max(worst, abs(x - y))
    assert worst <= 1e-9, f"marginals differ by {worst}"
    print(f"IDENTICAL: {len(A['mentions'])} docs, {sum(map(len, A['mentions']))} mentions, "
          f"{ntags} tags; max marginal difference {worst:g}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("RASD_SHARED", REPO.parent / "shared")))
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--every", type=int, default=1,
                    help="every K-th corpus article (default: the first N)")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--compare", type=Path, nargs=2)
    a = ap.parse_args()
    if a.dump:
        dump(a.shared, a.docs, a.dump, a.every)
    if a.compare:
        compare(*a.compare)


if __name__ == "__main__":
    main()
