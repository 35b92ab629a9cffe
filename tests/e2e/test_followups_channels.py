"""A follow-up about what was just shown, asked as "it", by position and by name, is answered from
that record on every channel: REST, the web widget (a real browser), SMS (signed Twilio webhooks)
and Teams (signed Bot Framework activities)."""

from __future__ import annotations

import time
import uuid

import pytest

from tests.e2e.conftest import say as rest_say
from tests.e2e.test_sms import sms  # noqa: F401 (a pytest fixture used below)
from tests.e2e.test_teams import settled_replies, webhook  # noqa: F401 (webhook is a pytest fixture)
from tests.e2e.test_web_widget import chromium, open_chat, web  # noqa: F401 (chromium and web are fixtures)
from tests.e2e.test_web_widget import say as web_say

# (message, words the reply must hold): the organisation, then its first offer by position, then
# "it", then another record by name. Each answer is one aspect, never the whole card again.
TURNS = [
    ("tell me about futuro health", ["Futuro Health"]),
    ("is the first one online", ["Futuro Health:", "is online is not published"]),
    ("how do i apply to it", ["How to apply to Futuro Health:"]),
    ("when is the deadline for the futuro health scholarship", ["Futuro Health scholarship"]),
]
CARD_ONLY = "Who it is for:"  # a line of the whole program card, never in an aspect answer


def check(replies: list[str], expected: list[str], first: bool) -> None:
    said = " ".join(replies)
    assert all(word in said for word in expected), said
    assert "Sorry, I didn't get that" not in said and "I can only help with" not in said
    if not first:
        assert CARD_ONLY not in said, said


def test_rest(stack):
    sender = f"follow-{uuid.uuid4().hex[:10]}"
    for i, (text, expected) in enumerate(TURNS):
        check([m.get("text") or "" for m in rest_say(stack, sender, text)], expected, i == 0)


def test_sms(stack, sms):  # noqa: F811 (the fixture imported above)
    seen = 0
    for i, (text, expected) in enumerate(TURNS):
        sms.text(text)
        sms.replies(seen + 1)
        time.sleep(2)  # a turn may bring two texts (the answer, then one question)
        replies = sms.replies(seen + 1)
        new = replies[seen:]
        seen = len(replies)
        check(new, expected, i == 0)
        if i:
            # One short link per answer by text message, and no number menu without buttons.
            assert sum(part.count("http") for part in new) <= 1, new
            assert not any(part.endswith("Reply with a number.") for part in new), new


def test_teams(stack, botframework, webhook):  # noqa: F811 (the fixture imported above)
    conversation = None
    user = None
    seen = 0
    for i, (text, expected) in enumerate(TURNS):
        activity = botframework.activity(text, conversation_id=conversation, user_id=user) if conversation else \
            botframework.activity(text)
        conversation, user = activity["conversation"]["id"], activity["from"]["id"]
        assert botframework.post_activity(webhook, activity).status_code == 202
        replies = settled_replies(botframework, conversation, seen + 1)
        new = [r.get("text") or "" for r in replies[seen:]]
        seen = len(replies)
        check(new, expected, i == 0)


def test_web_widget(chromium, web):  # noqa: F811 (the fixtures imported above)
    page = open_chat(chromium, web)
    try:
        for i, (text, expected) in enumerate(TURNS):
            check([reply for _, reply in web_say(page, text)], expected, i == 0)
    finally:
        page.context.close()


@pytest.mark.parametrize("text, words", [
    ("how much does it cost", "not sure which one you mean"),
    ("is the 9th one online", "not sure which one you mean"),
])
def test_a_bad_followup_gets_a_plain_sentence_not_a_fallback(stack, text, words):
    said = " ".join(m.get("text") or "" for m in rest_say(stack, f"bad-{uuid.uuid4().hex[:10]}", text))
    assert words in said and "Sorry, I didn't get that" not in said and "I can only help with" not in said


def test_the_ninth_of_three_says_what_was_shown(stack):
    sender = f"ninth-{uuid.uuid4().hex[:10]}"
    card = " ".join(m.get("text") or "" for m in rest_say(stack, sender, "how do i become a medical assistant"))
    assert "Programs in my guide that lead there:" in card
    said = " ".join(m.get("text") or "" for m in rest_say(stack, sender, "is the 9th one online"))
    assert "so there is no number 9" in said
