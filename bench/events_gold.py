"""Score the events stage on ../shared/gold-dev (events, quotes, speakers, casualties).

Modes:
  --oracle   (default) entities and times come from the gold file (every occurrence of
             each gold mention string; gold time strings and values), so the numbers
             measure this stage alone;
  --pipeline run the real stages that exist (text, ner, entities, geo, time) first.

Scoring is ``rasd.eval.score`` (the project scorer, spec/gold-format.md rules).
Also prints a per-type confusion table over main gold events (gold type → the system
type found on the same trigger / sentence, or "-" for a miss).

Run: ``.venv/bin/python bench/events_gold.py [--pipeline] [--verbose] [--option k=v]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# EVENTS_BENCH_SRC: score another copy of the package (e.g. one with an older events stage).
sys.path.insert(0, __import__("os").environ.get("EVENTS_BENCH_SRC") or str(REPO / "src"))

from rasd.doc import Doc, Entity, Geo, Span, Time  # noqa: E402
from rasd.text.stage import TextStage  # noqa: E402

SHARED = REPO.parent / "shared"


def _occ(text: str, s: str) -> list[int]:
    out, i = [], text.find(s)
    while s and i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def _precision(v: str | None) -> str | None:
    if v is None:
        return None
    if v.startswith("P"):
        return "duration"
    if "/" in v:
        return "range"
    if "W" in v:
        return "week"
    return {10: "day", 7: "month", 4: "year"}.get(len(v))


def oracle_doc(gold: dict) -> Doc:
    """A Doc with gold entities (all occurrences of each mention) and gold times."""
    doc = Doc(text=gold["text"], id=gold["id"], published=gold.get("published"))
    TextStage()(doc)
    text = doc.text
    for i, ge in enumerate(gold.get("entities") or [], 1):
        spans = sorted({(p, p + len(m)) for m in ge.get("mentions") or [] for p in _occ(text, m)})
        g = ge.get("geo")
        doc.entities.append(Entity(
            id=f"e{i}", type=ge["type"], name=(ge.get("mentions") or [""])[0],
            name_en=(ge.get("name_en") or [None])[0],
            mentions=[Span(s, e, text[s:e]) for s, e in spans],
            geo=Geo(lat=g.get("lat"), lon=g.get("lon"), country=g.get("country"),
                    level=g.get("level")) if g else None))
    for gt in gold.get("times") or []:
        for p in _occ(text, gt["text"]):
            doc.times.append(Time(p, p + len(gt["text"]), gt["text"], gt.get("value"),
                                  _precision(gt.get("value"))))
    doc.times.sort(key=lambda t: t.start)
    return doc


def pipeline_doc(inp: dict, stages: list) -> Doc:
    doc = Doc(text=inp["text"], id=inp.get("id"), published=inp.get("published"))
    for st in stages:
        doc = st(doc)
    return doc


def available_stages() -> list:
    from rasd.pipeline import load_stage

    out = []
    for name in ("text", "ner", "entities", "geo", "time"):
        try:
            out.append(load_stage(name))
        except Exception as exc:  # a stage still being written
            print(f"(stage {name} unavailable: {str(exc)[:80]})", file=sys.stderr)
    return out


def gold_with_candidates(pairs: list[tuple[dict, dict]], main_only: bool = False):
    """Yield (gold doc, gold event, gold types, system events on the same trigger or
    sentence): system events whose trigger overlaps an occurrence of the gold trigger
    (``over``) and those in a sentence holding one (``same``), as a tuple (over, same)."""
    from rasd.text.sentences import split_sentences

    for gold, sysd in pairs:
        text = gold["text"]
        sents = sysd.get("sentences") or split_sentences(text)

        def sent_of(o: int) -> int | None:
            return next((i for i, (s, e) in enumerate(sents) if s <= o < e), None)

        for gv in gold.get("events") or []:
            if main_only and not gv.get("main"):
                continue
            gt = gv["type"] if isinstance(gv["type"], list) else [gv["type"]]
            trig = gv.get("trigger") or ""
            occ = _occ(text, trig)
            gs = {sent_of(o) for o in occ}
            over = [sv for sv in sysd["events"] if any(
                sv["trigger"]["start"] < o + len(trig) and o < sv["trigger"]["end"] for o in occ)]
            same = [sv for sv in sysd["events"] if sent_of(sv["trigger"]["start"]) in gs]
            yield gold, gv, gt, (over, same)


def confusion(pairs: list[tuple[dict, dict]]) -> dict[str, Counter]:
    """gold main type → Counter of system types on the same trigger/sentence."""
    table: dict[str, Counter] = defaultdict(Counter)
    for _gold, _gv, gt, (over, same) in gold_with_candidates(pairs, main_only=True):
        found = [sv["type"] for sv in over] or [sv["type"] for sv in same]
        key = "/".join(gt)
        if not found:
            table[key]["-"] += 1
        elif any(t in gt for t in found):
            table[key][next(t for t in found if t in gt)] += 1
        else:
            table[key][found[0]] += 1
    return table


def casualty_counts(pairs: list[tuple[dict, dict]], show: bool = False) -> dict[str, str]:
    """Exact dead/injured counts on gold events (main or background) that give one, with
    the system event on the same trigger or sentence; and the cumulative flag."""
    out = {"dead": [0, 0], "injured": [0, 0]}
    for gold, gv, gt, (over, same) in gold_with_candidates(pairs):
        seen = {id(sv) for sv in over}
        cand = [sv for sv in over + [x for x in same if id(x) not in seen] if sv["type"] in gt]
        for k in ("dead", "injured"):
            if gv.get(k) is None:
                continue
            out[k][1] += 1
            ok = bool(cand) and any(sv.get(k) == gv[k] for sv in cand)
            out[k][0] += ok
            if show and not ok:
                print(f"  {k} [{gold['id']}] {gv.get('trigger')}: gold {gv[k]} sys {[sv.get(k) for sv in cand]}")
    return {k: f"{a}/{b}" for k, (a, b) in out.items()}


def arg_errors(pairs: list[tuple[dict, dict]], roles=("place", "time", "source", "target"),
               everything: bool = False) -> list[str]:
    """Each wrong argument on matched main events (same matching as the scorer), with the
    gold value, the system value (entity id, its text and the gold entity it maps to) and
    the trigger's sentence — a development diagnostic. ``everything``: one line per
    matched main event instead (type, place/time gold vs system, ok or not)."""
    from rasd.eval.score import _GoldIndex, _sent_of, _sentences, match_events

    out = []
    for gold, sysd in pairs:
        text = gold["text"]
        gx = _GoldIndex(gold, sysd)
        sents = _sentences(sysd, text)
        gold_ev = gold.get("events") or []
        msys = match_events(gold, sysd)

        def show(eid):
            if eid is None:
                return "None"
            e = gx.sys_ents.get(eid) or {}
            gi = gx.sys_to_gold.get(eid)
            gname = (gx.gold_ents[gi].get("name_en") or ["?"])[0] if gi is not None else "-"
            m = (e.get("mentions") or [{}])[0]
            return f"{eid}:{e.get('name')}@{m.get('start')}→{gname}"

        for si, gi in msys.items():
            gv, sv = gold_ev[gi], sysd["events"][si]
            if not gv.get("main"):
                continue
            if everything:
                st = (sv.get("time") or {}).get("value")
                out.append(f"[{gold['id']}] {sv['type']:9s} {sv['trigger']['text']:12s} "
                           f"place {'ok ' if gx.same(sv.get('place'), gv.get('place')) else 'BAD'} "
                           f"gold={gv.get('place')} sys={show(sv.get('place'))} ({sv.get('place_from')}) | "
                           f"time {'ok ' if st == gv.get('time') else 'BAD'} gold={gv.get('time')} "
                           f"sys={st} ({sv.get('time_from')})")
                continue
            si_ = _sent_of(sents, sv["trigger"]["start"])
            sent = text[sents[si_][0]:sents[si_][1]] if si_ is not None else ""
            bad = []
            for role in roles:
                if role in ("source", "target"):
                    gn, ids = gv.get(role) or [], list(sv.get(role) or [])
                    ok = len(gn) == len(ids) and all(any(gx.same(i, n) for i in ids) for n in gn)
                    if not ok:
                        bad.append(f"  {role}: gold {gn} sys {[show(i) for i in ids]}")
                elif role == "place":
                    if not gx.same(sv.get("place"), gv.get("place")):
                        bad.append(f"  place: gold {gv.get('place')} sys {show(sv.get('place'))}"
                                   f" from={sv.get('place_from')}")
                else:
                    st = (sv.get("time") or {}).get("value")
                    if st != gv.get("time"):
                        bad.append(f"  time: gold {gv.get('time')} sys {st} "
                                   f"({(sv.get('time') or {}).get('text')}) from={sv.get('time_from')}"
                                   f" published={gold.get('published')}")
            if bad:
                out.append(f"[{gold['id']}] {sv['type']} {sv['trigger']['text']}@{sv['trigger']['start']}"
                           f" | {sent[:300]}")
                out.extend(bad)
    return out


def speaker_errors(pairs: list[tuple[dict, dict]]) -> list[str]:
    """Matched quotes whose speaker is wrong (the scorer's own matching, ``match_quotes``)."""
    from rasd.eval.score import _GoldIndex, match_quotes

    out = []
    for gold, sysd in pairs:
        text = gold["text"]
        gx = _GoldIndex(gold, sysd)
        sys_q = sysd.get("quotes") or []
        gold_q = gold.get("quotes") or []
        for gi, hit in sorted(match_quotes(gold, sysd).items()):
            gq, sq = gold_q[gi], sys_q[hit]
            if not gx.same(sq.get("speaker"), gq.get("speaker")):
                se = gx.sys_ents.get(sq.get("speaker")) or {}
                cue = sq.get("cue") or {}
                ctx = text[max(0, (cue.get("start") or sq["start"]) - 120):sq["start"] + 30].replace("\n", " ")
                out.append(f"[{gold['id']}] gold {gq.get('speaker')} sys {sq.get('speaker')}:{se.get('name')}"
                           f" cue={cue.get('text')} | …{ctx}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pipeline", action="store_true")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--option", "-o", action="append", default=[], help="stage option k=v")
    ap.add_argument("--gold", default=str(SHARED / "gold-dev"))
    ap.add_argument("--args", action="store_true", help="list wrong arguments on matched main events")
    ap.add_argument("--args-all", action="store_true", help="place/time of every matched main event")
    a = ap.parse_args()
    gdir = Path(a.gold)
    if not gdir.exists():
        print(f"needs {gdir}", file=sys.stderr)
        return 6
    from rasd.eval.score import format_table, score
    from rasd.events.stage import EventStage

    opts = {}
    for kv in a.option:
        k, _, v = kv.partition("=")
        opts[k] = json.loads(v) if v[:1] in "0123456789tf[{\"" else v
    stage = EventStage(**opts)
    stages = available_stages() if a.pipeline else []
    pairs = []
    t0 = time.perf_counter()
    t_ev = 0.0
    for gf in sorted((gdir / "gold").glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        if a.pipeline:
            inp = json.loads((gdir / "input" / gf.name).read_text(encoding="utf-8"))
            doc = pipeline_doc(inp, stages)
        else:
            doc = oracle_doc(gold)
        t1 = time.perf_counter()
        doc = stage(doc)
        t_ev += time.perf_counter() - t1
        bad = doc.check_offsets()
        assert not bad, bad[:3]
        sysd = doc.to_dict(tokens=False)
        pairs.append((gold, sysd))
    rep = score(pairs)
    print(f"mode: {'pipeline' if a.pipeline else 'oracle entities/times'}; options {opts}")
    print(format_table(rep))
    ev = rep["events"]
    print("events:", json.dumps({k: ev[k] for k in ev if k not in ("by_type",)}, ensure_ascii=False, default=str)[:1500])
    print("quotes:", json.dumps(rep["quotes"], ensure_ascii=False))
    print("\nper-type confusion over main gold events (gold -> system on same trigger/sentence):")
    for k, c in sorted(confusion(pairs).items()):
        print(f"  {k:28s} " + ", ".join(f"{t}:{n}" for t, n in c.most_common()))
    print("casualty counts exactly right (gold events with a count):", casualty_counts(pairs, show=a.args))
    n_sys = sum(len(s["events"]) for _, s in pairs)
    print(f"\nsystem events {n_sys}, quotes {sum(len(s['quotes']) for _, s in pairs)}; "
          f"events stage {t_ev:.2f}s for {len(pairs)} docs (total {time.perf_counter() - t0:.1f}s)")
    if a.args:
        print("\nwrong arguments on matched main events:")
        print("\n".join(arg_errors(pairs)))
        print("\nwrong speakers on matched quotes:")
        print("\n".join(speaker_errors(pairs)))
    if a.args_all:
        print("\nplace/time of every matched main event:")
        print("\n".join(arg_errors(pairs, everything=True)))
    if a.verbose:
        for d in rep.get("details", []):
            print(json.dumps(d, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
