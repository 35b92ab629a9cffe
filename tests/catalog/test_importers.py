"""Importers: YAML, CSV and JobPosting feeds; idempotent upserts; bad files import nothing and
say which file, record and field is wrong."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from catalog import db, models, service
from tests.catalog.conftest import FILES

KINDS = (models.Occupation, models.Organization, models.Program, models.Funding, models.Role)


def counts(engine) -> dict[str, int]:
    with db.session_factory(engine)() as session:
        return {m.__tablename__: session.scalar(select(func.count()).select_from(m)) for m in KINDS}


def catalog_dir(tmp_path):
    target = tmp_path / "catalog"
    shutil.copytree(FILES, target)
    return target


def test_import_is_idempotent_and_updates_in_place(empty_engine, tmp_path):
    folder = catalog_dir(tmp_path)
    first = service.import_files(empty_engine, [folder])
    assert [r.errors for r in first] == [[]] * 5
    after_first = counts(empty_engine)
    assert after_first == {"occupations": 2, "organizations": 2, "programs": 2, "funding": 1, "roles": 2}

    service.import_files(empty_engine, [folder])
    assert counts(empty_engine) == after_first

    programs = folder / "programs.yaml"
    programs.write_text(programs.read_text().replace("name: Medical Assistant Certificate", "name: MA Certificate (renamed)"))
    service.import_files(empty_engine, [programs])
    with db.session_factory(empty_engine)() as session:
        row = session.scalar(select(models.Program).where(models.Program.key == "ma_open"))
        assert row.name == "MA Certificate (renamed)"
        assert row.data["name"] == "MA Certificate (renamed)"
    assert counts(empty_engine) == after_first


def test_jobposting_feed_fields_and_demo_flag(empty_engine, tmp_path):
    service.import_files(empty_engine, [catalog_dir(tmp_path)])
    with db.session_factory(empty_engine)() as session:
        role = session.scalar(select(models.Role).where(models.Role.source_id == "t-1"))
    assert role.demo is True
    assert role.occupation_key == "medical_assistant"  # from the SOC code
    assert role.entry_level is True
    assert role.state == "CA" and 36 < role.lat < 37.5  # coordinates from the ZIP code
    assert role.data["pay_min"] == 20 and role.data["pay_period"] == "hour"


def _break(folder, name, old, new):
    path = folder / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return path


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("programs.yaml", "    kind: training\n", "    kind: training\n    tution: 5\n", ["programs.yaml", "record 1 (ma_open)", "'tution'", "not a field"]),
        ("programs.yaml", "cost: {tuition: 0,", "cost: {tuition: free,", ["programs.yaml", "record 1 (ma_open)", "'cost.tuition'"]),
        ("programs.yaml", "occupations: [medical_assistant]\n    audiences", "occupations: [astronaut]\n    audiences", ["programs.yaml", "record 1 (ma_open)", "'occupations'", "astronaut"]),  # noqa: E501 - one broken file per line
        ("programs.yaml", "recorded: 2026-11-01\n  - key: ma_closed", "recorded: someday\n  - key: ma_closed", ["programs.yaml", "record 1 (ma_open)", "'recorded'"]),  # noqa: E501 - one broken file per line
        ("programs.yaml", "      min_age: {value: 18, source: \"https://example.org/ma\", quote: \"You must be 18 or older.\"}\n", "      min_age: 18\n", ["programs.yaml", "record 1 (ma_open)", "'eligibility.min_age'"]),  # noqa: E501 - one broken file per line
        ("programs.yaml", "key: ma_closed", "key: ma_open", ["programs.yaml", "record 2 (ma_open)", "twice"]),
        ("programs.yaml", "records:\n", "records:\n  - [not, a, mapping]\n", ["programs.yaml", "record 1", "mapping"]),
        ("programs.yaml", "source: test\n", "source: test\n  oops: [\n", ["programs.yaml", "not valid YAML", "line"]),
        ("funding.yaml", "employer: {value: test_hospital,", "employer: {value: nobody,", ["funding.yaml", "record 1 (hospital_tuition)", "'eligibility.employer'", "nobody"]),  # noqa: E501 - one broken file per line
        ("roles.jsonld", '"postalCode": "98101"', '"postalCode": "9810"', ["roles.jsonld", "record 2 (t-2)", "'zip'"]),
    ],
)
def test_bad_file_imports_nothing_and_names_the_problem(empty_engine, tmp_path, file, old, new, expected):
    folder = catalog_dir(tmp_path)
    service.import_files(empty_engine, [folder])
    before = counts(empty_engine)
    with db.session_factory(empty_engine)() as session:
        before_name = session.scalar(select(models.Program.name).where(models.Program.key == "ma_open"))

    # A broken copy that also renames a good record: nothing from it may land.
    path = _break(folder, file, old, new)
    if file == "programs.yaml" and "ma_open" in path.read_text():
        path.write_text(path.read_text().replace("Medical Assistant Evening Cohort", "Changed Name"))
    results = service.import_files(empty_engine, [path])
    assert len(results) == 1 and results[0].errors, "a broken file must be reported"
    message = results[0].errors[0]
    for part in expected:
        assert part in message, f"{part!r} not in {message!r}"
    assert counts(empty_engine) == before
    with db.session_factory(empty_engine)() as session:
        assert session.scalar(select(models.Program.name).where(models.Program.key == "ma_open")) == before_name
        assert session.scalar(select(func.count()).select_from(models.Program).where(models.Program.name == "Changed Name")) == 0


def test_a_bad_file_does_not_stop_the_good_ones(empty_engine, tmp_path):
    folder = catalog_dir(tmp_path)
    _break(folder, "funding.yaml", "kind: tuition_reimbursement", "kind: free_money")
    results = {r.file: r for r in service.import_files(empty_engine, [folder])}
    assert results["funding.yaml"].errors and "'kind'" in results["funding.yaml"].errors[0]
    assert not results["programs.yaml"].errors
    assert counts(empty_engine)["funding"] == 0 and counts(empty_engine)["programs"] == 2


def test_csv_import_with_nested_and_list_columns(empty_engine, tmp_path):
    folder = catalog_dir(tmp_path)
    service.import_files(empty_engine, [folder / "occupations.yaml", folder / "organizations.yaml"])
    csv_path = tmp_path / "programs-extra.csv"
    csv_path.write_text(
        "key,name,kind,provider,occupations,audiences,location.states,cost.tuition,cost.per,cost.source,cost.quote,"
        "eligibility.min_age.value,eligibility.min_age.source,eligibility.min_age.quote,eligibility.states.value,"
        "eligibility.states.source,eligibility.states.quote,source_url,sources,recorded\n"
        "phlebo_course,Phlebotomy Course,training,test_college,phlebotomist,adults;job_seekers,CA;NV,1200,program,"
        "https://example.org/p,Tuition is $1200.,18,https://example.org/p,You must be 18.,CA;NV,https://example.org/p,"
        "Open to residents of California and Nevada.,https://example.org/p,https://example.org/p;000_8c03b5a5078ccf22.txt,2026-11-30\n"
    )
    result = service.import_files(empty_engine, [csv_path])[0]
    assert not result.errors and result.count == 1
    with db.session_factory(empty_engine)() as session:
        row = session.scalar(select(models.Program).where(models.Program.key == "phlebo_course"))
        assert [link.occupation_key for link in row.occupations] == ["phlebotomist"]
    assert row.tuition == 1200 and row.states == ",CA,NV," and row.audiences == ",adults,job_seekers,"
    assert row.data["eligibility"]["min_age"] == {"value": 18, "source": "https://example.org/p", "quote": "You must be 18."}
    assert row.data["eligibility"]["states"]["value"] == ["CA", "NV"]
    assert row.data["sources"] == ["https://example.org/p", "000_8c03b5a5078ccf22.txt"]

    bad = tmp_path / "programs-bad.csv"
    bad.write_text("key,name,kind,source_url,sources,recorded\nx_course,X,training,not-a-url,https://example.org/x,2026-11-01\n")
    result = service.import_files(empty_engine, [bad])[0]
    assert "programs-bad.csv" in result.errors[0] and "record 1 (x_course)" in result.errors[0] and "'source_url'" in result.errors[0]


def test_same_key_from_another_source_is_refused(empty_engine, tmp_path):
    folder = catalog_dir(tmp_path)
    service.import_files(empty_engine, [folder])
    other = tmp_path / "programs.yaml"
    other.write_text((folder / "programs.yaml").read_text().replace("source: test", "source: someone_else"))
    result = service.import_files(empty_engine, [other])[0]
    assert "already belongs to the source 'test'" in result.errors[0]


def test_import_on_postgresql(pg_engine, tmp_path):
    folder = catalog_dir(tmp_path)
    assert all(not r.errors for r in service.import_files(pg_engine, [folder]))
    service.import_files(pg_engine, [folder])
    assert counts(pg_engine) == {"occupations": 2, "organizations": 2, "programs": 2, "funding": 1, "roles": 2}
    path = _break(folder, "programs.yaml", "cost: {tuition: 0,", "cost: {tuition: -5,")
    assert service.import_files(pg_engine, [path])[0].errors
    with db.session_factory(pg_engine)() as session:
        assert session.scalar(select(models.Program.tuition).where(models.Program.key == "ma_open")) == 0
