"""The shipped CRF tagger: load once, tag sentences of whitespace tokens."""

from __future__ import annotations

import gc
import json
import threading
from functools import lru_cache
from itertools import accumulate, chain
from importlib import resources
from pathlib import Path

from rasd.cache import TwoGen
from rasd.errors import ModelError
from rasd.ner.features import Featurizer, load_resources, stack_features
from rasd.ner.nonames import NoNameFilter
from rasd.text.normalize import MAQSURA_FUNCTION_WORDS

MODEL_FILE = "ner.crfsuite"
META_FILE = "ner_meta.json"
RESOURCE_FILES = ("gazetteer.tsv", "clusters.tsv", "kb_names.tsv")  # the featurizer's tables travel with the model
PASS1_FILE = "ner_pass1.crfsuite"  # first pass of a stacked model (meta "stack" > 0)


class NerModel:
    """A CRFsuite model plus the featurizer it was trained with."""

    def __init__(self, model_dir: str | Path | None = None) -> None:
        try:
            import pycrfsuite
        except ImportError as exc:  # pragma: no cover - dependency is declared
            raise ModelError("python-crfsuite is not installed") from exc
        base = Path(model_dir) if model_dir else Path(str(resources.files("rasd.ner").joinpath("data")))
        mpath = base / MODEL_FILE
        if not mpath.is_file():
            raise ModelError(f"NER model missing: {mpath} (rebuild with `rasd train ner`)")
        meta = {}
        if (base / META_FILE).is_file():
            meta = json.loads((base / META_FILE).read_text(encoding="utf-8"))
        self.meta = meta
        res_dir = base if any((base / f).is_file() for f in RESOURCE_FILES) else None
        res = load_resources(res_dir, use_gaz=meta.get("gazetteer", True),
                             use_clusters=meta.get("clusters", True),
                             use_kb=bool(meta.get("kb", False)),
                             use_geo=bool(meta.get("geo", False)))
        self.featurizer = Featurizer(res, window=int(meta.get("window", 2)),
                                     doc_context=bool(meta.get("doc_context", False)),
                                     ngrams=bool(meta.get("ngrams", False)),
                                     triggers=bool(meta.get("triggers", False)))
        self.split_clitics = bool(meta.get("split_clitics", False))
        self.propagate = bool(meta.get("propagate", False))
        self._path = str(mpath)
        self._path1 = str(base / PASS1_FILE) if int(meta.get("stack", 0) or 0) else ""
        if self._path1 and not Path(self._path1).is_file():
            raise ModelError(f"NER first-pass model missing: {self._path1}")
        self._local = threading.local()  # a CRFsuite tagger is not thread-safe
        try:
            tagger = self._tagger()
        except Exception as exc:
            raise ModelError(f"cannot open NER model {mpath}: {exc}") from exc
        if not self._path1:
            # Attributes without weights do not change CRFsuite's scores: the featurizer
            # leaves them out (faster, same tags and marginals). Not with a stacked model,
            # whose first pass has attributes of its own.
            try:
                self.featurizer.set_known({a for a, _ in tagger.info().state_features})
            except Exception:  # pragma: no cover - an odd model: keep every feature
                self.featurizer.set_known(None)
        self.featurizer.set_bytes(True)  # CRFsuite takes bytes without re-encoding them
        # word → its clitic-split pieces; two generations of 50k words (rasd.cache)
        self._split_cache = TwoGen(50_000)
        # one-word mentions that are no names are dropped after tagging (meta "nonames": false
        # turns it off)
        self.nonames: NoNameFilter | None = (
            NoNameFilter(frozenset(res.gaz_words)) if meta.get("nonames", True) else None)

    def _tagger(self):  # type: ignore[no-untyped-def]
        t = getattr(self._local, "tagger", None)
        if t is None:
            import pycrfsuite

            t = pycrfsuite.Tagger()
            t.open(self._path)
            self._local.tagger = t
        return t

    def _tagger1(self):  # type: ignore[no-untyped-def]
        t = getattr(self._local, "tagger1", None)
        if t is None:
            import pycrfsuite

            t = pycrfsuite.Tagger()
            t.open(self._path1)
            self._local.tagger1 = t
        return t

    def tag_doc(self, sents: list[list[str]], marginals: bool = False
                ) -> list[tuple[list[str], list[float] | None]]:
        """Tags for several sentences of one document (document-level features apply)."""
        # Tagging allocates many short-lived lists and tuples but creates no reference
        # cycles, so the cyclic collector only costs time here (~10% of the stage): it is
        # paused for the call and left as it was found.
        if gc.isenabled():
            gc.disable()
            try:
                out = self._tag_doc(sents, marginals)
            finally:
                gc.enable()
        else:
            out = self._tag_doc(sents, marginals)
        if self.nonames is not None:
            # after the CRF and its propagation: one-word tags on words that are no names
            # (سموه, ولو, the الله of رحمه الله, a bare الشيخ) are dropped (rasd.ner.nonames)
            keep = self.nonames.apply
            for words, (tags, probs) in zip(sents, out):
                if tags and tags.count("O") != len(tags) and keep(words, tags) and probs:
                    for i, t in enumerate(tags):
                        if t == "O":
                            probs[i] = 1.0
        return out

    def _tag_doc(self, sents: list[list[str]], marginals: bool
                 ) -> list[tuple[list[str], list[float] | None]]:
        if self.split_clitics:
            return self._tag_doc_split(sents, marginals)
        tagger = self._tagger()
        out: list[tuple[list[str], list[float] | None]] = []
        doc_feats = self.featurizer.document(sents)
        if self._path1:
            t1 = self._tagger1()
            first = [t1.tag(f) if f else [] for f in doc_feats]
            stack_features(self.featurizer, sents, doc_feats, first)
        for words, feats in zip(sents, doc_feats):
            if not words:
                out.append(([], [] if marginals else None))
                continue
            tags = tagger.tag(feats)
            probs = None
            if marginals:
                if tags.count("O") == len(tags):  # nothing tagged: no marginal to ask for
                    probs = [1.0] * len(tags)
                else:
                    probs = [tagger.marginal(t, i) if t != "O" else 1.0 for i, t in enumerate(tags)]
            out.append((tags, probs))
        if self.propagate:
            before = [list(t) for t, _ in out] if marginals else []
            changed = propagate(sents, [t for t, _ in out])
            for k in changed if marginals else ():
                # the CRF's own probability of each label it did not choose
                tagger.set(doc_feats[k])
                tags, probs = out[k]
                out[k] = (tags, [p if t == b else tagger.marginal(t, i)
                                 for i, (t, b, p) in enumerate(zip(tags, before[k], probs or []))])
        return out

    def _tag_doc_split(self, sents: list[list[str]], marginals: bool
                       ) -> list[tuple[list[str], list[float] | None]]:
        # The model was trained on clitic-split tokens: split, tag, and give each original
        # token its host's tag.
        from rasd.ner.corpus import split_word

        cache = self._split_cache
        get = cache.__getitem__  # None on a miss (TwoGen, bounded for long runs)

        def split(w: str) -> tuple[str, ...]:
            # a tuple, not a list: the cyclic collector stops tracking it
            return cache.put(w, tuple(split_word(w)))

        splits = []
        for ws in sents:  # as corpus.split_sentence, with split_word cached per word form
            pl = [get(w) or split(w) for w in ws]  # never empty: at least the word itself
            ow = list(chain.from_iterable(pl))
            # index of each word's last piece (its host)
            last = [c - 1 for c in accumulate(map(len, pl))] if len(ow) != len(ws) else None
            splits.append((ow, last))
        self.split_clitics = False
        try:
            tagged = self._tag_doc([s[0] for s in splits], marginals)
        finally:
            self.split_clitics = True
        out: list[tuple[list[str], list[float] | None]] = []
        for words, (ow, last), (tags, probs) in zip(sents, splits, tagged):
            # every word has at least one piece; its host (last piece) gives the tag
            if last is None:
                t2 = list(tags)
                p2 = list(probs) if probs else None
            else:
                t2 = [tags[k] for k in last]
                p2 = [probs[k] for k in last] if probs else None
            if p2 is None and marginals:
                p2 = [1.0] * len(words)
            out.append((t2, p2))
        return out

    def tag(self, words: list[str], marginals: bool = False) -> tuple[list[str], list[float] | None]:
        """BIO tags for one sentence (and each tag's marginal probability if asked)."""
        if not words:
            return [], [] if marginals else None
        if self._path1 or self.split_clitics:
            return self.tag_doc([words], marginals)[0]
        tagger = self._tagger()
        tags = tagger.tag(self.featurizer.sentence(words))
        if not marginals:
            return tags, None
        probs = [tagger.marginal(t, i) if t != "O" else 1.0 for i, t in enumerate(tags)]
        return tags, probs


_NORM = TwoGen(50_000)  # word → normalised form, for propagate (two generations of 50k)


def _surname_here(ts: list[str], i: int) -> bool:
    """Whether token ``i`` (a known surname) stands alone, so may be tagged a person:
    untagged or a one-word name of another type, no name running into it or on from it."""
    t = ts[i]
    if t == "B-PERS" or t.startswith("I-"):
        return False
    if i + 1 < len(ts) and ts[i + 1].startswith("I-"):
        return False
    return t != "O" or i == 0 or ts[i - 1] == "O"


def propagate(sents: list[list[str]], tags: list[list[str]]) -> list[int]:
    """Tag the untagged repeats of the document's names, in place (label consistency).

    A word sequence the CRF tagged as a name somewhere in the document is tagged at its
    other occurrences where every token was left O (longest first, the type it was given
    most often). The CRF decides sentence by sentence, so a name it recognised in a telling
    context (``فاز بنفيكا البرتغالي``) is often missed where the context says less
    (``وكان بنفيكا الافضل``). Likewise the last word of a person's name of two or more
    words, untagged or a one-word name of another type, is tagged as a person
    (``كارلوس كوريا`` ... ``كوريا``) where it stands alone. Returns the indices of the
    sentences changed.
    """
    from rasd.text.normalize import normalize

    cache = _NORM
    cget = cache.__getitem__  # None on a miss (TwoGen)

    def put(w: str) -> str:
        n = normalize(w) or w
        return cache.put(w, w if n == w else n)  # one string where nothing changes

    def norms(ws: list[str]) -> list[str]:
        ks = list(map(cget, ws))
        if None in ks:
            ks = [k or put(w) for k, w in zip(ks, ws)]
        return ks

    types: dict[tuple[str, ...], dict[str, int]] = {}
    keys: list[list[str] | None] = []
    for ws, ts in zip(sents, tags):
        tagged = [i for i, t in enumerate(ts) if t != "O"]
        if not tagged:
            keys.append(None)  # nothing tagged here; its words are looked up below if needed
            continue
        ks = norms(ws)
        keys.append(ks)
        n = len(ts)
        end = 0
        for i in tagged:  # the names (chunks) of this sentence
            if i < end:
                continue
            ty = ts[i][2:]
            j = i + 1
            while j < n and ts[j] == "I-" + ty:
                j += 1
            end = j
            k = tuple(ks[i:j])
            if sum(len(x) for x in k) >= 3:  # one or two letters: too easily a common word
                d = types.setdefault(k, {})
                d[ty] = d.get(ty, 0) + 1
    if not types:
        return []
    # Surnames: the last word of a person's name of two or more words (a person named in
    # full is later called by the surname alone).
    surnames = {k[-1] for k, d in types.items() if len(k) >= 2 and "PERS" in d and len(k[-1]) >= 3}
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for k in sorted(types, key=lambda x: (-len(x), x)):
        d = types[k]
        by_first.setdefault(k[0], []).append((k, max(sorted(d), key=d.get)))  # type: ignore[arg-type]
    get = by_first.get
    starts = set(by_first) | surnames
    changed = []
    for si, (ws, ts) in enumerate(zip(sents, tags)):
        ks = keys[si]
        if ks is None:
            ks = norms(ws)
        # only where a known name or a surname starts (most tokens start none)
        places = [i for i, k in enumerate(ks) if k in starts and ws[i] not in MAQSURA_FUNCTION_WORDS]
        if not places:
            continue
        n = len(ks)
        nxt = 0  # first token not yet inside a name tagged here
        hit = False
        for i in places:
            if i < nxt:
                continue
            cands = get(ks[i])
            done = 0
            if cands is not None and ts[i] == "O":
                for k, ty in cands:
                    L = len(k)
                    if i + L <= n and tuple(ks[i:i + L]) == k and ts[i:i + L].count("O") == L:
                        if L == 1 and ks[i] in surnames:
                            if not _surname_here(ts, i):
                                break  # right after another name: leave it to the CRF
                            ty = "PERS"  # the person, whatever else it was called
                        ts[i] = "B-" + ty
                        for j in range(i + 1, i + L):
                            ts[j] = "I-" + ty
                        done = L
                        break
            if done:
                hit = True
                nxt = i + done
            elif ks[i] in surnames and _surname_here(ts, i):
                ts[i] = "B-PERS"
                hit = True
        if hit:
            changed.append(si)
    return changed


@lru_cache(maxsize=4)
def load_model(model_dir: str | None = None) -> NerModel:
    """The NER model in ``model_dir`` (default: shipped), loaded once."""
    return NerModel(model_dir)
