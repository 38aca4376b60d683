"""The NER stage: CRF-tagged mentions as one Entity each (``doc.entities``).

The pipeline's tokens have proclitics split off (``و`` + ``الرياض``); the model was trained
on ANERcorp's whitespace tokens, where clitics stay attached. So each clitic token is glued
back onto its host for tagging, and a mention starts at the host: the clitic is outside
the mention, the article ال inside, and ``text[start:end]`` is the mention text.
"""

from __future__ import annotations

from rasd.doc import Doc, Entity, Span, Token
from rasd.ner.conlleval import chunks
from rasd.ner.model import load_model

TYPE_MAP = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}

#: Longest run of tokens tagged at once: a 100k-word "sentence" is cut into pieces.
MAX_RUN = 250

# Leading/trailing characters that never belong to a mention (ANERcorp sometimes tags
# a token with a quote or bracket glued on).
_EDGE = "\"'«»“”‘’()[]{}.,،؛;:!?؟-–—/"


def words_of(tokens: list[Token]) -> list[tuple[int, int, int]]:
    """Whitespace-style words ``(start, host_start, end)`` from clitic-split tokens."""
    out: list[tuple[int, int, int]] = []
    pending: Token | None = None  # first clitic of the word being rebuilt
    last_end = -1
    for t in tokens:
        if t.clitic:
            if pending is None or t.start != last_end:
                pending = t
            last_end = t.end
            continue
        if pending is not None and t.start == last_end:
            out.append((pending.start, t.start, t.end))
        else:
            if pending is not None:  # a clitic with no host right after it: a word of its own
                out.append((pending.start, pending.start, last_end))
            out.append((t.start, t.start, t.end))
        pending = None
        last_end = t.end
    if pending is not None:
        out.append((pending.start, pending.start, last_end))
    return out


class NerStage:
    """Tags ``doc.tokens`` with the shipped CRF and adds one Entity per mention."""

    name = "ner"
    requires: tuple[str, ...] = ("tokens",)
    provides = ("mentions",)

    def __init__(self, model: str = "default", confidence: bool = True, **options: object) -> None:
        self.model = load_model(None if model in ("default", "", None) else str(model))
        self.confidence = bool(confidence)
        self.options = options

    def mentions(self, doc: Doc) -> list[tuple[str, int, int, float | None]]:
        """``(type, start, end, confidence)`` for every mention, in text order."""
        text = doc.text
        toks = doc.tokens
        out: list[tuple[str, int, int, float | None]] = []
        i = 0
        n = len(toks)
        while i < n:
            j = i
            s = toks[i].sentence
            while j < n and toks[j].sentence == s:
                j += 1
            words = words_of(toks[i:j])
            for k in range(0, len(words), MAX_RUN):
                run = words[k:k + MAX_RUN]
                self._tag_run(text, run, out)
            i = j
        return out

    def _tag_run(self, text: str, run: list[tuple[int, int, int]],
                 out: list[tuple[str, int, int, float | None]]) -> None:
        ws = [text[a:e] for a, _, e in run]
        tags, probs = self.model.tag(ws, marginals=self.confidence)
        for typ, a, b in chunks(tags):
            start = run[a][1]
            end = run[b - 1][2]
            while start < end and text[start] in _EDGE:
                start += 1
            while end > start and text[end - 1] in _EDGE:
                end -= 1
            if end <= start:
                continue
            conf = None
            if probs:
                conf = round(sum(probs[a:b]) / (b - a), 3)
            out.append((TYPE_MAP.get(typ, "MISC"), start, end, conf))

    def __call__(self, doc: Doc) -> Doc:
        found = self.mentions(doc)
        ids = [int(e.id[1:]) for e in doc.entities if e.id[:1] == "e" and e.id[1:].isdigit()]
        nxt = max(ids, default=0) + 1
        for typ, s, e, conf in found:
            sp = Span(s, e, doc.text[s:e])
            doc.entities.append(Entity(id=f"e{nxt}", type=typ, name=sp.text, mentions=[sp],
                                       confidence=conf, extra={"by": "ner"}))
            nxt += 1
        doc.scratch["ner_mentions"] = found
        return doc
