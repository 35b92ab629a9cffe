"""The off-topic net (bot/nlu_off_topic.py): text the model could not place that says nothing of
what the assistant covers gets out_of_scope; anything with a subject word, an entity (but a place
that moves nothing or a number the model took for an age), a number that may be one of the person's
facts, or under five words keeps the model's decision. So does a career, medical, small-talk,
hand-off or forget-me guess of four words or more with none of those, no word pointing back and no
word of health; a small-talk, hand-off or forget-me guess with its own words keeps it too."""

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
    assert message.get("off_topic_check") == {"unplaced_and_off_topic": True, "guess_without_our_subject": False,
                                                "arithmetic": False}


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


@pytest.mark.parametrize("intent", ["crisis", "start_over", "next_steps", "inform", "show_more"])
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
    assert message.get("off_topic_check") == {"unplaced_and_off_topic": False, "guess_without_our_subject": True,
                                                "arithmetic": False}


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


# Sums: their digits are numbers to compute, not an age or a ZIP; none is about what we cover.
@pytest.mark.parametrize("text, intent", [
    ("is 126 divisible by 8", "nlu_fallback"), ("add up 8 and 7", "find_jobs"),
    ("what is 87 divided by 4", "explore_career"), ("whats 12 times 9", "inform"),
])
def test_arithmetic_is_off_topic_whatever_the_guess(net, text, intent):
    message = parsed(net, text, intent=intent)
    assert message.get(INTENT)["name"] == "out_of_scope"
    assert message.get("off_topic_check")["arithmetic"] is True


@pytest.mark.parametrize("text, intent", [
    # Pay worked out, and a crisis that holds a number, keep their answers.
    ("if a cna makes 18 an hour times 40 hours what is that a week", "explore_career"),
    ("is 20 divided by 2 hours of training per week enough for the program", "program_info"),
    ("i took 30 times my dose", "crisis"), ("what is 87 divided by 4", "crisis"),
    ("my kid swallowed 2 plus 3 of my pills", "medical_question"), ("how is the nclex divided by category", "inform"),
    ("what is 1000 ml divided by 8 hours for a drip rate", "inform"),
])
def test_arithmetic_about_our_subjects_or_a_crisis_is_left_alone(net, text, intent):
    assert parsed(net, text, intent=intent).get(INTENT)["name"] == intent


# Clock times and years are no age, grade, ZIP or score: such text is off-topic like any other...
@pytest.mark.parametrize("text", [
    "set an alarm for 05:00 and one for 16:00", "what were the best new tv shows of 2019",
    "what dog breed sold the most in 2018",
])
def test_times_years_and_amounts_do_not_keep_the_fallback(net, text):
    assert parsed(net, text).get(INTENT)["name"] == "out_of_scope"


# ...while a number that may be one keeps the dialogue's reading when the model tagged nothing.
@pytest.mark.parametrize("text", ["im 16 so what should i do now", "my zip is 93701 if that matters at all",
                                  "is a 3.5 gpa good enough for ucla", "is $25 an hour good in fresno",
                                  "i was born in 2008 what should i do", "class of 2027, what should i do"])
def test_a_number_that_may_be_an_age_grade_or_zip_keeps_the_fallback(net, text):
    assert parsed(net, text).get(INTENT)["name"] == "nlu_fallback"


# Small talk, a hand-off and forget-me guessed for text with none of their words is off-topic...
@pytest.mark.parametrize("text, intent", [
    ("how is sushi at jiro", "greet"), ("i need to do laundry later today", "goodbye"),
    ("what things did i not want to forget", "forget_me"), ("can you permanently talk faster", "human_handoff"),
    ("find out for me as to why people get grey hair", "affirm"), ("will you set up a reminder for me", "thank"),
])
def test_a_small_talk_handoff_or_forget_guess_without_its_words_is_off_topic(net, text, intent):
    message = parsed(net, text, intent=intent)
    assert message.get(INTENT)["name"] == "out_of_scope"
    assert message.get("off_topic_check")["guess_without_our_subject"] is True


# ...while with them it keeps its answer.
@pytest.mark.parametrize("text, intent", [
    ("hey there how are you doing today", "greet"), ("i enjoyed speaking with you", "goodbye"),
    ("ok see you later then", "goodbye"), ("thank you so much for this", "thank"),
    ("yes please do that for me", "affirm"), ("nah not right now i guess", "deny"),
    ("who is your manufacturer anyway", "bot_challenge"), ("please forget everything i said", "forget_me"),
    ("can i talk to a real person", "human_handoff"), ("i would like to speak with someone", "human_handoff"),
])
def test_a_small_talk_handoff_or_forget_guess_with_its_words_stays(net, text, intent):
    assert parsed(net, text, intent=intent).get(INTENT)["name"] == intent


# A place that moves nothing, and numbers the model took for ages, are no facts of ours...
@pytest.mark.parametrize("text, intent, entities", [
    ("do i need an international visa to get into italy", "nlu_fallback",
     [{"entity": "GPE", "value": "italy", "start": 43, "end": 48}]),
    ("do i have any meetings today between 9 and 10", "nlu_fallback",
     [{"entity": "age", "value": "9", "start": 36, "end": 37}, {"entity": "age", "value": "10", "start": 42, "end": 44}]),
    ("add up 8 and 7", "inform", [{"entity": "age", "value": "8", "start": 7, "end": 8}]),
    ("undo my reservation for 5 at the loft", "nlu_fallback", [{"entity": "age", "value": "5", "start": 24, "end": 25}]),
])
def test_a_place_alone_or_a_number_that_is_no_age_does_not_keep_the_model(net, text, intent, entities):
    assert parsed(net, text, intent=intent, entities=entities).get(INTENT)["name"] == "out_of_scope"


# ...but a place that moves the search, a real age, a grade, a length of study or a word of the
# phone as a way to reach someone keeps the model's reading.
@pytest.mark.parametrize("text, intent, entities", [
    ("what about los angeles", "explore_career", [{"entity": "GPE", "value": "los angeles", "start": 11, "end": 22}]),
    ("anything closer to fresno maybe later", "nlu_fallback", [{"entity": "GPE", "value": "fresno", "start": 19, "end": 25}]),
    ("17 and honestly no clue what now", "nlu_fallback", [{"entity": "age", "value": "17", "start": 0, "end": 2}]),
    ("im 16 so what should i do now", "nlu_fallback", [{"entity": "age", "value": "16", "start": 3, "end": 5}]),
    ("is it bad to quit after 3 months", "nlu_fallback", []),
    ("whats the fastest thing i can finish, 6 wks or less", "explore_career", []),
    ("whats the best phone number to reach you at", "nlu_fallback", []),
])
def test_a_place_that_moves_the_search_or_a_fact_keeps_the_model(net, text, intent, entities):
    assert parsed(net, text, intent=intent, entities=entities).get(INTENT)["name"] == intent


# The device is no subject of ours; "it" that stands for nothing said before points nowhere.
@pytest.mark.parametrize("text, intent", [
    ("what did i do with my phone", "explore_career"), ("unsync yourself from my phone please", "nlu_fallback"),
    ("how long does it take to become an architect", "explore_career"),
    ("is it true that nicotine is harder to kick than coffee", "explore_career"),
])
def test_the_device_and_an_empty_it_are_off_topic(net, text, intent):
    assert parsed(net, text, intent=intent).get(INTENT)["name"] == "out_of_scope"
