"""Organisation names translated word by word, round 2 (issue #6 follow-ups): a closing
nationality adjective that agrees with the head modifies the head, و before any known word,
more institution words; and the KB's Amman entry (عمان only with Jordan in focus)."""

from __future__ import annotations

from rasd.kb.orgname import _strip, translate_org
from rasd.text.normalize import normalize

from ._helpers import entity_with, run, stage


def test_ministry_with_nationality_takes_the_kb_form():
    # Was "Ministry of American Commerce": the adjective belongs to the ministry; the KB
    # writes such bodies "Ministry of Trade of Saudi Arabia" (gen_bodies.tsv).
    assert translate_org("وزارة التجارة الأمريكية") == "Ministry of Commerce of the United States"
    assert translate_org("وزارة الثقافة المصرية") == "Ministry of Culture of Egypt"
    assert translate_org("وزارة الخارجية الأردنية") == "Ministry of Foreign Affairs of Jordan"


def test_other_heads_put_the_adjective_first():
    # Was "Aviation and American Space Agency".
    assert translate_org("وكالة الطيران والفضاء الأمريكية") == "American Aviation and Space Agency"
    assert translate_org("وكالة إدارة الطوارئ الوطنية النيجيرية") == \
        "Nigerian National Emergency Management Agency"
    # Was "Ministry of American".
    assert translate_org("الوزارة الأمريكية") == "American Ministry"


def test_adjective_that_does_not_agree_with_the_head_stays_with_its_noun():
    # السعودي (masculine) goes with الطيران, not with هيئة (feminine): read backwards as before.
    assert translate_org("هيئة الطيران المدني السعودي") == "Saudi Civil Aviation Authority"
    # Unchanged names.
    assert translate_org("الاتحاد السعودي لكرة القدم") == "Saudi Football Federation"
    assert translate_org("منظمة السياحة العربية") == "Arab Tourism Organization"
    assert translate_org("الاتحاد الكويتي") == "Kuwaiti Federation"


def test_waw_is_split_before_any_known_word():
    assert _strip(normalize("وتقنية")) == ("w", normalize("تقنية"))
    assert _strip(normalize("والمعلومات")) == ("w", normalize("معلومات"))
    # A known word that starts with و keeps it.
    assert _strip(normalize("وطنية")) == ("", normalize("وطنية"))
    assert _strip(normalize("وزارة")) == ("", normalize("وزارة"))
    assert translate_org("هيئة الاتصالات وتقنية المعلومات") == \
        "Communications and Information Technology Authority"


def test_new_institution_words():
    assert translate_org("وزارة الخارجية") == "Ministry of Foreign Affairs"
    assert translate_org("جهاز الأمن الداخلي") == "Internal Security Service"
    assert translate_org("مجموعة الأزمات الدولية") == "International Crisis Group"
    assert translate_org("لجنة السلامة المرورية") == "Traffic Safety Committee"
    # Still not translated: a proper name inside.
    assert translate_org("جامعة الملك سعود") is None


def test_amman_with_jordan_in_focus_and_its_foreign_minister():
    text = "استقبل الملك عبدالله الثاني في عمان وزير الخارجية"
    doc = run(text, [("PER", "الملك عبدالله الثاني"), ("LOC", "عمان")])
    place = entity_with(doc, "عمان")
    assert place is not None and place.kb.get("id") == "loc:amman" and place.name_en == "Amman"
    minister = entity_with(doc, "وزير الخارجية")
    # Before: Oman's foreign minister (the title linked from the focus عمان = Oman gave).
    assert minister is not None and minister.kb.get("id")
    assert stage().kb.get(minister.kb["id"]).country == "JO"


def test_oman_stays_oman_without_jordan():
    doc = run("وصل وزير الخارجية إلى سلطنة عمان في زيارة رسمية", [("LOC", "سلطنة عمان")])
    assert entity_with(doc, "سلطنة عمان").kb.get("id") == "loc:OM"
    doc = run("وقعت قطر وعمان والكويت اتفاقية للتعاون الاقتصادي",
              [("LOC", "قطر"), ("LOC", "عمان"), ("LOC", "الكويت")])
    assert entity_with(doc, "عمان").kb.get("id") == "loc:OM"
    doc = run("قالت مصادر في مسقط عاصمة عمان إن الاجتماع سيعقد", [("LOC", "مسقط"), ("LOC", "عمان")])
    assert entity_with(doc, "عمان").kb.get("id") == "loc:OM"
