"""action_answer against the real catalog: every question answered in the first reply, at most
one question after it, facts taken from any message, and nothing swapped for something else."""

from actions.answer import ActionAnswer
from actions.more import ActionShowMore
from actions.render import SMS_MAX_CHARS
from tests.actions.conftest import make_tracker, run_action, slot_events, text_of


def gpe(*names):
    return [{"entity": "GPE", "value": name} for name in names]


def occupation(value, role=None):
    found = {"entity": "occupation", "value": value}
    return [{**found, "role": role}] if role else [found]


def answer(domain, slots=None, **message):
    messages, events = run_action(ActionAnswer(), make_tracker(slots, **message), domain)
    return messages, slot_events(events)


def test_a_career_question_is_answered_not_turned_into_a_form(catalog, domain):
    messages, slots = answer(domain, text="how do i become a cna", intent="explore_career",
                             entities=occupation("nursing_assistant"))
    first = messages[0]["text"]
    assert "nursing assistant" in first.lower() and "where do you live" not in first.lower()
    assert len(messages) <= 2  # the answer, then at most one question
    assert slots["last_answer"] == {"kind": "career", "occupation": "nursing_assistant"}


def test_the_place_given_next_reruns_the_career_answer(catalog, domain):
    _, slots = answer(domain, text="how do I become a doctor?", intent="explore_career",
                      entities=occupation("physician"))
    messages, after = answer(domain, {**slots, "occupation": "physician"}, text="Pasadena, CA",
                             intent="inform", entities=gpe("Pasadena", "CA"))
    said = text_of(messages)
    assert "Physician" in said and "$" in said and "don't have" not in said
    # Pay for the place, said with its source: Pasadena is in the Los Angeles area.
    assert "Los Angeles" in said or "Pasadena" in said
    assert after["place"] == "Pasadena, CA" and after["last_answer"]["occupation"] == "physician"


def test_a_bare_reply_to_the_asked_place_is_read_as_the_place(catalog, domain):
    last = {"kind": "career", "occupation": "physician"}
    messages, slots = answer(domain, {"last_answer": last, "asked_fact": "place"}, text="pasadena ca",
                             intent="explore_career")
    assert slots["place"] == "pasadena ca"
    said = text_of(messages)
    assert "Physician" in said and ("Los Angeles" in said or "Pasadena" in said)


def test_a_reply_that_is_another_fact_is_kept_as_that_fact(catalog, domain):
    last = {"kind": "list", "list": "scholarships", "occupation": None, "group": None, "text": "any scholarships?"}
    messages, slots = answer(domain, {"last_answer": last, "asked_fact": "place"}, text="16", intent="inform")
    assert slots["age"] == "16" and "place" not in slots
    assert "couldn't place" not in text_of(messages)


def test_a_career_the_guide_lacks_is_named_back(catalog, domain):
    messages, slots = answer(domain, text="how do I become a veterinarian?", intent="explore_career")
    said = text_of(messages)
    assert "veterinarian" in said and "don't have" in said
    assert slots["occupation"] is None


def test_a_named_program_is_answered(catalog, domain):
    messages, slots = answer(domain, text="tell me about Futuro Health", intent="program_info",
                             entities=[{"entity": "program", "value": "Futuro Health"}])
    assert "Futuro Health" in messages[0]["text"]
    assert slots["last_answer"] == {"kind": "about", "name": "Futuro Health", "text": "tell me about Futuro Health"}


def test_eligibility_with_facts_said_in_the_same_message(catalog, domain):
    text = "Am I eligible for the Nurse Scholars Academy? I'm an LVN at Kaiser in Fresno."
    messages, _ = answer(domain, {"current_occupation": "licensed_vocational_nurse", "employer": "Kaiser",
                                  "place": "Fresno"}, text=text, intent="check_eligibility",
                         entities=[{"entity": "program", "value": "Nurse Scholars Academy"}, *gpe("Fresno")])
    first = messages[0]["text"]
    assert "Nurse Scholars" in first and not first.startswith("How old")


def test_a_place_said_as_two_entities_is_one_place(catalog, domain):
    text = "I live in Houston Texas and want to be a medical assistant. any free training?"
    messages, slots = answer(domain, {"occupation": "medical_assistant"}, text=text, intent="find_programs",
                             entities=[*gpe("Houston", "Texas"), *occupation("medical_assistant")])
    assert slots["place"] == "Houston, Texas"
    said = text_of(messages)
    assert "couldn't find that place" not in said and "Houston" in said


def test_the_one_question_comes_last_and_is_remembered(catalog, domain):
    messages, slots = answer(domain, text="any scholarships?", intent="find_scholarships")
    assert slots["asked_fact"] == "place" and len(messages) == 2
    assert "where do you live" in messages[-1]["text"].lower()
    # Given, it is not asked again.
    messages, again = answer(domain, {**slots, "place": "Fresno, CA"}, text="Fresno, CA", intent="inform",
                             entities=gpe("Fresno", "CA"))
    assert again["asked_fact"] != "place" and "where do you live" not in text_of(messages).lower()


def test_show_more_continues_the_list(catalog, domain):
    first, slots = answer(domain, {"place": "Fresno, CA", "age": "24"}, text="training programs", intent="find_programs")
    messages, events = run_action(ActionShowMore(), make_tracker({**slots, "place": "Fresno, CA", "age": "24"}, intent="show_more"), domain)
    assert text_of(messages).startswith("Here are more:")
    # The page moved: other programs than the first page's, and the offset went on.
    shown_first, shown_next = listed_names(text_of(first)), listed_names(text_of(messages))
    assert shown_first and shown_next and not shown_first & shown_next, (shown_first, shown_next)
    assert slot_events(events)["results_offset"] > slots["results_offset"]


def listed_names(text: str) -> set[str]:
    """A list answer's item lines ("Name: why it fits", after the opening line), whole: names may
    hold a colon themselves ("KP School of Allied Health Sciences: Medical Assisting")."""
    return {line for line in text.splitlines()[1:] if ": " in line}


def test_sms_answers_are_short(catalog, domain):
    messages, _ = answer(domain, {"place": "93701"}, text="how do i become a nurse", intent="explore_career",
                         entities=occupation("registered_nurse"), channel="sms")
    assert len(messages[0]["text"]) <= SMS_MAX_CHARS + 300  # whole lines; one may run over


def test_a_fact_with_nothing_to_rerun_is_acknowledged(domain):
    messages, slots = answer(domain, text="I'm 19", intent="inform", entities=[{"entity": "age", "value": "19"}])
    assert "Got it" in text_of(messages)
    assert "last_answer" not in slots


def test_a_place_answer_misread_as_a_question_still_answers_the_question_asked(catalog, domain):
    # "Pasadena, CA" read as a search with "Pasadena" as a career: it answers "where do you live?".
    last = {"kind": "career", "occupation": "physician"}
    entities = [{"entity": "occupation", "value": "Pasadena", "start": 0, "end": 8},
                {"entity": "GPE", "value": "Pasadena", "start": 0, "end": 8}, {"entity": "GPE", "value": "CA", "start": 10, "end": 12}]
    messages, slots = answer(domain, {"last_answer": last, "asked_fact": "place", "occupation": "Pasadena"},
                             text="Pasadena, CA", intent="find_programs", entities=entities)
    said = text_of(messages)
    assert "Physician" in said and "don't have Pasadena" not in said
    assert slots["occupation"] == "physician" and slots["place"] == "Pasadena, CA"


def test_a_deadline_question_about_one_program_of_a_school(catalog, domain):
    text = "When is the deadline to apply to the KP School of Allied Health radiology program?"
    start = text.index("KP School")
    school = [{"entity": "program", "value": "KP School of Allied Health", "start": start, "end": start + 26}]
    messages, slots = answer(domain, text=text, intent="program_info", entities=school)
    first = messages[0]["text"]
    assert "Radiologic Technology" in first and "Dates are not published; check https://kpsahs.edu/apply-now" in first
    assert slots["last_answer"]["name"] == "KP School of Allied Health radiology"


def test_a_program_the_guide_lacks_is_named_back(catalog, domain):
    messages, slots = answer(domain, text="tell me about Hogwarts Nursing School", intent="program_info")
    said = text_of(messages)
    assert "Hogwarts Nursing School" in said and "Futuro" not in said
    assert slots["program"] is None


def test_facts_naming_a_career_with_nothing_to_rerun_answer_that_career(catalog, domain):
    text = "how do I become a nurse? I'm 16, in 11th grade in Oakland"
    messages, slots = answer(domain, {"age": "16", "place": "Oakland"}, text=text, intent="inform",
                             entities=[{"entity": "age", "value": "16"}, *gpe("Oakland")])
    assert "nurse" in messages[0]["text"].lower() and "Got it" not in text_of(messages)
    assert slots["last_answer"]["kind"] == "career"
