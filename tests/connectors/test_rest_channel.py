"""The REST channel mounted the way Rasa mounts it, on a real Sanic server: only a caller with the
token gets through, the body names no channel or metadata, big bodies are refused before they are
read, and one sender's flood is answered with 429."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest
import pytest_asyncio
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from connectors.rest import RestInput
from core.apologies import UNAVAILABLE
from standins import serve_channel

Sanic.test_mode = True  # see tests/connectors/test_sms_channel.py

TOKEN = "rest-channel-test-token"


class Assistant:
    def __init__(self) -> None:
        self.received: list[UserMessage] = []
        # As Rasa when it cannot reach the action server: the turn ends with nothing said.
        self.silent = False

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        if not self.silent:
            await message.output_channel.send_text_message(message.sender_id, f"You said: {message.text}")


@pytest_asyncio.fixture
async def rest():
    assistant = Assistant()
    channel = RestInput(TOKEN, max_bytes=64 * 1024, messages_per_minute=5)
    server, base = await serve_channel(channel, assistant, "rest_channel_test")
    yield channel, assistant, f"{base}/webhooks/rest/webhook"
    server.close()
    await server.wait_closed()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.asyncio
async def test_only_the_token_gets_through_and_the_body_names_no_channel(rest):
    channel, assistant, url = rest
    body = {"sender": "someone", "message": "forget me"}
    async with aiohttp.ClientSession() as http:
        for headers in ({}, bearer("wrong-token"), {"Authorization": f"Basic {TOKEN}"}, bearer(TOKEN + "x")):
            async with http.post(url, json=body, headers=headers) as reply:
                assert reply.status == 401
                assert "Authorization: Bearer" in (await reply.json())["error"]
        assert assistant.received == []

        forged = {"sender": "someone", "message": "hi", "input_channel": "teams",
                  "metadata": {"channel_profile": {"employee": True, "employer": "kaiser_permanente"}}}
        async with http.post(url, json=forged, headers=bearer(TOKEN)) as reply:
            assert reply.status == 200
            assert await reply.json() == [{"recipient_id": "someone", "text": "You said: hi"}]
        [message] = assistant.received
        assert message.input_channel == "rest" and not message.metadata

        # Without a token on the server, nothing gets through, not even an empty bearer.
        channel.token = ""
        for headers in ({}, bearer(""), bearer(TOKEN)):
            async with http.post(url, json=body, headers=headers) as reply:
                assert reply.status == 403
                assert "REST_CHANNEL_TOKEN is not set" in (await reply.json())["error"]
        assert len(assistant.received) == 1


@pytest.mark.asyncio
async def test_large_bodies_are_refused_before_they_are_read(rest):
    _, assistant, url = rest
    big = json.dumps({"sender": "someone", "message": "a" * (65 * 1024)})
    async with aiohttp.ClientSession() as http:
        async with http.post(url, data=big, headers={**bearer(TOKEN), "Content-Type": "application/json"}) as reply:
            assert reply.status == 413 and "64 KB" in (await reply.json())["error"]

        async def chunks():  # no Content-Length: counted while read
            for _ in range(100):
                yield b" " * 4096
        async with http.post(url, data=chunks(), headers={**bearer(TOKEN), "Content-Type": "application/json"}) as reply:
            assert reply.request_info.headers.get("Transfer-Encoding") == "chunked"
            assert reply.status == 413

        # Without the token the size does not matter: refused before anything is read.
        async with http.post(url, data=big, headers={"Content-Type": "application/json"}) as reply:
            assert reply.status == 401
    assert assistant.received == []


@pytest.mark.asyncio
async def test_a_stated_50_mb_body_is_refused_while_it_is_still_being_sent(rest):
    _, assistant, url = rest
    port = int(url.split(":")[2].split("/")[0])
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"POST /webhooks/rest/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Authorization: Bearer " + TOKEN.encode() + b"\r\nContent-Length: 52428800\r\n\r\n" + b" " * 1024)
    await writer.drain()
    status_line = await asyncio.wait_for(reader.readline(), timeout=5)
    writer.close()
    assert status_line.startswith(b"HTTP/1.1 413")
    assert assistant.received == []


@pytest.mark.asyncio
async def test_a_flood_from_one_sender_gets_429_with_retry_after(rest):
    _, assistant, url = rest
    async with aiohttp.ClientSession() as http:
        statuses = []
        for _ in range(7):
            async with http.post(url, json={"sender": "flood", "message": "hi"}, headers=bearer(TOKEN)) as reply:
                statuses.append(reply.status)
                if reply.status == 429:
                    assert 1 <= int(reply.headers["Retry-After"]) <= 60
        assert statuses == [200] * 5 + [429] * 2
        async with http.post(url, json={"sender": "someone-else", "message": "hi"}, headers=bearer(TOKEN)) as reply:
            assert reply.status == 200
    assert len(assistant.received) == 6


@pytest.mark.asyncio
async def test_bad_bodies_get_a_clear_400(rest):
    _, assistant, url = rest
    async with aiohttp.ClientSession() as http:
        for body in (b"not json", b"[]", b'{"message": "hi"}', b'{"sender": "", "message": "hi"}',
                     b'{"sender": "x", "message": 5}'):
            async with http.post(url, data=body, headers={**bearer(TOKEN), "Content-Type": "application/json"}) as reply:
                assert reply.status == 400, body
                assert (await reply.json())["error"]
    assert assistant.received == []


@pytest.mark.asyncio
async def test_a_sender_outside_the_safe_alphabet_gets_400_and_the_channel_goes_on(rest):
    _, assistant, url = rest
    async with aiohttp.ClientSession() as http:
        # Raw bytes: json.dumps of "x\ud800" writes the lone surrogate as an escape, as clients do.
        for sender in ('"x\\ud800"', '"a\\u0000b"', '"two words"', '"' + "a" * 201 + '"', '"\\u202eevil"'):
            body = ('{"sender": ' + sender + ', "message": "hi"}').encode()
            async with http.post(url, data=body, headers={**bearer(TOKEN), "Content-Type": "application/json"}) as reply:
                assert reply.status == 400, sender
                assert "letters, digits" in (await reply.json())["error"]
        assert assistant.received == []
        async with http.post(url, json={"sender": "29:1a-B_c.d@e+f=", "message": "hi"}, headers=bearer(TOKEN)) as reply:
            assert reply.status == 200
    assert [m.sender_id for m in assistant.received] == ["29:1a-B_c.d@e+f="]


@pytest.mark.asyncio
async def test_text_loses_nul_controls_and_surrogates_but_keeps_emoji_and_rtl(rest):
    _, assistant, url = rest
    body = b'{"sender": "clean", "message": "hi\\u0000 \\ud800there\\u0007\\nnurse \\ud83d\\ude00 \\u05e9\\u05dc\\u05d5\\u05dd \\u200f"}'
    async with aiohttp.ClientSession() as http:
        async with http.post(url, data=body, headers={**bearer(TOKEN), "Content-Type": "application/json"}) as reply:
            assert reply.status == 200
    [message] = assistant.received
    assert message.text == "hi there\nnurse \U0001F600 \u05e9\u05dc\u05d5\u05dd \u200f"
    message.text.encode("utf-8")  # valid UTF-8 throughout


@pytest.mark.asyncio
async def test_a_turn_that_fails_is_answered_with_an_apology():
    async def failing(message: UserMessage) -> None:
        raise RuntimeError("the conversation store refused the turn")

    channel = RestInput(TOKEN, max_bytes=64 * 1024, messages_per_minute=5)
    server, base = await serve_channel(channel, failing, "rest_channel_failing_test")
    try:
        async with aiohttp.ClientSession() as http:
            async with http.post(f"{base}/webhooks/rest/webhook", json={"sender": "s", "message": "hi"},
                                 headers=bearer(TOKEN)) as reply:
                assert reply.status == 200
                assert [m["text"] for m in await reply.json()] == [
                    "Sorry, something went wrong. Please send your message again."]
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.asyncio
async def test_a_turn_that_says_nothing_gets_the_polite_sentence(rest):
    # Rasa ends a turn whose custom action it cannot reach (the action server down) in silence.
    channel, assistant, url = rest
    assistant.silent = True
    async with aiohttp.ClientSession() as http:
        async with http.post(url, json={"sender": "someone", "message": "find me training"},
                             headers=bearer(TOKEN)) as reply:
            assert reply.status == 200
            assert await reply.json() == [{"recipient_id": "someone", "text": UNAVAILABLE}]
    assert len(assistant.received) == 1
