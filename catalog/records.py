"""The shapes of catalog records as people write them (YAML, CSV) and as the API returns them.

Validation is strict (unknown fields are an error) so a typo in a seed file cannot silently drop a
fact. The same models check every importer's input, so YAML and CSV follow one set of rules.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any, Generic, Literal, Optional, TypeVar

from pydantic import (
    AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, field_validator,
    model_validator,
)

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


# A seed document of the product (`../shared/seeds/000_8c03b5a5078ccf22.txt`), named by its file name.
SEED_FILE = re.compile(r"^\d{3}_[0-9a-f]{16}\.txt$")


def _source_ref(value: str) -> str:
    if SEED_FILE.match(value) or re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
        return value
    raise ValueError("a source is a seed document's file name (like 000_8c03b5a5078ccf22.txt) or an http(s) URL")


def is_seed(source: str) -> bool:
    return bool(SEED_FILE.match(source))


SourceRef = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500), AfterValidator(_source_ref)]
# The words of the source that support a fact: one sentence at most, copied exactly.
Quote = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=400)]


class Cited(Strict):
    """Where a fact comes from: a seed document or a URL, and the passage that says it."""

    source: SourceRef
    quote: Quote


T = TypeVar("T")


class Rule(Cited, Generic[T]):
    """One eligibility rule, with its source: `{value: 18, source: ..., quote: "18 years of age or older"}`."""

    value: T


class Record(Strict):
    key: Key
    # Where a person can confirm the record's facts (the link the assistant gives).
    source_url: HttpUrl
    notes: Optional[Text] = None


class SourcedRecord(Record):
    """Programs, funds and organizations: every fact says where it comes from, and `recorded` says
    when the facts were copied from those sources. `last_verified` is not written by hand: only
    `python -m ops verify-sources` sets it, by checking the sources."""

    # Every document the record's facts were taken from (seed file names or URLs).
    sources: Annotated[list[SourceRef], Field(min_length=1)]
    recorded: dt.date
    aliases: list[Short] = []

    @model_validator(mode="before")
    @classmethod
    def _no_hand_stamps(cls, value: Any) -> Any:
        if isinstance(value, dict) and "last_verified" in value:
            raise ValueError("last_verified is set only by checking the sources (python -m ops verify-sources); write 'recorded' for when the facts were taken")
        return value


class OccupationIn(Record):
    last_verified: dt.date
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
    # Narrower careers whose local pay is shown where BLS publishes none for this one (BLS gives
    # the Los Angeles area figures for family doctors and pediatricians, none for all physicians).
    pay_examples: list[Key] = []


class OrganizationIn(SourcedRecord):
    name: Short
    roles: list[Literal["provider", "sponsor", "employer", "union"]] = []
    website: Optional[HttpUrl] = None
    description: Optional[Text] = None
    states: list[StateCode] = []


class Group(str, Enum):
    """Groups people belong to or ask about (docs/conversation.md, entity `group`)."""

    low_income = "low_income"
    veteran = "veteran"
    disability = "disability"
    homelessness = "homelessness"
    justice_involved = "justice_involved"
    youth = "youth"
    first_generation = "first_generation"
    underrepresented = "underrepresented"
    hispanic_latino = "hispanic_latino"
    black = "black"
    african_american = "african_american"
    native_american = "native_american"
    asian_american = "asian_american"
    women = "women"
    lgbtq = "lgbtq"


StudentStatus = Literal["middle_school", "high_school", "college", "graduate"]
UnionStatus = Literal["represented", "non_represented"]
Age = Annotated[int, Field(ge=0, le=120)]
Grade = Annotated[int, Field(ge=1, le=12)]


class GroupsRule(Rule[list[Group]]):
    """The groups a program serves; `required: true` when only they may apply, not just first."""

    required: bool = False


class Unpublished(Strict):
    """The sources say nothing about who may apply (or about some rule): say so, and who to ask."""

    what: Short = "who can apply"
    ask: Short
    url: HttpUrl


class Eligibility(Strict):
    """Structured rules. Each one carries the source and passage that state it; a rule the sources
    do not state is left out (and `unpublished` says who to ask), never guessed. Where a program is
    held is its `location`, not a rule here, unless a source says only residents may apply."""

    min_age: Optional[Rule[Age]] = None
    max_age: Optional[Rule[Age]] = None
    min_grade: Optional[Rule[Grade]] = None
    max_grade: Optional[Rule[Grade]] = None
    education: Optional[Rule[EducationLevel]] = None
    states: Optional[Rule[list[StateCode]]] = None
    regions: Optional[Rule[list[Short]]] = None
    employees_only: Optional[Rule[bool]] = None
    employer: Optional[Rule[Key]] = None
    union_status: Optional[Rule[UnionStatus]] = None
    current_occupations: Optional[Rule[list[Key]]] = None
    student_status: Optional[Rule[list[StudentStatus]]] = None
    # Only for people who work in a position (e.g. "leaders of safety-net hospitals and health centers").
    position: Optional[Rule[Short]] = None
    groups: Optional[GroupsRule] = None
    unpublished: Optional[Unpublished] = None
    text: Optional[Text] = None

    def values(self) -> dict[str, Any]:
        """The rules without their sources, as the eligibility checks read them."""
        return plain_rules(self.model_dump(mode="json", exclude_none=True))


RULE_FIELDS = tuple(name for name in Eligibility.model_fields if name not in ("unpublished", "text"))


def plain_rules(document: dict | None) -> dict[str, Any]:
    """A stored eligibility document (rules with sources) as plain values: `{"min_age": 18, ...}`;
    groups become `groups` and `groups_required`."""
    document = document or {}
    rules: dict[str, Any] = {}
    for name in RULE_FIELDS:
        rule = document.get(name)
        if isinstance(rule, dict) and "value" in rule:
            rules[name] = rule["value"]
            if name == "groups":
                rules["groups_required"] = bool(rule.get("required"))
    for name in ("unpublished", "text"):
        if document.get(name) is not None:
            rules[name] = document[name]
    return rules


def rule_sources(document: dict | None) -> dict[str, dict]:
    """`{rule name: {"source", "quote"}}` of a stored eligibility document."""
    return {
        name: {"source": rule["source"], "quote": rule["quote"]}
        for name, rule in (document or {}).items()
        if isinstance(rule, dict) and "source" in rule and "value" in rule
    }


class Location(Strict):
    states: list[StateCode] = []
    regions: list[Short] = []
    cities: list[Short] = []
    online: bool = False


Period = Literal["year", "program", "once", "month", "semester", "course"]


class Cost(Strict):
    """What the learner pays. `tuition: 0` ("free to you") and any amount need a source and the
    passage that says so; without one, leave `tuition` out and say what is known in `note`."""

    tuition: Optional[float] = Field(None, ge=0)
    per: Optional[Period] = None
    source: Optional[SourceRef] = None
    quote: Optional[Quote] = None
    covered: Optional[Text] = None
    note: Optional[Text] = None

    @model_validator(mode="after")
    def _sourced(self) -> "Cost":
        if self.tuition is not None:
            if not (self.source and self.quote):
                raise ValueError("a tuition figure (0 for free) needs the source and quote that state it")
            if self.tuition > 0 and not self.per:
                raise ValueError("a tuition figure needs the period it applies to ('per')")
        return self


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


class ProgramIn(SourcedRecord):
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
    """How much a fund gives. A figure needs the period it applies to and the passage that states it."""

    max: Optional[float] = Field(None, ge=0)
    per: Optional[Period] = None
    source: Optional[SourceRef] = None
    quote: Optional[Quote] = None
    note: Optional[Text] = None

    @model_validator(mode="after")
    def _sourced(self) -> "Amount":
        if self.max is not None and not (self.per and self.source and self.quote):
            raise ValueError("an amount needs the period it applies to ('per'), and the source and quote that state it")
        return self


FundingKind = Literal[
    "scholarship", "tuition_support", "tuition_reimbursement", "fellowship", "grant", "stipend",
]


class FundingIn(SourcedRecord):
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

    @model_validator(mode="after")
    def _full_tuition_sourced(self) -> "FundingIn":
        if self.covers_full_tuition and not self.amount.quote:
            raise ValueError("covers_full_tuition needs amount.source and amount.quote saying so")
        return self


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
