"""Scoring system documents against gold annotations (``rasd.gold/1``).

Gold names things by surface strings, so the scorer first finds every *occurrence* of a
gold string in the text: an exact match that starts at a word boundary (optionally after
up to two detachable proclitics و ف ب ل ك) and ends at one. Then, per stage:

* entities: typed mention P/R/F1 on exact offsets (flat: an occurrence nested in a longer
  gold occurrence does not count); per gold entity whether it was found,
  whether all its occurrences ended in one system entity, and whether ``name_en`` is one
  of the accepted names; for LOC entities with gold ``geo``, right country and distance.
* times: a system time matches a gold time when their spans overlap; recall, precision and
  value accuracy on the matched pairs.
* quotes: a system quote matches a gold quote when it contains the start of an occurrence
  of the gold ``begins`` (or overlaps its first word); P/R/F1, kind and speaker accuracy.
* events: as spec/gold-format.md says — a system event matches a gold event when its type
  is one of the gold types and its trigger overlaps an occurrence of the gold trigger (or,
  failing that, lies in the same sentence as one). Unmatched main gold events are misses,
  unmatched system events false alarms, matches of background events count neither way.
  Arguments are scored on matched pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rasd.geo.resolve import haversine

_LETTER = re.compile(r"\w", re.UNICODE)
PROCLITICS = "وفبكل"


def _is_letter(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c) in ("Mn", "Mc")


def occurrences(text: str, s: str) -> list[tuple[int, int]]:
    """Word-bounded occurrences of ``s`` in ``text`` (up to two proclitics allowed before)."""
    out: list[tuple[int, int]] = []
    if not s:
        return out
    start = 0
    while True:
        i = text.find(s, start)
        if i < 0:
            break
        start = i + 1
        e = i + len(s)
        if e < len(text) and _is_letter(text[e]) and _is_letter(s[-1]):
            # Allow a pronoun suffix? No: gold mentions are whole words.
            continue
        j = i
        ok = True
        for _ in range(3):
            if j == 0 or not _is_letter(text[j - 1]) or not _is_letter(s[0]):
                break
            if text[j - 1] in PROCLITICS and _count_back(text, j) <= 2:
                j -= 1
                continue
            ok = False
            break
        if ok and (j == 0 or not _is_letter(text[j - 1]) or not _is_letter(s[0])):
            out.append((i, e))
    return out


def _count_back(text: str, j: int) -> int:
    n = 0
    while j > 0 and _is_letter(text[j - 1]):
        n += 1
        j -= 1
    return n


def fold(s: str | None) -> str:
    """Case-, accent- and punctuation-insensitive key for English names."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Ratio:
    """A share: ``right`` out of ``total``."""

    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += int(bool(ok))

    def value(self) -> float | None:
        return round(self.right / self.total, 4) if self.total else None


@dataclass
class _Acc:
    mentions: Counts = field(default_factory=Counts)
    mentions_untyped: Counts = field(default_factory=Counts)
    ent_found: Ratio = field(default_factory=Ratio)
    ent_type: Ratio = field(default_factory=Ratio)
    ent_one: Ratio = field(default_factory=Ratio)
    ent_name_en: Ratio = field(default_factory=Ratio)
    # Issue #6 counts name_en over every gold entity: an unfound one counts as wrong.
    ent_name_en_all: Ratio = field(default_factory=Ratio)
    geo_country: Ratio = field(default_factory=Ratio)
    geo_161: Ratio = field(default_factory=Ratio)
    geo_found: Ratio = field(default_factory=Ratio)
    times: Counts = field(default_factory=Counts)
    time_value: Ratio = field(default_factory=Ratio)
    time_strict: Counts = field(default_factory=Counts)
    quotes: Counts = field(default_factory=Counts)
    quote_kind: Ratio = field(default_factory=Ratio)
    quote_speaker: Ratio = field(default_factory=Ratio)
    events: Counts = field(default_factory=Counts)
    events_by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    ev_args: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    docs: int = 0


class _GoldIndex:
    """Gold entities with their occurrences, and the system-entity → gold-entity map."""

    def __init__(self, gold: dict[str, Any], system: dict[str, Any]) -> None:
        text = gold["text"]
        self.text = text
        self.gold_ents = gold.get("entities") or []
        self.occ: list[list[tuple[int, int]]] = []
        for ge in self.gold_ents:
            spans = sorted({o for m in ge.get("mentions") or [] for o in occurrences(text, m)})
            self.occ.append(spans)
        # Annotation is flat (as CoNLL): an occurrence inside a longer gold occurrence
        # ("مالي" inside the mission's full name) is not a mention of its own.
        allspans = sorted({o for occ in self.occ for o in occ}, key=lambda x: (x[0], -x[1]))
        nested = set()
        for a in allspans:
            for b in allspans:
                if b != a and b[0] <= a[0] and a[1] <= b[1]:
                    nested.add(a)
                    break
        self.occ = [[o for o in occ if o not in nested] for occ in self.occ]
        self.by_name: dict[str, int] = {}
        for gi, ge in enumerate(self.gold_ents):
            for n in ge.get("name_en") or []:
                self.by_name.setdefault(fold(n), gi)
            for m in ge.get("mentions") or []:
                self.by_name.setdefault(m, gi)
        # System entity id -> gold entity index, by the most overlapping occurrences.
        self.sys_ents = {e["id"]: e for e in system.get("entities") or []}
        self.sys_to_gold: dict[str, int] = {}
        self.gold_to_sys: dict[int, list[str]] = defaultdict(list)
        for eid, se in self.sys_ents.items():
            spans = [(m["start"], m["end"]) for m in se.get("mentions") or []]
            best, best_n = None, 0
            for gi, occ in enumerate(self.occ):
                # Exact spans weigh most: a place mentioned inside an organisation's name
                # overlaps the organisation but is exactly the place's own mention.
                exact = sum(1 for sp in spans if sp in occ)
                n = 10 * exact + sum(1 for sp in spans if any(_overlap(sp, o) for o in occ))
                if n > best_n:
                    best, best_n = gi, n
            if best is not None:
                self.sys_to_gold[eid] = best
                self.gold_to_sys[best].append(eid)

    def gold_index(self, name: str | None) -> int | None:
        if name is None:
            return None
        gi = self.by_name.get(fold(name))
        return gi if gi is not None else self.by_name.get(name)

    def same(self, sys_id: str | None, gold_name: str | None) -> bool:
        """Does system entity ``sys_id`` stand for the gold entity named ``gold_name``?"""
        if gold_name is None or sys_id is None:
            return gold_name is None and sys_id is None
        gi = self.gold_index(gold_name)
        if gi is not None and self.sys_to_gold.get(sys_id) == gi:
            return True
        se = self.sys_ents.get(sys_id)
        if se is None:
            return False
        ok = {fold(n) for n in ([gold_name] + (self.gold_ents[gi].get("name_en") or [] if gi is not None else []))}
        return fold(se.get("name_en")) in ok and bool(fold(se.get("name_en")))


def _sentences(system: dict[str, Any], text: str) -> list[tuple[int, int]]:
    sents = system.get("sentences")
    if sents:
        return [tuple(s) for s in sents]  # type: ignore[misc]
    from rasd.text.sentences import split_sentences

    return split_sentences(text)


def _sent_of(sents: list[tuple[int, int]], off: int) -> int | None:
    for i, (s, e) in enumerate(sents):
        if s <= off < e:
            return i
    return None


def score_doc(gold: dict[str, Any], system: dict[str, Any], acc: _Acc) -> dict[str, Any]:
    """Add one document's comparison to ``acc``; return per-document details."""
    text = gold["text"]
    if system.get("text") != text:
        raise ValueError(f"{gold.get('id')}: system text differs from gold text")
    gx = _GoldIndex(gold, system)
    acc.docs += 1
    details: dict[str, Any] = {"id": gold.get("id"), "missed_entities": [],
                               "missed_events": [], "false_events": [], "missed_times": [],
                               "missed_quotes": [], "wrong_name_en": []}

    # -- entities ------------------------------------------------------------------
    gold_m = {(s, e, ge["type"]) for ge, occ in zip(gx.gold_ents, gx.occ) for s, e in occ}
    sys_m = {(m["start"], m["end"], se["type"]) for se in system.get("entities") or []
             for m in se.get("mentions") or []}
    c = Counts(len(gold_m & sys_m), len(sys_m - gold_m), len(gold_m - sys_m))
    acc.mentions.add(c)
    gu = {(s, e) for s, e, _ in gold_m}
    su = {(s, e) for s, e, _ in sys_m}
    acc.mentions_untyped.add(Counts(len(gu & su), len(su - gu), len(gu - su)))
    for gi, ge in enumerate(gx.gold_ents):
        occ = gx.occ[gi]
        if not occ:
            continue
        cands = gx.gold_to_sys.get(gi, [])
        acc.ent_found.add(bool(cands))
        if not cands:
            details["missed_entities"].append(ge.get("name_en", [None])[0])
            if ge.get("name_en"):
                acc.ent_name_en_all.add(False)
            if ge.get("geo"):
                acc.geo_found.add(False)
            continue
        # The system entity covering most occurrences stands for this gold entity.
        def cover(eid: str) -> int:
            spans = [(m["start"], m["end"]) for m in gx.sys_ents[eid]["mentions"]]
            return sum(1 for o in occ if any(_overlap(o, sp) for sp in spans))

        def exact(eid: str) -> int:
            spans = {(m["start"], m["end"]) for m in gx.sys_ents[eid]["mentions"]}
            return sum(1 for o in occ if o in spans)

        best = max(cands, key=lambda eid: (exact(eid), cover(eid)))
        se = gx.sys_ents[best]
        acc.ent_type.add(se["type"] == ge["type"])
        acc.ent_one.add(cover(best) == len(occ))
        names = {fold(n) for n in ge.get("name_en") or []}
        if names:
            ok = fold(se.get("name_en")) in names
            acc.ent_name_en.add(ok)
            acc.ent_name_en_all.add(ok)
            if not ok:
                details["wrong_name_en"].append([ge["name_en"][0], se.get("name_en")])
        g_geo = ge.get("geo")
        if g_geo:
            s_geo = se.get("geo")
            acc.geo_found.add(bool(s_geo and s_geo.get("lat") is not None))
            if s_geo and s_geo.get("lat") is not None:
                if g_geo.get("country") is not None:
                    acc.geo_country.add(s_geo.get("country") == g_geo.get("country"))
                if g_geo.get("lat") is not None:
                    d = haversine(g_geo["lat"], g_geo["lon"], s_geo["lat"], s_geo["lon"])
                    acc.geo_161.add(d <= 161)

    # -- times ---------------------------------------------------------------------
    sys_times = system.get("times") or []
    used: set[int] = set()
    g_occ_all: list[tuple[int, int]] = []
    for gt in gold.get("times") or []:
        occ = occurrences(text, gt["text"]) or raw_occurrences(text, gt["text"])
        g_occ_all.extend(occ)
        # Prefer a system time not matched yet; one system expression may cover two gold
        # ones ("اليوم (الاثنين)" for gold "اليوم" and "الاثنين").
        hits = [i for i, st in enumerate(sys_times)
                if any(_overlap((st["start"], st["end"]), o) for o in occ)]
        fresh = [i for i in hits if i not in used]
        hit = fresh[0] if fresh else (hits[0] if hits else None)
        if hit is None:
            acc.times.fn += 1
            acc.time_strict.fn += 1
            details["missed_times"].append(gt["text"])
            continue
        used.add(hit)
        acc.times.tp += 1
        ok = sys_times[hit].get("value") == gt.get("value")
        acc.time_value.add(ok)
        if ok:
            acc.time_strict.tp += 1
        else:
            acc.time_strict.fn += 1
            acc.time_strict.fp += 1
    for i, st in enumerate(sys_times):
        if i not in used:
            acc.times.fp += 1
            acc.time_strict.fp += 1

    # -- quotes --------------------------------------------------------------------
    sys_q = system.get("quotes") or []
    qmatch = match_quotes(gold, system)
    for gi, gq in enumerate(gold.get("quotes") or []):
        hit = qmatch.get(gi)
        if hit is None:
            acc.quotes.fn += 1
            details["missed_quotes"].append(gq.get("begins") or "")
            continue
        acc.quotes.tp += 1
        acc.quote_kind.add(sys_q[hit].get("kind") == gq.get("kind"))
        acc.quote_speaker.add(gx.same(sys_q[hit].get("speaker"), gq.get("speaker")))
    acc.quotes.fp += len(sys_q) - len(qmatch)

    # -- events --------------------------------------------------------------------
    sys_ev = system.get("events") or []
    gold_ev = gold.get("events") or []
    g_types = [_gold_types(g) for g in gold_ev]
    matched_sys = match_events(gold, system)
    matched_gold = set(matched_sys.values())
    for gi, gv in enumerate(gold_ev):
        if gv.get("main") and gi not in matched_gold:
            acc.events.fn += 1
            for t in g_types[gi]:
                acc.events_by_type[t].fn += 1
            details["missed_events"].append(f"{sorted(g_types[gi])} {gv.get('trigger')}")
    for si, sv in enumerate(sys_ev):
        gi = matched_sys.get(si)
        if gi is None:
            acc.events.fp += 1
            acc.events_by_type[sv["type"]].fp += 1
            details["false_events"].append(f"{sv['type']} {sv['trigger']['text']}")
            continue
        gv = gold_ev[gi]
        if not gv.get("main"):
            continue
        acc.events.tp += 1
        acc.events_by_type[sv["type"]].tp += 1
        _score_args(gv, sv, gx, acc)
    return details


def match_quotes(gold: dict[str, Any], system: dict[str, Any]) -> dict[int, int]:
    """Gold quote index → system quote index: the first unused system quote that contains
    the start of an occurrence of the gold ``begins`` or overlaps its first word."""
    text = gold["text"]
    sys_q = system.get("quotes") or []
    out: dict[int, int] = {}
    used: set[int] = set()
    for gi, gq in enumerate(gold.get("quotes") or []):
        begins = gq.get("begins") or ""
        occ = raw_occurrences(text, begins)
        first_word = begins.split()[0] if begins.split() else begins
        for i, sq in enumerate(sys_q):
            if i in used:
                continue
            sp = (sq["start"], sq["end"])
            if any(sp[0] <= o[0] < sp[1] or _overlap(sp, (o[0], o[0] + len(first_word)))
                   for o in occ):
                out[gi] = i
                used.add(i)
                break
    return out


def _gold_types(gv: dict[str, Any]) -> set[str]:
    """The PLOVER types a gold event accepts (``type`` may be one or a list)."""
    return set(gv["type"]) if isinstance(gv["type"], list) else {gv["type"]}


def match_events(gold: dict[str, Any], system: dict[str, Any]) -> dict[int, int]:
    """System event index → gold event index, as spec/gold-format.md matches them.

    Same type and the trigger overlapping an occurrence of the gold trigger first; then,
    for those left, same type and the trigger in a sentence holding such an occurrence.
    Each gold event is matched once.
    """
    text = gold["text"]
    sents = _sentences(system, text)
    sys_ev = system.get("events") or []
    gold_ev = gold.get("events") or []
    g_types = [_gold_types(g) for g in gold_ev]
    g_occ = [raw_occurrences(text, g.get("trigger") or "") for g in gold_ev]
    g_sent = [{_sent_of(sents, o[0]) for o in occ} for occ in g_occ]
    matched_sys: dict[int, int] = {}
    matched_gold: set[int] = set()
    for strict in (True, False):
        for si, sv in enumerate(sys_ev):
            if si in matched_sys:
                continue
            tr = (sv["trigger"]["start"], sv["trigger"]["end"])
            ssent = _sent_of(sents, tr[0])
            for gi in range(len(gold_ev)):
                if gi in matched_gold or sv["type"] not in g_types[gi]:
                    continue
                if strict:
                    ok = any(_overlap(tr, o) for o in g_occ[gi])
                else:
                    ok = ssent is not None and ssent in g_sent[gi]
                if ok:
                    matched_sys[si] = gi
                    matched_gold.add(gi)
                    break
    return matched_sys


def _score_args(gv: dict[str, Any], sv: dict[str, Any], gx: _GoldIndex, acc: _Acc) -> None:
    for role in ("source", "target"):
        gold_names = gv.get(role) or []
        sys_ids = list(sv.get(role) or [])
        ok = len(gold_names) == len(sys_ids) and all(
            any(gx.same(sid, gn) for sid in sys_ids) for gn in gold_names)
        acc.ev_args[role].add(ok)
    acc.ev_args["place"].add(gx.same(sv.get("place"), gv.get("place")))
    stime = (sv.get("time") or {}).get("value")
    acc.ev_args["time"].add(stime == gv.get("time"))
    for k in ("dead", "injured"):
        acc.ev_args[k].add(sv.get(k) == gv.get(k))


def raw_occurrences(text: str, s: str) -> list[tuple[int, int]]:
    """Every occurrence of ``s`` in ``text``, word boundaries or not."""
    out = []
    if not s:
        return out
    i = text.find(s)
    while i >= 0:
        out.append((i, i + len(s)))
        i = text.find(s, i + 1)
    return out


def score(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """Score ``(gold, system)`` document pairs; returns a JSON-able report."""
    acc = _Acc()
    details = [score_doc(g, s, acc) for g, s in pairs]
    ev = acc.events.prf()
    report = {
        "docs": acc.docs,
        "entities": {
            "mentions": acc.mentions.prf(),
            "mentions_untyped": acc.mentions_untyped.prf(),
            "found": acc.ent_found.value(),
            "type_accuracy": acc.ent_type.value(),
            "one_entity": acc.ent_one.value(),
            "name_en_accuracy": acc.ent_name_en.value(),
            "name_en_all": acc.ent_name_en_all.value(),
            "n_gold": acc.ent_found.total,
        },
        "geo": {
            "found": acc.geo_found.value(),
            "country_accuracy": acc.geo_country.value(),
            "within_161km": acc.geo_161.value(),
            "n_gold": acc.geo_found.total,
        },
        "times": {**acc.times.prf(), "value_accuracy": acc.time_value.value(),
                  "strict": acc.time_strict.prf()},
        "quotes": {**acc.quotes.prf(), "kind_accuracy": acc.quote_kind.value(),
                   "speaker_accuracy": acc.quote_speaker.value()},
        "events": {
            **ev,
            "by_type": {t: c.prf() for t, c in sorted(acc.events_by_type.items())},
            "arguments": {k: r.value() for k, r in sorted(acc.ev_args.items())},
        },
        "details": details,
    }
    return report


#: The flat metrics the evaluation gate pins (eval/baseline.json).
GATED = (
    "entities.mentions.f1", "entities.found", "entities.one_entity",
    "entities.name_en_accuracy", "entities.name_en_all", "geo.found", "geo.country_accuracy", "geo.within_161km",
    "times.recall", "times.precision", "times.value_accuracy", "times.strict.f1",
    "quotes.f1", "quotes.speaker_accuracy", "events.f1", "events.arguments.place",
    "events.arguments.time", "events.arguments.source", "events.arguments.target",
    "events.arguments.dead", "events.arguments.injured",
)


def flat(report: dict[str, Any], keys: tuple[str, ...] = GATED) -> dict[str, float | None]:
    """Pick dotted-path metrics out of a report."""
    out: dict[str, float | None] = {}
    for k in keys:
        v: Any = report
        for part in k.split("."):
            v = v.get(part) if isinstance(v, dict) else None
        out[k] = v
    return out


def format_table(report: dict[str, Any]) -> str:
    """A readable per-stage table of a report."""
    rows = []

    def pct(v: Any) -> str:
        return "   -  " if v is None else f"{100 * v:6.1f}"

    e = report["entities"]
    m = e["mentions"]
    rows.append(("entities", f"mentions P {pct(m['precision'])} R {pct(m['recall'])} F1 {pct(m['f1'])}"))
    rows.append(("", f"found {pct(e['found'])}  one-entity {pct(e['one_entity'])}  "
                     f"type {pct(e['type_accuracy'])}  name_en {pct(e['name_en_accuracy'])} (of all {pct(e.get('name_en_all'))})  (n={e['n_gold']})"))
    g = report["geo"]
    rows.append(("geo", f"found {pct(g['found'])}  country {pct(g['country_accuracy'])}  "
                        f"≤161km {pct(g['within_161km'])}  (n={g['n_gold']})"))
    t = report["times"]
    rows.append(("times", f"P {pct(t['precision'])} R {pct(t['recall'])} F1 {pct(t['f1'])}  "
                          f"value {pct(t['value_accuracy'])}  strict F1 {pct(t['strict']['f1'])}"))
    q = report["quotes"]
    rows.append(("quotes", f"P {pct(q['precision'])} R {pct(q['recall'])} F1 {pct(q['f1'])}  "
                           f"kind {pct(q['kind_accuracy'])}  speaker {pct(q['speaker_accuracy'])}"))
    v = report["events"]
    rows.append(("events", f"main P {pct(v['precision'])} R {pct(v['recall'])} F1 {pct(v['f1'])}"))
    a = v["arguments"]
    if a:
        rows.append(("", "  ".join(f"{k} {pct(x)}" for k, x in a.items())))
    w = max(len(r[0]) for r in rows)
    head = f"Rasd evaluation — {report['docs']} documents (scores in %)"
    return "\n".join([head, "-" * len(head)] + [f"{a_:<{w}}  {b}" for a_, b in rows])
