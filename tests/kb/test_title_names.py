"""Names of unknown persons after a title (rasd.kb.rules.title_names) and NER mentions cut
at a complementizer (rasd.kb.stage._split_complementizer). Invented sentences."""

from __future__ import annotations

from rasd.kb import rules
from rasd.kb.link import doc_words
from rasd.kb.stage import _split_complementizer
from rasd.kb.translit import is_name_word
from rasd.text.normalize import normalize
from rasd.text.tokens import word_frequencies
from tests.kb._helpers import entity_with, run


def _titled(doc):
    return [(m.text, e.name_en) for e in doc.entities if e.type == "PER"
            and "title_name" in e.extra.get("by", "") for m in e.mentions]


def _spans(text: str) -> list[str]:
    sp = rules.title_names(text, doc_words(text), is_name_word, {}, word_frequencies())
    return [text[s:e] for s, e in sp]


def test_spokesman_of_ministry_then_name():
    doc = run("وقال المتحدث الرسمي لوزارة النقل تيسير المفرج إن الطرق ستفتح غدا.",
              [("ORG", "وزارة النقل")])
    e = entity_with(doc, "تيسير المفرج")
    assert e is not None and e.type == "PER"
    assert e.extra["by"] == "title_name"
    assert e.name_en and e.name_en.startswith("Tay")
    assert entity_with(doc, "وزارة النقل").type == "ORG"


def test_director_general_of_company():
    doc = run("وأكد مدير عام الشركة فهد العتيبي أن الأرباح ارتفعت هذا العام.")
    assert [t for t, _ in _titled(doc)] == ["فهد العتيبي"]


def test_doctor_feminine_before_colon():
    doc = run("وقالت الدكتورة فوزية الرميح: المرض ينتشر في الشتاء.")
    assert [t for t, _ in _titled(doc)] == ["فوزية الرميح"]


def test_name_with_bin_and_office_genitive_person():
    assert _spans("وقال رئيس نادي الوحدة الأمير عبدالرحمن بن مساعد إن الفريق جاهز.") == \
        ["عبدالرحمن بن مساعد"]
    # A person after an office noun belongs to the title ("مدير مكتب فلان").
    doc = run("وقال مدير مكتب العبادي مهدي العلاق للصحيفة إن القرار نهائي.",
              [("PER", "العبادي")])
    assert "مهدي العلاق" in [t for t, _ in _titled(doc)]


def test_title_alone_is_not_a_name():
    assert _spans("وصل وزير الخارجية الأمريكي إلى الرياض أمس.") == []
    assert _spans("وقال رئيس الوزراء إن الحكومة مستمرة في عملها.") == []
    assert _spans("وقال المتحدث الرسمي للوزارة، إن العمل مستمر.") == []


def test_stops_at_complementizer_verb_and_punctuation():
    assert _spans("وأوضح مدير الإدارة سعد الحربي أن المشروع اكتمل.") == ["سعد الحربي"]
    assert _spans("وقال مدير الإدارة سعد، الحربي أن المشروع اكتمل.") == []
    assert _spans("وأكد نائب الرئيس خالد الشهري قال إن الأمر انتهى.") == ["خالد الشهري"]
    # A given name alone after a title is not taken.
    assert _spans("وقال الشيخ محمد إن الصلاة ستقام.") == []


def test_common_words_and_places_are_not_names():
    # "امام" is in the first-name list but a common word: not taken.
    assert _spans("وقف رئيس الجمهورية امام الجمهور.") == []
    # A rarer first word needs a family name with ال and not right after محافظ.
    assert _spans("وقال محافظ حفر الباطن إن المطر توقف.") == []
    assert _spans("وقال الفنان سامح الصريطي إن الفيلم جاهز.") == ["سامح الصريطي"]


def test_existing_person_mention_not_duplicated():
    doc = run("وقال وزير العمل عادل فقيه إن البطالة تراجعت.", [("PER", "عادل فقيه")])
    pers = [e for e in doc.entities if e.type == "PER"]
    assert len(pers) == 1 and pers[0].extra["by"] != "title_name"


def test_ner_org_does_not_swallow_complementizer():
    doc = run("وأوضحت لجنة الاحتراف أن الاتحاد السعودي وافق على الطلب.",
              [("ORG", "لجنة الاحتراف أن الاتحاد السعودي")])
    texts = [m.text for e in doc.entities for m in e.mentions]
    assert "لجنة الاحتراف" in texts
    assert not any(" أن " in t for t in texts)


def test_split_complementizer_keeps_letter_acronyms():
    for t in ("شبكة سي إن إن الأمريكية", "كيو إن إكس", "إن بي سي"):
        assert _split_complementizer(t, 0, len(t)) == [(0, len(t))]
    t = "صحيفة دايلي ميل إن المان يونايتد"
    parts = [t[s:e] for s, e in _split_complementizer(t, 0, len(t))]
    assert parts == ["صحيفة دايلي ميل", "المان يونايتد"]


def test_family_name_must_look_like_one():
    # Common definite nouns after a given-name-like word: condolences, a profession,
    # a group, an explosion are not family names.
    assert _spans("ورفع الأمين العام لمجلس الشورى صادق العزاء لأسرة الفقيد.") == []
    assert _spans("وتأجلت محاكمة نائب مرشد الإخوان محمود عزت.") == []
    assert not any("التفجير" in t for t in _spans("وشجب النائب نعمة طعمة التفجير الإرهابي أمس."))
    # "ناديه" is "his club" (not نادية) after a title.
    assert _spans("ويتهم اللاعب ناديه حمام الأنف بالإهمال.") == []
    # A king's name inside an institution's name after a title.
    assert _spans("وأوضح مدير العلاقات بمستشفى الملك عبدالعزيز التخصصي أن المرضى بخير.") == []


def test_family_name_unit():
    def fam(w: str) -> bool:
        return rules._family_name(normalize(w))

    assert fam("العتيبي") and fam("الغامدي") and fam("الرميح")
    assert not fam("التخصصي") and not fam("المذيع")
    if rules._definite_clusters():  # the NER word clusters are shipped
        assert not fam("العزاء") and not fam("الوزارة") and not fam("الإخوان")
