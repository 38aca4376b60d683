"""Build src/rasd/ner/data/gazetteer.tsv from ../shared; ``--check`` fails if it is stale."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rasd.ner.build import gazetteer_text

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "rasd" / "ner" / "data" / "gazetteer.tsv"


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) the shipped gazetteer."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 if the shipped file is stale")
    a = ap.parse_args(argv)
    text = gazetteer_text(a.shared)
    if a.check:
        old = a.out.read_text(encoding="utf-8") if a.out.is_file() else ""
        if old != text:
            print(f"{a.out} is stale: run scripts/build_ner_gazetteer.py", file=sys.stderr)
            return 1
        print(f"{a.out} is up to date")
        return 0
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(text, encoding="utf-8")
    print(f"wrote {a.out}: {text.count(chr(10)) - 2} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
