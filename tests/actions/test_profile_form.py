"""validate_profile_form: what it asks for each search, and how it reads and checks answers."""

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.profile import build_profile
from actions.profile_form import ValidateProfileForm
from tests.actions.conftest import make_tracker, run_action, slot_events, text_of

FORM = "profile_form"


def required(domain, slots):
    action = ValidateProfileForm()
    return asyncio.run(action.required_slots(action.domain_slots(domain), CollectingDispatcher(), make_tracker(slots), domain))


@pytest.mark.parametrize("slots, wanted", [
    ({"search_kind": "programs"}, ["location", "age", "education"]),
    ({"search_kind": "funding", "grade": 10.0}, ["location", "education"]),
    ({"search_kind": "eligibility"}, ["program", "location", "age", "education"]),
    ({"search_kind": "pathway"}, ["location", "age", "education"]),
    ({"search_kind": "jobs"}, ["location"]),
    ({"search_kind": "tuition"}, ["employee", "employer", "current_occupation", "location"]),
    ({"search_kind": "tuition", "employee": True}, ["employer", "current_occupation", "location"]),
    ({"search_kind": "tuition", "employee": False}, []),
    ({"search_kind": "career"}, []),
])
def test_asks_only_what_the_search_needs(domain, slots, wanted):
    assert required(domain, slots) == wanted


def validate(domain, slot, value, slots=None, entities=None, text=None):
    tracker = make_tracker({"search_kind": "programs", "requested_slot": slot, **(slots or {})},
                           text=text if text is not None else str(value), entities=entities,
                           new_slots={slot: value}, active_loop=FORM)
    messages, events = run_action(ValidateProfileForm(), tracker, domain)
    return text_of(messages), slot_events(events)


@pytest.mark.parametrize("answer, place", [
    ("93701", {"location": "93701", "zip": "93701", "city": None, "state": None}),
    ("I live in Fresno, CA", {"location": "Fresno, CA", "zip": None, "city": "Fresno", "state": "CA"}),
    ("Seattle", {"location": "Seattle", "zip": None, "city": "Seattle", "state": None}),
    ("Washington", {"location": "Washington", "zip": None, "city": None, "state": "Washington"}),
])
def test_a_place_the_catalog_knows_is_kept_as_zip_city_state(catalog, domain, answer, place):
    said, slots = validate(domain, "location", answer)
    assert said == ""
    assert {name: slots[name] for name in place} == place
    assert slots["requested_slot"] == "age"


@pytest.mark.parametrize("answer", ["Atlantisville", "00000", "my house"])
def test_an_unknown_place_is_asked_again_with_an_example(catalog, domain, answer):
    said, slots = validate(domain, "location", answer)
    assert slots["location"] is None and slots["requested_slot"] == "location"
    assert "couldn't find that place" in said and ("93701" in said or "ZIP" in said)


def test_a_zip_entity_wins_over_the_words_around_it(catalog, domain):
    said, slots = validate(domain, "location", "near the 93701 area", entities=[{"entity": "zip", "value": "93701"}])
    assert slots["zip"] == "93701"


def test_age_answers_set_is_minor(catalog, domain):
    said, slots = validate(domain, "age", "I'm 16")
    assert slots["age"] == 16.0 and slots["is_minor"] is True
    said, slots = validate(domain, "age", "24", slots={"is_minor": True})
    assert slots["age"] == 24.0 and slots["is_minor"] is False


def test_a_grade_answers_the_age_question(catalog, domain):
    said, slots = validate(domain, "age", "10th grade", slots={"location": "93701"})
    assert slots["grade"] == 10.0 and slots["age"] is None and slots["is_minor"] is True
    # With the grade known, the form moves on instead of asking the age again.
    assert slots["requested_slot"] == "education"


def test_a_bad_age_is_asked_again_politely(catalog, domain):
    said, slots = validate(domain, "age", "old enough", slots={"location": "93701"})
    assert slots["age"] is None and slots["requested_slot"] == "age"
    assert "like 17" in said


def test_schooling_words_become_levels(catalog, domain):
    said, slots = validate(domain, "education", "still in high school", slots={"location": "93701", "age": 16.0})
    assert slots["education"] == "some_high_school" and said == ""
    said, slots = validate(domain, "education", "eh", slots={"location": "93701", "age": 16.0})
    assert slots["education"] is None and "high school diploma" in said


def test_employer_names_become_catalog_keys(catalog, domain):
    said, slots = validate(domain, "employer", "I work at Kaiser Permanente", slots={"search_kind": "tuition", "employee": True})
    assert slots["employer"] == "kaiser_permanente"
    said, slots = validate(domain, "employer", "KP", slots={"search_kind": "tuition", "employee": True},
                           entities=[{"entity": "employer", "value": "kaiser_permanente"}])
    assert slots["employer"] == "kaiser_permanente"


def test_current_job_is_resolved_by_the_catalog(catalog, domain):
    tuition = {"search_kind": "tuition", "employee": True, "employer": "kaiser_permanente"}
    said, slots = validate(domain, "current_occupation", "I'm an RN", slots=tuition)
    assert slots["current_occupation"] is not None
    said, slots = validate(domain, "current_occupation", "registered nurse", slots=tuition)
    assert slots["current_occupation"] == "registered_nurse"
    said, slots = validate(domain, "current_occupation", "security guard", slots=tuition)
    assert slots["current_occupation"] == "other"


def test_the_program_to_check_is_found_by_its_name(catalog, domain):
    said, slots = validate(domain, "program", "Futuro Health medical assistant", slots={"search_kind": "eligibility"})
    assert slots["program"] == "futuro_health_medical_assistant"
    said, slots = validate(domain, "program", "underwater basket weaving", slots={"search_kind": "eligibility"})
    assert slots["program"] is None and "couldn't find a program" in said


def test_profile_from_slots():
    tracker = make_tracker({"age": 16.0, "location": "Seattle", "city": "Seattle", "education": "some_high_school",
                            "occupation": "medical_assistant", "employee": None})
    assert build_profile(tracker) == {"age": 16, "city": "Seattle", "education": "some_high_school",
                                      "student": "high_school", "interests": ["medical assistant"]}
    # A corrected location outside the form ("no, I live in Fresno") wins over the old ZIP.
    corrected = make_tracker({"location": "Fresno, CA", "zip": "98101"})
    assert build_profile(corrected) == {"city": "Fresno", "state": "CA"}
