"""rasd.kb.lookup: exact, normalised and clitic-stripped alias lookup, titles by date."""

from __future__ import annotations

from rasd.kb import lookup
from rasd.kb.index import load_index


def _ids(name: str, date: str | None = None) -> list[str]:
    return [e.id for e in lookup(name, date)]


def test_spelling_variants_name_one_person():
    for name in ("أنطونيو غوتيريش", "غوتيريش", "غوتيريس", "جوتيريش", "انطونيو غوتيريش"):
        assert _ids(name)[:1] == ["per:antonio_guterres"], name
    e = lookup("غوتيريش")[0]
    assert e.name_en == "António Guterres" and e.type == "PER"


def test_leading_clitics_are_stripped():
    assert _ids("وغوتيريش")[:1] == ["per:antonio_guterres"]
    assert _ids("للأمم المتحدة")[:1] == ["org:un"]
    assert _ids("والحوثيين")[:1] == ["org:houthis"]


def test_acronym_and_full_name_are_one_entry():
    full = "بعثة الأمم المتحدة المتكاملة المتعددة الأبعاد لتحقيق الاستقرار في مالي"
    assert _ids("مينوسما") == _ids(full) == ["org:minusma"]
    assert lookup("MINUSMA")[0].name_en == "MINUSMA"


def test_houthi_names():
    assert _ids("جماعة أنصار الله") == _ids("الحوثيين") == ["org:houthis"]


def test_title_resolves_to_holder_at_date():
    assert _ids("الأمين العام للأمم المتحدة", "2015-07-22") == ["per:ban_ki_moon"]
    assert _ids("الأمين العام للأمم المتحدة", "2024-01-01") == ["per:antonio_guterres"]


def test_unknown_and_odd_input():
    assert lookup("") == [] and lookup("   ") == [] and lookup("!!!") == []
    assert lookup("كلمةغيرموجودة") == []


def test_kb_size_and_sources():
    kb = load_index()
    assert len(kb) >= 1500
    assert all(e.source for e in kb.entries)
    assert "gen_countries.tsv" in kb.sources
