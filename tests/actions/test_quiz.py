"""action_quiz against the real catalog: a whole quick quiz one message at a time, kept in one
slot, with skip, back, a pause, bad replies, SMS and web layouts, results kept and reused, and the
hand-off carrying them."""

from __future__ import annotations

from actions.handoff import context_of
from actions.answer import ActionAnswer, ActionFollowup
from actions.quiz import QUIZ_BUTTON, ActionQuiz
from tests.actions.conftest import make_tracker, run_action, slot_events, text_of


def quiz(domain, slots=None, **message):
    messages, events = run_action(ActionQuiz(), make_tracker(slots, **message), domain)
    return messages, slot_events(events)


def reply(domain, slots, text, channel="rest", intent="quiz_reply"):
    return quiz(domain, slots, text=text, intent=intent, channel=channel)


def test_someone_undecided_gets_careers_to_start_from_and_the_quiz_offered(catalog, domain):
    tracker = make_tracker(text="idk what i want to do", intent="explore_career")
    messages, events = run_action(ActionAnswer(), tracker, domain)
    said = text_of(messages)
    assert "Three health careers you can start with short training" in said and 'say "quiz"' in said
    assert QUIZ_BUTTON in messages[-1]["buttons"]
    assert "quiz" not in slot_events(events)  # offered, never started on them
    sms, _ = run_action(ActionAnswer(), make_tracker(text="idk what i want to do", intent="explore_career",
                                                     channel="sms"), domain)
    assert 'say "quiz"' in text_of(sms) and not any(m.get("buttons") for m in sms)


def test_a_quiz_reply_with_no_quiz_going_on_offers_it(catalog, domain):
    messages, slots = quiz(domain, text="idk")
    assert "no quiz going on" in text_of(messages) and messages[0]["buttons"] == [QUIZ_BUTTON]
    assert "quiz" not in slots


def test_a_whole_quick_quiz_one_question_per_message(catalog, domain):
    messages, slots = quiz(domain, text="career quiz", intent="quiz_start")
    assert "30 kinds of work" in messages[0]["text"] and "exploring careers only" in messages[0]["text"]
    first = messages[1]
    assert first["text"].startswith("1 of 30: Build kitchen cabinets.")
    assert [b["title"] for b in first["buttons"]] == ["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"]
    assert first["buttons"][3]["payload"] == '/quiz_reply{"quiz_answer": "4"}'
    assert slots == {"quiz": "quick:", "quiz_on": True}
    state = dict(slots)
    # Social and Investigative strong, the rest dislike: R I A S E C in turn.
    wanted = "152512" * 5
    for number, answer in enumerate(wanted, start=1):
        messages, events = reply(domain, state, answer)
        state.update(events)
        if number < 30:
            assert len(messages) == 1 and messages[0]["text"].startswith(f"{number + 1} of 30: ")
    assert state["quiz"] is None and state["quiz_on"] is False
    said = text_of(messages)
    assert "Your strongest interests: Investigative" in said and "Social" in said
    assert state["quiz_results"]["top_areas"] == ["I", "S"] and len(state["quiz_results"]["careers"]) == 3
    assert "exploring careers only" in said


def test_skip_back_and_a_button_payload(catalog, domain):
    state = {"quiz": "quick:45", "quiz_on": True}
    messages, slots = reply(domain, state, "skip")
    assert slots["quiz"] == "quick:450" and messages[0]["text"].startswith("4 of 30")
    messages, slots = reply(domain, {**state, **slots}, "back")
    assert slots["quiz"] == "quick:45" and messages[0]["text"].startswith("3 of 30")
    tracker = make_tracker(state, text='/quiz_reply{"quiz_answer": "1"}', intent="quiz_reply",
                           entities=[{"entity": "quiz_answer", "value": "1"}])
    _, events = run_action(ActionQuiz(), tracker, domain)
    assert slot_events(events)["quiz"] == "quick:451"


def test_bad_replies_get_a_plain_sentence_and_lose_nothing(catalog, domain):
    state = {"quiz": "quick:453", "quiz_on": True}
    for text, intent in [("7", "inform"), ("yes", "affirm"), ("idk", "quiz_reply"), ("🙂", "nlu_fallback"),
                         ("so basically i was thinking about it and " * 8, "nlu_fallback")]:
        messages, slots = reply(domain, state, text, intent=intent)
        assert messages[0]["text"].startswith("Please answer with a number from 1 to 5"), (text, messages)
        assert messages[1]["text"].startswith("4 of 30: ")
        assert slots["quiz"] == "quick:453"


def test_with_a_question_waiting_idk_or_a_story_called_off_topic_is_a_reply_to_it(catalog, domain):
    """What the NLU sends to the career answer ("idk what I want to do") or calls off-topic (a
    long story) while a quiz question waits gets the quiz's plain sentence and the question again."""
    state = {"quiz": "quick:453", "quiz_on": True}
    story = ("well I've never really built anything, my uncle does carpentry and I helped him once with a "
             "shelf and it was kind of fun but I don't know if I'd want to do it every day")
    for action, text, intent in [(ActionAnswer(), "idk what i want to do", "explore_career"),
                                 (ActionAnswer(), "dunno", "explore_career"),
                                 (ActionFollowup(), story, "out_of_scope")]:
        messages, events = run_action(action, make_tracker(state, text=text, intent=intent), domain)
        said = text_of(messages)
        assert "Please answer with a number from 1 to 5" in said and messages[-1]["text"].startswith("4 of 30: "), said
        assert ("what this quiz is for" in said) == (intent == "explore_career")
        assert "Three health careers" not in said
        assert slot_events(events).get("quiz", state["quiz"]) == "quick:453"
    # A paused quiz waits for "continue the quiz": the same messages get their usual answers.
    paused = {**state, "quiz_on": False}
    messages, _ = run_action(ActionAnswer(), make_tracker(paused, text="idk what i want to do",
                                                          intent="explore_career"), domain)
    assert "Three health careers" in text_of(messages)
    messages, _ = run_action(ActionFollowup(), make_tracker(paused, text=story, intent="out_of_scope"), domain)
    assert [m.get("response") for m in messages] == ["utter_out_of_scope"]


def told_16_then(text: str, intent: str, marked: str, quiz: str = "quick:453"):
    """A tracker where the person said they are 16, then replied `text`, in which the NLU marked
    `marked` as an age (and Rasa's slot mapping set it)."""
    start = text.index(marked)
    tracker = make_tracker({"quiz": quiz, "quiz_on": True, "age": "16"}, text=text, intent=intent,
                           entities=[{"entity": "age", "value": marked, "start": start, "end": start + len(marked)}],
                           new_slots={"age": marked}, channel="sms")
    tracker.events.insert(0, {"event": "slot", "name": "age", "value": "16"})
    return tracker


def test_the_size_of_the_quiz_asked_for_is_not_an_age_but_an_age_is(catalog, domain):
    tracker = told_16_then("the 60 question quiz", "quiz_start", "60", quiz=None)
    messages, events = run_action(ActionQuiz(), tracker, domain)
    assert slot_events(events)["age"] == "16" and "60 kinds of work" in text_of(messages)
    tracker = told_16_then("im 17, can i take the career quiz", "quiz_start", "17", quiz=None)
    assert "age" not in slot_events(run_action(ActionQuiz(), tracker, domain)[1])


def test_a_number_answering_a_question_is_not_an_age(catalog, domain):
    for text, intent in [("3", "quiz_reply"), ("5", "nlu_fallback"), ("7", "inform")]:
        messages, events = run_action(ActionQuiz(), told_16_then(text, intent, text), domain)
        assert slot_events(events)["age"] == "16", (text, events)
        assert "remember" not in text_of(messages)
    # The last answer: the results are for a 16-year-old, not a 3-year-old.
    messages, events = run_action(ActionQuiz(), told_16_then("3", "quiz_reply", "3", "quick:" + "152512" * 4 + "15251"),
                                  domain)
    assert slot_events(events)["age"] == "16" and "Your strongest interests" in text_of(messages)
    assert "begin in high school" in text_of(messages)
    # A fact said mid-quiz is a fact: kept, and said so.
    messages, events = run_action(ActionQuiz(), told_16_then("actually I'm 17", "inform", "17"), domain)
    assert "age" not in slot_events(events) and "I'll remember that" in text_of(messages)


def test_sms_asks_each_question_in_one_segment(catalog, domain):
    messages, _ = quiz(domain, text="quiz", intent="quiz_start", channel="sms")
    item = messages[-1]
    assert not item.get("buttons") and "Reply 1-5" in item["text"] and len(item["text"]) <= 160
    state = {"quiz": "short:" + "3" * 59, "quiz_on": True}
    messages, _ = quiz(domain, state, text="stop", intent="quiz_start", channel="sms")
    assert messages[-1]["text"].startswith("60 of 60: ") and len(messages[-1]["text"]) <= 160


def test_stop_keeps_the_place_and_continue_resumes_it(catalog, domain):
    state = {"quiz": "quick:" + "4" * 11, "quiz_on": True}
    messages, slots = quiz(domain, state, text="stop the quiz", intent="quiz_stop")
    assert "saved your place" in text_of(messages) and slots == {"quiz_on": False}
    messages, slots = quiz(domain, {**state, **slots}, text="continue the quiz", intent="quiz_start")
    assert "pick up where you left off, at 12 of 30" in text_of(messages)
    assert messages[-1]["text"].startswith("12 of 30: ") and slots["quiz"] == state["quiz"]


def test_results_are_kept_reused_and_carried_by_the_hand_off(catalog, domain):
    kept = {"form": "quick", "answers": "515121" * 5, "top_areas": ["R", "A"], "scores": {}, "careers": []}
    messages, slots = quiz(domain, {"quiz_results": kept, "age": "30"}, text="show my results", intent="quiz_results")
    said = text_of(messages)
    assert "Your strongest interests: Realistic" in said and "Artistic" in said
    context = context_of(make_tracker({"quiz_results": slots["quiz_results"]}))
    assert context["interests"]["top_areas"] == ["R", "A"]


def test_results_before_any_answers_say_so(catalog, domain):
    messages, _ = quiz(domain, text="show my results", intent="quiz_results")
    assert "haven't taken the career quiz yet" in text_of(messages)
    messages, _ = quiz(domain, {"quiz": "quick:44", "quiz_on": True}, text="results please", intent="quiz_results")
    assert "come after the last question; you're at 3 of 30" in text_of(messages)


def test_all_the_same_answers_get_i_cant_tell_yet(catalog, domain):
    messages, slots = reply(domain, {"quiz": "quick:" + "3" * 29, "quiz_on": True}, "3")
    assert "I can't tell yet" in text_of(messages) and slots["quiz_results"] is None
