"""The events stage: PLOVER events with arguments, and quotes with speakers."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasd.doc import Doc, Event, Span
from rasd.events import args as A
from rasd.events.acled import acled_for
from rasd.events.detect import Hit, find_hits
from rasd.events.lexicon import load_lexicon
from rasd.events.mentions import Layout
from rasd.events.numbers import casualties, is_cumulative, object_count, singular_casualties
from rasd.events.quotes import extract_quotes
from rasd.text.normalize import normalize

_SAYING = frozenset(("SUPPORT", "ACCUSE", "REJECT", "REQUEST", "THREATEN", "AGREE", "CONSULT",
                     "CONCEDE", "COOPERATE"))
#: Casualty words that say nothing of a cause, and accidents as the cause.
_CASUALTY_LEMMAS = frozenset(normalize(w) for w in ("أصاب", "قتل", "لقي", "جرح", "توفي"))
_ACCIDENT = re.compile(
    r"حوادث (?:ال)?(?:سير|مرور)|حادث(?:ه)? (?:ال)?(?:سير|مروري|مرور|انقلاب|تصادم|اصطدام|غرق|سقوط)"
    r"|انقلاب (?:ال)?(?:سياره|حافله|شاحنه|مركبه)|اصطدام (?:ال)?(?:سياره|سيارتين|حافله|شاحنه|قطار)"
    # "أصيب بكسر ... في حادث أثناء ركوب الدراجة": a bare "in an accident" (not a
    # terrorist/shooting one); diseases and drowning are no attacks either.
    r"|في حادث(?! (?:ارهابي|اطلاق|تفجير|طعن|اعتداء|هجوم|دهس|اغتيال|مسلح|اجرامي))"
    r"|(?:ال)?فيروس|(?:ال)?وباء|(?:ال)?تفشي|كورونا|ايبولا|(?:ال)?انفلونزا|(?:ال)?كوليرا|غرقا|(?:ال)?غرق\b")
_ORDINALS = frozenset(normalize(w) for w in ("ثان", "ثاني", "ثانٍ", "ثالث", "رابع", "خامس", "ثانية", "ثالثة",
                                             "رابعة", "خامسة"))
_DEMONSTRATIVES = frozenset(normalize(w) for w in ("ذلك", "هذا", "هذه", "تلك", "هذين", "هاتين"))


def h_text(doc: Doc, h: Hit) -> str:
    """The trigger token's text."""
    return doc.text[h.start:h.end]


_BACKGROUND = re.compile(r"كان قد|كانت قد|سبق ان|سبق وان|في وقت سابق|منذ|العام الماضي|الماضي")


class EventStage:
    """Fills ``doc.events`` and ``doc.quotes`` (needs sentences/tokens — runs the text
    stage itself if they are missing; uses entities, times and entity geo when earlier
    stages gave them).

    Options (TOML ``[stages.events]``): ``classifier`` (true: the shipped sentence model
    confirms or vetoes ASSAULT/PROTEST), ``clf_veto`` (0.3: below this fraction of its
    threshold the model vetoes), ``veto_bare`` (true: between the two, drop an event whose
    sentence names no actor, toll or time), ``min_confidence`` (0.5), ``use_cameo``
    (false: add the CAMEO-derived verbs), ``inherit_time`` (true: the article's news time
    for non-statement events without one), ``inherit_time_saying`` (false),
    ``inherit_place`` (true: the last earlier event's place), ``merge_near_attacks``
    (true), ``published_time`` (false: fall back to the published date),
    ``saying_needs_actor`` (false), ``drop_background`` (false: drop events flagged
    ``extra.main = false``). See notes/events.md.
    """

    name = "events"
    requires: tuple[str, ...] = ("entities", "times")
    provides = ("events", "quotes")

    def __init__(self, **options: Any) -> None:
        self.use_cameo = bool(options.get("use_cameo", False))
        self.min_conf = float(options.get("min_confidence", 0.5))
        self.published_time = bool(options.get("published_time", False))
        self.inherit_time = bool(options.get("inherit_time", True))
        self.drop_background = bool(options.get("drop_background", False))
        self.inherit_place = bool(options.get("inherit_place", True))
        # A statement's place is where it was made; the setting of earlier events is not it.
        self.inherit_place_saying = bool(options.get("inherit_place_saying", False))
        self.merge_near_attacks = bool(options.get("merge_near_attacks", True))
        self.inherit_time_saying = bool(options.get("inherit_time_saying", False))
        self.saying_needs_actor = bool(options.get("saying_needs_actor", False))
        self.use_classifier = bool(options.get("classifier", True))
        # Below clf_veto × its threshold the classifier vetoes a lexicon ASSAULT/PROTEST.
        self.clf_veto = float(options.get("clf_veto", 0.3))
        # Between the two, drop an event whose sentence names no actor, toll or time.
        self.veto_bare = bool(options.get("veto_bare", True))
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        if not doc.text or not doc.text.strip():
            doc.events, doc.quotes = [], []
            return doc
        if not doc.sentences or not doc.tokens:
            from rasd.text.stage import TextStage

            TextStage()(doc)
        lex = load_lexicon(self.use_cameo)
        layout = Layout(doc)
        clf_hits = find_hits(doc, lex)
        # Arguments read a verb form after a preposition as its verbal noun ("منذ خطف X");
        # the classifier sees the hits as in its training.
        hits = [h.as_noun() for h in clf_hits]
        events = self._build(doc, layout, hits, clf_hits)
        doc.events = events
        # Who last did something said-like: resolves "وقال إن" after "رفض X ...".
        trail = [(m["start"], v.source[0]) for v in events if v.source
                 and v.type in _SAYING and getattr(doc.entity(v.source[0]), "type", None) in ("PER", "ORG")
                 for m in [v.trigger.to_dict()] + v.extra.get("mentions", [])]
        doc.quotes = extract_quotes(doc, layout, trail)
        _sources_from_speakers(doc)
        if self.inherit_place or self.inherit_time:
            _setting_from_same_actor(doc, self.inherit_place, self.inherit_time)
        return doc

    # -------------------------------------------------------------------------------
    def _build(self, doc: Doc, layout: Layout, hits: list[Hit], clf_hits: list[Hit] | None = None) -> list[Event]:
        lex = load_lexicon(self.use_cameo)
        by_key: dict[tuple[int, str], list[Hit]] = {}
        hits_by_sent: dict[int, list[Hit]] = {}
        clf_by_sent: dict[int, list[Hit]] = {}
        for h in (clf_hits if clf_hits is not None else hits):
            clf_by_sent.setdefault(h.sentence, []).append(h)
        for h in hits:
            # (The classifier still sees every lexicon hit, as in its training.)
            if not _not_an_attack(doc, layout, h):
                by_key.setdefault((h.sentence, h.type), []).append(h)
            hits_by_sent.setdefault(h.sentence, []).append(h)
        dateline = A.dateline_place(doc, layout)
        clf = None
        if self.use_classifier:
            from rasd.events.classify import lex_features, load_classifier

            clf = load_classifier()
        sent_probs: dict[int, dict[str, float]] = {}
        cands: list[tuple[float, Hit, list[Hit]]] = []
        bare_doubt: set[int] = set()  # below the classifier threshold, above the veto
        adverbial: set[int] = set()  # accusative masdar readings: actors do not confirm them
        skip = _boilerplate_sentences(doc)
        groups: list[tuple[int, str, list[Hit]]] = []
        actor_memo: dict[int, tuple[list[str], list[str]]] = {}

        def actors_of(h: Hit, ments: list) -> tuple[list[str], list[str]]:
            # Asked once while grouping and once while building: compute it once.
            r = actor_memo.get(id(h))
            if r is None:
                r = actor_memo[id(h)] = A.find_actors(doc, layout, h, ments)
            return r

        for (si, typ), hs in by_key.items():
            if si in skip:
                continue
            # Several events of one type in a sentence when their sources differ
            # ("وقتل تنظيم داعش 4 مدنيين ... أما جبهة النصرة فقد قتل طفلين").
            ments = layout.in_sentence(si)
            # "قتلت القوات 143 شخصا ... وبلغ عدد الضحايا الذين قتلوا بسبب التعذيب 3": a
            # toll clause of its own, after an earlier attack, counts another event.
            cut = next((k for k, h in enumerate(hs) if k and typ == "ASSAULT" and _toll_clause(layout, h)), None)
            for part in ((hs[:cut], hs[cut:]) if cut else (hs,)):
                by_src: list[tuple[frozenset, list[Hit]]] = []
                for h in part:
                    src = frozenset(actors_of(h, ments)[0]) if (
                        h.form.pos == "verb" and not h.weak) else frozenset()
                    slot = next((g for g in by_src if src and g[0] == src), None)
                    if slot is None and (not src or not by_src or not by_src[0][0]):
                        slot = by_src[0] if by_src and (not src or not by_src[0][0]) else None
                    if slot is None:
                        by_src.append((src, [h]))
                    else:
                        slot[1].append(h)
                for _, g in by_src:
                    groups.append((si, typ, g))
        for si, typ, hs in groups:
            if typ == "ASSAULT" and all(h.form.lemma.lemma in _CASUALTY_LEMMAS for h in hs) and _ACCIDENT.search(
                    A.norm_text(doc.text[doc.sentences[si][0]:doc.sentences[si][1]])):
                continue  # "أصيب 16 مجندا إثر حادث انقلاب السيارة": an accident, no attack
            strong = [h for h in hs if not h.weak]
            rep = (strong or hs)[0]
            conf = 0.75 if strong else 0.4
            if rep.form.pos == "noun":
                conf -= 0.05
            tok = normalize(h_text(doc, rep))
            if len(hs) == 1 and tok.endswith("ا") and not rep.form.lemma.needs_after and any(
                    f.pos == "noun" and f.lemma == rep.form.lemma for f in lex.forms.get(tok[:-1], ())):
                # An indefinite accusative masdar is mostly adverbial ("تعاطفا وتضامنا مع").
                conf = min(conf, 0.45)
                adverbial.add(id(rep))
            if len(hs) > 1:
                conf += 0.1
            if clf is not None and typ in clf.types:
                if si not in sent_probs:
                    s, e = doc.sentences[si]
                    in_sent = clf_by_sent.get(si, [])
                    sent_probs[si] = clf.predict(doc.text[s:e], lex_features(in_sent, e - s))
                p = sent_probs[si][typ]
                # The classifier decides whether the sentence reports an actual event of
                # this type; the lexicon found where (the trigger).
                t = clf.threshold(typ)
                if p >= t:
                    conf = max(conf, 0.6 + 0.39 * (p - t) / (1 - t))
                elif p < self.clf_veto * t:
                    conf = min(conf, 0.49 * p / t)
                else:
                    bare_doubt.add(id(rep))
            cands.append((conf, rep, hs))
        events: list[Event] = []
        news_time = _news_time(doc)
        dl_time = _dateline_time(doc, layout)
        last_place: str | None = None
        assault_reps: dict[int, list[Hit]] = {}
        for c in cands:
            if c[1].type == "ASSAULT":
                assault_reps.setdefault(c[1].sentence, []).append(c[1])
        for conf, h, hs in sorted(cands, key=lambda c: (c[1].start)):
            ments = layout.in_sentence(h.sentence)
            src, tgt = actors_of(h, ments)
            src, tgt = list(src), list(tgt)
            if not tgt and h.type == "CONSULT":
                # "زار X طهران حيث التقى مع Y": the visited place is no target; whom the
                # visitor met, by another trigger of the same meeting, is.
                tgt = next(([i for i in t2 if i not in src] for x in hs if x is not h and x.form.pos == "verb"
                            for t2 in [actors_of(x, ments)[1]] if t2), [])
            if not src and h.type == "ASSAULT":
                # "قتل جنديان ... في هجوم نفذه X": another trigger of the same attack
                # names its doer.
                # "قتل 13 شخصا حين هاجم مسلحو X القرية": or another verb of it does.
                src = next(([d] for x in hs if x is not h for d in [A.claimed_doer(doc, layout, x, ments)]
                            if d is not None and d not in tgt), []) or next(
                    ([d for d in s2 if d not in tgt] for x in hs if x is not h and _when_clause(layout, x)
                     for s2 in [actors_of(x, ments)[0]] if set(s2) - set(tgt)), [])
            extra: dict[str, Any] = {"lemma": h.form.lemma.lemma, "pos": h.form.pos}
            if h.type == "ASSAULT" and _toll_clause(layout, h):
                extra["toll_clause"] = True
            if (src or tgt) and id(h) not in adverbial:
                conf += 0.05
            elif self.saying_needs_actor and h.type in A.SAYING_TYPES and h.form.pos == "verb":
                conf -= 0.3  # "مخاطر هددت وحدته": a saying verb with no actor is figurative
            if conf < self.min_conf:
                continue
            place = A.find_place(doc, layout, h, ments, set(src) | set(tgt))
            saying_ctx = h.type in A.SAYING_TYPES and not self.inherit_place_saying
            own_place = place is not None
            if place is None and self.inherit_place and last_place is not None and not saying_ctx:
                # The setting carries over: the last place an earlier event had.
                place = last_place
                extra["place_from"] = "context"
            if not saying_ctx:
                place = place or dateline
            s, e = doc.sentences[h.sentence]
            stext = doc.text[s:e]
            if place is not None and not own_place and _MULTI_REGION.search(A.norm_text(stext)):
                # "في عدة محافظات": several unnamed regions — the country of the setting.
                country = _country_of(doc, place)
                if country is not None and country != place:
                    place = country
                    extra["place_from"] = "country"
            if own_place and _opens_with_place(doc, s, place):
                extra["new_setting"] = True
            if place is not None:
                last_place = place
            dead = injured = None
            if h.type == "ASSAULT":
                # Several attacks in one sentence: each takes the counts of its own stretch.
                others = [x for x in assault_reps.get(h.sentence, []) if x is not h]
                ws = max([x.end for x in others if x.end <= h.start], default=s)
                we = min([x.start for x in others if x.start >= h.end], default=e)
                if h.form.pos == "verb":
                    dead, injured = object_count(doc.text[h.end:we], h.form.lemma.lemma)
                else:
                    # A verbal noun governs its object like the verb ("بقتل 20 مدنيا"),
                    # right after it.
                    dead, injured = object_count(doc.text[h.end:we], h.form.lemma.lemma, max_start=2,
                                                 need_person=True)
                d2, i2 = casualties(doc.text[ws:we])
                dead = dead if dead is not None else d2
                injured = injured if injured is not None else i2
                if (dead or injured) and is_cumulative(stext):
                    extra["cumulative"] = True
            t_info: dict[str, Any] = {}
            t, foreign_time = A.find_time_ex(doc, h, bool(extra.get("cumulative")),
                                             hits_by_sent.get(h.sentence, []), t_info)
            # (A word after أمام/بهدف is a verbal noun even where the lexicon read a verb.)
            prospective = _prospective(layout, h)
            if prospective:
                t = None  # "ما يمهد الطريق أمام رفع العقوبات": it has not happened yet
            if self.veto_bare and id(h) in bare_doubt and not (src or tgt or dead or injured or t):
                continue  # the classifier doubts it and the sentence gives no detail
            if h.type == "ASSAULT" and (dead is None or injured is None):
                # "جنديا بورونديا جرح": one casualty, from a singular noun (not evidence
                # enough to keep a doubted event, so only now).
                d1, i1 = singular_casualties(doc.text[ws:we])
                dead = dead if dead is not None else d1
                injured = injured if injured is not None else i1
            if h.form.pos == "noun":
                prev = layout.norm(layout.word_index(h.start) - 1)
                tok = normalize(h_text(doc, h))
                bare = tok[1:] if tok[:1] in "وفبك" and len(tok) > 4 else tok
                nxt = layout.norm(layout.word_index(h.start) + 1)
                if ("ال" in h.proclitic or bare.startswith("ال") or tok.startswith("لل") or (
                        prev in _DEMONSTRATIVES)) and not bare.endswith("ات"):
                    extra["ref"] = "definite"
                elif h.type == "ASSAULT" and nxt in _ORDINALS:
                    # "وقع انفجار ثالث بعيد الانفجارين الأولين": one more blast of the
                    # series already told, not a new incident.
                    extra["ref"] = "definite"
                elif h.enclitic:
                    extra["ref"] = "suffix"
            if h.type == "ASSAULT" and "ref" not in extra and _told_before(layout, h, dead is None):
                extra["ref"] = "told"
            if t is None and (news_time is not None or dl_time is not None) and _background(layout, h):
                # "وكان مانشستر يونايتد تخلى عن …", or the text has moved into the past
                # ("في عام 1942 …"): not the report's news, so no inherited time.
                foreign_time = True
                extra["background"] = True
            if t is None and self.inherit_time and news_time is not None and not (
                    foreign_time or prospective) and (
                    self.inherit_time_saying or h.type not in A.SAYING_TYPES) and not _prior_or_content(
                    layout, h, hits_by_sent.get(h.sentence, [])):
                t = dict(news_time)
                extra["time_from"] = "article"
            if t is None and dl_time is not None and self.inherit_time and not (
                    foreign_time or prospective) and not _prior_or_content(
                    layout, h, hits_by_sent.get(h.sentence, [])):
                # "عدن 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس": a dated dateline
                # dates what the article reports, statements included.
                t = dict(dl_time)
                extra["time_from"] = "dateline"
            if t is None and self.published_time and doc.published:
                t = {"value": doc.published[:10], "precision": "day"}
                extra["time_from"] = "published"
            status = "planned" if prospective else A.find_status(layout, h)
            if status == "completed" and t_info.get("role") == "deadline" and (
                    t_info.get("scope") == "future" or (t_info.get("days") is not None and t_info["days"] >= 0)):
                # "أمام الكونغرس حتى 17 سبتمبر للتصويت": a deadline still ahead — planned.
                status = "planned"
            main = self._is_main(doc, h, t, stext, extra)
            extra["main"] = main
            if len(hs) > 1:
                extra["triggers"] = [doc.span(x.start, x.end).to_dict() for x in hs[1:]]
            mode = A.find_mode(doc, h)
            src_code = A.actor_code(doc.entity(src[0])) if src else None
            tgt_code = A.actor_code(doc.entity(tgt[0])) if tgt else None
            intervention = h.type == "PROTEST" and any(
                (h.sentence, x) in by_key for x in ("COERCE", "ASSAULT"))
            ev = Event(
                id="", type=h.type, trigger=Span(h.start, h.end, doc.text[h.start:h.end]),
                mode=mode, context=A.find_context(doc, h), source=src, target=tgt,
                place=place, time=t, dead=dead, injured=injured, status=status,
                sentence=h.sentence, confidence=round(min(conf, 0.99), 3), extra=extra,
            )
            ev.acled = acled_for(h.type, mode, h.form.lemma.lemma, src_code, tgt_code, intervention)
            events.append(ev)
        _accused_doer(layout, events)
        _generic_doer(layout, events)
        events = self._merge(events)
        _orphan_counts(doc, events, hits_by_sent, skip)
        if self.drop_background:
            events = [v for v in events if v.extra.get("main", True)]
        for i, ev in enumerate(events, 1):
            ev.id = f"v{i}"
        return events

    @staticmethod
    def _is_main(doc: Doc, h: Hit, t: dict | None, stext: str, extra: dict) -> bool:
        if extra.get("cumulative"):
            return False
        if t and doc.published and t.get("value"):
            v = str(t["value"])
            if t.get("precision") == "duration":
                return False
            m = re.match(r"(\d{4})(?:-(\d{2}))?", v)
            if m:
                try:
                    pub = date.fromisoformat(doc.published[:10])
                    y = int(m.group(1))
                    mo = int(m.group(2) or 12)
                    if (pub.year - y) * 12 + (pub.month - mo) > 1:
                        return False
                except ValueError:
                    pass
        if _BACKGROUND.search(A.norm_text(stext)) and h.sentence > 1:
            return False
        return True

    def _merge(self, events: list[Event]) -> list[Event]:
        """One real-world happening told in several sentences is one event.

        A later event joins an earlier one of its type (whose actors, time and death toll
        do not conflict) when it is a definite or demonstrative singular noun ("الهجوم"،
        "ذلك الانسحاب"); a noun of the same lemma or with the same known source; the same
        lemma within two sentences; or an attack with the same death toll. An attack told
        again ("قتلت المدنيين"، "الحادثة أسفرت عن ...", ref ``told``) joins even with another
        toll (the first told stays) and gives the host no time; a toll clause of a listing
        (``toll_clause``) neither joins nor hosts except by a definite reference.
        """
        out: list[Event] = []
        by_type: dict[str, list[Event]] = {}
        self_merge_near = self.merge_near_attacks
        for ev in events:
            host = None
            kind = ev.extra.get("ref")
            is_noun = ev.extra.get("pos") == "noun"
            for o in reversed(by_type.get(ev.type, [])[-30:]):
                # A definite noun refers back: its sentence's time may be another event's.
                # (A restatement may give an earlier, different toll: the first told stays.)
                if not _compatible(o, ev, check_time=kind not in ("definite", "told"), check_toll=kind != "told"):
                    continue
                if (o.extra.get("toll_clause") or ev.extra.get("toll_clause")) and kind not in ("definite", "told"):
                    continue  # a toll clause is one count of a listing, an event of its own
                same_lemma = o.extra.get("lemma") == ev.extra.get("lemma")
                same_src = bool(o.source and ev.source and set(o.source) == set(ev.source))
                near = o.sentence is not None and ev.sentence is not None and ev.sentence - o.sentence <= 2
                both_verbs = not is_noun and o.extra.get("pos") == "verb"
                # Statements are separate acts: a second call (ضرورة) is a new event.
                saying = ev.type in A.SAYING_TYPES
                # "كثف التحالف، الجمعة، غاراته": attacks recur, so a later attack noun with
                # a day of its own is a new round, not the undated earlier one (a
                # withdrawal dated later is still the one withdrawal).
                own_day = bool(ev.type == "ASSAULT" and ev.time and not ev.extra.get("time_from")
                               and not o.time and kind not in ("definite", "told"))
                if own_day:
                    continue
                if (kind in ("definite", "told") or (is_noun and not saying and (same_lemma or same_src))
                        or (same_lemma and same_src)
                        or (same_lemma and near and both_verbs and (not ev.source or same_src))
                        or (ev.type == "ASSAULT" and ev.dead is not None and ev.dead == o.dead)
                        or (self_merge_near and ev.type == "ASSAULT" and near and not ev.source and not o.source
                            and not _other_place(o, ev))):
                    host = o
                    break
            if host is None:
                out.append(ev)
                by_type.setdefault(ev.type, []).append(ev)
                continue
            host.source = host.source or ev.source
            if ev.type not in A.SAYING_TYPES or kind in ("definite", "told"):
                # (a later statement's addressee is that statement's, not the first's)
                host.target = host.target or ev.target
            host.place = host.place or ev.place
            if kind != "told":
                # (a restatement's sentence may be dated by its report, not by the event)
                host.time = host.time or ev.time
            host.dead = host.dead if host.dead is not None else ev.dead
            host.injured = host.injured if host.injured is not None else ev.injured
            host.extra.setdefault("mentions", []).append(ev.trigger.to_dict())
            host.extra["main"] = host.extra.get("main", True) or ev.extra.get("main", False)
        for ev in out:
            # (merged mentions may give the one actor as doer and as target: "معارك ...
            # قتل فيها العشرات من مليشيات الحوثي" — it cannot be both)
            ev.target = [t for t in ev.target if t not in ev.source]
            ev.extra.pop("ref", None)
            ev.extra.pop("pos", None)
            ev.extra.pop("toll_clause", None)
            ev.extra.pop("new_setting", None)
        return out


def _sources_from_speakers(doc: Doc) -> None:
    """A statement with no named source ("وشدد على ...، وأشار إلى ضرورة ...", "لكنه حذر
    من ...") was made by the speaker the quote module resolved for the same sentence."""
    if not doc.quotes:
        return
    for ev in doc.events:
        if ev.source or ev.type not in A.SAYING_TYPES or ev.sentence is None:
            continue
        s, e = doc.sentences[ev.sentence]
        t = ev.trigger.start
        for q in doc.quotes:
            if not q.speaker or q.cue is None or not s <= q.cue.start < e or q.cue.start > t:
                continue
            if q.start < t and not (q.kind == "indirect" and t - q.start <= 1):
                continue  # an event told inside the quote is not the speaker's act
            if q.speaker not in ev.target and doc.entity(q.speaker) is not None:
                ev.source = [q.speaker]
                break


def _setting_from_same_actor(doc: Doc, place: bool, when: bool) -> None:
    """A statement with no place/time of its own, made by the actor of an earlier
    (non-statement) event, was made there and then: "زار دي مستورا طهران اليوم ... وشدد
    على ضرورة ..." — not a statement by someone else about that event."""
    acts: list[Event] = []
    for ev in sorted(doc.events, key=lambda v: v.trigger.start):
        if ev.type not in A.SAYING_TYPES:
            if ev.source:
                acts.append(ev)
            continue
        if not ev.source or (ev.place and ev.time):
            continue
        host = next((a for a in reversed(acts) if set(a.source) & set(ev.source)), None)
        if host is None:
            continue
        if place and ev.place is None and host.place is not None:
            ev.place = host.place
            ev.extra["place_from"] = "actor"
        if when and ev.time is None and host.time is not None:
            ev.time = dict(host.time)
            ev.extra["time_from"] = "actor"


_PRIOR = frozenset(normalize(w) for w in ("بعد", "عقب", "إثر", "اثر", "جراء", "إبان", "منذ"))
#: Forms of كان that, with a perfect verb or قد, make a pluperfect ("وكان X قد أعلن").
_KANA = frozenset(normalize(p + w) for p in ("", "و", "ف") for w in ("كان", "كانت", "كانوا", "كانا"))
_QAD = frozenset(normalize(w) for w in ("قد", "وقد"))
_PUNCT = frozenset("،,.:؛;!?؟")
#: Time roles that do not place the story in time (a birth year, "since").
_NO_SETTING = ("birth", "since")
#: How many sentences back a past time still sets the story in the past.
_SETTING_BACK = 1
_DURING = frozenset(normalize(w) for w in ("خلال", "طوال", "طيلة", "وخلال"))


def _background(layout: Layout, h: Hit) -> bool:
    """Is an event with no time of its own background to the report? A pluperfect ("وكان
    X قد أعلن"، "اذ كان تخلى عن") or a text that has moved into the past: the last dated
    time before the trigger, in its sentence or the one before, lies before the news week."""
    doc = layout.doc
    wi = layout.word_index(h.start)
    s0 = layout.word_index(doc.sentences[h.sentence][0])
    j0 = max(s0, wi - 6)
    prev = [layout.norm(j) for j in range(j0, wi)]
    for k, p in enumerate(prev):
        if p not in _KANA:
            continue
        rest = prev[k + 1:]
        # (No punctuation and no و/ف clitic between: "كانوا أجانب وكلهم قتلوا" is no pluperfect.)
        ti = layout.words[j0 + k] + 1  # (the token after كان)
        new_clause = any(t.clitic and t.text in ("و", "ف") for t in doc.tokens[ti:ti + 16] if t.start < h.start)
        if not new_clause and not any(q in _PUNCT for q in rest) and (
                any(q in _QAD for q in rest) or (h.form.pos == "verb" and len(rest) <= 3)):
            # (A verb the lexicon reads as imperfect after كان — "كان يقاتل" — is past too.)
            return True
    lo = doc.sentences[max(0, h.sentence - _SETTING_BACK)][0]
    last = None
    for k, t in enumerate(doc.times):
        if t.start >= h.start:
            break
        if t.start >= lo and t.value:
            sc = A.time_scope_of(doc, k)
            # (Durations and vague times say nothing about where the story stands.)
            if sc.get("role") not in _NO_SETTING and sc.get("scope") not in (None, "none"):
                # "خلال العام الماضي": a period leading up to the news, not a past setting.
                before = doc.text[max(0, t.start - 8):t.start].split()[-1:]
                last = None if before and normalize(before[0]) in _DURING else sc
    return bool(last) and last.get("scope") == "past"


def _prior_or_content(layout: Layout, h: Hit, sent_hits: list[Hit]) -> bool:
    """An event noun after بعد/عقب/إثر (an earlier happening: "بعد سلسلة غارات") or the
    content of a statement ("الاتهامات الموجهة لها بقتل ..."): the article's news time is
    not its time."""
    if h.form.pos != "noun":
        return False
    wi = layout.word_index(h.start)
    if any(layout.norm(j) in _PRIOR for j in range(max(0, wi - 2), wi)):
        return True
    return any(o.type in A.SAYING_TYPES and o.end <= h.start and wi - layout.word_index(o.start) <= 4
               for o in sent_hits if o is not h)


#: Words that make the following verbal noun a purpose or prospect, not a happening.
_PROSPECT = frozenset(normalize(w) for w in ("بهدف", "أجل", "لأجل", "تمهيدا", "سعيا", "بغية", "بقصد", "بغرض",
                                             "لغرض"))


def _prospective(layout: Layout, h: Hit) -> bool:
    """A verbal noun that is a purpose or prospect: "يمهد الطريق أمام رفع العقوبات",
    "بهدف إطلاق سراح", "من أجل وقف"."""
    wi = layout.word_index(h.start)
    p1, p2 = layout.norm(wi - 1), layout.norm(wi - 2)
    if p1 in _PROSPECT or (p1 == _AMAM and p2 == _ROAD):
        return True
    return p2 in _PROSPECT and p1 in _LINKS


_AMAM, _ROAD = normalize("أمام"), normalize("الطريق")
_LINKS = frozenset(normalize(w) for w in ("إلى", "الى", "في", "ل"))


#: Several unnamed regions: "في عدة محافظات", "في مختلف مناطق البلاد", "في أنحاء البلاد".
_MULTI_REGION = re.compile(
    r"في (?:عده|مختلف|جميع|كل|بعض|عدد من) (?:ال)?(?:محافظات|مدن|مناطق|ولايات|اقاليم|انحاء|المحافظات|المدن|"
    r"المناطق|الولايات|الاقاليم)|في (?:مختلف |كل |جميع )?انحاء البلاد")


def _country_of(doc: Doc, eid: str) -> str | None:
    """The article's country entity holding place ``eid`` (itself if it is a country)."""
    e = doc.entity(eid)
    if e is None or e.geo is None or not e.geo.country:
        return None
    if e.geo.level == "country":
        return e.id
    for c in doc.entities:
        if c.type == "LOC" and c.geo and c.geo.level == "country" and c.geo.country == e.geo.country:
            return c.id
    return None


#: News agency marks that close a dateline (واس، أ ف ب، رويترز، د ب أ، وام، قنا، كونا ...).
_AGENCY = re.compile(r"(?:^|\W)(?:واس|ا ف ب|ا\.ف\.ب|رويترز|د ب ا|د\.ب\.ا|وام|قنا|كونا|بنا|سبا|الاناضول|يو بي اي|ا ب)(?:\W|$)")


def _dateline_time(doc: Doc, layout: Layout) -> dict | None:
    """The day of a dated dateline: a short first line (≤ 15 words) that names a place
    or a news agency and holds a day ("الرياض 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م
    واس")."""
    nl = doc.text.find("\n")
    if nl <= 0:
        return None
    head = doc.text[:nl]
    if not 0 < len(head.split()) <= 15:
        return None
    day = next((t for t in doc.times if t.end <= nl and t.value and t.precision == "day"), None)
    if day is None:
        return None
    starts_with_place = bool(layout.mentions) and layout.mentions[0].entity.type == "LOC" and \
        not head[:layout.mentions[0].start].strip()
    if not (starts_with_place or _AGENCY.search(A.norm_text(head))):
        return None
    return {"value": day.value, "precision": day.precision}


def _news_time(doc: Doc) -> dict | None:
    """The time of the article's news: the first day-or-range time in its first two
    sentences, within ten days before publication (when the published date is known)."""
    if not doc.sentences:
        return None
    lim = doc.sentences[min(1, len(doc.sentences) - 1)][1]
    for t in doc.times:
        if t.start >= lim:
            break
        if not t.value or t.precision not in ("day", "range"):
            continue
        if doc.published:
            try:
                d = date.fromisoformat(t.value[:10])
                p = date.fromisoformat(doc.published[:10])
            except ValueError:
                continue
            if not 0 <= (p - d).days <= 10:
                continue
        return {"value": t.value, "precision": t.precision}
    return None


def _accused_doer(layout: Layout, events: list[Event]) -> None:
    """"الاتهامات الموجهة لها بقتل 20 مدنيا": the deed an accusation names (a verbal noun
    right after it) has the accused as its doer."""
    acc = [v for v in events if v.type == "ACCUSE" and v.target and v.extra.get("pos") == "noun"]
    for v in events:
        if v.type != "ASSAULT" or v.source or v.extra.get("pos") != "noun":
            continue
        wi = layout.word_index(v.trigger.start)
        for a in acc:
            gap = wi - layout.word_index(a.trigger.start)
            if a.sentence == v.sentence and 0 < gap <= 4:
                v.source = list(a.target)
                break


#: Unnamed doers that refer back to the armed actor just told of ("هاجم المسلحون").
_GENERIC_DOERS = frozenset(normalize(w) for w in (
    "المسلحون", "المسلحين", "المهاجمون", "المهاجمين", "المتمردون", "المتمردين", "الانتحاري",
    "المقاتلون", "المقاتلين", "الإرهابيون", "الإرهابيين", "الجهاديون", "الجهاديين", "عناصره",
    "مسلحوه", "مقاتلوه", "مقاتليه", "مسلحيه", "عناصرها", "مقاتلوها", "مقاتليها", "مسلحوها"))


def _generic_doer(layout: Layout, events: list[Event]) -> None:
    """An attack whose subject is a bare "the gunmen/the rebels" ("والسبت، هاجم المسلحون
    مدينة غامبورو") was done by the armed actor of the attack told just before (in this
    or the three sentences before)."""
    done: list[Event] = []
    for v in sorted(events, key=lambda x: x.trigger.start):
        if v.type in ("ASSAULT", "COERCE") and not v.source and v.extra.get("pos") == "verb" and (
                v.sentence is not None):
            wi = layout.word_index(v.trigger.start)
            near = {layout.norm(wi + 1), layout.norm(wi - 1)}
            if near & _GENERIC_DOERS:
                host = next((o for o in reversed(done) if o.source and 0 <= v.sentence - o.sentence <= 3), None)
                if host is not None:
                    v.source = list(host.source)
                    v.extra["source_from"] = "context"
        if v.type in ("ASSAULT", "COERCE") and v.source:
            done.append(v)


_CEASE = frozenset(normalize(w) for w in ("وقف", "لوقف", "بوقف", "ووقف", "وقفا", "توقف", "هدنة"))
_DAWN = normalize("فجر")
_DAY_WORDS = frozenset(normalize(w) for w in (
    "يوم", "اليوم", "أمس", "الأمس", "غد", "الغد", "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
    "الأربعاء", "الخميس", "الجمعة", "أول", "ذلك", "هذا"))


def _not_an_attack(doc: Doc, layout: Layout, h: Hit) -> bool:
    """An ASSAULT hit that is no attack: "وقف إطلاق النار" (a ceasefire) and "فجر يوم
    الحادث"، "فجر الأربعاء" (dawn, not "he blew up")."""
    if h.type != "ASSAULT":
        return False
    wi = layout.word_index(h.start)
    if layout.norm(wi - 1) in _CEASE:
        return True
    raw = doc.text[h.start:h.end]
    tok = normalize(raw)
    return (not h.enclitic and "\u0651" not in raw and tok[len(h.proclitic):] == _DAWN
            and layout.norm(wi + 1) in _DAY_WORDS)


def _orphan_counts(doc: Doc, events: list[Event], hits_by_sent: dict[int, list[Hit]], skip: set[int]) -> None:
    """A sentence that gives an injury count but holds no event word of its own ("تم نقل 18
    شخصا إلى المستشفى مصابين") completes the attack told in the two sentences before it.
    (A death toll alone is mostly a restated total or another, unrecognised incident
    — "وحتى الآن عثرنا على خمس جثث" — so only the injured count is taken.)"""
    from bisect import bisect_right

    starts = [a for a, _ in doc.sentences]
    last_sent: list[tuple[int, Event]] = []
    for ev in events:
        if ev.type != "ASSAULT" or ev.sentence is None:
            continue
        offs = [ev.trigger.start] + [m["start"] for m in ev.extra.get("mentions", [])]
        last_sent.append((max(bisect_right(starts, o) - 1 for o in offs), ev))
    if not last_sent:
        return
    for si, (a, b) in enumerate(doc.sentences):
        if si in skip or hits_by_sent.get(si):
            continue
        stext = doc.text[a:b]
        injured = casualties(stext)[1]
        if injured is None or is_cumulative(stext):
            continue
        near = [(ls, ev) for ls, ev in last_sent if si - 2 <= ls < si]
        if not near:
            continue
        host = max(near, key=lambda x: (x[0], x[1].trigger.start))[1]
        if host.extra.get("cumulative"):
            continue
        if host.injured is None:
            host.injured = injured


_VICTIMS_DEF = frozenset(normalize(w) for w in ("المدنيين", "الضحايا", "الجنود", "الأطفال", "المتظاهرين",
                                                 "الأشخاص", "الركاب", "المصلين", "الرهائن"))
_INCIDENT_DEF = frozenset(normalize(w) for w in ("الحادثة", "الحادث", "الواقعة"))


def _told_before(layout: Layout, h: Hit, no_count: bool) -> bool:
    """An attack told again: a kill verb whose object is a definite plural of victims with
    no number ("إن القوات قتلت المدنيين في مدينة مركة"), or a toll whose subject is "the
    incident" ("إن الحادثة أسفرت عن مقتل عشرة")."""
    wi = layout.word_index(h.start)
    if no_count and h.form.pos == "verb" and any(layout.norm(wi + d) in _VICTIMS_DEF for d in (1, 2, 3)):
        return True
    return any(layout.norm(wi - d) in _INCIDENT_DEF for d in (1, 2, 3))


_TOLL_NOUNS = frozenset(normalize(w) for w in ("الضحايا", "القتلى", "الجرحى", "المصابين"))


def _toll_clause(layout: Layout, h: Hit) -> bool:
    """The trigger opens the relative clause of a toll: "(بلغ) عدد الضحايا الذين قتلوا"."""
    wi = layout.word_index(h.start)
    return (layout.norm(wi - 1) == "الذين" and layout.norm(wi - 2) in _TOLL_NOUNS
            and layout.norm(wi - 3) == "عدد")


def _other_place(a: Event, b: Event) -> bool:
    """Do two events name different places of their own ("... في الرمادي. وفي بغداد قتل
    شخصان")? Then sentences near each other tell two attacks, not one."""
    return bool(b.extra.get("new_setting") and a.place and a.place != b.place and not a.extra.get("place_from"))


_SETTING = re.compile(r"\W*(?:و|ف)?(?:في|فى|أما في|اما في|وأما في)\s+(?:مدينة\s+|محافظة\s+|ولاية\s+|العاصمة\s+)?$")


def _opens_with_place(doc: Doc, s: int, place: str | None) -> bool:
    """Does the sentence open with a place ("وفي بغداد، قتل ...")? A new setting."""
    if place is None:
        return False
    return any(e.type == "LOC" and s <= m.start <= s + 30 and _SETTING.fullmatch(doc.text[s:m.start])
               for e in doc.entities for m in e.mentions)


_WHEN = frozenset(normalize(w) for w in ("حين", "حينما", "عندما", "لما", "بعدما", "إثر", "اثر", "لدى"))


def _when_clause(layout: Layout, h: Hit) -> bool:
    """Is the verb the head of a "when" clause ("قتل 13 شخصا حين هاجم مسلحو X القرية")?"""
    wi = layout.word_index(h.start)
    if h.form.pos == "noun":
        # "عندما نفذت قوات X ضربة جوية": the light verb heads the clause.
        wi = A._light_verb(layout, wi)
        if wi is None:
            return False
    elif h.weak or h.tense != "perf":
        return False
    return layout.norm(wi - 1) in _WHEN or (layout.norm(wi - 2) in _WHEN and layout.norm(wi - 1) in (
        normalize("أن"), normalize("ان")))


def _compatible(a: Event, b: Event, check_time: bool = True, check_toll: bool = True) -> bool:
    """No conflicting sources, stated times, death tolls or cumulative flags."""
    if a.source and b.source and not set(a.source) & set(b.source):
        return False
    if a.extra.get("cumulative") != b.extra.get("cumulative"):
        return False
    if check_time and a.time and b.time and a.time.get("value") != b.time.get("value") and not (
            a.extra.get("time_from") or b.extra.get("time_from")):
        return False
    if check_toll and a.dead is not None and b.dead is not None and a.dead != b.dead:
        return False
    return True


_BOILER = re.compile(r"^\W*(?:رابط الخبر|المصدر\s*:|اقرأ أيضا|اقرا ايضا|للمزيد|شاهد أيضا|تابعونا)")


def _boilerplate_sentences(doc: Doc) -> set[int]:
    """Sentences that are site furniture (a trailing "رابط الخبر ..." headline link)."""
    out = set()
    for i, (s, e) in enumerate(doc.sentences):
        if _BOILER.match(doc.text[s:e]):
            out.add(i)
            # The rest of that line belongs to it.
            j = i + 1
            while j < len(doc.sentences) and "\n" not in doc.text[e:doc.sentences[j][0]]:
                out.add(j)
                e = doc.sentences[j][1]
                j += 1
    return out
