"""Importing a schema.org JobPosting feed over HTTP (the format job boards publish)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query

from catalog import importers, readers
from catalog.api.deps import SessionDep, require_api_key

router = APIRouter(tags=["imports"], dependencies=[Depends(require_api_key)])


@router.post("/imports/jobpostings", summary="Upsert open roles from a JobPosting feed")
def import_jobpostings(
    session: SessionDep,
    feed: Annotated[Any, Body(description="A JobPosting, a list of them, or an ItemList of them")],
    source: Annotated[str, Query(pattern=r"^[a-z0-9][a-z0-9_-]{0,79}$", description="Name of the feed")] = "feed",
) -> dict:
    try:
        _, roles = readers.read_jobpostings(feed, "the feed")
        result = importers.import_records(session, "roles", source, roles, "the feed")
        session.commit()
    except importers.CatalogImportError as error:
        session.rollback()
        raise HTTPException(422, str(error)) from None
    return {"imported": result.count, "source": source}
