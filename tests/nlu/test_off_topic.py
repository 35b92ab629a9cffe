"""The off-topic net (bot/nlu_off_topic.py): text the model could not place that says nothing of
what the assistant covers gets out_of_scope; anything with a subject word, an entity, a digit or
under five words keeps the model's decision. So does a career or medical guess of four words or
more with none of those, no word pointing back and no word of health."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu_off_topic import MIN_WORDS, OffTopicWhenUnplaced


@pytest.fixture(scope="module")
def net():
    return OffTopicWhenUnplaced({"min_words": MIN_WORDS})


def parsed(net, text: str, intent: str = "nlu_fallback", entities: list | None = None) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.5})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 0.5}, {"name": "greet", "confidence": 0.3}])
    message.set(ENTITIES, entities or [])
    return net.process([message])[0]


@pytest.mark.parametrize("text", [
    "is chocolate bad for you or good for you", "will you set up a reminder", "what are black holes exactly",
    "let my brother know he owes me", "recipe for banana bread please", "how do i get better at chess",
])
def test_unplaced_text_about_nothing_we_cover_is_off_topic(net, text):
    message = parsed(net, text)
    assert message.get(INTENT)["name"] == "out_of_scope"
    assert message.get(INTENT_RANKING_KEY)[0]["name"] == "out_of_scope"
    assert message.get("off_topic_check") == {"unplaced_and_off_topic": True, "guess_without_our_subject": False}


@pytest.mark.parametrize("text", [
    # A subject of ours: the person may have asked something the model could not place.
    "help paying for my medical assistant program", "is this open to people outside california? asking for work",
    "can i do it online", "show me the next ones", "am i talking to ai right now", "you can text me",
    "is the first one free or do you have to pay",
    # Short replies, names and numbers answer a question just asked (the hand-off's too).
    "naw", "out west", "i'm 34 now", "oakland 94612", "Maria Elena Lopez", "what are black holes",
    "give me a ring", "reach me on microsoft teams",
])
def test_text_with_a_subject_word_a_number_or_few_words_keeps_the_fallback(net, text):
    assert parsed(net, text).get(INTENT)["name"] == "nlu_fallback"


def test_an_extracted_entity_keeps_the_fallback(net):
    entities = [{"entity": "GPE", "value": "Bakersfield", "start": 7, "end": 18}]
    assert parsed(net, "out by Bakersfield way", entities=entities).get(INTENT)["name"] == "nlu_fallback"


@pytest.mark.parametrize("intent", ["crisis", "greet", "thank", "human_handoff", "forget_me", "start_over", "next_steps"])
def test_other_placed_messages_are_never_changed(net, intent):
    assert parsed(net, "will you set up a reminder for me", intent=intent).get(INTENT)["name"] == intent


# Off-topic text the model placed with confidence as a career, program or medical question.
@pytest.mark.parametrize("text, intent", [
    ("which nations are not democratic", "explore_career"), ("what's the humidity today", "medical_question"),
    ("how to unclog a drain", "find_programs"), ("what kind of sockets do the us use", "explore_career"),
    ("i want to hear something hilarious", "medical_question"),
    # "work" as in functioning, and apples, are no subject of ours.
    ("how does a democracy work", "explore_career"), ("can i swap the apples for grapes", "check_eligibility"),
])
def test_a_career_or_medical_guess_about_nothing_we_cover_is_off_topic(net, text, intent):
    message = parsed(net, text, intent=intent)
    assert message.get(INTENT)["name"] == "out_of_scope"
    assert message.get("off_topic_check") == {"unplaced_and_off_topic": False, "guess_without_our_subject": True}


@pytest.mark.parametrize("text, intent", [
    # Pointing back at what was just shown: the dialogue answers it from the conversation.
    ("what do they do all day", "explore_career"), ("is the first one hard to get into", "check_eligibility"),
    ("where is it located", "program_info"),
    # A symptom or a medicine keeps the medical answer.
    ("my throat has been hurting for a week", "medical_question"), ("can i mix advil and nyquil", "medical_question"),
    # A student's future, and three words or fewer.
    ("no idea what to do after graduation", "explore_career"), ("i dont know what i want to be", "explore_career"),
    ("what does a coroner do", "explore_career"), ("how do i sign up", "find_programs"), ("is today monday", "explore_career"),
    # "work" as in a job, and applying.
    ("does kaiser let you work nights", "find_jobs"), ("where do i send my application", "next_steps"),
    ("how do nurses work with doctors", "explore_career"),
])
def test_a_guess_that_points_back_or_names_health_or_a_future_stays(net, text, intent):
    assert parsed(net, text, intent=intent).get(INTENT)["name"] == intent
