"""One running assistant for every end-to-end test: catalog, action server and Rasa with the
project's trained model, started through the same launcher `make run` uses, with the Twilio and
Bot Framework stand-ins in place of the real services."""

from __future__ import annotations

import secrets
import socket

import pytest

from bot.launcher import Stack
from tests.standins.botframework import BotFrameworkStandIn
from tests.standins.twilio import TwilioStandIn


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    rasa_port = free_port()
    env = {
        "VAR_DIR": str(var_dir),
        "RASA_PORT": str(rasa_port),
        "ACTION_PORT": str(free_port()),
        "CATALOG_PORT": str(free_port()),
        "CATALOG_DATABASE_URL": f"sqlite:///{var_dir / 'catalog.db'}",
        "TRACKER_DB_URL": f"sqlite:///{var_dir / 'conversations.db'}",
        "CATALOG_API_KEY": secrets.token_urlsafe(16),
        "RASA_API_TOKEN": secrets.token_urlsafe(16),
        "WEB_SESSION_SECRET": secrets.token_urlsafe(24),
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{rasa_port}",
        "WEB_ALLOWED_ORIGINS": f"http://127.0.0.1:{rasa_port},http://localhost:{rasa_port}",
        "REDIS_URL": "",
        **twilio.env(),
        **botframework.env(),
    }
    running = Stack(env=env).start()
    yield running
    running.stop()
