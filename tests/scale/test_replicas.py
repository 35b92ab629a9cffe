"""Two Rasa replicas behind the proxy, as `RASA_REPLICAS=2 make run` starts them, on the machine's
PostgreSQL (conversations) and Redis (locks, socket.io): a conversation keeps its state whichever
replica takes a turn, the web chat works through the proxy (sticky polling, WebSocket upgrade) and
across replicas, SMS keeps one person on one replica, and SIGTERM stops it all."""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import threading
import time
import uuid

import psycopg
import pytest
import requests
import socketio
from sqlalchemy.engine import make_url

from ops.launcher import Stack, isolated_env
from connectors.sms.senders import sender_id, sender_key
from tests.scale.conftest import STOP_BOUND_SECONDS, Launcher

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
TURN_TIMEOUT = 60
START_TIMEOUT = 20 * 60
REST_TOKEN = secrets.token_urlsafe(24)
NUMBERED = re.compile(r"^1\. .+\n2\. .+", re.MULTILINE)


def postgres_database(name: str, drop: bool = False) -> str:
    """Creates (or drops) database `name` on the test server; returns its URL."""
    base = make_url(POSTGRES_URL)
    with psycopg.connect(base.set(drivername="postgresql").render_as_string(hide_password=False),
                         autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"' if drop else f'CREATE DATABASE "{name}"')
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="module")
def replicated(tmp_path_factory, twilio):
    """(launcher, stack): the launcher running two replicas; `stack` only names their addresses."""
    var_dir = tmp_path_factory.mktemp("replicas")
    database = f"scale_{uuid.uuid4().hex[:10]}"
    env = {
        **isolated_env(var_dir, replicas=2),
        **twilio.env(),
        "TRACKER_DB_URL": postgres_database(database),
        "REDIS_URL": REDIS_URL,
        "REST_CHANNEL_TOKEN": REST_TOKEN,
    }
    launcher = Launcher(var_dir, env).start()
    try:
        launcher.wait_for_output("is running (2 Rasa replicas behind the proxy)", START_TIMEOUT)
        yield launcher, Stack(env=env)
    finally:
        launcher.kill_all()
        postgres_database(database, drop=True)


def say(url: str, sender: str, text: str) -> tuple[str, str]:
    """(reply text, replica that answered) for one REST turn sent to `url`."""
    response = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                             headers={"Authorization": f"Bearer {REST_TOKEN}"}, timeout=TURN_TIMEOUT)
    assert response.status_code == 200, response.text
    return " ".join(m.get("text") or "" for m in response.json()), response.headers.get("X-Replica", "")


def slots(stack: Stack, url: str, sender: str) -> dict:
    response = requests.get(f"{url}/conversations/{sender}/tracker", params={"token": stack.rasa_api_token},
                            timeout=10)
    assert response.status_code == 200
    return response.json()["slots"]


def test_replicas_are_refused_on_sqlite_or_without_redis(launcher_factory, tmp_path):
    env = isolated_env(tmp_path / "sqlite", replicas=2)
    on_sqlite = launcher_factory(tmp_path / "sqlite", env).start()
    code, _ = on_sqlite.wait_exit(60)
    assert code == 2
    assert "RASA_REPLICAS=2 needs a conversation store every replica shares: set TRACKER_DB_URL" in on_sqlite.text()

    env["TRACKER_DB_URL"] = "postgresql://postgres@127.0.0.1:5432/test"
    no_redis = launcher_factory(tmp_path / "no-redis", env).start()
    code, _ = no_redis.wait_exit(60)
    assert code == 2
    assert "RASA_REPLICAS=2 needs Redis" in no_redis.text() and "set REDIS_URL" in no_redis.text()


def test_a_conversation_keeps_its_state_across_replicas(replicated):
    _, stack = replicated
    first, second = stack.replica_urls
    sender = f"scale-{uuid.uuid4().hex[:10]}"
    # Each turn on the other replica than the one before.
    say(first, sender, "I want medical assistant training")
    say(second, sender, "I'm 24 and live in Fresno")
    known = slots(stack, first, sender)
    assert str(known["age"]).startswith("24") and known["place"] == "Fresno"
    # The age and place told to the second replica count on the first: it asks for neither and
    # answers the last question again with them.
    reply, _ = say(first, sender, "I have my GED")
    assert "where do you live" not in reply.lower() and "how old" not in reply.lower(), reply
    assert "Futuro Health" in reply


def test_the_proxy_spreads_turns_over_both_replicas(replicated):
    _, stack = replicated
    sender = f"scale-{uuid.uuid4().hex[:10]}"
    served = []
    for text in ("hi", "I want to become a medical assistant", "I'm 24 and live in Fresno", "thanks"):
        reply, replica = say(stack.rasa_url, sender, text)
        assert reply.strip()
        served.append(replica)
    assert set(served) == {"rasa-1", "rasa-2"}, served
    assert slots(stack, stack.api_url, sender)["place"] == "Fresno"


def web_token(stack: Stack) -> str:
    origin = stack.rasa_url
    response = requests.post(f"{stack.rasa_url}/webhooks/web/session", headers={"Origin": origin}, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()["token"]


class WebChat:
    """The widget's side of socket.io (python-socketio's client: polling first, then WebSocket)."""

    def __init__(self, url: str, token: str, origin: str, transports=None):
        # The page embedding the widget is on an allowed site, whichever replica the socket reaches
        # (a browser sends Origin on the WebSocket upgrade; polling requests need none).
        self.client = socketio.Client(reconnection=False, websocket_extra_options={"origin": origin})
        self.said = threading.Condition()
        self.bot: list[dict] = []
        self.echoes: list[dict] = []
        self.client.on("bot_uttered", lambda m: self._record(self.bot, m))
        self.client.on("user_echo", lambda m: self._record(self.echoes, m))
        self.client.connect(url, socketio_path="webhooks/web/socket.io", auth={"token": token},
                            transports=transports, wait_timeout=20)

    def _record(self, into: list, message: dict) -> None:
        with self.said:
            into.append(message)
            self.said.notify_all()

    def wait(self, what: list, count: int = 1, timeout: float = TURN_TIMEOUT) -> list[dict]:
        with self.said:
            assert self.said.wait_for(lambda: len(what) >= count, timeout), f"only {what}"
            return list(what)

    def history(self) -> list:
        return self.client.call("session_request", {}, timeout=20)["history"]


def test_web_chats_work_through_the_proxy(replicated):
    _, stack = replicated
    # Several at once: without sticky routing, round robin sends a socket's second request to the
    # other replica, which does not know it.
    chats = [WebChat(stack.rasa_url, web_token(stack), stack.rasa_url) for _ in range(4)]
    try:
        for chat in chats:
            chat.client.emit("user_uttered", {"message": "hi"})
        for chat in chats:
            assert "Health Careers Guide" in chat.wait(chat.bot)[0]["text"]
            assert chat.client.transport() == "websocket"
        time.sleep(1)
        assert any(chat.history() for chat in chats)
    finally:
        for chat in chats:
            chat.client.disconnect()


def test_one_session_open_on_two_replicas_sees_every_message(replicated):
    _, stack = replicated
    token = web_token(stack)
    first, second = stack.replica_urls
    here = WebChat(first, token, stack.rasa_url, transports=["websocket"])
    there = WebChat(second, token, stack.rasa_url, transports=["websocket"])
    try:
        here.client.emit("user_uttered", {"message": "hi"})
        # Said on the first replica, shown in the tab held by the second (through Redis).
        assert there.wait(there.echoes)[0]["text"] == "hi"
        assert "Health Careers Guide" in there.wait(there.bot)[0]["text"]
        assert "Health Careers Guide" in here.wait(here.bot)[0]["text"]
    finally:
        here.client.disconnect()
        there.client.disconnect()


def test_a_chat_ended_on_one_replica_is_refused_on_the_other(replicated):
    """End chat is remembered in Redis: the other replica refuses the token and tells its open tab."""
    _, stack = replicated
    token = web_token(stack)
    first, second = stack.replica_urls
    there = WebChat(second, token, stack.rasa_url, transports=["websocket"])
    rotations: list[dict] = []
    there.client.on("session_rotate", lambda m: there._record(rotations, m))
    try:
        ended = requests.post(f"{first}/webhooks/web/session/end", headers={"Origin": stack.rasa_url},
                              data=json.dumps({"token": token}), timeout=10)
        assert ended.status_code == 200 and ended.json() == {"ended": True}
        assert there.wait(rotations)[0] == {"reason": "ended"}
        # python-socketio's client reports a refused namespace without the server's reason.
        with pytest.raises(socketio.exceptions.ConnectionError):
            WebChat(second, token, stack.rasa_url, transports=["websocket"])
        WebChat(second, web_token(stack), stack.rasa_url, transports=["websocket"]).client.disconnect()
    finally:
        there.client.disconnect()


def test_sms_through_the_proxy_keeps_a_person_on_one_replica(replicated, twilio):
    _, stack = replicated
    url = f"{stack.rasa_url}/webhooks/sms/webhook"
    number = "+1555" + uuid.uuid4().hex[:7].translate(str.maketrans("abcdef", "123456"))
    answered_by = set()
    answer = twilio.post_inbound(url, {"From": number, "Body": "hi"})
    assert answer.status_code == 200, answer.text
    answered_by.add(answer.headers["X-Replica"])
    [menu] = [m["body"] for m in twilio.wait_for_messages(number, 1, TURN_TIMEOUT)]
    assert NUMBERED.search(menu), menu
    # "1" means the first item of the list this person was sent, whichever replica sent it.
    answer = twilio.post_inbound(url, {"From": number, "Body": "1"})
    answered_by.add(answer.headers["X-Replica"])
    twilio.wait_for_messages(number, 2, TURN_TIMEOUT)
    assert len(answered_by) == 1
    sender = sender_id(sender_key(twilio.sender_key, twilio.auth_token), number)
    tracker = requests.get(f"{stack.api_url}/conversations/{sender}/tracker",
                           params={"token": stack.rasa_api_token}, timeout=10).json()
    assert tracker["latest_message"]["intent"]["name"] == "explore_career"


def test_sigterm_stops_both_replicas_their_action_servers_the_catalog_and_the_proxy(replicated, twilio):
    launcher, stack = replicated
    # A text acknowledged just before the stop is still answered: Twilio will not send it again.
    twilio.delay = 3.0
    number = "+1555" + uuid.uuid4().hex[:7].translate(str.maketrans("abcdef", "123456"))
    assert twilio.post_inbound(f"{stack.rasa_url}/webhooks/sms/webhook", {"From": number, "Body": "hi"}).status_code == 200
    children = launcher.psutil_children()
    names = sorted(" ".join(p.cmdline()) for p in children)
    assert sum("haproxy" in n for n in names) == 1
    assert sum(" run -m " in n for n in names) == 2  # Rasa replicas
    assert sum(" run actions " in n for n in names) == 2
    launcher.signal(signal.SIGTERM)
    code, seconds = launcher.wait_exit(STOP_BOUND_SECONDS)
    assert code == 0, launcher.text()[-2000:]
    assert launcher.survivors() == []
    assert len(twilio.messages_to(number)) == 1
    print(f"SIGTERM: {len(launcher.children)} processes stopped in {seconds:.1f} s")
