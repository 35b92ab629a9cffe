"""Matching a person to programs, funding and roles, and planning the path to a first paycheck.

Ranking: eligible before maybe before not eligible, then by fit (the career they asked about,
cost, who the program is for, support, distance). The guide's lists first place each result by
what the person's facts say of it (fit.py: their union's or employer's first, what is made for
others or held far away after). Each result says why it fits and what decides the verdict, so the
assistant can explain it without rules of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_
from sqlalchemy.orm import Session

from catalog import documents, eligibility, geo, models, search
from catalog.fit import FITS, Fit, fit_of
from catalog.occupations import OccupationIndex
from catalog.profile import Facts, Profile, person_groups
from catalog.records import EDUCATION_LEVELS, plain_rules

# Not open to individuals: kept so the assistant can say so, never offered as a match.
NOT_FOR_INDIVIDUALS = ("initiative",)
CANDIDATE_LIMIT = 400
ROLE_RADIUS_MILES = 25.0
MATCH_BOX_ROWS = 400
TRAINING_KINDS = ("training", "degree", "apprenticeship", "student_pathway", "internship", "residency", "fellowship", "leadership", "workshop", "hiring")
# How a program helps toward the career someone asked about, by kind.
KIND_WHY = {
    "workshop": "It helps you get hired as a {}.",
    "hiring": "It helps you get hired as a {}.",
    "student_pathway": "It gives you a first look at working as a {}.",
    "internship": "It gives you paid or hands-on experience toward being a {}.",
    "leadership": "It builds leadership skills for a {}.",
}
STUDENT_KINDS = ("student_pathway", "internship")
SUPPORT_WORDS = {
    "coaching": "coaching", "wrap_around": "wrap-around support", "job_placement": "help finding a job",
    "mentoring": "mentoring", "tutoring": "tutoring", "devices": "a laptop or hotspot", "stipend": "a stipend",
}


class UnknownOccupation(LookupError):
    pass


def resolve(session: Session, profile: Profile, index: OccupationIndex | None = None) -> tuple[Facts, list[str]]:
    """Facts for a profile: its place located and its interests turned into occupation keys.
    Raises geo.UnknownPlace for a ZIP or city we cannot place."""
    place = geo.locate(profile.zip, profile.city, profile.state)
    index = index or OccupationIndex.load(session)
    keys, unknown = index.keys_for(profile.interests)
    return Facts(profile=profile, place=place, interests=keys), unknown


def _rules(data: dict) -> dict:
    """A record's own rules, as its sources state them. Where a program is held is not one of
    them: it ranks nearby programs first, but nobody is refused for living elsewhere unless a
    source says only residents may apply."""
    return plain_rules(data.get("eligibility"))


def _money(amount: float) -> str:
    return f"${amount:,.0f}"


PER_WORDS = {"year": "a year", "program": "per program", "once": "once", "month": "a month", "semester": "a semester", "course": "per course"}


def _group_fit(rules: dict, facts: Facts) -> tuple[float, str | None]:
    served = set(rules.get("groups") or [])
    mine = person_groups(facts.profile.groups) & served
    if not mine:
        return 0, None
    return 20, "It is meant for " + eligibility.join_words([eligibility.GROUP_WORDS[g] for g in sorted(mine)]) + "."


@dataclass
class Scored:
    kind: str
    key: str
    title: str
    score: float
    verdict: eligibility.Verdict
    why: list[str]
    record: dict | None
    row: object = None
    facts: Facts | None = None
    # Where the person's own facts put it in a list (fit.py); set by `fitted`.
    fit: Fit | None = None

    def render(self, names: documents.Names, today: dt.date) -> "Scored":
        """Fill `record` with the API document (programs and funding are scored on raw rows)."""
        if self.record is None:
            make = documents.program if self.kind == "program" else documents.funding
            self.record = make(self.row, names, today)
        return self

    def as_dict(self) -> dict:
        return {
            "type": self.kind, "key": self.key, "title": self.title, "score": round(self.score, 1),
            "verdict": self.verdict.verdict, "reasons": self.verdict.reasons,
            "missing": self.verdict.missing, "missing_facts": self.verdict.missing_facts,
            "unpublished": self.verdict.unpublished,
            "what_would_change": self.verdict.what_would_change,
            "why": self.why, "record": self.record,
            **({"fit": self.fit.as_dict()} if self.fit else {}),
        }


def _audience_fit(audiences: list[str], facts: Facts) -> tuple[float, str | None]:
    student = facts.student in ("middle_school", "high_school")
    if student and "students" in audiences:
        return 15, "It is made for students like you."
    if facts.profile.employee and "employees" in audiences:
        return 15, "It is made for people who already work in health care."
    if not student and facts.profile.employee is not True and ({"job_seekers", "adults"} & set(audiences)):
        return 10, "It is made for adults looking for work."
    if student and audiences and "students" not in audiences:
        return -10, None
    return 0, None


def score_program(row: models.Program, facts: Facts, names: documents.Names) -> Scored:
    """Scored on the stored record; the API document is made only for results that are shown."""
    data = row.data
    rules = _rules(data)
    verdict = eligibility.evaluate(rules, facts, names.name_of, names.member_of)
    score, why = 0.0, []
    wanted = set(facts.interests) & set(data.get("occupations", []))
    if wanted:
        score += 40
        title = names.occupation_ref(sorted(wanted)[0])["title"].lower()
        why.append(KIND_WHY.get(data.get("kind"), "It trains you to be a {}.").format(title))
    tuition = (data.get("cost") or {}).get("tuition")
    budget = facts.profile.max_cost
    if tuition == 0:
        score += 15
        why.append("It is free to you.")
    elif tuition is not None and budget is not None:
        if tuition <= budget:
            score += 8
        else:
            score -= 20
            why.append(f"It costs {_money(tuition)}, more than you want to spend.")
    elif budget is not None and tuition is None:
        score -= 5
    for fit, line in (_audience_fit(data.get("audiences", []), facts), _group_fit(rules, facts)):
        score += fit
        if line:
            why.append(line)
    # A student is looking for a way into a career; a one-off workshop is a smaller step.
    if facts.student in ("middle_school", "high_school") and data.get("kind") in STUDENT_KINDS:
        score += 10
    if data.get("kind") == "workshop":
        score -= 5
    supports = [SUPPORT_WORDS[s] for s in data.get("support_services", []) if s in SUPPORT_WORDS]
    if supports:
        score += min(12, 3 * len(supports))
        why.append("It includes " + eligibility.join_words(supports[:3]) + ".")
    if data.get("paid"):
        score += 8
        why.append("You get paid while you learn.")
    location = data.get("location") or {}
    local = [r for r in location.get("regions", []) if geo.in_region(r, facts.place, facts.state)]
    if local:
        score += 20
        why.append(f"It is in your area ({local[0]}).")
    elif facts.state and facts.state in location.get("states", []):
        score += 10
    elif location.get("online") or data.get("format") == "online":
        score += 5
        why.append("You can do it online.")
    return Scored("program", data["key"], data["name"], score, verdict, why, None, row, facts)


def score_funding(row: models.Funding, facts: Facts, names: documents.Names) -> Scored:
    data = row.data
    rules = _rules(data)
    verdict = eligibility.evaluate(rules, facts, names.name_of, names.member_of)
    score, why = 0.0, []
    wanted = set(facts.interests) & set(data.get("occupations", []))
    if wanted:
        score += 30
        why.append(f"It pays for training to be a {names.occupation_ref(sorted(wanted)[0])['title'].lower()}.")
    amount = (data.get("amount") or {}).get("max")
    if data.get("covers_full_tuition"):
        score += 15
        why.append("It can cover the full tuition.")
    elif amount:
        score += min(10, amount / 1000)
        why.append(f"Up to {_money(amount)} {PER_WORDS[data['amount']['per']]}.")
    for fit, line in (_audience_fit(data.get("audiences", []), facts), _group_fit(rules, facts)):
        score += fit
        if line:
            why.append(line)
    if facts.profile.employee and rules.get("employer") == facts.profile.employer and facts.profile.employer:
        score += 15
        why.append("Your employer offers it.")
    return Scored("funding", data["key"], data["name"], score, verdict, why, None, row, facts)


def score_role(role_doc: dict, distance: float, facts: Facts) -> Scored:
    verdict = eligibility.Verdict()
    score, why = 20 - min(20, distance / 2), []
    if facts.interests and role_doc["occupation"] and role_doc["occupation"]["key"] in facts.interests:
        score += 30
    why.append(f"It is {distance:.0f} miles from you." if distance >= 1 else "It is close to you.")
    if role_doc.get("entry_level"):
        score += 10
        why.append("It is an entry-level job.")
    if role_doc.get("notice"):
        why.append(role_doc["notice"])
    if facts.is_minor:
        verdict.unknown("whether the employer hires people under 18", "age")
    return Scored("role", role_doc["key"], role_doc["title"], score, verdict, why, role_doc)


def rank(items: list[Scored]) -> list[Scored]:
    """Best first: by verdict, then fit (score). Items placed by `fitted` go by that place first:
    the person's own employer's or union's offers, then what fits, then what is for others."""
    return sorted(items, key=lambda s: (s.fit.rank if s.fit else FITS, eligibility.VERDICT_ORDER[s.verdict.verdict],
                                        -s.score, s.title))


def by_fit(rows: list, facts: Facts, names: documents.Names) -> list:
    """Programs' or funds' rows in the order the person's facts place them (fit.py), otherwise as
    they came: an organisation's offers with the person's own union's or employer's first, and
    what they are ruled out of, made for others or held far away last."""
    def place(row) -> int:
        data = row.data
        verdict = eligibility.evaluate(_rules(data), facts, names.name_of, names.member_of)
        return fit_of(data, _rules(data), verdict, facts, names.name_of, names.member_of).rank
    return sorted(rows, key=place)


def fitted(item: Scored, names: documents.Names, job_help_asked: bool = False) -> Scored:
    """The item with its place for the person (fit.py); roles have no rules to place them by."""
    if item.row is None:
        item.fit = Fit(FITS)
    else:
        data = item.row.data
        item.fit = fit_of(data, _rules(data), item.verdict, item.facts, names.name_of, names.member_of, job_help_asked)
    return item


def not_ruled_out(model, facts: Facts) -> list:
    """SQL conditions keeping the programs or funds whose age and school rules do not rule the
    person out: the same tests as eligibility's age, grade, student, schooling and position
    checks, so what they leave out is exactly what `offered` would drop after scoring."""
    conditions = []
    if facts.age_range:
        youngest, oldest = facts.age_range
        conditions += [or_(model.min_age.is_(None), model.min_age <= oldest),
                       or_(model.max_age.is_(None), model.max_age >= youngest)]
    no_grade_rule = and_(model.min_grade.is_(None), model.max_grade.is_(None))
    grade = facts.profile.grade
    if grade is not None:
        conditions.append(or_(no_grade_rule, and_(func.coalesce(model.min_grade, 1) <= grade,
                                                  func.coalesce(model.max_grade, 12) >= grade)))
    elif facts.student in ("college", "graduate", "not_student") or facts.profile.education in EDUCATION_LEVELS[2:]:
        conditions.append(no_grade_rule)
    in_school = facts.student in ("middle_school", "high_school")
    if facts.student is not None:
        conditions.append(or_(model.student_status == "", search.contains(model.student_status, facts.student)))
    elif facts.education_rank is not None and facts.education_rank >= EDUCATION_LEVELS.index("high_school"):
        # Finished high school: not one of the middle- or high-school students a program may be for.
        conditions.append(or_(model.student_status == "", *[search.contains(model.student_status, status)
                                                            for status in ("college", "graduate")]))
    if in_school:
        conditions.append(or_(model.education_rank.is_(None), model.education_rank <= facts.education_rank))
    if in_school or facts.is_minor:
        conditions.append(model.for_position.is_(False))
    return conditions


# Candidates are read as these columns, not whole records: scoring reads only the document, and
# the API document of one that is shown needs only the deadline besides (documents.py).
PROGRAM_COLUMNS = (models.Program.data, models.Program.last_deadline)
FUNDING_COLUMNS = (models.Funding.data, models.Funding.deadline)


def _program_candidates(session: Session, facts: Facts, today: dt.date) -> list:
    query = search.programs_query(
        session, occupations=facts.interests or None, state=facts.state, today=today,
        exclude_kinds=NOT_FOR_INDIVIDUALS,
    ).where(*not_ruled_out(models.Program, facts))
    if facts.student in ("middle_school", "high_school") and not facts.interests:
        # A student browsing is shown what is made for students (or for everyone), not fellowships
        # for working professionals. One who names a career sees its programs, with the verdicts
        # that say when they could join.
        query = query.where(or_(models.Program.audiences == "", search.contains(models.Program.audiences, "students")))
    return list(session.execute(query.with_only_columns(*PROGRAM_COLUMNS).limit(CANDIDATE_LIMIT)))


def _funding_candidates(session: Session, facts: Facts, today: dt.date) -> list:
    open_to_them = not_ruled_out(models.Funding, facts)
    if not facts.interests:
        query = search.funding_query(session, state=facts.state, today=today).where(*open_to_them)
        return list(session.execute(query.with_only_columns(*FUNDING_COLUMNS).order_by(models.Funding.id).limit(CANDIDATE_LIMIT)))
    # Funds for the careers asked about first, then general ones: two indexed queries, so the
    # many general scholarships cannot crowd out the specific ones.
    linked = search.funding_query(session, occupations=facts.interests, state=facts.state, today=today,
                                  include_general=False).where(*open_to_them)
    general = search.funding_query(session, state=facts.state, today=today).where(
        models.Funding.general.is_(True), *open_to_them)
    rows = list(session.execute(linked.with_only_columns(*FUNDING_COLUMNS).order_by(models.Funding.id).limit(CANDIDATE_LIMIT)))
    rows += session.execute(general.with_only_columns(*FUNDING_COLUMNS).order_by(models.Funding.id).limit(CANDIDATE_LIMIT // 4))
    return rows


def role_candidates(session: Session, facts: Facts, today: dt.date, radius: float, limit: int) -> list[tuple[models.Role, float]]:
    if facts.place is None:
        return []
    query, _ = search.roles_near(session, occupations=facts.interests or None, place=facts.place, radius_miles=radius, today=today)
    # A match shows a few roles; without a career to narrow them, a big city's box holds
    # thousands, so read a sample of the box rather than all of it.
    return search.within_radius(session, query, facts.place, radius, max_rows=MATCH_BOX_ROWS)[: max(limit * 3, 20)]


ADULT_AUDIENCES = {"adults", "job_seekers", "employees", "professionals"}
SCHOOL_LEVELS = {"middle_school", "high_school"}


def age_group(data: dict) -> str | None:
    """"minors" for what is only for school students, "adults" for what is only for adults (by
    its rules or the audiences its record names), None for both."""
    return age_group_of(_rules(data), data.get("audiences") or [])


def age_group_of(rules: dict, audiences: list[str]) -> str | None:
    """The same, from plain rule values and the audiences."""
    school = set(rules.get("student_status") or [])
    max_age = rules.get("max_age")
    if (school and school <= SCHOOL_LEVELS) or rules.get("max_grade") or (max_age is not None and max_age < 18):
        return "minors"
    audiences = set(audiences)
    if ((rules.get("min_age") or 0) >= 18 or (audiences and "students" not in audiences and audiences & ADULT_AUDIENCES)
            or rules.get("position") or rules.get("employer") or rules.get("employees_only")):
        return "adults"
    return None


def fits_age(data: dict, facts: Facts) -> bool:
    """A minor, or anyone still in middle or high school, is never offered what is only for
    adults (an 18-year-old senior is still a school student to these programs' audiences); an
    adult who is not in middle or high school is never offered what is only for school students."""
    group = age_group(data)
    if group == "adults":
        return facts.is_minor is not True and facts.student not in SCHOOL_LEVELS
    if group == "minors":
        return facts.is_minor is not False or facts.student in SCHOOL_LEVELS
    return True


def offered(item: Scored, by_audience: bool = False) -> bool:
    """Lists leave out what the person is ruled out of by age or school: a teenager is not shown
    programs made only for adults, nor an adult programs only for students. `by_audience` also
    leaves out what the record says is made for the other age group though no sourced rule
    says so (the guide's answers; /match shows those with the verdict "maybe")."""
    if item.verdict.ruled_out_by_age_or_school:
        return False
    return not by_audience or item.row is None or fits_age(item.row.data, item.facts)


def match(session: Session, facts: Facts, kinds: list[str], limit: int, today: dt.date,
          by_audience: bool = False, fit_to_person: bool = False, job_help_asked: bool = False) -> list[dict]:
    """Results best first. `fit_to_person` orders them by what the person's facts say of each
    (fit.py) and says so in each result's `fit` (the guide's lists)."""
    names = documents.Names(session)
    scored: list[Scored] = []
    if "program" in kinds:
        rows = _program_candidates(session, facts, today)
        names.load_for((row.data for row in rows), checks=False)
        scored += [score_program(row, facts, names) for row in rows]
    if "funding" in kinds:
        rows = _funding_candidates(session, facts, today)
        names.load_for((row.data for row in rows), checks=False)
        scored += [score_funding(row, facts, names) for row in rows]
    if "role" in kinds:
        pairs = role_candidates(session, facts, today, ROLE_RADIUS_MILES, limit)
        names.load(occupation_keys=[row.occupation_key for row, _ in pairs if row.occupation_key])
        scored += [score_role(documents.role(row, names, distance), distance, facts) for row, distance in pairs]
    kept = [s for s in scored if offered(s, by_audience)]
    if fit_to_person:
        kept = [fitted(s, names, job_help_asked) for s in kept]
    shown = rank(kept)[:limit]
    # Source checks are read only for what is shown (the verdicts do not need them).
    names.load_for([item.row.data for item in shown if item.row is not None])
    return [item.render(names, today).as_dict() for item in shown]


def check(session: Session, facts: Facts, kind: str, row, today: dt.date) -> dict:
    names = documents.Names(session).load_for([row.data])
    if kind == "program":
        document = documents.program(row, names, today)
    else:
        document = documents.funding(row, names, today)
    verdict = eligibility.evaluate(_rules(row.data), facts, names.name_of, names.member_of)
    answer = verdict.as_dict()
    for missing in verdict.missing:
        answer["what_would_change"].append(f"Telling me {missing} would settle it.")
    answer[kind] = document
    answer["facts"] = facts.as_dict()
    return answer
