"""Experiment (round 5): a small neural sequence labeller for ANERcorp, alone and mixed
with the shipped CRF. Research code, not used by the package; needs torch (CPU wheel)
for ``neural``. Same folds as ``bench/ner_eval.py cv`` (tenth N = sentences
[(N-1)/10, N/10) of ANERcorp train, trained on the other nine), same clitic-split tokens,
same 30-sentence pseudo-documents and the same document-level propagation as the CRF.

    nice .venv/bin/python bench/ner_neural_exp.py vectors            # PPMI-SVD vectors, ~1.5 min
    nice .venv/bin/python bench/ner_neural_exp.py neural --parts 10,5,1   # ~6-12 min a tenth
    nice .venv/bin/python bench/ner_neural_exp.py crf --parts 10,5,1      # shipped CRF, ~1-4 min a tenth
    .venv/bin/python bench/ner_neural_exp.py combine --parts 10,5,1 --lam 0,0.5,1

``vectors`` reruns ``rasd.ner.build.cluster_words`` (the code that makes clusters.tsv) and
keeps the 100-dim unit-norm PPMI-SVD word vectors it clusters (SaudiNewsNet, CC BY-NC-SA:
derived statistics, kept outside the repo in ``--cache``). ``neural``: per clitic-split
token, a bag of the shipped CRF featurizer's attributes (EmbeddingBag, 48 dims; attribute
dropout 0.3 in training), the frozen SVD vector (+ OOV flag) and a character CNN (24-dim
chars, 40 filters of width 3) → dropout 0.5 → BiLSTM (100 per direction) → linear-chain
CRF output (BIO-constrained transitions); Adam 2e-3 (× 0.8 per epoch), 7 epochs,
batches of 16 sentences, one thread; saves the held-out emissions and transitions.
``crf`` trains the shipped CRF on the same nine tenths and saves its marginals of all
nine labels and its Viterbi tags. ``combine`` decodes ``emissions + λ·log P_crf`` with the
neural transitions (λ = 0: neural alone), and ``emissions + μ·onehot(CRF Viterbi tag)``,
and prints conlleval micro F1 and per-type F1.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

from rasd.ner.conlleval import evaluate
from rasd.ner.corpus import read_conll, split_sentence
from rasd.ner.model import propagate
from rasd.ner.train import DEFAULTS, doc_chunks, package_data_dir

TAGS = ["O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PERS", "I-PERS", "B-MISC", "I-MISC"]
TID = {t: i for i, t in enumerate(TAGS)}


def _allowed(a: int | None, b: int) -> bool:
    if not TAGS[b].startswith("I-"):
        return True
    return a is not None and TAGS[a] != "O" and TAGS[a][2:] == TAGS[b][2:]


MASK = np.array([[0.0 if _allowed(a, b) else -1e4 for b in range(9)] for a in range(9)], dtype=np.float32)
SMASK = np.array([0.0 if _allowed(None, b) else -1e4 for b in range(9)], dtype=np.float32)


def viterbi(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """Best label path for one sentence's emission matrix (n × 9)."""
    n = len(em)
    sc = start + em[0]
    bp = np.zeros((n, 9), dtype=np.int64)
    for i in range(1, n):
        m = sc[:, None] + trans
        bp[i] = m.argmax(0)
        sc = m.max(0) + em[i]
    sc = sc + end
    best = [int(sc.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(bp[i, best[-1]]))
    return best[::-1]


def folds(shared: Path, part: int, limit: int = 0):  # type: ignore[no-untyped-def]
    """(train, held-out) sentences: the Nth tenth held out, as ``rasd train ner --part N``."""
    sents = read_conll(shared / "data" / "ner" / "anercorp" / "train.txt")
    if limit:  # smoke runs only
        sents = sents[:limit]
    lo, hi = (part - 1) * len(sents) // 10, part * len(sents) // 10
    return sents[:lo] + sents[hi:], sents[lo:hi]


def score(dev, preds: list[list[int]]):  # type: ignore[no-untyped-def]
    """conlleval on the original tokens: propagate per pseudo-document, host tag per word."""
    gold, pred, k = [], [], 0
    for d in doc_chunks(dev, 30):
        dsp = [split_sentence(w, t) for w, t in d]
        pt = [[TAGS[x] for x in preds[k + j]] for j in range(len(d))]
        k += len(d)
        propagate([s[0] for s in dsp], pt)
        for (w, t), s, p in zip(d, dsp, pt):
            last = {o: j for j, o in enumerate(s[2])}
            pred.append([p[last[i]] for i in range(len(w))])
            gold.append(t)
    return evaluate(gold, pred)


def cmd_vectors(a) -> None:  # type: ignore[no-untyped-def]
    import rasd.ner.build as build
    from sklearn.cluster import KMeans

    saved: dict = {}

    class Stop(Exception):
        pass

    class RecCounter(Counter):
        def __init__(self, *args, **kw):  # type: ignore[no-untyped-def]
            super().__init__(*args, **kw)
            saved["counts"] = self

    def fit(self, X, *args, **kw):  # type: ignore[no-untyped-def]
        saved["X"] = np.asarray(X, dtype=np.float32)
        raise Stop

    # Stop cluster_words at its first k-means: the vectors it is about to cluster.
    build.Counter, KMeans.fit = RecCounter, fit  # type: ignore[assignment]
    try:
        build.cluster_words(a.shared)
    except Stop:
        pass
    vocab = [w for w, n in saved["counts"].most_common(150000) if n >= 3]
    assert len(vocab) == len(saved["X"])
    a.cache.mkdir(parents=True, exist_ok=True)
    np.save(a.cache / "svd_X.npy", saved["X"])
    (a.cache / "svd_vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    print(f"{len(vocab)} vectors → {a.cache}")


def cmd_neural(a) -> None:  # type: ignore[no-untyped-def]
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    from rasd.ner.features import Featurizer, load_resources
    from rasd.text.normalize import normalize

    torch.set_num_threads(1)
    res = load_resources(package_data_dir(), use_kb=True)
    vocab = (a.cache / "svd_vocab.txt").read_text(encoding="utf-8").split("\n")[:-1]
    SV = np.load(a.cache / "svd_X.npy")
    svid = {w: i for i, w in enumerate(vocab)}
    fz = Featurizer(res, window=DEFAULTS["window"], doc_context=True)

    class Net(nn.Module):
        def __init__(s, n_attr: int, n_char: int) -> None:
            super().__init__()
            s.attr = nn.EmbeddingBag(n_attr, a.adim, mode="sum", sparse=True)
            nn.init.normal_(s.attr.weight, 0, 0.05)
            if not a.no_char:
                s.cemb = nn.Embedding(n_char, 24, padding_idx=0)
                s.conv = nn.Conv1d(24, 40, 3, padding=1)
            s.drop = nn.Dropout(0.5)
            din = a.adim + 101 + (0 if a.no_char else 40)
            s.lstm = nn.LSTM(din, a.hid, batch_first=True, bidirectional=True)
            s.out = nn.Linear(2 * a.hid, 9)
            s.trans = nn.Parameter(torch.zeros(9, 9))
            s.start = nn.Parameter(torch.zeros(9))
            s.end = nn.Parameter(torch.zeros(9))

        def emissions(s, b):  # type: ignore[no-untyped-def]
            B, L = b["mask"].shape
            parts = [s.attr(b["aidx"], b["aoff"]).view(B, L, -1), b["svd"]]
            if not a.no_char:
                c = s.cemb(b["chars"])
                parts.append(F.relu(s.conv(c.transpose(1, 2))).max(2)[0].view(B, L, -1))
            x = torch.cat(parts, -1)
            pk = nn.utils.rnn.pack_padded_sequence(s.drop(x), b["mask"].sum(1), batch_first=True,
                                                   enforce_sorted=False)
            h, _ = s.lstm(pk)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=L)
            return s.out(s.drop(h))

        def nll(s, em, y, mask):  # type: ignore[no-untyped-def]
            B, L, _ = em.shape
            trans = s.trans + torch.from_numpy(MASK)
            start = s.start + torch.from_numpy(SMASK)
            sc = start[y[:, 0]] + em[:, 0].gather(1, y[:, :1]).squeeze(1)
            for i in range(1, L):
                m = mask[:, i].float()
                sc = sc + m * (trans[y[:, i - 1], y[:, i]] + em[:, i].gather(1, y[:, i:i + 1]).squeeze(1))
            sc = sc + s.end[y.gather(1, (mask.sum(1) - 1).unsqueeze(1)).squeeze(1)]
            al = start + em[:, 0]
            for i in range(1, L):
                nxt = torch.logsumexp(al.unsqueeze(2) + trans.unsqueeze(0), 1) + em[:, i]
                al = torch.where(mask[:, i].unsqueeze(1), nxt, al)
            return (torch.logsumexp(al + s.end, 1) - sc).sum()

    for part in a.parts:
        torch.manual_seed(a.seed)
        random.seed(a.seed)
        t0 = time.time()
        train, dev = folds(a.shared, part, a.limit)
        trs = [split_sentence(w, t)[:2] for w, t in train]
        devs = [split_sentence(w, t)[:2] for w, t in dev]

        def recs(sents):  # type: ignore[no-untyped-def]
            out = []
            for doc in doc_chunks(sents, DEFAULTS["doc_sents"]):
                out.extend((w, t, f) for (w, t), f in zip(doc, fz.document([w for w, _ in doc])))
            return out

        tr_recs, dv_recs = recs(trs), recs(devs)
        ac = Counter(x for _, _, f in tr_recs for tok in f for x in tok)
        aid = {x: i + 1 for i, x in enumerate(sorted(x for x, c in ac.items() if c >= 2))}
        cc = Counter(ch for w, _, _ in tr_recs for tok in w for ch in tok)
        cid = {c: i + 2 for i, c in enumerate(sorted(c for c, n in cc.items() if n >= 2))}

        def enc(rec):  # type: ignore[no-untyped-def]
            w, t, f = rec
            sv = np.zeros((len(w), 101), dtype=np.float32)
            for i, tok in enumerate(w):
                j = svid.get(normalize(tok))
                if j is None:
                    sv[i, 100] = 1.0
                else:
                    sv[i, :100] = SV[j]
            t = list(t)
            for i, x in enumerate(t):  # BIO repair: an I- after another type starts a name
                if x.startswith("I-") and (i == 0 or t[i - 1][2:] != x[2:]):
                    t[i] = "B-" + x[2:]
            return ([[aid[x] for x in tok if x in aid] or [0] for tok in f], sv,
                    [[cid.get(c, 1) for c in tok[:20]] for tok in w], [TID[x] for x in t])

        tr, dv = [enc(r) for r in tr_recs], [enc(r) for r in dv_recs]

        def batch(items, train=False):  # type: ignore[no-untyped-def]
            B, L = len(items), max(len(it[3]) for it in items)
            C = max(3, max(len(c) for it in items for c in it[2]))
            b = {"mask": torch.zeros(B, L, dtype=torch.bool), "y": torch.zeros(B, L, dtype=torch.long),
                 "svd": torch.zeros(B, L, 101), "chars": torch.zeros(B * L, C, dtype=torch.long)}
            aidx: list[int] = []
            aoff: list[int] = []
            for bi, (at, sv, ch, t) in enumerate(items):
                n = len(t)
                b["mask"][bi, :n] = True
                b["y"][bi, :n] = torch.tensor(t)
                b["svd"][bi, :n] = torch.from_numpy(sv)
                for i, c in enumerate(ch):
                    b["chars"][bi * L + i, :len(c)] = torch.tensor(c)
                for i in range(L):
                    aoff.append(len(aidx))
                    if i >= n:
                        aidx.append(0)
                    elif train and a.adrop > 0:
                        aidx.extend([x for x in at[i] if random.random() >= a.adrop] or [0])
                    else:
                        aidx.extend(at[i])
            b["aidx"], b["aoff"] = torch.tensor(aidx), torch.tensor(aoff)
            return b

        net = Net(len(aid) + 1, len(cid) + 2)
        dense = [p for n, p in net.named_parameters() if not n.startswith("attr.")]
        opts = [torch.optim.Adam(dense, lr=a.lr), torch.optim.SparseAdam(list(net.attr.parameters()), lr=a.lr)]
        order = sorted(range(len(tr)), key=lambda i: len(tr[i][3]))
        batches = [order[i:i + 16] for i in range(0, len(order), 16)]
        for ep in range(a.epochs):
            random.shuffle(batches)
            for bi in batches:
                b = batch([tr[i] for i in bi], True)
                loss = net.nll(net.emissions(b), b["y"], b["mask"]) / len(bi)
                for o in opts:
                    o.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(dense, 5.0)
                for o in opts:
                    o.step()
            for o in opts:
                for g in o.param_groups:
                    g["lr"] *= a.decay
            print(f"tenth {part}: epoch {ep + 1} done ({time.time() - t0:.0f}s)", flush=True)
        net.eval()
        ems = []
        with torch.no_grad():
            for i in range(0, len(dv), 64):
                items = dv[i:i + 64]
                em = net.emissions(batch(items)).numpy()
                ems.extend(em[k, :len(it[3])] for k, it in enumerate(items))
        out = {"em": ems, "trans": (net.trans + torch.from_numpy(MASK)).detach().numpy(),
               "start": (net.start + torch.from_numpy(SMASK)).detach().numpy(),
               "end": net.end.detach().numpy()}
        with open(a.cache / f"neural_p{part}.pkl", "wb") as f:
            pickle.dump(out, f)
        sc = score(dev, [viterbi(e, out["trans"], out["start"], out["end"]) for e in ems])
        print(f"tenth {part}: neural micro F1 {sc.f1:.2f} ({time.time() - t0:.0f}s)")
        print(sc.report(), flush=True)


def cmd_crf(a) -> None:  # type: ignore[no-untyped-def]
    from rasd.ner.model import NerModel
    from rasd.ner.train import score_model, train_model

    for part in a.parts:
        train, dev = folds(a.shared, part, a.limit)
        with tempfile.TemporaryDirectory() as tmp:
            t = time.time()
            train_model(train, Path(tmp), package_data_dir(), dict(DEFAULTS))
            sc = score_model(Path(tmp), dev)
            print(f"tenth {part}: CRF micro F1 {sc.f1:.2f} ({time.time() - t:.0f}s)")
            print(sc.report(), flush=True)
            m = NerModel(Path(tmp))
            tg = m._tagger()
            margs, vtags = [], []
            for d in doc_chunks(dev, DEFAULTS["doc_sents"]):
                sp = [split_sentence(w, t)[0] for w, t in d]
                for ws, f in zip(sp, m.featurizer.document(sp)):
                    vtags.append([TID[x] for x in tg.tag(f)])
                    margs.append([[tg.marginal(lab, i) for lab in TAGS] for i in range(len(ws))])
            known = sorted(m.featurizer.known or ())
        with open(a.cache / f"crf_p{part}.pkl", "wb") as f:
            pickle.dump({"marg": margs, "viterbi": vtags, "known": known}, f)


def cmd_combine(a) -> None:  # type: ignore[no-untyped-def]
    for part in a.parts:
        _, dev = folds(a.shared, part, a.limit)
        with open(a.cache / f"neural_p{part}.pkl", "rb") as f:
            N = pickle.load(f)
        with open(a.cache / f"crf_p{part}.pkl", "rb") as f:
            C = pickle.load(f)
        for lam in a.lam:
            preds = [viterbi(em + lam * np.log(np.asarray(cm) + 1e-6), N["trans"], N["start"], N["end"])
                     for em, cm in zip(N["em"], C["marg"])]
            _show(f"tenth {part} λ {lam:g} (log-marginals)", score(dev, preds))
        for mu in a.mu:  # the CRF's Viterbi tags as a bonus of mu on the neural emissions
            preds = []
            for em, vt in zip(N["em"], C["viterbi"]):
                oh = np.zeros_like(em)
                oh[np.arange(len(vt)), vt] = mu
                preds.append(viterbi(em + oh, N["trans"], N["start"], N["end"]))
            _show(f"tenth {part} μ {mu:g} (CRF tags)", score(dev, preds))


def _show(label: str, sc) -> None:  # type: ignore[no-untyped-def]
    print(f"{label}: micro {sc.f1:.2f}  " + "  ".join(
        f"{t} {sc.by_type(t)[2]:.2f}" for t in ("LOC", "ORG", "PERS", "MISC")), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cmd", choices=("vectors", "neural", "crf", "combine"))
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/rasd_ner_neural"),
                    help="where vectors and saved outputs go (outside the repo)")
    ap.add_argument("--parts", type=lambda s: [int(x) for x in s.split(",")], default=[10])
    ap.add_argument("--epochs", type=int, default=7)
    ap.add_argument("--hid", type=int, default=100)
    ap.add_argument("--adim", type=int, default=48)
    ap.add_argument("--adrop", type=float, default=0.3)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--decay", type=float, default=0.8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-char", action="store_true", help="no character CNN")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only (smoke runs)")
    ap.add_argument("--lam", type=lambda s: [float(x) for x in s.split(",")], default=[0.0, 0.5, 1.0],
                    help="weights of the CRF log-marginals (0: neural alone)")
    ap.add_argument("--mu", type=lambda s: [float(x) for x in s.split(",")], default=[1.0, 2.0],
                    help="bonus for the CRF's Viterbi tag")
    a = ap.parse_args()
    a.cache.mkdir(parents=True, exist_ok=True)
    {"vectors": cmd_vectors, "neural": cmd_neural, "crf": cmd_crf, "combine": cmd_combine}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
