"""The shapes of catalog records as people write them (YAML, CSV) and as the API returns them.

Validation is strict (unknown fields are an error) so a typo in a seed file cannot silently drop a
fact. The same models check every importer's input, so YAML and CSV follow one set of rules.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, field_validator, model_validator

EDUCATION_LEVELS = (
    "none", "some_high_school", "high_school", "some_college", "certificate", "associate",
    "bachelor", "master", "doctorate",
)
EducationLevel = Literal[
    "none", "some_high_school", "high_school", "some_college", "certificate", "associate",
    "bachelor", "master", "doctorate",
]
# How each level reads in a sentence ("you need a high-school diploma or GED first").
EDUCATION_WORDS = {
    "none": "no diploma",
    "some_high_school": "some high school",
    "high_school": "a high-school diploma or GED",
    "some_college": "some college",
    "certificate": "a certificate",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "doctorate": "a doctorate",
}

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]{0,79}$")]
Text = Annotated[str, StringConstraints(max_length=4000, strip_whitespace=True)]
Short = Annotated[str, StringConstraints(max_length=300, strip_whitespace=True)]
StateCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(_has_nul(v) for v in value)
    return False


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _no_nul(cls, value):
        # PostgreSQL cannot store NUL characters, and no real text contains them.
        if _has_nul(value):
            raise ValueError("text may not contain NUL characters")
        return value


class Record(Strict):
    key: Key
    source_url: HttpUrl
    last_verified: dt.date
    notes: Optional[Text] = None


class OccupationIn(Record):
    title: Short
    soc_code: Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{4}\.\d{2}$")]
    # The BLS OEWS occupation whose pay applies, when it is not the SOC code's own: OEWS publishes
    # some occupations only as a group (29-2010 for both kinds of clinical laboratory work).
    oews_code: Optional[Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{4}$")]] = None
    aliases: list[Short] = []
    description: Optional[Text] = None
    clinical: Optional[bool] = None
    education: Optional[Short] = None
    education_level: Optional[EducationLevel] = None
    time_to_enter: Optional[Short] = None
    time_to_enter_months: Optional[int] = Field(None, ge=0, le=240)
    outlook: Optional[Text] = None
    bright_outlook: Optional[bool] = None
    related: list[Key] = []


class OrganizationIn(Record):
    name: Short
    roles: list[Literal["provider", "sponsor", "employer", "union"]] = []
    website: Optional[HttpUrl] = None
    description: Optional[Text] = None
    states: list[StateCode] = []


class Barrier(str, Enum):
    low_income = "low_income"
    veteran = "veteran"
    disability = "disability"
    homelessness = "homelessness"
    justice_involved = "justice_involved"
    youth = "youth"
    first_generation = "first_generation"
    underrepresented = "underrepresented"


StudentStatus = Literal["middle_school", "high_school", "college", "graduate"]


class Eligibility(Strict):
    min_age: Optional[int] = Field(None, ge=0, le=120)
    max_age: Optional[int] = Field(None, ge=0, le=120)
    min_grade: Optional[int] = Field(None, ge=1, le=12)
    max_grade: Optional[int] = Field(None, ge=1, le=12)
    education: Optional[EducationLevel] = None
    states: list[StateCode] = []
    regions: list[Short] = []
    employees_only: bool = False
    employer: Optional[Key] = None
    union: Optional[Key] = None
    current_occupations: list[Key] = []
    student_status: list[StudentStatus] = []
    barriers_served: list[Barrier] = []
    barriers_required: bool = False
    text: Optional[Text] = None


class Location(Strict):
    states: list[StateCode] = []
    regions: list[Short] = []
    cities: list[Short] = []
    online: bool = False


class Cost(Strict):
    tuition: Optional[float] = Field(None, ge=0)
    covered: Optional[Text] = None
    note: Optional[Text] = None


class Start(Strict):
    date: Optional[dt.date] = None
    deadline: Optional[dt.date] = None


ProgramKind = Literal[
    "training", "degree", "student_pathway", "internship", "residency", "fellowship",
    "apprenticeship", "leadership", "workshop", "hiring", "initiative",
]
Audience = Literal["students", "job_seekers", "employees", "professionals", "adults", "organizations"]
Format = Literal["in_person", "online", "hybrid"]
Support = Literal[
    "coaching", "wrap_around", "job_placement", "mentoring", "tutoring", "devices", "stipend",
]


class ProgramIn(Record):
    name: Short
    kind: ProgramKind
    provider: Optional[Key] = None
    sponsors: list[Key] = []
    occupations: list[Key] = []
    description: Optional[Text] = None
    audiences: list[Audience] = []
    location: Location = Location()
    format: Optional[Format] = None
    length: Optional[Short] = None
    length_months: Optional[float] = Field(None, ge=0, le=240)
    cost: Cost = Cost()
    credential: Optional[Short] = None
    support_services: list[Support] = []
    paid: Optional[bool] = None
    starts: list[Start] = []
    rolling: Optional[bool] = None
    how_to_apply: Optional[Text] = None
    apply_url: Optional[HttpUrl] = None
    eligibility: Eligibility = Eligibility()


class Amount(Strict):
    max: Optional[float] = Field(None, ge=0)
    per: Optional[Literal["year", "program", "once", "month", "semester", "course"]] = None
    note: Optional[Text] = None


FundingKind = Literal[
    "scholarship", "tuition_support", "tuition_reimbursement", "fellowship", "grant", "stipend",
]


class FundingIn(Record):
    name: Short
    kind: FundingKind
    sponsor: Optional[Key] = None
    amount: Amount = Amount()
    covers_full_tuition: Optional[bool] = None
    pays_for: list[Short] = []
    occupations: list[Key] = []
    programs: list[Key] = []
    description: Optional[Text] = None
    deadline: Optional[dt.date] = None
    rolling: Optional[bool] = None
    how_to_apply: Optional[Text] = None
    apply_url: Optional[HttpUrl] = None
    eligibility: Eligibility = Eligibility()
    audiences: list[Audience] = []

    @field_validator("pays_for")
    @classmethod
    def _lower(cls, value: list[str]) -> list[str]:
        return [item.lower() for item in value]


class RoleIn(Strict):
    """One open role, as read from a JobPosting feed or a CSV file."""

    source_id: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    title: Short
    soc_code: Optional[Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{4}(\.\d{2})?$")]] = None
    occupation: Optional[Key] = None
    employer: Optional[Short] = None
    zip: Optional[Annotated[str, StringConstraints(pattern=r"^\d{5}$")]] = None
    city: Optional[Short] = None
    state: Optional[StateCode] = None
    lat: Optional[float] = Field(None, ge=-90, le=90)
    lon: Optional[float] = Field(None, ge=-180, le=180)
    entry_level: Optional[bool] = None
    requirements: Optional[Text] = None
    education_level: Optional[EducationLevel] = None
    pay_min: Optional[float] = Field(None, ge=0)
    pay_max: Optional[float] = Field(None, ge=0)
    pay_period: Optional[Literal["hour", "year", "month", "week"]] = None
    employment_type: Optional[Short] = None
    date_posted: Optional[dt.date] = None
    valid_through: Optional[dt.date] = None
    url: Optional[HttpUrl] = None
    description: Optional[Text] = None
    demo: bool = False
    source_url: Optional[HttpUrl] = None


# What each YAML file holds: file stem -> (record kind, model).
YAML_FILES = {
    "occupations": OccupationIn,
    "organizations": OrganizationIn,
    "programs": ProgramIn,
    "funding": FundingIn,
}
