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


#: WikiFANE fine classes → ANERcorp types (None: not an entity for ANERcorp). PER-Group
#: ("the Arabs") is left out: ANERcorp rarely tags such groups.
WIKIFANE_MAP: dict[str, str | None] = {
    **{c: "PERS" for c in ("Politician", "Religious_PER", "Artist", "Other_PER", "Scientist",
                           "Athlete", "Businessperson", "Engineer", "Lawyer", "Police")},
    **{c: "ORG" for c in ("Government", "Commercial", "Educational", "Media", "Religious_ORG",
                          "Sports", "Non-Governmental", "Entertainment", "Medical-Science")},
    **{c: "LOC" for c in ("Population-Center", "Nation", "State-or-Province", "Continent",
                          "GPE-Cluster", "County-or-District", "Water-Body",
                          "Land-Region-Natural", "Building-Grounds", "Airport",
                          "Subarea-Facility", "Path", "Celestial")},
    **{c: "MISC" for c in ("Air", "Water", "Land", "Book", "Movie", "Software", "Hardware",
                           "Sound", "Projectile", "Nuclear", "Shooting", "Blunt", "Exploding",
                           "Sharp")},
    **{c: None for c in ("Group", "Food", "Drug", "Plant", "Chemical")},
}

_PROCLITICS = {"و", "ف", "ب", "ل", "ك"}
_ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا", "كن"}


def _glue(words: list[str], tags: list[str]) -> Sentence:
    """Re-attach WikiFANE's segmented clitics so tokens look like raw news tokens."""
    ow: list[str] = []
    ot: list[str] = []
    pre = ""
    for w, t in zip(words, tags):
        if w in _PROCLITICS and not pre.endswith(("ل", "ب", "ك")):
            pre += w
            continue
        if pre and t.startswith("I-"):
            t = "B-" + t[2:]  # a conjunction between two names starts a new one
        if w in _ENCLITICS and ow and not pre and ow[-1][-1:].isalpha():
            last = ow[-1]
            if last.endswith("ة"):
                last = last[:-1] + "ت"
            ow[-1] = last + w
            continue
        if pre:
            if pre.endswith("ل") and w.startswith("ال"):
                w = pre + w[1:]  # ل + الدولة → للدولة
            else:
                w = pre + w
            pre = ""
        ow.append(w)
        ot.append(t)
    if pre:
        ow.append(pre)
        ot.append("O")
    return ow, ot


def read_wikifane(path: str | Path) -> list[Sentence]:
    """WikiFANE gold as ANERcorp-style sentences (clitics glued back, types mapped)."""
    p = Path(path)
    if not p.is_file():
        raise DataError(f"WikiFANE not found: {p}")
    sents: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            sents.append(_glue(words, tags))

    with p.open(encoding="utf-8-sig") as f:
        for line in f:
            parts = line.replace("\u200e", "").replace("\ufeff", "").rstrip("\n").split("\t")
            w = parts[0].strip()
            lab = parts[1].strip() if len(parts) > 1 else ""
            if not w or not lab:
                flush()
                words, tags = [], []
                continue
            if lab == "O":
                t = "O"
            else:
                bio, _, fine = lab.partition("-")
                coarse = WIKIFANE_MAP.get(fine)
                t = f"{bio}-{coarse}" if coarse and bio in ("B", "I") else "O"
            words.append(w)
            tags.append(t)
    flush()
    return sents


def split_word(w: str) -> list[str]:
    """A whitespace token cut into its proclitics and host (as the pipeline tokenizer does)."""
    from rasd.text.tokens import clitic_split

    if len(w) < 3 or not ("\u0621" <= w[0] <= "\u06ff"):
        return [w]
    parts = clitic_split(w)
    if not parts:
        return [w]
    out = []
    pos = 0
    for p in parts:
        out.append(w[pos:pos + p])
        pos += p
    out.append(w[pos:])
    return out


def split_sentence(words: list[str], tags: list[str] | None = None
                   ) -> tuple[list[str], list[str], list[int]]:
    """Clitic-split tokens, their tags (a clitic before a name is O; inside one, I) and the
    index of the original token each piece came from (hosts last)."""
    ow: list[str] = []
    ot: list[str] = []
    owner: list[int] = []
    for i, w in enumerate(words):
        t = tags[i] if tags else "O"
        pieces = split_word(w)
        for k, p in enumerate(pieces):
            ow.append(p)
            owner.append(i)
            if k < len(pieces) - 1:
                ot.append(t if t.startswith("I-") else "O")
            else:
                ot.append(t)
    return ow, ot, owner
