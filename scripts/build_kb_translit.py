#!/usr/bin/env python3
"""Build the Arabic→English name transliteration data of rasd.kb.

Sources (../shared/data): google_transliteration_ar2en (google/transliteration ar2en.txt,
Apache-2.0; 15.9k Arabic→English word pairs) and wikidata_person_name_tokens_en_ar
(NETransliteration-COLING2018, CC0; 65k English→Arabic name-token pairs with counts, read
in reverse).

Writes, under src/rasd/kb/data/:

* ``translit_words.tsv.gz`` -- normalised Arabic word → its most frequent English form;
* ``translit_chars.tsv`` -- a character model: for an Arabic letter in context
  (previous letter, letter, next letter; backing off to the letter alone) the English
  letters it is most often written as. Learnt by hard-EM monotone alignment of the pairs.

10% of the Arabic words (chosen by a hash of the word) are held out of the character
model's training; ``--eval`` prints its exact-match accuracy and character error rate on
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


def train_chars(pairs: list[tuple[str, str, int]], iters: int = 3) -> dict[str, list[str]]:
    """Context → English substrings, most frequent first (hard-EM over the pairs)."""
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


def chars_tsv(model: dict[str, list[str]]) -> str:
    lines = ["# Arabic letter in context (two letters each side, narrower windows as back-off; "
             "^/$ = word edge, | separates left context, letter, right context) -> "
             "English letters, count. Built by scripts/build_kb_translit.py from "
             "google/transliteration ar2en (Apache-2.0) and NETransliteration-COLING2018 "
             "Wikidata name tokens (CC0)."]
    for k in sorted(model):
        lines.append(f"{k}\t{model[k][1]}")
    return "\n".join(lines) + "\n"


def words_tsv(pairs: dict[str, Counter]) -> bytes:
    lines = ["# normalised Arabic word -> most frequent English form. Sources: google/transliteration "
             "ar2en (Apache-2.0), NETransliteration-COLING2018 Wikidata name tokens (CC0)."]
    for ar in sorted(pairs):
        en, n = pairs[ar].most_common(1)[0]
        if n < 2:
            continue
        lines.append(f"{ar}\t{en}")
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


def evaluate(pairs: dict[str, Counter]) -> dict[str, float]:
    """Accuracy and CER on the held-out Arabic words (not in either shipped file)."""
    from rasd.kb import translit

    translit.reload()
    n = exact = exact_any = 0
    err = tot = 0
    for ar, c in pairs.items():
        if not _held_out(ar):
            continue
        gold, _ = c.most_common(1)[0]
        hyp = translit.char_transliterate(ar).lower()
        n += 1
        exact += hyp == gold
        exact_any += hyp in c
        err += _cer(hyp, gold)
        tot += len(gold)
    return {"held_out_words": n, "exact_top": round(exact / n, 4),
            "exact_any_attested": round(exact_any / n, 4), "cer": round(err / tot, 4)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a built file is stale")
    ap.add_argument("--eval", action="store_true", help="print held-out accuracy and CER")
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args(argv)
    if not (args.shared / "data").exists():
        print(f"{args.shared} absent: nothing to build", file=sys.stderr)
        return 0
    pairs = load_pairs(args.shared)
    wbytes = words_tsv(pairs)
    train = []
    for ar, c in sorted(pairs.items()):
        if _held_out(ar):
            continue
        en, n = c.most_common(1)[0]
        train.append((ar, en, min(n, 20)))
    ctext = chars_tsv(prune(train_chars(train)))
    cbytes = _gz(ctext.encode("utf-8"))
    if args.check:
        stale = [p for p, want in ((WORDS, wbytes), (CHARS, cbytes))
                 if not p.exists() or gzip.decompress(p.read_bytes()) != gzip.decompress(want)]
        if stale:
            print("stale: " + ", ".join(str(p.relative_to(REPO)) for p in stale))
            return 1
        print("translit data up to date")
    else:
        WORDS.write_bytes(wbytes)
        CHARS.write_bytes(cbytes)
        print(f"wrote {WORDS.name} ({len(wbytes)} bytes), {CHARS.name}")
    if args.eval:
        print(evaluate(pairs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
