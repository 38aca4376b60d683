"""The ``rasd`` command line.

Every expected failure is a :class:`~rasd.errors.RasdError`, printed as one line
``rasd: <message>`` with its exit code (see ``rasd --help``); never a traceback.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, TextIO

from rasd import __version__
from rasd.errors import EXIT_CODES, InputError, RasdError, UsageError

EPILOG = """\
examples:
  rasd extract examples/seed-minusma.json --format pretty
  rasd extract article.txt --published 2024-01-01 > article.json
  rasd extract articles.jsonl --skip-errors --rejects rejects.jsonl > docs.jsonl
  cat articles.jsonl | rasd extract > docs.jsonl
  rasd tag --conll < tokens.txt
  rasd evaluate ../shared/gold-dev
  rasd train ner

exit codes:
""" + "\n".join(f"  {k}  {v}" for k, v in EXIT_CODES.items())


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``rasd`` and its subcommands."""
    p = argparse.ArgumentParser(
        prog="rasd",
        description="Rasd (رصد): structured, checkable facts from Arabic news — entities, "
                    "places, times, events and quotes, each pointing at the characters it "
                    "came from.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"rasd {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract", help="extract a rasd.document/1 from each article",
        description="Read articles and write one rasd.document/1 JSON object per article. "
                    "FILES: .txt (one article), .html (one page; main text extracted), "
                    ".json (one record), .jsonl (one record a line: text, and optional id, "
                    "published/date, title, source, url). No FILES or '-': JSON Lines on "
                    "standard input. Output is in input order.")
    ex.add_argument("files", nargs="*", metavar="FILES")
    ex.add_argument("--published", metavar="YYYY-MM-DD",
                    help="the article date, for records that give none (relative dates "
                         "like 'yesterday' are resolved against it)")
    ex.add_argument("--format", choices=["json", "jsonl", "pretty"], default=None,
                    help="json: indented (default for one document), jsonl: one line per "
                         "document (default for several), pretty: readable terminal view")
    ex.add_argument("--config", metavar="TOML", help="pipeline configuration file")
    ex.add_argument("--skip-errors", action="store_true",
                    help="go on past bad records and report each reject at the end")
    ex.add_argument("--rejects", metavar="FILE",
                    help="with --skip-errors, also write rejects (record, reason) as JSONL")
    ex.add_argument("--max-chars", type=int, default=None,
                    help="reject texts longer than this (default 2,000,000)")
    ex.add_argument("--no-tokens", action="store_true", help="leave tokens out of the output")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    ex.add_argument("--store", metavar="DB",
                    help="also keep every document in this SQLite store (path or sqlite:///path)")

    tg = sub.add_parser(
        "tag", help="named-entity tags for pre-tokenised text (CoNLL)",
        description="Read one token a line (blank line between sentences; further columns "
                    "are ignored) and write 'token TAG' with BIO tags over PERS/LOC/ORG/MISC.")
    tg.add_argument("--conll", action="store_true", required=True,
                    help="CoNLL input and output (the only format)")
    tg.add_argument("file", nargs="?", default="-", help="input file (default: stdin)")

    ev = sub.add_parser(
        "evaluate", help="score the pipeline against gold annotations",
        description="Run the pipeline on the inputs of GOLD_DIR (or read --system) and score "
                    "it per stage as spec/gold-format.md describes.")
    ev.add_argument("gold_dir", metavar="GOLD_DIR")
    ev.add_argument("--system", metavar="FILE", help="JSON Lines of system documents to score")
    ev.add_argument("--json", metavar="FILE", help="also write the full report as JSON here ('-' = stdout)")
    ev.add_argument("--config", metavar="TOML", help="pipeline configuration file")
    ev.add_argument("--gate", metavar="BASELINE",
                    help="fail (exit 7) if a score is below its floor in this baseline JSON")

    tr = sub.add_parser("train", help="rebuild a shipped model from ../shared",
                        description="Rebuild a model shipped in the package from ../shared.")
    tr.add_argument("what", choices=["ner"], help="which model")
    tr.add_argument("args", nargs=argparse.REMAINDER, help="options passed to the trainer")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``rasd`` console script; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "extract":
            return cmd_extract(args)
        if args.command == "tag":
            return cmd_tag(args)
        if args.command == "evaluate":
            return cmd_evaluate(args)
        if args.command == "train":
            return cmd_train(args)
    except RasdError as exc:
        print(f"rasd: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("rasd: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return 2


def _open_out(path: str | None) -> TextIO:
    if path is None:
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None


def cmd_extract(args: argparse.Namespace) -> int:
    """``rasd extract``."""
    import rasd
    from rasd.io import make_doc, normalize_date, read_inputs

    for f in args.files:
        if f != "-" and not Path(f).exists():
            raise UsageError(f"no such file: {f}")
    default_published = normalize_date(args.published, "--published") if args.published else None
    pipeline = rasd.get_pipeline(args.config)
    max_chars = args.max_chars or pipeline.max_chars
    fmt = args.format
    out = _open_out(args.output)
    rejects: list[tuple[str, str]] = []
    n_ok = 0
    pretty = None
    if fmt == "pretty":
        from rasd.pretty import render

        pretty = render
    store = None
    if args.store:
        from rasd.store import open_store

        store = open_store(args.store)
    if fmt is None:
        single = len(args.files) == 1 and args.files[0] != "-" and not args.files[0].endswith(
            (".jsonl", ".ndjson"))
        fmt = "json" if single else "jsonl"
    try:
        for where, rec in read_inputs(args.files, sys.stdin.buffer):
            try:
                if isinstance(rec, InputError):
                    raise rec
                if default_published and not (rec.get("published") or rec.get("date")):
                    rec = {**rec, "published": default_published}
                doc = pipeline(make_doc(rec, max_chars=max_chars, record=where))
            except InputError as exc:
                if not args.skip_errors:
                    raise
                rejects.append((where, str(exc)))
                continue
            n_ok += 1
            if store is not None:
                store.put(doc)
            if pretty is not None:
                out.write(pretty(doc) + "\n")
                continue
            d = doc.to_dict(tokens=not args.no_tokens)
            if fmt == "jsonl":
                out.write(json.dumps(d, ensure_ascii=False) + "\n")
            else:
                out.write(dumps_pretty(d) + "\n")
    finally:
        if store is not None:
            store.close()
        if out is not sys.stdout:
            out.close()
        else:
            out.flush()
    if rejects:
        for where, why in rejects:
            print(f"rasd: rejected {why}", file=sys.stderr)
        print(f"rasd: {n_ok} documents written, {len(rejects)} rejected", file=sys.stderr)
        if args.rejects:
            with open(args.rejects, "w", encoding="utf-8") as f:
                for where, why in rejects:
                    f.write(json.dumps({"record": where, "reason": why}, ensure_ascii=False) + "\n")
        return 3
    if n_ok == 0:
        raise InputError("no input records")
    return 0


_PAIR = re.compile(r"\[\s+(-?\d+),\s+(-?\d+)\s+\]")


def dumps_pretty(d: dict[str, Any]) -> str:
    """Indented JSON with offset pairs kept on one line."""
    return _PAIR.sub(r"[\1, \2]", json.dumps(d, ensure_ascii=False, indent=1))


def cmd_tag(args: argparse.Namespace) -> int:
    """``rasd tag --conll``."""
    from rasd.ner import tag_conll

    if args.file == "-":
        stream = (ln for ln in sys.stdin)
    else:
        try:
            stream = open(args.file, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            raise UsageError(f"cannot read {args.file}: {exc.strerror}") from None
    for line in tag_conll(stream):
        sys.stdout.write(line + "\n")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    """``rasd evaluate``."""
    from rasd.eval import evaluate_dir, flat, format_table
    from rasd.eval.gate import check_gate

    if not Path(args.gold_dir).is_dir():
        raise UsageError(f"no such folder: {args.gold_dir}")
    report = evaluate_dir(args.gold_dir, args.system, args.config)
    print(format_table(report))
    if args.json:
        data = json.dumps({**report, "gated": flat(report)}, ensure_ascii=False, indent=1)
        if args.json == "-":
            print(data)
        else:
            Path(args.json).write_text(data + "\n", encoding="utf-8")
    if args.gate:
        failures = check_gate(report, args.gate)
        if failures:
            for f in failures:
                print(f"rasd: gate: {f}", file=sys.stderr)
            return 7
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    """``rasd train ner``."""
    if args.what == "ner":
        from rasd.ner.train import main as train_main

        return int(train_main(args.args) or 0)
    raise UsageError(f"unknown model {args.what}")


if __name__ == "__main__":
    raise SystemExit(main())
