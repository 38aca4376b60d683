"""The shipped gazetteer: lookups, spelling variants, regions, nationality adjectives."""

from __future__ import annotations

import pytest

from rasd.geo import nationality
from rasd.geo.gazetteer import gazetteer
from rasd.geo.keys import name_key


def test_timbuktu_city_is_a_candidate():
    e = gazetteer().lookup("تمبكتو")
    assert e is not None
    ids = {p.geonames_id for p in e.places}
    assert 2449067 in ids  # Timbuktu the town
    city = next(p for p in e.places if p.geonames_id == 2449067)
    assert city.country == "ML" and city.level == "city"
    assert city.admin1 == "Tombouctou"


@pytest.mark.parametrize("spelling", ["غرب إفريقيا", "غرب أفريقيا", "غرب افريقيا", "غربي إفريقيا"])
def test_africa_spellings_reach_west_africa(spelling):
    e = gazetteer().lookup(spelling)
    assert e is not None
    assert e.places[0].level == "region" and e.places[0].name_en == "West Africa"


@pytest.mark.parametrize("name,cc", [("مالي", "ML"), ("السودان", "SD"), ("الصومال", "SO"),
                                     ("النيجر", "NE"), ("بوركينا فاسو", "BF"), ("إثيوبيا", "ET"),
                                     ("فرنسا", "FR"), ("الولايات المتحدة", "US")])
def test_countries(name, cc):
    e = gazetteer().lookup(name)
    assert e is not None
    top = e.places[0]
    assert top.level == "country" and top.country == cc
    assert -90 <= top.lat <= 90 and -180 <= top.lon <= 180


def test_regions_have_centres_and_no_country():
    for name in ("الساحل الإفريقي", "الشرق الأوسط", "القرن الإفريقي", "الخليج العربي",
                 "شمال إفريقيا", "المغرب العربي", "بلاد الشام"):
        e = gazetteer().lookup(name)
        assert e is not None, name
        assert e.places[0].level == "region" and e.places[0].country is None


def test_name_key_normalises():
    assert name_key("إفريقيا") == name_key("أفريقيا") == "افريقيا"
    assert name_key("الحُدَيْدَة") == "الحديده"
    assert name_key("حفر_الباطن") == "حفر الباطن"


@pytest.mark.parametrize("word,cc", [
    ("السوداني", "SD"), ("السعودية", "SA"), ("السعودي", "SA"), ("الأمريكي", "US"),
    ("الأميركي", "US"), ("والسوري", "SY"), ("للسوريين", "SY"), ("الصومالي", "SO"),
    ("الإثيوبي", "ET"), ("التشادي", "TD"), ("النيجيري", "NG"), ("الإيراني", "IR"),
])
def test_nationality(word, cc):
    assert nationality(word) == cc


def test_nationality_refuses_non_nationalities():
    assert nationality("الحوثي") is None
    assert nationality("الحوثيين") is None
    assert nationality("الكردي") is None
    assert nationality("القاهرة") is None
    assert nationality("") is None
    assert nationality("!!!") is None


def test_ambiguous_malian_needs_permission():
    # "المالي" is usually "financial" in news; the events stage may opt in.
    assert nationality("المالي") is None
    assert nationality("المالي", allow_ambiguous=True) == "ML"
    assert nationality("الماليين", allow_ambiguous=True) == "ML"


def test_load_is_cached():
    assert gazetteer() is gazetteer()


def test_missing_data_file_is_a_model_error():
    from rasd.errors import ModelError
    from rasd.geo.gazetteer import _read

    with pytest.raises(ModelError):
        _read("no-such-file.tsv.gz")


def test_build_without_shared_is_a_data_error(tmp_path):
    import subprocess
    import sys

    from tests.conftest import REPO

    r = subprocess.run([sys.executable, str(REPO / "scripts" / "build_geo_gazetteer.py"),
                        "--check", "--shared", str(tmp_path)], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 6 and "missing" in r.stderr
