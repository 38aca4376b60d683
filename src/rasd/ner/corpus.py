"""Reading ANERcorp-style CoNLL files and the fixed train / held-out split."""

from __future__ import annotations

from pathlib import Path

from rasd.errors import DataError

Sentence = tuple[list[str], list[str]]


def read_conll(path: str | Path) -> list[Sentence]:
    """Sentences of ``token TAG`` lines (blank line between sentences)."""
    p = Path(path)
    if not p.is_file():
        raise DataError(f"training data not found: {p}")
    sents: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with p.open(encoding="utf-8-sig") as f:
        for line in f:
            line = line.strip()
            if not line:
                if words:
                    sents.append((words, tags))
                    words, tags = [], []
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            w, t = parts[0], parts[-1]
            t = t if t == "O" or t[:2] in ("B-", "I-") else "O"
            words.append(w)
            tags.append(t)
    if words:
        sents.append((words, tags))
    if not sents:
        raise DataError(f"no sentences in {p}")
    return sents


def split_heldout(sents: list[Sentence], tenth: int = 10) -> tuple[list[Sentence], list[Sentence]]:
    """(train, held-out): the held-out part is the LAST tenth of the sentences (fixed)."""
    cut = len(sents) - len(sents) // tenth
    return sents[:cut], sents[cut:]
