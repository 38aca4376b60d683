"""In-document coreference: titles, surnames, acronym definitions, renumbering."""

from __future__ import annotations

from tests.kb._helpers import entity_with, run


def test_title_and_surname_join_the_named_person():
    text = ("أعرب الأمين العام للأمم المتحدة أنطونيو غوتيريش عن قلقه. وأشاد غوتيريش بالموظفين. "
            "وقال الأمين العام إنه يعول على التعاون.")
    doc = run(text, [("PER", "أنطونيو غوتيريش")])
    e = entity_with(doc, "أنطونيو غوتيريش")
    texts = [m.text for m in e.mentions]
    assert texts.count("الأمين العام") == 2 and "غوتيريش" in texts
    assert e.name == "أنطونيو غوتيريش" and e.name_en == "António Guterres"
    assert e.kb.get("wikidata") == "Q311440"
    # The organisation inside the title is an entity of its own.
    assert entity_with(doc, "لأمم المتحدة").name_en == "United Nations"


def test_title_alone_resolves_to_the_holder_at_the_dateline():
    doc = run("وقال الأمين العام للأمم المتحدة إن المحادثات ستستمر.", published="2015-07-22")
    e = entity_with(doc, "الأمين العام")
    assert e is not None and e.name_en == "Ban Ki-moon" and e.type == "PER"


def test_national_title_to_person_in_the_document():
    text = "استقبل عبد ربه منصور هادي الوفد في الرياض. وقال الرئيس اليمني إن الحرب ستنتهي. وأضاف هادي أن الحل سياسي."
    doc = run(text, [("PER", "عبد ربه منصور هادي")], published="2015-08-11")
    e = entity_with(doc, "عبد ربه منصور هادي")
    texts = [m.text for m in e.mentions]
    assert "الرئيس اليمني" in texts and "هادي" in texts
    assert e.name_en == "Abd Rabbuh Mansur Hadi"


def test_surname_of_unknown_person_and_transliteration():
    text = "قال بسام عطية المتحدث باسم الشركة إن العمل مستمر. وأضاف عطية أن الإنتاج ارتفع."
    doc = run(text, [("PER", "بسام عطية"), ("PER", "عطية")])
    e = entity_with(doc, "بسام عطية")
    assert [m.text for m in e.mentions] == ["بسام عطية", "عطية"]
    assert e.name_en and e.name_en.startswith("Bassam")


def test_acronym_definition_of_unknown_organisation():
    text = "أعلنت الهيئة الوطنية للتنقيب (هوتن) عن اكتشاف جديد. وقالت هوتن إن الحقل كبير."
    doc = run(text, [("ORG", "الهيئة الوطنية للتنقيب"), ("ORG", "هوتن")])
    e = entity_with(doc, "الهيئة الوطنية للتنقيب")
    assert {m.text for m in e.mentions} == {"الهيئة الوطنية للتنقيب", "هوتن"}
    assert e.name == "الهيئة الوطنية للتنقيب"


def test_ids_renumbered_in_order_of_first_mention():
    text = "زار أوباما بغداد. ثم التقى أوباما رئيس الوزراء العراقي حيدر العبادي في بغداد."
    doc = run(text, [("PER", "أوباما"), ("LOC", "بغداد")], published="2015-07-01")
    ids = [e.id for e in doc.entities]
    assert ids == [f"e{i}" for i in range(1, len(ids) + 1)]
    starts = [e.start for e in doc.entities]
    assert starts == sorted(starts)
    # One entity per actor: no mention listed twice, no two entities share a span.
    spans = [(m.start, m.end) for e in doc.entities for m in e.mentions]
    assert len(spans) == len(set(spans))
    assert entity_with(doc, "رئيس الوزراء العراقي") is entity_with(doc, "حيدر العبادي")


def test_title_then_body_then_name_is_apposition():
    text = "قال رئيس مفوضية الاتحاد الأفريقي سامي بن ناصر إن القمة ستعقد. وأضاف بن ناصر أن الوفود وصلت."
    doc = run(text, [("PER", "سامي بن ناصر"), ("PER", "بن ناصر")], published="2030-01-01")
    e = entity_with(doc, "سامي بن ناصر")
    texts = [m.text for m in e.mentions]
    assert "رئيس" in texts and "بن ناصر" in texts
    assert entity_with(doc, "مفوضية الاتحاد الأفريقي").name_en == "African Union Commission"


def test_complement_title_is_not_apposition():
    text = "قالت الناطقة باسم المبعوث الأممي إلى اليمن سلمى كريم إن المحادثات مستمرة."
    doc = run(text, [("PER", "سلمى كريم")], published="2019-01-10")
    salma = entity_with(doc, "سلمى كريم")
    assert all(m.text == "سلمى كريم" for m in salma.mentions)
    envoy = entity_with(doc, "المبعوث الأممي")
    assert envoy is not None and envoy.name_en == "Martin Griffiths"
    assert entity_with(doc, "اليمن").name_en == "Yemen"


def test_linked_multiword_name_is_not_a_short_form_of_a_longer_one():
    # "the internationally recognised government" is the government, not a short form of
    # "the army of the internationally recognised government" named before it.
    from tests.kb._helpers import run as _run

    t = ("قال مسؤول في اليمن إن جيش الحكومة المعترف بها دوليا تقدم قرب صنعاء، "
         "وإن الحكومة المعترف بها دوليا ستعود إلى عدن من اليمن.")
    d = _run(t, [("LOC", "اليمن"), ("LOC", "صنعاء"), ("LOC", "عدن")])
    ids = {e.name: e.kb.get("id") for e in d.entities}
    assert ids["جيش الحكومة المعترف بها دوليا"] == "army:YE"
    assert ids["الحكومة المعترف بها دوليا"] == "gov:YE"


def test_a_fathers_name_after_bin_is_not_a_surname():
    from tests.kb._helpers import run as _run

    doc = _run("التقى الأمير خالد بن سلطان بن عبدالعزيز الوفد. وزار قاعدة الملك عبدالعزيز الجوية.",
               [("PER", "خالد بن سلطان بن عبدالعزيز")])
    prince = [e for e in doc.entities if any(m.text == "خالد بن سلطان بن عبدالعزيز" for m in e.mentions)]
    assert prince and not any(m.text == "عبدالعزيز" for m in prince[0].mentions)
