"""Interest Profiler results people can act on: the strongest areas in plain words, then the
health careers whose O*NET interest profile fits, each with what it is, the time to train, local
pay (BLS, through catalog.wages) and one program the person can join (catalog.matching's verdicts).

Fit is the correlation between the person's six area scores and the occupation's six O*NET
interest levels (data/interests/occupations.json): 1 means the same shape, 0 unrelated. Careers
that take longer to prepare for than the person is ready for are ranked lower (like My Next
Move's job zones): someone still in school sees first the paths that start in high school or
within a year of training.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import documents, eligibility, interests, matching, models, search, wages
from catalog.fit import FITS
from catalog.named import NameIndex
from catalog.occupations import OccupationIndex
from catalog.profile import Facts
from catalog.said import GuideFacts, understand
from core.settings import ROOT

PROFILES = ROOT / "data" / "interests" / "occupations.json"
# Preparation a career takes: 1 starts in high school or within a year of training, 2 takes up
# to about three years (an associate degree), 3 a bachelor's degree or more.
SHORT_LEVELS = {"none", "some_high_school", "high_school", "certificate"}
MEDIUM_LEVELS = {"some_college", "associate"}
PREPARATION = {"short": 1, "medium": 2, "long": 3}
PREPARATION_WORDS = {1: "starts in high school or within a year", 2: "about two to three years", 3: "four years or more"}
# How much fit one step of preparation beyond what the person is ready for costs in the ranking.
STEP_COST = 0.25
LINE_CHARS = 320
# Programs that lead into a career (a resume workshop or a hiring event does not).
CAREER_KINDS = set(matching.TRAINING_KINDS) - {"workshop", "hiring"}


@lru_cache(maxsize=1)
def profiles() -> dict:
    return json.loads(PROFILES.read_text())


def preparation(data: dict) -> int:
    level, months = data.get("education_level"), data.get("time_to_enter_months")
    if level in SHORT_LEVELS or (months is not None and months <= 12):
        return 1
    if level in MEDIUM_LEVELS or (months is not None and months <= 36):
        return 2
    return 3


def fit(person: list[float], levels: list[float]) -> float:
    """Pearson correlation of the two six-area profiles (0 when either is flat)."""
    try:
        return statistics.correlation(person, levels)
    except statistics.StatisticsError:
        return 0.0


def ready_for(facts: Facts, asked: str | None) -> int:
    if asked:
        return PREPARATION[asked]
    if facts.is_minor or facts.student in matching.SCHOOL_LEVELS:
        return 1
    return 3


def ranked(per_area: dict, ready: int, occupations: dict[str, models.Occupation]) -> list[dict]:
    person = [per_area[letter]["score"] for letter in interests.LETTERS]
    found = []
    for key, profile in profiles()["occupations"].items():
        row = occupations.get(key)
        if row is None:
            continue
        how_well = fit(person, profile["levels"])
        prep = preparation(row.data)
        found.append({"key": key, "fit": how_well, "preparation": prep, "code": profile["high_point_code"],
                      "rank": how_well - STEP_COST * max(0, prep - ready)})
    found.sort(key=lambda item: (-item["rank"], item["key"]))
    return found


def _program(session: Session, facts: Facts, key: str, today: dt.date) -> dict | None:
    """The best catalog program leading to the career that the person is not ruled out of (the
    guide's own rule: nothing only for adults to a minor, nothing they likely don't qualify for)."""
    wanted = Facts(profile=facts.profile, place=facts.place, interests=[key])
    rows = list(session.scalars(search.programs_query(
        session, occupations=[key], state=wanted.state, today=today, exclude_kinds=matching.NOT_FOR_INDIVIDUALS,
    ).limit(matching.CANDIDATE_LIMIT)))
    if not rows:
        return None
    names = documents.Names(session).load_for(row.data for row in rows)
    scored = [matching.score_program(row, wanted, names) for row in rows]
    # Not what the person's facts make it for others or far away either (fit.py), as the guide's lists.
    fitting = [matching.fitted(item, names) for item in scored if item.row.data.get("kind") in CAREER_KINDS
               and matching.offered(item, by_audience=True)]
    fitting = [item for item in fitting if item.fit.rank <= FITS]
    if not fitting:
        return None
    best = matching.rank(fitting)[0].render(names, today)
    record = best.record or {}
    return {"key": best.key, "name": best.title, "verdict": best.verdict.verdict,
            "missing": best.verdict.missing[:1],
            "url": record.get("apply_url") or record.get("source_url") or record.get("website")}


# The program's name and what is still needed take at most this much of a line.
JOINING_CHARS = 220


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _career(session: Session, row: models.Occupation, item: dict, facts: Facts, where: wages.Where,
            today: dt.date) -> dict:
    data = row.data
    pay = wages.pay(session, row, where)
    program = _program(session, facts, row.key, today)
    what = _short(f"{row.title}: {data.get('description', '')}".rstrip(": "), 170)
    details = [f"Training: {data['time_to_enter']}." if data.get("time_to_enter") else None,
               pay["sentence"] if pay else None]
    if program:
        url = f" {program['url']}" if program["url"] else ""
        joining = f"A program you can join: {program['name']}"
        maybe = f" (I'd need {program['missing'][0]} to be sure you qualify)" if program["missing"] else ""
        # With its link the line stays within LINE_CHARS; what is still needed is left to the link when it does not fit.
        room = min(JOINING_CHARS, LINE_CHARS - len(url))
        joining = _short(joining + maybe if len(joining + maybe) <= room else joining, room) + url
    else:
        joining = "I don't have a program for it near you in my guide yet."
    return {
        "key": row.key, "title": row.title, "fit": round(item["fit"], 2), "code": item["code"],
        "preparation": PREPARATION_WORDS[item["preparation"]], "what": what,
        "time_to_train": data.get("time_to_enter"), "pay": pay, "program": program,
        "lines": [what, _short(" ".join(part for part in details if part), LINE_CHARS), joining],
    }


def results(session: Session, form: str, answers: str, said: GuideFacts, asked_preparation: str | None,
            limit: int, today: dt.date) -> dict:
    asked = interests.check(form, answers)
    if not answers:
        raise interests.InterestError("There are no answers yet: the results come after the quiz's questions.")
    if len(answers) < len(asked):
        raise interests.InterestError(
            f"The quiz is not finished: {len(answers)} of {len(asked)} questions answered. "
            "Results come after the last question.")
    per_area = interests.scores(form, answers)
    top, unclear = interests.top_areas(per_area)
    data = interests.profiler()
    notice = [data["exploration_only"], profiles()["credit"]]
    base = {"form": form, "answers": answers, "scores": {k: v["score"] for k, v in per_area.items()},
            "detail": per_area, "top_areas": top, "careers": [], "notice": data["notice"],
            "credit": profiles()["credit"], "ask": None}
    if unclear:
        why = ("You skipped too many questions in some areas for me to score them."
               if unclear == "skipped" else
               "Your answers were about the same for every kind of work, so I can't tell yet what fits you best.")
        suggestion = ("Try the quiz again and use the whole scale: save Strongly like for what you'd really enjoy. "
                      "Or tell me a school subject or activity you like, and I'll suggest careers from that.")
        return {**base, "clear": False, "lines": [f"I can't tell yet. {why}", suggestion, data["exploration_only"]]}
    occupation_index = OccupationIndex.load(session)
    heard = understand(said, occupation_index, NameIndex.load(session))
    facts, place = heard.facts, heard.place
    place_known = place is not None and place.problem is None
    where = wages.locate(session, place.zip, place.city, place.state) if place_known else wages.Where()
    rows = {row.key: row for row in session.scalars(select(models.Occupation))}
    ready = ready_for(facts, asked_preparation)
    chosen = ranked(per_area, ready, rows)[:limit]
    careers = [_career(session, rows[item["key"]], item, facts, where, today) for item in chosen]
    named = [interests.area_words(letter) for letter in top]
    lines = [f"Your strongest interests: {eligibility.join_words(named).replace(' or ', ' and ')}."]
    lines.append("Health careers that fit them" + (", starting with paths you can begin in high school:" if ready == 1 else ":"))
    for number, career in enumerate(careers, start=1):
        lines += [f"{number}. {career['lines'][0]}", *career["lines"][1:]]
    lines += notice[:1]
    return {**base, "clear": True, "lines": lines, "careers": careers, "ready_for": PREPARATION_WORDS[ready],
            "facts": {"is_minor": facts.is_minor, "student": facts.student},
            "ask": None if place_known else {"fact": "place", "question": "Where do you live? A ZIP code or city is enough."}}
