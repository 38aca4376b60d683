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


def test_word_index_filters_match_a_plain_loop():
    from rasd.kb.link import indices_in, word_norms

    doc = make_doc(_TEXT)
    words = doc_words(doc.text, doc.tokens)
    norms = word_norms(words)
    assert norms == [w.norm for w in words]
    forms = {"الامم", "بعثه", "والبعثه", "غير موجود"}
    assert indices_in(norms, forms) == [i for i, w in enumerate(words) if w.norm in forms]
    assert indices_in([], forms) == []


def test_quoted_names_found_at_every_opening_mark_like_a_regex_scan():
    from rasd.kb import rules

    text = ('قال «أ» ثم "ب" ووكالة «الفجر» و“ج” وقناة «» ثم صحيفة "النهار" و«« «مفتوح')
    ref = [(m.start(1), m.end(1)) for m in rules._QUOTE.finditer(text)]
    got = [(s, e) for s, e, _t, _h in rules.quoted_mentions(text)]
    # Every rule hit is one of the regex's matches (the rule then filters by head noun).
    assert set(got) <= set(ref)
    assert (text.index("الفجر"), text.index("الفجر") + 5) in got
    assert (text.index("النهار"), text.index("النهار") + 6) in got


def test_strong_hit_and_focus_filters_keep_order():
    from rasd.kb.index import FOCUS, STRONG
    from rasd.kb.link import Context
    from rasd.kb.stage import _strong_hits

    kb = load_index()
    hits = kb.hits("الحكومة")
    assert hits and _strong_hits(hits) == [h for h in hits if h.flag == STRONG and not h.requires]
    for focus in ("ML", "YE", None):
        ctx = Context(kb, focus=focus)
        want = None
        best = -1e9
        for h in hits:  # the unfiltered choice, as before the cache
            e = kb.entries[h.entry]
            if h.flag == FOCUS and e.country != focus and e.type != "OFFICE":
                continue
            if not ctx.ok(h, False, "ORG"):
                continue
            s = -h.flag * 0.5 + (1.5 if e.country and focus and e.country == focus else 0) + 1
            if s > best:
                want, best = h, s
        assert ctx.choose(hits, False, "ORG") == want
