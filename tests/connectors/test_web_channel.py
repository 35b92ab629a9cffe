"""The web channel mounted the way Rasa mounts it, on a real Sanic server: without
WEB_SESSION_SECRET it refuses every session instead of trusting anyone."""

from __future__ import annotations

import asyncio
import contextlib
import json

import aiohttp
import pytest
import pytest_asyncio
from rasa.core.channels.channel import register
from sanic import Sanic

from connectors.limits import trusted_networks
from connectors.web import WebInput, tokens
from core.apologies import UNAVAILABLE

from ops.launcher import free_port

# Sanic 21 rewrites its request handling the first time an app starts (see test_sms_channel.py).
Sanic.test_mode = True

ALLOWED = "http://school.example"
SECRET = "channel-test-secret"


@pytest_asyncio.fixture
async def server():
    """The channel on a real server (Sanic 21 can set up only one app per process)."""
    port = free_port()
    app = Sanic(f"web_channel_test_{port}")
    channel = WebInput(SECRET, (ALLOWED,), 3600, ALLOWED)
    register([channel], app, route="/webhooks/")
    running = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, debug=False
    )
    await running.startup()
    yield f"http://127.0.0.1:{port}", channel
    await running.close()


async def socketio_answer(http: aiohttp.ClientSession, prefix: str, auth: dict) -> str:
    url = f"{prefix}/socket.io/"
    async with http.get(url, params={"EIO": "4", "transport": "polling"}) as opened:
        sid = json.loads((await opened.text())[1:])["sid"]
    params = {"EIO": "4", "transport": "polling", "sid": sid}
    async with http.post(url, params=params, data="40" + json.dumps(auth)) as sent:
        assert sent.status == 200
    async with http.get(url, params=params) as answer:
        return await answer.text()


@pytest.mark.asyncio
async def test_sessions_need_the_server_secret(server):
    base, channel = server
    async with aiohttp.ClientSession() as http:
        # With the secret: a session for an allowed site, and only its own tokens connect.
        web = f"{base}/webhooks/web"
        async with http.post(f"{web}/session", headers={"Origin": ALLOWED}) as reply:
            assert reply.status == 200
            assert reply.headers["Access-Control-Allow-Origin"] == ALLOWED
            token = (await reply.json())["token"]
        assert tokens.verify(SECRET, token)
        assert (await socketio_answer(http, web, {"token": token})).startswith('40{"sid"')
        forged = tokens.issue("another-secret", 3600)
        assert "session refused" in await socketio_answer(http, web, {"token": forged})
        async with http.get(f"{web}/") as page:
            assert page.status == 200
            assert f'<script src="{ALLOWED}/webhooks/web/widget.js" data-server="{ALLOWED}"' in (
                await page.text()
            )

        # Without it: no session is handed out and no token is trusted, not even a real one.
        channel.secret = ""
        async with http.post(f"{web}/session", headers={"Origin": ALLOWED}) as reply:
            assert reply.status == 503
            assert "not set up" in (await reply.json())["error"]
        assert "session refused" in await socketio_answer(http, web, {"token": token})


@pytest.mark.asyncio
async def test_session_minting_is_limited_per_address(server):
    base, channel = server
    channel.new_sessions.limit = 3
    web = f"{base}/webhooks/web"
    async with aiohttp.ClientSession() as http:
        statuses = []
        for _ in range(5):
            async with http.post(f"{web}/session", headers={"Origin": ALLOWED}) as reply:
                statuses.append(reply.status)
                if reply.status == 429:
                    assert 1 <= int(reply.headers["Retry-After"]) <= 3600
                    assert reply.headers["Access-Control-Allow-Origin"] == ALLOWED
                    assert "Too many" in (await reply.json())["error"]
        assert statuses == [200, 200, 200, 429, 429]
        # A peer that is not a trusted proxy cannot choose the address it is counted as.
        async with http.post(f"{web}/session", headers={"Origin": ALLOWED, "X-Forwarded-For": "203.0.113.9"}) as reply:
            assert reply.status == 429
        # Behind a trusted proxy (the launcher's, on loopback), the address the proxy added counts;
        # what the caller wrote before it does not.
        channel.trusted_proxies = trusted_networks(["127.0.0.1"])
        async with http.post(f"{web}/session", headers={"Origin": ALLOWED, "X-Forwarded-For": "203.0.113.9"}) as reply:
            assert reply.status == 200
        for _ in range(3):
            async with http.post(f"{web}/session", headers={"Origin": ALLOWED, "X-Forwarded-For": "203.0.113.9"}) as reply:
                pass
        async with http.post(f"{web}/session", headers={"Origin": ALLOWED, "X-Forwarded-For": "198.51.100.1, 203.0.113.9"}) as reply:
            assert reply.status == 429
        async with http.post(f"{web}/session", headers={"Origin": ALLOWED},
                             data=b'{"previous": "' + b"x" * 70_000 + b'"}') as reply:
            assert reply.status == 413


@pytest.mark.asyncio
async def test_ending_a_chat_refuses_its_token_from_then_on(server):
    base, _ = server
    web = f"{base}/webhooks/web"
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{web}/session", headers={"Origin": ALLOWED}) as reply:
            token = (await reply.json())["token"]
        assert (await socketio_answer(http, web, {"token": token})).startswith('40{"sid"')

        async with http.post(f"{web}/session/end", headers={"Origin": "https://evil.example"},
                             data=json.dumps({"token": token})) as reply:
            assert reply.status == 403
        assert (await socketio_answer(http, web, {"token": token})).startswith('40{"sid"')

        async with http.post(f"{web}/session/end", headers={"Origin": ALLOWED, "Content-Type": "text/plain"},
                             data=json.dumps({"token": token})) as reply:
            assert reply.status == 200 and (await reply.json()) == {"ended": True}
            assert reply.headers["Access-Control-Allow-Origin"] == ALLOWED
        assert "session refused" in await socketio_answer(http, web, {"token": token})
        # A token that is not ours ends nothing.
        async with http.post(f"{web}/session/end", headers={"Origin": ALLOWED},
                             data=json.dumps({"token": tokens.issue("other", 60)})) as reply:
            assert (await reply.json()) == {"ended": False}


class RecordingAgent:
    """Stands in for Rasa's agent under the channel: records what reaches it, answers once (or,
    `silent`, says nothing, as Rasa when it cannot reach the action server)."""

    def __init__(self, silent: bool = False) -> None:
        self.received = []
        self.silent = silent

    async def handle_message(self, message) -> None:
        self.received.append(message)
        if not self.silent:
            await message.output_channel.send_text_message(message.sender_id, "heard you")


@contextlib.asynccontextmanager
async def chat(base: str):
    """(client, answers): a widget's socket on a new session; answers is a queue of bot messages."""
    import socketio

    async with aiohttp.ClientSession() as http:
        async with http.post(f"{base}/webhooks/web/session", headers={"Origin": ALLOWED}) as reply:
            token = (await reply.json())["token"]
    client = socketio.AsyncClient()
    answers = asyncio.Queue()
    client.on("bot_uttered", answers.put)
    await client.connect(base, socketio_path="/webhooks/web/socket.io", auth={"token": token},
                         headers={"Origin": ALLOWED}, transports=["polling"])
    try:
        yield client, answers
    finally:
        # Not waiting for the long poll still open to end (the server's 25 s ping interval).
        await client.eio.disconnect(abort=True)


@pytest.mark.asyncio
async def test_nul_controls_and_lone_surrogates_never_reach_the_assistant(server):
    base, channel = server
    agent = RecordingAgent()
    channel.app.ctx.agent = agent
    async with chat(base) as (client, answers):
        await client.emit("user_uttered", {"message": "hi\x00\x1b[2J there\ud800 \U0001F600 \u05e9\u05dc\u05d5\u05dd",
                                           "title": "\ud800"})
        await asyncio.wait_for(answers.get(), 10)
        await client.emit("user_uttered", {"message": "\x00\ud800"})  # nothing left: not a message
        await client.emit("user_uttered", {"message": "still there?"})
        await asyncio.wait_for(answers.get(), 10)
    assert [m.text for m in agent.received] == ["hi[2J there \U0001F600 \u05e9\u05dc\u05d5\u05dd", "still there?"]
    assert agent.received[0].metadata == {}


@pytest.mark.asyncio
async def test_a_class_of_40_starts_together_and_a_flood_from_one_address_is_still_limited(server):
    import asyncio

    base, channel = server  # the defaults a server gets (WEB_SESSIONS_PER_IP_PER_HOUR)
    web = f"{base}/webhooks/web"
    async with aiohttp.ClientSession() as http:
        async def start() -> int:
            async with http.post(f"{web}/session", headers={"Origin": ALLOWED}) as reply:
                return reply.status

        # Forty students behind one school address open the chat in the same minute.
        assert await asyncio.gather(*(start() for _ in range(40))) == [200] * 40
        # A thousand requests from one address: most are refused.
        statuses = [await start() for _ in range(960)]
        assert statuses.count(200) == channel.new_sessions.limit - 40 < 200
        assert statuses[-1] == 429


@pytest.mark.asyncio
async def test_new_chats_from_all_addresses_together_meet_a_global_cap(server):
    base, channel = server
    channel.trusted_proxies = trusted_networks(["127.0.0.1"])
    channel.all_new_sessions.limit = 5
    web = f"{base}/webhooks/web"
    async with aiohttp.ClientSession() as http:
        statuses = []
        for n in range(7):  # seven different addresses, one chat each
            async with http.post(f"{web}/session", headers={"Origin": ALLOWED, "X-Forwarded-For": f"203.0.113.{n}"}) as reply:
                statuses.append(reply.status)
        assert statuses == [200] * 5 + [429] * 2


def test_a_trusted_proxy_that_is_not_an_address_stops_the_server_at_start():
    with pytest.raises(ValueError, match="TRUSTED_PROXIES: 'localhost'"):
        WebInput(SECRET, (ALLOWED,), 3600, ALLOWED, trusted_proxies=("127.0.0.1", "localhost"))


@pytest.mark.asyncio
async def test_an_ended_chat_stays_ended_after_a_restart(tmp_path):
    # No Redis: ended sessions are kept in a SQLite file under VAR_DIR.
    token = None
    for run in ("before", "after"):
        port = free_port()
        app = Sanic(f"web_restart_{run}_{port}")
        channel = WebInput(SECRET, (ALLOWED,), 3600, ALLOWED, memory_file=tmp_path / "var" / "channel-memory.db")
        register([channel], app, route="/webhooks/")
        running = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True, debug=False)
        await running.startup()
        web = f"http://127.0.0.1:{port}/webhooks/web"
        try:
            async with aiohttp.ClientSession() as http:
                if run == "before":
                    async with http.post(f"{web}/session", headers={"Origin": ALLOWED}) as reply:
                        token = (await reply.json())["token"]
                    async with http.post(f"{web}/session/end", headers={"Origin": ALLOWED},
                                         data=json.dumps({"token": token})) as reply:
                        assert (await reply.json()) == {"ended": True}
                assert "session refused" in await socketio_answer(http, web, {"token": token}), run
        finally:
            await running.close()
            await channel.memory.close()


@pytest.mark.asyncio
async def test_a_turn_that_says_nothing_gets_the_polite_sentence(server):
    base, channel = server
    agent = RecordingAgent(silent=True)
    channel.app.ctx.agent = agent
    async with chat(base) as (client, answers):
        await client.emit("user_uttered", {"message": "find me training"})
        answer = await asyncio.wait_for(answers.get(), 10)
    assert answer["text"] == UNAVAILABLE and len(agent.received) == 1
