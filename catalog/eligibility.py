"""Where eligibility is decided: structured rules against what we know about a person.

Each rule gives one of three answers. A rule the person fails makes the verdict "not_eligible"; a
rule we cannot check yet (a missing fact) makes it "maybe" and names the fact; otherwise it is
"eligible". Where the sources do not say who may apply, the verdict is "maybe" with a sentence
naming who to ask, never a guess. Every answer comes with plain sentences a 15-year-old understands.

`rules` here are plain values (records.plain_rules): the sources of each rule travel with the
record, not through the checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from catalog import geo
from catalog.profile import Facts, person_groups
from catalog.records import EDUCATION_LEVELS, EDUCATION_WORDS
# The rules in words live in catalog.rule_words; the names below are used through this module too.
from catalog.rule_words import (  # noqa: F401 (GROUP_WORDS, describe: read as eligibility.*)
    GROUP_WORDS, STUDENT_WORDS, UNION_WORDS, _states, describe, join_words, unpublished_sentence,
)

ELIGIBLE, MAYBE, NOT_ELIGIBLE = "eligible", "maybe", "not_eligible"
VERDICT_ORDER = {ELIGIBLE: 0, MAYBE: 1, NOT_ELIGIBLE: 2}
# What a failed rule rules a person out by. A person ruled out by AGE (too young or too old) or
# SCHOOL (in school when it is for workers, or out of school when it is for students) is not
# shown the result in lists at all; other failures are shown with what would change them.
AGE, SCHOOL, OTHER = "age", "school", "other"

@dataclass
class Verdict:
    verdict: str = ELIGIBLE
    reasons: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    # The fact each `missing` sentence asks for, as a Profile field name (age, grade, student,
    # education, place, employer, union, current_occupation, groups), so a client can ask for it.
    missing_facts: list[str] = field(default_factory=list)
    what_would_change: list[str] = field(default_factory=list)
    # Rules the sources do not state: "Who can apply is not published: ask ... (link)."
    unpublished: list[str] = field(default_factory=list)
    ruled_out_by: set[str] = field(default_factory=set)
    # The reasons that are failed rules, for saying why someone does not qualify.
    failures: list[str] = field(default_factory=list)

    def passed(self, reason: str) -> None:
        self.reasons.append(reason)

    def failed(self, reason: str, change: str | None = None, by: str = OTHER) -> None:
        self.verdict = NOT_ELIGIBLE
        self.reasons.append(reason)
        self.failures.append(reason)
        self.ruled_out_by.add(by)
        if change:
            self.what_would_change.append(change)

    def unknown(self, missing: str, fact: str) -> None:
        if self.verdict == ELIGIBLE:
            self.verdict = MAYBE
        self.missing.append(missing)
        if fact not in self.missing_facts:
            self.missing_facts.append(fact)

    def condition(self, sentence: str) -> None:
        """A condition the sources state that no profile fact settles."""
        if self.verdict == ELIGIBLE:
            self.verdict = MAYBE
        self.missing.append(sentence)

    def not_published(self, sentence: str) -> None:
        if self.verdict == ELIGIBLE:
            self.verdict = MAYBE
        self.unpublished.append(sentence)

    @property
    def ruled_out_by_age_or_school(self) -> bool:
        return bool(self.ruled_out_by & {AGE, SCHOOL})

    def as_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "reasons": self.reasons,
            "missing": self.missing,
            "unpublished": self.unpublished,
            "missing_facts": self.missing_facts,
            "what_would_change": self.what_would_change,
        }


Names = Callable[[str], str]
# The unions and coalitions a union belongs to (organizations' `member_of`); a coalition's own
# set holds FEDERATION, as its members are not listed in full.
Memberships = Callable[[str], set[str]]
FEDERATION = "federation"


def evaluate(rules: dict, facts: Facts, name_of: Names, member_of: Memberships = lambda key: set()) -> Verdict:
    """Check every rule in `rules` (an Eligibility document) against `facts`."""
    verdict = Verdict()
    _age(rules, facts, verdict)
    _grade(rules, facts, verdict)
    _student(rules, facts, verdict)
    _education(rules, facts, verdict)
    _place(rules, facts, verdict)
    _position(rules, facts, verdict, name_of)
    _employer(rules, facts, verdict, name_of)
    _union(rules, facts, verdict)
    _unions(rules, facts, verdict, name_of, member_of)
    _occupation(rules, facts, verdict, name_of)
    _groups(rules, facts, verdict)
    for condition in rules.get("conditions") or []:
        verdict.condition(f"whether you have {condition}")
    _unpublished(rules, verdict)
    for cycle in sorted(set((rules.get("cycles") or {}).values())):
        verdict.reasons.append(f"These rules are from the {cycle} cycle; check the current one.")
    return verdict


def _age(rules: dict, facts: Facts, v: Verdict) -> None:
    low, high = rules.get("min_age"), rules.get("max_age")
    if low is None and high is None:
        return
    ages = facts.age_range
    if low is not None and high is not None:
        span = f"ages {low} to {high}"
    elif low is not None:
        span = f"people {low} and older"
    else:
        span = f"people {high} and younger"
    if ages is None:
        v.unknown(f"your age (it is for {span})", "age")
        return
    youngest, oldest = ages
    you = f"you are {facts.profile.age}" if facts.profile.age is not None else "at your grade"
    if low is not None and oldest < low:
        years = low - oldest
        v.failed(
            f"It is for {span}, and {you}.",
            f"You can join once you turn {low}" + (f", in about {years} year{'s' if years > 1 else ''}." if facts.profile.age is not None else "."),
            by=AGE,
        )
    elif high is not None and youngest > high:
        v.failed(f"It is for {span}, and {you}.", by=AGE)
    elif (low is not None and youngest < low) or (high is not None and oldest > high):
        v.unknown(f"your exact age (it is for {span})", "age")
    else:
        v.passed(f"It is for {span}, and {you}.")


def _grade(rules: dict, facts: Facts, v: Verdict) -> None:
    low, high = rules.get("min_grade"), rules.get("max_grade")
    if low is None and high is None:
        return
    low, high = low or 1, high or 12
    span = f"grades {low} to {high}" if low != high else f"grade {low}"
    grade = facts.profile.grade
    if grade is None:
        if facts.student in ("college", "graduate", "not_student") or facts.profile.education in EDUCATION_LEVELS[2:]:
            v.failed(f"It is for students in {span}.", by=SCHOOL)
        else:
            v.unknown(f"your grade in school (it is for {span})", "grade")
    elif low <= grade <= high:
        v.passed(f"It is for students in {span}, and you are in grade {grade}.")
    elif grade < low:
        v.failed(f"It is for students in {span}.", f"You can apply when you reach grade {low}.", by=SCHOOL)
    else:
        v.failed(f"It is for students in {span}, and you are in grade {grade}.", by=SCHOOL)


def _student(rules: dict, facts: Facts, v: Verdict) -> None:
    wanted = rules.get("student_status") or []
    if not wanted:
        return
    who = join_words([STUDENT_WORDS[s] for s in wanted])
    student = facts.student
    finished_high_school = facts.education_rank is not None and facts.education_rank >= EDUCATION_LEVELS.index("high_school")
    if student is None and finished_high_school and set(wanted) <= {"middle_school", "high_school"}:
        # Someone who has finished high school is not a middle- or high-school student.
        v.failed(f"It is for {who}.", by=SCHOOL)
    elif student is None:
        v.unknown(f"whether you are in school now (it is for {who})", "student")
    elif student in wanted:
        v.passed(f"It is for {who}, and you are one.")
    else:
        v.failed(f"It is for {who}.", by=SCHOOL)


def _education(rules: dict, facts: Facts, v: Verdict) -> None:
    needed = rules.get("education")
    if not needed or needed == "none":
        return
    words = EDUCATION_WORDS[needed]
    rank = facts.education_rank
    if rank is None:
        v.unknown(f"how far you went in school (you need {words})", "education")
    elif rank >= EDUCATION_LEVELS.index(needed):
        v.passed(f"You need {words}, and you have that.")
    else:
        # Someone still in school who lacks the schooling a program needs is ruled out by being
        # in school: a degree program is not something to show a tenth grader.
        in_school = facts.student in ("middle_school", "high_school")
        v.failed(f"You need {words} first.", f"Finishing {words} would make you eligible.", by=SCHOOL if in_school else OTHER)


def _place(rules: dict, facts: Facts, v: Verdict) -> None:
    states = rules.get("states") or []
    regions = rules.get("regions") or []
    if states:
        where = _states(states)
        state = facts.state
        if state is None:
            v.unknown(f"where you live (it is for people who live in {where})", "place")
        elif state in states:
            v.passed(f"It is for people who live in {where}, and you do.")
        else:
            v.failed(f"It is only for people who live in {where}.")
            return
    if regions:
        answers = [geo.in_region(region, facts.place, facts.state) for region in regions]
        where = join_words(regions)
        if any(answer is True for answer in answers):
            v.passed(f"It is for people in the {where} area, where you are.")
        elif answers and all(answer is False for answer in answers):
            v.failed(f"It is only for people in the {where} area.")
        else:
            v.unknown(f"your city or ZIP code (it is for people in the {where} area)", "place")


def _position(rules: dict, facts: Facts, v: Verdict, name_of: Names) -> None:
    """Programs for people who hold a position: a student in middle or high school (or anyone
    under 18) does not hold it; otherwise the job and degree the person named settle it when the
    rule says which do, and we ask only what they have not said."""
    who = rules.get("position")
    if not who:
        return
    jobs, degree = rules.get("position_occupations") or [], rules.get("position_education")
    current, rank = facts.profile.current_occupation, facts.education_rank
    if facts.student in ("middle_school", "high_school") or facts.is_minor:
        v.failed(f"It is for {who}.", by=SCHOOL)
    elif (current and current in jobs) or (degree and rank is not None and rank >= EDUCATION_LEVELS.index(degree)):
        held = f"you work as {name_of(current)}" if current in jobs else f"you have {EDUCATION_WORDS[degree]}"
        v.passed(f"It is for {who}, and {held}.")
        if rules.get("position_ask"):
            v.unknown(rules["position_ask"], "current_occupation")
    elif current and rules.get("position_only") and not (degree and rank is None):
        v.failed(f"It is for {who}, and you said you work as {name_of(current)}.")
    elif current and degree and rank is None:
        # The job said does not settle it ("psychologist"); the degree would.
        v.unknown(f"how far you went in school (it is for {who}: you need {EDUCATION_WORDS[degree]})", "education")
    else:
        v.unknown(rules.get("position_ask") or f"whether you are one of the {who} it is for", "current_occupation")


def _employer(rules: dict, facts: Facts, v: Verdict, name_of: Names) -> None:
    employer = rules.get("employer")
    if not rules.get("employees_only") and not employer:
        return
    who = f"{name_of(employer)} employees" if employer else "employees"
    profile = facts.profile
    if profile.employee is False:
        v.failed(f"It is only open to {who}.", f"Getting a job at {name_of(employer)} would open it to you." if employer else None)
    elif profile.employee is None or (employer and profile.employer is None):
        v.unknown(f"whether you work for {name_of(employer)}" if employer else "whether you work for an employer that takes part", "employer")
    elif employer and profile.employer != employer:
        v.failed(f"It is only open to {who}.", f"Getting a job at {name_of(employer)} would open it to you.")
    else:
        v.passed(f"It is open to {who}, and you are one.")


def _union(rules: dict, facts: Facts, v: Verdict) -> None:
    status = rules.get("union_status")
    if not status:
        return
    who = UNION_WORDS[status]
    union = facts.profile.union
    if union is None:
        v.unknown(f"whether your job is covered by a union (it is for {who})", "union")
    elif (union != "none") == (status == "represented"):
        v.passed(f"It is for {who}, and you are one.")
    else:
        v.failed(f"It is only for {who}.")


def _unions(rules: dict, facts: Facts, v: Verdict, name_of: Names, member_of: Memberships) -> None:
    """The unions or coalitions the source names. A person's union fits when it is one of them or
    belongs to one; another union is ruled out, unless the rule names a coalition whose members
    the catalog does not list in full (then we ask)."""
    named = rules.get("unions") or []
    if not named:
        return
    who = f"members of {join_words([name_of(key) for key in named])}"
    union = facts.profile.union
    if union in (None, "member"):
        v.unknown(f"which union you are in (it is for {who})", "union")
        return
    if union_named(named, union, member_of):
        v.passed(f"It is for {who}, and you are one.")
    elif union != "none" and any(FEDERATION in member_of(key) for key in named):
        v.unknown(f"whether {name_of(union)} is part of {join_words([name_of(k) for k in named])} (it is for {who})", "union")
    else:
        v.failed(f"It is only for {who}.")


def union_named(named: list[str], union: str | None, member_of: Memberships) -> bool:
    """Whether the person's union is one of the unions or coalitions named, or belongs to one."""
    if union in (None, "member", "none"):
        return False
    mine = {union} | member_of(union)
    for key in list(mine):
        mine |= member_of(key)
    return bool(set(named) & mine)


def _occupation(rules: dict, facts: Facts, v: Verdict, name_of: Names) -> None:
    jobs = rules.get("current_occupations") or []
    if not jobs:
        return
    titles = join_words([name_of(key) for key in jobs])
    current = facts.profile.current_occupation
    if current is None:
        v.unknown(f"what job you do now (it is for people working as {titles})", "current_occupation")
    elif current in jobs:
        v.passed(f"It is for people working as {titles}, and you do.")
    else:
        v.failed(f"It is for people working as {titles} now.")


def _groups(rules: dict, facts: Facts, v: Verdict) -> None:
    served = rules.get("groups") or []
    if not served:
        return
    who = join_words([GROUP_WORDS.get(g, g) for g in served])
    mine = facts.profile.groups
    if mine is not None and person_groups(mine) & set(served):
        v.passed(f"It serves {who}, and that includes you.")
    elif rules.get("groups_required") == "unclear":
        if mine is None:
            # Being one of them would settle it, so it is worth asking.
            v.unknown(f"whether you are one of the groups it serves ({who})", "groups")
        v.not_published(f"It is described as for {who}; the source does not say whether others can join: ask them.")
    elif not rules.get("groups_required"):
        v.reasons.append(f"It gives priority to {who}.")
    elif mine is None:
        v.unknown(f"whether you are one of the groups it serves ({who})", "groups")
    else:
        v.failed(f"It is only for {who}.")


def _unpublished(rules: dict, v: Verdict) -> None:
    if rules.get("unpublished"):
        v.not_published(unpublished_sentence(rules["unpublished"]))
