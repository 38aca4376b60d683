"""An embedded SQLite store for `rasd.document/1` documents.

Each document is kept whole (its JSON) and its entities, events and quotes are indexed in
their own tables so they can be queried without parsing JSON. Writing a document with an
id that is already stored replaces it (re-running a batch is idempotent).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from rasd.doc import Doc
from rasd.errors import RasdError

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    published TEXT,
    source TEXT,
    url TEXT,
    title TEXT,
    doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT,
    name_en TEXT,
    kb_id TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    mentions INTEGER,
    PRIMARY KEY (doc_id, id)
);
CREATE TABLE IF NOT EXISTS events (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    type TEXT NOT NULL,
    trigger TEXT,
    source TEXT,
    target TEXT,
    place TEXT,
    time TEXT,
    dead INTEGER,
    injured INTEGER,
    status TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    kind TEXT,
    speaker TEXT,
    text TEXT,
    PRIMARY KEY (doc_id, n)
);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS entities_name_en ON entities(name_en);
"""


class StoreError(RasdError):
    """The store cannot be opened or written."""

    exit_code = 8


class SQLiteStore:
    """Documents in one SQLite file (``":memory:"`` for a throw-away store)."""

    def __init__(self, path: str | Path) -> None:
        try:
            self.conn = sqlite3.connect(str(path))
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.executescript(SCHEMA_SQL)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from None
        self._auto = 0

    def put(self, doc: Doc) -> str:
        """Store (or replace) one document; returns its id (one is made if it has none)."""
        d = doc.to_dict(tokens=False)
        did = d["id"]
        if did is None:
            self._auto += 1
            did = f"doc-{self._count() + 1}"
            d["id"] = did
        names = {e["id"]: (e.get("name_en") or e["name"]) for e in d["entities"]}
        with self.conn:
            self.conn.execute("DELETE FROM documents WHERE id = ?", (did,))
            self.conn.execute(
                "INSERT INTO documents (id, published, source, url, title, doc) VALUES (?,?,?,?,?,?)",
                (did, d["published"], d["source"], d["url"], d["title"],
                 json.dumps(d, ensure_ascii=False)))
            self.conn.executemany(
                "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(did, e["id"], e["type"], e["name"], e.get("name_en"),
                  (e.get("kb") or {}).get("id"), (e.get("geo") or {}).get("country"),
                  (e.get("geo") or {}).get("lat"), (e.get("geo") or {}).get("lon"),
                  len(e["mentions"])) for e in d["entities"]])
            self.conn.executemany(
                "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(did, v["id"], v["type"], v["trigger"]["text"],
                  "; ".join(names.get(x, x) for x in v["source"]),
                  "; ".join(names.get(x, x) for x in v["target"]),
                  names.get(v["place"]) if v.get("place") else None,
                  (v.get("time") or {}).get("value"), v.get("dead"), v.get("injured"),
                  v.get("status")) for v in d["events"]])
            self.conn.executemany(
                "INSERT INTO quotes VALUES (?,?,?,?,?)",
                [(did, i, q["kind"], names.get(q["speaker"]) if q.get("speaker") else None,
                  q["text"]) for i, q in enumerate(d["quotes"])])
        return did

    def put_many(self, docs: Iterable[Doc]) -> int:
        """Store several documents; returns how many."""
        n = 0
        for d in docs:
            self.put(d)
            n += 1
        return n

    def get(self, doc_id: str) -> Doc | None:
        """The stored document with this id, or ``None``."""
        row = self.conn.execute("SELECT doc FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return Doc.from_dict(json.loads(row[0])) if row else None

    def ids(self) -> list[str]:
        """Ids of all stored documents, oldest publication first."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM documents ORDER BY published, id")]

    def events(self, type: str | None = None) -> Iterator[dict[str, Any]]:
        """Stored events as rows (optionally of one PLOVER type)."""
        cur = self.conn.execute(
            "SELECT e.*, d.published FROM events e JOIN documents d ON d.id = e.doc_id"
            + (" WHERE e.type = ?" if type else "") + " ORDER BY d.published, e.doc_id, e.id",
            (type,) if type else ())
        cols = [c[0] for c in cur.description]
        for r in cur:
            yield dict(zip(cols, r))

    def _count(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]

    def __len__(self) -> int:
        return self._count()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str | Path) -> SQLiteStore:
    """A store from a path or ``sqlite:///path`` URL."""
    s = str(url)
    if s.startswith("sqlite:///"):
        s = s[len("sqlite:///"):]
    elif "://" in s:
        raise StoreError(f"unsupported store URL {url!r} (only SQLite paths for now)")
    return SQLiteStore(s)
