"""Writing validated catalog records: upserts by key, occupation links and search documents.

Records arrive already validated (readers.py); here they are checked against what the database
already holds (references, key owners) and written in bulk.
"""

from __future__ import annotations

from typing import Any, Iterable

from pydantic import BaseModel
from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from catalog import changes, geo, models
from catalog.readers import CatalogImportError
from catalog.records import EDUCATION_LEVELS, FundingIn, OccupationIn, OrganizationIn, ProgramIn, RoleIn

CHUNK = 500
TABLES = {
    "occupations": models.Occupation,
    "organizations": models.Organization,
    "programs": models.Program,
    "funding": models.Funding,
}




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


def check_references(file: str, kind: str, records: list[BaseModel], session: Session) -> None:
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
            check(index, record, "pay_examples", record.pay_examples, occupations, "occupation")
        if isinstance(record, (ProgramIn, FundingIn)):
            check(index, record, "occupations", record.occupations, occupations, "occupation")
            rules = record.eligibility.values()
            check(index, record, "eligibility.current_occupations", rules.get("current_occupations", []), occupations, "occupation")
            check(index, record, "eligibility.employer", [rules.get("employer")], organizations, "organization")
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
    """Where a search by state finds the program: the states it is held in (a residence rule
    narrows that further), or everywhere when it is online."""
    rules = record.eligibility.values()
    if rules.get("states"):
        return rules["states"]
    return [] if record.location.online else record.location.states


def _groups(record: ProgramIn | FundingIn) -> list[str]:
    rule = record.eligibility.groups
    return [group.value for group in rule.value] if rule else []


def age_and_school_columns(rules: dict) -> dict[str, Any]:
    """The AgeAndSchoolRules columns of a record, from its plain rules."""
    needed = rules.get("education")
    return {
        "min_age": rules.get("min_age"), "max_age": rules.get("max_age"),
        "min_grade": rules.get("min_grade"), "max_grade": rules.get("max_grade"),
        "student_status": _commas(rules.get("student_status") or []),
        "education_rank": EDUCATION_LEVELS.index(needed) if needed and needed != "none" else None,
        "for_position": bool(rules.get("position")),
    }


def _row(kind: str, source: str, record: BaseModel) -> dict[str, Any]:
    data = record.model_dump(mode="json", exclude_none=True)
    row = {
        "source": source, "key": record.key, "source_url": str(record.source_url),
        "last_verified": getattr(record, "last_verified", None), "data": data,
    }
    if isinstance(record, OccupationIn):
        row.update(title=record.title, soc_code=record.soc_code)
    elif isinstance(record, OrganizationIn):
        row.update(name=record.name, aliases=" ".join(record.aliases))
    elif isinstance(record, ProgramIn):
        deadlines = [start.deadline for start in record.starts if start.deadline]
        rules = record.eligibility.values()
        row.update(
            name=record.name, kind=record.kind, format=record.format, tuition=record.cost.tuition,
            states=_commas(_program_states(record)), audiences=_commas(record.audiences),
            employees_only=bool(rules.get("employees_only") or rules.get("employer")),
            last_deadline=None if record.rolling or not deadlines else max(deadlines),
            groups=_commas(_groups(record)), **age_and_school_columns(rules),
        )
    elif isinstance(record, FundingIn):
        rules = record.eligibility.values()
        row.update(
            name=record.name, kind=record.kind, sponsor=record.sponsor, amount_max=record.amount.max,
            states=_commas(rules.get("states", [])), audiences=_commas(record.audiences),
            employer=rules.get("employer"), employees_only=bool(rules.get("employees_only") or rules.get("employer")),
            deadline=None if record.rolling else record.deadline,
            programs=_commas(record.programs), general=not record.occupations,
            groups=_commas(_groups(record)), **age_and_school_columns(rules),
        )
    return row


def _search_body(kind: str, record: BaseModel, titles: dict[str, str], names: dict[str, str]) -> str:
    parts: list[str | None] = []
    if isinstance(record, ProgramIn):
        parts = [record.name, *record.aliases, record.description, record.credential, names.get(record.provider or ""),
                 *[names.get(s) for s in record.sponsors], *[titles.get(o) for o in record.occupations],
                 *record.location.cities, *record.location.regions]
    elif isinstance(record, FundingIn):
        parts = [record.name, *record.aliases, record.description, names.get(record.sponsor or ""), *record.pays_for,
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
    changes.mark(session)
    if kind in ("programs", "funding"):
        ids = _ids(session, model, [r.key for r in records])
        link, column = (
            (models.ProgramOccupation, "program_id") if kind == "programs"
            else (models.FundingOccupation, "funding_id")
        )
        _replace_links(session, link, column, ids, records)
        titles = dict(session.execute(select(models.Occupation.key, models.Occupation.title)).all())
        # An organization's other names find its programs too ("KPSAHS", "Futuro").
        names = {
            key: " ".join([name, *(data or {}).get("aliases", [])])
            for key, name, data in session.execute(select(models.Organization.key, models.Organization.name, models.Organization.data))
        }
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
    changes.mark(session)
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


def delete_roles(session: Session, ids: list[int]) -> None:
    """Delete roles and their search documents (which have no foreign key to cascade)."""
    if ids:
        changes.mark(session)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        session.execute(delete(models.SearchDocument).where(
            models.SearchDocument.kind == "role", models.SearchDocument.record_id.in_(chunk)))
        session.execute(delete(models.Role).where(models.Role.id.in_(chunk)))


def _entry_level(role: RoleIn) -> bool | None:
    """A posting is entry-level when it asks for no experience or says so in its title."""
    text = f"{role.title} {role.requirements or ''}".lower()
    if any(word in text for word in ("entry level", "entry-level", "no experience", "trainee", "will train")):
        return True
    if any(word in text for word in ("senior", "lead ", "manager", "supervisor", "years of experience")):
        return False
    return None


