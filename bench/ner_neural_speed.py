"""Cost of a torch-free (numpy) forward pass of the round-5 neural NER network.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 nice .venv/bin/python bench/ner_neural_speed.py [--hid 100 --adim 48]

Random weights of the shapes in ``bench/ner_neural_exp.py`` (attribute bag, 100-dim corpus
vector + OOV flag, char-CNN, BiLSTM, linear), one synthetic 35-sentence document of ~1,000
tokens with 55 attributes a token, sentences batched per LSTM step (the backward direction is
timed as a second forward pass over right-aligned sentences: same cost). Measures cost only,
not tags; prints CPU ms per document and tokens/s of the network alone (the CRF stage comes on
top).
"""
import argparse
import time

import numpy as np

_ap = argparse.ArgumentParser()
_ap.add_argument("--hid", type=int, default=100)
_ap.add_argument("--adim", type=int, default=48)
_a = _ap.parse_args()
rng = np.random.default_rng(0)
H, AD, NA, NV, NC = _a.hid, _a.adim, 109000, 119333, 127
f16 = np.float16
Wa = rng.normal(0, .05, (NA, AD)).astype(np.float32)
Sv = rng.normal(0, .1, (NV, 100)).astype(np.float32)
Ce = rng.normal(0, .1, (NC, 24)).astype(np.float32)
Cw = rng.normal(0, .1, (40, 24, 3)).astype(np.float32); Cb = np.zeros(40, np.float32)
din = AD + 101 + 40
Wih = [rng.normal(0, .1, (din, 4 * H)).astype(np.float32) for _ in range(2)]
Whh = [rng.normal(0, .1, (H, 4 * H)).astype(np.float32) for _ in range(2)]
bb = [np.zeros(4 * H, np.float32) for _ in range(2)]
Wo = rng.normal(0, .1, (2 * H, 9)).astype(np.float32)
def sig(x): return 1 / (1 + np.exp(-x))
def lstm_dir(X, lens, d):
    # X: (S, L, 4H) precomputed input gates; lens: sentence lengths; reverse for d=1
    S, L, _ = X.shape
    h = np.zeros((S, H), np.float32); c = np.zeros((S, H), np.float32)
    out = np.zeros((S, L, H), np.float32)
    W = Whh[d]
    rng_ = range(L) if d == 0 else range(L - 1, -1, -1)
    for t in rng_:
        g = X[:, t] + h @ W
        i, f, gg, o = sig(g[:, :H]), sig(g[:, H:2*H]), np.tanh(g[:, 2*H:3*H]), sig(g[:, 3*H:])
        c2 = f * c + i * gg; h2 = o * np.tanh(c2)
        m = (t < lens)[:, None]
        c = np.where(m, c2, c); h = np.where(m, h2, h)
        out[:, t] = h2
    return out
def doc_forward(sents_attr, sents_sv, sents_ch):
    lens = np.array([len(s) for s in sents_sv]); S, L = len(lens), lens.max()
    T = int(lens.sum())
    # attributes: flat ids + token starts -> reduceat
    flat = np.concatenate([np.concatenate(a) for a in sents_attr])
    starts = np.zeros(T, np.int64)
    k = 0; pos = 0
    for a in sents_attr:
        for tok in a:
            starts[k] = pos; pos += len(tok); k += 1
    A_ = np.add.reduceat(Wa[flat], starts, axis=0)
    V_ = np.concatenate(sents_sv)
    # chars: (T, C) ids
    C = max(len(c) for s in sents_ch for c in s); ch = np.zeros((T, C + 2), np.int64)
    k = 0
    for s in sents_ch:
        for c in s:
            ch[k, 1:1 + len(c)] = c; k += 1
    E = Ce[ch]  # T, C+2, 24
    # conv width 3 as 3 shifted matmuls
    conv = E[:, :-2] @ Cw[:, :, 0].T + E[:, 1:-1] @ Cw[:, :, 1].T + E[:, 2:] @ Cw[:, :, 2].T + Cb
    CH = np.maximum(conv, 0).max(1)
    X = np.concatenate([A_, V_, CH], 1)
    out = np.zeros((S, L, 2 * H), np.float32)
    for d in range(2):
        G = X @ Wih[d] + bb[d]
        Gp = np.zeros((S, L, 4 * H), np.float32)
        k = 0
        idx_s = np.repeat(np.arange(S), lens); idx_t = np.concatenate([np.arange(n) for n in lens])
        if d == 1:  # reverse each sentence so that the padded steps come first... simple: right-align
            idx_t = np.concatenate([np.arange(n)[::-1] + (L - n) for n in lens])
        Gp[idx_s, idx_t] = G
        hs = lstm_dir(Gp, lens if d == 0 else np.full(S, L), 0)  # reverse handled by right-align + reversal
        out_tok = hs[idx_s, idx_t]
        if d == 0: f_ = out_tok
        else: b_ = out_tok
    em = np.concatenate([f_, b_], 1) @ Wo
    return em
# synthetic doc: 35 sentences, ~32 tokens, ~55 attrs per token
S = 35
lens = rng.integers(5, 60, S)
sa = [[rng.integers(1, NA, 55) for _ in range(n)] for n in lens]
ss = [np.concatenate([Sv[rng.integers(0, NV, n)], np.zeros((n, 1), np.float32)], 1) for n in lens]
sc = [[rng.integers(1, NC, rng.integers(2, 10)) for _ in range(n)] for n in lens]
doc_forward(sa, ss, sc)
t = time.process_time(); R = 20
for _ in range(R): doc_forward(sa, ss, sc)
dt = (time.process_time() - t) / R
print(f"{lens.sum()} tokens: {dt*1000:.1f} ms/doc -> {lens.sum()/dt:.0f} tokens/s (neural forward only)")
