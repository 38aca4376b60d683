"""Finding KB aliases in text and choosing the entry each one names.

:func:`scan` does a longest-match dictionary scan over the normalised view of the text
(word by word, a leading clitic و ف ب ك ل / لل stripped off the first word), returning
every candidate span with its alias hits. :class:`Context` holds what a document says
about itself (focus country, entries named strongly, dateline) and :meth:`Context.choose`
picks, among an alias's hits, the entry it names there (or none).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import NamedTuple

from rasd.cache import TwoGen, bound
from rasd.kb.index import CONTEXT, FOCUS, STRONG, WEAK, AliasHit, KBIndex, surface_forms
from rasd.text.normalize import MAQSURA_FUNCTION_WORDS, normalize

_WORD = re.compile(r"\w+")
# Nouns that make a following short alias an armed group / organisation name
# ("تنظيم الدولة", "حركة الشباب", "تنظيمي القاعدة والدولة").
TRIGGERS = frozenset(normalize(w) for w in (
    "تنظيم تنظيمي تنظيمات تنظيمَي جماعة جماعتي جماعات حركة حركتي حركات جبهة ميليشيا "
    "ميليشيات مليشيا مليشيات فصيل فصائل مقاتلي مقاتلو مسلحي مسلحو عناصر خلايا خلية "
    "دولة عصابة عصابات"
).split())
# Every word one of whose clitic readings is a trigger noun (a superset; see surface_forms).
_TRIGGER_SURFACE = frozenset(surface_forms(TRIGGERS))
# Lengths of the ى function words (a slice of another length cannot be one).
_MAQSURA_LENS = frozenset(map(len, MAQSURA_FUNCTION_WORDS))
# What may stand between two words of one name: spaces, NBSP, hyphens (and, as the former
# "^...$" test allowed, one final newline); used as fullmatch(text, pos, end), no slicing.
_GAP_FULL = re.compile(r"[ \t\u00a0-]*\n?")


@dataclass(slots=True)
class Candidate:
    """A stretch of text that is a KB alias: offsets in the original text."""

    start: int
    end: int
    w0: int  # first word index
    w1: int  # last word index (inclusive)
    key: str
    hits: list[AliasHit]
    trigger: bool = False  # a trigger noun stands right before it

    @property
    def length(self) -> int:
        return self.end - self.start


@lru_cache(maxsize=bound(50_000))  # bounded for long runs (rasd.cache)
def first_word_forms(w: str) -> tuple[tuple[int, str], ...]:
    """``(chars skipped, form)`` readings of a word that may carry a leading clitic."""
    out = [(0, w)]
    if len(w) < 3:
        return tuple(out)

    def prep(off: int, s: str) -> None:
        if len(s) >= 4 and s.startswith("لل"):
            out.append((off + 1, "ال" + s[2:]))
        elif len(s) >= 3 and s[0] in "بكل":
            out.append((off + 1, s[1:]))

    if w[0] in "وف":
        out.append((1, w[1:]))
        prep(1, w[1:])
    prep(0, w)
    return tuple(out)


class Word(NamedTuple):
    """A whitespace word rebuilt from tokens (clitics glued back), with its norm."""

    start: int
    end: int
    norm: str
    exact: bool  # len(text) == len(norm): norm offsets are text offsets


_NORM_OF = itemgetter(2)


def doc_words(text: str, tokens=None) -> list[Word]:
    """Words of the text, clitic tokens glued to their host (punctuation as words too)."""
    if tokens is None or not tokens:
        from rasd.text.tokens import tokenize

        tokens = tokenize(text)
    out: list[Word] = []
    append = out.append
    # tuple.__new__ directly: the namedtuple constructor adds a call per word (hot loop).
    new = tuple.__new__
    pend_start = -1
    pend_norm = ""
    last_end = -1
    for t in tokens:
        ttext = t.text
        if t.clitic:
            if pend_start < 0 or t.start != last_end:
                pend_start, pend_norm = t.start, ""
            pend_norm += t.norm or normalize(ttext)
            last_end = t.end
            continue
        if not ttext[0].isalnum():
            # Punctuation is not a word: the gap test between words sees it in the text.
            continue
        norm = t.norm or normalize(ttext)
        ts, te = t.start, t.end
        if pend_start < 0:
            # The common case: a word with no clitic before it (last_end only matters
            # while a clitic is pending).
            append(new(Word, (ts, te, norm, te - ts == len(norm))))
            continue
        if ts == last_end:
            s, norm = pend_start, pend_norm + norm
        else:
            if pend_start >= 0:
                append(new(Word, (pend_start, last_end, pend_norm, last_end - pend_start == len(pend_norm))))
            s = ts
        append(new(Word, (s, te, norm, te - s == len(norm))))
        pend_start = -1
        last_end = te
    if pend_start >= 0:
        append(new(Word, (pend_start, last_end, pend_norm, last_end - pend_start == len(pend_norm))))
    return out


def orig_skip(text: str, w: Word, skip: int) -> int:
    """Original offset of normalised position ``skip`` inside word ``w``."""
    if w.exact or skip == 0:
        return w.start + skip
    n = 0
    for i in range(w.start, w.end):
        if n == skip:
            return i
        n += len(normalize(text[i]))
    return w.end


def word_norms(words: list[Word]) -> list[str]:
    """The words' normalised forms, for :func:`indices_in` (built once per document)."""
    return list(map(_NORM_OF, words))


def indices_in(norms: list[str], forms) -> list[int]:
    """Indices of the words whose normalised form is in ``forms`` (a C-level pass)."""
    return list(compress(range(len(norms)), map(forms.__contains__, norms)))


def scan(text: str, kb: KBIndex, words: list[Word], max_words: int = 14,
         norms: list[str] | None = None, among: list[int] | None = None) -> list[Candidate]:
    """Every span that is a KB alias (all lengths, all starts).

    ``norms``: :func:`word_norms` of ``words`` when the caller has them already.
    ``among``: ascending indices of the words in ``scan_words(kb)`` (:func:`indices_in`),
    when the caller has them: the stage shares that one pass with other steps.
    """
    table = _scan_table(kb)
    start_forms = kb.start_forms
    known = kb._start_forms
    start_words = kb.start_words
    weak_keys = kb.weak_keys
    gap_ok = _GAP_FULL.fullmatch
    out: list[Candidate] = []
    n = len(words)
    if norms is None:
        norms = word_norms(words)
    if among is None:
        among = indices_in(norms, scan_words(kb))
    # Only words one of whose readings can start an alias (~5%).
    for i in [i for i in among if norms[i] in start_words]:
        w = words[i]
        # Readings of the word (clitic stripped or not) that can start an alias; cached
        # per distinct word form.
        nm = w.norm
        forms = known.get(nm)
        if forms is None:
            forms = start_forms(nm)
        if not forms:
            continue
        for skip, form in forms:
            key = form
            j = i
            we = w.end
            while True:
                # (alias hits, is a prefix of a longer alias): one lookup per key.
                got = table.get(key)
                if got is None:
                    break
                hits = got[0]
                if hits:
                    s = w.start + skip if w.exact or not skip else orig_skip(text, w, skip)
                    out.append(Candidate(s, we, i, j, key, hits))
                if not got[1] or j + 1 >= n or j - i >= max_words:
                    break
                nw = words[j + 1]
                # A single space (the usual gap) needs no regex.
                if not (nw.start == we + 1 and text[we] == " ") and not gap_ok(text, we, nw.start):
                    break
                j += 1
                we = nw.end
                key = key + " " + nw.norm
    trig: set[int] | None = None
    ctx_keys = kb.ctx_keys
    for c in out:
        if ctx_keys and c.key in ctx_keys:
            # "قنا", "الفاو": the mention's own context stands in for the requirement.
            c.trigger = alias_context(text, words, c, ctx_keys[c.key])
            continue
        # Only weak and context-only aliases look at the word before.
        if c.key in weak_keys:
            if trig is None:
                # Words that may be a trigger noun (a superset: _trigger_before decides).
                trig = {i for i in among if norms[i] in _TRIGGER_SURFACE}
            w0 = c.w0
            if w0 - 1 in trig or w0 - 2 in trig or w0 - 3 in trig:
                c.trigger = _trigger_before(text, words, w0)
    return out


def scan_words(kb: KBIndex) -> frozenset[str]:
    """Word forms :func:`scan` and the stage's pattern steps look at: alias starts, trigger
    nouns (with clitics), the name-extension triggers and military ranks of rasd.kb.rules,
    the institution heads of rasd.kb.institutions.
    One :func:`indices_in` pass over this set serves them all (cached per KB)."""
    got = _SCAN_WORDS.get(id(kb))
    if got is None or got[0] is not kb:
        from rasd.kb import institutions, rules

        words = frozenset(kb.start_words | _TRIGGER_SURFACE | rules.TRIGGERS | rules._RANK_FORMS
                          | institutions.surface())
        _SCAN_WORDS.clear()
        got = _SCAN_WORDS[id(kb)] = (kb, words)
    return got[1]


_SCAN_WORDS: dict[int, tuple[KBIndex, frozenset[str]]] = {}


def _scan_table(kb: KBIndex) -> dict[str, tuple[list[AliasHit] | None, bool]]:
    """Alias key or key prefix → (its hits or ``None``, is it a prefix of a longer alias),
    so the scan looks each key up once (built once per KB)."""
    got = _SCAN_TABLE.get(id(kb))
    if got is None or got[0] is not kb:
        prefixes = kb.prefixes
        table = {k: (h, k in prefixes) for k, h in kb.aliases.items()}
        for k in prefixes:
            if k not in table:
                table[k] = (None, True)
        _SCAN_TABLE.clear()
        got = _SCAN_TABLE[id(kb)] = (kb, table)
    return got[1]


_SCAN_TABLE: dict[int, tuple[KBIndex, dict]] = {}


def drop_false_aliases(text: str, words: list[Word], cands: list[Candidate], kb: KBIndex) -> list[Candidate]:
    """Drop alias hits that are not names here.

    * the preposition على read as the surname علي (ى/ي are one letter after normalising);
    * a patronymic "بن X"/"ابن X" right after a first name: "الحسين بن علي" is not Ben Ali
      (a nationality adjective before it, "التونسي بن علي", still names him).
    """
    from rasd.kb.translit import is_name_word

    out = []
    for c in cands:
        if c.end - c.start in _MAQSURA_LENS and text[c.start:c.end] in MAQSURA_FUNCTION_WORDS:
            continue
        if (c.key.startswith(("بن ", "ابن ")) and c.w0 > 0
                and _GAP_FULL.fullmatch(text, words[c.w0 - 1].end, words[c.w0].start)):
            prev = words[c.w0 - 1].norm
            if is_name_word(prev) and prev not in kb.adjectives:
                continue
        if c.key == QAEDA_KEY and not c.trigger and is_base(text, words, c.w0, c.w1, c.start):
            continue
        if c.key in _ALLIANCE_KEYS and _generic_alliance(text, words, c):
            continue
        out.append(c)
    return out


_ALLIANCE_KEYS = frozenset((normalize("التحالف"), normalize("قوات التحالف")))
_ALLIANCE_NEXT = (normalize("مع"), normalize("بين"))
_ALLIANCE_OK_ADJ = frozenset(normalize(w) for w in "العربي الدولي الإسلامي".split())
_DEMONSTRATIVES = frozenset(normalize(w) for w in "هذا ذلك هذه تلك".split())


def _generic_alliance(text: str, words: list[Word], c: Candidate) -> bool:
    """Is this bare "التحالف" the word alliance rather than a coalition? "التحالف مع
    الصين", "التحالف بينهما", "التحالف السياسي" (an adjective "ال…ي" other than
    عربي/دولي), "هذا التحالف" (an alliance just described)."""
    i = c.w1 + 1
    if i < len(words) and _GAP_FULL.fullmatch(text, words[c.w1].end, words[i].start):
        nxt = words[i].norm
        if nxt.startswith(_ALLIANCE_NEXT):
            return True
        if (nxt.startswith("ال") and text[words[i].end - 1] == "ي" and len(nxt) > 4
                and nxt not in _ALLIANCE_OK_ADJ):
            # (the letter ي itself: "دول التحالف الأخرى" ends in ى)
            return True
    return c.w0 > 0 and words[c.w0 - 1].norm in _DEMONSTRATIVES
# "القاعدة" is also "the base" ("القاعدة الجوية", "قاعدة العند ... القاعدة"): see is_base.
QAEDA_KEY = normalize("القاعدة")
# Words after "القاعدة" that make it a base: adjectives of a base, superlatives,
# "الواقعة" (located). A feminine nisba "ال…ية" counts too, except the one al-Qaeda takes.
_BASE_NEXT = frozenset(normalize(w) for w in (
    "الجوية الجويه العسكرية البحرية الأسطورية الأسطورة الواقعة الأكبر الأهم الأقرب "
    "الأمامية الرئيسية الرئيسة الاستراتيجية المتقدمة").split())
_QAEDA_ADJ = frozenset(normalize(w) for w in "الإرهابية الإرهابي الأم".split())
# Words before a bare "القاعدة" that make it the group even in a text about a base.
_QAEDA_BEFORE = frozenset(normalize(w) for w in (
    "عناصر عنصر مسلحي مسلحو مقاتلي مقاتلو زعيم زعماء قادة قائد قيادي قياديي أمير "
    "أمراء فرع ذراع أتباع أعضاء عضو إرهابيي متشددي معاقل خلايا داعش النصرة وداعش "
    "تنظيمي مع ضد لتنظيم").split())
# A text that names a military base: "قاعدة X العسكرية", "القاعدة الجوية", "قواعد …".
_BASE_DOC = re.compile(
    r"(?<!\w)(?:[وفبل]?(?:ال)?قاعد[ةه]|[وفبل]?(?:ال)?قواعد)(?:\s+\w+){0,2}?\s+(?:ال)?"
    r"(?:جوي[ةه]|عسكري[ةه]|بحري[ةه])(?!\w)")


def is_base(text: str, words: list[Word], w0: int, w1: int, start: int) -> bool:
    """Is this bare "القاعدة" a (military) base rather than al-Qaeda?

    Yes when an adjective of a base follows ("القاعدة الجوية", "القاعدة الواقعة شمال
    عدن", any "ال…ية" but "الإرهابية"), or, in a text that names a base ("قاعدة العند
    العسكرية"), unless it is quoted or a word of the group stands before it ("عناصر
    القاعدة", "داعش والقاعدة").
    """
    i = w1 + 1
    if i < len(words) and _GAP_FULL.fullmatch(text, words[w1].end, words[i].start):
        nxt = words[i].norm
        if nxt in _BASE_NEXT:
            return True
        if nxt.startswith("ال") and nxt.endswith(("يه", "ية")) and nxt not in _QAEDA_ADJ:
            return True
    if start > 0 and text[start - 1] in "«\"“(":
        return False
    if _BASE_DOC.search(text) is None:
        return False
    if w0 > 0:
        if text[start - 1] == "و" or any(
                f in _QAEDA_BEFORE for _s, f in first_word_forms(words[w0 - 1].norm)):
            return False
    return True


# Words before an alias that make it the named organisation ("ctx:KIND" requirements):
# a news agency is reported, quoted or named as one; an organisation has staff, reports
# and speaks. A place name after these words is rare; after a place noun it is the rule.
_CTX_BEFORE = {
    "agency": (1, frozenset(normalize(w) for w in (
        "وكالة وكالتا ذكرت أفادت افادت نقلت أوردت اوردت قالت أضافت اضافت أوضحت اوضحت "
        "أعلنت اعلنت بثت نشرت حسب بحسب وفق وفقا طبقا عن مراسل").split())),
    "org": (2, frozenset(normalize(w) for w in (
        "منظمة منظمتا مدير مديرة المدير المديرة ممثل ممثلة ممثلو ممثلي مسؤول مسؤولة "
        "المسؤول مسؤولو مسؤولي خبراء خبير موظفو موظفي بعثة تقرير تقارير بيان تقديرات "
        "إحصاءات احصاءات بيانات دراسة ذكرت أفادت افادت قالت حذرت دعت أعلنت اعلنت "
        "أكدت اكدت طالبت حسب بحسب وفق وفقا لدى").split())),
}
_CTX_PLACE_NOUNS = frozenset(normalize(w) for w in (
    "منطقة مناطق مدينة محافظة بلدة مديرية قضاء ناحية قرية مركز جزيرة ميناء معركة جبهة "
    "جبهتي مواقع موقع شرق غرب شمال جنوب").split())
_CTX_OPEN = frozenset("(«\"“[")
_CTX_CLOSE = frozenset(")»\"”]")
# What may stand between a context word and the alias: spaces, an opening quote/bracket.
_CTX_GAP = re.compile(r"[\s\u00a0«\"“(\[]*")


def alias_context(text: str, words: list[Word], c: Candidate, kinds) -> bool:
    """Does the mention ``c`` stand where a "ctx:KIND" requirement accepts it?

    * ``agency``: right after a reporting word ("ذكرت قنا", "وكالة «قنا»"), or in
      brackets/quotes not after a place noun ("الدوحة (قنا) -", "القطرية «قنا»");
    * ``org``: one of the organisation's words at most two words before ("منظمة الفاو",
      "مدير عام الفاو", "ممثل الفاو"), or in brackets/quotes not after a place noun.
    """
    i = c.w0
    prev_ok = i > 0 and _CTX_GAP.fullmatch(text, words[i - 1].end, words[i].start) is not None
    enclosed = (c.start > 0 and text[c.start - 1] in _CTX_OPEN
                and c.end < len(text) and text[c.end] in _CTX_CLOSE)
    if enclosed and not (i > 0 and any(f in _CTX_PLACE_NOUNS
                                       for _s, f in first_word_forms(words[i - 1].norm))):
        return True
    if not prev_ok:
        return False
    for kind in kinds:
        back, forms = _CTX_BEFORE.get(kind, (0, frozenset()))
        for k in range(i - 1, max(i - 1 - back, -1), -1):
            if k < i - 1 and not _CTX_GAP.fullmatch(text, words[k].end, words[k + 1].start):
                break
            if any(f in forms for _s, f in first_word_forms(words[k].norm)):
                return True
    return False


def _trigger_before(text: str, words: list[Word], i: int) -> bool:
    """Is there a trigger noun right before word ``i`` (possibly before a coordinated name)?"""
    # Direct: "تنظيم الدولة"; coordinated: "تنظيمي القاعدة والدولة" (one name in between).
    for back in (1, 2, 3):
        k = i - back
        if k < 0:
            return False
        if not _GAP_FULL.fullmatch(text, words[k].end, words[k + 1].start):
            return False
        for _skip, form in first_word_forms(words[k].norm):
            if form in TRIGGERS:
                return True
    return False


@dataclass
class Context:
    """What the document tells about itself, for choosing among alias hits."""

    kb: KBIndex
    date: str | None = None
    focus: str | None = None
    strong: set[int] = field(default_factory=set)
    countries: Counter = field(default_factory=Counter)
    _memo: dict = field(default_factory=dict, repr=False)

    def ok(self, h: AliasHit, trigger: bool, ner_type: str | None) -> bool:
        """May this hit stand in this document (flags, requirements)?"""
        e = self.kb.entries[h.entry]
        if h.requires and self.strong.isdisjoint(self.kb.required_entries(h.requires)):
            # None of the entries it needs is named strongly here (a "ctx:" requirement
            # is met by the mention's context instead: the scan set ``trigger``; a
            # "focus:CC" by the document's focus country: "التحالف" in Yemen news).
            if not ((trigger and any(r.startswith("ctx:") for r in h.requires))
                    or (self.focus is not None and "focus:" + self.focus in h.requires)):
                return False
        if h.flag == STRONG:
            return True
        if h.flag == WEAK:
            # A short name of a group may stand where NER agrees it is a name; a surname
            # only once the person is named in full.
            return h.entry in self.strong or trigger or (
                ner_type is not None and _type_ok(e.type, ner_type) and e.type in ("ORG", "MISC"))
        if h.flag == CONTEXT:
            return trigger
        if h.flag == FOCUS:
            if self.focus is not None and e.country == self.focus:
                return True
            # "المبعوث الدولي" once the envoy is named in the document.
            return e.type == "OFFICE" and self.office_holder_named(e.id)
        return False

    def office_holder_named(self, office_id: str) -> bool:
        """Is a person who held this office (at the dateline) named strongly here?"""
        memo = self._memo
        key = (office_id, len(self.strong))
        if key not in memo:
            memo[key] = self._office_holder_named(office_id)
        return memo[key]

    def _held_codes(self) -> set[str]:
        """Office codes held at the dateline by entries named strongly (memoised on the
        size of ``strong``): ``office_holder_named`` is true exactly for these."""
        key = ("held", len(self.strong))
        got = self._memo.get(key)
        if got is None:
            d = (self.date or "")[:10]
            entries = self.kb.entries
            got = self._memo[key] = {
                code for i in self.strong for code, st, en in entries[i].offices
                if not d or ((st is None or st <= d) and (en is None or d <= en))}
        return got

    def _office_holder_named(self, office_id: str) -> bool:
        code = office_id.split(":", 1)[1]
        d = (self.date or "")[:10]
        for i, st, en in self.kb.holders.get(code, []):
            if i in self.strong and (not d or ((st is None or st <= d) and (en is None or d <= en))):
                return True
        return False

    def choose(self, hits: list[AliasHit], trigger: bool = False,
               ner_type: str | None = None) -> AliasHit | None:
        """The hit this alias most likely names here, or ``None``."""
        # The answer only depends on the document state, which grows only through
        # ``strong`` (focus, countries and date are set first): memoise on its size. The
        # hits list is kept in the memo so its id cannot be reused meanwhile.
        if not hits:
            return None
        if len(hits) == 1:
            h = hits[0]
            if h.flag == STRONG and not h.requires:
                # The usual alias: one strong hit with no requirement always stands (it
                # passes ``ok`` and is the only candidate _choose scores).
                return h
        key = ("choose", id(hits), trigger, ner_type, len(self.strong))
        got = self._memo.get(key)
        if got is not None:
            return got[1]
        best = self._choose(hits, trigger, ner_type)
        self._memo[key] = (hits, best)
        return best

    def _choose(self, hits: list[AliasHit], trigger: bool, ner_type: str | None) -> AliasHit | None:
        best, best_s = None, -1e9
        focus = self.focus
        entries = self.kb.entries
        # Focus-only hits of other countries never stand ("الحكومة" has one per country),
        # except titles whose holder is named here ("الرئيس" has one office per country):
        # split once per (alias, focus) for all documents; the order of hits is kept.
        fkey = (id(hits), focus)
        got = _FOCUS_FILTERED[fkey]  # None on a miss (TwoGen)
        if got is None or got[0] is not hits:
            kept: list[tuple[int, AliasHit]] = []
            offices: list[tuple[int, AliasHit, str]] = []
            for idx, h in enumerate(hits):
                e = entries[h.entry]
                if h.flag == FOCUS and e.country != focus:
                    if e.type == "OFFICE":
                        offices.append((idx, h, e.id.split(":", 1)[1]))
                    continue
                kept.append((idx, h))
            # The hits list is stored with its split, so its id stays its own.
            got = _FOCUS_FILTERED.put(fkey, (hits, [h for _i, h in kept], kept, offices))
        cands = got[1]
        if got[3]:
            # Only offices someone named strongly here holds can pass ``ok``.
            held = self._held_codes()
            extra = [(idx, h) for idx, h, code in got[3] if code in held]
            if extra:
                cands = [h for _i, h in sorted(got[2] + extra, key=_first)]
        for h in cands:
            if not self.ok(h, trigger, ner_type):
                continue
            e = self.kb.entries[h.entry]
            s = -h.flag * 0.5
            if h.entry in self.strong:
                s += 2
            if e.country and self.focus and e.country == self.focus:
                s += 1.5
            if h.requires and self.focus is not None and "focus:" + self.focus in h.requires:
                # "التحالف" with Iraq in focus: the anti-IS coalition even where Yemen
                # (or the Houthis) is named too.
                s += 1.5
            elif e.country:
                s += 0.3 * min(self.countries.get(e.country, 0), 3)
            if ner_type and _type_ok(e.type, ner_type):
                s += 1
            if e.type == "OFFICE" or e.offices:
                s += 0.1 * _office_live(e, self.date)
            if s > best_s:
                best, best_s = h, s
        return best


# (id of a hits list, focus) → its split; two generations of 10k (rasd.cache)
_FOCUS_FILTERED = TwoGen(10_000)


def _first(pair: tuple):
    return pair[0]


def _type_ok(kb_type: str, ner_type: str) -> bool:
    return kb_type == ner_type or (kb_type == "OFFICE" and ner_type == "PER")


def _office_live(e, date: str | None) -> int:
    if not date or not e.offices:
        return 0
    d = date[:10]
    return int(any((s is None or s <= d) and (t is None or d <= t) for _c, s, t in e.offices))
