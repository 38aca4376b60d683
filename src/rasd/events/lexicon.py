"""Event trigger lexicon: lemmas from data files, every conjugation generated here.

Two data files feed it (``rasd/events/data``):

* ``triggers.tsv`` — hand-written lemmas per PLOVER type (perfect, imperfect, verbal
  nouns, mode, flags); the main source.
* ``cameo_triggers.tsv`` — verbs mapped from the UniversalPetrarch Arabic CAMEO
  dictionaries to PLOVER (built by ``scripts/build_events_lexicon.py``); noisy, so they
  are only used when ``use_cameo=True`` and always count as weak.

Forms are generated on the normalised alphabet of :func:`rasd.text.normalize.normalize`
(no hamza seats, ة→ه, ى→ي, no diacritics): perfect and imperfect persons, the future
prefix س, passive perfects, and verbal nouns with ال. Clitics (و ف ب ل ك س ال and the
pronoun suffixes) are stripped at match time, so ``وقتلهم`` or ``انسحابها`` match.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rasd.errors import ModelError
from rasd.text.normalize import normalize

#: Suffixes of the perfect (3rd, 2nd, 1st persons; dual; plural).
PERF_SUFFIXES = ("", "ت", "ا", "تا", "وا", "ن", "نا", "تم", "تما", "تن", "و")
#: Imperfect person prefixes and suffixes (indicative, subjunctive/jussive).
IMPF_PREFIXES = ("ي", "ت", "ن")  # not 1sg ا: اثنين would read as "I praise"
IMPF_SUFFIXES = ("", "ون", "ان", "ين", "وا", "ا", "ن")
#: Pronoun suffixes that may follow a verb or noun.
ENCLITICS = ("هما", "هم", "هن", "ها", "ه", "كم", "نا", "ني")
#: Proclitic strings that may precede a word (longest first), with what they allow.
PROCLITICS = (
    ("وبال", "n"), ("فبال", "n"), ("وكال", "n"), ("وال", "n"), ("فال", "n"), ("بال", "n"),
    ("كال", "n"), ("ولل", "n"), ("فلل", "n"), ("لل", "n"), ("ال", "n"),
    ("وس", "f"), ("فس", "f"), ("س", "f"),
    ("وب", "n"), ("فب", "n"), ("ول", "*"), ("فل", "*"), ("وك", "n"),
    ("و", "*"), ("ف", "*"), ("ب", "n"), ("ل", "*"), ("ك", "n"),
)


@dataclass(frozen=True)
class Lemma:
    """One lexicon lemma: a PLOVER type, its forms' source and how to treat it."""

    type: str
    lemma: str
    mode: str | None = None
    weak: bool = False
    needs_after: tuple[str, ...] = ()
    needs_before: tuple[str, ...] = ()
    source: str = "seed"
    ambig3: bool = False  # bare 3ms perfect doubles as a common noun (طالب، صوت)


@dataclass(frozen=True)
class Form:
    """A surface form (normalised, no clitics) of a lemma."""

    lemma: Lemma
    pos: str  # "verb" | "noun"
    tense: str  # "perf" | "impf" | "pass" | "noun"


@dataclass
class Lexicon:
    """Normalised surface form → every :class:`Form` it may be."""

    forms: dict[str, list[Form]] = field(default_factory=dict)
    lemmas: list[Lemma] = field(default_factory=list)

    def add(self, surface: str, form: Form) -> None:
        """Register ``surface`` (normalised) as ``form``."""
        if len(surface) < 2:
            return
        lst = self.forms.setdefault(surface, [])
        if form not in lst:
            lst.append(form)

    def lookup(self, word: str) -> list[tuple[Form, str, str]]:
        """Analyses of one token's normalised text: ``(form, proclitic, enclitic)``.

        The longest matching stem wins; the future prefix س only on imperfect verbs, the
        article ال only on nouns. Results are memoised per word.
        """
        return list(self.analyses(word))

    def analyses(self, word: str) -> tuple[tuple[Form, str, str], ...]:
        """Like :meth:`lookup` but returns the memoised tuple itself (do not mutate)."""
        cache = self.__dict__.setdefault("_cache", {})
        hit = cache.get(word)
        if hit is None:
            hit = tuple(self._lookup(word))
            if len(cache) < 500_000:
                cache[word] = hit
        return hit

    def _lookup(self, word: str) -> list[tuple[Form, str, str]]:
        out: list[tuple[Form, str, str]] = []
        best = 0
        for pro, allow in (("", "*"),) + PROCLITICS:
            if pro and not word.startswith(pro):
                continue
            rest = word[len(pro):]
            for enc in ("",) + ENCLITICS:
                if enc and not rest.endswith(enc):
                    continue
                stem = rest[: len(rest) - len(enc)] if enc else rest
                if len(stem) < 2:
                    continue
                cands = self.forms.get(stem)
                # A feminine noun before a suffix shows ت for ة (تقديرها is fine, مظاهرتها).
                if enc and stem.endswith("ت"):
                    cands = (cands or []) + self.forms.get(stem[:-1] + "ه", [])
                # A final hamza sits on ي/و before a suffix (لقاء → لقائه, normalised لقايه).
                if enc and stem[-1] in "يو":
                    cands = (cands or []) + self.forms.get(stem[:-1] + "ء", [])
                if not cands:
                    continue
                for f in cands:
                    if allow == "f" and f.tense != "impf":
                        continue
                    if allow == "n" and f.pos != "noun":
                        continue
                    if "ال" in pro and enc:
                        continue
                    if len(stem) > best:
                        out = []
                        best = len(stem)
                    if len(stem) == best:
                        out.append((f, pro, enc))
        return out


# -- morphology ------------------------------------------------------------------------

def derive_imperfect(perf: str) -> list[str]:
    """Likely 3ms imperfects of a normalised perfect (several where unpredictable)."""
    p = perf
    if len(p) == 2:  # doubled root written with two letters (رد، شد، حث)
        return ["ي" + p]
    if p.startswith("است") and len(p) >= 6:
        return ["ي" + p[1:]]
    if p.startswith("ا") and len(p) >= 4:
        # Forms IV, VII, VIII (and X above): drop the prosthetic alef.
        stem = p[1:]
        if stem.endswith("ي") or stem.endswith("ا"):
            return ["ي" + stem[:-1] + "ي"]
        return ["ي" + stem]
    if p.startswith("ت") and len(p) >= 4:  # forms V and VI keep the ت
        if p.endswith("ي") or p.endswith("ا"):
            return ["ي" + p[:-1] + "ي"]
        return ["ي" + p]
    if len(p) == 3:
        c1, c2, c3 = p
        if c2 == "ا":  # hollow: قال → يقول، باع → يبيع
            return ["ي" + c1 + "و" + c3, "ي" + c1 + "ي" + c3]
        if c3 == "ا":  # defective: دعا → يدعو
            return ["ي" + c1 + c2 + "و"]
        if c3 == "ي":  # رمى → يرمي
            return ["ي" + c1 + c2 + "ي"]
        if c1 == "و":  # assimilated: وصل → يصل
            return ["ي" + c2 + c3, "ي" + p]
    return ["ي" + p]


def perfect_forms(perf: str) -> set[str]:
    """Perfect-tense surface forms (all persons) of a normalised 3ms perfect."""
    out: set[str] = set()
    if perf[-1] in "اي" and len(perf) >= 3:
        stem = perf[:-1]
        out |= {perf, stem + "ت", stem + "تا", stem + "وا", stem + "يت", stem + "وت",
                stem + "ينا", stem + "ونا", stem + "يا", stem + "وا"}
        return out
    for s in PERF_SUFFIXES:
        out.add(perf + s)
    if len(perf) == 3 and perf[1] == "ا":  # hollow: قالت، قلت
        out.add(perf[0] + perf[2] + "ت")
    return out


def imperfect_forms(impf: str) -> set[str]:
    """Imperfect-tense surface forms (all persons) of a normalised 3ms imperfect."""
    out: set[str] = set()
    stem = impf[1:]
    defective = stem[-1] in "وي" and len(stem) >= 3
    for pre in IMPF_PREFIXES:
        if defective:
            base = stem[:-1]
            for suf in ("و", "ي", "ا", "ون", "وا", "ان", "ين", "ن", "يان"):
                out.add(pre + base + suf)
            out.add(pre + stem)
        else:
            for suf in IMPF_SUFFIXES:
                out.add(pre + stem + suf)
    return out


def passive_perfect(perf: str) -> set[str]:
    """Normalised passive perfects: identical to the active for most undotted forms."""
    out = {perf}
    if len(perf) >= 4 and perf[0] == "ا" and perf[-2] == "ا":
        # Hollow derived verbs: أصاب → أصيب، اغتال → اغتيل، اختار → اختير.
        out.add(perf[:-2] + "ي" + perf[-1])
    return out


def pattern_nouns(perf: str) -> set[str]:
    """Verbal nouns predictable from the verb's pattern (derived forms only)."""
    p = perf
    out: set[str] = set()
    if p.startswith("است") and len(p) == 6:
        out.add(p[:4] + p[4] + "ا" + p[5])  # استفعال
    elif p.startswith("ان") and len(p) == 5:
        out.add(p[:3] + p[3] + "ا" + p[4])  # انفعال
    elif p.startswith("ا") and len(p) == 5 and p[2] == "ت":
        out.add(p[:4] + "ا" + p[4])  # افتعال
    elif p.startswith("ا") and len(p) == 4 and p[2] != "ا":
        out.add(p[:3] + "ا" + p[3])  # إفعال
    elif len(p) == 4 and p[1] == "ا" and not p.startswith("ت"):
        out.add("م" + p + "ه")  # مفاعلة
    elif p.startswith("ت") and len(p) in (4, 5):
        out.add(p)  # تفعّل، تفاعل
    return out


def _noun_forms(noun: str) -> set[str]:
    out = {noun}
    if not noun.startswith("ال"):
        out.add("ال" + noun)
    return out


def _parse_flags(s: str) -> dict[str, object]:
    flags: dict[str, object] = {"weak": False, "after": (), "before": (), "passive": None,
                                "nopass": False, "ambig3": False}
    if s in ("", "-"):
        return flags
    for part in s.split(","):
        part = part.strip()
        if part == "weak":
            flags["weak"] = True
        elif part == "nopass":
            flags["nopass"] = True
        elif part == "ambig3":
            flags["ambig3"] = True
        elif part.startswith("needs="):
            spec = part[6:]
            words = tuple(normalize(w) for w in spec[1:].split("|") if w)
            flags["after" if spec[0] == "+" else "before"] = words
        elif part.startswith("passive="):
            flags["passive"] = normalize(part[8:])
    return flags


def add_entry(lex: Lexicon, typ: str, perf: str, impf: str, nouns: str, mode: str,
              flags: str, source: str = "seed", weak: bool = False) -> None:
    """Add one lexicon line (raw strings as in the TSV) with all its generated forms."""
    fl = _parse_flags(flags)
    perf_n = normalize(perf) if perf not in ("", "-") else ""
    impf_only = not perf_n and impf not in ("", "-", "0")
    lemma_name = perf_n or (normalize(impf) if impf_only else normalize(nouns.split(",")[0]))
    lem = Lemma(typ, lemma_name, None if mode in ("", "-") else mode,
                bool(fl["weak"]) or weak, fl["after"], fl["before"], source,  # type: ignore[arg-type]
                bool(fl["ambig3"]))
    lex.lemmas.append(lem)
    if perf_n:
        for f in perfect_forms(perf_n):
            lex.add(f, Form(lem, "verb", "perf"))
        if not fl["nopass"]:
            for f in passive_perfect(perf_n):
                lex.add(f, Form(lem, "verb", "pass"))
        if fl["passive"]:
            for f in perfect_forms(str(fl["passive"])):
                lex.add(f, Form(lem, "verb", "pass"))
        if impf == "-":
            imps = derive_imperfect(perf_n)
        elif impf in ("0", ""):
            imps = []
        else:
            imps = [normalize(impf)]
        for i in imps:
            for f in imperfect_forms(i):
                lex.add(f, Form(lem, "verb", "impf"))
        # Hand-written lines list their nouns; derived patterns only for CAMEO verbs.
        for n in pattern_nouns(perf_n) if source != "seed" else ():
            for f in _noun_forms(n):
                lex.add(f, Form(lem, "noun", "noun"))
    if impf_only:
        for f in imperfect_forms(normalize(impf)):
            lex.add(f, Form(lem, "verb", "impf"))
    if nouns not in ("", "-"):
        for n in nouns.split(","):
            n = normalize(n.strip())
            if n:
                for f in _noun_forms(n):
                    lex.add(f, Form(lem, "noun", "noun"))


def _read_rows(name: str) -> list[list[str]]:
    try:
        path = resources.files("rasd.events").joinpath("data/" + name)
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ModelError(f"event lexicon file missing: rasd/events/data/{name}") from exc
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        rows.append(cols + ["-"] * (6 - len(cols)))
    return rows


@lru_cache(maxsize=4)
def load_lexicon(use_cameo: bool = False) -> Lexicon:
    """The trigger lexicon (hand-written lemmas, plus the CAMEO-derived ones if asked)."""
    lex = Lexicon()
    for typ, perf, impf, nouns, mode, flags in (r[:6] for r in _read_rows("triggers.tsv")):
        add_entry(lex, typ, perf, impf, nouns, mode, flags)
    if use_cameo:
        seed_lemmas = {lm.lemma for lm in lex.lemmas}
        for row in _read_rows("cameo_triggers.tsv"):
            typ, perf = row[0], row[1]
            if normalize(perf) in seed_lemmas:
                continue  # the hand-written entry decides
            add_entry(lex, typ, perf, "-", "-", "-", "-", source="cameo", weak=True)
    return lex
