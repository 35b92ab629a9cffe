"""Liveness and what the catalog holds."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import func, select

from catalog import models
from catalog.api.deps import SessionDep

router = APIRouter(tags=["health"])
COUNTED = {
    "occupations": models.Occupation, "organizations": models.Organization,
    "programs": models.Program, "funding": models.Funding, "roles": models.Role,
    # BLS pay figures (occupation x area); 0 means pay is "not published" until they are imported.
    "wages": models.Wage,
}


@router.get("/healthz", summary="Is the catalog up, and what does it hold")
def healthz(session: SessionDep) -> dict:
    counts = {name: session.scalar(select(func.count()).select_from(model)) for name, model in COUNTED.items()}
    return {"status": "ok", "database": session.get_bind().dialect.name, "counts": counts}
