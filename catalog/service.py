"""Getting a catalog database ready: migrate it, and fill an empty one from the seed files."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

from sqlalchemy import Engine, func, select

from catalog import db, feeds, importers, models, wage_import


def prepare(engine: Engine, data_dir: Path, wage_dir: Path | None = None,
            demo_roles: bool = True) -> list[importers.ImportResult]:
    """Migrate; import the seed catalog when the database holds no occupations yet, and the
    BLS wages from `wage_dir` when it holds none yet (a missing wage file is reported, not fatal:
    the catalog then says pay is not published). Without `demo_roles` (real feeds are set) the
    seed's example roles are deleted, so they never sit beside real openings."""
    db.migrate(engine)
    results: list[importers.ImportResult] = []
    with db.session_factory(engine)() as session:
        if not session.scalar(select(func.count()).select_from(models.Occupation)):
            results = importers.import_paths(session, importers.catalog_files(data_dir))
        if wage_dir is not None and not session.scalar(select(func.count()).select_from(models.Wage)):
            results.append(seed_wages(session, wage_dir))
        if not demo_roles:
            removed = feeds.remove_demo_roles(session)
            session.commit()
            if removed:
                results.append(importers.ImportResult("demo roles", "demo roles removed (ROLE_FEEDS is set)", removed))
    return results


def seed_wages(session, wage_dir: Path) -> importers.ImportResult:
    oews, crosswalk = wage_import.default_files(wage_dir)
    try:
        done = wage_import.import_wages(session, oews, crosswalk)
    except wage_import.WageImportError as error:
        return importers.ImportResult(oews.name, "wages", 0, [str(error)])
    return importers.ImportResult(done.file, f"wages ({done.release})", done.rows)


def warm_up(sessions) -> None:
    """Load the ZIP and city tables and the occupation index before the first person asks, so
    the first answer after a restart is as fast as the rest (actions wait only a few seconds)."""
    from catalog import geo, matching
    from catalog.profile import Profile

    geo.from_zip("93701")
    geo.from_city("Fresno", "CA")
    with sessions() as session:
        facts, _ = matching.resolve(session, Profile(zip="93701", interests=["medical assistant"]))
        matching.match(session, facts, ["program", "funding", "role"], 3, dt.date.today())
    # The ZIP tables, the occupation index and the loaded modules live as long as the process.
    # Left to the collector, each full collection walks them all again: every few hundred
    # requests one of them stalled for 200-500 ms (the /match p95 tail). Frozen, it skips them.
    gc.collect()
    gc.freeze()


def import_files(engine: Engine, paths: list[Path]) -> list[importers.ImportResult]:
    db.migrate(engine)
    expanded: list[Path] = []
    for path in paths:
        expanded += importers.catalog_files(path) if path.is_dir() else [path]
    with db.session_factory(engine)() as session:
        return importers.import_paths(session, expanded)
