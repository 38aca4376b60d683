"""Build the NER feature resources from ../shared: the gazetteer and the word clusters.

Both are derived, compact statistics shipped in ``rasd/ner/data``:

* ``gazetteer.tsv``: ``normalised word or phrase<TAB>classes`` where classes are letters
  L (place), P (person-name word), F (first name), N (nationality/demonym), O (organisation),
  from GeoNames, countrynames (aleph), ArWikiCats labels, AKhateeb names and Wikidata
  person-name tokens.
* ``clusters.tsv``: ``normalised word<TAB>c1.c2.c3`` hierarchical cluster ids (40/200/1000
  clusters) from k-means over PPMI-SVD context vectors learnt on the unlabelled
  SaudiNewsNet corpus. Only the word → cluster-id table ships (a statistic), no text.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

from rasd.errors import DataError
from rasd.ner.corpus import split_word
from rasd.text.normalize import normalize

GAZ_VERSION = 1
CLU_VERSION = 2

_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+|[A-Za-z]+|[0-9]+")
_PAREN = re.compile(r"\s*\([^)]*\)\s*")
_ORG_EN = re.compile(
    r"\b(organi[sz]ation|party|council|united nations|union|agency|front|movement|army|"
    r"company|bank|university|committee|league|ministry|association|federation|"
    r"brotherhood|hezbollah|qaeda|taliban|corporation|fund|court|parliament|"
    r"authority|commission|forces|institute)\b")


def _need(p: Path) -> Path:
    if not p.exists():
        raise DataError(f"missing shared data: {p}")
    return p


def _key(s: str) -> str:
    s = _PAREN.sub(" ", s)
    return " ".join(_WORD.findall(normalize(s)))


def gazetteer_sources(shared: Path) -> list[Path]:
    """The ../shared files the gazetteer is built from."""
    d = shared / "data"
    a = d / "arwikicats_en_ar_labels"
    return [
        d / "geonames" / "cities5000_arabic_names.tsv",
        d / "countrynames_aleph" / "country_arabic_script_variants.tsv",
        a / "cities_cities_full.json", a / "geography_P17_2_final_ll.json",
        a / "geography_P17_PP.json", a / "geography_popopo.json", a / "geography_regions.json",
        a / "nationalities_nationalities_data.json", a / "nationalities_sub_nats.json",
        a / "people_peoples.json", a / "keys_keys2.json",
        d / "arabic_names_akhateeb" / "male-first--names-in-arabic.txt",
        d / "arabic_names_akhateeb" / "female-first-names-in-arabic.txt",
        d / "arabic_names_akhateeb" / "last-names-in-arabic.txt",
        d / "wikidata_person_name_tokens_en_ar" / "en_ar_name_tokens.tsv",
    ]


def build_gazetteer(shared: Path) -> dict[str, str]:
    """Normalised entry → class letters (sorted)."""
    src = [_need(p) for p in gazetteer_sources(shared)]
    entries: dict[str, set[str]] = {}

    def add(name: str, cls: str) -> None:
        k = _key(name)
        if not k or len(k) < 2:
            return
        entries.setdefault(k, set()).add(cls)

    with src[0].open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["script_hint"] == "arabic":
                add(row["arabic_name"], "L")
    with src[1].open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["script_hint"] == "arabic":
                # aleph's "countries" include bodies such as UN, EU: keep them as places/orgs
                add(row["variant"], "O" if row["iso_code"] in ("UN", "EU") else "L")
    for p in src[2:6]:
        for v in json.loads(p.read_text(encoding="utf-8")).values():
            if isinstance(v, str):
                add(v, "L")
    for group in json.loads(src[6].read_text(encoding="utf-8")).values():
        for v in group.values():
            add(v, "L")
    for p in src[7:9]:
        for v in json.loads(p.read_text(encoding="utf-8")).values():
            for form in ("male", "males", "female", "females", "the_male", "the_female"):
                if v.get(form):
                    add(v[form], "N")
            if v.get("ar"):
                add(v["ar"], "L")
    for v in json.loads(src[9].read_text(encoding="utf-8")).values():
        add(v, "P")
    for en, v in json.loads(src[10].read_text(encoding="utf-8")).items():
        if _ORG_EN.search(en):
            add(v, "O")
    for p in src[11:13]:
        for line in p.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                add(line.strip(), "F")
    for line in src[13].read_text(encoding="utf-8").split("\n"):
        if line.strip():
            add(line.strip(), "P")
    from rasd.text.tokens import word_frequencies

    freq = word_frequencies()
    firsts = {k for k, v in entries.items() if "F" in v}
    with src[14].open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            # count >= 2: single sightings are mostly alignment noise
            tok = row["arabic_token"].strip()
            if int(row["count"] or 0) >= 2 and " " not in tok and (
                    freq.get(normalize(tok), 0) < 560 or normalize(tok) in firsts):
                add(tok, "P")
    # Function words (في، من، على ...) turn up as name tokens by alignment noise: drop them.
    from rasd.text.tokens import word_frequencies

    freq = word_frequencies()
    return {k: "".join(sorted(v)) for k, v in entries.items()
            if " " in k or freq.get(k, 0) < 650}


def _digest(paths: list[Path]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def gazetteer_text(shared: Path) -> str:
    """The full text of gazetteer.tsv as built from ``shared``."""
    g = build_gazetteer(shared)
    head = (f"# rasd NER gazetteer v{GAZ_VERSION}; built by scripts/build_ner_gazetteer.py from "
            f"../shared (sources sha256 {_digest(gazetteer_sources(shared))}); "
            "GeoNames CC BY 4.0, countrynames MIT, ArWikiCats MIT, AKhateeb MIT, Wikidata CC0\n"
            "# classes: L place, P person-name word, F first name, N nationality, O organisation\n")
    return head + "".join(f"{k}\t{v}\n" for k, v in sorted(g.items()))


def write_gazetteer(shared: Path, out: Path) -> int:
    """Write gazetteer.tsv; returns the number of entries."""
    text = gazetteer_text(shared)
    out.write_text(text, encoding="utf-8")
    return text.count("\n") - 2


# -- word clusters ---------------------------------------------------------------------------

def _corpus_texts(shared: Path):  # type: ignore[no-untyped-def]
    corpus = _need(shared / "corpus" / "saudinewsnet.jsonl.gz")
    # Leave the gold-dev articles out, so dev recall is not helped by having seen them.
    skip: set[str] = set()
    gi = shared / "gold-dev" / "input"
    if gi.is_dir():
        for p in gi.glob("*.json"):
            try:
                skip.add(normalize(json.loads(p.read_text(encoding="utf-8"))["text"])[:200])
            except (KeyError, ValueError):
                pass
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            n = normalize(text)
            if n[:200] in skip:
                continue
            yield n


def cluster_words(shared: Path, vocab_size: int = 150000, min_count: int = 3, n_ctx: int = 2000,
                  dim: int = 100, ks: tuple[int, ...] = (40, 200, 1000), seed: int = 13,
                  max_docs: int | None = None, split: bool = False) -> dict[str, str]:
    """Word → "a.b.c" cluster path; deterministic for fixed arguments."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.cluster import KMeans
    from sklearn.utils.extmath import randomized_svd

    def docs_iter():  # type: ignore[no-untyped-def]
        for i, n in enumerate(_corpus_texts(shared)):
            if max_docs and i >= max_docs:
                break
            # Whitespace tokens stripped of punctuation: the form ANERcorp tokens have
            # (with ``split``, proclitics cut off as the tagger's tokens are).
            toks = [t for t in (_strip(w) for w in n.split()) if t]
            if split:
                toks = [p for t in toks for p in split_word(t)]
            yield toks

    counts: Counter[str] = Counter()
    for toks in docs_iter():
        counts.update(toks)
    vocab = [w for w, c in counts.most_common(vocab_size) if c >= min_count]
    vid = {w: i for i, w in enumerate(vocab)}
    nc = min(n_ctx, len(vocab))
    V = len(vocab)
    mats = []
    rows_all: list = []
    cols_all: list = []
    for toks in docs_iter():
        ids = np.fromiter((vid.get(t, -1) for t in toks), dtype=np.int64, count=len(toks))
        for k, d in enumerate((-2, -1, 1, 2)):
            if len(ids) <= abs(d):
                continue
            a = ids[max(0, -d): len(ids) - max(0, d)]
            b = ids[max(0, d): len(ids) + min(0, d)]
            ok = (a >= 0) & (b >= 0) & (b < nc)
            rows_all.append(a[ok])
            cols_all.append(b[ok] + k * nc)
        if len(rows_all) > 4000:
            r = np.concatenate(rows_all)
            c = np.concatenate(cols_all)
            mats.append(sp.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(V, 4 * nc)))
            rows_all, cols_all = [], []
    if rows_all:
        r = np.concatenate(rows_all)
        c = np.concatenate(cols_all)
        mats.append(sp.csr_matrix((np.ones(len(r), dtype=np.float32), (r, c)), shape=(V, 4 * nc)))
    M = mats[0]
    for m in mats[1:]:
        M = M + m
    M = M.tocoo()
    # PPMI with context-distribution smoothing (alpha 0.75).
    total = M.data.sum()
    rs = np.asarray(M.sum(axis=1)).ravel()
    cs = np.asarray(M.sum(axis=0)).ravel() ** 0.75
    cs = cs / cs.sum()
    pmi = np.log(M.data / total) - np.log(rs[M.row] / total) - np.log(cs[M.col])
    keep = pmi > 0
    P = sp.csr_matrix((pmi[keep].astype(np.float32), (M.row[keep], M.col[keep])), shape=M.shape)
    U, S, _ = randomized_svd(P, n_components=dim, n_iter=5, random_state=seed)
    X = U * np.sqrt(S)
    X /= np.linalg.norm(X, axis=1, keepdims=True) + 1e-9
    fine = KMeans(n_clusters=ks[-1], n_init=1, max_iter=60, random_state=seed).fit(X)
    labels = [fine.labels_]
    cents = fine.cluster_centers_
    coarse_of = []
    for k in ks[:-1]:
        km = KMeans(n_clusters=k, n_init=3, random_state=seed).fit(cents)
        coarse_of.append(km.labels_)
    out = {}
    for i, w in enumerate(vocab):
        f = int(labels[0][i])
        path = ".".join([str(int(c[f])) for c in coarse_of] + [str(f)])
        # Two more statistics: how often the word takes the article (names seldom do)
        # and how frequent it is (log2 bucket).
        b = w[2:] if w.startswith("ال") and len(w) > 4 else w
        nb, na = counts.get(b, 0), counts.get("ال" + b, 0)
        r = na / (nb + na) if nb + na else 0.0
        al = 0 if r < 0.05 else 1 if r < 0.3 else 2 if r < 0.7 else 3
        out[w] = f"{path}\t{al}\t{min(int(counts[w]).bit_length() // 2, 9)}"
    return out


_STRIP = "\"'«»“”‘’()[]{}.,،؛;:!?؟-–—/\\…*#@%+=<>|~^`_"


def _strip(w: str) -> str:
    w = w.strip(_STRIP)
    return w if w and not w.isdigit() else ""


def clusters_text(shared: Path, **kw) -> str:  # type: ignore[no-untyped-def]
    """The full text of clusters.tsv as built from ``shared``."""
    cl = cluster_words(shared, **kw)
    src = shared / "corpus" / "saudinewsnet.jsonl.gz"
    head = (f"# rasd NER word clusters v{CLU_VERSION}; built by scripts/build_ner_clusters.py "
            f"(corpus sha256 {_digest([src])}); word -> k-means cluster path (40.200.1000), article-ratio "
            "bucket, log-frequency bucket; from PPMI-SVD context vectors of SaudiNewsNet (CC BY-NC-SA 4.0): statistics only, no text\n")
    return head + "".join(f"{k}\t{v}\n" for k, v in sorted(cl.items()))


def write_clusters(shared: Path, out: Path, **kw) -> int:  # type: ignore[no-untyped-def]
    """Write clusters.tsv; returns the number of words."""
    text = clusters_text(shared, **kw)
    out.write_text(text, encoding="utf-8")
    return text.count("\n") - 1


def header_digest(path: Path) -> str | None:
    """The sources digest recorded in a built file's first line."""
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as f:
        m = re.search(r"sha256 ([0-9a-f]{16})", f.readline())
    return m.group(1) if m else None


def corpus_digest(shared: Path) -> str:
    """Digest of the corpus the clusters come from."""
    return _digest([_need(shared / "corpus" / "saudinewsnet.jsonl.gz")])
