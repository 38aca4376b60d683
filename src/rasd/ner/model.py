"""The shipped CRF tagger: load once, tag sentences of whitespace tokens."""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from importlib import resources
from pathlib import Path

from rasd.errors import ModelError
from rasd.ner.features import Featurizer, load_resources, stack_features

MODEL_FILE = "ner.crfsuite"
META_FILE = "ner_meta.json"
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
        res_dir = base if (base / "gazetteer.tsv").is_file() or (base / "clusters.tsv").is_file() else None
        res = load_resources(res_dir, use_gaz=meta.get("gazetteer", True),
                             use_clusters=meta.get("clusters", True),
                             use_kb=bool(meta.get("kb", False)),
                             use_geo=bool(meta.get("geo", False)))
        self.featurizer = Featurizer(res, window=int(meta.get("window", 2)),
                                     doc_context=bool(meta.get("doc_context", False)),
                                     ngrams=bool(meta.get("ngrams", False)),
                                     triggers=bool(meta.get("triggers", False)))
        self.split_clitics = bool(meta.get("split_clitics", False))
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
        self._split_cache: dict[str, list[str]] = {}

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
                probs = [tagger.marginal(t, i) if t != "O" else 1.0 for i, t in enumerate(tags)]
            out.append((tags, probs))
        return out

    def _tag_doc_split(self, sents: list[list[str]], marginals: bool
                       ) -> list[tuple[list[str], list[float] | None]]:
        # The model was trained on clitic-split tokens: split, tag, and give each original
        # token its host's tag.
        from rasd.ner.corpus import split_word

        cache = self._split_cache
        if len(cache) > 200_000:  # a bound for very long inputs
            cache.clear()
        splits = []
        for ws in sents:  # as corpus.split_sentence, with split_word cached per word form
            ow: list[str] = []
            owner: list[int] = []
            for i, w in enumerate(ws):
                pieces = cache.get(w)
                if pieces is None:
                    pieces = cache[w] = split_word(w)
                ow += pieces
                owner += [i] * len(pieces)
            splits.append((ow, None, owner))
        self.split_clitics = False
        try:
            tagged = self.tag_doc([s[0] for s in splits], marginals)
        finally:
            self.split_clitics = True
        out: list[tuple[list[str], list[float] | None]] = []
        for words, (_, _, owner), (tags, probs) in zip(sents, splits, tagged):
            t2 = ["O"] * len(words)
            p2: list[float] | None = [1.0] * len(words) if marginals else None
            for k, i in enumerate(owner):  # hosts come last: they win
                t2[i] = tags[k]
                if p2 is not None and probs:
                    p2[i] = probs[k]
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


@lru_cache(maxsize=4)
def load_model(model_dir: str | None = None) -> NerModel:
    """The NER model in ``model_dir`` (default: shipped), loaded once."""
    return NerModel(model_dir)
