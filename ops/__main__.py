"""The operator's command line: `python -m ops <command>`.

  run                 start the catalog, the action server and Rasa (what `make run` does);
                      RASA_REPLICAS=N runs N Rasa servers behind a local proxy
  serve-catalog       migrate, import the seed catalog into an empty database, serve the API
  import [PATH ...]   import catalog files or folders (default: the seed catalog)
  import-wages [PATH] import BLS OEWS wages (default: the file `make wage-data` fetched)
  verify-sources      check every source link and quoted passage; report to results/sources.{md,json}
  poll-feeds          fetch the JobPosting feeds in ROLE_FEEDS once and update the open roles
  endpoints PATH      write Rasa's endpoints.yml with its variables filled from the environment
                      (for running Rasa without the launcher, e.g. in a container)
  check               show the configuration (secrets masked), each process's state and restarts
                      (from the running launcher's var/status.json), and test the databases
  purge               delete conversations and referrals older than RETENTION_DAYS (prints counts)
  audit [LOCK ...]    check the lock files' pins against the advisory snapshot in
                      requirements/advisories/ (exit 1 for an advisory not accepted)
"""

from __future__ import annotations

import argparse
import sys

from core.settings import load, masked_url


def cmd_run(_: argparse.Namespace) -> int:
    from ops import run

    return run.main()


def cmd_endpoints(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ops.launcher import Stack

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

    from ops.supervisor import read_status, status_lines

    settings = load()
    for name, value in settings.describe():
        print(f"{name:28} {value}")
    status = read_status(settings.var_dir)
    # What the running launcher wrote: each process's state and how often it was restarted.
    print("\n".join(status_lines(status)) if status else "processes: no launcher status here (not running?)")
    try:
        with db.make_engine(settings.catalog_database_url).connect() as connection:
            connection.execute(text("SELECT 1"))
        print("catalog database: reachable")
    except Exception as error:  # noqa: BLE001 - an operator wants the reason, whatever it is
        print(f"catalog database: NOT reachable ({error.__class__.__name__}: {masked_url(str(error))})")
        return 1
    return 0


def cmd_purge(_: argparse.Namespace) -> int:
    from ops import retention

    try:
        settings = load()
    except ValueError as error:
        print(f"Not purged: {error}", file=sys.stderr)
        return 2
    report = retention.purge_expired(settings)
    print("\n".join(report.lines()))
    return 1 if report.problems else 0


def cmd_audit(args: argparse.Namespace) -> int:
    from ops import audit

    return audit.main(args.locks)


def catalog_command(name: str):
    """The catalog's commands live beside the catalog (catalog/commands.py); imported only when
    run, so the operator's other commands start without loading the catalog."""

    def run(args: argparse.Namespace) -> int:
        from catalog import commands

        return getattr(commands, name)(args)

    return run


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m ops", description=__doc__,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = root.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="start every service").set_defaults(run=cmd_run)
    commands.add_parser("serve-catalog", help="serve the catalog API").set_defaults(run=catalog_command("cmd_serve"))
    importing = commands.add_parser("import", help="import catalog files or folders")
    importing.add_argument("paths", nargs="*", help="YAML, CSV or JobPosting JSON files, or folders")
    importing.set_defaults(run=catalog_command("cmd_import"))
    wage_import = commands.add_parser("import-wages", help="import BLS OEWS wages and the ZIP-to-metro crosswalk")
    wage_import.add_argument("path", nargs="?", help="the OEWS SQLite database (.sqlite or .sqlite.gz)")
    wage_import.add_argument("--sha256", help="expected SHA-256 of PATH when it is not the pinned release")
    wage_import.add_argument("--zip-crosswalk", help="HUD ZIP-to-CBSA crosswalk CSV (default: beside the wage data)")
    wage_import.add_argument("--zip-crosswalk-sha256", help="expected SHA-256 of the crosswalk when not the pinned one")
    wage_import.set_defaults(run=catalog_command("cmd_import_wages"))
    checking = commands.add_parser("verify-sources", help="check every source link and quoted passage")
    checking.add_argument("--out", default="results", help="folder for sources.md and sources.json (default: results)")
    checking.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for each page (default: 20)")
    checking.add_argument("--url", action="append", help="check only this URL (repeatable)")
    checking.set_defaults(run=catalog_command("cmd_verify_sources"))
    polling = commands.add_parser("poll-feeds", help="fetch the JobPosting feeds (ROLE_FEEDS) once")
    polling.add_argument("--url", action="append",
                         help="poll this feed instead of ROLE_FEEDS (repeatable; other feeds' roles are left alone)")
    polling.set_defaults(run=catalog_command("cmd_poll_feeds"))
    endpoints = commands.add_parser("endpoints", help="write Rasa's endpoints.yml filled from the environment")
    endpoints.add_argument("path", help="where to write it")
    endpoints.set_defaults(run=cmd_endpoints)
    commands.add_parser("check", help="show configuration and test connections").set_defaults(run=cmd_check)
    commands.add_parser("purge", help="delete data older than RETENTION_DAYS").set_defaults(run=cmd_purge)
    auditing = commands.add_parser("audit", help="check the lock files against the advisory snapshot")
    auditing.add_argument("locks", nargs="*", help="lock files (default: requirements/catalog.lock and rasa.lock)")
    auditing.set_defaults(run=cmd_audit)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
