"""The web chat widget in a real browser (Debian's Chromium, driven by Playwright) against the
running assistant: chatting, quick replies, history after a reload, accessibility, safe rendering,
and the session checks that keep one person's conversation away from everyone else."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Page, expect, sync_playwright

from connectors.web import tokens

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "results"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REPLY_TIMEOUT_MS = 30_000
SOCKET_PATH = "/webhooks/web/socket.io/"
# The widget's shadow root, for checks that run inside the page.
WIDGET_ROOT = "document.querySelector('[data-hcg-widget]').shadowRoot"


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def web(stack):
    """What these tests need to know about the running assistant."""
    return {
        "url": stack.rasa_url,
        "api": stack.api_url,
        "page": f"{stack.rasa_url}/webhooks/web/",
        "secret": stack.env["WEB_SESSION_SECRET"],
        "api_token": stack.env["RASA_API_TOKEN"],
        "token_key": f"hcg-web-session:{stack.rasa_url}",
        "open_key": f"hcg-web-open:{stack.rasa_url}",
    }


def new_token(web) -> str:
    reply = requests.post(f"{web['url']}/webhooks/web/session", headers={"Origin": web["url"]})
    assert reply.status_code == 200, reply.text
    return reply.json()["token"]


def tracker_events(web, session_id: str) -> list[dict]:
    reply = requests.get(
        f"{web['api']}/conversations/{session_id}/tracker",
        params={"token": web["api_token"]},
        timeout=10,
    )
    assert reply.status_code == 200, reply.text
    return reply.json()["events"]


def append_bot_message(web, session_id: str, text: str, buttons: list | None = None) -> None:
    event = {"event": "bot", "text": text, "data": {"buttons": buttons or []}, "timestamp": time.time()}
    reply = requests.post(
        f"{web['api']}/conversations/{session_id}/tracker/events",
        params={"token": web["api_token"]},
        json=[event],
        timeout=10,
    )
    assert reply.status_code == 200, reply.text


def page_with_session(chromium, web, token: str | None, **context_options) -> Page:
    """A fresh browser whose storage already holds this session token, chat left open."""
    context = chromium.new_context(**context_options)
    if token:
        context.add_init_script(
            f"sessionStorage.setItem({json.dumps(web['token_key'])}, {json.dumps(token)});"
            f"sessionStorage.setItem({json.dumps(web['open_key'])}, '1');"
        )
    page = context.new_page()
    page.goto(web["page"])
    return page


def stored_token(page: Page, web, storage: str = "sessionStorage") -> str | None:
    return page.evaluate(f"() => {storage}.getItem({json.dumps(web['token_key'])})")


def stored_session_id(page: Page, web) -> str:
    token = stored_token(page, web)
    assert token, "the widget keeps its session token in sessionStorage"
    return token.split(".")[0]


def transcript(page: Page) -> list[tuple[str, str]]:
    """Every bubble as (who, text), in the order shown."""
    rows = page.locator(".msg").evaluate_all(
        "els => els.map(e => [e.classList.contains('bot') ? 'bot' : 'user', e.textContent])"
    )
    return [(who, text) for who, text in rows]


def wait_until_connected(page: Page) -> None:
    expect(page.get_by_role("button", name="Send", exact=True)).to_be_enabled(
        timeout=REPLY_TIMEOUT_MS
    )


def say(page: Page, text: str) -> list[tuple[str, str]]:
    """Types a message, presses Enter and returns the bot's replies once they stop arriving."""
    before = page.locator(".msg.bot").count()
    box = page.get_by_label("Your message")
    box.fill(text)
    box.press("Enter")
    return wait_for_replies(page, before)


def wait_for_replies(page: Page, before: int) -> list[tuple[str, str]]:
    page.wait_for_function(
        f"n => {WIDGET_ROOT}.querySelectorAll('.msg.bot').length > n",
        arg=before,
        timeout=REPLY_TIMEOUT_MS,
    )
    # A turn can bring several messages; wait until no more arrive for a moment.
    count, stable_since = -1, time.monotonic()
    while time.monotonic() - stable_since < 1.0:
        now = page.locator(".msg.bot").count()
        if now != count:
            count, stable_since = now, time.monotonic()
        page.wait_for_timeout(150)
    return [row for row in transcript(page) if row[0] == "bot"][before:]


def test_session_endpoint_only_serves_allowed_sites(web):
    endpoint = f"{web['url']}/webhooks/web/session"

    allowed = requests.post(endpoint, headers={"Origin": web["url"]})
    assert allowed.status_code == 200
    assert allowed.headers["Access-Control-Allow-Origin"] == web["url"]
    session_id = tokens.verify(web["secret"], allowed.json()["token"])
    assert tokens.SESSION_ID.fullmatch(session_id)

    for headers in ({"Origin": "https://evil.example"}, {}):
        refused = requests.post(endpoint, headers=headers)
        assert refused.status_code == 403
        assert "not allowed" in refused.json()["error"]
        assert "token" not in refused.json()
        assert "Access-Control-Allow-Origin" not in refused.headers

    # The socket.io handshake itself also refuses a page from another site.
    handshake = requests.get(
        f"{web['url']}{SOCKET_PATH}",
        params={"EIO": "4", "transport": "polling"},
        headers={"Origin": "https://evil.example"},
    )
    assert handshake.status_code == 400
    assert "not an accepted origin" in handshake.text


def socketio_connect(web, auth: dict | None) -> str:
    """Opens a socket.io connection over raw engine.io long-polling and returns the server's
    answer to the namespace connect packet (`40...` accepted, `44...` refused)."""
    url = f"{web['url']}{SOCKET_PATH}"
    with requests.Session() as http:
        opened = http.get(url, params={"EIO": "4", "transport": "polling"}, timeout=10)
        assert opened.status_code == 200 and opened.text.startswith("0")
        sid = json.loads(opened.text[1:])["sid"]
        packet = "40" + (json.dumps(auth) if auth is not None else "")
        sent = http.post(url, params={"EIO": "4", "transport": "polling", "sid": sid}, data=packet)
        assert sent.status_code == 200
        answer = http.get(url, params={"EIO": "4", "transport": "polling", "sid": sid}, timeout=10)
        return answer.text


def test_socket_accepts_only_server_signed_live_tokens(web):
    genuine = new_token(web)
    assert socketio_connect(web, {"token": genuine}).startswith('40{"sid"')

    victim, expires, _ = genuine.split(".")
    forged = f"{victim}.{expires}.{'A' * 43}"
    expired = tokens.issue(web["secret"], 60, now=time.time() - 3600)
    other_secret = tokens.issue("not-the-server-secret", 3600)
    for auth in ({"token": forged}, {"token": expired}, {"token": other_secret}, {}, None):
        answer = socketio_connect(web, auth)
        assert answer.startswith("44"), (auth, answer)
        assert "session refused" in answer


def test_chat_quick_reply_and_reload(chromium, web):
    RESULTS.mkdir(exist_ok=True)
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(web["page"])

    # Keyboard only: the launcher opens the chat and puts the cursor in the message box.
    launcher = page.get_by_role("button", name="Chat about health careers")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    launcher.focus()
    page.keyboard.press("Enter")
    expect(launcher).to_have_attribute("aria-expanded", "true")
    box = page.get_by_label("Your message")
    expect(box).to_be_focused()
    log = page.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")
    wait_until_connected(page)

    said = ["hi", "What health careers are there?"]
    for text in said:
        replies = say(page, text)
        assert replies and all(reply.strip() for _, reply in replies)

    # The greeting or the answer offers quick replies; failing that, asking for help does.
    quick = page.get_by_role("group", name="Suggested replies").get_by_role("button")
    if quick.count() == 0:
        said.append("What can you help me with?")
        say(page, said[-1])
    assert quick.count() > 0, "the assistant offered no quick-reply buttons"

    # Quick replies are real buttons, reached with the keyboard from the message box.
    box.focus()
    page.keyboard.press("Shift+Tab")
    expect(quick.last).to_be_focused()
    title = quick.last.inner_text()
    pressed = quick.last.element_handle()
    before = page.locator(".msg.bot").count()
    page.keyboard.press("Enter")
    # Answered: the choices offered go away (the reply may offer new ones of its own, such as the
    # quiz's answers after "Take the quiz").
    page.wait_for_function("button => !button.isConnected", arg=pressed)
    assert [text for who, text in transcript(page) if who == "user"][-1] == f"You said: {title}"
    assert wait_for_replies(page, before)
    said.append(title)

    shown = transcript(page)
    assert [text for who, text in shown if who == "user"] == [f"You said: {t}" for t in said]

    # The conversation is stored under the server-issued session id, through this channel,
    # with the payload the button carried and the title the person saw.
    session_id = stored_session_id(page, web)
    events = tracker_events(web, session_id)
    users = [e for e in events if e["event"] == "user"]
    assert [e["input_channel"] for e in users] == ["web"] * len(said)
    assert users[0]["text"] == "hi"
    # The buttons offered before the click (the answer to it may offer new ones).
    clicked_at = max(i for i, e in enumerate(events) if e["event"] == "user")
    offered = [e for e in events[:clicked_at] if e["event"] == "bot" and (e.get("data") or {}).get("buttons")]
    payloads = {b["title"]: b["payload"] for b in offered[-1]["data"]["buttons"]}
    assert users[-1]["text"] == payloads[title]
    assert users[-1]["metadata"]["title"] == title

    # A reload redraws the same conversation, chat still open.
    page.reload()
    expect(page.get_by_role("button", name="Chat about health careers")).to_have_attribute(
        "aria-expanded", "true"
    )
    wait_until_connected(page)
    expect(page.locator(".msg")).to_have_count(len(shown), timeout=REPLY_TIMEOUT_MS)
    assert transcript(page) == shown
    assert stored_session_id(page, web) == session_id
    page.screenshot(path=str(RESULTS / "widget.png"))

    # Escape closes the chat and gives focus back to the launcher.
    page.get_by_label("Your message").focus()
    page.keyboard.press("Escape")
    expect(page.get_by_role("log")).to_be_hidden()
    expect(launcher).to_be_focused()
    context.close()


def test_bot_text_is_shown_as_text_with_safe_links(chromium, web):
    token = new_token(web)
    session_id = tokens.verify(web["secret"], token)
    append_bot_message(
        web,
        session_id,
        '<img src=x onerror="window.hacked=1"> <b>Not bold</b>. Read more at '
        "https://example.org/programs. Or [the guide](https://example.org/guide?a=1&b=2).",
        buttons=[{"title": "<i>Tell me more</i>", "payload": "/help"}],
    )
    page = page_with_session(chromium, web, token)
    wait_until_connected(page)
    message = page.locator(".msg.bot").last
    expect(message).to_contain_text('<img src=x onerror="window.hacked=1"> <b>Not bold</b>.')
    assert page.locator(".msg img, .msg b").count() == 0
    assert page.evaluate("() => window.hacked") is None

    links = message.get_by_role("link")
    expect(links).to_have_count(2)
    assert links.nth(0).get_attribute("href") == "https://example.org/programs"
    assert links.nth(1).inner_text() == "the guide"
    assert links.nth(1).get_attribute("href") == "https://example.org/guide?a=1&b=2"
    for i in range(2):
        assert links.nth(i).get_attribute("target") == "_blank"
        assert "noopener" in links.nth(i).get_attribute("rel").split()
    expect(page.get_by_role("button", name="<i>Tell me more</i>")).to_be_visible()
    page.context.close()


def test_a_forged_token_never_opens_someone_elses_chat(chromium, web):
    token = new_token(web)
    victim = tokens.verify(web["secret"], token)
    append_bot_message(web, victim, "Only the owner of this chat may read this.")

    # The genuine token shows the conversation...
    owner = page_with_session(chromium, web, token)
    wait_until_connected(owner)
    expect(owner.locator(".msg.bot")).to_have_text(
        ["Guide said: Only the owner of this chat may read this."]
    )
    owner.context.close()

    # ...a token naming the same session without the server's signature gets a new, empty one.
    _, expires, _ = token.split(".")
    forged = f"{victim}.{expires}.{'A' * 43}"
    intruder = page_with_session(chromium, web, forged)
    wait_until_connected(intruder)
    expect(intruder.locator(".msg")).to_have_count(0)
    assert stored_session_id(intruder, web) != victim
    intruder.context.close()


@pytest.mark.parametrize(
    "viewport",
    [{"width": 390, "height": 844}, {"width": 640, "height": 400}],
    ids=["phone", "desktop-at-200-percent-zoom"],
)
def test_small_screens_get_a_full_screen_chat(chromium, web, viewport):
    page = page_with_session(chromium, web, None, viewport=viewport)
    page.get_by_role("button", name="Chat about health careers").click()
    wait_until_connected(page)
    panel = page.get_by_role("region", name="Health Careers Guide")
    box = panel.bounding_box()
    assert box == {"x": 0, "y": 0, "width": viewport["width"], "height": viewport["height"]}
    for control in (page.get_by_label("Your message"), page.get_by_role("button", name="Close chat")):
        expect(control).to_be_in_viewport()
    page.context.close()


def test_reconnecting_is_shown_when_the_connection_drops(chromium, web):
    page = page_with_session(chromium, web, new_token(web))
    wait_until_connected(page)
    status = page.get_by_role("status")
    expect(status).to_be_hidden()  # nothing to say while connected

    page.context.set_offline(True)
    expect(status).to_have_text("Reconnecting…")
    expect(page.get_by_role("button", name="Send", exact=True)).to_be_disabled()

    page.context.set_offline(False)
    wait_until_connected(page)
    expect(status).to_be_hidden()
    page.context.close()


def open_chat(chromium, web) -> Page:
    page = chromium.new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(web["page"])
    page.get_by_role("button", name="Chat about health careers").click()
    wait_until_connected(page)
    return page


def test_end_chat_clears_this_browser_and_the_server_refuses_the_session(chromium, web):
    page = open_chat(chromium, web)
    assert say(page, "hi")
    old_token = stored_token(page, web)
    old_session = old_token.split(".")[0]

    # A real, labelled button, used with the keyboard.
    end = page.get_by_role("button", name="End chat", exact=True)
    end.focus()
    page.keyboard.press("Enter")
    launcher = page.get_by_role("button", name="Chat about health careers")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(launcher).to_be_focused()
    assert stored_token(page, web) is None
    assert page.locator(".msg").count() == 0
    # The server refuses the ended session, even to someone who copied the token.
    page.wait_for_timeout(500)
    answer = socketio_connect(web, {"token": old_token})
    assert answer.startswith("44") and "session refused" in answer

    # The next person opens an empty chat in a session of their own.
    launcher.click()
    wait_until_connected(page)
    page.wait_for_timeout(1000)
    assert transcript(page) == []
    assert stored_session_id(page, web) != old_session
    page.context.close()


def slots_of(web, session_id: str) -> dict:
    reply = requests.get(f"{web['api']}/conversations/{session_id}/tracker", params={"token": web["api_token"]},
                         timeout=10)
    assert reply.status_code == 200, reply.text
    return reply.json()["slots"]


def as_if_away(stack, sender_id: str, seconds: float) -> None:
    """Dates every stored event of a conversation `seconds` earlier, as if its person had been away
    that long (Rasa starts a new session when the last message is older than an hour)."""
    url = stack.tracker_db_url
    assert url.startswith("sqlite:///"), url
    with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
        moved = db.execute(
            "UPDATE events SET timestamp = timestamp - ?, "
            "data = json_set(data, '$.timestamp', json_extract(data, '$.timestamp') - ?) WHERE sender_id = ?",
            (seconds, seconds, sender_id)).rowcount
    assert moved


def test_a_chat_lasts_its_tab_and_a_new_session_starts_with_no_facts(chromium, web, stack):
    """On a shared computer the next person neither opens the last person's chat (the token is
    kept for the tab only, never in localStorage) nor inherits their facts in a new session."""
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    # What an earlier widget left behind in long-lived storage is not used, and is removed.
    left_behind = new_token(web)
    context.add_init_script(f"localStorage.setItem({json.dumps(web['token_key'])}, {json.dumps(left_behind)});")
    page = context.new_page()
    page.goto(web["page"])
    page.get_by_role("button", name="Chat about health careers").click()
    wait_until_connected(page)
    assert say(page, "I'm 16 and I live in Oakland")
    session_id = stored_session_id(page, web)
    assert session_id != left_behind.split(".")[0]
    assert stored_token(page, web, "localStorage") is None
    facts = slots_of(web, session_id)
    assert str(facts["age"]).startswith("16") and facts["place"] == "Oakland", facts

    # A reload in the same tab keeps the chat.
    shown = transcript(page)
    page.reload()
    wait_until_connected(page)
    expect(page.locator(".msg")).to_have_count(len(shown), timeout=REPLY_TIMEOUT_MS)
    assert stored_session_id(page, web) == session_id

    # Another tab (the next person opening the site) starts a chat of its own, empty.
    other = context.new_page()
    other.goto(web["page"])
    other.get_by_role("button", name="Chat about health careers").click()
    wait_until_connected(other)
    other.wait_for_timeout(1000)
    assert transcript(other) == []
    assert stored_session_id(other, web) != session_id

    # Two hours away (the stored conversation dated back): the next message starts a new session,
    # and it knows nothing of the age and place told before.
    as_if_away(stack, session_id, 7200)
    assert say(page, "hi")
    events = tracker_events(web, session_id)
    assert sum(e["event"] == "session_started" for e in events) == 2
    facts = slots_of(web, session_id)
    assert facts.get("age") is None and facts.get("place") is None, facts
    context.close()


@pytest.mark.parametrize("request_text,answer_words", [
    ("start over", "start over"),
    ("forget me", "I deleted what you told me"),
])
def test_start_over_and_forget_me_continue_in_a_new_session(chromium, web, request_text, answer_words):
    page = open_chat(chromium, web)
    assert say(page, "hi")
    old_token = stored_token(page, web)
    box = page.get_by_label("Your message")
    box.fill(request_text)
    box.press("Enter")
    # The widget moves to a new session and shows only the answer to the request.
    page.wait_for_function(
        f"old => sessionStorage.getItem({json.dumps(web['token_key'])}) && "
        f"sessionStorage.getItem({json.dumps(web['token_key'])}) !== old",
        arg=old_token, timeout=REPLY_TIMEOUT_MS,
    )
    wait_until_connected(page)
    page.wait_for_function(
        f"words => {WIDGET_ROOT}.querySelector('.log').textContent.includes(words)",
        arg=answer_words, timeout=REPLY_TIMEOUT_MS,
    )
    shown = transcript(page)
    assert shown and all(who == "bot" for who, _ in shown), shown
    answer = socketio_connect(web, {"token": old_token})
    assert answer.startswith("44") and "session refused" in answer

    # A reload shows nothing from before; the chat goes on in the new session.
    page.reload()
    wait_until_connected(page)
    page.wait_for_timeout(1000)
    assert not [text for who, text in transcript(page) if who == "user"]
    assert say(page, "hi")
    page.context.close()


def test_too_many_new_chats_from_one_network_says_how_long_to_wait(chromium, web, stack):
    """Past WEB_SESSIONS_PER_IP_PER_HOUR new chats from one address the server answers 429 with
    Retry-After, readable from other sites; the widget says how long to wait in plain words. The
    address comes in X-Forwarded-For from a loopback peer, as behind the launcher's proxy, so no
    other test's budget is spent."""
    network = "198.51.100.7"
    headers = {"Origin": web["url"], "X-Forwarded-For": network}
    for _ in range(stack.settings.web_sessions_per_ip_per_hour):
        reply = requests.post(f"{web['url']}/webhooks/web/session", headers=headers, timeout=10)
        assert reply.status_code == 200, reply.text
    refused = requests.post(f"{web['url']}/webhooks/web/session", headers=headers, timeout=10)
    assert refused.status_code == 429
    assert 3500 <= int(refused.headers["Retry-After"]) <= 3600
    assert refused.headers["Access-Control-Expose-Headers"] == "Retry-After"

    page = chromium.new_context(extra_http_headers={"X-Forwarded-For": network}).new_page()
    page.goto(web["page"])
    page.get_by_role("button", name="Chat about health careers").click()
    expect(page.get_by_role("status")).to_have_text(
        "Lots of chats were started from your network just now. Please wait about an hour, then try again.",
        timeout=REPLY_TIMEOUT_MS,
    )
    expect(page.get_by_role("button", name="Send", exact=True)).to_be_disabled()
    page.context.close()
