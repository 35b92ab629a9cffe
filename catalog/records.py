"""The shapes of catalog records as people write them (YAML, CSV) and as the API returns them.

Validation is strict (unknown fields are an error) so a typo in a seed file cannot silently drop a
fact. The same models check every importer's input, so YAML and CSV follow one set of rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Optional

from pydantic import Field, HttpUrl, StringConstraints, field_validator, model_validator

# The plain words, citations and rules live in catalog.rules; they are named here too because
# every record is made of them.
from catalog.rules import (  # noqa: F401 (re-exported: the record shapes' vocabulary)
    EDUCATION_LEVELS, EDUCATION_WORDS, Cited, Rule, EducationLevel, Eligibility, Group, Key, Quote,
    Short, SourceRef, StateCode, Strict, Text, is_seed, plain_rules, rule_sources,
)

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
    # The passages behind every figure and every "free" the record's words state (description,
    # notes, how to apply): a number in free text must be in one of the record's quotes.
    cited: list[Cited] = []

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
    # `federation`: a coalition of unions (its member list is not complete here).
    roles: list[Literal["provider", "sponsor", "employer", "union", "federation"]] = []
    website: Optional[HttpUrl] = None
    description: Optional[Text] = None
    states: list[StateCode] = []
    # For a union: the unions and coalitions it belongs to, as its sources say.
    member_of: Optional[Rule[list[Key]]] = None


class Location(Strict):
    states: list[StateCode] = []
    regions: list[Short] = []
    cities: list[Short] = []
    # Null when the sources do not say (never a guess either way).
    online: Optional[bool] = None


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
