"""The Teams channel on a real Sanic server against the Bot Framework stand-in: tokens checked on
the way in, Adaptive Cards through the Bot Connector API on the way out. The assistant is a stub
that records what reaches it (the whole assistant is in tests/e2e)."""

from __future__ import annotations

import asyncio
import time

import pytest
import pytest_asyncio
from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from connectors.teams import TeamsInput
from core.apologies import UNAVAILABLE
from standins import serve_channel
from standins.botframework import BotFrameworkStandIn

# Sanic 21 rewrites its request handling the first time an app starts, which breaks every later
# app in the process; in test mode it keeps the original. Set while tests are collected, so it
# holds before any server in this run starts.
Sanic.test_mode = True

CARD = "application/vnd.microsoft.card.adaptive"


class Assistant:
    def __init__(self) -> None:
        self.received: list[UserMessage] = []
        # As Rasa when it cannot reach the action server: the turn ends with nothing said.
        self.silent = False

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        if self.silent:
            return
        await message.output_channel.send_response(
            message.sender_id,
            {"text": f"You said: {message.text}", "buttons": [{"title": "More", "payload": "/more"}]},
        )


@pytest.fixture(scope="module")
def bf():
    standin = BotFrameworkStandIn().start()
    yield standin
    standin.stop()


def make_channel(bf: BotFrameworkStandIn, app_password: str) -> TeamsInput:
    env = bf.env()
    return TeamsInput(
        app_id=bf.app_id,
        app_password=app_password,
        tenant_id=env["TEAMS_TENANT_ID"],
        openid_url=env["TEAMS_OPENID_URL"],
        issuer=env["TEAMS_ISSUER"],
        login_base=env["TEAMS_LOGIN_BASE"],
        employer_tenant_id=bf.employer_tenant_id,
        employer="kaiser_permanente",
        service_hosts=(bf.env()["TEAMS_SERVICE_HOSTS"],),
    )


@pytest_asyncio.fixture
async def teams(bf):
    assistant = Assistant()
    channel = make_channel(bf, bf.app_password)
    server, base = await serve_channel(channel, assistant, "teams_channel_test")
    yield channel, assistant, f"{base}/webhooks/teams/webhook"
    server.close()
    await server.wait_closed()
    await channel.http().close()


async def post(bf, url, activity, token=None):
    return await asyncio.to_thread(bf.post_activity, url, activity, token)


async def replies(bf, activity, count=1):
    conversation = activity["conversation"]["id"]
    return await asyncio.to_thread(bf.wait_for_replies, conversation, count, 10)


@pytest.mark.asyncio
async def test_a_message_reaches_the_assistant_and_the_reply_is_a_card(bf, teams):
    channel, assistant, url = teams
    activity = bf.activity("how do I become an LVN?", tenant_id="some-other-tenant", aad_object_id="aad-7")
    answer = await post(bf, url, activity)
    assert answer.status_code == 202
    [reply] = await replies(bf, activity)
    assert reply["text"] == "You said: how do I become an LVN?\n\nMore"
    card = reply["attachments"][0]
    assert card["contentType"] == CARD
    assert card["content"]["actions"][0]["data"]["msteams"]["text"] == "/more"
    assert reply["recipient"]["id"] == activity["from"]["id"] and reply["replyToId"] == activity["id"]

    [message] = assistant.received
    assert message.text == "how do I become an LVN?" and message.input_channel == "teams"
    assert message.sender_id == activity["from"]["id"]
    assert message.metadata == {"aad_object_id": "aad-7", "tenant_id": "some-other-tenant"}


@pytest.mark.asyncio
async def test_employer_tenant_users_arrive_as_employees(bf, teams):
    channel, assistant, url = teams
    activity = bf.activity("tuition help", tenant_id=bf.employer_tenant_id)
    await post(bf, url, activity)
    await replies(bf, activity)
    assert assistant.received[0].metadata["channel_profile"] == {
        "employee": True, "employer": "kaiser_permanente"
    }


@pytest.mark.asyncio
async def test_a_button_click_reaches_the_assistant_as_its_payload(bf, teams):
    channel, assistant, url = teams
    activity = bf.activity("/more", value={"payload": "/more", "title": "More"})
    await post(bf, url, activity)
    await replies(bf, activity)
    assert assistant.received[0].text == "/more"
    assert assistant.received[0].metadata["title"] == "More"


@pytest.mark.asyncio
async def test_being_added_sends_a_welcome_card(bf, teams):
    channel, assistant, url = teams
    update = bf.conversation_update()
    assert (await post(bf, url, update)).status_code == 202
    [welcome] = await replies(bf, update)
    assert "Health Careers Guide" in welcome["text"]
    assert welcome["attachments"][0]["contentType"] == CARD
    assert len(welcome["attachments"][0]["content"]["actions"]) == 3
    assert assistant.received == []


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "token",
    [
        "",
        "garbage",
        {"exp": int(time.time()) - 3600},
        {"aud": "another-bot"},
        {"iss": "https://evil.example"},
        {"key": "other"},
        {"alg": "none"},
        {"alg": "HS256"},
        {"serviceUrl": "https://evil.example/"},
    ],
)
async def test_bad_tokens_get_401_and_reach_nobody(bf, teams, token):
    channel, assistant, url = teams
    activity = bf.activity("hi")
    if isinstance(token, dict):
        token = bf.make_token(**token)
    answer = await post(bf, url, activity, token)
    assert answer.status_code == 401
    await asyncio.sleep(0.3)
    assert assistant.received == [] and bf.replies_in(activity["conversation"]["id"]) == []


@pytest.mark.asyncio
async def test_an_activity_pointing_elsewhere_is_refused_even_with_a_valid_token(bf, teams):
    # The token was issued for the stand-in's serviceUrl; the body asks us to reply elsewhere.
    channel, assistant, url = teams
    activity = bf.activity("hi", serviceUrl="https://evil.example/")
    assert (await post(bf, url, activity)).status_code == 401
    assert assistant.received == []


@pytest.mark.asyncio
async def test_without_the_app_password_everything_is_refused(bf):
    assistant = Assistant()
    channel = make_channel(bf, app_password="")
    server, base = await serve_channel(channel, assistant, "teams_unconfigured_test")
    try:
        activity = bf.activity("hi")
        answer = await post(bf, f"{base}/webhooks/teams/webhook", activity)
        assert answer.status_code == 403
        await asyncio.sleep(0.3)
        assert assistant.received == [] and bf.replies_in(activity["conversation"]["id"]) == []
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.asyncio
async def test_only_teams_activities_are_taken(bf, teams):
    """A valid Bot Framework token from a key endorsed for another channel too (the real keys
    endorse many), with that channel in the activity."""
    channel, assistant, url = teams
    assert "emulator" in bf.endorsements
    activity = bf.activity("hi", channelId="emulator")
    answer = await post(bf, url, activity)
    assert answer.status_code == 403 and "only Microsoft Teams" in answer.json()["error"]
    # A channel the key does not endorse is refused by the token check already.
    assert (await post(bf, url, bf.activity("hi", channelId="webchat"))).status_code == 401
    await asyncio.sleep(0.3)
    assert assistant.received == [] and bf.replies_in(activity["conversation"]["id"]) == []


@pytest.mark.asyncio
async def test_only_allowed_tenants_reach_the_assistant(bf, teams):
    channel, assistant, url = teams
    channel.allowed_tenants = frozenset({"tenant-a", bf.employer_tenant_id})
    outsider = bf.activity("hi", tenant_id="tenant-b")
    answer = await post(bf, url, outsider)
    assert answer.status_code == 403 and "not allowed" in answer.json()["error"]
    member = bf.activity("hi", tenant_id="tenant-a")
    assert (await post(bf, url, member)).status_code == 202
    await replies(bf, member)
    assert [m.metadata["tenant_id"] for m in assistant.received] == ["tenant-a"]


@pytest.mark.asyncio
async def test_big_or_tokenless_bodies_are_refused_before_they_are_read(bf, teams):
    channel, assistant, url = teams
    activity = bf.activity("a" * (65 * 1024))
    assert (await post(bf, url, activity)).status_code == 413
    assert (await post(bf, url, activity, "")).status_code == 401
    assert assistant.received == []


@pytest.mark.asyncio
async def test_a_flood_from_one_person_gets_429(bf, teams):
    channel, assistant, url = teams
    channel.messages.limits[0].limit = 2  # the minute's burst
    user = "29:flood"
    statuses = [(await post(bf, url, bf.activity(f"hi {n}", user_id=user))).status_code for n in range(4)]
    assert statuses == [202, 202, 429, 429]


@pytest.mark.asyncio
async def test_a_from_id_with_a_lone_surrogate_gets_400_and_the_channel_goes_on(bf, teams):
    _, assistant, url = teams
    bad = bf.activity("hi", user_id="29:x\ud800")
    answer = await post(bf, url, bad)
    assert answer.status_code == 400 and "'from.id'" in answer.json()["error"]
    good = bf.activity("hi\x00 there\ud800 \U0001F600")
    assert (await post(bf, url, good)).status_code == 202
    await replies(bf, good)
    [message] = assistant.received
    assert message.text == "hi there \U0001F600" and message.sender_id == good["from"]["id"]


@pytest.mark.asyncio
async def test_a_service_url_that_is_not_teams_is_refused(bf, teams):
    _, assistant, url = teams
    for service_url in ("https://evil.example/", "http://smba.trafficmanager.net/amer/",
                        "https://user:pw@smba.trafficmanager.net/amer/", f"http://localhost:{bf.url.rsplit(':', 1)[1]}/"):
        activity = bf.activity("hi", serviceUrl=service_url)
        # Signed for that serviceUrl, as the Bot Framework would sign it.
        answer = await asyncio.to_thread(bf.post_activity, url, activity, bf.make_token(serviceUrl=service_url))
        assert answer.status_code == 403 and "not a Microsoft Teams service" in answer.json()["error"], service_url
    assert assistant.received == []


def test_microsofts_teams_hosts_over_https_are_taken():
    channel = TeamsInput(app_id="a", app_password="p", tenant_id="t", openid_url="https://x/", issuer="i",
                         login_base="https://x", employer_tenant_id="", employer="")
    for good in ("https://smba.trafficmanager.net/amer/", "https://smba.infra.gcc.teams.microsoft.com/teams"):
        assert channel.service_url_ok(good)
    for bad in ("https://evil.example/", "http://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net.evil.example/",
                "https://user@smba.trafficmanager.net/", None, 5, "not a url", "https://[::1/"):
        assert not channel.service_url_ok(bad), bad


@pytest.mark.asyncio
async def test_an_activity_sent_again_is_handled_once(bf, teams):
    _, assistant, url = teams
    activity = bf.activity("how do I become an LVN?")
    assert (await post(bf, url, activity)).status_code == 202
    assert (await post(bf, url, activity)).status_code == 202  # the Bot Framework's retry
    await replies(bf, activity)
    await asyncio.sleep(0.5)
    assert len(assistant.received) == 1 and len(bf.replies_in(activity["conversation"]["id"])) == 1


@pytest.mark.asyncio
async def test_activities_of_the_wrong_shape_get_400_not_500(bf, teams):
    # Found by the fuzz tests (tests/e2e/test_fuzz.py): a signed activity whose parts are not
    # objects failed with 500.
    _, assistant, url = teams
    for extra in ({"from": "someone"}, {"conversation": ["a"]}, {"channelData": 5}, {"channelData": {"tenant": "t"}},
                  {"value": "x"}, {"recipient": 1}, {"conversation": {"id": 7, "conversationType": "personal"}},
                  {"membersAdded": "bot"}):
        activity = {**bf.activity("hi"), **extra}
        answer = await post(bf, url, activity)
        error = answer.json()["error"] if answer.status_code == 400 else ""
        assert "must be a JSON" in error or "must be a string" in error, (extra, answer.status_code)
    assert assistant.received == []
    ok = bf.activity("hi")
    assert (await post(bf, url, ok)).status_code == 202


@pytest.mark.asyncio
async def test_a_turn_that_says_nothing_gets_the_polite_sentence(bf, teams):
    channel, assistant, url = teams
    assistant.silent = True
    activity = bf.activity("find me training")
    assert (await post(bf, url, activity)).status_code == 202
    [reply] = await replies(bf, activity)
    assert reply["text"] == UNAVAILABLE
    assert len(assistant.received) == 1
