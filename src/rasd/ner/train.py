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
from rasd.ner.features import Featurizer, load_resources
from rasd.ner.model import META_FILE, MODEL_FILE, NerModel

DEFAULTS = {"c1": 0.05, "c2": 0.05, "max_iterations": 150, "window": 2,
            "gazetteer": True, "clusters": True, "min_freq": 1, "wikifane": 0.0,
            "doc_context": True, "doc_sents": 30, "ngrams": False, "split_clitics": True,
            "algorithm": "lbfgs"}


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
    res = load_resources(res_dir, use_gaz=params["gazetteer"], use_clusters=params["clusters"])
    fz = Featurizer(res, window=params["window"], doc_context=params["doc_context"],
                    ngrams=params["ngrams"])
    algo = params.get("algorithm", "lbfgs")
    tr = pycrfsuite.Trainer(algorithm=algo, verbose=verbose)
    if params["split_clitics"]:
        sents = [split_sentence(w, t)[:2] for w, t in sents]
    for chunk in doc_chunks(sents, params["doc_sents"]):
        for (_, tags), feats in zip(chunk, fz.document([w for w, _ in chunk])):
            tr.append(feats, tags)
    opts = {"max_iterations": params["max_iterations"], "feature.possible_transitions": True,
            "feature.minfreq": params["min_freq"]}
    if algo == "lbfgs":
        opts.update(c1=params["c1"], c2=params["c2"])
    tr.set_params(opts)
    tmp = out / (MODEL_FILE + ".tmp")
    tr.train(str(tmp))
    os.replace(tmp, out / MODEL_FILE)
    meta = {k: params.get(k) for k in ("c1", "c2", "max_iterations", "window", "gazetteer",
                                       "clusters", "min_freq", "wikifane", "doc_context",
                                       "doc_sents", "ngrams", "split_clitics", "algorithm")}
    meta["train_sentences"] = len(sents)
    meta["train_tokens"] = sum(len(w) for w, _ in sents)
    (out / META_FILE).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    # The featurizer's resources travel with the model.
    if res_dir.resolve() != out.resolve():
        for name in ("gazetteer.tsv", "clusters.tsv"):
            if (res_dir / name).is_file():
                shutil.copyfile(res_dir / name, out / name)
    return time.time() - t0


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
    ap.add_argument("--no-doc-context", dest="doc_context", action="store_false",
                    help="no document-level context aggregation features")
    ap.add_argument("--no-split-clitics", dest="split_clitics", action="store_false",
                    help="train and tag on whitespace tokens (clitics attached, as ANERcorp)")
    ap.add_argument("--algorithm", choices=("lbfgs", "ap"), default=DEFAULTS["algorithm"],
                    help="lbfgs: CRF (maximum likelihood); ap: averaged perceptron")
    ap.add_argument("--ngrams", action="store_true", help="inner letter trigram features")
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
    params = dict(DEFAULTS, c1=a.c1, c2=a.c2, max_iterations=a.iters, window=a.window,
                  min_freq=a.min_freq, gazetteer=not a.no_gazetteer, clusters=not a.no_clusters,
                  wikifane=a.wikifane, doc_context=a.doc_context, doc_sents=a.doc_sents,
                  ngrams=a.ngrams, split_clitics=a.split_clitics,
                  algorithm=a.algorithm)
    sents = read_conll(data)
    if a.limit:
        sents = sents[: a.limit]
    extra: list[Sentence] = []
    if a.wikifane > 0:
        wf = read_wikifane(shared / "data" / "ner" / "wikifane" / "WikiFANE_Gold_2014_500K.txt")
        step = max(1, round(1 / a.wikifane))
        extra = wf[::step]
    if a.heldout:
        import tempfile

        train, dev = split_heldout(sents)
        train = train + extra
        with tempfile.TemporaryDirectory() as tmp:
            secs = train_model(train, Path(tmp), res_dir, params, a.verbose)
            sc = score_model(Path(tmp), dev)
        print(f"held-out last tenth: {len(dev)} sentences, {sum(len(w) for w, _ in dev)} tokens; "
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
