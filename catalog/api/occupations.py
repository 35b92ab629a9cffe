"""Occupations: list, lookup by any name people use, and one by key, with pay for a place."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import documents, models, wages
from catalog.api.deps import CityQuery, PagingDep, SearchText, SessionDep, StateQuery, ZipQuery
from catalog.occupations import OccupationIndex

router = APIRouter(tags=["occupations"])
KeyPath = Annotated[str, Path(pattern=r"^[a-z0-9_]{1,80}$", description="Occupation key")]


def _with_pay(session: Session, row: models.Occupation, zip: str | None, city: str | None,
              state: str | None) -> dict:
    """The occupation document with the most local BLS pay for the place given (national without one)."""
    pay = wages.pay(session, row, wages.locate(session, zip, city, state))
    return documents.occupation(row, documents.Names(session).load_for([row.data]), pay)


@router.get("/occupations", summary="List occupations, optionally matching a name")
def list_occupations(session: SessionDep, paging: PagingDep, q: SearchText = None) -> dict:
    query = select(models.Occupation).order_by(models.Occupation.title)
    rows = list(session.scalars(query))
    if q:
        index = OccupationIndex.load(session)
        found = index.lookup(q)
        keys = [found.key] if found.key else []
        keys += [key for key, _ in found.alternatives if key not in keys]
        rows = sorted((r for r in rows if r.key in keys), key=lambda r: keys.index(r.key))
    page = rows[(paging.page - 1) * paging.per_page:paging.page * paging.per_page]
    names = documents.Names(session).load_for(r.data for r in page)
    pay = wages.national(session, page)
    items = [documents.occupation(r, names, pay.get(r.key)) for r in page]
    return paging.answer(items, len(rows))


@router.get("/occupations/lookup", summary="Find the occupation someone means (typos, nicknames), with local pay")
def lookup(session: SessionDep, name: Annotated[str, Query(min_length=1, max_length=80)],
           zip: ZipQuery = None, city: CityQuery = None, state: StateQuery = None) -> dict:
    index = OccupationIndex.load(session)
    found = index.lookup(name)
    match = None
    if found.key:
        row = session.scalar(select(models.Occupation).where(models.Occupation.key == found.key))
        match = _with_pay(session, row, zip, city, state)
    return {
        "match": match,
        "score": found.score,
        "alternatives": [{"key": k, "title": index.titles[k], "score": s} for k, s in found.alternatives],
    }


@router.get("/occupations/{key}", summary="One occupation, with the most local BLS pay for a ZIP, city or state")
def get_occupation(session: SessionDep, key: KeyPath, zip: ZipQuery = None, city: CityQuery = None,
                   state: StateQuery = None) -> dict:
    row = session.scalar(select(models.Occupation).where(models.Occupation.key == key))
    if row is None:
        raise HTTPException(404, f"No occupation has the key '{key}'.")
    return _with_pay(session, row, zip, city, state)
