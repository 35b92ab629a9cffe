"""What the person told us, as the catalog's Profile, and the profile form that asks for it.

`validate_profile_form` asks only what the current search needs (by `search_kind`), turns free
answers ("I'm 16", "10th grade", "GED", "Fresno, CA") into slot values, and re-asks politely with
an example when an answer cannot be used.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import render
from actions.catalog_client import CatalogError, CatalogUnavailable, call
from actions.records import KEY, find_target

EDUCATION_LEVELS = ("none", "some_high_school", "high_school", "some_college", "certificate",
                    "associate", "bachelor", "master", "doctorate")
MIN_AGE, MAX_AGE = 10, 110  # what the catalog's Profile accepts
ADULT_AGE = 18


# --- reading answers ---------------------------------------------------------------------------

ZIP = re.compile(r"\b(\d{5})(?:-\d{4})?\b")
LEAD_IN = re.compile(
    r"^(?:i\s*(?:'m|am)\s+(?:in|from|near|at)|i\s+live\s+(?:in|near|at)|we\s+live\s+in|"
    r"i\s+stay\s+in|my\s+(?:city|zip(?:\s+code)?)\s+is|it'?s|in|near|from|around|close\s+to)\s+",
    re.I,
)


def parse_location(text: Any) -> Optional[dict]:
    """{"zip", "city", "state"} from an answer, or None when it names no place we could look up."""
    text = str(text or "").strip()
    found = ZIP.search(text)
    if found:
        return {"zip": found.group(1), "city": None, "state": None}
    cleaned = LEAD_IN.sub("", text).strip(" .!?")
    if not cleaned or len(cleaned) > 60 or re.search(r"[\d@/]", cleaned):
        return None
    if "," in cleaned:
        city, state = (part.strip() for part in cleaned.split(",", 1))
    else:
        words = cleaned.split()
        # "Fresno CA": a trailing two-letter word is a state code.
        if len(words) > 1 and len(words[-1]) == 2 and words[-1].isalpha():
            city, state = " ".join(words[:-1]), words[-1]
        else:
            city, state = cleaned, ""
    city = city.title() if city.islower() else city
    state = state.upper() if len(state) == 2 else (state.title() if state.islower() else state)
    if not city and not state:
        return None
    return {"zip": None, "city": city or None, "state": state or None}


def location_text(place: dict) -> str:
    """How a confirmed place is kept in the `location` slot."""
    return place.get("zip") or ", ".join(p for p in (place.get("city"), place.get("state")) if p)


GRADE_WORDS = {"freshman": 9, "sophomore": 10, "junior": 11, "senior": 12}
GRADE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*grade|\bgrade\s*(\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th)?\s*grader\b", re.I)
NUMBER_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def parse_grade(value: Any, bare: bool = True) -> Optional[int]:
    """A school grade from "10th grade", "grade 11", "sophomore"; a bare number ("10", as the grade
    entity and slot hold it) counts only when `bare`, because "10" answering "how old are you?" is an age."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = int(value)
        return number if bare and 1 <= number <= 12 else None
    text = str(value or "").strip().lower()
    if re.fullmatch(r"\d{1,2}(?:\.0)?", text):
        return parse_grade(float(text), bare)
    found = GRADE.search(text)
    if found:
        return parse_grade(int(next(g for g in found.groups() if g)))
    for word, grade in GRADE_WORDS.items():
        if re.search(rf"\b{word}\b", text):
            return grade
    return None


def parse_age(value: Any) -> Optional[int]:
    """Years of age from "17", "I'm 16", "twenty-four"; None when there is no believable age."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = int(value)
        return number if MIN_AGE <= number <= MAX_AGE else None
    text = str(value or "").strip().lower()
    found = re.search(r"\b(\d{1,3})(?:\.0)?\b", text)
    if found:
        return parse_age(int(found.group(1)))
    words = re.findall(r"[a-z]+", text)
    for i, word in enumerate(words):
        if word in NUMBER_WORDS:
            number = NUMBER_WORDS[word]
            if number >= 20 and i + 1 < len(words) and words[i + 1] in UNITS:
                number += UNITS[words[i + 1]]
            return parse_age(number)
    return None


# Checked in order: the first phrase found wins, so "still in high school" is not read as a diploma.
EDUCATION_PHRASES = [
    ("doctorate", r"doctor(?:ate|al)|ph\.?\s?d|\bmd\b|\bdnp\b|psy\.?\s?d"),
    ("master", r"master|\bmsn\b|\bmsw\b|\bmph\b|\bmba\b|graduate degree"),
    ("bachelor", r"bachelor|\bbsn\b|\bb\.?a\b|\bb\.?s\b|4[- ]year degree|four[- ]year degree|college degree"),
    ("associate", r"associate|\badn\b|\ba\.?a\b|\ba\.?s\b|2[- ]year degree|two[- ]year degree|community college degree"),
    ("certificate", r"certificat|\bcert\b|\bcna\b|\blvn\b|\blpn\b"),
    ("some_college", r"some college|in college|college student|started college|some classes|community college"),
    ("some_high_school", r"still in (?:high )?school|in high school|high school student|some high school|"
                         r"didn'?t finish|did not finish|dropped out|no diploma|middle school|\b(?:9|10|11|12)th grade|"
                         r"freshman|sophomore|junior|senior"),
    ("high_school", r"diploma|\bged\b|\bhi ?set\b|high school|graduated|finished school"),
    ("none", r"^(?:none|no|nothing|no school|never went)$"),
]


def parse_education(value: Any) -> Optional[str]:
    text = str(value or "").strip().lower()
    if text in EDUCATION_LEVELS:
        return text
    for level, pattern in EDUCATION_PHRASES:
        if re.search(pattern, text):
            return level
    return None


def parse_yes_no(value: Any) -> Optional[bool]:
    if isinstance(value, bool):
        return value
    text = str(value or "").strip().lower()
    if re.match(r"^(?:yes|yeah|yep|yup|sure|true|i do|correct|y)\b", text):
        return True
    if re.match(r"^(?:no|nope|nah|false|i don'?t|not|n)\b", text):
        return False
    return None


def as_key(value: Any) -> Optional[str]:
    """An organization key from a name: "Kaiser Permanente" -> kaiser_permanente."""
    text = re.sub(r"^(?:i\s+work\s+(?:at|for)|at|for)\s+", "", str(value or "").strip().lower())
    key = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    return key if KEY.match(key) else None


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


def first(value: Any) -> Any:
    """A text slot filled by two entities at once holds a list; the first is what was meant."""
    return value[0] if isinstance(value, list) and value else value


# --- the catalog Profile -----------------------------------------------------------------------

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


# --- the form ----------------------------------------------------------------------------------

async def confirm_place(place: dict) -> tuple[Optional[dict], Optional[str]]:
    """Ask the catalog whether it can place the answer (the catalog owns the map of ZIPs, cities
    and states). A single word may be a state ("Washington") or a city ("Seattle"): states first.
    Returns (place, None) or (None, the catalog's reason)."""
    tries = [place]
    if place.get("city") and not place.get("state") and not place.get("zip"):
        tries = [{"zip": None, "city": None, "state": place["city"]}, place]
    problem = None
    for candidate in tries:
        params = {"zip": candidate["zip"], "city": candidate["city"], "state": candidate["state"], "per_page": 1}
        try:
            await call("GET", "/programs", params=params)
            return candidate, None
        except CatalogError as error:
            problem = error.detail
        except CatalogUnavailable:
            # The search itself will say the catalog is away; keep the answer rather than re-ask.
            return place, None
    return None, problem


class ValidateProfileForm(FormValidationAction):
    def name(self) -> str:
        return "validate_profile_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        kind = tracker.get_slot("search_kind")
        if kind == "career":
            return []
        if kind == "jobs":
            return ["location"]
        if kind == "tuition":
            needed = [] if isinstance(tracker.get_slot("employee"), bool) else ["employee"]
            # Someone who does not work in health care has no employer benefit to look up.
            if tracker.get_slot("employee") is False:
                return needed
            # Employer benefits are often regional (Northern California only, say), so ask where too.
            return needed + ["employer", "current_occupation", "location"]
        # programs, funding, pathway, eligibility (and a search of unknown kind)
        age = [] if tracker.get_slot("grade") is not None else ["age"]
        program = ["program"] if kind == "eligibility" else []
        return [*program, "location", *age, "education"]

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: DomainDict) -> list[EventType]:
        events = await super().get_validation_events(dispatcher, tracker, domain)
        # is_minor follows age or grade however they were filled (answer, entity, correction).
        changed = {e["name"]: e["value"] for e in events}
        age = changed["age"] if "age" in changed else tracker.get_slot("age")
        grade = changed["grade"] if "grade" in changed else tracker.get_slot("grade")
        is_minor = minor(parse_age(age) if age is not None else None, parse_grade(grade) if grade is not None else None)
        if is_minor is not None and is_minor != tracker.get_slot("is_minor"):
            events.append(SlotSet("is_minor", is_minor))
        return events

    async def validate_location(self, value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: DomainDict) -> dict:
        place = parse_location(entity_value(tracker, "zip") or places_said(tracker) or first(value))
        problem = None
        if place:
            place, problem = await confirm_place(place)
        if not place:
            reason = f" {problem}" if problem and "ZIP" in problem else ""
            render.say(dispatcher, "Sorry, I couldn't find that place." + (reason or " A 5-digit ZIP code works best, like 93701."))
            return {"location": None, "zip": None, "city": None, "state": None}
        return {"location": location_text(place), **place}

    async def validate_age(self, value: Any, dispatcher: CollectingDispatcher,
                           tracker: Tracker, domain: DomainDict) -> dict:
        text = first(value)
        grade = parse_grade(entity_value(tracker, "grade")) or parse_grade(text, bare=False)
        if grade is not None:
            # "10th grade" answers the age question well enough: a grade tells the catalog the ages.
            # "I'm 16, in 10th grade" gives both.
            age = parse_age(GRADE.sub("", str(text))) if isinstance(text, str) else None
            return {"age": float(age) if age is not None else None, "grade": float(grade)}
        age = parse_age(text)
        if age is None:
            render.say(dispatcher, "Sorry, I didn't get your age. Send just the number, like 17, or your grade, like 10th grade.")
            return {"age": None}
        return {"age": float(age)}

    async def validate_education(self, value: Any, dispatcher: CollectingDispatcher,
                                 tracker: Tracker, domain: DomainDict) -> dict:
        level = parse_education(entity_value(tracker, "education") or value)
        if level is None:
            render.say(dispatcher, 'Sorry, I didn\'t get that. You can say something like "high school diploma", "still in high school" or "some college".')
        return {"education": level}

    async def validate_employee(self, value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: DomainDict) -> dict:
        answer = parse_yes_no(value)
        if answer is None and isinstance(value, str) and value in ("employee", "not_employee"):
            answer = value == "employee"
        if answer is None:
            render.say(dispatcher, "Sorry, please answer yes or no.")
        return {"employee": answer}

    async def validate_employer(self, value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: DomainDict) -> dict:
        key = as_key(entity_value(tracker, "employer") or first(value))
        if key is None:
            render.say(dispatcher, "Sorry, I didn't get who you work for. Try the name, like Kaiser Permanente.")
        return {"employer": key}

    async def validate_current_occupation(self, value: Any, dispatcher: CollectingDispatcher,
                                          tracker: Tracker, domain: DomainDict) -> dict:
        said = str(first(value) or "").strip()[:80]
        if not said:
            return {"current_occupation": None}
        try:
            found = await call("GET", "/occupations/lookup", params={"name": said})
        except (CatalogUnavailable, CatalogError):
            # The search says so if the catalog is away; keep the words rather than re-ask.
            return {"current_occupation": said}
        match = found.get("match") if isinstance(found, dict) else None
        # A job the catalog does not list is still an answer: benefits for named jobs won't apply.
        return {"current_occupation": match["key"] if match else "other"}

    async def validate_program(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: DomainDict) -> dict:
        wanted = entity_value(tracker, "program") or first(value)
        try:
            target = await find_target(str(wanted or ""))
        except (CatalogUnavailable, CatalogError):
            # action_check_eligibility looks it up again and says so if the catalog is away.
            return {"program": wanted}
        if target is None:
            render.say(dispatcher, f"Sorry, I couldn't find a program called \"{wanted}\". Try its full name, like Futuro Health medical assistant training.")
            return {"program": None}
        return {"program": target[1]["key"]}
