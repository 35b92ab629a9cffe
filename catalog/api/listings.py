"""Programs, funding, organizations and open roles: search with filters, and one record by key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from catalog import documents, geo, models, search
from catalog.api.deps import (
    CityQuery, OccupationQuery, PagingDep, RadiusQuery, SearchText, SessionDep, StateQuery,
    TodayDep, ZipQuery,
)
from catalog.occupations import OccupationIndex
from catalog.profile import person_groups
from catalog.records import Audience, Format, FundingKind, Group, ProgramKind

router = APIRouter()
KeyPath = Annotated[str, Path(pattern=r"^[a-z0-9_]{1,80}$")]
GroupQuery = Annotated[Group | None, Query(description="Only records that declare (with a source) they serve this group")]


def serving(query, model, group: Group | None):
    """Narrow a program or funding query to records serving a group (or the same group by
    another name, such as black and african_american)."""
    if group is None:
        return query
    # Asking for one group finds what serves it by another name too (black / african_american), and
    # what serves under-represented groups when it is one of them.
    wanted = person_groups([group.value])
    return query.where(or_(*[search.contains(model.groups, g) for g in sorted(wanted)]))


def occupation_keys(session: Session, occupation: str | None) -> list[str] | None:
    """The occupation a filter names, in any words; an unknown one is a clear 422."""
    if not occupation:
        return None
    index = OccupationIndex.load(session)
    found = index.lookup(occupation)
    if found.key:
        return [found.key]
    hint = ""
    if found.alternatives:
        hint = " Did you mean " + " or ".join(index.titles[k] for k, _ in found.alternatives[:2]) + "?"
    raise HTTPException(422, f"We don't know an occupation called '{occupation}'.{hint}")


def one(session: Session, model, key: str, what: str, render, today) -> dict:
    """One program or fund by key, as its API document, or a clear 404."""
    row = session.scalar(select(model).where(model.key == key))
    if row is None:
        raise HTTPException(404, f"No {what} has the key '{key}'.")
    return render(row, documents.Names(session).load_for([row.data]), today)


def state_of(zip_code: str | None, city: str | None, state: str | None) -> tuple[geo.Place | None, str | None]:
    code = geo.state_code(state) if state else None
    if state and not code:
        raise HTTPException(422, f"'{state}' is not a US state we know.")
    place = geo.locate(zip_code, city, code)
    return place, (place.state if place else code)


@router.get("/programs", tags=["programs"], summary="Search training and other programs")
def list_programs(
    session: SessionDep, paging: PagingDep, today: TodayDep,
    occupation: OccupationQuery = None, zip: ZipQuery = None, city: CityQuery = None,
    state: StateQuery = None, radius_miles: RadiusQuery = search.DEFAULT_RADIUS_MILES,
    audience: Audience | None = None, kind: ProgramKind | None = None,
    max_cost: Annotated[float | None, Query(ge=0, le=1_000_000)] = None, format: Format | None = None,
    q: SearchText = None, include_expired: bool = False, group: GroupQuery = None,
) -> dict:
    _, code = state_of(zip, city, state)
    query = search.programs_query(
        session, occupations=occupation_keys(session, occupation), state=code, audience=audience,
        kind=kind, max_cost=max_cost, format=format, q=q, include_expired=include_expired, today=today,
    )
    query = serving(query, models.Program, group)
    page = search.paged(session, query, paging.page, paging.per_page, [models.Program.name, models.Program.id])
    names = documents.Names(session).load_for(r.data for r in page.items)
    return paging.answer([documents.program(r, names, today) for r in page.items], page.total)


@router.get("/programs/{key}", tags=["programs"], summary="One program")
def get_program(session: SessionDep, today: TodayDep, key: KeyPath) -> dict:
    return one(session, models.Program, key, "program", documents.program, today)


@router.get("/funding", tags=["funding"], summary="Search scholarships, tuition support and grants")
def list_funding(
    session: SessionDep, paging: PagingDep, today: TodayDep,
    occupation: OccupationQuery = None, state: StateQuery = None, kind: FundingKind | None = None,
    audience: Audience | None = None,
    employer: Annotated[str | None, Query(pattern=r"^[a-z0-9_]{1,80}$", description="Organization key")] = None,
    q: SearchText = None, include_expired: bool = False, group: GroupQuery = None,
) -> dict:
    _, code = state_of(None, None, state)
    query = search.funding_query(
        session, occupations=occupation_keys(session, occupation), state=code, kind=kind,
        audience=audience, employer=employer, q=q, include_expired=include_expired, today=today,
    )
    query = serving(query, models.Funding, group)
    page = search.paged(session, query, paging.page, paging.per_page, [models.Funding.name, models.Funding.id])
    names = documents.Names(session).load_for(r.data for r in page.items)
    return paging.answer([documents.funding(r, names, today) for r in page.items], page.total)


@router.get("/funding/{key}", tags=["funding"], summary="One scholarship or fund")
def get_funding(session: SessionDep, today: TodayDep, key: KeyPath) -> dict:
    return one(session, models.Funding, key, "funding", documents.funding, today)


def _organization_matches(q: str):
    """Organizations whose name or other names contain the words (case-insensitive)."""
    words = search.TOKEN.findall(q.lower())[:12]
    text = func.lower(models.Organization.name + " " + func.coalesce(models.Organization.aliases, ""))
    return [text.contains(word) for word in words]


@router.get("/organizations", tags=["organizations"], summary="Providers, sponsors, employers and unions")
def list_organizations(session: SessionDep, paging: PagingDep, q: SearchText = None) -> dict:
    query = select(models.Organization)
    if q:
        query = query.where(*_organization_matches(q))
    page = search.paged(session, query, paging.page, paging.per_page, [models.Organization.name, models.Organization.id])
    names = documents.Names(session).load_for(r.data for r in page.items)
    return paging.answer([documents.organization(r, names) for r in page.items], page.total)


@router.get("/organizations/{key}", tags=["organizations"], summary="One organization, with the programs and funds it provides or sponsors")
def get_organization(session: SessionDep, today: TodayDep, key: KeyPath) -> dict:
    row = session.scalar(select(models.Organization).where(models.Organization.key == key))
    if row is None:
        raise HTTPException(404, f"No organization has the key '{key}'.")
    programs, funds = search.organization_offers(session, key)
    names = documents.Names(session).load_for([row.data, *(p.data for p in programs), *(f.data for f in funds)])
    answer = documents.organization(row, names)
    answer["programs"] = [_brief(documents.program(p, names, today), "provider") for p in programs]
    answer["funding"] = [_brief(documents.funding(f, names, today), "sponsor") for f in funds]
    return answer


def _brief(document: dict, role: str) -> dict:
    """A program or fund as an organization page lists it."""
    return {key: document.get(key) for key in ("key", "name", "kind", "description", role, "apply_url", "source_url", "expired")}


@router.get("/roles", tags=["roles"], summary="Search open roles, nearest first when a place is given")
def list_roles(
    session: SessionDep, paging: PagingDep, today: TodayDep,
    occupation: OccupationQuery = None, zip: ZipQuery = None, city: CityQuery = None,
    state: StateQuery = None, radius_miles: RadiusQuery = search.DEFAULT_RADIUS_MILES,
    entry_level: bool | None = None, employer: Annotated[str | None, Query(max_length=120)] = None,
    q: SearchText = None, include_expired: bool = False,
) -> dict:
    place, code = state_of(zip, city, state)
    query, place = search.roles_near(
        session, occupations=occupation_keys(session, occupation), place=place, state=code,
        radius_miles=radius_miles, entry_level=entry_level, employer=employer, q=q,
        include_expired=include_expired, today=today,
    )
    names = documents.Names(session)
    start = (paging.page - 1) * paging.per_page
    if place is not None:
        pairs = search.within_radius(session, query, place, radius_miles)
        chosen = pairs[start:start + paging.per_page]
        names.load(occupation_keys=[r.occupation_key for r, _ in chosen if r.occupation_key])
        return paging.answer([documents.role(r, names, d) for r, d in chosen], len(pairs))
    page = search.paged(session, query, paging.page, paging.per_page, [models.Role.date_posted.desc(), models.Role.id])
    names.load(occupation_keys=[r.occupation_key for r in page.items if r.occupation_key])
    return paging.answer([documents.role(r, names) for r in page.items], page.total)
