"""Token features for the CRF named-entity tagger.

Tokens are ANERcorp-style whitespace tokens (clitics still attached, punctuation apart).
Features of one word type are computed once and cached (news repeats its words), so a
sentence's feature lists are mostly list concatenation: that is what keeps tagging fast.

Resources (both optional, both shipped under ``rasd/ner/data``):

* ``gazetteer.tsv``: normalised word or phrase → classes (see scripts/build_ner_gazetteer.py)
* ``clusters.tsv``: normalised word → hierarchical cluster path learnt from unlabelled news
  (see scripts/build_ner_clusters.py)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import compress
from pathlib import Path

from rasd.cache import bound
from rasd.text.normalize import normalize
from rasd.text.tokens import clitic_split

# Per-word feature caches are emptied when they reach this many word types (and refill
# with the words in use). A corpus run meets ~10^6 word types: at 500k the pipeline's peak
# was 1.2 GB over the 31k corpus articles, at 100k 0.9 GB (30k: 10 % slower; keeping the
# first 100k and never refilling: 9 % slower). See BENCHMARKS.md.
CACHE_MAX = bound(100_000)  # RASD_CACHE_SCALE scales it (rasd.cache)

DATA = "rasd.ner"

_AR0, _AR1 = "\u0621", "\u06ff"
_NOMAP: dict = {}  # shared empty table (never written to)
_LENS = tuple("len=%d" % i for i in range(9))
_KSTR: dict[str, tuple[str, ...]] = {}  # cluster path → its k0= k1= .. attributes
# Known attribute → its UTF-8 bytes, one shared object each: the per-word caches then hold
# references, not a copy of "s=A", "len=5" .. per word type (bounded by the model's
# attribute count). Equal bytes, so CRFsuite gets exactly the same input.
_KENC: dict[str, bytes] = {}
_PUNCT_SHAPES = {".": "P.", "،": "P,", ",": "P,", "(": "P(", ")": "P)", '"': "Pq", "«": "Pq",
                 "»": "Pq", ":": "P:", "-": "P-", "/": "P/"}


def _shape(w: str) -> str:
    c = w[0]
    if _AR0 <= c <= _AR1:
        return "A"
    if c.isdigit():
        return "D" if w.isdigit() else "Dx"
    if c.isalpha():
        if w.isupper():
            return "LU"
        return "Lc" if c.isupper() else "L"
    return _PUNCT_SHAPES.get(c, "P")


@dataclass
class Resources:
    """Gazetteer and cluster tables the features look words up in."""

    gaz_words: dict[str, str] = field(default_factory=dict)  # word → class letters
    gaz_phrases: dict[str, str] = field(default_factory=dict)  # "w1 w2 .." → class letters
    gaz_first: dict[str, int] = field(default_factory=dict)  # first word → max phrase length
    clusters: dict[str, str] = field(default_factory=dict)  # word → cluster id path
    wstats: dict[str, tuple[str, str]] = field(default_factory=dict)  # word → (al, freq)
    use_gaz: bool = True
    use_clusters: bool = True
    use_kb: bool = False


# Words before a name that say what kind of name follows (titles, kinship, org heads).
# A general hand-written list; the CRF learns how much each class matters.
TRIGGERS = {
    "t": "الرئيس رئيس الملك الامير الأمير الشيخ السيد السيدة الدكتور د المهندس الوزير وزير "
         "الوزيرة وزيرة النائب نائب العقيد اللواء العميد الجنرال الفريق المشير الرائد النقيب "
         "المستشار السفير القاضي الامام الإمام البابا الحاج الأستاذ الاستاذ البروفيسور المدرب "
         "اللاعب لاعب مدرب الحارس المهاجم المدافع النجم الفنان الفنانة المطرب المطربة الكاتب "
         "الشاعر الروائي المخرج الممثل الممثلة الزعيم المرشح زعيم المتحدث الناطق مساعد "
         "المبعوث السلطان ولي الرئيسة المستشارة السناتور الحاكم حاكم عمدة محافظ المحافظ",
    "k": "بن ابن بنت ابو أبو أم ام آل",
    "o": "وزارة جامعة شركة نادي منتخب حزب جمعية مجلس هيئة منظمة مؤسسة وكالة اتحاد الاتحاد "
         "بنك مصرف صحيفة جريدة مجلة قناة تلفزيون إذاعة اذاعة معهد مركز مستشفى مدرسة كلية "
         "حركة جبهة تنظيم جماعة لجنة اللجنة المجلس الحزب الجمعية الهيئة المنظمة محكمة "
         "المحكمة برلمان البرلمان مجموعة رابطة نقابة غرفة صندوق دائرة مديرية",
    "m": "مدينة محافظة ولاية إقليم اقليم منطقة بلدة قرية جزيرة جزر نهر بحر جبل مقاطعة "
         "عاصمة العاصمة شمال جنوب شرق غرب وسط",
    "v": "بطولة كأس دوري مهرجان مؤتمر معرض جائزة سباق أولمبياد اولمبياد مونديال الدورة "
         "دورة موسم",
}
_TRIG: dict[str, str] = {}
for _cls, _words in TRIGGERS.items():
    for _w in _words.split():
        _TRIG[normalize(_w)] = _cls


def _read_tsv(path: Path | object) -> list[list[str]]:
    rows = []
    with path.open(encoding="utf-8") as f:  # type: ignore[attr-defined]
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


_KB_CLASS = {"PER": "p", "ORG": "o", "LOC": "l"}
KB_NAMES_FILE = "kb_names.tsv"  # snapshot of kb_names() beside a model (see load_resources)
_KB_WORD = re.compile(r"[\w\u0600-\u06ff]+")


def write_kb_names(path: str | Path) -> int:
    """Write the live KB's :func:`kb_names` as a snapshot file; returns the row count."""
    rows = kb_names()
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Knowledge-base aliases the NER model was trained with (normalised alias, "
                "class p/o/l).\n# A snapshot, so that KB edits do not change NER features "
                "under a trained model; refresh with: rasd train ner --kb-refresh\n")
        for key, cls in rows:
            f.write(f"{key}\t{cls}\n")
    return len(rows)


def kb_names() -> list[tuple[str, str]]:
    """(normalised alias, class letter) for the Arabic aliases of the KB's actors and places."""
    base = resources.files("rasd.kb").joinpath("data")
    out = []
    for p in sorted(base.iterdir(), key=lambda x: x.name):
        if not p.name.endswith(".tsv"):
            continue
        out.extend(kb_alias_rows(_read_tsv(p)))
    return out


def kb_alias_rows(rows: list[list[str]]) -> list[tuple[str, str]]:
    """(normalised alias, class letter) for KB TSV rows (id, type, English, aliases, ...).

    Aliases the KB itself marks as no name on their own are left out: ``~~`` (a name only
    after a trigger word: الدولة after تنظيم) and ``@requires`` (a name only where another
    entry or a context word is present: قنا is the news agency after وكالة, elsewhere the
    Egyptian city Qena; الفاو is the FAO only after منظمة, elsewhere the Iraqi town). The
    requirement text itself never becomes part of a key.
    """
    out = []
    for row in rows:
        if len(row) < 4 or row[1] not in _KB_CLASS:
            continue
        for alias in row[3].split("|"):
            if alias.startswith("~~") or "@" in alias:
                continue
            key = " ".join(_KB_WORD.findall(normalize(alias.lstrip("~^"))))
            if key:
                out.append((key, _KB_CLASS[row[1]]))
    return out


def geo_names() -> list[tuple[str, str]]:
    """(normalised name, class letter) from the geo stage's gazetteer: g place, n nationality."""
    import gzip

    base = resources.files("rasd.geo").joinpath("data")
    out = []
    for fname, cls in (("names.tsv.gz", "g"), ("nationality.tsv.gz", "n")):
        p = base.joinpath(fname)
        if not p.is_file():
            continue
        with gzip.open(p, "rt", encoding="utf-8") as f:  # type: ignore[arg-type]
            for line in f:
                row = line.rstrip("\n").split("\t")
                if line.startswith("#") or len(row) < 2 or (cls == "g" and row[1] != "strong"):
                    continue
                key = " ".join(_KB_WORD.findall(normalize(row[0])))
                if key:
                    out.append((key, cls))
    return out


def _add_gaz(res: "Resources", key: str, cls: str) -> None:
    if " " in key:
        old = res.gaz_phrases.get(key, "")
        res.gaz_phrases[key] = old + "".join(c for c in cls if c not in old)
        first, n = key.split(" ", 1)[0], key.count(" ") + 1
        if n > res.gaz_first.get(first, 0):
            res.gaz_first[first] = n
    else:
        old = res.gaz_words.get(key, "")
        res.gaz_words[key] = old + "".join(c for c in cls if c not in old)


def load_resources(data_dir: str | Path | None = None, use_gaz: bool = True,
                   use_clusters: bool = True, use_kb: bool = False,
                   use_geo: bool = False) -> Resources:
    """Read gazetteer and clusters from ``data_dir`` (default: the shipped package data).

    With ``use_kb``, the knowledge base's Arabic aliases join the gazetteer under their
    own class letters (p person, o organisation, l place); with ``use_geo``, the geo
    stage's strong place names (g) and nationality forms (n).
    """
    base = Path(data_dir) if data_dir else resources.files(DATA).joinpath("data")
    res = Resources(use_gaz=use_gaz, use_clusters=use_clusters, use_kb=use_kb)
    gp = base.joinpath("gazetteer.tsv")
    if use_gaz and gp.is_file():
        for row in _read_tsv(gp):
            _add_gaz(res, row[0], row[1])
    if use_gaz and use_kb:
        # The snapshot the model was trained with, when it travels with the model: KB
        # edits must not change the features under a trained model (retrain to take them).
        kp = base.joinpath(KB_NAMES_FILE)
        rows = [(r[0], r[1]) for r in _read_tsv(kp) if len(r) >= 2] if kp.is_file() else kb_names()
        for key, cls in rows:
            _add_gaz(res, key, cls)
    if use_gaz and use_geo:
        for key, cls in geo_names():
            _add_gaz(res, key, cls)
    cp = base.joinpath("clusters.tsv")
    if use_clusters and cp.is_file():
        for row in _read_tsv(cp):
            res.clusters[row[0]] = row[1]
            if len(row) >= 4:
                res.wstats[row[0]] = (row[2], row[3])
    return res


class Featurizer:
    """Turns a sentence (list of whitespace tokens) into CRFsuite feature lists."""

    def __init__(self, res: Resources | None = None, window: int = 2, doc_context: bool = False,
                 ngrams: bool = False, triggers: bool = False) -> None:
        self.res = res or Resources(use_gaz=False, use_clusters=False)
        self.triggers = triggers
        self.window = window
        self.doc_context = doc_context
        self.ngrams = ngrams
        self._cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._icache: dict[str, tuple] = {}
        self._offsets: list[int] = []
        self._built_window: int | None = None
        self._padl: list[list[str]] = []
        self._padr: list[list[str]] = []
        self._prefixes: list[tuple[str, ...]] = []
        # Attribute names the loaded model has weights for (set by NerModel; None while
        # training). CRFsuite ignores any other attribute, so dropping them leaves scores
        # and marginals exactly as they were and saves building and passing them.
        self.known: set[str] | None = None
        self._kvals: dict[str, set[str]] | None = None
        self._bgl: dict[str, dict[str, str]] = {}
        self._bgr: dict[str, dict[str, str]] = {}
        self._two: set[str] | None = None
        # neighbour-feature tuples shared by word types that give neighbours the same
        # known attributes (filtered tagging only), and the per-offset known value sets
        self._ctxcache: dict[tuple, tuple] = {}
        self._ksets: list[tuple[set[str], ...]] = []
        self._wvals: set[str] = set()
        # Emit attributes as UTF-8 bytes (set by NerModel for tagging): python-crfsuite
        # encodes every str attribute on every call, bytes go through as they are. The
        # cached per-word parts are encoded once, so CRFsuite gets the same attribute
        # strings at less cost. Off for training and for callers that read the features.
        self.as_bytes = False

    # -- one word type ----------------------------------------------------------------
    def _word(self, w: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        hit = self._cache.get(w)
        if hit is not None:
            return hit
        n = normalize(w) or w
        shape = _shape(w)
        host = n
        clit = ""
        if shape == "A" and len(w) >= 3:
            parts = clitic_split(w)
            if parts:
                cut = sum(parts)
                host = normalize(w[cut:]) or n
                clit = normalize(w[:cut])
        bare = host[2:] if host.startswith("ال") and len(host) > 4 else host
        f = ["b", "w=" + n, "s=" + shape]
        if host != n:
            f.append("h=" + host)
            f.append("c=" + clit)
        if bare != host:
            f.append("al")
        f.append("x=" + bare)
        if shape == "A":
            L = len(bare)
            f.append(_LENS[min(L, 8)])
            # p1 f1 p2 f2 p3 f3, as far as the word is long enough
            if L > 1:
                f += ("p1=" + bare[:1], "f1=" + bare[-1:])
                if L > 2:
                    f += ("p2=" + bare[:2], "f2=" + bare[-2:])
                    if L > 3:
                        f += ("p3=" + bare[:3], "f3=" + bare[-3:])
            if self.ngrams and L > 4:
                # inner letter trigrams: foreign names have tell-tale letter sequences
                f.extend({"t3=" + bare[i:i + 3] for i in range(1, L - 3)})
        elif shape in ("L", "Lc", "LU"):
            f.append("lw=" + w.lower())
        res = self.res
        gz = ""
        if res.use_gaz:
            gz = res.gaz_words.get(host) or res.gaz_words.get(bare) or ""
            if not gz and host != n:
                gz = res.gaz_words.get(n, "")
            for c in gz:
                f.append("g=" + c)
        cl = ""
        if res.use_clusters:
            cl = res.clusters.get(n) or res.clusters.get(host) or res.clusters.get(bare) or ""
            st = res.wstats.get(n) or res.wstats.get(host)
            if st:
                f.append("alr=" + st[0])
                f.append("fq=" + st[1])
            if cl:
                ks = _KSTR.get(cl)
                if ks is None:
                    parts_ = cl.split(".")
                    ks = tuple("k%d=%s" % (i, ".".join(parts_[: i + 1]))
                               for i in range(len(parts_)))
                    if len(_KSTR) < 100_000:
                        _KSTR[cl] = ks
                f += ks
            else:
                f.append("k=none")
        trig = (_TRIG.get(host) or _TRIG.get(n) or "") if self.triggers else ""
        if trig:
            f.append("tg=" + trig)
        # What neighbours see of this word: compact, so context features stay few.
        ctx = (n, bare, shape, gz, cl.split(".", 1)[0] if cl else "", cl, trig)
        # Tuples of strings, not lists: the cyclic garbage collector stops tracking them, so
        # a large cache does not make every collection slower.
        out = (tuple(f), ctx)
        # With a loaded model (``known`` set) only _info calls this, and its own cache
        # keeps what is needed: keeping this one too would hold every word type twice.
        if self.known is None:
            if len(self._cache) >= CACHE_MAX:  # bounds memory on long runs; cheap to rebuild
                self._cache.clear()
            self._cache[w] = out
        return out

    # -- a sentence ----------------------------------------------------------------------
    def _phrases(self, norms: list[str], hosts: list[str],
                 starts: list[bool] | None = None) -> list[list[str]]:
        """Longest-match multiword gazetteer hits as B/I features.

        ``starts`` (optional): whether each token can begin a phrase at all (a shortcut).
        """
        res = self.res
        n = len(norms)
        # () where no phrase covers the token (most tokens): no list per token
        out: list = [()] * n
        if not res.use_gaz or not res.gaz_phrases:
            return out
        two = self._two  # first two words of every phrase (None: not built)
        nxt = 0  # first token after the last hit
        for i in (range(n) if starts is None else compress(range(n), starts)):
            if i < nxt:
                continue
            best = 0
            cls = ""
            for first in (norms[i], hosts[i]):
                m = res.gaz_first.get(first)
                if not m:
                    continue
                if two is not None and (i + 1 >= n or first + " " + norms[i + 1] not in two):
                    continue  # no phrase starts with these two words: no L can match
                for L in range(min(m, n - i), 1, -1):
                    key = " ".join([first] + norms[i + 1:i + L])
                    c = res.gaz_phrases.get(key)
                    if c and L > best:
                        best, cls = L, c
                        break
            if best:
                out[i] = ["gp=B" + c for c in cls]
                for j in range(i + 1, i + best):
                    out[j] = ["gp=I" + c for c in cls]
                nxt = i + best
        return out

    def set_known(self, attrs: set[str] | None) -> None:
        """Keep only these attribute names (those the model has weights for) in the output."""
        self.known = attrs
        self._built_window = None  # rebuild pads and the per-word lists
        self._icache.clear()
        # Indexes of the known attributes, so the per-word parts can be looked up instead
        # of formatted and tested: the values known after each "name=" prefix, and the
        # known bigrams by the word they belong to (every "|" split of the name, so a
        # word that contains "|" is still looked up exactly).
        self._kvals: dict[str, set[str]] | None = None
        self._bgl: dict[str, dict[str, str]] = {}
        self._bgr: dict[str, dict[str, str]] = {}
        self._two = None
        if attrs is None:
            return
        # With a loaded model the resources are fixed: the first two words of each
        # multiword gazetteer entry let _phrases skip most candidate starts.
        self._two = {" ".join(k.split(" ")[:2]) for k in self.res.gaz_phrases}
        kv: dict[str, set[str]] = {}
        for a in attrs:
            head, eq, val = a.partition("=")
            if eq:
                kv.setdefault(head + "=", set()).add(val)
        self._kvals = kv
        for pre, index, mine in (("bg-=", self._bgl, 1), ("bg+=", self._bgr, 0)):
            for v in kv.get(pre, ()):
                for cut in [i for i, ch in enumerate(v) if ch == "|"]:
                    left, right = v[:cut], v[cut + 1:]
                    # bg-=prev|word: keyed by word, then prev; bg+=word|next: by word, then next
                    own, other = (right, left) if mine else (left, right)
                    index.setdefault(own, {})[other] = pre + v

    def set_bytes(self, on: bool) -> None:
        """Emit attributes as UTF-8 ``bytes`` (for python-crfsuite) instead of ``str``."""
        self.as_bytes = bool(on)
        self._built_window = None
        self._icache.clear()

    def _ctx_lists(self, c: tuple[str, ...]) -> tuple[tuple[list[str], list[str], list[str]], ...]:
        """What a word with context tuple ``c`` adds to a neighbour at each window offset.

        Per offset: (features before the neighbour's phrase features, after them, both);
        built once per word type so a sentence is list concatenation, not formatting.
        """
        out = []
        known = self.known
        kv = self._kvals
        if kv is not None:
            # Only the known ones are formatted (same strings, same order as below).
            for d, (pw, ps, pg, pk, pt), (sw, ss, sg, sk, st) in zip(
                    self._offsets, self._prefixes, self._ksets):
                pre = [pw + c[1]] if c[1] in sw else []
                if d == 1 or d == -1:
                    if c[2] in ss:
                        pre.append(ps + c[2])
                    if c[3]:
                        for g in c[3]:
                            if g in sg:
                                pre.append(pg + g)
                    if c[5] and c[5] in sk:
                        pre.append(pk + c[5])
                elif c[4] and c[4] in sk:
                    pre.append(pk + c[4])
                post = [pt + c[6]] if c[6] and c[6] in st else []
                if self.as_bytes:
                    pre = [_KENC.get(x) or _KENC.setdefault(x, x.encode()) for x in pre]
                    post = [_KENC.get(x) or _KENC.setdefault(x, x.encode()) for x in post]
                out.append((tuple(pre), tuple(post), tuple(pre + post)))
            return tuple(out)
        for d, (pw, ps, pg, pk, pt) in zip(self._offsets, self._prefixes):
            pre = [pw + c[1]]
            if d == 1 or d == -1:
                pre.append(ps + c[2])
                if c[3]:
                    for g in c[3]:
                        pre.append(pg + g)
                if c[5]:
                    pre.append(pk + c[5])
            elif c[4]:
                pre.append(pk + c[4])
            post = [pt + c[6]] if c[6] else []
            if known is not None:
                pre = [x for x in pre if x in known]
                post = [x for x in post if x in known]
            if self.as_bytes:
                pre = [x.encode() for x in pre]
                post = [x.encode() for x in post]
            out.append((tuple(pre), tuple(post), tuple(pre + post)))
        return tuple(out)

    def _info(self, w: str) -> tuple:
        """Everything about one word type that does not depend on its sentence, cached.

        Fields: 0 own attributes, 1 context tuple (see ``_word``), 2 what it gives each
        neighbour offset (``_ctx_lists``), 3 whether it counts for document context,
        4 whether it carries ال, 5 whether a multiword gazetteer entry can start with it,
        6/7 known ``bg-``/``bg+`` attributes by the word before/after (filtered tagging
        only), 8 field 2's combined tuples per offset, 9 bare form, 10 normalised form
        (8–10 as columns for ``zip(*infos)``).
        """
        hit = self._icache.get(w)
        if hit is not None:
            return hit
        f, ctx = self._word(w)
        known = self.known
        enc = self.as_bytes
        if known is not None:
            f = tuple([_KENC.get(x) or _KENC.setdefault(x, x.encode()) for x in f if x in known]
                      if enc
                      else [x for x in f if x in known])
        elif enc:
            f = tuple([x.encode() for x in f])
        b = ctx[1]
        bgl = bgr = _NOMAP
        if known is not None:
            m = self._bgl.get(b)
            if m:
                bgl = {k: (v.encode() if enc else v,) for k, v in m.items()}
            m = self._bgr.get(b)
            if m:
                bgr = {k: (v.encode() if enc else v,) for k, v in m.items()}
            # What neighbours get depends on ctx[1:] only, and on the bare form only where
            # some w±d= attribute with it is known: rare words share one cached tuple.
            ck = (b if b in self._wvals else None,) + ctx[2:]
            hit = self._ctxcache.get(ck)
            if hit is None:
                if len(self._ctxcache) >= CACHE_MAX:
                    self._ctxcache.clear()
                cl = self._ctx_lists(ctx)
                hit = self._ctxcache[ck] = (cl, tuple(x[2] for x in cl))
            cl, both = hit
        else:
            cl = self._ctx_lists(ctx)
            both = tuple(x[2] for x in cl)
        out = (f, ctx, cl, ctx[2] == "A" and len(b) >= 3, ctx[0].endswith("ال" + b),
               bool(self.res.gaz_first.get(ctx[0]) or self.res.gaz_first.get(b)), bgl, bgr,
               both, b, ctx[0])
        if len(self._icache) >= CACHE_MAX:  # same bound as the word cache
            self._icache.clear()
        self._icache[w] = out
        return out

    def sentence(self, words: list[str]) -> list[list[str]]:
        """Feature lists for each token of one sentence."""
        if self._built_window != self.window:
            self._build_pads()
        return self._sentence([self._info(w) for w in words])

    def _sentence(self, infos: list[tuple], tails: list[tuple] | None = None,
                  F: list[tuple] | None = None) -> list[list[str]]:
        # Same features, in the same order, as formatting each neighbour feature per token
        # (bench/ner_identity.py checks this against the earlier code); the neighbour parts
        # come from the per-word tuples of _ctx_lists. ``tails``: per token, what goes last
        # (the document-context features); ``F``: the infos as columns, if made already.
        n = len(infos)
        if not n:
            return []
        if F is None:
            F = list(zip(*infos))  # the info fields as columns, in one pass
        bares = list(F[9])
        phrase = self._phrases(list(F[10]), bares, F[5])
        any_phrase = any(phrase)
        known = self.known
        enc = self.as_bytes
        offs = self._offsets
        padl, padr = self._padl, self._padr
        # cols[k][i]: what token i gets from its neighbour at offset offs[k] (a pad at the
        # edges), so each token's list is one concatenation.
        cols = []
        fulls = list(zip(*F[8]))
        for k, d in enumerate(offs):
            full = fulls[k]
            if d < 0:
                m = min(-d, n)
                col = [padl[k]] * m + list(full[: n - m])
            else:
                m = min(d, n)
                col = list(full[m:]) + [padr[k]] * m
            if any_phrase and (d == 1 or d == -1):
                for j in range(n):
                    i = j - d
                    if not phrase[j] or not 0 <= i < n:
                        continue
                    cl = infos[j][2][k]
                    pf = ["p%+d%s" % (d, p) for p in phrase[j] if p[3] == "B"]
                    if known is not None:
                        pf = [x for x in pf if x in known]
                    if enc:
                        pf = [x.encode() for x in pf]
                    col[i] = cl[0] + tuple(pf) + cl[1]
            cols.append(col)
        own = F[0]
        if any_phrase:
            own = [o + tuple(x.encode() if enc else x for x in p if known is None or x in known)
                   if p else o for o, p in zip(own, phrase)]
        prev = ["<S>"] + bares[:-1]
        nxt = bares[1:] + ["</S>"]
        if known is not None:
            # the known "bg-=prev|word" / "bg+=word|next" from the word's own tables
            bgm = [x[6].get(a, ()) for a, x in zip(prev, infos)]
            bgp = [x[7].get(c, ()) for c, x in zip(nxt, infos)]
        else:
            bgm = ["bg-=" + a + "|" + b for a, b in zip(prev, bares)]
            bgp = ["bg+=" + b + "|" + c for b, c in zip(bares, nxt)]
            if enc:
                bgm = [(x.encode(),) for x in bgm]
                bgp = [(x.encode(),) for x in bgp]
            else:
                bgm = [(x,) for x in bgm]
                bgp = [(x,) for x in bgp]
        if len(cols) == 4:
            c0, c1, c2, c3 = cols
            if tails is not None:
                return [[*o, *a, *b, *c, *e, *g, *h, *t]
                        for o, a, b, c, e, g, h, t in zip(own, c0, c1, c2, c3, bgm, bgp, tails)]
            return [[*o, *a, *b, *c, *e, *g, *h]
                    for o, a, b, c, e, g, h in zip(own, c0, c1, c2, c3, bgm, bgp)]
        feats: list[list[str]] = []
        for i in range(n):
            f = list(own[i])
            for col in cols:
                f += col[i]
            f += bgm[i]
            f += bgp[i]
            if tails is not None:
                f += tails[i]
            feats.append(f)
        return feats

    def _build_pads(self) -> None:
        self._offsets = [d for d in range(-self.window, self.window + 1) if d != 0]
        self._prefixes = [tuple(p % d for p in ("w%+d=", "s%+d=", "g%+d=", "k%+d=", "tg%+d="))
                          for d in self._offsets]
        self._ctxcache = {}
        kv = self._kvals
        if kv is not None:
            none: set[str] = set()
            self._ksets = [tuple(kv.get(p, none) for p in ps) for ps in self._prefixes]
            self._wvals = set().union(*(ks[0] for ks in self._ksets))
        pad = ("<S>", "<S>", "B", "", "", "", "")
        padr = ("</S>", "</S>", "E", "", "", "", "")
        self._padl = [x[2] for x in self._ctx_lists(pad)]
        self._padr = [x[2] for x in self._ctx_lists(padr)]
        self._built_window = self.window
        self._icache.clear()

    def document(self, sents: list[list[str]]) -> list[list[list[str]]]:
        """Feature lists for several sentences of one document.

        With ``doc_context``, each word also gets what the other occurrences of the same
        word in the document say (context aggregation, Ratinov & Roth 2009): the words
        next to them, how often it occurs, and whether it also occurs with the article.
        """
        if self._built_window != self.window:
            self._build_pads()
        info = self._info
        hit = self._icache.get  # cached word types without a method call
        allinfos = [[hit(w) or info(w) for w in ws] for ws in sents]
        if not self.doc_context:
            return [self._sentence(x) for x in allinfos]
        left: dict[str, set[str]] = {}
        right: dict[str, set[str]] = {}
        count: dict[str, int] = {}
        with_al: set[str] = set()
        cols = [list(zip(*xs)) for xs in allinfos]  # per sentence, the info fields as columns
        for F in cols:
            if not F:
                continue
            bs, als = F[9], F[4]
            n = len(bs)
            for i in compress(range(n), F[3]):  # the words that count for document context
                b = bs[i]
                k = count.get(b)
                if k is None:
                    count[b] = 1
                    ls = left[b] = set()
                    rs = right[b] = set()
                else:
                    count[b] = k + 1
                    ls = left[b]
                    rs = right[b]
                if als[i]:
                    with_al.add(b)
                if len(ls) < 8:
                    ls.add(bs[i - 1] if i > 0 else "<S>")
                if len(rs) < 8:
                    rs.add(bs[i + 1] if i + 1 < n else "</S>")
        # The features a word gets from its document depend only on its bare form: build
        # them once per form.
        ext: dict[str, tuple[str, ...]] = {}
        dal = self.known is None or "dal" in self.known
        kv = self._kvals
        if kv is not None:
            # Filtered: test the neighbour words against the known dl=/dr= values before
            # formatting (same attributes, same order: filtering keeps the sorted order).
            enc = self.as_bytes
            none: set[str] = set()
            dlk, drk = kv.get("dl=", none), kv.get("dr=", none)
            dfs = {}
            known = self.known or set()
            for q in (1, 2, 4):
                a = "df=%d" % q
                dfs[q] = ((a.encode() if enc else a),) if a in known else ()
            for b, k in count.items():
                if k == 1:
                    ext[b] = dfs[1]
                    continue
                e = list(dfs[2 if k <= 3 else 4])
                for pre, vals, ws in (("dl=", dlk, left[b]), ("dr=", drk, right[b])):
                    ws = [x for x in ws if x in vals]
                    if ws:
                        ws.sort()
                        e.extend([(pre + x).encode() if enc else pre + x for x in ws])
                ext[b] = tuple(e)
        else:
            for b, k in count.items():
                e = ["df=%d" % (1 if k == 1 else 2 if k <= 3 else 4)]
                if k > 1:
                    e.extend("dl=" + x for x in sorted(left[b]))
                    e.extend("dr=" + x for x in sorted(right[b]))
                ext[b] = tuple(x.encode() for x in e) if self.as_bytes else tuple(e)
        dal_attr = b"dal" if self.as_bytes else "dal"
        # A word without ال whose bare form also occurs with ال here gets "dal" after them.
        ext_noal = dict(ext)
        if dal:
            for b in with_al:
                if b in ext_noal:
                    ext_noal[b] = ext_noal[b] + (dal_attr,)
        return [self._sentence(xs, [(ext if a else ext_noal).get(b, ()) for a, b in zip(F[4], F[9])]
                               if F else None, F)
                for xs, F in zip(allinfos, cols)]


@lru_cache(maxsize=1)
def shipped_resources() -> Resources:
    """The shipped gazetteer and clusters (cached)."""
    return load_resources()


def stack_features(fz: Featurizer, sents: list[list[str]], feats: list[list[list[str]]],
                   first: list[list[str]]) -> None:
    """Add second-pass features to ``feats`` (in place) from first-pass tags ``first``.

    Stacking for document consistency (Krishnan & Manning 2006): each token learns its own
    first-pass tag, the type the first pass gave most often to the same word elsewhere in
    the document and how often it called that word a name, and whether it starts or
    continues a word sequence that the first pass tagged as a name somewhere in the document.
    """
    ctxs = [[fz._word(w)[1][1] for w in ws] for ws in sents]
    votes: dict[str, dict[str, int]] = {}
    spans: dict[tuple[str, ...], dict[str, int]] = {}
    longest: dict[str, int] = {}
    for bares, tags in zip(ctxs, first):
        n = len(tags)
        i = 0
        for b, t in zip(bares, tags):
            v = votes.setdefault(b, {})
            ty = t[2:] if t != "O" else "O"
            v[ty] = v.get(ty, 0) + 1
        while i < n:
            if tags[i] == "O":
                i += 1
                continue
            ty = tags[i][2:]
            j = i + 1
            while j < n and tags[j] == "I-" + ty:
                j += 1
            key = tuple(bares[i:j])
            d = spans.setdefault(key, {})
            d[ty] = d.get(ty, 0) + 1
            if j - i > longest.get(key[0], 0):
                longest[key[0]] = j - i
            i = j
    for bares, tags, fs in zip(ctxs, first, feats):
        n = len(tags)
        hit = [""] * n
        i = 0
        while i < n:
            m = longest.get(bares[i], 0)
            done = False
            for L in range(min(m, n - i), 0, -1):
                d = spans.get(tuple(bares[i:i + L]))
                if d:
                    ty = max(sorted(d), key=d.get)
                    hit[i] = "B" + ty
                    for j in range(i + 1, i + L):
                        hit[j] = "I" + ty
                    i += L
                    done = True
                    break
            if not done:
                i += 1
        for k, (b, t, f) in enumerate(zip(bares, tags, fs)):
            f.append("y1=" + t)
            v = votes.get(b, {})
            tot = sum(v.values())
            ent = tot - v.get("O", 0)
            if ent:
                ty = max(sorted(x for x in v if x != "O"), key=v.get)
                f.append("ym=" + ty)
                f.append("yf=%d" % (4 * ent // tot))
            if hit[k]:
                f.append("ye=" + hit[k])
