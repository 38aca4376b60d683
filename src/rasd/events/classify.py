"""Sentence-level event-type classifier: logistic regression over word n-grams and the
lexicon's trigger features, shipped as a small JSON file of weights (no numpy needed).

The model ``data/event_clf.json`` is trained by ``scripts/train_events_clf.py`` on the
OEDA Arabic event GSR sentences (ASSAULT, PROTEST); when it is absent the stage runs on
the lexicon alone. It answers "does this sentence report an actual event of type T?",
which the lexicon cannot: a sentence that only talks *about* killings or protests has
the same trigger words.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

from rasd.text.normalize import normalize

_WORD = re.compile(r"[\u0621-\u064a]+|[0-9]+")
#: Bump when :func:`features` or :func:`lex_features` change (the model must be retrained).
FEATURES_VERSION = 5
#: Set by the CV benchmark to score held-out folds with fold models; None in use.
_override: "Classifier | None" = None


def _strip(w: str) -> str:
    for p in ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل"):
        if w.startswith(p) and len(w) - len(p) >= 3:
            return w[len(p):]
    return w


def features(text: str, lex: Iterable[str] = ()) -> list[str]:
    """Word unigrams/bigrams (with clitic-stripped copies and 4-letter prefixes) plus the
    lexicon features ``lex`` (see :func:`lex_features`)."""
    ws = _WORD.findall(normalize(text))
    out = []
    for w in ws:
        b = _strip(w)
        out.append("w:" + b)
        if len(b) >= 5:
            out.append("p:" + b[:4])
        if w.isdigit():
            out.append("num")
    for a, b in zip(ws, ws[1:]):
        out.append("b:" + _strip(a) + "_" + _strip(b))
    out.extend(lex)
    out.extend(text_features(text))
    return out


def lex_features(hits: list, text_len: int) -> list[str]:
    """Features from the trigger hits of one sentence (:class:`rasd.events.detect.Hit`)."""
    out = []
    for h in hits:
        out.append(f"lex:{h.type}")
        out.append(f"lex:{h.type}:{h.form.tense}")
        out.append(f"lex:{h.type}:{h.form.lemma.lemma}")
        if h.weak:
            out.append(f"lex:{h.type}:weak")
        if h.proclitic.endswith("س"):
            out.append("lex:future")
    if not hits:
        out.append("lex:none")
    for t in {h.type for h in hits}:
        verbs = [h for h in hits if h.type == t and h.form.pos == "verb"]
        if any(h.form.tense in ("perf", "pass") for h in verbs):
            out.append(f"lex:{t}:verbpast")
        if not verbs:
            out.append(f"lex:{t}:nounonly")
    out.append("len:" + str(min(text_len // 80, 5)))
    return out


def _ns(*words: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


#: Word classes that a few dozen labelled sentences cannot learn word by word: weapons
#: and methods (PLOVER ASSAULT is unconventional violence — bombs, assassinations,
#: abductions — not military combat), casualty nouns, generic/opinion words, reporting
#: verbs, time words, and for protests crowd sizes, places, slogans and protest verbs.
#: Each class fires once ("g:NAME") and again when two of its words occur ("g2:NAME").
WORD_GROUPS: dict[str, frozenset[str]] = {
    "suicide": _ns("انتحاري", "انتحارية", "انتحاريات", "انتحاريين", "انتحاريون", "ناسف", "ناسفة"),
    "aerial": _ns("غارة", "غارات", "طائرة", "طائرات", "مروحية", "مروحيتين", "مروحيات", "طيران",
                  "جوية", "جوي", "درون"),
    "explosives": _ns("عبوة", "مفخخة", "قنبلة", "قنابل", "تفجير", "انفجار", "لغم", "ألغام", "متفجرات",
                      "تفجيرات", "انفجارات"),
    "shelling": _ns("قذيفة", "قذائف", "مدفعية", "هاون", "صاروخ", "صواريخ", "بصاروخ", "قصف", "مدفعي"),
    "firearms": _ns("رصاص", "برصاص", "نار", "النار", "نيران", "رشاش", "قناص", "بنادق", "طلقات",
                    "مسلح", "مسلحون", "مسلحين"),
    "kidnap": _ns("خطف", "اختطف", "اختطاف", "رهائن", "رهينة", "مخطوف", "المخطوفين", "خاطفين",
                  "خطفوا"),
    "assassin": _ns("اغتيال", "اغتال", "اغتيل", "اغتالوا"),
    "military": _ns("الجيش", "القوات", "قوات", "جيش", "العسكرية", "عسكرية", "عسكري", "الجنود", "جنود",
                    "معارك", "المعارك", "اشتباكات", "الاشتباكات", "اشتباك", "حملة", "عملية", "العملية",
                    "العمليات"),
    "casnoun": _ns("قتيل", "قتيلا", "قتلى", "القتلى", "جريح", "جريحا", "جرحى", "الجرحى", "مقتل",
                   "اصابة", "بجروح", "ضحايا", "الضحايا", "حتفهم", "مصرع", "استشهاد", "شهيد", "شهداء"),
    "generic": _ns("الارهاب", "العنف", "الاعتداءات", "الهجمات", "الاغتيالات", "العمليات", "الجرائم",
                   "التفجيرات", "هجمات", "اعمال", "ظاهرة"),
    "opinion": _ns("يجب", "ينبغي", "يمكن", "ربما", "لعل", "اذا", "لو", "سوف", "قد", "ان", "كل", "مثل",
                   "هذا", "هذه", "ذلك", "تلك", "ضد", "نحن", "انا", "انهم", "لكن", "لأن", "لان"),
    # Intent, prevention, plans and threats: the violence has not (yet) happened.
    "intent": _ns("منع", "يمنع", "تمنع", "لمنع", "منعها", "منعه", "منعهم", "احباط", "لاحباط", "أحبط",
                  "أحبطت", "بهدف", "تهدف", "يهدف", "لتوجيه", "خطة", "خطط", "يخطط", "تخطط", "مخطط",
                  "محاولة", "محاولات", "حاول", "يحاول", "تحاول", "ينوي", "تنوي", "يعتزم", "تعتزم",
                  "تستعد", "يستعد", "احتمال", "تهديد", "تهديدات", "تهدد", "يهدد", "مؤامرة", "للقيام"),
    "neg": _ns("لم", "لن", "لا", "ليس", "عدم", "دون", "بدون", "نفى", "نفت"),
    "report": _ns("قال", "قالت", "اعلن", "اعلنت", "افاد", "افادت", "ذكر", "ذكرت", "اكد", "اكدت", "اوضح",
                  "اضاف", "مصدر", "مصادر", "الشرطة", "شهود", "بيان", "مسؤول", "متحدث"),
    "when": _ns("امس", "اليوم", "الليلة", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس",
                "الجمعة", "صباح", "مساء", "فجر", "ظهر", "ليل", "الماضي", "الماضية"),
    "crowd": _ns("الاف", "الالاف", "مئات", "المئات", "عشرات", "العشرات", "حشود", "الحشود", "جماهير",
                 "حوالي", "نحو"),
    "street": _ns("ساحة", "شوارع", "الشوارع", "امام", "مقر", "السفارة", "وسط", "ميدان", "الطريق", "مبنى",
                  "البرلمان"),
    "slogan": _ns("هتف", "هتفوا", "هتافات", "شعارات", "لافتات", "يافطات", "رفع", "رفعوا", "حمل", "حملوا",
                  "رددوا", "يرددون", "صور", "الاعلام"),
    "protverb": _ns("تظاهر", "تظاهرت", "تظاهروا", "اعتصم", "اعتصموا", "خرج", "خرجوا", "نزل", "نزلوا",
                    "احتج", "احتجوا", "تجمع", "تجمعوا", "احتشد", "احتشدوا", "سار", "ساروا", "نظم",
                    "نظموا", "نظمت", "اندلعت", "شارك", "شاركوا"),
    "police": _ns("الشرطة", "قوات", "الامن", "فرقت", "تفريق", "الغاز", "المسيل", "اعتقلت", "اعتقال",
                  "اعتقلوا", "اوقف", "اوقفت"),
    "politics": _ns("المعارضة", "الثورة", "الحكومة", "الانتخابات", "حزب", "الحزب", "الرئيس", "النظام",
                    "السياسية", "الديمقراطية", "الثورية"),
}
_YEAR = re.compile(r"\b(?:19|20)[0-9][0-9]\b")
_LIST_ITEM = re.compile(r"(?:^|\s)[-ـ–]?\s*[0-9]+\s*[:ـ-]")


def group_features(norm_text: str) -> list[str]:
    """Word-class features (:data:`WORD_GROUPS`) and shape cues of a normalised sentence."""
    ws = _WORD.findall(norm_text)
    bare = set()
    for w in ws:
        bare.add(w)
        bare.add(_strip(w))
        if w.startswith("و") and len(w) > 3:
            bare.add(w[1:])
    out = []
    for g, keys in WORD_GROUPS.items():
        k = len(bare & keys)
        if k:
            out.append("g:" + g)
        if k >= 2:
            out.append("g2:" + g)
    # A protest verb with a crowd size or a time word: the shape of a protest report
    # ("تظاهر الآلاف أمس ...") rather than of talk about protests or protesters' slogans.
    if "g:protverb" in out and ("g:crowd" in out or "g:when" in out):
        out.append("c:protest_report")
    if _YEAR.search(norm_text):
        out.append("year")  # often a recalled past event, not today's news
    if any(c.isdigit() for c in norm_text):
        out.append("digit")
    if _LIST_ITEM.search(norm_text[:12]):
        out.append("listitem")  # a chronology entry ("20: تفجير ...")
    return out


def text_features(text: str) -> list[str]:
    """Cheap cues of a concrete report: a toll, a day word, a question, quotation marks,
    and the word classes of :func:`group_features`."""
    from rasd.events.numbers import casualties

    out = []
    d, i = casualties(text)
    if d is not None:
        out.append("cas:dead")
    if i is not None:
        out.append("cas:inj")
    n = normalize(text)
    if re.search(r"\b(?:امس|اليوم|الليله|صباح|مساء|فجر)\b", n):
        out.append("day")
    if "؟" in text or "?" in text:
        out.append("question")
    if any(c in text for c in "«»“”\""):
        out.append("quoted")
    out.extend(group_features(n))
    return out


class Classifier:
    """One-vs-rest logistic regression: type → (bias, weights, threshold), with an
    optional monotone rescaling ``calibration = [a, b]`` per type (probability =
    sigmoid(a·z + b) of the raw score z; the training script sets it so that the stage's
    veto point means the same for every model, see scripts/train_events_clf.py)."""

    def __init__(self, data: dict) -> None:
        self.models: dict[str, tuple[float, dict[str, float], float]] = {
            t: (float(m["bias"]), dict(m["weights"]), float(m.get("threshold", 0.5)))
            for t, m in data["models"].items()}
        self.calibration: dict[str, tuple[float, float]] = {
            t: (float(m["calibration"][0]), float(m["calibration"][1]))
            for t, m in data["models"].items() if m.get("calibration")}
        self.types = set(self.models)
        self.meta = data.get("meta", {})

    def predict(self, text: str, lex: Iterable[str] = ()) -> dict[str, float]:
        """Probability per type that the sentence reports an event of that type."""
        fs = set(features(text, lex))
        out = {}
        for t, (b, w, _) in self.models.items():
            z = b + sum(w.get(f, 0.0) for f in fs)
            if t in self.calibration:
                a, c = self.calibration[t]
                z = a * z + c
            out[t] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return out

    def threshold(self, typ: str) -> float:
        """The decision threshold chosen for ``typ`` in training (by cross-validation)."""
        return self.models[typ][2]


@lru_cache(maxsize=1)
def _load() -> Classifier | None:
    try:
        text = resources.files("rasd.events").joinpath("data/event_clf.json").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return Classifier(json.loads(text))


def load_classifier() -> Classifier | None:
    """The shipped classifier (or a CV fold's, during benchmarking), or None."""
    return _override if _override is not None else _load()


load_classifier.cache_clear = _load.cache_clear  # type: ignore[attr-defined]
