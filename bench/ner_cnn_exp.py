"""Experiment (round 7): a cheap neural tagger for ANERcorp — no recurrence, no char-CNN —
mixed with the shipped CRF's Viterbi tags. Research code; needs torch (CPU) for ``train``.

Per clitic-split token: the bag of the shipped CRF featurizer's attributes (only those the
fold's CRF kept weights for, i.e. exactly what the featurizer emits at inference) summed in
an EmbeddingBag (attribute dropout in training) → dropout → two 1-D convolutions (width 3,
dilation 1 then 2, ReLU; receptive field ±3 tokens on top of the attributes' own ±2
window) → linear → 9 BIO emissions, trained with token cross-entropy (log-softmax
emissions). Decoding: ``log_softmax + μ·onehot(CRF Viterbi tag)``, BIO-constrained Viterbi
(no learned transitions), then the CRF's document propagation, scored on ANERcorp's words
as ``bench/ner_neural_exp.py`` does (same folds as ``bench/ner_eval.py cv``).

    # the CRF per tenth (its Viterbi tags and its attribute set), saved in --cache:
    nice .venv/bin/python bench/ner_neural_exp.py crf --parts 10,5,1
    nice .venv/bin/python bench/ner_cnn_exp.py train --parts 10,5,1
    .venv/bin/python bench/ner_cnn_exp.py combine --parts 10,5,1 --mu 0,1,2,3
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ner_neural_exp import MASK, SMASK, TAGS, TID, folds, score, viterbi  # noqa: E402

from rasd.ner.corpus import split_sentence  # noqa: E402
from rasd.ner.train import DEFAULTS, doc_chunks, package_data_dir  # noqa: E402


def bio_repair(t: list[str]) -> list[str]:
    """An I- that does not continue a name of its type starts one (B-)."""
    t = list(t)
    for i, x in enumerate(t):
        if x.startswith("I-") and (i == 0 or t[i - 1][2:] != x[2:]):
            t[i] = "B-" + x[2:]
    return t


def build_net(n_attr: int, a):  # type: ignore[no-untyped-def]
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    class Net(nn.Module):
        def __init__(s) -> None:
            super().__init__()
            s.attr = nn.EmbeddingBag(n_attr, a.adim, mode="sum", sparse=True)
            nn.init.normal_(s.attr.weight, 0, 0.05)
            s.bias0 = nn.Parameter(torch.zeros(a.adim))
            s.drop = nn.Dropout(a.dropout)
            din = a.adim + (101 if a.svd else 0)
            s.c1 = nn.Conv1d(din, a.hid, 3, padding=1)
            s.c2 = nn.Conv1d(a.hid, a.hid, 3, padding=2, dilation=2)
            s.out = nn.Linear(a.hid + din, 9)

        def forward(s, aidx, aoff, mask, svd=None):  # type: ignore[no-untyped-def]
            B, L = mask.shape
            m = mask.unsqueeze(2).float()
            x = (s.attr(aidx, aoff).view(B, L, -1) + s.bias0) * m  # zero outside the sentence
            if svd is not None:
                x = torch.cat([x, svd], -1)
            x = s.drop(x)
            h = F.relu(s.c1(x.transpose(1, 2))).transpose(1, 2) * m
            h = F.relu(s.c2(s.drop(h).transpose(1, 2))).transpose(1, 2) * m
            return F.log_softmax(s.out(s.drop(torch.cat([h, x], -1))), -1)

    return Net()


def cmd_train(a) -> None:  # type: ignore[no-untyped-def]
    import torch
    import torch.nn as nn

    from rasd.ner.features import Featurizer, load_resources

    torch.set_num_threads(1)
    if a.svd:  # the PPMI-SVD vectors of `bench/ner_neural_exp.py vectors` (+ an OOV flag)
        from rasd.text.normalize import normalize

        vocab = (a.cache / "svd_vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
        SV = np.load(a.cache / "svd_X.npy")
        svid = {w: i for i, w in enumerate(vocab)}
    res = load_resources(package_data_dir(), use_kb=True)
    fz = Featurizer(res, window=DEFAULTS["window"], doc_context=True)
    for part in a.parts:
        torch.manual_seed(a.seed)
        random.seed(a.seed)
        np.random.seed(a.seed)
        t0 = time.time()
        with open(a.cache / f"crf_p{part}.pkl", "rb") as f:
            known = set(pickle.load(f)["known"])
        train, dev = folds(a.shared, part, a.limit)
        trs = [split_sentence(w, t)[:2] for w, t in train]
        devs = [split_sentence(w, t)[:2] for w, t in dev]

        def recs(sents):  # type: ignore[no-untyped-def]
            out = []
            for doc in doc_chunks(sents, DEFAULTS["doc_sents"]):
                for (w, t), f in zip(doc, fz.document([w for w, _ in doc])):
                    out.append((w, t, f if a.all_attrs else [[x for x in tok if x in known] for tok in f]))
            return out

        tr_recs, dv_recs = recs(trs), recs(devs)
        ac = Counter(x for _, _, f in tr_recs for tok in f for x in tok)
        aid = {x: i + 1 for i, x in enumerate(sorted(x for x, c in ac.items() if c >= a.min_count))}

        def enc(rec):  # type: ignore[no-untyped-def]
            w, t, f = rec
            sv = None
            if a.svd:
                sv = np.zeros((len(w), 101), dtype=np.float32)
                for i, tok in enumerate(w):
                    j = svid.get(normalize(tok))
                    if j is None:
                        sv[i, 100] = 1.0
                    else:
                        sv[i, :100] = SV[j]
            return [[aid[x] for x in tok if x in aid] for tok in f], [TID[x] for x in bio_repair(t)], sv

        tr, dv = [enc(r) for r in tr_recs], [enc(r) for r in dv_recs]
        print(f"tenth {part}: {len(aid)} attributes, features {time.time() - t0:.0f}s", flush=True)

        def batch(items, train=False):  # type: ignore[no-untyped-def]
            B, L = len(items), max(len(it[1]) for it in items)
            mask = torch.zeros(B, L, dtype=torch.bool)
            y = torch.full((B, L), -100, dtype=torch.long)
            aidx: list[int] = []
            aoff: list[int] = []
            svd = torch.zeros(B, L, 101) if a.svd else None
            for bi, (at, t, sv) in enumerate(items):
                n = len(t)
                mask[bi, :n] = True
                if svd is not None:
                    svd[bi, :n] = torch.from_numpy(sv)
                y[bi, :n] = torch.tensor(t)
                for i in range(L):
                    aoff.append(len(aidx))
                    if i >= n:
                        continue
                    if train and a.adrop > 0:
                        aidx.extend([x for x in at[i] if random.random() >= a.adrop])
                    else:
                        aidx.extend(at[i])
            return torch.tensor(aidx, dtype=torch.long), torch.tensor(aoff), mask, y, svd

        net = build_net(len(aid) + 1, a)
        dense = [p for n, p in net.named_parameters() if not n.startswith("attr.")]
        opts = [torch.optim.Adam(dense, lr=a.lr), torch.optim.SparseAdam(list(net.attr.parameters()), lr=a.lr)]
        order = sorted(range(len(tr)), key=lambda i: len(tr[i][1]))
        batches = [order[i:i + a.batch] for i in range(0, len(order), a.batch)]
        lossf = nn.NLLLoss(ignore_index=-100, reduction="sum")
        for ep in range(a.epochs):
            net.train()
            random.shuffle(batches)
            tot = 0.0
            for bi in batches:
                aidx, aoff, mask, y, svd = batch([tr[i] for i in bi], True)
                lp = net(aidx, aoff, mask, svd)
                loss = lossf(lp.reshape(-1, 9), y.reshape(-1)) / len(bi)
                for o in opts:
                    o.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(dense, 5.0)
                for o in opts:
                    o.step()
                tot += float(loss.detach()) * len(bi)
            for o in opts:
                for g in o.param_groups:
                    g["lr"] *= a.decay
            print(f"tenth {part}: epoch {ep + 1} loss {tot / len(tr):.3f} ({time.time() - t0:.0f}s)", flush=True)
        net.eval()
        ems = []
        with torch.no_grad():
            for i in range(0, len(dv), 64):
                items = dv[i:i + 64]
                aidx, aoff, mask, _, svd = batch(items)
                em = net(aidx, aoff, mask, svd).numpy()
                ems.extend(em[k, :len(it[1])] for k, it in enumerate(items))
        with open(a.cache / f"cnn{a.tag}_p{part}.pkl", "wb") as f:
            pickle.dump({"em": ems}, f)
        if a.save_net:
            torch.save({"state": net.state_dict(), "aid": aid, "args": vars(a)},
                       a.cache / f"cnn{a.tag}_p{part}.pt")
        zero = np.zeros((9, 9), dtype=np.float32)
        sc = score(dev, [viterbi(e, zero + MASK, SMASK, zero[0]) for e in ems])
        print(f"tenth {part}: cnn alone micro F1 {sc.f1:.2f} ({time.time() - t0:.0f}s)", flush=True)


def cmd_combine(a) -> None:  # type: ignore[no-untyped-def]
    zero = np.zeros(9, dtype=np.float32)
    for part in a.parts:
        _, dev = folds(a.shared, part, a.limit)
        with open(a.cache / f"cnn{a.tag}_p{part}.pkl", "rb") as f:
            N = pickle.load(f)
        with open(a.cache / f"crf_p{part}.pkl", "rb") as f:
            C = pickle.load(f)
        crf = score(dev, C["viterbi"])
        _show(f"tenth {part} CRF alone", crf)
        for mu in a.mu:
            preds = []
            for em, vt in zip(N["em"], C["viterbi"]):
                oh = np.zeros_like(em)
                oh[np.arange(len(vt)), vt] = mu
                preds.append(viterbi(em + oh, MASK, SMASK, zero))
            _show(f"tenth {part} μ {mu:g}", score(dev, preds))


def _show(label: str, sc) -> None:  # type: ignore[no-untyped-def]
    print(f"{label}: micro {sc.f1:.2f}  " + "  ".join(
        f"{t} {sc.by_type(t)[2]:.2f}" for t in ("LOC", "ORG", "PERS", "MISC")), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cmd", choices=("train", "combine"))
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/rasd_ner_neural"))
    ap.add_argument("--tag", default="", help="suffix of the saved outputs (variants)")
    ap.add_argument("--parts", type=lambda s: [int(x) for x in s.split(",")], default=[10])
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--hid", type=int, default=128)
    ap.add_argument("--adim", type=int, default=64)
    ap.add_argument("--adrop", type=float, default=0.3)
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--decay", type=float, default=0.8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save-net", action="store_true")
    ap.add_argument("--svd", action="store_true",
                    help="also the PPMI-SVD word vectors (run `bench/ner_neural_exp.py vectors` first)")
    ap.add_argument("--all-attrs", action="store_true",
                    help="every attribute seen --min-count times, not only the CRF's")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only (smoke runs)")
    ap.add_argument("--mu", type=lambda s: [float(x) for x in s.split(",")], default=[0.0, 1.0, 2.0, 3.0])
    a = ap.parse_args()
    a.cache.mkdir(parents=True, exist_ok=True)
    {"train": cmd_train, "combine": cmd_combine}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
