"""KB rows of round 5: army chiefs, ministers and spokespeople of 2010s conflict news
(people_security.tsv) and Sinai towns (places.tsv)."""

from __future__ import annotations

import re
from pathlib import Path

from rasd.kb import lookup
from rasd.kb.index import load_index
from tests.kb._helpers import entity_with, run

DATA = Path(__file__).resolve().parents[2] / "src" / "rasd" / "kb" / "data"


def test_security_rows_are_well_formed_and_new():
    kb_ids = {e.id for e in load_index().entries}
    other = {line.split("\t", 1)[0] for p in DATA.glob("*.tsv")
             if p.name != "people_security.tsv" and not p.name.startswith("translit")
             for line in p.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"}
    rows = [ln.split("\t") for ln in (DATA / "people_security.tsv").read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#") and not ln.startswith("id\t")]
    assert len(rows) >= 15
    for cols in rows:
        assert cols[1] == "PER" and cols[0].startswith("per:") and cols[0] in kb_ids, cols
        assert cols[0] not in other, f"{cols[0]} is defined in another file"
        assert cols[2] and cols[6], cols  # an English name and a role
        if len(cols) > 7 and cols[7]:
            assert re.fullmatch(r"Q[1-9]\d*", cols[7]), cols


def test_army_chief_and_minister_are_named_from_the_kb():
    doc = run("وسيزور رئيس اركان الجيوش الجديد توكور بوراتاي داماتورو اليوم.",
              [("PER", "توكور بوراتاي")], published="2015-07-17")
    e = entity_with(doc, "توكور بوراتاي")
    assert e is not None and e.name_en == "Tukur Buratai" and e.kb["id"] == "per:tukur_buratai"
    doc = run("وقال الدكتور عادل عدوي وزير الصحة المصرية إن المصابين بخير.", [("PER", "عادل عدوي")])
    assert entity_with(doc, "عادل عدوي").name_en == "Adel Adawi"


def test_press_secretary_surname_alone_needs_washington_in_the_text():
    doc = run("وقالت واشنطن إنها لم تتوصل لأدلة. وأضاف «إيرنست»: «نحن نتابع التقارير».")
    e = entity_with(doc, "إيرنست")
    assert e is not None and e.name_en == "Josh Earnest"
    # Without the United States named, "إيرنست" is some Ernst: not the press secretary.
    doc = run("وقال المدرب إيرنست إن الفريق جاهز للمباراة.", [("PER", "إيرنست")])
    e = entity_with(doc, "إيرنست")
    assert e is None or e.name_en != "Josh Earnest"


def test_libyan_spokesman_only_next_to_haftar_or_libya():
    hits = [e.id for e in lookup("محمد الحجازي")]
    assert "per:mohamed_hegazi" in hits
    doc = run("وقال محمد الحجازي المتحدث باسم خليفة حفتر إن الطائرات قصفت السفينة.",
              [("PER", "محمد الحجازي"), ("PER", "خليفة حفتر")])
    assert entity_with(doc, "محمد الحجازي").name_en == "Mohamed El Hejazi"
    doc = run("وقال الفنان محمد الحجازي إن الحفل تأجل.", [("PER", "محمد الحجازي")])
    assert entity_with(doc, "محمد الحجازي").name_en != "Mohamed El Hejazi"


def test_sinai_towns():
    doc = run("تواصل قوات الجيش المصري في شمال سيناء وبخاصة مناطق الشيخ زويد ورفح والعريش عملياتها.")
    e = entity_with(doc, "الشيخ زويد")
    assert e is not None and e.type == "LOC" and e.name_en == "Sheikh Zuweid"
