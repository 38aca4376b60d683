"""Arabic named-entity recognition: a CRF over ANERcorp-style tokens with gazetteer and
word-cluster features, shipped ready to use (no download).

* :class:`rasd.ner.stage.NerStage`: the pipeline stage (``doc.tokens`` → ``doc.entities``).
* :func:`tag_conll`: CoNLL in (one token a line), ``token TAG`` out (``rasd tag --conll``).
* :func:`rasd.ner.train.main`: rebuild the model (``rasd train ner``).
* :mod:`rasd.ner.conlleval`: entity-level P/R/F1 with conlleval's rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

__all__ = ["tag_conll", "tag_words"]


def tag_words(words: list[str]) -> list[str]:
    """BIO tags (PERS/LOC/ORG/MISC, as ANERcorp) for one sentence of whitespace tokens."""
    from rasd.ner.model import load_model

    return load_model().tag(words)[0]


def tag_conll(lines: Iterable[str], max_run: int = 250, doc_sents: int = 30) -> Iterator[str]:
    """Read one token a line (blank line between sentences, further columns ignored) and
    yield ``token TAG`` lines, with a blank line after each sentence."""
    from rasd.ner.model import load_model

    model = load_model()
    buf: list[list[str]] = []

    def flush() -> Iterator[str]:
        # Sentences are tagged in groups that stand in for documents (document features).
        pieces: list[list[str]] = []
        owner: list[int] = []
        for si, sent in enumerate(buf):
            for k in range(0, len(sent), max_run):
                pieces.append(sent[k:k + max_run])
                owner.append(si)
        tags: list[list[str]] = [[] for _ in buf]
        for si, (t, _) in zip(owner, model.tag_doc(pieces)):
            tags[si].extend(t)
        for sent, ts in zip(buf, tags):
            for w, t in zip(sent, ts):
                yield f"{w} {t}"
            yield ""

    sent: list[str] = []
    for line in lines:
        parts = line.split()
        if not parts:
            if sent:
                buf.append(sent)
                sent = []
                if len(buf) >= doc_sents:
                    yield from flush()
                    buf = []
            continue
        sent.append(parts[0])
    if sent:
        buf.append(sent)
    if buf:
        yield from flush()
