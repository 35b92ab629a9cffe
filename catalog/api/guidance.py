"""Match, eligibility and pathway: the answers computed for one person's profile."""

from __future__ import annotations

import json
from typing import Annotated, Literal, Optional

from fastapi import APIRouter, HTTPException
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import Field, StringConstraints, model_validator
from sqlalchemy import select

from catalog import matching, models, pathway
from catalog.api.deps import SessionDep, TodayDep
from catalog.api.listings import occupation_keys
from catalog.profile import Profile
from catalog.records import Key, Strict

router = APIRouter(tags=["guidance"])


class MatchRequest(Strict):
    profile: Profile = Profile()
    kinds: list[Literal["program", "funding", "role"]] = Field(["program", "funding", "role"], min_length=1, max_length=3)
    limit: int = Field(10, ge=1, le=50)


class EligibilityRequest(Strict):
    profile: Profile = Profile()
    program: Optional[Key] = None
    funding: Optional[Key] = None

    @model_validator(mode="after")
    def _one_target(self) -> "EligibilityRequest":
        if bool(self.program) == bool(self.funding):
            raise ValueError("give either 'program' or 'funding' (one key)")
        return self


class PathwayRequest(Strict):
    profile: Profile = Profile()
    occupation: Annotated[str, StringConstraints(min_length=1, max_length=80, strip_whitespace=True)]


class DocumentResponse(JSONResponse):
    """An answer made of stored documents, dumped as it is: FastAPI's encoder walked every value of
    a large answer first, which took a tenth of a match; here it is asked only about values JSON
    has no type for (dates)."""

    def render(self, content) -> bytes:
        return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                          default=jsonable_encoder).encode("utf-8")


@router.post("/match", summary="Programs, funding and roles for a person, ranked, each with a verdict",
             response_model=dict, response_class=DocumentResponse)
def match(body: MatchRequest, session: SessionDep, today: TodayDep) -> DocumentResponse:
    facts, unknown = matching.resolve(session, body.profile)
    items = matching.match(session, facts, body.kinds, body.limit, today)
    notes = [f"We don't know the career '{name}', so it was left out." for name in unknown]
    return DocumentResponse({"items": items, "interests": facts.interests, "facts": facts.as_dict(), "notes": notes})


@router.post("/eligibility", summary="Whether a person qualifies for one program or fund, and why")
def eligibility(body: EligibilityRequest, session: SessionDep, today: TodayDep) -> dict:
    kind = "program" if body.program else "funding"
    model = models.Program if body.program else models.Funding
    key = body.program or body.funding
    row = session.scalar(select(model).where(model.key == key))
    if row is None:
        raise HTTPException(404, f"No {kind} has the key '{key}'.")
    facts, _ = matching.resolve(session, body.profile)
    return matching.check(session, facts, kind, row, today)


@router.post("/pathway", summary="The steps from here to a first job in an occupation")
def plan_pathway(body: PathwayRequest, session: SessionDep, today: TodayDep) -> dict:
    key = occupation_keys(session, body.occupation)[0]
    facts, _ = matching.resolve(session, body.profile)
    return pathway.plan(session, facts, pathway.occupation_by_key(session, key), today)
