"""Round 7: coalitions by context, "القاعدة" the base vs al-Qaeda, leaders the KB lacked."""

from __future__ import annotations

from rasd.kb import lookup
from rasd.kb.rules import coalition_mentions

from tests.kb._helpers import entity_with, run


def _kb(doc, mention):
    e = entity_with(doc, mention)
    return None if e is None else (e.kb or {}).get("id")


# -- القاعدة: the base is not al-Qaeda ---------------------------------------------------

def test_air_base_is_not_al_qaeda_even_when_ner_calls_it_org():
    doc = run("انطلقت الطائرات من القاعدة الجوية في إنجرليك جنوب تركيا.", [("ORG", "القاعدة")])
    assert entity_with(doc, "القاعدة") is None


def test_base_named_in_the_text_makes_later_bare_mentions_the_base():
    text = ("استعادت القوات قاعدة العند العسكرية شمال عدن. وقال القائد إن قواته تمشط القاعدة "
            "بحثا عن مسلحين، وإن القاعدة باتت آمنة. وكانت الطائرات الأمريكية تستهدف عناصر "
            "القاعدة من هناك.")
    doc = run(text, [("ORG", "القاعدة")])
    qaeda = [e for e in doc.entities if (e.kb or {}).get("id") == "org:alqaeda"]
    # Only "عناصر القاعدة" (the group's members) is al-Qaeda; the two bare ones are the base.
    assert len(qaeda) == 1
    starts = [m.start for m in qaeda[0].mentions]
    assert starts == [text.rindex("القاعدة")]


def test_al_qaeda_still_links_without_a_base_in_the_text():
    doc = run("أعلن تنظيم القاعدة مسؤوليته عن الهجوم. وقال خبراء إن «القاعدة» تستغل الفوضى.")
    assert _kb(doc, "تنظيم القاعدة") == "org:alqaeda"
    assert _kb(doc, "القاعدة") == "org:alqaeda"


def test_al_qaeda_coordinated_with_isis_in_a_base_text_stays_al_qaeda():
    text = ("وصلت الطائرات إلى القاعدة الجوية في الأردن للمشاركة في الحرب على داعش والقاعدة.")
    doc = run(text, [("ORG", "داعش"), ("ORG", "القاعدة")])
    e = entity_with(doc, "القاعدة")
    assert e is not None and (e.kb or {}).get("id") == "org:alqaeda"
    assert [m.start for m in e.mentions] == [text.rindex("القاعدة")]


# -- التحالف: which coalition ------------------------------------------------------------

def test_coalition_in_yemen_news_is_the_saudi_led_coalition():
    doc = run("شنت قوات التحالف غارات على مواقع الحوثيين في صنعاء. وقالت قيادة التحالف "
              "إن العمليات مستمرة في اليمن.", [("ORG", "الحوثيين"), ("LOC", "صنعاء")])
    assert _kb(doc, "قوات التحالف") == "org:arab_coalition"
    assert _kb(doc, "التحالف") == "org:arab_coalition"


def test_coalition_in_iraq_news_is_the_international_coalition():
    doc = run("استهدف التحالف مواقع داعش في الموصل بالعراق. وقال مسؤول عراقي في بغداد إن "
              "غارات التحالف قتلت العشرات في العراق.", [("ORG", "داعش"), ("LOC", "الموصل")])
    assert _kb(doc, "التحالف") == "org:intl_coalition"


def test_coalition_by_co_mention_and_by_name():
    # The country after "الذي تقوده" stays its own mention (as in the gold).
    text = "وقالت تركيا إنها شريك في التحالف الذي تقوده الولايات المتحدة ضد داعش."
    doc = run(text, [("ORG", "داعش")])
    assert _kb(doc, "التحالف") == "org:intl_coalition"
    assert _kb(doc, "الولايات المتحدة") == "loc:US"
    doc = run("وأكد الأردن أنه جزء من التحالف الدولي لدعم الشرعية في اليمن.")
    assert _kb(doc, "التحالف الدولي لدعم الشرعية") == "org:arab_coalition"


def test_ambiguous_coalition_forces_are_an_unlinked_organisation():
    doc = run("وقال كاميرون في لندن إن قوات التحالف ستبقى.", [("PER", "كاميرون")])
    e = entity_with(doc, "قوات التحالف")
    assert e is not None and e.type == "ORG" and not e.kb
    assert e.name_en == "Coalition forces"


def test_the_word_alliance_is_not_a_coalition():
    doc = run("لا ينفع التحالف مع الصين في اليمن ولا في اليمن. وهذا التحالف السياسي ضعيف.")
    assert entity_with(doc, "التحالف") is None


def test_coalition_mentions_rule_unit():
    text = "وشنت طائرات التحالف غارات، وقالت قوات التحالف إن التحالف مع الصين قائم."
    got = [text[s:e] for s, e, _t, _h in coalition_mentions(text)]
    assert got == ["التحالف", "قوات التحالف"]
    assert coalition_mentions("لا شيء هنا") == []


# -- leaders the KB lacked -----------------------------------------------------------------

def test_leaders_added_in_round_7_are_found():
    for name, kid in (("هو جينتاو", "per:hu_jintao"), ("ماتيو رينزي", "per:matteo_renzi"),
                      ("فرانسوا فيون", "per:francois_fillon"), ("ألان جوبيه", "per:alain_juppe"),
                      ("رجب أردوغان", "per:erdogan"), ("صباح الأحمد", "per:sabah_al_ahmad"),
                      ("خليفة بن زايد", "per:khalifa_bin_zayed")):
        assert kid in [e.id for e in lookup(name)], name


def test_title_and_surname_links_the_office_holder():
    doc = run("قال الرئيس هولاند إن فرنسا ستواصل الضربات. والتقى رئيس الوزراء رينزي.",
              published="2015-06-01")
    assert _kb(doc, "هولاند") == "per:hollande"
    assert _kb(doc, "رينزي") == "per:matteo_renzi"
    # The prime minister of Italy in 2015 is Renzi (office dates).
    assert [e.id for e in lookup("رئيس الوزراء الإيطالي", "2015-06-01")] == ["per:matteo_renzi"]
