"""The catalog service's own command line: `python -m catalog <command>`.

  serve               migrate, import the seed catalog into an empty database, serve the API
  import [PATH ...]   import catalog files or folders (default: the seed catalog)
  import-wages [PATH] import BLS OEWS wages (default: the file `make wage-data` fetched)
  verify-sources      check every source link and quoted passage; report to results/sources.{md,json}
  poll-feeds          fetch the JobPosting feeds in ROLE_FEEDS once and update the open roles
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.settings import load


def cmd_import(args: argparse.Namespace) -> int:
    from catalog import db, service

    settings = load()
    paths = [Path(p) for p in args.paths] or [settings.catalog_data_dir]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"Not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    results = service.import_files(db.make_engine(settings.catalog_database_url), paths)
    failed = 0
    for result in results:
        if result.errors:
            failed += 1
            print(f"FAILED  {result.errors[0]}", file=sys.stderr)
        else:
            print(f"ok      {result.file}: {result.count} {result.kind}")
    return 1 if failed else 0


def cmd_import_wages(args: argparse.Namespace) -> int:
    from catalog import db, wages

    settings = load()
    default_oews, default_crosswalk = wages.default_files(settings.wage_data_dir)
    oews = Path(args.path) if args.path else default_oews
    crosswalk = Path(args.zip_crosswalk) if args.zip_crosswalk else default_crosswalk
    engine = db.make_engine(settings.catalog_database_url)
    db.migrate(engine)
    try:
        with db.session_factory(engine)() as session:
            done = wages.import_wages(session, oews, crosswalk, args.sha256, args.zip_crosswalk_sha256)
    except wages.WageImportError as error:
        print(f"FAILED  {error}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(f"ok      {done.file}: {done.rows} wage rows ({done.release}), {done.zips} ZIP codes placed")
    return 0


def cmd_serve(_: argparse.Namespace) -> int:
    import uvicorn

    from catalog import service
    from catalog.app import create_app

    settings = load()
    app = create_app(settings)
    prepared = service.prepare(app.state.engine, settings.catalog_data_dir, settings.wage_data_dir,
                               demo_roles=not settings.role_feeds)
    for result in prepared:
        status = f"FAILED {result.errors[0]}" if result.errors else f"{result.count} {result.kind}"
        print(f"seed import {result.file}: {status}", flush=True)
    service.warm_up(app.state.sessions)
    uvicorn.run(app, host=settings.catalog_host, port=settings.catalog_port, log_level="warning")
    return 0


def cmd_verify_sources(args: argparse.Namespace) -> int:
    from catalog import db, verify

    settings = load()
    report = verify.verify(db.make_engine(settings.catalog_database_url), Path(args.out), timeout=args.timeout,
                           only=args.url or None)
    summary = report["summary"]
    print(", ".join(f"{name}: {count}" for name, count in summary.items()))
    print(f"report: {Path(args.out) / 'sources.md'} and {Path(args.out) / 'sources.json'}")
    return 1 if summary.get("dead") or summary.get("changed") else 0


def cmd_poll_feeds(args: argparse.Namespace) -> int:
    from catalog import db, feeds

    settings = load()
    urls = args.url or list(settings.role_feeds)
    if not urls:
        print("No feeds: set ROLE_FEEDS to JobPosting feed URLs (or give --url).", file=sys.stderr)
        return 2
    engine = db.make_engine(settings.catalog_database_url)
    db.migrate(engine)
    try:
        results = feeds.poll(db.session_factory(engine), urls, timeout=settings.role_feeds_timeout_seconds,
                             max_bytes=settings.role_feeds_max_bytes, all_feeds=not args.url)
    finally:
        engine.dispose()
    for result in results:
        print(result.line())
    failed = sum(1 for r in results if r.status == "failed")
    print(f"{len(results)} feeds: {len(results) - failed} ok, {failed} failed")
    return 1 if failed else 0


def add_verify_sources(commands) -> None:
    """The verify-sources command, shared with `python -m bot`."""
    checking = commands.add_parser("verify-sources", help="check every source link and quoted passage")
    checking.add_argument("--out", default="results", help="folder for sources.md and sources.json (default: results)")
    checking.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each page (default: 20)")
    checking.add_argument("--url", action="append", help="check only this URL (repeatable)")
    checking.set_defaults(run=cmd_verify_sources)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m catalog", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = root.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="serve the catalog API").set_defaults(run=cmd_serve)
    importing = commands.add_parser("import", help="import catalog files or folders")
    importing.add_argument("paths", nargs="*", help="YAML, CSV or JobPosting JSON files, or folders")
    importing.set_defaults(run=cmd_import)
    wage_import = commands.add_parser("import-wages", help="import BLS OEWS wages and the ZIP-to-metro crosswalk")
    wage_import.add_argument("path", nargs="?", help="the OEWS SQLite database (.sqlite or .sqlite.gz)")
    wage_import.add_argument("--sha256", help="expected SHA-256 of PATH when it is not the pinned release")
    wage_import.add_argument("--zip-crosswalk", help="HUD ZIP-to-CBSA crosswalk CSV (default: beside the wage data)")
    wage_import.add_argument("--zip-crosswalk-sha256", help="expected SHA-256 of the crosswalk when not the pinned one")
    wage_import.set_defaults(run=cmd_import_wages)
    add_verify_sources(commands)
    polling = commands.add_parser("poll-feeds", help="fetch the JobPosting feeds (ROLE_FEEDS) once")
    polling.add_argument("--url", action="append",
                         help="poll this feed instead of ROLE_FEEDS (repeatable; other feeds' roles are left alone)")
    polling.set_defaults(run=cmd_poll_feeds)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
