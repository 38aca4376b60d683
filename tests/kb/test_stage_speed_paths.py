"""The fast paths of the scan (precomputed start words, cached readings) change nothing."""

from __future__ import annotations

from rasd.kb.index import key_variants, load_index
from rasd.kb.link import doc_words, scan
from rasd.kb.index import surface_forms

from tests.kb._helpers import make_doc, run

_TEXT = ("قال الأمين العام للأمم المتحدة إن بعثة الأمم المتحدة في مالي وللأمم المتحدة "
         "وبالأمم المتحدة ستنسحب، وأكدت فللبعثة والبعثة ذلك.")


def _slow_forms(kb, w):
    if not w or not (w in kb.first_words or (w[0] in "وفبكل" and len(w) >= 3)):
        return ()
    return tuple((k, f) for k, f in key_variants(w) if f in kb.aliases or f in kb.prefixes)


def test_start_words_cover_every_word_that_starts_an_alias():
    kb = load_index()
    doc = make_doc(_TEXT)
    for w in doc_words(doc.text, doc.tokens):
        forms = _slow_forms(kb, w.norm)
        assert kb.start_forms(w.norm) == forms
        if forms:
            assert w.norm in kb.start_words


def test_surface_forms_cover_clitic_readings():
    from rasd.kb.link import first_word_forms

    firsts = {"الامم", "بعثه"}
    surf = surface_forms(firsts)
    for w in ("الامم", "للامم", "وللامم", "فبالامم", "وبعثه", "لبعثه"):
        assert any(f in firsts for _k, f in first_word_forms(w))
        assert w in surf


def test_scan_finds_aliases_after_clitics():
    kb = load_index()
    doc = make_doc(_TEXT)
    keys = {c.key for c in scan(doc.text, kb, doc_words(doc.text, doc.tokens))}
    assert "الامم المتحده" in keys


def test_stage_is_deterministic_and_restores_gc():
    import gc

    assert gc.isenabled()
    a = run(_TEXT)
    assert gc.isenabled()
    b = run(_TEXT)
    assert [(e.name, e.name_en, [(m.start, m.end) for m in e.mentions]) for e in a.entities] == \
           [(e.name, e.name_en, [(m.start, m.end) for m in e.mentions]) for e in b.entities]
