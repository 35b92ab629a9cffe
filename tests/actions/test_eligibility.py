"""Eligibility for one program, in plain words, from the catalog's verdict."""

from actions.eligibility import ActionCheckEligibility
from tests.actions.conftest import make_tracker, run_action, slot_events, text_of

FRESNO = {"location": "Fresno, CA", "city": "Fresno", "state": "CA"}


def test_a_17_year_old_hears_why_an_18_plus_program_is_not_open_yet(catalog, domain):
    tracker = make_tracker({**FRESNO, "age": 17.0, "is_minor": True, "education": "some_high_school",
                            "program": "kp_school_of_allied_health_medical_assisting", "search_kind": "eligibility"},
                           text="can I do the KP School of Allied Health MA program?", intent="check_eligibility")
    messages, events = run_action(ActionCheckEligibility(), tracker, domain)
    said = text_of(messages)
    assert "You don't qualify for KP School of Allied Health Sciences: Medical Assisting right now" in said
    assert "Why:" in said and "18 and older" in said and "you are 17" in said
    assert "once you turn 18" in said
    assert slot_events(events) == {"program": "kp_school_of_allied_health_medical_assisting"}


def test_an_adult_with_a_diploma_qualifies_and_hears_how_to_apply(catalog, domain):
    tracker = make_tracker({**FRESNO, "age": 24.0, "education": "high_school", "program": "kp_school_of_allied_health_medical_assisting"})
    said = text_of(run_action(ActionCheckEligibility(), tracker, domain)[0])
    assert "Good news: you seem to qualify" in said and "How to apply: http" in said


def test_a_missing_fact_is_named(catalog, domain):
    tracker = make_tracker({**FRESNO, "program": "kp_school_of_allied_health_medical_assisting"})
    said = text_of(run_action(ActionCheckEligibility(), tracker, domain)[0])
    assert "You might qualify" in said and "your age" in said


def test_a_program_named_in_words_is_found(catalog, domain):
    tracker = make_tracker({"age": 16.0, "location": "Seattle", "city": "Seattle", "education": "some_high_school",
                            "program": "Health Care Career Pathways"})
    messages, events = run_action(ActionCheckEligibility(), tracker, domain)
    assert "Health Care Career Pathways" in text_of(messages)
    assert slot_events(events) == {"program": "hccp_washington"}


def test_without_a_program_it_asks_which(catalog, domain):
    messages, events = run_action(ActionCheckEligibility(), make_tracker({"age": 20.0}), domain)
    assert "Which program" in text_of(messages) and events == []
