"""Teams end to end: the Bot Framework stand-in posts activities with real RS256 tokens to the
running assistant and receives its Adaptive Card replies through the stand-in Connector API."""

from __future__ import annotations

import time

import pytest
import requests
import sqlalchemy as sa

CARD = "application/vnd.microsoft.card.adaptive"
REPLY_TIMEOUT = 60


@pytest.fixture
def webhook(stack):
    return f"{stack.rasa_url}/webhooks/teams/webhook"


def tracker_rows(stack, sender: str) -> int:
    engine = sa.create_engine(stack.tracker_db_url)
    try:
        if not sa.inspect(engine).has_table("events"):
            return 0
        with engine.connect() as conn:
            return conn.execute(
                sa.text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}
            ).scalar()
    finally:
        engine.dispose()


def tracker(stack, sender: str) -> dict:
    reply = requests.get(
        f"{stack.api_url}/conversations/{sender}/tracker",
        params={"token": stack.rasa_api_token},
        timeout=10,
    )
    assert reply.status_code == 200, reply.text
    return reply.json()


def saved(stack, sender: str, check, timeout: float = 30.0) -> dict:
    """The tracker once `check(tracker)` holds: replies go out while Rasa is still working, and
    it saves the conversation after its last action."""
    deadline = time.monotonic() + timeout
    while True:
        state = tracker(stack, sender)
        if check(state) or time.monotonic() > deadline:
            return state
        time.sleep(0.3)


def settled_replies(botframework, conversation_id: str, count: int) -> list[dict]:
    """Every reply of the turn: at least `count`, then until none has come for a while."""
    replies = botframework.wait_for_replies(conversation_id, count, REPLY_TIMEOUT)
    while True:
        time.sleep(1.5)
        now = botframework.replies_in(conversation_id)
        if len(now) == len(replies):
            return now
        replies = now


def test_a_message_gets_an_adaptive_card_reply(stack, botframework, webhook):
    activity = botframework.activity("hi", aad_object_id="aad-e2e-1", tenant_id="tenant-e2e")
    answer = botframework.post_activity(webhook, activity)
    assert answer.status_code == 202, answer.text
    greeting = settled_replies(botframework, activity["conversation"]["id"], 1)
    reply = next(r for r in greeting if r["attachments"][0]["content"].get("actions"))
    assert reply["type"] == "message" and reply["text"]
    card = reply["attachments"][0]
    assert card["contentType"] == CARD
    actions = card["content"]["actions"]
    assert actions and all(a["data"]["msteams"]["type"] == "messageBack" for a in actions)

    # A click on the first button comes back as its payload and is understood as such.
    click = botframework.activity(
        actions[0]["data"]["msteams"]["text"],
        conversation_id=activity["conversation"]["id"],
        user_id=activity["from"]["id"],
        value=actions[0]["data"]["msteams"]["value"],
    )
    assert botframework.post_activity(webhook, click).status_code == 202
    botframework.wait_for_replies(activity["conversation"]["id"], len(greeting) + 1, REPLY_TIMEOUT)
    intent = actions[0]["data"]["payload"].lstrip("/")
    state = saved(
        stack, activity["from"]["id"], lambda t: t["latest_message"]["intent"]["name"] == intent
    )
    assert state["latest_message"]["intent"]["name"] == intent
    first_user_event = next(e for e in state["events"] if e["event"] == "user")
    assert first_user_event["metadata"]["aad_object_id"] == "aad-e2e-1"
    assert first_user_event["metadata"]["tenant_id"] == "tenant-e2e"


def test_employer_tenant_users_are_known_employees(stack, botframework, webhook):
    activity = botframework.activity("hi", tenant_id=botframework.employer_tenant_id)
    assert botframework.post_activity(webhook, activity).status_code == 202
    botframework.wait_for_replies(activity["conversation"]["id"], 1, REPLY_TIMEOUT)
    state = saved(stack, activity["from"]["id"], lambda t: t["slots"].get("employee") is True)
    assert state["slots"]["employee"] is True


def test_being_added_sends_a_welcome(stack, botframework, webhook):
    update = botframework.conversation_update()
    assert botframework.post_activity(webhook, update).status_code == 202
    [welcome] = botframework.wait_for_replies(update["conversation"]["id"], 1, REPLY_TIMEOUT)
    assert "Health Careers Guide" in welcome["text"]
    assert welcome["attachments"][0]["contentType"] == CARD


@pytest.mark.parametrize(
    "bad",
    [
        "no token",
        "expired",
        "wrong audience",
        "wrong issuer",
        "unknown key",
        "alg none",
        "alg HS256",
        "other serviceUrl",
    ],
)
def test_bad_tokens_are_refused_and_leave_no_trace(stack, botframework, webhook, bad):
    tokens = {
        "no token": "",
        "expired": botframework.make_token(exp=int(time.time()) - 3600),
        "wrong audience": botframework.make_token(aud="another-bot"),
        "wrong issuer": botframework.make_token(iss="https://evil.example"),
        "unknown key": botframework.make_token(key="other"),
        "alg none": botframework.make_token(alg="none"),
        "alg HS256": botframework.make_token(alg="HS256"),
        "other serviceUrl": botframework.make_token(serviceUrl="https://evil.example/"),
    }
    activity = botframework.activity("hi")
    answer = botframework.post_activity(webhook, activity, tokens[bad])
    assert answer.status_code in (401, 403)
    time.sleep(2)
    assert botframework.replies_in(activity["conversation"]["id"]) == []
    assert tracker_rows(stack, activity["from"]["id"]) == 0
