"""Reading input: bytes to text, HTML to main text, JSON Lines records, and Doc creation.

Every problem is raised as an :class:`~rasd.errors.InputError` that names the record
(file, line), so a batch can report it and go on.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO

from rasd.doc import Doc
from rasd.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
)

DEFAULT_MAX_CHARS = 2_000_000
#: Share of undecodable bytes above which input is refused rather than repaired.
MAX_BAD_BYTES = 0.02


def decode_bytes(data: bytes, record: str | None = None) -> str:
    """Decode input bytes: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1256.

    Bytes that are clearly not text (NUL bytes without a UTF-16 BOM) are refused; a few
    stray invalid bytes in otherwise UTF-8 text are replaced with U+FFFD; anything worse
    is refused with a clear error.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BinaryInputError(f"invalid UTF-16: {exc.reason}", record=record) from None
    if b"\x00" in data[:65536]:
        raise BinaryInputError("binary data (NUL bytes), not text", record=record)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # A few stray bad bytes in UTF-8 text: repair rather than refuse.
    repaired = data.decode("utf-8", errors="replace")
    bad = repaired.count("\ufffd")
    if bad / max(1, len(repaired)) <= MAX_BAD_BYTES:
        return repaired
    # Windows-1256 is still common for Arabic pages; accept it only if it yields Arabic.
    text = data.decode("cp1256", errors="replace")
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    letters = sum(1 for c in text if c.isalpha())
    if letters and arabic / letters > 0.5 and text.count("\ufffd") == 0:
        return text
    raise BinaryInputError(
        f"not valid UTF-8 ({bad} undecodable bytes) and not Windows-1256 Arabic",
        record=record,
    )


class _MainText(HTMLParser):
    """Collects the visible text of a page, block by block, skipping boilerplate."""

    SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
            "form", "button", "svg", "iframe", "select"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article",
             "section", "blockquote", "tr", "td", "th", "pre", "dd", "dt", "figcaption"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.parts: list[str] = []
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main text and title of an HTML page (trafilatura if installed, else a block parser)."""
    try:
        import trafilatura  # optional extra: rasd[html]

        text = trafilatura.extract(html, include_comments=False, include_tables=False)
        meta = trafilatura.extract_metadata(html)
        if text and text.strip():
            return text.strip(), (meta.title if meta else None)
    except ImportError:
        pass
    p = _MainText()
    p.feed(html)
    p.close()
    lines = [re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in "".join(p.parts).split("\n")]
    # Keep lines that look like prose; menus and link lists are short.
    text = "\n".join(ln for ln in lines if ln)
    title = " ".join("".join(p.title).split()) or None
    return text, title


def normalize_date(value: Any, record: str | None = None) -> str | None:
    """``YYYY-MM-DD`` from a date or ISO datetime string (``None`` stays ``None``)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"published date must be a string, got {type(value).__name__}",
                         record=record)
    v = value.strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", v)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            pass
    raise InputError(f"published date {value!r} is not a valid YYYY-MM-DD date", record=record)


def make_doc(rec: dict[str, Any], *, max_chars: int = DEFAULT_MAX_CHARS,
             record: str | None = None) -> Doc:
    """A fresh :class:`Doc` from an input record, after checking the text is usable."""
    text = rec.get("text")
    name = record or (f"record {rec['id']}" if rec.get("id") is not None else None)
    if isinstance(text, bytes):
        text = decode_bytes(text, name)
    if not isinstance(text, str):
        raise MalformedRecordError("record has no 'text' string", record=name)
    if not text.strip():
        raise EmptyInputError("empty text (nothing but whitespace)", record=name)
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"text has {len(text):,} characters, over the limit of {max_chars:,} "
            "(raise [limits] max_chars or --max-chars)", record=name)
    if "\x00" in text:
        raise BinaryInputError("text contains NUL characters", record=name)
    published = normalize_date(rec.get("published", rec.get("date")), name)
    rid = rec.get("id")
    return Doc(
        text=text, id=None if rid is None else str(rid), published=published,
        title=rec.get("title"), source=rec.get("source"), url=rec.get("url"),
    )


def iter_jsonl(stream: BinaryIO, name: str) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    """``(record name, record or error)`` for each non-blank line of a JSON Lines stream."""
    for lineno, raw in enumerate(stream, 1):
        where = f"{name}:{lineno}"
        if not raw.strip():
            continue
        try:
            line = decode_bytes(raw, where)
            obj = json.loads(line)
        except InputError as exc:
            yield where, exc
            continue
        except json.JSONDecodeError as exc:
            yield where, MalformedRecordError(f"malformed JSON ({exc.msg} at column {exc.colno})",
                                              record=where)
            continue
        if isinstance(obj, str):
            obj = {"text": obj}
        if not isinstance(obj, dict):
            yield where, MalformedRecordError("JSON line is not an object", record=where)
            continue
        yield where, obj


def read_inputs(paths: list[str], stdin: BinaryIO | None = None
                ) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    """Records from files (``.txt``, ``.html``/``.htm``, ``.jsonl``/``.json``) or stdin."""
    if not paths or paths == ["-"]:
        assert stdin is not None
        yield from iter_jsonl(stdin, "<stdin>")
        return
    for p in paths:
        path = Path(p)
        suffix = path.suffix.lower()
        try:
            if suffix in (".jsonl", ".ndjson"):
                with path.open("rb") as f:
                    yield from iter_jsonl(f, str(path))
                continue
            data = path.read_bytes()
        except OSError as exc:
            yield str(path), InputError(exc.strerror or str(exc), record=str(path))
            continue
        try:
            if suffix == ".json":
                obj = json.loads(decode_bytes(data, str(path)))
                if not isinstance(obj, dict):
                    raise MalformedRecordError("JSON file is not an object", record=str(path))
                obj.setdefault("id", path.stem)
                yield str(path), obj
            elif suffix in (".html", ".htm", ".xhtml"):
                text, title = html_to_text(decode_bytes(data, str(path)))
                yield str(path), {"id": path.stem, "text": text, "title": title}
            else:
                yield str(path), {"id": path.stem, "text": decode_bytes(data, str(path))}
        except InputError as exc:
            yield str(path), exc
        except json.JSONDecodeError as exc:
            yield str(path), MalformedRecordError(f"malformed JSON ({exc.msg})", record=str(path))
