"""Knowledge-base gazetteer, trigger-word and stacking (second-pass) features."""

from __future__ import annotations

from rasd.ner.features import (Featurizer, Resources, geo_names, kb_names, load_resources,
                               stack_features)


def test_kb_names_give_typed_aliases():
    names = dict(kb_names())
    assert len(names) > 1000
    assert {"p", "o", "l"} <= set(names.values())
    assert all(k == k.strip() and "~" not in k and "^" not in k for k in names)


def test_geo_names_give_places_and_nationalities():
    names = geo_names()
    assert {c for _, c in names} == {"g", "n"}
    assert all(k and "\t" not in k for k, _ in names)


def test_kb_aliases_join_gazetteer_under_own_letters():
    res = Resources()
    from rasd.ner.features import _add_gaz

    _add_gaz(res, "القاهره", "L")
    _add_gaz(res, "القاهره", "lL")
    _add_gaz(res, "الامم المتحده", "o")
    assert res.gaz_words["القاهره"] == "Ll"
    assert res.gaz_phrases["الامم المتحده"] == "o" and res.gaz_first["الامم"] == 2
    assert not load_resources(use_kb=False).use_kb


def test_trigger_classes_reach_neighbours():
    fz = Featurizer(triggers=True)
    f = fz.sentence(["قال", "الرئيس", "زيدان", "إن", "وزارة", "الصحة", "."])
    assert "tg=t" in f[1] and "tg-1=t" in f[2] and "tg-2=t" in f[3]
    assert "tg=o" in f[4] and "tg-1=o" in f[5]
    off = Featurizer(triggers=False).sentence(["الرئيس", "زيدان"])
    assert not any(x.startswith("tg") for x in off[0] + off[1])


def test_stack_features_spread_first_pass_names_over_document():
    fz = Featurizer()
    sents = [["وصل", "أورفان", "بيلي", "."], ["وقال", "أورفان", "بيلي", "أمس"]]
    feats = fz.document(sents)
    first = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O", "O"]]
    stack_features(fz, sents, feats, first)
    s2 = feats[1]
    assert "y1=O" in s2[1]
    assert "ym=PERS" in s2[1] and "yf=2" in s2[1]
    assert "ye=BPERS" in s2[1] and "ye=IPERS" in s2[2]
    assert not any(x.startswith(("ym=", "ye=")) for x in s2[3])


def test_kb_alias_snapshot_beside_the_model_wins_over_the_live_kb(tmp_path):
    # A trained model must see the aliases it was trained with, whatever the KB says now.
    from rasd.ner.features import KB_NAMES_FILE, write_kb_names

    (tmp_path / KB_NAMES_FILE).write_text("# snapshot\nزيدانوف\tp\n", encoding="utf-8")
    res = load_resources(tmp_path, use_kb=True)
    assert res.gaz_words.get("زيدانوف") == "p"
    live = dict(kb_names())
    assert not any(k in res.gaz_words or k in res.gaz_phrases for k in list(live)[:50])
    n = write_kb_names(tmp_path / KB_NAMES_FILE)  # --kb-refresh: the live KB again
    assert n == len(kb_names())
    res = load_resources(tmp_path, use_kb=True)
    assert "زيدانوف" not in res.gaz_words
    k = next(iter(live))
    assert k in res.gaz_words or k in res.gaz_phrases


def test_shipped_model_has_its_kb_snapshot():
    from importlib import resources

    from rasd.ner.features import KB_NAMES_FILE
    from rasd.ner.model import load_model

    p = resources.files("rasd.ner").joinpath("data", KB_NAMES_FILE)
    assert p.is_file()
    rows = [ln for ln in p.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    assert len(rows) == load_model().meta["kb_aliases"]


def test_kb_aliases_that_need_context_are_not_gazetteer_names():
    # hand-made KB rows in the KB's TSV format (id, type, English, aliases, ...)
    from rasd.ner.features import kb_alias_rows

    rows = [["org:x", "ORG", "X agency", "وكالة زيدكس|~زيدكس@org:x,ctx:agency|~~الوكالة"],
            ["org:y", "ORG", "Y group", "تنظيم يامور|~يامور"],
            ["per:z", "PER", "Z", "زيد عمرو@loc:EG|^الرئيس"],
            ["loc:w", "LOC", "W", "ويمور"],
            ["x", "OFFICE", "office", "الامين العام"]]
    names = kb_alias_rows(rows)
    assert ("وكاله زيدكس", "o") in names and ("يامور", "o") in names
    assert ("الرييس", "p") in names and ("ويمور", "l") in names  # normalised: ئ → ي
    keys = {k for k, _ in names}
    assert not keys & {"زيدكس", "الوكاله", "زيد عمرو", "الامين العام"}
    assert not any(c.isascii() and c.isalpha() for k in keys for c in k)  # no "org x ctx"


def test_live_kb_names_carry_no_requirement_text():
    assert not any(c.isascii() and c.isalpha() for k, _ in kb_names() for c in k)
