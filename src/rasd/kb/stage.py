"""The entities stage: KB linking, dictionary matching, in-document coreference.

Input: ``doc.entities`` from the NER stage, one Entity per mention. Output: one Entity per
real-world actor with every mention, ``name`` its fullest Arabic form, ``name_en`` from
the KB (else a transliteration), ``kb`` = ``{"id", "wikidata"}`` when linked, ids e1..
in order of first mention.

Steps (each a method below):

1. candidates: NER mentions + every KB alias found by a longest-match scan;
2. context: the focus country and the entries named by strong aliases;
3. choose: an entry for each candidate (flags, country focus, NER type, co-mentions; a
   person alias right after بن/ابن/بنت is the father, not that person), then keep
   non-overlapping spans, longest first; then pattern rules (rasd.kb.rules) add quoted
   outlet names after a type noun, quoted speakers and surnames after military ranks;
4. cluster: same KB entry; titles to the person holding them (named in the document,
   in apposition, or the KB's holder at the dateline); acronym definitions "X (Y)";
   surnames and partial names; definite descriptions (البعثة، الحركة ...);
5. propagate: other occurrences of each entity's names (and surnames) in the text;
6. emit: name, name_en, type, kb; renumber.
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from rasd.doc import Doc, Entity, Span
from rasd.kb.index import FOCUS, STRONG, KBIndex, alias_key, load_index, surface_forms
from rasd.kb.link import (Candidate, Context, Word, doc_words, drop_false_aliases, first_word_forms,
                          QAEDA_KEY, indices_in, is_base,
                          orig_skip, scan, scan_words, word_norms)
from rasd.kb.institutions import heads_among
from rasd.text.normalize import normalize

_PAREN = re.compile(r"\s*[(（]\s*([^()（）\n]{1,60}?)\s*[)）]")
_APPOS_GAP = re.compile(r"^[\s،,]*(?:(?:لدى|في|و?ل)\s*)?$")
# Heads of definite descriptions standing for the last entity named with that head.
_DESC_HEADS = {normalize(w) for w in (
    "بعثة حركة جماعة تنظيم حزب منظمة مجلس هيئة وكالة جبهة تحالف ائتلاف لجنة مفوضية "
    "ميليشيا قوة قوات شركة محكمة صندوق برنامج مكتب اتحاد جمعية").split()}
_NOT_APPOS = {normalize(w) for w in (
    "باسم", "لدى", "مكتب", "نائب", "مساعد", "مستشار", "الناطق", "الناطقة", "المتحدث", "المتحدثة",
    "ناطق", "متحدث", "ممثل", "مبعوث", "وكيل", "مدير", "سكرتير", "زوجة", "زوج", "ابن", "نجل", "شقيق")}
_PREPS = {normalize(w) for w in ("إلى", "الى", "في", "لدى", "عن", "على", "من", "ب", "ل")}
_GOV_HEADS = {normalize(w) for w in ("إدارة", "حكومة", "نظام")}
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9.&-]*$")


@dataclass(slots=True)
class Mention:
    """One mention kept in the document (span + what it is linked to)."""

    start: int
    end: int
    type: str
    entry: int | None = None  # KB entry index (an office entry for a title)
    kind: str = "name"  # name | title | focus | desc | acr | ner
    by: str = "ner"
    conf: float | None = None
    cluster: int = -1
    extra: dict = field(default_factory=dict)


def _occupied(n: int, mentions: list) -> bytearray:
    """One byte per character of the text, 1 where a mention already covers it."""
    occ = bytearray(n + 1)
    for m in mentions:
        occ[m.start:m.end] = b"\x01" * (m.end - m.start)
    return occ


class EntityStage:
    """Links NER mentions to the KB, finds missed ones, merges coreferent mentions."""

    name = "entities"
    requires: tuple[str, ...] = ("mentions",)
    provides = ("entities",)

    def __init__(self, scan_text: bool = True, transliterate: bool = True,
                 propagate: bool = True, descriptions: bool = True, gazetteer: bool = True,
                 rules: bool = True, **options: object) -> None:
        self.scan_text = bool(scan_text)
        self.transliterate = bool(transliterate)
        self.propagate = bool(propagate)
        self.descriptions = bool(descriptions)
        self.gazetteer = bool(gazetteer)
        self.rules = bool(rules)
        self.options = options
        self.kb: KBIndex = load_index()
        if self.rules:
            from rasd.kb import rules as _rules

            _rules.warm()  # name lists for names after titles, not on the first article

    # -- main -------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = doc.text or ""
        if not text.strip():
            doc.entities = []
            return doc
        # The stage makes many small objects and no reference cycles (reference counting
        # frees them all); pausing the cyclic collector saves the full-heap scans it
        # would otherwise run mid-document over the KB index (~a third of the time).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return self._run(doc, text)
        finally:
            if was_enabled:
                gc.enable()

    def _run(self, doc: Doc, text: str) -> Doc:
        words = doc_words(text, doc.tokens)
        ner = self._ner_mentions(doc)
        if ner:
            ner = _drop_bases(text, words, ner)
        norms = word_norms(words)
        # One C-level pass finds the words the scan, the trigger nouns, the ranks and the
        # name-extension triggers look at (each step then filters this short list).
        among = indices_in(norms, scan_words(self.kb))
        cands = scan(text, self.kb, words, norms=norms, among=among) if self.scan_text else []
        cands = drop_false_aliases(text, words, cands, self.kb)
        # Alias hits of each NER span (looked at by the context and by the choice).
        hits_of = self.kb.hits
        ner_hits = [hits_of(text[m.start:m.end]) for m in ner]
        ctx = self._context(doc, ner, cands, ner_hits)
        kept = self._choose(text, ner, cands, ctx, ner_hits)
        ext_ends = None
        inst_idx: list[int] = []
        if self.rules:
            kept = self._rule_mentions(text, words, kept, ctx, norms, among)
            ext_ends = self._after_triggers(text, words, norms, among)
            # (Always: a person's name may also be extended on the right, see below.)
            kept = self._extend_names(text, kept, ctx, ext_ends or frozenset())
            # Institution heads (rasd.kb.institutions), for the names and the descriptions.
            inst_idx = heads_among(norms, among)
            if inst_idx:
                kept = self._institutions(text, words, kept, norms, inst_idx)
        clusters = self._cluster(doc, kept, ctx)
        if self.propagate:
            self._propagate(text, words, kept, clusters, norms, ext_ends)
        if self.descriptions:
            self._descriptions_in_text(text, words, kept, clusters, norms)
            if self.rules and inst_idx:
                self._institution_heads(text, words, kept, clusters, norms, inst_idx)
        doc.entities = self._emit(doc, kept, clusters, ctx.focus)
        return doc

    # -- 1. NER mentions ---------------------------------------------------------------
    @staticmethod
    def _ner_mentions(doc: Doc) -> list[Mention]:
        out = []
        text = doc.text
        for e in doc.entities:
            by = (e.extra or {}).get("by", "ner")
            for m in e.mentions:
                if 0 <= m.start < m.end <= len(text):
                    s = m.start
                    if e.type == "PER":
                        s = _strip_honorifics(text, s, m.end)
                    for ps, pe in _split_complementizer(text, s, m.end):
                        out.append(Mention(ps, pe, e.type, None, "ner", by, e.confidence))
        if len(out) > 1:
            # A courtesy title NER tagged as a person of its own right before the person's
            # name ("الشيخ" | "صالح بن عبدالعزيز"): not a mention.
            starts = {m.start for m in out if m.type == "PER"}
            out = [m for m in out if not (
                m.type == "PER" and m.end - m.start <= 9
                and normalize(text[m.start:m.end]) in _COURTESY
                and _next_word_start(text, m.end) in starts)]
        return out

    # -- 2. context ----------------------------------------------------------------------
    def _context(self, doc: Doc, ner: list[Mention], cands: list[Candidate],
                 ner_hits: list | None = None) -> Context:
        kb = self.kb
        ctx = Context(kb, date=doc.published)
        first_sent_end = doc.sentences[0][1] if doc.sentences else 200
        for c in cands:
            for h in _strong_hits(c.hits):
                e = kb.entries[h.entry]
                if len(c.hits) == 1 or e.type != "LOC":
                    ctx.strong.add(h.entry)
                if e.country and len(c.hits) == 1:
                    w = 2 if e.type == "LOC" else 1
                    if c.start < first_sent_end:
                        w *= 2
                    ctx.countries[e.country] += w
        if ner_hits is None:
            ner_hits = [kb.hits(doc.text[m.start:m.end]) for m in ner]
        for hits in ner_hits:
            for h in _strong_hits(hits):
                e = kb.entries[h.entry]
                if e.type == "LOC" and e.country and e.role == "country":
                    ctx.countries[e.country] += 1
        if ctx.countries:
            (top, n), *rest = ctx.countries.most_common(2) + [(None, 0)]
            # A focus only where one country clearly dominates.
            if n >= 2 and n > rest[0][1]:
                ctx.focus = top
        return ctx

    # -- 3. choose spans -----------------------------------------------------------------
    def _choose(self, text: str, ner: list[Mention], cands: list[Candidate],
                ctx: Context, ner_hits: list | None = None) -> list[Mention]:
        kb = self.kb
        ner_at = {(m.start, m.end): m for m in ner}
        pool: list[tuple[int, int, Mention]] = []  # (priority, -len, mention)
        for c in cands:
            nm = ner_at.get((c.start, c.end))
            h = ctx.choose(c.hits, c.trigger, nm.type if nm else None)
            if h is None:
                continue
            e = kb.entries[h.entry]
            if e.type == "PER" and _after_patronymic(text, c.start):
                # "صالح بن عبدالعزيز آل الشيخ": the named person's father, not the person.
                continue
            if e.type == "OFFICE" and _title_of_another(text, c.start, c.end):
                # "كأس الملك", "مستشفى الملك فهد", "الملك الراحل": not the office holder.
                continue
            kind = "title" if e.type == "OFFICE" else ("focus" if h.flag == FOCUS else "name")
            if kind == "name" and text[c.start].isascii() and _LATIN.match(text[c.start:c.end]):
                kind = "acr"
            typ = "PER" if e.type == "OFFICE" else e.type
            if e.type == "LOC" and nm and nm.type != "LOC" and h.flag != STRONG:
                typ = nm.type
            m = Mention(c.start, c.end, typ, h.entry, kind, "kb", nm.conf if nm else None)
            # An alias its own context vouches for ("وكالة «قنا»", "منظمة الفاو") names the
            # entry as surely as the full name: later bare mentions may follow it.
            m.extra["flag"] = STRONG if c.trigger and h.requires and c.key in kb.ctx_keys else h.flag
            pool.append((0, m))
        pool = self._split_titles(text, pool, cands, ctx)
        if ner_hits is None:
            ner_hits = [kb.hits(text[m.start:m.end]) for m in ner]
        for m, hits in zip(ner, ner_hits):
            # A NER span that is itself an alias is handled by the candidate above.
            h = ctx.choose(hits, False, m.type)
            if h is not None:
                e = kb.entries[h.entry]
                m.entry = h.entry
                m.kind = "title" if e.type == "OFFICE" else ("focus" if h.flag == FOCUS else "name")
                m.extra["flag"] = h.flag
            pool.append((1, m))
        # Longest first; at equal spans the KB reading wins.
        pool.sort(key=lambda pm: (-(pm[1].end - pm[1].start), pm[0], pm[1].start))
        occ = bytearray(len(text) + 1)
        kept: list[Mention] = []
        kb_spans = sorted((m.start, m.end) for _p, m in pool
                          if m.by == "kb" and m.extra.get("flag") == STRONG)
        # KB names a longer NER span may be linked through (in pool order, for ties).
        names = sorted((k.start, order, k) for order, (_p, k) in enumerate(pool)
                       if k.by == "kb" and k.entry is not None and k.kind in ("name", "acr"))
        kb_names = ([x[0] for x in names], names)
        for _p, m in pool:
            if occ.find(1, m.start, m.end) >= 0:
                continue
            if m.entry is None and m.kind == "ner" and _inner_names(m, kb_spans) >= 2:
                # A NER span running over two KB names ("ايساف التابعة للحلف الاطلسي"):
                # the names win.
                continue
            if m.entry is None and m.kind == "ner":
                self._link_inside(m, kb_names, ctx)
            occ[m.start:m.end] = b"\x01" * (m.end - m.start)
            kept.append(m)
        kept.sort(key=_START)
        kept = self._governments_of(text, kept)
        # KB hits confirmed in the text count as strong evidence for weak aliases later.
        for m in kept:
            if m.entry is not None and m.extra.get("flag") == STRONG:
                ctx.strong.add(m.entry)
        return kept

    def _split_titles(self, text: str, pool: list, cands: list[Candidate], ctx: Context) -> list:
        """"الأمين العام للأمم المتحدة" → title "الأمين العام" + organisation "لأمم المتحدة".

        A title whose tail is the name of an organisation or place is two mentions, as in
        the gold annotation: the title stands for the person, the name for the body.
        """
        kb = self.kb
        out = []
        by_start: list[Candidate] | None = None  # sorted once, only if there is a title
        for p, m in pool:
            if m.kind != "title":
                out.append((p, m))
                continue
            if by_start is None:
                by_start = sorted(cands, key=lambda c: (c.start, -c.length))
            inner: list[tuple[Candidate, object]] = []
            for c in by_start:
                if not (m.start < c.start and c.end <= m.end and c.w0 > 0):
                    continue
                if inner and c.start < inner[-1][0].end:
                    continue
                h = ctx.choose(c.hits, c.trigger, None)
                if h is None or h.flag != STRONG or kb.entries[h.entry].type not in ("ORG", "LOC"):
                    continue
                inner.append((c, h))
            if not inner:
                out.append((p, m))
                continue
            # The title ends at the end of the word before the first name.
            cut = inner[0][0].start
            while cut > m.start and not text[cut - 1].isspace():
                cut -= 1
            while cut > m.start and text[cut - 1].isspace():
                cut -= 1
            # Drop a trailing preposition ("المبعوث الأممي إلى" + "اليمن").
            while True:
                k = cut
                while k > m.start and not text[k - 1].isspace():
                    k -= 1
                if k > m.start and normalize(text[k:cut]) in _PREPS:
                    cut = k
                    while cut > m.start and text[cut - 1].isspace():
                        cut -= 1
                    continue
                break
            if cut <= m.start:
                out.append((p, m))
                continue
            m.end = cut
            out.append((p, m))
            for c, h in inner:
                e = kb.entries[h.entry]
                n = Mention(c.start, c.end, e.type, h.entry, "name", by="kb")
                n.extra["flag"] = h.flag
                out.append((0, n))
        return out

    def _governments_of(self, text: str, kept: list[Mention]) -> list[Mention]:
        """"إدارة الرئيس الأمريكي باراك أوباما" / "حكومة الرئيس السوداني عمر البشير" → the
        government of that country, one ORG mention over the whole phrase."""
        kb = self.kb
        out: list[Mention] = []
        i = 0
        while i < len(kept):
            m = kept[i]
            e = kb.entries[m.entry] if m.entry is not None else None
            # The word before only matters for titles and persons of a country.
            head = _word_before(text, m.start) if (
                e is not None and e.country and (m.kind == "title" or e.type == "PER")) else None
            if head:
                hs, hw = head
                hn = normalize(hw)
                if hn not in _GOV_HEADS and hn[:1] in ("و", "ف", "ب", "ل") and hn[1:] in _GOV_HEADS:
                    hs, hn = hs + 1, hn[1:]
                if hn in _GOV_HEADS and (not out or out[-1].end <= hs):
                    end = m.end
                    j = i + 1
                    if m.kind == "title" and j < len(kept) and kept[j].type == "PER" \
                            and _APPOS_GAP.match(text[m.end:kept[j].start]):
                        end = kept[j].end
                        j += 1
                    gi = kb.by_id.get(f"gov:{e.country}")
                    if gi is not None:
                        n = Mention(hs, end, "ORG", gi, "name", by="kb")
                        n.extra["flag"] = STRONG
                        out.append(n)
                        i = j
                        continue
            out.append(m)
            i += 1
        return out

    def _link_inside(self, m: Mention, kb_names, ctx: Context) -> None:
        """Link a longer NER span through a KB name that covers most of it.

        ``kb_names``: ``(starts, names)`` with names ``(start, pool order, mention)``
        sorted by start; the longest name inside wins, the first in pool order at ties.
        """
        starts, names = kb_names
        best = None
        best_key = None
        ms, me = m.start, m.end
        need = 0.6 * (me - ms)
        for i in range(bisect_left(starts, ms), len(names)):
            ks, order, k = names[i]
            if ks >= me:
                break
            ke = k.end
            if ke <= me and (ks != ms or ke != me):
                if self.kb.entries[k.entry].type == m.type and (ke - ks) >= need:
                    key = (ke - ks, -order)
                    if best_key is None or key > best_key:
                        best, best_key = k, key
        if best is not None:
            m.entry = best.entry
            m.kind = "name"

    def _rule_mentions(self, text: str, words: list[Word], kept: list[Mention],
                       ctx: Context, norms: list[str] | None = None,
                       among: list[int] | None = None) -> list[Mention]:
        """Mentions NER misses, found by patterns (see rasd.kb.rules): quoted outlet names
        after a type noun, quoted speakers, surnames after military ranks."""
        from rasd.kb import rules
        from rasd.kb.translit import is_name_word
        from rasd.text.tokens import word_frequencies

        found = rules.quoted_mentions(text) + rules.coalition_mentions(text)

        def surnames() -> set[str]:
            out = set()
            for m in kept:
                if m.type == "PER" and m.kind in ("name", "ner"):
                    kw = _key_words(text[m.start:m.end])
                    if len(kw) >= 2 and len(kw[-1]) >= 3:
                        out.add(kw[-1])
            return out

        found += [(s, e, "PER", "") for s, e in rules.rank_mentions(
            text, words, surnames, is_name_word, self.kb.adjectives, word_frequencies(), norms,
            among)]
        # Names of unknown persons after a title ("مدير عام الشركة فهد العتيبي").
        types_at = bytearray(len(text) + 1)
        for m in kept:
            types_at[m.start:m.end] = bytes((_TYPE_CODE.get(m.type, 1),)) * (m.end - m.start)

        def covered(s: int, e: int) -> str | None:
            c = max(types_at[s:e], default=0)
            return _CODE_TYPE[c] if c else None

        found += [(s, e, "PER", rules.TITLE_HEAD) for s, e in rules.title_names(
            text, words, is_name_word, self.kb.adjectives, word_frequencies(), norms, covered)
            if not _is_place(text[s:e])]  # "محافظ دومة الجندل"
        if not found:
            return kept
        occ = _occupied(len(text), kept)
        added = False
        for s, e, t, head in sorted(found):
            if occ.find(1, s, e) >= 0:
                continue
            m = Mention(s, e, t, None, "ner", by="rule")
            if head == rules.TITLE_HEAD:
                m.by = "title_name"
            elif head == rules.COALITION_HEAD:
                # Which coalition is unknown here (the KB reading did not stand).
                m.extra["name_en"] = "Coalition forces" if e - s > 8 else "Coalition"
            elif head:
                # "صحيفة «الحياة»": the name itself, or with its type noun, may be a KB alias.
                name = text[s:e]
                h = ctx.choose(self.kb.hits(name) or self.kb.hits(head + " " + name), True, t)
                if h is not None and self.kb.entries[h.entry].type == t:
                    m.entry, m.kind = h.entry, "name"
                    m.extra["flag"] = STRONG
            kept.append(m)
            occ[s:e] = b"\x01" * (e - s)
            added = True
        if added:
            kept.sort(key=lambda m: m.start)
        return kept

    @staticmethod
    def _institutions(text: str, words: list[Word], kept: list[Mention],
                      norms: list[str], among: list[int] | None = None) -> list[Mention]:
        """Institution names NER missed, "HEAD + known words" (rasd.kb.institutions):
        ORG mentions by "institution", never overlapping a kept mention."""
        from rasd.kb.institutions import institution_spans

        spans = institution_spans(text, words, norms, among)
        if not spans:
            return kept
        occ = _occupied(len(text), kept)
        added = False
        for s, e, _i in spans:
            if occ.find(1, s, e) >= 0:
                continue
            kept.append(Mention(s, e, "ORG", None, "ner", by="institution"))
            occ[s:e] = b"\x01" * (e - s)
            added = True
        if added:
            kept.sort(key=lambda m: m.start)
        return kept

    @staticmethod
    def _institution_heads(text: str, words: list[Word], kept: list[Mention],
                           clusters: list[list[Mention]], norms: list[str],
                           among: list[int] | None = None) -> None:
        """A bare definite head ("وأوضحت الوزارة") for the one institution with that head
        named before it (none when two or more were: which one is unknown)."""
        from rasd.kb.institutions import definite_heads, head_of

        found = definite_heads(text, words, norms, among)
        if not found:
            return
        occ = _occupied(len(text), kept)
        named: list[tuple[int, str, int]] = []  # (start, head, cluster)
        for ci, cl in enumerate(clusters):
            for m in cl:
                if m.type == "ORG" and m.kind in ("name", "ner", "acr"):
                    h = head_of(text, m.start, m.end)
                    if h is not None:
                        named.append((m.start, h, ci))
        added: list[Mention] = []
        for s, e, head in found:
            cands = {ci for hs, h, ci in named if h == head and hs < s and s - hs < 3000}
            if len(cands) == 1 and occ.find(1, s, e) < 0:
                _add_coref(Mention(s, e, "ORG", None, "desc", by="coref"), cands.pop(),
                           clusters, occ, added)
        kept.extend(added)

    @staticmethod
    def _after_triggers(text: str, words: list[Word], norms: list[str],
                        among: list[int] | None = None) -> set[int]:
        """Where the word after each word that may start a longer name begins
        (rasd.kb.rules.TRIGGERS: facility nouns, place prefixes, given names; the
        triggers are found in one C-level pass, or among the ``scan_words`` indices)."""
        from rasd.kb.rules import TRIGGERS

        out = set()
        n = len(text)
        if among is None:
            idx = indices_in(norms, TRIGGERS)
        else:
            idx = [i for i in among if norms[i] in TRIGGERS]
        for i in idx:
            j = words[i].end
            while j < n and text[j] == " ":
                j += 1
            out.add(j)
        return out

    def _extend_names(self, text: str, kept: list[Mention], ctx: Context,
                      ends: set[int]) -> list[Mention]:
        """Names NER cut short, longer (rasd.kb.rules.extend_name): a facility noun before a
        name ("مستشفى أبورديس" → the hospital), a place-name prefix ("تل براك"), a given
        name before a person's name ("عمر عجلة بن زكي"). ``ends``: see _after_triggers."""
        from rasd.kb.rules import extend_name, extend_right
        from rasd.kb.translit import is_name_word
        from rasd.text.tokens import word_frequencies

        kb = self.kb
        out: list[Mention] = []
        lo = 0
        n = len(kept)
        for i, m in enumerate(kept):
            ext = None
            if m.start in ends and m.kind in ("name", "ner") and m.by != "rule":
                hi = kept[i + 1].start if i + 1 < n else len(text)
                entry = kb.entries[m.entry] if m.entry is not None else None
                if entry is None or entry.type in ("PER", "LOC", "ORG"):
                    ext = extend_name(text, m.start, m.end, m.type, entry is not None,
                                      lo, hi, ctx.focus)
            if ext is None and m.type == "PER" and m.entry is None and m.kind == "ner" \
                    and m.by == "ner":
                # "محمد رحيم امين حاكم …": the last name word NER left out.
                e2 = extend_right(text, m.start, m.end,
                                  kept[i + 1].start if i + 1 < n else len(text),
                                  is_name_word, word_frequencies())
                if e2 is not None:
                    m = Mention(m.start, e2, m.type, None, m.kind, by=m.by, conf=m.conf,
                                extra=m.extra)
            if ext is None:
                out.append(m)
                lo = m.end
                continue
            s, e, typ, how, head = ext
            if how == "same":
                # "ولاية لوغار": the place itself, named with its noun; linked as it was,
                # and one entity with the bare name ("لوغار").
                nm = Mention(s, e, m.type, m.entry, m.kind, by=m.by, conf=m.conf, extra=m.extra)
                if m.entry is None:
                    nm.extra["key"] = alias_key(text[m.start:m.end])
                    if m.type == "LOC":
                        nm.extra["inner_loc"] = (m.start, m.end)  # English from the gazetteer
                out.append(nm)
                lo = e
                continue
            nm = Mention(s, e, typ, None, "ner", by=m.by, conf=m.conf)
            if how == "place" and head in _MOUNT and m.type == "LOC":
                # "جبل سنجار" after a known place: Mount Sinjar (other prefixes are part
                # of a town's own name: "رأس العين" is Ras al-Ain, not Ain).
                nm.extra["template"] = "Mount {}"
                if entry is not None:
                    nm.extra["inner_en"] = entry.name_en
                else:
                    nm.extra["inner_loc"] = (m.start, m.end)
            if how == "facility":
                # Same facility, however its name is written ("مستشفى الطور العام" /
                # "مستشفى طور سيناء العام"): same head and same linked name inside.
                inner = m.entry if m.entry is not None else alias_key(text[m.start:m.end])
                nm.extra["key"] = (head, inner)
                if entry is not None:
                    # "مطار عمان الدولي": Amman, not Oman (a facility is in a city).
                    nm.extra["inner_en"] = (_city_reading(text[m.start:m.end], entry)
                                            or entry.name_en)
                elif m.type == "LOC":
                    nm.extra["inner_loc"] = (m.start, m.end)  # English from the gazetteer
            out.append(nm)
            lo = e
        return out

    # -- 4. clusters -------------------------------------------------------------------
    def _cluster(self, doc: Doc, kept: list[Mention], ctx: Context) -> list[list[Mention]]:
        kb = self.kb
        text = doc.text
        clusters: list[list[Mention]] = []
        by_entry: dict[int, int] = {}
        by_key: dict[tuple[str, str], int] = {}

        def new(m: Mention) -> int:
            clusters.append([m])
            m.cluster = len(clusters) - 1
            return m.cluster

        def join(m: Mention, ci: int) -> None:
            clusters[ci].append(m)
            m.cluster = ci

        deferred: list[Mention] = []
        for m in kept:
            if m.entry is not None and m.kind not in ("title", "focus"):
                if m.entry in by_entry:
                    join(m, by_entry[m.entry])
                else:
                    by_entry[m.entry] = new(m)
            else:
                deferred.append(m)
        # Acronym definitions: "X (Y)" -- Y is the same entity as X.
        self._acronyms(text, kept, clusters, join, new)
        # Titles and unlinked mentions, in text order.
        kstarts = [k.start for k in kept]
        for m in sorted(deferred, key=lambda x: x.start):
            if m.cluster >= 0:
                continue
            if m.kind == "title":
                ci = self._title_cluster(doc, m, kept, clusters, by_entry, kstarts)
                if ci is None:
                    new(m)
                else:
                    join(m, ci)
                    if m.entry is not None and m.extra.get("holder") is not None:
                        by_entry.setdefault(m.extra["holder"], ci)
                continue
            key = m.extra.get("key") or alias_key(text[m.start:m.end])
            if m.type in ("ORG", "MISC") and m.kind in ("focus", "ner") and "key" not in m.extra:
                # A short form of an organisation named in full before ("المعارضة" after
                # "فصائل المعارضة المسلحة", "حزب المجلس الوطني" after the party's name).
                ci = self._org_part(text, m, key, kept, kstarts)
                if ci is not None:
                    join(m, ci)
                    continue
            if m.kind == "focus":
                if m.entry in by_entry:
                    join(m, by_entry[m.entry])
                else:
                    by_entry[m.entry] = new(m)
                continue
            ci = by_key.get((m.type, key))
            if ci is None and m.type == "PER":
                ci = self._person_part(text, m, clusters)
            if ci is None and self.descriptions:
                ci = self._description(text, m, clusters)
            if ci is None:
                ci = new(m)
            else:
                join(m, ci)
            by_key.setdefault((m.type, key), ci)
        return clusters

    def _acronyms(self, text, kept, clusters, join, new) -> None:
        # Opening brackets of the text: _PAREN matches at a mention's end only if the first
        # of them after it follows nothing but white space (checked before the regex).
        opens = []
        for q in "(（":
            k = text.find(q)
            while k >= 0:
                opens.append(k)
                k = text.find(q, k + 1)
        if not opens:
            return
        opens.sort()
        n_open = len(opens)
        pos = {m.start: m for m in kept}
        for m in kept:
            if m.kind == "title":
                continue
            k = bisect_left(opens, m.end)
            if k == n_open:
                continue
            p = opens[k]
            if p > m.end and not text[m.end:p].isspace():
                continue
            pm = _PAREN.match(text, m.end)
            if not pm:
                continue
            inner = pos.get(pm.start(1))
            if inner is None or inner.end != pm.end(1) or inner is m:
                continue
            if m.cluster < 0:
                new(m)
            if inner.cluster == m.cluster:
                continue
            if inner.cluster < 0:
                join(inner, m.cluster)
                if inner.kind == "ner":
                    inner.kind = "acr"
            else:
                self._merge(clusters, m.cluster, inner.cluster)

    @staticmethod
    def _merge(clusters: list[list[Mention]], a: int, b: int) -> None:
        """Move cluster ``b`` into ``a`` when their KB links do not conflict."""
        ea = {m.entry for m in clusters[a] if m.entry is not None and m.kind != "title"}
        eb = {m.entry for m in clusters[b] if m.entry is not None and m.kind != "title"}
        if ea and eb and not (ea & eb):
            return
        for m in clusters[b]:
            m.cluster = a
        clusters[a].extend(clusters[b])
        clusters[b] = []

    def _title_cluster(self, doc: Doc, m: Mention, kept: list[Mention],
                       clusters: list[list[Mention]], by_entry: dict[int, int],
                       kstarts: list[int] | None = None) -> int | None:
        kb = self.kb
        text = doc.text
        # Apposition: a title right before a person's name ("الرئيس بيار نكورونزيزا"),
        # unless the title is itself a complement ("الناطقة باسم المبعوث الدولي جيسي شاهين").
        before = _word_before(text, m.start)
        appos_ok = before is None or normalize(before[1]) not in _NOT_APPOS
        pos = m.end
        # ``kept`` is in text order here (sorted in _choose): start at the title's end.
        if kstarts is None:
            kstarts = [n.start for n in kept]
        k0 = bisect_left(kstarts, pos) if appos_ok else len(kept)
        for n in kept[k0:]:
            if n.start < pos:
                continue
            if n.start - pos > 8 or not _APPOS_GAP.match(text[pos:n.start]):
                break
            if n.type == "PER" and n.kind != "title":
                if n.cluster < 0:
                    clusters.append([n])
                    n.cluster = len(clusters) - 1
                return n.cluster
            if n.type in ("ORG", "LOC") and n.kind in ("name", "ner", "acr"):
                # "الأمين العام للأمم المتحدة أنطونيو غوتيريش": look past the body's name.
                pos = n.end
                continue
            break
        office = kb.entries[m.entry] if m.entry is not None else None
        if office is None:
            return None
        code = office.id.split(":", 1)[1]
        date = (doc.published or "")[:10] or None
        # A person named in the document who holds the office (at the dateline).
        for ci, cl in enumerate(clusters):
            for n in cl:
                if n.entry is None or n.kind == "title":
                    continue
                e = kb.entries[n.entry]
                for c, s, t in e.offices:
                    if c == code and (date is None or ((s is None or s <= date) and (t is None or date <= t))):
                        return ci
        hold = kb.holder(office.id, date)
        if hold is not None:
            m.extra["holder"] = hold
            if hold in by_entry:
                return by_entry[hold]
        # A title seen before stands for the same person.
        for ci, cl in enumerate(clusters):
            if any(n.kind == "title" and n.entry == m.entry for n in cl):
                return ci
        return None

    def _org_part(self, text: str, m: Mention, key: str, kept: list[Mention],
                  kstarts: list[int]) -> int | None:
        words = tuple(key.split())
        if not words:
            return None
        own = m.entry is not None and len(words) >= 2
        # The nearest earlier name that contains this one. Every kept mention before ``m``
        # is in a cluster by now (mentions are clustered in text order) and spans are
        # unique, so walking ``kept`` back from ``m`` finds what a scan of all clusters
        # for the latest-starting match finds.
        for i in range(bisect_left(kstarts, m.start) - 1, -1, -1):
            n = kept[i]
            if n.type not in ("ORG", "MISC") or n.kind not in ("name", "ner", "acr", "focus") \
                    or n.cluster < 0:
                continue
            if own and n.entry is not None and n.entry != m.entry:
                # A multi-word name linked to its own entry ("الحكومة المعترف بها
                # دوليا") is not a short form of another actor's name that contains
                # it ("جيش الحكومة المعترف بها دوليا" is the army).
                continue
            full = _key_words(text[n.start:n.end])
            # (``words[0] in full``: a cheap necessary condition of _contains.)
            if len(full) > len(words) and words[0] in full and \
                    _contains(full, words, allow_first=len(words) > 1):
                if m.entry is not None and n.entry is not None:
                    a, b = self.kb.entries[m.entry], self.kb.entries[n.entry]
                    if a.country and b.country and a.country != b.country:
                        continue
                return n.cluster
        return None

    def _person_part(self, text: str, m: Mention, clusters: list[list[Mention]]) -> int | None:
        """A surname or partial name repeating a person named earlier in full."""
        words = _key_words(text[m.start:m.end])
        if not words:
            return None
        # The last cluster with a match (clusters in reverse, first hit).
        for ci in range(len(clusters) - 1, -1, -1):
            for n in clusters[ci]:
                if n.type != "PER" or n.kind == "title" or n.start >= m.start:
                    continue
                full = _key_words(text[n.start:n.end])
                if len(full) <= len(words):
                    continue
                if words[0] in full and _contains(full, words):
                    return ci
        return None

    def _description(self, text: str, m: Mention, clusters: list[list[Mention]]) -> int | None:
        """A definite description ("البعثة") for the last entity whose name has that head."""
        key = alias_key(text[m.start:m.end])
        if " " in key or not key.startswith("ال"):
            return None
        head = key[2:]
        if head not in _DESC_HEADS and normalize(head) not in _DESC_HEADS:
            return None
        best, best_pos = None, -1
        for ci, cl in enumerate(clusters):
            for n in cl:
                if n.start < m.start and n.start > best_pos and n.kind in ("name", "ner", "acr") \
                        and n.by != "institution":
                    first = _key_words(text[n.start:n.end])[0]
                    if first == head and n.start > m.start - 3000:
                        best, best_pos = ci, n.start
        return best

    # -- 5. propagate ------------------------------------------------------------------
    def _propagate(self, text: str, words: list[Word], kept: list[Mention],
                   clusters: list[list[Mention]], norms: list[str] | None = None,
                   ext_ends: set[int] | None = None) -> None:
        """Add other occurrences of the names (and surnames) each entity was given."""
        from rasd.text.tokens import word_frequencies

        freq = word_frequencies()
        adjectives = self.kb.adjectives
        keys: dict[str, int] = {}
        common: set[str] = set()  # surnames that are also common words (صالح، محمود)
        for ci, cl in enumerate(clusters):
            for m in cl:
                if m.kind not in ("name", "ner", "acr"):
                    continue
                if m.extra.get("flag", STRONG) != STRONG:
                    # "الدولة" is Islamic State after "تنظيم", not everywhere.
                    continue
                key = alias_key(text[m.start:m.end])
                if not key or len(key) < 3:
                    continue
                parts = key.split()
                if len(parts) == 1 and (key in adjectives or (m.by in ("ner", "rule") and freq.get(key, 0) >= 500 and m.entry is None)):
                    continue
                keys.setdefault(key, ci)
                if m.type == "PER" and len(parts) >= 2:
                    last = parts[-1]
                    # After بن/ابن the last word is a father's name, not a surname: "سلمان"
                    # alone is not "محمد بن سلمان", "عبدالعزيز" not "X بن Y بن عبدالعزيز".
                    # Nor after عبد/أبو/آل: "الله" alone is not "عبد الله" (it is God), "الشيخ"
                    # not "آل الشيخ" (the two words are added below).
                    if parts[-2] not in _PATRONYMIC and parts[-2] not in _COMPOUND_LAST \
                            and self._surname_ok(last, freq, adjectives):
                        keys.setdefault(last, ci)
                        if freq.get(last, 0) >= 480:
                            common.add(last)
                    if len(parts) >= 3 and parts[-2] in ("دي", "دو", "فان", "فون", "عبد", "ابو", "بن", "ولد", "ال"):
                        keys.setdefault(" ".join(parts[-2:]), ci)
        if not keys:
            return
        occ = _occupied(len(text), kept)
        firsts: dict[str, int] = {}
        for k in keys:
            f = k.split(" ", 1)[0]
            firsts[f] = max(firsts.get(f, 0), k.count(" ") + 1)
        # Every surface form one of whose readings is a first word: one set test per word.
        surface = surface_forms(firsts)
        added: list[Mention] = []
        fac_keys: dict = {}
        n = len(words)
        # Only the words whose form is in ``surface`` can start a name (one C-level pass).
        for i in indices_in(norms if norms is not None else word_norms(words), surface):
            w = words[i]
            if occ[w.end - 1]:
                # The word's last letter is taken: every reading of it would overlap a
                # mention (the occ test below), so nothing can be added here.
                continue
            nm = w.norm
            if not nm or not (nm in firsts or (nm[0] in "وفبكل" and len(nm) >= 3)):
                continue
            for skip, form in first_word_forms(nm):
                maxw = firsts.get(form)
                if maxw is None:
                    continue
                found = None
                key = form
                for j in range(i, min(n, i + maxw)):
                    if j > i:
                        key = key + " " + words[j].norm
                    if key in keys:
                        found = (j, key)
                if found is None:
                    continue
                j, key = found
                s, e = orig_skip(text, w, skip), words[j].end
                if occ.find(1, s, e) >= 0:
                    break
                if key in common and skip and w.norm[skip - 1] in "بلك":
                    # "لصالح" is "in favour of", not "to Saleh".
                    break
                if key == QAEDA_KEY and is_base(text, words, i, j, s):
                    # "القاعدة" the base, in a text that names al-Qaeda too.
                    break
                ci = keys[key]
                ref = clusters[ci][0]
                if ext_ends and s in ext_ends and ref.type in ("LOC", "ORG"):
                    # "وطريق العريش الدائري" after "العريش": the road, not the city again.
                    fac = self._facility_at(text, s, e, ref, clusters, occ, added, fac_keys)
                    if fac:
                        break
                _add_coref(Mention(s, e, ref.type, ref.entry if ref.kind != "title" else None,
                                   "name", by="coref"), ci, clusters, occ, added)
                break
        kept.extend(added)

    def _facility_at(self, text: str, s: int, e: int, ref: Mention, clusters: list[list[Mention]],
                     occ: bytearray, added: list[Mention], fac_keys: dict) -> bool:
        """Add the facility or place whose name holds the occurrence ``s:e`` of a linked or
        named place ("طريق العريش الدائري"), as an entity of its own; False if none."""
        from rasd.kb.rules import extend_name

        lo = max(0, s - 30)
        hi = min(len(text), e + 30)
        ext = extend_name(text, s, e, ref.type, True, lo, hi)
        if ext is None or ext[3] in ("given", "same"):
            return False
        s2, e2, typ, how, head = ext
        if occ.find(1, s2, s) >= 0 or occ.find(1, e, e2) >= 0:
            return False
        nm = Mention(s2, e2, typ, None, "ner", by="coref")
        if how == "facility":
            nm.extra["key"] = (head, ref.entry if ref.entry is not None else alias_key(text[s:e]))
            if ref.entry is not None and ref.kind != "title":
                ent_ = self.kb.entries[ref.entry]
                nm.extra["inner_en"] = _city_reading(text[s:e], ent_) or ent_.name_en
        k = nm.extra.get("key") or alias_key(text[s2:e2])
        ci = fac_keys.get(k)
        if ci is None:
            clusters.append([])
            ci = fac_keys[k] = len(clusters) - 1
        _add_coref(nm, ci, clusters, occ, added)
        return True

    @staticmethod
    def _surname_ok(last: str, freq: dict[str, int], adjectives) -> bool:
        """May this last name stand alone for the person (not an adjective or common word)?"""
        if len(last) < 3 or last in adjectives:
            return False
        f = freq.get(last, 0)
        if f < 480:
            return True
        # Common words that are also usual surnames (محمود، صالح) -- names list decides.
        from rasd.kb.translit import is_name_word

        return f < 540 and is_name_word(last)

    def _descriptions_in_text(self, text: str, words: list[Word], kept: list[Mention],
                              clusters: list[list[Mention]], norms: list[str] | None = None) -> None:
        """Definite descriptions NER does not tag ("البعثة" after "بعثة الأمم المتحدة ...")."""
        occ = _occupied(len(text), kept)
        heads: list[tuple[int, str, int]] = []  # (start, head word, cluster)
        for ci, cl in enumerate(clusters):
            for m in cl:
                if m.kind in ("name", "ner", "acr") and m.by != "institution":
                    first = alias_key(text[m.start:m.end]).split(" ", 1)[0]
                    if first in _DESC_HEADS:
                        heads.append((m.start, first, ci))
        if not heads:
            return
        heads.sort()
        added = []
        wanted = {"ال" + h for _s, h, _c in heads}
        surface = surface_forms(wanted)
        for w in [words[i] for i in indices_in(norms if norms is not None else word_norms(words), surface)]:
            nm = w.norm
            if len(nm) < 4 or occ[w.end - 1]:
                # (A taken last letter: every reading overlaps a mention, see below.)
                continue
            if not any(f in wanted for _k, f in first_word_forms(nm)):
                continue
            for skip, form in first_word_forms(w.norm):
                if form not in wanted:
                    continue
                s, e = orig_skip(text, w, skip), w.end
                if occ.find(1, s, e) >= 0:
                    break
                best = None
                for hs, hw, ci in heads:
                    if hs >= s:
                        break
                    if hw == form[2:] and s - hs < 3000:
                        best = ci
                if best is not None:
                    _add_coref(Mention(s, e, clusters[best][0].type, None, "desc", by="coref"),
                               best, clusters, occ, added)
                break
        kept.extend(added)

    # -- 6. emit -----------------------------------------------------------------------
    def _emit(self, doc: Doc, kept: list[Mention], clusters: list[list[Mention]],
              focus: str | None = None) -> list[Entity]:
        kb = self.kb
        text = doc.text
        out: list[Entity] = []
        for cl in clusters:
            if not cl:
                continue
            cl.sort(key=_START)
            # Named mentions outweigh generic ones ("فصائل المعارضة المسلحة" over "المعارضة").
            entries: dict[int, float] = {}
            for m in cl:
                if m.entry is not None and m.kind != "title":
                    words = text.count(" ", m.start, m.end) + 1
                    entries[m.entry] = entries.get(m.entry, 0) + (
                        words if m.kind not in ("focus", "desc") else 0.5 * words)
            entry = None
            if entries:
                # First-inserted among equals, as Counter.most_common(1).
                entry = kb.entries[max(entries.items(), key=_second)[0]]
            else:
                holders = [m.extra.get("holder") for m in cl if m.extra.get("holder") is not None]
                if holders:
                    entry = kb.entries[holders[0]]
            if entry is not None and entry.type in ("PER", "ORG", "LOC", "MISC"):
                typ = entry.type
            else:
                types: dict[str, int] = {}
                for m in cl:
                    if m.kind != "title":
                        types[m.type] = types.get(m.type, 0) + 1
                typ = max(types.items(), key=_second)[0] if types else cl[0].type
            name = _fullest(text, cl)
            if name.startswith("ل") and not name.startswith("ال") and \
                    alias_key("ا" + name) in self.kb.aliases:
                # Only seen after "لل" ("للأمم المتحدة" → mention "لأمم المتحدة"): the
                # name gets its article back.
                name = "ا" + name
            ent = Entity(id="", type=typ, name=name)
            if entry is not None:
                ent.name_en = entry.name_en
                ent.kb = {"id": entry.id}
                if entry.wikidata:
                    ent.kb["wikidata"] = entry.wikidata
                ent.extra["name_en_by"] = "kb"
            elif all(m.kind == "title" for m in cl) and cl[0].entry is not None:
                # Only a title, and no known holder: the office's English name.
                ent.name_en = kb.entries[cl[0].entry].name_en
                ent.extra["name_en_by"] = "kb-office"
            else:
                # A facility named after a linked or known place or a linked person:
                # "Abu Rudeis Hospital", "Jenin Government Hospital".
                fac = next((m for m in cl if "inner_en" in m.extra or "inner_loc" in m.extra), None)
                inner_en = fac.extra.get("inner_en") if fac is not None else None
                if fac is not None and inner_en is None and self.gazetteer:
                    s0, e0 = fac.extra["inner_loc"]
                    inner_en = _gazetteer_name([Mention(s0, e0, "LOC")], text)
                en = _gazetteer_name(cl, text) if typ == "LOC" and self.gazetteer and not inner_en else None
                if inner_en:
                    from rasd.kb.translit import facility_name

                    ent.name_en = facility_name(text[fac.start:fac.end], inner_en,
                                                fac.extra.get("template"))
                    by = "kb" if "inner_en" in fac.extra else "gazetteer"
                    ent.extra["name_en_by"] = by + "+template"
                elif en:
                    ent.name_en = en
                    ent.extra["name_en_by"] = "gazetteer"
                elif any("name_en" in m.extra for m in cl):
                    ent.name_en = next(m.extra["name_en"] for m in cl if "name_en" in m.extra)
                    ent.extra["name_en_by"] = "rule"
                elif self.transliterate:
                    from rasd.kb.orgname import translate_org
                    from rasd.kb.translit import facility_name, transliterate_name

                    core_en = _core_place(name) if self.gazetteer and typ != "PER" else None
                    org_en = translate_org(name) if typ == "ORG" and not core_en else None
                    if core_en:
                        # "جامعة نجران" as one NER span: Najran University (the place's
                        # English name), not a transliterated "Ngeran University".
                        ent.name_en = facility_name(name, core_en)
                        ent.extra["name_en_by"] = "gazetteer+template"
                    elif org_en:
                        # An organisation named by common words, translated word by word
                        # ("لجنة الإغاثة الدولية" → International Relief Committee).
                        ent.name_en = org_en
                        ent.extra["name_en_by"] = "translated"
                    else:
                        ent.name_en = transliterate_name(name, focus, typ == "LOC",
                                                         typ == "ORG") or None
                        if ent.name_en:
                            ent.extra["name_en_by"] = "translit"
            seen = set()
            for m in cl:
                span = (m.start, m.end)
                if span in seen:
                    continue
                seen.add(span)
                ent.mentions.append(Span(m.start, m.end, text[m.start:m.end]))
            confs = [m.conf for m in cl if m.conf is not None]
            if confs:
                ent.confidence = round(max(confs), 4)
            bys = sorted({m.by for m in cl})
            ent.extra["by"] = "+".join(bys)
            out.append(ent)
        # Entity.start is its first mention's (mentions are added in text order).
        out.sort(key=_FIRST_START)
        for i, e in enumerate(out, 1):
            e.id = f"e{i}"
        return out


_HONORIFICS = {normalize(w) for w in (
    "الكولونيل العقيد اللواء العميد الفريق المشير العماد الجنرال النقيب الرائد المقدم "
    "الشيخ السيد السيدة الدكتور الدكتورة المهندس الأستاذ الحاج الرئيس الأمير الأميرة الملك "
    "الإمام المرشد الوزير القاضي النائب السفير المستشار الأب المطران البابا").split()}
_HON_RE = re.compile(r"\w+")
# Courtesy titles that never stand for a person on their own (unlike "الملك", "الرئيس").
_COURTESY = frozenset(normalize(w) for w in (
    "الشيخ السيد السيدة الدكتور الدكتورة المهندس المهندسة الأستاذ الأستاذة الحاج").split())


_HON_FIRST = frozenset(w[0] for w in _HONORIFICS if w)
_norm_char = lru_cache(maxsize=4096)(normalize)


def _next_word_start(text: str, pos: int) -> int:
    """Index of the first non-space character at or after ``pos``."""
    while pos < len(text) and text[pos] in " \u00a0":
        pos += 1
    return pos


# A complementizer inside a mention ("لجنة الاحتراف أن الاتحاد السعودي", "دايلي ميل إن
# المان يونايتد": NER ran two names together over it) when a definite word follows it and a
# word of 3+ letters precedes it (not the letter names of "سي إن إن", "كيو إن إكس").
_COMP_RE = re.compile(r"(?<=[^\W\d_]{3}) +[بل]?[أإا]نّ? +(?=ال)")


def _split_complementizer(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of the mention ``text[start:end]`` on either side of a complementizer."""
    if "ن " not in text[start:end]:
        return [(start, end)]
    out = []
    s = start
    for m in _COMP_RE.finditer(text, start, end):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, end))
    return out


# Mention types as bytes (EntityStage._rule_mentions: which kept mention covers a word).
# A person wins where mentions overlap (the highest code is read).
_TYPE_CODE = {"MISC": 1, "LOC": 2, "ORG": 3, "PER": 4}
_CODE_TYPE = {1: "MISC", 2: "LOC", 3: "ORG", 4: "PER"}


def _drop_bases(text: str, words: list[Word], ner: list[Mention]) -> list[Mention]:
    """NER mentions "القاعدة" that name a military base (rasd.kb.link.is_base) are dropped:
    the base is neither al-Qaeda nor an organisation."""
    starts = None
    out = []
    for m in ner:
        if m.end - m.start == 7 and alias_key(text[m.start:m.end]) == QAEDA_KEY:
            if starts is None:
                starts = [w.start for w in words]
            w0 = bisect_right(starts, m.start) - 1
            if w0 >= 0 and words[w0].end == m.end and is_base(text, words, w0, w0, m.start):
                continue
        out.append(m)
    return out


def _add_coref(m: Mention, ci: int, clusters: list[list[Mention]], occ: bytearray,
               added: list[Mention]) -> None:
    """Put a mention found by coreference into cluster ``ci`` and mark its text as taken."""
    m.cluster = ci
    clusters[ci].append(m)
    occ[m.start:m.end] = b"\x01" * (m.end - m.start)
    added.append(m)


def _strip_honorifics(text: str, start: int, end: int) -> int:
    """Start of a person mention after leading titles ("الكولونيل غاسبار باراتوزا" → name)."""
    while True:
        if start < end:
            # The normalised title begins with the normalised form of its first letter:
            # most names fail on that letter alone (no regex, no normalising the word).
            first = _norm_char(text[start])
            if first and first[0] not in _HON_FIRST:
                return start
        m = _HON_RE.match(text, start, end)
        if m is None or normalize(m.group()) not in _HONORIFICS:
            return start
        rest = end - m.end()
        nxt = m.end()
        while nxt < end and text[nxt] == " ":
            nxt += 1
        if rest <= 1 or nxt >= end:
            return start
        start = nxt


_START = attrgetter("start")


def _FIRST_START(e: Entity) -> int:
    return e.mentions[0].start


def _second(kv: tuple):
    return kv[1]


def _inner_names(m: Mention, spans: list[tuple[int, int]]) -> int:
    """How many non-overlapping KB name spans lie strictly inside mention ``m``."""
    n, last = 0, -1
    ms, me = m.start, m.end
    # Spans are sorted: start at the first one beginning at or after the mention.
    for k in range(bisect_left(spans, (ms, -1)), len(spans)):
        s, e = spans[k]
        if s >= me:
            break
        if e <= me and (s != ms or e != me) and s >= last:
            n += 1
            last = e
    return n


_STRONG_OF: dict[int, tuple[list, list]] = {}


def _strong_hits(hits: list) -> list:
    """The hits of an alias that are strong and need no co-mention, in order (cached per
    KB hits list: focus-only aliases such as "الحكومة" have one weak hit per country)."""
    if not hits:
        return hits
    if len(hits) == 1:
        # The usual alias, one hit: the list itself or nothing (no cache needed).
        h = hits[0]
        return hits if h.flag == STRONG and not h.requires else []
    got = _STRONG_OF.get(id(hits))
    if got is None or got[0] is not hits:
        if len(_STRONG_OF) > 200_000:
            _STRONG_OF.clear()
        # The list is stored with its subset, so its id cannot be reused meanwhile.
        got = _STRONG_OF[id(hits)] = (hits, [h for h in hits if h.flag == STRONG and not h.requires])
    return got[1]


_PATRONYMIC = frozenset(("بن", "ابن", "بنت"))
# First words of two-word last names ("عبد الله", "أبو بكر", "آل الشيخ"; normalised).
_COMPOUND_LAST = frozenset(("عبد", "ابو", "ابي", "ام", "ال"))
_MOUNT = frozenset((normalize("جبل"),))
# Nouns that name a facility, prize or project after a person ("كأس الملك", "مستشفى الملك
# فهد", "طريق الملك"): a title right after one is part of that name (normalised forms).
_NAMED_AFTER = frozenset(normalize(w) for w in (
    "كأس", "مستشفى", "مستشفيات", "جامعة", "مدينة", "مطار", "شارع", "طريق", "مركز", "مجمع",
    "قاعدة", "جسر", "ميناء", "مسجد", "جامع", "جائزة", "كلية", "معهد", "مكتبة", "حديقة",
    "ملعب", "استاد", "حي", "ميدان", "دوار", "محطة", "سد", "مدرسة", "متحف"))
# (Not برنامج/مشروع/صندوق/قصر/عهد: "برنامج رئيس الحزب" is that person's programme.)
_LATE = frozenset(normalize(w) for w in ("الراحل", "الراحلة"))


def _title_of_another(text: str, start: int, end: int) -> bool:
    """Is the title at ``start:end`` not its current holder here?

    After a facility/prize noun it is part of a name ("كأس الملك"); before الراحل it names
    someone else ("الملك الراحل").
    """
    before = _word_before(text, start)
    # with or without a clitic glued on: "كأس الملك", "بطريق الملك", "وكأس الملك"
    if before is not None and any(f in _NAMED_AFTER
                                  for _skip, f in first_word_forms(normalize(before[1]))):
        return True
    j = end
    while j < len(text) and text[j] == " ":
        j += 1
    k = j
    while k < len(text) and text[k].isalpha():
        k += 1
    if k == j or j == end:
        return False
    # A personal name after the title is apposition ("رئيس الوزراء العراقي حيدر العبادي"):
    # the coreference step joins the title to that person, so only "late" counts here
    # ("الرئيس السابق X" is apposition to X too).
    return normalize(text[j:k]) in _LATE


def _after_patronymic(text: str, pos: int) -> bool:
    """Does ``بن``/``ابن``/``بنت`` stand right before ``pos`` (a father's name follows)?"""
    before = _word_before(text, pos)
    return before is not None and normalize(before[1]) in _PATRONYMIC


def _word_before(text: str, pos: int) -> tuple[int, str] | None:
    """``(start, word)`` of the word right before ``pos`` (spaces only in between)."""
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    k = j
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return (k, text[k:j]) if k < j else None


def _gazetteer_name(cl: list[Mention], text: str) -> str | None:
    """English name of the most prominent place the geo gazetteer knows for a LOC name.

    Optional: the geo package may be absent or still building; then ``None``. The geo
    stage, which runs later, resolves places with full context.
    """
    gz = _gazetteer()
    if gz is None:
        return None
    try:
        for m in sorted(cl, key=lambda m: -(m.end - m.start)):
            if m.kind == "title":
                continue
            e = gz.lookup(text[m.start:m.end])
            if e is not None and e.places and e.flag != "adj":
                return e.places[0].name_en or None
    except Exception:  # noqa: BLE001
        return None
    return None


# Facility heads whose name is mostly a place's ("جامعة تبوك", "مستشفى القريات العام",
# "بنك قطر الوطني" Qatar National Bank).
_CORE_PLACE_HEADS = frozenset(normalize(w) for w in (
    "جامعة مستشفى مطار ميناء سجن ملعب استاد كلية معهد بنك").split())


@lru_cache(maxsize=10_000)
def _core_place(name: str) -> str | None:
    """English name of the place a facility is named after, when the name is a facility
    head + a name the gazetteer knows firmly as a place (flag "strong"), else ``None``."""
    from rasd.kb.translit import head_core

    hc = head_core(name, True)
    if hc is None or hc[0] not in _CORE_PLACE_HEADS or not hc[1]:
        return None
    gz = _gazetteer()
    if gz is None:
        return None
    try:
        e = gz.lookup(hc[1])
        if e is None or e.flag != "strong" or not e.places:
            return None
        return e.places[0].name_en or None
    except Exception:  # noqa: BLE001 -- no gazetteer reading: transliterate
        return None


@lru_cache(maxsize=1_000)
def _capital_named(name: str) -> str | None:
    """English name of the national capital the gazetteer reads ``name`` as, if any."""
    gz = _gazetteer()
    if gz is None:
        return None
    try:
        e = gz.lookup(name)
        if e is None or e.flag == "adj":
            return None
        for p in e.places:
            if p.level == "city" and p.fcode == "PPLC" and p.name_en:
                return p.name_en
    except Exception:  # noqa: BLE001 -- no gazetteer reading: keep the KB's name
        return None
    return None


def _city_reading(name: str, entry) -> str | None:
    """The city a facility named after a country name is in, where that name is also a
    capital's ("مطار عمان الدولي" → Amman, "مطار الجزائر" → Algiers); ``None`` otherwise
    and where the city bears the country's own name (Kuwait City: "Kuwait International
    Airport", "جامعة الكويت" Kuwait University)."""
    if entry.type != "LOC" or entry.role != "country" or not name:
        return None
    city = _capital_named(name)
    if city is None or city.startswith(entry.name_en):
        return None
    return city


def _is_place(name: str) -> bool:
    """Does the geo gazetteer know ``name`` as a place (not only as an adjective)?"""
    gz = _gazetteer()
    if gz is None:
        return False
    try:
        e = gz.lookup(name)
        return bool(e is not None and e.places and e.flag != "adj")
    except Exception:  # noqa: BLE001 -- no gazetteer reading: not known as a place
        return False


_GZ: list = []  # [rasd.geo.gazetteer.gazetteer], filled on first successful import


def _gazetteer():
    """The geo gazetteer, or ``None`` when the geo package is absent or fails to load."""
    try:
        if not _GZ:
            from rasd.geo.gazetteer import gazetteer

            _GZ.append(gazetteer)
        return _GZ[0]()
    except Exception:  # noqa: BLE001 -- any failure just means no gazetteer names
        return None


@lru_cache(maxsize=100_000)
def _key_words(s: str) -> tuple[str, ...]:
    """The words of a name's alias key (cached: names repeat within and across texts)."""
    return tuple(alias_key(s).split())


def _contains(full: tuple[str, ...], part: tuple[str, ...], allow_first: bool = False) -> bool:
    """Is ``part`` a contiguous run of ``full`` that is not only its first word?"""
    n = len(part)
    for i in range(len(full) - n + 1):
        if full[i:i + n] == part:
            if i and full[i - 1] in _COMPOUND_LAST:
                continue  # the second half of "عبد الله" / "آل الشيخ" ("الله" is God)
            # A first name alone ("محمد") is too common to stand for a person.
            return allow_first or not (i == 0 and n == 1)
    return False


_RANK = {"name": 0, "ner": 0, "acr": 2, "focus": 3, "desc": 3, "title": 4}


def _fullest(text: str, cl: list[Mention]) -> str:
    """The fullest Arabic name form: the longest name mention (titles only as a last resort)."""
    if len(cl) == 1:
        return text[cl[0].start:cl[0].end]
    rank = _RANK
    best = best_key = None
    for m in cl:
        s = text[m.start:m.end]
        # (The regex only where the first letter is ASCII: it needs [A-Za-z] there.)
        k = (5 if s[:1].isascii() and _LATIN.match(s) else rank.get(m.kind, 1),
             -len(_key_words(s)), -(m.end - m.start), m.start)
        # The first of equal keys, as min() picks.
        if best_key is None or k < best_key:
            best, best_key = s, k
    return best
