"""/match narrows its candidates in SQL by age and schooling. What the SQL leaves out must be
exactly what the eligibility checks would rule out by age or school after scoring: checked for
programs and funds with every kind of age and school rule, against many profiles, on SQLite and
PostgreSQL. And the migration that adds the columns fills them without losing any link."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import shutil
import sqlite3

import pytest
import yaml
from alembic import command
from alembic.config import Config
from sqlalchemy import select

from catalog import db, documents, eligibility, importers, matching, models, search
from catalog.profile import Facts, Profile
from tests.catalog.conftest import BACKENDS, FILES, _database

SOURCE = "https://example.org/rules"
RULE_CHOICES = {
    "min_age": [None, 14, 16, 18, 21],
    "max_age": [None, 18, 24],
    "grades": [None, (9, 12), (11, 12), (None, 10)],
    "student_status": [None, ["high_school"], ["high_school", "college"], ["college", "graduate"], ["middle_school"]],
    "education": [None, "none", "some_high_school", "high_school", "bachelor"],
    "position": [None, "nurse managers"],
}


def cited(value):
    return {"value": value, "source": SOURCE, "quote": "The rule."}


def random_rules(rng: random.Random) -> dict:
    rules = {}
    for name, choices in RULE_CHOICES.items():
        value = rng.choice(choices)
        if value is None:
            continue
        if name == "grades":
            low, high = value
            if low is not None:
                rules["min_grade"] = cited(low)
            rules["max_grade"] = cited(high)
        else:
            rules[name] = cited(value)
    return rules


@pytest.fixture(scope="module", params=BACKENDS)
def sessions(request, tmp_path_factory):
    """A catalog of 120 programs and 80 funds with random age and school rules."""
    rng = random.Random(7)
    folder = tmp_path_factory.mktemp("rules")
    for name in ("occupations", "organizations"):
        shutil.copy(FILES / f"{name}.yaml", folder / f"{name}.yaml")
    common = {"occupations": ["medical_assistant"], "source_url": SOURCE, "sources": [SOURCE], "recorded": "2026-11-01"}
    programs = [{"key": f"p{i}", "name": f"Program {i}", "kind": "training", "provider": "test_college",
                 "location": {"states": ["CA"]}, "eligibility": random_rules(rng), **common} for i in range(120)]
    funds = [{"key": f"f{i}", "name": f"Fund {i}", "kind": "scholarship", "sponsor": "test_hospital",
              "eligibility": random_rules(rng), **common} for i in range(80)]
    (folder / "programs.yaml").write_text(yaml.safe_dump({"source": "rules", "records": programs}))
    (folder / "funding.yaml").write_text(yaml.safe_dump({"source": "rules", "records": funds}))
    urls = _database(request.param, tmp_path_factory)
    engine = db.make_engine(next(urls))
    db.migrate(engine)
    factory = db.session_factory(engine)
    with factory() as session:
        results = importers.import_paths(session, importers.catalog_files(folder))
    assert not [r.errors for r in results if r.errors]
    yield factory
    engine.dispose()
    next(urls, None)


PROFILES = [
    {k: v for k, v in dict(age=age, grade=grade, student=student, education=education).items() if v is not None}
    for age, grade, student, education in itertools.product(
        [None, 13, 15, 17, 19, 22, 40], [None, 8, 10, 12], [None, "high_school", "college", "not_student"],
        [None, "some_high_school", "high_school", "bachelor"],
    )
]


@pytest.mark.parametrize("model", [models.Program, models.Funding])
def test_sql_leaves_out_exactly_whom_the_rules_rule_out(sessions, model):
    with sessions() as session:
        rows = session.scalars(select(model)).all()
        assert len(rows) in (120, 80)
        names = documents.Names(session)
        compared = 0
        for fields in PROFILES:
            facts = Facts(profile=Profile(**fields))
            expected = {
                row.key for row in rows
                if not eligibility.evaluate(matching._rules(row.data), facts, names.name_of).ruled_out_by_age_or_school
            }
            kept = set(session.scalars(select(model.key).where(*matching.not_ruled_out(model, facts))))
            assert kept == expected, f"{fields}: SQL kept {sorted(kept - expected)} and left out {sorted(expected - kept)}"
            compared += 1
        assert compared == len(PROFILES) > 400
        # The profiles did rule things out (the comparison is not trivially all-or-nothing).
        teen = Facts(profile=Profile(age=15, grade=10))
        assert 0 < len(session.scalars(select(model.key).where(*matching.not_ruled_out(model, teen))).all()) < len(rows)


def test_match_results_are_the_same_with_and_without_the_narrowing(sessions, monkeypatch):
    today = dt.date(2026, 11, 30)
    profiles = [Profile(age=16, grade=11, zip="93701", interests=["medical assistant"]),
                Profile(age=30, education="bachelor", zip="93701", interests=["medical assistant"]),
                Profile(age=19, student="college", state="CA")]
    with sessions() as session:
        narrowed = [matching.match(session, matching.resolve(session, p)[0], ["program", "funding"], 50, today)
                    for p in profiles]
    monkeypatch.setattr(matching, "not_ruled_out", lambda model, facts: [])
    with sessions() as session:
        plain = [matching.match(session, matching.resolve(session, p)[0], ["program", "funding"], 50, today)
                 for p in profiles]
    assert narrowed == plain
    assert all(narrowed)


def test_the_migration_fills_the_columns_and_keeps_the_links(tmp_path):
    """On SQLite a table copy would cascade to the occupation links; the migration must not."""
    path = tmp_path / "old.db"
    engine = db.make_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(db.MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004_role_feeds")
    data = {"key": "teen_only", "eligibility": {"min_age": cited(14), "max_age": cited(18),
                                                 "student_status": cited(["high_school"]), "education": cited("none")}}
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA foreign_keys=ON")
        raw.execute("INSERT INTO programs (id, source, key, data, name, kind, states, audiences, employees_only, groups) "
                    "VALUES (1, 'old', 'teen_only', ?, 'Teen Only', 'training', '', '', 0, '')", (json.dumps(data),))
        raw.execute("INSERT INTO program_occupations (program_id, occupation_key) VALUES (1, 'medical_assistant')")
    db.migrate(engine)
    with db.session_factory(engine)() as session:
        row = session.scalar(select(models.Program))
        assert (row.min_age, row.max_age, row.student_status, row.education_rank, row.for_position) == (14, 18, ",high_school,", None, False)
        assert session.scalars(select(models.ProgramOccupation.occupation_key)).all() == ["medical_assistant"]
        facts = Facts(profile=Profile(age=30))
        assert session.scalars(search.programs_query(session).where(*matching.not_ruled_out(models.Program, facts))).all() == []
    engine.dispose()
