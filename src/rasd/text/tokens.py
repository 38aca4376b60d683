"""Tokenisation with character offsets and detachable clitics.

* Arabic words, Latin words, numbers (``2.5``, ``1,000``) and single punctuation marks are
  tokens; letters glued to digits are split (``العام2023`` → ``العام`` ``2023``).
* Proclitics are split off as their own tokens (``clitic=True``): the conjunctions و ف,
  the prepositions ب ك ل, and ل of ``لل`` (``للأمم`` → ``ل`` + ``لأمم``). The article ال
  stays with its word.
* A bare و/ف/ب/ك/ل is split only where the rest of the word is more frequent than the
  whole word (wordfreq), so ``وقال`` → ``و`` ``قال`` but ``وزير`` stays whole; ك (rarely
  a clitic before a bare noun) needs a rest far more frequent (كمين "ambush" stays whole).
  Not where the spelling as written tells the whole apart (``وادي`` "valley" vs و + أدى,
  written وأدى), nor where the whole is a frequent word + pronoun suffix (``كلها`` = كل +
  ها). A whole missing from the frequency list splits where its rest is a known word or a
  known word + pronoun suffix (``وتنميته`` → و + تنميته). Tuning and measurements:
  notes/text.md.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rasd.cache import TwoGen, bound
from rasd.doc import Token
from rasd.text.normalize import normalize, strip_marks

_AR = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc"
_MARKS = "\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_DIG = "0-9\u0660-\u0669\u06f0-\u06f9"
TOKEN_RE = re.compile(
    rf"[{_AR}][{_AR}{_MARKS}]*"  # Arabic word (with diacritics, tatweel, ZWJ/ZWNJ inside)
    rf"|[{_DIG}]+(?:[.,\u066b\u066c][{_DIG}]+)*"  # number, with decimal/thousands marks
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"  # other letters (Latin etc.), with apostrophes
    r"|[^\s]",  # any other single non-space character
)

_ARTICLE_EXCEPTIONS = frozenset(
    normalize(w) for w in (
        "والدة والده والدي والدها والدته والدتي والدتها والدين والدان والديه والدين "
        "بالغة بالغين بالغ فالح كالح والي والت والتر والس".split()
    )
)


def _read_zipf(name: str) -> dict[str, int]:
    """A shipped ``word<TAB>Zipf×100`` table of ``rasd.text/data``."""
    freqs: dict[str, int] = {}
    path = resources.files("rasd.text").joinpath(f"data/{name}")
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w, _, z = line.rstrip("\n").partition("\t")
            freqs[w] = int(z)
    return freqs


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, int]:
    """Normalised Arabic word → Zipf frequency × 100 (shipped data file)."""
    return _read_zipf("wordfreq_ar.tsv")


@lru_cache(maxsize=1)
def _spelling_frequencies() -> dict[str, int]:
    """Written form → Zipf × 100 where it differs from its normalised form's entry."""
    return _read_zipf("wordfreq_ar_raw.tsv")


def spelling_matters(r: str) -> bool:
    """True for the written forms whose exact spelling the clitic rule looks up: those
    beginning with ا (or a clitic letter + ا) or ending in ي/ى/ة."""
    return r[:1] == "ا" or r[-1:] in "يىة" or (r[:1] in "وفبكل" and r[1:2] == "ا")


def spelled_frequency(word: str) -> int:
    """Zipf × 100 of ``word`` as written (marks removed; hamza, ى, ة kept).

    Exact for the forms where `spelling_matters`: the data lists every such spelling that
    normalising changes and every normalised form that is not the best spelling of itself,
    so a changed spelling missing there is rare (0) and an unchanged one is the best
    spelling (its normalised form's frequency). Other words get their normalised form's
    frequency."""
    r = strip_marks(word)
    z = _spelling_frequencies().get(r)
    if z is None:
        n = normalize(r)
        if spelling_matters(r) and n != r:
            return 0
        z = word_frequencies().get(n, 0)
    return z


@lru_cache(maxsize=1)
def protected_words() -> frozenset[str]:
    """Normalised names that begin like a clitic but must stay whole (فيصل، بسام، وليد)."""
    path = resources.files("rasd.text").joinpath("data/protected_words.txt")
    with path.open(encoding="utf-8") as f:
        return frozenset(ln.strip() for ln in f if ln.strip() and not ln.startswith("#"))


# Bounded (rasd.cache): a corpus run meets ~10^6 word types; 50k recent ones keep the hit
# rate high at a fraction of the memory.
@lru_cache(maxsize=bound(50_000))
def clitic_split(word: str) -> tuple[int, ...]:
    """Lengths of the proclitics at the start of ``word`` (original form), e.g. (1, 1).

    ``sum`` of the result is where the host word starts. Decided on the normalised form
    and, for the frequency test, the spelling (hamza, ى, ة); diacritics inside the word are
    allowed for (lengths are in original characters).
    """
    n = normalize(word)
    if len(n) < 3 or len(n) != len(word):
        if len(n) != len(word):
            return _split_with_marks(word)
        return ()
    return _split_norm(n, None, word)


def _split_norm_unprotected(n: str) -> tuple[int, ...]:
    """The split the rules give without the protected-names list (for the build script)."""
    return _split_norm(n, frozenset())


def _split_norm(n: str, protected: frozenset[str] | None = None,
                raw: str | None = None) -> tuple[int, ...]:
    # n: normalised word; raw: the same word as written, marks removed (same length as n).
    out: list[int] = []
    i = 0
    if raw is not None and len(raw) != len(n):
        raw = None
    if protected is None:
        protected = protected_words()
    if n in _ARTICLE_EXCEPTIONS or n in protected:
        return ()
    # Conjunction.
    if n[0] in "وف" and len(n) >= 4:
        rest = n[1:]
        if (_starts_article(rest) or _prep_article(rest) or rest in protected
                or _clitic_reading(rest, n, raw and raw[1:], raw)):
            out.append(1)
            i = 1
    rest = n[i:]
    # Preposition + article: بال، كال، and لل (ل + article with elided alef).
    if len(rest) >= 5 and rest[0] in "بك" and rest[1:3] == "ال" and rest not in _ARTICLE_EXCEPTIONS:
        out.append(1)
    elif len(rest) >= 4 and rest.startswith("لل"):
        out.append(1)
    elif (len(rest) >= 4 and rest[0] in "بكل" and not rest.startswith("ال")
          and rest not in protected
          and _clitic_reading(rest[1:], rest, raw and raw[i + 1:], raw and raw[i:])):
        out.append(1)
    return tuple(out)


def _starts_article(s: str) -> bool:
    return len(s) >= 4 and s.startswith("ال") and s not in _ARTICLE_EXCEPTIONS


def _prep_article(s: str) -> bool:
    return len(s) >= 5 and ((s[0] in "بك" and s[1:3] == "ال") or s.startswith("لل"))


# Tuning knobs (Zipf × 100), see notes/text.md.
MIN_REST = 250
SUFFIX_BASE = 300
SUFFIX_MARGIN = 50
OOV_REST = 200
MARGIN = {"و": 0, "ف": 0, "ب": 0, "ك": 90, "ل": 0}
# Pronoun suffixes (normalised; ه only where the spelling shows it is not ة).
_SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "نا", "ه")


def _known_with_suffix(rest: str, f: dict[str, int]) -> bool:
    for suf in _SUFFIXES:
        if len(rest) - len(suf) >= 3 and rest.endswith(suf):
            base = rest[:-len(suf)]
            if f.get(base, 0) >= MIN_REST:
                return True
            # ة is written ت before a suffix: تنميته → تنمية.
            return base[-1] == "ت" and f.get(base[:-1] + "ه", 0) >= MIN_REST
    return False


def _clitic_reading(rest: str, whole: str, rest_raw: str | None, whole_raw: str | None) -> bool:
    """True where ``whole`` reads better as clitic + ``rest`` than as one word.

    ``rest``/``whole`` are normalised, ``*_raw`` the same as written (None: unknown). The
    rest must be more frequent than the whole (normalised forms, so a text without hamza
    is judged like one with it), and also as written where the whole is written in its
    usual spelling (وادي "valley": the frequent rest is أدى "led to", spelled otherwise,
    while ادي as written is rarer than وادي; و + أدى is written وأدى)."""
    if len(rest) < 2:
        return False
    f = word_frequencies()
    fr = f.get(rest, 0)
    fw = f.get(whole, 0)
    if not fw and whole[0] != "ك" and len(rest) >= 3:
        # The whole is no word of the list: a known rest (ومطاردتهم، وأجياد), or a rest
        # that is a known word + pronoun suffix (وتنميته: تنمية + ه), makes the clitic
        # reading the likelier one.
        if fr >= OOV_REST:
            return True
        if not fr:
            return _known_with_suffix(rest, f)
    if fr < MIN_REST or fr <= fw + MARGIN[whole[0]]:
        return False
    # Only where the rest as written begins with a bare alef or ends in ي/ى/ة, where
    # normalising merges its spelling with another word's (ادي/أدى، احد/أحد، لدية/لديه in
    # بلدية); a rest ending in ه may be word + pronoun (بدوره، لصالحه), the same reading.
    if (whole_raw is not None and fw and (rest_raw[0] == "ا" or rest_raw[-1] in "يىة")
            and spelled_frequency(whole_raw) == fw and spelled_frequency(rest_raw) <= fw):
        return False
    # A word + pronoun suffix: decide on the word (كلها is كل + ها, not ك + لها).
    for suf in _SUFFIXES:
        if (len(whole) - len(suf) >= 2 and whole.endswith(suf)
                and (suf != "ه" or (whole_raw is not None and whole_raw[-1] == "ه"))):
            bw = f.get(whole[:-len(suf)], 0)
            # Clearly more frequent: ولكن is و + لكن itself (605 vs 603), so ولكنه splits.
            if bw >= SUFFIX_BASE and bw > f.get(rest[:-len(suf)], 0) + SUFFIX_MARGIN:
                return False
            break
    return True


def _split_with_marks(word: str) -> tuple[int, ...]:
    # Map the split found on the mark-free form back onto the original characters.
    keep = [i for i, c in enumerate(word) if normalize(c)]
    n = normalize(word)
    if len(n) != len(keep):
        return ()
    parts = _split_norm(n, None, strip_marks(word)) if len(n) >= 3 else ()
    out: list[int] = []
    pos = 0
    prev_orig = 0
    for p in parts:
        pos += p
        o = keep[pos] if pos < len(keep) else len(word)
        out.append(o - prev_orig)
        prev_orig = o
    return tuple(out)


# word → normalised form; two generations of 50k words (rasd.cache.TwoGen).
_NORM = TwoGen(50_000)


def _norm(w: str) -> str:
    n = _NORM[w]
    if n is None:
        n = normalize(w)
        # Most words are normalised already: keep the one string, not an equal copy.
        n = _NORM.put(w, w if n == w else n)
    return n


def tokenize(text: str, sentences: list[tuple[int, int]] | None = None) -> list[Token]:
    """Tokens of ``text`` with offsets, clitics split; ``sentence`` set if sentences given."""
    tokens: list[Token] = []
    append = tokens.append
    get = _NORM.__getitem__  # None on a miss (TwoGen), without a method call
    bounds = [e for _, e in sentences] if sentences else []
    si, last = 0, len(bounds) - 1
    limit = bounds[0] if bounds else len(text) + 1
    for m in TOKEN_RE.finditer(text):
        w = m.group()
        s = m.start()
        e = s + len(w)
        if s >= limit:
            while si < last and s >= bounds[si]:
                si += 1
            limit = bounds[si] if si < last else len(text) + 1
        if w[0] in "وفبكل" and len(w) >= 3:
            parts = clitic_split(w)
            if parts:
                pos = s
                for p in parts:
                    cl = text[pos:pos + p]
                    append(Token(pos, pos + p, cl, _norm(cl), True, si))
                    pos += p
                rest = text[pos:e]
                append(Token(pos, e, rest, _norm(rest), False, si))
                continue
        n = get(w)
        if n is None:
            n = _norm(w)
        append(Token(s, e, w, n, False, si))
    return tokens
