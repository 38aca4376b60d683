"""Trigger finding: lexicon look-ups over the tokens of a Doc, with context checks."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rasd.cache import TwoGen
from rasd.doc import Doc, Token
from rasd.events.lexicon import Form, Lexicon
from rasd.text.normalize import normalize
from rasd.text.tokens import word_frequencies

#: Tense preference when a surface form is ambiguous (قتل: perfect, passive or noun).
_TENSE_RANK = {"perf": 0, "pass": 1, "noun": 2, "impf": 3}
#: Words after which a noun is a name part or a non-event use ("طائرة مسيرة" = a drone).
_BLOCK_PREV = {normalize(w) for w in ("طائرة", "طائرات", "الطائرة", "الطائرات")}
_TOPIC = {normalize(w) for w in ("حول", "بشأن", "بخصوص")}
#: Commentators: a warning by experts or analysts ("يحذر خبراء أمنيون من أن") is an
#: assessment, not a threat by an actor.
_COMMENTATORS = {normalize(w) for w in (
    "خبراء", "خبير", "الخبراء", "الخبير", "محللون", "محللين", "محلل", "المحللون", "المحللين",
    "مراقبون", "مراقبين", "المراقبون", "المراقبين", "باحثون", "باحثين", "الباحثون", "باحث",
    "دراسة", "الدراسة", "علماء", "العلماء", "مختصون", "المختصون", "أطباء", "الأطباء")}


_ALA = normalize("على")
_MIN = normalize("من")
#: (Not the causal إثر/جراء/بسبب: "جراء قصف X" keeps its verb reading, whose "agent"
#: rules give X as the doer, and the stage's doubt rules treat the two alike.)
_NOUN_PREPS = {normalize(w) for w in (
    "منذ", "عن", "على", "إلى", "الى", "بعد", "قبل", "في", "خلال", "حول", "ضد", "عقب", "لدى", "بشأن")}
_CONSTRUCT = {normalize(w) for w in (
    "جريمة", "جرائم", "عملية", "عمليات", "محاولة", "محاولات", "حادثة", "حادث", "حوادث", "قضية", "قضايا",
    "تهمة", "تهم", "واقعة", "وقائع", "مسؤولية", "ذكرى")}
#: Words that govern "من + verbal noun" from a few words away ("تمكن الجيش أمس من قتل").
_MIN_GOVERNORS = {normalize(w) for w in (
    "تمكن", "تمكنت", "تمكنوا", "يتمكن", "تتمكن", "يتمكنون", "مكن", "مكنت", "منع", "منعت", "يمنع",
    "تمنع", "حذر", "حذرت", "يحذر", "تحذر", "خوفا", "خشية", "بدلا", "بدل", "المزيد", "مزيد")}


@dataclass
class Hit:
    """One trigger occurrence."""

    tok: int
    start: int
    end: int
    sentence: int
    type: str
    form: Form
    proclitic: str
    enclitic: str
    #: (form, proclitic, enclitic) of the verbal noun when a preposition or construct noun
    #: before the word rules the verb out ("منذ خطف X"، "لجريمة قتل").
    alt: tuple | None = None

    def as_noun(self) -> "Hit":
        """This hit read as its verbal noun (itself when there is no such reading)."""
        if self.alt is None:
            return self
        form, pro, enc = self.alt
        return Hit(self.tok, self.start, self.end, self.sentence, self.type, form, pro, enc)

    @property
    def weak(self) -> bool:
        return self.form.lemma.weak

    @property
    def tense(self) -> str:
        return self.form.tense


# token norm → bare form; two generations of 50k words (rasd.cache)
_BARE = TwoGen(50_000)


def _bare(w: str) -> str:
    """A token's norm without a leading و/ف/ب/ل and article, for 'needs' checks."""
    b = _BARE[w]
    if b is None:
        b = _BARE.put(w, _bare_uncached(w))
    return b


def _commentator(w: str) -> bool:
    return w in _COMMENTATORS or _bare(w) in _COMMENTATORS


def _bare_uncached(w: str) -> str:
    for p in ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف"):
        if w.startswith(p) and len(w) - len(p) >= 2:
            return w[len(p):]
    return w


# token text → its letters; two generations of 50k words (rasd.cache)
_LETTERS = TwoGen(50_000)


def _letters(text: str) -> str:
    """The token's letters (what normalisation keeps) plus shadda, memoised."""
    r = _LETTERS[text]
    if r is None:
        r = _LETTERS.put(text, "".join(c for c in text if normalize(c) or c == "\u0651"))
    return r


def _word_tokens(doc: Doc) -> list[int]:
    # Token.is_word inlined: this runs over every token of every article.
    return [i for i, t in enumerate(doc.tokens)
            if not t.clitic and t.text and (t.text[0].isalpha() or t.text[0].isdigit())]


def _inside_entity(doc: Doc) -> list[tuple[int, int]]:
    spans = []
    for e in doc.entities:
        for m in e.mentions:
            # Only multi-word names: a one-word mention may itself be a trigger
            # (e.g. a NER mistake on "الاحتجاجات").
            if " " in m.text.strip():
                spans.append((m.start, m.end))
    return spans


def find_hits(doc: Doc, lex: Lexicon) -> list[Hit]:
    """Every trigger occurrence in ``doc`` whose context requirements hold."""
    toks: list[Token] = doc.tokens
    words = _word_tokens(doc)
    ent_spans = sorted(_inside_entity(doc))
    ent_starts = [x[0] for x in ent_spans]
    hits: list[Hit] = []
    consumed: set[int] = set()  # tokens that complete an earlier trigger (رفع العقوبات)
    memo = lex.__dict__.setdefault("_cache", {})
    for k, ti in enumerate(words):
        t = toks[ti]
        w = t.norm or normalize(t.text)
        # Most words are no trigger: a memoised empty analysis ends them cheaply.
        found_an = memo.get(w)
        if found_an is None:
            if len(w) < 2 or not ("\u0621" <= w[0] <= "\u064a"):
                continue
            found_an = lex.analyses(w)
        if not found_an or ti in consumed:
            continue
        if len(w) < 2 or not ("\u0621" <= w[0] <= "\u064a"):
            continue
        analyses = list(found_an)
        i = bisect_right(ent_starts, t.start) - 1
        if any(ent_spans[x][0] <= t.start and t.end <= ent_spans[x][1] for x in range(max(0, i - 3), i + 1)):
            continue
        prev_norm = toks[words[k - 1]].norm if k > 0 else ""
        raw = _letters(t.text)
        ends_ta = raw.endswith("ة")
        shadda = "\u0651" in t.text
        conj_before = ti > 0 and toks[ti - 1].clitic and toks[ti - 1].norm in ("و", "ف")
        # A detached preposition governs a noun: "ب قتل" is the verbal noun, never the
        # perfect verb; after ل a perfect or passive verb is impossible too (ليقتل is fine).
        prep_before = toks[ti - 1].norm if ti > 0 and toks[ti - 1].clitic and toks[ti - 1].norm in (
            "ب", "ك", "ل") else ""
        # A separate preposition or a construct noun governs a verbal noun too: "منذ خطف
        # X"، "أقدم على قتل"، "لجريمة قتل زوجته X"، "تمكن الجيش من قتل" (not "من قتل؟").
        noun_slot = False
        if k > 0 and not prep_before:
            pt = toks[words[k - 1]]
            pb = _bare(prev_norm)
            if prev_norm in _NOUN_PREPS or pb in _CONSTRUCT or prev_norm in _CONSTRUCT:
                noun_slot = prev_norm != _ALA or pt.text.endswith("ى")
            elif prev_norm == _MIN:
                noun_slot = any(toks[j].norm in _MIN_GOVERNORS or _bare(toks[j].norm) in _MIN_GOVERNORS
                                for j in words[max(0, k - 7): k - 1])
        freqs = word_frequencies()
        seen: set[str] = set()
        analyses.sort(key=lambda a: (_TENSE_RANK.get(a[0].tense, 9), a[0].lemma.weak))
        for form, pro, enc in analyses:
            lem = form.lemma
            key = lem.type + "|" + lem.lemma
            if key in seen:
                continue
            # A ة cannot take a pronoun suffix: وزارة is not "و + زار + ه".
            if ends_ta and enc:
                continue
            if prep_before and form.pos == "verb" and (prep_before != "ل" or form.tense != "impf"):
                continue
            alt = None
            if noun_slot and form.pos == "verb":
                # The verbal noun reading of the same lemma. The hit keeps the verb form for
                # the classifier (its features are those it was trained with); the stage
                # reads the arguments with ``as_noun()``.
                alt = next((a for a in analyses if a[0].pos == "noun" and a[0].lemma is lem), None)
            # A clitic stripped here (not by the tokeniser) must leave a likelier word:
            # فائدة is not "ف + أيّده".
            if pro[:1] in ("و", "ف", "ب", "ك", "ل") and freqs.get(w, 0) > max(
                    250, freqs.get(w[len(pro):], 0)):
                continue
            if lem.ambig3 and form.tense in ("perf", "pass") and not enc and w[len(pro):] == lem.lemma \
                    and not (shadda or conj_before or pro[:1] in ("و", "ف")):
                continue  # طالب، صوت، ثمن as nouns
            if lem.needs_after:
                want = set(lem.needs_after) | {_bare(x) for x in lem.needs_after}
                found = [j for j in words[k + 1: k + 4] if toks[j].norm in want or _bare(toks[j].norm) in want]
                if not found:
                    continue
                consumed.add(found[0])
            if lem.needs_before:
                prv = {toks[j].norm for j in words[max(0, k - 8): k]}
                prv |= {_bare(x) for x in prv}
                if not prv & (set(lem.needs_before) | {_bare(x) for x in lem.needs_before}):
                    continue
            if form.pos == "noun" and prev_norm in _BLOCK_PREV:
                continue
            if lem.type == "THREATEN" and form.pos == "verb" and (
                    _commentator(toks[words[k + 1]].norm if k + 1 < len(words) else "")
                    or _commentator(prev_norm)):
                continue  # "يحذر خبراء من ..." / "الخبراء يحذرون": analysts' warning
            # The topic of talks or the content of a demand is not an event itself
            # ("المناقشات حول تقديم الدعم"، "للمطالبة بإطلاق سراح").
            if lem.type != "REQUEST" and (prev_norm in _TOPIC or any(
                    x.type == "REQUEST" and x.tok in words[max(0, k - 2): k] for x in hits[-3:])):
                continue
            seen.add(key)
            hits.append(Hit(ti, t.start, t.end, t.sentence, lem.type, form, pro, enc, alt))
    return hits
