"""Operator command line: `python -m bot <command>`.

  import [PATH ...]   import catalog files or folders (default: the seed catalog)
  serve-catalog       migrate, import the seed catalog into an empty database, serve the API
  run                 start the catalog, the action server and Rasa (what `make run` does)
  check               show the configuration (secrets masked) and test the databases
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.settings import load


def cmd_import(args: argparse.Namespace) -> int:
    from bot.catalog import db, service

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


def cmd_serve_catalog(_: argparse.Namespace) -> int:
    import uvicorn

    from bot.catalog import db, service
    from bot.catalog.app import create_app

    settings = load()
    app = create_app(settings)
    for result in service.prepare(app.state.engine, settings.catalog_data_dir):
        status = f"FAILED {result.errors[0]}" if result.errors else f"{result.count} {result.kind}"
        print(f"seed import {result.file}: {status}", flush=True)
    service.warm_up(app.state.sessions)
    uvicorn.run(app, host=settings.catalog_host, port=settings.catalog_port, log_level="warning")
    return 0


def cmd_run(_: argparse.Namespace) -> int:
    from bot import launcher

    return launcher.main()


def cmd_check(_: argparse.Namespace) -> int:
    from sqlalchemy import text

    from bot.catalog import db

    settings = load()
    for name, value in settings.describe():
        print(f"{name:28} {value}")
    try:
        with db.make_engine(settings.catalog_database_url).connect() as connection:
            connection.execute(text("SELECT 1"))
        print("catalog database: reachable")
    except Exception as error:  # noqa: BLE001 - an operator wants the reason, whatever it is
        print(f"catalog database: NOT reachable ({error.__class__.__name__}: {error})")
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    importing = commands.add_parser("import", help="import catalog files or folders")
    importing.add_argument("paths", nargs="*", help="YAML, CSV or JobPosting JSON files, or folders")
    importing.set_defaults(run=cmd_import)
    commands.add_parser("serve-catalog", help="serve the catalog API").set_defaults(run=cmd_serve_catalog)
    commands.add_parser("run", help="start every service").set_defaults(run=cmd_run)
    commands.add_parser("check", help="show configuration and test connections").set_defaults(run=cmd_check)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
