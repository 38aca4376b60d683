"""The text stage: sentences and tokens."""

from __future__ import annotations

from rasd.doc import Doc
from rasd.text.sentences import split_sentences
from rasd.text.tokens import tokenize


class TextStage:
    """Fills ``doc.sentences`` and ``doc.tokens``."""

    name = "text"
    requires: tuple[str, ...] = ()
    provides = ("sentences", "tokens")

    def __init__(self, **options: object) -> None:
        self.options = options

    def __call__(self, doc: Doc) -> Doc:
        doc.sentences = split_sentences(doc.text)
        doc.tokens = tokenize(doc.text, doc.sentences)
        return doc
