"""Build ``src/rasd/text/data/wordfreq_ar.tsv`` from the `wordfreq` package.

The tokeniser uses these frequencies to decide whether a leading و/ف/ب/ل/ك is a clitic
(split it when the rest of the word is more frequent than the whole word).
Data: wordfreq (Robyn Speer et al.), CC BY-SA 4.0 — see NOTICE.

Run: ``python scripts/build_text_data.py`` (``--check`` exits 1 when the file is stale).
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/rasd/text/data/wordfreq_ar.tsv"
NAMES_OUT = OUT.parent / "protected_words.txt"
RAW_OUT = OUT.parent / "wordfreq_ar_raw.tsv"
SHARED = Path(__file__).resolve().parents[2] / "shared"
TOP_N = 120_000
# Common names that begin with a letter that can be a proclitic (و ف ب ك ل): the
# frequency rule alone would split them (فيصل → ف + يصل). Hand-written.
HAND_NAMES = """
فيصل كمال كامل كاظم كريم كريمة كنان كلثوم بسام بسمة باسل باسم بشار بشير بشرى بكر بلال بدر
بدرية بهاء بثينة بتول بسيوني بوتين بوتفليقة بومدين بان بنكيران بلير بوش بايدن بلينكن بيريز
فادي فراس فارس فاروق فاطمة فايز فايزة فؤاد فهد فهمي فتحي فريد فريدة فيروز فرج فوزي فيفي فلاح
فالح فيليب فرانسوا فابيوس فون لطفي لؤي ليلى لبنى لمى لينا لميس لافروف لوبان لوكاشينكو ليبرمان
وليد وسام وائل وجدي وحيد وفاء وداد وصفي وهبي ولي وردة وزير
""".split()


def build() -> str:
    from wordfreq import top_n_list, zipf_frequency

    sys.path.insert(0, str(OUT.parents[3]))
    from rasd.text.normalize import normalize

    best: dict[str, int] = {}
    for w in top_n_list("ar", TOP_N):
        if not any("\u0621" <= c <= "\u064a" for c in w):
            continue
        n = normalize(w)
        z = int(round(zipf_frequency(w, "ar") * 100))
        if z > best.get(n, -1):
            best[n] = z
    lines = ["# word\tzipf*100 (wordfreq, CC BY-SA 4.0); built by scripts/build_text_data.py"]
    lines += [f"{w}\t{z}" for w, z in sorted(best.items(), key=lambda x: (-x[1], x[0]))]
    return "\n".join(lines) + "\n"


def build_raw() -> str:
    """Spelling-level frequencies: each written form (diacritics removed; hamza, ى and ة
    kept) that normalisation changes, and each unchanged one whose Zipf differs from its
    normalised form's entry in wordfreq_ar.tsv (which keeps the best spelling's), and 0 for
    a normalised form never written as such; only for the forms the clitic rule looks up
    (`rasd.text.tokens.spelling_matters`), which keeps the table (and its memory) smaller.

    Normalising merges وادي "valley" with و + أدى "and led to"; the spellings keep them
    apart (وأدى is the clitic reading, وادي the noun), so the clitic rule compares the word
    and its rest as written (`rasd.text.tokens.spelled_frequency`)."""
    from wordfreq import top_n_list, zipf_frequency

    sys.path.insert(0, str(OUT.parents[3]))
    from rasd.text.normalize import normalize, strip_marks

    norm_best: dict[str, int] = {}
    raw_best: dict[str, int] = {}
    for w in top_n_list("ar", TOP_N):
        if not any("\u0621" <= c <= "\u064a" for c in w):
            continue
        z = int(round(zipf_frequency(w, "ar") * 100))
        n = normalize(w)
        r = strip_marks(w)
        if z > norm_best.get(n, -1):
            norm_best[n] = z
        if z > raw_best.get(r, -1):
            raw_best[r] = z
    from rasd.text.tokens import spelling_matters

    rows = [(r, z) for r, z in raw_best.items()
            if spelling_matters(r) and (r != normalize(r) or norm_best.get(normalize(r)) != z)]
    # A normalised form that is not itself a listed spelling (منطقه: only منطقة is listed)
    # gets 0, so that "not listed" means "the best spelling" for unchanged forms.
    rows += [(n, 0) for n in norm_best if n not in raw_best and spelling_matters(n)]
    lines = ["# spelling\tzipf*100 of written forms that normalising changes or that are not "
             "the best spelling (wordfreq, CC BY-SA 4.0); built by scripts/build_text_data.py"]
    lines += [f"{r}\t{z}" for r, z in sorted(rows, key=lambda x: (-x[1], x[0]))]
    return "\n".join(lines) + "\n"


def build_names() -> str:
    """Names never split into clitic + rest: AKhateeb/arabic-names (MIT) + a hand list."""
    sys.path.insert(0, str(OUT.parents[3]))
    from rasd.text.normalize import normalize

    names = {normalize(w) for w in HAND_NAMES}
    src = SHARED / "data/arabic_names_akhateeb"
    for p in sorted(src.glob("*-in-arabic.txt")):
        for line in p.read_text(encoding="utf-8").splitlines():
            w = normalize(line.strip())
            if len(w) >= 3 and w[0] in "وفبكل":
                names.add(w)
    # Person-name tokens seen at least twice in Wikidata labels (CC0) that the frequency
    # rule would split (كيري → ك + يري, باول → ب + اول), except where the rest is a pronoun
    # form (وأنا، لأنه: real clitic + word) or the whole is a common phrase.
    sys.path.insert(0, str(OUT.parents[3]))
    from rasd.text import tokens as tk

    pron = {normalize(w) for w in "أنا أني إني أنه أنها أنهم أنهما أنك أنكم أننا إنه إنها".split()}
    not_names = {normalize(w) for w in "لحسن لاني لانه لانها لانهم بانه بانها كانه كانها".split()}
    wd = SHARED / "data/wikidata_person_name_tokens_en_ar/en_ar_name_tokens.tsv"
    counts: dict[str, int] = {}
    if wd.exists():
        for line in wd.read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) >= 3 and parts[2].isdigit():
                w = normalize(parts[1])
                counts[w] = counts.get(w, 0) + int(parts[2])
    # Country names: "بقطر"/"بروسيا" are ب + country, not names.
    countries: set[str] = set()
    cn = SHARED / "data/countrynames_aleph/country_arabic_script_variants.tsv"
    if cn.exists():
        for line in cn.read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) >= 2:
                countries.add(normalize(parts[1]))
    for w, c in counts.items():
        # و/ف + verb is far more common than a name starting with و/ف (وأكد, not Wakid).
        if (c >= 2 and len(w) >= 3 and w[0] in "بكل" and w not in not_names
                and w[1:] not in countries
                and tk._split_norm_unprotected(w) and w[1:] not in pron and w[2:] not in pron):
            names.add(w)
    head = ("# names that begin with a proclitic-like letter and must stay whole; built by "
            "scripts/build_text_data.py from AKhateeb/arabic-names (MIT), Wikidata person-name "
            "tokens (CC0) and a hand list")
    return "\n".join([head] + sorted(names)) + "\n"


def main() -> int:
    data = build()
    raw = build_raw()
    have_names_src = (SHARED / "data/arabic_names_akhateeb").is_dir()
    names = build_names() if have_names_src else None
    if "--check" in sys.argv:
        ok = OUT.exists() and OUT.read_text(encoding="utf-8") == data
        ok = ok and RAW_OUT.exists() and RAW_OUT.read_text(encoding="utf-8") == raw
        if names is not None:
            ok = ok and NAMES_OUT.exists() and NAMES_OUT.read_text(encoding="utf-8") == names
        return 0 if ok else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(data, encoding="utf-8")
    print(f"wrote {OUT} ({data.count(chr(10)) - 1} words)")
    RAW_OUT.write_text(raw, encoding="utf-8")
    print(f"wrote {RAW_OUT} ({raw.count(chr(10)) - 1} spellings)")
    if names is not None:
        NAMES_OUT.write_text(names, encoding="utf-8")
        print(f"wrote {NAMES_OUT} ({names.count(chr(10)) - 1} names)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
