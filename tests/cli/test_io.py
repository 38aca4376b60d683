"""Decoding and record checks in rasd.io."""

import pytest

from rasd.errors import BinaryInputError, EmptyInputError, InputTooLargeError
from rasd.io import decode_bytes, make_doc, normalize_date


def test_decode_variants():
    assert decode_bytes("نص".encode("utf-8")) == "نص"
    assert decode_bytes(b"\xef\xbb\xbf" + "نص".encode("utf-8")) == "نص"
    assert decode_bytes("نص".encode("utf-16")) == "نص"
    assert decode_bytes("نص عربي".encode("cp1256")) == "نص عربي"
    # A stray bad byte in long UTF-8 text is repaired, not fatal.
    assert "\ufffd" in decode_bytes(("نص " * 100).encode() + b"\xff")
    with pytest.raises(BinaryInputError):
        decode_bytes(b"\x00\x00\x00abc")


def test_make_doc_checks():
    with pytest.raises(EmptyInputError):
        make_doc({"text": " \n\t"})
    with pytest.raises(InputTooLargeError):
        make_doc({"text": "x" * 11}, max_chars=10)
    d = make_doc({"text": "نص", "id": 7, "published": "2015-07-01"})
    assert d.id == "7" and d.published == "2015-07-01"


def test_dates():
    assert normalize_date("2015-7-1") == "2015-07-01"
    assert normalize_date(None) is None
