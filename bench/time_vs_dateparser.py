"""Rasd's time stage against ``dateparser.search.search_dates`` on the same expressions.

Two sets: (1) every time of the gold-dev gold (found in its article, resolved against the
article's ``published``); (2) hand-written phrases below (one sentence each, dateline
2015-07-21, a Tuesday), covering what the time stage is meant to handle. An expression
is *found* when a system output overlaps it, *right* when a value equals the expected
one. dateparser returns datetimes, not ISO values with a precision: its datetime is
written at the expected value's precision (``2015-06`` → ``%Y-%m``), which is generous
to it; it has no notion of durations, intervals or null values. Also prints the time
each system takes.

    nice .venv/bin/python bench/time_vs_dateparser.py [--shared ../shared] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rasd.eval.score import raw_occurrences as occurrences  # noqa: E402
from rasd.time.stage import extract_times  # noqa: E402

PUB = "2015-07-21"

# (sentence, expression, expected value) — written for this benchmark, dateline 2015-07-21.
PHRASES: list[tuple[str, str, str | None]] = [
    ("انسحبت القوات بحلول 31 ديسمبر الماضي", "31 ديسمبر", "2014-12-31"),
    ("غادرت البعثة في يونيو الماضي", "يونيو الماضي", "2015-06"),
    ("صدر القرار في العام2013", "العام2013", "2013"),
    ("وصل الوفد أمس الأول إلى عمان", "أمس الأول", "2015-07-19"),
    ("قتل ثلاثة يوم الأحد في حلب", "يوم الأحد", "2015-07-19"),
    ("وصل الوفد منذ أسبوعين", "منذ أسبوعين", "P2W"),
    ("في 15 رمضان 1436 هـ وقع الهجوم", "15 رمضان 1436 هـ", "2015-07-02"),
    ("عقدت الجلسة في كانون الثاني 2015", "كانون الثاني 2015", "2015-01"),
    ("انطلقت المظاهرات في جانفي 2011", "جانفي 2011", "2011-01"),
    ("خلال السنوات العشر الماضية", "السنوات العشر", "P10Y"),
    ("في 12 يناير 2014 قرب الحدود", "12 يناير 2014", "2014-01-12"),
    ("أعلنت الوزارة في فبراير 2015 خطتها", "فبراير 2015", "2015-02"),
    ("وصل في 5 شباط 2015", "5 شباط 2015", "2015-02-05"),
    ("صادق البرلمان على القانون في 25 جويلية 2014", "25 جويلية 2014", "2014-07-25"),
    ("تنتهي المهلة في 20 أوت 2015", "20 أوت 2015", "2015-08-20"),
    ("حدث ذلك في تموز (يوليو) 2014", "تموز (يوليو) 2014", "2014-07"),
    ("اندلعت الاشتباكات في شهر مارس الماضي", "شهر مارس الماضي", "2015-03"),
    ("تجري الانتخابات في مارس المقبل", "مارس المقبل", "2016-03"),
    ("انتهت المهمة في الحادي والثلاثين من ديسمبر 2014", "الحادي والثلاثين من ديسمبر 2014", "2014-12-31"),
    ("في الخامس من يوليو أعلن", "الخامس من يوليو", "2015-07-05"),
    ("الجمعة ١٧ يوليو ٢٠١٥", "١٧ يوليو ٢٠١٥", "2015-07-17"),
    ("صدر في 5/7/2015", "5/7/2015", "2015-07-05"),
    ("في 1 ذو الحجة 1436هـ", "1 ذو الحجة 1436هـ", "2015-09-14"),
    ("تراجعت الهجمات خلال شهر رمضان", "شهر رمضان", "2015-06-18/2015-07-16"),
    ("قتل عشرة خلال أيام عيد الفطر", "أيام عيد الفطر", "2015-07-17/2015-07-19"),
    ("في ثالث أيام عيد الفطر", "ثالث أيام عيد الفطر", "2015-07-19"),
    ("في انقلاب عام 2021", "عام 2021", "2021"),
    ("أكثر من 15 ألف قتيل منذ 2009", "2009", "2009"),
    ("حتى العام ٢٠١٢", "العام ٢٠١٢", "2012"),
    ("خلال العام الماضي", "العام الماضي", "2014"),
    ("في هذه السنة", "هذه السنة", "2015"),
    ("في التسعينيات", "التسعينيات", "199"),
    ("وصل اليوم إلى الرياض", "اليوم", "2015-07-21"),
    ("غادر أمس إلى القاهرة", "أمس", "2015-07-20"),
    ("يعود غدا إلى بيروت", "غدا", "2015-07-22"),
    ("اشتباكات مساء أول من أمس", "أول من أمس", "2015-07-19"),
    ("التقى الخميس الماضي وزير الخارجية", "الخميس الماضي", "2015-07-16"),
    ("يصل الوفد يوم الأحد المقبل", "يوم الأحد المقبل", "2015-07-26"),
    ("في الأسبوع الماضي", "الأسبوع الماضي", "2015-W29"),
    ("في الأسبوع المقبل", "الأسبوع المقبل", "2015-W31"),
    ("في الشهر الماضي", "الشهر الماضي", "2015-06"),
    ("قتل قبل ثلاثة أيام", "قبل ثلاثة أيام", "2015-07-18"),
    ("في مطلع الشهر", "مطلع الشهر", "2015-07"),
    ("في أواخر الشهر الماضي", "أواخر الشهر الماضي", "2015-06"),
    ("من 1 إلى 5 يوليو", "من 1 إلى 5 يوليو", "2015-07-01/2015-07-05"),
    ("للفترة من 2015 إلى 2019", "من 2015 إلى 2019", "2015/2019"),
    ("المستمرة منذ عشر سنوات", "عشر سنوات", "P10Y"),
    ("خلال 48 ساعة", "48 ساعة", "PT48H"),
    ("خلال ست سنوات من التمرد", "ست سنوات", "P6Y"),
    ("خلال شهر ونصف الشهر", "شهر ونصف الشهر", "P1M15D"),
    ("في 31/02/2015 وقع", "31/02/2015", None),
    ("في عام 99999", "عام 99999", None),
    ("في 15 رمضان 2015", "15 رمضان 2015", None),
]


def dp_value(dt: datetime, expected: str | None) -> str:
    """dateparser's datetime at the precision of the expected value."""
    if expected and re.fullmatch(r"\d{4}-\d\d-\d\d", expected):
        return dt.strftime("%Y-%m-%d")
    if expected and re.fullmatch(r"\d{4}-\d\d", expected):
        return dt.strftime("%Y-%m")
    if expected and re.fullmatch(r"\d{4}", expected):
        return dt.strftime("%Y")
    if expected and re.fullmatch(r"\d{4}-W\d\d", expected):
        y, w, _ = dt.isocalendar()
        return f"{y}-W{w:02d}"
    return dt.strftime("%Y-%m-%d")


def spans_of(text: str, outputs: list[str]) -> list[tuple[int, int, str]]:
    """dateparser gives substrings: locate them in order."""
    res, pos = [], 0
    for s in outputs:
        i = text.find(s, pos)
        if i < 0:
            i = text.find(s)
        if i >= 0:
            res.append((i, i + len(s), s))
            pos = i + len(s)
    return res


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")
    cases: list[tuple[str, str, str, str | None, str]] = []  # text, pub, expr, value, set
    gold_dir = Path(args.shared) / "gold-dev" / "gold"
    if gold_dir.exists():
        for gf in sorted(gold_dir.glob("*.json")):
            g = json.loads(gf.read_text(encoding="utf-8"))
            inp = json.loads((gold_dir.parent / "input" / gf.name).read_text(encoding="utf-8"))
            for gt in g["times"]:
                cases.append((inp["text"], inp["published"], gt["text"], gt["value"], "gold-dev"))
    for sent, expr, val in PHRASES:
        cases.append((sent, PUB, expr, val, "phrases"))

    cache_r: dict[tuple[str, str], list] = {}
    cache_d: dict[tuple[str, str], list] = {}
    t_r = t_d = 0.0
    stats: dict[tuple[str, str], list[int]] = {}
    for text, pub, expr, val, which in cases:
        key = (text, pub)
        if key not in cache_r:
            t0 = time.perf_counter()
            cache_r[key] = [(t.start, t.end, t.value) for t in extract_times(text, pub)[0]]
            t_r += time.perf_counter() - t0
            t0 = time.perf_counter()
            base = datetime.fromisoformat(pub)
            try:
                found = search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": base}) or []
            except Exception:  # dateparser raises on some inputs; count as nothing found
                found = []
            t_d += time.perf_counter() - t0
            sp = spans_of(text, [s for s, _ in found])
            cache_d[key] = [(s, e, dp_value(dt, None), dt) for (s, e, _), (_, dt) in zip(sp, found)]
        occ = occurrences(text, expr)
        for sysname, outs in (("rasd", cache_r[key]), ("dateparser", cache_d[key])):
            hits = [o for o in outs if any(o[0] < e and s < o[1] for s, e in occ)]
            if sysname == "rasd":
                right = any(o[2] == val for o in hits)
            else:
                right = val is not None and any(dp_value(o[3], val) == val for o in hits)
                if val is None:
                    right = not hits  # no output is the right answer for an impossible date
            st = stats.setdefault((which, sysname), [0, 0, 0])
            st[0] += 1
            st[1] += bool(hits)
            st[2] += right
            if args.v and not right:
                print(f"{sysname:10s} {which:8s} {expr!r} want {val} got "
                      f"{[o[2] if sysname == 'rasd' else dp_value(o[3], val) for o in hits]}")
    print(f"{'set':10s} {'system':11s} {'n':>4s} {'found':>7s} {'right value':>12s}")
    for (which, sysname), (n, f, r) in sorted(stats.items()):
        print(f"{which:10s} {sysname:11s} {n:4d} {f / n:7.1%} {r / n:12.1%}")
    print(f"time: rasd {t_r:.2f} s, dateparser {t_d:.2f} s over {len(cache_r)} texts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
