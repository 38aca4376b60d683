"""Round 6: aliases that name an organisation only in its context ("ctx:" requirements),
and facilities named after a country name that is also a capital's."""

from __future__ import annotations

from rasd.kb.index import load_index
from rasd.kb.link import Candidate, alias_context, doc_words
from tests.kb._helpers import entity_with, run

DATE = "2015-06-01"


def _kb_id(doc, mention: str):
    e = entity_with(doc, mention)
    return (e.kb or {}).get("id") if e is not None else None


def test_qena_is_not_the_qatar_news_agency():
    # NER tags the governorate ORG (as the NER snapshot of the KB did): still not linked.
    doc = run("توفي شخصان في قنا جنوب مصر، وسجلت حالتان بمحافظة قنا والأقصر.",
              [("ORG", "قنا")], published=DATE)
    assert "org:qna" not in {(e.kb or {}).get("id") for e in doc.entities}


def test_qna_links_in_an_agency_context():
    for text in ("الدوحة (قنا) - استقبل أمير قطر الوزير.",
                 "وذكرت قنا أن الأمير استقبل الوزير.",
                 "ونقلت وكالة «قنا» عن الوزير قوله إن الزيارة ناجحة."):
        doc = run(text, published=DATE)
        assert _kb_id(doc, "قنا") == "org:qna", text
    # Named in full: a later bare mention follows it.
    doc = run("وقالت وكالة الأنباء القطرية إن الأمير سافر. وأضافت أن قنا علمت بذلك.",
              published=DATE)
    assert _kb_id(doc, "قنا") == "org:qna"


def test_al_faw_is_not_the_fao():
    for text in ("سيطرت القوات العراقية على مدينة الفاو في البصرة.",
                 "شنت الطائرات غارات على مواقع الحوثيين في منطقة \"الفاو\" جنوب تعز.",
                 "ولولا انتصار الجيش العراقي في معركة الفاو لما انتهت الحرب."):
        doc = run(text, [("LOC", "الفاو")], published=DATE)
        assert _kb_id(doc, "الفاو") is None, text


def test_fao_links_after_organisation_words_or_with_its_full_name():
    for text in ("وقالت منظمة «الفاو» إن الأسعار ارتفعت.",
                 "وقال مدير عام الفاو إن الجوع يتراجع.",
                 "وقال ممثل الفاو في اليمن إن الوضع خطير.",
                 "وقالت منظمة الأمم المتحدة للأغذية والزراعة إن مؤشر الفاو انخفض."):
        doc = run(text, published=DATE)
        assert _kb_id(doc, "الفاو") == "org:fao", text
    doc = run("حذرت منظمة الأغذية والزراعة (فاو) من الجفاف.", published=DATE)
    assert _kb_id(doc, "فاو") == "org:fao"


def test_alias_context_rules():
    kb = load_index()

    def ctx(text: str, alias: str, kinds) -> bool:
        words = doc_words(text)
        s = text.index(alias)
        w0 = next(i for i, w in enumerate(words) if w.start <= s < w.end)
        c = Candidate(s, s + len(alias), w0, w0, alias, kb.hits(alias))
        return alias_context(text, words, c, kinds)

    assert ctx("الدوحة (قنا) - أعلن", "قنا", {"agency"})
    assert ctx("بحسب وكالة «قنا».", "قنا", {"agency"})
    assert not ctx("في محافظة (قنا) أمس", "قنا", {"agency"})  # a place noun before
    assert not ctx("حالتين في قنا أمس", "قنا", {"agency"})
    assert ctx("مدير عام الفاو قال", "الفاو", {"org"})  # two words back
    assert not ctx("في منطقة الفاو قال", "الفاو", {"org"})
    assert not ctx("ممثل. الفاو قال", "الفاو", {"org"})  # not across a full stop
    assert {"agency"} <= kb.ctx_keys["قنا"] and {"org"} <= kb.ctx_keys["الفاو"]


def test_facility_named_after_a_capital_not_the_country():
    doc = run("وصل الوزير إلى مطار عمان الدولي قادما من القاهرة.", published=DATE)
    e = entity_with(doc, "مطار عمان الدولي")
    assert e is not None and e.name_en == "Amman International Airport"
    doc = run("هبطت الطائرة في مطار الجزائر الدولي.", published=DATE)
    assert entity_with(doc, "مطار الجزائر الدولي").name_en == "Algiers International Airport"
    # A capital named after its country keeps the country's name (Kuwait City).
    doc = run("هبطت الطائرة في مطار الكويت الدولي.", published=DATE)
    assert entity_with(doc, "مطار الكويت الدولي").name_en == "Kuwait International Airport"
    # The country itself stays the country.
    doc = run("زار الوزير سلطنة عمان ثم عمان.", published=DATE)
    assert _kb_id(doc, "سلطنة عمان") == "loc:OM"
