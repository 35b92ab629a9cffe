"""What a person told the assistant, in their words ("junior", "GED", "Kaiser", "Houston Texas",
"LVN"), turned into the catalog's Facts. The guide endpoints take these words so the assistant
never decides what they mean (or whether the person is a minor) itself."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Optional

from pydantic import Field, StringConstraints

from catalog import geo
from catalog.named import NameIndex
from catalog.occupations import OccupationIndex, normal
from catalog.profile import Facts, Profile
from catalog.records import Group, Strict

Said = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]

GRADE_WORDS = {"freshman": 9, "sophomore": 10, "junior": 11, "senior": 12}
GRADE_NUMBER = re.compile(r"\b(1[0-2]|[1-9])(?:st|nd|rd|th)?\b")
# Most specific first: "some college" before "college", "master" before anything with "degree".
EDUCATION_PATTERNS = [
    (re.compile(r"doctor|phd|\bmd\b|dnp"), "doctorate"),
    (re.compile(r"master|\bmsn\b|\bmba\b|\bms\b|\bma degree"), "master"),
    (re.compile(r"bachelor|\bbsn\b|\bba\b|\bbs\b|4 year degree|four year degree|college degree|university degree"), "bachelor"),
    (re.compile(r"associate|\baa\b|\bas\b|\badn\b|2 year degree|two year degree|community college degree"), "associate"),
    (re.compile(r"certificate|certified|certification"), "certificate"),
    (re.compile(r"some college|in college|college student"), "some_college"),
    (re.compile(r"\bged\b|\bhs diploma|high school diploma|diploma|graduated high school|finished high school|hiset|high school grad"), "high_school"),
    (re.compile(r"some high school|dropped out|no diploma|didn t finish high school|did not finish high school|in high school"), "some_high_school"),
    (re.compile(r"^none$|no school"), "none"),
]
GROUP_WORDS = {
    "hispanic": "hispanic_latino", "latino": "hispanic_latino", "latina": "hispanic_latino", "latinx": "hispanic_latino",
    "black": "black", "african american": "african_american", "native american": "native_american",
    "american indian": "native_american", "indigenous": "native_american", "asian": "asian_american",
    "asian american": "asian_american", "veteran": "veteran", "veterans": "veteran", "vet": "veteran",
    "first generation": "first_generation", "first gen": "first_generation", "lgbtq": "lgbtq", "lgbt": "lgbtq",
    "gay": "lgbtq", "trans": "lgbtq", "queer": "lgbtq", "woman": "women", "women": "women", "female": "women",
    "girls": "women", "low income": "low_income", "poor": "low_income", "disability": "disability",
    "disabled": "disability", "homeless": "homelessness", "formerly incarcerated": "justice_involved",
    "justice involved": "justice_involved", "youth": "youth", "minority": "underrepresented",
    "underrepresented": "underrepresented", "under represented": "underrepresented",
}
NO_UNION = re.compile(r"^(no|none|not|non|nope|not in a union|no union|non union|nonunion|non represented)\b")


class GuideFacts(Strict):
    """The facts a conversation holds, as said (docs/catalog-api.md, "Guide")."""

    age: Optional[int] = Field(None, ge=10, le=110)
    grade: Optional[Said] = Field(None, description='"junior", "11th grade", "senior in high school", "high school"')
    place: Optional[Said] = Field(None, description="ZIP, city, city and state, state, or a nickname such as LA")
    education: Optional[Said] = Field(None, description='"GED", "high school diploma", "bachelor\'s", or an education level')
    student: Optional[bool] = None
    employee: Optional[bool] = None
    employer: Optional[Said] = None
    union: Optional[Said] = None
    current_occupation: Optional[Said] = None
    groups: list[Said] = Field([], max_length=15)


@dataclass
class Understood:
    facts: Facts
    place: geo.Understood | None


def grade_of(text: str) -> tuple[int | None, str | None]:
    """(grade 1-12, school level) from "junior", "11th grade", "senior in high school", "college"."""
    words = normal(text)
    if "college" in words or "university" in words:
        return None, "college"
    for word, grade in GRADE_WORDS.items():
        if word in words:
            return grade, "high_school"
    found = GRADE_NUMBER.search(words)
    if found:
        grade = int(found.group(1))
        return grade, "high_school" if grade >= 9 else "middle_school"
    if "middle" in words:
        return None, "middle_school"
    if "high" in words or words in ("hs", "highschool"):
        return None, "high_school"
    return None, None


def education_of(text: str) -> str | None:
    words = normal(text).replace("_", " ")
    if words.replace(" ", "_") in {level for _, level in EDUCATION_PATTERNS}:
        return words.replace(" ", "_")
    for pattern, level in EDUCATION_PATTERNS:
        if pattern.search(words):
            return level
    return None


def groups_of(said: list[str]) -> list[str]:
    found = []
    for text in said:
        words = normal(text).replace("_", " ")
        value = words.replace(" ", "_")
        group = value if value in Group.__members__ else GROUP_WORDS.get(words)
        if group is None:
            group = next((g for word, g in GROUP_WORDS.items() if re.search(rf"\b{word}\b", words)), None)
        if group and group not in found:
            found.append(group)
    return found


def _organization_key(said: str, names: NameIndex, unknown: str | None = None) -> str | None:
    """The organisation a person names ("Kaiser", "a Kaiser hospital in Fresno", "SEIU-UHW"). One
    the catalog does not know keeps its own words as a key: it is still not the employer a
    program is for, so the verdict says no rather than maybe."""
    found = names.find(said, ("organization",)).entry
    if found is None:
        inside = names.organization_in(said)
        found = inside[1] if inside else None
    if found:
        return found.key
    return unknown or (normal(said).replace(" ", "_")[:80] or None)


def understand(said: GuideFacts, occupations: OccupationIndex, names: NameIndex) -> Understood:
    grade, level = grade_of(said.grade) if said.grade else (None, None)
    if said.student is False:
        level = "not_student"
    elif said.student and level is None and said.age is not None and said.age < 18:
        level = "high_school" if said.age >= 14 else "middle_school"
    employer_key = _organization_key(said.employer, names) if said.employer else None
    union = None
    if said.union:
        if NO_UNION.match(normal(said.union)):
            union = "none"
        else:
            union = _organization_key(said.union, names, unknown="member")
    current = occupations.lookup(said.current_occupation).key if said.current_occupation else None
    # Naming an employer ("I'm an LVN at Kaiser") says the person works there.
    employee = said.employee if said.employee is not None else (True if said.employer else None)
    place = None
    if said.place:
        # A career word is never taken for a place, even where a town bears the name.
        if normal(said.place) in occupations.names:
            place = geo.not_placed(said.place)
        else:
            place = geo.understand(said.place)
    profile = Profile(
        age=said.age, grade=grade, education=education_of(said.education) if said.education else None,
        student=level, employer=employer_key, employee=employee, union=union,
        current_occupation=current, groups=groups_of(said.groups) if said.groups else None,
        zip=place.zip if place else None,
        city=place.place.city if place and place.place and not place.zip else None,
        state=place.state if place else None,
    )
    return Understood(Facts(profile=profile, place=place.place if place else None), place)
