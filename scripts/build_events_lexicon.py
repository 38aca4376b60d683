"""Build ``src/rasd/events/data/cameo_triggers.tsv`` from the UniversalPetrarch Arabic
CAMEO verb dictionary (../shared/data/universalpetrarch_arabic_cameo, MIT, OEDA).

Each verb block of ``CAMEO.ar.0.5.txt`` lists member verbs (lemmatised perfects, with
``+particle``) and coded patterns ``- * object [CAMEO code]``. A member's CAMEO codes are
its own code, else the block's code, else its block's pattern codes; CAMEO codes map to
PLOVER by their root (table below, after the PLOVER documentation's crosswalk), and a
verb is kept when at least 60% of its mapped codes agree on one PLOVER type. Very common
verbs (قال، كان، عمل ...) are left out: the CAMEO dictionary codes them only through
their objects, which this lexicon cannot check.

Run: ``python scripts/build_events_lexicon.py`` (``--check`` exits 1 when the file is
stale or ../shared is missing; ``--stats`` prints counts per type).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO.parent / "shared" / "data" / "universalpetrarch_arabic_cameo" / "CAMEO.ar.0.5.txt"
OUT = REPO / "src" / "rasd" / "events" / "data" / "cameo_triggers.tsv"

#: CAMEO root (first two digits) → PLOVER type; None = no PLOVER event.
ROOTS = {
    "01": None, "02": "REQUEST", "03": None, "04": "CONSULT", "05": "COOPERATE",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "09": None, "10": "REQUEST",
    "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}
#: More specific CAMEO codes that PLOVER types differently from their root.
SPECIFIC = {"051": "SUPPORT", "057": "AGREE", "0871": "AGREE", "0873": "RETREAT",
            "0874": "RETREAT", "081": "CONCEDE", "1056": "REQUEST"}
#: Verbs too common (or too polysemous) to be triggers without their objects.
STOP = {
    "قال", "كان", "عمل", "وضع", "قدم", "راي", "راى", "بدا", "بدء", "اضاف", "ذهب", "جاء", "اخذ",
    "جعل", "صار", "ظل", "بقي", "دخل", "خرج", "وصل", "اعطي", "اعطى", "فعل", "اتي", "اتى", "قام",
    "ظهر", "نظر", "طلع", "تبع", "حصل", "لقي", "لقى", "وقع", "ضرب", "رفع", "نشر", "حضر", "مر",
    "عاد", "بلغ", "تم", "لم", "سعي", "سعى", "تحدث", "ذكر", "اعلن", "اكد", "اشار", "كشف", "راجع",
    "تضح", "رتبه", "نشا", "بنيه", "اساس", "اقم", "تعامل", "حمل", "فتح", "اغلق", "ترك", "عرض",
    "نقل", "قاد", "مضي", "مضى", "سمح", "انتقل", "استمر", "ادام", "دام", "اجاز", "جاز", "صاغ",
    "برز", "زال", "خلي", "خلى", "طير", "طار", "بقى", "قوى", "قوي", "بني", "بنى", "حقق",
}
_DIAC = re.compile("[\u064b-\u065f\u0670\u0640]")


def _norm(w: str) -> str:
    sys.path.insert(0, str(REPO / "src"))
    from rasd.text.normalize import normalize

    return normalize(_DIAC.sub("", w))


def plover(code: str) -> str | None:
    """PLOVER type of a CAMEO code string such as '0874' or '190'."""
    code = code.strip()
    for k in sorted(SPECIFIC, key=len, reverse=True):
        if code.startswith(k):
            return SPECIFIC[k]
    return ROOTS.get(code[:2])


def parse(path: Path) -> dict[str, Counter]:
    """Member verb (normalised perfect) → Counter of PLOVER votes (None = no event)."""
    votes: dict[str, Counter] = {}
    block_code = None
    members: list[tuple[str, str | None]] = []
    patterns: list[str] = []
    started = False

    def flush() -> None:
        for verb, own in members:
            codes = [own] if own else ([block_code] if block_code else patterns)
            c = votes.setdefault(verb, Counter())
            for code in codes:
                c[plover(code)] += 1

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("---"):
            if started:
                flush()
            started = True
            m = re.search(r"\[([0-9]+)\]", raw)
            block_code = m.group(1) if m else None
            members, patterns = [], []
            continue
        if not started or not line.strip():
            continue
        if line.lstrip().startswith("-"):
            m = re.search(r"\[([0-9]+)\]", line)
            if m:
                patterns.append(m.group(1))
            continue
        m = re.match(r"\s*(\S+)\s*(?:\[([0-9]+)\])?\s*$", line)
        if not m:
            continue  # multi-word member ("وضع هوو"): not a verb lemma
        verb = _norm(m.group(1).split("+")[0])
        if len(verb) < 3 or not re.fullmatch(r"[\u0621-\u064a]+", verb) or verb in STOP:
            continue
        members.append((verb, m.group(2)))
    if started:
        flush()
    return votes


def build() -> str:
    votes = parse(SRC)
    rows = []
    for verb, c in sorted(votes.items()):
        total = sum(c.values())
        typ, n = c.most_common(1)[0]
        if typ is None or total == 0 or n / total < 0.6:
            continue
        rows.append(f"{typ}\t{verb}\t{n}/{total}")
    head = ["# PLOVER type, verb (normalised 3ms perfect), agreeing/total CAMEO codes.",
            "# Built by scripts/build_events_lexicon.py from UniversalPetrarch's Arabic CAMEO",
            "# dictionary (MIT, Open Event Data Alliance); do not edit by hand."]
    return "\n".join(head + rows) + "\n"


def main() -> int:
    if not SRC.exists():
        print(f"needs {SRC}", file=sys.stderr)
        return 1
    data = build()
    if "--stats" in sys.argv:
        c = Counter(line.split("\t")[0] for line in data.splitlines() if not line.startswith("#"))
        print(dict(c.most_common()))
    if "--check" in sys.argv:
        ok = OUT.exists() and OUT.read_text(encoding="utf-8") == data
        if not ok:
            print(f"{OUT} is stale: run python scripts/build_events_lexicon.py", file=sys.stderr)
        return 0 if ok else 1
    OUT.write_text(data, encoding="utf-8")
    print(f"wrote {OUT} ({data.count(chr(10)) - 3} verbs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
