"""Sending through the Messages API of the Twilio stand-in: basic auth, retries, errors."""

import asyncio

import pytest
import pytest_asyncio

from connectors.sms.twilio_api import SendError, TwilioSender
from standins.twilio import TwilioStandIn


@pytest.fixture
def twilio():
    standin = TwilioStandIn().start()
    yield standin
    standin.stop()


@pytest_asyncio.fixture
async def sender(twilio):
    made = TwilioSender(twilio.account_sid, twilio.auth_token, twilio.from_number, twilio.url)
    yield made
    await made.close()


@pytest.mark.asyncio
async def test_sends_with_basic_auth(twilio, sender):
    sid = await sender.send("+15550100100", "Hello there")
    assert sid.startswith("SM")
    assert twilio.messages == [
        {"sid": sid, "to": "+15550100100", "from": twilio.from_number, "body": "Hello there"}
    ]


@pytest.mark.asyncio
async def test_retries_when_twilio_is_briefly_down(twilio, sender):
    twilio.fail_next = [503, 500]
    await sender.send("+15550100100", "Third time lucky")
    assert [m["body"] for m in twilio.messages] == ["Third time lucky"]


@pytest.mark.asyncio
async def test_wrong_credentials_fail_without_retrying_or_naming_the_number(twilio):
    bad = TwilioSender(twilio.account_sid, "wrong-token", twilio.from_number, twilio.url)
    with pytest.raises(SendError) as failure:
        await bad.send("+15550100100", "Hello")
    await bad.close()
    assert "401" in str(failure.value) and "5550100100" not in str(failure.value)
    assert twilio.messages == []


@pytest.mark.asyncio
async def test_sending_does_not_block_the_event_loop(twilio, sender):
    twilio.delay = 0.5
    sending = asyncio.ensure_future(sender.send("+15550100100", "Slow day"))
    # A blocking client would hold the loop for the whole send, so it would be over by now.
    await asyncio.sleep(0.1)
    assert not sending.done()
    await sending
    assert [m["body"] for m in twilio.messages] == ["Slow day"]
