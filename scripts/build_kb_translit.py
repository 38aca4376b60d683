#!/usr/bin/env python3
"""Build the Arabic→English name transliteration data of rasd.kb.

Sources (../shared/data): google_transliteration_ar2en (google/transliteration ar2en.txt,
Apache-2.0; 15.9k Arabic→English word pairs) and wikidata_person_name_tokens_en_ar
(NETransliteration-COLING2018, CC0; 65k English→Arabic name-token pairs with counts, read
in reverse).

Writes, under src/rasd/kb/data/:

* ``translit_words.tsv.gz`` -- normalised Arabic word → its most frequent English form;
* ``translit_chars.tsv.gz`` -- a character model: for an Arabic letter in context
  (two letters each side; backing off to the letter alone) the English letters it is
  most often written as. Learnt by hard-EM monotone alignment of the pairs.
* ``translit_graphones.tsv.gz`` -- a joint-sequence (graphone) 4-gram model over the
  same alignments (Witten-Bell), read by a beam search (rasd.kb.translit.GraphoneModel);
  what rasd.kb.translit uses for words not in the dictionary.

10% of the Arabic words (chosen by a hash of the word) are held out of both models'
training; ``--eval`` prints their exact-match accuracy and character error rate on
them (the word dictionary ships every word seen at least twice, so it is not evaluated
on them: it is a lookup table). ``--check`` exits 1 when a built
file differs from what the sources give (stale).
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import os
import re
import sys
import unicodedata
import zlib
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rasd.text.normalize import normalize  # noqa: E402

DATA = REPO / "src" / "rasd" / "kb" / "data"
SHARED = Path(os.environ.get("RASD_SHARED", REPO.parent / "shared"))
WORDS = DATA / "translit_words.tsv.gz"
CHARS = DATA / "translit_chars.tsv.gz"
GRAPH = DATA / "translit_graphones.tsv.gz"
GRAPH_HEADER = ("# Joint-sequence (graphone) 4-gram model of Arabic->English name spelling: "
                "n-gram of graphones 'arabic:english', interpolated Witten-Bell natural-log "
                "probability, back-off weight. Built by scripts/build_kb_translit.py from "
                "google/transliteration ar2en (Apache-2.0) and NETransliteration-COLING2018 "
                "Wikidata name tokens (CC0).")
MAXSUB = 3  # longest English substring one Arabic letter may produce
_AR = re.compile(r"^[\u0621-\u064a]+$")


def _held_out(word: str) -> bool:
    return zlib.crc32(word.encode("utf-8")) % 10 == 0


_SPECIAL = str.maketrans({"ş": "sh", "ç": "ch", "ğ": "g", "ı": "i", "ʿ": "", "ʾ": "", "‘": "", "’": ""})


def _latin(s: str) -> str:
    # Turkish/transcription letters keep their sound (ş → sh) before accents are dropped.
    s = unicodedata.normalize("NFKD", s.lower().translate(_SPECIAL))
    return "".join(c for c in s if "a" <= c <= "z" or c in "'-")


def load_pairs(shared: Path) -> dict[str, Counter]:
    """Normalised Arabic word → Counter of English forms (both sources)."""
    pairs: dict[str, Counter] = defaultdict(Counter)
    g = shared / "data/google_transliteration_ar2en/ar2en.txt"
    for line in g.read_text(encoding="utf-8").splitlines():
        ar, _, en = line.partition("\t")
        ar, en = normalize(ar.strip()), _latin(en.strip())
        if _AR.match(ar) and en and en[0].isalpha():
            pairs[ar][en] += 3  # curated Wikipedia romanisations: weigh them up
    w = shared / "data/wikidata_person_name_tokens_en_ar/en_ar_name_tokens.tsv"
    for line in w.read_text(encoding="utf-8").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) != 3:
            continue
        en, ar, n = _latin(parts[0]), normalize(parts[1]), int(parts[2])
        if _AR.match(ar) and en and en[0].isalpha():
            pairs[ar][en] += n
    return pairs


# -- character model ---------------------------------------------------------------------
def _align(ar: str, en: str, logp) -> list[str] | None:
    """Viterbi monotone alignment: each Arabic letter → an English substring (0..MAXSUB)."""
    n, m = len(ar), len(en)
    neg = -1e18
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n):
        row, nxt = best[i], best[i + 1]
        c = ar[i]
        for j in range(m + 1):
            if row[j] <= neg:
                continue
            for k in range(0, MAXSUB + 1):
                if j + k > m:
                    break
                v = row[j] + logp(c, en[j:j + k])
                if v > nxt[j + k]:
                    nxt[j + k] = v
                    back[i + 1][j + k] = k
    if best[n][m] <= neg:
        return None
    out = []
    j = m
    for i in range(n, 0, -1):
        k = back[i][j]
        out.append(en[j - k:j])
        j -= k
    return out[::-1]


_SEED = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "o", "ي": "i", "ء": "", "پ": "p", "چ": "ch", "گ": "g",
}


def train_chars(pairs: list[tuple[str, str, int]], iters: int = 3, logp=None) -> dict[str, list[str]]:
    """Context → English substrings, most frequent first (hard-EM over the pairs)."""
    logp = logp or em_letters(pairs, iters)
    # Context model from the final alignments: the letter with up to two letters of
    # context each side, backing off to narrower windows (see rasd.kb.translit).
    ctx: dict[str, Counter] = defaultdict(Counter)
    for ar, en, w in pairs:
        al = _align(ar, en, logp)
        if al is None:
            continue
        for i, sub in enumerate(al):
            for k in context_keys(ar, i):
                ctx[k][sub] += w
    model = {}
    for k, v in ctx.items():
        tot = sum(v.values())
        if tot < (2 if len(k) > 3 else 1):
            continue
        top = v.most_common(1)[0][0]
        model[k] = [top, top or "_"]
    return model


def em_letters(pairs: list[tuple[str, str, int]], iters: int = 3):
    """Hard-EM letter alignment model: ``logp(letter, english)`` after ``iters`` rounds."""
    counts: dict[str, Counter] = defaultdict(Counter)

    def seed_logp(c: str, sub: str) -> float:
        s = _SEED.get(c)
        if s is None:
            return -3.0
        if sub == s:
            return 0.0
        if sub and s and (sub.startswith(s) or s.startswith(sub)):
            return -1.0
        return -2.5 - len(sub) * 0.5

    logp = seed_logp
    for _ in range(iters):
        counts = defaultdict(Counter)
        for ar, en, w in pairs:
            al = _align(ar, en, logp)
            if al is None:
                continue
            for c, sub in zip(ar, al):
                counts[c][sub] += w
        totals = {c: sum(v.values()) for c, v in counts.items()}

        def logp(c: str, sub: str, counts=counts, totals=totals) -> float:  # noqa: E731
            v = counts.get(c)
            if not v:
                return -6.0
            return math.log((v.get(sub, 0) + 0.01) / (totals[c] + 1))
    return logp


def context_keys(word: str, i: int) -> list[str]:
    """Context keys of letter ``i``, widest first (same function as rasd.kb.translit)."""
    from rasd.kb.translit import context_keys as ck

    return ck(word, i)


def _chain(key: str) -> list[str]:
    """The keys a decoder tries after ``key`` (same order as context_keys)."""
    left, c, right = key.split("|")
    l1, r1 = left[-1:], right[:1]
    order = [f"{left}|{c}|{right}", f"{l1}|{c}|{right}", f"{left}|{c}|{r1}", f"{l1}|{c}|{r1}",
             f"{l1}|{c}|", f"|{c}|{r1}", f"|{c}|"]
    full = [f"{a}|{c}|{b}" for a, b in ((left, right), (l1, right), (left, r1), (l1, r1), (l1, ""), ("", r1), ("", ""))]
    out = []
    seen = False
    for k in full:
        if seen and k != key and k not in out:
            out.append(k)
        if k == key:
            seen = True
    return out if seen else order[1:]


def prune(model: dict[str, list[str]]) -> dict[str, list[str]]:
    """Drop context keys that give what the decoder would give without them."""
    kept: dict[str, list[str]] = {}
    for k in sorted(model, key=lambda k: (len(k), k)):
        top = model[k][0]
        fallback = None
        for n in _chain(k):
            if n in kept:
                fallback = kept[n][0]
                break
        if fallback is None or fallback != top:
            kept[k] = model[k]
    return kept


# -- joint-sequence (graphone) model -------------------------------------------------------
def graphone_seqs(pairs: list[tuple[str, str, int]], logp, merge: bool = True) -> list[tuple[list[str], int]]:
    """Each pair as a graphone sequence ("ar:en" tokens) from its letter alignment.

    With ``merge`` a letter written with nothing joins the unit before it (or the next
    one at the start of a word), so graphones hold one or two Arabic letters ("وا:wa").
    """
    out = []
    for ar, en, w in pairs:
        al = _align(ar, en, logp)
        if al is None:
            continue
        units = [[c, sub] for c, sub in zip(ar, al)]
        if merge:
            res: list[list[str]] = []
            for a, e in units:
                if e == "" and res and len(res[-1][0]) == 1:
                    res[-1][0] += a
                else:
                    res.append([a, e])
            if len(res) > 1 and res[0][1] == "" and len(res[0][0]) == 1 and len(res[1][0]) == 1:
                res[1][0] = res[0][0] + res[1][0]
                res.pop(0)
            units = res
        out.append(([f"{a}:{e}" for a, e in units], w))
    return out


def train_ngram(seqs: list[tuple[list[str], int]], order: int = 4, mincount: int = 2,
                smoothing: str = "wb") -> list[str]:
    """Interpolated Witten-Bell (``wb``) or Kneser-Ney (``kn``) n-gram model over graphone
    sequences, as table lines.

    Each line: n-gram (space-separated tokens), log10-free natural log probability
    (interpolated with the lower orders), back-off weight of the n-gram as a history.
    N-grams above the unigrams seen fewer than ``mincount`` times (unweighted) are pruned.
    """
    cnt = [Counter() for _ in range(order + 1)]
    raw = [Counter() for _ in range(order + 1)]
    for seq, w in seqs:
        s = ["<s>"] + seq + ["</s>"]
        for i in range(1, len(s)):
            for k in range(1, order + 1):
                if i - k + 1 < 0:
                    break
                g = tuple(s[i - k + 1:i + 1])
                cnt[k][g] += w
                raw[k][g] += 1
    disc = [0.0] * (order + 1)
    if smoothing == "kn":
        # Lower orders count distinct left contexts (continuation counts), except
        # n-grams starting a word; one absolute discount per order from count-of-counts.
        use = [Counter() for _ in range(order + 1)]
        use[order] = Counter(cnt[order])
        for k in range(1, order):
            for g in cnt[k + 1]:
                use[k][g[1:]] += 1
            for g, c in cnt[k].items():
                if g[0] == "<s>":
                    use[k][g] = c
        for k in range(1, order + 1):
            n1 = sum(1 for c in use[k].values() if c == 1)
            n2 = sum(1 for c in use[k].values() if c == 2)
            disc[k] = min(0.9, max(0.1, n1 / (n1 + 2 * n2))) if n1 + n2 else 0.5
        cnt = use
    hist_tot: dict[tuple, float] = defaultdict(float)
    hist_typ: dict[tuple, int] = defaultdict(int)
    for k in range(1, order + 1):
        for g, c in cnt[k].items():
            hist_tot[g[:-1]] += c
            hist_typ[g[:-1]] += 1

    def backoff(h: tuple) -> float:
        t, n = hist_typ[h], hist_tot[h]
        if smoothing == "kn":
            return disc[len(h) + 1] * t / n
        return t / (n + t)

    prob: dict[tuple, float] = {}
    total1 = hist_tot[()]
    for g, c in cnt[1].items():
        prob[g] = c / total1
    for k in range(2, order + 1):
        for g, c in cnt[k].items():
            h = g[:-1]
            lower = prob.get(g[1:])
            if lower is None:  # pruned lower order: back off further
                lower = 1e-6
            t, n = hist_typ[h], hist_tot[h]
            if smoothing == "kn":
                prob[g] = max(c - disc[k], 0.0) / n + backoff(h) * lower
            else:
                prob[g] = (c + t * lower) / (n + t)
    lines = [f"order\t{order}"]
    if order > 1:  # the start symbol is a history only
        lines.append(f"<s>\t-99\t{math.log(backoff(('<s>',))):.3f}")
    keep = [g for k in range(1, order + 1) for g in cnt[k] if k == 1 or raw[k][g] >= mincount]
    for g in sorted(keep):
        bow = ""
        if g in hist_tot and len(g) < order:
            bow = f"{math.log(backoff(g)):.3f}"
        lines.append(f"{' '.join(g)}\t{math.log(prob[g]):.3f}\t{bow}")
    return lines


def chars_tsv(model: dict[str, list[str]]) -> str:
    lines = ["# Arabic letter in context (two letters each side, narrower windows as back-off; "
             "^/$ = word edge, | separates left context, letter, right context) -> "
             "English letters, count. Built by scripts/build_kb_translit.py from "
             "google/transliteration ar2en (Apache-2.0) and NETransliteration-COLING2018 "
             "Wikidata name tokens (CC0)."]
    for k in sorted(model):
        lines.append(f"{k}\t{model[k][1]}")
    return "\n".join(lines) + "\n"


_ARABIC_ONLY = re.compile("[عحصضطظق]")
_FRENCH_C = re.compile(r"c(?!h)|eur$")


def _french(ar: str, en: str) -> bool:
    """Is ``en`` a French (Maghreb) transcription of the Arabic word ``ar``: "ch" for ش
    (rachid), "dj" for ج (hadj), c / -eur in an Arabic word (naceur)?"""
    if "ش" in ar and "ch" in en and "sh" not in en and "sch" not in en:  # (German sch)
        return True
    if "ج" in ar and "dj" in en:
        return True
    return bool((_ARABIC_ONLY.search(ar) or (ar.startswith("ال") and len(ar) > 4))
                and _FRENCH_C.search(en))


def usual_form(ar: str, forms: Counter) -> str:
    """The English form the words table gives ``ar``: the most frequent one, unless that is
    a French transcription and an English-style one is at least 30 % as frequent (رشيد:
    rachid 51, rashid 19 → Rashid; English news spells Gulf and Levant names that way;
    the Maghreb's own names keep theirs where the English form is rare: "moncef" 6 beats
    no alternative)."""
    top = forms.most_common()
    en, n = top[0]
    if not _french(ar, en):
        return en
    for alt, k in top[1:]:
        if k < 0.3 * n or k < 2:  # (a single label is no evidence)
            break
        if not _french(ar, alt):
            return alt
    return en


def words_tsv(pairs: dict[str, Counter]) -> bytes:
    lines = ["# normalised Arabic word -> most frequent English form. Sources: google/transliteration "
             "ar2en (Apache-2.0), NETransliteration-COLING2018 Wikidata name tokens (CC0)."]
    for ar in sorted(pairs):
        en, n = pairs[ar].most_common(1)[0]
        if n < 2:
            continue
        lines.append(f"{ar}\t{usual_form(ar, pairs[ar])}")
    return _gz(("\n".join(lines) + "\n").encode("utf-8"))


def _gz(raw: bytes) -> bytes:
    """Deterministic gzip (no timestamp), so --check compares content."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(raw)
    return buf.getvalue()


def _cer(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def evaluate(pairs: dict[str, Counter], reader=None) -> dict[str, float]:
    """Accuracy and CER on the held-out Arabic words (not in either shipped file).

    ``reader(word, arabic)`` reads one normalised word; default: the character model.
    """
    from rasd.kb import translit

    translit.reload()
    reader = reader or translit.char_transliterate
    n = exact = exact_any = 0
    err = tot = 0
    for ar, c in pairs.items():
        if not _held_out(ar):
            continue
        gold, _ = c.most_common(1)[0]
        hyp = reader(ar, False).lower()
        n += 1
        exact += hyp == gold
        exact_any += hyp in c
        err += _cer(hyp, gold)
        tot += len(gold)
    out = {"held_out_words": n, "exact_top": round(exact / n, 4),
           "exact_any_attested": round(exact_any / n, 4), "cer": round(err / tot, 4)}
    # Arabic words (the article, or a letter only Arabic words have): the model's reading
    # as is and with the per-letter fix of rasd.kb.translit (``arabic=True``).
    arab = []
    for ar, c in pairs.items():
        if not _held_out(ar):
            continue
        r = _strip_article(ar, c.most_common(1)[0][0])
        if r is None or not (ar.startswith("ال") or translit._ARABIC_ONLY.search(r[0])):
            continue
        forms = {x[1] for x in (_strip_article(ar, e) for e in c) if x}
        arab.append((r[0], r[1], forms))
    for key, flag in (("arabic_words_plain", False), ("arabic_words_fixed", True)):
        ex = ex_any = err = tot = 0
        for a2, gold, forms in arab:
            hyp = reader(a2, flag)
            ex += hyp == gold
            ex_any += hyp in forms
            err += _cer(hyp, gold)
            tot += len(gold)
        out[key] = {"words": len(arab), "exact_top": round(ex / max(len(arab), 1), 4),
                    "exact_any_attested": round(ex_any / max(len(arab), 1), 4),
                    "cer": round(err / max(tot, 1), 4)}
    return out


# Countries whose one-word GeoNames place names test the Arabic-word rules (place mode) and
# the sub-Saharan ones that test the African-orthography rules of rasd.kb.translit.
_ARAB_CC = "SA IQ SY YE JO LB PS KW QA BH AE OM EG LY TN DZ MA SD".split()
_SSA_CC = ("NG GH SL LR GM KE UG TZ RW BI SS ET ER SO ZA ZM ZW MW NA BW MZ AO CD CG GA CM TD "
           "ML NE BF SN CI GN TG BJ CF GW MG DJ").split()
_EN_ARTICLE = re.compile(r"^(al|el|as|ash|ad|adh|at|ath|ar|az|an|es|ed|er|et|en|ez) ")


def place_pairs(shared: Path) -> tuple[list, list]:
    """One-word Arabic place names of GeoNames with their English names: ``(arab, ssa)``;
    arab items ``(stem, has_article, country, {English stems})`` (article dropped on both
    sides), ssa items ``(word, country, {English names})``. Evaluation only (the names
    are GeoNames', CC BY 4.0; nothing of them is written to the package)."""
    import csv

    def fold(x: str) -> str:
        x = unicodedata.normalize("NFKD", x)
        x = "".join(c for c in x if not unicodedata.combining(c))
        return re.sub(r"[^a-z ]", "", x.lower().replace("-", " ")).strip()

    arab: dict[tuple, set] = {}
    ssa: dict[tuple, set] = {}
    path = shared / "data/geonames/cities5000_arabic_names.tsv"
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            ar = r["arabic_name"].strip().replace("\u200e", "")
            cc = r["country_code"]
            if r["script_hint"] != "arabic" or " " in ar:
                continue
            a, en = normalize(ar), fold(r["asciiname"])
            if cc in _SSA_CC:
                ssa.setdefault((a, cc), set()).add(en.replace(" ", ""))
            if cc not in _ARAB_CC:
                continue
            m = _EN_ARTICLE.match(en)
            rest = en[m.end():] if m else en
            art = a.startswith("ال") and len(a) > 3
            if " " in rest or art != bool(m):
                continue
            arab.setdefault((a[2:] if art else a, art, cc), set()).add(rest)
    return ([(k[0], k[1], k[2], v) for k, v in sorted(arab.items())],
            [(k[0], k[1], v) for k, v in sorted(ssa.items())])


def evaluate_places(shared: Path) -> dict:
    """Exact match and character error rate of rasd.kb.translit on GeoNames place names:
    Arabic-speaking countries read as before (``plain``: dictionary and model, article from
    the word) and in place mode (``transliterate_word(w, country)``); sub-Saharan Africa
    plain and with the African orthography (``transliterate_word(w, False, True)``)."""
    from rasd.kb import translit

    translit.reload()

    def score(items, read):
        n = ex = err = tot = 0
        for word, golds in items:
            hyp = re.sub(r"[^a-z]", "", read(word).lower())
            golds = {g.replace(" ", "") for g in golds}
            best = min(golds, key=lambda g: _cer(hyp, g))
            n += 1
            ex += hyp in golds
            err += _cer(hyp, best)
            tot += len(best)
        return {"names": n, "exact": round(ex / max(n, 1), 4), "cer": round(err / max(tot, 1), 4)}

    def stem(en: str) -> str:
        return en[3:] if en.startswith(("al-", "el-")) else en

    arab, ssa = place_pairs(shared)
    ar_items = [(("ال" if art else "") + w, golds) for w, art, _cc, golds in arab]
    cc_of = {("ال" if art else "") + w: cc for w, art, cc, _g in arab}
    sa_items = [(w, golds) for w, _cc, golds in ssa]
    return {
        "arab_plain": score(ar_items, lambda w: stem(translit.transliterate_word(w))),
        "arab_place": score(ar_items, lambda w: stem(translit.transliterate_word(w, cc_of[w]))),
        "ssa_plain": score(sa_items, translit.transliterate_word),
        "ssa_africa": score(sa_items, lambda w: translit.transliterate_word(w, False, True)),
    }


def _strip_article(ar: str, en: str) -> tuple[str, str] | None:
    """``(stem, English stem)`` of a word with the article ("الشمري", "al-shammari"), the
    pair unchanged without it, ``None`` when the English form has no article."""
    if ar.startswith("ال") and len(ar) > 3:
        for p in ("al-", "el-", "al", "el"):
            if en.startswith(p) and len(en) > len(p) + 1:
                return ar[2:], en[len(p):]
        return None
    return ar, en


def bench(shared: Path, n: int) -> None:
    """Time the transliteration of the names the full pipeline gives ``name_en`` by
    transliteration in the first ``n`` corpus articles, per model, cold caches."""
    import json
    import time

    from rasd.kb import translit
    from rasd.pipeline import Pipeline

    arts = []
    with gzip.open(shared / "corpus/saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            arts.append(json.loads(line))
            if len(arts) >= n:
                break
    from rasd.io import make_doc

    pipe = Pipeline.from_config({"pipeline": {"stages": ["text", "ner", "entities"]}})
    names = []
    for rec in arts:
        try:
            doc = pipe(make_doc({"id": str(rec.get("id", "")), "text": rec.get("text") or ""}))
        except Exception:  # an empty or oversized article: not a name source
            continue
        names += [e.name for e in doc.entities if e.extra.get("name_en_by") == "translit"]
    print(f"{len(names)} transliterated entity names ({len(set(names))} distinct) in {len(arts)} articles")
    for flag in (False, True):
        translit.USE_GRAPHONES = flag
        translit.reload()
        t = time.perf_counter()
        translit._words(), translit._chars(), translit._graphones()
        load = time.perf_counter() - t
        words = {w for nm in names for w in translit._WORD.findall(nm)}
        calls = []
        real = translit.read_word
        translit.read_word = lambda w, a=False: calls.append(w) or real(w, a)
        t = time.perf_counter()
        for nm in names:
            translit.transliterate_name(nm)
        dt = time.perf_counter() - t
        translit.read_word = real
        unk = len(calls)
        print(f"{'graphone' if flag else 'character'} model: load {load * 1000:.0f} ms; "
              f"{len(names)} names in {dt * 1000:.0f} ms ({dt / len(names) * 1000:.3f} ms/name, "
              f"{dt / max(unk, 1) * 1000:.3f} ms per model reading; {unk} readings, {len(words)} distinct words)")
    translit.USE_GRAPHONES = True
    translit.reload()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a built file is stale")
    ap.add_argument("--eval", action="store_true", help="print held-out accuracy and CER")
    ap.add_argument("--eval-places", action="store_true",
                    help="only print accuracy and CER on GeoNames place names (Arabic-speaking "
                         "countries, sub-Saharan Africa)")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--bench", type=int, metavar="N",
                    help="only time transliteration of the names in N corpus articles")
    args = ap.parse_args(argv)
    if not (args.shared / "data").exists():
        print(f"{args.shared} absent: nothing to build", file=sys.stderr)
        return 0
    if args.bench:
        bench(args.shared, args.bench)
        return 0
    if args.eval_places:
        print("place names:", evaluate_places(args.shared))
        return 0
    pairs = load_pairs(args.shared)
    wbytes = words_tsv(pairs)
    train = []
    for ar, c in sorted(pairs.items()):
        if _held_out(ar):
            continue
        en, n = c.most_common(1)[0]
        train.append((ar, en, min(n, 20)))
    logp = em_letters(train)
    ctext = chars_tsv(prune(train_chars(train, logp=logp)))
    cbytes = _gz(ctext.encode("utf-8"))
    # Graphone model: one Arabic letter ↔ 0–3 English letters from the same alignments
    # (merging letters written with nothing into two-letter units was measured worse),
    # every training word counted once, 4-grams, Witten-Bell; see notes/kb_translit.md.
    seqs = [(g, 1) for g, _w in graphone_seqs(train, logp, merge=False)]
    glines = [GRAPH_HEADER] + train_ngram(seqs, order=4, mincount=2)
    gbytes = _gz(("\n".join(glines) + "\n").encode("utf-8"))
    if args.check:
        stale = [p for p, want in ((WORDS, wbytes), (CHARS, cbytes), (GRAPH, gbytes))
                 if not p.exists() or gzip.decompress(p.read_bytes()) != gzip.decompress(want)]
        if stale:
            print("stale: " + ", ".join(p.name for p in stale))
            return 1
        print("translit data up to date")
    else:
        WORDS.write_bytes(wbytes)
        CHARS.write_bytes(cbytes)
        GRAPH.write_bytes(gbytes)
        print(f"wrote {WORDS.name} ({len(wbytes)} bytes), {CHARS.name} ({len(cbytes)} bytes), "
              f"{GRAPH.name} ({len(gbytes)} bytes)")
    if args.eval:
        from rasd.kb import translit

        print("character model:", evaluate(pairs, translit.char_transliterate))
        gm = translit.load_graphones(gbytes)
        print("graphone model:", evaluate(pairs, gm.decode))
    return 0


if __name__ == "__main__":
    sys.exit(main())
