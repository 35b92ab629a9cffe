"""What the API knows about a person (the Profile) and the facts derived from it.

Every field is optional: the assistant asks only what an answer needs, and a missing fact makes a
verdict "maybe" with that fact named, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal, Optional

from pydantic import Field, StringConstraints, field_validator, model_validator

from catalog import geo
from catalog.records import EDUCATION_LEVELS, EducationLevel, Group, Key, Short, Strict

StudentAnswer = Literal["middle_school", "high_school", "college", "graduate", "not_student"]
Zip = Annotated[str, StringConstraints(pattern=r"^\d{5}$")]
Interest = Annotated[str, StringConstraints(min_length=1, max_length=80, strip_whitespace=True)]


class Profile(Strict):
    age: Optional[int] = Field(None, ge=10, le=110, description="Age in years")
    grade: Optional[int] = Field(None, ge=1, le=12, description="School grade, 1-12")
    zip: Optional[Zip] = Field(None, description="5-digit US ZIP code")
    city: Optional[Short] = None
    state: Optional[Annotated[str, StringConstraints(max_length=30)]] = Field(
        None, description="2-letter code or state name"
    )
    education: Optional[EducationLevel] = Field(None, description="Highest education finished")
    student: Optional[StudentAnswer] = None
    employer: Optional[Key] = Field(None, description="Organization key of the employer")
    employee: Optional[bool] = Field(None, description="Works for `employer` now")
    union: Optional[Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,80}$")]] = Field(
        None, description="Union organization key, or `none`"
    )
    current_occupation: Optional[Key] = None
    interests: list[Interest] = Field([], max_length=10)
    groups: Optional[list[Group]] = Field(
        None, max_length=15, description="Groups the person belongs to or asks about; [] means none of them"
    )
    barriers: Optional[list[Group]] = Field(
        None, max_length=15, description="Older name of `groups`, still accepted: its values are added to `groups`"
    )
    max_cost: Optional[float] = Field(None, ge=0, le=1_000_000, description="Most the person can pay, USD")

    @model_validator(mode="after")
    def _fold_barriers(self) -> "Profile":
        if self.barriers is not None:
            self.groups = list(dict.fromkeys([*(self.groups or []), *self.barriers]))
            self.barriers = None
        return self

    @field_validator("state")
    @classmethod
    def _known_state(cls, value: str | None) -> str | None:
        if value is None:
            return None
        code = geo.state_code(value)
        if not code:
            raise ValueError(f"'{value}' is not a US state")
        return code


# A person who says one of these belongs to the other too: the words differ, the group does not.
SAME_GROUP = {"black": {"african_american"}, "african_american": {"black"}}
# Groups under-represented in health care (the AAMC's "under-represented in medicine": Black and
# African American, Hispanic and Latino, Native American), so a program for under-represented
# students fits a person who names one of them.
UNDERREPRESENTED = {"black", "african_american", "hispanic_latino", "native_american"}


def person_groups(groups) -> set[str]:
    """A person's groups with the ones they imply (black -> african_american, -> underrepresented)."""
    found = {g.value if hasattr(g, "value") else g for g in groups or []}
    for group in list(found):
        found |= SAME_GROUP.get(group, set())
    if found & UNDERREPRESENTED:
        found.add("underrepresented")
    return found


@dataclass
class Facts:
    """A profile with its place resolved and its interests turned into occupation keys."""

    profile: Profile
    place: geo.Place | None = None
    interests: list[str] = field(default_factory=list)

    @property
    def state(self) -> str | None:
        return (self.place.state if self.place else None) or self.profile.state

    @property
    def education_rank(self) -> int | None:
        level = self.education
        return EDUCATION_LEVELS.index(level) if level else None

    @property
    def education(self) -> str | None:
        if self.profile.education:
            return self.profile.education
        # A student still in school has not finished high school yet.
        if self.student in ("middle_school", "high_school"):
            return "some_high_school"
        return None

    @property
    def student(self) -> str | None:
        if self.profile.student:
            return self.profile.student
        grade = self.profile.grade
        if grade is not None:
            return "high_school" if grade >= 9 else "middle_school"
        # A teenager who has not finished high school is, nearly always, still in school.
        age, education = self.profile.age, self.profile.education
        if age is not None and age < 18 and education in (None, "none", "some_high_school"):
            return "high_school" if age >= 14 else "middle_school"
        return None

    @property
    def age_range(self) -> tuple[int, int] | None:
        """Exact age, or the usual ages for a school grade (a 10th grader is 15 or 16)."""
        if self.profile.age is not None:
            return self.profile.age, self.profile.age
        if self.profile.grade is not None:
            return self.profile.grade + 5, self.profile.grade + 6
        return None

    @property
    def is_minor(self) -> bool | None:
        """Under 18. The one place the catalog decides it: a student in grades 1 to 12 whose age we
        do not know counts as a minor (a 12th grader may be 17), and so does a middle- or
        high-school student of unknown age and grade."""
        if self.profile.age is not None:
            return self.profile.age < 18
        if self.profile.grade is not None or self.student in ("middle_school", "high_school"):
            return True
        return None

    def as_dict(self) -> dict:
        """What the catalog made of the profile, so the assistant never decides these itself."""
        place = self.place
        return {
            "is_minor": self.is_minor,
            "student": self.student,
            "education": self.education,
            "age_range": list(self.age_range) if self.age_range else None,
            "state": self.state,
            "place": None if place is None else {
                "city": place.city, "state": place.state, "zip": place.zip or self.profile.zip,
                "lat": place.lat, "lon": place.lon,
            },
            "groups": sorted(person_groups(self.profile.groups)) if self.profile.groups is not None else None,
            "interests": self.interests,
        }
