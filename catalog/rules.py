"""What a fact rests on and who a program is for: citations (a source and the passage that says
it) and the structured eligibility rules, with the plain words records share.

A rule says exactly what its passage says: the union or coalition the passage names, every
condition it states (a probation period), the jobs and degrees a "position" means, whether a group
comes first or alone may apply (or that the words do not say), and the application cycle a passage
speaks of when it names one.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Any, Generic, Literal, Optional, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, model_validator

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
    """Where a fact comes from: a seed document or a URL, and the passage that says it. `cycle`
    names the application cycle the passage speaks of ("2023-2024") when it names one, so a
    verdict says the rule is that cycle's, not today's."""

    source: SourceRef
    quote: Quote
    cycle: Optional[Short] = None


T = TypeVar("T")


class Rule(Cited, Generic[T]):
    """One eligibility rule, with its source: `{value: 18, source: ..., quote: "18 years of age or older"}`."""

    value: T




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
    """The groups a program serves; `required: true` when only they may apply, `false` when they
    come first, `unclear` when the words name them without saying which (the verdict says so)."""

    required: bool | Literal["unclear"] = False


class PositionRule(Rule[Short]):
    """A rule for people who hold a position, in words, with what settles it: the jobs
    (`occupations`) and the degree (`education`) that hold it. `only`: the words rule out other
    jobs ("physicians and postdoctoral professionals"); otherwise another job leaves it open
    ("leaders" come from many jobs). `ask`: what the job cannot settle, asked in words."""

    occupations: list[Key] = []
    education: Optional[EducationLevel] = None
    only: bool = False
    ask: Optional[Short] = None


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
    # The unions or coalitions the passage names ("KP Alliance (or KP Coalition) union member").
    unions: Optional[Rule[list[Key]]] = None
    # Conditions the passage states that no profile fact settles ("has completed their
    # probationary period"): the verdict names each one and stays "maybe".
    conditions: Optional[Rule[list[Short]]] = None
    current_occupations: Optional[Rule[list[Key]]] = None
    student_status: Optional[Rule[list[StudentStatus]]] = None
    # Only for people who work in a position (e.g. "leaders of safety-net hospitals and health centers").
    position: Optional[PositionRule] = None
    groups: Optional[GroupsRule] = None
    unpublished: Optional[Unpublished] = None
    text: Optional[Text] = None

    def values(self) -> dict[str, Any]:
        """The rules without their sources, as the eligibility checks read them."""
        return plain_rules(self.model_dump(mode="json", exclude_none=True))


RULE_FIELDS = tuple(name for name in Eligibility.model_fields if name not in ("unpublished", "text"))


def plain_rules(document: dict | None) -> dict[str, Any]:
    """A stored eligibility document (rules with sources) as plain values: `{"min_age": 18, ...}`;
    groups add `groups_required`, a position what settles it (`position_occupations`,
    `position_education`, `position_only`, `position_ask`), and `cycles` names the rules that
    speak of one application cycle."""
    document = document or {}
    rules: dict[str, Any] = {}
    for name in RULE_FIELDS:
        rule = document.get(name)
        if isinstance(rule, dict) and "value" in rule:
            rules[name] = rule["value"]
            if name == "groups":
                required = rule.get("required", False)
                rules["groups_required"] = required if required == "unclear" else bool(required)
            if name == "position":
                for part in ("occupations", "education", "only", "ask"):
                    rules[f"position_{part}"] = rule.get(part)
            if rule.get("cycle"):
                rules.setdefault("cycles", {})[name] = rule["cycle"]
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
