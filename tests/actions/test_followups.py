"""Follow-ups against the real catalog: the conversation keeps its subject and last list, a
follow-up gets the answer to what was asked (not the whole card again), a pending question never
swallows a new question, and a question the person skipped is not asked again."""

from actions.answer import ActionAnswer, ActionFollowup
from tests.actions.conftest import make_tracker, run_action, slot_events, text_of
from tests.actions.test_answers import gpe, occupation


def turn(domain, action, slots=None, **message):
    messages, events = run_action(action, make_tracker(slots, **message), domain)
    return text_of(messages), slot_events(events)


def test_a_career_answer_keeps_its_subject_and_a_followup_answers_one_aspect(catalog, domain):
    card, slots = turn(domain, ActionAnswer(), text="what does a respiratory therapist do", intent="explore_career",
                       entities=occupation("respiratory_therapist"))
    assert slots["subject"] == {"type": "career", "key": "respiratory_therapist", "name": "Respiratory Therapist"}
    said, after = turn(domain, ActionAnswer(), {**slots, "asked_fact": "place"}, text="how much school",
                       intent="find_programs")
    assert "associate degree" in said and "breathing" not in said  # the aspect, not the card again
    assert "place" not in after or after.get("place") is None  # "how much school" is not a place
    assert after["skipped_facts"] == ["place"]


def test_the_nlu_fallback_on_a_followup_is_answered_from_the_record(catalog, domain):
    subject = {"type": "program", "key": "futuro_health_medical_assistant", "name": "Futuro Health: Medical Assistant"}
    said, slots = turn(domain, ActionFollowup(), {"subject": subject}, text="is it paid", intent="nlu_fallback")
    assert said.startswith("Whether Futuro Health: Medical Assistant pays you is not published: ask Futuro Health")
    assert slots["last_aspect"] == "paid"


def test_off_topic_without_a_subject_gets_the_usual_line(catalog, domain):
    messages, _ = run_action(ActionFollowup(), make_tracker(text="what's the capital of france", intent="out_of_scope"), domain)
    assert messages[0]["response"] == "utter_out_of_scope"


def test_a_place_the_nlu_called_off_topic_answers_the_pending_question(catalog, domain):
    _, slots = turn(domain, ActionAnswer(), text="how do i become a medical assistant", intent="explore_career",
                    entities=occupation("medical_assistant"))
    said, after = turn(domain, ActionFollowup(), slots, text="san francisco", intent="out_of_scope",
                       entities=[{"entity": "GPE", "value": "san francisco", "start": 0, "end": 13},
                                 {"entity": "GPE", "value": "san", "start": 0, "end": 3}])
    assert after["place"] == "san francisco" and "Medical" in said


def test_a_correction_takes_back_the_old_place(catalog, domain):
    text = "sorry i meant modesto not fresno"
    entities = [{"entity": "GPE", "value": "Modesto", "start": 14, "end": 21},
                {"entity": "GPE", "value": "Fresno", "start": 26, "end": 32}]
    _, slots = turn(domain, ActionAnswer(), {"last_answer": {"kind": "career", "occupation": "medical_assistant"}},
                    text=text, intent="inform", entities=entities)
    assert slots["place"] == "Modesto"


def test_an_army_vet_is_a_veteran(catalog, domain):
    said, slots = turn(domain, ActionAnswer(), text="army vet", intent="inform", entities=occupation("vet"))
    assert slots["group"] == "veteran" and "I don't have vet" not in said


def test_a_skipped_question_is_not_asked_again(catalog, domain):
    said, _ = turn(domain, ActionAnswer(), {"skipped_facts": ["place"]}, text="how do i become a cna",
                   intent="explore_career", entities=occupation("nursing_assistant"))
    assert "Where do you live" not in said


def test_and_for_an_lvn_keeps_the_aspect(catalog, domain):
    slots = {"subject": {"type": "career", "key": "medical_assistant", "name": "Medical Assistant"}, "last_aspect": "pay",
             "place": "Fresno"}
    said, after = turn(domain, ActionFollowup(), slots, text="and for an LVN?", intent="nlu_fallback",
                       entities=occupation("licensed_vocational_nurse") + gpe())
    assert after["subject"]["key"] == "licensed_vocational_nurse" and "vocational nurses" in said.lower()


def test_a_longer_name_in_the_message_wins_over_the_part_marked(catalog, domain):
    said, slots = turn(domain, ActionAnswer(), text="tell me about futuro health medical assistant", intent="program_info",
                       entities=[{"entity": "program", "value": "futuro_health"}])
    assert slots["subject"]["key"] == "futuro_health_medical_assistant" and "Medical Assistant" in said


def test_the_aspect_of_a_first_question_is_kept_for_and_for(catalog, domain):
    _, slots = turn(domain, ActionAnswer(), text="how much do medical assistants make", intent="explore_career",
                    entities=occupation("medical_assistant"))
    assert slots["last_aspect"] == "pay" and slots["subject"]["key"] == "medical_assistant"
