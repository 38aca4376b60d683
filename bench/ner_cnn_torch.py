"""Training of the convolutional tagger of ``rasd.ner.neural`` (needs torch; training only).

The network reads, per clitic-split token, the attributes the trained CRF keeps weights
for (what the shipped featurizer emits), so it is trained after the CRF, on the same
sentences and documents. Fixed seeds and one thread: a rerun gives the same weights.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ner_cnn_numpy import NET_FILE, TID

NET_DEFAULTS = {"adim": 64, "hid": 128, "dilation": 2, "epochs": 8, "adrop": 0.3,
                "dropout": 0.3, "lr": 2e-3, "decay": 0.8, "batch": 16, "min_count": 2,
                "seed": 1, "mu": 2.0}


def torch_available() -> bool:
    """Whether torch can be imported (it is an optional, training-only dependency)."""
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


def bio_repair(t: list[str]) -> list[str]:
    """An I- that does not continue a name of its type starts one (B-)."""
    t = list(t)
    for i, x in enumerate(t):
        if x.startswith("I-") and (i == 0 or t[i - 1][2:] != x[2:]):
            t[i] = "B-" + x[2:]
    return t


def build_net(n_attr: int, p: dict):  # type: ignore[no-untyped-def]
    """The torch module (same computation as ``NeuralMix.emissions``)."""
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    class Net(nn.Module):
        def __init__(s) -> None:
            super().__init__()
            s.attr = nn.EmbeddingBag(n_attr, p["adim"], mode="sum", sparse=True)
            nn.init.normal_(s.attr.weight, 0, 0.05)
            s.bias0 = nn.Parameter(torch.zeros(p["adim"]))
            s.drop = nn.Dropout(p["dropout"])
            d = p["dilation"]
            s.c1 = nn.Conv1d(p["adim"], p["hid"], 3, padding=1)
            s.c2 = nn.Conv1d(p["hid"], p["hid"], 3, padding=d, dilation=d)
            s.out = nn.Linear(p["hid"] + p["adim"], 9)

        def forward(s, aidx, aoff, mask):  # type: ignore[no-untyped-def]
            B, L = mask.shape
            m = mask.unsqueeze(2).float()
            x = (s.attr(aidx, aoff).view(B, L, -1) + s.bias0) * m  # zero outside the sentence
            x = s.drop(x)
            h = F.relu(s.c1(x.transpose(1, 2))).transpose(1, 2) * m
            h = F.relu(s.c2(s.drop(h).transpose(1, 2))).transpose(1, 2) * m
            return F.log_softmax(s.out(s.drop(torch.cat([h, x], -1))), -1)

    return Net()


def make_batch(items: list, train: bool = False, adrop: float = 0.0):  # type: ignore[no-untyped-def]
    """(attribute ids, offsets, mask, labels) for sentences of (ids per token, label ids)."""
    import torch

    B, L = len(items), max(len(it[1]) for it in items)
    mask = torch.zeros(B, L, dtype=torch.bool)
    y = torch.full((B, L), -100, dtype=torch.long)
    aidx: list[int] = []
    aoff: list[int] = []
    rnd = random.random
    for bi, (at, t) in enumerate(items):
        n = len(t)
        mask[bi, :n] = True
        y[bi, :n] = torch.tensor(t, dtype=torch.long)
        for i in range(L):
            aoff.append(len(aidx))
            if i >= n:
                continue
            if train and adrop > 0:
                aidx.extend([x for x in at[i] if rnd() >= adrop])
            else:
                aidx.extend(at[i])
    return torch.tensor(aidx, dtype=torch.long), torch.tensor(aoff, dtype=torch.long), mask, y


def train_network(feats: list[list[list[str]]], tags: list[list[str]], params: dict | None = None,
                  verbose: bool = False):  # type: ignore[no-untyped-def]
    """Train on sentences of attribute lists (str) and BIO tags; returns (net, attrs, params)."""
    import torch
    import torch.nn as nn

    p = dict(NET_DEFAULTS, **(params or {}))
    torch.set_num_threads(1)
    torch.manual_seed(p["seed"])
    random.seed(p["seed"])
    t0 = time.time()
    ac = Counter(x for f in feats for tok in f for x in tok)
    attrs = sorted(x for x, c in ac.items() if c >= p["min_count"])
    aid = {x: i + 1 for i, x in enumerate(attrs)}
    data = [([[aid[x] for x in tok if x in aid] for tok in f], [TID[x] for x in bio_repair(t)])
            for f, t in zip(feats, tags) if t]
    net = build_net(len(aid) + 1, p)
    dense = [q for n, q in net.named_parameters() if not n.startswith("attr.")]
    opts = [torch.optim.Adam(dense, lr=p["lr"]),
            torch.optim.SparseAdam(list(net.attr.parameters()), lr=p["lr"])]
    order = sorted(range(len(data)), key=lambda i: len(data[i][1]))
    batches = [order[i:i + p["batch"]] for i in range(0, len(order), p["batch"])]
    lossf = nn.NLLLoss(ignore_index=-100, reduction="sum")
    for ep in range(p["epochs"]):
        net.train()
        random.shuffle(batches)
        tot = 0.0
        for bi in batches:
            aidx, aoff, mask, y = make_batch([data[i] for i in bi], True, p["adrop"])
            loss = lossf(net(aidx, aoff, mask).reshape(-1, 9), y.reshape(-1)) / len(bi)
            for o in opts:
                o.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(dense, 5.0)
            for o in opts:
                o.step()
            tot += float(loss.detach()) * len(bi)
        for o in opts:
            for g in o.param_groups:
                g["lr"] *= p["decay"]
        if verbose:
            print(f"network epoch {ep + 1}: loss {tot / max(1, len(data)):.3f} "
                  f"({time.time() - t0:.0f}s)", flush=True)
    net.eval()
    return net, attrs, p


def export_network(net, attrs: list[str], p: dict, path: str | Path,  # type: ignore[no-untyped-def]
                   extra: dict | None = None) -> None:
    """Write the weights for ``rasd.ner.neural.NeuralMix`` (embedding table in float16)."""
    sd = {k: v.detach().cpu().numpy() for k, v in net.state_dict().items()}
    emb = sd["attr.weight"].astype(np.float16)
    emb[0] = 0  # row 0: a token without attributes (no attribute has id 0)
    meta = {k: p[k] for k in ("adim", "hid", "dilation", "mu", "epochs", "seed", "adrop",
                              "dropout", "lr", "decay", "batch", "min_count")}
    meta.update(extra or {})
    blob = "\n".join(attrs).encode("utf-8")
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez_compressed(
        tmp, emb=emb, b0=sd["bias0"].astype(np.float32),
        c1_w=sd["c1.weight"].astype(np.float32), c1_b=sd["c1.bias"].astype(np.float32),
        c2_w=sd["c2.weight"].astype(np.float32), c2_b=sd["c2.bias"].astype(np.float32),
        out_w=sd["out.weight"].astype(np.float32), out_b=sd["out.bias"].astype(np.float32),
        attrs=np.frombuffer(blob, dtype=np.uint8),
        meta=np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), dtype=np.uint8))
    tmp.replace(path)  # never a half-written network beside the model


def torch_emissions(net, doc_feats: list[list[list[object]]], attrs: list[str]  # type: ignore[no-untyped-def]
                    ) -> list[np.ndarray]:
    """The torch network's log-probabilities per sentence, with the float16-rounded table
    the export writes (for the identity check against ``NeuralMix.emissions``)."""
    import torch

    aid: dict[object, int] = {}
    for i, a in enumerate(attrs, 1):
        aid[a] = i
        aid[a.encode("utf-8")] = i
    with torch.no_grad():
        w = net.attr.weight.detach().clone()
        net.attr.weight.copy_(w.half().float())
        net.attr.weight[0] = 0
        out = []
        try:
            for f in doc_feats:
                if not f:
                    out.append(np.zeros((0, 9), dtype=np.float32))
                    continue
                ids = [[aid[x] for x in tok if x in aid] for tok in f]
                aidx, aoff, mask, _ = make_batch([(ids, [0] * len(ids))])
                out.append(net(aidx, aoff, mask)[0].numpy())
        finally:
            net.attr.weight.copy_(w)
    return out
