"""One running assistant for every end-to-end test: catalog, action server and Rasa with the
project's trained model, started through the same launcher `make run` uses, with the Twilio and
Bot Framework stand-ins in place of the real services."""

from __future__ import annotations

import pytest
import requests

from ops.launcher import Stack, isolated_env
from standins.botframework import BotFrameworkStandIn
from standins.twilio import TwilioStandIn


@pytest.fixture(scope="session")
def twilio():
    standin = TwilioStandIn().start()
    yield standin
    standin.stop()


@pytest.fixture(scope="session")
def botframework():
    standin = BotFrameworkStandIn().start()
    yield standin
    standin.stop()


@pytest.fixture(scope="session")
def stack(tmp_path_factory, twilio, botframework):
    var_dir = tmp_path_factory.mktemp("stack-var")
    env = {
        **isolated_env(var_dir),
        **twilio.env(),
        **botframework.env(),
        # As behind the launcher's own proxy: a test may give its requests an address of their
        # own (X-Forwarded-For), so one test's rate-limit budget is not another's.
        "TRUSTED_PROXIES": "127.0.0.1",
    }
    running = Stack(env=env).start()
    yield running
    running.stop()


REST_TURN_TIMEOUT = 30


def rest_post(stack, body: dict, timeout: float = REST_TURN_TIMEOUT, **headers: str) -> requests.Response:
    """A POST to the REST channel with the stack's token (every REST client must send it)."""
    return requests.post(f"{stack.rasa_url}/webhooks/rest/webhook", json=body,
                         headers={**stack.rest_headers, **headers}, timeout=timeout)


def say(stack, sender: str, text: str, timeout: float = REST_TURN_TIMEOUT) -> list[dict]:
    """One turn through the REST channel: the assistant's messages."""
    response = rest_post(stack, {"sender": sender, "message": text}, timeout)
    assert response.status_code == 200, response.text
    return response.json()
