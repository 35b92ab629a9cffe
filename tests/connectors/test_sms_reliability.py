"""Nothing acknowledged is lost on SMS: once Twilio has had its 200, the person gets an answer, even
when several first texts arrive together right after a start, when the assistant fails once, or
when Twilio refuses the reply."""

from __future__ import annotations

import asyncio
import os
import threading
import uuid

import pytest
import pytest_asyncio
import sqlalchemy as sa
from sanic import Sanic

from connectors.background import RESEND_TEXT
from connectors.sms.inbox import MAX_ATTEMPTS
from connectors.sms.optouts import OptOutStore
from tests.connectors.test_sms_channel import Assistant, make_channel
from standins import serve_channel
from standins.twilio import TwilioStandIn

Sanic.test_mode = True

NUMBERS = [f"+1555555{n:04d}" for n in range(10)]


@pytest.fixture
def twilio():
    standin = TwilioStandIn().start()
    yield standin
    standin.stop()


@pytest.mark.asyncio
async def test_first_texts_arriving_together_right_after_a_start_are_all_answered(twilio, tmp_path):
    assistant = Assistant()
    channel = make_channel(twilio, tmp_path, twilio.auth_token)
    server, base = await serve_channel(channel, assistant, "sms_first_texts_test")
    channel.public_base_url = base
    url = f"{base}/webhooks/sms/webhook"
    try:
        answers = await asyncio.gather(*(
            asyncio.to_thread(twilio.post_inbound, url, {"From": number, "Body": f"hi from {number}"})
            for number in NUMBERS
        ))
        assert [a.status_code for a in answers] == [200] * len(NUMBERS)
        for number in NUMBERS:
            [reply] = await asyncio.to_thread(twilio.wait_for_messages, number, 1, 10)
            assert reply["body"].startswith(f"You said: hi from {number}")
    finally:
        server.close()
        await server.wait_closed()
        await channel.sender.close()



class FlakyAssistant(Assistant):
    """Fails the first `failures` messages it is handed, then answers as the stub does."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures
        self.calls = 0

    async def __call__(self, message):
        self.calls += 1
        if self.calls <= self.failures:
            raise RuntimeError("the tracker store fell over")
        await super().__call__(message)


@pytest_asyncio.fixture
async def serve(twilio, tmp_path):
    """Serves a channel with the given assistant; yields a function returning the webhook URL."""
    started = []

    async def start(assistant):
        channel = make_channel(twilio, tmp_path, twilio.auth_token)
        server, base = await serve_channel(channel, assistant, f"sms_reliability_{len(started)}")
        channel.public_base_url = base
        started.append((server, channel))
        return f"{base}/webhooks/sms/webhook"

    yield start
    for server, channel in started:
        server.close()
        await server.wait_closed()
        await channel.sender.close()


async def text_and_wait(twilio, url, count):
    answer = await asyncio.to_thread(twilio.post_inbound, url, {"From": NUMBERS[0], "Body": "hi"})
    assert answer.status_code == 200
    return [m["body"] for m in await asyncio.to_thread(twilio.wait_for_messages, NUMBERS[0], count, 10)]


@pytest.mark.asyncio
async def test_a_message_whose_handling_fails_once_is_tried_again_and_answered(twilio, serve):
    assistant = FlakyAssistant(failures=1)
    url = await serve(assistant)
    assert (await text_and_wait(twilio, url, 1))[0].startswith("You said: hi")
    await asyncio.sleep(0.5)
    assert assistant.calls == 2 and len(twilio.messages_to(NUMBERS[0])) == 1


@pytest.mark.asyncio
async def test_a_message_that_keeps_failing_gets_one_request_to_resend(twilio, serve):
    assistant = FlakyAssistant(failures=99)
    url = await serve(assistant)
    assert await text_and_wait(twilio, url, 1) == [RESEND_TEXT]
    await asyncio.sleep(0.5)
    assert assistant.calls == MAX_ATTEMPTS and len(twilio.messages_to(NUMBERS[0])) == 1


@pytest.mark.asyncio
async def test_a_reply_twilio_refuses_is_followed_by_a_request_to_resend(twilio, serve):
    assistant = Assistant()
    url = await serve(assistant)
    # Twilio's API fails every try of the reply (the sender tries three times), then recovers.
    twilio.fail_next = [500, 500, 500]
    assert await text_and_wait(twilio, url, 1) == [RESEND_TEXT]
    # The turn was taken in once: it is not run a second time.
    await asyncio.sleep(0.5)
    assert len(assistant.received) == 1

class SilentAssistant(Assistant):
    """Takes the message in and says nothing, as Rasa does when it cannot reach the action server."""

    async def __call__(self, message):
        self.received.append(message)


@pytest.mark.asyncio
async def test_a_turn_that_says_nothing_gets_a_request_to_resend(twilio, serve):
    assistant = SilentAssistant()
    url = await serve(assistant)
    assert await text_and_wait(twilio, url, 1) == [RESEND_TEXT]
    # The turn was taken in once: it is not run a second time.
    await asyncio.sleep(0.5)
    assert len(assistant.received) == 1 and len(twilio.messages_to(NUMBERS[0])) == 1


POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_database(request, tmp_path):
    """A database with no tables yet, as on the first start."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'var' / 'opt-outs.db'}"
        return
    name = f"optouts_test_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield f"{POSTGRES_URL.rsplit('/', 1)[0]}/{name}"
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_servers_opening_the_opt_out_store_at_the_same_moment_all_succeed(fresh_database):
    # Several Rasa servers (or threads) starting together on one empty database.
    start = threading.Barrier(12)
    errors: list[BaseException] = []
    stores: list[OptOutStore] = []

    def open_store() -> None:
        start.wait()
        try:
            stores.append(OptOutStore(fresh_database))
        except BaseException as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        stores[0].opt_out("sms-abc")
        assert all(store.is_opted_out("sms-abc") for store in stores)
    finally:
        for store in stores:
            store.close()
