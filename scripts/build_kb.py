#!/usr/bin/env python3
"""Build the entity knowledge base of rasd.kb.

Two steps:

1. ``generate``: the systematic part, from ../shared (countries, and for every focus
   country its government, army, police, ministries, offices ...) written to
   ``src/rasd/kb/data/gen_countries.tsv`` (further ministries and state bodies of focus
   countries in ``gen_bodies.tsv``). Sources: arwikicats nationality adjectives and
   country names (MIT), alephdata/countrynames Arabic-script variants (MIT), and the
   hand-written country table below (English names, adjectives, Wikidata QIDs).
2. ``compile``: every ``src/rasd/kb/data/*.tsv`` (generated + hand-written) into the
   index ``src/rasd/kb/data/kb_index.json.gz`` loaded at run time.

``--check`` rebuilds both in memory and exits 1 when a file on disk differs (stale).
Without ../shared, generation is skipped and only the compiled index is checked.

TSV columns: id, type, name_en, ar, acr, country, role, qid, offices.
``ar``/``acr``: ``|``-separated aliases; a prefix ``~`` (weak), ``~~`` (context only),
``^`` (focus country) and a suffix ``@id,id`` (needs a co-mention) qualify an alias; a
``ctx:KIND`` id there is met by the mention's own context instead (``~قنا@org:qna,ctx:agency``;
kinds in ``rasd.kb.link.alias_context``).
``offices``: ``;``-separated ``code=start/end`` (ISO dates, either side may be empty).
Rows whose id repeats an earlier one extend it (non-empty fields override, aliases add).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
sys.path.insert(0, str(SRC))

from rasd.kb.index import CONTEXT, FOCUS, STRONG, WEAK, alias_key  # noqa: E402

DATA = SRC / "rasd" / "kb" / "data"
SHARED = Path(os.environ.get("RASD_SHARED", REPO.parent / "shared"))
GEN = DATA / "gen_countries.tsv"
GEN2 = DATA / "gen_bodies.tsv"
INDEX = DATA / "kb_index.json.gz"
COLS = ["id", "type", "name_en", "ar", "acr", "country", "role", "qid", "offices"]

# ---------------------------------------------------------------------------------------
# Hand-written country table: ISO, English name, English adjective, Wikidata QID,
# arwikicats nationality key, and Arabic overrides (country|masc. adj.|fem. adj.) where
# arwikicats lacks the nationality. Tier: F = focus region (full institution set),
# W = world power / frequent actor (core institutions).
COUNTRIES = """
SA|Saudi Arabia|Saudi|Q851|-|السعودية,المملكة العربية السعودية,المملكة السعودية|السعودي|السعودية|F|K
YE|Yemen|Yemeni|Q805|yemeni||||F|
OM|Oman|Omani|Q842|omani|سلطنة عمان,عمان|||F|S
AE|United Arab Emirates|Emirati|Q878|emirati|الإمارات العربية المتحدة,الإمارات,دولة الإمارات|||F|
QA|Qatar|Qatari|Q846|qatari|قطر,دولة قطر|||F|E
BH|Bahrain|Bahraini|Q398|bahraini|البحرين,مملكة البحرين|||F|K
KW|Kuwait|Kuwaiti|Q817|kuwaiti|الكويت,دولة الكويت|||F|E
IQ|Iraq|Iraqi|Q796|iraqi||||F|
SY|Syria|Syrian|Q858|syrian|سوريا,سورية,الجمهورية العربية السورية|||F|
LB|Lebanon|Lebanese|Q822|lebanese||||F|
JO|Jordan|Jordanian|Q810|jordanian|الأردن,المملكة الأردنية الهاشمية|||F|K
PS|Palestine|Palestinian|Q219060|palestinian|فلسطين,دولة فلسطين|||F|
IL|Israel|Israeli|Q801|israeli||||F|
IR|Iran|Iranian|Q794|iranian|إيران,الجمهورية الإسلامية الإيرانية|||F|
TR|Turkey|Turkish|Q43|turkish|تركيا|||F|
EG|Egypt|Egyptian|Q79|egyptian|مصر,جمهورية مصر العربية|||F|
LY|Libya|Libyan|Q1016|libyan||||F|
TN|Tunisia|Tunisian|Q948|tunisian||||F|
DZ|Algeria|Algerian|Q262|algerian||||F|
MA|Morocco|Moroccan|Q1028|moroccan|المغرب,المملكة المغربية|||F|K
MR|Mauritania|Mauritanian|Q1025|mauritanian|موريتانيا|||F|
SD|Sudan|Sudanese|Q1049|sudanese||||F|
SS|South Sudan|South Sudanese|Q958|-|جنوب السودان,دولة جنوب السودان|الجنوب سوداني|الجنوب سودانية|F|
ML|Mali|Malian|Q912|malian||||F|
NE|Niger|Nigerien|Q1032|nigerien||||F|
TD|Chad|Chadian|Q657|chadian||||F|
BF|Burkina Faso|Burkinabe|Q965|burkinabe||||F|
SN|Senegal|Senegalese|Q1041|senegalese||||F|
NG|Nigeria|Nigerian|Q1033|nigerian||||F|
CM|Cameroon|Cameroonian|Q1009|cameroonian||||F|
GN|Guinea|Guinean|Q1006|guinean||||F|
CF|Central African Republic|Central African|Q929|-|جمهورية أفريقيا الوسطى,أفريقيا الوسطى|الأفريقي الأوسطي|الأفريقية الأوسطية|F|
ET|Ethiopia|Ethiopian|Q115|ethiopian||||F|
ER|Eritrea|Eritrean|Q986|eritrean|إريتريا,إرتريا|||F|
DJ|Djibouti|Djiboutian|Q977|djiboutian||||F|
SO|Somalia|Somali|Q1045|-|الصومال|الصومالي|الصومالية|F|
KE|Kenya|Kenyan|Q114|kenyan||||F|
UG|Uganda|Ugandan|Q1036|ugandan||||F|
BI|Burundi|Burundian|Q967|burundian||||F|
RW|Rwanda|Rwandan|Q1037|rwandan||||F|
CD|Democratic Republic of the Congo|Congolese|Q974|-|جمهورية الكونغو الديمقراطية,الكونغو الديمقراطية|الكونغولي|الكونغولية|F|
AF|Afghanistan|Afghan|Q889|afghan||||F|
PK|Pakistan|Pakistani|Q843|pakistani||||F|
US|United States|American|Q30|american|الولايات المتحدة,الولايات المتحدة الأمريكية,أمريكا|||W|
RU|Russia|Russian|Q159|russian|روسيا,روسيا الاتحادية|||W|
CN|China|Chinese|Q148|chinese|الصين|||W|
GB|United Kingdom|British|Q145|british|المملكة المتحدة,بريطانيا|||W|
FR|France|French|Q142|french||||W|
DE|Germany|German|Q183|german||||W|
IT|Italy|Italian|Q38|italian||||W|
ES|Spain|Spanish|Q29|spanish||||W|
UA|Ukraine|Ukrainian|Q212|ukrainian||||W|
IN|India|Indian|Q668|indian||||W|
JP|Japan|Japanese|Q17|japanese||||W|
CA|Canada|Canadian|Q16|canadian||||W|
GR|Greece|Greek|Q41|greek||||W|
CY|Cyprus|Cypriot|Q229|cypriot||||W|
ZA|South Africa|South African|Q258|-|جنوب أفريقيا,جمهورية جنوب أفريقيا|الجنوب أفريقي|الجنوب أفريقية|W|
TZ|Tanzania|Tanzanian|Q924|tanzanian||||W|
GH|Ghana|Ghanaian|Q117|ghanaian||||W|
CI|Ivory Coast|Ivorian|Q1008|ivorian|ساحل العاج,كوت ديفوار|||W|
BJ|Benin|Beninese|Q962|beninese||||W|
TG|Togo|Togolese|Q945|togolese||||W|
GM|Gambia|Gambian|Q1005|gambian||||W|
AZ|Azerbaijan|Azerbaijani|Q227|azerbaijani||||W|
ID|Indonesia|Indonesian|Q252|indonesian||||W|
MY|Malaysia|Malaysian|Q833|malaysian||||W|
KP|North Korea|North Korean|Q423|-|كوريا الشمالية|الكوري الشمالي|الكورية الشمالية|W|
KR|South Korea|South Korean|Q884|-|كوريا الجنوبية|الكوري الجنوبي|الكورية الجنوبية|W|
BE|Belgium|Belgian|Q31|belgian||||W|
NL|Netherlands|Dutch|Q55|dutch||||W|
CH|Switzerland|Swiss|Q39|swiss||||W|
SE|Sweden|Swedish|Q34|swedish||||W|
NO|Norway|Norwegian|Q20|norwegian||||W|
AT|Austria|Austrian|Q40|austrian||||W|
BR|Brazil|Brazilian|Q155|brazilian||||W|
AU|Australia|Australian|Q408|australian||||W|
"""

# English country names that take "the" after "of" (Government of the United Kingdom).
THE_COUNTRIES = {"United States", "United Kingdom", "United Arab Emirates", "Netherlands",
                 "Central African Republic", "Democratic Republic of the Congo", "Gambia"}

# Countries under military rule at some point since 2010 (a "military junta" entry).
JUNTAS = {"ML": "2020-08-18/", "BF": "2022-01-24/", "NE": "2023-07-26/", "GN": "2021-09-05/",
          "SD": "2019-04-11/", "TD": "2021-04-20/", "EG": "2011-02-11/2012-06-30"}

# Institution templates. {C} English country, {A} English adjective; Arabic: {c} country,
# {m} masculine adjective with article, {f} feminine adjective with article.
# tier: F = focus countries only, W = all. An alias starting with ^ is a focus alias.
INSTITUTIONS = [
    ("gov", "ORG", "Government of {C}", "F W",
     "الحكومة {f}|حكومة {c}|السلطات {f}|^الحكومة|^السلطات|^الحكومة الانتقالية|^الحكومة المؤقتة"
     "|^الحكومة المركزية|^الحكومة الاتحادية|^الحكومة الفيدرالية|^السلطات الانتقالية|الحكومة الانتقالية {f}"
     "|الحكومة الانتقالية في {c}|السلطات الانتقالية في {c}|السلطات الانتقالية {f}"
     "|^الحكومة المعترف بها دوليا|^الحكومة الشرعية|الحكومة {f} المعترف بها دوليا|الحكومة الشرعية في {c}"),
    ("army", "ORG", "{A} Armed Forces", "F W",
     "الجيش {m}|القوات المسلحة {f}|جيش {c}|قوات الجيش {m}|القوات {f}|القوات الحكومية {f}|^الجيش|^القوات المسلحة"
     "|^القوات الحكومية|^الجيش الوطني|^قوات الجيش|^الجيش النظامي|الجيش الوطني {m}|القوات المسلحة في {c}"
     "|^جيش الحكومة|^قوات الحكومة|^القوات التابعة للحكومة|^القوات الموالية للحكومة|^جيش الحكومة المعترف بها دوليا"
     "|^القوات التابعة للحكومة المعترف بها دوليا|^القوات الموالية للحكومة المعترف بها دوليا|^القوات الحكومية {f}"),
    ("police", "ORG", "Police of {C}", "F W",
     "الشرطة {f}|شرطة {c}|قوات الشرطة {f}|^الشرطة|^قوات الشرطة"),
    ("secforces", "ORG", "{A} security forces", "F W",
     "قوات الأمن {f}|الأجهزة الأمنية {f}|^قوات الأمن|^الأجهزة الأمنية"),
    ("mofa", "ORG", "Ministry of Foreign Affairs of {C}", "F W",
     "وزارة الخارجية {f}|وزارة خارجية {c}|الخارجية {f}|^وزارة الخارجية"),
    ("mod", "ORG", "Ministry of Defence of {C}", "F W",
     "وزارة الدفاع {f}|وزارة دفاع {c}|^وزارة الدفاع"),
    ("moi", "ORG", "Ministry of Interior of {C}", "F W",
     "وزارة الداخلية {f}|وزارة داخلية {c}|^وزارة الداخلية"),
    ("moh", "ORG", "Ministry of Health of {C}", "F",
     "وزارة الصحة {f}|وزارة الصحة في {c}|^وزارة الصحة"),
    ("mof", "ORG", "Ministry of Finance of {C}", "F",
     "وزارة المالية {f}|وزارة المالية في {c}|^وزارة المالية"),
    ("moj", "ORG", "Ministry of Justice of {C}", "F",
     "وزارة العدل {f}|^وزارة العدل"),
    ("moinfo", "ORG", "Ministry of Information of {C}", "F",
     "وزارة الإعلام {f}|^وزارة الإعلام"),
    ("parliament", "ORG", "Parliament of {C}", "F W",
     "البرلمان {m}|برلمان {c}|^البرلمان"),
    ("opposition", "ORG", "{A} opposition", "F",
     "المعارضة {f}|^المعارضة"),
    ("airforce", "ORG", "{A} Air Force", "F W",
     "القوات الجوية {f}|سلاح الجو {m}|الطيران {m}|^القوات الجوية|^سلاح الجو"),
    ("navy", "ORG", "{A} Navy", "F W",
     "البحرية {f}|القوات البحرية {f}|^القوات البحرية"),
    ("intel", "ORG", "{A} intelligence services", "F W",
     "المخابرات {f}|الاستخبارات {f}|^المخابرات|^الاستخبارات"),
    ("cbank", "ORG", "Central Bank of {C}", "F",
     "البنك المركزي {m}|مصرف {c} المركزي|^البنك المركزي"),
    ("prosecution", "ORG", "Public Prosecution of {C}", "F",
     "النيابة العامة {f}|^النيابة العامة"),
    ("presidency", "ORG", "Presidency of {C}", "F",
     "الرئاسة {f}|^الرئاسة"),
]
# Further ministries and state bodies of focus countries: (code, English, Arabic heads).
# Each gets "<head> {f}" (the adjective form), "<head> في {c}" and a focus alias "^<head>".
MORE_BODIES = [
    ("moedu", "Ministry of Education", "وزارة التربية والتعليم|وزارة التعليم|وزارة التربية"),
    ("mohe", "Ministry of Higher Education", "وزارة التعليم العالي"),
    ("mooil", "Ministry of Oil", "وزارة النفط|وزارة البترول|وزارة الطاقة"),
    ("moecon", "Ministry of Economy", "وزارة الاقتصاد"),
    ("motrade", "Ministry of Trade", "وزارة التجارة"),
    ("moagri", "Ministry of Agriculture", "وزارة الزراعة"),
    ("motransport", "Ministry of Transport", "وزارة النقل"),
    ("molabour", "Ministry of Labour", "وزارة العمل"),
    ("mosocial", "Ministry of Social Affairs", "وزارة الشؤون الاجتماعية"),
    ("moawqaf", "Ministry of Religious Affairs", "وزارة الأوقاف|وزارة الشؤون الإسلامية|وزارة الشؤون الدينية"),
    ("moplanning", "Ministry of Planning", "وزارة التخطيط"),
    ("mowater", "Ministry of Water Resources", "وزارة الموارد المائية|وزارة المياه|وزارة الري"),
    ("moelec", "Ministry of Electricity", "وزارة الكهرباء"),
    ("mohousing", "Ministry of Housing", "وزارة الإسكان"),
    ("motourism", "Ministry of Tourism", "وزارة السياحة"),
    ("moculture", "Ministry of Culture", "وزارة الثقافة"),
    ("moyouth", "Ministry of Youth and Sports", "وزارة الشباب والرياضة|وزارة الرياضة"),
    ("mocomm", "Ministry of Communications", "وزارة الاتصالات"),
    ("mohr", "Ministry of Human Rights", "وزارة حقوق الإنسان"),
    ("moenv", "Ministry of Environment", "وزارة البيئة"),
    ("molocal", "Ministry of Local Administration", "وزارة الإدارة المحلية|وزارة الحكم المحلي"),
    ("momigration", "Ministry of Migration", "وزارة الهجرة|وزارة الهجرة والمهجرين"),
    ("coastguard", "Coast Guard", "خفر السواحل|قوات خفر السواحل"),
    ("borderguard", "Border Guard", "حرس الحدود|قوات حرس الحدود"),
    ("civildefense", "Civil Defence", "الدفاع المدني|المديرية العامة للدفاع المدني"),
    ("nationalguard", "National Guard", "الحرس الوطني"),
    ("republicanguard", "Republican Guard", "الحرس الجمهوري"),
    ("constcourt", "Constitutional Court", "المحكمة الدستورية"),
    ("supremecourt", "Supreme Court", "المحكمة العليا"),
    ("elections", "Electoral Commission", "الهيئة العليا للانتخابات|المفوضية العليا للانتخابات|اللجنة العليا للانتخابات|المفوضية الوطنية للانتخابات"),
    ("redcrescent", "Red Crescent Society", "الهلال الأحمر|جمعية الهلال الأحمر"),
]

# Offices (titles) per country: code, English, tier, Arabic title phrases.
OFFICES = [
    ("hos", "Head of state of {C}", "F W",
     "الرئيس {m}|رئيس {c}|رئيس جمهورية {c}|رئيس دولة {c}|^الرئيس|^رئيس الجمهورية|^رئيس الدولة"),
    ("hog", "Head of government of {C}", "F W",
     "رئيس الوزراء {m}|رئيس الحكومة {f}|رئيس وزراء {c}|رئيس حكومة {c}|^رئيس الوزراء|^رئيس الحكومة"),
    ("fm", "Foreign minister of {C}", "F W",
     "وزير الخارجية {m}|وزير خارجية {c}|^وزير الخارجية"),
    ("dm", "Defence minister of {C}", "F W",
     "وزير الدفاع {m}|وزير دفاع {c}|^وزير الدفاع"),
    ("im", "Interior minister of {C}", "F",
     "وزير الداخلية {m}|وزير داخلية {c}|^وزير الداخلية"),
]
MONARCH_TITLES = {
    "K": "العاهل {m}|الملك {m}|ملك {c}|^الملك|^العاهل",
    "E": "أمير {c}|الأمير {m}|^أمير البلاد",
    "S": "سلطان {c}|السلطان {m}|^السلطان",
}


def _read_tsv(path: Path) -> list[dict[str, str]]:
    rows = []
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0] == "id":
            continue
        if len(parts) < 3:
            raise SystemExit(f"{path.name}:{ln}: needs at least id, type, name_en")
        parts += [""] * (len(COLS) - len(parts))
        if len(parts) > len(COLS):
            raise SystemExit(f"{path.name}:{ln}: more than {len(COLS)} columns")
        row = dict(zip(COLS, (p.strip() for p in parts[: len(COLS)])))
        # Catch shifted columns early.
        if row["country"] and not re.fullmatch(r"[A-Z]{2}", row["country"]):
            raise SystemExit(f"{path.name}:{ln}: bad country {row['country']!r}")
        if row["qid"] and not re.fullmatch(r"Q\d+", row["qid"]):
            raise SystemExit(f"{path.name}:{ln}: bad qid {row['qid']!r}")
        if row["type"] not in ("PER", "ORG", "LOC", "MISC", "OFFICE", "ADJ"):
            raise SystemExit(f"{path.name}:{ln}: bad type {row['type']!r}")
        for o in filter(None, row["offices"].split(";")):
            if not re.fullmatch(r"[\w:]+=(\d{4}-\d\d-\d\d)?/(\d{4}-\d\d-\d\d)?", o.strip()):
                raise SystemExit(f"{path.name}:{ln}: bad office {o!r}")
        row["_src"] = path.name
        rows.append(row)
    return rows


def _row(id_, type_, name_en, ar, acr="", country="", role="", qid="", offices=""):
    return "\t".join([id_, type_, name_en, ar, acr, country, role, qid, offices])


def generate(shared: Path) -> tuple[str, str]:
    """The generated TSV text (countries, institutions, offices) from ../shared."""
    nats = json.loads((shared / "data/arwikicats_en_ar_labels/nationalities_nationalities_data.json")
                      .read_text(encoding="utf-8"))
    aleph: dict[str, list[str]] = {}
    with open(shared / "data/countrynames_aleph/country_arabic_script_variants.tsv",
              encoding="utf-8") as f:
        next(f)
        for line in f:
            iso, var, hint = line.rstrip("\n").split("\t")
            if hint == "arabic":
                aleph.setdefault(iso, []).append(var)
    adj_forms = set()
    for v in nats.values():
        for k in ("male", "males", "female", "females", "the_male", "the_female"):
            if v.get(k):
                adj_forms.add(alias_key(v[k]))
    out = [
        "# Generated by scripts/build_kb.py -- do not edit; edit the script or a hand-written file.",
        "# Sources: arwikicats_en_ar_labels (ArWikiCats, MIT): nationality adjectives and",
        "# country names; countrynames_aleph (alephdata/countrynames, MIT): Arabic-script",
        "# country-name variants; country table (English names, QIDs) and templates: hand-written.",
        "\t".join(COLS),
    ]
    focus = []
    bodies: list[str] = []  # further ministries and state bodies (gen_bodies.tsv)
    # Nationality adjectives (all forms) -> ISO, for surnames that are adjectives and focus.
    by_en = {line.split("|")[1].lower(): line.split("|")[0] for line in COUNTRIES.strip().splitlines()}
    for key in sorted(nats):
        v = nats[key]
        iso = by_en.get((v.get("en") or "").lower(), "")
        forms = [v[k] for k in ("male", "males", "female", "females", "the_male", "the_female") if v.get(k)]
        if forms:
            out.append(_row(f"adj:{key.replace(' ', '_')}", "ADJ", key, "|".join(forms), "", iso))
    for line in COUNTRIES.strip().splitlines():
        iso, en, adj, qid, natkey, ar_over, m_over, f_over, tier, mon = line.split("|")
        nat = nats.get(natkey, {}) if natkey != "-" else {}
        names = [a for a in ar_over.split(",") if a] if ar_over else []
        if nat.get("ar") and nat["ar"] not in names:
            names.append(nat["ar"])
        m = m_over or nat.get("the_male", "")
        f = f_over or nat.get("the_female", "")
        if not names or not m or not f:
            raise SystemExit(f"country {iso}: Arabic names missing")
        if m_over:
            bare = [x[2:] if x.startswith("ال") else x for x in (m, f)]
            out.append(_row(f"adj:{iso.lower()}", "ADJ", adj, "|".join([m, f] + bare), "", iso))
        # Country-name variants, without bare nationality adjectives (يمني is not Yemen).
        for v in aleph.get(iso, []):
            k = alias_key(v)
            if k and k not in adj_forms and v not in names and len(k) > 2:
                names.append(v)
        out.append(_row(f"loc:{iso}", "LOC", en, "|".join(names), "", iso, "country", qid))
        focus.append((iso, en, adj, names[0], m, f, tier, mon))
    # Every other country arwikicats knows, as a LOC entry (no institutions).
    known_en = {c[1].lower() for c in focus}
    seen_ar = {alias_key(n) for c in focus for n in [c[3]]}
    for key in sorted(nats):
        v = nats[key]
        en, ar = v.get("en", ""), v.get("ar", "")
        if not en or not ar or en in known_en or alias_key(ar) in seen_ar:
            continue
        if alias_key(ar) in adj_forms:
            continue
        known_en.add(en)
        seen_ar.add(alias_key(ar))
        name = " ".join(w if w in ("of", "and", "the") else w[:1].upper() + w[1:] for w in en.split())
        slug = re.sub(r"[^a-z]+", "_", en.lower()).strip("_")
        out.append(_row(f"loc:{slug}", "LOC", name, ar, "", "", "country"))
    for iso, en, adj, c, m, f, tier, mon in focus:
        def fill(s: str) -> str:
            if en in THE_COUNTRIES:
                s = s.replace("of {C}", "of the {C}")
            return s.format(C=en, A=adj, c=c, m=m, f=f)

        def fill_ar(pattern: str) -> str:
            return "|".join(dict.fromkeys(fill(p) for p in pattern.split("|")))

        for code, typ, en_pat, tiers, ar_pat in INSTITUTIONS:
            if tier not in tiers.split():
                continue
            if code == "presidency" and mon:
                # Monarchies have no presidency: in Saudi news "الرئاسة" is short for one of
                # the "General Presidencies" (of Meteorology, Youth Welfare, ...).
                continue
            out.append(_row(f"{code}:{iso}", typ, fill(en_pat), fill_ar(ar_pat), "", iso,
                            fill(en_pat)))
        if tier == "F":
            for code, en_head, heads in MORE_BODIES:
                if not bodies:
                    bodies.extend(out[:4])  # the same header comment
                    bodies.append("\t".join(COLS))
                names = []
                for h in heads.split("|"):
                    names += [f"{h} {f}", f"{h} {m}", f"{h} في {c}", f"^{h}"]
                bodies.append(_row(f"{code}:{iso}", "ORG", f"{en_head} of {en}", "|".join(names), "",
                                iso, f"{en_head} of {en}"))
        if iso in JUNTAS:
            out.append(_row(f"junta:{iso}", "ORG", f"Military junta of {en}",
                            fill_ar("المجلس العسكري {m}|المجلس العسكري في {c}|المجلس العسكري الحاكم في {c}|^المجلس العسكري|^المجلس العسكري الحاكم|^المجلس العسكري الانتقالي"),
                            "", iso, f"military government {JUNTAS[iso]}"))
        for code, en_pat, tiers, ar_pat in OFFICES:
            if tier not in tiers.split():
                continue
            pat = ar_pat
            if code == "hos" and mon:
                pat = MONARCH_TITLES[mon]
            out.append(_row(f"office:{code}:{iso}", "OFFICE", fill(en_pat), fill_ar(pat), "", iso,
                            fill(en_pat)))
    return "\n".join(out) + "\n", "\n".join(bodies) + "\n"


_MARK_RE = re.compile(r"^(~~|~|\^)?(.*?)(?:@([\w:,.-]+))?$")

# Real spelling alternations added automatically (on normalised keys).
_ALTERNATIONS = [("امريك", "اميرك"), ("اميرك", "امريك"), ("افريقي", "افريقي")]


def _alias_variants(key: str, typ: str) -> list[str]:
    out = [key]
    for a, b in _ALTERNATIONS:
        if a in key:
            out.append(key.replace(a, b))
    if typ == "PER":
        # عبد الله / عبدالله, عبد ربه / عبدربه
        if "عبد " in key:
            out.append(key.replace("عبد ", "عبد"))
        elif re.search(r"عبد(?=ال|\w)", key):
            out.append(re.sub(r"\bعبد(?=\w)", "عبد ", key))
        if "ابو " in key:
            out.append(key.replace("ابو ", "ابو"))
    return list(dict.fromkeys(out))


# One-word person aliases that are also common Arabic words: weak (named in full first).
# Article-initial one-word aliases are weak unless distinctive (listed in _DISTINCT_AL).
_COMMON_SURNAMES = {alias_key(w) for w in (
    "رئيسي تراس جراد روحاني سلال شكري ظريف غول مرسي مشعل معصوم نجاد بنس لامي محلب كرتي بارو "
    "هيلي قالن آموس عون بري عباس هادي صالح سلامة مبارك كيري كاتس روته مشار").split()}
_DISTINCT_AL = {alias_key(w) for w in (
    "السيسي السبسي السنوار السيستاني الغنوشي الدبيبة الكاظمي البكوش الجهيناوي المرزوقي "
    "الخصاونة الغزواني القذافي البغدادي الظواهري الحريري").split()}


# Words that open a two-word last name ("عبد السلام", "أبو بكر", "بن علي").
_NAME_LINK = {alias_key(w) for w in "عبد أبو ابو بن ابن آل ال".split()}
_ALLAH = alias_key("الله")


def _common_surname(key: str) -> bool:
    if key in _COMMON_SURNAMES:
        return True
    return key.startswith("ال") and key not in _DISTINCT_AL


def compile_index(files: list[Path]) -> str:
    """The compiled JSON index text of the TSV files given."""
    adjectives: dict[str, str] = {}
    merged: dict[str, dict] = {}
    order: list[str] = []
    sources: list[str] = []
    for path in files:
        sources.append(path.name)
        for r in _read_tsv(path):
            if r["type"] == "ADJ":
                # Nationality adjective forms -> ISO (not entries).
                for a in r["ar"].split("|"):
                    if alias_key(a):
                        adjectives.setdefault(alias_key(a), r["country"])
                continue
            if r["id"] in merged:
                e = merged[r["id"]]
                for k in ("type", "name_en", "country", "role", "qid", "offices"):
                    if r[k]:
                        e[k] = r[k]
                e["ar"] = "|".join(x for x in (r["ar"], e["ar"]) if x)
                e["acr"] = "|".join(x for x in (e["acr"], r["acr"]) if x)
                e["_src"] += "," + r["_src"]
            else:
                merged[r["id"]] = dict(r)
                order.append(r["id"])
    entries = []
    aliases: dict[str, list] = {}
    for idx, eid in enumerate(order):
        r = merged[eid]
        ar = [a for a in r["ar"].split("|") if a.strip()]
        acr = [a for a in r["acr"].split("|") if a.strip()]
        plain = []
        for raw in ar + acr:
            m = _MARK_RE.match(raw.strip())
            mark, text, req = m.group(1) or "", m.group(2).strip(), m.group(3)
            flag = {"": STRONG, "~": WEAK, "~~": CONTEXT, "^": FOCUS}[mark]
            key = alias_key(text)
            if not key:
                continue
            if mark == "" and raw in ar:
                plain.append(text)
            hit = [idx, flag] + ([req.split(",")] if req else [])
            if r["type"] == "PER" and flag == STRONG and not req and " " not in key \
                    and _common_surname(key):
                # "رئيسي" (main), "الصدر" (chest): the person only once named in full.
                hit = [idx, WEAK, [eid]]
            for k in _alias_variants(key, r["type"]):
                lst = aliases.setdefault(k, [])
                # One hit per entry and key: the surest flag wins.
                for h in lst:
                    if h[0] == idx:
                        if flag < h[1]:
                            h[1] = flag
                            del h[2:]
                            h.extend(hit[2:])
                        break
                else:
                    lst.append(list(hit))
        if r["type"] == "PER" and plain:
            # A surname alone names a person only once they are named in full (weak).
            for full in plain:
                words = alias_key(full).split(" ")
                # "عبد السلام", "أبو بكر": the last name is both words ("السلام" alone is
                # "peace", not the surname of "محمد عبد السلام").
                # So is "X الله" ("نصر الله", "جار الله"): "الله" alone is God.
                last = " ".join(words[-2:]) if len(words) >= 2 and (
                    words[-2] in _NAME_LINK or words[-1] == _ALLAH) else words[-1]
                if len(words) >= 2 and len(words[-1]) >= 3 and last != " ".join(words):
                    lst = aliases.setdefault(last, [])
                    if not any(h[0] == idx for h in lst):
                        # Only where the person is named in full in the same document.
                        lst.append([idx, WEAK, [eid]])
        offices = []
        for o in r["offices"].split(";"):
            o = o.strip()
            if not o:
                continue
            code, _, span = o.partition("=")
            s, _, t = span.partition("/")
            offices.append([code.strip(), s.strip() or None, t.strip() or None])
        e = {"id": eid, "type": r["type"], "name_en": r["name_en"],
             "name_ar": plain[0] if plain else (ar[0].lstrip("~^") if ar else "")}
        if plain:
            e["aliases"] = plain
        if acr:
            e["acronyms"] = acr
        for k, col in (("country", "country"), ("role", "role"), ("wikidata", "qid")):
            if r[col]:
                e[k] = r[col]
        if offices:
            e["offices"] = offices
        e["source"] = r["_src"]
        entries.append(e)
    data = {"version": 1, "sources": sources, "entries": entries,
            "aliases": dict(sorted(aliases.items())), "adjectives": dict(sorted(adjectives.items()))}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"


def _gzip(text: str) -> bytes:
    """Deterministic gzip (no timestamp) of the index text."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(text.encode("utf-8"))
    return buf.getvalue()


def _gunzip(path: Path) -> str:
    try:
        return gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError):
        return ""


def _rel(p: Path) -> str:
    try:
        return str(p.relative_to(REPO))
    except ValueError:
        return str(p)


def data_files() -> list[Path]:
    """The TSV files compiled, generated one first, then hand-written ones by name."""
    hand = sorted(p for p in DATA.glob("*.tsv")
                  if p.name not in (GEN.name, GEN2.name) and not p.name.startswith("translit"))
    return [GEN, GEN2] + hand


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if a built file is stale")
    ap.add_argument("--shared", type=Path, default=SHARED)
    args = ap.parse_args(argv)
    stale = []
    if (args.shared / "data").exists():
        for path, text in zip((GEN, GEN2), generate(args.shared)):
            if args.check:
                if not path.exists() or path.read_text(encoding="utf-8") != text:
                    stale.append(path)
            else:
                path.write_text(text, encoding="utf-8")
    elif not args.check:
        print(f"note: {args.shared} absent; keeping {GEN.name}, {GEN2.name} as they are", file=sys.stderr)
    if args.check and stale:
        print("stale: " + ", ".join(_rel(p) for p in stale))
        return 1
    idx = compile_index(data_files())
    if args.check:
        if not INDEX.exists() or _gunzip(INDEX) != idx:
            print(f"stale: {_rel(INDEX)}")
            return 1
        print("kb up to date")
        return 0
    INDEX.write_bytes(_gzip(idx))
    n = len(json.loads(idx)["entries"])
    print(f"wrote {_rel(INDEX)} ({n} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
