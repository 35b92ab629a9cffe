"""POST /guide/aspect: a follow-up about one aspect of what was just shown is answered from that
record (or says what the record does not publish and whom to ask), through the real HTTP API on
the seed catalog."""

from __future__ import annotations

import pytest

from tests.catalog.conftest import wage_data_present
from tests.catalog.test_guide import post

MA_PROGRAM = {"type": "program", "key": "futuro_health_medical_assistant", "name": "Futuro Health: Medical Assistant"}
SCHOLARSHIP = {"type": "funding", "key": "futuro_health_scholarship", "name": "Futuro Health scholarship"}
MA = {"type": "career", "key": "medical_assistant", "name": "Medical Assistant"}
RT = {"type": "career", "key": "respiratory_therapist", "name": "Respiratory Therapist"}


def ask(api, text, subject=None, shown=(), before=None, facts=None, list_asked=False) -> dict:
    return post(api, "/guide/aspect", {"text": text, "subject": subject, "shown": list(shown), "aspect": before,
                                       "list_asked": list_asked, "facts": facts or {"place": "Fresno"}})


@pytest.mark.parametrize("text, aspect, words", [
    ("how much does it cost", "cost", "What you would pay is not published"),
    ("is it paid", "paid", "pays you is not published: ask Futuro Health: https://futurohealth.org/"),
    ("is it online", "online", "is online is not published: ask Futuro Health"),
    ("where is it located", "place", "is held in California"),
    ("how long is it", "length", "takes is not published: ask Futuro Health"),
    ("what do i need to apply", "requirements", "Who can apply to Futuro Health: Medical Assistant"),
    ("how do i apply", "apply", "How to apply to Futuro Health: Medical Assistant: Open the Futuro Health course catalog"),
    ("when is the deadline", "dates", "Dates for Futuro Health: Medical Assistant are not published"),
    ("what does it lead to", "leads_to", "Medical assistant certificate"),
    ("who do i contact", "contact", "https://futurohealth.org/"),
])
def test_every_aspect_of_a_program_comes_from_its_record(api, text, aspect, words):
    answer = ask(api, text, subject=MA_PROGRAM)
    assert answer["followup"] and answer["aspect"] == aspect and answer["subject"]["key"] == MA_PROGRAM["key"]
    assert words in " ".join(answer["lines"])
    # The record's page, once.
    assert " ".join(answer["lines"]).count("https://futurohealth.org/futuro-health-faqs/") == 1


def test_a_position_in_the_last_list_is_the_subject(api):
    answer = ask(api, "how much does the 2nd one cost", shown=[MA_PROGRAM, SCHOLARSHIP])
    assert answer["subject"]["key"] == SCHOLARSHIP["key"] and answer["aspect"] == "cost"
    assert "scholarship" in answer["lines"][0].lower()


def test_a_position_past_the_list_says_what_was_shown(api):
    answer = ask(api, "is the 9th one online", shown=[MA_PROGRAM])
    assert answer["followup"] and answer["subject"] is None
    assert answer["lines"] == ["I showed you 1, so there is no number 9: 1. Futuro Health: Medical Assistant. "
                               "Ask about one by its number or name."]


def test_it_with_nothing_shown_says_what_can_be_asked(api):
    answer = ask(api, "how much does it cost")
    assert answer["followup"] and answer["subject"] is None
    assert answer["lines"][0].startswith("I'm not sure which one you mean. Ask about something I showed you")


def test_a_first_question_naming_its_subject_is_left_to_the_whole_answer(api):
    answer = ask(api, "how much do medical assistants make", facts={})
    assert not answer["followup"] and answer["aspect"] == "pay"


def test_a_list_request_is_not_a_followup(api):
    assert not ask(api, "any free CNA classes near me", subject=RT, list_asked=True)["followup"]


@pytest.mark.skipif(not wage_data_present(), reason="BLS wages are fetched by make wages (CI fails without them)")
def test_pay_gives_hourly_yearly_and_the_range_and_and_for_keeps_the_aspect(api):
    pay = ask(api, "what's the yearly salary range", subject=RT)
    said = " ".join(pay["lines"])
    assert "Respiratory therapists in the Fresno area earn a median of $" in said and " an hour or $" in said
    assert "(the 10th to 90th percentile)" in said and "https://www.bls.gov/oes/" in said
    lvn = ask(api, "and for an LVN?", subject=MA, before="pay")
    assert lvn["subject"]["key"] == "licensed_vocational_nurse" and lvn["aspect"] == "pay"
    assert "Licensed vocational nurses in the Fresno area earn a median of" in lvn["lines"][0]


@pytest.mark.parametrize("text, key", [
    ("what about unit secretary", "medical_secretary"),
    ("how much does medical billing and coding pay", "medical_records_specialist"),
    ("is the kaiser mental health scholars academy paid", "kp_mental_health_scholars_academy"),
])
def test_names_resolve_to_the_longest_thing_the_catalog_knows(api, text, key):
    assert ask(api, text, subject=RT, before="pay")["subject"]["key"] == key


def test_a_career_asked_about_a_programs_aspect_lists_programs_to_pick(api):
    answer = ask(api, "how much does it cost", subject={"type": "career", "key": "licensed_vocational_nurse", "name": "LVN"})
    assert answer["lines"][0].startswith("A career has no single cost; it depends on the program.")
    assert answer["items"] and all(item["type"] == "program" for item in answer["items"])


def test_the_classes_point_at_the_subject_even_when_the_nlu_could_not_place_them(api):
    # The NLU's unsure messages come as list_asked: only words that point make them follow-ups.
    answer = ask(api, "where are the classes", subject=MA, list_asked=True)
    assert answer["followup"] and answer["lines"][0].startswith("A career has no single place")
    assert not ask(api, "where are the best tacos", subject=MA, list_asked=True)["followup"]


def test_an_organisation_is_asked_which_of_its_offers(api):
    answer = ask(api, "how do i apply", subject={"type": "organization", "key": "seiu_uhw", "name": "SEIU-UHW"})
    assert answer["lines"][0].startswith("That depends on which of SEIU United Healthcare Workers West")
    assert answer["items"]


def test_what_do_i_do_first_is_not_a_followup(api):
    assert not ask(api, "what should I do first", subject=RT)["followup"]


def test_demo_job_listings_are_labelled_with_the_real_next_step(api):
    answer = post(api, "/guide/list", {"kind": "jobs", "occupation": "medical assistant", "facts": {"place": "93701"}})
    assert answer["items"], answer["lines"]
    said = " ".join(answer["lines"])
    demo = [item for item in answer["items"] if item["demo"]]
    assert demo and all("not a real opening" in item["line"] for item in demo)
    assert "For real openings, search CareerOneStop's job finder: https://www.careeronestop.org/" in said
    # A follow-up about one listing says it is an example too.
    pay = ask(api, "how much does the first one pay", shown=[{"type": "role", "key": demo[0]["key"], "name": demo[0]["name"]}])
    assert pay["lines"][0].endswith("is an example listing, not a real opening.")


def test_an_organisations_program_for_a_career_is_that_program(api):
    # The assistant sends the name with the words before "program" ("futuro_health have an lvn").
    answer = post(api, "/guide/about", {"name": "futuro_health have an lvn", "text": "does futuro health have an lvn program", "facts": {}})
    assert answer["kind"] == "program" and answer["key"] == "futuro_health_vocational_nurse"
    whole = post(api, "/guide/about", {"name": "futuro health", "text": "tell me about futuro health medical assistant", "facts": {}})
    assert whole["key"] == "futuro_health_medical_assistant"


def test_initials_in_the_plural_are_the_career(api):
    assert post(api, "/guide/career", {"occupation": "lvns", "facts": {}})["occupation"]["key"] == "licensed_vocational_nurse"
