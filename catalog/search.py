"""Searching programs, funding and roles. Filters run in the database on indexed columns;
free text uses the full-text index (FTS5 on SQLite, a tsvector GIN index on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Select, and_, column, func, or_, select, table, text
from sqlalchemy.orm import Session

from catalog import geo, models

# The FTS5 table the SQLite migration creates (the ORM does not model virtual tables).
SEARCH_FTS = table("search_fts", column("rowid"))
TOKEN = re.compile(r"[A-Za-z0-9]+")
DEFAULT_RADIUS_MILES = 25.0
# Radius searches read at most this many rows from the bounding box before the exact distance check.
MAX_BOX_ROWS = 5000


def text_match(session: Session, kind: str, query: str):
    """A subquery of record ids whose text matches every word of `query` (prefixes count)."""
    words = TOKEN.findall(query)[:12]
    if not words:
        return None
    if session.get_bind().dialect.name == "postgresql":
        return select(models.SearchDocument.record_id).where(
            models.SearchDocument.kind == kind,
            text("to_tsvector('english', search_documents.body) @@ to_tsquery('english', :tsq)").bindparams(
                tsq=" & ".join(f"{w.lower()}:*" for w in words)
            ),
        )
    match = " ".join(f'"{w}"*' for w in words)
    # The MATCH runs once as a subquery; written as a join, SQLite re-ran it for every document.
    matching_rows = select(SEARCH_FTS.c.rowid).where(text("search_fts MATCH :match").bindparams(match=match))
    return select(models.SearchDocument.record_id).where(
        models.SearchDocument.kind == kind, models.SearchDocument.id.in_(matching_rows)
    )


def contains(column, value: str):
    return column.like(f"%,{value},%")


def _in_state(column, state: str | None):
    """Open in the state, or nationwide (no states listed)."""
    return or_(column == "", contains(column, state)) if state else None


def organization_offers(session: Session, key: str) -> tuple[list[models.Program], list[models.Funding]]:
    """The programs an organization provides or sponsors, and the funds it sponsors or that are
    for its employees, by name."""
    programs = [
        p for p in session.scalars(select(models.Program).order_by(models.Program.name))
        if p.data.get("provider") == key or key in p.data.get("sponsors", [])
    ]
    funds = [
        f for f in session.scalars(select(models.Funding).order_by(models.Funding.name))
        if f.data.get("sponsor") == key or (f.data.get("eligibility") or {}).get("employer", {}).get("value") == key
    ]
    return programs, funds


@dataclass
class Page:
    items: list
    total: int


def paged(session: Session, query: Select, page: int, per_page: int, order) -> Page:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = session.scalars(query.order_by(*order).offset((page - 1) * per_page).limit(per_page)).all()
    return Page(list(rows), total or 0)


def programs_query(
    session: Session, *, occupations: list[str] | None = None, state: str | None = None,
    audience: str | None = None, kind: str | None = None, max_cost: float | None = None,
    format: str | None = None, q: str | None = None, include_expired: bool = False,
    today: dt.date | None = None, exclude_kinds: tuple[str, ...] = (),
) -> Select:
    query = select(models.Program)
    if occupations is not None:
        query = query.where(models.Program.id.in_(
            select(models.ProgramOccupation.program_id).where(models.ProgramOccupation.occupation_key.in_(occupations))
        ))
    if state:
        query = query.where(or_(_in_state(models.Program.states, state), models.Program.format == "online"))
    if audience:
        query = query.where(contains(models.Program.audiences, audience))
    if kind:
        query = query.where(models.Program.kind == kind)
    if exclude_kinds:
        query = query.where(models.Program.kind.not_in(exclude_kinds))
    if max_cost is not None:
        query = query.where(models.Program.tuition <= max_cost)
    if format:
        query = query.where(models.Program.format == format)
    if q:
        matches = text_match(session, "program", q)
        if matches is not None:
            query = query.where(models.Program.id.in_(matches))
    if not include_expired:
        query = query.where(or_(models.Program.last_deadline.is_(None), models.Program.last_deadline >= (today or dt.date.today())))
    return query


def funding_query(
    session: Session, *, occupations: list[str] | None = None, state: str | None = None,
    kind: str | None = None, kinds: tuple[str, ...] = (), audience: str | None = None,
    employer: str | None = None, q: str | None = None, include_expired: bool = False,
    today: dt.date | None = None, include_general: bool = True, program: str | None = None,
) -> Select:
    query = select(models.Funding)
    if program:
        query = query.where(contains(models.Funding.programs, program))
    if occupations is not None:
        linked = models.Funding.id.in_(
            select(models.FundingOccupation.funding_id).where(models.FundingOccupation.occupation_key.in_(occupations))
        )
        if include_general:
            linked = or_(linked, models.Funding.general.is_(True))
        query = query.where(linked)
    if state:
        query = query.where(_in_state(models.Funding.states, state))
    if kind:
        query = query.where(models.Funding.kind == kind)
    if kinds:
        query = query.where(models.Funding.kind.in_(kinds))
    if audience:
        query = query.where(or_(models.Funding.audiences == "", contains(models.Funding.audiences, audience)))
    if employer:
        query = query.where(or_(models.Funding.employer == employer, models.Funding.sponsor == employer))
    if q:
        matches = text_match(session, "funding", q)
        if matches is not None:
            query = query.where(models.Funding.id.in_(matches))
    if not include_expired:
        query = query.where(or_(models.Funding.deadline.is_(None), models.Funding.deadline >= (today or dt.date.today())))
    return query


def roles_near(
    session: Session, *, occupations: list[str] | None = None, place: geo.Place | None = None,
    state: str | None = None, radius_miles: float = DEFAULT_RADIUS_MILES, entry_level: bool | None = None,
    employer: str | None = None, q: str | None = None, include_expired: bool = False,
    today: dt.date | None = None,
) -> tuple[Select, geo.Place | None]:
    query = select(models.Role).where(models.Role.duplicate.is_(False))
    if occupations is not None:
        query = query.where(models.Role.occupation_key.in_(occupations))
    if place is not None:
        south, north, west, east = geo.bounding_box(place, radius_miles)
        query = query.where(and_(models.Role.lat.between(south, north), models.Role.lon.between(west, east)))
    elif state:
        query = query.where(models.Role.state == state)
    if entry_level is not None:
        query = query.where(models.Role.entry_level.is_(entry_level))
    if employer:
        query = query.where(func.lower(models.Role.employer).contains(employer.lower()))
    if q:
        matches = text_match(session, "role", q)
        if matches is not None:
            query = query.where(models.Role.id.in_(matches))
    if not include_expired:
        query = query.where(or_(models.Role.valid_through.is_(None), models.Role.valid_through >= (today or dt.date.today())))
    return query, place


def within_radius(session: Session, query: Select, place: geo.Place, radius_miles: float,
                  max_rows: int = MAX_BOX_ROWS) -> list[tuple[models.Role, float]]:
    """Rows of a bounding-box query that are really within the radius, nearest first."""
    rows = session.scalars(query.limit(max_rows)).all()
    found = []
    for row in rows:
        if row.lat is None or row.lon is None:
            continue
        distance = geo.distance_miles(place.lat, place.lon, row.lat, row.lon)
        if distance <= radius_miles:
            found.append((row, distance))
    found.sort(key=lambda pair: (pair[1], -(pair[0].date_posted or dt.date.min).toordinal()))
    return found
