"""Cost of the convolutional tagger mixed into the NER stage (bench/ner_cnn_numpy.py), one core.

    .venv/bin/python bench/ner_cnn_speed.py --model-dir src/rasd/ner/data --net NET.npz [--docs 300]

The network is not part of the tagger (round 7: it did not gain enough); this measures
what it would add: the shipped NER stage's CPU time over the first N SaudiNewsNet
articles, and, in the same process, the network's forward pass + mix + decoding on
exactly the attributes and CRF tags of those articles (captured from the stage).
(Missing from the sum: the CRF marginals of tags the mix changes, a few per article.)
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")  # one core, as the pipeline's speed rule counts

import argparse  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ner_speed import REPO, texts  # noqa: E402

from rasd.doc import Doc  # noqa: E402
from ner_cnn_numpy import NeuralMix  # noqa: E402
from rasd.ner.stage import NerStage  # noqa: E402
from rasd.text.stage import TextStage  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("RASD_SHARED", REPO.parent / "shared")))
    ap.add_argument("--model-dir", type=Path, required=True, help="a CRF model folder")
    ap.add_argument("--net", type=Path, required=True, help="an ner_cnn.npz (rasd.ner.neural_train)")
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    ts = TextStage()
    docs = [ts(Doc(text=t)) for t in texts(a.shared, a.docs)]
    ntok = sum(len(d.tokens) for d in docs)
    st = NerStage(model=str(a.model_dir))
    m = st.model
    nm = NeuralMix(a.net)
    # the network's input: the CRF's attributes of each document's clitic-split sentences,
    # captured from the stage's own featurizer call (as the mix would read them)
    cap: list = []
    doc0 = m.featurizer.document

    def document(sents):  # type: ignore[no-untyped-def]
        f = doc0(sents)
        cap.append((f, [m._tagger().tag(x) if x else [] for x in f]))
        return f

    m.featurizer.document = document  # type: ignore[method-assign]
    for d in docs:  # warm the per-word caches, capture the inputs
        d.entities = []
        st(d)
    m.featurizer.document = doc0  # type: ignore[method-assign]
    t_stage = t_net = 0.0
    for _ in range(a.rounds):
        for d in docs:
            d.entities = []
            t = time.process_time()
            st(d)
            t_stage += time.process_time() - t
        t = time.process_time()
        for f, tags in cap:
            nm.mix(f, tags)
        t_net += time.process_time() - t
    n = len(docs) * a.rounds
    print(f"NER stage (CRF, as shipped): {ntok * a.rounds / t_stage:,.0f} tokens/s, "
          f"{1000 * t_stage / n:.2f} ms/article (cpu, {len(docs)} articles x {a.rounds}, "
          f"{ntok / len(docs):.0f} tokens/article)")
    print(f"network forward + mix/decoding: {1000 * t_net / n:.2f} ms/article, "
          f"{1e6 * t_net / (ntok * a.rounds):.2f} ms per 1,000 tokens")
    print(f"stage + network: {ntok * a.rounds / (t_stage + t_net):,.0f} tokens/s")


if __name__ == "__main__":
    main()
