"""The embedded SQLite store keeps whole documents and indexes their facts."""

from rasd.doc import Doc, Entity, Event, Quote, Span
from rasd.store import open_store


def make_doc(did="d1"):
    text = "قال غوتيريش إن القوات انسحبت من مالي."
    def sp(s):
        i = text.index(s)
        return Span(i, i + len(s), s)
    return Doc(
        text=text, id=did, published="2024-01-01",
        entities=[Entity("e1", "PER", "غوتيريش", "António Guterres", mentions=[sp("غوتيريش")]),
                  Entity("e2", "LOC", "مالي", "Mali", mentions=[sp("مالي")])],
        events=[Event("v1", "RETREAT", sp("انسحبت"), place="e2", status="completed")],
        quotes=[Quote(*sp("القوات انسحبت من مالي").__dict__.values(), kind="indirect",
                      speaker="e1")],
    )


def test_round_trip_and_queries(tmp_path):
    path = tmp_path / "rasd.db"
    with open_store(f"sqlite:///{path}") as st:
        st.put(make_doc())
        st.put(make_doc())  # same id: replaced, not duplicated
        st.put(make_doc("d2"))
        assert len(st) == 2 and st.ids() == ["d1", "d2"]
        d = st.get("d1")
        assert d.to_dict(tokens=False) == make_doc().to_dict(tokens=False)
        assert d.check_offsets() == []
        rows = list(st.events("RETREAT"))
        assert len(rows) == 2 and rows[0]["place"] == "Mali" and rows[0]["trigger"] == "انسحبت"
        assert st.get("missing") is None
    # Persisted on disk.
    with open_store(path) as st:
        assert len(st) == 2
