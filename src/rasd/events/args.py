"""Event arguments: source/target actors, place, time, status, mode and context."""

from __future__ import annotations

import re
from functools import lru_cache

from rasd.doc import Doc, Entity, Time
from rasd.events.detect import Hit
from rasd.events.mentions import Layout, MentionRef
from rasd.text.normalize import normalize


@lru_cache(maxsize=512)
def norm_text(text: str) -> str:
    """normalize() of a sentence, memoised (several argument finders read the same one)."""
    return normalize(text)


def _ns(*words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


COMPLEMENTIZERS = _ns("إن", "أن", "بأن", "انه", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم",
                      "بأنه", "بأنها", "بأنهم", "فإن", "لأن")
TARGET_PREPS = _ns("على", "ضد", "مع", "إلى", "عن", "ل", "ب", "بحق", "تجاه", "نحو")
AGENT_MARKERS = (_ns("يد", "أيدي"), _ns("قبل"))  # على يد / على أيدي / من قبل
NEGATORS = _ns("لم", "لن", "لا", "ليس", "ليست", "عدم", "دون", "بدون", "غير")
STILL = _ns("يزال", "تزال", "زال", "زالت", "يزالون")
PLANNED = _ns("سوف", "المقرر", "يعتزم", "تعتزم", "ينوي", "تنوي", "تستعد", "يستعد", "تخطط",
              "يخطط", "قرر", "قررت", "تقرر", "سيتم", "المنتظر", "المتوقع", "يتوقع", "ستبدأ",
              "سيبدأ", "خطة", "لاستكمال", "يعتزمون", "تعهد", "تعهدت", "وعد", "مزمع")
SAYING_TYPES = frozenset(("SUPPORT", "ACCUSE", "REJECT", "REQUEST", "THREATEN", "AGREE", "COOPERATE"))
HYPOTHETICAL = _ns("إذا", "لو", "حال", "ربما", "يمكن", "احتمال", "قد", "لربما")
DENY = _ns("نفى", "نفت", "ينفي", "تنفي", "نفي", "نفوا", "ينفون", "أنكر", "أنكرت", "مزاعم")
ONGOING = _ns("يواصل", "تواصل", "تتواصل", "يتواصل", "مستمر", "مستمرة", "متواصلة", "جارية")

#: Sentence keywords → PLOVER mode of an ASSAULT (first that matches wins, in order).
ASSAULT_MODES = (
    ("suicide", _ns("انتحاري", "انتحارية", "انتحاريات", "انتحاريين", "انتحاريون", "الانتحاري",
                    "الانتحارية", "ناسف", "ناسفة", "الناسفة")),
    ("aerial", _ns("غارة", "غارات", "الغارة", "الغارات", "طائرة", "طائرات", "مروحية", "مروحيتين",
                   "مروحيات", "الطيران", "طيران", "جوية", "الجوية", "جوي", "درون")),
    ("explosives", _ns("عبوة", "مفخخة", "قنبلة", "قنابل", "تفجير", "انفجار", "لغم", "ألغام",
                       "متفجرات", "العبوة", "الانفجار", "التفجير", "تفجيرات", "انفجارات")),
    ("shelling", _ns("قذيفة", "قذائف", "مدفعية", "هاون", "صاروخ", "صواريخ", "بصاروخ", "القصف",
                     "قصف", "المدفعي", "المدفعية")),
    ("firearms", _ns("رصاص", "برصاص", "الرصاص", "النار", "النيران", "نيران", "رشاش", "قناص",
                     "بنادق", "طلقات", "مسلح", "مسلحون", "مسلحين")),
)
CONTEXTS = (
    ("peacekeeping", re.compile(r"حفظ السلام|قوات حفظ|بعثه (?:الامم المتحده|الاتحاد الافريقي)|مينوسما|اميصوم|يونيفيل")),
    ("terrorism", re.compile(r"ارهاب|داعش|القاعده|بوكو حرام|حركه الشباب|جبهه النصره|انتحاري")),
    ("election", re.compile(r"انتخاب|اقتراع|الولايه الثالثه")),
    ("humanitarian", re.compile(r"انساني|اغاثه|لاجي|نازح")),
    ("nuclear", re.compile(r"نووي")),
)
#: Organisation words that mark a state actor, a rebel/armed group, civilians (ACLED codes).
_STATE = re.compile(r"جيش|قوات|الشرطه|شرطه|الامن|وزاره|حكومه|الحرس|الامن العام|البحريه|القوات الجويه|سلاح الجو")
_REBEL = re.compile(r"داعش|تنظيم|القاعده|بوكو حرام|الشباب|طالبان|الحوثي|النصره|متمرد|مسلح|ميليشيا|مليشيا|الدوله الاسلاميه|المعارضه المسلحه|فصائل")
_EXTERNAL = re.compile(r"التحالف|الناتو|حلف شمال|الامم المتحده|بعثه|الاتحاد الافريقي|اميصوم|مينوسما")


def actor_code(ent: Entity | None) -> int | None:
    """ACLED actor type code (1 state, 2 rebels, 6 protesters, 7 civilians, 8 external)."""
    if ent is None:
        return None
    n = normalize(ent.name)
    if _EXTERNAL.search(n):
        return 8
    if _REBEL.search(n):
        return 2
    if ent.type == "ORG" and _STATE.search(n):
        return 1
    if re.search(r"متظاهر|محتج", n):
        return 6
    if re.search(r"مدني|سكان|مواطن", n):
        return 7
    return None


def _actor(m: MentionRef, layout: Layout) -> bool:
    if m.entity.type in ("PER", "ORG", "MISC"):
        return True
    return m.entity.type == "LOC" and not layout.is_place_use(m)


def _clause_end(layout: Layout, wi: int, limit: int, sent_end: int) -> int:
    """First word index ≥ wi where a new clause starts (complementizer), capped."""
    j = wi
    while j < min(wi + limit, len(layout.words)):
        if layout.starts[j] >= sent_end:
            break
        if layout.norm(j) in COMPLEMENTIZERS:
            break
        j += 1
    return j


# (not من: "اجتمع مندوبون من الحكومة والمعارضة" — delegates of them are the subject)
_SUBJ_BLOCK = _ns("مع", "على", "ضد", "إلى", "الى", "عن", "في", "ل", "ب", "لدى", "بحق", "نحو", "تجاه")
#: Verbal nouns whose genitive person is the one it befalls (قتل X، اغتيال X، اعتقال X).
_PATIENT_LEMMAS = _ns("قتل", "اغتال", "اعتقل", "اختطف", "خطف", "أعدم", "احتجز", "ذبح", "عذّب", "عذب",
                      "طرد", "رحّل", "رحل", "حاصر", "داهم")


def _genitive_patient(hit: Hit, m: MentionRef) -> bool:
    """Is the genitive ``m`` right after an ASSAULT/COERCE verbal noun its patient? A
    place below country level always is (a mosque, a town: "تفجير مسجد", "حصار المدينة");
    a person is after a kill/arrest/abduct noun."""
    if hit.type not in ("ASSAULT", "COERCE"):
        return False
    e = m.entity
    if e.type == "LOC":
        # "تفجير عسير": a province or wider region after the noun names where it was.
        return getattr(e.geo, "level", None) not in ("country", "admin1", "region")
    return e.type == "PER" and hit.form.lemma.lemma in _PATIENT_LEMMAS
_BAYN = normalize("بين")


def _governed(layout: Layout, first: int) -> bool:
    """Is the word at ``first`` governed by a preposition (the word or clitic before it)?
    (على normalises like the name علي: "وطالب علي عمر" — the written ى decides.)"""
    hit = {layout.norm(first - 1), layout.prev_norm(first)} & _SUBJ_BLOCK
    if hit == {_ALA}:
        j = first - 1
        return 0 <= j < len(layout.starts) and layout.doc.text[layout.starts[j]:layout.ends[j]].endswith("ى")
    return bool(hit)


_ALA = normalize("على")


def _partitive(layout: Layout, first: int) -> bool:
    """"قتلت خمسة من طالبان"، "عدد من عناصر X": a name after a count + من is the
    victims' group, not a subject."""
    from rasd.events.numbers import parse_number

    if layout.norm(first - 1) != _MIN:
        return False
    q = layout.norm(first - 2)
    return bool(q) and (q in _QUANT or parse_number([q], 0)[0] is not None)


_MIN = normalize("من")
_QUANT = _ns("عدد", "بعض", "العديد", "عشرات", "مئات", "آلاف", "المئات", "العشرات", "الآلاف", "عناصر")


def _between_sides(doc: Doc, layout: Layout, wi: int, after: list[MentionRef]) -> tuple | None:
    """The two sides of "<noun> [adjective] بين X و Y" (X within 4 words of بين, Y after
    a و within 5 words of X; both actors), else None."""
    j = next((k for k in range(wi + 1, min(wi + 4, len(layout.words))) if layout.norm(k) == _BAYN), None)
    if j is None or any(m.first < j for m in after if m.first - wi <= 3):
        return None
    xs = [m for m in after if j < m.first <= j + 4 and m.entity.type in ("PER", "ORG", "LOC", "MISC")]
    if not xs:
        return None
    x = xs[0]
    y = next((m for m in after if m.first > x.last and m.entity.id != x.entity.id), None)
    # Y right after و (one و-word may stand between: "بين الحوثيين وقوات هادي").
    if y is not None and re.fullmatch(r"\s*و\S*\s*", doc.text[x.end:y.start]) and y.first - x.last <= 2:
        return x, y
    return None


#: Kill/abduct verbs whose bare perfect reads as the passive when no object follows it.
_PASSIVE_LEMMAS = _ns("قتل", "اغتال", "أعدم", "ذبح", "خطف", "اختطف", "اعتقل", "جرح")
#: Manner accusatives and time words that may follow a passive kill verb ("قتل حرقا").
_AFTER_PASSIVE = _ns("حرقا", "ذبحا", "منتحرا", "رميا", "خنقا", "طعنا", "غرقا", "شنقا", "غدرا",
                     "أمس", "اليوم", "الليلة", "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
                     "الأربعاء", "الخميس", "الجمعة", "مساء", "صباح", "ليلة", "يوم", "أيضا", "جميعا",
                     "خلال", "بعد", "قبل", "منذ", "داخل", "قرب", "أثناء", "إثر", "اثر", "جراء", "بسبب")
#: Casualty and capture verbs/nouns whose "<count> من X" names the victims' group.
_CASUALTY_LEMMAS = _ns("قتل", "جرح", "أصاب", "اصاب", "اغتال", "أعدم", "اختطف", "خطف", "اعتقل", "أسر")
#: Group nouns between من and the victims' name ("عشرين جنديا من قوات الحرس الثوري").
_GROUP_HEADS = _ns("قوات", "عناصر", "صفوف", "أفراد", "مسلحي", "مقاتلي", "ميليشيات", "مليشيات", "جنود",
                   "أنصار", "رجال", "أعضاء", "منتسبي", "أبناء", "جماعة", "حركة", "تنظيم")
#: Attack nouns: a prepositional phrase after one of them is its, not an earlier trigger's.
_ASSAULT_HEADS = _ns("اشتباكات", "اشتباك", "مواجهات", "مواجهة", "معارك", "معركة", "عملية", "عمليات",
                     "هجوم", "هجمات", "غارة", "غارات", "قصف", "تفجير", "تفجيرات", "انفجار", "حملة",
                     "حملات", "اعتداء", "اعتداءات", "كمين", "إطلاق", "اطلاق")


def _bare_word(layout: Layout, j: int) -> str:
    """Word ``j`` without و/ب/ف/ل and the article (for head-noun look-ups)."""
    n = layout.norm(j)
    if layout.prev_norm(j) == "ك":
        n = "ك" + n  # the tokeniser splits "كمين" as the preposition ك + "مين"
    for p in ("وال", "بال", "فال", "لل", "ال"):
        if n.startswith(p) and len(n) - len(p) >= 3:
            return n[len(p):]
    if n[:1] in ("و", "ب", "ف") and len(n) > 4:
        return n[1:]
    return n


def _passive_reading(doc: Doc, layout: Layout, hit: Hit, wi: int) -> bool:
    """Does a bare perfect kill/abduct verb read as the passive because no object follows
    it (a preposition, a time word, a manner accusative, punctuation or the sentence end:
    "علي دوابشة قتل حرقا"، "أبو سياف الذي قتل في هجوم")?"""
    if hit.type != "ASSAULT" or hit.form.pos != "verb" or hit.tense != "perf" or hit.enclitic:
        return False
    if hit.form.lemma.lemma not in _PASSIVE_LEMMAS:
        return False
    # "اختطفوا في مايو الماضي الأب جاك مراد": a person named soon after, outside a
    # prepositional phrase, is the object of the active verb.
    for m in layout.between(hit.end, doc.sentences[hit.sentence][1]):
        if m.first - wi > 5:
            break
        if m.entity.type == "PER" and not _governed(layout, m.first) and not _in_l_phrase(layout, wi, m):
            return False
    nxt = _word_after_verb(doc, layout, hit, wi)
    if nxt is None:
        return True
    n = layout.norm(nxt)
    return n in _PREPS or n in _AFTER_PASSIVE or layout.prev_norm(nxt) in ("ب", "ل")


def _patient_before(doc: Doc, layout: Layout, before: list[MentionRef], wi: int) -> MentionRef | None:
    """The person/group named right before a passive verb (a relative pronoun, a
    parenthesis or a number may stand between; no preposition or clause opener)."""
    for m in reversed(before):
        if wi - m.last > 5:
            return None
        if m.entity.type not in ("PER", "ORG") or _in_pp(doc, layout, m):
            continue
        gap = range(m.last + 1, wi)
        rel_at = m.first - 2 if layout.norm(m.first - 1) in _TITLE_WORDS else m.first - 1
        if (layout.norm(rel_at) in _RELATIONAL or layout.norm(rel_at) in _KIN) and not any(
                layout.norm(j) in _REL_PRONOUNS for j in gap):
            # "هلال الأسد والد سليمان قتل": the father was killed, not the son (but
            # "زوجة أبو سياف الذي قتل": the relative clause is the nearest name's).
            return None
        if any(layout.norm(j) in _PREPS or layout.norm(j) in COMPLEMENTIZERS for j in gap):
            return None
        if any(layout.norm(j) not in _REL_PRONOUNS and not re.fullmatch(r"[\d()]+|\w+ا", layout.norm(j))
               for j in gap):
            return None
        return m
    return None


_KIN = _ns("والد", "والدة", "ابنة", "شقيقة", "أخ", "أخو", "أخي", "أخت", "عم", "خال", "جد", "حفيد")


def _victim_group(doc: Doc, layout: Layout, hit: Hit, wi: int, after: list[MentionRef]) -> MentionRef | None:
    """"قتلى وجرحى من الحوثيين"، "قتلوا أكثر من عشرين جنديا من قوات الحرس الثوري": the
    group named after من that follows the casualty words (and a group noun) is the
    victims'; None when a preposition, comma or clause opener stands between."""
    if hit.type != "ASSAULT":
        return None
    start = hit.end
    if hit.form.lemma.lemma not in _CASUALTY_LEMMAS:
        # "هجمات ... أسفرت عن مقتل 5 من قوات الأمن": the toll's victims are the attack's.
        toll = next((k for k in range(wi + 1, min(wi + 12, len(layout.words)))
                     if _bare_word(layout, k) in _TOLL_NOUNS and layout.norm(k - 1) in _TOLL_PREPS), None)
        if toll is None or "،" in doc.text[hit.end:layout.starts[toll]] or any(
                layout.norm(k) in COMPLEMENTIZERS for k in range(wi + 1, toll)):
            return None
        wi, start = toll, layout.ends[toll]
    for m in after:
        if m.first <= wi:
            continue
        if m.first - wi > 9:
            return None
        j = m.first - 1
        while j > wi + 1 and not re.search(r"\w", layout.norm(j)):
            j -= 1  # "من جماعة «أنصار X»": a quotation mark before the name
        if layout.norm(j) in _GROUP_HEADS or (
                # "من ميليشات الحوثي": any one head noun of an organisation's name
                m.entity.type in ("PER", "ORG") and layout.norm(j - 1) == _MIN and layout.norm(j) not in _PREPS
                and not re.search(r"[،,.:؛]", doc.text[layout.starts[j]:m.start])):
            j -= 1
        if layout.norm(j) != _MIN or j <= wi or (hit.form.pos == "verb" and j == wi + 1):
            continue
        if "،" in doc.text[start:m.start] or any(
                (layout.norm(k) in _PREPS and layout.norm(k) != _MIN) or layout.norm(k) in COMPLEMENTIZERS
                or layout.norm(k) in _REL_PRONOUNS for k in range(wi + 1, j)):
            return None
        return m
    return None


_TOLL_NOUNS = _ns("مقتل", "إصابة", "اصابة", "مصرع", "استشهاد", "جرح", "قتل")
_TOLL_PREPS = _ns("عن", "إلى", "الى")


def _other_head_between(doc: Doc, layout: Layout, wi: int, m: MentionRef) -> bool:
    """Is there another attack noun (or a comma) between the trigger and the
    prepositional phrase of ``m``? Then the phrase is that noun's ("مقتل 11 إرهابيا خلال
    اشتباكات مع قوات الأمن": the forces were not killed)."""
    if "،" in doc.text[layout.ends[wi]:m.start]:
        return True
    return any(_bare_word(layout, j) in _ASSAULT_HEADS for j in range(wi + 1, m.first))


def find_actors(doc: Doc, layout: Layout, hit: Hit, ments: list[MentionRef]) -> tuple[list[str], list[str]]:
    """(source ids, target ids) for one trigger from the mentions of its sentence."""
    wi = layout.word_index(hit.start)
    s_start, s_end = doc.sentences[hit.sentence]
    # A name inside the subject's own phrase ("الجيش التابع للحكومة") is no argument.
    # The same for every trigger of the sentence: computed once (keyed on the list itself).
    got = layout.memo.get(("actors", hit.sentence))
    if got is not None and got[0] is ments:
        actors = got[1]
    else:
        actors = [m for m in ments if _actor(m, layout) and layout.norm(m.first - 1) not in _AFFILIATED
                  and not _attribution(layout, m) and not _title_of_next(doc, m, ments)]
        layout.memo[("actors", hit.sentence)] = (ments, actors)
    if hit.type == "CONSULT":
        # "زار دي مستورا طهران": a visited place is the place, not the target.
        actors = [m for m in actors if m.entity.type != "LOC" or m.last < wi]
    after = [m for m in actors if m.first > wi]
    before = [m for m in actors if m.last < wi]
    clause = _clause_end(layout, wi + 1, 14, s_end)
    after_c = [m for m in after if m.first < clause]
    source: list[MentionRef] = []
    target: list[MentionRef] = []

    # Passive agent: على يد X / من قبل X / برصاص X.
    agent = None
    for j in range(wi + 1, min(clause + 4, len(layout.words))):
        if layout.starts[j] >= s_end:
            break
        n = layout.norm(j)
        if (n in AGENT_MARKERS[0] and layout.norm(j - 1) == "علي") or (
                n in AGENT_MARKERS[1] and layout.norm(j - 1) == "من") or n in _BY_WEAPON or (
                "ب" + n in _BY_WEAPON and layout.prev_norm(j) == "ب") or (
                # "أصيبوا جراء قصف الحوثيين": the cause's doer is the agent
                "ب" + n in _BY_WEAPON and layout.norm(j - 1) in _CAUSE):
            agent = next((m for m in after if m.first > j and m.first <= j + 3), None)
            if agent is None and n not in _BY_WEAPON:
                # "قتلوا على يد جماعات لم تحدد الشبكة هويتها": the doer is unnamed; a
                # name after a new clause (negation, relative pronoun) is not this event's.
                stop = next((x for x in range(j + 1, min(j + 5, len(layout.words)))
                             if layout.norm(x) in _CLAUSE_OPENERS), None)
                if stop is not None:
                    after_c = [m for m in after_c if m.first < j]
            break
    passive = hit.tense == "pass" and agent is not None
    if agent is not None and (passive or hit.tense in ("perf", "noun")):
        source = [agent]
        target = [m for m in after_c if m.first < agent.first and not _in_l_phrase(layout, wi, m)][:1]
    elif hit.form.pos == "noun" and _norm_tok(layout, wi) in PARTICIPLES:
        # "داعية طهران إلى ..." — the participle's subject is the sentence's subject.
        subj = [m for m in before if m.entity.type == "PER"] or [m for m in before if m.entity.type == "ORG"]
        if subj:
            source = [subj[0]]
        if after_c and after_c[0].first - wi <= 3:
            target = [after_c[0]]
    elif hit.tense == "pass" and hit.form.pos == "verb" and not (
            after_c and after_c[0].entity.type in ("PER", "ORG") and after_c[0].first - wi <= 1
            and hit.form.lemma.lemma not in _ONLY_PASSIVE):
        # "أصيب متظاهران ..." with no agent: what follows is the patient.
        # "أصيب متظاهران معارضان للرئيس X": a name inside a ل-phrase is not the patient.
        pat = [m for m in after_c if m.entity.type in ("PER", "ORG") and not _in_l_phrase(layout, wi, m)]
        if pat and pat[0].first - wi <= 4:
            target = [pat[0]]
    elif _passive_reading(doc, layout, hit, wi):
        # "وخلَفه صالح العوفي الذي قُتل منتحرا"، "الطفل علي دوابشة (18 شهرا) قتل حرقا": no
        # object follows, so the verb is the passive and the name before it is the victim.
        pat = _patient_before(doc, layout, before, wi)
        if pat is not None:
            target = [pat]
        # "قتل في كمين لأنصار X"، "في هجوم للقوات الأميركية": the attack's ل-holder did it.
        doer = next((m for m in after_c if m.first - wi <= 6 and m.entity.type in ("PER", "ORG")
                     and (_in_l_phrase(layout, wi, m) or (layout.norm(m.first - 1)[:1] == "ل" and (
                         layout.norm(m.first - 1)[1:] in _GROUP_HEADS or layout.norm(m.first - 1)[1:] in _HOLDINGS)))
                     and any(_bare_word(layout, j) in _ASSAULT_HEADS for j in range(wi + 1, m.first))), None)
        if doer is None and layout.norm(wi + 1) in _CAUSE:
            # "قتل جراء إطلاق X قذيفة": the cause's doer.
            doer = next((m for m in after_c if m.first - wi <= 4 and m.entity.type in ("PER", "ORG")
                         and not _governed(layout, m.first)), None)
        if doer is not None and doer not in target:
            source = [doer]
    elif hit.form.pos == "verb":
        adj_before = [m for m in before if wi - m.last <= 2 and not _in_genitive_pp(doc, layout, m)]
        first = None
        counted_object = False
        rel_subj = _relative_antecedent(doc, layout, hit, wi, before) if hit.type == "ASSAULT" else None
        # "اشتبكوا مع القوات التركية"، "أطلقا النار على الإعلامي": a name governed by a
        # preposition is never the subject.
        vso = bool(after_c) and not _governed(layout, after_c[0].first) and not _partitive(layout, after_c[0].first)
        if vso and hit.type == "ASSAULT" and adj_before and wi - adj_before[-1].last == 1 and (
                layout.norm(adj_before[-1].first - 1) in COMPLEMENTIZERS):
            # "إن المقاومة الشعبية قصفت مواقع الحوثيين": the name after إن/أن right
            # before the verb is its subject; what follows is the object.
            vso = False
        if vso and rel_subj is not None:
            vso = False  # the relative pronoun's antecedent is the subject
        if vso and hit.type == "ASSAULT" and _object_first(doc, layout, hit, wi, after_c[0]):
            # "قتلت ثمانية مسلحين بايعوا X"، "استهدفت معاقل وتجمعات X"، "قتل 30 مقاتلا من X"،
            # "الذين هاجموا نقطة تفتيش تديرها X": the verb's object comes first, so the
            # name after it is no subject.
            vso = False
            counted_object = True
        if vso and hit.type == "ASSAULT" and _in_l_phrase(layout, wi, after_c[0]):
            # "استهدفت المقاومة دورية للمسلحين الحوثيين": a name in a ل-phrase is the
            # holder of the object, not the attacker.
            vso = False
        sub_part = vso and _subject_partitive(doc, layout, wi, after_c[0])
        if vso and (sub_part or after_c[0].first - wi <= 4 or (
                after_c[0].first - wi <= 9 and not any(
                    layout.norm(j) in _PREPS for j in range(wi + 1, after_c[0].first)))):
            first = after_c[0]
            if _relational(layout, first):
                # "نائب الرئيس السوداني ... إبراهيم محمود": the deputy, not the president.
                later = [m for m in after_c[1:] if m.entity.type == "PER" and m.entity.id != first.entity.id
                         and m.first - first.last <= 8]
                if later:
                    first = later[0]
            if first.entity.type in ("ORG", "LOC", "MISC"):
                # "نفى رئيس البرلمان الإيراني علي لاريجاني": a title naming an institution,
                # then the person's name, is one subject — the person.
                cur = first
                for m in after_c[1:]:
                    gap = range(cur.last + 1, m.first)
                    if m.first - cur.last > 3 or any(layout.norm(j) in _PREPS for j in gap) or "،" in doc.text[cur.end:m.start]:
                        break
                    if re.search(r"(?:^|\s)و", doc.text[cur.end:m.start]):
                        break  # "ميليشيات الحوثيين وقوات الرئيس ...": a second subject
                    if m.entity.type == "PER":
                        first = m
                        break
                    cur = m
            if first.entity.type == "LOC":
                # "نائب الرئيس السوداني ... إبراهيم محمود": a nationality word modifies the
                # subject; "أغلقت القوات ميادين X": a place two words on is an object.
                near = [m for m in after_c[1:] if m.first - first.last <= 8]
                better = [m for m in near if m.entity.type == "PER"] or [
                    m for m in near if m.entity.type == "ORG"]
                if better:
                    first = better[0]
                elif first.first - wi > 1:
                    first = None
            if first is None:
                target = [after_c[0]]
                after_c = []
        if vso and after_c and (sub_part or after_c[0].first - wi <= 4 or (
                after_c[0].first - wi <= 9 and not any(
                    layout.norm(j) in _PREPS for j in range(wi + 1, after_c[0].first)))):
            source = [first]
            rest = [m for m in after_c if m.entity.id != first.entity.id and m.first > first.first]
            # "X و Y" coordinated subjects.
            while rest and rest[0].first - source[-1].last <= 5:
                between = doc.text[source[-1].end:rest[0].start].strip()
                if (between == "و" or between.endswith(" و") or between in ("،و", "، و")) and (
                        rest[0].first - source[-1].last <= 2):
                    source.append(rest.pop(0))
                elif _FORCES_OF.match(normalize(between)):
                    # "ميليشيات الحوثيين وقوات الرئيس السابق علي عبد الله صالح"
                    source.append(rest.pop(0))
                else:
                    break
            # Skip an apposition between commas ("جعفري، قائد الحرس الثوري، قرار ...").
            end = source[-1].end
            anchor = source[-1].last
            if doc.text[end:end + 2].strip().startswith("،"):
                close = doc.text.find("،", end + 1, s_end)
                if close > 0:
                    rest = [m for m in rest if m.start > close]
                    anchor = layout.word_index(close) - 1
            if rest and rest[0].first - anchor <= 6:
                target = [rest[0]]
        elif rel_subj is not None:
            # "مسلحي تنظيم X الذين هاجموا نقطة تفتيش تديرها قوات Y": the relative
            # pronoun's antecedent is the subject; what follows is the object.
            source = [rel_subj] if rel_subj is not True else []
            if after_c and after_c[0].first - wi <= 6 and _object_ok(layout, after_c[0]) and not (
                    _counted_before(layout, wi, after_c[0])):
                target = [after_c[0]]
        elif adj_before and not _in_pp(doc, layout, adj_before[-1]):
            source = [adj_before[-1]]
            if _passive_victims(doc, layout, hit, wi, adj_before[-1]):
                # "اثنين من أفراد قوات الأمن قتلا وأصيب 24": counted victims, not doers.
                source, target = [], [adj_before[-1]]
            elif after_c and after_c[0].first - wi <= 6 and _object_ok(layout, after_c[0]) and not (
                    counted_object and _counted_before(layout, wi, after_c[0])):
                target = [after_c[0]]
        elif _subject_before_relative(doc, layout, before, wi) is not None:
            # "إن قوات الأمن التي انتشرت بأعداد كبيرة فرقت المظاهرة": the subject comes
            # before the relative clause that describes it.
            source = [_subject_before_relative(doc, layout, before, wi)]
            if after_c and after_c[0].first - wi <= 6 and _object_ok(layout, after_c[0]):
                target = [after_c[0]]
        elif (hit.proclitic[:1] in ("و", "ف") or layout.prev_norm(wi) in ("و", "ف")) and _sentence_subject(
                doc, layout, before):
            # "أعطى مجلس الأمن ... للاتفاق المبرم بين إيران والقوى الكبرى وصوّت عليه":
            # a coordinated verb shares the sentence's subject.
            source = [_sentence_subject(doc, layout, before)]
            if after_c and after_c[0].first - wi <= 6 and _object_ok(layout, after_c[0]):
                target = [after_c[0]]
        elif after_c and after_c[0].first - wi <= 6 and _object_ok(layout, after_c[0]) and not (
                counted_object and _counted_before(layout, wi, after_c[0]) and not _victims_nisba(layout, wi, after_c[0])):
            target = [after_c[0]]
    elif hit.form.pos == "noun" and _between_sides(doc, layout, wi, after) is not None:
        # "اشتباكات بين مقاتلين من العمال الكردستاني والجيش التركي": both sides act; the
        # first named is the source, the second the target.
        x, y = _between_sides(doc, layout, wi, after)
        source, target = [x], [y]
    else:  # verbal noun
        lv = _light_verb(layout, wi, frozenset(j for m in before for j in range(m.first, m.last + 1)))
        if lv is not None and not _object_of(layout, lv, wi, before):
            lv = None
        if lv is not None:
            # "أجرى الوزير محادثات" / "X، منسقة ...، ستجري محادثات مع Y": the light
            # verb's subject is the source.
            inner = [m for m in before if m.first > lv]
            # (not across إن/أن: "قال المتحدث فلان إن القوات تمكنت من قتل 88")
            prior = [m for m in before if m.last < lv and not any(
                layout.norm(j) in COMPLEMENTIZERS for j in range(m.last + 1, lv))]
            subj = inner[:1] or [m for m in prior if m.entity.type == "PER"][-1:] or [
                m for m in prior if m.entity.type == "ORG"][-1:]
            source = subj + (_coordinated(doc, layout, subj[0], inner) if inner else [])
        elif hit.type == "ASSAULT" and _claimed_by(doc, layout, wi, after) is not None:
            # "في هجوم نفذه X"، "عملية انتحارية تبناها X": the doer named by the clause.
            source = [_claimed_by(doc, layout, wi, after)]
            after_c = [m for m in after_c if m.first > source[0].last]
        elif hit.form.lemma.needs_before and before:
            # "شدد الوزير على ضرورة ...": the speaker's call.
            subj = [m for m in before if m.entity.type == "PER"] or [m for m in before if m.entity.type == "ORG"]
            source = subj[:1]
        elif hit.enclitic and before:
            source = [before[-1]]
        elif after_c and after_c[0].first - wi <= 1 and _genitive_patient(hit, after_c[0]):
            # "تفجير مسجد الإمام الصادق"، "اغتيال الرئيس X": the genitive of an attack on a
            # place or a person is its target, not its doer.
            target = [after_c[0]]
        elif after_c and after_c[0].first - wi <= 1:
            source = [after_c[0]]
        for m in after_c:
            if m in source:
                continue
            p = layout.prev_norm(m.first)
            if hit.type == "ASSAULT" and _other_head_between(doc, layout, wi, m):
                break
            if p in TARGET_PREPS or layout.norm(m.first - 1) in TARGET_PREPS or _prep_head(layout, m, wi) or (
                    hit.type == "ASSAULT" and _held_target(layout, m, wi)):
                target = [m]
                break
        if not target and hit.enclitic and hit.type == "CONSULT" and after_c and not source and (
                hit.form.lemma.lemma in _MEET_LEMMAS):
            # "خلال لقائه اليوم بالرياض مبعوث الأمين العام X": a meeting noun whose doer is
            # its pronoun suffix takes the one met as its object (after a time/place word).
            m = after_c[0]
            if m.first - wi <= 6 and m.entity.type in ("PER", "ORG") and _object_ok(layout, m) and (
                    layout.norm(m.first - 1) not in _PREPS and layout.prev_norm(m.first) not in _PREPS):
                if _relational(layout, m):
                    m = next((x for x in after_c[1:] if x.entity.type == "PER" and x.first - m.last <= 8), m)
                target = [m]
        if target:
            target += _coordinated(doc, layout, target[0], after_c)
    if len(target) == 1 and hit.form.pos == "verb":
        target += _coordinated(doc, layout, target[0], [m for m in actors if m.first > target[0].last])
    if not target and hit.type == "ACCUSE" and hit.form.pos == "noun" and layout.norm(wi + 1) in _DIRECTED:
        # "نفت البعثة الاتهامات الموجهة لها": the accused is the pronoun's referent, the
        # sentence's subject (or a name after "الموجهة ل").
        if layout.norm(wi + 2) in _TO_PRONOUN:
            subj = [m for m in before if m.entity.type in ("PER", "ORG")][:1]
            target = subj
        else:
            target = [m for m in after if m.first == wi + 2][:1]
    if not target and hit.type in SAYING_TYPES:
        # "أشاد بالجهود التي تبذلها X", "عن تقديره للدور الذي لعبته X": the doer of the
        # praised/criticised efforts or role is what the statement is about.
        doer = _doer_of_object(layout, wi, actors, s_end)
        if doer is not None and doer not in source:
            target = [doer]
    vg = _victim_group(doc, layout, hit, wi, [m for m in after if m.first < clause])
    if vg is not None and vg not in source:
        # The victims' group ("قتلى من الحوثيين") is the target, whatever else was found.
        target = [vg] + _coordinated(doc, layout, vg, [m for m in actors if m.first > vg.last])
    if hit.type == "ASSAULT" and source and target and target[0].first > source[-1].last and (
            layout.norm(source[-1].first - 1) != _BAYN):  # ("بين X وعناصر Y": two sides)
        # "إطلاق ميليشيا الحوثي وقوات المخلوع علي صالح": forces joined to the doer by و
        # act with it.
        raw = doc.text[source[-1].end:target[0].start].split()
        words = [normalize(w) for w in raw]
        # (a last "علي" written with ي is a first name, not the preposition على)
        if 1 <= len(words) <= 4 and re.match(r"^و\s*(?:قوات|ميليشيات|مليشيات|مسلحي|عناصر|انصار|مقاتلي)$",
                                             words[0]) and not any(
                w in _PREPS and not (i == len(raw) - 1 and raw[i].endswith("ي")) for i, w in enumerate(words)):
            source.append(target.pop(0))
    if not target and hit.type == "ASSAULT":
        # "شنت الطائرات غارات على أهداف لحزب X": the holder of what was hit.
        target = [m for m in after_c if m not in source and m.entity.type in ("PER", "ORG")
                  and _held_target(layout, m, wi)][:1]
    if hit.type == "ASSAULT" and hit.form.pos == "verb" and hit.form.lemma.lemma in _UNDERGO and agent is None and (
            source and (source[0].last < wi or source[0].first - wi <= 2)):
        # "مقاتلو X الذين لقوا مصرعهم": whoever "met death" is the victim, not the doer
        # (a name further on, "خلال مساندة طائرات X", may be who killed them).
        target, source = (target or source), []
    # A region, district or site does not act ("حدث تفجير ... بمنطقة عسير"); a city
    # may stand for its government in a statement, not as an attacker.
    source = [m for m in source if m.entity.type != "LOC" or m.entity.geo is None or m.entity.geo.level in (
        ("country",) if hit.type in ("ASSAULT", "COERCE") else ("country", "city"))]
    src_ids = _dedup([m.entity.id for m in source])
    tgt_ids = [i for i in _dedup([m.entity.id for m in target]) if i not in src_ids]
    return src_ids, tgt_ids


#: Things an attack verb hits, never its subject ("استهدفت معاقل X"، "قصفت مواقع X").
_HIT_OBJECTS = _ns("مواقع", "موقع", "معاقل", "معقل", "مقرات", "مقر", "مقار", "تجمعات", "تجمع", "ثكنات",
                   "ثكنة", "مراكز", "مركز", "مخازن", "مستودعات", "آليات", "تمركزات", "أهداف", "هدف",
                   "مبنى", "منازل", "منزل", "معسكر", "معسكرات", "تحصينات", "نقطة", "نقاط", "حاجز",
                   "بوابة", "سيارة", "مدرعة", "عربة", "منشآت", "منشأة", "قاعدة", "قواعد", "مخابئ", "مخبأ")
#: Doer clauses after an attack noun: "هجوم نفذه X"، "عملية تبناها X".
_CLAIM_VERBS = _ns("نفذه", "نفذها", "نفذته", "شنه", "شنها", "شنته", "تبناه", "تبنته", "تبناها", "ارتكبه",
                   "ارتكبها", "ارتكبته", "نسب", "ونسب", "ونسبت", "نسبت")


def _counted_before(layout: Layout, wi: int, m: MentionRef) -> bool:
    """Is a count or a casualty noun between the verb and ``m`` ("قتلت ثمانية مسلحين
    بايعوا X")? Then ``m`` is no plain object of the verb."""
    from rasd.events.numbers import parse_number

    for j in range(wi + 1, m.first):
        n = layout.norm(j)
        if n and (n[0].isdigit() or parse_number([n], 0)[0] is not None):
            return True
    return False


def _object_first(doc: Doc, layout: Layout, hit: Hit, wi: int, m: MentionRef) -> bool:
    """Does the attack verb's object stand between it and ``m``: a count right after the
    verb, or a hit-object noun ("معاقل وتجمعات X")?"""
    from rasd.events.numbers import parse_number

    if wi + 1 >= m.first:
        return False
    n = layout.norm(wi + 1)
    if n and (n[0].isdigit() or parse_number([n], 0)[0] is not None):
        return True
    if hit.form.lemma.lemma in _CASUALTY_LEMMAS and _person_noun(n):
        return True  # "قتلوا مقاتلين من X": the victims come first
    return _bare_word(layout, wi + 1) in _HIT_OBJECTS or n in _HIT_OBJECTS


def _subject_partitive(doc: Doc, layout: Layout, wi: int, m: MentionRef) -> bool:
    """"اقتحم متشددون من تنظيم (X)": a nominative plural noun + من (+ one head noun) right
    after the verb; the group named is the subject's."""
    j = wi + 1
    w = layout.norm(j)
    if not (w.endswith("ون") and len(w) > 4) or layout.norm(j + 1) != _MIN:
        return False
    gap = doc.text[layout.ends[j + 1]:m.start]
    return len(re.findall(r"[\u0621-\u064a]+", gap)) <= 1 and not re.search(r"[،,.:؛]", gap)


def _victims_nisba(layout: Layout, wi: int, m: MentionRef) -> bool:
    """"قتل 29 جنديا أوكرانيا": a name right after the count and its person noun (a
    nisba) is whose the victims were."""
    return m.first - wi == 3 and _person_noun(layout.norm(wi + 2))


def _person_noun(n: str) -> bool:
    from rasd.events.numbers import _PERSON_LIKE, _PERSONS

    return n in _PERSONS or n in _PERSON_LIKE


def _relative_antecedent(doc: Doc, layout: Layout, hit: Hit, wi: int, before: list[MentionRef]):
    """The subject of a verb right after a relative pronoun with no object suffix
    ("متشددي تنظيم X الذين هاجموا"): the actor ending ≤ 2 words before the pronoun, or
    True when the antecedent is no entity (the verb then has no named subject); None when
    the verb is not such a relative verb ("التي يقودها X": its subject follows)."""
    if hit.form.pos != "verb" or hit.enclitic or wi < 1 or layout.norm(wi - 1) not in _REL_PRONOUNS:
        return None
    if hit.tense == "pass" or hit.form.lemma.lemma in _UNDERGO:
        return None  # "مقاتلي X الذين لقوا مصرعهم": the antecedent underwent it
    if _passive_reading(doc, layout, hit, wi):
        return None
    rel = wi - 1
    ante = next((m for m in reversed(before) if 0 < rel - m.last <= 2 and m.entity.type in ("PER", "ORG")
                 and not _in_pp(doc, layout, m)), None)
    if ante is not None and "،" in doc.text[ante.end:layout.starts[rel]]:
        ante = None
    return ante if ante is not None else True


def _in_genitive_pp(doc: Doc, layout: Layout, m: MentionRef) -> bool:
    """Is ``m`` the end of a genitive chain governed by a preposition ("من سيطرة مسلحي
    تنظيم X اقتحمت القوات": X is in the PP, not the verb's subject)? Up to three nouns back,
    no punctuation or complementizer."""
    for j in range(m.first - 1, max(-1, m.first - 4), -1):
        n = layout.norm(j)
        if n in COMPLEMENTIZERS or n in _REL_PRONOUNS or re.search(r"[،,.:؛]", doc.text[layout.ends[j]:layout.starts[j + 1]]):
            return False
        if j < m.first - 1 and (n in _PREPS or n in _PP_EXTRA or layout.prev_norm(j) in _PREPS
                                or layout.prev_norm(j) in ("ل", "ب")):
            # ("اثنان من أفراد X": a count's partitive, not a prepositional phrase)
            return not (n == _MIN and _partitive(layout, j + 1))
        if j == m.first - 1:
            continue  # the word right before the name: _in_pp's business
    return False


def _word_after_verb(doc: Doc, layout: Layout, hit: Hit, wi: int) -> int | None:
    """Index of the word right after the verb at ``wi``, or None where the sentence or a
    punctuation mark ends the clause there (the verb then has no object)."""
    nxt = wi + 1
    if nxt >= len(layout.words) or layout.starts[nxt] >= doc.sentences[hit.sentence][1]:
        return None
    if re.match(r"\s*[،,.:؛()«»\"]", doc.text[hit.end:layout.starts[nxt] + 1]):
        return None
    return nxt


def _passive_victims(doc: Doc, layout: Layout, hit: Hit, wi: int, m: MentionRef) -> bool:
    """"اثنين من أفراد قوات الأمن قتلا وأصيب 24": a counted group right before a kill
    verb that takes no object (و + a casualty verb, a preposition, punctuation) was killed."""
    if hit.form.pos != "verb" or hit.enclitic or hit.form.lemma.lemma not in _PASSIVE_LEMMAS:
        return False
    if not (_partitive(layout, m.first) or (layout.norm(m.first - 1) in _GROUP_HEADS and _partitive(layout, m.first - 1))):
        return False
    nxt = _word_after_verb(doc, layout, hit, wi)
    if nxt is None:
        return True
    n = layout.norm(nxt)
    if layout.prev_norm(nxt) == "و":  # a و split off by the tokeniser
        n = "و" + n
    return n in _PREPS or n in _AFTER_PASSIVE or (n[:1] == "و" and n[1:] in _WOUND_VERBS)


#: Verbs whose subject suffers the event (died, was hurt, fell).
_UNDERGO = _ns("لقي", "استشهد", "توفي", "سقط", "أصيب", "اصيب", "قضى", "هلك", "مات", "نجا")
_WOUND_VERBS = _ns("أصيب", "اصيب", "أصيبوا", "جرح", "جرحوا", "أصيبا", "جرحا")


def claimed_doer(doc: Doc, layout: Layout, hit: Hit, ments: list[MentionRef]) -> str | None:
    """The entity id named as the doer of an attack noun ("هجوم نفذه X"), or None."""
    if hit.type != "ASSAULT" or hit.form.pos != "noun":
        return None
    wi = layout.word_index(hit.start)
    after = [m for m in ments if m.first > wi and _actor(m, layout)]
    m = _claimed_by(doc, layout, wi, after)
    return m.entity.id if m is not None else None


def _claimed_by(doc: Doc, layout: Layout, wi: int, after: list[MentionRef]) -> MentionRef | None:
    """"هجوم [انتحاري] [الذي] نفذه X"، "عملية انتحارية تبناها X"، "ونسبت إلى X": X."""
    for j in range(wi + 1, min(wi + 5, len(layout.words))):
        n = layout.norm(j)
        if n in _CLAIM_VERBS:
            m = next((x for x in after if j < x.first <= j + 4 and x.entity.type in ("PER", "ORG")), None)
            if m is not None and not re.search(r"[،,.:؛]", doc.text[layout.ends[j]:m.start]):
                return m
            return None
        if n in _PREPS or n in COMPLEMENTIZERS or re.search(r"[،,.:؛]", doc.text[layout.ends[j - 1]:layout.starts[j]]):
            return None
    return None


PARTICIPLES = _ns("داعيا", "داعية", "مطالبا", "مطالبة", "محذرا", "محذرة", "مهددا", "مهددة",
                  "متهما", "متهمة", "مشيدا", "مشيدة", "رافضا", "رافضة", "مطالبين", "داعين")
_AFFILIATED = _ns("التابع", "التابعة", "التابعين", "التابعون", "المقرب", "المقربة", "الموالي",
                  "الموالية", "الموالين")
#: Verbs whose passive reading is the usual one when a name follows (أصيب فلان).
_ONLY_PASSIVE = _ns("اصاب")
_CLAUSE_OPENERS = _ns("لم", "لا", "لن", "ما", "التي", "الذي", "الذين")
_CAUSE = _ns("جراء", "جرّاء", "إثر", "اثر", "بسبب", "نتيجة", "بفعل")
_BY_WEAPON = _ns("برصاص", "بنيران", "بقذائف", "بقصف", "بغارة", "بغارات", "بصواريخ")
_PREPS = _ns("في", "على", "إلى", "من", "مع", "عن", "ضد", "خلال", "بعد", "قبل", "منذ", "أمام")


#: Words that make a following name a relation of the actor, not the actor.
_RELATIONAL = _ns("نائب", "مساعد", "مستشار", "مبعوث", "المبعوث", "ممثل", "مندوب", "زوجة", "زوج",
                  "ابن", "نجل", "شقيق", "مكتب", "حرس", "أنصار", "انصار", "باسم", "لدى",
                  # construct plurals: "من أقرب مساعدي الرئيس X قتل" (the aide, not X)
                  "مساعدي", "مستشاري", "نواب", "ممثلي", "مرافقي", "حراس", "أقارب", "أنجال")
#: Attribution before a name: "بحسب سكاي نيوز", "نقلا عن رويترز".
_ATTRIB = _ns("بحسب", "حسب", "وحسب", "وبحسب", "وفق", "وفقا", "طبقا", "نقلا", "حسبما")


#: Nouns between a preposition and the actor it governs ("على مواقع ميليشيات X").
_HOLDINGS = _ns("مواقع", "موقع", "معاقل", "معقل", "مقرات", "مقر", "تجمعات", "عناصر", "قوات",
                "مسلحي", "مقاتلي", "أنصار", "ثكنات", "مراكز", "مخازن", "آليات", "تمركزات")


_HEAD_PREPS = _ns("على", "ضد", "علي")


#: "و" + a forces noun (+ up to two title words) between two coordinated actors.
_FORCES_OF = re.compile(r"^،?\s*و\s*(?:قوات|ميليشيات|مليشيات|مسلحي|مسلحو|عناصر|انصار|مقاتلي|مقاتلو|جنود)"
                        r"(?:\s+ال\S+){0,2}$")
_TITLE_WORDS = _ns("الرئيس", "رئيس", "الملك", "الأمير", "الوزير", "وزير", "الشيخ", "الزعيم", "القائد",
                   "نائب", "السلطان", "المرشد", "الجنرال", "العقيد", "اللواء", "الفريق", "المشير",
                   "رئيسة", "الرئيسة", "وزيرة", "الوزيرة")
_TITLE_ADJ = _ns("السابق", "الأسبق", "المخلوع", "الراحل", "الحالي", "المؤقت", "الانتقالي", "المكلف")


def _title_of_next(doc: Doc, m: MentionRef, ments: list[MentionRef]) -> bool:
    """A person mention right before another person's name ("الرئيس السابق علي عبد الله
    صالح") is that person's title, whoever the coreference linked it to."""
    first = doc.text[m.start:m.end].split()[:1]
    w = normalize(first[0]) if first else ""
    if m.entity.type != "PER" or not ({w, "ال" + w[2:] if w.startswith("لل") else w, w[1:]} & _TITLE_WORDS):
        return False  # a name, not a title: "استقبل مسعود بارزاني وزير الخارجية"
    nxt = next((x for x in ments if x.start >= m.end), None)
    if nxt is None or nxt.entity.type != "PER" or nxt.entity.id == m.entity.id:
        return False
    gap = doc.text[m.end:nxt.start].split()
    return len(gap) <= 2 and all(normalize(w) in _TITLE_ADJ for w in gap)


_DIRECTED = _ns("الموجهة", "الموجه", "الموجهين")
_TO_PRONOUN = _ns("لها", "له", "لهم", "لهما", "إليها", "إليه", "إليهم")
#: Meeting verbs whose verbal noun's object is a person met (a visit's is a place).
_MEET_LEMMAS = _ns("التقى", "اجتمع", "استقبل")
_NOT_OBJECT = _ns("في", "داخل")


def _object_ok(layout: Layout, m: MentionRef) -> bool:
    """A name right after في is inside a prepositional phrase ("وأدان نائب عن المنطقة في
    البرلمان الصومالي الحادثة"), not the verb's object."""
    return layout.norm(m.first - 1) not in _NOT_OBJECT and layout.prev_norm(m.first) not in _NOT_OBJECT


def _prep_head(layout: Layout, m: MentionRef, wi: int) -> bool:
    """"على مواقع X", "ضد معاقل X": the actor behind a holdings noun after على/ضد."""
    j = m.first - 1
    if j <= wi or layout.norm(j) not in _HOLDINGS:
        return False
    return layout.prev_norm(j) in _HEAD_PREPS


#: What an attack is aimed at when it belongs to someone: "على أهداف لحزب X".
_AIMED = _HOLDINGS | _ns("أهداف", "هدف", "مقار", "المقار", "المواقع", "المقرات", "التجمعات", "دورية",
                         "دوريات", "مبنى", "منازل", "منزل", "قافلة", "موكب", "معسكر", "معسكرات", "تجمع",
                         "تحصينات", "مخازن", "مستودعات")


def _held_target(layout: Layout, m: MentionRef, wi: int) -> bool:
    """"على أهداف محددة لحزب X"، "على المقار العسكرية للمسلحين الحوثيين": the holder
    named within 4 words after an aimed-at noun that follows على/ضد (adjectives and
    ل-nouns may stand between; no other preposition)."""
    for j in range(m.first - 1, max(wi, m.first - 5), -1):
        n = layout.norm(j)
        if n in _AIMED and (layout.prev_norm(j) in _HEAD_PREPS or layout.norm(j - 1) in _HEAD_PREPS):
            return True
        if n in _PREPS or n in _REL_PRONOUNS or n in COMPLEMENTIZERS:
            return False
    return False


_TITLE_HEADS = _ns("نائب", "وزير", "رئيس", "مساعد", "مستشار", "سفير", "قائد", "مدير", "أمين", "مبعوث",
                   "ممثل", "مندوب", "محافظ", "زعيم")


def _coordinated(doc: Doc, layout: Layout, head: MentionRef, pool: list[MentionRef]) -> list[MentionRef]:
    """Actors coordinated with ``head`` by و ("ميليشيات الحوثي وصالح")."""
    out: list[MentionRef] = []
    cur = head
    for m in pool:
        if m.first <= cur.last:
            continue
        if m.entity.id == head.entity.id:
            # "رئيس الوزراء التونسي الحبيب الصيد، ووزير خارجيته ...": title, then name.
            if doc.text[cur.end:m.start].strip() == "":
                cur = m
            continue
        between = doc.text[cur.end:m.start].replace("،", " ").strip()
        if m.entity.type not in ("PER", "ORG") or head.entity.type not in ("PER", "ORG"):
            break
        words = between.split()
        # "X وY", or a title between of the same kind: "الحبيب الصيد، ووزير خارجيته الطيب البكوش".
        # (A long title is fine when it starts with a title noun: "، ونائب وزير الشؤون
        # الخارجية للشؤون الأفريقية العربية حسين ...".)
        titled = (bool(words) and (len(words) <= 3 or (len(words) <= 8 and normalize(words[0][1:]) in _TITLE_HEADS))
                  and words[0].startswith("و") and m.entity.type == head.entity.type
                  and not any(normalize(w) in _PREPS for w in words))
        if between != "و" and not titled:
            break
        out.append(m)
        cur = m
    return out


_LIGHT = _ns("أجرى", "أجرت", "يجري", "تجري", "أجروا", "يجرون", "عقد", "عقدت", "يعقد", "تعقد",
             "عقدوا", "يعقدون", "شن", "شنت", "يشن", "تشن", "شنوا", "يشنون", "نفذ", "نفذت", "ينفذ",
             "تنفذ", "نفذوا", "قام", "قامت", "يقوم", "تقوم", "قاموا", "بدأ", "بدأت", "يبدأ", "تبدأ",
             "شارك", "شاركت", "يشارك", "تشارك", "شاركوا", "يشاركون", "ساهم", "يساهم", "تساهم",
             # "تسببت الفصائل بقتل": who caused it did it.
             "تسبب", "تسببت", "يتسبب", "تتسبب", "تسببوا", "يتسببون",
             # "كثفت قوات التحالف، أمس، غاراتها"، "واصلت القوات هجماتها": who steps up or
             # keeps on doing it does it.
             "كثف", "كثفت", "يكثف", "تكثف", "كثفوا", "صعد", "صعدت", "يصعد", "تصعد", "واصل",
             "واصلت", "يواصل", "تواصل", "واصلوا", "يواصلون",
             # "تمكن الجيش من قتل X"، "تمكنت القوات من اعتقال": who managed it did it.
             "تمكن", "تمكنت", "تمكنوا", "يتمكن", "تتمكن", "نجح", "نجحت", "نجحوا")


#: A preposition a light verb may put before its noun ("شارك في"، "تمكن من"، "كثفت من").
_LIGHT_PREPS = _ns("في", "من")


def _light_verb(layout: Layout, wi: int, covered: frozenset[int] = frozenset()) -> int | None:
    """Index of a light verb governing the verbal noun at ``wi`` (أجرى محادثات، قام بـ),
    right before it or with its subject (≤ 6 words) in between."""
    for j in range(wi - 1, max(-1, wi - 8), -1):
        n = layout.norm(j)
        for cand in (n, n[1:] if n[:1] in ("و", "ف", "س") else n, n[2:] if n[:2] in ("وس", "فس") else n):
            if cand in _LIGHT:
                return j
        if j in covered:
            continue  # a word of the subject's name ("سامي علي")
        if (n in _PREPS and not (j == wi - 1 and n in _LIGHT_PREPS)) or n in COMPLEMENTIZERS:
            break  # "شارك X في المناقشات": the في right before the noun is the verb's
    return None


def _in_pp(doc: Doc, layout: Layout, m: MentionRef) -> bool:
    """Is the mention (or the head of its و-coordination) governed by a preposition
    ("بين إيران والقوى الكبرى", "للاتفاق مع X")?"""
    cur = m
    for _ in range(4):
        p = layout.prev_norm(cur.first)
        if p in _PREPS or p in _PP_EXTRA:
            return True
        if p != "و" and not doc.text[max(0, cur.start - 2):cur.start].strip().endswith("و"):
            return False
        prev = [x for x in layout.between(max(0, cur.start - 60), cur.start) if cur.first - x.last <= 2]
        if not prev:
            return False
        cur = prev[-1]
    return False


#: Nouns of what someone does, praised or criticised ("الجهود التي تبذلها X").
_DEEDS = _ns("الدور", "الجهود", "الجهد", "جهود", "دور", "السياسة", "السياسات", "سياسة", "المواقف",
             "الموقف", "موقف", "الخطوات", "الخطوة", "خطوة", "الإجراءات", "إجراءات", "الأعمال",
             "العمل", "المساعي", "المبادرة", "مبادرة", "الدعم", "المساندة", "التضحيات", "الانتهاكات",
             "الممارسات", "الهجمات", "الجرائم")


def _doer_of_object(layout: Layout, wi: int, actors: list[MentionRef], s_end: int) -> MentionRef | None:
    """The person/organisation doing a deed noun that follows the trigger: "[ب|ل]الجهود
    التي تبذلها X" (the deed within 5 words, its relative pronoun within 3 words after it,
    X within 8 words after the pronoun with no punctuation in between)."""
    for j in range(wi + 1, min(wi + 6, len(layout.words))):
        if layout.starts[j] >= s_end:
            return None
        n = layout.norm(j)
        # With ب/ل attached ("بالجهود"، "لدور" after a split ل، "للدور").
        forms = {n, n[1:] if n[:1] in ("ب", "ل") and len(n) > 3 else n,
                 "ال" + n[2:] if n.startswith("لل") else n}
        if not forms & _DEEDS:
            continue
        # The deed's relative pronoun, after an adjective or two ("للدور المحوري الذي").
        for k in range(j + 1, min(j + 4, len(layout.words))):
            if layout.norm(k) in _REL_PRONOUNS:
                # The doer follows the clause's verb, or is named in parentheses after its
                # description ("الذي لعبته بعثة حفظ السلام في مالي (مينوسما)").
                doer = next((m for m in actors if k < m.first <= k + 8 and m.entity.type in ("PER", "ORG")
                             and m.start < s_end), None)
                if doer is None or re.search(r"[،,.:؛]", layout.doc.text[layout.ends[k]:doer.start]):
                    return None
                return doer
        return None
    return None


_REL_PRONOUNS = _ns("الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "اللاتي")


def _subject_before_relative(doc: Doc, layout: Layout, before: list[MentionRef], wi: int) -> MentionRef | None:
    """"X التي انتشرت ... فعل": a person/organisation right before a relative pronoun
    whose clause (no comma, complementizer or other name in it, ≤ 8 words) runs up to the
    verb at ``wi`` is the verb's subject."""
    for j in range(wi - 1, max(-1, wi - 10), -1):
        n = layout.norm(j)
        if n in COMPLEMENTIZERS or any(m.first <= j <= m.last for m in before[-3:]):
            return None
        if n in _REL_PRONOUNS:
            if "،" in doc.text[layout.starts[j]:layout.starts[wi]] or "," in doc.text[layout.starts[j]:layout.starts[wi]]:
                return None
            subj = next((m for m in reversed(before) if m.last == j - 1), None)
            if subj is None or subj.entity.type not in ("PER", "ORG") or _in_pp(doc, layout, subj):
                return None
            return subj
    return None


def _sentence_subject(doc: Doc, layout: Layout, before: list[MentionRef]) -> MentionRef | None:
    """The first person/organisation of the sentence that no preposition governs."""
    for m in before:
        if m.entity.type in ("PER", "ORG") and not _in_pp(doc, layout, m):
            return m
    return None


def _object_of(layout: Layout, lv: int, wi: int, before: list[MentionRef]) -> bool:
    """Is the noun at ``wi`` the light verb's object: only its subject's names (and و,
    or a في right before the noun) in between?"""
    covered = {j for m in before for j in range(m.first, m.last + 1)}
    for j in range(lv + 1, wi):
        n = layout.norm(j)
        if j in covered or n == "و" or (j == wi - 1 and n in _LIGHT_PREPS):
            continue
        # "كثفت قوات التحالف، أمس، غاراتها": a time expression may stand between.
        if n in ("،", ",") or any(t.start <= layout.starts[j] < t.end for t in layout.doc.times):
            continue
        return False
    return True


def _in_l_phrase(layout: Layout, wi: int, m: MentionRef) -> bool:
    """Is there a ل-phrase between the trigger and the mention ("معارضان للرئيس X")?"""
    return any(layout.norm(j).startswith("لل") or layout.prev_norm(j) == "ل" for j in range(wi + 1, m.first + 1))


def _relational(layout: Layout, m: MentionRef) -> bool:
    """Is the mention introduced by a relation word (نائب الرئيس X, مبعوث الأمين العام)?"""
    return layout.norm(m.first - 1) in _RELATIONAL


def _attribution(layout: Layout, m: MentionRef) -> bool:
    """Is the mention the source of a report (بحسب X، نقلا عن X، وفقا لـX)?"""
    return any(layout.norm(j) in _ATTRIB for j in range(max(0, m.first - 2), m.first))


def _norm_tok(layout: Layout, wi: int) -> str:
    n = layout.norm(wi)
    return n[1:] if n[:1] in ("و", "ف") and len(n) > 4 else n


def _dedup(ids: list[str]) -> list[str]:
    out: list[str] = []
    for i in ids:
        if i not in out:
            out.append(i)
    return out


def _level_rank(e: Entity) -> int:
    lvl = e.geo.level if e.geo else None
    return {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}.get(lvl or "", 3)


def find_place(doc: Doc, layout: Layout, hit: Hit, ments: list[MentionRef],
               used: set[str]) -> str | None:
    """The LOC entity where the event happened: a place-marked LOC in its sentence."""
    wi = layout.word_index(hit.start)
    visit = hit.form.pos == "verb" and hit.form.lemma.lemma in _VISIT
    cands = [m for m in ments if m.entity.type == "LOC" and m.entity.id not in used
             and (layout.is_place_use(m) or (hit.type == "CONSULT" and 0 < m.first - wi <= 8)
                  # "سيزور رئيس الأركان، الذي تسلم مهامه الخميس، داماتورو اليوم": a visit
                  # verb's direct object is the place, also after a long subject.
                  or (visit and 0 < m.first - wi <= 16 and layout.prev_norm(m.first) not in _PREPS
                      and layout.prev_norm(m.first) not in _VISIT_BLOCK))]
    if hit.type in SAYING_TYPES:
        # A statement's place is where it was made: right after it, or set at the start
        # of the sentence ("وفي طهران، رفض ...").
        s0 = layout.word_index(doc.sentences[hit.sentence][0])
        cands = [m for m in cands if (0 < m.first - wi <= 6 and normalize("في") in {
            layout.norm(m.first - 1), layout.norm(m.first - 2)}) or (m.last < wi and m.first - s0 <= 8)]
    # "على بعد مائة كلم شمال بوجمبورا": a reference point is not the place; nor is the
    # topic of talks or of a file ("حول الوضع في ليبيا", "ملف الأوضاع في ليبيا").
    cands = [m for m in cands if not _reference_or_topic(doc, layout, m)]
    if not cands:
        return None
    # Nearest after the trigger first (Arabic puts the place after the verb), then before.
    cands.sort(key=lambda m: (0 if m.first > wi else 1, abs(m.first - wi), _level_rank(m.entity)))
    best = cands[0]
    # Prefer a more specific place right next to the chosen one ("في مدينة X بولاية Y").
    for m in cands[1:]:
        if abs(m.first - best.first) <= 4 and _level_rank(m.entity) < _level_rank(best.entity):
            best = m
    # "ميادين المالح وضاحية السلام وسط العريش": a site (or a place geo only put near a
    # known one) inside a town the text names right after it — the event's place is the
    # town (ACLED/gold name the town; the site is too fine or has no gazetteer point).
    best = _town_of_site(doc, layout, best, ments, used) or best
    return _coordinated_country(doc, layout, best) or best.entity.id


#: Words that put a site inside or next to a town: "وسط العريش", "في/ب حلب", "شمالي عدن".
_WITHIN = _ns("وسط", "في", "ب", "داخل", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "شمالي",
              "جنوبي", "شرقي", "غربي", "بمدينة", "بمحافظة", "بمنطقة", "مدينة", "محافظة", "بوسط")
_TOWN_LEVELS = frozenset(("city", "admin2"))
_ADMIN_HEADS = _ns("ولاية", "محافظة", "إقليم", "مقاطعة", "اقليم")


def _town_of_site(doc: Doc, layout: Layout, best: MentionRef, ments: list[MentionRef],
                  used: set[str]) -> MentionRef | None:
    """The town a site lies in, when the text names it within 4 words after the site,
    introduced by وسط/في/ب/شمال… ("ضاحية السلام وسط العريش"); else None."""
    g = best.entity.geo
    if g is None or not (g.level == "site" or g.extra.get("approximate")):
        return None
    # "ولاية لوغار جنوب كابل": a province named as such is no part of the town after it.
    head = normalize(doc.text[best.start:best.end].split(" ")[0]) if best.end > best.start else ""
    if head in _ADMIN_HEADS or head[1:] in _ADMIN_HEADS:
        return None
    for m in ments:
        if m.first <= best.last or m.first - best.last > 4:
            continue
        e = m.entity
        if e.type != "LOC" or e.id in used or e is best.entity or e.geo is None or \
                e.geo.level not in _TOWN_LEVELS:
            continue
        gap = doc.text[best.end:m.start]
        # A new clause or a coordinated second place ("وضاحية X والعريش") is no container.
        if re.search(r"[،,.:؛!?؟]", gap) or re.search(r"(?:^|\s)و$", gap):
            return None
        if layout.prev_norm(m.first) in _WITHIN or layout.norm(m.first - 1) in _WITHIN:
            return m
        return None
    return None


_VISIT = _ns("زار")
_VISIT_BLOCK = _ns("ل", "ب", "بين", "لدى")
_PP_EXTRA = _ns("بين", "ل", "ب", "لدى", "عند", "حول")
_IF = _ns("إذا", "لو", "حال")
_DISTANCE = _ns("كلم", "كم", "كيلومتر", "كيلومترا", "كيلومترات", "كيلو", "ميل", "ميلا", "أميال",
                "متر", "مترا", "أمتار", "بعد")
_TOPIC = _ns("حول", "بشأن", "ملف", "ملفات", "الأوضاع", "الوضع", "أوضاع", "أزمة", "الأزمة", "قضية",
             "مستقبل", "لدعم", "دعم", "الدعم")
#: A title naming a place after a preposition: "المبعوث الأممي إلى ليبيا", "سفير X لدى Y".
_TITLE = _ns("مبعوث", "المبعوث", "سفير", "السفير", "سفيرة", "مندوب", "المندوب", "ممثل", "الممثل")
_TITLE_PREPS = _ns("إلى", "لدى", "في", "ل", "الى")


def _reference_or_topic(doc: Doc, layout: Layout, m: MentionRef) -> bool:
    """Is this LOC a distance reference point or the topic of a phrase (not a setting)?"""
    lo = max(0, m.first - 4)
    # Only look back within the clause: stop at a comma.
    seg = doc.text[layout.starts[lo] if lo < len(layout.starts) else m.start:m.start]
    if "،" in seg or "," in seg:
        lo = layout.word_index(m.start - len(seg) + max(seg.rfind("،"), seg.rfind(",")) + 1)
    back = [layout.norm(j) for j in range(lo, m.first)]
    back += [b[1:] for b in back if b[:1] in ("و", "ل", "ب") and len(b) > 3]
    if any(b in _TITLE for b in back) and layout.prev_norm(m.first) in _TITLE_PREPS:
        return True
    return any(b in _DISTANCE for b in back[-3:]) or any(b in _TOPIC for b in back)


def _coordinated_country(doc: Doc, layout: Layout, best: MentionRef) -> str | None:
    """"في مدينتي الرياض والدمام": two coordinated places of one country → the country,
    when the article names it; of one province ("العريش والشيخ زويد") → that province,
    when the article names it (the event covers both, so the smallest unit holding both)."""
    lvl = best.entity.geo.level if best.entity.geo else None
    country = best.entity.geo.country if best.entity.geo else None
    if not country or lvl not in ("city", "site", "admin2", "admin1"):
        return None
    # The whole chain of places joined by و ("الرمادي والفلوجة والموصل"), both ways.
    chain = [best]
    while True:
        cur = chain[-1]
        nxt = next((m for m in layout.between(cur.end, cur.end + 40) if m.start - cur.end <= 4), None)
        if nxt is None or nxt.entity is cur.entity or nxt.entity.type != "LOC" or \
                doc.text[cur.end:nxt.start].replace("،", " ").strip() != "و" or len(chain) > 12:
            break
        chain.append(nxt)
    while len(chain) <= 12:
        cur = chain[0]
        prv = [m for m in layout.between(max(0, cur.start - 60), cur.start) if cur.start - m.end <= 4]
        if not prv or prv[-1].entity is cur.entity or prv[-1].entity.type != "LOC" or \
                doc.text[prv[-1].end:cur.start].replace("،", " ").strip() != "و":
            break
        chain.insert(0, prv[-1])
    if len(chain) < 2:
        return None
    geos = [m.entity.geo for m in chain]
    if any(not g or g.country != country or g.level != lvl for g in geos):
        return None
    adm = best.entity.geo.admin1
    if adm and all(g.admin1 == adm for g in geos) and lvl != "admin1":
        for e in doc.entities:
            if e.type == "LOC" and e.geo and e.geo.level == "admin1" and e.geo.country == country \
                    and e.geo.admin1 == adm:
                return e.id
    for e in doc.entities:
        if e.type == "LOC" and e.geo and e.geo.level == "country" and e.geo.country == country:
            return e.id
    return None


def dateline_place(doc: Doc, layout: Layout) -> str | None:
    """A LOC mentioned in the article's dateline ("الرياض - ..." / first 6 words)."""
    if not doc.sentences:
        return None
    first_words = layout.starts[6] if len(layout.starts) > 6 else len(doc.text)
    head = doc.text[:first_words]
    if not re.search(r"[-–—:/(]", head):
        return None
    for m in layout.mentions:
        if m.start >= first_words:
            break
        if m.entity.type == "LOC":
            return m.entity.id
    return None


def find_time(doc: Doc, hit: Hit, cumulative: bool = False) -> dict | None:
    """The time expression of the trigger's sentence nearest to it, or None."""
    return find_time_ex(doc, hit, cumulative)[0]


def _dates_the_event(doc: Doc, hit: Hit, rel: tuple[int, str], sent_hits: list[Hit]) -> bool:
    """"قتل 5 جنود في الهجوم الذي وقع أمس": a relative clause that dates a happening noun
    of the event's own type (right before the pronoun) gives the event's time."""
    pos, verb = rel
    if verb not in _HAPPENED:
        return False
    return any(o.type == hit.type and o.end <= pos and not doc.text[o.end:pos].strip()
               for o in [hit, *sent_hits])


def time_scope_of(doc: Doc, k: int) -> dict:
    """The time stage's ``time_scope`` entry for ``doc.times[k]`` ({} when absent)."""
    sc = doc.scratch.get("time_scope")
    if isinstance(sc, list) and len(sc) == len(doc.times) and 0 <= k < len(sc):
        return sc[k] or {}
    return {}


def find_time_ex(doc: Doc, hit: Hit, cumulative: bool = False,
                 sent_hits: list[Hit] = (), info: dict | None = None) -> tuple[dict | None, bool]:
    """(time, foreign): the nearest time expression of the trigger's sentence that is
    its own; ``foreign`` is true when the sentence has times but all belong to other
    predicates (a relative clause's verb; for a statement, a later reporting clause).
    ``sent_hits``: the sentence's trigger hits (a relative clause dating one of the
    event's type keeps its time). ``info``, when given, receives the chosen time's
    ``time_scope`` entry (``scope``/``days``/``role``)."""
    if not doc.sentences:
        return None, False
    s, e = doc.sentences[hit.sentence]
    best = None
    foreign = False
    charge = _charge_before(doc.text, s, hit)
    weak: list[Time] = []
    for k, t in enumerate(doc.times):
        if s <= t.start < e and t.value and (t.precision != "duration" or cumulative):
            role = time_scope_of(doc, k).get("role")
            if role == "birth" or t.extra.get("before_event"):
                # "من مواليد العام 1415هـ" dates a person, "قبل 48 ساعة من بدء اللقاء" is
                # counted from another event: neither is a time point of this event.
                continue
            if t.end <= hit.start and charge is not None and t.end <= charge:
                # "دين الشهر الماضي ب12 تهمة قتل": the conviction's time, not the killing's.
                foreign = True
                continue
            if t.end <= hit.start and _closed_relative(doc, s, t, hit, sent_hits):
                # "مطلق النار الذي قتل … في 2012 …، … اطلاق سراح": the time of a relative
                # clause that has closed before the event. A past one is never the event's;
                # a recent one ("المظاهرة التي انطلقت صباح الأربعاء …، فرقت") is kept as a
                # last resort when the sentence has no other time.
                if time_scope_of(doc, k).get("scope") != "past":
                    weak.append(t)
                foreign = True
                continue
            rel = _relative_clause(doc.text, hit.end, t.start) if t.start >= hit.end else None
            if t.start >= hit.end and ((rel is not None and not _dates_the_event(doc, hit, rel, sent_hits)) or (
                    hit.type in SAYING_TYPES and _new_report_clause(doc.text, hit.end, t.start))):
                # "اجتمع X ... والتي بدأت يومي الثلاثاء": the time of the relative
                # clause's own verb; "داعية طهران ...، أكد الوزير صباح أمس": a statement
                # followed by another one — the time is the later report's. (After a
                # happening, "قتل 5 أشخاص، قالت الشرطة الأحد", the report's day stays the
                # best estimate of the event's.)
                foreign = True
                continue
            d = abs(t.start - hit.start)
            if best is None or d < best[0]:
                best = (d, t)
    if best is None and weak:
        best = (0, weak[-1])
    if best is None:
        return None, foreign
    t = best[1]
    if info is not None:
        info.update(time_scope_of(doc, doc.times.index(t)))
    return {"value": t.value, "precision": t.precision}, False


#: Charge words: the event noun after them is what someone is accused of ("بتهمة قتل").
_CHARGE = _ns("تهمة", "تهم", "بتهمة", "بتهم", "التهم", "تهمتي", "بتهمتي", "تهمه", "بتهمه")


def _charge_before(text: str, s: int, hit: Hit) -> int | None:
    """Offset of a charge word right before the trigger ("بتهمة قتل"), or None."""
    words = list(re.finditer(r"\S+", text[s:hit.start]))[-1:]
    for m in words:
        w = normalize(m.group())
        if w in _CHARGE or (w[:1] in "وب" and w[1:] in _CHARGE):
            return s + m.start()
    return None


_REL_SPAN = 10  # words from a relative pronoun to a time still inside its clause


def _closed_relative(doc: Doc, s: int, t: Time, hit: Hit, sent_hits: list[Hit]) -> bool:
    """A time before the trigger inside a relative clause (الذي/التي …) that closes (a
    comma or another relative pronoun) before the trigger: the clause's verb owns it —
    unless the clause dates a happening ("الهجوم الذي وقع أمس") and the event is no statement."""
    rel = _relative_clause(doc.text, s, t.start)
    if rel is None or len(doc.text[rel[0]:t.start].split()) > _REL_SPAN:
        return False  # (a far pronoun: the clause has likely ended without a mark)
    gap = doc.text[t.end:hit.start]
    if not (re.search(r"[،,؛]", gap) or _RELATIVE.search(gap)):
        return False
    if rel[1] in _HAPPENED and hit.type not in SAYING_TYPES:
        return False  # "الهجوم الذي وقع في 20 يوليو …، شرارة اعمال العنف": the setting
    return not _dates_the_event(doc, hit, rel, sent_hits)


_COMMA_WORD = re.compile(r"[،,]\s*(?:«[^»]*»\s*)?([\u0621-\u064a]+)")


def _new_report_clause(text: str, lo: int, hi: int) -> bool:
    """Does a new reporting clause ("، أكد X", "، وقال Y") start in text[lo:hi]?"""
    from rasd.events.quotes import is_speech_verb

    seg = text[lo:hi]
    if "،" not in seg and "," not in seg:
        return False
    return any(is_speech_verb(normalize(m.group(1))) for m in _COMMA_WORD.finditer(seg))


_RELATIVE = re.compile(r"(?:^|\s)(?:ال|و?ال)?(?:ذي|تي|ذين|لذين|لتين|لواتي|لاتي)\s")


def _relative_clause(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    """A relative clause (الذي/التي …) opening in text[lo:hi] and running on to hi:
    (offset of the relative pronoun, its clause's first word normalised), or None."""
    seg = text[lo:hi]
    m = None
    for m in _RELATIVE.finditer(seg):
        pass
    if m is None or re.search(r"[،,.:؛]", seg[m.end():]):
        return None
    verb = seg[m.end():].split()[:1]
    return lo + m.start(), normalize(verb[0]) if verb else ""


def _in_relative_clause(text: str, lo: int, hi: int) -> bool:
    """Does a relative clause (الذي/التي …) open in text[lo:hi] and run on to hi?"""
    return _relative_clause(text, lo, hi) is not None


#: Verbs of a relative clause that date its antecedent happening ("الذي وقع أمس").
_HAPPENED = _ns("وقع", "وقعت", "حدث", "حدثت", "جرى", "جرت", "نفذ", "نفذت", "شن", "شنت", "تم",
                "اندلع", "اندلعت", "استهدف", "استهدفت")


#: Intention or striving before a verbal noun: "أعلن نيته الاستقالة"، "سعي X إلى التوصل".
_INTENT = _ns("نية", "نيته", "نيتها", "نيتهم", "بنية", "بنيته", "بنيتها", "سعي", "سعيه", "سعيها",
              "سعيهم", "يسعى", "تسعى", "يسعون", "مساعي", "المرتقب", "المرتقبة")
#: A following adjective that puts the event ahead: "الاجتماع المقبل"، "حصار العاصمة المرتقب".
_PROSPECTIVE_ADJ = _ns("المرتقب", "المرتقبة", "المزمع", "المزمعة", "المقبل", "المقبلة", "المقترح",
                       "المقترحة", "المنتظر", "المنتظرة", "المرتقبه", "القادم", "القادمة", "المحتمل",
                       "المحتملة")
#: Result verbs negated before a result noun: "لم تسفر أي منهما عن مقتل أحد".
_RESULT_VERBS = _ns("تسفر", "يسفر", "تسفرا", "يسفرا", "تؤد", "يؤد", "تؤدي", "يؤدي", "تسفر", "يسجل",
                    "تسجل", "تظهر", "يظهر", "يقع", "تقع", "يحدث", "تحدث")


_NEG_VERB, _WITHOUT, _AN = _ns("لم", "لن", "لا"), _ns("دون", "بدون"), _ns("أن", "ان")
_IN_CASE = (_ns("في", "وفي"), normalize("حالة"))


def _negated_result(prev: list[str]) -> bool:
    """"لم تسفر أي منهما عن مقتل"، "من دون أن تظهر بوادر قصف": a negated result or
    appearance verb (or دون أن) within the words before governs the event noun."""
    for k, p in enumerate(prev):
        nxt = prev[k + 1] if k + 1 < len(prev) else ""
        if p in _NEG_VERB and nxt in _RESULT_VERBS:
            return True
        if p in _WITHOUT and nxt in _AN:
            return True
    return False


def find_status(layout: Layout, hit: Hit) -> str:
    """completed / ongoing / planned / negated / hypothetical from the words around."""
    wi = layout.word_index(hit.start)
    prev = [layout.norm(j) for j in range(max(0, wi - 4), wi)]
    prev_far = [layout.norm(j) for j in range(max(0, wi - 8), wi)]
    if prev and (prev[-1] in STILL or any(p in ONGOING for p in prev[-2:])):
        return "ongoing"
    if any(p in NEGATORS for p in prev[-2:]) and not any(p in STILL for p in prev[-2:]):
        return "negated"
    if any(p in DENY for p in prev_far):
        return "negated"
    s0 = layout.word_index(layout.doc.sentences[hit.sentence][0]) if hit.sentence is not None and (
        hit.sentence < len(layout.doc.sentences)) else 0
    if _negated_result(prev_far[max(0, len(prev_far) - (wi - s0)):]):
        return "negated"  # (only words of its own sentence)
    if hit.proclitic.endswith("س") or any(p in PLANNED for p in prev) or any(
            p in _INTENT for p in prev[-3:]):
        return "planned"
    if layout.norm(wi + 1) in _PROSPECTIVE_ADJ or (
            layout.norm(wi + 2) in _PROSPECTIVE_ADJ and hit.form.pos == "noun"):
        return "planned"  # "حصار العاصمة المرتقب", "الاجتماع المقبل"
    if any(p in HYPOTHETICAL for p in prev[-3:]) and hit.tense == "impf":
        return "hypothetical"
    if any(p in _IF for p in prev) or any(
            a in _IN_CASE[0] and b == _IN_CASE[1] for a, b in zip(prev, prev[1:])):
        return "hypothetical"  # (also "في حالة وجدت أنه ...")
    if hit.tense == "impf":
        return "ongoing"
    return "completed"


def find_mode(doc: Doc, hit: Hit) -> str | None:
    """PLOVER mode: from the lemma, else (ASSAULT) from weapon words in the sentence."""
    if hit.form.lemma.mode:
        m = hit.form.lemma.mode
        if hit.type == "ASSAULT" and m in ("explosives", "shelling"):
            # A suicide bombing or an air strike says more than "explosives".
            s, e = doc.sentences[hit.sentence]
            words = set(norm_text(doc.text[s:e]).split())
            for name, keys in ASSAULT_MODES[:2]:
                if words & keys:
                    return name
        return m
    if hit.type != "ASSAULT":
        return None
    s, e = doc.sentences[hit.sentence]
    words = set(re.findall(r"[\u0621-\u064a]+", norm_text(doc.text[s:e])))
    for name, keys in ASSAULT_MODES:
        if words & keys:
            return name
    return None


def find_context(doc: Doc, hit: Hit) -> list[str]:
    """Context labels (peacekeeping, terrorism, ...) from the sentence's words."""
    s, e = doc.sentences[hit.sentence]
    n = norm_text(doc.text[s:e])
    return [name for name, rx in CONTEXTS if rx.search(n)]
