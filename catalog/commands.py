"""The catalog's commands, run from the operator's command line (`python -m ops`, which parses
the arguments): serving the API, imports, checking sources and polling role feeds. Each takes the
parsed arguments and returns the process exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.settings import load


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
    from catalog import db, wage_import

    settings = load()
    default_oews, default_crosswalk = wage_import.default_files(settings.wage_data_dir)
    oews = Path(args.path) if args.path else default_oews
    crosswalk = Path(args.zip_crosswalk) if args.zip_crosswalk else default_crosswalk
    engine = db.make_engine(settings.catalog_database_url)
    db.migrate(engine)
    try:
        with db.session_factory(engine)() as session:
            done = wage_import.import_wages(session, oews, crosswalk, args.sha256, args.zip_crosswalk_sha256)
    except wage_import.WageImportError as error:
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
