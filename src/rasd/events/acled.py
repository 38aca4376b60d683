"""ACLED event type / sub-event type / interaction for a PLOVER event (data/acled_map.tsv)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from rasd.text.normalize import normalize

_ARMED = {1, 2, 3, 4, 8}


@lru_cache(maxsize=1)
def acled_table() -> list[tuple[str, str, str, str]]:
    """Rows (plover, mode-or-*, event_type, sub_event_type) of the shipped table."""
    text = resources.files("rasd.events").joinpath("data/acled_map.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        p, m, et, st = line.split("\t")[:4]
        rows.append((p, normalize(m) if m.startswith("lemma:") else m, et, st))
    return rows


def acled_for(plover: str, mode: str | None, lemma: str, src_code: int | None,
              tgt_code: int | None, intervention: bool = False) -> dict[str, Any] | None:
    """The ACLED fields for one event, or None when ACLED has no such event."""
    clash = src_code in _ARMED and tgt_code in _ARMED
    for p, m, et, st in acled_table():
        if p != plover:
            continue
        if m == "*" or m == mode or (m.startswith("lemma:") and m[6:] == lemma) or (
                m == "clash" and clash) or (m == "intervention" and intervention):
            out: dict[str, Any] = {"event_type": et, "sub_event_type": st}
            codes = [c for c in (src_code, tgt_code) if c is not None]
            if plover == "PROTEST" and src_code is None:
                codes = [6] + codes
            if et == "Violence against civilians" and tgt_code is None and src_code is not None:
                codes.append(7)
            if codes:
                a = sorted(codes)[:2]
                out["interaction"] = int("".join(str(c) for c in a)) if len(a) == 2 else a[0] * 10
            return out
    return None
