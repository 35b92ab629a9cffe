"""Importers: the YAML catalog, CSV files and schema.org JobPosting feeds.

A file is checked completely before anything is written, and then written in one transaction, so
a bad file imports nothing and its error names the file, the record and the field. Records are
upserted by (source, key), so importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import csv
import json
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml
from pydantic import BaseModel, ValidationError
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from bot.catalog import geo, models
from bot.catalog.records import YAML_FILES, FundingIn, OccupationIn, OrganizationIn, ProgramIn, RoleIn

CHUNK = 500
# Import order: later kinds refer to earlier ones.
KIND_ORDER = ("occupations", "organizations", "programs", "funding")
TABLES = {
    "occupations": models.Occupation,
    "organizations": models.Organization,
    "programs": models.Program,
    "funding": models.Funding,
}


class CatalogImportError(ValueError):
    """A file that cannot be imported; the message names the file, record and field."""


@dataclass
class ImportResult:
    file: str
    kind: str
    count: int
    errors: list[str] = field(default_factory=list)


def _where(file: str, index: int, record: Any) -> str:
    key = None
    if isinstance(record, dict):
        key = record.get("key") or record.get("identifier") or record.get("source_id")
        if isinstance(key, dict):
            key = key.get("value")
    return f"{file}: record {index + 1}" + (f" ({key})" if key else "")


def _validation_message(where: str, error: ValidationError) -> str:
    first = error.errors()[0]
    location = ".".join(str(part) for part in first["loc"]) or "(record)"
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = "is not a field of this schema"
    more = f" (and {error.error_count() - 1} more problems)" if error.error_count() > 1 else ""
    return f"{where}, field '{location}': {message}{more}"


def _validate(file: str, model: type[BaseModel], records: list[Any]) -> list[BaseModel]:
    valid = []
    for index, record in enumerate(records):
        if not isinstance(record, dict):
            raise CatalogImportError(f"{_where(file, index, record)}: a record must be a mapping of fields")
        try:
            valid.append(model.model_validate(record))
        except ValidationError as error:
            raise CatalogImportError(_validation_message(_where(file, index, record), error)) from None
    keys = [getattr(r, "key", None) or getattr(r, "source_id", None) for r in valid]
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if key in seen:
            raise CatalogImportError(f"{_where(file, index, records[index])}: the key '{key}' appears twice in this file")
        seen.add(key)
    return valid


# ---------------------------------------------------------------------------------------------
# Reading files


def read_yaml(path: Path) -> tuple[str, str, list[Any]]:
    """(kind, source, records) of a catalog YAML file."""
    try:
        # The C loader when PyYAML has it: ten thousand records parse in seconds, not a minute.
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise CatalogImportError(f"{path.name}: not valid YAML{where}") from None
    except UnicodeDecodeError:
        raise CatalogImportError(f"{path.name}: not a UTF-8 text file") from None
    if not isinstance(document, dict) or not isinstance(document.get("records"), list):
        raise CatalogImportError(f"{path.name}: expected a mapping with 'source' and a list of 'records'")
    unknown = set(document) - {"source", "records", "kind"}
    if unknown:
        raise CatalogImportError(f"{path.name}: unknown top-level field '{sorted(unknown)[0]}'")
    kind = document.get("kind") or path.stem
    if kind not in YAML_FILES:
        raise CatalogImportError(
            f"{path.name}: cannot tell what the records are; name the file one of "
            f"{', '.join(k + '.yaml' for k in KIND_ORDER)} or add 'kind:'"
        )
    source = str(document.get("source") or path.stem)
    return kind, source, document["records"]


def _list_fields(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Dotted names of the list fields of a model, so CSV cells can be split on ';'."""
    found: set[str] = set()
    for name, info in model.model_fields.items():
        annotation = info.annotation
        origin = typing.get_origin(annotation)
        if origin is list:
            found.add(prefix + name)
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found |= _list_fields(annotation, prefix + name + ".")
    return found


def _unflatten(row: dict[str, str], model: type[BaseModel]) -> dict[str, Any]:
    lists = _list_fields(model)
    record: dict[str, Any] = {}
    for column, cell in row.items():
        if column is None:
            raise ValueError("the row has more cells than the header has columns")
        cell = (cell or "").strip()
        if cell == "":
            continue
        value: Any = [part.strip() for part in cell.split(";") if part.strip()] if column in lists else cell
        target = record
        parts = column.strip().split(".")
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = value
    return record


def read_csv(path: Path, kind: str | None = None) -> tuple[str, str, list[Any]]:
    """A CSV file: one record per row, dotted headers for nested fields (`cost.tuition`),
    `;` between the items of a list. The kind comes from the file name (`programs-2026.csv`)."""
    kind = kind or next((k for k in (*KIND_ORDER, "roles") if path.stem.startswith(k)), None)
    if kind is None:
        raise CatalogImportError(f"{path.name}: cannot tell what the rows are; start the file name with programs, funding, occupations, organizations or roles")
    model = RoleIn if kind == "roles" else YAML_FILES[kind]
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except (UnicodeDecodeError, csv.Error) as error:
        raise CatalogImportError(f"{path.name}: not a readable CSV file ({error})") from None
    records = []
    for index, row in enumerate(rows):
        try:
            records.append(_unflatten(row, model))
        except ValueError as error:
            raise CatalogImportError(f"{path.name}: row {index + 2}: {error}") from None
    return kind, path.stem, records


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _date(value: Any) -> str | None:
    if not value:
        return None
    return str(value)[:10]


UNIT_PERIODS = {"HOUR": "hour", "YEAR": "year", "MONTH": "month", "WEEK": "week"}


def jobposting_to_role(posting: dict, demo: bool) -> dict[str, Any]:
    """The fields of a schema.org JobPosting the catalog keeps, as a RoleIn document."""
    if posting.get("@type") not in ("JobPosting", None):
        raise ValueError(f"@type is {posting.get('@type')!r}, expected 'JobPosting'")
    identifier = posting.get("identifier")
    if isinstance(identifier, dict):
        identifier = identifier.get("value")
    location = _first(posting.get("jobLocation")) or {}
    address = location.get("address") or {}
    geo_point = location.get("geo") or {}
    salary = posting.get("baseSalary") or {}
    value = salary.get("value") or {}
    if not isinstance(value, dict):
        value = {"value": value}
    organization = posting.get("hiringOrganization") or {}
    education = posting.get("educationRequirements")
    if isinstance(education, dict):
        education = education.get("credentialCategory")
    experience = posting.get("experienceRequirements")
    if isinstance(experience, dict):
        experience = experience.get("description") or (
            f"{experience.get('monthsOfExperience')} months of experience"
            if experience.get("monthsOfExperience") is not None else None
        )
    requirements = "; ".join(str(part) for part in (education, experience) if part) or None
    soc = posting.get("occupationalCategory")
    if isinstance(soc, dict):
        soc = soc.get("codeValue")
    record = {
        "source_id": str(identifier) if identifier is not None else None,
        "title": posting.get("title"),
        "soc_code": soc,
        "employer": organization.get("name") if isinstance(organization, dict) else organization,
        "zip": address.get("postalCode"),
        "city": address.get("addressLocality"),
        "state": address.get("addressRegion"),
        "lat": geo_point.get("latitude"),
        "lon": geo_point.get("longitude"),
        "requirements": requirements,
        "pay_min": value.get("minValue", value.get("value")),
        "pay_max": value.get("maxValue", value.get("value")),
        "pay_period": UNIT_PERIODS.get(str(value.get("unitText") or salary.get("unitText") or "").upper()),
        "employment_type": _first(posting.get("employmentType")),
        "date_posted": _date(posting.get("datePosted")),
        "valid_through": _date(posting.get("validThrough")),
        "url": posting.get("url"),
        "description": posting.get("description"),
        "demo": bool(posting.get("demo", demo)),
    }
    if isinstance(posting.get("entryLevel"), bool):
        record["entry_level"] = posting["entryLevel"]
    return {k: v for k, v in record.items() if v is not None}


def read_jobpostings(document: Any, name: str) -> tuple[bool, list[Any]]:
    """(demo, role documents) of a JobPosting feed: an ItemList, a list, or one posting."""
    demo = False
    if isinstance(document, dict) and "itemListElement" in document:
        demo = bool(document.get("demo"))
        items = document["itemListElement"]
    elif isinstance(document, list):
        items = document
    elif isinstance(document, dict):
        items = [document]
    else:
        raise CatalogImportError(f"{name}: expected a JobPosting, a list of them or an ItemList")
    if not isinstance(items, list):
        raise CatalogImportError(f"{name}: itemListElement must be a list")
    roles = []
    for index, item in enumerate(items):
        if isinstance(item, dict) and item.get("@type") == "ListItem":
            item = item.get("item")
        if not isinstance(item, dict):
            raise CatalogImportError(f"{name}: record {index + 1}: a JobPosting must be an object")
        try:
            roles.append(jobposting_to_role(item, demo))
        except (ValueError, TypeError, AttributeError) as error:
            raise CatalogImportError(f"{_where(name, index, item)}: {error}") from None
    return demo, roles


def read_json(path: Path) -> list[Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise CatalogImportError(f"{path.name}: not valid JSON ({error})") from None
    return read_jobpostings(document, path.name)[1]


# ---------------------------------------------------------------------------------------------
# Writing


def _insert(session: Session):
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


def _upsert(session: Session, table, rows: list[dict], conflict: list[str]) -> None:
    # One statement, many parameter sets: compiling a fresh multi-row statement per chunk cost
    # more than writing the rows.
    statement = _insert(session)(table.__table__)
    updates = {name: statement.excluded[name] for name in rows[0] if name not in conflict}
    statement = statement.on_conflict_do_update(index_elements=conflict, set_=updates)
    for start in range(0, len(rows), CHUNK):
        session.execute(statement, rows[start:start + CHUNK])


def _ids(session: Session, model, keys: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start:start + CHUNK]
        found.update(session.execute(select(model.key, model.id).where(model.key.in_(chunk))).all())
    return found


def _known_keys(session: Session, model) -> set[str]:
    return set(session.scalars(select(model.key)))


def _check_references(file: str, kind: str, records: list[BaseModel], session: Session) -> None:
    occupations = _known_keys(session, models.Occupation)
    organizations = _known_keys(session, models.Organization)
    programs = _known_keys(session, models.Program)
    own = {record.key for record in records}
    if kind == "occupations":
        occupations |= own
    elif kind == "organizations":
        organizations |= own
    elif kind == "programs":
        programs |= own

    def check(index: int, record: BaseModel, field_name: str, keys: Iterable[str | None], known: set[str], what: str) -> None:
        for key in keys:
            if key and key not in known:
                raise CatalogImportError(
                    f"{file}: record {index + 1} ({record.key}), field '{field_name}': "
                    f"no {what} has the key '{key}'"
                )

    for index, record in enumerate(records):
        if isinstance(record, OccupationIn):
            check(index, record, "related", record.related, occupations, "occupation")
        if isinstance(record, (ProgramIn, FundingIn)):
            check(index, record, "occupations", record.occupations, occupations, "occupation")
            rules = record.eligibility
            check(index, record, "eligibility.current_occupations", rules.current_occupations, occupations, "occupation")
            check(index, record, "eligibility.employer", [rules.employer], organizations, "organization")
            check(index, record, "eligibility.union", [rules.union], organizations, "organization")
        if isinstance(record, ProgramIn):
            check(index, record, "provider", [record.provider], organizations, "organization")
            check(index, record, "sponsors", record.sponsors, organizations, "organization")
        if isinstance(record, FundingIn):
            check(index, record, "sponsor", [record.sponsor], organizations, "organization")
            check(index, record, "programs", record.programs, programs, "program")


def _commas(values: Iterable[str]) -> str:
    values = [v for v in values if v]
    return "," + ",".join(values) + "," if values else ""


def _program_states(record: ProgramIn) -> list[str]:
    if record.eligibility.states:
        return record.eligibility.states
    return [] if record.location.online else record.location.states


def _row(kind: str, source: str, record: BaseModel) -> dict[str, Any]:
    data = record.model_dump(mode="json", exclude_none=True)
    row = {
        "source": source, "key": record.key, "source_url": str(record.source_url),
        "last_verified": record.last_verified, "data": data,
    }
    if isinstance(record, OccupationIn):
        row.update(title=record.title, soc_code=record.soc_code)
    elif isinstance(record, OrganizationIn):
        row.update(name=record.name)
    elif isinstance(record, ProgramIn):
        deadlines = [start.deadline for start in record.starts if start.deadline]
        row.update(
            name=record.name, kind=record.kind, format=record.format, tuition=record.cost.tuition,
            states=_commas(_program_states(record)), audiences=_commas(record.audiences),
            employees_only=record.eligibility.employees_only,
            last_deadline=None if record.rolling or not deadlines else max(deadlines),
        )
    elif isinstance(record, FundingIn):
        row.update(
            name=record.name, kind=record.kind, sponsor=record.sponsor, amount_max=record.amount.max,
            states=_commas(record.eligibility.states), audiences=_commas(record.audiences),
            employer=record.eligibility.employer, employees_only=record.eligibility.employees_only,
            deadline=None if record.rolling else record.deadline,
            programs=_commas(record.programs), general=not record.occupations,
        )
    return row


def _search_body(kind: str, record: BaseModel, titles: dict[str, str], names: dict[str, str]) -> str:
    parts: list[str | None] = []
    if isinstance(record, ProgramIn):
        parts = [record.name, record.description, record.credential, names.get(record.provider or ""),
                 *[names.get(s) for s in record.sponsors], *[titles.get(o) for o in record.occupations],
                 *record.location.cities, *record.location.regions]
    elif isinstance(record, FundingIn):
        parts = [record.name, record.description, names.get(record.sponsor or ""), *record.pays_for,
                 *[titles.get(o) for o in record.occupations]]
    return " ".join(p for p in parts if p)


def _replace_links(session: Session, link_model, owner_column: str, ids: dict[str, int], records: list) -> None:
    owner = getattr(link_model, owner_column)
    id_list = list(ids.values())
    for start in range(0, len(id_list), CHUNK):
        session.execute(delete(link_model).where(owner.in_(id_list[start:start + CHUNK])))
    rows = [
        {owner_column: ids[record.key], "occupation_key": occupation}
        for record in records for occupation in dict.fromkeys(record.occupations)
    ]
    statement = _insert(session)(link_model.__table__)
    for start in range(0, len(rows), CHUNK):
        session.execute(statement, rows[start:start + CHUNK])


def _write_documents(session: Session, kind: str, ids: dict[str, int], bodies: dict[str, str]) -> None:
    rows = [{"kind": kind, "record_id": ids[key], "body": body} for key, body in bodies.items()]
    if rows:
        _upsert(session, models.SearchDocument, rows, ["kind", "record_id"])


def write_records(session: Session, kind: str, source: str, records: list[BaseModel]) -> None:
    model = TABLES[kind]
    existing_sources = dict(
        session.execute(
            select(model.key, model.source).where(model.key.in_([r.key for r in records[:CHUNK * 40]]))
        ).all()
    )
    for record in records:
        other = existing_sources.get(record.key)
        if other is not None and other != source:
            raise CatalogImportError(f"the {kind} key '{record.key}' already belongs to the source '{other}'")
    rows = [_row(kind, source, record) for record in records]
    if not rows:
        return
    _upsert(session, model, rows, ["key"])
    if kind in ("programs", "funding"):
        ids = _ids(session, model, [r.key for r in records])
        link, column = (
            (models.ProgramOccupation, "program_id") if kind == "programs"
            else (models.FundingOccupation, "funding_id")
        )
        _replace_links(session, link, column, ids, records)
        titles = dict(session.execute(select(models.Occupation.key, models.Occupation.title)).all())
        names = dict(session.execute(select(models.Organization.key, models.Organization.name)).all())
        kind_name = "program" if kind == "programs" else "funding"
        _write_documents(session, kind_name, ids, {r.key: _search_body(kind, r, titles, names) for r in records})


def _soc_index(session: Session) -> dict[str, str]:
    """SOC code (full and 6-digit) -> occupation key, so postings land on an occupation."""
    index: dict[str, str] = {}
    for key, soc in session.execute(select(models.Occupation.key, models.Occupation.soc_code)):
        index.setdefault(soc, key)
        index.setdefault(soc[:7], key)
    return index


def write_roles(session: Session, source: str, roles: list[RoleIn]) -> None:
    soc = _soc_index(session)
    occupations = _known_keys(session, models.Occupation)
    rows = []
    for role in roles:
        occupation = role.occupation if role.occupation in occupations else None
        if occupation is None and role.soc_code:
            occupation = soc.get(role.soc_code) or soc.get(role.soc_code[:7])
        lat, lon, city, state = role.lat, role.lon, role.city, role.state
        if (lat is None or lon is None) and role.zip:
            try:
                place = geo.from_zip(role.zip)
                lat, lon, city, state = place.lat, place.lon, city or place.city, state or place.state
            except geo.UnknownPlace:
                pass
        data = role.model_dump(mode="json", exclude_none=True)
        data.update({"occupation": occupation, "lat": lat, "lon": lon, "city": city, "state": state})
        rows.append({
            "source": source, "source_id": role.source_id, "title": role.title,
            "occupation_key": occupation, "employer": role.employer, "state": state,
            "lat": lat, "lon": lon,
            "entry_level": role.entry_level if role.entry_level is not None else _entry_level(role),
            "valid_through": role.valid_through, "date_posted": role.date_posted,
            "demo": role.demo, "data": data,
        })
    if not rows:
        return
    _upsert(session, models.Role, rows, ["source", "source_id"])
    ids: dict[str, int] = {}
    source_ids = [r.source_id for r in roles]
    for start in range(0, len(source_ids), CHUNK):
        chunk = source_ids[start:start + CHUNK]
        ids.update(session.execute(
            select(models.Role.source_id, models.Role.id)
            .where(models.Role.source == source, models.Role.source_id.in_(chunk))
        ).all())
    bodies = {r.source_id: " ".join(p for p in (r.title, r.employer, r.city, r.description) if p) for r in roles}
    _write_documents(session, "role", ids, bodies)


def _entry_level(role: RoleIn) -> bool | None:
    """A posting is entry-level when it asks for no experience or says so in its title."""
    text = f"{role.title} {role.requirements or ''}".lower()
    if any(word in text for word in ("entry level", "entry-level", "no experience", "trainee", "will train")):
        return True
    if any(word in text for word in ("senior", "lead ", "manager", "supervisor", "years of experience")):
        return False
    return None


def import_records(session: Session, kind: str, source: str, records: list[Any], file: str) -> ImportResult:
    """Validate then write one file's records; nothing is written if any record is bad."""
    if kind == "roles":
        valid = _validate(file, RoleIn, records)
        with session.begin_nested():
            write_roles(session, source, valid)
        return ImportResult(file, kind, len(valid))
    valid = _validate(file, YAML_FILES[kind], records)
    _check_references(file, kind, valid, session)
    try:
        with session.begin_nested():
            write_records(session, kind, source, valid)
    except CatalogImportError as error:
        raise CatalogImportError(f"{file}: {error}") from None
    return ImportResult(file, kind, len(valid))


def read_file(path: Path) -> tuple[str, str, list[Any]]:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return read_yaml(path)
    if suffix == ".csv":
        return read_csv(path)
    if suffix in (".json", ".jsonld"):
        return "roles", path.stem, read_json(path)
    raise CatalogImportError(f"{path.name}: unknown file type; use .yaml, .csv or .json/.jsonld (JobPosting)")


def catalog_files(directory: Path) -> list[Path]:
    """The catalog files of a directory, in the order their references need."""
    files = [directory / f"{kind}.yaml" for kind in KIND_ORDER if (directory / f"{kind}.yaml").exists()]
    extra = sorted(p for p in directory.iterdir() if p.suffix.lower() in (".csv", ".json", ".jsonld"))
    return files + extra


def import_paths(session: Session, paths: list[Path]) -> list[ImportResult]:
    """Import each file in its own transaction; a bad file is reported and the others go on."""
    results = []
    for path in paths:
        try:
            kind, source, records = read_file(path)
            result = import_records(session, kind, source, records, path.name)
            session.commit()
        except CatalogImportError as error:
            session.rollback()
            result = ImportResult(path.name, "", 0, [str(error)])
        results.append(result)
    return results

