"""A web chat session asked for with the person's current token continues that person's earlier
conversations (on a real ConversationStore), so "forget me" reaches them all; an expired or foreign
token links nothing."""

from __future__ import annotations

from types import SimpleNamespace

import aiohttp
import pytest
import pytest_asyncio
from rasa.core.channels.channel import register
from rasa.shared.core.domain import Domain
from sanic import Sanic

from bot import forgetting
from bot.conversation_store import ConversationStore
from ops.launcher import free_port
from core.settings import ROOT
from connectors.web import WebInput, tokens

# Sanic 21 rewrites its request handling the first time an app starts (see test_sms_channel.py).
Sanic.test_mode = True

ALLOWED = "http://school.example"
SECRET = "person-test-secret"


@pytest_asyncio.fixture
async def web(tmp_path):
    port = free_port()
    app = Sanic(f"web_person_test_{port}")
    store = ConversationStore(domain=Domain.load(str(ROOT / "domain")), url=f"sqlite:///{tmp_path / 'c.db'}")
    app.ctx.agent = SimpleNamespace(tracker_store=store)
    register([WebInput(SECRET, (ALLOWED,), 3600, ALLOWED)], app, route="/webhooks/")
    running = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True, debug=False)
    await running.startup()
    yield f"http://127.0.0.1:{port}/webhooks/web/session", store
    await running.close()
    store.engine.dispose()


async def new_session(http, url, **body) -> str:
    async with http.post(url, headers={"Origin": ALLOWED}, json=body or None) as reply:
        assert reply.status == 200
        return tokens.verify(SECRET, (await reply.json())["token"])


def people(store, *sessions) -> list[str]:
    with store.engine.connect() as connection:
        return [forgetting.person_of(connection, session) for session in sessions]


@pytest.mark.asyncio
async def test_starting_over_with_the_current_token_continues_the_person(web):
    url, store = web
    async with aiohttp.ClientSession() as http:
        async with http.post(url, headers={"Origin": ALLOWED}) as reply:
            first_token = (await reply.json())["token"]
        first = tokens.verify(SECRET, first_token)
        second = await new_session(http, url, previous=first_token)
        expired = tokens.issue(SECRET, 60, now=0)
        stranger = await new_session(http, url, previous=expired)
        forged = await new_session(http, url, previous=tokens.issue("another-secret", 3600))
        plain = await new_session(http, url)

    assert people(store, first, second) == [first, first]
    with store.engine.connect() as connection:
        assert forgetting.conversations_of(connection, second) == sorted([first, second])
        for alone in (stranger, forged, plain):
            assert forgetting.conversations_of(connection, alone) == [alone]
