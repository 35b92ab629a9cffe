"""Replies to the check-in (bot/nlu_check_in_reply.py): a reply that says the person is fine is
marked so, and is a yes or a no as it opens; one that hedges, takes it back or says more of danger
is not; ordinary talk that opens with the same words is left alone."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu_check_in_reply import asks, hedges, says_fine
from bot.nlu_safety import CrisisKeywordClassifier

FINE = [
    "im fine", "nah im good", "no im okay lol", "yeah im alright, thanks", "i am totally fine",
    "no no im good, my phone was about to die", "fine. kinda embarrassed now", "Safe. Just worded it badly.",
    "all good lol", "im safe, promise", "haha no you misread me, im leaving my job not leaving life",
    "u read that wrong, i was just asking about the 401k", "i was only joking about the exam",
    "omg no it was song lyrics", "nope, not in danger, just stressed about boards", "doing fine honestly",
    "I'm okay. I was referring to my contract ending.", "yes completely safe, thanks for checking",
]
NOT_FINE = [
    # Ordinary talk that opens with the same words.
    "im good at biology, what jobs use it", "i'm fine with night shifts, which jobs have them",
    "good evening", "ok sure", "ok thanks for the info", "sorry i meant 21", "alright what now",
    "im ok with blood, is phlebotomy a good fit", "good morning, can you help me",
    # Taken back, or not fine at all.
    "im fine jk", "im fine. not really", "i'm ok but i keep thinking about it", "im not ok",
    "no im not fine", "idk im fine i guess", "its fine it wont matter soon",
]


@pytest.mark.parametrize("text", FINE)
def test_saying_one_is_fine_or_was_read_wrong_is_found(text):
    assert says_fine(text)


@pytest.mark.parametrize("text", NOT_FINE)
def test_ordinary_openings_and_fine_taken_back_are_not(text):
    assert not says_fine(text)


@pytest.mark.parametrize("text", ["kind of", "i guess", "safe for now", "does it matter", "idk", "maybe"])
def test_a_hedged_yes_is_found(text):
    assert hedges(text)


@pytest.mark.parametrize("text", ["yes", "yeah", "ok", "yep im here"])
def test_a_plain_yes_does_not_hedge(text):
    assert not hedges(text)


def test_a_question_after_fine_is_a_question():
    assert asks("yes im fine. how long is the cna class")
    assert asks("I'm okay, I wanted to know about tuition reimbursement")
    assert not asks("lol im fine my coach just yelled at me")


@pytest.fixture(scope="module")
def net():
    return CrisisKeywordClassifier(CrisisKeywordClassifier.get_default_config())


def decide(net, text, intent):
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": 0.9},
                            INTENT_RANKING_KEY: [{"name": intent, "confidence": 0.9}]})
    return net.process([message])[0]


def marks(message, entity="check_in_reply"):
    return [e["value"] for e in message.get(ENTITIES) or [] if e["entity"] == entity]


@pytest.mark.parametrize("text, model", [("nah im good, i meant im switching schools", "out_of_scope"),
                                         ("im fine", "nlu_fallback"),
                                         ("lol im fine my boss just yelled at me", "explore_career"),
                                         ("all good here, thanks", "thank")])
def test_fine_that_opens_with_no_or_nothing_is_a_no_marked_fine(net, text, model):
    message = decide(net, text, model)
    assert message.get(INTENT)["name"] == "deny" and marks(message) == ["fine"]
    assert message.get("crisis_check")["by"] == "said fine"


@pytest.mark.parametrize("text", ["yes im fine, i meant my battery", "ya im ok", "yes im safe"])
def test_fine_that_opens_with_yes_is_a_yes_marked_fine(net, text):
    message = decide(net, text, "out_of_scope")
    assert message.get(INTENT)["name"] == "affirm" and marks(message) == ["fine"]


def test_a_question_after_fine_keeps_its_intent_and_gets_its_answer(net):
    message = decide(net, "yes im fine, how do i sign up for the cna class?", "find_programs")
    assert message.get(INTENT)["name"] == "find_programs" and marks(message) == []


def test_a_plain_yes_is_marked_fine_and_a_hedged_one_is_not(net):
    assert marks(decide(net, "yes", "affirm")) == ["fine"]
    hedged = decide(net, "kind of", "affirm")
    assert hedged.get(INTENT)["name"] == "affirm" and marks(hedged) == []


def test_every_crisis_reply_opens_the_check_in_again(net):
    hint = decide(net, "if something happens to me who gets my last paycheck", "find_jobs")
    assert marks(hint, "crisis_level") == ["check_in"] and marks(hint) == ["open"]
    danger = decide(net, "i want to end my life", "crisis")
    assert marks(danger, "crisis_level") == ["danger"] and marks(danger) == ["open"]


@pytest.mark.parametrize("text", ["im fine but i still have the pills", "no im good, i already wrote my goodbye letters",
                                  "im fine, i just want to die"])
def test_fine_said_beside_danger_is_not_fine(net, text):
    message = decide(net, text, "out_of_scope")
    assert marks(message) != ["fine"]
