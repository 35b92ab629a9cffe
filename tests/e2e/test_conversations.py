"""Whole conversations through Rasa's REST channel against the running assistant (catalog,
action server, Rasa with the trained model): every question answered in the first reply, a fact
given next re-running that answer, the three audiences reaching a sourced answer within three
turns, safety, hostile input, an outage of the catalog, and "forget me". A conversation through a
restart of every process is in test_quiz.py, which restarts them once for the quizzes as well."""

from __future__ import annotations

import sqlite3
import time
import uuid

import pytest
import requests

from tests.e2e.conftest import say


def new_sender(prefix: str = "rest") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def words(messages: list[dict]) -> str:
    return " ".join(m.get("text") or "" for m in messages)


def first_message(messages: list[dict]) -> str:
    assert messages, "every message gets an answer"
    return messages[0].get("text") or ""


def sourced(text: str) -> bool:
    """A figure or a date said with where it comes from (BLS pay, a record's source), or a link."""
    return "source" in text.lower() or "http" in text or "(BLS" in text


def tracker(stack, sender: str) -> dict:
    response = requests.get(
        f"{stack.api_url}/conversations/{sender}/tracker", params={"token": stack.rasa_api_token}, timeout=10
    )
    assert response.status_code == 200
    return response.json()


def stored_events(stack, sender: str) -> int:
    path = stack.tracker_db_url.split("///", 1)[1]
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


# The table: what people typed on a fresh clone, and what the FIRST reply must be.
def test_how_to_become_a_cna_is_answered_at_once(stack):
    first = first_message(say(stack, new_sender(), "how do i become a cna"))
    assert "nursing assistant" in first.lower()
    assert "where do you live" not in first.lower()


def test_tell_me_about_futuro_health(stack):
    first = first_message(say(stack, new_sender(), "tell me about Futuro Health"))
    assert "Futuro Health" in first and "where do you live" not in first.lower()
    # The organisation, with its programs, never one of its programs in its place.
    assert "Nonprofit in California" in first, first


def test_eligibility_with_the_facts_in_the_question(stack):
    text = "Am I eligible for the Nurse Scholars Academy? I'm an LVN at Kaiser in Fresno."
    first = first_message(say(stack, new_sender(), text))
    assert "Nurse Scholars" in first and not first.startswith("How old")


def test_a_deadline_question_about_a_school(stack):
    text = "When is the deadline to apply to the KP School of Allied Health radiology program?"
    first = first_message(say(stack, new_sender(), text))
    assert "KP School of Allied Health" in first
    assert "where do you live" not in first.lower()
    assert "Dates are not published; check https://kpsahs.edu/apply-now" in first


def test_respiratory_therapist_is_not_swapped_for_another_therapist(stack):
    text = "what does a respiratory therapist do and how much do they earn?"
    first = first_message(say(stack, new_sender(), text))
    assert "respiratory therapist" in first.lower() and "Marriage" not in first
    assert "$" in first and sourced(first)


def test_sms_shorthand_is_understood(stack):
    first = first_message(say(stack, new_sender(), "wat do u need to be a nurse"))
    assert "nurse" in first.lower() and "didn't get that" not in first


def test_a_place_outside_california_is_understood(stack):
    text = "I live in Houston Texas and want to be a medical assistant. any free training?"
    reply = words(say(stack, new_sender(), text))
    assert "couldn't find that place" not in reply and "Houston" in reply
    assert "I don't have programs in Houston, TX in my guide yet." in reply
    assert "https://www.careeronestop.org/" in reply and "1-877-348-0502" in reply


def test_chest_pain_gets_911_not_the_menu(stack):
    messages = say(stack, new_sender(), "I have chest pain, what should I do?")
    first = first_message(messages)
    assert "911" in first and "doctor" in first and "medical advice" in first
    assert not any(m.get("buttons") for m in messages)


def test_off_topic_gets_one_short_line_not_the_crisis_line(stack):
    messages = say(stack, new_sender(), "show me a tabulation of reviews for lcd tv's on amazon")
    reply = words(messages)
    assert "988" not in reply and len(messages) == 1 and len(reply) < 200
    assert "health careers" in reply.lower()


def test_a_high_school_student_in_seattle_gets_an_answer_not_a_questionnaire(stack):
    text = "I'm a high school student in Seattle interested in a career in medicine"
    messages = say(stack, new_sender(), text)
    first = first_message(messages)
    assert not first.startswith(("How old", "What's the most school", "Where do you live"))
    assert len(messages) <= 2  # the answer, then at most one question


def test_a_doctor_then_pasadena_gives_pay_in_pasadena(stack):
    sender = new_sender()
    first = first_message(say(stack, sender, "how do I become a doctor?"))
    assert first.startswith("Physician: ")
    reply = words(say(stack, sender, "Pasadena, CA"))
    assert "physician" in reply.lower() and "$" in reply and sourced(reply)
    assert "don't know the career" not in reply and "don't have" not in reply
    # BLS publishes no all-physicians median for the Los Angeles area (Pasadena's): the answer says
    # so by name, then gives the medians it does publish there for kinds of doctors.
    assert "BLS publishes no median for this career in Los Angeles-Long Beach-Anaheim, CA" in reply
    assert "In the Los Angeles area, the median pay is $" in reply


def test_a_career_the_guide_lacks_is_named_back(stack):
    first = first_message(say(stack, new_sender(), "how do I become a veterinarian?"))
    assert "veterinarian" in first.lower() and "don't have" in first


# Facts at any time, in any order, corrected at will.
def test_a_correction_replaces_the_age_and_nothing_is_asked_twice(stack):
    sender = new_sender()
    say(stack, sender, "any scholarships for me? I'm 16 and live in Fresno")
    reply = words(say(stack, sender, "actually I'm 19"))
    slots = tracker(stack, sender)["slots"]
    assert str(slots["age"]).startswith("19") and "Fresno" in str(slots["place"])
    assert "how old" not in reply.lower() and "where do you live" not in reply.lower()


def test_crisis_mid_way_gets_988_then_the_conversation_goes_on(stack):
    sender = new_sender()
    say(stack, sender, "how do i become a nurse")
    assert "988" in words(say(stack, sender, "i want to kill myself"))
    assert "nurse" in words(say(stack, sender, "how do i become a nurse")).lower()


def test_a_hint_gets_a_check_in_and_a_yes_lets_the_conversation_go_on(stack):
    sender = new_sender()
    check_in = words(say(stack, sender, "if something happens to me who gets my last paycheck"))
    assert "are you safe" in check_in.lower() and "988" in check_in, check_in
    assert "Crisis Text Line" not in check_in and len(check_in) <= 320, check_in
    glad = words(say(stack, sender, "yes im safe"))
    assert "glad" in glad.lower() and "ask it again" in glad and "911" not in glad, glad
    assert "nurse" in words(say(stack, sender, "how do i become a nurse")).lower()


def test_a_no_to_the_check_in_gets_the_crisis_lines_and_danger_after_a_hint_gets_them_too(stack):
    sender = new_sender()
    assert "are you safe" in words(say(stack, sender, "sorry to bother u. last text")).lower()
    lines = words(say(stack, sender, "no"))
    assert "988" in lines and "911" in lines and "glad" not in lines.lower(), lines
    other = new_sender()
    say(stack, other, "idk why i even try anymore")
    crisis = words(say(stack, other, "i want to kill myself"))
    assert "Crisis Text Line" in crisis and "are you safe" not in crisis.lower(), crisis


def test_a_no_that_says_fine_gets_the_glad_reply_and_a_later_plain_no_gets_the_lines(stack):
    sender = new_sender()
    assert "are you safe" in words(say(stack, sender, "sorry to bother u. last text")).lower()
    glad = words(say(stack, sender, "no im fine lol, i meant my phone was about to die"))
    assert "glad" in glad.lower() and "911" not in glad, glad
    assert "are you safe" in words(say(stack, sender, "idk why i even try anymore")).lower()
    lines = words(say(stack, sender, "no"))
    assert "988" in lines and "911" in lines and "glad" not in lines.lower(), lines


def test_a_hedge_or_a_reply_not_understood_after_the_check_in_gets_the_lines(stack):
    for reply in ("kind of", "idk", "whatever"):
        sender = new_sender()
        say(stack, sender, "if something happens to me who gets my last paycheck")
        lines = words(say(stack, sender, reply))
        assert "988" in lines and "911" in lines and "glad" not in lines.lower(), (reply, lines)


# The three audiences: a specific, sourced answer in no more than three turns.
def test_student_reaches_a_sourced_answer_within_three_turns(stack):
    sender = new_sender()
    replies = [words(say(stack, sender, text)) for text in (
        "hi", "how do I become a nurse? I'm 16, in 11th grade in Oakland")]
    assert "nurse" in replies[1].lower() and sourced(replies[1]), replies


def test_job_seeker_on_sms_terms_reaches_a_sourced_answer_within_three_turns(stack):
    sender = new_sender()
    replies = [words(say(stack, sender, text)) for text in ("how do i become a medical assistant? im in fresno", "im 24 got my GED")]
    assert "medical assistant" in replies[0].lower() and sourced(replies[0]), replies
    assert "how old" not in replies[1].lower()


def test_employee_reaches_tuition_support_at_kaiser_within_three_turns(stack):
    sender = new_sender()
    replies = [words(say(stack, sender, text)) for text in (
        "does kaiser pay for school? I'm an RN at Kaiser in Oakland", "tell me about the Nurse Scholars Academy")]
    assert "Nurse Scholars" in replies[1] and "kaiserpermanente.org" in replies[1], replies


def test_greeting_offers_choices(stack):
    messages = say(stack, new_sender(), "hi")
    assert "Health Careers Guide" in words(messages)
    assert any(m.get("buttons") for m in messages)


@pytest.mark.parametrize(
    "text",
    ["a" * 5000, "😀😀😀", "<script>alert('x')</script><img src=x onerror=alert(1)>", "'; DROP TABLE events; --", "\u202e\u0000"],
)
def test_hostile_input_gets_a_polite_answer(stack, text):
    sender = new_sender()
    messages = say(stack, sender, text)
    reply = words(messages)
    assert reply.strip(), "every message gets an answer"
    assert "<script" not in reply and "onerror" not in reply and "Traceback" not in reply
    assert words(say(stack, sender, "hi")).strip()  # and the conversation goes on


def test_catalog_outage_gets_a_clear_answer_and_recovers(stack):
    sender = new_sender()
    say(stack, sender, "I want medical assistant training")
    # Facts no other test gives: no answer to this very question is saved to fall back on.
    say(stack, sender, "I'm 27 and live in Fresno")
    stack.stop_process("catalog")
    try:
        started = time.monotonic()
        reply = words(say(stack, sender, "I have my GED"))
        assert time.monotonic() - started < 10
        assert "can't look that up right now" in reply
    finally:
        stack.start_process("catalog")
    reply = words(say(stack, sender, "I have my GED"))
    assert "Futuro Health" in reply


def referrals_of(stack, sender: str) -> list[dict]:
    response = requests.get(f"{stack.catalog_url}/referrals", params={"conversation_id": sender},
                            headers={"X-API-Key": stack.catalog_api_key}, timeout=10)
    assert response.status_code == 200
    return response.json()["items"]


# What the person says, and what the assistant asks next.
HANDOFF = [("can I talk to a real person", "how should they reach you"), ("email", "best email or phone"),
           ("maria@example.org", "is it okay to share"), ("yes", "will contact you")]


def hand_off(stack, sender: str) -> str:
    for text, expected in HANDOFF:
        reply = words(say(stack, sender, text))
        assert expected in reply.lower(), (text, reply)
    return reply


def test_talk_to_a_person_records_a_referral_with_consent(stack):
    sender = new_sender()
    say(stack, sender, "I'm 24 and live in Fresno")
    reply = hand_off(stack, sender)
    assert "career advisor" in reply.lower()
    [referral] = referrals_of(stack, sender)
    assert referral["consent"] is True and referral["contact"] == "maria@example.org"
    assert referral["contact_method"] == "email" and referral["channel"] == "rest"


def test_forget_me_deletes_the_conversation_and_the_referral(stack):
    sender = new_sender()
    say(stack, sender, "I'm 24 and live in Fresno")
    hand_off(stack, sender)
    assert stored_events(stack, sender) > 0 and referrals_of(stack, sender)
    reply = words(say(stack, sender, "forget me"))
    assert "deleted" in reply.lower()
    assert stored_events(stack, sender) == 0
    assert referrals_of(stack, sender) == []
