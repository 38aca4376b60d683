"""Train the CRF named-entity tagger on ANERcorp (``rasd train ner``).

``main(["--shared", "../shared", "--out", "src/rasd/ner/data"])`` rebuilds the shipped
model from ANERcorp train; ``--heldout`` instead trains on the first nine tenths and
reports conlleval scores on the last tenth (the fixed development split).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from importlib import resources
from pathlib import Path

from rasd.errors import DataError, ModelError
from rasd.ner.conlleval import Scores, evaluate
from rasd.ner.corpus import Sentence, read_conll, read_wikifane, split_heldout, split_sentence
from rasd.ner.features import Featurizer, load_resources, stack_features
from rasd.ner.model import META_FILE, MODEL_FILE, PASS1_FILE, RESOURCE_FILES, NerModel

DEFAULTS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "window": 2,
            "gazetteer": True, "clusters": True, "min_freq": 1, "wikifane": 0.0,
            "doc_context": True, "doc_sents": 30, "ngrams": False, "split_clitics": True,
            "algorithm": "lbfgs", "kb": True, "geo": False, "triggers": False, "stack": 0,
            "lexdrop": 0.0, "lexdrop_o": 0.0, "propagate": True}


def package_data_dir() -> Path:
    """The shipped model folder inside the installed package."""
    return Path(str(resources.files("rasd.ner").joinpath("data")))


def default_shared() -> Path:
    """``$RASD_SHARED`` or ``../shared`` beside the current directory."""
    return Path(os.environ.get("RASD_SHARED", "../shared"))


def train_model(sents: list[Sentence], out: Path, res_dir: Path, params: dict,
                verbose: bool = False) -> float:
    """Train a CRF on ``sents`` and write model + meta into ``out``; returns seconds."""
    import pycrfsuite

    t0 = time.time()
    out.mkdir(parents=True, exist_ok=True)
    res = load_resources(res_dir, use_gaz=params["gazetteer"], use_clusters=params["clusters"],
                         use_kb=params.get("kb", False), use_geo=params.get("geo", False))
    fz = Featurizer(res, window=params["window"], doc_context=params["doc_context"],
                    ngrams=params["ngrams"], triggers=params.get("triggers", False))
    if params["split_clitics"]:
        sents = [split_sentence(w, t)[:2] for w, t in sents]
    chunks = doc_chunks(sents, params["doc_sents"])
    words = [[w for w, _ in ch] for ch in chunks]
    tags = [[t for _, t in ch] for ch in chunks]
    feats = [fz.document(ws) for ws in words]
    if params.get("lexdrop") or params.get("lexdrop_o"):
        lexical_dropout(feats, tags, params.get("lexdrop", 0.0), params.get("lexdrop_o", 0.0))
    folds = int(params.get("stack", 0))
    if not folds:
        _fit(feats, tags, out / MODEL_FILE, params, verbose)
        (out / PASS1_FILE).unlink(missing_ok=True)  # a stale first pass would be loaded
    else:
        # Stacking: the second pass must learn from first-pass tags as noisy as those it
        # will see at run time, so training documents get them from k-fold jackknife models.
        first: list[list[list[str]] | None] = [None] * len(chunks)
        for fold in range(folds):
            idx = [i for i in range(len(chunks)) if i % folds != fold]
            tmp = out / (PASS1_FILE + ".fold")
            _fit([feats[i] for i in idx], [tags[i] for i in idx], tmp, params, verbose)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(tmp))
            for i in range(fold, len(chunks), folds):
                first[i] = [tagger.tag(f) if f else [] for f in feats[i]]
            tagger.close()
            tmp.unlink()
        _fit(feats, tags, out / PASS1_FILE, params, verbose)
        feats2 = []
        for ws, fs, fp in zip(words, feats, first):
            fs2 = [[list(x) for x in sent] for sent in fs]
            stack_features(fz, ws, fs2, fp or [])
            feats2.append(fs2)
        _fit(feats2, tags, out / MODEL_FILE, params, verbose)
    meta = {k: params.get(k) for k in ("c1", "c2", "max_iterations", "window", "gazetteer",
                                       "clusters", "min_freq", "wikifane", "doc_context",
                                       "doc_sents", "ngrams", "split_clitics", "algorithm",
                                       "kb", "geo", "triggers", "stack", "lexdrop",
                                       "lexdrop_o", "propagate")}
    if params.get("kb"):  # the aliases used: the snapshot beside the resources, else the live KB
        meta["kb_aliases"] = _kb_alias_count(res_dir)
    meta["train_sentences"] = len(sents)
    meta["train_tokens"] = sum(len(w) for w, _ in sents)
    (out / META_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    # The featurizer's resources travel with the model.
    if res_dir.resolve() != out.resolve():
        for name in RESOURCE_FILES:
            if (res_dir / name).is_file():
                shutil.copyfile(res_dir / name, out / name)
    return time.time() - t0


def _kb_alias_count(res_dir: Path) -> int:
    from rasd.ner.features import KB_NAMES_FILE, kb_names

    p = res_dir / KB_NAMES_FILE
    if p.is_file():
        with p.open(encoding="utf-8") as f:
            return sum(1 for line in f if line.strip() and not line.startswith("#"))
    return len(kb_names())


#: Attribute prefixes that name the word itself (identity, not context or word class).
_LEXICAL = ("w=", "h=", "x=", "bg-=", "bg+=", "p3=", "f3=")


def lexical_dropout(feats: list[list[list[str]]], tags: list[list[str]], p_ent: float,
                    p_o: float = 0.0, seed: int = 13) -> int:
    """Remove the word-identity attributes of a random share of training tokens, in place.

    Names in new text are mostly words the training data never had; without their identity
    attributes these tokens teach the CRF to tag a name from its context, letters, clusters
    and gazetteer classes, which is all an unseen name has. ``p_ent``: share of name tokens,
    ``p_o``: share of other tokens. Seeded: the same tokens every run. Returns the count.
    """
    import random

    rnd = random.Random(seed)
    n = 0
    for doc_f, doc_t in zip(feats, tags):
        for sent_f, sent_t in zip(doc_f, doc_t):
            for tok, t in zip(sent_f, sent_t):
                p = p_o if t == "O" else p_ent
                if p and rnd.random() < p:
                    tok[:] = [a for a in tok if not a.startswith(_LEXICAL)]
                    n += 1
    return n


def _fit(feats: list[list[list[str]]], tags: list[list[str]], path: Path, params: dict,
         verbose: bool = False) -> None:
    """Train one CRFsuite model on documents' feature lists and tags, written to ``path``."""
    import pycrfsuite

    algo = params.get("algorithm", "lbfgs")
    tr = pycrfsuite.Trainer(algorithm=algo, verbose=verbose)
    for fs, ts in zip(feats, tags):
        for f, t in zip(fs, ts):
            tr.append(f, t)
    opts = {"max_iterations": params["max_iterations"], "feature.possible_transitions": True,
            "feature.minfreq": params["min_freq"]}
    if algo == "lbfgs":
        opts.update(c1=params["c1"], c2=params["c2"])
    tr.set_params(opts)
    tmp = path.with_name(path.name + ".tmp")
    tr.train(str(tmp))
    os.replace(tmp, path)


def doc_chunks(sents: list[Sentence], size: int) -> list[list[Sentence]]:
    """ANERcorp has no document breaks: runs of ``size`` sentences stand in for documents."""
    return [sents[i:i + size] for i in range(0, len(sents), size)]


def score_model(model_dir: Path, sents: list[Sentence]) -> Scores:
    """conlleval scores of the model in ``model_dir`` on ``sents``."""
    m = NerModel(model_dir)
    pred = []
    for chunk in doc_chunks(sents, int(m.meta.get("doc_sents", 30))):
        pred.extend(t for t, _ in m.tag_doc([w for w, _ in chunk]))
    return evaluate([t for _, t in sents], pred)


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="rasd train ner", description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="the ../shared folder")
    ap.add_argument("--out", type=Path, default=None, help="model folder (default: the package's)")
    ap.add_argument("--resources", type=Path, default=None,
                    help="folder with gazetteer.tsv / clusters.tsv (default: the package's)")
    ap.add_argument("--rebuild-resources", action="store_true",
                    help="also rebuild gazetteer and word clusters from ../shared first")
    ap.add_argument("--heldout", action="store_true",
                    help="train on the first 9/10, score the last 1/10, ship nothing")
    ap.add_argument("--part", type=int, default=0, choices=range(1, 11), metavar="N",
                    help="with --heldout: score the Nth tenth instead (train on the rest)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N sentences")
    ap.add_argument("--c1", type=float, default=DEFAULTS["c1"])
    ap.add_argument("--c2", type=float, default=DEFAULTS["c2"])
    ap.add_argument("--iters", type=int, default=DEFAULTS["max_iterations"])
    ap.add_argument("--window", type=int, default=DEFAULTS["window"])
    ap.add_argument("--min-freq", type=int, default=DEFAULTS["min_freq"])
    ap.add_argument("--no-gazetteer", action="store_true")
    ap.add_argument("--no-clusters", action="store_true")
    ap.add_argument("--wikifane", type=float, default=DEFAULTS["wikifane"],
                    help="share of WikiFANE sentences mixed into training (0 = none)")
    ap.add_argument("--extra", type=Path, action="append", default=[],
                    help="more training sentences (CoNLL `token TAG` file); may repeat")
    ap.add_argument("--no-doc-context", dest="doc_context", action="store_false",
                    help="no document-level context aggregation features")
    ap.add_argument("--no-split-clitics", dest="split_clitics", action="store_false",
                    help="train and tag on whitespace tokens (clitics attached, as ANERcorp)")
    ap.add_argument("--algorithm", choices=("lbfgs", "ap"), default=DEFAULTS["algorithm"],
                    help="lbfgs: CRF (maximum likelihood); ap: averaged perceptron")
    ap.add_argument("--ngrams", action="store_true", help="inner letter trigram features")
    ap.add_argument("--kb", action=argparse.BooleanOptionalAction, default=DEFAULTS["kb"],
                    help="knowledge-base aliases (rasd.kb) as extra gazetteer classes")
    ap.add_argument("--kb-refresh", action="store_true",
                    help="re-snapshot the knowledge base's aliases (kb_names.tsv) before training")
    ap.add_argument("--geo", action=argparse.BooleanOptionalAction, default=DEFAULTS["geo"],
                    help="the geo stage's place names and nationality forms as gazetteer classes")
    ap.add_argument("--triggers", action=argparse.BooleanOptionalAction,
                    default=DEFAULTS["triggers"], help="title / organisation-head word classes")
    ap.add_argument("--lexdrop", type=float, default=DEFAULTS["lexdrop"],
                    help="share of name tokens trained without word-identity attributes")
    ap.add_argument("--lexdrop-o", type=float, default=DEFAULTS["lexdrop_o"],
                    help="share of other tokens trained without word-identity attributes")
    ap.add_argument("--propagate", action=argparse.BooleanOptionalAction,
                    default=DEFAULTS["propagate"],
                    help="tag the untagged repeats of a document's names (at tagging time)")
    ap.add_argument("--stack", type=int, default=DEFAULTS["stack"],
                    help="K > 0: second-pass CRF on first-pass tags (K-fold jackknife)")
    ap.add_argument("--doc-sents", type=int, default=DEFAULTS["doc_sents"])
    ap.add_argument("-v", "--verbose", action="store_true")
    return ap


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``rasd train ner``; returns an exit status."""
    a = _parser().parse_args(argv)
    shared = a.shared or default_shared()
    data = shared / "data" / "ner" / "anercorp" / "train.txt"
    if not data.is_file():
        raise DataError(f"ANERcorp train not found at {data} (give --shared PATH)")
    t_start = time.time()
    res_dir = a.resources or package_data_dir()
    if a.rebuild_resources:
        from rasd.ner import build

        res_dir.mkdir(parents=True, exist_ok=True)
        t = time.time()
        build.write_gazetteer(shared, res_dir / "gazetteer.tsv")
        print(f"gazetteer rebuilt in {time.time() - t:.1f}s", file=sys.stderr)
        t = time.time()
        build.write_clusters(shared, res_dir / "clusters.tsv")
        print(f"clusters rebuilt in {time.time() - t:.1f}s", file=sys.stderr)
    if a.kb_refresh:
        from rasd.ner.features import KB_NAMES_FILE, write_kb_names

        res_dir.mkdir(parents=True, exist_ok=True)
        n = write_kb_names(res_dir / KB_NAMES_FILE)
        print(f"knowledge-base alias snapshot: {n} aliases", file=sys.stderr)
    params = dict(DEFAULTS, c1=a.c1, c2=a.c2, max_iterations=a.iters, window=a.window,
                  min_freq=a.min_freq, gazetteer=not a.no_gazetteer, clusters=not a.no_clusters,
                  wikifane=a.wikifane, doc_context=a.doc_context, doc_sents=a.doc_sents,
                  ngrams=a.ngrams, split_clitics=a.split_clitics,
                  algorithm=a.algorithm, kb=a.kb, geo=a.geo, triggers=a.triggers, stack=a.stack,
                  lexdrop=a.lexdrop, lexdrop_o=a.lexdrop_o, propagate=a.propagate)
    sents = read_conll(data)
    if a.limit:
        sents = sents[: a.limit]
    extra: list[Sentence] = []
    if a.wikifane > 0:
        wf = read_wikifane(shared / "data" / "ner" / "wikifane" / "WikiFANE_Gold_2014_500K.txt")
        step = max(1, round(1 / a.wikifane))
        extra = wf[::step]
    for p in a.extra:
        extra = extra + read_conll(p)
    if a.heldout:
        import tempfile

        if a.part:
            lo, hi = (a.part - 1) * len(sents) // 10, a.part * len(sents) // 10
            train, dev = sents[:lo] + sents[hi:], sents[lo:hi]
        else:
            train, dev = split_heldout(sents)
        train = train + extra
        with tempfile.TemporaryDirectory() as tmp:
            secs = train_model(train, Path(tmp), res_dir, params, a.verbose)
            sc = score_model(Path(tmp), dev)
        print(f"held-out {'tenth %d' % a.part if a.part else 'last tenth'}: {len(dev)} sentences, {sum(len(w) for w, _ in dev)} tokens; "
              f"trained on {len(train)} sentences in {secs:.1f}s; params {json.dumps(params)}")
        print(sc.report())
        return 0
    out = a.out or package_data_dir()
    sents = sents + extra
    secs = train_model(sents, out, res_dir, params, a.verbose)
    size = (out / MODEL_FILE).stat().st_size
    print(f"trained on {len(sents)} sentences in {secs:.1f}s (total {time.time() - t_start:.1f}s); "
          f"model {out / MODEL_FILE} {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":  # pragma: no cover
    try:
        sys.exit(main())
    except (DataError, ModelError) as exc:
        print(f"rasd: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
