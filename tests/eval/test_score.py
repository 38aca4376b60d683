"""The gold scorer on small hand-made gold and system documents."""

from rasd.eval.score import flat, occurrences, score

TEXT = "قال الرئيس الأمريكي باراك أوباما في واشنطن إن القوات انسحبت من بغداد أمس. وأضاف أوباما: «سنبقى»."


def gold():
    return {
        "schema": "rasd.gold/1", "id": "g1", "published": "2015-07-21", "text": TEXT,
        "entities": [
            {"type": "PER", "name_en": ["Barack Obama"], "mentions": ["باراك أوباما", "أوباما"]},
            {"type": "LOC", "name_en": ["Washington"], "mentions": ["واشنطن"],
             "geo": {"country": "US", "level": "city", "lat": 38.9, "lon": -77.04}},
            {"type": "LOC", "name_en": ["Baghdad"], "mentions": ["بغداد"],
             "geo": {"country": "IQ", "level": "city", "lat": 33.34, "lon": 44.4}},
        ],
        "times": [{"text": "أمس", "value": "2015-07-20"}],
        "quotes": [{"begins": "سنبقى", "kind": "direct", "speaker": "Barack Obama"}],
        "events": [
            {"type": "RETREAT", "trigger": "انسحبت", "main": True, "source": [], "target": [],
             "place": "Baghdad", "time": "2015-07-20", "dead": None, "injured": None},
            {"type": "CONSULT", "trigger": "قال", "main": False, "source": [], "target": [],
             "place": None, "time": None, "dead": None, "injured": None},
        ],
    }


def span(s):
    i = TEXT.index(s)
    return {"start": i, "end": i + len(s), "text": s}


def system():
    i2 = TEXT.rindex("أوباما")
    return {
        "id": "g1", "text": TEXT, "sentences": [[0, TEXT.index(".") + 1], [TEXT.index(".") + 2, len(TEXT)]],
        "entities": [
            {"id": "e1", "type": "PER", "name": "باراك أوباما", "name_en": "Barack Obama",
             "mentions": [span("باراك أوباما"), {"start": i2, "end": i2 + 6, "text": "أوباما"}],
             "geo": None},
            {"id": "e2", "type": "LOC", "name": "واشنطن", "name_en": "Washington",
             "mentions": [span("واشنطن")], "geo": {"lat": 38.89, "lon": -77.03, "country": "US"}},
            {"id": "e3", "type": "ORG", "name": "بغداد", "name_en": None,
             "mentions": [span("بغداد")], "geo": None},
        ],
        "times": [{**span("أمس"), "value": "2015-07-20", "precision": "day"}],
        "quotes": [{**span("سنبقى"), "kind": "direct", "speaker": "e1"}],
        "events": [
            {"id": "v1", "type": "RETREAT", "trigger": span("انسحبت"), "source": [], "target": [],
             "place": "e3", "time": {"value": "2015-07-20", "precision": "day"},
             "dead": None, "injured": None},
            {"id": "v2", "type": "CONSULT", "trigger": span("قال"), "source": [], "target": []},
            {"id": "v3", "type": "ASSAULT", "trigger": span("القوات"), "source": [], "target": []},
        ],
    }


def test_occurrences_respect_word_boundaries_and_clitics():
    t = "مالي والمالي ومالي بمالي"
    assert occurrences(t, "مالي") == [(0, 4), (14, 18), (20, 24)]


def test_scores():
    r = score([(gold(), system())])
    m = r["entities"]["mentions"]
    # 4 gold mentions; system has all 4 spans but Baghdad has the wrong type.
    assert (m["tp"], m["fp"], m["fn"]) == (3, 1, 1)
    assert r["entities"]["mentions_untyped"]["f1"] == 1.0
    assert r["entities"]["found"] == 1.0 and r["entities"]["one_entity"] == 1.0
    assert r["entities"]["name_en_accuracy"] == 2 / 3 or abs(r["entities"]["name_en_accuracy"] - 0.6667) < 1e-3
    # Every gold entity is found here, so the over-all figure equals the over-found one.
    assert r["entities"]["name_en_all"] == r["entities"]["name_en_accuracy"]
    assert len(r["details"][0]["wrong_name_en"]) == 1
    assert r["geo"]["found"] == 0.5 and r["geo"]["within_161km"] == 1.0
    assert r["times"]["f1"] == 1.0 and r["times"]["value_accuracy"] == 1.0
    assert r["quotes"]["f1"] == 1.0 and r["quotes"]["speaker_accuracy"] == 1.0
    ev = r["events"]
    # v1 matches the main event; v2 matches a background event (ignored); v3 is a false alarm.
    assert (ev["tp"], ev["fp"], ev["fn"]) == (1, 1, 0)
    assert ev["arguments"]["place"] == 1.0 and ev["arguments"]["time"] == 1.0
    f = flat(r)
    assert f["events.f1"] == ev["f1"]


def test_empty_system_scores_zero():
    s = {"id": "g1", "text": TEXT}
    r = score([(gold(), s)])
    assert r["entities"]["found"] == 0.0 and r["events"]["recall"] == 0.0
    # Nothing found: no found entity to judge, but every gold name counts as wrong.
    assert r["entities"]["name_en_accuracy"] is None and r["entities"]["name_en_all"] == 0.0
    assert r["events"]["fp"] == 0


def test_one_system_time_may_cover_two_gold_times():
    text = "قال اليوم (الاثنين) إن"
    g = {"text": text, "entities": [], "quotes": [], "events": [],
         "times": [{"text": "اليوم", "value": "2015-07-20"}, {"text": "الاثنين", "value": "2015-07-20"}]}
    s = {"text": text, "times": [{"start": 4, "end": 19, "text": text[4:19], "value": "2015-07-20"}]}
    r = score([(g, s)])
    assert r["times"]["recall"] == 1.0 and r["times"]["precision"] == 1.0


def test_place_nested_in_org_maps_to_the_place():
    text = "قالت بعثة الاتحاد الإفريقي في الصومال إن الصومال آمن."
    org = "بعثة الاتحاد الإفريقي في الصومال"
    i2 = text.rindex("الصومال")
    i1 = text.index("الصومال")
    g = {"text": text, "times": [], "quotes": [], "events": [], "entities": [
        {"type": "ORG", "name_en": ["AMISOM"], "mentions": [org]},
        {"type": "LOC", "name_en": ["Somalia"], "mentions": ["الصومال"],
         "geo": {"country": "SO", "lat": 5.0, "lon": 46.0}}]}
    s = {"text": text, "entities": [
        {"id": "e1", "type": "ORG", "name_en": "AMISOM",
         "mentions": [{"start": 5, "end": 5 + len(org), "text": org}]},
        {"id": "e2", "type": "LOC", "name_en": "Somalia", "geo": {"lat": 5.1, "lon": 46.2, "country": "SO"},
         "mentions": [{"start": i1, "end": i1 + 7, "text": "الصومال"},
                      {"start": i2, "end": i2 + 7, "text": "الصومال"}]}]}
    r = score([(g, s)])
    assert r["entities"]["found"] == 1.0 and r["geo"]["found"] == 1.0
    assert r["entities"]["name_en_accuracy"] == 1.0
