"""Eligibility rules in plain words: who a program is for, as sentences a 15-year-old
understands, for showing a program before anyone is checked against it (and for the verdicts)."""

from __future__ import annotations

from typing import Callable

from catalog import geo
from catalog.records import EDUCATION_WORDS

GROUP_WORDS = {
    "low_income": "people with low incomes",
    "veteran": "veterans",
    "disability": "people with disabilities",
    "homelessness": "people experiencing homelessness",
    "justice_involved": "people coming home from jail or prison",
    "youth": "young people",
    "first_generation": "first-generation college students",
    "underrepresented": "people from groups under-represented in health care",
    "hispanic_latino": "Hispanic and Latino students",
    "black": "Black students",
    "african_american": "African American students",
    "native_american": "Native American students",
    "asian_american": "Asian American students",
    "women": "women",
    "lgbtq": "LGBTQ people",
}

STUDENT_WORDS = {
    "middle_school": "middle-school students",
    "high_school": "high-school students",
    "college": "college students",
    "graduate": "graduate students",
}


def join_words(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " or " + words[-1]


def _states(codes: list[str]) -> str:
    return join_words([geo.STATE_NAMES.get(code, code) for code in codes])


UNION_WORDS = {
    "represented": "employees whose job is covered by a union contract",
    "non_represented": "employees whose job is not covered by a union contract",
}


def unpublished_sentence(unpublished: dict) -> str:
    return f"{unpublished.get('what', 'who can apply').capitalize()} is not published: ask {unpublished['ask']} ({unpublished['url']})."


def describe(rules: dict, name_of: Callable[[str], str]) -> list[str]:
    """The rules as plain sentences, for showing a program before anyone is checked against it."""
    lines = []
    low, high = rules.get("min_age"), rules.get("max_age")
    if low is not None and high is not None:
        lines.append(f"For ages {low} to {high}.")
    elif low is not None:
        lines.append(f"For people {low} and older.")
    elif high is not None:
        lines.append(f"For people {high} and younger.")
    if rules.get("min_grade") or rules.get("max_grade"):
        low, high = rules.get("min_grade") or 1, rules.get("max_grade") or 12
        lines.append(f"For students in grades {low} to {high}." if low != high else f"For students in grade {low}.")
    if rules.get("student_status"):
        lines.append(f"For {join_words([STUDENT_WORDS[s] for s in rules['student_status']])}.")
    if rules.get("education") and rules["education"] != "none":
        lines.append(f"You need {EDUCATION_WORDS[rules['education']]}.")
    if rules.get("states"):
        lines.append(f"For people who live in {_states(rules['states'])}.")
    if rules.get("regions"):
        lines.append(f"For people in the {join_words(rules['regions'])} area.")
    if rules.get("position"):
        lines.append(f"For {rules['position']}.")
    if rules.get("employer"):
        lines.append(f"Open only to {name_of(rules['employer'])} employees.")
    elif rules.get("employees_only"):
        lines.append("Open only to employees of the employers that take part.")
    if rules.get("union_status"):
        lines.append(f"For {UNION_WORDS[rules['union_status']]}.")
    if rules.get("unions"):
        lines.append(f"For members of {join_words([name_of(k) for k in rules['unions']])}.")
    for condition in rules.get("conditions") or []:
        lines.append(f"You need to have {condition}.")
    if rules.get("current_occupations"):
        lines.append(f"For people working as {join_words([name_of(k) for k in rules['current_occupations']])}.")
    if rules.get("groups"):
        who = join_words([GROUP_WORDS.get(g, g) for g in rules["groups"]])
        required = rules.get("groups_required")
        lines.append(f"For {who} (the source does not say whether others can join)." if required == "unclear"
                     else f"Only for {who}." if required else f"Priority for {who}.")
    if rules.get("unpublished"):
        lines.append(unpublished_sentence(rules["unpublished"]))
    for cycle in sorted(set((rules.get("cycles") or {}).values())):
        lines.append(f"These rules are from the {cycle} cycle; check the current one.")
    return lines
