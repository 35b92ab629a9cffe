"""The O*NET Interest Profiler as a resource: its questions, one reply at a time, the scores and
results with careers (docs: catalog/interests.py). A quiz in progress is its answer string, so
every channel resumes the same quiz and gets the same results."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from fastapi import APIRouter, HTTPException, Path, Query
from pydantic import Field, StringConstraints

from catalog import interest_results, interests
from catalog.api.deps import SessionDep, TodayDep
from catalog.records import Strict
from catalog.said import GuideFacts

router = APIRouter(tags=["interests"])
FormPath = Annotated[Literal["short", "quick"], Path(description="short (60 questions) or quick (30 questions)")]
# Length and characters are checked by catalog.interests, which says what is wrong in a sentence.
AnswerString = Annotated[str, StringConstraints(max_length=60, strip_whitespace=True)]
AnswersQuery = Annotated[str, Query(max_length=60, description="Answers so far: 1-5 each, 0 for skipped")]


class ReplyRequest(Strict):
    answers: AnswerString = ""
    reply: Annotated[str, StringConstraints(max_length=500)] = Field(..., description='"4", "like", "skip", "back"')


class ResultsRequest(Strict):
    answers: AnswerString
    facts: GuideFacts = GuideFacts()
    preparation: Optional[Literal["short", "medium", "long"]] = Field(
        None, description="How much preparation the person is ready for (default: short for someone still in school)")
    limit: int = Field(3, ge=1, le=10)


def _plain(call, *args):
    try:
        return call(*args)
    except interests.InterestError as error:
        raise HTTPException(422, str(error)) from None


@router.get("/interests", summary="The Interest Profiler: its versions, answers, areas and notices")
def about() -> dict:
    return {**interests.about(), "credit": interest_results.profiles()["credit"]}


@router.get("/interests/{form}/question", summary="The next question for an answer string (or done)")
def question(form: FormPath, answers: AnswersQuery = "") -> dict:
    return _plain(interests.question, form, answers.strip())


@router.post("/interests/{form}/reply", summary="One reply as typed (1-5, like, skip, back): the new answer string and next question")
def reply(form: FormPath, body: ReplyRequest) -> dict:
    return _plain(interests.reply, form, body.answers, body.reply)


@router.get("/interests/{form}/scores", summary="Area scores on O*NET's 0-40 scale for an answer string")
def scores(form: FormPath, answers: AnswersQuery) -> dict:
    per_area = _plain(interests.scores, form, answers.strip())
    top, unclear = interests.top_areas(per_area)
    return {"form": form, "scores": {k: v["score"] for k, v in per_area.items()}, "detail": per_area,
            "top_areas": top, "clear": unclear is None}


@router.post("/interests/{form}/results", summary="Strongest areas, then health careers that fit, with pay and a program to join")
def results(form: FormPath, body: ResultsRequest, session: SessionDep, today: TodayDep) -> dict:
    return _plain(interest_results.results, session, form, body.answers, body.facts, body.preparation, body.limit, today)
