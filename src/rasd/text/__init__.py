"""The Arabic text layer: normalisation views, sentences and clitic-aware tokens."""

from rasd.text.normalize import NormView, normalize
from rasd.text.sentences import split_sentences
from rasd.text.tokens import tokenize

__all__ = ["NormView", "normalize", "split_sentences", "tokenize"]
