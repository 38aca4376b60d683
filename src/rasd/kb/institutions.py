"""Institutions NER misses: "HEAD + genitive complement" names and their definite heads.

A ministry, authority, agency … named by its full title ("الهيئة العامة للشباب والرياضة",
"وزارة الأمن الداخلي", "الوكالة السورية للأنباء") is often not tagged by NER and not in the
KB, so quotes by it ("وأوضحت الوزارة") had no speaker. :func:`institution_spans` finds such
names when EVERY word after the head is common institutional vocabulary or a nationality
adjective (the word lists of :mod:`rasd.kb.orgname`, which also gives the English name),
so proper names ("جامعة الملك سعود", "مؤسسة محمد بن راشد") are never cut into pieces: a
name that goes on with an unknown definite word is skipped whole. :func:`definite_heads`
finds the later bare definite heads ("الوزارة", "والهيئة") that stand for the one
institution with that head named before.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress

from rasd.kb import orgname
from rasd.kb.link import Word, first_word_forms, indices_in, orig_skip
from rasd.text.normalize import normalize

# Heads the rule starts a name at (institutions that speak in news: quotes, statements).
# Not مجلس/لجنة: "مجلس الإدارة", "اللجنة الفنية" are mostly generic bodies.
_HEADS = frozenset(normalize(w) for w in (
    "وزارة هيئة مؤسسة وكالة جامعة منظمة مديرية أمانة").split())
_DEF = frozenset("ال" + h for h in _HEADS)
# Definite words that follow a name without being part of it ("أعلنت الهيئة … اليوم").
_AFTER = frozenset(normalize(w) for w in (
    "اليوم الأمس الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الماضي الماضية "
    "الجاري الجارية الحالي الحالية المقبل المقبلة الأخير الأخيرة الآن").split())
# Office nouns before a definite head ("رئيس الهيئة", "للأمين العام للجامعة"): the phrase
# names a person (the speaker of what follows), so the head is left to the title steps.
_OFFICE = frozenset(normalize(w) for w in (
    "رئيس رئيسة نائب مدير مديرة أمين الأمين العام عام وكيل مساعد مستشار عضو أعضاء محافظ "
    "متحدث المتحدث ناطق الناطق باسم مسؤول مسؤولو مسؤولي موظف موظفو موظفي منسوبي "
    "قيادات قيادة وزير الوزير").split())


@lru_cache(maxsize=1)
def surface() -> frozenset[str]:
    """Every clitic form (و ف ب ك ل لل) of the heads, with and without the article."""
    from rasd.kb.index import surface_forms

    return frozenset(surface_forms(set(_HEADS) | set(_DEF))) | _HEADS | _DEF


@lru_cache(maxsize=1)
def _surface_def() -> frozenset[str]:
    """Every clitic form of the definite heads ("الوزارة", "والوزارة", "للوزارة" …)."""
    from rasd.kb.index import surface_forms

    return frozenset(surface_forms(set(_DEF))) | _DEF


def heads_among(norms: list[str], among: list[int] | None = None) -> list[int]:
    """Indices of the words that are institution heads (any clitic form), from ``among``
    (ascending indices of a superset, e.g. the stage's ``scan_words`` pass) when given."""
    surf = surface()
    if among is None:
        return indices_in(norms, surf)
    return list(compress(among, map(surf.__contains__, map(norms.__getitem__, among))))


def _head_at(w: Word) -> tuple[int, str] | None:
    """(chars of leading clitics, head form) when word ``w`` is an institution head."""
    for skip, form in first_word_forms(w.norm):
        if form in _HEADS or form in _DEF:
            return skip, form
    return None


def _known(norm: str) -> tuple[str, str] | None:
    """(prefix, stem) of a complement word made of institutional vocabulary, else None."""
    if not norm.isalpha():
        return None
    pre, stem = orgname._strip(norm)
    if orgname._lookup(stem, False) is None:
        # Safety net (orgname's _strip now splits و before any known word, "وتقنية"): a
        # name going on with "and <known word>" must not be cut before it.
        if norm.startswith("و") and len(norm) > 3 and orgname._lookup(norm[1:], False):
            return "w", norm[1:]
        return None
    return pre, stem


def institution_spans(text: str, words: list[Word], norms: list[str],
                      among: list[int] | None = None) -> list[tuple[int, int, int]]:
    """``(start, end, head word index)`` of institution names made of known words.

    The leading clitic (و ب ل ف ك) stays outside the span, the article inside. An
    indefinite head needs a definite complement ending the chain ("وزارة الداخلية"); a
    definite head needs an "of" phrase ("الهيئة العامة للشباب"; "اللجنة المنظمة" is a
    description). A name that goes on with an unknown definite word is skipped.
    ``among``: ascending indices of a superset of the head words (the stage's one pass over
    ``rasd.kb.link.scan_words``)."""
    out: list[tuple[int, int, int]] = []
    n = len(words)
    for i in heads_among(norms, among):
        hit = _head_at(words[i])
        if hit is None:
            continue
        skip, form = hit
        definite = form in _DEF
        j = i + 1
        last = -1
        has_of = False
        while j < n:
            w = words[j]
            gap = text[words[j - 1].end:w.start]
            if gap.strip():  # punctuation between words ends the name
                break
            k = _known(w.norm)
            if k is None:
                break
            pre, stem = k
            if "w" in pre and stem in orgname._HEADS_N:
                break  # "… والهيئة العامة": a second institution
            if "l" in pre:
                if last < 0:
                    break  # "الهيئة لتحقيق", "الهيئة للشركات": not a name's first word
                has_of = True
            last = j
            j += 1
        if last < 0:
            continue
        if j < n and not text[words[j - 1].end:words[j].start].strip():
            nxt = words[j].norm
            if nxt.startswith(("ال", "لل", "وال")) and len(nxt) > 3 and nxt not in _AFTER:
                continue  # the name goes on with an unknown word: not cut short
        tail = words[last].norm
        tail_def = tail.startswith(("ال", "لل", "وال", "ولل"))
        if definite and not has_of:
            continue
        if not definite and not tail_def:
            continue
        if _after_office(text, words, norms, i, skip):
            continue
        s = orig_skip(text, words[i], skip)
        e = words[last].end
        if orgname.translate_org(text[s:e]) is None:
            continue
        out.append((s, e, i))
    return out


def _after_office(text: str, words: list[Word], norms: list[str], i: int, skip: int) -> bool:
    """Whether head word ``i`` (no clitic) is the complement of an office noun."""
    if i == 0 or skip or text[words[i - 1].end:words[i].start].strip():
        return False
    prev = norms[i - 1]
    return prev in _OFFICE or (prev[:1] in "ول" and prev[1:] in _OFFICE)


def definite_heads(text: str, words: list[Word], norms: list[str],
                   among: list[int] | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, head)`` of bare definite heads ("الوزارة") not followed by a modifier
    ("الوزارة الصحة", "اللجنة المنظمة"); ``head`` without the article, normalised.
    ``among``: as for :func:`institution_spans`."""
    out: list[tuple[int, int, str]] = []
    n = len(words)
    surf = _surface_def()
    for i in heads_among(norms, among):
        if norms[i] not in surf:
            continue
        w = words[i]
        hit = _head_at(w)
        if hit is None or hit[1] not in _DEF:
            continue
        if _after_office(text, words, norms, i, hit[0]):
            continue
        if i + 1 < n:
            nxt = words[i + 1].norm
            if not text[w.end:words[i + 1].start].strip() and nxt.startswith(("ال", "لل")) \
                    and _known(nxt) is not None:
                continue
        out.append((orig_skip(text, w, hit[0]), w.end, hit[1][2:]))
    return out


def head_of(text: str, start: int, end: int) -> str | None:
    """The institution head (normalised, no article) a name starts with, else None."""
    first = normalize(text[start:end].split(" ", 1)[0])
    if first in _HEADS:
        return first
    if first in _DEF:
        return first[2:]
    return None
