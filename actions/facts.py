"""What the person told us, as the catalog's `facts` object (the same for every /guide call).

Slots fill from entities in any message (domain/profile.yml). Here we add what entities cannot
carry: a place said as two entities ("Houston" and "Texas"), and a bare reply ("19", "Pasadena,
CA", "GED") to the fact the last answer asked for. Nothing here decides what the facts mean:
the catalog decides who is a minor and which place a name is.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa_sdk import Tracker

from actions.parsers import LEAD_IN, first, parse_age, parse_education, parse_grade, parse_yes_no

# Facts a bare reply can give, and how to read it. Longer replies are sentences, not answers.
MAX_REPLY_CHARS = 80
YES_NO_FACTS = {"employee", "student"}


def entity_value(tracker: Tracker, entity: str, role: Optional[str] = None) -> Optional[str]:
    """The first value of `entity` in the latest message; with role None, only entities without one."""
    for found in tracker.latest_message.get("entities") or []:
        if found.get("entity") == entity and found.get("role") == role:
            return found.get("value")
    return None


def subject_value(tracker: Tracker, entity: str) -> Optional[str]:
    """An occupation or program named in the latest message, unless the same words were also
    read as a place ("Pasadena" answering "where do you live?" is not a career)."""
    entities = tracker.latest_message.get("entities") or []
    places = [(e.get("start"), e.get("end")) for e in entities if e.get("entity") in ("GPE", "zip")]
    for found in entities:
        if found.get("entity") != entity or found.get("role") is not None:
            continue
        start, end = found.get("start"), found.get("end")
        overlaps = start is not None and any(s is not None and s < end and start < e for s, e in places)
        if not overlaps:
            return found.get("value")
    return None


# "the KP School of Allied Health radiology program": which of the school's programs.
WHICH_PROGRAM = re.compile(r"^\s+((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)\s+(?:program|course|training|class)", re.I)


def program_said(tracker: Tracker) -> Optional[str]:
    """The program named in the latest message, with the words that say which of an
    organisation's programs is meant; the catalog resolves the name or says it back."""
    value = subject_value(tracker, "program")
    text = str(tracker.latest_message.get("text") or "")
    for found in tracker.latest_message.get("entities") or []:
        if found.get("entity") == "program" and found.get("value") == value and found.get("end"):
            which = WHICH_PROGRAM.match(text[found["end"]:])
            if which:
                return f"{value} {which.group(1)}"
    return value


def places_said(tracker: Tracker) -> Optional[str]:
    """The place named in the latest message: a ZIP code, else every GPE joined ("Houston, Texas"),
    since the slot keeps only one of several entities (two extractors may also give one twice)."""
    zip_code = entity_value(tracker, "zip")
    if zip_code:
        return str(zip_code)
    names: dict[str, str] = {}
    entities = sorted(tracker.latest_message.get("entities") or [], key=lambda e: e.get("start") or 0)
    for found in entities:  # in the order said: "Houston, Texas", not "Texas, Houston"
        if found.get("entity") == "GPE" and isinstance(found.get("value"), str):
            names.setdefault(found["value"].lower(), found["value"])
    return ", ".join(names.values()) or None


def intent_of(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def reply_to(asked: Optional[str], tracker: Tracker) -> dict[str, Any]:
    """Slot values a short reply with no fact entity gives: the fact that was asked when the
    reply reads as one, else the fact it plainly is ("16" answering "where do you live?" is an age)."""
    text = str(tracker.latest_message.get("text") or "").strip()
    intent = intent_of(tracker)
    if not asked or text.startswith("/") or intent in ("affirm", "deny"):
        answer = intent == "affirm" if intent in ("affirm", "deny") else None
        if asked in YES_NO_FACTS and answer is not None:
            return {asked: answer}
        if asked == "union" and answer is not None:
            return {"union": "member" if answer else "none"}
        return {}
    if len(text) > MAX_REPLY_CHARS:
        return {}
    if asked in YES_NO_FACTS:
        answer = parse_yes_no(text)
        return {asked: answer} if answer is not None else {}
    plain = plain_fact(text)
    if asked in ("age", "grade", "education"):
        return plain
    if plain:
        return plain  # a different fact than the one asked is kept, not refused
    if asked == "place":
        # The catalog places it or says plainly that it can't; never guessed here.
        words = LEAD_IN.sub("", text).strip(" .!?")
        return {"place": words} if words and not re.search(r"[@/]", words) else {}
    if asked in ("employer", "union", "current_occupation"):
        words = re.sub(r"^(?:i\s+work\s+(?:at|for)|at|for|i'?m\s+an?|i\s+am\s+an?)\s+", "", text, flags=re.I)
        return {asked: words.strip(" .!?")} if words.strip(" .!?") else {}
    return {}


def plain_fact(text: str) -> dict[str, Any]:
    """A reply that is plainly an age ("19"), a grade ("11th grade") or schooling ("GED")."""
    grade = parse_grade(text, bare=False)
    if grade is not None:
        return {"grade": text}
    if re.fullmatch(r"(?:i'?m\s+|i\s+am\s+)?\d{1,3}(?:\s*(?:years?\s*old|y/?o))?", text.strip(" .!?"), re.I):
        age = parse_age(text)
        return {"age": str(age)} if age is not None else {}
    level = parse_education(text)
    return {"education": level} if level else {}


def as_bool(value: Any) -> Optional[bool]:
    """The employee slot: True/False from a yes/no reply, or the employee_status entity's value."""
    value = first(value)
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    if text in ("not_employee", "not employee", "unemployed"):
        return False
    return True if text else None


def as_list(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [str(v) for v in values if v not in (None, "")]


def facts_of(slots: dict[str, Any]) -> dict[str, Any]:
    """The catalog's facts object from slot values: what we know, as said; null when unknown."""
    def text(name: str) -> Optional[str]:
        value = first(slots.get(name))
        return str(value).strip() if value not in (None, "") else None

    age = parse_age(first(slots.get("age"))) if slots.get("age") is not None else None
    grade = text("grade")
    education = text("education")
    student = slots.get("student")
    if student is None and (grade or parse_education(education) == "some_high_school"):
        # Being in school is what they said (a grade, "still in high school"), not a guess.
        student = True
    return {
        "age": age,
        "grade": grade,
        "place": text("place"),
        "education": education,
        "student": student if isinstance(student, bool) else None,
        "employee": as_bool(slots.get("employee")),
        "employer": text("employer"),
        "union": text("union"),
        "current_occupation": text("current_occupation"),
        "groups": as_list(slots.get("group")),
    }


def known(facts: dict[str, Any], fact: str) -> bool:
    """Whether the person already told us `fact` (so it is never asked again)."""
    if fact == "groups" or fact == "group":
        return bool(facts.get("groups"))
    return facts.get(fact) is not None
