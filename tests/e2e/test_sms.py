"""SMS end to end: the Twilio stand-in posts signed webhooks to the running assistant and receives
its texts through the stand-in Messages API."""

from __future__ import annotations

import random
import re
import time

import pytest
import requests
import sqlalchemy as sa

from connectors.sms.senders import sender_id, sender_key

REPLY_TIMEOUT = 60
NUMBERED = re.compile(r"^1\. .+\n2\. .+", re.MULTILINE)


def new_number() -> str:
    return "+1555" + "".join(random.choices("0123456789", k=7))


@pytest.fixture
def sms(stack, twilio):
    url = f"{stack.rasa_url}/webhooks/sms/webhook"

    class Phone:
        number = new_number()
        sender = sender_id(sender_key(twilio.sender_key, twilio.auth_token), number)

        def text(self, body: str, **params) -> requests.Response:
            answer = twilio.post_inbound(url, {"From": self.number, "Body": body, **params})
            assert answer.status_code == 200, answer.text
            return answer

        def replies(self, count: int) -> list[str]:
            messages = twilio.wait_for_messages(self.number, count, REPLY_TIMEOUT)
            return [m["body"] for m in messages]

    return Phone()


def tracker_rows(stack, where: str, **params) -> int:
    engine = sa.create_engine(stack.tracker_db_url)
    try:
        if not sa.inspect(engine).has_table("events"):
            return 0
        with engine.connect() as conn:
            return conn.execute(sa.text(f"SELECT count(*) FROM events WHERE {where}"), params).scalar()
    finally:
        engine.dispose()


def latest_intent(stack, sender: str) -> str:
    tracker = requests.get(
        f"{stack.api_url}/conversations/{sender}/tracker",
        params={"token": stack.rasa_api_token},
        timeout=10,
    ).json()
    return tracker["latest_message"]["intent"]["name"]


def test_hi_gets_a_numbered_menu_and_a_number_picks_from_it(stack, sms):
    sms.text("hi")
    [menu] = sms.replies(1)
    assert NUMBERED.search(menu), menu
    assert menu.endswith("Reply with a number.")
    assert len(menu) <= 1600
    assert latest_intent(stack, sms.sender) == "greet"

    # "1" is the first button: its payload is what the assistant understood.
    sms.text("1")
    second = sms.replies(2)[1]
    assert second != menu
    first_payload_intent = latest_intent(stack, sms.sender)
    assert first_payload_intent == "explore_career"

    # The conversation is stored under the hash; the number appears nowhere in it.
    assert tracker_rows(stack, "sender_id = :s", s=sms.sender) > 0
    assert tracker_rows(stack, "sender_id LIKE :n OR data LIKE :n", n=f"%{sms.number[2:]}%") == 0


def test_stop_help_start(stack, sms, twilio):
    sms.text("HELP")
    [help_text] = sms.replies(1)
    assert "Health Careers Guide" in help_text and "Msg & data rates may apply" in help_text
    assert stack.settings.support_contact in help_text and "STOP" in help_text

    sms.text("STOP")
    assert "unsubscribed" in sms.replies(2)[1]
    sms.text("hi")
    sms.text("HELP")
    time.sleep(5)  # long enough for the assistant to have answered, had it been asked
    assert len(twilio.messages_to(sms.number)) == 2
    assert tracker_rows(stack, "sender_id = :s", s=sms.sender) == 0

    sms.text("START")
    assert "Welcome back" in sms.replies(3)[2]
    sms.text("hi")
    assert NUMBERED.search(sms.replies(4)[3])


def test_forged_and_unsigned_texts_are_refused_and_leave_no_trace(stack, sms, twilio):
    url = f"{stack.rasa_url}/webhooks/sms/webhook"
    for signature in ("bad", "missing"):
        answer = twilio.post_inbound(url, {"From": sms.number, "Body": "hi"}, signature)
        assert answer.status_code == 403
    time.sleep(3)
    assert twilio.messages_to(sms.number) == []
    assert tracker_rows(stack, "sender_id = :s", s=sms.sender) == 0


def test_a_picture_without_words_gets_a_helpful_reply(stack, sms):
    sms.text("", NumMedia="1", MediaUrl0="https://api.twilio.com/media/x", MediaContentType0="image/jpeg")
    [reply] = sms.replies(1)
    assert "type your question" in reply
    assert tracker_rows(stack, "sender_id = :s", s=sms.sender) == 0


def test_a_replayed_text_is_answered_once_and_a_re_cut_one_not_at_all(stack, sms, twilio):
    url = f"{stack.rasa_url}/webhooks/sms/webhook"
    params = twilio.inbound_params(From=sms.number, Body="hi")
    for _ in range(3):  # Twilio trying again, or someone replaying a captured request
        answer = twilio.post_inbound(url, params)
        assert answer.status_code == 200
    sms.replies(1)
    time.sleep(3)
    assert len(twilio.messages_to(sms.number)) == 1
    assert tracker_rows(stack, "sender_id = :s AND type_name = 'user'", s=sms.sender) == 1

    recut = {**twilio.inbound_params(From=sms.number, Body="forget me"), "From": [sms.number, new_number()]}
    answer = requests.post(url, data=recut, headers={"X-Twilio-Signature": twilio.sign(url, recut)}, timeout=10)
    assert answer.status_code == 400 and "given more than once" in answer.text
    addressed_elsewhere = twilio.post_inbound(url, {"From": sms.number, "Body": "hi", "To": "+15550009999"})
    assert addressed_elsewhere.status_code == 403
    time.sleep(1)
    assert tracker_rows(stack, "sender_id = :s AND type_name = 'user'", s=sms.sender) == 1
