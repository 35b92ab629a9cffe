"""The edges of the running assistant: the REST channel takes only token holders and no metadata,
only the proxy listens beyond loopback and it passes on /webhooks/ only, the action server takes
Rasa's calls only, webhook bodies are bounded, and what the services write under var/ is private
to its owner."""

from __future__ import annotations

import os
import socket
import stat
import uuid

import pytest
import requests

from tests.e2e.conftest import rest_post, say


def test_the_rest_channel_needs_its_token(stack):
    body = {"sender": f"rest-{uuid.uuid4().hex[:12]}", "message": "forget me"}
    url = f"{stack.rasa_url}/webhooks/rest/webhook"
    for headers in ({}, {"Authorization": "Bearer not-the-token"}, {"Authorization": stack.rest_headers["Authorization"][7:]}):
        answer = requests.post(url, json=body, headers=headers, timeout=10)
        assert answer.status_code == 401, headers
        assert "Authorization: Bearer" in answer.json()["error"]
    tracker = requests.get(f"{stack.api_url}/conversations/{body['sender']}/tracker",
                           params={"token": stack.rasa_api_token}, timeout=10).json()
    assert not [e for e in tracker["events"] if e["event"] == "user"]


def test_metadata_and_channel_names_in_the_body_are_ignored(stack):
    sender = f"rest-{uuid.uuid4().hex[:12]}"
    answer = rest_post(stack, {
        "sender": sender, "message": "hi", "input_channel": "teams",
        "metadata": {"channel_profile": {"employee": True, "employer": "kaiser_permanente"}, "tenant_id": "x"},
    })
    assert answer.status_code == 200 and answer.json()
    tracker = requests.get(f"{stack.api_url}/conversations/{sender}/tracker",
                           params={"token": stack.rasa_api_token}, timeout=10).json()
    [user] = [e for e in tracker["events"] if e["event"] == "user"]
    assert user["input_channel"] == "rest"
    assert not (user.get("metadata") or {}).get("channel_profile")
    assert not tracker["slots"].get("employer")


def test_large_rest_bodies_get_413(stack):
    answer = rest_post(stack, {"sender": "big", "message": "a" * (70 * 1024)})
    assert answer.status_code == 413 and "too large" in answer.json()["error"]
    assert say(stack, f"rest-{uuid.uuid4().hex[:12]}", "hi")  # and the channel goes on


def listening_addresses(port: int) -> set[str]:
    """The local addresses with a socket listening on `port`, from the kernel's tables."""
    found = set()
    for table, size in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        with open(table) as rows:
            next(rows)
            for row in rows:
                local, state = row.split()[1], row.split()[3]
                address, hex_port = local.split(":")
                if state == "0A" and int(hex_port, 16) == port:
                    found.add(address if size == 32 else ".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0)))
    return found


def port_of(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def this_machines_address() -> str | None:
    """This machine's address on its network, or None without one (a UDP connect sends nothing)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


def test_only_the_proxy_listens_beyond_loopback_and_it_passes_on_webhooks_only(stack):
    internal = [stack.action_url, stack.catalog_url, *stack.replica_urls]
    for url in internal:
        assert listening_addresses(port_of(url)) == {"127.0.0.1"}, url
    assert listening_addresses(port_of(stack.rasa_url)) == {"0.0.0.0"}
    public = stack.rasa_url
    outside = this_machines_address()
    if outside:
        for url in internal:
            with pytest.raises(ConnectionRefusedError):
                socket.create_connection((outside, port_of(url)), timeout=5).close()
        public = f"http://{outside}:{port_of(stack.rasa_url)}"
    # The public port: the channels and the widget, not Rasa's HTTP API, even with its token.
    assert requests.get(f"{public}/webhooks/rest/", timeout=10).json() == {"status": "ok"}
    assert requests.get(f"{public}/webhooks/web/widget.js", timeout=10).status_code == 200
    for path in ("/", "/status", "/conversations/someone/tracker", "/version", "/webhooks"):
        answer = requests.get(f"{public}{path}", params={"token": stack.rasa_api_token}, timeout=10)
        assert answer.status_code == 404 and "only /webhooks/" in answer.json()["error"], path
    answer = requests.post(f"{public}/model/parse", params={"token": stack.rasa_api_token}, json={"text": "hi"}, timeout=10)
    assert answer.status_code == 404
    # On this machine the API is at Rasa's own port.
    assert requests.get(f"{stack.api_url}/status", params={"token": stack.rasa_api_token}, timeout=10).status_code == 200


def test_the_action_server_takes_calls_with_the_shared_secret_only(stack):
    token = stack.env["ACTION_SERVER_TOKEN"]
    call = {"next_action": "action_session_start", "sender_id": "intruder", "version": "3.6.2", "domain": {},
            "tracker": {"sender_id": "intruder", "slots": {}, "latest_message": {}, "events": [],
                        "paused": False, "followup_action": None, "active_loop": {}, "latest_action_name": None}}
    for headers in ({}, {"Authorization": "Bearer not-the-token"}, {"Authorization": token}):
        answer = requests.post(f"{stack.action_url}/webhook", json=call, headers=headers, timeout=10)
        assert answer.status_code == 401 and "assistant only" in answer.json()["error"], headers
        assert requests.get(f"{stack.action_url}/actions", headers=headers, timeout=10).status_code == 401
    assert requests.get(f"{stack.action_url}/health", timeout=10).status_code == 200  # probes
    listed = requests.get(f"{stack.action_url}/actions", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert {"name": "action_session_start"} in listed.json()
    # Rasa sends it with every call: a turn that needs the actions and the catalog is answered.
    replies = " ".join(m.get("text", "") for m in say(stack, f"rest-{uuid.uuid4().hex[:12]}",
                                                      "I want medical assistant training"))
    assert "medical assist" in replies.lower(), replies
    assert "went wrong" not in replies and "can't look that up" not in replies, replies


def test_what_the_services_write_under_var_is_private(stack):
    say(stack, f"rest-{uuid.uuid4().hex[:12]}", "hi")  # so the conversation store exists
    var_dir = stack.settings.var_dir
    seen = []
    for folder, dirs, files in os.walk(var_dir):
        for name in dirs:
            mode = stat.S_IMODE(os.stat(os.path.join(folder, name)).st_mode)
            assert mode == 0o700, f"{name}: {oct(mode)}"
        for name in files:
            mode = stat.S_IMODE(os.stat(os.path.join(folder, name)).st_mode)
            assert mode & 0o077 == 0, f"{name}: {oct(mode)}"
            seen.append(name)
    assert {"catalog.db", "conversations.db", "endpoints.yml", "rasa.log", "actions.log"} <= set(seen)


def test_a_lone_surrogate_sender_gets_400_and_the_stack_goes_on_answering(stack):
    url = f"{stack.rasa_url}/webhooks/rest/webhook"
    headers = {**stack.rest_headers, "Content-Type": "application/json"}
    # As a client writes it: json.dumps({"sender": "x\ud800", ...}) escapes the lone surrogate.
    answer = requests.post(url, data=b'{"sender": "x\\ud800", "message": "hi"}', headers=headers, timeout=30)
    assert answer.status_code == 400 and "letters, digits" in answer.json()["error"]
    assert stack.service("rasa").running
    assert say(stack, f"rest-{uuid.uuid4().hex[:12]}", "hi")


def test_nul_and_surrogates_in_the_text_get_an_ordinary_reply(stack):
    url = f"{stack.rasa_url}/webhooks/rest/webhook"
    headers = {**stack.rest_headers, "Content-Type": "application/json"}
    sender = f"rest-{uuid.uuid4().hex[:12]}"
    body = ('{"sender": "%s", "message": "hi\\u0000 I want to be a nurse\\ud800"}' % sender).encode()
    answer = requests.post(url, data=body, headers=headers, timeout=30)
    assert answer.status_code == 200
    texts = " ".join(m.get("text", "") for m in answer.json())
    assert texts and "something went wrong" not in texts
    assert say(stack, f"rest-{uuid.uuid4().hex[:12]}", "hi")


def test_the_rasa_api_token_is_not_on_any_command_line(stack):
    # Every local user can read a process's command line; only its owner its environment.
    rasa = stack.service("rasa")
    with open(f"/proc/{rasa.pid}/cmdline", "rb") as cmdline:
        arguments = cmdline.read().decode().split("\0")
    assert "--enable-api" in arguments
    assert not [a for a in arguments if stack.rasa_api_token in a or a.startswith("--auth-token")]
    # And the API still takes only that token.
    status = f"{stack.api_url}/status"
    assert requests.get(status, params={"token": stack.rasa_api_token}, timeout=10).status_code == 200
    assert requests.get(status, params={"token": "not-the-token"}, timeout=10).status_code == 401
