"""Nothing acknowledged is lost on Teams: the Bot Framework has had its 202, so a reply that could
not be made or posted is tried again, and if that fails too the person is asked to resend."""

from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio
from sanic import Sanic

from connectors.background import RESEND_TEXT
from tests.connectors.test_teams_channel import Assistant, make_channel
from standins import serve_channel
from standins.botframework import BotFrameworkStandIn

Sanic.test_mode = True


class FlakyAssistant(Assistant):
    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures
        self.calls = 0

    async def __call__(self, message):
        self.calls += 1
        if self.calls <= self.failures:
            raise RuntimeError("the lock store fell over")
        await super().__call__(message)


@pytest.fixture(scope="module")
def bf():
    standin = BotFrameworkStandIn().start()
    yield standin
    standin.stop()


@pytest_asyncio.fixture
async def serve(bf):
    started = []

    async def start(assistant):
        channel = make_channel(bf, bf.app_password)
        channel.background.retry_delay = 0.2
        server, base = await serve_channel(channel, assistant, f"teams_reliability_{len(started)}")
        started.append((server, channel))
        return f"{base}/webhooks/teams/webhook"

    yield start
    for server, channel in started:
        server.close()
        await server.wait_closed()
        await channel.http().close()


async def say(bf, url, text):
    activity = bf.activity(text)
    answer = await asyncio.to_thread(bf.post_activity, url, activity)
    assert answer.status_code == 202
    return activity


async def texts(bf, activity, count=1):
    replies = await asyncio.to_thread(bf.wait_for_replies, activity["conversation"]["id"], count, 10)
    return [reply["text"] for reply in replies]


@pytest.mark.asyncio
async def test_a_reply_the_connector_refuses_once_is_posted_on_the_next_try(bf, serve):
    url = await serve(Assistant())
    bf.fail_next = [502]
    activity = await say(bf, url, "hello")
    assert await texts(bf, activity) == ["You said: hello\n\nMore"]
    await asyncio.sleep(0.5)
    assert len(bf.replies_in(activity["conversation"]["id"])) == 1


@pytest.mark.asyncio
async def test_an_assistant_that_keeps_failing_leads_to_one_request_to_resend(bf, serve):
    assistant = FlakyAssistant(failures=99)
    url = await serve(assistant)
    activity = await say(bf, url, "hello")
    assert await texts(bf, activity) == [RESEND_TEXT]
    await asyncio.sleep(0.5)
    assert assistant.calls == 2 and len(bf.replies_in(activity["conversation"]["id"])) == 1


@pytest.mark.asyncio
async def test_an_assistant_that_fails_once_answers_on_the_next_try(bf, serve):
    assistant = FlakyAssistant(failures=1)
    url = await serve(assistant)
    activity = await say(bf, url, "hello")
    assert await texts(bf, activity) == ["You said: hello\n\nMore"]
    assert assistant.calls == 2
