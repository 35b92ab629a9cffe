"""Referrals: a person's request to be contacted by an advisor (the assistant's hand-off).
Creating one needs the person's consent and the assistant's key; reading and updating them is
for advisors and their key."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import Field, StringConstraints, field_validator, model_validator
from sqlalchemy import delete, func, select

from catalog import models
from catalog.api.deps import PagingDep, SessionDep, require_advisor_key, require_api_key, require_bot_key
from catalog.records import Strict

router = APIRouter(tags=["referrals"])
# Which key each endpoint takes (catalog/api/deps.py): the assistant's key creates and forgets, the
# advisors' key lists and updates, the operator's CATALOG_API_KEY does all of it and purges.
BOT = [Depends(require_bot_key)]
ADVISOR = [Depends(require_advisor_key)]
OPERATOR = [Depends(require_api_key)]
EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?[\d\s().-]{7,20}$")
Status = Literal["new", "contacted", "closed"]
Line = Annotated[str, StringConstraints(max_length=300, strip_whitespace=True)]


class ReferralIn(Strict):
    contact: Annotated[str, StringConstraints(min_length=3, max_length=200, strip_whitespace=True)]
    contact_method: Literal["sms", "email", "phone", "teams"]
    consent: bool
    name: Optional[Annotated[str, StringConstraints(max_length=200, strip_whitespace=True)]] = None
    conversation_id: Optional[Annotated[str, StringConstraints(max_length=200)]] = None
    channel: Optional[Annotated[str, StringConstraints(max_length=40)]] = None
    topic: Optional[Line] = None
    context: dict = Field(default_factory=dict)

    @field_validator("context")
    @classmethod
    def _small(cls, value: dict) -> dict:
        if len(json.dumps(value)) > 4000:
            raise ValueError("is too large: keep it under 4,000 characters of JSON")
        return value

    @model_validator(mode="after")
    def _reachable(self) -> "ReferralIn":
        if not self.consent:
            raise ValueError("a referral needs the person's consent to be contacted (consent: true)")
        if self.contact_method == "email" and not EMAIL.match(self.contact):
            raise ValueError("the contact is not an email address")
        if self.contact_method in ("sms", "phone") and not PHONE.match(self.contact):
            raise ValueError("the contact is not a phone number")
        return self


class ReferralUpdate(Strict):
    status: Optional[Status] = None
    advisor_note: Optional[Annotated[str, StringConstraints(max_length=2000)]] = None


def as_document(row: models.Referral) -> dict:
    return {
        "id": row.id, "status": row.status, "contact": row.contact, "contact_method": row.contact_method,
        "consent": row.consent, "name": row.name, "conversation_id": row.conversation_id,
        "channel": row.channel, "topic": row.topic, "context": row.context,
        "advisor_note": row.advisor_note,
        "created_at": row.created_at.isoformat() if row.created_at else None,
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
    }


@router.post("/referrals", status_code=201, dependencies=BOT, summary="Record a request to talk to an advisor")
def create(body: ReferralIn, session: SessionDep) -> dict:
    row = models.Referral(**body.model_dump(), status="new")
    session.add(row)
    session.commit()
    session.refresh(row)
    return as_document(row)


@router.get("/referrals", dependencies=ADVISOR, summary="Referrals for advisors, newest first")
def list_referrals(
    session: SessionDep, paging: PagingDep, status: Status | None = None,
    conversation_id: Annotated[str | None, Query(max_length=200)] = None,
) -> dict:
    query = select(models.Referral)
    if status:
        query = query.where(models.Referral.status == status)
    if conversation_id:
        query = query.where(models.Referral.conversation_id == conversation_id)
    rows = list(session.scalars(query.order_by(models.Referral.created_at.desc(), models.Referral.id)))
    start = (paging.page - 1) * paging.per_page
    return paging.answer([as_document(r) for r in rows[start:start + paging.per_page]], len(rows))


@router.patch("/referrals/{referral_id}", dependencies=ADVISOR, summary="Update a referral's status or note")
def update(referral_id: Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")], body: ReferralUpdate, session: SessionDep) -> dict:
    row = session.get(models.Referral, referral_id)
    if row is None:
        raise HTTPException(404, f"No referral has the id '{referral_id}'.")
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise HTTPException(422, "Nothing to change: give 'status' or 'advisor_note'.")
    for name, value in changes.items():
        setattr(row, name, value)
    row.updated_at = dt.datetime.now(dt.timezone.utc)
    session.commit()
    session.refresh(row)
    return as_document(row)


@router.delete("/referrals", dependencies=BOT, summary="Delete a conversation's referrals (\"forget me\")")
def forget(session: SessionDep, conversation_id: Annotated[str, Query(min_length=1, max_length=200)]) -> dict:
    result = session.execute(delete(models.Referral).where(models.Referral.conversation_id == conversation_id))
    session.commit()
    return {"deleted": result.rowcount or 0}


class PurgeIn(Strict):
    older_than_days: Annotated[int, Field(ge=1, le=36500, description="Keep referrals touched more recently")]


@router.post("/referrals/purge", dependencies=OPERATOR, summary="Delete referrals untouched for a number of days (retention)")
def purge(body: PurgeIn, session: SessionDep) -> dict:
    """Whatever their status: an open referral nobody touched in that time is as stale as a closed
    one, and the person's contact details must not outlive the retention period."""
    cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=body.older_than_days)
    last_touched = func.coalesce(models.Referral.updated_at, models.Referral.created_at)
    result = session.execute(delete(models.Referral).where(last_touched < cutoff))
    session.commit()
    return {"deleted": result.rowcount or 0}
