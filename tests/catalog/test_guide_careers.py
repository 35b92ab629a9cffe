"""Answers people expect about careers: three that fit what a person likes (with why, pay and
time to train), a numbered plan toward one, and two side by side; through the real HTTP API."""

from __future__ import annotations

from tests.catalog.test_guide import post


def test_good_with_my_hands_gets_three_careers_with_why_pay_and_time(api):
    answer = post(api, "/guide/fits", {"text": "im good with my hands and like science", "facts": {"age": 16}})
    assert answer["lines"][0] == "Three careers for someone who likes hands and science:"
    assert len(answer["items"]) == 3 and all(item["type"] == "career" for item in answer["items"])
    for line in answer["lines"][1:4]:
        assert "Training:" in line and "Pay:" in line


def test_what_fits_me_with_no_likes_starts_with_short_trainings(api):
    answer = post(api, "/guide/fits", {"text": "what health careers fit me?", "facts": {}})
    assert answer["lines"][0] == "Three health careers you can start with short training:"
    assert "workshop" not in " ".join(answer["lines"]).lower()


def test_jobs_that_are_not_doctor_or_nurse_exclude_them(api):
    answer = post(api, "/guide/fits", {"text": "jobs at a hospital that arent doctor or nurse, i like helping people", "facts": {}})
    keys = {item["key"] for item in answer["items"]}
    assert keys and not keys & {"physician", "registered_nurse", "licensed_vocational_nurse"}


def test_what_do_i_do_next_is_a_numbered_plan(api):
    answer = post(api, "/guide/career", {"occupation": "medical assistant", "plan": True, "facts": {"place": "Fresno"}})
    lines = answer["lines"]
    assert lines[0] == "Your plan to become a medical assistant:"
    assert [line[:2] for line in lines[1:6]] == ["1.", "2.", "3.", "4.", "5."]


def test_two_careers_side_by_side(api):
    answer = post(api, "/guide/aspect", {"text": "medical assistant vs lvn which is better", "facts": {}})
    assert answer["followup"] and answer["lines"][0].startswith("Medical Assistant:")
    assert answer["lines"][1].startswith("Licensed Vocational Nurse")
    assert all("Training:" in line and "Pay:" in line for line in answer["lines"][:2])
