"""Property test: any text, with or without entities, gives valid offsets and no crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.doc import Doc, Entity, Span
from rasd.events.stage import EventStage
from rasd.text.stage import TextStage

_STAGE = EventStage()
_ALPHABET = st.sampled_from(list("قتلهجومانسحبدعاإنأ«»“”\"،.:؟ 0123456789\nوفبلكسالمظرةىيءئؤ") + [
    " قال ", " إن ", " أن ", " قتل ", " مقتل ", "«", "»", " وأضاف ", " حسب ", " تظاهر ", " 13 شخصا "])


@settings(max_examples=60, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.integers(0, 3))
def test_any_text(text: str, n_ents: int) -> None:
    doc = TextStage()(Doc(text=text))
    toks = [t for t in doc.tokens if t.is_word]
    for i, t in enumerate(toks[:n_ents]):
        doc.entities.append(Entity(id=f"e{i + 1}", type=("PER", "ORG", "LOC")[i % 3], name=t.text,
                                   mentions=[Span(t.start, t.end, t.text)]))
    doc = _STAGE(doc)
    assert doc.check_offsets() == []
    ids = {e.id for e in doc.entities}
    for v in doc.events:
        assert set(v.source) <= ids and set(v.target) <= ids and (v.place is None or v.place in ids)
    for q in doc.quotes:
        assert q.speaker is None or q.speaker in ids
        assert q.start < q.end
