"""Where a list is fitted to the person asking: what their own facts say about each result, on
top of its verdict and its score (matching.py).

Four places a result can take, each with the sentence that says why:
- first: its rules name the person's employer or union, and the person said they work there or
  belong to it ("the SEIU-UHW Education Fund" for an SEIU-UHW member);
- fits: nothing the person said speaks against it (a record whose rules are unknown stays here:
  it is neither promoted nor dropped on a guess);
- after: it is made for someone else than the person's facts describe (a students' internship for
  a 34-year-old, a residency for a 19-year-old, a resume workshop for a 16-year-old who asked what
  fits them), or it is held only in a region that is not where the person is (Southern California
  for Oakland); shown only once what fits has been shown;
- out: a rule the person fails (a union-only fund for someone not in a union, an employer's
  program for someone who works elsewhere); left out, with its reason.

Nothing here is a rule of who may apply: those are eligibility.py's. This only orders.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from catalog import eligibility, geo
from catalog.profile import Facts

FIRST, FITS, AFTER, OUT = 0, 1, 2, 3
RANK_WORDS = {FIRST: "first", FITS: "fits", AFTER: "after", OUT: "out"}
# Past the usual age of students and recent graduates: a record made only for students is for
# someone else, though no rule says so (a 34-year-old may be in college, so it is moved, not dropped).
STUDENT_AGE_UNTIL = 25
# Below the age at which anyone has finished the degree a working professional's programs expect.
PROFESSIONAL_AGE_FROM = 22
# Help getting hired, which a school student asking what fits them is not looking for first.
JOB_HUNTING_KINDS = ("workshop", "hiring")
# Programs for doctors in training, whatever their audiences say.
DOCTORS_IN_TRAINING_KINDS = ("residency",)
IN_SCHOOL = ("middle_school", "high_school")


@dataclass(frozen=True)
class Fit:
    rank: int
    reason: str | None = None

    def as_dict(self) -> dict:
        return {"rank": RANK_WORDS[self.rank], "reason": self.reason}


def fit_of(data: dict, rules: dict, verdict: eligibility.Verdict, facts: Facts, name_of: Callable[[str], str],
        member_of: eligibility.Memberships, job_help_asked: bool = False) -> Fit:
    """Where a program or fund (its stored document `data`, its plain `rules`) goes for `facts`."""
    if verdict.verdict == eligibility.NOT_ELIGIBLE:
        return Fit(OUT, verdict.failures[0] if verdict.failures else None)
    yours = _yours(rules, facts, name_of, member_of)
    if yours:
        return Fit(FIRST, yours)
    elsewhere = _far(data, facts) or _for_others(data, facts, job_help_asked)
    return Fit(AFTER, elsewhere) if elsewhere else Fit(FITS)


def _yours(rules: dict, facts: Facts, name_of, member_of) -> str | None:
    """The person's own employer's or union's offer, by what they said, never by a guess."""
    profile = facts.profile
    named = rules.get("unions") or []
    if named and eligibility.union_named(named, profile.union, member_of):
        return "It is for members of your union."
    employer = rules.get("employer")
    if employer and profile.employer == employer and profile.employee is not False:
        return f"It is for {name_of(employer)} employees, like you."
    return None


def _far(data: dict, facts: Facts) -> str | None:
    """Held only in regions the person's place is outside of (and not online). A record held in
    the person's state without a region there (Year Up: California, and the Mid-Atlantic) is
    not far: where in the state is not said."""
    location = data.get("location") or {}
    regions = location.get("regions") or []
    if not regions or facts.place is None or location.get("online") or data.get("format") == "online":
        return None
    known = [geo.REGIONS.get(region.strip().lower()) for region in regions]
    if facts.state in (location.get("states") or []) and facts.state not in {r.state for r in known if r}:
        return None
    if all(geo.in_region(region, facts.place, facts.state) is False for region in regions):
        return f"It is held in {eligibility.join_words(regions)}, not near you."
    return None


def _for_others(data: dict, facts: Facts, job_help_asked: bool) -> str | None:
    """Made for people the person's facts say they are not (the record's audiences and kind)."""
    audiences = set(data.get("audiences") or [])
    kind = data.get("kind")
    age = facts.profile.age
    student = facts.student
    if audiences == {"students"}:
        out_of_school = student == "not_student" or (student is None and age is not None and age >= STUDENT_AGE_UNTIL)
        if out_of_school:
            return "It is made for students."
    not_yet_working = student in (*IN_SCHOOL, "college") or (age is not None and age < PROFESSIONAL_AGE_FROM)
    if kind in DOCTORS_IN_TRAINING_KINDS and not_yet_working:
        return "It is for doctors in training, after medical school."
    if audiences and audiences <= {"professionals"} and not_yet_working:
        return "It is made for working professionals."
    if kind in JOB_HUNTING_KINDS and student in IN_SCHOOL and not job_help_asked:
        return "It helps people get hired; you are still in school."
    return None
