"""The SMS channel mounted the way Rasa mounts it, on a real Sanic server, with the Twilio
stand-in on both sides: signed webhooks in, Messages API out. The assistant is a stub that
records what reaches it and answers with buttons (the whole assistant is in tests/e2e)."""

from __future__ import annotations

import asyncio
import logging
from urllib.parse import urlencode

import aiohttp
import pytest
import pytest_asyncio
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from connectors.sms import SMSInput
from connectors.sms.optouts import OptOutStore
from connectors.sms.senders import sender_id, sender_key
from standins import serve_channel
from standins.twilio import TwilioStandIn

# Sanic 21 rewrites its request handling the first time an app starts, which breaks every later
# app in the process; in test mode it keeps the original. Set while tests are collected, so it
# holds before any server in this run starts.
Sanic.test_mode = True

NUMBER = "+15555550142"
BUTTONS = [
    {"title": "Training programs", "payload": "/find_programs"},
    {"title": "Jobs near me", "payload": "/find_jobs"},
]


class Assistant:
    """Stands in for Rasa's message handling: records messages, answers with two buttons."""

    def __init__(self) -> None:
        self.received: list[UserMessage] = []
        self.broken = False

    async def __call__(self, message: UserMessage) -> None:
        if self.broken:
            raise RuntimeError("the model fell over")
        self.received.append(message)
        out = message.output_channel
        await out.send_response(message.sender_id, {"text": f"You said: {message.text}"})
        await out.send_response(message.sender_id, {"text": "What next?", "buttons": BUTTONS})


@pytest.fixture
def twilio():
    standin = TwilioStandIn().start()
    yield standin
    standin.stop()


@pytest_asyncio.fixture
async def sms(twilio, tmp_path):
    assistant = Assistant()
    channel = make_channel(twilio, tmp_path, twilio.auth_token)
    server, base = await serve_channel(channel, assistant, "sms_channel_test")
    channel.public_base_url = base  # what Twilio signs: the URL it posts to
    yield channel, assistant, f"{base}/webhooks/sms/webhook"
    server.close()
    await server.wait_closed()
    await channel.sender.close()


def make_channel(twilio, tmp_path, auth_token):
    channel = SMSInput(
        account_sid=twilio.account_sid,
        auth_token=auth_token,
        from_number=twilio.from_number,
        api_base=twilio.url,
        sms_sender_key=twilio.sender_key,
        public_base_url="http://set-once-the-port-is-known",
        support_contact="help@careers.example",
        opt_out_url=f"sqlite:///{tmp_path / 'opt-outs.db'}",
        inbox_url=f"sqlite:///{tmp_path / 'sms-inbox.db'}",
    )
    # Failed texts are tried again within the tests' patience.
    channel.sweep_seconds = channel.retry_seconds = 0.2
    return channel


async def text(twilio, url, body, **params):
    return await asyncio.to_thread(twilio.post_inbound, url, {"From": NUMBER, "Body": body, **params})


async def replies(twilio, count):
    return [m["body"] for m in await asyncio.to_thread(twilio.wait_for_messages, NUMBER, count, 10)]


@pytest.mark.asyncio
async def test_a_signed_text_reaches_the_assistant_and_gets_one_numbered_reply(twilio, sms, caplog):
    channel, assistant, url = sms
    caplog.set_level(logging.DEBUG)
    answer = await text(twilio, url, "hi there")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/xml")
    assert answer.text == '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
    assert await replies(twilio, 1) == [
        "You said: hi there\n\nWhat next?\n1. Training programs\n2. Jobs near me\n\nReply with a number."
    ]
    [message] = assistant.received
    assert message.text == "hi there" and message.input_channel == "sms"
    assert message.sender_id.startswith("sms-") and "5555550142" not in message.sender_id

    # "2" means the second button: its payload reaches the assistant, its title as metadata.
    await text(twilio, url, "2")
    await replies(twilio, 2)
    assert assistant.received[1].text == "/find_jobs"
    assert assistant.received[1].metadata == {"title": "Jobs near me"}
    assert assistant.received[1].sender_id == message.sender_id
    # A number that is not one of the buttons is just text.
    await text(twilio, url, "93701")
    await replies(twilio, 3)
    assert assistant.received[2].text == "93701"
    assert "5555550142" not in caplog.text


@pytest.mark.asyncio
@pytest.mark.parametrize("signature", ["bad", "missing", "c2lnbmF0dXJl"])
async def test_forged_or_unsigned_posts_are_refused_and_go_nowhere(twilio, sms, signature):
    channel, assistant, url = sms
    answer = await asyncio.to_thread(
        twilio.post_inbound, url, {"From": NUMBER, "Body": "hi"}, signature
    )
    assert answer.status_code == 403
    await asyncio.sleep(0.3)
    assert assistant.received == [] and twilio.messages == [] and not channel.background.tasks


@pytest.mark.asyncio
async def test_the_signature_covers_the_public_url_and_every_parameter(twilio, sms):
    channel, assistant, url = sms
    # Signed for another host (a request replayed from elsewhere) or with a parameter changed.
    other = url.replace("127.0.0.1", "attacker.example")
    answer = await asyncio.to_thread(
        twilio.post_inbound, url, {"From": NUMBER, "Body": "hi"}, None, other
    )
    assert answer.status_code == 403
    params = twilio.inbound_params(From=NUMBER, Body="hi")
    signature = twilio.sign(url, params)
    params["Body"] = "something else"
    tampered = await asyncio.to_thread(twilio.post_inbound, url, params, signature)
    assert tampered.status_code == 403
    assert assistant.received == []


@pytest.mark.asyncio
async def test_stop_help_and_start(twilio, sms):
    channel, assistant, url = sms
    await text(twilio, url, "HELP")
    [help_reply] = await replies(twilio, 1)
    assert "Health Careers Guide" in help_reply and "Msg & data rates may apply" in help_reply
    assert "help@careers.example" in help_reply and "STOP" in help_reply

    await text(twilio, url, "Stop")
    assert "unsubscribed" in (await replies(twilio, 2))[1]
    # Opted out: nothing reaches the assistant and nothing is sent, not even HELP or "yes".
    for body in ("hi", "HELP", "1"):
        await text(twilio, url, body)
    await asyncio.sleep(0.5)
    assert len(twilio.messages_to(NUMBER)) == 2

    # "yes" opts back in after an opt-out; then the conversation goes on.
    await text(twilio, url, "yes")
    assert "Welcome back" in (await replies(twilio, 3))[2]
    await text(twilio, url, "hello again")
    assert (await replies(twilio, 4))[3].startswith("You said: hello again")
    assert [m.text for m in assistant.received] == ["hello again"]


@pytest.mark.asyncio
async def test_opt_outs_are_stored_by_hash_and_outlive_the_process(twilio, sms):
    channel, assistant, url = sms
    await text(twilio, url, "STOPALL")
    await replies(twilio, 1)
    assert assistant.received == []
    # What a restarted server would read: the same database, keyed by the sender hash.
    store = OptOutStore(channel.opt_out_url)
    assert store.is_opted_out(sender_id(sender_key(twilio.sender_key, ""), NUMBER))
    with store.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT sender_hash FROM sms_opt_outs").scalars().all()
    assert len(stored) == 1 and "5555550142" not in stored[0]


@pytest.mark.asyncio
async def test_a_picture_without_words_gets_a_helpful_reply(twilio, sms):
    channel, assistant, url = sms
    answer = await text(
        twilio, url, "", NumMedia="1", MediaUrl0="https://api.twilio.com/media/1",
        MediaContentType0="image/jpeg",
    )
    assert answer.status_code == 200
    [reply] = await replies(twilio, 1)
    assert "type your question" in reply
    assert assistant.received == []


@pytest.mark.asyncio
async def test_a_failing_assistant_still_gets_an_answer_out(twilio, sms):
    channel, assistant, url = sms
    assistant.broken = True
    await text(twilio, url, "hi")
    assert "went wrong" in (await replies(twilio, 1))[0]


@pytest.mark.asyncio
async def test_without_the_auth_token_everything_is_refused(twilio, tmp_path):
    assistant = Assistant()
    channel = make_channel(twilio, tmp_path, auth_token="")
    server, base = await serve_channel(channel, assistant, "sms_unconfigured_test")
    channel.public_base_url = base
    try:
        url = f"{base}/webhooks/sms/webhook"
        # Even a post signed with the real token is refused: the channel cannot check it.
        for signature in (None, "bad", "missing"):
            answer = await asyncio.to_thread(
                twilio.post_inbound, url, {"From": NUMBER, "Body": "hi"}, signature
            )
            assert answer.status_code == 403
        await asyncio.sleep(0.3)
        assert twilio.messages == [] and assistant.received == []
    finally:
        server.close()
        await server.wait_closed()


async def post_raw(url: str, body: bytes, headers: dict):
    async with aiohttp.ClientSession() as http:
        async with http.post(url, data=body, headers=headers) as answer:
            return answer.status, await answer.text()


@pytest.mark.asyncio
async def test_a_re_cut_request_with_a_repeated_key_is_refused(twilio, sms):
    channel, assistant, url = sms
    params = twilio.inbound_params(From=NUMBER, Body="forget me")
    # Signed as Twilio would sign a request carrying both values: the signature alone would pass.
    recut = {**params, "From": [NUMBER, "+15555550199"]}
    body = urlencode([(k, v) for k, vs in recut.items() for v in (vs if isinstance(vs, list) else [vs])])
    headers = {"X-Twilio-Signature": twilio.sign(url, recut), "Content-Type": "application/x-www-form-urlencoded"}
    status, text_ = await post_raw(url, body.encode(), headers)
    assert status == 400 and "'From' is given more than once" in text_
    await asyncio.sleep(0.3)
    assert assistant.received == [] and twilio.messages == []


@pytest.mark.asyncio
async def test_texts_to_a_number_we_do_not_serve_are_refused(twilio, sms):
    channel, assistant, url = sms
    answer = await text(twilio, url, "hi", To="+15550009999")
    assert answer.status_code == 403 and "not a number served here" in answer.text
    # Twilio's own formatting of our number is the same number.
    answer = await text(twilio, url, "hi", To=twilio.from_number[:2] + " " + twilio.from_number[2:])
    assert answer.status_code == 200
    await replies(twilio, 1)
    assert len(assistant.received) == 1


@pytest.mark.asyncio
async def test_a_replayed_or_retried_text_is_answered_once(twilio, sms):
    channel, assistant, url = sms
    params = twilio.inbound_params(From=NUMBER, Body="hi there")
    first = await asyncio.to_thread(twilio.post_inbound, url, params)
    again = await asyncio.to_thread(twilio.post_inbound, url, params)
    assert first.status_code == again.status_code == 200
    assert again.text == first.text  # Twilio sees a normal answer and stops retrying
    await replies(twilio, 1)
    await asyncio.sleep(0.5)
    assert len(twilio.messages_to(NUMBER)) == 1 and len(assistant.received) == 1


@pytest.mark.asyncio
async def test_big_or_unsigned_bodies_are_refused_before_they_are_read(twilio, sms):
    channel, assistant, url = sms
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    big = b"Body=" + b"a" * (65 * 1024)
    assert (await post_raw(url, big, {**form, "X-Twilio-Signature": "c2ln"}))[0] == 413

    async def chunks():
        yield b"Body="
        for _ in range(40):
            yield b"a" * 4096
    async with aiohttp.ClientSession() as http:
        async with http.post(url, data=chunks(), headers={**form, "X-Twilio-Signature": "c2ln"}) as answer:
            assert answer.status == 413
    # No signature header: refused whatever the size, before the body is read.
    assert (await post_raw(url, big, form))[0] == 403
    assert assistant.received == []


@pytest.mark.asyncio
async def test_a_flood_from_one_number_gets_429(twilio, tmp_path):
    assistant = Assistant()
    channel = make_channel(twilio, tmp_path, twilio.auth_token)
    channel.messages.limits[0].limit = 3  # the minute's burst
    server, base = await serve_channel(channel, assistant, "sms_flood_test")
    channel.public_base_url = base
    url = f"{base}/webhooks/sms/webhook"
    try:
        statuses = [(await text(twilio, url, f"message {n}")).status_code for n in range(5)]
        assert statuses == [200, 200, 200, 429, 429]
        flooded = await text(twilio, url, "again")
        assert 1 <= int(flooded.headers["Retry-After"]) <= 60
        assert (await asyncio.to_thread(twilio.post_inbound, url, {"From": "+15555550177", "Body": "hi"})).status_code == 200
    finally:
        server.close()
        await server.wait_closed()
        await channel.background.drain()
        await channel.sender.close()


@pytest.mark.asyncio
async def test_nul_control_and_broken_utf8_in_a_text_are_dropped_and_the_channel_goes_on(twilio, sms):
    from urllib.parse import parse_qsl

    channel, assistant, url = sms
    params = twilio.inbound_params(From=NUMBER)
    # Body "hi<NUL><BEL> there<a lone surrogate as UTF-8 bytes> 😀 שלום", signed over what Twilio signs:
    # the decoded values (broken UTF-8 reads as U+FFFD, which is kept: it is a printable character).
    raw = urlencode({k: v for k, v in params.items() if k != "Body"}) + "&Body=hi%00%07+there%ED%A0%80+%F0%9F%98%80+%D7%A9%D7%9C%D7%95%D7%9D"
    decoded = dict(parse_qsl(raw, keep_blank_values=True))
    headers = {"X-Twilio-Signature": twilio.sign(url, decoded), "Content-Type": "application/x-www-form-urlencoded"}
    async with aiohttp.ClientSession() as http:
        async with http.post(url, data=raw.encode(), headers=headers) as reply:
            assert reply.status == 200
    await replies(twilio, 1)
    [message] = assistant.received
    assert message.text.startswith("hi there") and "\x00" not in message.text and "\x07" not in message.text
    assert message.text.endswith("\U0001F600 \u05e9\u05dc\u05d5\u05dd")
    assert (await text(twilio, url, "still there?")).status_code == 200
    await replies(twilio, 2)
    assert assistant.received[1].text == "still there?"


@pytest.mark.asyncio
async def test_a_message_sid_that_is_not_plain_gets_400(twilio, sms):
    _, assistant, url = sms
    answer = await asyncio.to_thread(twilio.post_inbound, url, {"From": NUMBER, "Body": "hi", "MessageSid": "SM\u202e<x>"})
    assert answer.status_code == 400 and "MessageSid" in answer.text
    assert assistant.received == []


@pytest.mark.asyncio
async def test_a_text_replayed_after_a_restart_is_not_answered_again(twilio, tmp_path):
    # No Redis: the MessageSids taken in are kept in a SQLite file under VAR_DIR.
    params = twilio.inbound_params(From=NUMBER, Body="hi there")
    assistants = []
    for run in ("before", "after"):
        assistant = Assistant()
        assistants.append(assistant)
        channel = SMSInput(
            account_sid=twilio.account_sid, auth_token=twilio.auth_token, from_number=twilio.from_number,
            api_base=twilio.url, sms_sender_key=twilio.sender_key, public_base_url="http://set-below",
            support_contact="help@careers.example", opt_out_url=f"sqlite:///{tmp_path / 'opt-outs.db'}",
            memory_file=tmp_path / "var" / "channel-memory.db",
        )
        server, base = await serve_channel(channel, assistant, f"sms_restart_{run}")
        channel.public_base_url = base
        url = f"{base}/webhooks/sms/webhook"
        try:
            answer = await asyncio.to_thread(twilio.post_inbound, url, params, None)
            assert answer.status_code == 200
            if run == "before":
                await replies(twilio, 1)
            await asyncio.sleep(0.5)
        finally:
            server.close()
            await server.wait_closed()
            await channel.sender.close()
            await channel.memory.close()
    assert len(assistants[0].received) == 1 and assistants[1].received == []
    assert len(twilio.messages_to(NUMBER)) == 1
