"""The `claimcheck` command: `check` runs the pipeline in-process; `serve` starts the service; `reference` imports
and exports the reference store."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

DEFAULT_MAX_BYTES = 1_000_000


def _read_input(source: str, max_bytes: int) -> str:
    """Read FILE or - as UTF-8 text, refusing empty, binary and oversize input."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with open(source, "rb") as fh:
                data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SystemExit(f"claimcheck: cannot read {source}: {exc.strerror}") from None
    if len(data) > max_bytes:
        raise SystemExit(f"claimcheck: input is over the size limit of {max_bytes} bytes")
    if b"\x00" in data:
        raise SystemExit("claimcheck: input looks binary (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SystemExit(f"claimcheck: input is not UTF-8 text (byte {exc.start})") from None
    if not text.strip():
        raise SystemExit("claimcheck: input is empty")
    return text


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _cmd_check(args: argparse.Namespace) -> int:
    from workers.pipeline import Article, ClaimcheckError, check, load_table

    text = _read_input(args.file, args.max_bytes)
    article = Article(html=text, published_at=args.published) if args.html else Article(
        text=text, published_at=args.published)
    try:
        table = load_table(args.reference)
        result = check(article, table)
    except ClaimcheckError as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from service.table import print_table

        print_table(result)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from service.serve import main as serve_main

    return serve_main(args)


def _cmd_reference(args: argparse.Namespace) -> int:
    import redis
    from flask import Flask

    from service.config import load_config
    from workers.pipeline import ClaimcheckError
    from workers.refstore import ReferenceStore

    app = Flask("claimcheck-reference")
    load_config(app)
    store = ReferenceStore.from_config(app.config)
    try:
        if args.action == "import":
            number, version = store.import_path(args.path, "cli")
            print(f"imported {args.path} as version {number} ({version})")
        else:
            snap = store.export_path(args.path, args.version)
            print(f"exported version {snap.number} ({snap.hash}) to {args.path}")
    except ClaimcheckError as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return 2
    except redis.RedisError as exc:
        print(f"claimcheck: the reference store at {app.config['REDIS_URL']} is unreachable: {exc}", file=sys.stderr)
        return 2
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `claimcheck` command."""
    parser = argparse.ArgumentParser(prog="claimcheck", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check one article and print the verdicts")
    check.add_argument("file", help="article file, or - for standard input")
    check.add_argument("--published", type=_parse_date, default=None, help="publication date, YYYY-MM-DD")
    check.add_argument("--html", action="store_true", help="the input is HTML")
    check.add_argument("--reference", type=Path, default=None, help="reference table folder or file")
    check.add_argument("--format", choices=("json", "table"), default="json")
    check.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, help=argparse.SUPPRESS)
    check.set_defaults(func=_cmd_check)

    serve = sub.add_parser("serve", help="start the API, a worker and (unless configured) an embedded Redis")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--data-dir", type=Path, default=Path("var"), help="embedded Redis data folder")
    serve.add_argument("--concurrency", type=int, default=2, help="worker processes")
    serve.set_defaults(func=_cmd_serve)

    reference = sub.add_parser("reference", help="the reference store in Redis (CLAIMCHECK_REDIS_URL, KEY_PREFIX)")
    actions = reference.add_subparsers(dest="action", required=True)
    imported = actions.add_parser("import", help="replace the table with a folder or file of YAML/JSON: a new version")
    imported.add_argument("path", type=Path)
    exported = actions.add_parser("export", help="write a version as vocabulary.yaml, entities.yaml, facts.yaml")
    exported.add_argument("path", type=Path, help="folder to write (made if missing)")
    exported.add_argument("--version", type=int, default=None, help="version number (default: the current one)")
    reference.set_defaults(func=_cmd_reference)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `claimcheck` console script."""
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
