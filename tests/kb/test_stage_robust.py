"""The entities stage never crashes on odd input and keeps offsets true."""

from __future__ import annotations

import time

from rasd.doc import Doc
from rasd.kb.stage import EntityStage
from tests.kb._helpers import make_doc, run


def test_odd_inputs():
    for text in ("", "   ", "!!! ... ؟؟", "Only Latin words here, UN and NATO.", "١٢٣ ٤٥٦",
                 "ـــ" * 10, "\u200f\u200e", "«»", '"', "«" * 500, "وأضاف «", "قناة «»",
                 "اللواء", "قال اللواء", "صحيفة «" + "كلمة " * 200 + "»", 'قناة "الفجر'):
        doc = run(text)
        assert isinstance(doc.entities, list)


def test_entities_without_tokens_or_ner():
    doc = EntityStage()(Doc(text="قال المتحدث باسم حلف الناتو إن القوات الأطلسية انسحبت.", published=None))
    assert doc.check_offsets() == []
    assert any(e.name_en == "NATO" for e in doc.entities)


def test_diacritics_and_tatweel_keep_offsets():
    doc = run("قالَ الأمينُ العامّ للأممِ المتّحدة إنّ مجلـــس الأمن سيجتمع.")
    names = {e.name_en for e in doc.entities}
    assert "United Nations Security Council" in names


def test_long_text_is_fast_enough():
    text = ("وقال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الحوثيين وتنظيم داعش يهددون الاستقرار. " * 400)
    doc = make_doc(text)
    t = time.perf_counter()
    EntityStage()(doc)
    assert time.perf_counter() - t < 20
    assert doc.check_offsets() == []
