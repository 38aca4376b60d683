"""Entity mentions laid out on word tokens, for argument and speaker search."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rasd.doc import Doc, Entity
from rasd.text.normalize import normalize

#: Words right before a LOC mention that make it a place rather than an actor.
PLACE_PREPS = frozenset(normalize(w) for w in (
    "في", "ب", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي",
    "غربي", "وسط", "داخل", "منطقة", "مدينة", "بلدة", "قرية", "ولاية", "محافظة", "إقليم",
    "حي", "مقاطعة", "عاصمة", "العاصمة", "أنحاء", "مخيم", "سواحل", "ضواحي", "إلى", "من",
    "بمدينة", "بمنطقة", "بولاية", "بمحافظة", "بحي", "بلدات", "مدن", "جنوبي", "أطراف",
))


#: Nouns that begin a place name ("مدينة عدن", "حي الكلاسة").
SETTLEMENT = frozenset(normalize(w) for w in (
    "مدينة", "بلدة", "قرية", "حي", "منطقة", "محافظة", "ولاية", "مخيم", "إقليم", "مقاطعة",
    "ضاحية", "مديرية", "ميناء", "مطار", "جزيرة",
))
_SHORT_PREPS = frozenset(normalize(w) for w in ("في", "من", "إلى"))
_IN = frozenset(normalize(w) for w in ("في", "بمدينة", "بمنطقة", "بالعاصمة", "قرب"))
_SEAT_NOUNS = frozenset(normalize(w) for w in ("العاصمة", "مدينة", "منطقة", "محافظة", "ولاية", "بلدة", "قرية"))
COMPLEMENTIZER_STOP = frozenset(normalize(w) for w in ("إن", "أن", "و", "،"))


#: A "mention" that is a preposition or particle as written (an NER slip: "على" read as
#: the name علي) names no actor or place.
_FUNCTION_WORDS = frozenset(("على", "في", "من", "إلى", "الى", "عن", "مع", "أن", "إن", "لا", "ما",
                             "لم", "لن", "قد", "هو", "هي", "ان"))


@dataclass
class MentionRef:
    """One mention of an entity with the indices of its first and last word token."""

    start: int
    end: int
    entity: Entity
    first: int  # index into Layout.words
    last: int


class Layout:
    """Word tokens (clitics excluded) and entity mentions of a Doc, indexed for search."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.words = [i for i, t in enumerate(doc.tokens) if not t.clitic]
        self.starts = [doc.tokens[i].start for i in self.words]
        self.ends = [doc.tokens[i].end for i in self.words]
        self.norms = [doc.tokens[i].norm for i in self.words]
        self._nwords = len(self.words)
        raw: list[tuple[int, int, Entity]] = []
        for e in doc.entities:
            for m in e.mentions:
                if 0 <= m.start < m.end <= len(doc.text) and doc.text[m.start:m.end] not in _FUNCTION_WORDS:
                    raw.append((m.start, m.end, e))
        # Drop a mention inside a longer mention of another entity ("الأمم المتحدة" inside
        # the mission's full name): the longer name is what the text says.
        raw.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        kept: list[tuple[int, int, Entity]] = []
        reach = (-1, -1)  # (end, start) of the kept mention reaching furthest right
        seen: set[tuple[int, int, str]] = set()
        for s, e, ent in raw:
            # Sorted by start, longest first: contained in an earlier, longer mention?
            if reach[0] >= e and (reach[1], reach[0]) != (s, e):
                continue
            if (s, e, ent.id) in seen:
                continue
            seen.add((s, e, ent.id))
            kept.append((s, e, ent))
            if e > reach[0]:
                reach = (e, s)
        self.mentions: list[MentionRef] = []
        for s, e, ent in kept:
            first = max(0, bisect_right(self.starts, s) - 1)
            if first < len(self.ends) and self.ends[first] <= s:
                first += 1
            last = max(first, bisect_left(self.ends, e))
            last = min(last, len(self.words) - 1) if self.words else 0
            self.mentions.append(MentionRef(s, e, ent, first, last))
        self.mentions.sort(key=lambda m: m.start)
        self._mstarts = [m.start for m in self.mentions]
        self._by_sentence: dict[int, list[MentionRef]] = {}
        #: Per-sentence results of argument finders (see rasd.events.args), memoised.
        self.memo: dict[tuple, object] = {}

    def between(self, lo: int, hi: int) -> list[MentionRef]:
        """Mentions that start at or after ``lo`` and end by ``hi`` (char offsets)."""
        i = bisect_left(self._mstarts, lo)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < hi:
            if self.mentions[i].end <= hi:
                out.append(self.mentions[i])
            i += 1
        return out

    def add_mention(self, start: int, end: int, entity: Entity) -> MentionRef:
        """Index a mention added after construction (a speaker found by the quote module)."""
        first = self.word_index(start)
        last = max(first, min(bisect_left(self.ends, end), len(self.words) - 1))
        ref = MentionRef(start, end, entity, first, last)
        i = bisect_right(self._mstarts, start)
        self.mentions.insert(i, ref)
        self._mstarts.insert(i, start)
        self._by_sentence.clear()
        return ref

    def in_mention(self, wi: int) -> bool:
        """Is word ``wi`` inside an entity mention?"""
        if not 0 <= wi < self._nwords:
            return False
        off = self.starts[wi]
        i = bisect_right(self._mstarts, off) - 1
        # Mentions are few and short: look at the last few starting at or before ``off``.
        return any(self.mentions[k].start <= off < self.mentions[k].end for k in range(max(0, i - 3), i + 1))

    def word_index(self, offset: int) -> int:
        """Index of the word token holding (or first after) character ``offset``."""
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and self.ends[i] > offset:
            return i
        return i + 1

    def norm(self, wi: int) -> str:
        """Normalised text of word ``wi`` ('' out of range)."""
        if 0 <= wi < self._nwords:
            return self.norms[wi]
        return ""

    def prev_norm(self, wi: int) -> str:
        """Normalised previous token, clitics included (so ب before a name counts)."""
        if 0 <= wi < len(self.words):
            ti = self.words[wi] - 1
            if ti >= 0:
                return self.doc.tokens[ti].norm
        return ""

    def in_sentence(self, sent: int) -> list[MentionRef]:
        """Mentions inside sentence ``sent`` (memoised: do not mutate the list)."""
        if sent is None or sent >= len(self.doc.sentences):
            return []
        got = self._by_sentence.get(sent)
        if got is None:
            s, e = self.doc.sentences[sent]
            got = self._by_sentence[sent] = self.between(s, e)
        return got

    def is_place_use(self, m: MentionRef) -> bool:
        """A LOC mention introduced by a place preposition (في مالي، بمدينة ...)."""
        if m.entity.type != "LOC":
            return False
        p = self.prev_norm(m.first)
        t = self.doc.text[max(0, m.start - 1): m.start]
        if p in PLACE_PREPS or p in ("ب", "ف") or t == "ب":
            return True
        # "وفي طهران", "لحي الكلاسة" when the proclitic was not split off.
        if len(p) > 2 and ((p[:1] in ("و", "ف") and p[1:] in PLACE_PREPS) or (
                p[:1] in ("ل", "ب") and p[1:] in PLACE_PREPS and p[1:] not in _SHORT_PREPS)):
            return True
        # "قصف ... لحي الكلاسة": a name that begins with a settlement noun is a place.
        head = normalize(self.doc.text[m.start:m.end]).split()[:1]
        if head and head[0] in SETTLEMENT:
            return True
        # "في العاصمة الإيرانية طهران": a place preposition up to three words back.
        back = [self.norm(j) for j in range(max(0, m.first - 3), m.first)]
        if any(b in _IN for b in back) and not any(b in COMPLEMENTIZER_STOP for b in back):
            return True
        # "بالعاصمة اللبنانية بيروت" with the ب split off by the tokeniser.
        return any(self.norm(j) in _SEAT_NOUNS and self.prev_norm(j) in ("ب", "في") and not any(
            self.norm(x) in COMPLEMENTIZER_STOP for x in range(j + 1, m.first))
            for j in range(max(0, m.first - 2), m.first))
