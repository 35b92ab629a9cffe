"""Property-based tests against the running assistant: arbitrary unicode senders and texts (lone
surrogates, NUL, control characters, emoji, right-to-left text), arbitrary JSON shapes, form fields
and headers sent to every channel: REST, the web session and socket endpoints, SMS (correctly
signed, so the bodies reach the bot) and Teams (the stand-in's valid tokens).

Every request gets a 2xx, or a 4xx that says why; never a 5xx, a reset connection or a process
that exits; and the stack still answers afterwards. The examples are bounded (FUZZ) so the whole
file takes a few minutes in `make test`.
"""

from __future__ import annotations

import json
import secrets
import uuid
from urllib.parse import parse_qsl, quote_from_bytes, urlencode

import requests
import socketio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.e2e.conftest import say

FUZZ = settings(max_examples=40, deadline=None, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Every code point, lone surrogates and controls included.
ANY_CHAR = st.characters(exclude_categories=())
TEXT = st.text(ANY_CHAR, max_size=120)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
# Header names a client can send; values within Latin-1, as HTTP carries them.
HEADER_NAME = st.text("abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=20).filter(
    lambda name: name.strip("-") and name not in {"content-length", "host", "transfer-encoding", "connection",
                                                   "authorization", "origin", "x-twilio-signature", "expect",
                                                   "content-encoding"})
HEADERS = st.dictionaries(HEADER_NAME, st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=40).map(
    str.strip), max_size=3)


def answered_properly(response: requests.Response) -> None:
    """A 2xx, or a 4xx with a message."""
    assert response.status_code < 500, (response.status_code, response.text[:300])
    if response.status_code >= 400:
        assert response.text.strip(), response.status_code


def still_answering(stack) -> None:
    assert not stack.exited(), [p.exit_message() for p in stack.exited()]
    assert say(stack, f"rest-{uuid.uuid4().hex[:12]}", "hi")


def test_rest_takes_any_sender_text_body_and_headers(stack):
    url = f"{stack.rasa_url}/webhooks/rest/webhook"
    body = st.one_of(st.fixed_dictionaries({"sender": TEXT, "message": TEXT}),
                     st.fixed_dictionaries({"sender": st.uuids().map(str), "message": TEXT}), JSON)

    @FUZZ
    @given(body=body, headers=HEADERS)
    def check(body, headers):
        # json.dumps writes a lone surrogate as an escape, as every JSON client does.
        data = json.dumps(body).encode()
        answered_properly(requests.post(url, data=data, timeout=60, headers={
            **headers, **stack.rest_headers, "Content-Type": "application/json"}))

    check()
    still_answering(stack)


def test_the_web_session_endpoints_take_any_body_and_headers(stack):
    base = f"{stack.rasa_url}/webhooks/web"

    @settings(FUZZ, max_examples=25)
    @given(body=st.one_of(JSON.map(json.dumps), st.binary(max_size=200)), headers=HEADERS,
           path=st.sampled_from(["/session", "/session/end"]))
    def check(body, headers, path):
        data = body if isinstance(body, bytes) else body.encode()
        answered_properly(requests.post(base + path, data=data, timeout=30,
                                        headers={**headers, "Origin": stack.rasa_url}))

    check()
    still_answering(stack)


def socket_answer(stack, packet: str) -> str:
    """A socket.io packet over raw engine.io long-polling; the server's answer."""
    url = f"{stack.rasa_url}/webhooks/web/socket.io/"
    with requests.Session() as http:
        opened = http.get(url, params={"EIO": "4", "transport": "polling"}, timeout=10,
                          headers={"Origin": stack.rasa_url})
        assert opened.status_code == 200, opened.text
        sid = json.loads(opened.text[1:])["sid"]
        params = {"EIO": "4", "transport": "polling", "sid": sid}
        sent = http.post(url, params=params, data=packet.encode("utf-8", "surrogatepass"), timeout=10,
                         headers={"Origin": stack.rasa_url})
        answered_properly(sent)
        try:
            answer = http.get(url, params=params, timeout=10, headers={"Origin": stack.rasa_url})
        except requests.Timeout:
            # A packet socket.io cannot read is dropped: the long poll waits for the next ping.
            return ""
        answered_properly(answer)
        return answer.text


def test_the_socket_takes_any_handshake_and_any_message(stack):
    @settings(FUZZ, max_examples=25)
    @given(auth=st.one_of(st.dictionaries(st.sampled_from(["token", "previous"]) | TEXT, JSON, max_size=3), JSON))
    def handshake(auth):
        # Anything but a token this server signed is refused (or, not being an object, dropped);
        # nothing is ever accepted.
        answer = socket_answer(stack, "40" + json.dumps(auth))
        assert not answer.startswith("40"), answer
        if isinstance(auth, dict):
            assert answer.startswith("44"), answer

    handshake()

    token = requests.post(f"{stack.rasa_url}/webhooks/web/session", headers={"Origin": stack.rasa_url},
                          timeout=10).json()["token"]
    client = socketio.Client(reconnection=False)
    replies = []
    client.on("bot_uttered", replies.append)
    client.connect(stack.rasa_url, socketio_path="/webhooks/web/socket.io", auth={"token": token},
                   headers={"Origin": stack.rasa_url}, transports=["polling"], wait_timeout=10)
    try:
        @settings(FUZZ, max_examples=25)
        @given(data=st.one_of(st.fixed_dictionaries({"message": TEXT}, optional={"title": TEXT}), JSON))
        def message(data):
            client.emit("user_uttered", data)
            assert client.connected
            # One message a poll, as a person sends them: Engine.IO refuses a POST of more than 16
            # packets, which a script's burst becomes.
            client.sleep(0.25)

        message()
        # Every message so far was handled or refused; this one (the session is past its
        # per-minute limit by now, or not) gets an answer of some kind.
        before = len(replies)
        client.emit("user_uttered", {"message": "hi"})
        client.sleep(0)
        for _ in range(120):
            if len(replies) > before:
                break
            client.sleep(0.5)
        assert len(replies) > before
    finally:
        # Not waiting for the long poll still open to end (the server's 25 s ping interval).
        client.eio.disconnect(abort=True)
    still_answering(stack)


def test_sms_takes_any_signed_form(stack, twilio):
    url = f"{stack.rasa_url}/webhooks/sms/webhook"
    field = st.binary(max_size=80)

    @FUZZ
    @given(body=field, sender=st.one_of(st.just(None), field), extra=st.dictionaries(
        st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12), field, max_size=3))
    def check(body, sender, extra):
        params = twilio.inbound_params(From="+1555" + str(secrets.randbelow(10 ** 7)).zfill(7))
        raw = {name: value.encode() for name, value in params.items() if name != "Body"}
        raw.update({name: value for name, value in extra.items() if name not in params})
        raw["Body"] = body
        if sender is not None:
            raw["From"] = sender
        form = "&".join(f"{quote_from_bytes(name.encode())}={quote_from_bytes(value)}" for name, value in raw.items())
        # Twilio signs the values as the server reads them (broken UTF-8 reads as U+FFFD).
        signed = dict(parse_qsl(form, keep_blank_values=True))
        answer = requests.post(url, data=form.encode(), timeout=30, headers={
            "X-Twilio-Signature": twilio.sign(url, signed),
            "Content-Type": "application/x-www-form-urlencoded"})
        answered_properly(answer)

    check()
    number = "+1555" + str(secrets.randbelow(10 ** 7)).zfill(7)
    assert twilio.post_inbound(url, {"From": number, "Body": "hi"}).status_code == 200
    assert twilio.wait_for_messages(number, 1, 60)
    still_answering(stack)


def test_teams_takes_any_activity_with_a_valid_token(stack, botframework):
    url = f"{stack.rasa_url}/webhooks/teams/webhook"

    @FUZZ
    @given(text=TEXT, user=st.one_of(st.just(None), TEXT), extra=st.dictionaries(
        st.sampled_from(["value", "from", "conversation", "channelData", "type", "entities", "attachments"]),
        JSON, max_size=2))
    def check(text, user, extra):
        activity = botframework.activity(text, user_id=user or None)
        activity.update(extra)
        data = json.dumps(activity).encode()
        answered_properly(requests.post(url, data=data, timeout=30, headers={
            "Authorization": f"Bearer {botframework.make_token()}", "Content-Type": "application/json"}))

    check()
    activity = botframework.activity("hi")
    assert botframework.post_activity(url, activity).status_code == 202
    assert botframework.wait_for_replies(activity["conversation"]["id"], 1, 60)
    still_answering(stack)


def test_form_encoded_and_odd_content_types_reach_rest_safely(stack):
    url = f"{stack.rasa_url}/webhooks/rest/webhook"

    @settings(FUZZ, max_examples=15)
    @given(form=st.dictionaries(TEXT, TEXT, max_size=3), content_type=st.sampled_from(
        ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data", "application/json; charset=latin-1"]))
    def check(form, content_type):
        data = urlencode({k.encode("utf-8", "surrogatepass"): v.encode("utf-8", "surrogatepass") for k, v in form.items()})
        answered_properly(requests.post(url, data=data.encode(), timeout=30,
                                        headers={**stack.rest_headers, "Content-Type": content_type}))

    check()
    still_answering(stack)
