"""The career quiz end to end on every channel of the running assistant: a whole Short Form (60
questions) over REST, and a whole quick quiz (30) in Teams (clicking the card's buttons), in the
web widget in Chromium (clicking its buttons) and by SMS (typed digits through the Twilio
stand-in). Walking every one of the 60 questions once is enough: each is laid out by the same code
on every channel (tests/actions/test_quiz.py checks each SMS question fits one segment).

Each channel's quiz asks for results before any answers, skips, goes back, gets bad replies ("7",
"yes", "idk", an emoji, a long story), asks for results too early and asks something else mid-quiz;
then every process is restarted (once, for all four and for an ordinary conversation, so the
suite pays for one restart) and each channel says "continue the quiz" and answers to the end. The four people take
their quizzes at the same time, as they would, so one's pause between answers is another's turn.
Every answer is sent 1.6 s after the one before, as a person tapping quickly would, on the shipped
rate limits (40 a minute): a refused message fails the test."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

import pytest
import requests

from catalog.interests import items
from connectors.sms.senders import sender_id, sender_key
from tests.e2e.conftest import rest_post, say
from tests.e2e.test_conversations import new_sender, tracker, words
from tests.e2e.test_sms import new_number
from tests.e2e.test_web_widget import chromium, wait_for_replies, wait_until_connected, web  # noqa: F401 (fixtures)
from tests.e2e.test_web_widget import say as widget_say

PACE_SECONDS = 1.6  # between one person's messages: 37 a minute, under the shipped 40
REPLY_TIMEOUT = 60
CHOICES = ["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"]
NOT_AN_ANSWER = "Please answer with a number from 1 to 5"
STORY = ("well I've never really built anything, my uncle does carpentry and I helped him once with a shelf "
         "and it was kind of fun but I don't know if I'd want to do it every day")
BAD_REPLIES = ("7", "yes", "idk", "🙂", STORY)
OFF_TOPIC = ("how much do pharmacy techs make?", "Pharmacy")
# Where each quiz is stopped for the restart: the question then waiting.
PAUSED_AT = 9


def answers_for(form: str, likes: dict[str, int]) -> str:
    """The answer string of someone who likes each RIASEC area as much as `likes` says (1 to 5)."""
    return "".join(str(likes.get(item.area, 1)) for item in items(form))


def slots(stack, sender: str) -> dict:
    response = requests.get(f"{stack.api_url}/conversations/{sender}/tracker",
                            params={"token": stack.rasa_api_token}, timeout=10)
    return response.json()["slots"]


class Pace:
    """A person's rhythm: each message leaves at least PACE_SECONDS after the one before."""

    def __init__(self) -> None:
        self.last = 0.0

    def wait(self) -> None:
        time.sleep(max(0.0, self.last + PACE_SECONDS - time.monotonic()))
        self.last = time.monotonic()


def collect(fetch: Callable[[], list[str]], seen: int, until: str, settle: float) -> tuple[list[str], int]:
    """The texts after the first `seen` once one holds `until`; then until none has come for
    `settle` seconds (a turn of several messages). Returns them and the new count seen."""
    deadline = time.monotonic() + REPLY_TIMEOUT
    while time.monotonic() < deadline:
        texts = fetch()
        if any(until in text for text in texts[seen:]):
            quiet_since = time.monotonic()
            while time.monotonic() - quiet_since < settle:
                time.sleep(0.2)
                if len(fetch()) != len(texts):
                    texts, quiet_since = fetch(), time.monotonic()
            return texts[seen:], len(texts)
        time.sleep(0.2)
    raise AssertionError(f"no reply with {until!r}: {fetch()[seen:]}")


@dataclass
class Chat:
    """One person on one channel. `say` types, `tap` picks answer 1-5 of the question shown (a
    button on REST, the web and Teams; a digit by SMS); both return the turn's text once a reply
    holds `until`."""

    name: str
    form: str
    pattern: str
    pace: Pace = field(default_factory=Pace)

    def say(self, text: str, until: str, settle: float = 0.0) -> str:
        raise NotImplementedError

    def tap(self, choice: int, until: str, settle: float = 0.0) -> str:
        raise NotImplementedError

    @property
    def total(self) -> int:
        return len(self.pattern)

    def question(self, number: int) -> str:
        return f"{number} of {self.total}: "


class RestChat(Chat):
    def __init__(self, stack, form: str, pattern: str) -> None:
        super().__init__("REST", form, pattern)
        self.stack, self.sender, self.buttons = stack, f"quiz-{uuid.uuid4().hex[:10]}", []

    def send(self, text: str, until: str) -> str:
        self.pace.wait()
        response = rest_post(self.stack, {"sender": self.sender, "message": text})
        assert response.status_code == 200, (text, response.status_code, response.text)  # never rate limited
        messages = response.json()
        self.buttons = next((m["buttons"] for m in reversed(messages) if m.get("buttons")), [])
        said = "\n".join(m.get("text") or "" for m in messages)
        assert until in said, (text, until, said)
        return said

    def say(self, text, until, settle=0.0):
        return self.send(text, until)

    def tap(self, choice, until, settle=0.0):
        assert [b["title"] for b in self.buttons] == CHOICES, self.buttons
        return self.send(self.buttons[choice - 1]["payload"], until)


class SmsChat(Chat):
    def __init__(self, stack, twilio, form: str, pattern: str) -> None:
        super().__init__("SMS", form, pattern)
        self.twilio, self.url = twilio, f"{stack.rasa_url}/webhooks/sms/webhook"
        self.number = new_number()
        self.sender = sender_id(sender_key(twilio.sender_key, twilio.auth_token), self.number)
        self.seen = 0

    def say(self, text, until, settle=0.0):
        self.pace.wait()
        answer = self.twilio.post_inbound(self.url, {"From": self.number, "Body": text})
        assert answer.status_code == 200, (text, answer.status_code, answer.text)  # never rate limited
        bodies, self.seen = collect(lambda: [m["body"] for m in self.twilio.messages_to(self.number)],
                                    self.seen, until, settle)
        for body in bodies:
            if body.startswith(tuple(self.question(n) for n in range(1, self.total + 1))):
                # One question, one text: one GSM segment with its reply hint.
                assert "Reply 1-5" in body and len(body) <= 160 and body.isascii(), body
        return "\n".join(bodies)

    def tap(self, choice, until, settle=0.0):
        return self.say(str(choice), until, settle)


class TeamsChat(Chat):
    def __init__(self, stack, botframework, form: str, pattern: str) -> None:
        super().__init__("Teams", form, pattern)
        self.botframework, self.webhook = botframework, f"{stack.rasa_url}/webhooks/teams/webhook"
        self.conversation, self.user = f"a:quiz-{uuid.uuid4().hex}", f"29:quiz-{uuid.uuid4().hex[:12]}"
        self.person = {"aad_object_id": str(uuid.uuid4()), "tenant_id": str(uuid.uuid4())}
        self.seen, self.actions = 0, []

    def post(self, text: str, until: str, settle: float, value: dict | None = None) -> str:
        self.pace.wait()
        activity = self.botframework.activity(text, conversation_id=self.conversation, user_id=self.user,
                                              value=value, **self.person)
        answer = self.botframework.post_activity(self.webhook, activity)
        assert answer.status_code == 202, (text, answer.status_code, answer.text)  # never rate limited
        replies = self.botframework.replies_in
        texts, self.seen = collect(lambda: [r.get("text") or "" for r in replies(self.conversation)],
                                   self.seen, until, settle)
        new = replies(self.conversation)[self.seen - len(texts):self.seen]
        cards = [r for r in new if r.get("attachments") and r["attachments"][0]["content"].get("actions")]
        self.actions = cards[-1]["attachments"][0]["content"]["actions"] if cards else []
        return "\n".join(texts)

    def say(self, text, until, settle=0.0):
        return self.post(text, until, settle)

    def tap(self, choice, until, settle=0.0):
        assert [a["title"] for a in self.actions] == CHOICES, self.actions
        back = self.actions[choice - 1]["data"]["msteams"]
        return self.post(back["text"], until, settle, back.get("value"))


class WebChat(Chat):
    def __init__(self, page, url: str, form: str, pattern: str) -> None:
        super().__init__("web", form, pattern)
        self.page, self.url = page, url

    def check(self, replies: list[tuple[str, str]], until: str) -> str:
        said = "\n".join(text for _, text in replies)
        assert until in said, (until, said)
        assert "sending messages very fast" not in said  # never rate limited
        return said

    def say(self, text, until, settle=0.0):
        self.pace.wait()
        return self.check(widget_say(self.page, text), until)

    def click(self, name: str, until: str) -> str:
        self.pace.wait()
        before = self.page.locator(".msg.bot").count()
        self.page.get_by_role("group", name="Suggested replies").get_by_role("button", name=name, exact=True).click()
        return self.check(wait_for_replies(self.page, before), until)

    def tap(self, choice, until, settle=0.0):
        quick = self.page.get_by_role("group", name="Suggested replies").get_by_role("button")
        assert quick.all_inner_texts() == CHOICES
        return self.click(CHOICES[choice - 1], until)


def answer_through(chat: Chat, first: int, last: int) -> str:
    """Answers questions first..last as the pattern says; the turn's text after the last."""
    said = ""
    for number in range(first, last + 1):
        until = chat.question(number + 1) if number < chat.total else "exploring careers only"
        said = chat.tap(int(chat.pattern[number - 1]), until, settle=0.0 if number < chat.total else 2.0)
    return said


def up_to_the_pause(chat: Chat) -> None:
    """From the first question to PAUSED_AT, with skip, back, bad replies, results asked too
    early and another question on the way."""
    answer_through(chat, 1, PAUSED_AT - 2)
    waiting = chat.question(PAUSED_AT - 1)
    chat.say("skip", chat.question(PAUSED_AT))
    chat.say("back", waiting)
    for bad in BAD_REPLIES:
        said = chat.say(bad, waiting)
        assert NOT_AN_ANSWER in said, (chat.name, bad, said)
    said = chat.say("show my results", waiting)
    assert f"come after the last question; you're at {PAUSED_AT - 1} of {chat.total}" in said
    answer_through(chat, PAUSED_AT - 1, PAUSED_AT - 1)
    # Another question mid-quiz is answered; the quiz waits.
    said = chat.say(OFF_TOPIC[0], OFF_TOPIC[1], settle=2.0)
    assert f"of {chat.total}: " not in said, said


def to_the_end(chat: Chat) -> str:
    said = chat.say("continue the quiz", chat.question(PAUSED_AT))
    assert f"pick up where you left off, at {PAUSED_AT} of {chat.total}" in said
    return answer_through(chat, PAUSED_AT, chat.total)


def side_by_side(parts: dict[str, Callable[[], object]], here: str) -> dict[str, object]:
    """Runs each person's part at once; returns what each returned or the exception it raised.
    Part `here` runs in this thread: Playwright's pages belong to the thread that opened them."""
    def outcome(part: Callable[[], object]) -> object:
        try:
            return part()
        except Exception as problem:  # noqa: BLE001 (kept for the test of that channel to raise)
            return problem

    with ThreadPoolExecutor(max_workers=len(parts) - 1) as pool:
        running = {name: pool.submit(outcome, part) for name, part in parts.items() if name != here}
        done = {here: outcome(parts[here])}
        return {**done, **{name: future.result() for name, future in running.items()}}


def raised(outcomes: dict[str, object]) -> None:
    """Fails with the first exception among the outcomes."""
    for outcome in outcomes.values():
        if isinstance(outcome, Exception):
            raise outcome


def ended(quizzes: dict, name: str) -> str:
    """The turn's text after the last answer on channel `name`, or what went wrong there."""
    outcome = quizzes["ended"][name]
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def rest_to_the_pause(stack, rest: RestChat) -> None:
    # A 16-year-old in Fresno: her results start with paths that begin in high school.
    rest.say("I'm 16, a junior in high school, and I live in Fresno CA", "")
    assert "haven't taken the career quiz yet" in rest.say("show my results", "career quiz")
    said = rest.say("take the full quiz", rest.question(1))
    assert "60 kinds of work" in said and "exploring careers only" in said and "1 of 60: Build kitchen cabinets." in said
    # Beyond a long story, a message over the channel's length limit gets its own plain sentence.
    assert "a bit long for me" in rest.say("I am not sure. " * 80, "")
    # "idk what I want" mid-quiz: the quiz is how to find out (not three careers).
    said = rest.say("idk what i want to do", rest.question(1))
    assert "what this quiz is for" in said and NOT_AN_ANSWER in said and "Three health careers" not in said
    up_to_the_pause(rest)
    assert slots(stack, rest.sender)["quiz"] == "short:" + rest.pattern[:PAUSED_AT - 1]


def teams_to_the_pause(teams: TeamsChat) -> None:
    assert "haven't taken the career quiz yet" in teams.say("show my results", "career quiz")
    assert "30 kinds of work" in teams.say("i want to take the career quiz", teams.question(1))
    up_to_the_pause(teams)


def sms_to_the_pause(sms: SmsChat) -> None:
    sms.say("I'm 19 and I live in Fresno", "", settle=2.0)
    assert "haven't taken the career quiz yet" in sms.say("show my results", "career quiz")
    # Someone undecided is offered the quiz in words (SMS has no buttons) and takes it so.
    assert 'say "quiz"' in sms.say("idk what i want to do", 'say "quiz"', settle=2.0)
    assert "30 kinds of work" in sms.say("quiz", sms.question(1))
    up_to_the_pause(sms)


def web_to_the_pause(web_chat: WebChat) -> None:
    page = web_chat.page
    page.goto(web_chat.url)
    page.get_by_role("button", name="Chat about health careers").click()
    wait_until_connected(page)
    assert "haven't taken the career quiz yet" in web_chat.say("show my results", "career quiz")
    # Someone undecided clicks the offer's button.
    web_chat.say("idk what i want to do", "career quiz")
    assert "30 kinds of work" in web_chat.click("Take the quiz", web_chat.question(1))
    up_to_the_pause(web_chat)


@pytest.fixture(scope="module")
def quizzes(stack, twilio, botframework, chromium):  # noqa: F811 (chromium: the fixture imported above)
    """Four quizzes, one on each channel, taken to question PAUSED_AT side by side; then the
    service restarted and each quiz taken on to the end, side by side again ("ended": the last
    turn's text of each, or what went wrong on that channel, for that channel's test)."""
    chats = {
        "rest": RestChat(stack, "short", answers_for("short", {"I": 5, "S": 5, "A": 2, "C": 2})),
        "teams": TeamsChat(stack, botframework, "quick", answers_for("quick", {"C": 5, "E": 3})),
        "sms": SmsChat(stack, twilio, "quick", answers_for("quick", {"R": 5, "A": 5, "E": 2})),
        "web": WebChat(chromium.new_context(viewport={"width": 1280, "height": 800}).new_page(),
                       f"{stack.rasa_url}/webhooks/web/", "quick", answers_for("quick", {"E": 5})),
    }
    # An ordinary conversation, its facts given before the restart.
    conversation = new_sender()
    say(stack, conversation, "I want medical assistant training")
    say(stack, conversation, "I'm 24 and live in Fresno")
    raised(side_by_side({
        "rest": lambda: rest_to_the_pause(stack, chats["rest"]),
        "teams": lambda: teams_to_the_pause(chats["teams"]),
        "sms": lambda: sms_to_the_pause(chats["sms"]),
        "web": lambda: web_to_the_pause(chats["web"]),
    }, here="web"))

    for name in ("catalog", "actions", "rasa"):
        stack.restart(name)
    wait_until_connected(chats["web"].page)  # the widget reconnects by itself
    ended = side_by_side({name: lambda chat=chat: to_the_end(chat) for name, chat in chats.items()}, here="web")
    return {**chats, "ended": ended, "conversation": conversation}


def test_conversation_survives_a_restart_of_every_process(stack, quizzes):
    sender = quizzes["conversation"]
    kept = tracker(stack, sender)["slots"]
    assert str(kept["age"]).startswith("24") and kept["place"] == "Fresno"
    # The facts are still known: the last answer runs again with them and a new one.
    reply = words(say(stack, sender, "I have my GED"))
    assert "Futuro Health" in reply and "how old" not in reply.lower()


def test_undecided_gets_the_offer_not_a_program_list(stack):
    reply = rest_post(stack, {"sender": f"quiz-{uuid.uuid4().hex[:10]}",
                              "message": "honestly i have no idea what job i want"}).json()
    said = "\n".join(m.get("text") or "" for m in reply)
    assert "career quiz" in said and "workshop" not in said.lower()
    assert any(b["title"] == "Take the quiz" for m in reply for b in m.get("buttons") or [])


def test_a_whole_short_form_over_rest_resumed_after_a_restart(stack, quizzes):
    rest = quizzes["rest"]
    said = ended(quizzes, "rest")
    assert "Your strongest interests: Investigative" in said and "Social" in said
    assert "begin in high school" in said and "exploring careers only" in said
    kept = slots(stack, rest.sender)
    assert kept["quiz"] is None and kept["quiz_results"]["top_areas"] == ["I", "S"]
    assert kept["quiz_results"]["answers"] == rest.pattern and kept["quiz_results"]["form"] == "short"
    assert kept["grade"], kept  # the student's grade, kept through the quiz and the restart
    assert kept["age"] == "16", kept  # "7" answering a question is not an age
    assert "Your strongest interests: Investigative" in rest.say("show my results", "Your strongest interests")


def test_a_whole_quick_quiz_in_teams_clicking_the_cards_resumed_after_a_restart(stack, quizzes):
    said = ended(quizzes, "teams")
    assert "Your strongest interests: Conventional" in said


def test_a_whole_quick_quiz_by_sms_in_digits_resumed_after_a_restart(stack, quizzes):
    sms = quizzes["sms"]
    said = ended(quizzes, "sms")
    assert "Your strongest interests: Realistic" in said and "Artistic" in said
    kept = slots(stack, sms.sender)
    assert kept["quiz_results"]["answers"] == sms.pattern
    assert kept["age"] == "19", kept  # 30 typed digits, none of them taken for an age


def test_a_whole_quick_quiz_in_the_widget_clicking_the_buttons_resumed_after_a_restart(stack, quizzes):
    said = ended(quizzes, "web")
    assert "Your strongest interests: Enterprising" in said and "exploring careers only" in said
