"""Whole conversations through Rasa's REST channel against the running assistant (catalog,
action server, Rasa with the trained model): the three audiences, safety, hostile input,
restarts, an outage of the catalog, and "forget me"."""

from __future__ import annotations

import sqlite3
import time
import uuid

import pytest
import requests

TURN_TIMEOUT = 30


def new_sender(prefix: str = "rest") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def say(stack, sender: str, text: str) -> list[dict]:
    response = requests.post(
        f"{stack.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=TURN_TIMEOUT
    )
    assert response.status_code == 200, response.text
    return response.json()


def words(messages: list[dict]) -> str:
    return " ".join(m.get("text") or "" for m in messages)


# What to answer when the assistant asks for a fact, by the words of its question.
def converse(stack, sender: str, opening: str, answers: dict[str, str], until: str, turns: int = 8) -> str:
    """Say `opening`, then answer each question from `answers` until a reply contains `until`."""
    transcript = []
    reply = words(say(stack, sender, opening))
    transcript.append(reply)
    for _ in range(turns):
        if until.lower() in reply.lower():
            return reply
        answer = next((value for cue, value in answers.items() if cue.lower() in reply.lower()), None)
        assert answer is not None, f"unexpected question: {reply!r}\nso far: {transcript}"
        reply = words(say(stack, sender, answer))
        transcript.append(reply)
    assert until.lower() in reply.lower(), f"never got {until!r}: {transcript}"
    return reply


def tracker(stack, sender: str) -> dict:
    response = requests.get(
        f"{stack.rasa_url}/conversations/{sender}/tracker", params={"token": stack.rasa_api_token}, timeout=10
    )
    assert response.status_code == 200
    return response.json()


def stored_events(stack, sender: str) -> int:
    path = stack.tracker_db_url.split("///", 1)[1]
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


JOB_SEEKER = {
    "where do you live": "Fresno, CA",
    "how old": "24",
    "most school": "I have my GED",
}


def test_greeting_offers_choices(stack):
    messages = say(stack, new_sender(), "hi")
    assert "Health Careers Guide" in words(messages)
    assert any(m.get("buttons") for m in messages)


def test_job_seeker_finds_free_medical_assistant_training(stack):
    reply = converse(stack, new_sender(), "I want free medical assistant training", JOB_SEEKER, until="Futuro Health")
    assert "Futuro Health" in reply


def test_one_message_answers_several_questions_and_nothing_is_asked_twice(stack):
    sender = new_sender()
    first = words(say(stack, sender, "find me training programs"))
    assert "where do you live" in first.lower() or "how old" in first.lower()
    second = words(say(stack, sender, "I'm 17 and live in Oakland"))
    assert "where do you live" not in second.lower() and "how old" not in second.lower()
    slots = tracker(stack, sender)["slots"]
    assert slots["age"] == 17 and slots["city"] == "Oakland"


def test_student_in_seattle_gets_health_care_career_pathways(stack):
    answers = {"where do you live": "Seattle, WA", "how old": "16", "most school": "still in high school"}
    reply = converse(stack, new_sender(), "what programs are there for high school students", answers, until="Health Care Career Pathways")
    assert "Health Care Career Pathways" in reply


def test_employee_asks_about_tuition_support(stack):
    answers = {"work for a health care employer": "yes", "who do you work for": "Kaiser Permanente",
               "where do you": "Oakland, CA", "your job now": "registered nurse"}
    reply = converse(stack, new_sender(), "Does my employer offer tuition reimbursement? I am a nurse", answers, until="Nurse Scholars")
    assert "Nurse Scholars" in reply


def test_crisis_gets_988_even_in_the_middle_of_a_question(stack):
    sender = new_sender()
    say(stack, sender, "find me training programs")
    reply = words(say(stack, sender, "i want to kill myself"))
    assert "988" in reply


@pytest.mark.parametrize("text", ["can you refill my prescription", "I have a fever and a rash, what should I take"])
def test_medical_questions_are_redirected(stack, text):
    reply = words(say(stack, new_sender(), text)).lower()
    assert "doctor" in reply or "clinic" in reply


def test_out_of_scope_says_what_it_can_do(stack):
    messages = say(stack, new_sender(), "what's the weather in Chicago tomorrow")
    text = words(messages).lower()
    assert "health careers" in text or "training" in text
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


def test_conversation_survives_a_restart_of_every_process(stack):
    sender = new_sender()
    say(stack, sender, "find me training programs")
    say(stack, sender, "I'm 24 and live in Fresno")
    for name in ("catalog", "actions", "rasa"):
        stack.restart(name)
    slots = tracker(stack, sender)["slots"]
    assert slots["age"] == 24 and slots["city"] == "Fresno"
    # The first programs a 24-year-old with a GED in Fresno qualifies for (by their published rules).
    reply = converse(stack, sender, "I have my GED", JOB_SEEKER, until="KP School of Allied Health")
    assert "KP School of Allied Health" in reply


def test_catalog_outage_gets_a_clear_answer_and_recovers(stack):
    sender = new_sender()
    say(stack, sender, "find me training programs")
    say(stack, sender, "I'm 24 and live in Fresno")
    stack.stop_process("catalog")
    try:
        started = time.monotonic()
        reply = words(say(stack, sender, "I have my GED"))
        assert time.monotonic() - started < 10
        assert "can't look that up right now" in reply
    finally:
        stack.start_process("catalog")
    reply = converse(stack, sender, "find me training programs", JOB_SEEKER, until="KP School of Allied Health")
    assert "KP School of Allied Health" in reply


def referrals_of(stack, sender: str) -> list[dict]:
    response = requests.get(f"{stack.catalog_url}/referrals", params={"conversation_id": sender},
                            headers={"X-API-Key": stack.catalog_api_key}, timeout=10)
    assert response.status_code == 200
    return response.json()["items"]


HANDOFF = {"how should they reach you": "email", "best email or phone": "maria@example.org", "is it okay to share": "yes"}


def test_talk_to_a_person_records_a_referral_with_consent(stack):
    sender = new_sender()
    say(stack, sender, "I'm 24 and live in Fresno")
    reply = converse(stack, sender, "can I talk to a real person", HANDOFF, until="will contact you")
    assert "career advisor" in reply.lower()
    [referral] = referrals_of(stack, sender)
    assert referral["consent"] is True and referral["contact"] == "maria@example.org"
    assert referral["contact_method"] == "email" and referral["channel"] == "rest"


def test_forget_me_deletes_the_conversation_and_the_referral(stack):
    sender = new_sender()
    say(stack, sender, "I'm 24 and live in Fresno")
    converse(stack, sender, "can I talk to a real person", HANDOFF, until="will contact you")
    assert stored_events(stack, sender) > 0 and referrals_of(stack, sender)
    reply = words(say(stack, sender, "forget me"))
    assert "deleted" in reply.lower()
    assert stored_events(stack, sender) == 0
    assert referrals_of(stack, sender) == []
