"""Run the pipeline on a gold folder's inputs (or read system output) and score it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasd.errors import DataError
from rasd.eval.score import score


def load_gold(gold_dir: str | Path) -> list[dict[str, Any]]:
    """The gold documents of a folder (``gold/*.json``, or ``*.json`` directly in it)."""
    root = Path(gold_dir)
    folder = root / "gold" if (root / "gold").is_dir() else root
    files = sorted(folder.glob("*.json"))
    if not files:
        raise DataError(f"no gold files (*.json) in {folder}")
    out = []
    for f in files:
        try:
            g = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise DataError(f"{f}: cannot read gold file: {exc}") from None
        if g.get("schema") != "rasd.gold/1" or "text" not in g:
            raise DataError(f"{f}: not a rasd.gold/1 file")
        g.setdefault("id", f.stem)
        out.append(g)
    return out


def evaluate_dir(gold_dir: str | Path, system_file: str | Path | None = None,
                 config: Any = None) -> dict[str, Any]:
    """Score the pipeline (or ``system_file``, JSON Lines of documents) on a gold folder."""
    golds = load_gold(gold_dir)
    systems: dict[str, dict[str, Any]] = {}
    if system_file is not None:
        with open(system_file, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    systems[str(d.get("id"))] = d
    else:
        import rasd

        pipeline = rasd.get_pipeline(config)
        from rasd.io import make_doc

        for g in golds:
            rec = {"id": g["id"], "text": g["text"], "published": g.get("published")}
            systems[g["id"]] = pipeline(make_doc(rec, max_chars=pipeline.max_chars)).to_dict(tokens=False)
    pairs = []
    for g in golds:
        s = systems.get(str(g["id"]))
        if s is None:
            raise DataError(f"system output has no document with id {g['id']!r}")
        pairs.append((g, s))
    return score(pairs)
