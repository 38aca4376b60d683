"""`rasd extract`: valid documents, input order, clear errors, documented exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from rasd.cli import main
from rasd.doc import Doc, json_schema

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed-minusma.json"


def run(args, stdin: bytes | None = None):
    """Run the real console entry point in a subprocess (as a user would)."""
    p = subprocess.run([sys.executable, "-m", "rasd.cli", *args], input=stdin,
                       capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def check_doc(d: dict, text: str | None = None) -> None:
    jsonschema.validate(d, json_schema())
    if text is not None:
        assert d["text"] == text
    doc = Doc.from_dict(d)
    assert doc.check_offsets() == []
    for s, e in d["sentences"]:
        assert d["text"][s:e].strip() == d["text"][s:e]


def test_seed_document_is_valid(capsys):
    assert main(["extract", str(SEED)]) == 0
    d = json.loads(capsys.readouterr().out)
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    check_doc(d, seed["text"])
    assert d["id"] == "seed-minusma" and d["published"] == "2024-01-01"
    assert len(d["sentences"]) >= 14 and d["tokens"]


def test_jsonl_in_order_and_published_default(tmp_path, capsys):
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps({"id": str(i), "text": f"خبر رقم {i}."}, ensure_ascii=False)
                           for i in range(5)) + "\n", encoding="utf-8")
    assert main(["extract", str(f), "--published", "2015-07-20"]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    docs = [json.loads(x) for x in lines]
    assert [d["id"] for d in docs] == ["0", "1", "2", "3", "4"]
    assert all(d["published"] == "2015-07-20" for d in docs)
    for d in docs:
        check_doc(d)


def test_txt_and_html_inputs(tmp_path, capsys):
    t = tmp_path / "a.txt"
    t.write_text("قال الوزير إن الوضع مستقر.", encoding="utf-8")
    h = tmp_path / "b.html"
    h.write_text("<html><head><title>عنوان</title><script>var x=1;</script></head><body>"
                 "<nav>الرئيسية</nav><article><p>قال الوزير إن الوضع مستقر.</p>"
                 "<p>وأضاف أن المفاوضات مستمرة.</p></article><footer>حقوق</footer></body></html>",
                 encoding="utf-8")
    assert main(["extract", str(t), str(h), "--format", "jsonl"]) == 0
    a, b = [json.loads(x) for x in capsys.readouterr().out.strip().split("\n")]
    assert a["text"] == "قال الوزير إن الوضع مستقر."
    assert "المفاوضات" in b["text"] and "var x" not in b["text"]
    check_doc(a)
    check_doc(b)


def test_stdin_jsonl_pipeline():
    rc, out, err = run(["extract", "--no-tokens"],
                       stdin='{"text": "مرحبا بكم.", "date": "2020-01-02T10:00:00Z"}\n'.encode())
    assert rc == 0, err
    d = json.loads(out)
    assert d["published"] == "2020-01-02" and "tokens" not in d


@pytest.mark.parametrize("payload,needle", [
    (b'{"text": "   "}\n', "empty text"),
    (b'{"text": 5}\n', "no 'text' string"),
    (b'{bad json\n', "malformed JSON"),
    (b'[1, 2]\n', "not an object"),
    (b'{"text": "x", "published": "2015-13-45"}\n', "not a valid YYYY-MM-DD"),
])
def test_bad_records_give_one_line_errors(payload, needle):
    rc, out, err = run(["extract"], stdin=payload)
    assert rc == 3
    assert needle in err and "<stdin>:1" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_binary_and_undecodable_files(tmp_path):
    b = tmp_path / "x.txt"
    b.write_bytes(b"\x00\x01\x02binary\xff")
    rc, _, err = run(["extract", str(b)])
    assert rc == 3 and "binary" in err and "Traceback" not in err
    c = tmp_path / "cp.txt"
    c.write_bytes("قال الوزير".encode("cp1256"))
    rc, out, err = run(["extract", str(c)])
    assert rc == 0 and json.loads(out)["text"] == "قال الوزير"


def test_too_large_text(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("كلمة " * 300, encoding="utf-8")
    rc, _, err = run(["extract", str(f), "--max-chars", "100"])
    assert rc == 3 and "over the limit" in err


def test_skip_errors_reports_rejects(tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_text('{"id": "a", "text": "نص أول."}\n{oops\n{"id": "c", "text": ""}\n'
                 '{"id": "d", "text": "نص رابع."}\n', encoding="utf-8")
    rej = tmp_path / "rejects.jsonl"
    rc, out, err = run(["extract", str(f), "--skip-errors", "--rejects", str(rej)])
    assert rc == 3
    assert [json.loads(x)["id"] for x in out.strip().split("\n")] == ["a", "d"]
    rows = [json.loads(x) for x in rej.read_text(encoding="utf-8").strip().split("\n")]
    assert [r["record"] for r in rows] == [f"{f}:2", f"{f}:3"]
    assert "2 rejected" in err


def test_missing_file_and_usage():
    rc, _, err = run(["extract", "/no/such/file.txt"])
    assert rc == 2 and "no such file" in err
    rc, out, _ = run(["--version"])
    assert rc == 0 and out.startswith("rasd ")
    rc, out, _ = run(["--help"])
    assert rc == 0 and "exit codes" in out and "extract" in out


def test_pretty_format(capsys):
    assert main(["extract", str(SEED), "--format", "pretty"]) == 0
    out = capsys.readouterr().out
    assert "seed-minusma" in out and "مينوسما" in out


def test_store_option(tmp_path, capsys):
    db = tmp_path / "r.db"
    assert main(["extract", str(SEED), "--store", str(db), "--format", "jsonl"]) == 0
    from rasd.store import open_store

    with open_store(db) as st:
        assert st.ids() == ["seed-minusma"]
        assert st.get("seed-minusma").text == json.loads(SEED.read_text(encoding="utf-8"))["text"]
