"""A small convolutional tagger over the CRF's own attributes, mixed with the CRF's tags.

Numpy only at run time (torch is needed only to train it, ``rasd.ner.neural_train``).
Per clitic-split token, the attributes the CRF featurizer emits (exactly what the CRF
reads) are looked up in an embedding table and summed; two 1-D convolutions (width 3,
dilation 1 then 2, ReLU) and a linear layer give 9 BIO log-probabilities. The CRF's
Viterbi tag of each token gets a bonus ``mu``; the best BIO-valid path of the sum is the
result (the argmax path when it is valid, which it nearly always is; else a Viterbi with
only the BIO constraints). Not used by the tagger (notes/ner.md, session 5 / round 7: it did not gain enough).
"""

from __future__ import annotations

import json
from itertools import chain, repeat
from pathlib import Path

import numpy as np

from rasd.errors import ModelError

NET_FILE = "ner_cnn.npz"
TAGS = ("O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PERS", "I-PERS", "B-MISC", "I-MISC")
TID = {t: i for i, t in enumerate(TAGS)}


def _allowed(a: int | None, b: int) -> bool:
    if not TAGS[b].startswith("I-"):
        return True
    return a is not None and TAGS[a] != "O" and TAGS[a][2:] == TAGS[b][2:]


# BIO constraints: an I-X only after B-X or I-X (never first)
_BAD = np.array([[not _allowed(a, b) for b in range(9)] for a in range(9)])
_BAD_START = np.array([not _allowed(None, b) for b in range(9)])
_TRANS = np.where(_BAD, -1e4, 0.0).astype(np.float32)
_START = np.where(_BAD_START, -1e4, 0.0).astype(np.float32)


def bio_viterbi(em: np.ndarray) -> list[int]:
    """Best BIO-valid label path for one sentence's scores (n × 9); no other transitions."""
    n = len(em)
    sc = _START + em[0]
    bp = np.zeros((n, 9), dtype=np.int64)
    for i in range(1, n):
        m = sc[:, None] + _TRANS
        bp[i] = m.argmax(0)
        sc = m.max(0) + em[i]
    best = [int(sc.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(bp[i, best[-1]]))
    return best[::-1]


class NeuralMix:
    """The network's weights and attribute index; ``mix`` re-tags a document."""

    def __init__(self, path: str | Path, mu: float | None = None) -> None:
        try:
            with np.load(path, allow_pickle=False) as z:
                meta = json.loads(bytes(z["meta"]).decode("utf-8"))
                attrs = bytes(z["attrs"]).decode("utf-8").split("\n")
                self.E = z["emb"].astype(np.float32)  # row 0: zeros (a token without attributes)
                self.b0 = z["b0"].astype(np.float32)
                # conv weights as (width, in, out) so each tap is one matrix product
                self.W1 = np.ascontiguousarray(z["c1_w"].astype(np.float32).transpose(2, 1, 0))
                self.b1 = z["c1_b"].astype(np.float32)
                self.W2 = np.ascontiguousarray(z["c2_w"].astype(np.float32).transpose(2, 1, 0))
                self.b2 = z["c2_b"].astype(np.float32)
                self.Wo = np.ascontiguousarray(z["out_w"].astype(np.float32).T)
                self.bo = z["out_b"].astype(np.float32)
        except Exception as exc:
            raise ModelError(f"cannot read NER network {path}: {exc}") from exc
        if len(attrs) != len(self.E) - 1:
            raise ModelError(f"NER network {path}: {len(attrs)} attributes for {len(self.E) - 1} rows")
        self.meta = meta
        self.mu = float(meta.get("mu", 1.0) if mu is None else mu)
        self.dil = int(meta.get("dilation", 2))
        # the featurizer emits bytes for CRFsuite: index both forms
        self.index: dict[object, int] = {}
        for i, a in enumerate(attrs, 1):
            self.index[a] = i
            self.index[a.encode("utf-8")] = i

    def emissions(self, doc_feats: list[list[list[object]]]) -> list[np.ndarray]:
        """Per sentence, the network's log-probabilities (n × 9) from the CRF's attributes."""
        lo = self._logprobs(doc_feats)
        out = []
        k = 0
        for feats in doc_feats:
            out.append(lo[k:k + len(feats)])
            k += len(feats)
        return out

    def _logprobs(self, doc_feats: list[list[list[object]]]) -> np.ndarray:
        # all tokens of the document at once (ntok × 9)
        get = self.index.get
        pad = max(1, self.dil)
        toks = [f for feats in doc_feats for f in feats]
        ntok = len(toks)
        if not ntok:
            return np.zeros((0, 9), dtype=np.float32)
        lens = np.fromiter(map(len, toks), dtype=np.int64, count=ntok)
        flat = list(chain.from_iterable(toks))
        flat.append(b"")  # a last zero row, so that every start below indexes a row
        # unknown attributes get row 0 (zeros): they add nothing
        ids = np.fromiter(map(get, flat, repeat(0)), dtype=np.int64, count=len(flat))
        starts = np.zeros(ntok, dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        sums = np.add.reduceat(self.E[ids], starts, axis=0)[:ntok]
        sums[lens == 0] = 0.0  # reduceat gives the row at an empty run's start
        # the tokens' rows in a document matrix with ``pad`` zero rows around each sentence,
        # so that no convolution reaches across sentences
        slen = np.fromiter(map(len, doc_feats), dtype=np.int64, count=len(doc_feats))
        rr = np.arange(ntok) + pad * (1 + np.repeat(np.arange(len(slen)), slen))
        T = ntok + pad * (len(slen) + 1)
        X = np.zeros((T, self.E.shape[1]), dtype=np.float32)
        X[rr] = sums + self.b0
        mask = np.zeros((T, 1), dtype=np.float32)
        mask[rr] = 1.0
        H = self.W1.shape[2]
        h1 = np.empty((T, H), dtype=np.float32)
        h1[:] = self.b1
        h1[1:-1] += X[:-2] @ self.W1[0] + X[1:-1] @ self.W1[1] + X[2:] @ self.W1[2]
        np.maximum(h1, 0, out=h1)
        h1 *= mask
        d = self.dil
        h2 = np.empty((T, H), dtype=np.float32)
        h2[:] = self.b2
        h2[d:-d] += h1[:-2 * d] @ self.W2[0] + h1[d:-d] @ self.W2[1] + h1[2 * d:] @ self.W2[2]
        np.maximum(h2, 0, out=h2)
        hs = np.concatenate([h2[rr], X[rr]], axis=1)
        lo = hs @ self.Wo + self.bo
        lo -= lo.max(1, keepdims=True)
        lo -= np.log(np.exp(lo).sum(1, keepdims=True))
        return lo

    def mix(self, doc_feats: list[list[list[object]]], crf_tags: list[list[str]]) -> list[list[str]]:
        """The mixed tags of every sentence (same lengths as ``crf_tags``)."""
        sc = self._logprobs(doc_feats)
        ntok = len(sc)
        if not ntok:
            return [[] for _ in crf_tags]
        tid = TID.get
        crf = np.fromiter((tid(t, 0) for tags in crf_tags for t in tags), dtype=np.int64, count=ntok)
        sc[np.arange(ntok), crf] += self.mu
        best = sc.argmax(1)
        # the argmax path is the best path wherever it breaks no BIO constraint; a
        # sentence start counts as "after O"
        slen = [len(t) for t in crf_tags]
        first = np.zeros(ntok, dtype=bool)
        first[np.cumsum([0] + slen[:-1])[np.asarray(slen) > 0]] = True
        prev = np.concatenate([[0], best[:-1]])
        prev[first] = 0
        bad = _BAD[prev, best]
        names = [TAGS[j] for j in best.tolist()]
        out: list[list[str]] = []
        k = 0
        for n in slen:
            if n and bad[k:k + n].any():  # rare: decode this sentence under the constraints
                out.append([TAGS[j] for j in bio_viterbi(sc[k:k + n])])
            else:
                out.append(names[k:k + n])
            k += n
        return out
