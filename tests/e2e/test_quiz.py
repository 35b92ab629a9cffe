"""The career quiz end to end through the REST channel on the running assistant: offered to
someone undecided, a whole quick quiz (buttons and typed answers, skip, back, an off-topic
question, bad replies, a restart of Rasa and the action server mid-quiz), then results that are
kept and shown again."""

from __future__ import annotations

import time
import uuid

import requests

from tests.e2e.conftest import rest_post


def turn(stack, sender: str, text: str) -> list[dict]:
    """One turn; waits out the per-person rate limit (20 messages a minute) as a person would."""
    for _ in range(5):
        response = rest_post(stack, {"sender": sender, "message": text})
        if response.status_code == 429:
            time.sleep(float(response.headers.get("Retry-After", "10")))
            continue
        assert response.status_code == 200, response.text
        return response.json()
    raise AssertionError("still rate limited after five waits")


def words(messages: list[dict]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def slots(stack, sender: str) -> dict:
    response = requests.get(f"{stack.rasa_url}/conversations/{sender}/tracker",
                            params={"token": stack.rasa_api_token}, timeout=10)
    return response.json()["slots"]


def test_undecided_gets_the_offer_not_a_program_list(stack):
    sender = f"quiz-{uuid.uuid4().hex[:10]}"
    reply = turn(stack, sender, "honestly i have no idea what job i want")
    said = words(reply)
    assert "career quiz" in said and "workshop" not in said.lower()
    assert any(b["title"] == "Take the quiz" for m in reply for b in m.get("buttons") or [])


def test_a_whole_quick_quiz_over_rest_with_a_restart_in_the_middle(stack):
    sender = f"quiz-{uuid.uuid4().hex[:10]}"
    reply = turn(stack, sender, "I'm 16 and live in Fresno CA")
    reply = turn(stack, sender, "is there a career quiz")
    assert "1 of 30: Build kitchen cabinets." in words(reply)
    buttons = reply[-1]["buttons"]
    assert [b["title"] for b in buttons] == ["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"]

    # Social and Investigative strong (R I A S E C in turn): buttons for the first round.
    pattern = "152512" * 5
    for number, answer in enumerate(pattern[:6], start=1):
        reply = turn(stack, sender, buttons[int(answer) - 1]["payload"])
        assert f"{number + 1} of 30:" in words(reply)
    # skip, then back to answer it after all
    assert "8 of 30:" in words(turn(stack, sender, "skip"))
    assert "7 of 30:" in words(turn(stack, sender, "back"))
    # Not answers: a plain sentence and the same question again.
    for bad in ("7", "yes", "🙂"):
        said = words(turn(stack, sender, bad))
        assert "Please answer with a number from 1 to 5" in said and "7 of 30:" in said, (bad, said)
    # Another question mid-quiz is answered; the quiz waits.
    said = words(turn(stack, sender, "how much do pharmacy techs make?"))
    assert "Pharmacy" in said and "of 30:" not in said
    assert slots(stack, sender)["quiz"] == "quick:" + pattern[:6]

    for name in ("rasa", "actions"):
        stack.restart(name)
    said = words(turn(stack, sender, "continue the quiz"))
    assert "pick up where you left off, at 7 of 30" in said

    for number, answer in enumerate(pattern[6:], start=7):
        reply = turn(stack, sender, answer if number % 2 else ("strongly like" if answer == "5" else answer))
        if number < 30:
            assert f"{number + 1} of 30:" in words(reply), (number, words(reply))
    said = words(reply)
    assert "Your strongest interests: Investigative" in said and "Social" in said
    assert "begin in high school" in said and "exploring careers only" in said
    kept = slots(stack, sender)
    assert kept["quiz"] is None and kept["quiz_results"]["top_areas"] == ["I", "S"]

    again = words(turn(stack, sender, "show my results"))
    assert "Your strongest interests: Investigative" in again
