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


# -- round 5: shared word pass, pre-checks, table lookups ------------------------------------
_TEXT5 = ("قال تنظيم الدولة إن جماعة الحوثي وحركة الشباب هاجمت، وقال اللواء أحمد عسيري إن "
          "مستشفى الملك فهد ووزارة الخارجية (الخارجية) والأمم المتحدة  (الأمم) ردت، "
          "وقال بان كي مون: «نعم»، ثم الدولة والشباب والأمين العام.")


def test_scan_with_the_shared_word_pass_equals_its_own_pass():
    from rasd.kb.link import indices_in, scan_words, word_norms

    kb = load_index()
    doc = make_doc(_TEXT5)
    words = doc_words(doc.text, doc.tokens)
    norms = word_norms(words)
    among = indices_in(norms, scan_words(kb))
    a = scan(doc.text, kb, words, norms=norms, among=among)
    b = scan(doc.text, kb, words)
    key = [(c.start, c.end, c.key, c.trigger) for c in a]
    assert key == [(c.start, c.end, c.key, c.trigger) for c in b]
    # The trigger pre-check leaves the answer of the full test unchanged.
    from rasd.kb.link import _trigger_before

    for c in a:
        if c.key in kb.weak_keys:
            assert c.trigger == _trigger_before(doc.text, words, c.w0)
    assert any(c.trigger for c in a)  # "تنظيم الدولة", "حركة الشباب"


def test_scan_table_agrees_with_aliases_and_prefixes():
    from rasd.kb.link import _scan_table

    kb = load_index()
    table = _scan_table(kb)
    for k in list(kb.aliases)[:2000] + list(kb.prefixes)[:2000]:
        hits, pre = table[k]
        assert hits is kb.aliases.get(k) and pre == (k in kb.prefixes)
    assert "غير موجود اصلا" not in table


def test_context_choose_fast_path_equals_the_scoring():
    from rasd.kb.link import Context

    kb = load_index()
    ctx = Context(kb, focus="YE")
    for key in list(kb.aliases)[:3000]:
        hits = kb.aliases[key]
        if len(hits) == 1:
            for ner_type in (None, "PER", "ORG"):
                assert ctx.choose(hits, False, ner_type) == ctx._choose(hits, False, ner_type)


def test_character_model_lookup_by_key_shape_equals_the_key_strings():
    from rasd.kb import translit as T

    get = T._chars().get

    def slow(win, arabic):  # the f-string keys of context_keys, widest first
        l2, l1, c, r1, r2 = win[0:2], win[1], win[2], win[3], win[3:5]
        for k in (f"{l2}|{c}|{r2}", f"{l1}|{c}|{r2}", f"{l2}|{c}|{r1}", f"{l1}|{c}|{r1}",
                  f"{l1}|{c}|", f"|{c}|{r1}", f"|{c}|"):
            if get(k) is not None:
                sub = get(k)
                break
        else:
            sub = T._FALLBACK.get(c, c if c.isascii() else "")
        if arabic:  # the Arabic-word rules (tested in test_translit_arabic.py)
            return T._arabic_sub(win, sub)
        return sub

    for word in ("كيروهورا", "باراتوزا", "عجله", "ظظظ", "x", "المساعيد", "غوتيريش"):
        pad = "^^" + word + "$$"
        for i in range(len(word)):
            for arabic in (False, True):
                assert T._window_sub(pad[i:i + 5], arabic) == slow(pad[i:i + 5], arabic)


def test_translit_tables_read_by_one_loader(monkeypatch):
    import gzip

    from rasd.kb import translit as T

    lines = T._table_lines("translit_words.tsv.gz")
    assert lines and not any(ln.startswith("#") for ln in lines)
    assert T._table_lines("no_such_table.tsv.gz") is None
    gm = T.load_graphones(gzip.compress("# c\norder\t1\nا:a\t-0.1\t\n</s>\t-0.2\t\n".encode()))
    assert gm.order == 1 and gm.decode("ا") == "a"


def test_acronym_precheck_keeps_paren_definitions():
    # Joined only by the "X (Y)" rule (Y is not part of X): with spaces and a full-width
    # bracket too; a comma in between is no definition.
    text = ("أعلنت شركة النور للتجارة (نورتك) أرباحها، وقالت مؤسسة الفجر  （فجرتك） إن "
            "نورتك وفجرتك ستتعاونان مع جمعية البر ، (بركات).")
    doc = run(text, ner=[("ORG", "شركة النور للتجارة"), ("ORG", "نورتك"), ("ORG", "مؤسسة الفجر"),
                         ("ORG", "فجرتك"), ("ORG", "جمعية البر"), ("ORG", "بركات")])

    def ent(surface):
        return next(e for e in doc.entities if any(m.text == surface for m in e.mentions))

    assert ent("نورتك") is ent("شركة النور للتجارة")
    assert ent("فجرتك") is ent("مؤسسة الفجر")
    assert ent("بركات") is not ent("جمعية البر")
