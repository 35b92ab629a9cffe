"""No acknowledged text is lost when Rasa is killed: the whole stack as the launcher starts it (one
replica, SQLite), the launcher's supervisor restarting what dies, the Twilio stand-in on loopback
sending correctly signed texts. Rasa is SIGKILLed while texts are in flight; after its restart
every acknowledged text is answered, each turn ran once (a text answered just before the kill is
not answered again), and a sender's texts in the order sent."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
import requests

from connectors.sms.senders import sender_id, sender_key
from ops.launcher import Stack, isolated_env
from ops.supervisor import STATUS_FILE, Supervisor
from standins.twilio import TwilioStandIn

START_TIMEOUT = 20 * 60
# A Rasa server reloads its model after a restart: minutes on a busy machine.
BACK_TIMEOUT = 10 * 60
SMS_PATH = "/webhooks/sms/webhook"
# One person's texts (their order is checked) and three people with one text each.
ONE_PERSON = "+15555550170"
ITS_TEXTS = ["hi", "I want medical assistant training", "im in fresno"]
OTHERS = [f"+1555555018{n}" for n in range(3)]


@pytest.fixture(scope="module")
def supervised(tmp_path_factory, twilio):
    """(stack, supervisor): one replica on SQLite, its supervisor ticking in a thread."""
    var_dir = tmp_path_factory.mktemp("sms-inbox")
    stack = Stack(env={**isolated_env(var_dir), **twilio.env()})
    stack.start(timeout=START_TIMEOUT)
    lines: list[str] = []
    supervisor = Supervisor(stack.processes, var_dir / STATUS_FILE, say=lines.append)
    stop = threading.Event()

    def tick() -> None:
        while not stop.is_set():
            supervisor.tick()
            time.sleep(0.25)

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        yield stack, supervisor
    finally:
        stop.set()
        ticker.join(5)
        stack.stop()


def send(stack: Stack, twilio: TwilioStandIn, number: str, body: str) -> str:
    """Posts a signed text; returns its MessageSid once it was acknowledged (200)."""
    url = stack.rasa_url + SMS_PATH
    params = twilio.inbound_params(From=number, Body=body)
    answer = requests.post(url, data=params, timeout=30,
                           headers={"X-Twilio-Signature": twilio.sign(url, params)})
    assert answer.status_code == 200, answer.text
    return params["MessageSid"]


def waiting_texts(stack: Stack) -> int:
    with sqlite3.connect(stack.settings.var_dir / "sms-inbox.db") as db:
        return db.execute("SELECT count(*) FROM sms_inbox").fetchone()[0]


def user_turns(stack: Stack, twilio: TwilioStandIn, number: str) -> list[tuple[str, str]]:
    """(message id, text) of each user turn stored for this number's conversation."""
    sender = sender_id(sender_key(twilio.sender_key, twilio.auth_token), number)
    tracker = requests.get(f"{stack.api_url}/conversations/{sender}/tracker",
                           params={"token": stack.rasa_api_token}, timeout=30).json()
    return [(e.get("message_id"), e.get("text")) for e in tracker["events"] if e["event"] == "user"]


def restarted(stack: Stack, supervisor: Supervisor, restarts: int) -> None:
    deadline = time.monotonic() + BACK_TIMEOUT
    watch = supervisor.watches["rasa"]
    while not (watch.restarts >= restarts and watch.state == "running"):
        assert time.monotonic() < deadline, f"rasa not back within {BACK_TIMEOUT} s: {watch}"
        time.sleep(0.5)


def test_texts_in_flight_when_rasa_is_killed_are_all_answered_once_and_in_order(supervised, twilio):
    stack, supervisor = supervised
    sids = {number: [] for number in [ONE_PERSON, *OTHERS]}
    for body in ITS_TEXTS:
        sids[ONE_PERSON].append(send(stack, twilio, ONE_PERSON, body))
    for number in OTHERS:
        sids[number].append(send(stack, twilio, number, "how do i become a nurse?"))
    stack.service("rasa").kill()
    # Acknowledged and not yet answered when Rasa died: only the inbox holds them now.
    assert waiting_texts(stack) > 0

    restarted(stack, supervisor, 1)
    deadline = time.monotonic() + BACK_TIMEOUT
    while waiting_texts(stack) and time.monotonic() < deadline:
        time.sleep(1)
    assert waiting_texts(stack) == 0
    for number, sent in sids.items():
        turns = user_turns(stack, twilio, number)
        # Each text ran as exactly one turn (its MessageSid is the turn's message id), in order.
        assert [sid for sid, _ in turns] == sent, (number, turns)
        bodies = [m["body"] for m in twilio.messages_to(number)]
        assert bodies and not any("went wrong" in body for body in bodies), (number, bodies)
        if number in OTHERS:
            # One text, one reply, none of it sent twice: a text whose turn had run before the
            # kill got its stored reply, without the bodies already sent.
            assert len(bodies) == len(set(bodies)), (number, bodies)
    assert [text for _, text in user_turns(stack, twilio, ONE_PERSON)] == ITS_TEXTS

