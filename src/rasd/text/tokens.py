"""Tokenisation with character offsets and detachable clitics.

* Arabic words, Latin words, numbers (``2.5``, ``1,000``) and single punctuation marks are
  tokens; letters glued to digits are split (``العام2023`` → ``العام`` ``2023``).
* Proclitics are split off as their own tokens (``clitic=True``): the conjunctions و ف,
  the prepositions ب ك ل, and ل of ``لل`` (``للأمم`` → ``ل`` + ``لأمم``). The article ال
  stays with its word.
* A bare و/ف/ب/ك/ل is split only where the rest of the word is more frequent than the
  whole word (wordfreq), so ``وقال`` → ``و`` ``قال`` but ``وزير`` stays whole.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rasd.cache import TwoGen, bound
from rasd.doc import Token
from rasd.text.normalize import normalize

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


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, int]:
    """Normalised Arabic word → Zipf frequency × 100 (shipped data file)."""
    freqs: dict[str, int] = {}
    path = resources.files("rasd.text").joinpath("data/wordfreq_ar.tsv")
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            w, _, z = line.rstrip("\n").partition("\t")
            freqs[w] = int(z)
    return freqs


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

    ``sum`` of the result is where the host word starts. Decided on the normalised form;
    diacritics inside the word are allowed for (lengths are in original characters).
    """
    n = normalize(word)
    if len(n) < 3 or len(n) != len(word):
        if len(n) != len(word):
            return _split_with_marks(word)
        return ()
    return _split_norm(n)


def _split_norm_unprotected(n: str) -> tuple[int, ...]:
    """The split the rules give without the protected-names list (for the build script)."""
    return _split_norm(n, frozenset())


def _split_norm(n: str, protected: frozenset[str] | None = None) -> tuple[int, ...]:
    out: list[int] = []
    i = 0
    if protected is None:
        protected = protected_words()
    if n in _ARTICLE_EXCEPTIONS or n in protected:
        return ()
    # Conjunction.
    if n[0] in "وف" and len(n) >= 4:
        rest = n[1:]
        if (_starts_article(rest) or _prep_article(rest) or rest in protected
                or _more_frequent(rest, n)):
            out.append(1)
            i = 1
    rest = n[i:]
    # Preposition + article: بال، كال، and لل (ل + article with elided alef).
    if len(rest) >= 5 and rest[0] in "بك" and rest[1:3] == "ال" and rest not in _ARTICLE_EXCEPTIONS:
        out.append(1)
    elif len(rest) >= 4 and rest.startswith("لل"):
        out.append(1)
    elif (len(rest) >= 4 and rest[0] in "بكل" and not rest.startswith("ال")
          and rest not in protected and _more_frequent(rest[1:], rest)):
        out.append(1)
    return tuple(out)


def _starts_article(s: str) -> bool:
    return len(s) >= 4 and s.startswith("ال") and s not in _ARTICLE_EXCEPTIONS


def _prep_article(s: str) -> bool:
    return len(s) >= 5 and ((s[0] in "بك" and s[1:3] == "ال") or s.startswith("لل"))


def _more_frequent(rest: str, whole: str) -> bool:
    if len(rest) < 2:
        return False
    f = word_frequencies()
    fr = f.get(rest, 0)
    return fr >= 250 and fr > f.get(whole, 0)


def _split_with_marks(word: str) -> tuple[int, ...]:
    # Map the split found on the mark-free form back onto the original characters.
    keep = [i for i, c in enumerate(word) if normalize(c)]
    n = normalize(word)
    if len(n) != len(keep):
        return ()
    parts = _split_norm(n) if len(n) >= 3 else ()
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
