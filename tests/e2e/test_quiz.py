"""The career quiz end to end through the REST channel on the running assistant: offered to
someone undecided, a whole quick quiz (buttons and typed answers, skip, back, an off-topic
question, bad replies, a restart of Rasa and the action server mid-quiz), then results that are
kept and shown again."""

from __future__ import annotations

import time
import uuid

import requests

from tests.e2e.conftest import rest_post
from tests.e2e.test_sms import sms  # noqa: F401 (the signed-text fixture, used by the SMS test)
from tests.e2e.test_web_widget import chromium, wait_for_replies, wait_until_connected, web  # noqa: F401 (fixtures)
from tests.e2e.test_web_widget import say as widget_say


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
    response = requests.get(f"{stack.api_url}/conversations/{sender}/tracker",
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
    reply = turn(stack, sender, "I'm 16, a junior in high school, and I live in Fresno CA")
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
    assert kept["grade"], kept  # the student's grade, kept through the quiz

    again = words(turn(stack, sender, "show my results"))
    assert "Your strongest interests: Investigative" in again


# ---------------------------------------------------------------- SMS, through the Twilio stand-in

SMS_PACE_SECONDS = 3.1  # 20 texts a minute per person (MESSAGES_PER_PERSON_PER_MINUTE)


def test_a_whole_quick_quiz_by_sms_one_segment_per_question(stack, sms, twilio):
    seen = 0

    def text(body: str, expect: str) -> list[str]:
        nonlocal seen
        sms.text(body)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            bodies = [m["body"] for m in twilio.messages_to(sms.number)]
            new = bodies[seen:]
            if any(expect in b for b in new):
                seen = len(bodies)
                time.sleep(SMS_PACE_SECONDS)
                return new
            time.sleep(0.3)
        raise AssertionError(f"no text with {expect!r} after {body!r}: {bodies[seen:]}")

    def question(bodies: list[str], number: int) -> str:
        [item] = [b for b in bodies if b.startswith(f"{number} of 30: ")]
        assert "Reply 1-5" in item and len(item) <= 160 and item.isascii(), item
        return item

    question(text("career quiz", "1 of 30: "), 1)
    pattern = "515121" * 5  # Realistic and Artistic strong
    question(text("skip", "2 of 30: "), 2)
    question(text("back", "1 of 30: "), 1)
    for number, answer in enumerate(pattern, start=1):
        if number < 30:
            question(text(answer, f"{number + 1} of 30: "), number + 1)
        else:
            said = "\n".join(text(answer, "exploring careers only"))
    assert "Your strongest interests: Realistic" in said and "Artistic" in said


# ---------------------------------------------------------------- Teams, through the Bot Framework stand-in


def test_a_whole_quick_quiz_on_teams_clicking_the_card_buttons(stack, botframework):
    webhook = f"{stack.rasa_url}/webhooks/teams/webhook"
    first = botframework.activity("is there a career test i can take")
    conversation, user = first["conversation"]["id"], first["from"]["id"]
    seen = 0

    def send(activity: dict, expect: str) -> list[dict]:
        nonlocal seen
        assert botframework.post_activity(webhook, activity).status_code == 202
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            replies = botframework.replies_in(conversation)
            new = replies[seen:]
            if any(expect in (r.get("text") or "") for r in new):
                seen = len(replies)
                time.sleep(SMS_PACE_SECONDS)  # the same per-person limit
                return new
            time.sleep(0.3)
        raise AssertionError(f"no reply with {expect!r}: {[r.get('text') for r in botframework.replies_in(conversation)[seen:]]}")

    def card_actions(replies: list[dict]) -> list[dict]:
        [card] = [r for r in replies if r.get("attachments") and r["attachments"][0]["content"].get("actions")]
        return card["attachments"][0]["content"]["actions"]

    def click(action: dict, expect: str) -> list[dict]:
        back = action["data"]["msteams"]
        return send(botframework.activity(back["text"], conversation_id=conversation, user_id=user,
                                          value=back.get("value")), expect)

    replies = send(first, "1 of 30: ")
    pattern = "111511" * 5  # Social strong
    for number, answer in enumerate(pattern, start=1):
        actions = card_actions(replies)
        assert [a["title"] for a in actions] == ["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"]
        expect = f"{number + 1} of 30: " if number < 30 else "exploring careers only"
        replies = click(actions[int(answer) - 1], expect)
    said = "\n".join(r.get("text") or "" for r in replies)
    assert "Your strongest interests: Social" in said


# ---------------------------------------------------------------- the web widget in Chromium


def test_a_whole_quick_quiz_in_the_widget_clicking_the_buttons(chromium, web):
    page = chromium.new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(web["page"])
    page.get_by_role("button", name="Chat about health careers").click()
    wait_until_connected(page)
    replies = widget_say(page, "can I take a career quiz?")
    assert any("1 of 30: Build kitchen cabinets." in text for _, text in replies)
    names = ["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"]
    pattern = "111151" * 5  # Enterprising strong
    for number, answer in enumerate(pattern, start=1):
        quick = page.get_by_role("group", name="Suggested replies").get_by_role("button")
        assert quick.all_inner_texts() == names
        before = page.locator(".msg.bot").count()
        quick.nth(int(answer) - 1).click()
        replies = wait_for_replies(page, before)
        said = "\n".join(text for _, text in replies)
        if number < 30:
            assert f"{number + 1} of 30: " in said, (number, said)
        page.wait_for_timeout(SMS_PACE_SECONDS * 1000)  # the per-person limit
    assert "Your strongest interests: Enterprising" in said and "exploring careers only" in said
