"""The profile form: asks only what the current search needs (by `search_kind`), turns free
answers ("I'm 16", "10th grade", "GED", "Fresno, CA") into slot values, and re-asks politely with
an example when an answer cannot be used."""

from __future__ import annotations

from typing import Any, Optional

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions import render
from actions.catalog_client import CatalogError, CatalogUnavailable, call
from actions.parsers import (
    GRADE, as_key, first, location_text, parse_age, parse_education, parse_grade, parse_location,
    parse_yes_no,
)
from actions.profile import entity_value, minor, places_said
from actions.records import find_target

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
