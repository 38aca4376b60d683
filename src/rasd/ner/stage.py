"""The NER stage: CRF-tagged mentions as one Entity each (``doc.entities``).

The pipeline's tokens have proclitics split off (``و`` + ``الرياض``). The model's interface
takes whitespace words (as ANERcorp and ``tag_conll`` have them) and cuts them with the same
``clitic_split`` internally, so each clitic token is glued back onto its host here and both
paths tag identically. A mention starts at the host: the clitic is outside the mention,
the article ال inside, and ``text[start:end]`` is the mention text.
"""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter

from rasd.doc import Doc, Entity, Span, Token
from rasd.ner.conlleval import chunks
from rasd.ner.model import load_model
from rasd.text.normalize import normalize

_GAZ_CLASSES = {"PERS": "FP", "LOC": "L", "ORG": "O"}  # gazetteer classes, best first

TYPE_MAP = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}

#: Longest run of tokens tagged at once: a 100k-word "sentence" is cut into pieces.
MAX_RUN = 250

_SENTENCE = attrgetter("sentence")

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
        self._gaz = self.model.featurizer.res.gaz_words
        self.options = options

    def mentions(self, doc: Doc) -> list[tuple[str, int, int, float | None]]:
        """``(type, start, end, confidence)`` for every mention, in text order."""
        text = doc.text
        toks = doc.tokens
        runs: list[list[tuple[int, int, int]]] = []
        for _, group in groupby(toks, key=_SENTENCE):  # runs of tokens of one sentence
            words = words_of(list(group))
            if 0 < len(words) <= MAX_RUN:
                runs.append(words)
            else:
                runs.extend(words[k:k + MAX_RUN] for k in range(0, len(words), MAX_RUN))
        out: list[tuple[str, int, int, float | None]] = []
        if not runs:
            return out
        tagged = self.model.tag_doc([[text[a:e] for a, _, e in run] for run in runs],
                                    marginals=self.confidence)
        for run, (tags, probs) in zip(runs, tagged):
            if tags.count("O") == len(tags):  # no name in this run (most runs)
                continue
            for typ, a, b in chunks(tags):
                start = self._start(text, run[a], typ)
                end = run[b - 1][2]
                while start < end and text[start] in _EDGE:
                    start += 1
                while end > start and text[end - 1] in _EDGE:
                    end -= 1
                if end <= start:
                    continue
                conf = round(sum(probs[a:b]) / (b - a), 3) if probs else None
                out.append((TYPE_MAP.get(typ, "MISC"), start, end, conf))
        return out

    def _start(self, text: str, word: tuple[int, int, int], typ: str) -> int:
        """Where a mention starting at ``word`` starts: after its clitics, unless the whole
        word is a known name of that type and its remainder is not (بسام is not ب + سام)."""
        s, h, e = word
        if h == s:
            return s
        want = _GAZ_CLASSES.get(typ)
        gaz = self._gaz
        if want:
            whole = gaz.get(normalize(text[s:e]), "")
            rest = gaz.get(normalize(text[h:e]), "")
            # Rank by class letters in order (for PER, a listed first name beats a name word).
            def rank(cls: str) -> int:
                return max((len(want) - i for i, c in enumerate(want) if c in cls), default=0)

            if rank(whole) > rank(rest):
                return s
        return h

    def __call__(self, doc: Doc) -> Doc:
        found = self.mentions(doc)
        nxt = doc.next_entity_number()
        for typ, s, e, conf in found:
            sp = Span(s, e, doc.text[s:e])
            doc.entities.append(Entity(id=f"e{nxt}", type=typ, name=sp.text, mentions=[sp],
                                       confidence=conf, extra={"by": "ner"}))
            nxt += 1
        doc.scratch["ner_mentions"] = found
        return doc
