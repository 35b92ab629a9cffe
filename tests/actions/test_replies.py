"""A reply to the question the assistant asked fills that fact, whatever else the NLU read in its
words, and a program or fund asked about by its whole name is the subject, whatever kind of
request the NLU called it. action_answer against the real catalog."""

import pytest

from actions.answer import ActionAnswer, ActionFollowup
from tests.actions.conftest import make_tracker, run_action, slot_events, text_of

HUDNALL = "Ben Hudnall Memorial Trust tuition support"
SATCHER = "Satcher Health Policy Leadership Fellowship"
ED_FUND_ASKED = "Am I eligible for the SEIU-UHW & Joint Employer Education Fund Tuition Support?"


def entity(text: str, words: str, name: str, value: str | None = None, role: str | None = None) -> dict:
    start = text.index(words)
    found = {"entity": name, "value": value or words, "start": start, "end": start + len(words)}
    return {**found, "role": role} if role else found


def after(before: dict, text: str, intent: str, entities: list[dict], mapped: dict):
    """The tracker Rasa sends once the slot mappings (`mapped`) ran on a message, with `before`
    set by earlier turns."""
    tracker = make_tracker({**before, **mapped}, text=text, intent=intent, entities=entities, new_slots=mapped)
    tracker.events[:0] = [{"event": "slot", "name": name, "value": value} for name, value in before.items()]
    return tracker


def asked(fact: str, name: str, subject: dict, **facts) -> dict:
    return {"last_answer": {"kind": "about", "name": name, "text": f"Am I eligible for the {name}?"},
            "asked_fact": fact, "subject": subject, **facts}


def test_a_union_whose_name_reads_as_a_place_a_job_and_a_degree_is_the_union(catalog, domain):
    before = asked("union", HUDNALL, {"type": "funding", "key": "ben_hudnall_trust_tuition_support", "name": HUDNALL},
                   employer="kaiser_permanente", employee="employee", program="Ben Hudnall Memorial Trust")
    text = "California Nurses Association"
    entities = [entity(text, "California", "program"), entity(text, "Nurses", "occupation", "registered_nurse"),
                entity(text, "Association", "education")]
    messages, events = run_action(ActionAnswer(), after(before, text, "inform", entities,
                                                        {"program": "California", "occupation": "registered_nurse",
                                                         "education": "Association"}), domain)
    slots, said = slot_events(events), text_of(messages)
    assert slots["union"] == "california nurses association"
    # The words inside the union's name were not a program, a career or a degree.
    assert slots["program"] == "Ben Hudnall Memorial Trust" and slots["occupation"] is None and slots["education"] is None
    assert said.startswith(HUDNALL) and "whether California Nurses Association (CNA) is part of" in said
    assert "I don't have California" not in said


def test_a_job_named_while_the_job_is_asked_is_the_job_done_now(catalog, domain):
    before = asked("current_occupation", SATCHER,
                   {"type": "program", "key": "satcher_health_policy_leadership_fellowship", "name": SATCHER})
    text = "I'm a pediatrician"
    messages, events = run_action(ActionAnswer(), after(before, text, "explore_career",
                                                        [entity(text, "pediatrician", "occupation")],
                                                        {"occupation": "pediatrician"}), domain)
    slots, said = slot_events(events), text_of(messages)
    assert slots["current_occupation"] == "pediatrician" and slots["occupation"] is None  # not a career to explore
    assert said.startswith(SATCHER) and "you likely qualify" in said


def test_a_reply_the_nlu_could_not_place_still_answers_the_question(catalog, domain):
    before = asked("union", HUDNALL, {"type": "funding", "key": "ben_hudnall_trust_tuition_support", "name": HUDNALL},
                   employer="kaiser_permanente", employee="employee")
    messages, events = run_action(ActionFollowup(), after(before, "OFNHP", "nlu_fallback", [], {}), domain)
    assert slot_events(events)["union"] == "ofnhp"
    assert text_of(messages).startswith(HUDNALL) and "probationary period" in text_of(messages)


def test_a_fund_asked_about_by_its_whole_name_is_the_subject_not_a_list(catalog, domain):
    text = ED_FUND_ASKED
    union = entity(text, "SEIU-UHW & Joint Employer Education Fund Tuition Support", "union")
    messages, events = run_action(ActionAnswer(), after({}, text, "tuition_support", [union], {"union": union["value"]}), domain)
    slots, said = slot_events(events), text_of(messages)
    assert said.startswith("SEIU-UHW & Joint Employer Education Fund Tuition Support") and "Here are" not in said
    assert slots["subject"]["key"] == "seiu_uhw_education_fund_tuition_reimbursement"
    assert slots["last_answer"]["kind"] == "about"
    # The fund's name is nobody's union: forgotten, so the union can be asked when it matters.
    assert slots["union"] is None and slots["asked_fact"] == "employer"


def test_a_question_of_their_own_is_never_read_as_the_reply(catalog, domain):
    pipeline = "Kaiser Permanente health career pipeline programs for students"
    before = asked("grade", pipeline, {"type": "program", "key": "kp_health_career_pipeline_programs", "name": pipeline},
                   student=True)
    _, events = run_action(ActionAnswer(), after(before, "what about college programs", "find_programs", [], {}), domain)
    assert "grade" not in slot_events(events)


def test_a_question_naming_a_fund_the_nlu_could_not_place_is_answered_about_it(catalog, domain):
    text = "Am I eligible for the Nurse Scholars Academy tuition assistance (Choice program)?"
    messages, events = run_action(ActionFollowup(), after({}, text, "nlu_fallback",
                                                          [entity(text, "Nurse Scholars Academy", "program")],
                                                          {"program": "Nurse Scholars Academy"}), domain)
    said = text_of(messages)
    assert said.startswith("Nurse Scholars Academy tuition assistance (Choice program):") and "Where do you live?" in said
    assert slot_events(events)["subject"]["key"] == "kp_nurse_scholars_tuition_support"


def test_a_union_said_with_not_goes_to_the_catalog_with_its_not(catalog, domain):
    # The NLU marked "union" alone; as a fact it would read as being in one, and a non-union nurse
    # would be shown union-only funds before the one for non-union nurses.
    text = "I'm a nurse at Kaiser in Oakland and I'm not in a union. Is there tuition help?"
    union = entity(text, "union", "union")
    found = [union, entity(text, "Kaiser", "employer"), entity(text, "Oakland", "GPE")]
    mapped = {"union": "union", "employer": "Kaiser", "place": "Oakland"}
    messages, events = run_action(ActionAnswer(), after({"current_occupation": "registered nurse"}, text, "tuition_support",
                                                        found, mapped), domain)
    said = text_of(messages)
    assert slot_events(events)["union"] == "not in a union"
    assert "Ben Hudnall" not in said and "SEIU-UHW" not in said
    assert "Nurse Scholars Academy tuition assistance" in said
    # Said without a "not", the same word is still a union, left as the slot mapping took it.
    from actions.facts import fact_events

    text = "I'm a nurse at Kaiser in Oakland and I'm in the union. Is there tuition help?"
    given, _ = fact_events(after({}, text, "tuition_support", [entity(text, "union", "union")], {"union": "union"}))
    assert "union" not in given
    text = "I'm non-union"
    given, _ = fact_events(after({}, text, "inform", [entity(text, "union", "union")], {"union": "union"}))
    assert given["union"] == "non-union"


@pytest.mark.parametrize("unplaced, guessed, answered", [(True, False, True), (False, True, True), (False, False, False)])
def test_a_bare_name_the_off_topic_net_relabelled_is_still_answered_about(catalog, domain, unplaced, guessed, answered):
    # bot/nlu_off_topic.py calls unplaced text, or a career guess, with none of the assistant's
    # words off-topic; a catalog name can be such text. The model's own off-topic keeps its one line.
    text = "ben hudnall memorial trust please"
    tracker = after({}, text, "out_of_scope", [], {})
    tracker.latest_message["off_topic_check"] = {"unplaced_and_off_topic": unplaced, "guess_without_our_subject": guessed}
    messages = run_action(ActionFollowup(), tracker, domain)[0]
    said = text_of(messages)
    off_topic_line = any(message.get("response") == "utter_out_of_scope" for message in messages)
    assert ("Ben Hudnall" in said) == answered and off_topic_line != answered, messages


def test_a_funds_name_split_into_union_and_program_goes_to_the_catalog_whole(catalog, domain):
    from actions.facts import fact_events

    # The NLU marked "SEIU-UHW & Joint Employer" a union and the rest of the fund's name a program:
    # as the person's union it would say they likely qualify before asking anything.
    text = "Am I eligible for the SEIU-UHW & Joint Employer Education Fund Tuition Support?"
    found = [entity(text, "SEIU-UHW & Joint Employer", "union"), entity(text, "Education Fund Tuition Support", "program")]
    given, _ = fact_events(after({}, text, "tuition_support", found, {"union": "SEIU-UHW & Joint Employer"}))
    assert given["union"] == "SEIU-UHW & Joint Employer Education Fund Tuition Support"
    # A union said beside a program that is not part of its name stays the union.
    text = "I'm in SEIU-UHW, can I get the Ben Hudnall Trust?"
    found = [entity(text, "SEIU-UHW", "union"), entity(text, "Ben Hudnall Trust", "program")]
    given, _ = fact_events(after({}, text, "tuition_support", found, {"union": "SEIU-UHW"}))
    assert "union" not in given
