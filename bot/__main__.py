"""Operator command line: `python -m bot <command>` (the catalog's own commands are also
`python -m catalog serve|import`).

  import [PATH ...]   import catalog files or folders (default: the seed catalog)
  serve-catalog       migrate, import the seed catalog into an empty database, serve the API
  run                 start the catalog, the action server and Rasa (what `make run` does);
                      RASA_REPLICAS=N runs N Rasa servers behind a local proxy
  endpoints PATH      write Rasa's endpoints.yml with its variables filled from the environment
                      (for running Rasa without the launcher, e.g. in a container)
  check               show the configuration (secrets masked) and test the databases
  purge               delete conversations and referrals older than RETENTION_DAYS (prints counts)
  verify-sources      check the catalog's source links and quoted passages (as `python -m catalog`)
"""

from __future__ import annotations

import argparse
import sys

from bot.settings import load, masked_url


def cmd_import(args: argparse.Namespace) -> int:
    from catalog.__main__ import cmd_import as import_catalog

    return import_catalog(args)


def cmd_serve_catalog(args: argparse.Namespace) -> int:
    from catalog.__main__ import cmd_serve

    return cmd_serve(args)


def cmd_run(_: argparse.Namespace) -> int:
    from bot import launcher

    return launcher.main()


def cmd_endpoints(args: argparse.Namespace) -> int:
    from pathlib import Path

    from bot.launcher import Stack

    target = Path(args.path)
    written = Stack().endpoints_file()
    if written.resolve() != target.resolve():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(written.read_text())
    print(target)
    return 0


def cmd_check(_: argparse.Namespace) -> int:
    from sqlalchemy import text

    from catalog import db

    settings = load()
    for name, value in settings.describe():
        print(f"{name:28} {value}")
    try:
        with db.make_engine(settings.catalog_database_url).connect() as connection:
            connection.execute(text("SELECT 1"))
        print("catalog database: reachable")
    except Exception as error:  # noqa: BLE001 - an operator wants the reason, whatever it is
        print(f"catalog database: NOT reachable ({error.__class__.__name__}: {masked_url(str(error))})")
        return 1
    return 0


def cmd_purge(_: argparse.Namespace) -> int:
    from bot import retention

    try:
        settings = load()
    except ValueError as error:
        print(f"Not purged: {error}", file=sys.stderr)
        return 2
    report = retention.purge_expired(settings)
    print("\n".join(report.lines()))
    return 1 if report.problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    importing = commands.add_parser("import", help="import catalog files or folders")
    importing.add_argument("paths", nargs="*", help="YAML, CSV or JobPosting JSON files, or folders")
    importing.set_defaults(run=cmd_import)
    commands.add_parser("serve-catalog", help="serve the catalog API").set_defaults(run=cmd_serve_catalog)
    commands.add_parser("run", help="start every service").set_defaults(run=cmd_run)
    endpoints = commands.add_parser("endpoints", help="write Rasa's endpoints.yml filled from the environment")
    endpoints.add_argument("path", help="where to write it")
    endpoints.set_defaults(run=cmd_endpoints)
    commands.add_parser("check", help="show configuration and test connections").set_defaults(run=cmd_check)
    commands.add_parser("purge", help="delete data older than RETENTION_DAYS").set_defaults(run=cmd_purge)
    from catalog.__main__ import add_verify_sources

    add_verify_sources(commands)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
