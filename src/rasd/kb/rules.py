"""Pattern rules for entity mentions NER misses and speakers need.

* an outlet or organisation name in quotation marks after a type noun
  (موقع «...»، قناة «...»، صحيفة «...»، وكالة أنباء «...»، حركة «...») → ORG, the quoted text;
* a quoted name right after a speech verb and before a colon or comma
  (وأضاف «إيرنست»: «...») → PER;
* a military rank followed by a surname (اللواء التركي، العميد عسيري) → PER: the surname of
  a person named in full in the document, or name words (not ordinals: "اللواء الثامن" is
  a brigade).

Each rule only adds a mention where no kept mention overlaps; the caller clusters them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasd.kb.link import indices_in, word_norms
from rasd.text.normalize import normalize

# Type nouns that introduce a proper name in quotation marks.
_ORG_HEADS = frozenset(normalize(w) for w in (
    "موقع قناة فضائية صحيفة جريدة مجلة وكالة أنباء إذاعة شبكة تلفزيون محطة منصة حساب صفحة "
    "حركة جماعة تنظيم منظمة حزب شركة مجموعة فصيل كتيبة كتائب لواء جبهة ائتلاف تحالف "
    "جمعية مؤسسة مركز ميليشيا مليشيا هيئة رابطة اتحاد"
).split())
_SPEECH_VERBS = frozenset(normalize(w) for w in (
    "قال قالت أضاف أضافت تابع تابعت أكد أكدت أوضح أوضحت أشار أشارت ذكر ذكرت تساءل "
    "تساءلت أردف أردفت يقول تقول يضيف تضيف تحدث صرح صرحت"
).split())
_RANK_SKIP = frozenset(normalize(w) for w in ("الركن", "المتقاعد", "طيار", "بحري", "ركن"))
_ORDINALS = frozenset(normalize(w) for w in (
    "الأول الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر "
    "الحادي الثاني عشر الأخير الجديد السابق المقبل ذاته نفسه"
).split())
_OPENERS = ("«", '"', "“")
_norm = lru_cache(maxsize=50_000)(normalize)
_QUOTE = re.compile(r"[«\"“]\s*([^«»\"“”\n]{1,60}?)\s*[»\"”]")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def _surface(words: frozenset[str]) -> dict[str, str]:
    """Normalised surface forms of ``words`` with a leading و/ف and ب/ل/ك ("وقناة",
    "لصحيفة", "وأضاف") → the bare word: one dict lookup per word at run time. Forms with
    the article are left out: "الوكالة «...»" / "والتنظيم «الطبقي»" quote a phrase, not a
    name."""
    out: dict[str, str] = {}
    for w in words:
        forms = {w}
        for f in list(forms):
            forms |= {p + f for p in ("ب", "ل", "ك")}
        for f in list(forms):
            forms |= {p + f for p in ("و", "ف")}
        for f in forms:
            out[f] = w
    return out


_ORG_FORMS = _surface(_ORG_HEADS)
_SPEECH_FORMS = _surface(_SPEECH_VERBS)


def _word_before(text: str, pos: int) -> str:
    j = pos
    while j > 0 and text[j - 1] in " \u00a0\t":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "\u0640"):
        k -= 1
    return text[k:j]


def quoted_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """``(start, end, type, head)`` of quoted outlet/organisation names (``head``: the
    type noun, normalised: "قناة") and quoted speakers (``head`` "")."""
    # The opening marks are found with str.find (C speed) and the pattern is matched only
    # there: the same matches as _QUOTE.finditer (left to right, not overlapping).
    starts = []
    for q in _OPENERS:
        k = text.find(q)
        while k >= 0:
            starts.append(k)
            k = text.find(q, k + 1)
    if not starts:
        return []
    starts.sort()
    out = []
    last = 0
    for k in starts:
        if k < last:
            continue
        m = _QUOTE.match(text, k)
        if m is None:
            continue
        last = m.end()
        before = _norm(_word_before(text, m.start()))
        if before not in _ORG_FORMS and before not in _SPEECH_FORMS:
            continue
        s, e = m.start(1), m.end(1)
        inner = m.group(1)
        words = _WORD.findall(inner)
        if not words or len(words) > 5 or _DIGIT.search(inner) or not inner[:1].isalpha():
            continue
        if any(c in inner for c in ".؟?!:؛"):
            continue
        if before in _ORG_FORMS:
            out.append((s, e, "ORG", _ORG_FORMS[before]))
            continue
        if len(words) <= 3 and before in _SPEECH_FORMS:
            k = m.end()
            while k < len(text) and text[k] in " \u00a0":
                k += 1
            if k < len(text) and text[k] in ":،,":
                out.append((s, e, "PER", ""))
    return out


_STRONG_RANKS = frozenset(normalize(w) for w in (
    "لواء عميد عقيد نقيب مشير جنرال كولونيل أدميرال أميرال").split())
_WEAK_RANKS = frozenset(normalize(w) for w in "فريق مقدم رائد عماد عريف رقيب".split())


def _rank_forms(stems: frozenset[str]) -> frozenset[str]:
    out = set()
    for st in stems:
        # "اللواء", "للعميد", "بالعقيد"; "للواء" (ل + اللواء with the lam merged).
        for f in ("ال" + st, "لل" + st, "بال" + st, "ل" + st if st[0] == "ل" else "ال" + st):
            out |= {f, "و" + f, "ف" + f}
    return frozenset(out)


_STRONG_FORMS = _rank_forms(_STRONG_RANKS)
_RANK_FORMS = _STRONG_FORMS | _rank_forms(_WEAK_RANKS)


def rank_mentions(text: str, words, surnames_of, is_name, adjectives, freq,
                  norms: list[str] | None = None) -> list[tuple[int, int]]:
    """Spans of the names after military ranks ("اللواء التركي" → "التركي").

    ``words``: the document's words (``rasd.kb.link.doc_words``), ``norms`` their
    normalised forms (``rasd.kb.link.word_norms``). ``surnames_of()``: the normalised
    last words of persons named in full in the document (any such word is taken,
    adjectives too). After an unambiguous rank (اللواء، العميد …, not الفريق "the team" or
    المقدم "the presented") also up to three name words (``is_name``) that are not
    ordinals, adjectives or frequent words.
    """
    out: list[tuple[int, int]] = []
    if norms is None:
        norms = word_norms(words)
    if _RANK_FORMS.isdisjoint(norms):
        return out
    n = len(words)
    surnames = None
    for i in indices_in(norms, _RANK_FORMS):
        strong = words[i].norm in _STRONG_FORMS
        spans: list[tuple[int, int, str]] = []
        pos = words[i].end
        j = i + 1
        while j < n and len(spans) < 3:
            w = words[j]
            if text[pos:w.start].strip(" \u00a0"):
                break
            if not spans and w.norm in _RANK_SKIP:
                pos, j = w.end, j + 1
                continue
            spans.append((w.start, w.end, w.norm))
            pos, j = w.end, j + 1
        if not spans:
            continue
        s0, e0, w0 = spans[0]
        if surnames is None:
            surnames = surnames_of()
        if w0 in surnames:
            out.append((s0, e0))
            continue
        if not strong:
            continue
        end = None
        for s, e, nw in spans:
            if nw in _ORDINALS or nw in adjectives or _DIGIT.search(nw) or freq.get(nw, 0) >= 480 \
                    or not is_name(nw):
                break
            end = e
        if end is not None:
            out.append((s0, end))
    return out
