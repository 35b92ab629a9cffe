"""What the person told us, as the catalog's Profile (docs/catalog-api.md)."""

from __future__ import annotations

from typing import Any, Optional

from rasa_sdk import Tracker

from actions.parsers import (
    as_key, first, location_text, parse_age, parse_education, parse_grade, parse_location,
)

ADULT_AGE = 18


def entity_value(tracker: Tracker, entity: str, role: Optional[str] = None) -> Optional[str]:
    for found in tracker.latest_message.get("entities") or []:
        if found.get("entity") == entity and (role is None or found.get("role") == role):
            return found.get("value")
    return None


def places_said(tracker: Tracker) -> Optional[str]:
    """Every place named in the last message, joined: "Seattle, WA" arrives as two entities
    ("Seattle" and "WA"), often twice (two extractors), and the slot keeps only one of them."""
    names: dict[str, str] = {}
    for found in tracker.latest_message.get("entities") or []:
        if found.get("entity") == "GPE" and isinstance(found.get("value"), str):
            names.setdefault(found["value"].lower(), found["value"])
    return ", ".join(names.values()) or None


def place_from_slots(tracker: Tracker) -> dict:
    """The confirmed place when the `location` slot still holds it, else whatever the (maybe
    corrected) location text says."""
    location = first(tracker.get_slot("location"))
    confirmed = {name: tracker.get_slot(name) for name in ("zip", "city", "state")}
    if any(confirmed.values()) and (location is None or location == location_text(confirmed)):
        return confirmed
    return parse_location(location) or {}


def minor(age: Optional[int], grade: Optional[int]) -> Optional[bool]:
    if age is not None:
        return age < ADULT_AGE
    return True if grade is not None else None


def build_profile(tracker: Tracker) -> dict:
    """The catalog Profile (docs/catalog-api.md) from the slots: only facts we actually know."""
    slots = tracker.get_slot
    profile: dict[str, Any] = {
        "age": parse_age(slots("age")) if slots("age") is not None else None,
        "grade": parse_grade(slots("grade")) if slots("grade") is not None else None,
        **place_from_slots(tracker),
        "education": parse_education(slots("education")) if slots("education") else None,
        "employee": slots("employee") if isinstance(slots("employee"), bool) else None,
        "employer": first(slots("employer")),
        "union": first(slots("union")),
        "current_occupation": first(slots("current_occupation")),
    }
    for name in ("employer", "union", "current_occupation"):
        if profile[name] is not None:
            profile[name] = as_key(profile[name])
    # A minor who has not finished high school is, in this assistant, a high-school student: the
    # education question offers "still in high school" for exactly that answer.
    if profile["education"] == "some_high_school" and minor(profile["age"], profile["grade"]):
        profile["student"] = "high_school"
    occupation = first(slots("occupation"))
    if occupation:
        profile["interests"] = [str(occupation).replace("_", " ")[:80]]
    return {name: value for name, value in profile.items() if value is not None}


