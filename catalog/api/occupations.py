"""Occupations: list, fuzzy lookup by any name people use, and one by key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from sqlalchemy import select

from catalog import documents, models
from catalog.api.deps import PagingDep, SearchText, SessionDep
from catalog.occupations import OccupationIndex

router = APIRouter(tags=["occupations"])
KeyPath = Annotated[str, Path(pattern=r"^[a-z0-9_]{1,80}$", description="Occupation key")]


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
    names = documents.Names(session).load_for(r.data for r in rows)
    start = (paging.page - 1) * paging.per_page
    items = [documents.occupation(r, names) for r in rows[start:start + paging.per_page]]
    return paging.answer(items, len(rows))


@router.get("/occupations/lookup", summary="Find the occupation someone means (typos, nicknames)")
def lookup(session: SessionDep, name: Annotated[str, Query(min_length=1, max_length=80)]) -> dict:
    index = OccupationIndex.load(session)
    found = index.lookup(name)
    match = None
    if found.key:
        row = session.scalar(select(models.Occupation).where(models.Occupation.key == found.key))
        match = documents.occupation(row, documents.Names(session).load_for([row.data]))
    return {
        "match": match,
        "score": found.score,
        "alternatives": [{"key": k, "title": index.titles[k], "score": s} for k, s in found.alternatives],
    }


@router.get("/occupations/{key}", summary="One occupation")
def get_occupation(session: SessionDep, key: KeyPath) -> dict:
    row = session.scalar(select(models.Occupation).where(models.Occupation.key == key))
    if row is None:
        raise HTTPException(404, f"No occupation has the key '{key}'.")
    return documents.occupation(row, documents.Names(session).load_for([row.data]))
