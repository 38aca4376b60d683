"""Finding place names in text and choosing which place each one means.

Detection: token n-grams over the normalised text, longest match first, clitic-aware
(a leading و ف ب ل ك, or لل for ال, is tried off; the mention never includes it).
A cue word before the name (محافظة، ولاية، مدينة، حي ...) restricts the kind of place;
administrative cues (محافظة، ولاية، إقليم، حي، قرية ...) are part of the mention, as the
gold convention writes them (``محافظة الأحساء``), while مدينة/منطقة are not.

Streets, squares, mosques, roads ("شارع X", "مسجد X", "الدائري السابع") are found by their
cue word as sites without a gazetteer place (see :data:`SITE_CUES`); local names (place
keys "O...", from ``idrisi_odbl.tsv.gz``) made of common words need a place of the same
country within 150 km (:func:`_accept_focus_near`).

Resolution: every candidate gets a score from its prominence (population, level), the cue
word, the countries the document is about (country names, nationality adjectives, and
unambiguous places) and the distance to the other places of the document; the best one
wins unless it is a small place far from everything else the document names (then
``None``: no far-away guess).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import compress
from operator import attrgetter
from dataclasses import dataclass, field

from rasd.cache import TwoGen, bound
from rasd.doc import Token
from rasd.geo.gazetteer import Entry, Gazetteer, Place, gazetteer, nationality
from rasd.geo.keys import CUES, DIRECTIONS, MENTION_CUES, name_key
from rasd.text.tokens import tokenize, word_frequencies

#: Words after which an ambiguous adjective-like name (مالي) reads as a place.
PREPOSITIONS = frozenset(name_key(w) for w in (
    "في من إلى الى عن على مع حول داخل خارج بين نحو تجاه لدى عبر قرب بالقرب أنحاء انحاء "
    "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط حدود دولة جمهورية و ب ل ف ك سفير رئيس "
    "حكومة عاصمة أراضي اراضي أرض ارض مدن شعب جيش").split())

#: Nouns that "مالي" (financial) typically qualifies: these make it an adjective.
ADJ_HEADS = frozenset(name_key(w) for w in (
    "دعم عجز فساد وضع مستشار تقرير نظام قطاع سوق أداء مركز مبلغ تعويض استثمار احتياطي "
    "ضمان إصلاح تمويل التزام عبء دخل مورد مصدر حساب عائد ربح خسارة تحليل دعما حافز "
    "مكافأة مدير خبير محلل مستوى عام عامل وزير أمن انهيار إفلاس تداول كشف بند مجال شأن "
    "استقلال استقرار تدقيق أمر امر تقدير بعد").split())

#: Trailing adjectives meaning "the northern part of" (منطقة تمبكتو الشمالية).
TRAILING_DIRS = frozenset(name_key(w) for w in (
    "الشمالية الجنوبية الشرقية الغربية الشمالي الجنوبي الشرقي الغربي الوسطى "
    "الشمالية الشرقية الشمالية الغربية").split())

#: Cue words after which a name the gazetteer lacks is still taken as a place (geo null).
UNKNOWN_CUES = frozenset({"قريه", "بلده", "حي", "ضاحيه", "مخيم", "ولايه", "محافظه", "اقليم",
                          "مقاطعه", "ناحيه", "غابه", "بلدات", "قري", "منطقه", "قضاء", "مناطق",
                          "احياء", "مدينه"})
#: Plural cues that head a coordinated list of names (مناطق الريسة والزهور).
_PLURAL_CUES = frozenset({"مناطق", "احياء", "قري", "بلدات", "ضواحي"})

#: Cues with a common other sense (قضاء "spending", مقاطعة "boycott", منطقة "area"): the
#: name after them must be rarer.
_LOOSE_CUES = frozenset({"قضاء", "مقاطعه", "منطقه", "بلده", "مناطق", "احياء", "مدينه"})

_UNKNOWN = Entry((), "cue")
#: A hashtag right after a settlement cue (بمنطقة #خيطان) is a name unless very common.
HASHTAG_MAX_FREQ = 500
_NEAR_CUES = frozenset({"حي", "ضاحيه", "قريه", "مخيم", "بلده"})

#: Cue words that say little about the kind of place ("area", "countryside").
VAGUE_CUES = frozenset({"منطقه", "ريف", "محيط", "ضواحي"})

#: Cue words that a gazetteer name may start with but that stay outside the mention.
SPLIT_CUES = frozenset({"مدينه", "منطقه"})

_CITY_CUES = frozenset({"مدينه", "بلده", "العاصمه", "قريه"})

#: Indefinite "عاصمة X" is a construct, "the capital of X": X names the country (or an
#: admin area), never a town (مسقط عاصمة عمان: Oman, not Amman). "العاصمة X" (with ال) is
#: apposition, "the capital, X", and stays a city cue.
_CAPITAL_OF = "عاصمه"
_CAPITAL_OF_LEVELS = ("admin1", "admin2")

#: First words of two-word place names (أم الرصاص، أبو ديس، بني سهيلا، رأس العين، تل أبيض).
COMPOUND_HEADS = frozenset(name_key(w) for w in (
    "أم أبو بني رأس راس عين تل دير كفر بير بئر سيدي خربة جبل").split())


@dataclass
class Hit:
    """One place name found in the text."""

    start: int            # mention start (cue included for administrative cues)
    end: int
    key: str              # normalised name that matched
    entry: Entry
    name_start: int       # the name itself, without cue
    cue: str | None = None
    direction: str | None = None   # "شمال" before the name, or a trailing adjective
    accepted: bool = True
    sentence: int = 0
    place: Place | None = None
    score: float = 0.0
    alts: list[Place] = field(default_factory=list)


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    norm: str
    clitic_before: str = ""     # detached clitic token text right before (no space)
    clitic_start: int = -1
    joinable: bool = True       # may be joined with the next word into one name
    sentence: int = 0


_ARABIC_WORD = re.compile(r"^[\u0621-\u064a]+$")


@lru_cache(maxsize=bound(50_000))  # bounded for long runs (rasd.cache)
def _word_key(w: str) -> str:
    """name_key of one token (cached; most tokens are already plain normalised letters)."""
    if _ARABIC_WORD.match(w):
        return w
    return name_key(w)


_TANWIN = frozenset("\u064b\u064c\u064d")
_JOINERS = frozenset("#_\u200c\u200d\u200f\u200e\"'«»")


def _maybe_clitic_name(key: str, keep: frozenset[str] | set[str]) -> bool:
    """Whether ``key`` may be a name with an unsplit proclitic (بمأدبا، وللرياض)."""
    if not key or key[0] not in "وفبلك":
        return False
    rest = key[1:]
    if rest in keep or ("ا" + rest) in keep:
        return True
    if len(key) > 2 and key[1] in "بلك":
        rest2 = key[2:]
        return rest2 in keep or ("ا" + rest2) in keep
    return False


# Token classes for _words (cached per keep-set): what a token is for name search.
_PUNCT, _BARRIER, _TANWIN_W = 0, 1, 2  # _BARRIER tags (class, key) tuples


def _classify(raw: str, norm: str, keep: frozenset[str] | set[str] | None,
              cache: dict[str, object]) -> object:
    """_PUNCT, _TANWIN_W, _BARRIER (a word no name contains), or the word's key."""
    c = cache[raw]  # a TwoGen: None on a miss
    if c is not None:
        return c
    if not raw or not raw[0].isalpha():
        c = _PUNCT
    elif raw[-1] in _TANWIN:
        c = _TANWIN_W  # an indefinite accusative/nominative (وجوباً، صنعًا) is no place name
    else:
        key = _word_key(norm or raw)
        if keep is not None and key not in keep and not _maybe_clitic_name(key, keep):
            c = (_BARRIER, key)
        else:
            c = key
    return cache.put(raw, c)


# raw token → its class (see _classify); two generations of 50k words each (rasd.cache)
_NO_KEEP_CACHE = TwoGen(50_000)


def _words(text: str, tokens: list[Token] | None, keep: frozenset[str] | None = None,
           cache: dict[str, object] | None = None) -> list[_Word]:
    """The words of the text; with ``keep``, words that cannot be part of any name (nor a
    cue) are left out, the word before them marked as not joinable."""
    toks = tokens if tokens else tokenize(text)
    if cache is None:
        cache = _NO_KEEP_CACHE if keep is None else TwoGen(50_000)
    out: list[_Word] = []
    pending: Token | None = None
    after_cue = False
    for t in toks:
        if t.clitic:
            pending = t
            continue
        # The young generation in C (TwoGen.get is Python-level and this runs per token);
        # a miss goes through _classify, whose cache[raw] also looks in the old one.
        c = dict.get(cache, t.text)
        if c is None:
            c = _classify(t.text, t.norm, keep, cache)
        if type(c) is int:
            # Punctuation between words: only hashtag/underscore keep them joinable;
            # a tanwin word breaks names too.
            if out and (c == _TANWIN_W or t.text not in _JOINERS):
                out[-1].joinable = False
            pending = None
            continue
        if type(c) is tuple:  # a word no name contains
            if pending is None and not after_cue:
                if out:
                    out[-1].joinable = False
                continue
            key = c[1]
        else:
            key = c
        after_cue = key in UNKNOWN_CUES or (
            len(key) >= 3 and key[0] in "وفبل" and key[1:] in UNKNOWN_CUES) or (
            after_cue and key in COMPOUND_HEADS)  # قرية أبو X: keep X too
        w = _Word(t.start, t.end, key, sentence=t.sentence)
        if pending is not None and pending.end == t.start:
            w.clitic_before = _word_key(pending.norm or pending.text)
            w.clitic_start = pending.start
        pending = None
        out.append(w)
    return out


def _first_variants(w: _Word) -> list[tuple[str, int]]:
    """Forms of a first word to look up, each with how many original chars to skip."""
    n = w.norm
    out = [(n, 0)]
    if w.clitic_before:
        # The tokenizer may have split a clitic that belongs to the name (لحج → ل حج).
        out.append((w.clitic_before + n, -1))
        if w.clitic_before == "ل" and n.startswith("ل") and len(n) >= 4:
            out.append(("ا" + n, 0))  # لل + name: the article's alef is elided (للرياض)
    if not n.startswith(("وال", "بال", "لل", "فال", "كال", "وبال", "ولل")) and \
            word_frequencies().get(n, 0) >= 300:
        # A common word as a whole (وكالة، وكيل): its first letter is no clitic.
        return out
    if len(n) >= 4 and n[0] in "وف":
        out.append((n[1:], 1))
        if len(n) >= 5 and n[1] in "بلك":
            out.append((n[2:], 2))
            if n[1] == "ل" and n[2] == "ل":
                out.append(("ا" + n[2:], 2))
    if len(n) >= 4 and n[0] in "بلك":
        out.append((n[1:], 1))
        if n[0] == "ل" and n[1] == "ل":
            out.append(("ا" + n[1:], 1))  # للرياض → الرياض
    return out


#: Arabic-speaking countries: there, a town's Arabic name is its own name; elsewhere only
#: big places are taken after a stripped clitic (باكورة is no ب + Akure).
HOME = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH".split())


def _near_home(entry: Entry | None) -> bool:
    return entry is not None and any(
        p.country in HOME or p.level in ("country", "region") or p.prominence >= 6.5
        for p in entry.places)


class Finder:
    """Finds place names in a text with a :class:`Gazetteer`."""

    def __init__(self, gaz: Gazetteer | None = None, max_words: int = 6,
                 unknown: bool = True) -> None:
        self.gaz = gaz or gazetteer()
        self.max_words = min(max_words, self.gaz.max_words)
        self.unknown = unknown
        self.keep = self.gaz.all_words | UNKNOWN_CUES | CUES.keys() | DIRECTIONS | TRAILING_DIRS
        self._cache = TwoGen(50_000)  # for _classify

    def find(self, text: str, tokens: list[Token] | None = None) -> list[Hit]:
        """Every gazetteer name in ``text`` (longest match, no overlaps), flags not applied."""
        if tokens is None:
            tokens = tokenize(text)
        words = _words(text, tokens, self.keep, self._cache)
        gaz = self.gaz
        hits: list[Hit] = []
        i = 0
        n = len(words)
        first_words = gaz.first_words
        raw = gaz._raw
        prefixes = gaz.prefixes
        maxw = self.max_words
        while i < n:
            best = None
            wi = words[i]
            if wi.clitic_before or wi.norm[:1] in "وفبلك":
                variants = _first_variants(wi)
            elif wi.norm in first_words:
                variants = [(wi.norm, 0)]
            else:
                i += 1
                continue
            for first, skip in variants:
                if first not in first_words:
                    continue
                key = first
                j = i
                cand = (j, key) if key in raw else None
                while key in prefixes and j + 1 < n and j - i + 1 < maxw and words[j].joinable:
                    j += 1
                    wj = words[j]
                    k2 = key + " " + wj.clitic_before + wj.norm if wj.clitic_before else ""
                    if k2 and (k2 in raw or k2 in prefixes):
                        key = k2  # a clitic inside the name: المعهد القومي للأورام (ل + لأورام)
                    else:
                        key = key + " " + wj.norm
                    if key in raw:
                        cand = (j, key)
                if cand and skip == 0 and first == wi.norm and wi.clitic_before and \
                        raw[cand[1]][0] != "strong" and \
                        (wi.clitic_before + wi.norm) in _SITE_TRIGGERS:
                    # The tokenizer split a site word: since the text round of 2026-11-30
                    # only the ى spelling (وادى → و + ادى, mostly "وأدى" in news, so the
                    # split is usually right). No name needing context is read in its
                    # tail (منطقة وادى الظليل is no Eritrean Edd).
                    cand = None
                if cand and skip > 0 and not first.startswith("ال") and (
                        raw[cand[1]][0] != "strong" or not _near_home(gaz.entry(cand[1]))):
                    # A stripped "clitic" before a name that needs context, or before a small
                    # town far from the Arabic-speaking world (باكورة is no ب + Akure): no.
                    cand = None
                if cand and (best is None or cand[0] > best[0]):
                    best = (cand[0], cand[1], skip)
            if best is None:
                i += 1
                continue
            j, key, skip = best
            head, _, rest = key.partition(" ")
            if head in SPLIT_CUES and rest in gaz and j > i:
                # "منطقة تمبكتو": the cue is context, the mention is the name (gold style).
                i += 1
                skip = 0
                key = rest
            w0 = words[i]
            s = w0.clitic_start if skip == -1 else w0.start + self._orig_skip(text, w0.start, skip)
            e = words[j].end
            h = Hit(s, e, key, gaz.entry(key), s, sentence=w0.sentence)  # type: ignore[arg-type]
            self._context(text, words, i, j, h)
            hits.append(h)
            i = j + 1
        if self.unknown:
            hits.extend(self._cued_unknowns(text, words, hits, tokens))
            hits.sort(key=lambda h: h.start)
            sites = _site_cued(text, tokens, hits)
            if sites:
                # Hits inside a site phrase (weak names: الحمراء in شارع الحمراء) give way.
                in_site = _Covered(len(text))
                for st in sites:
                    in_site.add(st.start, st.end)
                hits[:] = [h for h in hits if not in_site.hit(h.start, h.end)]
                hits.extend(sites)
                hits.sort(key=lambda h: h.start)
        return hits

    def _cued_unknowns(self, text: str, words: list[_Word], hits: list[Hit],
                       tokens: list[Token] | None = None) -> list[Hit]:
        """Names the gazetteer lacks, after a settlement/area cue: "قرية الدالوة"."""
        covered = _Covered(len(text))
        for h in hits:
            covered.add(h.start, h.end)
        freq = word_frequencies()
        out = []
        lists: list[int] = []
        for i in range(len(words) - 1):
            cw, nw = words[i], words[i + 1]
            cue = cw.norm if cw.norm in UNKNOWN_CUES else (
                cw.norm[1:] if len(cw.norm) >= 3 and cw.norm[0] in "وفبل" and cw.norm[1:] in UNKNOWN_CUES
                else None)
            if cue is None or not cw.joinable or nw.clitic_before:
                continue
            n = nw.norm
            last = nw
            if n in COMPOUND_HEADS and nw.joinable and i + 2 < len(words) and \
                    not words[i + 2].clitic_before and _ARABIC_WORD.match(words[i + 2].norm):
                # "قضاء أم الرصاص": the head and the word after it; the word is checked below.
                last = words[i + 2]
                n = last.norm
            if len(n) < 3 or not _ARABIC_WORD.match(n):
                continue
            # A definite noun names the place unless it is a common word (الجديدة، الأخرى);
            # an indefinite one must be rare (a proper name, not "قرية صغيرة").
            compound = last is not nw  # "أم X": the head says it is a name; X may be a word
            loose = cue in _LOOSE_CUES and not compound
            # "بمنطقة #خيطان": a hashtag says the word is a name.
            tagged = "#" in text[cw.end:nw.start] and freq.get(n, 0) < HASHTAG_MAX_FREQ
            if n.startswith("ال"):
                # After حي/ضاحية a definite noun names the neighbourhood even when it is a
                # common word (حي النهضة، ضاحية السلام، حي الموظفين); not a title (حي
                # الملك فهد). (Events take the town named right after such a site,
                # "ضاحية السلام وسط العريش", as an event's place: events/args.py.)
                lim = 560 if compound else 300 if loose else 570 if (
                    cue in ("حي", "ضاحيه") and n not in _TITLES) else 450
                if not tagged and freq.get(n, 0) >= lim \
                        or len(n) < 5 or (cue in ("قضاء", "مقاطعه") and not compound):
                    continue
            else:
                if not tagged and freq.get(n, 0) >= (420 if compound else 200 if loose else 300) \
                        and not (cue in _NEAR_CUES and freq.get(n, 0) < 520
                                 and self._in_town(words, i + 2)):
                    # ... unless the text says which town it is in: "حي بدر بمدينة الدمام".
                    continue
                if loose and (n.endswith(("ها", "هم", "هن", "كم", "ته")) or n[-1] == "ا"):
                    continue  # a possessive or an adverb: قضاء إجازتهم، بلده معزولا
            if covered.hit(nw.start, last.end):
                continue
            if last is not nw:
                n = nw.norm + " " + n
            start = cw.start
            if cw.norm != cue:
                start = cw.start + self._orig_skip(text, cw.start, len(cw.norm) - len(cue))
            h = Hit(start if cue in MENTION_CUES else nw.start, last.end, n, _UNKNOWN, nw.start,
                    cue=cue, sentence=nw.sentence)
            out.append(h)
            covered.add(h.start, h.end)
            if cue in _PLURAL_CUES:
                lists.append(nw.end)
        # "مناطق الريسة والزهور": the names coordinated after a plural cue.
        if lists:
            toks = tokens if tokens is not None else tokenize(text)
            end_at = {t.end: k for k, t in enumerate(toks)}
            for end in lists:
                k = end_at.get(end)
                while k is not None and k + 2 < len(toks):
                    c, t = toks[k + 1], toks[k + 2]
                    if not (c.clitic and c.norm == "و" and c.end == t.start) or t.clitic:
                        break
                    n = t.norm
                    if not _ARABIC_WORD.match(n) or not n.startswith("ال") or len(n) < 5 \
                            or freq.get(n, 0) >= 450 or covered.hit(t.start, t.end):
                        break
                    out.append(Hit(t.start, t.end, n, _UNKNOWN, t.start, cue=None,
                                   sentence=t.sentence))
                    covered.add(t.start, t.end)
                    k += 2
        # The same names elsewhere in the text, without their cue ("الدالوة").
        # (not a common word taken only for its town: حي بدر does not make every بدر a place)
        # (nor a common word taken after حي only: حي السلام does not make السلام "peace" a place)
        names = {h.key for h in out
                 if freq.get(h.key, 0) < (450 if h.key.startswith("ال") else 300)}
        if names:
            for t in tokens if tokens is not None else tokenize(text):
                if t.clitic or t.norm not in names:
                    continue
                if not covered.hit(t.start, t.end):
                    out.append(Hit(t.start, t.end, t.norm, _UNKNOWN, t.start, sentence=t.sentence))
                    covered.add(t.start, t.end)
        return out

    def _in_town(self, words: list[_Word], k: int) -> bool:
        """Whether ``words[k]`` is "ب" + مدينة/محافظة or + a town name taken on sight."""
        if k >= len(words) or words[k].clitic_before != "ب" or not words[k - 1].joinable:
            return False
        n = words[k].norm
        if n in ("مدينه", "محافظه"):
            return True
        e = self.gaz.entry(n)
        return e is not None and e.flag == "strong"

    @staticmethod
    def _orig_skip(text: str, start: int, skip: int) -> int:
        # Skip ``skip`` letters of the original (diacritics after them go too).
        k = start
        seen = 0
        while seen < skip and k < len(text):
            if name_key(text[k]):
                seen += 1
            k += 1
        while k < len(text) and not name_key(text[k]) and text[k].strip():
            k += 1
        return k - start

    def _context(self, text: str, words: list[_Word], i: int, j: int, h: Hit) -> None:
        if i > 0 and words[i - 1].joinable:
            p = words[i - 1]
            pn = p.norm
            # Strip an unsplit clitic off the cue word (بمحافظة).
            variants = [pn] + ([pn[1:]] if len(pn) > 3 and pn[0] in "وفبلك" else [])
            if len(pn) > 4 and pn[0] in "وف" and pn[1] in "بلك":
                variants.append(pn[2:])
            for v in variants:
                if v in CUES:
                    if v == _CAPITAL_OF and pn == "ل" + v and p.clitic_before == "ل":
                        v = "العاصمه"  # للعاصمة: ل + the article, its alef elided
                    h.cue = v
                    if v in MENTION_CUES:
                        h.start = p.start + (len(p.norm) - len(v) if v != pn else 0)
                        if v != pn:
                            h.start = p.start + self._orig_skip(text, p.start, len(pn) - len(v))
                    break
                if v in DIRECTIONS:
                    h.direction = v
                    break
            if h.cue is None and h.direction is None and i > 1 and words[i - 2].joinable:
                two = words[i - 2].norm + " " + pn
                if two in DIRECTIONS:
                    h.direction = two
        if j + 1 < len(words) and words[j].joinable and words[j + 1].norm in TRAILING_DIRS:
            h.direction = h.direction or words[j + 1].norm


#: Cue words of places inside a town (streets, squares, mosques ...): "شارع X" is a site
#: whether or not the gazetteer knows X. Hospitals, schools and universities are left to
#: NER (organisations in the gold convention). Value: how much the name after it must
#: look like a name — "literal" cues are almost always followed by one, "loose" ones have
#: common figurative uses (طريق الحل، سوق العمل، ساحة المعركة، جسر الثقة).
SITE_CUES: dict[str, str] = {name_key(w): kind for w, kind in (
    ("شارع", "literal"), ("ميدان", "literal"), ("دوار", "literal"), ("مسجد", "literal"),
    ("جامع", "literal"), ("كورنيش", "literal"), ("حارة", "literal"),
    ("زقاق", "literal"), ("مستوطنة", "literal"), ("طريق", "loose"), ("نفق", "loose"),
    ("ساحة", "loose"), ("جسر", "loose"), ("مطار", "loose"), ("ميناء", "loose"),
    ("مرفأ", "loose"), ("جبل", "loose"), ("وادي", "loose"), ("سد", "loose"),
    ("معبر", "loose"), ("مقبرة", "loose"),
)}
# Not cues: سوق (in news mostly a market in the economic sense: سوق الأسهم، سوق العقار),
# بوابة (web portals: بوابة القبول).
#: Titles that start a person's name a street or mosque is named after (شارع الملك فهد).
_TITLES = frozenset(name_key(w) for w in (
    "الملك الأمير الشيخ الإمام السلطان الشهيد الرئيس السيدة الخليفة الحاج".split()))
_NAME_LINKS = frozenset(name_key(w) for w in "عبد أبو ابو أبي ابي أم ام بن ابن بني آل".split())
_LINEAGE = frozenset(name_key(w) for w in "بن ابن بنت".split())
#: Trailing words that belong to a road's name (طريق العريش الدائري).
_ROAD_TAILS = frozenset(name_key(w) for w in (
    "الدائري السريع الدولي الصحراوي الساحلي الزراعي الكبير الشمالي الجنوبي الشرقي الغربي "
    "العام الرئيسي").split())
#: Words after a cue that are no name (شارع رئيسي، طريق طويل، الطريق الصحيح ...).
_NOT_NAMES = frozenset(name_key(w) for w in (
    "رئيسي الرئيسي فرعي الفرعي جديد الجديد الجديدة قديم القديم القديمة طويل الطويل واحد "
    "آخر الآخر اخر الاخر عام العام كبير الكبير صغير الصغير الوحيد نفسه ذاته الصحيح الخطأ "
    "المؤدي المؤدية الذي التي الواقع الواقعة المحاذي المجاور المجاورة المقابل الرابط "
    "المحلي المحلية الدولي المالية المال الأسهم الاسهم العمل الحل السلام التسوية "
    "المعركة القتال الحرب الحوار الثقة التواصل النجاح الهاوية المفاوضات الحرية "
    "النفط السيارات الذهب العقارات الصرف السوداء الموازية الرسمية العالمية الأوروبية "
    "العربية المشتركة الحرة الإسلامية اللعب الشرف العرض السباق الفجوة الثغرة الذرائع "
    "العجز النقص الحاجة الفراغ الديون الخطر الصواب الإسعاف النجاة العودة الخلاص").split())
#: Prefixes of verbal nouns of derived verb forms (التوصل، الاستثمار، الانتقال): after a
#: loose cue such a word is a figurative use (طريق التوصل "the way to reach").
_VERBAL_NOUN = ("الت", "الاست", "الان")
_ORDINALS = frozenset(name_key(w) for w in (
    "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر").split())
_DEF_RING = frozenset(name_key(w) for w in "الدائري الدوار".split())
_SEPARATORS = re.compile(r"^[\s#_\u200c\u200d\u200e\u200f]*$")


_SITE_TRIGGERS = frozenset(SITE_CUES) | _DEF_RING
_NORM = attrgetter("norm")


#: The tokenizer keeps وادي ("valley") whole but still reads the ى spelling وادى as
#: و + ادى (right for "وأدى" written without hamza, its usual sense): the glued form is
#: the cue, and a site phrase needs a name after it, so "وادى ذلك إلى" gives none.
_ANY_TRIGGER = _SITE_TRIGGERS | {"ادي"}


def _glue_wadi(tokens: list[Token]) -> list[Token]:
    """The tokens with a clitic و right before ادي/ادى joined back into the word وادي."""
    out: list[Token] = []
    for t in tokens:
        p = out[-1] if out else None
        if t.norm == "ادي" and p is not None and p.clitic and p.norm == "و" and p.end == t.start:
            out[-1] = Token(p.start, t.end, p.text + t.text, "وادي", False, t.sentence)
        else:
            out.append(t)
    return out


def _site_cued(text: str, tokens: list[Token], hits: list[Hit]) -> list[Hit]:
    """Sites after a street/square/mosque cue ("شارع الملك فهد", "#جسر_الشيخ_جابر", "دوار الداخلية")
    and ring roads by number ("الدائري السابع"): LOC mentions without a gazetteer place
    (cue included in the mention, as the gold convention writes them)."""
    out: list[Hit] = []
    if _ANY_TRIGGER.isdisjoint(map(_NORM, tokens)):
        return out  # most texts: one pass in C
    found = [i for i, n in enumerate(map(_NORM, tokens)) if n in _ANY_TRIGGER]
    if any(tokens[i].norm == "ادي" for i in found):
        tokens = _glue_wadi(tokens)
        found = [i for i, n in enumerate(map(_NORM, tokens)) if n in _SITE_TRIGGERS]
    covered: _Covered | None = None
    freq: dict[str, int] | None = None
    ntok = len(tokens)
    end = -1
    for k0 in found:
        if tokens[k0].norm not in _SITE_TRIGGERS:
            continue
        c = tokens[k0]
        k0 += 1
        if c.clitic or c.start < end:
            continue
        # The next few words (clitics and punctuation stop a name: see adjacent()).
        words = [c]
        k = k0
        while k < ntok and len(words) < 9:
            t = tokens[k]
            k += 1
            if t.clitic or not t.text[:1].isalpha():
                if t.text in ("#", "_"):
                    continue
                break
            words.append(t)
        if len(words) < 2:
            continue
        if covered is None:
            # Names taken on sight block a site phrase (طريق الرياض stays Riyadh); a name
            # needing context inside one is dropped for it (شارع الحمراء is no الحمراء);
            # a local name that starts with the cue itself (شارع كورنيش النيل) blocks it.
            covered = _Covered(len(text))
            for h in hits:
                if h.entry.flag in ("strong", "cue") or h.entry.places and (
                        h.entry.places[0].key.startswith("O")
                        or h.key.partition(" ")[0] in _SITE_TRIGGERS):
                    # (a known name that starts with the cue itself, e.g. وادي الدواسر, too)
                    covered.add(h.start, h.end)
            freq = word_frequencies()
        prev = ""
        if k0 >= 2 and not tokens[k0 - 2].clitic and tokens[k0 - 2].sentence == c.sentence:
            prev = tokens[k0 - 2].norm
        j = _site_name_end(text, words, freq, prev)  # type: ignore[arg-type]
        if j == 0 or covered.hit(c.start, words[j].end):
            continue
        key = " ".join(_word_key(x.norm) for x in words[:j + 1])
        h = Hit(c.start, words[j].end, key, _UNKNOWN, c.start, cue=c.norm, sentence=c.sentence)
        out.append(h)
        covered.add(h.start, h.end)
        end = h.end
    return out


def _possessive(k: str, freq: dict[str, int]) -> bool:
    """A common noun with a possessive suffix (جارتنا، طوله، أرضهم)."""
    for suf in ("ها", "هم", "هن", "كم", "نا", "ه"):
        if k.endswith(suf) and len(k) - len(suf) >= 2:
            stem = k[:-len(suf)]
            if freq.get(stem, 0) >= 350 or (stem.endswith("ت") and freq.get(stem[:-1] + "ه", 0) >= 350):
                return True
    return False


def _site_name_end(text: str, words: list[Token], freq: dict[str, int],
                   prev_word: str = "", nested: bool = False) -> int:
    """Index in ``words`` (``words[0]`` the cue) of the last word of the site's name, or 0
    when what follows the cue is no name. ``prev_word``: the word before the cue;
    ``nested``: the cue follows another one (طريق وادي عربة، طريق ميناء عبدالله), which
    already says a name comes: the looser "literal" test applies."""
    n = len(words)
    ck = words[0].norm
    kind = SITE_CUES.get(ck)
    if nested and kind is not None:
        kind = "literal"

    def adjacent(a: Token, b: Token) -> bool:
        return a.sentence == b.sentence and _SEPARATORS.match(text[a.end:b.start]) is not None

    def key(i: int) -> str:
        return _word_key(words[i].norm or words[i].text)

    if not adjacent(words[0], words[1]):
        return 0
    k = key(1)
    if not _ARABIC_WORD.match(k) or len(k) < 2:
        return 0
    if ck == "طريق" and prev_word == "عن":
        return 0  # عن طريق "by means of"
    j = 1
    if kind is None:  # الدائري / الدوار + ordinal
        if k not in _ORDINALS:
            return 0
    elif k in SITE_CUES and not nested and n > 2:
        # A site inside a site's name: طريق وادي عربة، طريق ميناء عبدالله.
        j2 = _site_name_end(text, words[1:], freq, "", nested=True)
        if j2 == 0:
            return 0
        j = 1 + j2
    elif k in _NOT_NAMES or (_possessive(k, freq) and not (
            words[1].text.endswith("ة") and not k.startswith("ال"))) or (
            k[0] in "وفبلك" and (k[1:] in SITE_CUES or freq.get(k[1:], 0) >= 350)):
        return 0  # a possessive (جارتنا، طوله) or a clitic + word (وحي، ببراعة)
    elif k in _TITLES or k in _NAME_LINKS:
        # شارع الملك فهد / مسجد الإمام علي / طريق عبد الله: the title and the name.
        if j + 1 < n and adjacent(words[j], words[j + 1]) and _ARABIC_WORD.match(key(j + 1)):
            j += 1
            if key(j) in _NAME_LINKS and j + 1 < n and adjacent(words[j], words[j + 1]):
                j += 1  # الملك عبد العزيز
        else:
            return 0
    else:
        f = freq.get(k, 0)
        definite = k.startswith("ال") and len(k) >= 5
        if kind == "literal":
            ok = (definite and f < 560) or f < 420
        else:
            ok = (definite and f < 430 and not k.startswith(_VERBAL_NOUN)
                  and not k.endswith("ات")) or (not definite and f < 150)
            if not ok and definite and f < 560 and ck == "طريق" and 2 < n and \
                    adjacent(words[1], words[2]) and key(2) in _ROAD_TAILS:
                ok = True  # "طريق الكريمات الصحراوي": a road's tail makes it a road's name
        if not ok:
            return 0
    # "بن أبي طالب": a person's lineage continues the name.
    for _ in range(2):
        if j + 2 < n and adjacent(words[j], words[j + 1]) and adjacent(words[j + 1], words[j + 2]) \
                and key(j + 1) in _LINEAGE:
            j += 2
            if key(j) in _NAME_LINKS and j + 1 < n and adjacent(words[j], words[j + 1]):
                j += 1
    # A road's tail (الدائري، السريع) or a ring number.
    if j + 1 < n and adjacent(words[j], words[j + 1]):
        nk = key(j + 1)
        if nk in _ROAD_TAILS or (ck in _RING_HEADS and nk in _ORDINALS):
            j += 1
    return j


_RING_HEADS = _DEF_RING | {name_key("طريق"), name_key("دوار")}


class _Covered:
    """Which characters of a text are already inside a hit."""

    __slots__ = ("flags",)

    def __init__(self, n: int) -> None:
        self.flags = bytearray(n + 1)

    def add(self, s: int, e: int) -> None:
        self.flags[s:e] = b"\x01" * (e - s)

    def hit(self, s: int, e: int) -> bool:
        return 1 in self.flags[s:e]


@dataclass
class DocContext:
    """What the document is about: countries (weighted) and places already placed."""

    countries: dict[str, float] = field(default_factory=dict)
    anchors: list[Place] = field(default_factory=list)
    #: Countries of the document's KB-linked persons and institutions (a king, a ministry):
    #: they weigh in where a name's readings compete (عمان: Amman or Oman), but say nothing
    #: on their own about which names are places (``countries`` does that).
    actors: dict[str, float] = field(default_factory=dict)
    #: Exactly tied readings go to the home kingdom's (``Rules.home_ties``).
    home_ties: bool = True

    def share(self, cc: str | None) -> float:
        tot = sum(self.countries.values())
        return self.countries.get(cc or "", 0.0) / tot if tot else 0.0

    def focus_share(self, cc: str | None) -> float:
        """Share of country ``cc`` where each country weighs the more of what its places
        and what its actors say (the two are no independent evidence: a US official in a
        story naming the US adds nothing), never below its share among the places alone
        (an actor takes no weight from a country the text names)."""
        own = self.share(cc)
        if not self.actors:
            return own
        cc = cc or ""
        countries, actors = self.countries, self.actors
        tot = sum(max(w, actors.get(c, 0.0)) for c, w in countries.items()) + \
            sum(w for c, w in actors.items() if c not in countries)
        return max(own, max(countries.get(cc, 0.0), actors.get(cc, 0.0)) / tot)


def km(a: Place, b: Place) -> float:
    """Approximate distance in km (equirectangular; good to a few % below 1000 km)."""
    x = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    y = math.radians(b.lat - a.lat)
    return 6371.0 * math.sqrt(x * x + y * y)


def _nearest(p: Place, others: list[Place]) -> float:
    """Approximate distance in km from ``p`` to the nearest of ``others``."""
    best = 1e18
    plat, plon = p.lat, p.lon
    cosl = math.cos(math.radians(plat))
    for a in others:
        x = (a.lon - plon) * cosl
        y = a.lat - plat
        d = x * x + y * y
        if d < best:
            best = d
    return 111.195 * math.sqrt(best)


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


def score(p: Place, cue: str | None, ctx: DocContext, same_name: tuple[Place, ...],
          others: list[Place] | None = None) -> float:
    """How well place ``p`` fits one mention (higher is better). ``others``: the document's
    anchor places that are not readings of this same name (computed if not given)."""
    s = p.prominence
    if cue == _CAPITAL_OF:
        # No malus for a town: a name the gazetteer only knows as a town stays placeable.
        # An admin area only in a country the document names (عاصمة باردة "a cold
        # capital" is no district of Azerbaijan; عاصمة كردستان next to Iran is Iraq's).
        if p.level in ("country", "region"):
            s += 3.0
        elif p.level in _CAPITAL_OF_LEVELS:
            s += 3.0 if ctx.focus_share(p.country) > 0 else -2.0
    elif cue:
        levels = CUES.get(cue, ())
        if p.level in levels:
            s += 1.5 if cue in VAGUE_CUES else 3.0
        elif levels:
            s -= 2.0
        if cue in _CITY_CUES and p.level == "city":
            s += 0.5
    if (cue is None or cue in VAGUE_CUES) and p.level in ("admin1", "admin2") and \
            any(q.level == "city" for q in same_name):
        # A bare name shared by a town and its district means the town.
        s -= 1.2
    if p.level == "country" and len(same_name) > 1 and (ctx.countries or ctx.actors) and \
            ctx.focus_share(p.country) == 0:
        # A document naming other countries but never this one: a same-named town of a
        # country it does name fits better (عمان next to الأردن and السعودية: Amman).
        s -= 0.5
    if p.level != "region":
        s += 3.0 * ctx.focus_share(p.country)
        # Distance to the document's other places (not to readings of this same name).
        if others is None:
            names = {q.key for q in same_name}
            others = [a for a in ctx.anchors if a.key not in names]
        if p.level != "country" and others:
            d = _nearest(p, others)
            if d < 60:
                s += 2.5
            elif d < 250:
                s += 1.5
            elif d < 800:
                s += 0.5
    return s


def _by_score(x: tuple[float, Place]) -> tuple[float, str]:
    return -x[0], x[1].key


def _by_score_home(x: tuple[float, Place]) -> tuple[float, bool, str]:
    # "في المملكة" in a story naming no country: all kingdoms score the same; the home
    # kingdom (Rasd's corpus is Saudi news) rather than the first key (Bahrain).
    p = x[1]
    return -x[0], not (p.level == "country" and p.country == HOME_KINGDOM), p.key


def _rank_key(ctx: DocContext):
    return _by_score_home if ctx.home_ties else _by_score


def resolve_entry(entry: Entry, cue: str | None, ctx: DocContext) -> tuple[Place | None, float]:
    """The best place for one mention, or ``None`` when nothing fits well enough."""
    if not entry.places:
        return None, 0.0
    names = {q.key for q in entry.places}
    others = [a for a in ctx.anchors if a.key not in names]
    ranked = sorted(((score(p, cue, ctx, entry.places, others), p) for p in entry.places),
                    key=_rank_key(ctx))
    best_s, best = ranked[0]
    if _too_far(best, ctx, cue) or _not_near(best, ctx, cue):
        # A small town in a country the document never mentions, far from its other
        # places: most likely a different, unknown place with the same name.
        return None, best_s
    return lift_to_admin(_country_over_capital(entry, best, cue), cue), best_s


def doc_context(text: str, hits: list[Hit], tokens: list[Token] | None = None) -> DocContext:
    """Countries a document is about, from its unambiguous places and nationality words."""
    ctx = DocContext()
    for h in hits:
        # Only names taken on sight (or with a cue) say what the document is about.
        if not h.accepted or not h.entry.places or h.entry.flag != "strong":
            continue
        ccs = {p.country for p in h.entry.places if p.country}
        if all(p.level == "city" and p.prominence < 5.0 for p in h.entry.places):
            continue  # a small town does not say what the document is about (nor vouch for itself)
        if len(ccs) == 1 or (h.entry.places[0].level == "country"
                             and all(p.prominence < 6.0 for p in h.entry.places[1:])):
            # A country name shared by lesser places abroad (لبنان: also Lebanon county,
            # Pennsylvania) still says which country the document is about.
            cc = h.entry.places[0].country if len(ccs) > 1 else next(iter(ccs))
            w = 1.0 if h.entry.places[0].level == "country" else 0.7
            ctx.countries[cc] = ctx.countries.get(cc, 0.0) + w
        p0 = h.entry.places[0]
        if len(h.entry.places) == 1 and p0.level not in ("region", "country") and \
                all(a.key != p0.key for a in ctx.anchors):
            ctx.anchors.append(p0)
    nat = gazetteer().nationalities
    if tokens:
        counts = Counter(map(_NORM, tokens))  # counted in C: this runs on every token
        for n in sorted(counts.keys() & nat.keys()):
            cc, ambiguous = nat[n]
            if not ambiguous and n.startswith("ال"):
                ctx.countries[cc] = ctx.countries.get(cc, 0.0) + 0.5 * counts[n]
    return ctx


def accept(h: Hit, words_before: str, word_after: str, coordinated: bool,
           seen_strong: set[str]) -> bool:
    """Whether a gazetteer hit is taken as a place mention (its flag and its context)."""
    flag = h.entry.flag
    if flag in ("strong", "cue", "focus"):
        return True  # "focus" is decided once the document's countries are known
    if h.cue or coordinated:
        return True
    if flag == "weak":
        # "شمال المدينة" is "north of the city": a direction word is no evidence here.
        return h.key in seen_strong
    if h.direction:
        return True
    if flag == "adj":
        if words_before in ADJ_HEADS:
            return False
        return words_before in PREPOSITIONS or words_before == "" or h.key in seen_strong
    if flag == "ctx":
        # "حماة الوطن" (protectors of the homeland): construct state before a definite noun.
        return not (word_after.startswith("ال") and word_after not in TRAILING_DIRS)
    return True


_FINDERS: dict[int, Finder] = {}


def _finder(gaz: Gazetteer) -> Finder:
    """One Finder per gazetteer (building its word sets takes a few ms)."""
    f = _FINDERS.get(id(gaz))
    if f is None or f.gaz is not gaz:
        f = _FINDERS[id(gaz)] = Finder(gaz)
    return f


def find_and_resolve(text: str, tokens: list[Token] | None = None,
                     gaz: Gazetteer | None = None) -> list[Hit]:
    """Gazetteer hits in ``text`` with ``accepted`` and ``place`` set."""
    return find_resolve_context(text, tokens, gaz)[0]


@dataclass(frozen=True)
class Rules:
    """Which optional finding/resolution rules run (all on by default; the geo stage sets
    them from its TOML options of the same names, so that a measurement can turn one off).

    ``typos``: a long country name with one letter missing or two swapped (الولايات المحدة);
    ``city_regions``: "المنطقة الباريسية" (a big city's relational adjective after المنطقة)
    is the region around the city; ``country_lists``: a country-or-town name listed next to
    a name that is only a country (لقطر، لعمان، لمصر) is the country; ``weak_near``: a weak
    local name near the document's places is taken (:func:`_accept_weak_near`);
    ``nisba_agreement``: a town named like a relational adjective right after a definite
    feminine noun is that adjective ("الحالة المطرية": no Cairo district); ``home_ties``:
    readings tied on score go to the home kingdom's (المملكة in a story naming no country:
    Saudi Arabia, not the first key, Bahrain)."""

    typos: bool = True
    city_regions: bool = True
    country_lists: bool = True
    weak_near: bool = True
    nisba_agreement: bool = True
    home_ties: bool = True


DEFAULT_RULES = Rules()


def find_resolve_context(text: str, tokens: list[Token] | None = None,
                         gaz: Gazetteer | None = None,
                         actors: dict[str, float] | None = None,
                         rules: Rules = DEFAULT_RULES) -> tuple[list[Hit], DocContext]:
    """:func:`find_and_resolve` plus the document context it used. ``actors``: country →
    weight of the document's KB-linked persons/institutions (:attr:`DocContext.actors`);
    ``rules``: the optional rules to run (:class:`Rules`)."""
    gaz = gaz or gazetteer()
    if tokens is None:
        tokens = tokenize(text)
    hits = _finder(gaz).find(text, tokens)
    if rules.typos:
        typos = typo_hits(text, tokens, hits, gaz)
        if typos:
            hits = sorted(hits + typos, key=attrgetter("start"))
    if rules.city_regions and "المنطقة ال" in text:
        regions = city_region_hits(text, tokens, hits, gaz)
        if regions:
            hits = sorted(hits + regions, key=attrgetter("start"))
    if not hits:
        ctx = doc_context(text, hits, tokens)
        ctx.actors = dict(actors or {})
        ctx.home_ties = rules.home_ties
        return hits, ctx
    _apply_acceptance(text, hits, rules.nisba_agreement)
    if "\u0651" in text or "\u064f" in text:
        _vocalised_readings(text, hits)
    ctx = doc_context(text, hits, tokens)
    ctx.home_ties = rules.home_ties
    if actors:
        ctx.actors = dict(actors)
    if rules.country_lists:
        _country_lists(text, hits)
    for h in hits:
        if h.entry.flag == "focus":
            # "المنطقة الشرقية" is Saudi Arabia's Eastern Province only in a Saudi story.
            # Local names (streets, sites: place keys "O...") need a nearby place instead.
            h.accepted = any(ctx.share(p.country) > 0 for p in h.entry.places
                             if not p.key.startswith("O"))
    for _ in range(2):
        # One reading per name per document: the candidate with the best total score over
        # all its occurrences (a cue on one occurrence counts for all).
        groups: dict[str, list[Hit]] = {}
        for h in hits:
            if h.accepted:
                groups.setdefault(h.key, []).append(h)
        for group in groups.values():
            place, s = resolve_group(group[0].entry, [h.cue for h in group], ctx)
            for h in group:
                h.place, h.score = place, s
        # Second round: what was chosen anchors the rest.
        ctx.anchors = anchors_of(hits)
    _accept_focus_near(hits, ctx)
    if rules.weak_near:
        _accept_weak_near(text, hits, ctx)
    _default_kingdom(text, hits, ctx)
    return hits, ctx


#: Between names of one list: "، ", " و", ", ل" (a country-or-town name listed next to a
#: name that is only a country is the country: ``Rules.country_lists``).
_COUNTRY_SEP = re.compile(r"^[\s,،]*(?:و|او|أو)?[بل]?\s*$")


def _only_country(h: Hit) -> bool:
    return h.accepted and bool(h.entry.places) and all(p.level == "country"
                                                       for p in h.entry.places)


def _country_lists(text: str, hits: list[Hit]) -> None:
    """Give a country cue to a bare country-or-town name coordinated with a name that is
    only a country (hits are sorted and never overlap)."""
    for i, h in enumerate(hits):
        if h.cue is not None or h.direction is not None or not h.accepted:
            continue
        levels = {p.level for p in h.entry.places}
        if "country" not in levels or len(levels) < 2:
            continue
        prev = hits[i - 1] if i else None
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if (prev is not None and _only_country(prev) and prev.end <= h.name_start
                and _COUNTRY_SEP.match(text[prev.end:h.name_start])) or \
                (nxt is not None and _only_country(nxt) and h.end <= nxt.name_start
                 and _COUNTRY_SEP.match(text[h.end:nxt.name_start])):
            h.cue = "دوله"


#: Cities this populous (or capitals) name a region after المنطقة.
CITY_REGION_POP = 1_000_000


def city_region_hits(text: str, tokens: list[Token], hits: list[Hit], gaz: Gazetteer
                     ) -> list[Hit]:
    """"المنطقة الباريسية": the region around a big city, named by the city's relational
    adjective (Paris + ية). Its own place (level ``region``, the city's point, no GeoNames
    id), so that it is never merged with the city."""
    out: list[Hit] = []
    taken = [(h.start, h.end) for h in hits]
    words = [t for t in tokens if not t.clitic]
    for a, b in zip(words, words[1:]):
        if a.norm != "المنطقه" or a.end + 1 != b.start:
            continue
        n = name_key(b.text)
        if not (n.startswith("ال") and n.endswith("يه")) or len(n) < 7:
            continue
        stem = n[2:-2]
        e = gaz.entry(stem)
        if e is None or e.flag != "strong" or not e.places:
            continue
        c = e.places[0]
        if c.level != "city" or not (c.fcode == "PPLC" or c.population >= CITY_REGION_POP):
            continue
        if nationality(n) is not None or any(x < b.end and a.start < y for x, y in taken):
            continue
        region = Place(key="R" + c.key, geonames_id=None, level="region", country=c.country,
                       admin1=c.admin1, lat=c.lat, lon=c.lon, population=0,
                       name_en=f"{c.name_en} region", fcode="")
        out.append(Hit(a.start, b.end, "المنطقه " + n, Entry((region,), "strong"), a.start,
                       sentence=a.sentence))
    return out


#: Country names at least this long (letters) may be matched with one typo.
TYPO_MIN_LEN = 7


@lru_cache(maxsize=4)
def _typo_index(gaz: Gazetteer) -> tuple[dict[str, str], frozenset[str]]:
    """Long country names (taken on sight), keyed by every form with one interior letter
    deleted; and the words of multi-word names."""
    index: dict[str, str] = {}
    clash: set[str] = set()
    words: set[str] = set()
    for key in gaz._raw:
        e = gaz.entry(key)
        if e is None or e.flag != "strong" or not e.places or e.places[0].level != "country":
            continue
        if len(key.replace(" ", "")) < TYPO_MIN_LEN:
            continue
        if " " in key:
            words.update(key.split(" "))
        for i in _typo_positions(key):
            if key[i] == " ":
                continue
            v = key[:i] + key[i + 1:]
            if v in index and index[v] != key:
                clash.add(v)
            index[v] = key
    for v in clash:
        del index[v]  # one typo, two names: no guess
    return index, frozenset(words)


def _typo_positions(key: str) -> range:
    """Where a typo may be: not in the first letter (a clitic: لامارات), not in the
    article nor the letter after it (الونان, a date variety, is no اليونان), not in the
    last two letters (suffixes: البحريين، الارجنتني، موريشيو)."""
    lo = 3 if key.startswith("ال") else 1
    return range(lo, len(key) - 2)


def _typo_of(cand: str, gaz: Gazetteer, index: dict[str, str]) -> str | None:
    """The country name ``cand`` misspells (one interior letter missing, or two adjacent
    interior letters swapped), or ``None``."""
    k = index.get(cand)
    if k is not None and k.count(" ") == cand.count(" "):
        return k
    names = _typo_names(gaz)
    rng = _typo_positions(cand)
    for i in range(rng.start, rng.stop - 1):
        x, y = cand[i], cand[i + 1]
        if x == y or x == " " or y == " ":
            continue
        v = cand[:i] + y + x + cand[i + 2:]
        if v in names:
            return v
    return None


@lru_cache(maxsize=4)
def _typo_names(gaz: Gazetteer) -> frozenset[str]:
    return frozenset(_typo_index(gaz)[0].values())


_TYPO_PREPS = frozenset(name_key(w) for w in
                        "في من إلى الى عن مع بين نحو داخل لدى عبر و ب ل ف".split())
_LIST_SEP = re.compile(r"[-–،,]\s*$")


def _typo_place_use(text: str, start: int, hits: list[Hit]) -> bool:
    """After a preposition (إلى بريطنيا) or next to a country in a list (تشاد - أرتيريا)."""
    if _prev_word(text, start) in _TYPO_PREPS:
        return True
    seg = text[max(0, start - 4):start]
    if not _LIST_SEP.search(seg):
        return False
    cut = start - len(seg) + _LIST_SEP.search(seg).start()
    return any(h.end <= cut and cut - h.end <= 2 and h.entry.places
               and h.entry.places[0].level == "country" for h in hits)


#: Normal form → typo class ("", "r", "s"; see :func:`typo_hits`), across documents; two
#: generations of 100k (rasd.cache); ``_TYPO_CLASS[k]`` is None for an unseen form and
#: stays a C-level lookup for a known one.
_TYPO_CLASS = TwoGen(100_000)


def _typo_class(w: str, gaz: Gazetteer) -> str:
    if len(w) < TYPO_MIN_LEN - 1 or w in word_frequencies():
        c = ""
    else:
        c = "s" if (_sig(w), len(w)) in _typo_sigs(gaz) else "r"
    return _TYPO_CLASS.put(w, c)


def _sig(w: str) -> str:
    """The part of a word a typo never touches (see :func:`_typo_positions`)."""
    return w[:3] if w.startswith("ال") else w[:1]


@lru_cache(maxsize=4)
def _typo_sigs(gaz: Gazetteer) -> frozenset[tuple[str, int]]:
    """(untouched start, length) of every one-word typo of a long country name."""
    out = set()
    for k in _typo_index(gaz)[0].values():
        if " " not in k:
            out.add((_sig(k), len(k)))
            out.add((_sig(k), len(k) - 1))
    return frozenset(out)


def typo_hits(text: str, tokens: list[Token], hits: list[Hit], gaz: Gazetteer) -> list[Hit]:
    """Country names with one typo ("الولايات المحدة", "إلى بريطنيا"): a word no word list
    or gazetteer knows, one interior letter short of (or with two letters swapped from) a
    long country name taken on sight."""
    toks = [t for t in tokens if not t.clitic]
    # Each normal form's class is cached across documents (C-level lookups per token):
    # "" no candidate, "r" a rare long word, "s" one that may also misspell a one-word name.
    cls = list(map(_TYPO_CLASS.__getitem__, map(_NORM, toks)))
    if None in cls:
        for i, c in enumerate(cls):
            if c is None:
                cls[i] = _typo_class(toks[i].norm, gaz)
    if "r" not in cls and "s" not in cls:
        return []
    index, mwords = _typo_index(gaz)
    out: list[Hit] = []
    taken: list[tuple[int, int]] | None = None
    short = TYPO_MIN_LEN - 1
    freq = word_frequencies()
    for i in compress(range(len(cls)), cls):  # (only the candidates, C-level)
        t, c = toks[i], cls[i]
        if "\u064b" in t.text:
            continue  # (tanween: an adverb or adjective, سماوياً)
        if c == "r" and not ((i > 0 and toks[i - 1].norm in mwords)
                             or (i + 1 < len(toks) and toks[i + 1].norm in mwords)):
            continue  # no long country name starts so and is about as long
        n = t.norm  # (the normal form: name keys differ only in rare letters)
        if len(n) < short or n in gaz or n in freq or not n.isalpha():
            continue
        cands = [(t.start, t.end, n)]
        if i > 0 and toks[i - 1].end + 1 == t.start:
            p = toks[i - 1].norm
            if p in mwords:
                cands.append((toks[i - 1].start, t.end, p + " " + n))
        if i + 1 < len(toks) and t.end + 1 == toks[i + 1].start:
            q = toks[i + 1].norm
            if q in mwords:
                cands.append((t.start, toks[i + 1].end, n + " " + q))
        for start, end, c in reversed(cands):
            k = _typo_of(c, gaz, index)
            if k is None:
                continue
            if " " not in k and not _typo_place_use(text, start, hits):
                # One misspelt word must be written as a place: "طائر السوان" (swan) or
                # "الأديبة دومنيكا" are no السودان / دومينيكا.
                break
            if taken is None:
                taken = [(h.start, h.end) for h in hits]
            if any(x < end and start < y for x, y in taken):
                break
            out.append(Hit(start, end, k, gaz.entry(k), start, sentence=t.sentence))
            taken.append((start, end))
            break
    return out


#: A weak name (also a common word) is taken as a place near the document's other places
#: only when the word itself is not too common (Zipf < 4.2).
WEAK_NEAR_MAX_FREQ = 420


#: Locative words before a weak name (في الرس، إلى عكار، قرب صبيا).
_LOCATIVE = frozenset(name_key(w) for w in "في إلى الى قرب داخل بمدينة بمحافظة".split())


def _accept_weak_near(text: str, hits: list[Hit], ctx: DocContext) -> None:
    """A name that needs context (الرس، عكار، سحاب: also common words or person names),
    written as a place — a hashtag, or after a locative (في/إلى/قرب/داخل, a glued ب) — is
    taken when one of its GeoNames readings in the Arabic-speaking world lies within
    FOCUS_NEAR_KM of a place the document names in the same country ("#الرس" next to
    بريدة; "في عكار" in a story about طرابلس)."""
    if not ctx.anchors:
        return
    freq = word_frequencies()
    late: dict[str, list[Hit]] = {}
    for h in hits:
        if h.accepted or h.entry.flag != "weak" or not h.entry.places or " " in h.key \
                or freq.get(h.key, 0) >= WEAK_NEAR_MAX_FREQ:
            continue
        prev = getattr(h, "prev_word", "")
        glued = h.name_start > 0 and text[h.name_start - 1].isalpha()
        if not (h.name_start > 0 and text[h.name_start - 1] == "#") and not (
                prev == "ب" if glued else prev in _LOCATIVE):
            continue  # (a glued و/ف/ل is no locative: فالس is no ف + الس, لمآرب "for ends")
        names = {p.key for p in h.entry.places}
        # GeoNames readings in the Arabic-speaking world only (abroad, weak names are mostly
        # person names and football clubs: إلى تشلسي; romanised read-backs are noisier).
        if any(a.country == p.country and km(a, p) < FOCUS_NEAR_KM
               for p in h.entry.places if p.level in ("city", "admin1", "admin2")
               and p.key[0] in "GA" and p.country in HOME
               for a in ctx.anchors if a.key not in names):
            late.setdefault(h.key, []).append(h)
    for group in late.values():
        place, s = resolve_group(group[0].entry, [h.cue for h in group], ctx)
        if place is None:
            continue
        for h in group:
            h.accepted = True
            h.place, h.score = place, s


#: Names whose vowel marks say which place is meant: عمّان (shadda) is Amman, عُمان (damma)
#: is Oman. Value: (mark, the country it selects) pairs.
VOCALISED = {"عمان": (("\u0651", "JO"), ("\u064f", "OM"))}


def _vocalised_readings(text: str, hits: list[Hit]) -> None:
    """A document that writes a name with a telling vowel mark once (عمّان) means that
    reading at every occurrence of the name."""
    pick: dict[str, str] = {}
    for h in hits:
        marks = VOCALISED.get(h.key)
        if marks:
            raw = text[h.name_start:h.end]
            for mark, cc in marks:
                if mark in raw:
                    pick.setdefault(h.key, cc)
    for h in hits:
        cc = pick.get(h.key)
        if cc and h.entry.places:
            places = tuple(p for p in h.entry.places if p.country == cc)
            if places:
                h.entry = Entry(places, h.entry.flag)


#: Rasd's home corpus is Saudi news: there "في المملكة" with no kingdom named is Saudi Arabia.
HOME_KINGDOM = "SA"


def _default_kingdom(text: str, hits: list[Hit], ctx: DocContext) -> None:
    """"المملكة" (a focus name whose readings are all countries) after a preposition or as
    a hashtag (#المملكة), in a document that names none of its kingdoms (nor any other
    country), is HOME_KINGDOM."""
    if ctx.countries:
        return
    for h in hits:
        if h.accepted or h.entry.flag != "focus" or not h.entry.places or any(
                p.level != "country" for p in h.entry.places):
            continue
        home = next((p for p in h.entry.places if p.country == HOME_KINGDOM), None)
        tag = h.name_start > 0 and text[h.name_start - 1] == "#"
        if home is not None and (tag or _prev_word(text, h.name_start) in PREPOSITIONS):
            h.accepted = True
            h.place, h.score = home, home.prominence


#: A "focus" name (المستشفى المركزي) is also taken next to a place of its country.
FOCUS_NEAR_KM = 150.0


def _accept_focus_near(hits: list[Hit], ctx: DocContext) -> None:
    """Focus names not taken yet (local names made of common words: معهد الأورام، الدوار
    الرابع) are taken when one of their places lies within FOCUS_NEAR_KM of a place the
    document names in the same country (المنيل، القاهرة), or of the centre of a country it
    names (so a country as small as that radius is enough: الكويت)."""
    late: dict[str, list[Hit]] = {}
    near = list(ctx.anchors)
    if ctx.countries:
        gaz = gazetteer()
        near += [c for cc in ctx.countries if (c := gaz.country(cc)) is not None]
    for h in hits:
        if h.accepted or h.entry.flag != "focus" or not h.entry.places or not near:
            continue
        others = [a for a in near if a.key not in {p.key for p in h.entry.places}]
        if any(a.country == p.country and km(a, p) < FOCUS_NEAR_KM
               for p in h.entry.places for a in others):
            late.setdefault(h.key, []).append(h)
    for group in late.values():
        place, s = resolve_group(group[0].entry, [h.cue for h in group], ctx)
        for h in group:
            h.accepted = True
            h.place, h.score = place, s
    # A local street/square name not placed this way is still a site, found by its cue;
    # so is a local name headed by a settlement/area cue (قضاء أم الرصاص).
    for h in hits:
        if not h.accepted and h.entry.flag == "focus" and (
                is_site_phrase(h.key) or h.key.split(" ", 1)[0] in _CUE_HEADED):
            h.accepted, h.entry, h.place, h.cue = True, _UNKNOWN, None, h.key.split(" ", 1)[0]


_CUE_HEADED = MENTION_CUES | {"منطقه"}


def is_mention(h: Hit) -> bool:
    """Whether an accepted hit is reported as a place mention: placed, found by its cue,
    or — when no reading fits (a far namesake: منطقة ضبعة in Jordan is no Egyptian El
    Dabaa) — written after a cue word or taken on sight (then with geo null)."""
    return h.accepted and (h.place is not None or h.entry.flag in ("cue", "strong")
                           or h.cue is not None)


def is_site_phrase(key: str) -> bool:
    """Whether a name starts with a street/square/mosque cue (or is a numbered ring road)."""
    head, _, rest = key.partition(" ")
    if not rest:
        return False
    return head in SITE_CUES or (head in _DEF_RING and rest.split(" ", 1)[0] in _ORDINALS)


def context_locality(hits: list[Hit], max_km: float = 60.0) -> Place | None:
    """The one town (or district) a document's placed names all lie in or near, if there
    is one: the containing place for a street or square the gazetteer lacks. ``None``
    when the document names places farther apart than ``max_km`` or none below admin1."""
    local = [h.place for h in hits if h.accepted and h.place is not None
             and h.place.level in ("city", "admin2", "site")]
    if not local:
        return None
    if any(km(a, b) > max_km for a in local for b in local[:8]):
        return None
    counts = Counter(p.key for p in local)
    best = max(local, key=lambda p: (p.level == "city", counts[p.key], p.prominence))
    return best


def anchors_of(hits: list[Hit]) -> list[Place]:
    """The distinct sub-country places chosen for accepted hits."""
    seen: dict[str, Place] = {}
    for h in hits:
        if h.accepted and h.place is not None and h.place.level not in ("country", "region"):
            seen.setdefault(h.place.key, h.place)
    return list(seen.values())


def resolve_group(entry: Entry, cues: list[str | None], ctx: DocContext
                  ) -> tuple[Place | None, float]:
    """The best place for several occurrences of one name (summed scores)."""
    if not entry.places:
        return None, 0.0
    if len(cues) == 1 or len(entry.places) == 1:
        return resolve_entry(entry, cues[0] if len(set(cues)) == 1 else _best_cue(cues), ctx)
    names = {q.key for q in entry.places}
    others = [a for a in ctx.anchors if a.key not in names]
    distinct = Counter(cues)
    totals = []
    for p in entry.places:
        tot = sum(n * score(p, c, ctx, entry.places, others) for c, n in distinct.items())
        totals.append((tot / len(cues), p))
    totals.sort(key=_rank_key(ctx))
    best_s, best = totals[0]
    if _too_far(best, ctx, _best_cue(cues)) or _not_near(best, ctx, _best_cue(cues)):
        return None, best_s
    cue = _best_cue(cues)
    return lift_to_admin(_country_over_capital(entry, best, cue), cue), best_s


def _country_over_capital(entry: Entry, best: Place, cue: str | None) -> Place:
    """A bare name shared by a country and a town of it (تونس، الكويت، الجزائر) means the
    country, however close the document's other places lie to the town; "مدينة الكويت"
    (a city cue) means the town."""
    if best.level != "city" or cue in _CITY_CUES:
        return best
    for p in entry.places:
        if p.level == "country" and p.country == best.country:
            return p
    return best


_ADMIN_CUES = frozenset({"محافظه", "ولايه", "اقليم", "مقاطعه", "اماره"})


def _ascii_key(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s.lower() if c.isalpha() and c.isascii())


def lift_to_admin(best: Place | None, cue: str | None) -> Place | None:
    """After an administrative cue (محافظة سيبيتوكي), a town that gives its name to its
    admin1 area stands for the area."""
    if best is None or cue not in _ADMIN_CUES or best.level != "city" or not best.admin1:
        return best
    a, b = _ascii_key(best.name_en), _ascii_key(best.admin1)
    if len(a) >= 4 and len(b) >= 4 and (a.startswith(b[:5]) or b.startswith(a[:5])):
        return gazetteer().admin1_of(best) or best
    return best


def _not_near(best: Place, ctx: DocContext, cue: str | None) -> bool:
    """After حي/ضاحية the name is a neighbourhood: a same-named town is only taken when it
    lies next to another place of the document (حي الجزيرة in Riyadh is not Algiers)."""
    if cue not in ("حي", "ضاحيه") or best.level != "city":
        return False
    return not any(km(best, a) < 50 for a in ctx.anchors if a.key != best.key)


def _best_cue(cues: list[str | None]) -> str | None:
    return next((c for c in cues if c), None)


def _too_far(best: Place, ctx: DocContext, cue: str | None = None) -> bool:
    # A neighbourhood/village cue makes a same-named town abroad even less likely; so does
    # an administrative cue (إقليم الخروب in a Lebanese story is no Algerian town).
    # So does منطقة "area" before a town abroad (منطقة البو فراج in Ramadi is no Aalborg,
    # منطقة معسكر الكرين in Syria no Algerian Mascara).
    limit = 6.0 if cue in ("حي", "ضاحيه", "قريه", "مخيم", "بلده", "منطقه") or \
        cue in _ADMIN_CUES else 5.0
    return (best.level == "city" and best.prominence < limit and bool(ctx.countries)
            and ctx.share(best.country) == 0
            and not any(km(best, a) < 400 for a in ctx.anchors if a.key != best.key))


def _apply_acceptance(text: str, hits: list[Hit], nisba_agreement: bool = True) -> None:
    seen_strong: set[str] = set()
    for h in hits:
        if h.entry.flag == "strong" or h.cue:
            seen_strong.add(h.key)
    for k, h in enumerate(hits):
        before = _prev_word(text, h.name_start)
        after = _next_word(text, h.end)
        coord = False
        for o in (hits[k - 1] if k > 0 else None, hits[k + 1] if k + 1 < len(hits) else None):
            if o is None or o.entry.flag != "strong" or o.sentence != h.sentence:
                continue
            gap = text[min(o.end, h.end):max(o.start, h.start)]
            # "X، Y", "X وY", and hashtag lists "#X #Y"; a bare space is a construct
            # ("حارس مانشستر" goalkeeper of Manchester), not a list.
            if len(gap) <= 4 and re.fullmatch(r"[\s،,و#]*", gap) and gap.strip():
                coord = True
        h.accepted = accept(h, before, after, coord, seen_strong)
        if h.accepted and nisba_agreement and _nisba_after_noun(text, h, before):
            h.accepted = False
        h.prev_word = before  # type: ignore[attr-defined]
    # A name taken on good evidence somewhere (a cue, a preposition, a coordinated place)
    # is taken everywhere else in the document too, unless it reads as an adjective there.
    sure = {h.key for h in hits if h.accepted and (h.entry.flag != "weak" or h.cue)}
    for h in hits:
        if not h.accepted and h.key in sure and h.entry.flag in ("adj", "weak", "ctx"):
            h.accepted = getattr(h, "prev_word", "") not in ADJ_HEADS


def _nisba_after_noun(text: str, h: Hit, before: str) -> bool:
    """A town named like a relational adjective (المطرية "rainy", الصناعية) right after a
    definite feminine noun agrees with it as an adjective: "الحالة المطرية" (the rainy
    spell) is no Cairo district. Countries are left to the nationality rules."""
    k = h.key
    if h.cue or " " in k or not (k.startswith("ال") and k.endswith("يه")) or \
            not before.startswith("ال") or not before.endswith("ه") or len(before) < 5:
        return False
    if h.name_start == 0 or not text[h.name_start - 1].isspace():
        return False  # a hashtag, a quote or punctuation before: no agreement
    return all(p.level != "country" for p in h.entry.places)


_WORD_BEFORE = re.compile(r"([\w\u0600-\u06ff]+)[\s\u200f\u200e]*$")


def _prev_word(text: str, pos: int) -> str:
    seg = text[max(0, pos - 40):pos]
    if not seg.strip():
        return ""
    if pos > 0 and not text[pos - 1].isspace() and text[pos - 1].isalpha():
        # An attached clitic (بمالي، لمالي، ومالي).
        return name_key(text[pos - 1])
    m = _WORD_BEFORE.search(seg)
    if not m:
        return ""  # punctuation before: a new clause
    w = name_key(m.group(1))
    if len(w) > 2 and w[0] in "وف" and w[1:] in PREPOSITIONS:
        return w[1:]  # وفي، ومن
    return w


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s*([\w\u0600-\u06ff]+)", text[pos:pos + 40])
    return name_key(m.group(1)) if m else ""


def precision(place: Place | None, direction: str | None) -> int | None:
    """ACLED-style geo precision: 1 town, 2 part of a region / near a town, 3 region."""
    if place is None:
        return None
    if place.level in ("city", "site"):
        return 2 if direction else 1
    if place.level == "admin2":
        return 2
    return 3
