"""Trigger finding: lexicon look-ups over the tokens of a Doc, with context checks."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.doc import Doc, Token
from rasd.events.lexicon import Form, Lexicon
from rasd.text.normalize import normalize

#: Tense preference when a surface form is ambiguous (قتل: perfect, passive or noun).
_TENSE_RANK = {"perf": 0, "pass": 1, "noun": 2, "impf": 3}
#: Words after which a noun is a name part or a non-event use ("طائرة مسيرة" = a drone).
_BLOCK_PREV = {normalize(w) for w in ("طائرة", "طائرات", "الطائرة", "الطائرات")}


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

    @property
    def weak(self) -> bool:
        return self.form.lemma.weak

    @property
    def tense(self) -> str:
        return self.form.tense


def _bare(w: str) -> str:
    """A token's norm without a leading و/ف/ب/ل and article, for 'needs' checks."""
    for p in ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف"):
        if w.startswith(p) and len(w) - len(p) >= 2:
            return w[len(p):]
    return w


def _word_tokens(doc: Doc) -> list[int]:
    return [i for i, t in enumerate(doc.tokens) if not t.clitic and t.is_word]


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
    ent_spans = _inside_entity(doc)
    hits: list[Hit] = []
    for k, ti in enumerate(words):
        t = toks[ti]
        w = t.norm or normalize(t.text)
        if len(w) < 2 or not ("\u0621" <= w[0] <= "\u064a"):
            continue
        analyses = lex.lookup(w)
        if not analyses:
            continue
        if any(s <= t.start and t.end <= e for s, e in ent_spans):
            continue
        prev_norm = toks[words[k - 1]].norm if k > 0 else ""
        seen: set[str] = set()
        analyses.sort(key=lambda a: (_TENSE_RANK.get(a[0].tense, 9), a[0].lemma.weak))
        for form, pro, enc in analyses:
            lem = form.lemma
            key = lem.type + "|" + lem.lemma
            if key in seen:
                continue
            if lem.needs_after:
                nxt = {_bare(toks[j].norm) for j in words[k + 1: k + 4]} | {
                    toks[j].norm for j in words[k + 1: k + 4]}
                if not nxt & set(lem.needs_after) and not nxt & {_bare(x) for x in lem.needs_after}:
                    continue
            if lem.needs_before:
                prv = {toks[j].norm for j in words[max(0, k - 4): k]}
                prv |= {_bare(x) for x in prv}
                if not prv & (set(lem.needs_before) | {_bare(x) for x in lem.needs_before}):
                    continue
            if form.pos == "noun" and prev_norm in _BLOCK_PREV:
                continue
            seen.add(key)
            hits.append(Hit(ti, t.start, t.end, t.sentence, lem.type, form, pro, enc))
    return hits
