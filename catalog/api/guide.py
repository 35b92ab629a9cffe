"""The guide: answers first, in short sentences ready to send, with the one fact worth asking
next (docs/catalog-api.md, "Guide")."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import StringConstraints

from catalog import guide
from catalog.api.deps import SessionDep, TodayDep
from catalog.records import Strict
from catalog.said import GuideFacts

router = APIRouter(tags=["guide"])
Words = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]


class CareerRequest(Strict):
    occupation: Words
    facts: GuideFacts = GuideFacts()


class AboutRequest(Strict):
    name: Words
    facts: GuideFacts = GuideFacts()


@router.post("/guide/career", summary="A career answered: the work, the steps and time, local pay, outlook, programs")
def career(body: CareerRequest, session: SessionDep, today: TodayDep) -> dict:
    return guide.career(session, body.occupation, body.facts, today)


@router.post("/guide/about", summary="One named program, fund or organization: what it is, cost, dates, the verdict")
def about(body: AboutRequest, session: SessionDep, today: TodayDep) -> dict:
    return guide.about(session, body.name, body.facts, today)
