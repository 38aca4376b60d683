"""Build ``src/rasd/geo/data/idrisi_odbl.tsv.gz``: local place names (streets, districts,
neighbourhoods, points of interest, villages) from the IDRISI training files.

Source: ../shared/data/geo/idrisi/LMD/*/train.jsonl — Arabic tweets whose place mentions
are annotated (CC BY 4.0) with OpenStreetMap coordinates (ODbL 1.0). The output is a
derived database of (name, point) pairs, so it is shipped under the ODbL like
``places_odbl.tsv.gz``; no tweet text is kept, only the toponym strings and their points.

What is taken: every gold mention of a type below country (city, province, district,
neighbourhood, street, point of interest, other), normalised (``name_key``, a leading
clitic removed), whose name the main gazetteer does not already place within 161 km of the
OSM point. Points of one name closer than 30 km are one place. A name that the main
gazetteer knows elsewhere only gains this place as one more candidate (keeping its flag);
a new name gets a flag from word frequencies: rare names are taken on sight (``strong``),
names made of common words (المستشفى المركزي، معهد الأورام) only next to another place of the
same country within 150 km (``focus``; see ``rasd.geo.resolve``); very common single words
are dropped.

Honest evaluation: ``part="build"`` keeps the tweets whose id hashes (CRC32 mod 5) to
1–4 (about 80 %); ``bench/geo_idrisi.py --split`` builds from those and measures on the
other 20 %. The shipped file uses all training tweets (``part=None``).

Output rows (gzip TSV, UTF-8): name, flag, place key, level, country, admin1, lat, lon,
population, name_en, fcode.

Run: ``python scripts/build_geo_idrisi.py [--shared DIR]``; ``--check`` exits 1 when the
shipped file differs from a fresh build (run it after rebuilding the main gazetteer too).
"""

from __future__ import annotations

import glob
import gzip
import io
import json
import math
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rasd.errors import DataError  # noqa: E402
from rasd.geo.keys import CUES, DIRECTIONS, name_key  # noqa: E402
from rasd.text.tokens import word_frequencies  # noqa: E402

OUT = REPO / "src" / "rasd" / "geo" / "data" / "idrisi_odbl.tsv.gz"

#: IDRISI mention type → gazetteer level (countries come from the main gazetteer).
LEVELS = {
    "City/town": "city", "Province": "admin1", "District": "admin2",
    "Neighborhood": "site", "Road/street": "site", "Human-made Point-of-Interest": "site",
    "Natural Point-of-Interest": "site", "Other locations": "site",
}

#: Head words of local place names a leading clitic may be glued to (بشارع، وسفارة).
_HEADS = frozenset(name_key(w) for w in (
    "شارع طريق جسر مستشفى معهد مسجد جامع ميدان دوار ساحة سوق مخيم قرية بلدة حي منطقة مدينة "
    "محافظة مطار ميناء مرفأ سفارة جامعة مدرسة مقبرة سد وادي جبل جزيرة بحر نهر كورنيش مجمع "
    "محطة مركز مبنى برج قصر ضاحية").split())

#: First words of compound place names (ام الهيمان، راس النقب).
_NAME_HEADS = frozenset(name_key(w) for w in "ام ابو راس بني عين بير تل دير كفر سيدي".split())

SAME_PLACE_KM = 30.0     # points of one name closer than this are one place
KNOWN_KM = 161.0         # the main gazetteer already has the name within this distance


def in_eval_part(tweet_id: str) -> bool:
    """Whether a tweet belongs to the held-out 20 % (CRC32 of its id, mod 5 == 0)."""
    return zlib.crc32(str(tweet_id).encode("utf-8")) % 5 == 0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


def mention_key(text: str, known: set[str], freqs: dict[str, int],
                mentions: set[str] = frozenset()) -> str:
    """The normalised name of a gold mention, without a glued clitic (بالسيدة → السيدة).
    ``known``: the main gazetteer's names; ``mentions``: all mention names."""
    k = name_key(text)
    if not k or k in known:
        return k  # a known name as written (بيروت is no ب + يروت)
    first, _, rest = k.partition(" ")
    for cand in _unclitic(first):
        full = (cand + " " + rest).strip()
        if cand.startswith("ال") or cand in _HEADS or cand in CUES or cand in DIRECTIONS \
                or cand in _NAME_HEADS or full in known or full in mentions \
                or freqs.get(cand, 0) >= freqs.get(first, 0) + 150:
            return full
    return k


def _unclitic(w: str) -> list[str]:
    out = []
    if len(w) == 3 and w[0] in "وف":
        out.append(w[1:])  # وام الهيمان
    elif len(w) >= 4 and w[0] in "وف":
        w2 = w[1:]
        if len(w2) >= 4 and w2[0] in "بلك":
            out.append("ا" + w2[1:] if w2.startswith("لل") else w2[1:])
        out.append(w2)
    elif len(w) >= 4 and w[0] in "بلك":
        out.append("ا" + w[1:] if w.startswith("لل") else w[1:])
    return out


def _variants(k: str) -> list[str]:
    """Spellings a name is also written in: ابو/ام glued, final hamza dropped."""
    out = [k]
    w = k.split(" ")
    if len(w) >= 2 and w[0] in ("ابو", "ام", "عبد", "بني", "راس", "عين"):
        out.append(w[0] + w[1] + ("" if len(w) == 2 else " " + " ".join(w[2:])))
    if k.endswith("اء") and len(k) >= 5:
        out.append(k[:-1])
    return list(dict.fromkeys(out))


#: Heads of names of organisations that are no place of events in Rasd's convention
#: (embassies, clubs, universities, ministries ...: NER's ORG; one of many of each kind).
_ORG_HEADS = frozenset(name_key(w) for w in (
    "سفارة السفارة نادي النادي جامعة الجامعة كلية الكلية وزارة الوزارة شركة الشركة مؤسسة "
    "المؤسسة مدرسة المدرسة بلدية البلدية سجن السجن كليات").split())


def _person_like(k: str, person: dict[str, int]) -> bool:
    """Every word is a frequent person-name token (صباح الأحمد: the emir, or the town)."""
    ws = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in k.split(" ")]
    return all(person.get(w, 0) >= 8 for w in ws)


def _flag(k: str, freqs: dict[str, int], gaz=None, person: dict[str, int] | None = None
          ) -> str | None:
    """strong / focus / weak / None (dropped) for a name the main gazetteer lacks."""
    words = k.split(" ")
    if len(k) < 3 or any(len(x) < 2 for x in words) or words[0] in _ORG_HEADS:
        return None
    if person and _person_like(k, person):
        return "weak"  # needs a cue: مدينة صباح الأحمد
    if words[0] in DIRECTIONS:
        return None  # "شمال الدمام": the finder reads directions itself
    if len(words) == 1:
        f = freqs.get(k, 0)
        if f >= 400 or (f >= 300 and not k.startswith("ال")):
            return None  # a common word (قطعة "piece", القطاع "the sector", الصعيد "level")
        return "strong" if f < 300 else "focus"
    # Generic multi-word names (المستشفى المركزي، الدوار الرابع) exist in every country:
    # only when the document is about this one.
    if all(freqs.get(x, 0) >= 380 or x in _HEADS for x in words):
        # ... unless it names a known place (مرفأ بيروت): then it is as sure as that name.
        if gaz is not None and any(
                (e := gaz.entry(" ".join(words[i:j]))) is not None and e.flag == "strong"
                for i in range(len(words)) for j in range(i + 1, len(words) + 1)
                if j - i < len(words)):
            return "strong"
        return "focus"
    return "strong"


def read_points(shared: Path, part: str | None = None, skip_event: str | None = None
                ) -> list[tuple[str, dict]]:
    """(mention text, info) for the gold mentions below country level with OSM points.
    ``part``: None (all training tweets), "build" (80 %) or "eval" (20 %); ``skip_event``:
    leave out one event's folder (leave-one-event-out evaluation)."""
    base = shared / "data" / "geo" / "idrisi" / "LMD"
    files = sorted(glob.glob(str(base / "*" / "train.jsonl")))
    if not files:
        raise DataError(f"missing {base} (IDRISI LMD training files)")
    out = []
    for f in files:
        if skip_event and Path(f).parent.name == skip_event:
            continue
        with open(f, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if part is not None and in_eval_part(d["tweet_id"]) != (part == "eval"):
                    continue
                for m in d["location_mentions"]:
                    lvl = LEVELS.get(m.get("type", ""))
                    oj = m.get("osm_json") or {}
                    if lvl is None or "lat" not in oj:
                        continue
                    cc = ((oj.get("address") or {}).get("country_code") or "").upper()
                    if not cc:
                        continue
                    pop = str((oj.get("extratags") or {}).get("population") or "0")
                    out.append((m["text"], {
                        "lat": float(oj["lat"]), "lon": float(oj["lon"]), "cc": cc, "level": lvl,
                        "osm": f"O{(oj.get('osm_type') or 'x')[0].upper()}{oj.get('osm_id')}",
                        "pop": int(pop) if pop.isdigit() else 0,
                    }))
    return out


def build_rows(shared: Path, part: str | None = None, gaz=None, skip_event: str | None = None
               ) -> list[list[str]]:
    """The rows of the IDRISI file (see the module docstring)."""
    from rasd.geo.gazetteer import Gazetteer

    gaz = gaz or Gazetteer(extra=None)  # the main gazetteer alone
    freqs = word_frequencies()
    points = read_points(shared, part, skip_event)
    person: dict[str, int] = defaultdict(int)
    pfile = shared / "data" / "wikidata_person_name_tokens_en_ar" / "en_ar_name_tokens.tsv"
    if pfile.exists():
        with pfile.open(encoding="utf-8") as f:
            next(f)
            for line in f:
                r = line.rstrip("\n").split("\t")
                if len(r) == 3 and r[2].isdigit():
                    person[name_key(r[1])] += int(r[2])
    known = set(gaz._raw)
    keys0 = {name_key(t) for t, _ in points}
    # name → list of points
    by_name: dict[str, list[dict]] = defaultdict(list)
    for text, info in points:
        k = mention_key(text, known, freqs, keys0)
        if not k or not all("\u0621" <= c <= "\u064a" or c == " " for c in k) \
                or k in gaz.nationalities:
            continue
        head, _, rest = k.partition(" ")
        if head in ("مدينه", "منطقه") and rest and rest in gaz:
            k = rest  # the finder reads "مدينة X" as X when X is a known name
        elif head in CUES and rest and (e := gaz.entry(rest)) is not None and any(
                _km(q.lat, q.lon, info["lat"], info["lon"]) < KNOWN_KM for q in e.places):
            continue  # "محافظة الطائف": the finder reads the cue and the known name itself
        by_name[k].append(info)
    cities_by_cc: dict[str, list] = defaultdict(list)
    for p in gaz.places.values():
        if p.level == "city" and p.admin1:
            cities_by_cc[p.country].append(p)
    rows: list[list[str]] = []
    for k in sorted(by_name):
        pts = by_name[k]
        # Cluster the points: the most frequent OSM object first.
        osm_n = Counter(p["osm"] for p in pts)
        clusters: list[list[dict]] = []
        for p in sorted(pts, key=lambda p: (-osm_n[p["osm"]], p["osm"])):
            for c in clusters:
                if _km(c[0]["lat"], c[0]["lon"], p["lat"], p["lon"]) < SAME_PLACE_KM:
                    c.append(p)
                    break
            else:
                clusters.append([p])
        for k2 in _variants(k):
            entry = gaz.entry(k2)
            if entry is None:
                flag = _flag(k2, freqs, gaz, person)
                if flag is None:
                    continue
            else:
                flag = entry.flag
            for c in clusters:
                p0 = c[0]
                if entry is not None and any(
                        _km(q.lat, q.lon, p0["lat"], p0["lon"]) < KNOWN_KM
                        or (q.country == p0["cc"] and q.prominence >= 5.0) for q in entry.places):
                    # Already placed right by the main gazetteer, or the name's main reading
                    # is a major place of that same country (then this point is a detail).
                    continue
                level = Counter(p["level"] for p in c).most_common(1)[0][0]
                near = min(cities_by_cc.get(p0["cc"], []), default=None,
                           key=lambda q: (q.lat - p0["lat"]) ** 2 + (q.lon - p0["lon"]) ** 2)
                rows.append([k2, flag, p0["osm"], level, p0["cc"], near.admin1 if near else "",
                             f"{p0['lat']:.5f}", f"{p0['lon']:.5f}", str(max(p["pop"] for p in c)),
                             "", "OSM"])
    return rows


def render(rows: list[list[str]]) -> bytes:
    """The gzip file for ``rows`` (reproducible bytes)."""
    text = "#name\tflag\tplace\tlevel\tcountry\tadmin1\tlat\tlon\tpopulation\tname_en\tfcode\n" + \
        "".join("\t".join(r) + "\n" for r in rows)
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as g:
        g.write(text.encode("utf-8"))
    return buf.getvalue()


def _shared(argv: list[str]) -> Path:
    if "--shared" in argv:
        return Path(argv[argv.index("--shared") + 1])
    return REPO.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        data = render(build_rows(_shared(argv)))
    except DataError as exc:
        print(f"build_geo_idrisi: {exc}", file=sys.stderr)
        return exc.exit_code
    if "--check" in argv:
        if not OUT.exists() or OUT.read_bytes() != data:
            print(f"stale: {OUT.name}", file=sys.stderr)
            return 1
        return 0
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
