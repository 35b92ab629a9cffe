"""The guide: answers first, in short sentences ready to send, with the one fact worth asking
next (docs/catalog-api.md, "Guide")."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from fastapi import APIRouter
from pydantic import Field, StringConstraints

from catalog import guide
from catalog.api.deps import SessionDep, TodayDep
from catalog.records import Strict
from catalog.said import ASPECTS, GuideFacts

router = APIRouter(tags=["guide"])
Words = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]


class CareerRequest(Strict):
    occupation: Words
    facts: GuideFacts = GuideFacts()
    plan: bool = False  # "what do I do next?": a numbered plan instead of the card


class AboutRequest(Strict):
    name: Words
    facts: GuideFacts = GuideFacts()
    # The whole message: a longer name the catalog knows in it wins over the part the NLU marked.
    text: Optional[Annotated[str, StringConstraints(max_length=500)]] = None


class ListRequest(Strict):
    kind: Literal["programs", "scholarships", "jobs", "tuition", "any"] = "any"
    occupation: Optional[Words] = None
    group: Optional[Words] = None
    text: Optional[Annotated[str, StringConstraints(max_length=500)]] = None
    facts: GuideFacts = GuideFacts()
    offset: int = Field(0, ge=0, le=1000)


@router.post("/guide/career", summary="A career answered: the work, the steps and time, local pay, outlook, programs")
def career(body: CareerRequest, session: SessionDep, today: TodayDep) -> dict:
    if body.plan:
        return guide.plan(session, body.occupation, body.facts, today)
    return guide.career(session, body.occupation, body.facts, today)


@router.post("/guide/about", summary="One named program, fund or organization: what it is, cost, dates, the verdict")
def about(body: AboutRequest, session: SessionDep, today: TodayDep) -> dict:
    return guide.about(session, body.name, body.facts, today, text=body.text)


@router.post("/guide/list", summary="What fits the person now, then the fact that would narrow it most")
def listing(body: ListRequest, session: SessionDep, today: TodayDep) -> dict:
    return guide.listing(session, body.kind, body.occupation, body.group, body.text, body.facts, body.offset, today)


class Shown(Strict):
    type: Literal["career", "program", "funding", "organization", "role"]
    key: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    name: Optional[Annotated[str, StringConstraints(max_length=300)]] = None


class AspectRequest(Strict):
    text: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    subject: Optional[Shown] = None
    shown: list[Shown] = Field([], max_length=20)
    aspect: Optional[Literal[ASPECTS]] = None  # type: ignore[valid-type]
    list_asked: bool = False
    facts: GuideFacts = GuideFacts()
    # The fact the assistant's last question asked for (a `fact` of the guide's `ask`), still
    # unanswered: a reply giving it is read as it.
    asked: Optional[Annotated[str, StringConstraints(max_length=40)]] = None


@router.post("/guide/aspect", summary="A follow-up: one aspect (cost, place, pay...) of the subject or a position in the last list")
def aspect(body: AspectRequest, session: SessionDep, today: TodayDep) -> dict:
    return guide.aspect(session, body.text, body.subject.model_dump() if body.subject else None,
                        [item.model_dump() for item in body.shown], body.aspect, body.list_asked, body.facts, today,
                        asked=body.asked)


class FitsRequest(Strict):
    text: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    facts: GuideFacts = GuideFacts()


@router.post("/guide/fits", summary="Three careers that fit what the person likes, with why, pay and time to train")
def fits(body: FitsRequest, session: SessionDep, today: TodayDep) -> dict:
    return guide.fits(session, body.text, body.facts, today)
