"""Speakers, round 10 (issue #7 on unseen news): the lead's subject, titles and
honorifics that refer back, persons NER missed after a title, addressees, scripture,
unnamed groups. All sentences are made up; each rule was motivated by an error class
seen on corpus articles (notes/events.md, session 5)."""

from __future__ import annotations

from rasd.doc import Doc
from rasd.events.stage import EventStage
from rasd.text.stage import TextStage
from tests.events.helpers import ent_id, make_doc


def _quotes(doc):
    return EventStage()(doc).quotes


def _speakers(doc):
    return [(q.text[:12], q.speaker) for q in _quotes(doc)]


# -- the lead's subject speaks when a first quote has no subject ---------------------------

def test_first_quote_without_subject_is_the_leads_subject() -> None:
    text = ("أحمد سالم - الرياض: ندد الرئيس العام لهيئة الرقابة الوطنية الشيخ خالد بن فهد المالكي، "
            "بالهجوم الذي استهدف السوق أمس. وقال: إن هذا العمل جريمة كبيرة. وأضاف أن الأمن مسؤولية الجميع.")
    doc = make_doc(text, [("PER", "أحمد سالم", ["أحمد سالم"]), ("ORG", "هيئة الرقابة الوطنية", ["هيئة الرقابة الوطنية"]),
                          ("PER", "خالد بن فهد المالكي", ["خالد بن فهد المالكي"])])
    who = ent_id(doc, "خالد بن فهد المالكي")
    assert [s for _, s in _speakers(doc)] == [who, who]  # not the byline, not the body after لـ


def test_statement_subject_refers_to_the_issuer_not_a_hospital_name() -> None:
    text = ("أصدرت وزارة الصحة بيانا عن الحالات الجديدة. ونقلت حالة إلى مستشفى الأمير سعود بن نايف. "
            "وأوضح البيان أن الحالات مستقرة.")
    doc = make_doc(text, [("ORG", "وزارة الصحة", ["وزارة الصحة"]), ("PER", "سعود بن نايف", ["سعود بن نايف"])])
    (q,) = _quotes(doc)
    assert q.speaker == ent_id(doc, "وزارة الصحة")


def test_joint_statement_is_no_person() -> None:
    text = ("وصل الأمير فيصل بن سعد إلى عمان أمس برفقة سامر نجيب. جاء ذلك في بيان مشترك صدر بمناسبة زيارة "
            "الأمير فيصل بن سعد للمملكة الأردنية الهاشمية، أفاد أنه تم الاتفاق على تعزيز التعاون.")
    doc = make_doc(text, [("PER", "فيصل بن سعد", ["فيصل بن سعد"]), ("PER", "سامر نجيب", ["سامر نجيب"])])
    (q,) = _quotes(doc)
    assert q.speaker is None


def test_a_subject_of_its_own_is_not_replaced_by_the_lead() -> None:
    text = ("وقع المدرب سالم الحربي عقدا جديدا مع النادي. ومن جهة أخرى، أكد الجهاز الطبي للفريق "
            "أن الإصابة بسيطة.")
    doc = make_doc(text, [("PER", "سالم الحربي", ["سالم الحربي"])])
    (q,) = _quotes(doc)
    assert q.speaker is None


# -- the subject of the cue's own or the previous sentence ----------------------------------

def test_coordinated_cue_takes_its_sentences_subject() -> None:
    text = ("قال المدير العام فهد الزيد إن الخطة جاهزة. وعبر نائب رئيس الوفد سعيد الغامدي عن سعادته "
            "بالإنجاز وقال إنه ثمرة عمل طويل.")
    doc = make_doc(text, [("PER", "فهد الزيد", ["فهد الزيد"]), ("PER", "سعيد الغامدي", ["سعيد الغامدي"])])
    assert [s for _, s in _speakers(doc)] == [ent_id(doc, "فهد الزيد"), ent_id(doc, "سعيد الغامدي")]


def test_subjectless_cue_after_a_new_subject_sentence() -> None:
    text = ("قال المدرب فهد الزيد إن الفريق جاهز. من جهة أخرى، طمأن عضو الشرف موسى العلي الجماهير "
            "حول الأزمة المالية. وشدد على أن الأزمة في طريقها للحل.")
    doc = make_doc(text, [("PER", "فهد الزيد", ["فهد الزيد"]), ("PER", "موسى العلي", ["موسى العلي"])])
    assert [s for _, s in _speakers(doc)] == [ent_id(doc, "فهد الزيد"), ent_id(doc, "موسى العلي")]


def test_a_topic_phrase_names_no_subject() -> None:
    text = ("قال المدير طلال النجار إن الفريق جاهز. وحول إصابة المهاجم نايف العمري قال: إنه يخضع "
            "لبرنامج تأهيلي.")
    doc = make_doc(text, [("PER", "طلال النجار", ["طلال النجار"]), ("PER", "نايف العمري", ["نايف العمري"])])
    assert [s for _, s in _speakers(doc)] == [ent_id(doc, "طلال النجار")] * 2


def test_plural_cue_takes_no_single_person() -> None:
    text = "كتب الأديب سامي الراشد عن الرحمة. وقالوا : هناك رأي آخر في المسألة."
    doc = make_doc(text, [("PER", "سامي الراشد", ["سامي الراشد"])])
    assert all(s is None for _, s in _speakers(doc))


def test_participle_after_a_subjectless_cue_continues_the_speaker() -> None:
    text = ("قال المتحدث الرسمي نايف العتيبي إن الأعمال مستمرة. وكشف عن مشروع جديد بتكلفة 800 مليون "
            "ريال، لافتا إلى أن المشروع يخدم الجميع.")
    doc = make_doc(text, [("PER", "نايف العتيبي", ["نايف العتيبي"]), ("ORG", "ريال", ["ريال"])])
    assert [s for _, s in _speakers(doc)] == [ent_id(doc, "نايف العتيبي")] * 2


def test_relative_clause_subject() -> None:
    text = "تعرض المسرحية الليلة من إخراج جميل الشايب، الذي أوضح أن العمل يتناول قضايا الشباب."
    doc = make_doc(text, [("PER", "جميل الشايب", ["جميل الشايب"])])
    (q,) = _quotes(doc)
    assert q.speaker == ent_id(doc, "جميل الشايب")


# -- titles, honorifics and family names that refer back ------------------------------------

def test_title_with_its_organisation_is_the_person_introduced_so() -> None:
    text = ("تسلمت الشركة الوطنية طائرة جديدة بحضور مدير عام الشركة الوطنية المهندس صالح الجاسر. "
            "وبين مدير عام الشركة الوطنية بأن الطائرة حديثة.")
    doc = make_doc(text, [("ORG", "الشركة الوطنية", ["الشركة الوطنية"]), ("PER", "صالح الجاسر", ["صالح الجاسر"])])
    (q,) = _quotes(doc)
    assert q.speaker == ent_id(doc, "صالح الجاسر")


def test_honorific_pronoun_is_the_one_told_of_not_the_channel() -> None:
    text = ("وصف الشيخ عبدالله الراشد الحادث بالمشين. وقال سماحته في مداخلة مع قناة الأخبار: المصاب "
            "مصاب الجميع.")
    doc = make_doc(text, [("PER", "عبدالله الراشد", ["عبدالله الراشد"]), ("ORG", "قناة الأخبار", ["قناة الأخبار"])])
    (q,) = _quotes(doc)
    assert q.speaker == ent_id(doc, "عبدالله الراشد")


def test_agency_told_is_not_the_speaker() -> None:
    text = ("أجرى وزير الخارجية عادل الفهد مباحثات في روما. وقال معالي وزير الخارجية في تصريح لوكالة "
            "الأنباء الوطنية: إن المباحثات كانت مثمرة.")
    doc = make_doc(text, [("PER", "عادل الفهد", ["عادل الفهد"]), ("PER", "وزير الخارجية", ["وزير الخارجية"]),
                          ("ORG", "وكالة الأنباء الوطنية", ["وكالة الأنباء الوطنية"])])
    (q,) = _quotes(doc)
    assert q.speaker == ent_id(doc, "عادل الفهد")


def test_family_name_alone_after_the_cue() -> None:
    text = ("قال المدرب إن ماريو كلاين لاعب مهم. وصرح كلاين الثلاثاء بعد الفوز في نصف النهائي: "
            "«لم يكن الموسم سهلا».")
    doc = make_doc(text, [("PER", "ماريو كلاين", ["ماريو كلاين"])])
    q = [q for q in _quotes(doc) if q.kind == "direct"][0]
    assert q.speaker == ent_id(doc, "ماريو كلاين")


# -- unnamed speakers, kin, scripture --------------------------------------------------------

def test_indefinite_title_with_an_adjective_is_unnamed() -> None:
    text = ("قالت وزارة الدفاع إن الطائرة سقطت بسبب عطل. وأشار قائد عسكري إلى أن المسلحين غير ناشطين "
            "في المنطقة.")
    doc = make_doc(text, [("ORG", "وزارة الدفاع", ["وزارة الدفاع"])])
    assert [s for _, s in _speakers(doc)] == [ent_id(doc, "وزارة الدفاع"), None]


def test_unnamed_researchers_and_locals() -> None:
    text = ("وأوضح الباحثون، الذين ينتمون لجامعة النور، أن النتائج مهمة. وقال المحلل ريتشارد براون إن "
            "السوق ضعيفة، لكن محليين قالوا إن الصيانة سترفع الطلب.")
    doc = make_doc(text, [("ORG", "جامعة النور", ["جامعة النور"]), ("PER", "ريتشارد براون", ["ريتشارد براون"])])
    got = _speakers(doc)
    assert got[0][1] is None and got[1][1] == ent_id(doc, "ريتشارد براون") and got[-1][1] is None


def test_kin_with_a_possessive_suffix() -> None:
    text = ("حصلت الطالبة نيكول براون على المركز الأول. وقال والداها إنهما فخوران بها، وأشارت والدتها "
            "دوللي براون أن ابنتها تحلم بالطب.")
    doc = make_doc(text, [("PER", "نيكول براون", ["نيكول براون"]), ("PER", "دوللي براون", ["دوللي براون"])])
    assert [s for _, s in _speakers(doc)] == [None, ent_id(doc, "دوللي براون")]


def test_kin_word_inside_a_place_name_does_not_block_the_speaker() -> None:
    text = "كشف المتحدث الرسمي لأمانة محافظة جدة محمد الحربي، أن الأمانة ملتزمة بالعقود."
    doc = make_doc(text, [("LOC", "محافظة جدة", ["محافظة جدة"]), ("PER", "محمد الحربي", ["محمد الحربي"])])
    (q,) = _quotes(doc)
    assert q.speaker == ent_id(doc, "محمد الحربي")


def test_cited_verse_has_no_speaker_and_does_not_interrupt() -> None:
    text = ("قال الشيخ سالم العمري إن هذه الأعمال مستنكرة، وقد تناسوا قول المولى عز وجل: «ومن يقتل "
            "مؤمنا متعمدا فجزاؤه جهنم». وأضاف أن الجميع يرفض ذلك. يقول الله تعالى: إن الله مع الصابرين.")
    doc = make_doc(text, [("PER", "سالم العمري", ["سالم العمري"])])
    who = ent_id(doc, "سالم العمري")
    got = _speakers(doc)
    assert [s for _, s in got] == [who, None, who, None]


def test_half_is_not_a_speech_cue() -> None:
    text = "وصرح اللاعب سامي كلاين بعد فوز فريقه في نصف النهائي: «لم يكن الموسم سهلا»."
    doc = make_doc(text, [("PER", "سامي كلاين", ["سامي كلاين"])])
    (q,) = _quotes(doc)
    assert q.speaker == ent_id(doc, "سامي كلاين") and q.cue.text == "صرح"


# -- a person NER missed right after a title ------------------------------------------------

def _bare(text: str) -> Doc:
    return TextStage()(Doc(text=text, id="t"))


def test_person_after_a_title_is_added_offset_true() -> None:
    text = ("وأوضح المتحدث باسم وزارة الداخلية العقيد سامر القحطاني أن الحادث وقع مساء أمس. "
            "وأضاف القحطاني أن التحقيقات جارية.")
    doc = _bare(text)
    doc.entities = []
    qs = _quotes(doc)
    added = [e for e in doc.entities if e.extra.get("by") == "quotes"]
    assert len(added) == 1
    e = added[0]
    assert e.type == "PER" and e.name == "سامر القحطاني" and e.id == "e1"
    assert all(text[m.start:m.end] == m.text for m in e.mentions)
    assert [m.text for m in e.mentions] == ["سامر القحطاني", "القحطاني"]
    assert [q.speaker for q in qs] == [e.id, e.id]
    assert e.name_en is None or e.name_en.lower().startswith("samer")


def test_added_person_id_follows_the_highest_id() -> None:
    text = "قال وزير الخارجية السعودي عادل الجبير في الرياض إن الموقف ثابت."
    doc = make_doc(text, [("LOC", "الرياض", ["الرياض"])])
    doc.entities[0].id = "e7"
    (q,) = _quotes(doc)
    e = doc.entity(q.speaker)
    assert e is not None and e.id == "e8" and e.name == "عادل الجبير" and e.extra == {"by": "quotes"}


def test_no_person_is_added_from_words_that_are_no_name() -> None:
    for text in ("قال رئيس المجلس سعيد بالنتيجة إن الفريق قدم أداء جيدا.",
                 "أكد مدير التعليم أن الدراسة ستبدأ في موعدها.",
                 "قال وزير الداخلية اليوم إن الأمن مستتب."):
        doc = _bare(text)
        doc.entities = []
        _quotes(doc)
        assert doc.entities == [], text
